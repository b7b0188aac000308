"""Typed statistics from the figure tokens of the ledger: value, unit, kind, approx, period, baseline,
subject and sector, each with its exact place in the text.

The rules follow ``docs/figures.md``. They read the register of official statistics: scale words
("3.189 million"), units ("percentage points", "EFLOPS"), signed changes ("a 20% reduction"),
qualifiers ("more than", "nearly"), "respectively" lists, "27 of 41", "per 10,000 people", periods that
frame a sentence or a paragraph, and comparisons ("5.1 percentage points faster than ...").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from .numbers import NUM, NUMWORD, Token, parse_number
from .periods import Period
from .text import lower, lower_pattern
from .vocab import load, trie_pattern

__all__ = [
    "Figure",
    "Sentence",
    "build_figures",
    "dominant_sector",
    "sector_counts",
    "sector_of_counts",
]


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: tuple[int, int]  # span of the paragraph the sentence is in
    turn: int  # index into the turn list
    periods: list[Period]


@dataclass(slots=True)
class Figure:
    token: Token
    value: float
    unit: str
    kind: str
    approx: str
    end: int  # end of the surface (number, scale and unit words)
    sentence: int
    scale: float = 1.0
    of_total: float | None = None
    period: Period | None = None
    baseline: str | None = None
    subject: str = ""
    sector: str = ""
    group: int = -1  # index of the first member of a coordinated list ("A and B, respectively")

    @property
    def start(self) -> int:
        return self.token.num_start


# --------------------------------------------------------------------------- vocabularies
def _low_rx(pattern: str) -> re.Pattern[str]:
    """A case-insensitive pattern to match against the lower-cased text (see text.lower_pattern)."""
    return re.compile(lower_pattern(pattern))


class _Units(NamedTuple):
    """The unit vocabulary (``data/units.yml``) compiled for matching."""

    unit_rx: re.Pattern[str]  # a unit word right after the number (and its scale word)
    lookup: dict[str, tuple[str, str | None]]  # unit word -> (unit, kind it forces)
    scales: dict[str, float]
    scale_rx: re.Pattern[str]
    per_capita: list[tuple[str, re.Pattern[str]]]  # (unit, "... per 10,000 people" after the number)
    streak: re.Pattern[str]  # lower-cased text
    prefix_rx: re.Pattern[str] | None  # a currency right before the number ("RMB 3.88 trillion")
    prefixes: dict[str, str]  # currency prefix -> unit
    glued_scales: dict[str, float]  # a scale letter glued to the number ("3.189m") -> its factor


@cache
def _units() -> _Units:
    spec = load("units")
    words: list[tuple[str, str, str | None]] = []
    for u in spec["units"]:
        for w in u["words"]:
            words.append((w, u["unit"], u.get("kind")))
    words.sort(key=lambda x: len(x[0]), reverse=True)
    alts = []
    for w, _, _ in words:
        e = re.escape(w)
        alts.append(e + (r"(?![A-Za-z])" if w[-1].isalpha() else ""))
    unit_rx = re.compile(r"[ \u00a0]?(?P<u>" + "|".join(alts) + ")", re.IGNORECASE)
    lookup = {w.lower(): (unit, kind) for w, unit, kind in words}
    scales = {k.lower(): float(v) for k, v in spec["scales"].items()}
    scale_rx = re.compile(
        r"[ \u00a0](?P<s>" + "|".join(sorted(scales, key=len, reverse=True)) + r")(?![A-Za-z])",
        re.IGNORECASE,
    )
    per_capita = [
        (p["unit"], re.compile(r"[ \u00a0]+(?:[\w+-]+[ \u00a0]+){0,3}?" + p["pattern"]))
        for p in spec["per_capita"]
    ]
    streak = _low_rx(r"\b(?:" + "|".join(re.escape(w) for w in spec["streak_words"]) + r")\b")
    prefixes = spec.get("prefixes", {})
    prefix_rx = (
        re.compile(
            "(?:" + "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True)) + r")[ \u00a0]?$"
        )
        if prefixes
        else None
    )
    glued = {k.lower(): float(v) for k, v in spec.get("glued_scales", {}).items()}
    return _Units(unit_rx, lookup, scales, scale_rx, per_capita, streak, prefix_rx, prefixes, glued)


@cache
def _sectors() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every keyword, longest first, so overlapping keywords count once."""
    owner: dict[str, str] = {}
    for key, spec in load("sectors")["sectors"].items():
        for w in spec["keywords"]:
            owner.setdefault(w.lower(), key)
    # matched against lower-cased text: case-insensitive, and several times faster than re.IGNORECASE
    rx = re.compile(r"(?<![\w-])(?:" + trie_pattern(list(owner)) + r")(?![\w-])")
    return rx, owner


@lru_cache(maxsize=4096)
def sector_counts(text: str) -> dict[str, int]:
    """Keyword matches per sector in ``text`` (overlapping keywords count once, longest first)."""
    rx, owner = _sectors()
    counts: dict[str, int] = {}
    for m in rx.finditer(text.lower()):
        key = owner[m.group()]
        counts[key] = counts.get(key, 0) + 1
    return counts


#: Weights of the evidence for a figure's sector: its subject, sentence, paragraph, the exchange topic.
SECTOR_WEIGHTS = (6, 2, 1, 3)
#: A long paragraph must not outvote the figure's own words: its keyword counts are capped at this.
#: (A subject counts once per sector: it names one thing.)
PARAGRAPH_CAP = 3


def dominant_sector(text: str) -> str | None:
    """The sector with most keyword matches in ``text`` (a question, a turn); None if none match."""
    c = sector_counts(text) if text else {}
    order = _sector_order()
    return max(c, key=lambda k: (c[k], -order[k])) if c else None


def sector_of_counts(*counts: dict[str, int], topic: str | None = None) -> str | None:
    """The sector with the highest weighted count over keyword counts made with :func:`sector_counts`
    (of the figure's subject, sentence, paragraph, weighted by :data:`SECTOR_WEIGHTS` in order) plus a
    bonus for ``topic``; None when nothing matches. Ties go to the sector listed first in
    ``data/sectors.yml``."""
    order = _sector_order()
    score: dict[str, float] = {}
    for level, (w, c) in enumerate(zip(SECTOR_WEIGHTS, counts, strict=False)):
        for key, n in c.items():
            n = min(n, PARAGRAPH_CAP) if level == 2 else min(n, 1) if level == 0 else n
            score[key] = score.get(key, 0) + w * n
    if topic is not None:
        score[topic] = score.get(topic, 0) + SECTOR_WEIGHTS[3]
    if not score:
        return None
    return max(score, key=lambda k: (score[k], -order[k]))


