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
from briefing.paths import ROOT, bundled_transcript
from briefing.text import read_text

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
    """(result, seconds of the first call, median seconds of the next ``repeat`` calls)."""
    t = time.perf_counter()
    out = fn()
    first = time.perf_counter() - t
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return out, first, statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3, help="warm runs of quantulum3 (briefing: 11)")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    text = read_text(bundled_transcript())
    expected = pd.read_csv(
        ROOT / "tests" / "cases" / "seed_figures.csv", keep_default_na=False, dtype={"period": str}
    )
    # cold: the first call in this process, with each library loading its vocabularies
    ours, ours_cold, ours_warm = timed(lambda: briefing.parse(text).figures, 11)
    b = briefing.parse(text)
    spans = [(t.char_start, t.char_end) for t in b._turns]
    s_ours = score(text, expected, ours)
    try:
        theirs, q_cold, q_warm = timed(lambda: run_quantulum(text, spans), args.repeat)
    except ImportError:
        print("quantulum3 is not installed: pip install -e '.[bench]'")
        theirs, q_cold, q_warm = None, float("nan"), float("nan")

    print(f"expected figures (hand-written): {len(expected)}")
    print("time: the whole parse for briefing (layout, turns, sentences, numbers, figures table);")
    print("      extraction from the same turns' text for quantulum3. cold = first call in the process.")
    head = ("extractor", "cold (ms)", "warm (ms)", "found", "precision", "recall", "kind")
    print("{:<12} {:>10} {:>10} {:>6} {:>10} {:>7} {:>6}".format(*head))
    print(f"{'briefing':<12} {ours_cold * 1000:>10.1f} {ours_warm * 1000:>10.1f} {s_ours.extracted:>6} "
          f"{s_ours.precision:>10.3f} {s_ours.recall:>7.3f} {s_ours.kind_accuracy:>6.3f}")  # fmt: skip
    if theirs is not None:
        s_q = score(text, expected, theirs)
        print(f"{'quantulum3':<12} {q_cold * 1000:>10.1f} {q_warm * 1000:>10.1f} {s_q.extracted:>6} "
              f"{s_q.precision:>10.3f} {s_q.recall:>7.3f} {'n/a':>6}")  # fmt: skip
        print(f"speed-up: {q_cold / ours_cold:.0f}x cold, {q_warm / ours_warm:.0f}x warm")
        wrong = s_q.mismatches
        if len(wrong):
            print("quantulum3, first disagreements:")
            print(wrong.head(8).to_string(index=False))


if __name__ == "__main__":
    main()
