"""Every table a notebook shows is for readers (issue 17).

Reads the executed notebooks as committed and fails on a table output (HTML ``<table>`` or a pandas
text repr) that shows NaN or another missing marker, a ``dtype`` line, an index column, a cell cut with
"...", or an internal code (``pp_change``, ``more_than``, a sector id such as ``new_energy_vehicles``)
where a reader's label belongs. An analyst who wants the raw frame can display it in JupyterLab.
"""

from __future__ import annotations

import html
import re

import nbformat
import pytest

from briefing import tables

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
#: Notebooks whose tables are being rewritten for readers on another branch of issue 17 (notebooks
#: 06-11, helper ed-b): their failures are expected until that branch is merged. Empty this set then.
PENDING: set[str] = set()  # every notebook's tables are for readers

_CELL = re.compile(r"<(t[hd])\b([^>]*)>(.*?)</t[hd]>", re.S)
_TBODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
_MISSING = {"nan", "NaN", "<NA>", "None", "NaT", "null"}
_CODES = tables.known_codes()


def _tables(nb) -> list[tuple[int, str, str]]:
    """(cell index, mime type, text) of every table output of the notebook."""
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            if "<table" in data.get("text/html", ""):
                out.append((i, "text/html", data["text/html"]))
            elif o.get("output_type") == "stream" and "dtype:" in o.get("text", ""):
                out.append((i, "stream", o["text"]))
                if data.get("text/plain"):
                    out.append((i, "text/plain", data["text/plain"]))
            elif "dtype:" in data.get("text/plain", ""):
                out.append((i, "text/plain", data["text/plain"]))
    return out


def problems_of(text: str, mime: str) -> list[str]:
    """What a reader should not see in one table output."""
    found = []
    if "dtype:" in text:
        found.append("a dtype line")
    if mime != "text/html":
        if re.search(r"^\s*\d+\s{2,}\S", text, re.M):
            found.append("a pandas index column in the text repr")
        if "..." in text or "…" in text:
            found.append("a cell cut with '...'")
        return found
    for body in _TBODY.findall(text):
        if re.search(r"<th\b", body):
            found.append("an index column (<th> in the table body)")
            break
    if 'class="blank' in text or "row_heading" in text:
        found.append("an index column (Styler row headings)")
    for tag, _attrs, inner in _CELL.findall(text):
        inner = re.sub(r"<code>.*?</code>", "", inner, flags=re.S)  # a code named on purpose, as code
        cell = html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        if cell in _MISSING:
            found.append(f"a missing value shown as {cell!r}")
        if cell.endswith(("...", "…")):
            found.append(f"a cell cut with '...': {cell[:40]!r}")
        words = set(re.findall(r"[a-z0-9]+(?:_[a-z0-9]+)+", cell))
        for code in sorted((words | {cell}) & _CODES):
            found.append(f"an internal code {code!r} in a {'header' if tag == 'th' else 'cell'}")
    return list(dict.fromkeys(found))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_tables_are_for_readers(path, request):
    if path.name[:2] in PENDING:
        request.applymarker(pytest.mark.xfail(reason="notebook rewritten on the ed-b branch", strict=False))
    nb = nbformat.read(path, as_version=4)
    bad = []
    for i, mime, text in _tables(nb):
        bad += [f"cell {i} ({mime}): {p}" for p in problems_of(text, mime)]
    assert not bad, f"{path.name}: tables not fit for readers:\n" + "\n".join(bad)


# --- the checker itself, on outputs written by hand ------------------------------------------------------


def test_checker_flags_raw_pandas():
    raw = (
        '<table border="1" class="dataframe"><thead><tr><th></th><th>kind</th><th>approx</th></tr></thead>'
        "<tbody><tr><th>0</th><td>pp_change</td><td>NaN</td></tr>"
        "<tr><th>1</th><td>new_energy_vehicles</td><td>the added value of ...</td></tr></tbody></table>"
    )
    found = problems_of(raw, "text/html")
    assert "an index column (<th> in the table body)" in found
    assert "a missing value shown as 'NaN'" in found
    assert "an internal code 'pp_change' in a cell" in found
    assert "an internal code 'new_energy_vehicles' in a cell" in found
    assert "a cell cut with '...': 'the added value of ...'" in found
    assert problems_of("growth    5\nshare     1\nName: count, dtype: int64", "text/plain") == [
        "a dtype line"
    ]
    assert "a pandas index column in the text repr" in problems_of("   kind\n0  growth", "text/plain")


def test_checker_passes_a_reader_table():
    rows = __import__("pandas").DataFrame(
        {"figure_id": ["F001"], "value": [40.0], "unit": ["%"], "kind": ["share"], "approx": ["more_than"],
         "surface": ["40%"], "period": ["2023-01/2023-09"], "baseline": [None], "subject": ["L2 vehicles"]}
    )  # fmt: skip
    t = tables.figures_table(rows, ("figure_id", "said", "kind", "period", "baseline", "subject"))
    assert problems_of(t.to_html(), "text/html") == []
    assert problems_of(repr(t), "text/plain") == []