@cache
def _sector_order() -> dict[str, int]:
    return {k: i for i, k in enumerate(load("sectors")["sectors"])}


# --------------------------------------------------------------------------- cue patterns
# Patterns named in this block are matched against the lower-cased text.
_APPROX_WORDS = (
    r"\b(?P<w>more than|over|exceed(?:ed|ing|s)?|surpass(?:ed|ing|es)?|in excess of|upwards of|"
    r"at least|above|nearly|almost|close to|about|approximately|around|roughly|some|"
    r"less than|fewer than|under|below|at most|up to)[ \u00a0]+(?:a total of[ \u00a0]+)?"
)


@cache
def _approx_rx() -> re.Pattern[str]:
    """A qualifier right before the number, or before the currency written before it ("surpassed RMB
    7.5 trillion", "exceeded $1.3 billion")."""
    prefixes = sorted(_units().prefixes, key=len, reverse=True)
    currency = "(?:(?:" + "|".join(re.escape(p) for p in prefixes) + r")[ \u00a0]?)?" if prefixes else ""
    return _low_rx(_APPROX_WORDS + currency + "$")


# A qualifier glued after the number: "7,000-plus", "7,000-odd" (in the surface, like a unit).
_APPROX_AFTER = _low_rx(r"-(?P<w>plus|odd)\b")
_APPROX_AFTER_KIND = {"plus": "more_than", "odd": "about"}
_APPROX_KIND = {
    "more than": "more_than", "over": "more_than", "exceed": "more_than", "surpass": "more_than",
    "in excess of": "more_than", "upwards of": "more_than", "at least": "more_than",
    "above": "more_than", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "about": "about", "approximately": "about", "around": "about", "roughly": "about",
    "some": "about", "less than": "less_than", "fewer than": "less_than", "under": "less_than",
    "below": "less_than", "at most": "less_than", "up to": "less_than",
}  # fmt: skip
_SHARE_AFTER = _low_rx(rf"^(?:\s*(?:,|and|or)\s*(?:{NUM})\s*%)*\s*(?:of\b|share\b)")
_GROWTH_AFTER = _low_rx(
    r"^\s*(?:year[- ]on[- ]year|y/y|yoy|month[- ]on[- ]month|(?:year[- ]on[- ]year )?"
    r"(?:increase|rise|growth|reduction|decrease|decline|drop|jump|surge|gain|fall|cut|hike))"
)
# Cue words start a word: the \b up front lets the engine drop positions inside words at once.
_CUE = _low_rx(
    r"\b(?:(?P<growth>growth rate|grew|grow\w*|increas\w*|rose|rise|rising|up\b|down\b|(?:up)?surg\w*|"
    r"jump\w*|climb\w*|expand\w*|decreas\w*|declin\w*|fell\b|fall\w*|drop\w*|reduc\w*|"
    r"gain\w*|accelerat\w*|slow\w*|edged|narrow\w*|widen\w*)"
    r"|(?P<share>account(?:ed|ing|s)? for|share\b|proportion|penetration|rate\b|made up|"
    r"constitut\w+|represent\w*|percent of))"
)
_SIGN = _low_rx(
    r"\b(?:(?P<neg>negative\s+growth\b|down\b|fell\b|fall\w*|decreas\w*|declin\w*|drop\w*|reduc\w*|lower\b|"
    r"slower|contract\w*|shr[ai]nk\w*|cut\b|dip\w*|slid\w*|plung\w*|narrow\w*)"
    r"|(?P<pos>up\b|rose\b|rise\b|increas\w*|grew\b|growth|higher|faster|accelerat\w*|"
    r"(?:up)?surg\w*|jump\w*|gain\w*|expand\w*))"
)
# a minus sign in words, right before the number: "minus 2.3%", "a negative 2.3%"
_MINUS_WORD = _low_rx(r"\b(?:minus|negative)[ \u00a0]+$")
_NEG_AFTER = _low_rx(
    r"^\s*(?:year[- ]on[- ]year\s+)?(?:reduction|decrease|decline|drop|fall|cut|contraction)"
)
# an amount said as a change: "a decrease of 14.2 billion kWh", "rose by 1.2 million units"
_ABS_CHANGE = _low_rx(
    r"\b(?:(?:an?\s+)?(?:year-on-year\s+)?(?:increase|rise|growth|decrease|decline|drop|reduction|fall|cut)\s+of"
    r"|(?:increased|rose|grew|decreased|declined|fell|dropped|(?:was|were)\s+(?:up|down)|up|down)\s+by"
    r"|up|down)"
    r"\s+(?:about |around |nearly |almost |more than |over |approximately )?$"
)


def _near_end(before: str, words: tuple[str, ...]) -> bool:
    """One of ``words`` is in the last 30 characters of ``before``: it must be, for a pattern ending
    "<word> [qualifier] <figure>" to match (the longest qualifier, "approximately ", is 14), and the test
    is far cheaper than the pattern."""
    near = before[-30:]
    return any(w in near for w in words)


