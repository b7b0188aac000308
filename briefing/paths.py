"""Where the package's files are.

Two kinds of place:

- **Files the package ships**, found through :mod:`importlib.resources` so that they work from an
  installed wheel as well as from a checkout: the bundled transcript and the reference file of official
  values, with their provenance, in ``briefing/data/bundled/`` (:func:`bundled_transcript`,
  :func:`bundled_reference`). They are copies of ``data/raw/`` and ``data/reference/``, the canonical,
  immutable files of the repository; ``tests/test_project.py`` checks that the copies are byte for byte the
  same and match the sha256 in their ``.meta.yml``.
- **The repository's folders** (:data:`ROOT`, :data:`DATA`, :data:`RAW`, :data:`PROCESSED`,
  :data:`REFERENCE`, :data:`NOTEBOOKS`), derived from this file (cookiecutter-data-science style), for the
  repository's own tasks: rebuilding ``data/processed/``, executing the notebooks. They exist only in a
  checkout (an editable install); nothing that ``briefing.load()``, ``briefing tables`` or ``briefing check``
  does by default reads them.
"""

from __future__ import annotations

import atexit
import contextlib
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = [
    "BUNDLED",
    "DATA",
    "NOTEBOOKS",
    "PROCESSED",
    "RAW",
    "REFERENCE",
    "REFERENCE_FILE",
    "ROOT",
    "bundled_file",
    "bundled_reference",
    "bundled_transcript",
]

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
REFERENCE = DATA / "reference"
NOTEBOOKS = ROOT / "notebooks"

#: File name of the transcript bundled with the package (the same name as in ``data/raw/``).
BUNDLED = "2023-10-20-miit-industry-it-q1-q3.txt"
#: File name of the reference file of official values (the same name as in ``data/reference/``).
REFERENCE_FILE = "official_figures.csv"

# Files materialised by importlib.resources.as_file stay until the interpreter exits. For a package
# installed in a folder (every pip install) as_file gives the file's own path and copies nothing.
_files = contextlib.ExitStack()
atexit.register(_files.close)


@cache
def bundled_file(name: str) -> Path:
    """A file path for ``briefing/data/bundled/<name>``, or ``FileNotFoundError`` naming it."""
    res = resources.files(__package__ or "briefing").joinpath("data", "bundled", name)
    if not res.is_file():
        raise FileNotFoundError(
            f"briefing/data/bundled/{name} is missing from the installed package ({res}); "
            "reinstall briefing (the file is package data)"
        )
    return _files.enter_context(resources.as_file(res))


def bundled_transcript() -> Path:
    """Path of the bundled transcript (SCIO, MIIT, Oct. 20, 2023), shipped inside the package."""
    return bundled_file(BUNDLED)


def bundled_reference() -> Path:
    """Path of the reference file of official values for the bundled transcript, shipped in the package."""
    return bundled_file(REFERENCE_FILE)
