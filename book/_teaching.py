"""Splice the teaching material (learning objectives, exercises with hidden solutions) into the notebooks.

The sources are ``book/teaching/NN.md``, one per notebook ``notebooks/NN-*.ipynb``, Markdown in MyST with
cells separated by lines that hold only ``+++`` (the MyST notebook convention): the first cell is the
learning-objectives cell, the others make the exercises section, starting with its ``## Exercises`` heading.

For each notebook the script

1. removes the cells it inserted before (tagged ``teaching-objectives`` and ``teaching-exercises``);
2. removes an older exercises section: from the first Markdown heading ``Exercises`` (``##`` or ``###``;
   ``Exercise``, ``Questions`` and ``Try it`` too) to the end of the notebook; when that heading sits inside
   a cell after other text (``## A reading`` ... ``## Exercises``), the text before it stays in the cell;
3. inserts the objectives right after the title cell and appends the exercises.

Running it twice gives the same notebook. Every inserted cell is Markdown: solutions hold their code as a
code block, never as an executed cell, so the notebook keeps its outputs and needs no re-execution.
``tests/test_teaching.py`` runs each solution's code against the library.

    python book/_teaching.py              # every notebook that has a source
    python book/_teaching.py notebooks/03-new-energy-vehicles.ipynb
    python book/_teaching.py --check      # exit 1 if a notebook is not up to date
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "book" / "teaching"
TAG_OBJECTIVES = "teaching-objectives"
TAG_EXERCISES = "teaching-exercises"
TAGS = {TAG_OBJECTIVES, TAG_EXERCISES}
EXERCISES_HEADING = re.compile(r"^#{2,3}[ \t]+(Exercises?|Questions|Try it)\b.*$", re.M)
CELL_BREAK = re.compile(r"^\+\+\+[ \t]*$", re.M)


def source_for(nb_path: Path) -> Path:
    return SOURCES / f"{nb_path.name[:2]}.md"


def read_source(path: Path) -> tuple[str, list[str]]:
    """The objectives cell and the exercise cells of one source file."""
    cells = [c.strip("\n") for c in CELL_BREAK.split(path.read_text(encoding="utf-8"))]
    cells = [c for c in cells if c.strip()]
    if len(cells) < 2 or not EXERCISES_HEADING.search(cells[1]):
        raise ValueError(f"{path}: want an objectives cell, then a cell that opens with '## Exercises'")
    return cells[0], cells[1:]


def _cell(text: str, tag: str, cell_id: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(text, metadata={"tags": [tag]})
    cell["id"] = cell_id
    return cell


def splice(
    nb: nbformat.NotebookNode, objectives: str, exercises: list[str], key: str
) -> nbformat.NotebookNode:
    """``nb`` with its teaching cells replaced by these (in place; also returned)."""
    cells = [c for c in nb.cells if not TAGS & set(c.get("metadata", {}).get("tags", []))]
    for i, cell in enumerate(cells[1:], start=1):
        if cell.cell_type != "markdown":
            continue
        m = EXERCISES_HEADING.search(cell.source)
        if m:
            before = cell.source[: m.start()].rstrip()
            if before:
                cell.source = before
                cells = cells[: i + 1]
            else:
                cells = cells[:i]
            break
    ids = {c.get("id") for c in cells}
    new_obj = _cell(objectives, TAG_OBJECTIVES, f"teaching-{key}-objectives")
    new_ex = [_cell(t, TAG_EXERCISES, f"teaching-{key}-{j}") for j, t in enumerate(exercises)]
    clash = ids & {c["id"] for c in [new_obj, *new_ex]}
    if clash:
        raise ValueError(f"cell ids already used in the notebook: {sorted(clash)}")
    nb.cells = [cells[0], new_obj, *cells[1:], *new_ex]
    return nb


def run(paths: list[Path], check: bool = False) -> int:
    stale = 0
    for nb_path in paths:
        src = source_for(nb_path)
        if not src.is_file():
            print(f"{nb_path.name}: no {src.relative_to(ROOT)}, left as it is")
            continue
        before = nb_path.read_text(encoding="utf-8")
        nb = nbformat.reads(before, as_version=4)
        objectives, exercises = read_source(src)
        after = nbformat.writes(splice(nb, objectives, exercises, nb_path.name[:2])) + "\n"
        if after != before:
            stale += 1
            if check:
                print(f"{nb_path.name}: not up to date with {src.relative_to(ROOT)}")
            else:
                nb_path.write_text(after, encoding="utf-8")
                print(f"{nb_path.name}: spliced {len(exercises)} cells from {src.relative_to(ROOT)}")
    return 1 if check and stale else 0


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    paths = [Path(a) for a in args if a != "--check"]
    return run(paths or sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")), check)


if __name__ == "__main__":
    sys.exit(main())
