"""Period algebra: the span of an ISO 8601 period, whether two periods are compatible, a baseline's period."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..kinds import FLOW_KINDS
from ..periods import find_periods

_YEAR_BEFORE = re.compile(
    r"\b(?:a year (?:earlier|ago|before)|year[- ]on[- ]year|the same period (?:of )?last year)\b"
)
_MONTH_BEFORE = re.compile(r"\b(?:the previous month|a month (?:earlier|ago|before)|month[- ]on[- ]month)\b")


Span = tuple[dt.date, dt.date]


def _iso_part(p: str) -> Span | None:
    p = p.strip()
    try:
        if re.fullmatch(r"\d{4}", p):
            y = int(p)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", p):
            y, month = map(int, p.split("-"))
            return dt.date(y, month, 1), dt.date(y, month, calendar.monthrange(y, month)[1])
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", p):
            d = dt.date.fromisoformat(p)
            return d, d
        m = re.fullmatch(r"(\d{4})-?Q([1-4])", p)
        if m:
            y, q = int(m.group(1)), int(m.group(2))
            return dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
    except ValueError:
        return None
    return None


def period_span(iso: object) -> Span | None:
    """First and last day of an ISO 8601 period: "2023-01/2023-09", "2023-08", "2023-09-30", "2023"."""
    if not isinstance(iso, str) or not iso.strip():
        return None
    parts = iso.split("/")
    if len(parts) == 2:
        a, b = _iso_part(parts[0]), _iso_part(parts[1])
        return (a[0], b[1]) if a and b else None
    return _iso_part(iso)


def _span_text(s: Span | None) -> str:
    if s is None:
        return "no period"
    a, b = s
    if a == b:
        return a.isoformat()
    if a.day == 1 and b.day == calendar.monthrange(b.year, b.month)[1]:
        if (a.year, a.month) == (b.year, b.month):
            return f"{a:%Y-%m}"
        if a.month == 1 and b.month == 12 and a.year == b.year:
            return str(a.year)
        return f"{a:%Y-%m}/{b:%Y-%m}"
    return f"{a.isoformat()}/{b.isoformat()}"


def compatible(a: Span | None, b: Span | None, kind: str, today: dt.date | None = None) -> bool:
    """Can two periods be the period of one statistic of ``kind``? (the rules are in the module docstring)."""
    if a is None or b is None or a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if x[0] == x[1] and y[0] <= x[1] == y[1]:  # a point in time at the end of a span
            return True
        if today is not None and x[1] > today and x[0] == y[0] and y[1] <= today:  # "this year" so far
            return True
        if kind not in FLOW_KINDS and x[0] <= y[0] and x[1] == y[1]:  # a state at the same end date
            return True
    return False


def _add_months(d: dt.date, k: int) -> dt.date:
    """``d`` moved ``k`` months; a month's last day stays the last day, other days stay where they exist."""
    y, mo = divmod(d.year * 12 + d.month - 1 + k, 12)
    mo += 1
    last = calendar.monthrange(y, mo)[1]
    at_end = d.day == calendar.monthrange(d.year, d.month)[1]
    return dt.date(y, mo, last if at_end else min(d.day, last))


def _shift(s: Span | None, months: int) -> Span | None:
    return None if s is None else (_add_months(s[0], months), _add_months(s[1], months))


def _baseline_period(baseline: object, span: Span | None, today: dt.date | None) -> tuple[bool, Span | None]:
    """(is the baseline a time?, its period). "a year earlier" shifts ``span`` back a year; "the first half"
    is resolved against the briefing's date; anything else names another statistic ("general manufacturing
    investment") and gives ``(False, None)``."""
    if not isinstance(baseline, str) or not baseline.strip():
        return False, None
    b = baseline.strip().lower()
    if _YEAR_BEFORE.search(b):
        return True, _shift(span, -12)
    if _MONTH_BEFORE.search(b):
        return True, _shift(span, -1)
    ps = [p for p in find_periods(baseline, 0, len(baseline), today)]
    if ps and sum(p.end - p.start for p in ps) >= 0.5 * len(baseline.strip()):
        return True, (ps[0].first, ps[0].last)
    return False, None
