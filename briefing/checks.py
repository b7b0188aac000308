"""Check the figures: what a careful reader of official statistics does with a briefing's numbers.

:func:`check` returns one row per finding, with the columns ``check``, ``status``, ``figure_ids`` (the ids
involved, ``;``-joined) and ``detail`` (a sentence a person can act on). The rules are general: nothing here
knows the figures of a particular briefing. The checks:

``repeat``
    The same statistic said more than once (in the opening statement and again in an answer, or by the other
    official). Two mentions are the same statistic when they have the same ``unit`` and ``kind``, the same
    value (or the same at the coarser precision when the coarser keeps two significant digits or says "about",
    "nearly": "6.3 million" restates "6.278 million", "2 percentage points" does not restate "1.9"),
    compatible periods (see below) and subjects that share at least half of their content words (Jaccard >=
    0.5 on the word stems, stop words removed, and acronyms the transcript defines, "new-energy vehicle
    (NEV)", expanded). Sector is not part of the rule: it is assigned from the words around a figure, so one
    statistic can get two sectors (total computing power said in a telecoms paragraph and again in a computing
    answer) and two statistics often share one. Different values are never repeats. Status ``consistent``, or
    ``inconsistent`` when the mentions contradict each other: one says "more than" and the other "nearly" or
    "less than", or they are measured against different baselines ("year on year" and "month on month").
``implied_rate``
    A rate and a percentage-point difference against a baseline in the same sentence imply the baseline's
    rate: "grew 11.3%, surpassing general manufacturing investment by 5.1 percentage points" implies general
    manufacturing investment grew 6.2%; "4%, 0.2 percentage points faster than the first half" implies 3.8% in
    the first half. Differences without a baseline (a contribution of 1.9 points to growth) imply nothing.
    (The figures paired here and in the two checks below are at most :data:`PAIR_REACH` figures apart in
    their sentence.)
``implied_level``
    A level and its growth rate against a stated baseline, in the same sentence and about the same subject,
    imply the baseline's level: 825,000 exports, up 110% year on year, imply about 392,900 a year earlier.
``implied_total``
    A count and its share of all things of its kind, in the same sentence and about the same subject, imply
    how many there are in all: "1,972 'little giant' companies ..., accounting for 22% of its kind" imply
    about 8,964 "little giant" companies. Only shares of the count's own kind are used ("of its kind", "of
    the total", or a whole named with the count's own head noun: "30% of all firms"); a share of something
    else ("60% of the industry's revenue") implies nothing about the count. A stated total matches when it
    names the same things, its words other than a generic organisation noun ("companies", "SMEs") all in the
    count's subject, or both name the same quoted designation: "12,000 'little giant' SMEs".
``coincidence``
    Two different statistics (not repeats of each other) with the same value and unit, when the value is
    specific enough for the match to be surprising: at least :data:`MIN_DIGITS` significant digits as spoken
    ("6.278 million" has four; "10,000" and "60%" coincide by chance all the time). Status ``review``: a
    person should look at which of the two is right.
``part_whole``
    "27 of 41": the part is no larger than the whole (always reported); a share outside 0-100% (reported only
    then).

Statuses: ``consistent`` and ``inconsistent`` for what can be checked; ``derived`` for a number the text
implies and nothing states (compare it with a primary release); ``review`` for what needs a person. A derived
number is ``consistent``/``inconsistent`` when the briefing itself states the implied quantity elsewhere (a
briefing figure of the same unit, kind and period whose subject holds every word of the baseline and otherwise
speaks of the input's measure: "industrial growth in general" is the "value-added of industries above
designated size", not "fixed-asset investment in the industry") or when the reference file does (a reference
row about the implied quantity, or a number in the note of a reference row about one of the inputs: "all
manufacturing investment +6.2%"). Derived numbers carry the rounding of their inputs: 11.3% - 5.1 pp is 6.2%,
but anything from 6.1% to 6.3%; a stated value agrees when its own rounding interval meets that interval.

Periods are compatible when they are equal or one is unknown; when one is a point in time ("as of the end of
September") and the other a span ending that day; when one is the current, unfinished year ("this year") and
the other starts with it (year to date); and, for levels and shares, when one span lies inside the other and
both end on the same day. A single month and a cumulative span are never compatible for growth rates: "profits
+17.2% in August" says nothing against "January-August profits -11.7%".

:func:`compare_reference` lines the briefing up with a file of values from primary releases
(``data/reference/official_figures.csv``, read with :func:`load_reference`).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import io
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .periods import find_periods

__all__ = [
    "CHECK_COLUMNS",
    "MIN_DIGITS",
    "REFERENCE_COLUMNS",
    "Precision",
    "Statement",
    "acronyms",
    "check",
    "compare_reference",
    "compatible",
    "derivations",
    "load_reference",
    "note_statements",
    "period_span",
    "precision",
    "repeats",
    "words",
]

#: Columns of :func:`check`'s result.
CHECK_COLUMNS = ["check", "status", "figure_ids", "detail"]
#: Columns a reference file must have; the others of ``official_figures.csv`` are kept when present.
REFERENCE_COLUMNS = ["indicator", "period", "unit", "briefing_value", "official_value"]
_REFERENCE_OPTIONAL = [
    "publisher", "release_date", "release_title", "retrieved_from", "evidence", "agrees", "note",
]  # fmt: skip
#: Fewest significant digits a value needs before two statistics sharing it count as a coincidence.
MIN_DIGITS = 3
#: Jaccard similarity of subject words from which two mentions are the same statistic.
SAME_SUBJECT = 0.5

_EPS = 1e-9
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORD = re.compile(r"[a-z0-9]+")
# Function words, and words that say how a statistic is measured rather than what it is about.
_STOP = frozenset((
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "into", "and", "or", "as",
    "its", "it", "their", "this", "that", "these", "those", "such", "other", "than", "is", "are", "was",
    "were", "be", "been", "being", "has", "have", "had", "up", "down", "rose", "fell", "grew", "reached",
    "stood", "so", "all", "total", "overall", "general", "whole", "number", "numbers", "amount", "level",
    "scale", "growth", "rate", "rates", "y", "yy", "year", "years", "cumulative", "china", "chinese",
    "nationwide", "respectively", "same",
))  # fmt: skip
_STEM = 6  # words are compared on their first six letters: "provincial" ~ "provinces", "economy" ~ "economic"
_FLOW_KINDS = ("growth", "pp_change", "streak", "change")
_NOT_LEVEL_UNITS = ("%", "pp", "times", "months", "years")
_APPROX_UP = "more_than"
_APPROX_DOWN = ("nearly", "less_than")
_YEAR_BEFORE = re.compile(
    r"\b(?:a year (?:earlier|ago|before)|year[- ]on[- ]year|the same period (?:of )?last year)\b"
)
_MONTH_BEFORE = re.compile(r"\b(?:the previous month|a month (?:earlier|ago|before)|month[- ]on[- ]month)\b")
_ACRONYM = re.compile(r"\((?P<a>[A-Z][A-Za-z0-9]*[A-Z0-9])s?\)")
_CHECK_ORDER = {
    "repeat": 0, "implied_rate": 1, "implied_level": 2, "implied_total": 3, "coincidence": 4, "part_whole": 5,
}  # fmt: skip
# The whole a share is taken of, right after it (past the other shares of a list): "22% and 25% of its kind".
_SHARE_OF = re.compile(r"^(?:\s*(?:,|and|or)\s*[\d.,]+\s*%)*\s*of\s+(?P<whole>[^,.;:()]+)", re.IGNORECASE)
# Wholes that are "all things of the count's own kind".
_OWN_KIND = re.compile(
    r"^(?:its|their|the same) kind\b|^(?:the )?(?:national |country's |nation's )?total\s*$|^all such\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“]([^\"”]{2,40})[\"”]")
_ORG_NOUNS = frozenset(("compan", "enterp", "firm", "smes", "sme", "busine", "entiti", "entity"))
# ... and the size classes that come with them when an acronym is spelled out ("small and medium-sized").
_ORG_WORDS = _ORG_NOUNS | {"small", "medium", "sized", "micro", "large"}
_ALL = re.compile(r"^(?:all|the) ", re.IGNORECASE)
_AFTER = 200  # how much of a sentence after a figure is kept to read what a share is of


# --------------------------------------------------------------------------- words


def _stem(w: str) -> str:
    if len(w) > 3 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w[:_STEM]


def acronyms(text: str) -> dict[str, tuple[str, ...]]:
    """Acronyms the text defines in brackets, lower-cased, with the words they stand for.

    "the new-energy vehicle (NEV) industry" gives ``{"nev": ("new", "energy", "vehicle")}``: the letters of
    the acronym must be the initials of the words before the bracket (function words skipped; hyphenated
    words read both as one word and as two).
    """
    out: dict[str, tuple[str, ...]] = {}
    for m in _ACRONYM.finditer(text):
        acr = m.group("a").lower()
        before = text[max(0, m.start() - 120) : m.start()]
        for split_hyphens in (True, False):
            raw = re.findall(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*", before.replace("'", ""))
            words = [p for w in raw for p in (w.split("-") if split_hyphens else [w])]
            found = None
            for k in range(1, min(len(words), 10) + 1):
                tail = [w.lower() for w in words[-k:]]
                if tail[0] in _STOP:
                    continue
                initials = "".join(w[0] for w in tail if w not in _STOP)
                if initials == acr:
                    found = tuple(w for w in tail if w not in _STOP)
                    break
                if len(initials) > len(acr):
                    break
            if found:
                out.setdefault(acr, found)
                break
    return out


def words(text: object, acr: dict[str, tuple[str, ...]] | None = None) -> frozenset[str]:
    """Content-word stems of a phrase: lower case, possessives and stop words dropped, acronyms expanded."""
    if not isinstance(text, str) or not text:
        return frozenset()
    out: set[str] = set()
    for w in _WORD.findall(text.lower().replace("'s", "").replace("\u2019s", "")):
        expanded = None
        if acr and w not in _STOP:
            expanded = acr.get(w) or (acr.get(w[:-1]) if w.endswith("s") else None)
        for x in expanded or (w,):
            if len(x) > 1 and x not in _STOP:
                out.add(_stem(x))
    return frozenset(out)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


# --------------------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Precision:
    """How precisely a number is spoken.

    - ``stated``: one unit of the last digit written ("6.278 million": 1,000; "825,000": 1; "4%": 1);
    - ``rounding``: the same, reading an integer's trailing zeros as rounding ("825,000": 1,000; "110%": 10);
    - ``digits``: significant digits as spoken ("6.278 million": 4; "825,000": 3).
    """

    stated: float
    rounding: float
    digits: int


def precision(surface: object, value: float) -> Precision:
    """The :class:`Precision` of a figure from its surface ("6.278 million") and value (6278000.0)."""
    v = abs(float(value))
    m = _NUM.search(surface) if isinstance(surface, str) else None
    s = m.group().replace(",", "") if m else np.format_float_positional(v, trim="-")
    num = float(s)
    scale = 10 ** round(math.log10(v / num)) if num and v else 1.0
    dec = len(s.split(".")[1]) if "." in s else 0
    stated = scale * 10.0**-dec
    digits = s.replace(".", "").lstrip("0")
    rounding = stated
    if dec == 0 and digits:
        zeros = len(digits) - len(digits.rstrip("0"))
        rounding = stated * 10.0**zeros
        digits = digits.rstrip("0")
    return Precision(stated, rounding, max(1, len(digits)))


def _same_value(a: float, ra: float, b: float, rb: float) -> bool:
    """Equal within the rounding of the less precise of the two (resolutions ``ra``, ``rb``)."""
    r = max(ra, rb)
    return abs(a - b) <= r / 2 * (1 + 1e-9) + _EPS


def _fmt(v: float, unit: str, digits: int | None = None, decimals: int | None = None) -> str:
    """A value as text: "6.2%", "0.2 pp", "392,900", "4.722 million", "6.61 trillion yuan"."""
    if unit in ("%", "pp"):
        d = 1 if decimals is None else decimals
        return f"{v:.{d}f}%" if unit == "%" else f"{v:.{d}f} pp"
    if digits is not None and v:
        v = float(f"{v:.{digits}g}")
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            body = f"{v / scale:.{digits or 4}g} {word}"
            break
    else:
        if decimals is not None:
            body = f"{v:,.{decimals}f}"
        elif digits is not None and v:
            body = f"{v:,.{max(0, digits - 1 - math.floor(math.log10(abs(v))))}f}"
        else:
            body = f"{v:,.3f}".rstrip("0").rstrip(".")
    if unit in ("count", "", None):
        return body
    return f"{body} {unit}"


# --------------------------------------------------------------------------- periods

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
        if kind not in _FLOW_KINDS and x[0] <= y[0] and x[1] == y[1]:  # a state at the same end date
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


# --------------------------------------------------------------------------- the figures, prepared


@dataclass
class _Fig:
    id: str
    n: int  # position in the table
    turn: str
    sentence: str
    speaker: str
    value: float
    unit: str
    kind: str
    approx: str
    span: Span | None
    baseline: str
    subject: str
    of_total: float
    surface: str
    words: frozenset[str]
    prec: Precision
    group: int = -1
    after: str = ""  # the rest of its sentence, after the figure


def _str(x: object) -> str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA else str(x)


@dataclass
class _Context:
    figs: list[_Fig]
    today: dt.date | None
    acr: dict[str, tuple[str, ...]]
    groups: list[list[_Fig]] = field(default_factory=list)


def _after(quote: str, k: int) -> str:
    """The first :data:`_AFTER` characters of ``quote`` from ``k``, without copying the rest of it."""
    return quote[k : k + _AFTER] if k >= 0 else quote[k:][:_AFTER]


def _context(b) -> _Context:
    acr = acronyms(b.text)
    figs = []
    for n, r in enumerate(b.figures.itertuples(index=False)):
        span = None
        if isinstance(r.period_start, dt.date) and isinstance(r.period_end, dt.date):
            span = (r.period_start, r.period_end)
        elif _str(r.period):
            span = period_span(r.period)
        figs.append(
            _Fig(
                r.figure_id, n, _str(r.turn_id), _str(r.sentence_id), _str(r.speaker), float(r.value),
                str(r.unit), str(r.kind), _str(r.approx) or "exact", span, _str(r.baseline), _str(r.subject),
                float(r.of_total) if pd.notna(r.of_total) else math.nan, _str(r.surface),
                words(_str(r.subject), acr), precision(_str(r.surface), float(r.value)),
                after=_after(_str(r.quote), int(r.char_end) - int(r.quote_start)),
            )
        )  # fmt: skip
    ctx = _Context(figs, b.meta.date, acr)
    ctx.groups = _repeat_groups(ctx)
    return ctx


def _restated(a: _Fig, b: _Fig) -> bool:
    """Could ``a`` and ``b`` be one number said twice? Equal, or equal at the coarser precision when the
    coarser one keeps two significant digits or says "about"/"nearly"/...: "6.3 million" restates
    "6.278 million", but "2 percentage points" does not restate "1.9"."""
    if a.value == b.value:
        return True
    coarse = a if a.prec.stated >= b.prec.stated else b
    return _same_value(a.value, a.prec.stated, b.value, b.prec.stated) and (
        coarse.prec.digits >= 2 or coarse.approx != "exact"
    )


def _same_statistic(ctx: _Context, a: _Fig, b: _Fig) -> bool:
    return (
        a.unit == b.unit
        and a.kind == b.kind
        and _restated(a, b)
        and compatible(a.span, b.span, a.kind, ctx.today)
        and _jaccard(a.words, b.words) >= SAME_SUBJECT
    )


def _near_values(values: list[float], res: list[float]) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, whose values may be the same within rounding (``_same_value`` with
    resolutions ``res``): each value's own window, ``res / 2`` either side, is looked up in the sorted
    values, so the time is ``n log n`` plus the number of pairs, not ``n`` squared. A superset (the window is
    a little wider): the caller applies the exact test. Values that are not numbers pair with nothing."""
    order = sorted((v, i) for i, v in enumerate(values) if not math.isnan(v))
    keys = [v for v, _ in order]
    out: set[tuple[int, int]] = set()
    for i, v in enumerate(values):
        if math.isnan(v):
            continue
        w = res[i] / 2 * (1 + 1e-6) + 2 * _EPS + abs(v) * 1e-12 if math.isfinite(v) else 0.0
        for p in range(bisect.bisect_left(keys, v - w), bisect.bisect_right(keys, v + w)):
            j = order[p][1]
            if j != i:
                out.add((i, j) if i < j else (j, i))
    return sorted(out)