_TO_LEVEL = _low_rx(
    r"\b(?:rose|risen|rise|rising|fell|fallen|fall|falling|dropped|drop|increased|decreased|declined|grew|"
    r"grown|climbed|edged up|edged down|went up|went down|picked up|jumped|surged|slid|slipped)\s+to\s+"
    r"(?:about |around |nearly |almost |more than |over |approximately )?$"
)
_YOY = _low_rx(r"year[- ]on[- ]year|\by/y\b|\byoy\b|from a year earlier|over last year")
_MOM = _low_rx(r"month[- ]on[- ]month|on a monthly basis|from (?:a|the previous) month")
# The baseline phrase ends at punctuation, "respectively", "and up/down ...", or where the search stops (see
# _baseline). A stop inside a run of spaces is tested only at the run's start.
_CMP_AFTER = _low_rx(
    r"[^,.;]{0,30}?\b(?:than|from|compared (?:to|with)|over|against|relative to)\s+"
    r"(?P<b>[^,.;]+?)(?=(?<!\s)\s+and\s+(?:up|down|higher|lower)\b|(?<!\s)\s+respectively|[,.;]|$)"
)
_CMP_BEFORE = _low_rx(
    r"(?:surpass\w*|exceed\w*|outpac\w*|outperform\w*)\s+"
    r"(?P<b>[^,.;]{3,80}?)\s+by\s*$"
)
_BASE_TRIM = re.compile(
    r"^(?:in |that of |those of |that in |those in )?(?:(?:the )?(?:average )?(?:growth )?"
    r"(?:rate|pace|level)s? (?:of|in|for) )?(?:the )?",
    re.IGNORECASE,
)
_HALF = re.compile(r"^(?:the )?(?:first half|H1)\b", re.IGNORECASE)
_OF_TOTAL = re.compile(
    rf"[ \u00a0]+(?:out[ \u00a0]+)?of[ \u00a0]+(?:the[ \u00a0]+)?(?:top[ \u00a0]+)?"
    rf"(?P<n>{NUM}|{NUMWORD})\b",
    re.IGNORECASE,
)
_COORD = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|to|-|–)\s*$", re.IGNORECASE)
_RESPECTIVELY = re.compile(r",?\s*respectively,?", re.IGNORECASE)


_FOR_END = re.compile(r"\bfor\s+$")
_RISE_AFTER = _low_rx(r"^\s*(?:year[- ]on[- ]year\s+)?(?:increase|rise|growth)")
_PUNCT_OR_DIGIT = re.compile(r"[,;:\d]")
_DIGIT = re.compile(r"\d")


