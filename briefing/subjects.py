"""The subject of each figure: the noun phrase that says what is counted or measured (``docs/figures.md``).

"3.189 million 5G base stations" (the phrase after a count), "telecom revenue grew by 6.8%" (the phrase
before the verb), "22% of its kind", "including" parts, "respectively" lists, and the sentence's own
subject when the figure has none.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from .quantities import _DIGIT, _OF_TOTAL, _QUALIFIER, _VERBS, _low_rx, _near_end, _units
from .records import Figure, Sentence
from .vocab import load

# _VERB_BEFORE, _MEASURE_OF and _STOP_AFTER are matched against the lower-cased text.
# Both start at a word (\b, tested first, lets the engine drop positions inside words at once) that
# does not follow an apostrophe or hyphen.
_VERB_BEFORE = _low_rx(
    rf"\b(?<!['’-])(?:(?:(?:has|have|had|was|were|is|are|will)\s+(?:been\s+)?)?(?:{_VERBS})"
    r"(?:\s+(?:an?\s+)?(?:year-on-year\s+)?(?:rise|growth|increase|decrease|decline|reduction)"
    r"\s+of)?\s+(?:by\s+|to\s+|at\s+|for\s+)?" + _QUALIFIER + r"(?:a total of )?$"
    r"|(?:with\s+)?(?:an?\s+)?(?:year-on-year\s+)?"
    r"(?:rise|growth|increase|decrease|decline|reduction)\s+of\s+$)"
)
# "<measure> of" right before a figure ("the output value of 2 trillion yuan"), found in two steps: the
# measure word, then up to four words before it that belong to the phrase. One pattern for both would try
# every word of the window as the phrase's start, several times slower.
_MEASURE_OF = _low_rx(
    r"\b(?<!['’-])(?P<m>capacity|value|volume|revenue|output|scale|investment|density|"
    r"range|mileage|sales|exports|imports|profits?|income|spending|targets?|goals?)\s+of\s+"
    + _QUALIFIER
    + "$"
)
# the phrase starts after its last determiner, pronoun or particle: "meet its growth target",
# "phased out outdated coal production capacity"
# a target that holds a quantity to a bound: "keep total energy consumption within 4.8 billion tonnes"
_BOUND_WORDS = ("within", "under", "below")
_KEEP_WITHIN = _low_rx(
    r"\b(?:keep|kept|keeping|control|controlled|controlling|limit|limited|limiting|cap|capped|hold|held)\s+"
    r"(?P<np>[^,;]{3,60}?)\s+(?:" + "|".join(_BOUND_WORDS) + r")\s+" + _QUALIFIER + "$"
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
    _stand_alone(text, low, figs, sentences, sentence_subject)


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


# --------------------------------------------------------------------------- subjects that stand alone
# (issue 14): the phrase found above says what is measured; these rules add what a reader needs when the
# label is seen alone: a change named as a change, a share with its part and whole, a streak with what went
# on, a count with its condition. The words are in data/subjects.yml.


@dataclass(frozen=True)
class _Words:
    up: re.Pattern[str]
    down: re.Pattern[str]
    names: dict[str, dict[str, str]]
    contribution: re.Pattern[str]
    period_baseline: re.Pattern[str]
    share_verb: re.Pattern[str]
    streak_nouns: dict[str, str]
    streak_verb: re.Pattern[str]
    carriers: frozenset[str]
    aux: re.Pattern[str]
    participle: re.Pattern[str]
    condition_verb: re.Pattern[str]
    bare: re.Pattern[str]
    verb_anywhere: re.Pattern[str]
    built_before: re.Pattern[str]
    growth_word: re.Pattern[str]
    growth_kinds: dict[str, str]


def _alt(words) -> str:
    return "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))


@cache
def _words() -> _Words:
    w = load("subjects")
    nouns = {k.lower(): v for k, v in w["streak_nouns"].items()}
    return _Words(
        re.compile(rf"\b(?:{_alt(w['change_up'])})\b"),
        re.compile(rf"\b(?:{_alt(w['change_down'])})\b"),
        w["change_names"],
        re.compile(rf"\b(?:{_alt(w['contribution'])})\b"),
        re.compile(rf"\b(?:{_alt(w['period_baseline'])})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{_alt(w['share_verbs'])})\s+$"),
        nouns,
        re.compile(rf"^(?:{_alt(list(nouns) + w['streak_carriers'])})\b"),
        frozenset(x.lower() for x in w["streak_carriers"]),
        re.compile(rf"^(?:(?:{_alt(w['auxiliaries'])})\s+)+"),
        re.compile(
            rf"^\s+(?:(?:{_alt(w['auxiliaries'])})\s+)*(?P<p>(?:[a-z]+ly\s+)?(?:{_alt(w['participles'])}|[a-z]+ed)"
            r"(?:\s+(?:and|or)\s+[a-z]+ed)?\b(?:\s+(?:for|to|into|by|with)\s+[^,;.()]{1,60}?)?"
            # or a present participle with its object: "rural migrant workers living in cities"
            r"|(?!(?:including|according|during|following|excluding|accounting|being)\b)[a-z]{3,}ing\s+[^,;.()]{2,60}?)"
            r"(?=\s*(?:[,;.(]|$|\s(?:as of|by the end|in the|from|since|and|while|with|up|down)\b))"
        ),
        re.compile(
            rf"^\s+(?P<p>(?:{_alt(w['condition_verbs'])})\s[^,;.()]{{3,80}}?)(?=\s*(?:[,;.(]|$|\s(?:and|while)\s))"
        ),
        re.compile(rf"^(?:{_alt(w['bare_modifiers'])})\s+(?=\w)", re.IGNORECASE),
        re.compile(rf"\b(?:{_alt(list(nouns) + w['streak_carriers'] + w['auxiliaries'])})\b"),
        re.compile(
            rf"\b(?:has|have|had|was|were)\s+(?P<p>{_alt(w['participles'])}|[a-z]+ed)\s+(?:{_QUALIFIER})$"
        ),
        re.compile(rf"\b(?:{_alt(w['growth_words'])})\b", re.IGNORECASE),
        {k.lower(): v for k, v in w["growth_kinds"].items()},
    )


def _same_sentence_before(figs: list[Figure], k: int, skip_points: bool = False) -> Figure | None:
    """The figure before ``figs[k]`` in its sentence (with ``skip_points``, the last one not in points)."""
    j = k - 1
    while skip_points and j >= 0 and figs[j].sentence == figs[k].sentence and figs[j].kind == "pp_change":
        j -= 1
    return figs[j] if j >= 0 and figs[j].sentence == figs[k].sentence else None


def _stand_alone(
    text: str, low: str, figs: list[Figure], sentences: list[Sentence], sentence_subject
) -> None:
    w = _words()
    turn_start: dict[int, int] = {}
    for sent in sentences:
        turn_start.setdefault(sent.turn, sent.start)
    for k, f in enumerate(figs):
        s = sentences[f.sentence]
        if f.kind == "growth":
            f.subject = _growth_owner(
                text, low, f, s, _resolve_industry(text, low, f.subject, s, turn_start[s.turn])
            )
        if f.kind in ("level", "change") and f.unit not in ("%", "pp"):
            old = f.subject
            f.subject = _count_condition(text, low, f, s, w, sentence_subject, turn_start[s.turn])
            for g in figs[k + 1 :]:  # a rate that took this figure's phrase takes its condition too
                if g.sentence != f.sentence or g.subject != old or g.kind in ("level", "change"):
                    break
                g.subject = f.subject
        elif f.kind == "share":
            f.subject = _share(text, low, figs, k, s, w)
    for k, f in enumerate(figs):
        s = sentences[f.sentence]
        if f.kind == "pp_change":
            f.subject = _point_change(text, low, figs, k, s, w)
        elif f.kind == "streak":
            f.subject = _streak(text, low, f, s, w)
    for f in figs:  # last: the rules above read the phrase of the rate, not its name
        if f.kind == "growth" and not w.growth_word.search(f.subject):
            kind = _growth_kind(low, f, sentences[f.sentence], w)
            f.subject = f"{kind} {'of' if kind.endswith('growth') else 'in'} {f.subject}"
        elif f.kind == "change" and not w.growth_word.search(f.subject):
            f.subject = f"change in {f.subject}"


def _growth_kind(low: str, f: Figure, s: Sentence, w: _Words) -> str:
    after = low[f.end : min(s.end, f.end + 40)]
    said = re.match(
        r"\s+(?:year-on-year\s+)?(increase|rise|reduction|decrease|decline|drop|cut|fall)\s+in\b", after
    )
    if said:  # "a 20% reduction in production line time": the text's own word
        return {"cut": "reduction", "fall": "decline"}.get(said.group(1), said.group(1))
    for words, name in w.growth_kinds.items():
        if (
            after.lstrip(" ,").startswith(("year on year " + words, words))
            or (f.baseline or "").lower() == words
        ):
            return name
    return "growth"


# a sentence that opens with its field: "In the field of new materials, ..."
_LEAD_SCOPE = re.compile(
    r"\s*(?:in the (?:field|area|sector)s? of|in terms of)\s+(?P<np>[^,;.]{3,50}?),", re.IGNORECASE
)
# "the industry" in a subject: the industry the turn is about, the first one it names
_THE_INDUSTRY = re.compile(r"\b(?:in|of|for)\s+the\s+(?P<w>industry|sector)\b", re.IGNORECASE)
_NAMED_INDUSTRY = re.compile(
    r"(?<![\w-])(?:(?!the\b|this\b|our\b|its\b|their\b|a\b|an\b)[a-z][\w-]*\s+){1,4}(?:industry|sector)\b"
)
# the owner of a measure named after a change: "enterprises above designated size seeing a 17.2% increase in
# profits"
_OWNER_BEFORE = re.compile(
    r"(?:,|\bwith)\s+(?P<np>(?:(?!with\b)[a-z][\w'’-]*\s+){1,8}?)(?:seeing|saw|posting|posted|recording|recorded|"
    r"registering|registered|witnessing)\s+(?:an?\s+)?$"
)


def _resolve_industry(text: str, low: str, subj: str, s: Sentence, turn_start: int) -> str:
    """'fixed-asset investment in the industry' -> '... in the electronic information manufacturing industry':
    the first industry the turn names before the sentence."""
    m = _THE_INDUSTRY.search(subj)
    if not m:
        return subj
    named = _NAMED_INDUSTRY.search(low, turn_start, s.start)
    if not named:
        return subj
    industry = " ".join(text[named.start() : named.end()].split())
    return f"{subj[: m.start('w') - 4].rstrip()} {industry}{subj[m.end() :]}"


def _growth_owner(text: str, low: str, f: Figure, s: Sentence, subj: str) -> str:
    head = low[max(s.start, f.token.start - 90) : f.token.start]
    m = _OWNER_BEFORE.search(head)
    if m and _GROWTH_IN.match(text, f.end, s.end):
        owner = " ".join(m.group("np").split())
        if owner and owner not in subj.lower():
            at = f.token.start - len(head)
            return f"{subj} of {_tidy(text[at + m.start('np') : at + m.end('np')])}"
    return subj


def _np_end(low: str, f: Figure, s: Sentence) -> int | None:
    """Where the figure's subject ends when it is the phrase right after the figure."""
    subj = f.subject.lower()
    i = low.find(subj, f.end, min(s.end, f.end + 160))
    return i + len(subj) if subj and i >= 0 and not low[f.end : i].strip(" \u00a0").count(" ") > 3 else None


