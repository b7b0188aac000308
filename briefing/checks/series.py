"""The context series: values of the reference's indicators at other dates (``context_series.csv``), read and
set against the briefing's figures (a path to a level, a year-on-year rate, the year-earlier value)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .context import _Context, _context, _Fig, _ids, _surface_value
from .period_algebra import _shift, period_span
from .precision import _EPS, _fmt, precision
from .reference import _match_reference, _read_csv, _reference_frame, _with_columns, note_statements
from .words import _jaccard, _stem, words

#: File name of the context series (values of the reference's indicators at other dates) in the package.
CONTEXT_FILE = "context_series.csv"
#: Columns a context file must have; the others of ``context_series.csv`` are kept when present.
CONTEXT_COLUMNS = ["indicator", "period", "value", "unit"]
_CONTEXT_OPTIONAL = ["publisher", "release_date", "retrieved_from", "evidence", "note"]
#: How ``context_series.csv`` marks a value that is a lower bound ("over 2.12 billion"), in its note.
_LOWER_BOUND = re.compile(r"\blower bound\b", re.IGNORECASE)
#: Columns of :func:`compare_context`.
CONTEXT_CHECK_COLUMNS = [
    "indicator", "period", "unit", "figure_ids", "briefing_value", "check", "status", "value", "low", "high",
    "context_value", "detail", "context_periods", "publisher", "retrieved_from",
]  # fmt: skip


def load_context(path: str | Path | None = None) -> pd.DataFrame:
    """Read a context file: values of the reference's indicators at other dates (default: the packaged copy
    of ``data/reference/context_series.csv``).

    Columns :data:`CONTEXT_COLUMNS` are required; ``value`` is a number. Errors as for :func:`load_reference`.
    """
    from .. import paths

    df, name = _read_csv(path, CONTEXT_FILE, lambda: paths.bundled_file(CONTEXT_FILE))
    return _normalise_context(df, name)


def _normalise_context(df: pd.DataFrame, source: str) -> pd.DataFrame:
    from ..errors import ReferenceFileError

    df = _with_columns(df, CONTEXT_COLUMNS, _CONTEXT_OPTIONAL, source, "context file")
    raw = df["value"].astype(str).str.strip()
    num = pd.to_numeric(raw.where(raw != ""), errors="coerce")
    bad = num.isna()
    if bad.any():
        k = int(np.flatnonzero(bad.to_numpy())[0])
        raise ReferenceFileError(source, f"value {raw.iloc[k]!r} is not a number", line=k + 2)
    df["value"] = num.astype(float)
    return df


@cache
def _synonyms() -> dict[str, str]:
    from ..vocab import load

    return {
        _stem(w.lower()): _stem(k.lower()) for k, ws in load("indicators")["synonyms"].items() for w in ws
    }


def _indicator_words(ctx: _Context, text: object) -> frozenset[str]:
    syn = _synonyms()
    return frozenset(syn.get(w, w) for w in words(text, ctx.acr))


def _series(ctx: _Context, ref: pd.DataFrame, context: pd.DataFrame) -> dict[int, list[Any]]:
    """For each reference row (by position), the context rows of its indicator: the same unit, and no other
    row of the reference closer in words (Jaccard of the indicators' words, synonyms of
    ``briefing/data/indicators.yml`` and acronyms the transcript defines read as one word, at least 0.5)."""
    ref_words = [(str(r.unit), _indicator_words(ctx, r.indicator)) for r in ref.itertuples(index=False)]
    out: dict[int, list[Any]] = {}
    rows: Iterable[Any] = context.itertuples(index=False)
    for c in rows:
        cw = _indicator_words(ctx, c.indicator)
        score = {k: _jaccard(cw, w) for k, (unit, w) in enumerate(ref_words) if unit == str(c.unit)}
        if not score:
            continue
        best = max(score.values())
        top = [k for k, v in score.items() if v == best]
        if best >= 0.5 and len(top) == 1:
            out.setdefault(top[0], []).append(c)
    return out


def _path_check(row, figs: list[_Fig], series: list[Any]) -> dict | None:
    """A stock between the publisher's values before and after it, on a series that never falls."""
    span = period_span(row.period)
    if span is None or span[0] != span[1]:
        return None
    day = span[0]
    points = sorted(
        ((s[0], c) for c in series if (s := period_span(c.period)) and s[0] == s[1] and s[0] != day),
        key=lambda t: t[0],
    )
    values = [c.value for _, c in points]
    if len(points) < 2 or any(b < a for a, b in zip(values, values[1:], strict=False)):
        return None
    exact = [
        (d, c) for d, c in points if not _LOWER_BOUND.search(str(c.note))
    ]  # "over 2.12 billion" is no limit
    before = [(d, c) for d, c in exact if d < day]
    after = [(d, c) for d, c in exact if d > day]
    if not before or not after:
        return None
    (d0, c0), (d1, c1) = before[-1], after[0]
    value = figs[0].value if figs else float(row.briefing_value)
    res = figs[0].prec.stated if figs else 0.0
    unit = str(row.unit)
    ok = c0.value - res / 2 - _EPS <= value <= c1.value + res / 2 + _EPS
    line = c0.value + (c1.value - c0.value) * (day - d0).days / (d1 - d0).days
    said = _surface_value(figs[0]) if figs else _fmt(value, unit)
    whose = f"{c0.publisher}'s" if c0.publisher else "the"
    detail = (
        f"{said} on {day.isoformat()} is {'' if ok else 'not '}between {whose} "
        f"{_fmt(c0.value, unit)} on {d0.isoformat()} and {_fmt(c1.value, unit)} on {d1.isoformat()}; "
        f"a straight line between them gives {_fmt(line, unit, 4)}"
    )
    return {
        "check": "path",
        "status": "consistent" if ok else "inconsistent",
        "context_value": math.nan,
        "value": line,
        "low": c0.value,
        "high": c1.value,
        "detail": detail,
        "context_periods": f"{c0.period};{c1.period}",
        "publisher": c1.publisher,
        "retrieved_from": f"{c0.retrieved_from} {c1.retrieved_from}".strip(),
    }


