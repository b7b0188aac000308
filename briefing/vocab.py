"""Load the curated vocabularies shipped in ``briefing/data/`` (package data, read with importlib.resources).

Each file is documented at its top; users extend a vocabulary by editing the YAML, not the code.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

# libyaml's loader (bundled with PyYAML's wheels) reads the vocabularies about ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = ["DATA_DIR", "load", "trie_pattern"]

#: The vocabularies' folder in a checkout or an installed package (for reading them as files).
DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load(name: str) -> Any:
    """Return the parsed contents of ``briefing/data/<name>.yml`` (cached)."""
    res = resources.files(__package__ or "briefing").joinpath("data", f"{name}.yml")
    text = res.read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


def trie_pattern(words: list[str]) -> str:
    """A regular expression matching any of ``words``, with common prefixes factored out (a trie).

    It matches what the plain alternation of the words, longest first, matches, but the engine
    no longer tries every word in turn at every position, which makes scans of long keyword lists
    several times faster.
    """
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)
