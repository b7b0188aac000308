"""Dates and clock times as SCIO pages write them ("Oct. 20, 2023", "3 p.m.", "10:30 a.m.")."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["MONTHS", "MONTH_RE", "find_date", "find_time"]

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = re.compile(
    rf"\b(?P<month>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b"
    rf"|\b(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_RE})\.?,?\s+(?P<year2>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b(?P<h>\d{1,2})(?::(?P<m>\d\d))?\s*(?P<ampm>[ap])\.?\s?m\.?(?![a-z])"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b",
    re.IGNORECASE,
)


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first calendar date written in ``text``, with its span, or None."""
    for m in _DATE.finditer(text):
        try:
            if m.group("iso"):
                return dt.date.fromisoformat(m.group("iso")), m.start(), m.end()
            if m.group("month"):
                month, day, year = m.group("month"), m.group("day"), m.group("year")
            else:
                month, day, year = m.group("month2"), m.group("day2"), m.group("year2")
            return dt.date(int(year), MONTHS[month.lower()], int(day)), m.start(), m.end()
        except ValueError:  # "Feb. 30, 2023": not a date, keep looking
            continue
    return None


def find_time(text: str) -> str | None:
    """The first clock time in ``text`` as ``HH:MM`` (24-hour), or None."""
    for m in _TIME.finditer(text):
        if m.group("h"):
            hour, minute = int(m.group("h")), int(m.group("m") or 0)
            if not (1 <= hour <= 12 and minute < 60):
                continue
            if m.group("ampm").lower() == "p" and hour != 12:
                hour += 12
            elif m.group("ampm").lower() == "a" and hour == 12:
                hour = 0
        else:
            hour, minute = int(m.group("h24")), int(m.group("m24"))
        return f"{hour:02d}:{minute:02d}"
    return None
