"""Score `subject` and `sector` on real texts nobody here wrote, against golden labels written by reading
them.

Run::

    python benchmarks/bench_labels.py TEXT_DIR [TEXT_DIR ...] [--labels benchmarks/real_text/labels_real.csv]
        [--errors]

``labels_real.csv`` (``text_id,surface,occurrence,subject,sector,notes``): one row per statistic, located as
in ``bench_real_text.py`` (the ``occurrence``-th occurrence of ``surface`` in the file, read with the
package's own reading). The texts stay outside the repository (the folders are given on the command line).

Each text is read as a user reads it (``briefing.read``); a text the reader refuses (not an SCIO transcript)
is parsed as the body of one turn behind the synthetic header of ``bench_real_text`` (``wrap_header``),
spans shifted back by its length; the mode is printed per text. A golden row is scored against the predicted
figure whose span overlaps it (none: a miss, counted as wrong for both scores). Subjects are scored by the
rule of ``tests/test_labels.py`` (every content word of the golden subject, stemmed, in the produced
subject, the figure's surface and unit counting as present), sectors by equality. Nothing is written; all
goes to stdout.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from bench_real_text import locate, read_rows, text_date, wrap_header  # noqa: E402

import briefing  # noqa: E402
from briefing import checks  # noqa: E402
from briefing.text import read_text  # noqa: E402
from tests.test_labels import missing_words  # noqa: E402

DEFAULT_LABELS = HERE / "real_text" / "labels_real.csv"


def _figures(path: Path, text: str) -> tuple[str, list[dict], str]:
    """(mode, figure records with spans into ``text``, the text the acronyms are read from)."""
    try:
        b = briefing.read(path)
        if b.text == text:
            return "end to end", b.records("figures"), b.text
    except briefing.TranscriptError:
        pass
    header = wrap_header(text_date(path.stem, {}))  # the text as the body of one turn
    try:
        b = briefing.parse(header + text, source=path.name)
    except briefing.TranscriptError:
        return "refused", [], text
    off = len(header)
    recs = [
        dict(r, char_start=r["char_start"] - off, char_end=r["char_end"] - off) for r in b.records("figures")
    ]
    return "extractor only", recs, text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    ap.add_argument("--errors", action="store_true", help="list every row that fails")
    a = ap.parse_args(argv)
    rows = read_rows(a.labels)
    by_text: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_text[r["text_id"]].append(r)
    files = {p.stem: p for d in a.dirs for p in sorted(d.glob("*.txt"))}
    total = defaultdict(int)
    print(f"{'text':40} {'mode':16} {'n':>3} {'found':>5} {'subject':>7} {'sector':>6}")
    errors = []
    for tid, labels in by_text.items():
        path = files.get(tid)
        if path is None:
            print(f"{tid:40} missing")
            continue
        text = read_text(path)
        mode, figs, atext = _figures(path, text)
        acr = checks.acronyms(atext)
        n = found = subj = sect = 0
        for r in labels:
            n += 1
            span = locate(text, r["surface"], int(r.get("occurrence") or 1))
            hit = None
            if span:
                hit = next((f for f in figs if f["char_start"] < span[1] and span[0] < f["char_end"]), None)
            if hit is None:
                errors.append((tid, r["surface"], "not found", "", r["subject"]))
                continue
            found += 1
            miss = missing_words(r["subject"], hit["subject"], f"{hit['surface']} {hit['unit']}", acr)
            subj += not miss
            sect += hit["sector"] == r["sector"]
            if miss:
                errors.append((tid, r["surface"], "subject", hit["subject"], r["subject"]))
            if hit["sector"] != r["sector"]:
                errors.append((tid, r["surface"], "sector", hit["sector"], r["sector"]))
        print(f"{tid:40} {mode:16} {n:3d} {found:5d} {subj / n:7.3f} {sect / n:6.3f}")
        for k, v in (("n", n), ("found", found), ("subject", subj), ("sector", sect)):
            total[k] += v
    if total["n"]:
        t = total
        subj, sect = t["subject"] / t["n"], t["sector"] / t["n"]
        print(f"{'all':40} {'':16} {t['n']:3d} {t['found']:5d} {subj:7.3f} {sect:6.3f}")
    if a.errors:
        for e in errors:
            print(" | ".join(map(str, e)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
