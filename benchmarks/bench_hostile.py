"""Pathological inputs: time and peak memory as the input doubles. Prints numbers; asserts nothing.

For each kind of hostile text, the size doubles several times; time per MB should stay flat
(linear time) and peak memory should grow in proportion to the input (no blow-up). Kinds:

- transcript: the bundled transcript repeated (up to ~50 MB with --big)
- digits:     one line of digits (1 MB at the largest default size)
- labels:     label-like lines "Name N:" with no speech (100,000 at the largest default size)
- breaks:     page-break tags between short turns (thousands)
- quotes:     deeply nested quotation marks and brackets in one sentence
- periods:    "in the first three quarters" and figures repeated in one giant sentence

Run: python benchmarks/bench_hostile.py [--steps 5] [--big]
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc

import briefing
from briefing.paths import bundled_transcript
from briefing.text import read_text

HEAD = "Hostile input\nBeijing | 3 p.m. Oct. 20, 2023\n\nZhao Zhiguo:\n\n"


def make(kind: str, n: int, seed_text: str) -> str:
    if kind == "transcript":  # the header once, the body n times, the trailer once
        body_start = seed_text.index("Xing Huina:\n\nLadies")
        trailer = seed_text.index("Translated and edited by")
        return seed_text[:body_start] + seed_text[body_start:trailer] * n + seed_text[trailer:]
    if kind == "digits":
        return HEAD + "7" * (n * 65_536) + "\n"
    if kind == "labels":
        return HEAD + "".join(f"Speaker Number {k}:\n" for k in range(n * 6_250))
    if kind == "breaks":
        turn = "Output rose {}%.\n_ueditor_page_break_tag_\nCCTV:\n"
        return HEAD + "".join(turn.format(k) for k in range(n * 1_000))
    if kind == "quotes":
        return HEAD + "He said " + '"“(' * (n * 20_000) + "growth of 4%" + ')”"' * (n * 20_000) + ".\n"
    if kind == "periods":
        return HEAD + "In the first three quarters, output rose 4% year on year, " * (n * 2_000) + "end.\n"
    raise ValueError(kind)


def measure(text: str) -> tuple[float, float, int]:
    """Seconds for one parse (untraced), then peak Python memory of a second, traced parse."""
    gc.collect()
    t = time.perf_counter()
    n = len(briefing.parse(text)._figures)
    dt = time.perf_counter() - t
    gc.collect()
    tracemalloc.start()
    briefing.parse(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return dt, peak / 1e6, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=5, help="doublings per kind (default 5)")
    ap.add_argument("--big", action="store_true", help="also parse the transcript repeated to ~50 MB")
    ap.add_argument("--kinds", default="transcript,digits,labels,breaks,quotes,periods")
    args = ap.parse_args()
    seed_text = read_text(bundled_transcript())
    cols = ("kind", "MB", "seconds", "s/MB", "peak MB", "peak/input", "figures")
    print("{:<11} {:>8} {:>8} {:>6} {:>8} {:>10} {:>8}".format(*cols))
    for kind in args.kinds.split(","):
        steps = [2**k for k in range(args.steps)]
        if kind == "transcript" and args.big:
            steps.append(960)  # ~50 MB
        for n in steps:
            text = make(kind, n, seed_text)
            mb = len(text.encode("utf-8")) / 1e6
            dt, peak, nfig = measure(text)
            print(
                f"{kind:<11} {mb:>8.2f} {dt:>8.2f} {dt / mb:>6.2f} {peak:>8.1f} {peak / mb:>10.1f} {nfig:>8}"
            )


if __name__ == "__main__":
    main()
