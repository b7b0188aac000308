"""Reading a corpus: 1,000 synthetic briefings (the bundled one with perturbed numbers and names).

Prints, for one process and for a process pool: wall time, throughput (MB of transcript text per
second) and peak resident memory, for ``read_many`` followed by building every combined table; then
the time to write the output folder as CSV and as Parquet (the whole folder swapped in, as the command
line does), the size of each, and the time of a DuckDB query over the Parquet files when duckdb is
installed. Asserts nothing (machines are shared and noisy).

Run: python benchmarks/bench_corpus.py [--n 1000] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus_gen import write_corpus  # noqa: E402

import briefing  # noqa: E402


def run(paths: list[Path], workers: int) -> tuple[float, dict[str, int], dict]:
    t = time.perf_counter()
    corpus = briefing.read_many(paths, workers=workers)
    tables = corpus.tables()
    return time.perf_counter() - t, {k: len(v) for k, v in tables.items()}, tables


def write(tables, out: Path, fmt: str) -> tuple[float, float]:
    from briefing.cli import TABLE_FILES, _describe, _table_files
    from briefing.files import write_folder

    t = time.perf_counter()
    write_folder(out, _table_files(tables, [fmt]), owned=TABLE_FILES, finish=_describe)
    size = sum(p.stat().st_size for p in out.iterdir()) / 1e6
    return time.perf_counter() - t, size


def query(out: Path) -> float | None:
    try:
        import duckdb
    except ImportError:
        return None
    t = time.perf_counter()
    duckdb.sql(
        f"SELECT sector, kind, count(*), avg(value) FROM '{out}/figures.parquet' GROUP BY ALL"
    ).fetchall()
    return time.perf_counter() - t


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), args.n)
        mb = sum(p.stat().st_size for p in paths) / 1e6
        print(f"corpus: {args.n} briefings, {mb:.1f} MB; machine: {os.cpu_count()} cores")
        base = peak_mb(resource.RUSAGE_SELF)
        dt, rows, tables = run(paths, 1)
        rss = peak_mb(resource.RUSAGE_SELF)
        print(f"1 process:   {dt:7.1f} s  {mb / dt:5.2f} MB/s  peak RSS {rss:7.0f} MB (start {base:.0f} MB)")
        dt, rows2, _ = run(paths, args.workers)
        assert rows2 == rows
        rss, child = peak_mb(resource.RUSAGE_SELF), peak_mb(resource.RUSAGE_CHILDREN)
        print(
            f"{args.workers} processes: {dt:7.1f} s  {mb / dt:5.2f} MB/s  peak RSS parent {rss:7.0f} MB, "
            f"largest worker {child:.0f} MB"
        )
        print("rows:", ", ".join(f"{k} {v:,}" for k, v in rows.items()))
        for fmt in ("csv", "parquet"):
            dt, size = write(tables, Path(tmp) / f"out-{fmt}", fmt)
            print(f"write {fmt:7s}: {dt:7.1f} s  {size:7.1f} MB on disk")
        q = query(Path(tmp) / "out-parquet")
        if q is not None:
            print(f"DuckDB query over figures.parquet (group by sector, kind): {q * 1000:.0f} ms")


if __name__ == "__main__":
    main()