#: No clause is looked for further than this from its figure: in a giant sentence without punctuation the
#: search would otherwise run back to the sentence start for every figure (time quadratic in its length).
CLAUSE_REACH = 400


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Start of the clause containing ``pos``: after the last , ; or : before it (>= lo)."""
    lo = max(lo, pos - CLAUSE_REACH)
    k = max(text.rfind(",", lo, pos), text.rfind(";", lo, pos), text.rfind(":", lo, pos))
    return lo if k < 0 else k + 1


def _clause_end(text: str, pos: int, hi: int) -> int:
    hi = min(hi, pos + CLAUSE_REACH)
    ends = [k for k in (text.find(",", pos, hi), text.find(";", pos, hi)) if k >= 0]
    return min(ends) if ends else hi


# --------------------------------------------------------------------------- main
def build_figures(
    text: str,
    tokens: list[Token],
    sentences: list[Sentence],
    sentence_of: list[int],
    low: str | None = None,
) -> list[Figure]:
    """Figures for the tokens whose role is ``figure``; ``sentence_of[i]`` is token i's sentence.
    ``low`` is ``lower(text)`` when the caller has it already."""
    low = lower(text) if low is None else low
    u = _units()
    figs: list[Figure] = []
    for tok, si in zip(tokens, sentence_of, strict=True):
        if tok.role != "figure" or si < 0:
            continue
        s = sentences[si]
        value = parse_number(text[tok.num_start : tok.num_end])
        pos = tok.end
        unit, kind = "count", None
        scale = 1.0
        approx = "exact"
        suffix = tok.suffix.lower()
        if suffix and suffix not in u.glued_scales:  # "384GW"
            hit = u.lookup.get(suffix)
            if hit:
                unit, kind = hit
        else:
            if suffix:  # "3.189m", "7.5bn yuan": the scale glued on
                scale = u.glued_scales[suffix]
            elif q := _APPROX_AFTER.match(low, pos, s.end):  # "7,000-plus", "7,000-odd kilometers"
                approx, pos = _APPROX_AFTER_KIND[q.group("w")], q.end()
            elif m := u.scale_rx.match(text, pos, s.end):
                scale = u.scales[m.group("s").lower()]
                pos = m.end()
                if q := _APPROX_AFTER.match(low, pos, s.end):  # "1.2 million-plus"
                    approx, pos = _APPROX_AFTER_KIND[q.group("w")], q.end()
            m = u.unit_rx.match(text, pos, s.end)
            if m and not (m.group("u") == "%" and m.start() != pos):
                unit, kind = u.lookup[m.group("u").lower()]
                pos = m.end()
            elif per := next((pu for pu, rx in u.per_capita if rx.match(text, pos, s.end)), None):
                unit = per  # "22.6 5G base stations per 10,000 people"
            elif u.prefix_rx is not None and (
                p := u.prefix_rx.search(text, max(s.start, tok.start - 5), tok.start)
            ):
                unit = u.prefixes[p.group().strip(" \u00a0")]  # "RMB 3.88 trillion"
        f = Figure(tok, value * scale, unit, kind or "level", approx, pos, si, scale)
        ot = _OF_TOTAL.match(text, tok.end, s.end)
        if ot and unit == "count":
            f.of_total = parse_number(ot.group("n"))
        figs.append(f)
    _borrow_units(text, figs)
    for k, f in enumerate(figs):
        s = sentences[f.sentence]
        _kind_and_sign(low, f, s, u.streak)
        m = _approx_rx().search(low, max(s.start, f.token.start - 40), f.token.start)
        if m:
            w = m.group("w").lower()
            f.approx = next(v for key, v in _APPROX_KIND.items() if w.startswith(key))
        prev = figs[k - 1] if k else None
        coordinated = (
            prev is not None
            and prev.sentence == f.sentence
            and prev.unit == f.unit
            and _COORD.match(text[prev.end : f.token.start]) is not None
        )
        f.group = prev.group if coordinated and prev is not None else k
    for k, f in enumerate(figs):
        nxt = figs[k + 1].token.start if k + 1 < len(figs) and figs[k + 1].sentence == f.sentence else None
        f.baseline = _baseline(text, low, f, sentences[f.sentence], nxt)
    _periods(text, figs, sentences)
    _subjects(text, low, figs, sentences)
    return figs


def _borrow_units(text: str, figs: list[Figure]) -> None:
    """'6.313 and 6.278 million': the first takes the scale and unit of the next."""
    for k in range(len(figs) - 2, -1, -1):
        f, g = figs[k], figs[k + 1]
        if f.sentence != g.sentence or f.unit != "count" or f.scale != 1.0 or f.token.suffix:
            continue
        if g.unit == "count" and g.scale == 1.0:
            continue
        if _COORD.match(text[f.end : g.token.start]):
            f.value *= g.scale
            f.scale = g.scale
            f.unit = g.unit
            f.kind = g.kind


def _kind_and_sign(low: str, f: Figure, s: Sentence, streak: re.Pattern[str]) -> None:
    """Kind from the unit and the words around the figure, and the sign of a change (all read in
    the lower-cased text ``low``)."""
    cs = _clause_start(low, s.start, f.token.start)
    before = low[max(cs, f.token.start - 80) : f.token.start]
    after = low[f.end : min(s.end, f.end + 60)]
    if f.unit in ("months", "years") and (
        streak.search(low, f.end, min(s.end, f.end + 25)) or _FOR_END.search(before[-8:])
    ):
        f.kind = "streak"
        return
    # a sign written against the number ("-2.5%", "+0.1%") or in words right before it ("minus 2.3%")
    sign = f.token.sign or ("-" if _MINUS_WORD.search(before[-12:]) else "")
    if f.unit == "times":
        f.kind = "growth"
    elif f.unit == "%":
        f.kind = _percent_kind(low, s, before, after)
        if sign and f.kind == "share":
            f.kind = "growth"  # a signed percent is a rate of change: a share is never negative
    elif f.kind == "level" and _near_end(before, ("of", "by", "up", "down")) and _ABS_CHANGE.search(before):
        f.kind = "change"  # "a decrease of 14.2 billion kWh", "rose by 1.2 million"
    if sign:  # the written sign wins over the words ("grew -11.7%"); a level may be negative (a loss)
        f.value = -abs(f.value) if sign == "-" else abs(f.value)
        return
    if f.kind not in ("growth", "pp_change", "change"):
        return
    neg = bool(_NEG_AFTER.match(after))
    if not neg and not _RISE_AFTER.match(after):
        cues = list(_SIGN.finditer(before))
        if f.kind == "pp_change":
            # "0.2 percentage points faster than": the cue comes right after the unit
            m = _SIGN.match(after.lstrip())
            if m:
                cues = [m]
        neg = bool(cues) and cues[-1].group("neg") is not None
    if neg:
        f.value = -abs(f.value)


def _percent_kind(low: str, s: Sentence, before: str, after: str) -> str:
    if _near_end(before, ("to",)) and _TO_LEVEL.search(before):  # "fell to 7 percent": the level reached
        return "share"
    if _SHARE_AFTER.match(after):
        return "share"
    if _GROWTH_AFTER.match(after):
        return "growth"
    cues = list(_CUE.finditer(before))
    if cues:
        return "growth" if cues[-1].group("growth") else "share"
    if _mentions_change(low, s.start, s.end):
        return "growth"
    return "share"


@lru_cache(maxsize=256)
def _mentions_change(low: str, start: int, end: int) -> bool:
    """The sentence says "year on year" or "month on month" somewhere (asked once per sentence)."""
    return bool(_YOY.search(low, start, end) or _MOM.search(low, start, end))


def _baseline(text: str, low: str, f: Figure, s: Sentence, nxt: int | None = None) -> str | None:
    """What the change ``f`` is measured against; ``nxt`` is where the next figure of the sentence starts.

    A baseline named after "than"/"from"/... is a phrase of the figure's own clause: it is looked for no
    further than the next figure or :data:`CLAUSE_REACH` characters, and a phrase that runs on into the
    next figure's clause is cut where that clause starts (:func:`_own_phrase`)."""
    if f.kind not in ("growth", "pp_change", "change"):
        return None
    cs = _clause_start(text, s.start, f.token.start)
    ce = _clause_end(text, f.end, s.end)
    before = low[cs : f.token.start]
    after = low[f.end : ce]
    m = _CMP_BEFORE.search(low, max(s.start, f.token.start - 120), f.token.start)
    if m:
        return _clean_baseline(text[m.start("b") : m.end("b")])
    hi = min(s.end, f.end + CLAUSE_REACH, s.end if nxt is None else nxt)
    m = _CMP_AFTER.match(low, f.end, hi)
    if m and (f.kind == "pp_change" or not _YOY.search(after + before)):
        b = text[m.start("b") : m.end("b")]
        if m.end("b") == hi < s.end:  # stopped by the bound, not by the end of the phrase
            b = _own_phrase(b)
            if not b.strip():
                return _time_baseline(before, after)
        if not _NOT_BASELINE.match(b):
            return _clean_baseline(b)
    return _time_baseline(before, after)


_CONJUNCTION = re.compile(r"\s+(?:and|or|but|while|whereas)\s+", re.IGNORECASE)


@cache
def _clause_verb() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_VERBS})\b", re.IGNORECASE)


def _own_phrase(b: str) -> str:
    """The baseline's own phrase in a comparison that runs on without punctuation into the next figure's
    clause: "steel and output grew " -> "steel". The next clause starts at the conjunction before its verb
    (or at the verb when there is none); with no verb, a trailing conjunction is dropped ("steel and ")."""
    v = _clause_verb().search(b)
    end = v.start() if v else len(b)
    conj = None
    for conj in _CONJUNCTION.finditer(b, 0, end):  # noqa: B007
        pass
    if conj is not None and (v is not None or not b[conj.end() :].strip()):
        end = conj.start()
    return b[:end]


# what follows "than"/"from" but is not a baseline: another number ("from 5% to 6%"; a year, "from 2021",
# is one), or a period
_NOT_BASELINE = re.compile(r"^(?:(?!(?:19|20)\d\d\b)\d|the first three|January)")
_TIME_CUES = ((_YOY, "a year earlier"), (_MOM, "the previous month"))


def _time_baseline(before: str, after: str) -> str | None:
    """ "Year on year" or "month on month" for a figure: the first cue after it in its clause ("3.9% year
    on year and 0.84% month on month"), else the last before it ("a year-on-year rise of 5%")."""
    first = min(((m.start(), b) for rx, b in _TIME_CUES if (m := rx.search(after))), default=None)
    if first:
        return first[1]
    last = max(((m.end(), b) for rx, b in _TIME_CUES for m in rx.finditer(before)), default=None)
    return last[1] if last else None


