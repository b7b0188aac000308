"""Measure the package on real texts nobody here wrote, against figures written by reading them.

Run::

    python benchmarks/bench_real_text.py TEXT_DIR [TEXT_DIR ...]
        [--expected benchmarks/real_text/expected.csv] [--non-figures PATH] [--split dev|held|all]
        [--dates PATH] [--wrap-all] [--quantulum] [--no-errors] [--no-file-dates]

The texts themselves stay outside the repository (the folders are given on the command line); only the
expectations live in ``benchmarks/real_text/``. Nothing is written anywhere: everything goes to stdout.

Inputs
------
``expected.csv`` (``text_id,split,surface,occurrence,value,unit,kind,approx,period_start,period_end,note``):
one row per statistic a person found by reading the text. ``text_id`` is the file name without ``.txt``;
``surface`` is the number exactly as written and ``occurrence`` which occurrence (1-based) of that exact
string in the whole file it is. ``non_figures.csv`` (``text_id,surface,occurrence,role``; by default next
to ``expected.csv``): numbers that are not statistics, with the ledger role they should get, or ``page``
for page furniture.

Offsets
-------
Each file is decoded with :func:`briefing.text.read_text`, the package's own reading (UTF-8, BOM removed,
CRLF and CR made LF), so expected and predicted spans index the same string. The n-th occurrence of a
surface is counted left to right without overlaps (as ``str.count`` counts). An expected surface that does
not occur that many times is listed as unlocated and left out of the scores.

Two modes, reported separately
------------------------------
``end to end``
    ``briefing.read(path)``: the reader (layout, turns) and the extractor, as a user runs them. A
    :class:`briefing.TranscriptError` is recorded as ``refused`` with its message; a refused text predicts
    nothing, so its expected figures count as misses in this mode.
    The row ``end to end, read`` gives the same scores over the texts that were not refused.
    With ``--no-file-dates`` the text is parsed under a source that names no file, so that a date in the
    file's name (which the package reads when the text gives none) dates nothing: the labellers chose the
    names, so this is the score of the text alone.

``extractor only``
    For a refused text (for every text with ``--wrap-all``), the extractor run on the text as plain speech.
    The package has no public entry point for extraction outside a briefing, so the script calls
    ``briefing.parse(HEADER + text)`` where ``HEADER`` is a minimal synthetic header that it builds:
    ``"Extracted text\\n"``, then ``"Date: YYYY-MM-DD\\n"`` when a date for the text is known (see below),
    then ``"\\nText:\\n\\n"``. The line ``Text:`` is a speaker label, so the reader's header ends there and
    the whole text is the body of a turn; every predicted span (figures and the ``numbers`` ledger) has
    ``len(HEADER)`` subtracted. The text itself is passed unchanged, so the body still goes through the
    reader's body rules: a line of the text that looks like a speaker label starts a new turn (its numbers
    are not figures), web-page furniture lines (``Share:``, a row of page numbers, ...) end a turn and are not
    read, and a line that looks like the header of a second briefing (``Date: <another date>``) stops the
    reading there. The reader's warnings about such lines are printed with the text, so a loss of this kind
    shows (a text that is itself an SCIO transcript, wrapped with ``--wrap-all``, loses all but its title
    so: its own header reads as a second briefing). The date is the reference for periods ("this year", "in
    August"): without one the package resolves no period, so all predicted periods are empty. It is taken,
    in this order, from ``--dates`` (a CSV ``text_id,date`` written by reading the texts), else from an ISO
    date (``YYYY-MM-DD``) in the file name, else there is none; the date used is printed per text.

Scores (per text, and over all texts of each split)
---------------------------------------------------
A predicted figure matches an expected one when their spans overlap; matching is one to one (pairs with
the largest overlap first, then the nearest starts). Then:

- ``precision``: matched predictions / predictions (a prediction that overlaps no expected figure is a
  false positive);
- ``value recall``: expected figures matched with a value within 0.5% (relative; exactly, for 0) / expected;
- ``value+unit recall``: the same with the unit equal too / expected;
- ``kind``, ``approx``, ``period`` accuracy over the matched figures: kind equal (expected rows with no kind
  are left out); approx equal (an empty expected approx means ``exact``); both ends of the period equal, an
  empty end equal to an empty end; rows whose ``note`` starts "period unclear" are left out of the period
  score (the expectation makes no claim about it, see ``real_text/SOURCES.md``). An expected end written as
  ``YYYY`` or ``YYYY-MM`` stands for its first day (``period_start``) or last day (``period_end``).
- ledger: for every expected non-figure, the role of the tokens of the ``numbers`` table that overlap it:
  ``non-figure`` when every such token has a role other than ``figure`` (the role is shown), ``figure``
  when one is a figure, ``absent`` when no token overlaps it (the number was dropped without a trace). For
  ``page`` tokens the share with a non-figure role is printed; for the others, also how many got exactly
  the expected role.

``--quantulum`` runs quantulum3 (``pip install -e '.[bench]'``) on the whole decoded text of every text and
scores its quantities the same way (precision, value recall, value+unit recall) side by side. Its unit
names are mapped loosely to this package's units by :data:`Q_UNITS` (``percentage`` -> ``%``,
``dimensionless`` -> ``count``, ``chinese yuan`` -> ``yuan``, ...); any other name is kept as it is and so
never equals an expected unit.

Errors (false positives and misses with a few characters of context, wrong attributes, ledger misses) are
printed per text, unless ``--no-errors``. The script asserts nothing and exits 0.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import briefing
from briefing import vocab
from briefing.text import read_text

HERE = Path(__file__).resolve().parent
DEFAULT_EXPECTED = HERE / "real_text" / "expected.csv"
#: Relative tolerance of a value.
VALUE_TOLERANCE = 0.005
#: A note starting so says the row's period is no assertion (SOURCES.md): its period is not scored.
UNCLEAR = "period unclear"
#: An expected figure with an empty unit whose note names the text's unit ("unit mu: none in the
#: vocabulary", "unit hectares (not in the vocabulary)", "unit hectares; ...", "unit: hours (the
#: vocabulary has none)", "unit: hours"): the label was written when the vocabulary had no unit for it.
#: Scored against the unit
#: whose words (briefing/data/units.yml) hold the named one, when there is one now; else the unit stays
#: empty (and no predicted unit equals it).
NOTED_UNIT = re.compile(
    r"\bunit:? ([^:;(),]+?)(?: \([^)]*\))?"
    r"(?:,? none in the vocabulary|: none in the vocabulary|"
    r" \((?:not in the vocabulary|the vocabulary has none)\)|(?=[;,])|$)"
)


def noted_unit(unit: str, note: str) -> str:
    """The expected unit: as written, else the vocabulary's unit for the one the note names."""
    m = None if unit else NOTED_UNIT.search(note)
    if m is None:
        return unit
    named = m.group(1).strip().lower()
    for u in vocab.load("units")["units"]:
        if named in (w.lower() for w in u["words"]):
            return str(u["unit"])
    return unit


