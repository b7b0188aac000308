"""The period of each figure: the period phrase of its own sentence that belongs to it (right after its list,
else the nearest before it, else the first after), else the period that frames its paragraph, else the span a
phrase such as "in the same period" points back to. The phrases themselves are found and resolved in
:mod:`briefing.periods`."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .numbers import word_value

if TYPE_CHECKING:
    from .periods import Period
    from .records import Figure, Sentence

__all__ = ["assign_periods"]

_RESPECTIVELY = re.compile(r",?\s*respectively,?", re.IGNORECASE)

_PUNCT_OR_DIGIT = re.compile(r"[,;:\d]")


def assign_periods(text: str, figs: list[Figure], sentences: list[Sentence]) -> None:
    """Set ``f.period`` of every figure of ``figs`` from the period phrases of ``sentences``."""
    by_sentence: dict[int, list[Figure]] = {}
    for f in figs:
        by_sentence.setdefault(f.sentence, []).append(f)
    framing: dict[tuple[int, int], Period] = {}  # paragraph -> last framing period so far
    last_used: dict[tuple[int, int], Period] = {}  # paragraph -> the period a sentence's last figure took
    taken: dict[tuple[int, int], set[str]] = {}  # paragraph -> the periods its figures took so far
    index = {id(f): k for k, f in enumerate(figs)}
    last_any: tuple[int, Period] | None = None  # (turn, period) the last figure with a period took
    group_end: dict[int, int] = {}
    for f in figs:
        group_end[f.group] = f.end
    for si, s in enumerate(sentences):
        sfigs = by_sentence.get(si, [])
        if not sfigs and not s.periods:
            continue  # nothing to give and nothing to frame with
        periods = [p for p in s.periods if not p.is_baseline]
        starts = [p.start for p in periods]
        ends = [p.end for p in periods]  # phrases do not overlap, so ends are sorted too
        # a sentence that names a period only as its baseline ("8.8%, 0.1 percentage points higher than in
        # the first half") speaks of the period the sentence before gave its figures, wherever it stood
        carried = framing.get(s.paragraph)
        if carried is None and not periods and len(s.periods):
            carried = last_used.get(s.paragraph)
        back = None  # "in the same period", "during the period", "in the two months": the span named before
        if sfigs and last_any is not None and last_any[0] == s.turn:
            back = _pointing_back(text, s, last_any[1])
        for f in sfigs:
            own = _period_in_sentence(text, index[id(f)], figs, periods, starts, ends, group_end)
            f.period = own or carried or back
            if f.period is not None:
                last_any = (s.turn, f.period)
        if back is not None and not periods and _BACK_OPENING.match(text, s.start, s.end):
            # "Over the same period, investment fell 81.6%. Retail sales were 99.5 billion yuan, ...": the
            # sentence that opens so frames the rest of its paragraph with the span it points back to
            framing.setdefault(s.paragraph, back)
        first_fig = sfigs[0].token.start if sfigs else s.end
        k = bisect.bisect_left(starts, first_fig)
        if not k and sfigs and periods and s.paragraph not in framing and s.paragraph not in taken:
            # the lead sentence of a paragraph names its period after its first figure ("China exported
            # US$47.4 billion of cotton products in the first eight months in 2007, up 32.29 percent. Of the
            # total, ..."): the paragraph's later figures are read in it
            k = 1
        if k and not (
            # a sentence with no figure that names again the period a figure before it took ("GDP grew 0.7%
            # in the first three quarters, after falling 1.6% in the first half. The decline in the first
            # half has been reversed.") speaks of that figure: the paragraph's frame stays
            not sfigs and s.paragraph in framing and periods[k - 1].iso in taken.get(s.paragraph, ())
        ):
            framing[s.paragraph] = periods[k - 1]
        for f in sfigs:
            if f.period is not None:
                taken.setdefault(s.paragraph, set()).add(f.period.iso)
        if sfigs and periods and sfigs[-1].period is periods[-1]:
            last_used[s.paragraph] = periods[-1]


_BACK = re.compile(
    r"\b(?:in|during|over|for|within) the (?:(?:same|corresponding|above|said) )?"
    r"(?:period|(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2}) months)"
    r"\b(?! (?:last|of|in|a year)\b)",
    re.IGNORECASE,
)
_BACK_OPENING = re.compile(
    r"\s*(?:in|during|over|for|within) the (?:same|corresponding|above|said) period\b", re.IGNORECASE
)
_BACK_BASELINE = re.compile(r"(?:\bfrom|\bthan|\bcompared (?:with|to)|\bagainst|\bversus)\s*$", re.IGNORECASE)


def _pointing_back(text: str, s: Sentence, last: Period) -> Period | None:
    """``last``, when the sentence points back to it ("grew 3.2% in the same period", "in the two months":
    as many months as ``last``); "from the same period" is a baseline, not this."""
    for m in _BACK.finditer(text, s.start, s.end):
        if _BACK_BASELINE.search(text, max(s.start, m.start() - 20), m.start()):
            continue
        n = (m.group("n") or "").lower()
        months = (last.last.year - last.first.year) * 12 + last.last.month - last.first.month + 1
        if not n or ((int(n) if n.isdigit() else word_value(n)) == months and last.first.day == 1):
            return last
    return None


def _period_in_sentence(
    text: str,
    k: int,
    figs: list[Figure],
    periods: list[Period],
    starts: list[int],
    ends: list[int],
    group_end: dict[int, int],
) -> Period | None:
    """A phrase right after the figure's list, else the nearest before it, else the first after."""
    if not periods:
        return None
    f = figs[k]
    # a phrase right after the figure itself ("from 31.4 trillion yuan in 2012 to 81 trillion yuan by the
    # end of last year"), else after the end of its coordinated list ("33.7% and 37.5% in the first three
    # quarters")
    for end in dict.fromkeys((f.end, group_end[f.group])):
        j = bisect.bisect_left(starts, end)
        if j < len(periods):
            p = periods[j]
            gap = _RESPECTIVELY.sub("", text[end : p.start]) if p.start - end <= 200 else "x" * 61
            if len(gap) <= 60 and not _PUNCT_OR_DIGIT.search(gap):
                return p
    j = bisect.bisect_right(ends, f.token.start)
    if j:
        return periods[j - 1]
    j = bisect.bisect_left(starts, f.end)
    return periods[j] if j < len(periods) else None
