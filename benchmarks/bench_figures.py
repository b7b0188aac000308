"""briefing against quantulum3 on the bundled transcript, side by side in one process.

For each extractor: time to extract the statistics of the transcript's body, cold (the first call
after import, vocabularies loaded lazily) and warm (median of repeats), and precision / recall of
(value, unit) against the hand-written expected figures (tests/cases/seed_figures.csv), plus kind
accuracy where the extractor has kinds.

What is timed: for briefing, the whole parse of the transcript (layout, turns, sentences, the numbers
ledger, figures) up to the figure rows as dictionaries; the validated pandas table built from those
rows is timed on its own line. For quantulum3, its parser run on the same body text, returning its
Quantity objects: turn by turn (its time grows faster than the text, so this is the fastest way we
found to run it) and in one call on the whole body. Both libraries are imported before any timing.

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


def once(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3, help="warm rounds (each runs every extractor)")
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
    ours = lambda: briefing.parse(text).records("figures")  # noqa: E731
    table = lambda: briefing.parse(text).figures  # noqa: E731
    # cold: the first call in this process, each library loading its vocabularies (and pandera
    # setting itself up on its first validation)
    ours_cold = once(ours)
    b = briefing.parse(text)
    table_cold = ours_cold + once(lambda: b.figures)
    spans = [(t.char_start, t.char_end) for t in b.steps.turns]
    body = [(spans[0][0], spans[-1][1])]
    by_turn = lambda: run_quantulum(parser, text, spans)  # noqa: E731
    one_call = lambda: run_quantulum(parser, text, body)  # noqa: E731

    q_cold = once(by_turn) if parser else float("nan")
    # warm: rounds in which every extractor runs in turn, so a change in the machine's speed
    # touches all of them alike; briefing's time in a round is the median of 11 runs
    warm: dict[str, list[float]] = {"ours": [], "table": [], "by_turn": [], "one_call": []}
    for _ in range(args.rounds):
        warm["ours"].append(statistics.median(once(ours) for _ in range(11)))
        warm["table"].append(statistics.median(once(table) for _ in range(11)))
        if parser:
            warm["by_turn"].append(once(by_turn))
            warm["one_call"].append(once(one_call))
    med = {k: statistics.median(v) if v else float("nan") for k, v in warm.items()}

    def speedup(theirs: str, mine: str) -> float:
        return statistics.median(t / m for t, m in zip(warm[theirs], warm[mine], strict=True))

    s_ours = score(text, expected, b.figures)
    print(f"expected figures (hand-written): {len(expected)}")
    print("time: briefing = the whole parse (layout, turns, sentences, numbers ledger) to figure rows;")
    print("      quantulum3 = its parser on the body's text, turn by turn (its fastest use found) and")
    print(f"      in one call. cold = first call after import; warm = median of {args.rounds} rounds.")
    head = ("extractor", "cold (ms)", "warm (ms)", "found", "precision", "recall", "kind")
    row = "{:<22} {:>10} {:>10} {:>6} {:>10} {:>7} {:>6}"
    print(row.format(*head))
    so = s_ours
    mine = (so.extracted, f"{so.precision:.3f}", f"{so.recall:.3f}", f"{so.kind_accuracy:.3f}")
    print(row.format("briefing", f"{ours_cold * 1000:.1f}", f"{med['ours'] * 1000:.1f}", *mine))
    print(row.format("briefing + table", f"{table_cold * 1000:.1f}", f"{med['table'] * 1000:.1f}",
                     "", "", "", ""))  # fmt: skip
    if parser is None:
        return
    found = by_turn()
    s_q = score(text, expected, quantulum_frame(found))
    scores = (s_q.extracted, f"{s_q.precision:.3f}", f"{s_q.recall:.3f}", "n/a")
    print(row.format("quantulum3, by turn", f"{q_cold * 1000:.1f}", f"{med['by_turn'] * 1000:.1f}", *scores))
    print(row.format("quantulum3, one call", "", f"{med['one_call'] * 1000:.1f}", *scores))
    print("speed-up (warm: median over rounds of the ratio within a round):")
    print(f"  extraction against quantulum3 by turn: {q_cold / ours_cold:.0f}x cold, "
          f"{speedup('by_turn', 'ours'):.0f}x warm; "
          f"in one call: {speedup('one_call', 'ours'):.0f}x warm")  # fmt: skip
    print(f"  with the table, against quantulum3 by turn: {q_cold / table_cold:.0f}x cold, "
          f"{speedup('by_turn', 'table'):.0f}x warm")  # fmt: skip
    wrong = s_q.mismatches
    if len(wrong):
        print("quantulum3, first disagreements:")
        print(wrong.head(8).to_string(index=False))


if __name__ == "__main__":
    main()
