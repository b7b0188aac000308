"""How fast is reading a transcript? Prints numbers; asserts nothing (machines are shared and noisy).

- median time to parse the bundled transcript and build every table (figures included), and the
  parse alone without tables;
- throughput on a corpus of 1,000 copies of it (MB/s of transcript text).

Run: python benchmarks/bench_parse.py [--copies 1000] [--repeat 21]
"""

from __future__ import annotations

import argparse
import statistics
import time

import briefing
from briefing.paths import bundled_transcript
from briefing.text import read_text


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=21)
    args = ap.parse_args()
    text = read_text(bundled_transcript())
    briefing.parse(text).tables()  # warm caches (vocabularies, compiled patterns, pandera)

    parse_only = median_ms(lambda: briefing.parse(text), args.repeat)
    with_tables = median_ms(lambda: briefing.parse(text).tables(), args.repeat)
    figures = median_ms(lambda: briefing.parse(text).figures, args.repeat)
    print(f"seed transcript: {len(text):,} characters")
    print(f"  parse (layout, turns, sentences, numbers, figures): median {parse_only:.1f} ms")
    print(f"  parse + figures table:                              median {figures:.1f} ms")
    print(f"  parse + all 7 tables (validated):                   median {with_tables:.1f} ms")

    mb = len(text.encode("utf-8")) * args.copies / 1e6
    t = time.perf_counter()
    n_fig = 0
    for _ in range(args.copies):
        n_fig += len(briefing.parse(text).steps.figures)
    dt = time.perf_counter() - t
    print(f"corpus of {args.copies} copies ({mb:.1f} MB), parse only: {dt:.2f} s, "
          f"{mb / dt:.2f} MB/s, {n_fig:,} figures")  # fmt: skip


if __name__ == "__main__":
    main()
