"""briefing against quantulum3 on the bundled transcript, side by side in one process.

For each extractor: time to extract the statistics of the transcript's body (median of repeats), and
precision / recall of (value, unit) against the hand-written expected figures
(tests/cases/seed_figures.csv), plus kind accuracy where the extractor has kinds.

quantulum3 is a benchmark-only extra: pip install -e '.[bench]'.
Run: python benchmarks/bench_figures.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings

import pandas as pd

import briefing
from briefing.evaluate import score
from briefing.paths import ROOT

# quantulum3 unit names -> this package's unit vocabulary (anything else keeps quantulum's name)
Q_UNITS = {
    "percentage": "%",
    "dimensionless": "count",
    "kilometre": "km",
    "gigawatt": "GW",
    "watt-hour per kilogram": "Wh/kg",
    "month": "months",
    "renminbi": "yuan",
    "yuan": "yuan",
}


def run_quantulum(text: str, spans: list[tuple[int, int]]) -> pd.DataFrame:
    from quantulum3 import parser

    rows = []
    for a, b in spans:
        for q in parser.parse(text[a:b]):
            rows.append(
                {
                    "char_start": a + q.span[0],
                    "value": float(q.value),
                    "unit": Q_UNITS.get(q.unit.name, q.unit.name),
                }
            )
    return pd.DataFrame(rows, columns=["char_start", "value", "unit"])


def timed(fn, repeat: int):
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return out, statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    b = briefing.load()
    text = b.text
    spans = [(int(s), int(e)) for s, e in zip(b.turns.char_start, b.turns.char_end, strict=True)]
    expected = pd.read_csv(
        ROOT / "tests" / "cases" / "seed_figures.csv", keep_default_na=False, dtype={"period": str}
    )

    ours, t_ours = timed(lambda: briefing.parse(text, source=b.source).figures, max(args.repeat, 11))
    s_ours = score(text, expected, ours)
    try:
        theirs, t_theirs = timed(lambda: run_quantulum(text, spans), args.repeat)
    except ImportError:
        print("quantulum3 is not installed: pip install -e '.[bench]'")
        theirs, t_theirs = None, float("nan")

    print(f"expected figures (hand-written): {len(expected)}")
    print(f"{'extractor':<12} {'time (ms)':>10} {'found':>6} {'precision':>10} {'recall':>7} {'kind':>6}")
    print(f"{'briefing':<12} {t_ours * 1000:>10.1f} {s_ours.extracted:>6} {s_ours.precision:>10.3f} "
          f"{s_ours.recall:>7.3f} {s_ours.kind_accuracy:>6.3f}")  # fmt: skip
    if theirs is not None:
        s_q = score(text, expected, theirs)
        print(f"{'quantulum3':<12} {t_theirs * 1000:>10.1f} {s_q.extracted:>6} {s_q.precision:>10.3f} "
              f"{s_q.recall:>7.3f} {'n/a':>6}")  # fmt: skip
        print(f"speed-up: {t_theirs / t_ours:.0f}x (time for briefing includes the whole parse)")
        wrong = s_q.mismatches
        if len(wrong):
            print("quantulum3, first disagreements:")
            print(wrong.head(8).to_string(index=False))


if __name__ == "__main__":
    main()
