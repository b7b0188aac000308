"""Measure the readers of other formats (issue 16) on real texts: structure right, and a corpus run.

Run::

    python benchmarks/bench_formats.py structure TEXT_DIR [TEXT_DIR ...]
        [--expected benchmarks/real_text2/structure.csv] [--split dev|held|all]
    python benchmarks/bench_formats.py corpus DIR [--limit N] [--glob '*.html']

``structure`` reads every text of ``structure.csv`` (``text_id,split,format,title,date,speaker,turns,
exchanges,questions,note``, written by reading the texts, see ``real_text2/SOURCES.md``) with
:func:`briefing.read`, as a user runs it, and compares what the reader gives with what a person wrote:

- ``format``: ``Briefing.meta.layout_format`` (``conference``, ``release``; ``scio`` for an SCIO transcript);
- ``title`` and ``date`` exactly (an empty expectation means the text gives none);
- ``speaker``: the spokesperson or issuing body, the first of ``meta.speakers`` (empty when none);
- ``turns``, ``exchanges``, ``questions``: the numbers of rows of the turns and exchanges tables and of
  question turns.

A text is *structure right* when turns, exchanges and questions are all equal; the script prints each
text's values (``want/got`` where they differ), then per split and format how many of how many texts are
right on each column. A refused text (:class:`briefing.TranscriptError`) counts as wrong everywhere.

``corpus`` reads every file of a folder (saved pages or text files) and prints how many were read and
refused, the refusals grouped by their message, the formats read, the distribution of turns and
exchanges, and the time (reading only; one process), for all files and then separately for files in
English and in Chinese (a file with more than 200 Chinese characters is counted as Chinese: the package
reads English). Nothing is written anywhere, nothing is asserted.
"""

from __future__ import annotations

import argparse
import collections
import csv
import statistics
import sys
import time
from pathlib import Path

import briefing

HERE = Path(__file__).resolve().parent
COLUMNS = ("format", "title", "date", "speaker", "turns", "exchanges", "questions")


def _got(b: briefing.Briefing) -> dict[str, str]:
    m = b.meta
    return {
        "format": getattr(m, "layout_format", "scio"),
        "title": m.title or "",
        "date": m.date.isoformat() if m.date else "",
        "speaker": m.speakers[0] if m.speakers else "",
        "turns": str(len(b.turns)),
        "exchanges": str(len(b.exchanges)),
        "questions": str(int(b.turns["is_question"].sum())) if len(b.turns) else "0",
    }


def _find(dirs: list[Path], text_id: str) -> Path | None:
    for d in dirs:
        for ext in (".txt", ".html", ".htm"):
            p = d / (text_id + ext)
            if p.exists():
                return p
    return None


def structure(args: argparse.Namespace) -> None:
    with open(args.expected, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if args.split != "all":
        rows = [r for r in rows if r["split"] == args.split]
    score: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    n: collections.Counter = collections.Counter()
    for r in rows:
        path = _find(args.dirs, r["text_id"])
        key = (r["split"], r["format"])
        n[key] += 1
        if path is None:
            print(f"{r['text_id']}: MISSING (re-create it as real_text2/SOURCES.md says)")
            continue
        try:
            got = _got(briefing.read(path))
        except briefing.TranscriptError as exc:
            print(f"{r['text_id']} [{r['split']}, {r['format']}]: REFUSED {exc.reason}")
            continue
        marks = []
        for c in COLUMNS:
            ok = got[c] == r[c]
            score[key][c] += ok
            marks.append(f"{c}={got[c]!r}" if ok and c in ("turns", "exchanges", "questions") else
                         (f"{c}: want {r[c]!r} got {got[c]!r}" if not ok else ""))  # fmt: skip
        right = all(got[c] == r[c] for c in ("turns", "exchanges", "questions"))
        score[key]["structure"] += right
        print(f"{r['text_id']} [{r['split']}, {r['format']}]: {'right' if right else 'WRONG'}; "
              + "; ".join(m for m in marks if m))  # fmt: skip
    print()
    print("split  format      texts  " + "  ".join(f"{c:>9}" for c in ("structure", *COLUMNS)))
    for key in sorted(n):
        s = score[key]
        print(f"{key[0]:<6} {key[1]:<11} {n[key]:>5}  "
              + "  ".join(f"{s[c]:>4} of {n[key]:<2}" for c in ("structure", *COLUMNS)))  # fmt: skip


def _chinese(p: Path) -> bool:
    raw = p.read_bytes().decode("utf-8", errors="ignore")
    return sum(1 for ch in raw if "\u4e00" <= ch <= "\u9fff") > 200


def corpus(args: argparse.Namespace) -> None:
    files = sorted(p for p in args.dir.glob(args.glob) if p.is_file())
    if args.limit:
        files = files[: args.limit]
    results: list[tuple[Path, object, float]] = []
    t0 = time.perf_counter()
    for p in files:
        t = time.perf_counter()
        try:
            got: object = briefing.read(p)
        except briefing.TranscriptError as exc:
            got = exc
        results.append((p, got, time.perf_counter() - t))
    total = time.perf_counter() - t0
    ms = 1000 * total / max(1, len(files))
    print(f"{len(files)} files in {args.dir}: {total:.1f} s ({ms:.0f} ms a file)")
    lang = {p: ("Chinese" if _chinese(p) else "English") for p in files}
    for group in ("all", "English", "Chinese"):
        rs = [r for r in results if group == "all" or lang[r[0]] == group]
        if rs:
            _summary(group, rs)


def _summary(group: str, results: list[tuple[Path, object, float]]) -> None:
    read = [b for _, b, _ in results if isinstance(b, briefing.Briefing)]
    refused = [e for _, e, _ in results if isinstance(e, briefing.TranscriptError)]
    reasons = collections.Counter(e.reason[:100] for e in refused)
    formats = collections.Counter(getattr(b.meta, "layout_format", "scio") for b in read)
    sources = collections.Counter(getattr(b.meta, "source_format", "text") for b in read)
    secs = sum(t for *_, t in results)
    print(f"-- {group}: {len(results)} files, {len(read)} read, {len(refused)} refused; {secs:.1f} s")
    print("   formats read:", dict(formats), " sources:", dict(sources),
          f" undated: {sum(b.meta.date is None for b in read)}")  # fmt: skip
    if read:
        n_turns = [len(b.turns) for b in read]
        n_ex = [len(b.exchanges) for b in read]
        print(f"   turns per read file: median {statistics.median(n_turns)}, min {min(n_turns)}, "
              f"max {max(n_turns)}; exchanges: median {statistics.median(n_ex)}, "
              f"zero in {sum(1 for x in n_ex if x == 0)}; "
              f"figures: {sum(len(b.figures) for b in read)}")  # fmt: skip
    for reason, k in reasons.most_common(8):
        print(f"   refused {k:>5}: {reason}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("structure")
    s.add_argument("dirs", nargs="+", type=Path)
    s.add_argument("--expected", type=Path, default=HERE / "real_text2" / "structure.csv")
    s.add_argument("--split", choices=("dev", "held", "all"), default="all")
    c = sub.add_parser("corpus")
    c.add_argument("dir", type=Path)
    c.add_argument("--glob", default="*")
    c.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    structure(args) if args.cmd == "structure" else corpus(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
