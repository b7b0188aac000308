"""Find period phrases in text and resolve them to ISO 8601 against the briefing's date.

"in the first three quarters" -> 2023-01/2023-09; "in August" -> 2023-08; "from January to August" ->
2023-01/2023-08; "by the end of September" -> 2023-09-30; "this year" -> 2023. A month without a year
is the latest such month not after the briefing date. Phrases after "than", "from", "compared to" are
comparisons (baselines), not the period of a figure: each found phrase says which it is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .dates import MONTH_RE, MONTHS, PLAIN_MONTHS
from .numbers import NUMWORD, word_value
from .text import lower, lower_pattern

if TYPE_CHECKING:
    from .numbers import Token
    from .records import Sentence

__all__ = ["Period", "find_periods", "iso", "sentence_periods"]

_Q = {"one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_YEAR = r"(?:of |in )?(?:(?P<y>(?:19|20)\d\d)|(?P<this>this|the) year|(?P<last>last) year)"

_PATTERNS = [
    # first N quarters / first half / first N months (of YEAR)
    ("first_quarters", rf"\b(?:the )?first (?P<n>{NUMWORD}|\d) quarters(?: {_YEAR})?"),
    ("first_half",
     rf"\b(?:the )?(?:first half(?: year(?= of (?:19|20)\d\d))?|H1|first six months)(?: {_YEAR})?"),
    ("first_months", rf"\b(?:the )?first (?P<n>{NUMWORD}|\d{{1,2}}) months(?: {_YEAR})?"),
    (
        "quarter",
        rf"\b(?:the )?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: {_YEAR})?"
        # "Q3 2022", and as the ONS writes it, "Quarter 3 (July to Sept) 2022"
        r"|\bQ(?:uarter )?(?P<q>[1-4])(?: \([A-Za-z ]{3,20}\))?(?: (?P<qy>(?:19|20)\d\d))?\b",
    ),
    ("month_range",
     rf"\b(?:from |between |in |during |for )?(?P<m1>{MONTH_RE})\.?(?: (?P<y1>(?:19|20)\d\d))?"
     rf"(?: to | through | and |-to-|\s?[-–]\s?)(?P<m2>{MONTH_RE})\.?(?:,? (?P<y2>(?:19|20)\d\d)|"
     r"(?: of)? this year)?(?! \d)"),
    ("end_of", rf"\b(?:by|as of|at|until|till) the end of (?P<m>{MONTH_RE}|(?P<ly>last year)|"
     r"(?P<lm>last month)|(?P<ey>(?:19|20)\d\d)|the (?P<eq>first|second|third|fourth) quarter|"
     r"(?P<eh>the first half)(?: of the year)?|(?P<ty>the year))"
     r"(?: (?:this year|(?P<lyy>last year)|(?P<y>(?:19|20)\d\d)))?"),
    # a span that ends in a named month: "in the three months ending March 2023", "the 12 months to June"
    ("months_ending", rf"\b(?:the )?(?:(?P<n>{NUMWORD}|\d{{1,2}}) months|(?P<yr>year)) "
     r"(?:ending|ended|to|up to|through) "
     rf"(?:the end of )?(?P<m>{MONTH_RE})\.?(?:,? (?P<y>(?:19|20)\d\d)|(?: of)? this year)?(?! \d)"),
    # a stock said at a month: "As of June 2023, netizens numbered 1.079 billion" (the month's last day)
    ("as_of_month", rf"\b(?:as of|as at|up to) (?P<m>{MONTH_RE})\b\.?"
     r"(?:,? (?P<y>(?:19|20)\d\d)|(?: of)? this year)?(?![ .]?\d)"),
    ("month", rf"\b(?:in|during|for|of) (?P<m>{MONTH_RE})(?:,? (?P<y>(?:19|20)\d\d)|(?: of)? this year|"
     r"(?: of)? (?P<ly>last year))?(?! \d)"),
    # a month of last year without a preposition: "with June last year", "compared with December last year"
    ("month_last_year", rf"\b(?P<m>{MONTH_RE})(?: of)? last year\b"),
    # a month named before its noun: "China's June fiscal revenue", "the September data" (a capital month
    # followed by a word in lower case, see _months_ok)
    ("month_attr", rf"(?:(?<=['’]s )|(?<=\bthe ))(?P<m>{MONTH_RE})(?= [a-z])"),
    # a month's own figure: "down from December's 1.8 percent" (December's rate, not a baseline)
    ("possessive", rf"\b(?P<m>{MONTH_RE})['’]s\b"),
    # days: "as of yesterday (January 29)", "by March 5", "during the holiday (January 21-27)"
    ("as_of_day", rf"\b(?:as of|by|until|till|up to)(?: (?:yesterday|today))?,? \(?(?P<m>{MONTH_RE})\.? "
     r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\b\)?(?:,? (?P<y>(?:19|20)\d\d))?"),
    # a span of days across two months: "during the travel rush (January 21-March 1)", "from May 28 to June 3"
    ("day_span", rf"\b(?:from |between )?(?P<m1>{MONTH_RE})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
     rf"(?:\s?[-–]\s?| to | through | and )(?P<m2>{MONTH_RE})\.? (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b"
     r"(?![-–.,]?\d)"
     r"(?:,? (?P<y>(?:19|20)\d\d))?"),
    ("day_range", rf"\b(?:from )?(?P<m>{MONTH_RE})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s?[-–]\s?| to )"
     r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b(?![-–])"
     r"(?![.,]\d| ?(?:%|percent|per cent|million|billion|thousand)\b)"
     r"(?:,? (?P<y>(?:19|20)\d\d))?"),
    # a weekday said from the day of the text: "as of Thursday" (the latest Thursday not after it); not
    # "registered by Wednesday", which the spec reads as no period
    ("weekday", r"\bas of (?:last )?(?P<wd>monday|tuesday|wednesday|thursday|friday|"
     r"saturday|sunday)\b"),
    ("ytd", r"\bsince the (?:beginning|start) of (?:the|this) year\b"),
    # the whole months before the briefing's: "in the past half year" (said in July: January to June)
    ("past_months", rf"\b(?:the )?(?:past|last|previous) "
     rf"(?:(?P<half>half (?:a )?year)|(?P<n>{NUMWORD}|\d{{1,2}}) months)\b"),
    # a span of years: "(2021-2025)", "the 14th Five-Year Plan (2021-25)", "from 2012 through to 2020",
    # "between 2016 and 2020" (not "in 2019 and 2020": two years)
    ("year_range", r"\b(?:(?:from|between|in|during|for|over) )?\(?(?P<y1>(?:19|20)\d\d)\)?"
     r"(?:\s?[-–]\s?|(?<=\d) (?:to|through(?: to)?|till|until) |(?<=\d) and (?=\d{4})(?<=between \d{4} and ))"
     # a two-digit end only after a dash ("2021-25"): "in 2012 to 81 trillion yuan" is a year and a figure
     r"(?P<y2>(?:19|20)\d\d|(?:(?<=[-–])|(?<=[-–]\s))\d\d)\b(?![-–/.]?\d)\)?"),
    ("year", r"\b(?:in|for|during|throughout|by|as of|as at) (?:all of |the whole of )?"
     r"(?P<y>(?:19|20)\d\d)\b(?![-–])"),
    ("this_year", r"\b(?:this year|the year so far|so far this year)\b"),
    # "the full-year target", "full-year growth": the whole year of the text (or the year named)
    ("full_year", r"\bfull[- ]year(?: (?:of )?(?P<y>(?:19|20)\d\d))?\b"),
    ("last_year", r"\blast year\b"),
    ("last_month", r"\blast month\b"),
]  # fmt: skip
# All patterns are matched case-insensitively, as lower-case patterns against lower-cased text
# (see text.lower_pattern). A month name that is also an everyday word, or an abbreviation, must be
# capitalised in the text: "in May", not "the figures for may differ"; "september" is a month either way.
# Every alternative starts at a word boundary: tested once, before the alternatives, it lets most
# positions fail at once.
_ALTERNATIVES = "|".join(f"(?P<{name}>{rx.replace('(?P<', f'(?P<{name}_')})" for name, rx in _PATTERNS)
_RX = re.compile(lower_pattern(r"\b(?:" + _ALTERNATIVES.replace(r">\b", ">").replace(r"|\bQ", "|Q") + ")"))
_MONTH_GROUPS = (
    "month_range_m1",
    "month_range_m2",
    "end_of_m",
    "month_m",
    "month_last_year_m",
    "month_attr_m",
    "as_of_day_m",
    "day_range_m",
    "day_span_m1",
    "day_span_m2",
    "possessive_m",
)
#: Month names that are months in any case; every other name or abbreviation needs its capital.
_PLAIN_MONTHS = PLAIN_MONTHS
_BASELINE_BEFORE = re.compile(
    lower_pattern(
        r"(?:\bthan(?: in| that in| those in| the growth rate in| the rate in| in the)?|\bfrom|"
        r"\bcompared (?:to|with)(?: that in| those in)?|\bagainst|\brelative to|\bover|\bversus|\bvs\.|"
        # "60.7% of the same period in 2019"
        r"\b(?:of|to) (?=the (?:same|corresponding) (?:period|month|quarter))|"
        # "restored to 87.2% of the Mid Autumn Festival holiday in 2019": what a recovery is measured against
        r"\b(?:restored|recover\w*|returned|back) to (?:about |nearly |over )?[\d.]+ ?"
        r"(?:%|percent|per cent) of (?:the )?(?:[\w’'-]+ ){0,5})"
        r"\s*(?:(?:the )?(?:average )?(?:annual )?(?:growth )?"
        r"(?:rate|level|figure|pace|growth|increase|rise)s?(?: (?:in|of|for))? )?"
        # "than the average growth rate in the two years from 2020 to 2021": a span counted, then named
        r"(?:the (?:[\w-]+ ){0,2}(?:years|months|quarters) )?"
        # "from the end of August": the phrase is "of August", its lead-in "the end" belongs to the baseline
        r"(?:that of |those of |that |those |it was |they were |in |"
        r"the (?:end|beginning|start|middle) (?:of )?|the )?"
        r"(?:the (?:same|corresponding) (?:period|month|quarter)s? (?:of |in )?)?$"
    )
)


# Every period phrase contains an anchor: a word below (in the lower-cased text) or a capitalised
# month name (in the text). The full pattern is tried only around anchors, several times faster than
# scanning all text with the large alternation. Both anchor patterns start with a plain character,
# which lets the engine skip quickly to the next place one could start.
_ANCHOR = re.compile(
    r"quarter|half|month|year|(?:mon|tues|wednes|thurs|fri|satur|sun)day|h1|q[1-4]|19\d\d|20\d\d|"
    + "|".join(sorted(_PLAIN_MONTHS))
)
_MONTH_ANCHOR = re.compile(
    r"J(?i:an|u[nl])|F(?i:eb)|M(?i:a[ry])|A(?i:pr|ug)|S(?i:ep)|O(?i:ct)|N(?i:ov)|D(?i:ec)"
)
# No period phrase reaches further than this from its anchor word: the longest lead-in is
# "since the beginning of the " (27 characters), the longest run after the first month name is
# "uary 2023 through December, 2023" (32).
_REACH = 40


def _windows(text: str, low: str, start: int, end: int) -> list[list[int]]:
    """Stretches of ``text[start:end]`` around anchor words, merged where they overlap."""
    windows: list[list[int]] = []
    anchors = [m.span() for m in _MONTH_ANCHOR.finditer(text, start, end)]
    for a in _ANCHOR.finditer(low, start, end):
        s, e = a.span()
        if a.group() == "year" and (
            low[s - 3 : s] in ("on-", "on ") or low[e : e + 8] in ("-on-year", " on year")
        ):
            continue  # "year-on-year" is a comparison, not a period
        anchors.append((s, e))
    anchors.sort()
    for s, e in anchors:
        lo, hi = max(start, s - _REACH), min(end, e + _REACH)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return windows


def _months_ok(m: re.Match[str], text: str) -> bool:
    """The phrase's month names are months: capitalised or one of :data:`_PLAIN_MONTHS`. In a range,
    one such end is enough ("From January to august")."""

    def plain(g: str) -> bool | None:  # None: the group holds no month name
        s = m.start(g)
        if (
            s < 0
            or not text[s].isalpha()
            or (g == "end_of_m" and any(m.start(f"end_of_{k}") >= 0 for k in ("ly", "lm", "eq", "eh", "ty")))
        ):
            return None  # no month, "the end of 2022", "the end of last year"
        return text[s].isupper() or m.group(g) in _PLAIN_MONTHS

    if m.lastgroup == "month_range":
        return bool(plain("month_range_m1") or plain("month_range_m2"))
    if m.lastgroup == "month_attr":  # a capital month before a word in lower case: "June fiscal revenue"
        return text[m.start("month_attr_m")].isupper() and text[m.end() + 1].islower()
    return all(plain(g) is not False for g in _MONTH_GROUPS)


def _matches(text: str, low: str, start: int, end: int):
    for lo, hi in _windows(text, low, start, end):
        pos = lo
        while (m := _RX.search(low, pos, hi)) is not None:
            if _months_ok(m, text):
                yield m
                pos = m.end()
            else:  # not a period here ("for may differ"); a phrase may still start further on
                pos = m.start() + 1


@dataclass(frozen=True, slots=True)
class Period:
    start: int
    end: int
    text: str
    iso: str
    first: dt.date
    last: dt.date
    is_baseline: bool


class _NoDate(Exception):
    """A phrase that needs the text's date (it names no year of its own), in a text with none."""