def _clean_baseline(b: str) -> str:
    b = _BASE_TRIM.sub("", b.strip())
    if _HALF.match(b):
        return "the first half"
    return b.strip()


# --------------------------------------------------------------------------- periods
def _periods(text: str, figs: list[Figure], sentences: list[Sentence]) -> None:
    by_sentence: dict[int, list[Figure]] = {}
    for f in figs:
        by_sentence.setdefault(f.sentence, []).append(f)
    framing: dict[tuple[int, int], Period] = {}  # paragraph -> last framing period so far
    index = {id(f): k for k, f in enumerate(figs)}
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
        for f in sfigs:
            own = _period_in_sentence(text, index[id(f)], figs, periods, starts, ends, group_end)
            f.period = own or framing.get(s.paragraph)
        first_fig = sfigs[0].token.start if sfigs else s.end
        k = bisect.bisect_left(starts, first_fig)
        if k:
            framing[s.paragraph] = periods[k - 1]


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
    # the end of f's coordinated list ("33.7% and 37.5% in the first three quarters")
    end = group_end[f.group]
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


# --------------------------------------------------------------------------- subjects
_VERBS = (
    r"grew|grow|grows|growing|grown|increased|increases|increasing|rose|rises|rising|risen|reached|reaches|"
    r"reaching|hit|hits|hitting|stood at|stands at|standing at|exceeded|exceeds|exceeding|"
    r"surpassed|surpasses|surpassing|topped|totaled|totalled|totaling|amounted to|"
    r"accounted for|accounts for|accounting for|account for|contributed to|contributes to|"
    r"contributing to|registered|recorded|posted|saw|sees|seeing|surged|jumped|climbed|expanded|"
    r"declined|decreased|fell|fallen|dropped|edged up|edged down|lessened|narrowed|widened|remained|"
    r"maintained|maintaining|retained|covered|covers|house|houses|housed|connect|connects|"
    r"connected|integrated into|marking|representing|went up|went down|go up|goes up|going up|"
    r"will total|to total|numbered|averaged|averages|averaging|was|were|is|are|up|down"
)
# _VERB_BEFORE, _MEASURE_OF and _STOP_AFTER are matched against the lower-cased text.
# Both start at a word (\b, tested first, lets the engine drop positions inside words at once) that
# does not follow an apostrophe or hyphen.
_VERB_BEFORE = _low_rx(
    rf"\b(?<!['’-])(?:(?:(?:has|have|had|was|were|is|are|will)\s+(?:been\s+)?)?(?:{_VERBS})"
    r"(?:\s+(?:an?\s+)?(?:year-on-year\s+)?(?:rise|growth|increase|decrease|decline|reduction)"
    r"\s+of)?\s+(?:by\s+|to\s+|at\s+|for\s+)?"
    r"(?:more than |over |nearly |almost |about |approximately |around |some |a total of )?$"
    r"|(?:with\s+)?(?:an?\s+)?(?:year-on-year\s+)?"
    r"(?:rise|growth|increase|decrease|decline|reduction)\s+of\s+$)"
)
# "<measure> of" right before a figure ("the output value of 2 trillion yuan"), found in two steps: the
# measure word, then up to four words before it that belong to the phrase. One pattern for both would try
# every word of the window as the phrase's start, several times slower.
_MEASURE_OF = _low_rx(
    r"\b(?<!['’-])(?P<m>capacity|value|volume|revenue|output|scale|investment|density|"
    r"range|mileage|sales|exports|imports|profits?|income|spending|targets?|goals?)\s+of\s+"
    r"(?:more than |over |nearly |almost |about |approximately |around |roughly |some )?$"
)
# the phrase starts after its last determiner, pronoun or particle: "meet its growth target",
# "phased out outdated coal production capacity"
# a target that holds a quantity to a bound: "keep total energy consumption within 4.8 billion tonnes"
_BOUND_WORDS = ("within", "under", "below")
_KEEP_WITHIN = _low_rx(
    r"\b(?:keep|kept|keeping|control|controlled|controlling|limit|limited|limiting|cap|capped|hold|held)\s+"
    r"(?P<np>[^,;]{3,60}?)\s+(?:" + "|".join(_BOUND_WORDS) + r")\s+(?:about |around |approximately )?$"
)
_LAST_DET = re.compile(
    r"\b(?:its|their|the|a|an|this|these|our|we|they|it|out|up|down|will|would|to)\s+", re.IGNORECASE
)
_WORDS_BEFORE = re.compile(r"(?<![\w'’-])(?:[\w'’-]+ ){0,4}$")
_MAIN_VERBS = (
    _VERBS + r"|continued|improved|made|achieved|showed|shown|witnessed|gained|kept|"
    r"enjoyed|became|accelerated|slowed|rebounded|recovered|strengthened|"
    r"stabilized|picked up|turned|has|have|is|are|was|were"
)
# (every verb starts with a letter: the lookahead drops a position inside a run of spaces at once)
_MAIN_VERB = re.compile(
    rf"\s(?=[a-z])(?:(?:has|have|had|was|were|is|are|will)\s+(?:been\s+)?)?(?:{_MAIN_VERBS})\b", re.IGNORECASE
)
#: First words of the verbs above, to tell quickly whether a phrase contains one.
_MAIN_VERB_WORDS = frozenset(v.split()[0] for v in _MAIN_VERBS.split("|"))
_STOP_AFTER = _low_rx(
    rf"\s(?:that|which|who|whose|being|have|has|had|were|was|are|is|will|built|{_VERBS}|"
    r"per|in|at|for|from|with|to|by|across|on|under|since|during|as|among|over|including|"
    r"nationwide|pioneering|using|providing|serving|featuring|so|compared|than)\b|[,.;:()]"
    r"|\s(?:and|or)\s+(?=\d|more than|over|nearly|about)"
    # a participle that opens a clause: "184 million rural migrant workers living in cities"
    r"|\s(?!during\b)[a-z]+ing(?=\s+(?:in|on|at|for|with|to|from|across|over|the|a|an)\b)"
    # a second verb with its object: "100 million tonnes of capacity and reduce the share of coal"
    r"|\s(?:and|or)\s+(?=[a-z]+\s+(?:the|a|an|its|their)\b)"
    r"|\sof\s+(?=\d)"  # a rating after the counted thing: "seven lines of 800 kV"
)
_BEFORE_PER = re.compile(r"[ \u00a0]+(?P<np>(?!per\b)[^,;.]+?)[ \u00a0]+per\b")
_SHORT_PAREN = re.compile(r"\([^()]{1,10}\)")
_GENERIC_NOUNS = {"units", "unit", "sets", "set", "pieces", "items", "times", "people", "yuan"}
_LEAD_TRIM = re.compile(
    r"^(?:(?:and|with|while|but|meanwhile|moreover|furthermore|additionally|in addition|respectively|"
    r"in particular|particularly|among them|of which|as a result|also|nationwide|overall|"
    r"last year|this year|so far|to date|at present|currently|now|again|as (?:i|we|he|she) (?:just )?said|"
    r"as (?:mentioned|noted|stated)(?: [^,]*)?|as you (?:have |just )?mentioned|"
    r"according to [^,]*|based on [^,]*|"
    r"(?:in|from|by|as of|during|since|for|over) [^,]*?(?:quarters?|year|months?|half|H1|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"statistics|survey))(?:,\s*|\s+|$))+",
    re.IGNORECASE,
)
_TRAIL_PERIOD = re.compile(
    r"(?<!\s)\s++(?:from|in|during|since|by|as of|over|for)\s+(?:the\s+)?(?:first|last|past|end|"
    r"beginning|start|this|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|(?:19|20)\d\d)\b.*$",
    re.IGNORECASE,
)
_SUBORDINATE = re.compile(r"\b(?:as|because|since|while|when|where|whereas|after) ", re.I)
_DET = re.compile(
    r"^(?:the |a |an |its |their |our |this |these |those |china's |a total of )+", re.IGNORECASE
)
_NUMBER_OF = re.compile(r"^(?:the )?(?:number|scale|total|amount) of (?:the )?", re.I)
_RELATIVE_WORDS = ("that", "which", "who")  # "whose" starts with "who"
# The patterns that drop a trailing part of a phrase start only where a run of spaces starts (or at a
# comma): a later start in the run could only match where the first does, and trying each one would take
# time quadratic in the run's length.
_RELATIVE = re.compile(r"(?<!\s)\s++(?:that|which|who|whose)\s.*$", re.IGNORECASE)
_APPOSITIVE_WORDS = ("including", "such as", "namely", "like")
_APPOSITIVE = re.compile(r"(?:,|(?<!\s))\s++(?:" + "|".join(_APPOSITIVE_WORDS) + r")\s.*$", re.IGNORECASE)


