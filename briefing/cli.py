"""Command line: ``briefing tables``, ``briefing check`` and ``briefing report`` (:mod:`briefing.report`).

Bad input gives a one-line message on stderr and exit status 2, never a traceback, and nothing is
written. The output folder is written as a whole (:func:`briefing.files.write_folder`): a temporary
folder beside it is filled and swapped in by one rename, so a run that fails, is interrupted or is
killed leaves the folder either as it was or wholly new. The two commands write into the same folder
without removing each other's files: each owns its own set of file names.

Exit status: 0 written; 2 nothing written (bad input, an output error, another run writing the same
folder), the folder as it was; 130 interrupted (the message says which state the folder is in).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from concurrent.futures import BrokenExecutor
from pathlib import Path
from typing import TextIO

import pandas as pd

from . import schema
from .errors import TranscriptError
from .files import OutputInterrupted, Writer, write_atomic, write_folder
from .lexicon import LexiconError

__all__ = ["main", "check_tables", "csv_safe", "write_table", "write_tables", "TABLE_FILES", "CHECK_FILES"]

FORMATS = ("csv", "parquet")
#: Every file ``briefing tables`` may write into its folder (and so may replace or drop).
TABLE_FILES = frozenset(f"{name}.{fmt}" for name in schema.TABLES for fmt in FORMATS) | {"datapackage.json"}
#: Every file ``briefing check`` may write.
CHECK_FILES = frozenset({"checks.csv", "check_figures.csv", "reference_comparison.csv", "datapackage.json"})

# A text cell starting with one of these is read by spreadsheets as a formula (CSV injection).
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _escape(v: object) -> object:
    return "'" + v if isinstance(v, str) and v.startswith(_FORMULA) else v


def csv_safe(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return prefixed with a single quote, so that a spreadsheet shows it as text instead of running it.

    Only text columns (string, object and categorical) are changed; numeric, boolean and date columns
    never are, so ``-2.5`` in ``value`` stays a number. Returns ``df`` itself when nothing needs it.
    """
    out = df
    for c in df.columns:
        s = df[c]
        if isinstance(s.dtype, pd.CategoricalDtype):
            if not any(_escape(x) is not x for x in s.cat.categories):
                continue
            s = s.astype(object)
        elif pd.api.types.is_string_dtype(s.dtype) and s.dtype != object:
            if not s.str.startswith(_FORMULA).fillna(False).any():
                continue
        elif s.dtype != object:
            continue
        escaped = s.map(_escape)
        if escaped.equals(s):
            continue
        if out is df:
            out = df.copy()
        out[c] = escaped
    return out


def _csv(df: pd.DataFrame) -> Writer:
    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            csv_safe(df).to_csv(fh, index=False, lineterminator="\n")

    return write


def _parquet(df: pd.DataFrame) -> Writer:
    def write(path: Path) -> None:
        df.to_parquet(path, index=False, engine="pyarrow")

    return write


def _formats(value: str) -> list[str]:
    formats = [f.strip() for f in value.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(bad) or value!r} (csv, parquet)")
    return formats


class _NeedsPackage(Exception):
    pass


def _table_files(tables: dict[str, pd.DataFrame], formats: Sequence[str]) -> dict[str, Writer]:
    if "parquet" in formats:
        import importlib.util

        if importlib.util.find_spec("pyarrow") is None:
            raise _NeedsPackage("--format parquet needs pyarrow: pip install 'briefing[parquet]'")
    files: dict[str, Writer] = {}
    for name, df in tables.items():
        if "csv" in formats:
            files[f"{name}.csv"] = _csv(df)
        if "parquet" in formats:
            files[f"{name}.parquet"] = _parquet(df)
    return files


def _describe(folder: Path, names: list[str]) -> dict[str, Writer]:
    from .datapackage import writer

    return writer(folder, names)


def write_table(df: pd.DataFrame, path: Path) -> None:
    """Write one CSV atomically (formula-like text cells escaped, see :func:`csv_safe`)."""
    write_atomic(path, _csv(df))


