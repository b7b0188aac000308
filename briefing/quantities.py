"""What a figure measures: its unit and scale, its kind and sign, its qualifier (approximation), and the
baseline a change is measured against (``docs/figures.md``).

The unit vocabulary is ``data/units.yml``; the cue patterns below read the lower-cased text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import NamedTuple

from .kinds import CHANGE_KINDS
from .lexicon import Lexicon
from .numbers import NUM, NUMWORD
from .records import Figure, Sentence
from .text import lower_pattern
from .vocab import load


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
    dollars: dict[str, re.Pattern[str]]  # a dollar's unit -> how a text names it ("HK$", "Hong Kong dollars")


def _units(lexicon: Lexicon | None = None) -> _Units:
    """The unit vocabulary of ``lexicon`` (the bundled one by default), compiled once per lexicon."""
    return _compile_units(lexicon or Lexicon.bundled())


@cache
def _stocks() -> frozenset[str]:
    """Units of a stock that an amount "added" changes: money (the currency prefixes' units) and the weight of
    a holding ("gold ETFs added 9.53 tonnes"); a count or length of new things stays a level."""
    return frozenset(_units().prefixes.values()) | {"tonnes", "kg", "ounces"}


@lru_cache(maxsize=8)
def _compile_units(lexicon: Lexicon) -> _Units:
    spec = lexicon.units
    words: list[tuple[str, str, str | None]] = []
    for u in spec["units"]:
        for w in u["words"]:
            words.append((w, u["unit"], u.get("kind")))
    words.sort(key=lambda x: len(x[0]), reverse=True)
    alts = []
    for w, _, _ in words:
        e = re.escape(w)
        alts.append(e + (r"(?![A-Za-z])" if w[-1].isalpha() else ""))
    # a space (or one line break: a hard-wrapped text) or nothing before the unit word; a hyphen before a
    # percent word ("the 2.3-percent growth rate", "a 0.49-percentage-point increase"), after a scale word
    # ("1 trillion-yuan") or between the digits and a unit written short ("2- to 3-cm", "a 500-km line")
    unit_rx = re.compile(
        r"(?:[ \n]|-(?=per)|(?<=[A-Za-z])-|(?<=\d)-(?=[A-Za-z]{1,3}\b))?(?P<u>" + "|".join(alts) + ")",
        re.IGNORECASE,
    )
    lookup = {w.lower(): (unit, kind) for w, unit, kind in words}
    scales = {k.lower(): float(v) for k, v in spec["scales"].items()}
    scale_rx = re.compile(
        r"[ \n](?P<s>" + "|".join(sorted(scales, key=len, reverse=True)) + r")(?![A-Za-z])",
        re.IGNORECASE,
    )
    per_capita = [
        (p["unit"], re.compile(r" +(?:[\w+-]+ +){0,3}?" + p["pattern"])) for p in spec["per_capita"]
    ]
    streak = _low_rx(r"\b(?:" + "|".join(re.escape(w) for w in spec["streak_words"]) + r")\b")
    prefixes = dict(spec.get("prefixes", {}))
    prefix_rx = (
        re.compile("(?:" + "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True)) + r") ?$")
        if prefixes
        else None
    )
    glued = {k.lower(): float(v) for k, v in spec.get("glued_scales", {}).items()}
    names = spec.get("dollar_names", {})
    dollars = {unit: re.compile("|".join(ws), re.IGNORECASE) for unit, ws in names.items()}
    return _Units(unit_rx, lookup, scales, scale_rx, per_capita, streak, prefix_rx, prefixes, glued, dollars)


# --------------------------------------------------------------------------- cue patterns
# Patterns named in this block are matched against the lower-cased text.
@cache
def _qualifiers() -> tuple[dict[str, str], dict[str, str]]:
    """The qualifier words of ``data/qualifiers.yml``: (word before the number -> approx, word glued after
    it -> approx), lower-cased."""
    spec = load("qualifiers")
    before = {w.lower(): code for code, ws in spec["before"].items() for w in ws}
    after = {w.lower(): code for code, ws in spec["after"].items() for w in ws}
    return before, after


def _alternation(words: Iterable[str]) -> str:
    """The words as one alternation, longest first."""
    return "|".join(re.escape(w).replace("\\ ", " ") for w in sorted(words, key=len, reverse=True))


_UP_VERB = "".join(f"(?<!{re.escape(v)} )" for v in load("qualifiers")["up_to_not_after"])
_APPROX_WORDS = rf"\b(?:(?!up to\b)|{_UP_VERB})(?P<w>{_alternation(_qualifiers()[0])}) +(?:a total of +)?"
#: An optional qualifier before a figure (at the end of the text before it), from the same list.
_QUALIFIER = rf"(?:(?:{_alternation(_qualifiers()[0])}) )?"


@cache
def _approx_rx() -> re.Pattern[str]:
    """A qualifier right before the number, or before the currency written before it ("surpassed RMB
    7.5 trillion", "exceeded $1.3 billion")."""
    prefixes = sorted(_units().prefixes, key=len, reverse=True)
    currency = "(?:(?:" + "|".join(re.escape(p) for p in prefixes) + r") ?)?" if prefixes else ""
    return _low_rx(_APPROX_WORDS + currency + "$")


# A qualifier glued after the number: "7,000-plus", "7,000-odd" (in the surface, like a unit).
_APPROX_AFTER = _low_rx(rf"-(?P<w>{_alternation(_qualifiers()[1])})\b")
_APPROX_AFTER_KIND = _qualifiers()[1]
_APPROX_KIND = _qualifiers()[0]
_SHARE_AFTER = _low_rx(rf"^(?:\s*(?:,|and|or)\s*(?:{NUM})\s*%)*\s*(?:of\b|share\b)")
# the later percents of a list, between a percent and the words said of all of them
_LATER_PERCENTS = r"(?:(?:,\s*(?:and\s+)?|and\s+)\d[\d.,]*\s?(?:%|percent|per cent)\s*)*"
_GROWTH_AFTER = _low_rx(
    r"^\s*(?:year[- ]on[- ]year|y/y|yoy|month[- ]on[- ]month|quarter[- ]on[- ]quarter|[yqm]-o-[yqm]\b|qoq\b|"
    r"(?:higher|lower)\b(?! than)|(?:year[- ]on[- ]year )?"
    r"(?:increase|rise|growth|reduction|decrease|decline|drop|jump|surge|gain|fall|cut|hike)"
    r"|(?:[a-z]+ ){1,2}growth rate\b"  # "the 5.3% GDP growth rate"
    r"|(?:more|less|fewer) than\b"  # "9% more than in 2023": a change against the year named
    # "10.8 percent lower than at other hospitals", "10.8 percent and 23.5 percent higher than ...": a
    # relative difference, said of each item of the list before the comparison
    r"|" + _LATER_PERCENTS + r"(?:higher|lower) than\b)"
)
# Cue words start a word: the \b up front lets the engine drop positions inside words at once.
_CUE = _low_rx(
    # "grew at an average annual rate of 22.5 percent", "inflation (rate) was 3.4%": a rate of change
    r"\b(?:(?P<growth>(?:grew|grow\w*|increas\w*|rose|risen|expand\w*|declin\w*|fell|fallen|decreas\w*) at "
    r"(?:an? |the )?(?:[\w-]+ ){0,2}rate of|inflation(?: rate)?|"
    r"growth rate|grew|grow\w*|increas\w*|rose|rise|rising|up\b|down\b|(?:up)?surg\w*|"
    r"jump\w*|climb\w*|expand\w*|decreas\w*|declin\w*|fell\b|fall\w*|drop\w*|reduc\w*|"
    r"gain\w*|accelerat\w*|slow\w*|edged|narrow\w*|widen\w*|shr[ai]nk\w*|contract\w*|plung\w*|soar\w*)"
    r"|(?P<share>contribution rate(?: to (?:\w+ )?growth)?|account(?:ed|ing|s)? for|share\b|proportion|"
    r"penetration|rate\b|made up|"
    r"constitut\w+|represent\w*|percent of))"
)
_SIGN = _low_rx(
    r"\b(?:(?P<neg>negative\s+growth\b|down\b|fell\b|fall\w*|decreas\w*|declin\w*|drop\w*|reduc\w*|lower\b|"
    r"slower|contract\w*|shr[ai]nk\w*|cut\b|dip\w*|slid\w*|plung\w*|narrow\w*)"
    r"|(?P<pos>up\b|rose\b|rise\b|increas\w*|grew\b|growth|higher|faster|accelerat\w*|"
    r"(?:up)?surg\w*|jump\w*|gain\w*|expand\w*))"
)
# a minus sign in words, right before the number: "minus 2.3%", "a negative 2.3%"
_MINUS_WORD = _low_rx(r"\b(?:minus|negative) +$")
_NEG_AFTER = _low_rx(
    r"^\s*(?:year[- ]on[- ]year\s+)?"
    r"(?:reduction|decrease|decline|drop|fall|cut|contraction|less\b|fewer\b|"
    + _LATER_PERCENTS
    + r"lower than\b)"
)
# an amount said as a difference: "180,000 more than a year earlier", "1,200 fewer"
_MORE_AFTER = _low_rx(r"\s*(?:more|fewer|less)\b")  # matched at the end of the figure
# a currency written before an amount ("up by USD 15.2 billion", "an increase of RMB 3 billion")
_CURRENCY_BEFORE = rf"(?:(?:{_alternation(p.lower() for p in load('units')['prefixes'])})\s*)?"
# an amount said as a change: "a decrease of 14.2 billion kWh", "rose by 1.2 million units"
_ABS_CHANGE = _low_rx(
    r"\b(?:(?:an?\s+)?(?:year-on-year\s+)?(?:increase|rise|growth|gain|decrease|decline|drop|reduction|fall|cut)\s+of"
    r"|(?:increased|rose|risen|grew|grown|decreased|declined|fell|fallen|dropped|(?:was|were)\s+(?:up|down)|"
    r"up|down)\s+by"
    # a verb of change right before the amount, without "by": "NPLs rising 109.4 billion yuan", "grew more
    # than 650 billion yuan" (issue 15; a percent is read apart)
    r"|increased|increasing|rose|rising|risen|grew|growing|grown|gained|decreased|decreasing|"
    r"declined|declining|fell|falling|fallen|dropped|dropping|shrank|jumped|surged|climbed"
    r"|up|down)"
    r"\s+"
    + _QUALIFIER
    # a currency written before the amount: "up by USD 15.2 billion", "an increase of RMB 3 billion"
    + _CURRENCY_BEFORE
    # the later items of a list ("rose by 12.1, 8.4 and 6.3 points, respectively")
    + rf"(?:{NUM}(?:,\s*(?:and\s+)?|\s+and\s+))*$"
)


# money added to a stock: "provisions added 83.5 billion yuan to reach 2.1 trillion yuan" (not a count or a
# length: "adding about 130 new trunk optical cables", "adding more than 9,000 kilometers of lines")
_ADDED = _low_rx(r"\b(?:added|adding)\s+" + _QUALIFIER + _CURRENCY_BEFORE + "$")


# an amount in brackets right after another: "19.75 trillion yuan (about 2.75 trillion U.S. dollars)"; the
# match starts where the first amount starts
_CONVERSION = _low_rx(
    rf"(?:(?:{NUM})\s*%\s*\(\s*or\s+|"  # "increased by 0.3% (or 50,000 people)"
    rf"(?:{NUM})\s*(?:[a-z]+\s*){{0,3}}\(\s*(?:about|around|roughly|approximately|nearly|or|some)?\s*)"
    + _CURRENCY_BEFORE
    + "$"
)
# the object of a verb of change (up to seven words: "lowering carbon emissions per unit of GDP"), then "by"
# and the amount
_OBJECT_BY = r"\s+(?:[\w'’-]+\s+){1,7}by\s+" + _QUALIFIER + "$"
# a verb of change, its object, then "by" and the amount: "reduce logistics costs by 98.1 billion yuan"
_VERB_OBJECT_BY = _low_rx(
    r"\b(?:reduc(?:e|ed|es|ing)|cut(?:s|ting)?|lower(?:ed|s|ing)?|increas(?:e|ed|es|ing)|rais(?:e|ed|es|ing)|"
    r"boost(?:ed|s|ing)?|sav(?:e|ed|es|ing))" + _OBJECT_BY
)


def _near_end(before: str, words: tuple[str, ...]) -> bool:
    """One of ``words`` is in the last 30 characters of ``before``: it must be, for a pattern ending
    "<word> [qualifier] <figure>" to match (the longest qualifier, "approximately ", is 14), and the test
    is far cheaper than the pattern."""
    near = before[-30:]
    return any(w in near for w in words)


_TO_LEVEL = _low_rx(
    # every form of the verb: "saw their bad loan ratio increase to 1.5 percent" is a level (issue 15)
    r"\b(?:rose|risen|rises?|rising|fell|fallen|falls?|falling|dropped|drops?|increase[sd]?|increasing|"
    r"decrease[sd]?|decreasing|decline[sd]?|declining|grew|grows?|grown|growing|climb(?:s|ed|ing)?|"
    r"edged up|edged down|went up|went down|go(?:es)? (?:up|down)|picked up|jump(?:s|ed)?|surge[sd]?|"
    r"slid|slides?|slipped|slips?|soar(?:s|ed)?|plunge[sd]?|expand(?:s|ed)?|narrow(?:s|ed)?|"
    r"widen(?:s|ed)?)\s+to\s+" + _QUALIFIER + "$"
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
    rf" +(?:out +)?of +(?:the +)?(?:top +)?"
    rf"(?P<n>{NUM}|{NUMWORD})\b",
    re.IGNORECASE,
)
# (the first may keep a hyphen of its own: "Two- to 3-cm", "5- and 10-year bonds")
_COORD = re.compile(r"^[-–]?\s*(?:,\s*(?:and|or)?|and|or|to|-|–)\s*$", re.IGNORECASE)


_FOR_END = re.compile(r"\bfor\s+$")
_STREAK_OTHER = _low_rx(r"\s+(?:consecutive|straight|successive)\s+(?:quarters?|weeks?|sessions?|seasons?)\b")
_STREAK_HYPHEN = _low_rx(r"-(?P<u>day|month|year)[- ](?:continuous|consecutive|straight|successive)\b")
_RISE_AFTER = _low_rx(r"^\s*(?:year[- ]on[- ]year\s+)?(?:increase|rise|growth)")
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


# The verbs that report a figure: the clause verb of a baseline here, and the verb a subject comes before
# (subjects.py).
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


# a yield said with "per mu" before the amount: "the yield per mu was 367.7 kilograms"
_PER_MU_BEFORE = _low_rx(r"\bper mu (?:(?:was|is|reached|stood at|rose to|hit) )?" + _QUALIFIER + "$")
# the clause before a figure is only a list separator ("12.1, 8.4 and 6.3"): the list's verb is further back
_LIST_BEFORE = re.compile(rf"^\s*(?:(?:and\s+)?|(?:{NUM})\s+and\s+)$")


#: words one of which must be near the end of the text before an amount said as a change (a quick test
#: before :data:`_ABS_CHANGE`)
_CHANGE_ENDS = ("of", "by", "up", "down", "ris", "ros", "gre", "gro", "gain", "creas", "clin", "fell",
                "fall", "drop", "shrank", "jump", "surg", "climb")  # fmt: skip


def _kind_and_sign(low: str, f: Figure, s: Sentence, streak: re.Pattern[str]) -> None:
    """Kind from the unit and the words around the figure, and the sign of a change (read in ``low``)."""
    cs = _clause_start(low, s.start, f.token.start)
    before = low[max(cs, f.token.start - 80) : f.token.start]
    after = low[f.end : min(s.end, f.end + 60)]
    if f.unit in ("days", "months", "years") and (
        streak.search(low, f.token.end, min(s.end, f.end + 25)) or _FOR_END.search(before[-8:])
    ):  # "for 36 months", "the previous three consecutive months"
        f.kind = "streak"
        return
    if f.unit == "count" and (m := _STREAK_HYPHEN.match(low, f.token.end, s.end)):
        f.unit, f.kind = m.group("u") + "s", "streak"  # "the previous five-month continuous upward trend"
        return
    if f.unit == "count" and _STREAK_OTHER.match(low, f.token.end, s.end):
        f.kind = "streak"  # "for 8 consecutive quarters": a streak in periods the unit vocabulary lacks
        return
    # a sign written against the number ("-2.5%", "+0.1%") or in words right before it ("minus 2.3%")
    sign = f.token.sign or ("-" if _MINUS_WORD.search(before[-12:]) else "")
    if f.unit == "kg" and _PER_MU_BEFORE.search(before):
        f.unit = "kg/mu"  # "the yield per mu was 367.7 kilograms": a yield, as "367.7 kilograms per mu"
    if f.unit == "times" and f.scale >= 1000:
        f.unit = "count"  # "1.8 billion times": visits or views counted (person-times), not a multiple
    if f.unit == "times":
        # a multiple ("1.5 times", "doubled", "double that of 2015") is one level against another, not a
        # percent change: a `level` in `times` (as the real-text labellers read it, three of three)
        f.kind = "level"
    elif f.unit == "%":
        f.kind = _percent_kind(low, s, before, after, f.token.start)
        if sign and f.kind == "share":
            f.kind = "growth"  # a signed percent is a rate of change: a share is never negative
    elif f.kind == "level" and (
        (_near_end(before, _CHANGE_ENDS) and _ABS_CHANGE.search(before))
        or (f.unit in _stocks() and _near_end(before, ("add",)) and _ADDED.search(before))
        or (
            _LIST_BEFORE.search(before)
            and _ABS_CHANGE.search(low, max(s.start, f.token.start - 80), f.token.start)
        )
    ):
        f.kind = "change"  # "a decrease of 14.2 billion kWh", "rose by 1.2 million", "by 12.1, 8.4 and 6.3"
    elif f.kind == "level" and _near_end(before, ("(",)) and (m := _CONVERSION.search(before)):
        # the same amount in another currency, in brackets after it: "rose by 19.75 trillion yuan (about
        # 2.75 trillion U.S. dollars)" is a change too
        at = f.token.start - len(before) + m.start()
        if _ABS_CHANGE.search(low, max(s.start, at - 80), at):
            f.kind = "change"
    elif f.kind == "level" and _near_end(before, ("by",)) and _VERB_OBJECT_BY.search(before):
        f.kind = "change"  # "reduce logistics costs by 98.1 billion yuan"
    elif f.kind == "level" and _MORE_AFTER.match(low, f.end, s.end):
        f.kind = "change"  # "7.35 million people, 180,000 more than a year earlier"
    if sign:  # the written sign wins over the words ("grew -11.7%"); a level may be negative (a loss)
        f.kind = "change" if sign == "+" and f.kind == "level" else f.kind  # "gains in care (+24,000)"
        f.value = -abs(f.value) if sign == "-" else abs(f.value)
        return
    if f.kind not in CHANGE_KINDS:
        return
    if _near_end(before, ("from", "than", "with", "to")) and _COMPARED_END.search(before):
        return  # "down from 9.2 percent in September", "slower than 2 percent": the other side, as said
    neg = bool(_NEG_AFTER.match(after))
    if not neg and not _RISE_AFTER.match(after):
        if m := _VERB_OBJECT_SIGN.search(before):  # "dragging down CPI growth by 0.03 points"
            neg = m.group("neg") is not None
        else:
            cues = list(_SIGN.finditer(before))
            if not cues and (_LIST_BEFORE.search(before) or _LIST_ITEMS.fullmatch(before)):
                cues = _list_head_cue(low, s.start, cs)  # "fell 56.8%, 96.1% and 62.6%": the head's verb
            if f.kind == "pp_change":
                # "0.2 percentage points faster than": the cue comes right after the unit
                m = _SIGN.match(after.lstrip())
                if m:
                    cues = [m]
            neg = bool(cues) and cues[-1].group("neg") is not None
            if neg and _near_end(before, ("by",)) and _NARROWED_FALL.search(before):
                neg = False  # "the decrease narrowed by 0.4 points", "narrowing the decline by 0.5 points"
    if neg:
        f.value = -abs(f.value)


# the items of a list before a later item: numbers with their units, commas and "and" ("56.8%, 96.1%, ")
_LIST_ITEMS = re.compile(
    rf"(?:\s*(?:{NUM})\s*(?:%|percent|per cent|percentage points?|points?)?\s*(?:,|\band\b)?)+\s*"
)


def _list_head_cue(low: str, lo: int, cs: int) -> list[re.Match[str]]:
    """The sign cue of a list whose later item starts at ``cs`` (a comma list: "fell 56.8%, 96.1%, 62.6%
    and 59.3%"): the last cue before the list's first item, when only list items stand between them."""
    window = low[max(lo, cs - 120) : cs]
    cues = list(_SIGN.finditer(window))
    if cues and _LIST_ITEMS.fullmatch(window, cues[-1].end()):
        return cues[-1:]
    return []


# a percent after the words that set it against another: the other value, not a change of the figure's own
_COMPARED_END = _low_rx(
    r"\b(?:(?:up|down|higher|lower|faster|slower|accelerat\w*|decelerat\w*)\s+(?:from|than)|"
    r"(?:compared|as against)\s+(?:with|to))\s+(?:[\w]+['’]s?\s+)?" + _QUALIFIER + "$"
)
# a verb of change with its object, then "by": the verb gives the sign ("dragging down CPI growth by")
_VERB_OBJECT_SIGN = _low_rx(
    r"\b(?:(?P<neg>dragg?\w*(?:\s+down)?|pull\w*\s+down|lower\w*|reduc\w*|cut\w*)|"
    r"(?P<pos>push\w*\s+up|lift\w*|rais\w*|boost\w*|driv\w*\s+up))" + _OBJECT_BY
)
# a fall that narrows is a rise: "the decrease narrowed by", "narrowing the decline by"
_FALL = r"(?:decrease|decline|drop|fall|contraction)s?"
_NARROWED_FALL = _low_rx(
    rf"\b(?:narrow\w*\s+(?:the\s+|its\s+)?{_FALL}|{_FALL}\s+(?:[\w-]+\s+){{0,3}}narrow\w*)"
    rf"\s+(?:[\w-]+\s+){{0,4}}?by\s+" + _QUALIFIER + "$"
)


# a percent set against an earlier one: "rose 5%, compared with 3% last year" (the same measure, then)
_AGAINST_END = _low_rx(
    r"\b(?:compared (?:with|to)|as against|against|versus|vs\.?|up from|down from)\s+" + _QUALIFIER + "$"
)


# a percent whose change follows in points: "the ratio was 1.86%, a decrease of 0.08 percentage points"
_POINTS_AFTER = _low_rx(
    r"^\s*[,(]\s*(?:an?\s+)?(?:year[- ]on[- ]year\s+)?(?:increase|decrease|rise|drop|decline|fall|up|down)"
    rf"(?:\s+(?:of|by))?\s+{_QUALIFIER}(?:{NUM})\s*(?:percentage[- ]points?|pp)\b"
)
# the two ends of a change: "has risen from 12.7 percent (1973-76) to 22.96 percent", both levels
_MOVED_FROM = (
    r"\b(?:rose|risen|rise|rising|fell|fallen|fall|falling|dropped|increased|decreased|declined|grew|grown|"
    r"climbed|went up|went down|jumped|surged)\s+from\s+"
)
_FROM_LEVEL = _low_rx(_MOVED_FROM + _QUALIFIER + "$")
_FROM_TO_LEVEL = _low_rx(
    rf"{_MOVED_FROM}{_QUALIFIER}(?:{NUM})\s*(?:%|percent|per cent)[^,;%]{{0,50}}?\s+to\s+" + _QUALIFIER + "$"
)
# the level a measure reaches: "expected to reach 23 percent", not "growth reached 5%"
_REACH_LEVEL = _low_rx(r"\b(?:reach|reached|reaches|reaching)\s+" + _QUALIFIER + "$")
# read in the figure's whole clause (up to 200 characters before it), after its last cue of change:
# "the contribution of scientific and technological advances to economic growth would exceed 60%" (a
# contribution rate: a share); "the interest rate of business loans ... was 4.63%" (a price in percent,
# no part of a whole: a level)
_CONTRIBUTION = _low_rx(r"\bcontribution of (?:[\w'’-]+ ){1,8}?to (?:\w+ )?growth\b")
_PRICE_RATE = _low_rx(
    r"\b(?:interest|lending|loan|deposit|mortgage|tax|vat|coupon) rates?\b"
    r"|\b(?:bond|treasury|dividend) yields?\b"
)
_CHANGE_WORD = _low_rx(r"\b(?:grow\w*|increase\w*|rise|rose|gain\w*|decline\w*|decrease\w*|drop\w*|fall\w*)")


def _percent_kind(low: str, s: Sentence, before: str, after: str, at: int | None = None) -> str:
    if _near_end(before, ("to",)) and _TO_LEVEL.search(before):  # "fell to 7 percent": the level reached
        return "share"
    if _near_end(before, ("from",)) and _FROM_LEVEL.search(before):  # "risen from 12.7 percent to ..."
        return "share"
    if _near_end(before, ("to",)) and _FROM_TO_LEVEL.search(before):  # "... to 22.96 percent"
        return "share"
    if at is not None:
        wide = low[max(_clause_start(low, s.start, at), at - 200) : at]
        found = [
            (m.end(), k)
            for k, rx in (("share", _CONTRIBUTION), ("level", _PRICE_RATE))
            for m in rx.finditer(wide)
        ]
        if found:
            end, kind = max(found)
            if not any(c.group("growth") for c in _CUE.finditer(wide, end)):
                return kind
    if (
        _near_end(before, ("reach",))
        and (m := _REACH_LEVEL.search(before))
        and not _CHANGE_WORD.search(before, max(0, m.start() - 25), m.start())
    ):
        return "share"
    if _near_end(before, ("with", "to", "against", "from", "versus", "vs")) and _AGAINST_END.search(before):
        end = s.start if at is None else at - len(before)  # the cues before this clause
        cues = list(_CUE.finditer(low, s.start, max(s.start, end)))
        if cues:  # the kind of the measure it is set against
            return "growth" if cues[-1].group("growth") else "share"
    if _SHARE_AFTER.match(after):
        return "share"
    if _near_end(before, ("by",)) and _VERB_OBJECT_BY.search(before):
        return "growth"  # "lowering carbon emissions per unit of GDP by over 65%": the change of its object
    if _GROWTH_AFTER.match(after):
        return "growth"
    cues = list(_CUE.finditer(before))
    if cues:
        return "growth" if cues[-1].group("growth") else "share"
    if _POINTS_AFTER.match(after):  # no cue of its own, and its change in points follows: a rate's level
        return "share"
    if at is not None:
        # no cue in its own clause: a later item of a list ("rose by 44.5%, 36.3% and 23.5%, respectively",
        # "a surge of 8.4%, followed by 8% in the west") measures what the clause before it measured
        end = at - len(before)
        cues = list(_CUE.finditer(low, max(s.start, end - CLAUSE_REACH), max(s.start, end)))
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
    if f.kind not in CHANGE_KINDS:
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
