"""Many briefings at once: combined tables with a ``briefing_id`` column.

``read_many`` parses every file first and raises :class:`~briefing.TranscriptError` naming the first
bad file, so a caller writes nothing unless every input was readable. With ``workers > 1`` files are
parsed in a process pool and only their tables travel back.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import pandas as pd

from . import schema
from .model import Briefing, read

__all__ = ["Corpus", "read_many"]


@dataclass
class Corpus:
    """Tables of several briefings, concatenated; ``briefing_id`` tells them apart."""

    frames: dict[str, list[pd.DataFrame]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)

    def add(self, tables: dict[str, pd.DataFrame], warnings: Iterable[str], bid: str) -> None:
        self.ids.append(bid)
        self.warnings.extend(f"{bid}: {w}" for w in warnings)
        for name, df in tables.items():
            self.frames.setdefault(name, []).append(df)

    def tables(self) -> dict[str, pd.DataFrame]:
        out = {}
        for name in schema.TABLES:
            parts = [df for df in self.frames.get(name, []) if len(df)]
            out[name] = pd.concat(parts, ignore_index=True) if parts else schema.frame(name, [])
        return out

    def __len__(self) -> int:
        return len(self.ids)


def _unique(bid: str, seen: set[str]) -> str:
    if bid not in seen:
        return bid
    k = 2
    while f"{bid}-{k}" in seen:
        k += 1
    return f"{bid}-{k}"


def _tables_of(path: str) -> tuple[str, dict[str, pd.DataFrame], tuple[str, ...]]:
    b = read(path)
    return b.briefing_id, b.tables(), b.warnings


def _rename(tables: dict[str, pd.DataFrame], new: str) -> dict[str, pd.DataFrame]:
    return {k: df.assign(briefing_id=new) for k, df in tables.items()}


def read_many(paths: Iterable[str | os.PathLike[str]], workers: int = 1) -> Corpus:
    """Parse transcripts into one :class:`Corpus`. Two files with the same id get ``-2``, ``-3``."""
    paths = [os.fspath(p) for p in paths]
    corpus = Corpus()
    seen: set[str] = set()
    if workers > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_tables_of, paths, chunksize=max(1, len(paths) // (4 * workers))))
    else:
        results = [_tables_of(p) for p in paths]
    for bid, tables, warnings in results:
        new = _unique(bid, seen)
        seen.add(new)
        corpus.add(tables if new == bid else _rename(tables, new), warnings, new)
    return corpus


def from_briefings(briefings: Iterable[Briefing]) -> Corpus:
    corpus = Corpus()
    seen: set[str] = set()
    for b in briefings:
        new = _unique(b.briefing_id, seen)
        seen.add(new)
        t = b.tables()
        corpus.add(t if new == b.briefing_id else _rename(t, new), b.warnings, new)
    return corpus