def _count_condition(
    text: str, low: str, f: Figure, s: Sentence, w: _Words, sentence_subject, turn_start: int
) -> str:
    subj = f.subject
    if m := w.bare.match(subj):  # "related enterprises": related to what the sentence is about
        owner = sentence_subject(f.sentence)
        if owner and owner.lower() not in subj.lower() and not _HAS_FIGURE.search(owner):
            subj = f"{subj[m.end() :]} {m.group().strip()} to {owner}"
    subj = _resolve_industry(text, low, subj, s, turn_start)
    lead = _LEAD_SCOPE.match(text, s.start, s.end)
    if lead and lead.group("np").lower() not in subj.lower():  # "In the field of new materials, seven ..."
        subj = f"{subj} in {lead.group('np')}"
    end = _np_end(low, f, s)
    head = low[max(s.start, f.token.start - 60) : f.token.start]
    if (bm := w.built_before.search(head)) and end is not None:  # "China had built 3.189 million ..."
        return f"{subj} {bm.group('p')}"
    if end is None:
        return subj
    rest = low[end : s.end]
    # a field named right after the phrase: "innovation centers in new materials", "platforms for new
    # materials"
    from .sectors import _vocabulary

    m = re.match(r"\s+(?:in|for)\s+(?:the\s+(?:field|area|sector)s?\s+of\s+)?", rest)
    if m:
        km = _vocabulary().rx.match(rest, m.end())
        if km and re.match(r"(?![\w-])", rest[km.end() :]):
            subj += text[end : end + km.end()]
            end, rest = end + km.end(), low[end + km.end() : s.end]
    # a coordinated count shares the predicate: "6.278 million charging piles and 3,460 stations were built"
    co = re.match(
        r"\s+and\s+(?:more than |over |nearly |about )?[\d,.]+\s[^,;.]{1,80}?"
        r"(?=\s+(?:were|are|have|has|had)\s)",
        rest,
    )
    m = w.participle.match(rest[co.end() :] if co else rest)
    if m and not _HAS_FIGURE.search(m.group("p")) and not _TRAIL_PERIOD.search(" " + m.group("p")):
        at = end + (co.end() if co else 0)
        return f"{subj} {' '.join(text[at + m.start('p') : at + m.end('p')].split())}"
    if (
        re.search(r"(?:^|[,;:]\s*|\bof\s+\S+\s+|\bin\s+the\s+first\s+\w+\s+quarters,\s*)$", head)
        or head.strip() == ""
    ):
        m = w.condition_verb.match(rest)
        if m and not _HAS_FIGURE.search(m.group("p")):
            return f"{subj} that {' '.join(text[end + m.start('p') : end + m.end('p')].split())}"
    return subj


