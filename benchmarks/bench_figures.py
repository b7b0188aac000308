"""briefing against quantulum3 on the bundled transcript, side by side in one process.

For each extractor: time to extract the statistics of the transcript's body, cold (the first call
after import, vocabularies loaded lazily) and warm (median of repeats), and precision / recall of
(value, unit) against the hand-written expected figures (tests/cases/seed_figures.csv), plus kind
accuracy where the extractor has kinds.

What is timed: for briefing, the whole parse of the transcript (layout, turns, sentences, the numbers
ledger, figures) up to the figure rows as dictionaries; the validated pandas table built from those
rows is timed on its own line. For quantulum3, its parser run on the same turns' text, returning its
Quantity objects. Both libraries are imported before any timing.

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


def run_quantulum(parser, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, object]]:
    """quantulum3's quantities in each span, with the span's offset in ``text``."""
    return [(a, q) for a, b in spans for q in parser.parse(text[a:b])]


def quantulum_frame(found: list[tuple[int, object]]) -> pd.DataFrame:
    rows = [
        {"char_start": a + q.span[0], "value": float(q.value), "unit": Q_UNITS.get(q.unit.name, q.unit.name)}
        for a, q in found
    ]
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
    return out, first, statistics.median(times) if times else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3, help="warm runs of quantulum3 (briefing: 11)")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    text = read_text(bundled_transcript())
    expected = pd.read_csv(
        ROOT / "tests" / "cases" / "seed_figures.csv", keep_default_na=False, dtype={"period": str}
    )
    try:
        from quantulum3 import parser
    except ImportError:
        print("quantulum3 is not installed: pip install -e '.[bench]'")
        parser = None
    # cold: the first call in this process, with each library loading its vocabularies
    _, ours_cold, ours_warm = timed(lambda: briefing.parse(text).records("figures"), 11)
    b = briefing.parse(text)
    _, table_cold, _ = timed(lambda: b.figures, 0)  # first table: pandera's own first-use set-up
    _, _, table_warm = timed(lambda: briefing.parse(text).figures, 11)
    spans = [(t.char_start, t.char_end) for t in b._turns]
    s_ours = score(text, expected, b.figures)
    if parser is not None:
        found, q_cold, q_warm = timed(lambda: run_quantulum(parser, text, spans), args.repeat)
        theirs = quantulum_frame(found)

    print(f"expected figures (hand-written): {len(expected)}")
    print("time: briefing = the whole parse (layout, turns, sentences, numbers ledger) to figure rows;")
    print("      quantulum3 = its parser on the same turns' text. cold = first call after import.")
    head = ("extractor", "cold (ms)", "warm (ms)", "found", "precision", "recall", "kind")
    print("{:<12} {:>10} {:>10} {:>6} {:>10} {:>7} {:>6}".format(*head))
    print(f"{'briefing':<12} {ours_cold * 1000:>10.1f} {ours_warm * 1000:>10.1f} {s_ours.extracted:>6} "
          f"{s_ours.precision:>10.3f} {s_ours.recall:>7.3f} {s_ours.kind_accuracy:>6.3f}")  # fmt: skip
    print(f"{'  + table':<12} {(ours_cold + table_cold) * 1000:>10.1f} {table_warm * 1000:>10.1f}"
          "   (parse and the validated pandas table, b.figures)")  # fmt: skip
    if parser is not None:
        s_q = score(text, expected, theirs)
        print(f"{'quantulum3':<12} {q_cold * 1000:>10.1f} {q_warm * 1000:>10.1f} {s_q.extracted:>6} "
              f"{s_q.precision:>10.3f} {s_q.recall:>7.3f} {'n/a':>6}")  # fmt: skip
        print(f"speed-up, extraction: {q_cold / ours_cold:.0f}x cold, {q_warm / ours_warm:.0f}x warm")
        print(f"speed-up, with the table: {q_cold / (ours_cold + table_cold):.0f}x cold, "
              f"{q_warm / table_warm:.0f}x warm")  # fmt: skip
        wrong = s_q.mismatches
        if len(wrong):
            print("quantulum3, first disagreements:")
            print(wrong.head(8).to_string(index=False))


if __name__ == "__main__":
    main()