#: Characters of context shown either side of a number in the error list.
CONTEXT = 40

#: quantulum3 unit names -> this package's units (a loose mapping; other names are kept as they are).
Q_UNITS = {
    "percentage": "%",
    "dimensionless": "count",
    "count": "times",  # quantulum3's unit of "1.1 times"
    "chinese yuan": "yuan",
    "renminbi": "yuan",
    "yuan": "yuan",
    "united states dollar": "USD",
    "dollar": "USD",
    "kilometre": "km",
    "tonne": "tonnes",
    "gigawatt": "GW",
    "megawatt": "MW",
    "kilowatt": "kW",
    "kilowatt hour": "kWh",
    "square metre": "m2",
    "cubic metre": "m3",
    "day": "days",
    "month": "months",
    "year": "years",
}

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


# ---------------------------------------------------------------------------------------------- inputs
@dataclass
class Item:
    """An expected figure or non-figure, or a predicted figure or ledger token, with its span."""

    start: int
    end: int
    surface: str
    value: float | None = None
    unit: str = ""
    kind: str = ""
    approx: str = ""
    period_start: str = ""
    period_end: str = ""
    role: str = ""  # non-figures and ledger tokens
    occurrence: int = 0  # expected rows
    note: str = ""


@dataclass
class Text:
    text_id: str
    split: str
    path: Path
    expected: list[dict] = field(default_factory=list)  # rows of expected.csv
    non_figures: list[dict] = field(default_factory=list)  # rows of non_figures.csv