def _share(text: str, low: str, figs: list[Figure], k: int, s: Sentence, w: _Words) -> str:
    f = figs[k]
    head = low[max(s.start, f.token.start - 60) : f.token.start]
    head = re.sub(rf"(?:{_QUALIFIER})$", "", head) if _QUALIFIER else head
    m_of = _SHARE_OF.match(text, f.token.end, s.end)
    whole = ""
    if m_of and not _OWN_KIND.match(low, m_of.start("np")):
        stop = _STOP_AFTER.search(low, m_of.start("np"), s.end)
        whole = _tidy(text[m_of.start("np") : stop.start() if stop else s.end])
    vm = w.share_verb.search(head)
    if vm:  # "X accounted for 29.8% of Y": the part before the verb
        part = f.subject
        if whole and part.lower() == whole.lower():
            prev = _same_sentence_before(figs, k)
            part = prev.subject if prev is not None and prev.unit != "%" else ""
        if not part or part.lower() == whole.lower():
            return f"share of {whole}" if whole else f.subject
        return (
            f"share of {part} in {whole}"
            if whole and whole.lower() not in part.lower()
            else f"share of {part}"
        )
    lead = low[max(s.start, f.token.start - 25) : f.token.start]
    if (
        m_of
        and whole
        and re.search(r"(?:^|[,;:]|\bthat|\bwith)\s*(?:\w+\s+)?$", lead.strip(" ") and lead or "")
    ):
        # "Over 90% of 5G base stations have been jointly built and shared": the share of those that did
        end = m_of.start("np") + len(whole) if low.startswith(whole.lower(), m_of.start("np")) else None
        if end is not None:
            pm = re.match(
                r"\s+(?P<p>(?:have|has|had|were|was|are|is)\s[^,;.()]{3,80}?|[a-z]+ed\s[^,;.()]{0,60}?)"
                r"(?=\s*(?:[,;.(]|$))",
                low[end : s.end],
            )
            if pm and not _HAS_FIGURE.search(pm.group("p")):
                p = w.aux.sub("", pm.group("p"))
                said = text[end + pm.end("p") - len(p) : end + pm.end("p")]  # as written, auxiliaries dropped
                return f"share of {whole} {' '.join(said.split())}"
        return f"share of {whole}"
    return f.subject


