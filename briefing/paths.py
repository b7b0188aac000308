"""Project paths, derived from this file (cookiecutter-data-science style)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
REFERENCE = DATA / "reference"
NOTEBOOKS = ROOT / "notebooks"

#: The transcript bundled with the package.
BUNDLED = "2023-10-20-miit-industry-it-q1-q3.txt"


def bundled_transcript() -> Path:
    """Path of the bundled transcript (``data/raw/``); the package is used from its checkout."""
    p = RAW / BUNDLED
    if not p.exists():
        raise FileNotFoundError(
            f"{p} not found: briefing.load() reads the transcript from the project's data/raw/; "
            "install the package from its checkout (pip install -e .)"
        )
    return p
