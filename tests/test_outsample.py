"""Out of sample: a transcript of another ministry and quarter (MOFCOM, April 2024), written with its
expected figures by a separate author from docs/figures.md alone, without running the package.

Two conventions differ between that author and the package, and are compared loosely, not by changing
either side: a subject that starts a sentence keeps its capital in the package ("Exports" for
"exports"), and the package drops a baseline's leading article ("national average" for "the national
average"; docs/figures.md).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

import briefing

HERE = Path(__file__).parent / "fixtures" / "outsample"
EXPECTED = yaml.safe_load((HERE / "expected.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def mofcom():
    return briefing.read(HERE / EXPECTED["source"])


def _same(key: str, got, want) -> bool:
    if key in ("value", "of_total"):
        return math.isclose(float(got), float(want), rel_tol=1e-9)
    if key == "subject":
        return str(got)[:1].lower() + str(got)[1:] == str(want)[:1].lower() + str(want)[1:]
    if key == "baseline":
        return str(got).removeprefix("the ") == str(want).removeprefix("the ")
    return str(got) == str(want)


def test_every_figure_and_nothing_else(mofcom):
    assert list(mofcom.figures["surface"]) == [e["surface"] for e in EXPECTED["figures"]]


@pytest.mark.parametrize(
    "k", range(len(EXPECTED["figures"])), ids=[e["surface"] for e in EXPECTED["figures"]]
)
def test_figure_attributes(mofcom, k):
    want = EXPECTED["figures"][k]
    row = mofcom.figures.iloc[k]
    wrong = {key: (row[key], v) for key, v in want.items() if not _same(key, row[key], v)}
    # where the author gave no period or baseline, the text gives none: the package must not invent one
    for key in ("period", "baseline"):
        if key not in want and isinstance(row[key], str):
            wrong[key] = (row[key], None)
    assert not wrong, wrong
    assert mofcom.text[row["char_start"] : row["char_end"]] == row["surface"]


def test_numbers_that_are_not_statistics(mofcom):
    n = mofcom.numbers
    others = n[n["role"] != "figure"]
    assert list(zip(others["surface"], others["role"], strict=True)) == [
        (e["surface"], e["role"]) for e in EXPECTED["non_figures"]
    ]


def test_metadata_and_turns(mofcom):
    assert str(mofcom.meta.date) == str(EXPECTED["date"])
    assert mofcom.meta.speakers == ("Fang Yuhang", "Liang Qiushi")
    ex = mofcom.exchanges
    assert list(ex["outlet"]) == ["China Daily", "Bloomberg", "CCTV", "The Paper"]
    assert list(ex["answerer"]) == ["Liang Qiushi", "Fang Yuhang", "Liang Qiushi", "Liang Qiushi"]
