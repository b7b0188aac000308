"""Guards for the committed notebooks that nbval cannot give.

nbval re-runs each notebook and compares text outputs, but a notebook committed with cleared outputs
passes it silently, and it says nothing about the series as a whole. Here: every notebooks/NN-*.ipynb
was executed top to bottom and shows a chart; the numbers run 00, 01, 02, ... without a gap; each
opens with a '# Title' and a one-line summary (the site's contents page is made of them); and every
figure of the bundled briefing is shown somewhere in the notebooks' outputs.
"""

from __future__ import annotations

import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from briefing.notebooks import heading, problems, read

from .conftest import ROOT

NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))
#: Output types whose text counts as "shown" (the ones nbval compares).
SHOWN = ("text/plain", "text/html", "text/markdown")


def _id(path):
    return path.stem


def test_there_are_notebooks():
    assert NOTEBOOKS, f"no numbered notebooks (NN-name.ipynb) in {NOTEBOOK_DIR}"


def test_notebook_numbers_have_no_gaps():
    numbers = [int(p.name[:2]) for p in NOTEBOOKS]
    assert numbers == list(range(len(numbers))), (
        f"notebook numbers must run 00, 01, 02, ... without gaps or repeats; found "
        f"{', '.join(p.name for p in NOTEBOOKS)}"
    )


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=_id)
def test_notebook_was_executed_in_order_and_has_a_chart(nb):
    found = problems(nb)
    assert not found, (
        "\n".join(found) + "\nre-execute it: .venv/bin/python -m briefing.notebooks execute " + str(nb)
    )


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=_id)
def test_notebook_opens_with_title_and_summary(nb):
    try:
        title, summary = heading(read(nb))
    except ValueError as e:
        pytest.fail(
            f"{nb.name}: {e}; start it with a Markdown cell '# Title', a blank line, a one-line summary"
        )
    assert len(title) <= 100, f"{nb.name}: title is {len(title)} characters; keep it short"
    assert summary, nb.name


def _shown_text(nb_path) -> str:
    parts = []
    for cell in read(nb_path).cells:
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            for mime in SHOWN:
                if mime in data:
                    value = data[mime]
                    parts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(parts)


def test_every_figure_is_shown_in_the_notebooks(seed):
    """Every figure_id of briefing.load().figures appears in some shown output."""
    assert NOTEBOOKS, f"no numbered notebooks in {NOTEBOOK_DIR}"
    shown = "\n".join(_shown_text(nb) for nb in NOTEBOOKS)
    ids = list(seed.figures["figure_id"])
    missing = [f for f in ids if not re.search(rf"(?<!\w){re.escape(f)}(?!\w)", shown)]
    assert not missing, (
        f"{len(missing)} of {len(ids)} figures never appear in a text/plain, text/html or text/markdown "
        f"output of notebooks/NN-*.ipynb (a truncated DataFrame hides rows): {', '.join(missing)}"
    )


def _code(source, count=None, *outputs):
    return new_code_cell(source, execution_count=count, outputs=list(outputs))


def test_problems_finds_each_fault(tmp_path):
    """The guard itself, on notebooks made here: cleared, out of order, no chart, raised, unreadable."""
    png = new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})
    err = new_output("error", ename="ZeroDivisionError", evalue="division by zero", traceback=[])

    def check(name, *cells):
        nbformat.write(new_notebook(cells=[new_markdown_cell("# T\n\nS."), *cells]), tmp_path / name)
        return problems(tmp_path / name)

    assert check("good.ipynb", _code("x = 1", 1), _code("plot", 2, png)) == []
    assert check("empty.ipynb", _code(""), _code("plot", 1, png)) == []  # empty cells are not run
    assert check("cleared.ipynb", _code("plot")) == [
        "cleared.ipynb: 1 of 1 code cells not executed (execution_count is null): cell 2",
        "cleared.ipynb: no chart (no image/png output); end plot cells with plt.show()",
    ]
    order = check("order.ipynb", _code("a", 2), _code("b", 1, png))
    assert len(order) == 2 and all("expected" in p for p in order), order
    assert check("raised.ipynb", _code("1/0", 1, png, err)) == [
        "raised.ipynb: cell 2 has an error output (ZeroDivisionError: division by zero)"
    ]
    (tmp_path / "broken.ipynb").write_text("{not json")
    assert "cannot be read as a notebook" in problems(tmp_path / "broken.ipynb")[0]


#: Tags that keep a code cell's source off the book's pages (MyST-NB): behind a toggle, or left out.
HIDING_TAGS = {"hide-input", "hide-cell", "remove-input", "remove-cell"}


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=_id)
def test_code_is_hidden_in_the_book_and_charts_carry_alt_text(nb):
    """Story first: every code cell is tagged to hide its source in the book (JupyterLab still shows and
    runs it); every chart's alt text is in the cell metadata where MyST-NB reads it."""
    shown, without_alt = [], []
    for i, cell in enumerate(read(nb).cells, start=1):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        if not HIDING_TAGS & set(cell.metadata.get("tags", [])):
            shown.append(i)
        has_png = any("image/png" in o.get("data", {}) for o in cell.get("outputs", []))
        alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
        if has_png and len(alt.split()) < 5:
            without_alt.append(i)
    assert not shown, f"{nb.name}: code cells {shown} have no hide-input tag"
    assert not without_alt, f"{nb.name}: charts in cells {without_alt} have no alt text in metadata.mystnb"


def test_carry_alt_text_copies_output_alt_to_the_cell(tmp_path):
    from briefing.notebooks import carry_alt_text

    png = {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}
    one = new_output("display_data", data=png, metadata={"image/png": {"width": 600, "alt": "Bars of 2."}})
    two = new_output("display_data", data=png, metadata={"image/png": {"alt": "Dots of 3."}})
    bare = new_output("display_data", data=png)
    stale = _code("plot", 3, bare)
    stale.metadata["mystnb"] = {"image": {"alt": "old", "width": "50%"}}
    tagged = _code("plot", 1, one)
    tagged.metadata["tags"] = ["hide-input"]
    nb = carry_alt_text(
        new_notebook(cells=[tagged, _code("plots", 2, one, two), stale, new_markdown_cell("x")])
    )
    assert nb.cells[0].metadata == {"tags": ["hide-input"], "mystnb": {"image": {"alt": "Bars of 2."}}}
    assert nb.cells[1].metadata["mystnb"] == {"image": {"alt": "Bars of 2. Dots of 3."}}
    assert nb.cells[2].metadata["mystnb"] == {"image": {"width": "50%"}}  # the stale alt is gone
    assert "mystnb" not in nb.cells[3].metadata