def _drop_from(rx: re.Pattern[str], cues: tuple[str, ...], s: str) -> str:
    """``rx.sub("", s)`` for a pattern that needs one of ``cues``: most phrases have none, and a
    substring test says so faster than the pattern."""
    low = s.lower()
    return rx.sub("", s) if any(c in low for c in cues) else s


# another number in a phrase (a year is not one: "energy consumption in 2018")
_HAS_FIGURE = re.compile(r"(?!(?:19|20)\d\d(?![\d,.]))\d(?<![A-Za-z]\d)[\d,.]*(?![\dA-Za-z])")
_TRAIL_ADVERB = re.compile(
    r"(?<!\s)\s++(?:this year|last year|still|also|now|already|currently|further|steadily|"
    r"continuously|significantly|gradually|have|has|had)\b.*$",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:it|they|this|these|that|those|which)$", re.IGNORECASE)
_DEMONSTRATIVE = re.compile(r"^(?:this|that|such)\s+(?=\w)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(?:its|their)\s+", re.IGNORECASE)
# "... in export value": the measure named after a change, up to a period phrase or punctuation
_IN_MEASURE = r"\s+in\s+(?P<np>[\w'’ -]+?)(?=(?<!\s)\s+(?:in|from|for|during|since)\s|[,.;]|$)"
_GROWTH_IN = re.compile(
    r"\s*%?\s*(?:year[- ]on[- ]year\s+)?(?:increase|rise|growth|reduction|decrease|decline|drop|cut)"
    + _IN_MEASURE,
    re.IGNORECASE,
)
_RESPECTIVELY_IN = re.compile(r",?\s*respectively," + "?" + _IN_MEASURE, re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\s+(?=\w)")
_NEXT_FIGURE = _low_rx(r"\s+(?:and|or|to)\s+(?:\d|more|over|nearly|about)")
_RELATIVE_WORD = _low_rx(r"\s(?:that|which|who)\b")
_NOT_A_NOUN = re.compile(r"(?:year|month|percentage|consecutive|of|that|which|who)\b", re.IGNORECASE)
_OF_WORD_END = re.compile(r"\bof\s+[\w-]+$")
_WITH = re.compile(r"with\b")
_LINKING_WORD = re.compile(r"(?:marking|up|down|representing)\b", re.IGNORECASE)
# the phrase after "of" starts at np and ends at the first _STOP_AFTER (punctuation is one)
_SHARE_OF = re.compile(r"\s*(?:%|percent)\s+of\s+(?P<np>(?=[^,.;]))", re.IGNORECASE)
# A share "of its kind" or "of the total" is a share of the things counted just before it.
_OWN_KIND = _low_rx(r"(?:its|their|the same) kind\b|(?:the )?total(?=\s*(?:[,.;:)]|$))")


def _subjects(text: str, low: str, figs: list[Figure], sentences: list[Sentence]) -> None:
    cache: dict[int, str] = {}

    def sentence_subject(si: int) -> str:
        if si not in cache:
            cache[si] = _sentence_subject(text, sentences[si], sentence_subject, si)
        return cache[si]

    for f in figs:
        s = sentences[f.sentence]
        subj = ""
        if f.unit not in ("%", "pp") and f.kind != "streak":
            subj = _noun_after(text, low, f, s)
        if not subj and f.kind == "growth":
            m = _GROWTH_IN.match(text, f.end, s.end)
            if m:
                subj = _tidy(m.group("np"))
        if not subj:
            subj = _noun_before(text, low, f, s, sentence_subject)
        if not subj and f.kind == "share":
            m = _SHARE_OF.match(text, f.token.end, s.end)
            if m and not _OWN_KIND.match(low, m.start("np")):  # "22% of its kind": of the count before it
                stop = _STOP_AFTER.search(low, m.start("np"), s.end)
                subj = _tidy(text[m.start("np") : stop.start() if stop else s.end])
        f.subject = subj
    _including(low, figs, sentences)
    _respectively(text, figs, sentences)
    # a figure without a subject of its own takes the previous figure's in the same sentence
    for k, f in enumerate(figs):
        if not f.subject and k > 0 and figs[k - 1].sentence == f.sentence:
            f.subject = figs[k - 1].subject
    for f in figs:
        if not f.subject:
            f.subject = sentence_subject(f.sentence) or "(unspecified)"


_INCLUDING = _low_rx(r"\b(?:including|of which|among them|among which)\b")


def _including(low: str, figs: list[Figure], sentences: list[Sentence]) -> None:
    """'20,000 new material companies, including 1,972 little giants and 248 champions': the counts
    after "including" are parts of the count before it, and their subjects say so. The head is the
    nearest figure of the same sentence before "including" (looked for backwards from the figure, in its
    sentence only)."""
    in_sentence: dict[int, list[int]] = {}
    for k, f in enumerate(figs):
        in_sentence.setdefault(f.sentence, []).append(k)
    place = {k: p for ks in in_sentence.values() for p, k in enumerate(ks)}
    for k, f in enumerate(figs):
        if f.unit != "count" or not f.subject or k == 0:
            continue
        s = sentences[f.sentence]
        m = None
        for m in _INCLUDING.finditer(low, max(s.start, f.token.start - 300), f.token.start):  # noqa: B007
            pass
        if m is None:
            continue
        same = in_sentence[f.sentence]
        h = next((same[p] for p in range(place[k] - 1, -1, -1) if figs[same[p]].end <= m.start()), None)
        if h is None:
            continue
        head = figs[h]
        between = [g for g in figs[h + 1 : k] if g.token.start > m.start()]
        if head.unit == "count" and head.subject and all(g.unit == "count" for g in between):
            f.subject = f"{f.subject} among {head.subject}"


def _respectively(text: str, figs: list[Figure], sentences: list[Sentence]) -> None:
    """Lists with "respectively": one subject per member, split from the shared phrase or taken
    pairwise from the list of figures before it in the same sentence."""
    groups: dict[int, list[int]] = {}
    in_sentence: dict[int, list[int]] = {}
    for k, f in enumerate(figs):
        groups.setdefault(f.group, []).append(k)
        in_sentence.setdefault(f.sentence, []).append(k)
    says: dict[int, bool] = {}  # sentence -> it says "respectively" (asked once per sentence, not per group)
    for first, members in sorted(groups.items()):
        n = len(members)
        si = figs[first].sentence
        s = sentences[si]
        if n < 2:
            continue
        if si not in says:
            says[si] = "respectively" in text[s.start : s.end].lower()
        if not says[si]:
            continue
        head = figs[first].subject
        parts = _split_coordination(head, n) if head else None
        if not parts:
            same = in_sentence[si]
            p = bisect.bisect_left(same, first)  # the sentence's figures before the list: same[:p]
            parts = [figs[j].subject for j in same[p - n : p]] if p >= n else None
        if not parts:
            continue
        # "an increase of 48% and 5.1%, respectively, in export value": the measure follows the list
        m = _RESPECTIVELY_IN.match(text, figs[members[-1]].end, s.end)
        measure = _tidy(m.group("np")) if m and figs[first].kind in ("growth", "share") else ""
        for k, part in zip(members, parts, strict=True):
            named = measure and measure.lower() not in part.lower()
            figs[k].subject = f"{measure} of {part}" if named else part


def _tidy(np: str, keep_relative: bool = False) -> str:
    np = np.strip(" \u00a0")
    if not keep_relative:
        np = _drop_from(_RELATIVE, _RELATIVE_WORDS, np)
    np = _NUMBER_OF.sub("", np)
    np = _DET.sub("", np)
    np = " ".join(np.split()).strip(" ,\u00a0")
    if np.count('"') % 2 or (np.count("“") != np.count("”")):
        np = np.strip('"“”')
    words = np.split()
    if len(words) > 18:
        np = " ".join(words[:18])
    return np


def _noun_after(text: str, low: str, f: Figure, s: Sentence) -> str:
    """The counted thing right after a count: '3.189 million 5G base stations built' -> ..."""
    pos = f.end
    ot = _OF_TOTAL.match(text, f.token.end, s.end)
    if ot:
        pos = max(pos, ot.end())
    if f.unit.startswith("per "):
        # the things counted, between the number and "per": none in "15.7 per 100,000"
        m = _BEFORE_PER.match(text, pos, s.end)
        return _tidy(m.group("np")) if m else ""
    hi = min(s.end, pos + 120)
    rest, rest_low = text[pos:hi], low[pos:hi]
    if not rest[:1].isspace():
        return ""
    if f.unit != "count":  # "20,000 kilometers of roads"
        m = _OF_AFTER.match(rest)
        if not m:
            return ""
        rest, rest_low = " " + rest[m.end() :], " " + rest_low[m.end() :]
    if _NEXT_FIGURE.match(rest_low):
        return ""
    # a short parenthesis belongs to the phrase ("ultra-high voltage (UHV) lines"): hidden from the stops
    m = _STOP_AFTER.search(_SHORT_PAREN.sub(lambda p: "x" * len(p.group()), rest_low))
    cut = m.start() if m else len(rest)
    keep_relative = False
    if m and _RELATIVE_WORD.match(m.group()):
        # "248 manufacturing enterprises that are champions in their categories": the clause says which
        end = re.search(r"[,.;:(]", rest[cut:])
        cut, keep_relative = cut + (end.start() if end else len(rest) - cut), True
    np = _tidy(rest[:cut], keep_relative=keep_relative)
    if not np or np.lower() in _GENERIC_NOUNS or _HAS_FIGURE.match(np):
        return ""
    if _NOT_A_NOUN.match(np):
        return ""
    return " ".join(np.split()[: 14 if keep_relative else 8])


def _noun_before(text: str, low: str, f: Figure, s: Sentence, sentence_subject) -> str:
    """The subject of the verb before the figure: 'telecom revenue grew by 6.8%' -> ..."""
    lo = max(s.start, f.token.start - 300)
    end = f.token.start
    prefix_rx = _units().prefix_rx
    if prefix_rx and (p := prefix_rx.search(text, max(lo, end - 5), end)):
        end = p.start()  # "were RMB 6.61 trillion": the verb is before the currency
    head, head_low = text[lo:end], low[lo:end]
    tail = max(0, len(head) - 60)  # the verb or "<measure> of" sits right before the figure
    m = _MEASURE_OF.search(head_low, tail)
    if m:
        w = _WORDS_BEFORE.search(head_low, tail, m.start())
        np = head[w.start() if w else m.start() : m.end("m")]
        np = _LAST_DET.split(np)[-1]  # "meet its growth target" -> "growth target"
        if not _DIGIT.search(np):
            return _tidy(_LEAD_TRIM.sub("", np.strip()))
    m = _KEEP_WITHIN.search(head_low, tail) if _near_end(head_low, _BOUND_WORDS) else None
    if m:  # "keep total energy consumption within 4.8 billion tonnes"
        return _tidy(head[m.start("np") : m.end("np")])
    m = _VERB_BEFORE.search(head_low, tail)
    if not m:
        return ""
    np = _drop_from(_APPOSITIVE, _APPOSITIVE_WORDS, head[: m.start()].rstrip(" ,"))
    clauses = np[np.rfind(";") + 1 :].split(",")  # a semicolon closes the clauses before it
    k = len(clauses) - 1
    # extend over in-phrase lists: "the added value of computer, communication, and other ..."
    while k > 0:
        prev = clauses[k - 1].strip()
        if _HAS_FIGURE.search(prev) or _LEAD_TRIM.fullmatch(prev + " "):
            break
        if len(prev.split()) <= 3 or _OF_WORD_END.search(prev):
            k -= 1
            if len(prev.split()) > 3:
                break
        else:
            break
    cand = ",".join(clauses[k:]).strip()
    cand = _LEAD_TRIM.sub("", cand)
    while not cand and k > 0:  # "Investment in X, in particular, grew"
        k -= 1
        cand = _LEAD_TRIM.sub("", clauses[k].strip())
    if _HAS_FIGURE.search(cand) or _LINKING_WORD.match(cand):
        return ""
    cand = _LEAD_TRIM.sub("", _after_last(_SUBORDINATE, cand))  # "as in June the rate ..."
    # a verb form that opens the phrase modifies its noun: "registered nurses totaled ..."
    has_verb = not _MAIN_VERB_WORDS.isdisjoint(cand.lower().split()[1:])
    if has_verb or _WITH.match(head_low[m.start() :].strip(" ,")):
        return sentence_subject(f.sentence)
    cand = _SUBORDINATE.sub("", cand)
    cand = _TRAIL_PERIOD.sub("", cand)
    if _PRONOUN.match(cand.strip()):
        return sentence_subject(f.sentence - 1) if f.sentence > 0 else ""
    pm = _POSSESSIVE.match(cand)
    if pm and f.sentence > 0:
        owner = sentence_subject(f.sentence - 1)
        if owner:
            return _tidy(f"{cand[pm.end() :]} of {owner}")
    return _tidy(cand)


def _after_last(rx: re.Pattern[str], s: str) -> str:
    """The part of ``s`` after the last match of ``rx`` (all of ``s`` if none)."""
    last = None
    for last in rx.finditer(s):  # noqa: B007
        pass
    return s[last.end() :] if last else s


def _sentence_subject(text: str, s: Sentence, sentence_subject, si: int) -> str:
    """The noun phrase before the sentence's main verb, frames and appositives removed."""
    body = _LEAD_TRIM.sub("", text[s.start : s.end])
    m = _MAIN_VERB.search(body)
    if not m:
        return ""
    np = _drop_from(_APPOSITIVE, _APPOSITIVE_WORDS, body[: m.start()])
    np = _TRAIL_PERIOD.sub("", np)
    if "," in np:
        np = np.split(",")[-1]
    np = _TRAIL_ADVERB.sub("", np.strip())
    pm = _POSSESSIVE.match(np) or _DEMONSTRATIVE.match(np)
    if pm and si > 0:  # "its output", "This growth": of what the previous sentence spoke about
        owner = sentence_subject(si - 1)
        np = f"{np[pm.end() :]} of {owner}" if owner else np
    np = _tidy(np)
    if not np or _HAS_FIGURE.search(np) or _PRONOUN.match(np):
        return ""
    return np


def _split_coordination(np: str, k: int) -> list[str] | None:
    """'output and sales of new energy vehicles' -> ['output of new energy vehicles', ...]."""
    if not np:
        return None
    m = re.match(r"^(?P<items>.+?)\s+of\s+(?P<tail>.+)$", np)
    if m:
        items = _AND_SPLIT.split(m.group("items"))
        if len(items) == k:
            return [f"{i} of {m.group('tail')}" for i in items]
        items = _AND_SPLIT.split(m.group("tail"))
        if len(items) == k:
            return [f"{m.group('items')} of {i}" for i in _share_head(items)]
    # "trade with ASEAN and the EU", "investment from France and Switzerland": the head goes with each
    m = _HEAD_WITH.match(np)
    if m:
        items = _AND_SPLIT.split(m.group("items"))
        if len(items) == k:
            return [f"{m.group('head')} {i}" for i in items]
    items = _AND_SPLIT.split(np)
    if len(items) == k:
        return _share_head(items)
    if k == 2 and len(items) > 2 and "," not in np:
        # "hospitals and primary-level medical and health institutions": the first "and" splits the
        # list; a later one sits inside a name
        return np.split(" and ", 1)
    return None


def _share_head(items: list[str]) -> list[str]:
    """'urban and rural residents' -> ['urban residents', 'rural residents']: single-word modifiers before
    a last item of several words share its head (not when that item starts with "the": "ASEAN and the
    EU")."""
    *first, last = items
    words = last.split(" ", 1)
    if len(words) == 2 and all(len(i.split()) == 1 for i in first) and not _DET.match(last):
        return [f"{i} {words[1]}" for i in first] + [last]
    return items


_AND_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_HEAD_WITH = re.compile(
    r"^(?P<head>\S+(?:\s+\S+)?\s+(?:with|from|to|in|between))\s+(?P<items>.+)$", re.IGNORECASE
)
