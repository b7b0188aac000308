"""Dates and clock times as SCIO pages write them ("Oct. 20, 2023", "3 p.m.", "10:30 a.m.")."""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import Lexicon

__all__ = ["MONTHS", "MONTH_RE", "PLAIN_MONTHS", "find_date", "find_time"]

_MONTHS_SPEC = Lexicon.bundled().months["months"]
#: Month name or abbreviation (lower case) -> month number, from data/months.yml.
MONTHS = {n.lower(): m["number"] for m in _MONTHS_SPEC for n in m["names"]}
#: Any month name or abbreviation (a regular expression; longer names first within a month).
MONTH_RE = "(?:" + "|".join("|".join(sorted(m["names"], key=len, reverse=True)) for m in _MONTHS_SPEC) + ")"
#: The month names that are months in any case ("september"); others need their capital ("May").
PLAIN_MONTHS = frozenset(m["names"][0].lower() for m in _MONTHS_SPEC if m["plain"])
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