def _repeat_groups(ctx: _Context) -> list[list[_Fig]]:
    """The figures grouped into statistics: the connected sets of pairs that are :func:`_same_statistic`.

    Not every pair is compared. Mentions alike in everything the rule reads (a statistic said many times)
    are one class, compared once; classes are compared only within the same unit and kind and when their
    values are within rounding of each other (:func:`_near_values`). The groups are those of comparing every
    pair."""
    parent = list(range(len(ctx.figs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    figs = ctx.figs
    classes: dict[tuple, list[int]] = {}
    for i, f in enumerate(figs):
        if f.words:  # with no content word the Jaccard similarity is 0: the same statistic as nothing else
            key = (f.unit, f.kind, f.value, f.prec, f.approx, f.span, f.words)
            classes.setdefault(key, []).append(i)
    buckets: dict[tuple[str, str], list[list[int]]] = {}
    for members in classes.values():
        for j in members[1:]:  # alike in every respect: the same statistic
            parent[root(j)] = root(members[0])
        buckets.setdefault((figs[members[0]].unit, figs[members[0]].kind), []).append(members)
    for cls in buckets.values():
        reps = [figs[m[0]] for m in cls]
        for p, q in _near_values([f.value for f in reps], [f.prec.stated for f in reps]):
            a, b = cls[p], cls[q]
            # every pair i < j of the two classes gives the same answer as the classes' first members (in
            # that order); there is such a pair in the order a, b when a's first comes before b's last
            if (a[0] < b[-1] and _same_statistic(ctx, figs[a[0]], figs[b[0]])) or (
                b[0] < a[-1] and _same_statistic(ctx, figs[b[0]], figs[a[0]])
            ):
                parent[root(b[0])] = root(a[0])
    groups: dict[int, list[_Fig]] = {}
    for i, f in enumerate(figs):
        groups.setdefault(root(i), []).append(f)
    out = sorted(groups.values(), key=lambda g: g[0].n)
    for k, g in enumerate(out):
        for f in g:
            f.group = k
    return out


def _ids(figs: Iterable[_Fig]) -> str:
    seen = sorted({f.id: f for f in figs}.values(), key=lambda f: f.n)
    return ";".join(f.id for f in seen)


def _surface_value(f: _Fig) -> str:
    approx = {"more_than": "more than ", "nearly": "nearly ", "about": "about ", "less_than": "less than "}
    return approx.get(f.approx, "") + f.surface


# --------------------------------------------------------------------------- repeats


def _conflicts(g: list[_Fig]) -> list[str]:
    out = []
    ups = [f for f in g if f.approx == _APPROX_UP]
    downs = [f for f in g if f.approx in _APPROX_DOWN]
    if ups and downs:
        out.append(
            f"{ups[0].id} says more than {ups[0].surface} but {downs[0].id} says "
            f"{downs[0].approx.replace('_', ' ')} {downs[0].surface}"
        )
    # every pair of mentions measured against baselines that share less than half their words, in the
    # order of the mentions; the baselines' word sets are compared once per pair of different sets (a
    # statistic said many times against one baseline costs nothing)
    based = [f for f in g if f.baseline]
    sets: dict[frozenset[str], list[int]] = {}
    for i, f in enumerate(based):
        sets.setdefault(frozenset(_WORD.findall(f.baseline.lower())), []).append(i)
    keys = list(sets)
    differ = {k: [sets[x] for x in keys if x != k and len(k & x) / len(k | x) < 0.5] for k in keys}
    for i, a in enumerate(based):
        later = []
        for members in differ[frozenset(_WORD.findall(a.baseline.lower()))]:
            later += members[bisect.bisect_right(members, i) :]
        for j in sorted(later):
            c = based[j]
            out.append(f"{a.id} is measured against {a.baseline!r} but {c.id} against {c.baseline!r}")
    return out


def repeats(b) -> pd.DataFrame:
    """One row per statistic said more than once: ids, value, unit, kind, subject, period, status, detail."""
    ctx = b if isinstance(b, _Context) else _context(b)
    rows = []
    for g in ctx.groups:
        if len(g) < 2:
            continue
        conflicts = _conflicts(g)
        spans = [f.span for f in g if f.span]
        first = g[0]
        surfaces = sorted({f.surface for f in g})
        speakers = list(dict.fromkeys(f.speaker for f in g))
        turns = list(dict.fromkeys(f.turn for f in g))
        what = f"{first.surface} ({first.kind}) of \u201c{first.subject}\u201d"
        where = f"{_span_text(spans[0]) if spans else 'no period'}"
        detail = (
            f"{what}, {where}, is said {len(g)} times, in turns {', '.join(turns)} by {', '.join(speakers)}: "
            + "; ".join(f"{f.id} \u201c{f.subject}\u201d" for f in g)
            + "."
        )
        if len({f.prec.stated for f in g}) > 1:
            detail += f" Said at different precision ({' / '.join(surfaces)}): they agree once rounded."
        elif len(surfaces) > 1:
            detail += f" Worded {' / '.join(surfaces)}."
        detail += (" Contradiction: " + "; ".join(conflicts) + ".") if conflicts else " The mentions agree."
        rows.append(
            {
                "figure_ids": _ids(g),
                "n_mentions": len(g),
                "value": first.value,
                "unit": first.unit,
                "kind": first.kind,
                "subject": first.subject,
                "period": _span_text(spans[0]) if spans else "",
                "speakers": "; ".join(speakers),
                "status": "inconsistent" if conflicts else "consistent",
                "detail": detail,
            }
        )
    cols = ["figure_ids", "n_mentions", "value", "unit", "kind", "subject", "period", "speakers", "status"]
    return pd.DataFrame(rows, columns=[*cols, "detail"])


# --------------------------------------------------------------------------- reference data


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
    from .errors import ReferenceFileError, TranscriptError

    if path is None:
        from . import paths

        try:
            p = paths.bundled_reference()
        except FileNotFoundError as exc:
            raise ReferenceFileError(paths.REFERENCE_FILE, str(exc)) from None
    else:
        p = Path(path)
    name = str(p)
    from .files import read_bytes
    from .text import MAX_BYTES

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
    return _normalise_reference(df, name)


def _normalise_reference(df: pd.DataFrame, source: str) -> pd.DataFrame:
    """Required columns checked, optional ones added empty, values as floats (NaN where empty)."""
    from .errors import ReferenceFileError

    if df.columns.empty and df.empty:  # an empty frame given in code: "no reference"
        df = pd.DataFrame(columns=REFERENCE_COLUMNS)
    missing = [c for c in REFERENCE_COLUMNS if c not in df.columns]
    if missing:
        raise ReferenceFileError(source, f"reference file lacks column(s) {', '.join(missing)}")
    df = df.copy()
    for c in _REFERENCE_OPTIONAL:
        if c not in df.columns:
            df[c] = ""
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


def compare_reference(b, reference: pd.DataFrame | None = None) -> pd.DataFrame:
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
    return pd.DataFrame(rows, columns=cols)


# --------------------------------------------------------------------------- derived numbers


@dataclass
class _Derived:
    check: str
    inputs: list[_Fig]
    subject: str
    target: frozenset[str]  # words a statement of the implied quantity must have
    unit: str
    kind: str
    span: Span | None
    value: float
    low: float
    high: float
    approx: str
    digits: int | None
    decimals: int | None
    how: str
    evidence: list[str] = field(default_factory=list)
    evidence_ids: list[str] = field(default_factory=list)
    verdicts: list[bool] = field(default_factory=list)

    def text(self, v: float | None = None) -> str:
        return _fmt(self.value if v is None else v, self.unit, self.digits, self.decimals)


def _sentence_figs(ctx: _Context) -> dict[str, list[_Fig]]:
    out: dict[str, list[_Fig]] = {}
    for f in ctx.figs:
        out.setdefault(f.sentence, []).append(f)
    return out


def _decimals(f: _Fig) -> int:
    return max(0, -round(math.log10(f.prec.stated))) if f.prec.stated < 1 else 0


#: Figures are paired (a rate with its difference, a level with its growth, a count with its share) only
#: when at most this many figures apart in their sentence: in a sentence that runs on for thousands of
#: figures, trying every pair would take time quadratic in its length.
PAIR_REACH = 16


def _implied_rates(ctx: _Context) -> list[_Derived]:
    out = []
    for sent in _sentence_figs(ctx).values():
        for k, p in enumerate(sent):
            if p.kind != "pp_change" or p.unit != "pp" or not p.baseline:
                continue
            # the nearest rate before the difference (within PAIR_REACH figures)
            g = next(
                (
                    g
                    for g in (sent[j] for j in range(k - 1, max(-1, k - 1 - PAIR_REACH), -1))
                    if g.unit == "%"
                    and g.kind in ("growth", "share")
                    and compatible(g.span, p.span, "growth", ctx.today)
                    and (not p.words or _jaccard(g.words, p.words) >= SAME_SUBJECT)
                ),
                None,
            )
            if g is None:
                continue
            is_time, span = _baseline_period(p.baseline, g.span, ctx.today)
            rg, rp = g.prec.rounding, p.prec.rounding
            value = g.value - p.value
            subject = f"{g.subject} in {p.baseline}" if is_time else p.baseline
            out.append(
                _Derived(
                    "implied_rate", [g, p], subject, g.words if is_time else words(p.baseline, ctx.acr), "%",
                    g.kind, span if is_time else g.span, value, value - (rg + rp) / 2, value + (rg + rp) / 2,
                    "exact", None, max(_decimals(g), _decimals(p)),
                    f"{g.surface} {'less' if p.value >= 0 else 'plus'} the {p.surface.lstrip('-')} by which "
                    f"it {'exceeds' if p.value >= 0 else 'trails'} {p.baseline}",
                )
            )  # fmt: skip
    return out


def _paired(
    ctx: _Context,
    lefts: list[_Fig],
    rights: list[_Fig],
    kind: str,
    derive: Callable[[_Fig, _Fig], _Derived | None],
) -> list[_Derived]:
    """What pairs of figures of one sentence imply: a figure of ``lefts`` with one of ``rights`` about the
    same subject in compatible periods (for ``kind``), most alike and nearest first, each figure in one
    pair at most, at most :data:`PAIR_REACH` figures apart. ``derive`` gives the implied quantity, or None
    when the pair implies nothing (its figures stay free for other pairs)."""
    pairs = []
    at = [b.n for b in rights]  # in the order of the figures
    for a in lefts:
        lo, hi = bisect.bisect_left(at, a.n - PAIR_REACH), bisect.bisect_right(at, a.n + PAIR_REACH)
        for b in rights[lo:hi]:
            sim = _jaccard(a.words, b.words)
            if sim >= SAME_SUBJECT and compatible(a.span, b.span, kind, ctx.today):
                pairs.append((-sim, abs(a.n - b.n), a.n, b.n, a, b))
    out: list[_Derived] = []
    used: set[str] = set()
    for *_, a, b in sorted(pairs, key=lambda t: t[:4]):
        if a.id in used or b.id in used:
            continue
        d = derive(a, b)
        if d is not None:
            used |= {a.id, b.id}
            out.append(d)
    return out


def _implied_levels(ctx: _Context) -> list[_Derived]:
    def derive(lv: _Fig, g: _Fig) -> _Derived | None:
        is_time, span = _baseline_period(g.baseline, lv.span, ctx.today)
        if not is_time:
            return None
        rl, rg = lv.prec.rounding, g.prec.rounding
        value = lv.value / (1 + g.value / 100)
        low = (lv.value - rl / 2) / (1 + (g.value + rg / 2) / 100)
        lowest_rate = g.value - rg / 2
        high = (lv.value + rl / 2) / (1 + lowest_rate / 100) if lowest_rate > -100 else math.inf
        return _Derived(
            "implied_level", [lv, g], f"{lv.subject}, {g.baseline}", lv.words, lv.unit, "level", span,
            value, low, high, lv.approx, max(3, lv.prec.digits + 1), None,
            f"{lv.surface} divided by 1 + {g.surface} ({g.baseline})",
        )  # fmt: skip

    out = []
    for sent in _sentence_figs(ctx).values():
        levels = [f for f in sent if f.kind == "level" and f.unit not in _NOT_LEVEL_UNITS]
        rates = [f for f in sent if f.kind == "growth" and f.unit == "%" and f.baseline and f.value > -100]
        out += _paired(ctx, levels, rates, "growth", derive)
    return out


def _whole(ctx: _Context, count: _Fig, share: _Fig) -> tuple[str, frozenset[str]] | None:
    """What ``share`` is a share of, when that is all things of ``count``'s kind: (subject, its words)."""
    m = _SHARE_OF.match(share.after)
    if m is None:
        return None
    phrase = m.group("whole").strip()
    own = count.subject.split(" among ")[0]  # "X among Y" (see figures._including): X is the kind
    own_words = words(own, ctx.acr)
    if _OWN_KIND.match(phrase):
        return own, own_words
    # "30% of all firms": a whole named with the count's own head noun (the last content word)
    named = words(phrase, ctx.acr)
    head, own_head = _head(phrase), _head(own)
    if head and (head in own_words or (head in _ORG_NOUNS and own_head in _ORG_NOUNS)):
        return phrase, named
    return None


def _head(phrase: str) -> str:
    """The stem of the last content word of a noun phrase ("" when there is none)."""
    content = [w for w in _WORD.findall(phrase.lower()) if len(w) > 1 and w not in _STOP]
    return _stem(content[-1]) if content else ""


def _total_approx(count: _Fig, share: _Fig) -> str | None:
    """How a count's and a share's qualifiers bound count / share: "more than 1,000" is a lower bound of
    the total, "over 20%" an upper bound; None when the two pull opposite ways (no bound at all)."""
    way = {"more_than": 1, "nearly": -1, "less_than": -1}
    c, sh = way.get(count.approx, 0), way.get(share.approx, 0)
    if c and sh and c == sh:
        return None
    total = c or -sh
    return "more_than" if total > 0 else "less_than" if total < 0 else count.approx


def _implied_totals(ctx: _Context) -> list[_Derived]:
    def derive(c: _Fig, sh: _Fig) -> _Derived | None:
        whole = _whole(ctx, c, sh)
        approx = _total_approx(c, sh)
        if whole is None or approx is None:
            return None
        rc, rs = c.prec.rounding, sh.prec.rounding
        value = c.value / (sh.value / 100)
        low = (c.value - rc / 2) / ((sh.value + rs / 2) / 100)
        high = (c.value + rc / 2) / ((sh.value - rs / 2) / 100) if sh.value > rs / 2 else math.inf
        return _Derived(
            "implied_total", [c, sh], f"all {_ALL.sub('', whole[0])}", whole[1], "count", "level", c.span,
            value, low, high, approx, min(max(3, c.prec.digits + 1), len(f"{value:.0f}")), None,
            f"{c.surface} being {sh.surface} of the whole",
        )  # fmt: skip

    out = []
    for sent in _sentence_figs(ctx).values():
        counts = [f for f in sent if f.kind == "level" and f.unit == "count" and math.isnan(f.of_total)]
        shares = [f for f in sent if f.kind == "share" and f.unit == "%" and 0 < f.value < 100]
        out += _paired(ctx, counts, shares, "level", derive)
    return out


def _states_total(f: _Fig, d: _Derived) -> bool:
    """A stated count is the total ``d`` implies: it is no smaller than the part, and it names the same
    things. Either both name the same quoted designation ("little giant") and the count's other words
    are organisation words ("SMEs", "small and medium-sized enterprises"), or the count's words other
    than those are all in the total's subject, and there are at least two of them."""
    if f.value < d.inputs[0].value:
        return False
    specific = f.words - _ORG_WORDS
    if set(_QUOTED.findall(f.subject.lower())) & set(_QUOTED.findall(d.subject.lower())):
        return specific <= d.target
    return len(specific) >= 2 and specific <= d.target


def _overlaps(d: _Derived, value: float, res: float) -> bool:
    lo, hi = value - res / 2, value + res / 2
    if d.approx == _APPROX_UP:  # the derived number is a lower bound
        return hi >= d.low - _EPS
    if d.approx in _APPROX_DOWN:
        return lo <= d.high + _EPS
    return hi >= d.low - _EPS and lo <= d.high + _EPS


def _attach_evidence(ctx: _Context, derived: list[_Derived], ref: pd.DataFrame) -> None:
    """Compare each derived number with what the briefing and the reference state about the same quantity."""
    ref_rows: list[Any] = list(ref.itertuples(index=False)) if len(ref) else []
    matched = {i: {f.group for f in _match_reference(ctx, r)[0]} for i, r in enumerate(ref_rows)}
    index = _EvidenceIndex(ctx.figs)
    for d in derived:
        if not d.target or d.span is None:
            continue
        own = {f.group for f in d.inputs}
        # 1. the briefing states it: a figure of the same unit, kind and period whose subject holds every word
        # of the target and whose other words, if any, speak of the same measure as the input (share a word
        # with its subject); in the same turn first, then the closest to the input's subject, then the most
        # general, then the nearest
        near = d.inputs[0]
        cands = [
            f
            for f in index.candidates(d)
            if f.unit == d.unit
            and f.kind == d.kind
            and f.group not in own
            and f.span is not None
            and compatible(f.span, d.span, d.kind, ctx.today)
            and (
                _states_total(f, d)
                if d.check == "implied_total"
                else d.target <= f.words and (f.words == d.target or (f.words - d.target) & near.words)
            )
            # a statement about an input's own subject is that input said again, not the implied quantity
            # (a total names the same things as its part, so there the words say nothing)
            and (
                d.check == "implied_total" or all(_jaccard(f.words, i.words) < SAME_SUBJECT for i in d.inputs)
            )
        ]
        if cands:
            best = max(
                cands,
                key=lambda f: (
                    f.turn == near.turn,  # a speaker compares with what they said themselves first
                    len(f.words & near.words),
                    _jaccard(d.target, f.words),
                    -abs(f.n - near.n),
                ),
            )
            ok = _overlaps(d, best.value, best.prec.stated)
            d.verdicts.append(ok)
            d.evidence_ids += [f.id for f in ctx.groups[best.group]]
            d.evidence.append(
                f"the briefing states {_surface_value(best)} for \u201c{best.subject}\u201d ({best.id})"
                + ("" if ok else ", outside that range")
            )
        # 2. the reference states it: a row about it, or a number in the note of a row about an input
        for i, r in enumerate(ref_rows):
            if str(r.unit) != d.unit:
                continue
            about_input = bool(matched[i] & own)
            if not about_input and pd.notna(r.official_value):
                iw = words(r.indicator, ctx.acr)
                if _jaccard(iw, d.target) >= SAME_SUBJECT and compatible(
                    period_span(r.period), d.span, d.kind, ctx.today
                ):
                    official = float(r.official_value)
                    ok = _overlaps(d, official, precision(None, official).stated)
                    d.verdicts.append(ok)
                    d.evidence.append(
                        f"{r.publisher or 'the reference'} gives {_fmt(float(r.official_value), d.unit)} for "
                        f"\u201c{r.indicator}\u201d" + ("" if ok else ", outside that range")
                    )
            if about_input:
                for st in note_statements(getattr(r, "note", ""), ctx.today):
                    span = st.span or period_span(r.period)
                    unit = d.unit if st.unit == "count" and d.unit != "%" else st.unit
                    if unit != d.unit or not compatible(span, d.span, d.kind, ctx.today):
                        continue
                    if _jaccard(words(st.label, ctx.acr), d.target) < SAME_SUBJECT:
                        continue
                    ok = _overlaps(d, st.value, st.prec.stated)
                    d.verdicts.append(ok)
                    d.evidence.append(
                        f"the reference note to \u201c{r.indicator}\u201d ({r.publisher or 'source'}) says "
                        f"\u201c{st.text}\u201d" + ("" if ok else ", outside that range")
                    )


class _EvidenceIndex:
    """The figures that can state a derived quantity, found by word and date instead of by reading every
    figure.

    A statement must have the derived quantity's unit and kind, and a period compatible with its period,
    so one with the same first or the same last day (see :func:`compatible`). A statement of an
    ``implied_rate`` or ``implied_level`` has every word of its target, so it is among the figures having
    the target's rarest word; a stated total has its specific words (organisation words aside) in the
    target, or a quoted designation in common with it. :meth:`candidates` gives a superset of the figures
    that pass the test in :func:`_attach_evidence`, in the order of the figures."""

    def __init__(self, figs: list[_Fig]) -> None:
        self.word: dict[tuple, list[_Fig]] = {}
        self.specific: dict[tuple, list[_Fig]] = {}
        self.quoted: dict[tuple, list[_Fig]] = {}
        for f in figs:
            if f.span is None:
                continue
            for day in set(f.span):  # filed under its first and its last day
                key = (f.unit, f.kind, day)
                for w in f.words:
                    self.word.setdefault((*key, w), []).append(f)
                for w in f.words - _ORG_WORDS:
                    self.specific.setdefault((*key, w), []).append(f)
                for q in set(_QUOTED.findall(f.subject.lower())):
                    self.quoted.setdefault((*key, q), []).append(f)

    def candidates(self, d: _Derived) -> list[_Fig]:
        days = set(d.span or ())

        def filed(index: dict[tuple, list[_Fig]], w: str) -> dict[int, _Fig]:
            return {f.n: f for day in days for f in index.get((d.unit, d.kind, day, w), [])}

        found: dict[int, _Fig] = {}
        if d.check != "implied_total":
            size = {
                w: sum(len(self.word.get((d.unit, d.kind, day, w), ())) for day in days) for w in d.target
            }
            found = filed(self.word, min(size, key=lambda w: size[w])) if size else {}
        else:
            for w in d.target:
                found.update(filed(self.specific, w))
            for q in set(_QUOTED.findall(d.subject.lower())):
                found.update(filed(self.quoted, q))
        return [found[n] for n in sorted(found)]


def _merge(derived: list[_Derived]) -> list[_Derived]:
    """One derivation per implied quantity: the same inputs said twice give one finding."""
    out: dict[tuple, _Derived] = {}
    for d in derived:
        key = (d.check, tuple(f.group for f in d.inputs))
        if key in out:
            out[key].inputs += d.inputs
        else:
            out[key] = d
    return list(out.values())


def _derived(ctx: _Context, reference: pd.DataFrame | None) -> list[_Derived]:
    derived = _merge(_implied_rates(ctx)) + _merge(_implied_levels(ctx)) + _merge(_implied_totals(ctx))
    _attach_evidence(ctx, derived, _reference_frame(reference))
    return derived


def _status(d: _Derived) -> str:
    if not d.verdicts:
        return "derived"
    return "consistent" if all(d.verdicts) else "inconsistent"


def _derived_detail(d: _Derived) -> str:
    q = {"more_than": "more than ", "nearly": "nearly ", "less_than": "less than "}.get(d.approx, "")
    about = "about " if d.check in ("implied_level", "implied_total") else ""
    rng = f"{d.text(d.low)} to {d.text(d.high)}"
    s = (
        f"{d.how} implies {q}{about}{d.text()} for \u201c{d.subject}\u201d ({_span_text(d.span)}); "
        f"with the rounding of the inputs, {rng}."
    )
    if d.evidence:
        s += " " + "; ".join(e[0].upper() + e[1:] for e in d.evidence) + "."
    else:
        s += " Nothing in the briefing or the reference states it: compare with the primary release."
    return s


def derivations(b, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """The numbers the text implies (``implied_rate``, ``implied_level``), with value, interval and status.

    ``reference`` as for :func:`check`. Columns: check, status, figure_ids (inputs, then any briefing figure
    that states the implied quantity), subject, period, unit, value, low, high, approx, detail.
    """
    ctx = b if isinstance(b, _Context) else _context(b)
    rows = [
        {
            "check": d.check,
            "status": _status(d),
            "figure_ids": ";".join(dict.fromkeys([*_ids(d.inputs).split(";"), *d.evidence_ids])),
            "subject": d.subject,
            "period": _span_text(d.span) if d.span else "",
            "unit": d.unit,
            "value": d.value,
            "low": d.low,
            "high": d.high,
            "approx": d.approx,
            "detail": _derived_detail(d),
        }
        for d in _derived(ctx, reference)
    ]
    cols = ["check", "status", "figure_ids", "subject", "period", "unit", "value", "low", "high", "approx"]
    return pd.DataFrame(rows, columns=[*cols, "detail"])


# --------------------------------------------------------------------------- coincidences, parts of wholes


def _coincidences(ctx: _Context, min_digits: int) -> list[dict]:
    out = []
    groups = [g for g in ctx.groups if g[0].prec.digits >= min_digits]
    # only groups of one unit with values within rounding of each other can coincide (_near_values)
    by_unit: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        by_unit.setdefault(g[0].unit, []).append(i)
    pairs = []
    for idx in by_unit.values():
        near = _near_values([groups[i][0].value for i in idx], [groups[i][0].prec.stated for i in idx])
        pairs += [(idx[p], idx[q]) for p, q in near]
    fewest = [min(f.prec.digits for f in g) for g in groups]
    for i, j in sorted(pairs):
        g, h = groups[i], groups[j]
        a, c = g[0], h[0]
        if a.unit != c.unit or not _restated(a, c):
            continue
        if min(fewest[i], fewest[j]) < min_digits:
            continue
        why = "two different statistics with the same value"
        if _jaccard(a.words, c.words) >= SAME_SUBJECT:
            why = (
                f"the same subject and value, but {a.kind} in {_span_text(a.span)} and {c.kind} in "
                f"{_span_text(c.span)}"
            )
        out.append(
            {
                "check": "coincidence",
                "status": "review",
                "figure_ids": _ids(g + h),
                "detail": (
                    f"{a.surface} is both \u201c{a.subject}\u201d ({', '.join(f.id for f in g)}) and "
                    f"\u201c{c.subject}\u201d ({', '.join(f.id for f in h)}): {why}. "
                    "One of them may be a slip: check both against their sources."
                ),
            }
        )
    return out


def _parts(ctx: _Context) -> list[dict]:
    out = []
    for f in ctx.figs:
        if not math.isnan(f.of_total):
            ok = 0 <= f.value <= f.of_total
            share = f"{f.value / f.of_total:.1%}" if f.of_total else "n/a"
            out.append(
                {
                    "check": "part_whole",
                    "status": "consistent" if ok else "inconsistent",
                    "figure_ids": f.id,
                    "detail": f"{f.surface} of {f.of_total:g} \u201c{f.subject}\u201d ({share})"
                    + ("" if ok else ": the part is larger than the whole"),
                }
            )
        elif f.kind == "share" and f.unit == "%" and not 0 <= f.value <= 100:
            out.append(
                {
                    "check": "part_whole",
                    "status": "inconsistent",
                    "figure_ids": f.id,
                    "detail": f"a share of {f.value:g}% for \u201c{f.subject}\u201d is outside 0-100%",
                }
            )
    return out


def check(b, reference: pd.DataFrame | None = None, *, min_digits: int = MIN_DIGITS) -> pd.DataFrame:
    """All findings on a briefing's figures: one row per finding, columns :data:`CHECK_COLUMNS`.

    ``reference`` is a frame from :func:`load_reference`; ``None`` reads the default file when it exists (it
    is used only where its rows match this briefing's figures). Pass an empty frame to check the text alone.
    ``min_digits`` is the fewest significant digits for a ``coincidence``.
    """
    ctx = _context(b)
    rows: list[dict] = []
    rep = repeats(ctx)
    rows += rep[CHECK_COLUMNS[1:]].assign(check="repeat").to_dict("records")
    der = derivations(ctx, reference)
    rows += der[CHECK_COLUMNS].to_dict("records")
    rows += _coincidences(ctx, min_digits)
    rows += _parts(ctx)
    out = pd.DataFrame(rows, columns=CHECK_COLUMNS)
    if len(out):
        first = {f.id: f.n for f in ctx.figs}
        out = out.assign(
            _c=out["check"].map(_CHECK_ORDER),
            _f=out["figure_ids"].map(lambda s: first.get(s.split(";")[0], 0)),
        )
        out = out.sort_values(["_c", "_f"], kind="stable").drop(columns=["_c", "_f"]).reset_index(drop=True)
    return out