def read_rows(path: Path) -> list[dict]:
    """Rows of a CSV file as dictionaries (a BOM is ignored; missing file: no rows)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k.strip(): (v or "").strip() for k, v in r.items() if k} for r in csv.DictReader(f)]


def locate(text: str, surface: str, occurrence: int) -> tuple[int, int] | None:
    """Span of the ``occurrence``-th (1-based) occurrence of ``surface`` in ``text``, counted left to right
    without overlaps; None when there are fewer."""
    if not surface or occurrence < 1:
        return None
    at = -len(surface)
    for _ in range(occurrence):
        at = text.find(surface, at + len(surface))
        if at < 0:
            return None
    return at, at + len(surface)


def _float(s: str) -> float | None:
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def _end(s: str, last: bool) -> str:
    """An expected period end as an ISO date: ``YYYY`` and ``YYYY-MM`` stand for their first or last day."""
    s = s.strip()
    if re.fullmatch(r"\d{4}", s):
        return f"{s}-12-31" if last else f"{s}-01-01"
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", s)
    if m:
        y, mo = int(m[1]), int(m[2])
        return dt.date(y, mo, calendar.monthrange(y, mo)[1] if last else 1).isoformat()
    return s


def _located(text: str, rows: list[dict]) -> tuple[list[tuple[dict, tuple[int, int], int]], list[dict]]:
    """Each row with the span of the ``occurrence``-th ``surface`` in ``text``, and the rows not found."""
    found, lost = [], []
    for r in rows:
        occ = int(_float(r.get("occurrence", "")) or 1)
        span = locate(text, r.get("surface", ""), occ)
        if span is None:
            lost.append(r)
        else:
            found.append((r, span, occ))
    return found, lost


def expected_items(text: str, rows: list[dict]) -> tuple[list[Item], list[dict]]:
    """Expected figures located in ``text``, and the rows that could not be located."""
    found, lost = _located(text, rows)
    items = [
        Item(
            *span,
            surface=r["surface"],
            value=_float(r.get("value", "")),
            unit=noted_unit(r.get("unit", ""), r.get("note", "")),
            kind=r.get("kind", ""),
            approx=r.get("approx", "") or "exact",
            period_start=_end(r.get("period_start", ""), last=False),
            period_end=_end(r.get("period_end", ""), last=True),
            occurrence=occ,
            note=r.get("note", ""),
        )
        for r, span, occ in found
    ]
    return items, lost


def non_figure_items(text: str, rows: list[dict]) -> tuple[list[Item], list[dict]]:
    """Expected non-figures located in ``text``, and the rows that could not be located."""
    found, lost = _located(text, rows)
    items = [
        Item(*span, surface=r["surface"], role=r.get("role", ""), occurrence=occ) for r, span, occ in found
    ]
    return items, lost


# ------------------------------------------------------------------------------------------ predictions
@dataclass
class Run:
    """What one mode predicted for one text (spans index the decoded text of the file)."""

    mode: str
    figures: list[Item] = field(default_factory=list)
    ledger: list[Item] = field(default_factory=list)
    refused: str = ""  # the TranscriptError's message
    warnings: tuple[str, ...] = ()
    note: str = ""
    seconds: float = 0.0


def _iso(d: object) -> str:
    return d.isoformat() if isinstance(d, dt.date) else ""


def run_of(b: briefing.Briefing, mode: str, offset: int = 0) -> Run:
    """Figures and ledger tokens of a parsed briefing, spans shifted back by ``offset``."""
    figs = [
        Item(
            r["char_start"] - offset,
            r["char_end"] - offset,
            surface=r["surface"],
            value=r["value"],
            unit=r["unit"] or "",
            kind=r["kind"] or "",
            approx=r["approx"] or "",
            period_start=_iso(r["period_start"]),
            period_end=_iso(r["period_end"]),
        )
        for r in b.records("figures")
    ]
    ledger = [
        Item(r["char_start"] - offset, r["char_end"] - offset, surface=r["surface"], role=r["role"])
        for r in b.records("numbers")
        if r["char_start"] >= offset  # the synthetic header's own date is not the text's
    ]
    return Run(mode, figs, ledger, warnings=b.warnings)


def end_to_end(path: Path, file_dates: bool = True) -> Run:
    """``briefing.read(path)``; with ``file_dates=False`` the same text parsed under a source that names no
    file, so that a date in the file's name (``page_dates.file_date``) is not used: the text alone."""
    t = time.perf_counter()
    try:
        b = briefing.read(path) if file_dates else briefing.parse(read_text(path), source=f"<{path.stem}>")
        run = run_of(b, "end to end")
    except briefing.TranscriptError as exc:
        run = Run("end to end", refused=str(exc))
    run.seconds = time.perf_counter() - t
    return run