def write_tables(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """Write ``NAME.csv`` for every table, and datapackage.json, into ``out`` as a whole."""
    files = {f"{name}.csv": _csv(df) for name, df in tables.items()}
    write_folder(out, files, owned=TABLE_FILES | set(files), finish=_describe)
    return [Path(out) / n for n in files]


def _expand(inputs: Sequence[str]) -> list[Path]:
    """Files as given; a directory stands for the ``*.txt`` files (and saved ``*.html``/``*.htm`` pages)
    directly inside it."""
    paths: list[Path] = []
    for s in inputs:
        p = Path(s)
        if p.is_dir():
            found = sorted(q for q in p.iterdir() if q.suffix.lower() in (".txt", ".html", ".htm"))
            if not found:
                raise TranscriptError(str(p), "directory contains no .txt transcripts or .html pages")
            paths.extend(found)
        else:
            paths.append(p)
    return paths


class ProgressBar:
    """``reading 120/1000 transcripts [######......] 12 s`` on one line of ``stream``, redrawn at most ten
    times a second and ended with a newline when the last file is read."""

    def __init__(self, stream: TextIO, what: str = "transcripts", width: int = 30) -> None:
        self.stream, self.what, self.width = stream, what, width
        self.start = time.monotonic()
        self.last = -1.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        filled = self.width * done // max(total, 1)
        bar = "#" * filled + "." * (self.width - filled)
        end = "\n" if done >= total else ""
        self.stream.write(f"\rreading {done}/{total} {self.what} [{bar}] {now - self.start:.0f} s{end}")
        self.stream.flush()


def _warn(messages: Sequence[str], quiet: bool) -> None:
    if not quiet:
        for w in messages:
            print(f"briefing: warning: {w}", file=sys.stderr)


def _lexicon(args: argparse.Namespace):
    """The lexicon of ``--lexicon FILE`` (the bundled one extended with the file's words), or None."""
    if not getattr(args, "lexicon", None):
        return None
    from .lexicon import Lexicon

    return Lexicon.bundled().with_file(args.lexicon)


def _cmd_tables(args: argparse.Namespace) -> int:
    from .corpus import read_many

    if args.transcripts:
        paths = _expand(args.transcripts)
        bar = ProgressBar(sys.stderr) if not args.quiet and len(paths) > 1 and sys.stderr.isatty() else None
        corpus = read_many(paths, workers=args.workers, progress=bar, lexicon=_lexicon(args))
        tables, warnings = corpus.tables(), list(corpus.warnings)
    else:
        from .model import load

        b = load()
        tables, warnings = b.tables(), list(b.warnings)
    files = _table_files(tables, args.format)
    warnings += write_folder(args.out, files, owned=TABLE_FILES, finish=_describe)
    _warn(warnings, args.quiet)
    if not args.quiet:
        print(f"wrote {len(tables)} tables ({', '.join(args.format)}) to {args.out}", file=sys.stderr)
    return 0


def check_tables(findings: pd.DataFrame, briefing_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``checks`` with a ``check_id`` (C001, ... in row order) first, and the link table
    ``check_figures`` (``briefing_id``, ``check_id``, ``figure_id``): one row per figure of a finding.

    The ``;``-joined ``figure_ids`` column stays in ``checks`` for readers of earlier outputs.
    """
    width = max(3, len(str(len(findings))))
    ids = [f"C{k:0{width}d}" for k in range(1, len(findings) + 1)]
    checks = findings.copy()
    checks.insert(0, "check_id", pd.Series(ids, dtype="str", index=findings.index))
    links = [
        {"briefing_id": briefing_id, "check_id": cid, "figure_id": fid}
        for cid, joined in zip(ids, findings["figure_ids"].fillna(""), strict=True)
        for fid in dict.fromkeys(str(joined).split(";"))
        if fid
    ]
    cols = schema.CHECK_TABLES["check_figures"]
    return checks, pd.DataFrame(links, columns=cols).astype("str")


def _cmd_check(args: argparse.Namespace) -> int:
    from .checks import check, compare_reference, load_context, load_reference
    from .model import load, read

    # load_reference raises a TranscriptError (one line, exit 2) for every way of not being a reference CSV
    reference = load_reference(args.reference) if args.reference else None
    context = load_context(args.context)  # None: the packaged context_series.csv
    b = read(args.transcript, lexicon=_lexicon(args)) if args.transcript else load()
    findings = check(b)
    ref = compare_reference(b, reference, context=context)
    findings, links = check_tables(findings, b.briefing_id)
    files = {
        "checks.csv": _csv(findings),
        "check_figures.csv": _csv(links),
        "reference_comparison.csv": _csv(ref),
    }
    warnings = write_folder(args.out, files, owned=CHECK_FILES, finish=_describe)
    _warn(warnings, args.quiet)
    if not args.quiet:
        counts = findings["status"].value_counts().to_dict()
        agree = ref["status"].value_counts().to_dict()
        print(f"checks: {counts}; reference: {agree}; written to {args.out}", file=sys.stderr)
    return 0


_LEXICON_HELP = "YAML file of more words to read with: units (unit: [words]) and layout (list: [words])"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="briefing",
        description="Tidy tables from SCIO press-briefing transcripts.",
        epilog="Exit status: 0 written; 2 nothing written, the output folder as it was; 130 interrupted.",
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
    t.add_argument(
        "--format",
        type=_formats,
        default=["csv"],
        help="csv (default), parquet, or csv,parquet for both",
    )
    t.add_argument("--workers", type=int, default=1, help="processes for a corpus (default 1)")
    t.add_argument("--lexicon", metavar="FILE", help=_LEXICON_HELP)
    t.add_argument("-q", "--quiet", action="store_true", help="no warnings, progress or summary")
    t.set_defaults(func=_cmd_tables)
    c = sub.add_parser("check", help="internal consistency and agreement with official releases")
    c.add_argument("transcript", nargs="?", help="transcript file (default: the bundled one)")
    c.add_argument(
        "--reference",
        help="reference CSV (default: the packaged copy of data/reference/official_figures.csv)",
    )
    c.add_argument(
        "--context", help="context series CSV (default: the packaged data/reference/context_series.csv)"
    )
    c.add_argument("--lexicon", metavar="FILE", help=_LEXICON_HELP)
    c.add_argument("--out", required=True, help="output directory")
    c.add_argument("-q", "--quiet", action="store_true")
    c.set_defaults(func=_cmd_check)
    from .report import add_command  # briefing report: an HTML report of one transcript

    add_command(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    out = getattr(args, "out", "")
    try:
        return args.func(args)
    except TranscriptError as exc:
        print(f"briefing: error: {exc.where}: {exc.reason}", file=sys.stderr)
        return 2
    except LexiconError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # output folder not writable, disk full, another run writing it, ...
        where = exc.filename or out
        print(f"briefing: error: {where}: {exc.strerror or exc}; {out} was left as it was", file=sys.stderr)
        return 2
    except _NeedsPackage as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return 2
    except BrokenExecutor as exc:
        print(f"briefing: error: a worker process died ({exc}); nothing was written", file=sys.stderr)
        return 2
    except OutputInterrupted as exc:
        if exc.replaced:
            print(f"briefing: interrupted; {out} already holds the complete new output", file=sys.stderr)
        else:
            print(f"briefing: interrupted; {out} was left as it was (nothing written)", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print(f"briefing: interrupted; {out} was left as it was (nothing written)", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
