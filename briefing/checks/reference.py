"""The reference file of official values: reading it, notes in it, and comparing the briefing with it."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..periods import find_periods
from .context import _APPROX_DOWN, _APPROX_UP, _Context, _context, _Fig, _ids, _surface_value
from .period_algebra import Span, _span_text, compatible, period_span
from .precision import _EPS, Precision, _fmt, _same_value, precision
from .words import _jaccard, words

#: Columns a reference file must have; the others of ``official_figures.csv`` are kept when present.
REFERENCE_COLUMNS = ["indicator", "period", "unit", "briefing_value", "official_value"]
_REFERENCE_OPTIONAL = [
    "publisher", "release_date", "release_title", "retrieved_from", "evidence", "agrees", "note",
]  # fmt: skip


def load_reference(path: str | Path | None = None) -> pd.DataFrame:
    """Read a reference file of official values (default: the copy of ``data/reference/official_figures.csv``
    shipped in the package, :func:`briefing.paths.bundled_reference`).

    Columns :data:`REFERENCE_COLUMNS` are required; ``briefing_value`` and ``official_value`` are numbers
    (empty where unknown), text columns are strings with ``""`` for empty. A file with a header and no rows
    is an empty table. Anything else that is not such a table raises :class:`briefing.ReferenceFileError`
    (a :class:`briefing.TranscriptError`, the one error the command line reports without a traceback) naming
    the file: a missing file or a folder, a file that cannot be read, an empty or blank one, one that is not
    UTF-8 or not CSV, a required column absent, a value that is not a number (with its line).
    """
    from .. import paths

    df, name = _read_csv(path, paths.REFERENCE_FILE, lambda: paths.bundled_reference())
    return _normalise_reference(df, name)


def _read_csv(path: str | Path | None, bundled: str, locate) -> tuple[pd.DataFrame, str]:
    """A reference-like CSV as strings, and its name: ``path``, or when ``None`` the packaged file
    ``bundled`` (found by ``locate()``)."""
    from ..errors import ReferenceFileError, TranscriptError

    if path is None:
        try:
            p = locate()
        except FileNotFoundError as exc:
            raise ReferenceFileError(bundled, str(exc)) from None
    else:
        p = Path(path)
    name = str(p)
    from ..files import read_bytes
    from ..text import MAX_BYTES

    try:
        data = read_bytes(p, MAX_BYTES)  # a regular, readable file of bounded size
    except TranscriptError as exc:
        raise ReferenceFileError(name, exc.reason.replace("transcript file", "reference file")) from None
    if not data.strip():
        raise ReferenceFileError(name, "the reference file is empty (it needs a header row and values)")
    if b"\x00" in data:
        raise ReferenceFileError(name, "not a readable CSV (it contains NUL bytes: a binary file?)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReferenceFileError(
            name,
            f"not UTF-8 text: byte 0x{data[exc.start]:02X} cannot be decoded (save the file as UTF-8)",
            line=data.count(b"\n", 0, exc.start) + 1,
        ) from None
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        reason = " ".join(str(exc).split())
        raise ReferenceFileError(name, f"not a readable CSV ({reason})") from None
    return df, name


def _with_columns(
    df: pd.DataFrame, required: Iterable[str], optional: Iterable[str], source: str, what: str
) -> pd.DataFrame:
    """A copy of ``df`` with its ``required`` columns checked and its ``optional`` ones added empty; an empty
    frame given in code (no columns, no rows) stands for "none" and gets the required columns."""
    from ..errors import ReferenceFileError

    required = list(required)
    if df.columns.empty and df.empty:
        df = pd.DataFrame(columns=required)
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise ReferenceFileError(source, f"{what} lacks column(s) {', '.join(missing)}")
    df = df.copy()
    for c in optional:
        if c not in df.columns:
            df[c] = ""
    return df


def _normalise_reference(df: pd.DataFrame, source: str) -> pd.DataFrame:
    """Required columns checked, optional ones added empty, values as floats (NaN where empty)."""
    from ..errors import ReferenceFileError

    df = _with_columns(df, REFERENCE_COLUMNS, _REFERENCE_OPTIONAL, source, "reference file")
    for c in ("briefing_value", "official_value"):
        raw = df[c].astype(str).str.strip().where(df[c].notna(), "")
        num = pd.to_numeric(raw.where(raw != ""), errors="coerce")
        bad = raw.ne("") & raw.str.lower().ne("nan") & num.isna()
        if bad.any():
            k = int(np.flatnonzero(bad.to_numpy())[0])
            raise ReferenceFileError(source, f"{c} {raw.iloc[k]!r} is not a number", line=k + 2)
        df[c] = num.astype(float)
    return df


@dataclass(frozen=True)
class Statement:
    """A number in a reference note: "all manufacturing investment +6.2%" -> label words, 6.2, "%"."""

    text: str
    label: str
    value: float
    unit: str
    span: Span | None
    prec: Precision


_NOTE_NUMBER = re.compile(
    r"(?P<sign>[+\-\u2212])?(?P<num>\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<scale>mn|million|bn|billion|tn|trillion)?\s*(?P<unit>%|pp\b|percentage points?|yuan)?",
    re.IGNORECASE,
)
_NOTE_SCALES = {"mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12}


def note_statements(note: object, today: dt.date | None = None) -> list[Statement]:
    """The numbers with a unit in a reference note, each with the words before it in its clause.

    "single month; January-August cumulative profits were -11.7% y/y" gives one statement: label
    "January-August cumulative profits were", value -11.7, unit "%", period January-August (resolved against
    ``today``).
    """
    if not isinstance(note, str):
        return []
    out = []
    for m in _NOTE_NUMBER.finditer(note):
        unit = (m.group("unit") or "").lower()
        if not unit and m.group("scale"):
            unit = "count"
        if not unit or m.start() > 0 and (note[m.start() - 1].isalnum() or note[m.start() - 1] == "."):
            continue
        unit = "pp" if unit.startswith("p") else unit
        scale = _NOTE_SCALES.get((m.group("scale") or "").lower(), 1.0)
        value = float(m.group("num").replace(",", "")) * scale
        if m.group("sign") in ("-", "\u2212"):
            value = -value
        lo = max(note.rfind(c, 0, m.start()) for c in ",;:()") + 1
        hi = min([k for k in (note.find(c, m.end()) for c in ",;:()") if k >= 0] or [len(note)])
        label = note[lo : m.start()].strip()
        clause = note[lo:hi]
        ps = [p for p in find_periods(clause, 0, len(clause), today) if not p.is_baseline] if today else []
        span = (ps[0].first, ps[0].last) if ps else None
        out.append(Statement(clause.strip(), label, value, unit, span, precision(m.group("num"), abs(value))))
    return out


def _reference_frame(reference: pd.DataFrame | None) -> pd.DataFrame:
    """The reference to use: the packaged file when ``None`` (an error if unreadable), else ``reference``.

    An empty frame (``pd.DataFrame()``) means no reference: nothing to compare.
    """
    if reference is None:
        return load_reference()
    return _normalise_reference(reference, "reference")


def _match_reference(ctx: _Context, row) -> tuple[list[_Fig], str, str]:
    """The figures a reference row is about: (figures, match code, detail)."""
    bv = row.briefing_value
    if pd.isna(bv):
        return [], "no_briefing_value", "the briefing states no number for it, so there is nothing to compare"
    span = period_span(row.period)
    same_value = [
        f for f in ctx.figs if f.unit == str(row.unit) and _same_value(f.value, f.prec.stated, float(bv), 0.0)
    ]
    cands = [f for f in same_value if compatible(f.span, span, f.kind, ctx.today)]
    if not cands:
        if same_value:
            others = ", ".join(f"{f.id} ({_span_text(f.span)})" for f in same_value)
            return [], "period_differs", f"the value is in the briefing but for another period: {others}"
        return [], "not_found", f"no figure of {_fmt(float(bv), str(row.unit))} in the briefing"
    iw = words(row.indicator, ctx.acr)
    score = {f.id: (_jaccard(iw, f.words), len(iw & f.words)) for f in cands}
    best = max(score.values())
    keep_groups = {f.group for f in cands if score[f.id] == best}
    chosen = [f for f in cands if f.group in keep_groups]
    if best[1] == 0:
        if len(keep_groups) > 1:
            return chosen, "ambiguous", "several figures have this value, none with a word of the indicator"
        return chosen, "value_only", "matched by value, unit and period; the subject shares no word with it"
    return chosen, "matched", ""


def _agreement(official: float, value: float, res: float, approx: str) -> bool:
    if approx == _APPROX_UP:
        return official >= value - res / 2 - _EPS
    if approx in _APPROX_DOWN:
        return official <= value + res / 2 + _EPS
    return _same_value(official, 0.0, value, res)


def compare_reference(
    b, reference: pd.DataFrame | None = None, *, context: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per reference row: the briefing's figures for it and whether the official value agrees.

    ``status`` is ``agrees`` when the official value equals the briefing's within the rounding of the
    briefing's number ("7.5 trillion" agrees with 7.5178 trillion; a "more than" figure agrees with any
    official value at or above it), ``disagrees`` when it does not, ``unverified`` when the reference has no
    official value (or the briefing gives no number). ``match`` says how the figures were found: ``matched``
    (value, unit, period and indicator words), ``value_only``, ``ambiguous``, ``period_differs``,
    ``not_found`` or ``no_briefing_value``; ``reference_agrees`` is the file's own judgement, kept for
    comparison.

    ``reference`` is a frame like :func:`load_reference`'s; ``None`` reads the reference file shipped in the
    package, and raises :class:`briefing.ReferenceFileError` when that cannot be read (never an empty
    result); an empty ``pd.DataFrame()`` compares with nothing.

    ``context`` (a frame from :func:`load_context`) adds the columns ``context_check``, ``context_status``
    and ``context_detail`` from :func:`compare_context`; an ``unverified`` row whose level the release of a
    year later implies (``year_on_year``) takes that check's status (``agrees`` or ``disagrees``). A ``path``
    check is reported, never taken for a verification.

    ``context`` (a frame from :func:`load_context`) adds the columns ``context_check``, ``context_status``
    and ``context_detail`` from :func:`compare_context`; an ``unverified`` row whose level the release of a
    year later implies (``year_on_year``) takes that check's status (``agrees`` or ``disagrees``). A ``path``
    check is reported, never a verification.
    """
    ctx = b if isinstance(b, _Context) else _context(b)
    ref = _reference_frame(reference)
    rows = []
    # The rows as named tuples; their fields are typed by the columns _normalise_reference guarantees.
    ref_rows: Iterable[Any] = ref.itertuples(index=False)
    for r in ref_rows:
        figs, match, why = _match_reference(ctx, r)
        bv, ov = r.briefing_value, r.official_value
        if figs:
            value, res, approx = figs[0].value, figs[0].prec.stated, figs[0].approx
        elif pd.notna(bv):
            value, res, approx = float(bv), precision(None, float(bv)).rounding, "exact"
        else:
            value, res, approx = math.nan, math.nan, "exact"
        if pd.isna(ov) or pd.isna(value):
            status = "unverified"
            detail = "no official value found" if pd.isna(ov) else f"official value {_fmt(ov, str(r.unit))}"
        else:
            ok = _agreement(float(ov), value, res, approx)
            status = "agrees" if ok else "disagrees"
            said = _surface_value(figs[0]) if figs else _fmt(value, str(r.unit))
            diff = float(ov) - value
            detail = f"briefing {said}, {r.publisher or 'official value'} {_fmt(float(ov), str(r.unit))}"
            if not ok:
                rel = f" ({diff / value:+.1%})" if value else ""
                detail += f": off by {_fmt(diff, str(r.unit))}{rel}"
            elif diff and approx == "exact":
                detail += ": the same within the briefing's rounding"
        if why:
            detail = f"{detail}; {why}"
        rows.append(
            {
                "indicator": r.indicator,
                "period": r.period,
                "unit": r.unit,
                "figure_ids": _ids(figs),
                "surface": "; ".join(dict.fromkeys(_surface_value(f) for f in figs)),
                "briefing_value": bv,
                "official_value": ov,
                "difference": (float(ov) - value) if pd.notna(ov) and pd.notna(value) else math.nan,
                "status": status,
                "match": match,
                "detail": detail,
                "reference_agrees": getattr(r, "agrees", ""),
                "publisher": getattr(r, "publisher", ""),
                "release_date": getattr(r, "release_date", ""),
                "evidence": getattr(r, "evidence", ""),
                "retrieved_from": getattr(r, "retrieved_from", ""),
                "note": getattr(r, "note", ""),
            }
        )
    cols = [
        "indicator", "period", "unit", "figure_ids", "surface", "briefing_value", "official_value",
        "difference", "status", "match", "detail", "reference_agrees", "publisher", "release_date",
        "evidence", "retrieved_from", "note",
    ]  # fmt: skip
    out = pd.DataFrame(rows, columns=cols)
    if context is None:
        return out
    from .series import compare_context  # the context series is set against the figures this compares

    found = compare_context(ctx, ref, context)
    out["context_check"] = ""
    out["context_status"] = ""
    out["context_detail"] = ""
    for k, r in enumerate(ref.itertuples(index=False)):
        mine = found[(found["indicator"] == r.indicator) & (found["period"] == r.period)]
        if mine.empty:
            continue
        out.loc[k, "context_check"] = ";".join(mine["check"])
        out.loc[k, "context_status"] = ";".join(mine["status"])
        out.loc[k, "context_detail"] = "; ".join(mine["detail"])
        # a release of another period that implies this one is a check; a path is only plausibility
        implied = mine[mine["check"] == "year_on_year"]
        if out.loc[k, "status"] == "unverified" and len(implied):
            out.loc[k, "status"] = implied["status"].iloc[0]
            before = str(out.at[k, "detail"])
            out.loc[k, "detail"] = f"{before}; {implied['detail'].iloc[0]}"
    return out