def wrap_header(date: dt.date | None) -> str:
    """The synthetic header that makes ``text`` the body of one turn (see the module docstring)."""
    return "Extracted text\n" + (f"Date: {date.isoformat()}\n" if date else "") + "\nText:\n\n"


def extractor_only(text: str, date: dt.date | None, source: str) -> Run:
    t = time.perf_counter()
    header = wrap_header(date)
    try:
        b = briefing.parse(header + text, source=source)
    except briefing.TranscriptError as exc:
        run = Run("extractor only", refused=str(exc))
    else:
        if b.text[len(header) :] != text:  # parse normalises; read_text has already, so nothing changes
            run = Run("extractor only", refused="the text was changed by parsing: spans would not agree")
        else:
            run = run_of(b, "extractor only", offset=len(header))
    run.note = f"date {date.isoformat()}" if date else "no date (no period can be resolved)"
    run.seconds = time.perf_counter() - t
    return run


def quantulum_run(parser, text: str) -> Run:
    t = time.perf_counter()
    figs = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for q in parser.parse(text):
            a, b = q.span
            name = q.unit.name
            figs.append(Item(a, b, surface=text[a:b], value=float(q.value), unit=Q_UNITS.get(name, name)))
    return Run("quantulum3", figs, seconds=time.perf_counter() - t)


# --------------------------------------------------------------------------------------------- scoring
def match(expected: list[Item], predicted: list[Item]) -> list[tuple[int, int]]:
    """One-to-one pairs (expected index, predicted index) of overlapping spans: the largest overlap
    first, then the nearest starts, then text order."""
    cands = []
    for i, e in enumerate(expected):
        for j, p in enumerate(predicted):
            ov = min(e.end, p.end) - max(e.start, p.start)
            if ov > 0:
                cands.append((-ov, abs(e.start - p.start), i, j))
    cands.sort()
    used_e: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, i, j in cands:
        if i not in used_e and j not in used_p:
            used_e.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def value_ok(e: Item, p: Item) -> bool:
    if e.value is None or p.value is None:
        return False
    if e.value == 0:
        return p.value == 0
    return abs(p.value - e.value) <= VALUE_TOLERANCE * abs(e.value)