def _need(ref: dt.date | None) -> dt.date:
    if ref is None:
        raise _NoDate
    return ref


def _month_before(month: int, ref: dt.date) -> int:
    """Year of the latest ``month`` that is not after the reference date."""
    return ref.year if month <= ref.month else ref.year - 1


def _day_before(month: int, day: int, ref: dt.date) -> int:
    """Year of the latest ``month``/``day`` that is not after the reference date."""
    return ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1


def _year_of(g: dict, key: str, ref: dt.date | None, default_month: int) -> int:
    if g.get(f"{key}_y"):
        return int(g[f"{key}_y"])
    if g.get(f"{key}_last"):
        return _need(ref).year - 1
    if g.get(f"{key}_this"):
        return _need(ref).year
    return _month_before(default_month, _need(ref))


def _span(y1: int, m1: int, y2: int, m2: int) -> tuple[str, dt.date, dt.date]:
    first = dt.date(y1, m1, 1)
    last = dt.date(y2, m2, calendar.monthrange(y2, m2)[1])
    if (y1, m1) == (y2, m2):
        return f"{y1:04d}-{m1:02d}", first, last
    return f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", first, last


def iso(first: dt.date, last: dt.date) -> str:
    return f"{first.isoformat()}/{last.isoformat()}"


def _resolve(kind: str, g: dict, ref: dt.date | None) -> tuple[str, dt.date, dt.date] | None:
    """The phrase's ISO period and its first and last days, or None. ``ref`` is the text's date; without
    one (None) a phrase that names its year ("in 2022", "August 2020") resolves and one that needs the
    date ("this year", "in August") raises :class:`_NoDate`."""
    if kind == "first_quarters":
        n = g["first_quarters_n"].lower()
        q = _Q.get(n) or (word_value(n) if not n.isdigit() else int(n))
        if not 1 <= q <= 4:
            return None
        y = _year_of(g, "first_quarters", ref, 3 * q)
        return _span(y, 1, y, 3 * q)
    if kind == "first_half":
        y = _year_of(g, "first_half", ref, 6)
        return _span(y, 1, y, 6)
    if kind == "first_months":
        n = g["first_months_n"].lower()
        k = int(n) if n.isdigit() else word_value(n)
        if not 1 <= k <= 12:
            return None
        y = _year_of(g, "first_months", ref, k)
        return _span(y, 1, y, k)
    if kind == "months_ending":
        n = (g.get("months_ending_n") or "12").lower()  # "the year to March 2023": twelve months
        k = int(n) if n.isdigit() else word_value(n)
        m = MONTHS[g["months_ending_m"].lower()]
        y = int(g["months_ending_y"]) if g.get("months_ending_y") else _month_before(m, _need(ref))
        if not 1 <= k <= 24:
            return None
        first = y * 12 + m - k  # months counted from January of year 0
        return _span(first // 12, first % 12 + 1, y, m)
    if kind == "quarter":
        q = int(g["quarter_q"]) if g.get("quarter_q") else _ORD[g["quarter_o"].lower()]
        qy = g.get("quarter_qy")
        y = int(qy) if qy else _year_of(g, "quarter", ref, 3 * q - 2)
        return _span(y, 3 * q - 2, y, 3 * q)
    if kind == "month_range":
        m1 = MONTHS[g["month_range_m1"].lower()]
        m2 = MONTHS[g["month_range_m2"].lower()]
        y2 = int(g["month_range_y2"]) if g.get("month_range_y2") else _month_before(m2, _need(ref))
        y1 = int(g["month_range_y1"]) if g.get("month_range_y1") else (y2 if m1 <= m2 else y2 - 1)
        return _span(y1, m1, y2, m2)
    if kind == "end_of":
        if g.get("end_of_ly"):
            d = dt.date(_need(ref).year - 1, 12, 31)
        elif g.get("end_of_lm"):  # "by the end of last month": the month before the briefing's
            day = _need(ref)
            d = dt.date(day.year, day.month, 1) - dt.timedelta(days=1)
        elif g.get("end_of_ey"):
            d = dt.date(int(g["end_of_ey"]), 12, 31)
        elif g.get("end_of_ty"):  # "by the end of the year": the text's year
            d = dt.date(_need(ref).year, 12, 31)
        elif g.get("end_of_eq") or g.get("end_of_eh"):  # "at the end of the first quarter": its last day
            m = 3 * _ORD[g["end_of_eq"].lower()] if g.get("end_of_eq") else 6
            y = int(g["end_of_y"]) if g.get("end_of_y") else _month_before(m, _need(ref))
            if g.get("end_of_lyy"):
                y = _need(ref).year - 1
            d = dt.date(y, m, calendar.monthrange(y, m)[1])
        else:
            m = MONTHS[g["end_of_m"].lower()]
            y = int(g["end_of_y"]) if g.get("end_of_y") else _month_before(m, _need(ref))
            if g.get("end_of_lyy"):  # "at the end of September last year"
                y = _need(ref).year - 1
            d = dt.date(y, m, calendar.monthrange(y, m)[1])
        return d.isoformat(), d, d
    if kind == "as_of_month":
        m = MONTHS[g["as_of_month_m"].lower()]
        y = int(g["as_of_month_y"]) if g.get("as_of_month_y") else _month_before(m, _need(ref))
        d = dt.date(y, m, calendar.monthrange(y, m)[1])
        return d.isoformat(), d, d
    if kind == "month":
        m = MONTHS[g["month_m"].lower()]
        if g.get("month_ly"):  # "in February last year"
            y = _need(ref).year - 1
        else:
            y = int(g["month_y"]) if g.get("month_y") else _month_before(m, _need(ref))
        return _span(y, m, y, m)
    if kind == "month_last_year":
        m, y = MONTHS[g["month_last_year_m"].lower()], _need(ref).year - 1
        return _span(y, m, y, m)
    if kind == "month_attr":
        m = MONTHS[g["month_attr_m"].lower()]
        y = _month_before(m, _need(ref))
        return _span(y, m, y, m)
    if kind == "possessive":
        m = MONTHS[g["possessive_m"].lower()]
        y = _month_before(m, _need(ref))
        return _span(y, m, y, m)
    if kind == "as_of_day":
        m, dd = MONTHS[g["as_of_day_m"].lower()], int(g["as_of_day_d"])
        y = int(g["as_of_day_y"]) if g.get("as_of_day_y") else _day_before(m, dd, _need(ref))
        day = dt.date(y, m, dd)
        return day.isoformat(), day, day
    if kind == "day_range":
        m, d1, d2 = MONTHS[g["day_range_m"].lower()], int(g["day_range_d1"]), int(g["day_range_d2"])
        if d2 <= d1:
            return None
        y = int(g["day_range_y"]) if g.get("day_range_y") else _day_before(m, d1, _need(ref))
        first, last = dt.date(y, m, d1), dt.date(y, m, d2)
        return iso(first, last), first, last
    if kind == "day_span":
        m1, m2 = MONTHS[g["day_span_m1"].lower()], MONTHS[g["day_span_m2"].lower()]
        d1, d2 = int(g["day_span_d1"]), int(g["day_span_d2"])
        if (m2, d2) <= (m1, d1) and m2 >= m1 - 1:
            return None  # "March 5-February 2": not a span (a span may run across the new year)
        y2 = int(g["day_span_y"]) if g.get("day_span_y") else _day_before(m2, d2, _need(ref))
        y1 = y2 if (m1, d1) < (m2, d2) else y2 - 1
        first, last = dt.date(y1, m1, d1), dt.date(y2, m2, d2)
        return iso(first, last), first, last
    if kind == "year_range":
        y1, b = int(g["year_range_y1"]), g["year_range_y2"]
        y2 = int(b) if len(b) == 4 else y1 // 100 * 100 + int(b)
        if not y1 < y2 <= y1 + 30:
            return None
        return f"{y1}/{y2}", dt.date(y1, 1, 1), dt.date(y2, 12, 31)
    if kind == "past_months":
        if g.get("past_months_half"):
            n = 6
        else:
            w = g["past_months_n"].lower()
            n = int(w) if w.isdigit() else word_value(w)
        if not 1 <= n <= 24:
            return None
        day = _need(ref)
        end_y, end_m = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
        k = end_y * 12 + end_m - 1 - (n - 1)
        return _span(k // 12, k % 12 + 1, end_y, end_m)
    if kind == "weekday":
        day = _need(ref)
        back = (day.weekday() - _WEEKDAYS.index(g["weekday_wd"].lower())) % 7
        d = day - dt.timedelta(days=back)
        return d.isoformat(), d, d
    if kind == "ytd":  # "since the beginning of this year": the year of the text, as "so far this year"
        y = _need(ref).year
        return str(y), dt.date(y, 1, 1), dt.date(y, 12, 31)
    if kind == "year":
        y = int(g["year_y"])
        return str(y), dt.date(y, 1, 1), dt.date(y, 12, 31)
    if kind == "this_year":
        y = _need(ref).year
        return str(y), dt.date(y, 1, 1), dt.date(y, 12, 31)
    if kind == "last_year":
        y = _need(ref).year - 1
        return str(y), dt.date(y, 1, 1), dt.date(y, 12, 31)
    if kind == "full_year":
        y = int(g["full_year_y"]) if g.get("full_year_y") else _need(ref).year
        return str(y), dt.date(y, 1, 1), dt.date(y, 12, 31)
    if kind == "last_month":  # the month before the text's
        day = _need(ref)
        last = dt.date(day.year, day.month, 1) - dt.timedelta(days=1)
        return _span(last.year, last.month, last.year, last.month)
    return None


#: Phrases said from the day of speaking ("this year", "last year", "so far this year", "the past six
#: months", "yesterday"): a text's own date resolves them, a reference borrowed from its periods does not.
_DEICTIC = frozenset(
    {"this_year", "last_year", "ytd", "past_months", "month_last_year", "last_month", "weekday"}
)


def find_periods(
    text: str,
    start: int,
    end: int,
    ref: dt.date | None,
    low: str | None = None,
    *,
    borrowed: bool = False,
) -> list[Period]:
    """Period phrases in ``text[start:end]``, resolved against ``ref`` (the briefing date).
    ``low`` is ``lower(text)`` when the caller has it already. Without a date (``ref`` None) only the
    phrases that name their year ("in 2022", "the first seven months of 2023", "August 2020") resolve.
    ``borrowed``: ``ref`` is not the text's date but the end of a period the text named (see
    :func:`sentence_periods`); phrases said from the day of speaking ("this year", "last year", "the past
    half year", "yesterday") are then left unresolved."""
    if low is None:
        low = lower(text)
    out: list[Period] = []
    for m in _matches(text, low, start, end):
        kind = m.lastgroup
        g = m.groupdict()  # groups that did not take part are None
        if borrowed and (
            kind in _DEICTIC
            or (kind == "full_year" and not g.get("full_year_y"))
            or any(g.get(f"{kind}_{k}") for k in ("this", "last", "ly", "lm", "lyy", "ty"))
            or "yesterday" in low[m.start() : m.end()]
            or "today" in low[m.start() : m.end()]
            or "this year" in low[m.start() : m.end()]
        ):
            continue
        try:
            r = _resolve(kind, g, ref)
        except (ValueError, KeyError, _NoDate):  # no such date ("February 30"), or no date to read it by
            r = None
        if r is None:
            continue
        lo = max(start, m.start() - 60)
        # a possessive names the figure after it ("from December's 1.8 percent"): never a baseline
        is_base = kind != "possessive" and bool(_BASELINE_BEFORE.search(low, lo, m.start()))
        if is_base and kind == "months_ending" and low[lo : m.start()].endswith("over "):
            is_base = False  # "rose 4.2% over the year to March 2023": the span of the change, no baseline
        out.append(Period(m.start(), m.end(), text[m.start() : m.end()], r[0], r[1], r[2], is_base))
    return out


_LONE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


def sentence_periods(
    text: str,
    low: str,
    sentences: list[Sentence],
    tokens: list[Token],
    token_sentence: list[int],
    ref: dt.date | None,
) -> list[list[Period]]:
    """The period phrases of each sentence, in order, looked for only in paragraphs that hold a figure, up
    to the end of the last sentence with one (a figure takes its period from its own sentence or from
    earlier in its paragraph); an empty list for every other sentence."""
    # a hard-wrapped text breaks lines inside phrases ("in the first\neight months"): a lone line break reads
    # as a space (the same length, so every offset stays)
    if "\n" in text:
        text, low = _LONE_BREAK.sub(" ", text), _LONE_BREAK.sub(" ", low)
    wanted: dict[tuple[int, int], int] = {}  # paragraph -> end of its last sentence with a figure
    for tok, k in zip(tokens, token_sentence, strict=True):
        if k >= 0 and tok.role == "figure":
            s = sentences[k]
            wanted[s.paragraph] = max(wanted.get(s.paragraph, 0), s.end)
    borrowed, borrowed_at = False, 0
    if ref is None:
        # a text with no date (a news report that gives none): the phrases that name their year resolve
        # anyway, and the first of them that is no baseline ("data for August 2020") stands for the text's
        # date, so that "in August" and "the first eight months" after it (not before) are read in that year
        for para in sorted({s.paragraph for s in sentences}):
            named = [p for p in find_periods(text, para[0], para[1], None, low) if not p.is_baseline]
            if named:
                ref, borrowed, borrowed_at = named[0].last, True, named[0].start
                break
    out: list[list[Period]] = []
    i = 0
    while i < len(sentences):
        para = sentences[i].paragraph
        j = i
        while j < len(sentences) and sentences[j].paragraph == para:
            j += 1
        if para in wanted:
            periods = find_periods(text, para[0], wanted[para], ref, low, borrowed=borrowed)
            if borrowed and para[0] < borrowed_at:  # before the borrowed reference: only named years
                early = [
                    p for p in find_periods(text, para[0], wanted[para], None, low) if p.start < borrowed_at
                ]
                periods = early + [p for p in periods if p.start >= borrowed_at]
            k = 0  # periods and sentences are both in text order: one pass pairs them
            for s in sentences[i:j]:
                while k < len(periods) and periods[k].start < s.start:
                    k += 1
                e = k
                while e < len(periods) and periods[e].end <= s.end:
                    e += 1
                out.append(periods[k:e])
                k = e
        else:
            out.extend([] for _ in range(i, j))
        i = j
    return out
