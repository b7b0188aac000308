"""The dates of a page that is not a transcript: a date written in a line (also "May 17,2024" and
"05/17/2024"), the year of a dateline that gives only its day, a posting date glued to a title, and the
date written in the file's name ("2021-07-16-pbc.txt")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from .dates import MONTHS, find_date
from .periods import find_periods

__all__ = ["US_DATE", "date_in", "file_date", "file_day", "glued_date", "year_for_day"]

US_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")
#: An ISO date in a file name, not inside a longer run of digits ("scio-pbc-2021-07-16-p5.txt").
_FILE_DATE = re.compile(r"(?<![\d])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d])")
TIGHT_DATE = re.compile(r"\b([A-Z][a-z]{2,8})\.? ?(\d{1,2}), ?((?:19|20)\d\d)\b")


def date_in(s: str) -> dt.date | None:
    found = find_date(s)
    if found:
        return found[0]
    m = TIGHT_DATE.search(s)
    if m and m.group(1).lower() in MONTHS:
        try:
            return dt.date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        except ValueError:
            return None
    m = US_DATE.search(s)
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
        except ValueError:
            return None
    return None


def year_for_day(text: str, start: int, end: int, day: str) -> tuple[dt.date | None, str | None, bool]:
    """The date of a dateline that gives only its month and day ("October 7"), read from the first period
    the text names with its year and that is no baseline: a report comes after what it reports, so the
    first such day after the period ("as of the end of September 2020" -> 2020-10-07, "in the first
    quarter of 2020" with "April 21" -> 2020-04-21). Returns (date, the period's words, ambiguous): the
    date is None when the text names no such period, or when the day may fall within the period or after
    it ("January 12" with "in 2022": 2022-01-12 or 2023-01-12), then ``ambiguous`` is True."""
    mon, d = day.replace(".", "").split()[:2]
    named = [p for p in find_periods(text, start, end, None) if not p.is_baseline]
    if not named:
        return None, None, False

    def first_on_or_after(bound: dt.date) -> dt.date | None:
        for y in (bound.year, bound.year + 1):
            try:
                found = dt.date(y, MONTHS[mon.lower()], int(d))
            except ValueError:
                return None
            if found >= bound:
                return found
        return None

    after_start, after_end = first_on_or_after(named[0].first), first_on_or_after(named[0].last)
    if after_start != after_end:
        return None, named[0].text, True
    return after_end, named[0].text, False


def glued_date(text: str, start: int, end: int, m: re.Match[str]) -> tuple[dt.date | None, str]:
    """The date glued to a title ("Rush07/03/2019"), and a warning saying how it was read. Day and month
    may come in either order: a reading that is no date, or that comes before a period the text reports
    (a page is posted after what it reports), is dropped; of two readings left, the one nearest after the
    text's latest period is taken (a page is posted soon after what it reports), and the warning says so."""
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    found = []
    for mon, day in {(b, a), (a, b)}:
        try:
            c = dt.date(y, mon, day)
        except ValueError:
            continue
        ends = [p.last for p in find_periods(text, start, end, c) if not p.is_baseline]
        if all(e <= c for e in ends):
            found.append((c - max(ends, default=c), c))
    written = m.group(0).strip()
    if not found:
        return (
            None,
            f"no date found: the date {written!r} glued to the title is not a date after the text's periods",
        )
    found.sort()
    if len(found) == 1:
        return found[0][1], f"the date {written!r} glued to the title is read as {found[0][1].isoformat()}"
    return found[0][1], (
        f"the date {written!r} glued to the title may be read day first or month first: read as "
        f"{found[0][1].isoformat()}, the reading nearest after the periods the text reports"
    )


def file_date(source: str) -> dt.date | None:
    """The date written in the name of the file ``source`` ("2021-07-16-pbc.txt", "pbc-2021-07-16-p5.txt"),
    its first ISO date (``YYYY-MM-DD``); folders are not read. None when the name has no such date (or
    ``source`` names no file, "<string>")."""
    if not source or source.startswith("<"):
        return None
    m = _FILE_DATE.search(PurePath(source).name)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def file_day(day: str, source: str) -> dt.date | None:
    """The date in the file name (:func:`file_date`) when it falls on a dateline's month and day ("February
    26", "Feb. 26"), else None: the file name then gives the dateline its year."""
    named = file_date(source)
    parts = day.replace(".", " ").split()
    if named is None or len(parts) < 2 or not parts[1].isdigit():
        return None
    if MONTHS.get(parts[0].lower()) == named.month and int(parts[1]) == named.day:
        return named
    return None