@dataclass
class Tally:
    """Counts that add up over texts; the rates are worked out from them."""

    texts: int = 0
    refused: int = 0
    expected: int = 0
    predicted: int = 0
    matched: int = 0
    value: int = 0
    value_unit: int = 0
    kind: int = 0
    kind_n: int = 0
    approx: int = 0
    period: int = 0
    period_n: int = 0  # matched figures whose period is scored (not "period unclear")
    unlocated: int = 0
    ledger: Counter = field(default_factory=Counter)  # (expected role group, outcome) -> n
    same_role: Counter = field(default_factory=Counter)  # expected role group -> n with that very role

    def add(self, o: Tally) -> None:
        for k in ("texts", "refused", "expected", "predicted", "matched", "value", "value_unit", "kind",
                  "kind_n", "approx", "period", "period_n", "unlocated"):  # fmt: skip
            setattr(self, k, getattr(self, k) + getattr(o, k))
        self.ledger.update(o.ledger)
        self.same_role.update(o.same_role)

    @staticmethod
    def _rate(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "  n/a"

    def rates(self) -> dict[str, str]:
        r = self._rate
        return {
            "precision": r(self.matched, self.predicted),
            "value_rec": r(self.value, self.expected),
            "v+u_rec": r(self.value_unit, self.expected),
            "kind": r(self.kind, self.kind_n),
            "approx": r(self.approx, self.matched),
            "period": r(self.period, self.period_n),
        }

    def ledger_line(self) -> str:
        if not self.ledger:
            return "ledger: no expected non-figures"
        parts = []
        for group in ("page", "other"):
            got = {o: self.ledger[group, o] for o in ("non-figure", "figure", "absent", "refused")}
            n = got["non-figure"] + got["figure"] + got["absent"]
            if not n and not got["refused"]:
                continue
            if not n:
                parts.append(f"{group}: none scored ({got['refused']} in refused texts)")
                continue
            s = f"{group} {got['non-figure']}/{n} non-figure ({got['non-figure'] / n:.3f})"
            if group == "other":
                s += f", {self.same_role[group]} with the expected role"
            s += f", {got['figure']} figure, {got['absent']} absent"
            if got["refused"]:
                s += f" ({got['refused']} more in refused texts, not scored)"
            parts.append(s)
        return "ledger: " + "; ".join(parts)


def context(text: str, a: int, b: int) -> str:
    s = text[max(0, a - CONTEXT) : a] + "[" + text[a:b] + "]" + text[b : b + CONTEXT]
    return re.sub(r"\s+", " ", s)


def _fmt(x: Item) -> str:
    v = "?" if x.value is None else f"{x.value:g}"
    extra = "/".join(s for s in (x.kind, x.approx) if s)
    per = f" {x.period_start}..{x.period_end}" if x.period_start or x.period_end else ""
    return f"{v} {x.unit} {extra}{per}".rstrip()


def score(
    text: str, exp: list[Item], run: Run, non_figures: Sequence[Item] = (), attrs: bool = True
) -> tuple[Tally, list[str]]:
    """Counts for one text and one mode, and the error lines."""
    t = Tally(texts=1, refused=int(bool(run.refused)), expected=len(exp), predicted=len(run.figures))
    errors: list[str] = []
    pairs = match(exp, run.figures)
    t.matched = len(pairs)
    got_e = {i for i, _ in pairs}
    got_p = {j for _, j in pairs}
    for i, j in pairs:
        e, p = exp[i], run.figures[j]
        v_ok = value_ok(e, p)
        t.value += v_ok
        t.value_unit += v_ok and e.unit == p.unit
        wrong = []
        if not v_ok:
            wrong.append(f"value {e.value} vs {p.value}")
        if e.unit != p.unit:
            wrong.append(f"unit {e.unit!r} vs {p.unit!r}")
        if attrs:
            if e.kind:
                t.kind_n += 1
                t.kind += e.kind == p.kind
                if e.kind != p.kind:
                    wrong.append(f"kind {e.kind} vs {p.kind}")
            t.approx += e.approx == p.approx
            if e.approx != p.approx:
                wrong.append(f"approx {e.approx} vs {p.approx}")
            same_period = (e.period_start, e.period_end) == (p.period_start, p.period_end)
            scored = not e.note.lower().startswith(UNCLEAR)
            if scored:
                t.period_n += 1
                t.period += same_period
            if not same_period:
                wrong.append(
                    f"period {e.period_start or '-'}..{e.period_end or '-'} vs "
                    f"{p.period_start or '-'}..{p.period_end or '-'}"
                    + ("" if scored else " (period unclear: not scored)")
                )
        if wrong:
            errors.append(f"  WRONG {e.surface!r} (#{e.occurrence}) as {p.surface!r}: {'; '.join(wrong)}")
    for i, e in enumerate(exp):
        if i not in got_e:
            errors.append(
                f"  MISS  {e.surface!r} (#{e.occurrence}) {_fmt(e)}: {context(text, e.start, e.end)}"
            )
    for j, p in enumerate(run.figures):
        if j not in got_p:
            errors.append(f"  FP    {p.surface!r} {_fmt(p)}: {context(text, p.start, p.end)}")
    for nf in non_figures:
        group = "page" if nf.role == "page" else "other"
        if run.refused:  # nothing is classed: counted apart, not as absent
            t.ledger[group, "refused"] += 1
            continue
        toks = [k for k in run.ledger if min(k.end, nf.end) > max(k.start, nf.start)]
        roles = [k.role for k in toks]
        if not toks:
            outcome = "absent"
        elif "figure" in roles:
            outcome = "figure"
        else:
            outcome = "non-figure"
        t.ledger[group, outcome] += 1
        same = nf.role in roles
        t.same_role[group] += same
        if outcome != "non-figure" or (group == "other" and not same):
            errors.append(
                f"  LEDGER {nf.surface!r} (#{nf.occurrence}) expected {nf.role}, got {outcome} "
                f"({','.join(roles) or '-'}): {context(text, nf.start, nf.end)}"
            )
    return t, errors


# ---------------------------------------------------------------------------------------------- output
ROW = "{:<28} {:<16} {:>5} {:>4} {:>5} {:>5} {:>6} {:>9} {:>9} {:>8} {:>6} {:>6} {:>6}"
#: Rows of the overall table, in order.
MODES = ("end to end", "end to end, read", "extractor only", "quantulum3")
HEAD = ("", "mode", "texts", "ref", "exp", "pred", "match", "precision", "value_rec", "v+u_rec", "kind",
        "approx", "period")  # fmt: skip


def row(label: str, mode: str, t: Tally, attrs: bool = True) -> str:
    r = t.rates()
    if not attrs:
        r["kind"] = r["approx"] = r["period"] = ""
    return ROW.format(label[:28], mode, t.texts, t.refused, t.expected, t.predicted, t.matched, *r.values())


def find_texts(dirs: Iterable[Path], expected: list[dict], non_figures: list[dict], split: str):
    """The ``.txt`` files of ``dirs`` that have expectations in ``split``, and the text ids with none."""
    by_id: dict[str, Text] = {}
    splits: dict[str, str] = {}
    for r in expected:
        splits.setdefault(r.get("text_id", ""), r.get("split", ""))
    files: dict[str, Path] = {}
    for d in dirs:
        for p in sorted(Path(d).glob("*.txt")):
            files.setdefault(p.stem, p)
    for tid, p in files.items():
        s = splits.get(tid)
        if s is None and not any(r.get("text_id") == tid for r in non_figures):
            continue
        s = s or "?"
        if split != "all" and s != split:
            continue
        by_id[tid] = Text(tid, s, p)
    for r in expected:
        if r.get("text_id") in by_id:
            by_id[r["text_id"]].expected.append(r)
    for r in non_figures:
        if r.get("text_id") in by_id:
            by_id[r["text_id"]].non_figures.append(r)
    wanted = {tid for tid, s in splits.items() if split == "all" or s == split}
    return list(by_id.values()), sorted(wanted - set(files))


def text_date(tid: str, dates: dict[str, str]) -> dt.date | None:
    for s in (dates.get(tid, ""), tid):
        m = _ISO_DATE.search(s)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                pass
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path, metavar="TEXT_DIR", help="folders of .txt files")
    ap.add_argument("--expected", type=Path, default=DEFAULT_EXPECTED)
    ap.add_argument("--non-figures", type=Path, default=None, help="default: beside --expected")
    ap.add_argument("--split", choices=("dev", "held", "all"), default="all")
    ap.add_argument("--dates", type=Path, default=None, help="CSV text_id,date (extractor only)")
    ap.add_argument("--wrap-all", action="store_true", help="run the extractor-only mode on every text")
    ap.add_argument("--quantulum", action="store_true", help="score quantulum3 side by side")
    ap.add_argument("--no-errors", action="store_true", help="do not list the errors")
    ap.add_argument(
        "--no-file-dates",
        action="store_true",
        help="score the text alone: a date in a file's name (which the labellers chose) dates nothing",
    )
    args = ap.parse_args(argv)

    expected = read_rows(args.expected)
    nf_path = args.non_figures or args.expected.with_name("non_figures.csv")
    non_figures = read_rows(nf_path)
    dates = {r.get("text_id", ""): r.get("date", "") for r in read_rows(args.dates)} if args.dates else {}
    texts, no_file = find_texts(args.dirs, expected, non_figures, args.split)
    print(f"expected figures: {args.expected} ({len(expected)} rows); non-figures: {nf_path} "
          f"({len(non_figures)} rows)")  # fmt: skip
    print(f"texts with expectations in {', '.join(map(str, args.dirs))} (split {args.split}): {len(texts)}"
          + (f"; {len(no_file)} text ids with no file: {', '.join(no_file)}" if no_file else ""))  # fmt: skip
    parser = None
    if args.quantulum:
        try:
            with warnings.catch_warnings():  # it warns that its optional classifier is not installed
                warnings.simplefilter("ignore")
                from quantulum3 import parser
        except ImportError:
            print("quantulum3 is not installed: pip install -e '.[bench]'")

    totals: dict[tuple[str, str], Tally] = defaultdict(Tally)
    seconds: Counter = Counter()
    for tx in texts:
        try:
            text = read_text(tx.path)
        except briefing.TranscriptError as exc:
            print(f"\n== {tx.text_id} ({tx.split}): cannot be decoded, not scored: {exc}")
            continue
        exp, lost = expected_items(text, tx.expected)
        nfs, nf_lost = non_figure_items(text, tx.non_figures)
        runs = [end_to_end(tx.path, file_dates=not args.no_file_dates)]
        if runs[0].refused or args.wrap_all:
            source = f"<{tx.path.stem}>" if args.no_file_dates else str(tx.path)
            runs.append(extractor_only(text, text_date(tx.text_id, dates), source))
        if parser is not None:
            runs.append(quantulum_run(parser, text))
        print(f"\n== {tx.text_id} ({tx.split}): {len(text)} characters, {len(exp)} expected figures, "
              f"{len(nfs)} expected non-figures")  # fmt: skip
        print(ROW.format(*HEAD))
        for r in lost + nf_lost:
            print(f"  UNLOCATED {r.get('surface')!r} #{r.get('occurrence')}: not that often in the text")
        errors: list[str] = []
        for run in runs:
            attrs = run.mode != "quantulum3"
            t, errs = score(text, exp, run, nfs if attrs else [], attrs=attrs)
            t.unlocated = len(lost) + len(nf_lost)
            modes = [run.mode] + (
                ["end to end, read"] if run.mode == "end to end" and not run.refused else []
            )
            for split, mode in ((sp, m) for sp in (tx.split, "all") for m in modes):
                totals[split, mode].add(t)
            seconds[run.mode] += run.seconds
            print(row("", run.mode, t, attrs))
            if run.refused:
                print(f"  {run.mode}: refused: {run.refused}")
            if run.note:
                print(f"  {run.mode}: {run.note}")
            for w in run.warnings:
                print(f"  {run.mode}: warning: {w}")
            if attrs:
                print(f"  {run.mode}: {t.ledger_line()}")
            if attrs and errs:
                errors += [f" {run.mode}:"] + errs
        if errors and not args.no_errors:
            print("errors:")
            print("\n".join(errors))

    print("\n== overall")
    print(ROW.format(*HEAD))
    splits = sorted({s for s, _ in totals}, key=lambda s: (s == "all", s))
    for s in splits:
        for mode in MODES:
            if (s, mode) in totals:
                print(row(s, mode, totals[s, mode], attrs=mode != "quantulum3"))
    for s in splits:
        for mode in MODES[:3]:
            if (s, mode) in totals:
                print(f"{s}, {mode}: {totals[s, mode].ledger_line()}")
    unl = totals["all", "end to end"].unlocated if ("all", "end to end") in totals else 0
    print(f"unlocated expectations (left out): {unl}")
    print("time (s): " + ", ".join(f"{m} {v:.2f}" for m, v in seconds.items()))
    print("end to end counts a refused text's figures as misses; 'end to end, read' is the texts it read; "
          "extractor only is run on " + ("every text" if args.wrap_all else "the refused texts")
          + " (see the docstring).")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