def _point_change(text: str, low: str, figs: list[Figure], k: int, s: Sentence, w: _Words) -> str:
    f = figs[k]
    prev = _same_sentence_before(figs, k, skip_points=True)
    x = prev.subject if prev is not None else f.subject
    before = low[
        max(s.start, (prev.end if prev is not None else s.start), f.token.start - 45) : f.token.start
    ]
    after = low[f.end : min(s.end, f.end + 25)]
    if w.contribution.search(before):
        m = re.match(
            r"\s+(?:in|to)\s+(?P<np>(?:the\s+)?growth[^,;.]{0,80})", text[f.end : s.end], re.IGNORECASE
        )
        to = _tidy(m.group("np")) if m else "growth"
        return f"contribution of {x} to {to}"
    near = before[-30:] + " " + after
    ups, downs = list(w.up.finditer(near)), list(w.down.finditer(near))
    direction = (
        "up" if ups and (not downs or ups[-1].start() > downs[-1].start()) else "down" if downs else ""
    )
    rate = prev is not None and prev.kind in ("share", "level") or "rate" in x.lower() and prev is None
    base = f.baseline or ""
    if rate or (prev is not None and prev.unit == "%" and prev.kind != "growth"):
        noun = w.names["rate"].get(direction, "change") if direction else "change"
        out = f"{noun} in {x}"
        return f"{out} against {base}" if base and w.period_baseline.search(base) else out
    noun = w.names["growth"].get(direction, "change") if direction else "change"
    growth = x if re.search(r"\bgrowth\b", x, re.IGNORECASE) else f"growth of {x}"
    if base and not w.period_baseline.search(base):
        b = base if re.search(r"\b(?:growth|rate|average)\b", base, re.IGNORECASE) else f"growth of {base}"
        return f"gap between {growth} and {b}"
    return f"{noun} of {growth} against {base}" if base else f"{noun} of {growth}"


