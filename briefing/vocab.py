"""Load the curated vocabularies shipped in ``briefing/data/`` (found through ``Path(__file__)``).

Each file is documented at its top; users extend a vocabulary by editing the YAML, not the code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

# libyaml's loader (bundled with PyYAML's wheels) reads the vocabularies about ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = ["DATA_DIR", "load"]

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load(name: str) -> Any:
    """Return the parsed contents of ``briefing/data/<name>.yml`` (cached)."""
    with open(DATA_DIR / f"{name}.yml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)  # noqa: S506 - a safe loader
