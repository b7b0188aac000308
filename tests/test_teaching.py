"""The teaching material: objectives, exercises and their solutions (book/teaching/NN.md, spliced into the
notebooks by book/_teaching.py), the primer's labels and the glossary.

- the splice is idempotent, keeps the text before an "## Exercises" heading that shares its cell, and the
  committed notebooks are up to date with their sources;
- every notebook has 3-5 objectives, exercises each with a difficulty, a hint and a folded solution of the
  same label, and at least one exercise that needs reasoning;
- every solution's code runs against the library as printed (a solution that no longer runs is a defect);
- the primer carries the labels other notebooks link to; the glossary has the terms the project uses.

About 3 s, most of it running the solutions.
"""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import io
import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import briefing

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("_teaching", ROOT / "book" / "_teaching.py")
teaching = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(teaching)

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
SOURCES = {nb: teaching.source_for(nb) for nb in NOTEBOOKS}
EXERCISE = re.compile(r"^`{3,}\{exercise\} (★+☆*) (reasoning|practice): .+\n:label: (ex-\d\d-\d)$", re.M)
SOLUTION = re.compile(r"^`{3,}\{solution\} (ex-\d\d-\d)\n:class: dropdown$", re.M)
PRIMER_LABELS = [
    "primer-yoy",
    "primer-cumulative",
    "primer-pp",
    "primer-designated-size",
    "primer-stocks-flows",
    "primer-bounds",
    "primer-implied",
    "primer-checking",
]
#: The terms COMMON.md promises in the glossary.
TERMS = [
    "year on year",
    "month on month",
    "percentage point",
    "cumulative",
    "single month",
    "above designated size",
    "value added",
    "stock",
    "flow",
    "implied value",
    "rounding",
    "bound",
    "base effect",
    "primary release",
    "statistic",
    "figure",
    "ledger",
    "span",
    "period",
    "baseline",
    "share",
    "level",
    "growth",
    "streak",
]


def _ids(nb):
    return [nb.stem for nb in NOTEBOOKS]


def test_every_notebook_has_a_source_and_is_up_to_date():
    missing = [nb.name for nb, src in SOURCES.items() if not src.is_file()]
    assert not missing, f"no teaching source for {missing}"
    assert teaching.run(NOTEBOOKS, check=True) == 0, "run: python book/_teaching.py"


def _toy():
    nb = new_notebook(
        cells=[
            new_markdown_cell("# Title\n\nSummary."),
            new_code_cell("x = 1", execution_count=1),
            new_markdown_cell("## A reading\n\nKeep me.\n\n## Exercises\n\n**1.** Old question?"),
            new_code_cell("old_answer()", execution_count=2),
        ]
    )
    for i, c in enumerate(nb.cells):
        c["id"] = f"c{i}"
    return nb


def test_splice_replaces_the_old_section_keeps_the_reading_and_is_idempotent():
    once = teaching.splice(_toy(), "OBJ", ["## Exercises\n\nNEW", "NEW 2"], "99")
    twice = teaching.splice(copy.deepcopy(once), "OBJ", ["## Exercises\n\nNEW", "NEW 2"], "99")
    assert nbformat.writes(once) == nbformat.writes(twice)
    sources = [c.source for c in once.cells]
    assert sources == [
        "# Title\n\nSummary.",
        "OBJ",
        "x = 1",
        "## A reading\n\nKeep me.",
        "## Exercises\n\nNEW",
        "NEW 2",
    ]
    assert [c.metadata.get("tags") for c in once.cells][1] == ["teaching-objectives"]
    assert all(c.cell_type == "markdown" for c in once.cells[4:])


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_objectives_exercises_hints_and_hidden_solutions(nb):
    objectives, cells = teaching.read_source(SOURCES[nb])
    bullets = [line for line in objectives.splitlines() if line.startswith("- ")]
    assert 3 <= len(bullets) <= 5, f"{nb.name}: {len(bullets)} objectives"
    text = "\n".join(cells)
    exercises = EXERCISE.findall(text)
    solutions = SOLUTION.findall(text)
    assert len(exercises) >= 3, f"{nb.name}: {len(exercises)} exercises"
    assert [label for *_, label in exercises] == solutions, (
        f"{nb.name}: each exercise needs its folded solution"
    )
    assert all(label.startswith(f"ex-{nb.name[:2]}-") for *_, label in exercises)
    assert any(kind == "reasoning" for _, kind, _ in exercises), f"{nb.name}: no reasoning exercise"
    for cell in cells:
        if "{exercise}" in cell:
            assert re.search(r"```\{hint\}\n:class: dropdown", cell), f"{nb.name}: an exercise without a hint"


def _solutions():
    for nb in NOTEBOOKS:
        for i, code in enumerate(
            re.findall(r"```python\n(.*?)```", SOURCES[nb].read_text(encoding="utf-8"), re.S)
        ):
            yield pytest.param(code, id=f"{nb.stem[:2]}-{i + 1}")


@pytest.fixture(scope="module")
def loaded():
    return briefing.load()


@pytest.mark.parametrize("code", list(_solutions()))
def test_solution_code_runs(code, loaded, monkeypatch):
    monkeypatch.setattr(briefing, "load", lambda *a, **k: loaded)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<solution>", "exec"), {})
    assert out.getvalue().strip(), "a solution's code should print its answer"


def test_primer_has_the_labels_other_notebooks_link_to():
    nb = nbformat.read(ROOT / "notebooks" / "primer.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    found = re.findall(r"^\((primer-[a-z-]+)\)=$", text, re.M)
    assert found == PRIMER_LABELS
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code"), "execute the primer"


def test_glossary_has_the_promised_terms():
    text = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
    block = text.split("```{glossary}", 1)[1].split("\n```", 1)[0]
    terms = re.findall(r"^(\S.*)$", block, re.M)
    assert len(terms) >= 15
    assert not [t for t in TERMS if t not in terms], [t for t in TERMS if t not in terms]
    assert terms == sorted(terms)
