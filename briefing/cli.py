"""Command line: ``briefing tables`` and ``briefing check``.

Bad input gives a one-line message on stderr and exit status 2, never a traceback, and nothing is
written. Tables are written atomically (a temporary file in the same folder, then a rename), so an
interrupted run never leaves half a table behind.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .errors import TranscriptError

__all__ = ["main", "write_table", "write_tables"]


def write_table(df: pd.DataFrame, path: Path) -> None:
    """Write a CSV atomically: to a temporary file next to ``path``, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            df.to_csv(fh, index=False, lineterminator="\n")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tables(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    paths = []
    for name, df in tables.items():
        p = out / f"{name}.csv"
        write_table(df, p)
        paths.append(p)
    return paths


def _expand(inputs: Sequence[str]) -> list[Path]:
    """Files as given; a directory stands for the ``*.txt`` files directly inside it."""
    paths: list[Path] = []
    for s in inputs:
        p = Path(s)
        if p.is_dir():
            found = sorted(p.glob("*.txt"))
            if not found:
                raise TranscriptError(str(p), "directory contains no .txt transcripts")
            paths.extend(found)
        else:
            paths.append(p)
    return paths


def _cmd_tables(args: argparse.Namespace) -> int:
    from .corpus import read_many

    if args.transcripts:
        corpus = read_many(_expand(args.transcripts), workers=args.workers)
    else:
        from .model import load

        corpus = load()
    written = write_tables(corpus.tables(), Path(args.out))
    if not args.quiet:
        for w in corpus.warnings:
            print(f"briefing: warning: {w}", file=sys.stderr)
        print(f"wrote {len(written)} tables to {args.out}", file=sys.stderr)
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from .checks import check, compare_reference, load_reference
    from .model import load, read

    b = read(args.transcript) if args.transcript else load()
    findings = check(b)
    ref = compare_reference(b, load_reference(args.reference) if args.reference else None)
    out = Path(args.out)
    write_table(findings, out / "checks.csv")
    write_table(ref, out / "reference_comparison.csv")
    if not args.quiet:
        counts = findings["status"].value_counts().to_dict()
        agree = ref["status"].value_counts().to_dict()
        print(f"checks: {counts}; reference: {agree}; written to {out}", file=sys.stderr)
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="briefing",
        description="Tidy tables from SCIO press-briefing transcripts.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser(
        "tables",
        help="write briefings, speakers, turns, exchanges, sentences, numbers, figures as CSV",
    )
    t.add_argument(
        "transcripts",
        nargs="*",
        help="transcript files or directories of .txt files (default: the bundled briefing)",
    )
    t.add_argument("--out", required=True, help="output directory")
    t.add_argument("--workers", type=int, default=1, help="processes for a corpus (default 1)")
    t.add_argument("-q", "--quiet", action="store_true")
    t.set_defaults(func=_cmd_tables)
    c = sub.add_parser("check", help="internal consistency and agreement with official releases")
    c.add_argument("transcript", nargs="?", help="transcript file (default: the bundled one)")
    c.add_argument("--reference", help="reference CSV (default: data/reference/official_figures.csv)")
    c.add_argument("--out", required=True, help="output directory")
    c.add_argument("-q", "--quiet", action="store_true")
    c.set_defaults(func=_cmd_check)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except TranscriptError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # output folder not writable, disk full, ...
        where = exc.filename or args.__dict__.get("out", "")
        print(f"briefing: error: {where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("briefing: interrupted; no partial tables were left", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
