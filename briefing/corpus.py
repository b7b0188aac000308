"""Many briefings at once: combined tables with a ``briefing_id`` column.

``read_many`` parses every file first and raises :class:`~briefing.TranscriptError` naming the first
bad file, so a caller writes nothing unless every input was readable. Rows of all briefings are
gathered first and each table is built and validated once, which keeps the cost per briefing low.
With ``workers > 1`` files are parsed in a process pool and only their rows travel back.
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

Rows = dict[str, list[dict]]


@dataclass
class Corpus:
    """Tables of several briefings, concatenated; ``briefing_id`` tells them apart."""

    rows: Rows = field(default_factory=lambda: {name: [] for name in schema.TABLES})
    warnings: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)

    def add(self, rows: Rows, warnings: Iterable[str], bid: str) -> None:
        self.ids.append(bid)
        self.warnings.extend(f"{bid}: {w}" for w in warnings)
        for name, rs in rows.items():
            self.rows[name].extend(rs)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: schema.frame(name, self.rows[name]) for name in schema.TABLES}

    def __len__(self) -> int:
        return len(self.ids)


def _unique(bid: str, seen: set[str]) -> str:
    if bid not in seen:
        return bid
    k = 2
    while f"{bid}-{k}" in seen:
        k += 1
    return f"{bid}-{k}"


def _rows_of(b: Briefing) -> Rows:
    return {name: b.records(name) for name in schema.TABLES}


def _read_rows(path: str) -> tuple[str, Rows, tuple[str, ...]]:
    b = read(path)
    return b.briefing_id, _rows_of(b), b.warnings


def _collect(results: Iterable[tuple[str, Rows, tuple[str, ...]]]) -> Corpus:
    corpus = Corpus()
    seen: set[str] = set()
    for bid, rows, warnings in results:
        new = _unique(bid, seen)
        seen.add(new)
        if new != bid:  # two files with the same id: -2, -3, ...
            for rs in rows.values():
                for r in rs:
                    r["briefing_id"] = new
        corpus.add(rows, warnings, new)
    return corpus


def read_many(paths: Iterable[str | os.PathLike[str]], workers: int = 1) -> Corpus:
    """Parse transcripts into one :class:`Corpus`. Two files with the same id get ``-2``, ``-3``."""
    paths = [os.fspath(p) for p in paths]
    if workers > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunk = max(1, len(paths) // (8 * workers))
            return _collect(pool.map(_read_rows, paths, chunksize=chunk))
    return _collect(_read_rows(p) for p in paths)
