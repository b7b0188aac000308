"""Execute the numbered notebooks in place, and check that committed notebooks were executed.

``python -m briefing.notebooks execute NB.ipynb [NB ...]`` runs each notebook top to bottom in a fresh
kernel of the current Python environment, with the notebook's folder as working directory, then strips
volatile metadata (keeping cell ``tags`` and ``mystnb`` and the notebook's ``kernelspec`` and
``language_info``), carries chart alt text to the cell metadata (below) and writes it back atomically.
Apart from the alt text it is the same as::

    jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False \\
        --ClearMetadataPreprocessor.enabled=True \\
        --ClearMetadataPreprocessor.preserve_cell_metadata_mask=tags \\
        --ClearMetadataPreprocessor.preserve_cell_metadata_mask=mystnb \\
        --ClearMetadataPreprocessor.preserve_nb_metadata_mask=kernelspec \\
        --ClearMetadataPreprocessor.preserve_nb_metadata_mask=language_info NB.ipynb

A notebook whose cell raises is left untouched and the command exits 1 naming the notebook and cell.

Cell tags (``hide-input`` and the like: they decide what the book shows) are kept. The alt text that the
house charts put in their PNG output's metadata (``{"image/png": {"alt": ...}}``, see
:mod:`briefing.plots`) is copied to the cell's metadata as ``"mystnb": {"image": {"alt": ...}}``, the
place where MyST-NB (the book) reads it: :func:`carry_alt_text`.

``python -m briefing.notebooks check NB.ipynb [NB ...]`` lists, for each notebook, the problems that
nbval cannot see: code cells never executed (a notebook committed with cleared outputs passes nbval
silently), execution counts out of order, error outputs, no chart (no ``image/png`` output). Exit 1
when there is any. :func:`problems` is the same check for tests; :func:`heading` reads a notebook's
title and one-line summary from its first cell.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import nbformat

from .files import write_atomic

__all__ = ["carry_alt_text", "execute", "heading", "main", "problems", "read"]

#: Per-cell time limit of ``execute`` in seconds: a hung cell fails instead of blocking ``make report``.
CELL_TIMEOUT = 600


def read(nb_path: str | os.PathLike) -> nbformat.NotebookNode:
    """The notebook at ``nb_path`` (nbformat 4)."""
    return nbformat.read(os.fspath(nb_path), as_version=4)


def _current_env_kernel_manager():
    """An AsyncKernelManager whose every kernel is ipykernel in this Python environment (``sys.executable``),
    whatever kernelspecs are installed or named in the notebook (what ``nbval --nbval-current-env`` does)."""
    from ipykernel.kernelspec import RESOURCES, get_kernel_dict
    from jupyter_client import AsyncKernelManager
    from jupyter_client.kernelspec import KernelSpecManager
    from traitlets import default

    class CurrentEnvSpecs(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            return self.kernel_spec_class(resource_dir=RESOURCES, **get_kernel_dict())

    class CurrentEnvKernelManager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _kernel_spec_manager_default(self):
            return CurrentEnvSpecs(data_dir=self.data_dir)

    return CurrentEnvKernelManager


def _config(timeout: int = CELL_TIMEOUT):
    from traitlets.config import Config

    c = Config()
    c.ExecutePreprocessor.enabled = True
    c.ExecutePreprocessor.record_timing = False
    c.ExecutePreprocessor.timeout = timeout
    c.ExecutePreprocessor.kernel_manager_class = _current_env_kernel_manager()
    c.ClearMetadataPreprocessor.enabled = True
    c.ClearMetadataPreprocessor.preserve_cell_metadata_mask = ["tags", "mystnb"]
    c.ClearMetadataPreprocessor.preserve_nb_metadata_mask = ["kernelspec", "language_info"]
    return c


def carry_alt_text(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Copy the alt text of each code cell's PNG outputs (``output.metadata["image/png"]["alt"]``) to the
    cell's ``metadata["mystnb"]["image"]["alt"]``, where MyST-NB reads it; several charts in one cell get
    their alt texts joined in order. A cell whose outputs carry none loses a stale one. Returns ``nb``."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        alts = [
            str(o["metadata"]["image/png"]["alt"]).strip()
            for o in cell.get("outputs", [])
            if "image/png" in o.get("data", {})
            and isinstance(o.get("metadata", {}).get("image/png"), dict)
            and str(o["metadata"]["image/png"].get("alt", "")).strip()
        ]
        mystnb = cell.metadata.get("mystnb", {})
        image = dict(mystnb.get("image", {}))
        if alts:
            image["alt"] = " ".join(alts)
        else:
            image.pop("alt", None)
        mystnb = {k: v for k, v in mystnb.items() if k != "image"}
        if image:
            mystnb["image"] = image
        if mystnb:
            cell.metadata["mystnb"] = mystnb
        else:
            cell.metadata.pop("mystnb", None)
    return nb


def execute(nb_path: str | os.PathLike, timeout: int = CELL_TIMEOUT) -> None:
    """Execute the notebook top to bottom and write it back in place, volatile metadata stripped, cell
    tags kept and chart alt text carried to the cell metadata (:func:`carry_alt_text`).

    Raises ``nbclient.exceptions.CellExecutionError`` (and leaves the file untouched) when a cell fails.
    """
    from nbconvert.exporters import NotebookExporter

    path = Path(nb_path).resolve()
    exporter = NotebookExporter(config=_config(timeout))
    # from_filename sets resources["metadata"]["path"] to the notebook's folder: the kernel's cwd.
    output, _ = exporter.from_filename(str(path))
    nb = carry_alt_text(nbformat.reads(output, as_version=4))
    write_atomic(path, nbformat.writes(nb) + "\n")


# --- checks -------------------------------------------------------------------------------------------

_H1 = re.compile(r"^#\s+(?P<title>\S.*?)\s*#*\s*$")


def heading(nb: nbformat.NotebookNode | str | os.PathLike) -> tuple[str, str]:
    """``(title, summary)`` from the first cell: a Markdown cell whose first line is a level-1 heading
    (``# Title``), followed by a paragraph, the one-line summary (its lines joined by spaces).

    Raises ``ValueError`` saying what is missing.
    """
    if not isinstance(nb, nbformat.NotebookNode):
        nb = read(nb)
    if not nb.cells:
        raise ValueError("the notebook has no cells")
    first = nb.cells[0]
    if first.cell_type != "markdown":
        raise ValueError(f"the first cell is a {first.cell_type} cell, not Markdown with a '# Title'")
    lines = first.source.strip().splitlines()
    m = _H1.match(lines[0]) if lines else None
    if not m:
        raise ValueError("the first cell does not start with a level-1 heading ('# Title')")
    rest = lines[1:]
    while rest and not rest[0].strip():
        rest.pop(0)
    para = []
    for line in rest:
        if not line.strip():
            break
        para.append(line.strip())
    summary = " ".join(para)
    if not summary or summary.startswith("#"):
        raise ValueError("the first cell has no one-line summary paragraph after its '# Title'")
    return m.group("title"), summary


def problems(nb_path: str | os.PathLike) -> list[str]:
    """What is wrong with a committed notebook's execution, as sentences naming the cell; ``[]`` if fine.

    - code cells that were never executed (``execution_count`` is null; empty cells are ignored);
    - execution counts not 1, 2, 3, ... from top to bottom (run out of order, or not in a fresh kernel);
    - an error output (a cell raised);
    - no chart: no ``image/png`` output anywhere in the notebook.
    """
    name = Path(nb_path).name
    try:
        nb = read(nb_path)
    except Exception as e:  # unreadable JSON, not a notebook, missing file
        return [f"{name}: cannot be read as a notebook: {e}"]
    found: list[str] = []
    unexecuted: list[int] = []
    n_code = 0
    expected = 1
    has_png = False
    for i, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        outputs = cell.get("outputs", [])
        has_png = has_png or any("image/png" in o.get("data", {}) for o in outputs)
        for o in outputs:
            if o.get("output_type") == "error":
                found.append(f"{name}: cell {i} has an error output ({o.get('ename')}: {o.get('evalue')})")
        if not cell.source.strip():
            continue
        n_code += 1
        count = cell.get("execution_count")
        if count is None:
            unexecuted.append(i)
        elif count != expected:
            found.append(
                f"{name}: cell {i} (code) has execution_count {count}, expected {expected} "
                "(cells run out of order or not in a fresh kernel)"
            )
        if count is not None:
            expected = count + 1
        else:
            expected += 1
    if unexecuted:
        cells = ", ".join(map(str, unexecuted))
        found.insert(
            0,
            f"{name}: {len(unexecuted)} of {n_code} code cells not executed (execution_count is null): "
            f"cell{'s' if len(unexecuted) > 1 else ''} {cells}",
        )
    if not has_png:
        found.append(f"{name}: no chart (no image/png output); end plot cells with plt.show()")
    return found


# --- command line ---------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefing.notebooks", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("execute", help="execute notebooks in place and strip volatile metadata")
    ex.add_argument("notebooks", nargs="+", type=Path)
    ex.add_argument(
        "--timeout", type=int, default=CELL_TIMEOUT, help="seconds per cell (default %(default)s)"
    )
    ck = sub.add_parser("check", help="report unexecuted, out-of-order or chartless notebooks")
    ck.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)

    missing = [str(p) for p in args.notebooks if not p.is_file()]
    if missing:
        print(f"briefing.notebooks: no such notebook: {', '.join(missing)}", file=sys.stderr)
        return 2

    if args.command == "check":
        found = [p for nb in args.notebooks for p in problems(nb)]
        for line in found:
            print(line, file=sys.stderr)
        if found:
            print(
                f"briefing.notebooks: {len(found)} problem(s); re-run "
                "`python -m briefing.notebooks execute NB.ipynb` (or `make notebooks`)",
                file=sys.stderr,
            )
            return 1
        print(f"{len(args.notebooks)} notebook(s) executed in order, each with a chart")
        return 0

    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    failed = 0
    for nb in args.notebooks:
        print(f"executing {nb}", file=sys.stderr, flush=True)
        try:
            execute(nb, timeout=args.timeout)
        except (CellExecutionError, CellTimeoutError) as e:
            failed += 1
            print(f"briefing.notebooks: {nb} failed, left unchanged:\n{e}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
