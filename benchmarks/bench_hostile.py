"""Pathological inputs: time and peak memory as the input doubles. Prints numbers; asserts nothing.

For each kind of hostile text the input doubles four times (five sizes). Time per MB should stay flat
(linear time): the ``x`` column is how much longer each size took than the one before, about 2 for linear
work and 4 for quadratic; no row should grow faster than about x2.5 (the line after each kind gives the
growth per doubling over its whole range, less noisy than one step). With ``--memory``, peak memory should
grow in proportion to the input (``peak/input`` flat). Times are the least CPU time of a few runs (see
:func:`best_time`). Kinds:

parse (``briefing.parse``):

- transcript:  the bundled transcript's body repeated (up to ~50 MB with --big)
- digits:      one line of digits (1 MB at the largest default size)
- labels:      label-like lines "Name N:" with no speech (100,000 at the largest default size)
- breaks:      page-break tags between short turns (thousands)
- quotes:      deeply nested quotation marks and brackets in one sentence
- periods:     "in the first three quarters" and figures repeated in one giant sentence
- comparisons: one unpunctuated sentence of comparisons, "grew 4% faster than steel and ..."
- spaces_*:    a long run of spaces inside a subject, where the subject patterns look for a trailing
  period phrase, a trailing adverb, a relative clause or an appositive
- dots:        a run of dots before a lower-case letter (the sentence splitter)
- including:   many sentences "N companies, including N little giants"
- respectively: one sentence of "respectively" groups
- speakers:    a header that lists many speakers

check (``briefing.checks.check`` alone, on an already parsed briefing, with the default reference):

- check_repeat:    the bundled body repeated (every statistic said many times: large repeat groups)
- check_perturbed: the bundled body repeated with its digits changed (many different statistics)

Run: python benchmarks/bench_hostile.py [--steps 5] [--big] [--kinds a,b] [--limit 60] [--memory]
(one to two minutes without --memory on a two-core machine)
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import sys
import time
import tracemalloc
from pathlib import Path

import briefing
from briefing import checks
from briefing.paths import bundled_transcript
from briefing.text import read_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_gen import perturb  # noqa: E402

HEAD = "Hostile input\nBeijing | 3 p.m. Oct. 20, 2023\n\nZhao Zhiguo:\n\n"
PARSE_KINDS = (
    "transcript", "digits", "labels", "breaks", "quotes", "periods", "comparisons", "spaces_period",
    "spaces_adverb", "spaces_relative", "spaces_appositive", "dots", "including", "respectively", "speakers",
)  # fmt: skip
CHECK_KINDS = ("check_repeat", "check_perturbed")
_SYLLABLES = "li wang zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo".split()  # noqa: SIM905


def _name(k: int) -> str:
    """A distinct two-word name made of letters only ("Wang Lizhao")."""
    s = _SYLLABLES
    a, b, c = k % 20, (k // 20) % 20, (k // 400) % 20
    return f"{s[a].title()} {s[b].title()}{s[c]}{s[(k // 8000) % 20]}"


def _body(seed_text: str) -> tuple[str, str, str]:
    body_start = seed_text.index("Xing Huina:\n\nLadies")
    trailer = seed_text.index("Translated and edited by")
    return seed_text[:body_start], seed_text[body_start:trailer], seed_text[trailer:]


def make(kind: str, n: int, seed_text: str) -> str:
    if kind in ("transcript", "check_repeat"):  # the header once, the body n times, the trailer once
        head, body, tail = _body(seed_text)
        return head + body * (n * 2 if kind == "check_repeat" else n) + tail
    if kind == "check_perturbed":
        head, body, tail = _body(seed_text)
        rng = random.Random(n)
        return head + "".join(perturb(body, rng) for _ in range(n * 2)) + tail
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
    if kind == "comparisons":
        return HEAD + "Output grew 4% faster than steel and " * (n * 250) + "so on.\n"
    if kind.startswith("spaces_"):
        # the run of spaces is not followed by what the pattern looks for, which comes later (or never)
        run = " " * (n * 2_500)
        subject = {
            "spaces_period": f"The output{run}of steel",  # _TRAIL_PERIOD: "... in the first ..."
            "spaces_adverb": f"The output{run}of steel",  # _TRAIL_ADVERB: "... this year ..."
            "spaces_relative": f"The output{run}of mills that we own",  # _RELATIVE: "... that ..."
            "spaces_appositive": f"Metals{run}of mills such as ours",  # _APPOSITIVE: "... such as ..."
        }[kind]
        # "It" has no subject of its own: the subject of the sentence before is read, over the whole run
        return HEAD + f"{subject} rose sharply. It was 4%.\n"
    if kind == "dots":
        return HEAD + "Output rose 4%" + "." * (n * 5_000) + "and so on.\n"
    if kind == "including":
        return HEAD + "".join(
            f"There are {20_000 + k:,} companies, including {1_000 + k % 900} little giants. "
            for k in range(n * 500)
        )
    if kind == "respectively":
        return HEAD + "Output and sales grew 4% and 5%, respectively, " * (n * 500) + "so on.\n"
    if kind == "speakers":
        listed = "".join(
            f"Mr. {_name(k)}, director general of the Bureau of Statistics\n\n" for k in range(n * 250)
        )
        return (
            "Hostile input\nBeijing | 3 p.m. Oct. 20, 2023\n\nSpeakers:\n\n"
            + listed
            + f"Date:\n\nOct. 20, 2023\n\n{_name(0)}:\n\nOutput rose 4%.\n"
        )
    raise ValueError(kind)


def best_time(fn, budget: float = 0.5, most: int = 20) -> tuple[float, object]:
    """The least CPU time of up to ``most`` runs of ``fn``, stopping once ``budget`` seconds are spent.

    CPU time of this process, not wall-clock time: on a shared machine the other processes' load changes
    the wall-clock time of a run by several times, and the growth factors would say more about the load
    than about the code (the work is single-threaded, so the two agree on an idle machine)."""
    times: list[float] = []
    out = None
    gc.collect()
    while len(times) < most and sum(times) < budget:
        t = time.process_time()
        out = fn()
        times.append(time.process_time() - t)
    return min(times), out


def measure(kind: str, text: str, memory: bool) -> tuple[float, float | None, int]:
    """(seconds, peak Python memory in MB of a traced run or None, figures)."""
    if kind in CHECK_KINDS:
        b = briefing.parse(text)
        b.figures  # noqa: B018 (built before timing: only check is timed)
        ref = checks.load_reference()

        def run():
            return checks.check(b, ref)
    else:

        def run():
            return briefing.parse(text)

    dt, out = best_time(run)
    nfig = len(b.figures) if kind in CHECK_KINDS else len(out.steps.figures)
    peak = None
    if memory:
        gc.collect()
        tracemalloc.start()
        run()
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return dt, peak, nfig


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=5, help="sizes per kind, each double the last (default 5)")
    ap.add_argument("--big", action="store_true", help="also parse the transcript repeated to ~50 MB")
    ap.add_argument("--kinds", default=",".join(PARSE_KINDS + CHECK_KINDS))
    ap.add_argument("--limit", type=float, default=60.0, help="stop doubling a kind after a run this long")
    ap.add_argument(
        "--memory",
        action="store_true",
        help="also measure peak memory in a traced run (several times slower)",
    )
    args = ap.parse_args()
    seed_text = read_text(bundled_transcript())
    cols = ("kind", "MB", "seconds", "s/MB", "x", "peak MB", "peak/input", "figures")
    print("{:<18} {:>7} {:>8} {:>7} {:>5} {:>8} {:>10} {:>8}".format(*cols), flush=True)
    start = time.perf_counter()
    for kind in args.kinds.split(","):
        began = time.perf_counter()
        steps = [2**k for k in range(args.steps)]
        if kind == "transcript" and args.big:
            steps.append(960)  # ~50 MB
        prev = first = None
        for n in steps:
            text = make(kind, n, seed_text)
            mb = len(text.encode("utf-8")) / 1e6
            dt, peak, nfig = measure(kind, text, args.memory)
            grow = f"{dt / prev:5.1f}" if prev else "    -"
            mem = f"{peak:>8.1f} {peak / mb:>10.1f}" if peak is not None else f"{'-':>8} {'-':>10}"
            print(f"{kind:<18} {mb:>7.3f} {dt:>8.3f} {dt / mb:>7.2f} {grow} {mem} {nfig:>8}", flush=True)
            prev = dt
            first = (n, dt) if first is None else first
            if dt > args.limit:
                print(f"{kind:<18} stopped: {dt:.0f} s is over --limit {args.limit:g}", flush=True)
                break
        # the growth per doubling over the whole range: less noisy than any single step
        overall = f"x{(dt / first[1]) ** (1 / math.log2(n / first[0])):.1f}" if n > first[0] else "-"
        print(
            f"{kind:<18} {overall} per doubling over the range ({time.perf_counter() - began:.0f} s)",
            flush=True,
        )
    print(f"total {time.perf_counter() - start:.0f} s", flush=True)


if __name__ == "__main__":
    main()
