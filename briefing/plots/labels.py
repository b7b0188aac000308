"""Values, periods and axes in words: :func:`format_value` ("more than 7.5 trillion yuan"),
:func:`period_label` ("Jan.-Sept. 2023"), :func:`axis_label`, :func:`change_label` and the tick formatter."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from matplotlib.ticker import FuncFormatter

from ..kinds import APPROXIMATIONS, KINDS

#: Words put before a value for each ``approx`` category of the figures table.
APPROX_WORDS: dict[str, str] = {a: v.words for a, v in APPROXIMATIONS.items()}

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_SHORT_SCALES = {"trillion": "tn", "billion": "bn", "million": "mn"}
_UNIT_TEXT = {
    "count": "",
    "yuan": " yuan",
    "EFLOPS": " EFLOPS",
    "Wh/kg": " Wh/kg",
    "km": " km",
    "GW": " GW",
    "MW": " MW",
    "kWh": " kWh",
    "tonnes": " tonnes",
    "per 10,000 people": " per 10,000 people",
    "times": " times",
}
_KIND_WORDS: dict[str, str] = {k: v.axis for k, v in KINDS.items()}
_UNIT_WORDS = {
    "%": "%",
    "pp": "percentage points",
    "count": "number",
    "yuan": "yuan",
    "USD": "US dollars",
    "months": "months",
    "years": "years",
}
_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


def _missing(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA or str(x) == ""


# --- numbers as words --------------------------------------------------------------------------------------


def _plain(x: float) -> str:
    """A number with thousands separators: no decimals from 100 up, three significant digits below."""
    if float(x).is_integer() or abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:,.{max(1, 2 - int(math.floor(math.log10(abs(x)))))}f}".rstrip("0").rstrip(".")


def _scaled(x: float) -> str:
    """1e6 and above with a scale word and three significant digits: 3.19 million, 7.5 trillion."""
    rounded = float(f"{x:.3g}")  # 999.6 million reads "1 billion"
    for scale, word in _SCALES:
        if abs(rounded) >= scale:
            return f"{rounded / scale:g} {word}"
    return _plain(x)


def format_value(value: float, unit: str, approx: str | None = "exact") -> str:
    """A figure as a reader would say it: ``format_value(7.5e12, "yuan", "more_than")`` is
    "more than 7.5 trillion yuan".

    Percent and percentage points take one decimal ("4.0%", "-20.0%", "0.2 pp"); amounts of a million and
    more take a scale word and three significant digits ("3.19 million", "2.22 billion"); smaller amounts
    take thousands separators ("825,000", "22.6 per 10,000 people"). Missing values read "n/a".
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    unit = str(unit)
    words = APPROX_WORDS.get("exact" if _missing(approx) else str(approx))
    if words is None:
        raise ValueError(f"unknown approx {approx!r}; known: {', '.join(APPROX_WORDS)}")
    v = float(value)
    if unit == "%":
        body = f"{v:.1f}%"
    elif unit == "pp":
        body = f"{v:.1f} pp"
    elif unit == "USD":
        body = f"-US${_scaled(-v)}" if v < 0 else f"US${_scaled(v)}"
    elif unit in ("months", "years"):
        n = _plain(v)
        body = f"{n} {unit[:-1]}" if v == 1 else f"{n} {unit}"
    elif unit in _UNIT_TEXT:
        body = _scaled(v) + _UNIT_TEXT[unit]
    else:
        body = f"{_scaled(v)} {unit}"
    return words + body


def period_label(start: Any, end: Any) -> str:
    """A figure's period (its ``period_start`` and ``period_end`` dates) in words: "Jan.-Sept. 2023",
    "Aug. 2023", "2023", "Sept. 30, 2023" (a point in time), or "no period given" when both are missing."""
    if _missing(start) and _missing(end):
        return "no period given"
    if _missing(start) or _missing(end) or start == end:
        return _date_text(end if not _missing(end) else start)
    last_day = (pd.Timestamp(end) + pd.offsets.MonthEnd(0)).day
    whole_months = start.day == 1 and end.day == last_day
    if not whole_months:
        return f"{_date_text(start)} to {_date_text(end)}"
    if (start.month, end.month) == (1, 12) and start.year == end.year:
        return str(start.year)
    if (start.year, start.month) == (end.year, end.month):
        return f"{_MONTHS[start.month - 1]} {start.year}"
    if start.year == end.year:
        return f"{_MONTHS[start.month - 1]}-{_MONTHS[end.month - 1]} {end.year}"
    return f"{_MONTHS[start.month - 1]} {start.year}-{_MONTHS[end.month - 1]} {end.year}"


def change_label(row: Any) -> str:
    """A bar label for a figures row: its subject, and for a percentage-point difference what it is measured
    against ("...: vs the first half", or "...: (no comparison given)"). Pass as ``label=`` to the charts."""
    subject = str(row.subject)
    if str(row.kind) != "pp_change":
        return subject
    return f"{subject}: (no comparison given)" if _missing(row.baseline) else f"{subject}: vs {row.baseline}"


def axis_label(unit: str, kind: str | None = None) -> str:
    """The label of a value axis: what is measured and its unit, e.g. "Change (%)", "Difference (percentage
    points)", "Share (%)", "Level (number)", "Level (EFLOPS)"."""
    unit = str(unit)
    what = _KIND_WORDS.get(str(kind), "Value") if not _missing(kind) else "Value"
    if unit == "pp" and _missing(kind):
        what = "Difference"
    return f"{what} ({_UNIT_WORDS.get(unit, unit)})"


def _tick_formatter(unit: str) -> FuncFormatter:
    def fmt(x: float, _pos: int) -> str:
        if unit == "%":
            return f"{x:g}%"
        for scale, word in _SCALES:
            if abs(x) >= scale:
                return f"{x / scale:g} {_SHORT_SCALES[word]}"
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:g}"

    return FuncFormatter(fmt)


def _date_text(date: Any) -> str:
    if date is None:
        return "undated"
    return f"{_MONTHS[date.month - 1]} {date.day}, {date.year}"
