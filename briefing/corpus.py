"""Many briefings at once: combined tables with a ``briefing_id`` column.

``read_many`` parses every file first and raises :class:`~briefing.TranscriptError` naming the first
bad file (in the order given), so a caller writes nothing unless every input was readable. Rows of all
briefings are gathered first and each table is built and validated once, which keeps the cost per
briefing low. With ``workers > 1`` files are parsed in a local process pool, or in any
:class:`concurrent.futures.Executor` passed as ``executor`` (a thread pool, a process pool, a
distributed engine's executor such as Dask's ``client.get_executor()``); only their rows travel back,
in batches of files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field

import pandas as pd

from . import schema
from .lexicon import Lexicon
from .model import Briefing, read

__all__ = ["Corpus", "read_many"]

Rows = dict[str, list[dict]]


@dataclass
class Corpus:
    """Tables of several briefings, concatenated; ``briefing_id`` tells them apart."""

    rows: Rows = field(default_factory=lambda: {name: [] for name in schema.TABLES})
    warnings: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    extra_units: tuple[str, ...] = ()  # units of the lexicon read with that the bundled one lacks

    def add(self, rows: Rows, warnings: Iterable[str], bid: str) -> None:
        self.ids.append(bid)
        self.warnings.extend(f"{bid}: {w}" for w in warnings)
        for name, rs in rows.items():
            self.rows[name].extend(rs)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            name: schema.frame(name, self.rows[name], extra_units=self.extra_units) for name in schema.TABLES
        }

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


def _read_rows(path: str, lexicon: Lexicon | None = None) -> tuple[str, Rows, tuple[str, ...]]:
    b = read(path, lexicon=lexicon)
    return b.briefing_id, _rows_of(b), b.warnings


def _read_batch(paths: list[str], lexicon: Lexicon | None = None) -> list[tuple[str, Rows, tuple[str, ...]]]:
    return [_read_rows(p, lexicon) for p in paths]


def _collect(results: Iterable[tuple[str, Rows, tuple[str, ...]]], corpus: Corpus) -> Corpus:
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


def _once(paths: list[str]) -> tuple[list[str], list[str]]:
    """The paths with a file given twice (same file: same device and inode) kept once, and warnings."""
    kept: list[str] = []
    warnings: list[str] = []
    first: dict[tuple[int, int] | str, str] = {}
    for p in paths:
        try:
            st = os.stat(p)
            key: tuple[int, int] | str = (st.st_dev, st.st_ino)
        except OSError:
            key = p  # read() gives the error
        if key in first:
            warnings.append(f"{p}: the same file as {first[key]} (given twice); read once")
            continue
        first[key] = p
        kept.append(p)
    return kept, warnings


Progress = Callable[[int, int], None]


def _batches(paths: list[str], workers: int) -> list[list[str]]:
    size = max(1, len(paths) // (8 * max(1, workers)))
    return [paths[i : i + size] for i in range(0, len(paths), size)]


def _run(
    executor: Executor,
    batches: list[list[str]],
    progress: Progress | None,
    total: int,
    lexicon: Lexicon | None = None,
):
    """Results in input order; on the first failure the batches not yet started are cancelled."""
    futures: list[Future] = [executor.submit(_read_batch, b, lexicon) for b in batches]
    done = 0
    try:
        for fut, batch in zip(futures, batches, strict=True):
            yield from fut.result()
            done += len(batch)
            if progress is not None:
                progress(done, total)
    finally:
        for fut in futures:
            fut.cancel()


def read_many(
    paths: Iterable[str | os.PathLike[str]],
    workers: int = 1,
    *,
    executor: Executor | None = None,
    progress: Progress | None = None,
    lexicon: Lexicon | None = None,
) -> Corpus:
    """Parse transcripts into one :class:`Corpus`, each read with ``lexicon`` (the bundled one by default).

    Two different files with the same id get ``-2``, ``-3``; the same file given twice is read once, with
    a warning. ``executor`` runs the parsing (it is used as given and not shut down); without one,
    ``workers > 1`` starts a local process pool. ``progress(done, total)`` is called as files are read.
    """
    paths, warnings = _once([os.fspath(p) for p in paths])
    corpus = Corpus(warnings=warnings, extra_units=lexicon.added_units if lexicon is not None else ())
    total = len(paths)
    if executor is not None:
        n = getattr(executor, "_max_workers", None) or workers
        return _collect(_run(executor, _batches(paths, n), progress, total, lexicon), corpus)
    if workers > 1 and len(paths) > 1:
        pool = ProcessPoolExecutor(max_workers=workers)
        try:
            return _collect(_run(pool, _batches(paths, workers), progress, total, lexicon), corpus)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def serial():
        for k, p in enumerate(paths, 1):
            yield _read_rows(p, lexicon)
            if progress is not None:
                progress(k, total)

    return _collect(serial(), corpus)