def _streak(text: str, low: str, f: Figure, s: Sentence, w: _Words) -> str:
    head_start = max(s.start, f.token.start - 160)
    head = low[head_start : f.token.start]
    m = re.search(r"\bfor\s+(?:the\s+)?(?:past\s+)?$", head)
    if not m:
        return f.subject
    clause_start = max(head.rfind(","), head.rfind(";"), -1) + 1
    phrase = head[clause_start : m.start()].strip()
    x = f.subject
    xi = phrase.find(x.lower()) if x else -1
    if xi >= 0:
        phrase = phrase[xi + len(x) :].strip()
    elif vm := w.verb_anywhere.search(phrase):  # "this growth has been sustained ...": from the verb on
        phrase = phrase[vm.start() :]
    phrase = w.aux.sub("", phrase)
    vm = w.streak_verb.match(phrase)
    if not vm:
        return x
    verb, rest = vm.group(), phrase[vm.end() :].strip()
    rest_text = " ".join(rest.split())
    if verb in w.carriers:
        if not rest_text:
            return x
        if rest_text.startswith(("in ", "at ")):  # "sustained in double digits"
            return f"{x} {rest_text}"
        return f"{rest_text} of {x}" if x else rest_text
    noun = w.streak_nouns.get(verb, verb)
    tail = f" {rest_text}" if rest_text else ""
    return f"{noun} of {x}{tail}" if x else f"{noun}{tail}"