def _year_on_year_check(ctx: _Context, row, figs: list[_Fig], series: list[Any]) -> dict | None:
    """A level the release of a year later implies: its value divided by 1 + the growth rate in its note."""
    span = period_span(row.period)
    if span is None or span[0] == span[1] or pd.isna(row.briefing_value):
        return None
    later = _shift(span, 12)
    for c in series:
        if period_span(c.period) != later or _LOWER_BOUND.search(str(c.note)):
            continue
        rates = [st for st in note_statements(c.note, ctx.today) if st.unit == "%" and st.value > -100]
        if not rates:
            continue
        g = rates[0]
        rv = precision(None, float(c.value)).rounding
        rg = g.prec.stated
        implied = c.value / (1 + g.value / 100)
        low = (c.value - rv / 2) / (1 + (g.value + rg / 2) / 100)
        high = (c.value + rv / 2) / (1 + (g.value - rg / 2) / 100)
        value = figs[0].value if figs else float(row.briefing_value)
        res = figs[0].prec.stated if figs else precision(None, value).stated
        unit = str(row.unit)
        ok = value + res / 2 >= low - _EPS and value - res / 2 <= high + _EPS
        said = _surface_value(figs[0]) if figs else _fmt(value, unit)
        digits = max(4, precision(None, float(c.value)).digits)
        detail = (
            f"{c.publisher or 'the release'} gives {_fmt(float(c.value), unit)} for {c.period}, "
            f"\u201c{g.text}\u201d, which implies {_fmt(implied, unit, digits)} for {row.period} "
            f"({_fmt(low, unit, digits + 1)} to {_fmt(high, unit, digits + 1)} with the rounding): "
            f"the briefing's {said} is {'inside' if ok else 'outside'} it"
        )
        return {
            "check": "year_on_year",
            "status": "agrees" if ok else "disagrees",
            "context_value": float(c.value),
            "value": implied,
            "low": low,
            "high": high,
            "detail": detail,
            "context_periods": str(c.period),
            "publisher": c.publisher,
            "retrieved_from": c.retrieved_from,
        }
    return None


def _year_earlier_checks(ctx: _Context, row, figs: list[_Fig], series: list[Any]) -> list[dict]:
    """The level of a year earlier that the briefing implies (its level over 1 + its growth rate) against the
    release of that period."""
    from .derivations import _implied_levels, _merge

    groups = {f.group for f in figs}
    if not groups:
        return []
    out = []
    for d in _merge(_implied_levels(ctx)):
        if d.inputs[0].group not in groups or d.span is None:
            continue
        for c in series:
            if period_span(c.period) != d.span or _LOWER_BOUND.search(str(c.note)):
                continue
            res = precision(None, float(c.value)).stated
            ok = float(c.value) + res / 2 >= d.low - _EPS and float(c.value) - res / 2 <= d.high + _EPS
            unit = str(row.unit)
            detail = (
                f"{d.how} implies {d.text()} for {c.period} ({d.text(d.low)} to {d.text(d.high)} with the "
                f"rounding); {c.publisher or 'the release'} gives {_fmt(float(c.value), unit)} for "
                f"“{c.indicator}”, {'inside' if ok else 'outside'} that range"
            )
            out.append(
                {
                    "check": "year_earlier",
                    "status": "consistent" if ok else "inconsistent",
                    "context_value": float(c.value),
                    "value": d.value,
                    "low": d.low,
                    "high": d.high,
                    "detail": detail,
                    "context_periods": str(c.period),
                    "publisher": c.publisher,
                    "retrieved_from": c.retrieved_from,
                    "figure_ids": _ids(d.inputs),
                }
            )
    return out


def compare_context(
    b, reference: pd.DataFrame | None = None, context: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The briefing's figures for the reference's rows, checked against the context series: one row per check.

    - ``path``: a stock at a point in time ("5G base stations, cumulative" on 2023-09-30) between the
      publisher's nearest values before and after it, on a series of the same indicator that never falls:
      ``consistent`` or ``inconsistent`` (plausible, not verified).
    - ``year_on_year``: a flow (January-September 2023) against the release of a year later, whose value and
      growth rate (a % in its note) imply it: ``agrees`` when the briefing's number is within the interval
      the rounding of both allows, else ``disagrees``.
    - ``year_earlier``: the level of a year earlier that the briefing implies (its level divided by 1 + its
      growth rate, the ``implied_level`` of :func:`briefing.checks.check`) against the release of that
      period: ``consistent`` when the published value is within the interval the rounding allows, else
      ``inconsistent``; ``figure_ids`` are the level and the rate.

    ``value`` is the implied (or, for ``path``, interpolated) value, ``low`` and ``high`` its interval (for
    ``path``, the values before and after), ``context_value`` the context row's value.

    A context row is about a reference row when it has the same unit and its indicator the same words
    (Jaccard >= 0.5, acronyms the transcript defines expanded). ``reference`` and ``context`` default to the
    packaged files. Columns :data:`CONTEXT_CHECK_COLUMNS`.
    """
    ctx = b if isinstance(b, _Context) else _context(b)
    ref = _reference_frame(reference)
    cont = load_context() if context is None else _normalise_context(context, "context")
    out = []
    of = _series(ctx, ref, cont)
    ref_rows: Iterable[Any] = ref.itertuples(index=False)
    for k, r in enumerate(ref_rows):
        series = of.get(k, [])
        if pd.isna(r.briefing_value) or not series:
            continue
        figs, _, _ = _match_reference(ctx, r)
        found = [_path_check(r, figs, series), _year_on_year_check(ctx, r, figs, series)]
        for f in [*found, *_year_earlier_checks(ctx, r, figs, series)]:
            if f:
                base = {
                    "indicator": r.indicator,
                    "period": r.period,
                    "unit": r.unit,
                    "figure_ids": _ids(figs),
                }
                out.append({**base, "briefing_value": r.briefing_value, **f})
    return pd.DataFrame(out, columns=CONTEXT_CHECK_COLUMNS)
