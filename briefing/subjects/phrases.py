"""The phrase that names what a figure measures: the words after a count, the subject of the verb before
the figure, the sentence's own subject (``docs/figures.md``)."""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import Lexicon
from ..quantities import _DIGIT, _OF_TOTAL, _QUALIFIER, _VERBS, _low_rx, _near_end, _qualifiers, _units
from ..records import Figure, Sentence
from ..vocab import load, trie_pattern

# The verbs as a trie (common prefixes factored out): the patterns below try them at every word, and the
# engine no longer tries each verb in turn there. It matches what the plain alternation matches.
_VERB_TRIE = trie_pattern(_VERBS.split("|"))
# the verbs before a figure: those of the lexicon and the subject's own (data/subjects.yml before_verbs)
_BEFORE_TRIE = trie_pattern(_VERBS.split("|") + list(load("subjects")["before_verbs"]))
# _VERB_BEFORE, _MEASURE_OF and _STOP_AFTER are matched against the lower-cased text.
# Both start at a word (\b, tested first, lets the engine drop positions inside words at once) that
# does not follow an apostrophe or hyphen.
_VERB_BEFORE = _low_rx(
    rf"\b(?<!['’-])(?:(?:(?:has|have|had|was|were|is|are|will)\s+(?:been\s+)?)?(?:{_BEFORE_TRIE})"
    r"(?:\s+(?:an?\s+)?(?:year-on-year\s+)?(?:rise|growth|increase|decrease|decline|reduction)"
    r"\s+of)?\s+(?:(?:basically\s+)?(?:stable|steady|flat)\s+)?(?:by\s+|to\s+|at\s+|for\s+)?"
    + _QUALIFIER
    + r"(?:a total of )?$"
    r"|(?:with\s+)?(?:an?\s+)?(?:year-on-year\s+)?"
    r"(?:rise|growth|increase|decrease|decline|reduction)\s+of\s+$)"
)
# "<measure> of" right before a figure ("the output value of 2 trillion yuan"), found in two steps: the
# measure word, then up to four words before it that belong to the phrase. One pattern for both would try
# every word of the window as the phrase's start, several times slower.
_MEASURE_OF = _low_rx(
    r"\b(?<!['’-])(?P<m>capacity|value|volume|revenue|output|scale|investment|density|"
    r"range|mileage|sales|exports|imports|profits?|income|spending|targets?|goals?|"
    # physical measures: "a horizontal displacement of 238 cm", "ground shifts of up to 70 cm"
    r"displacements?|shifts?|length|height|depth|distance|width|altitude|elevation|magnitude|speed|"
    r"rainfall|precipitation|snowfall|temperatures?|concentrations?|reserves|surplus|deficit|losses)\s+of\s+"
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
    rf"\s(?=[a-z])(?:(?:has|have|had|was|were|is|are|will)\s+(?:been\s+)?)?(?:{trie_pattern(_MAIN_VERBS.split('|'))})\b",
    re.IGNORECASE,
)
#: First words of the verbs above, to tell quickly whether a phrase contains one.
_MAIN_VERB_WORDS = frozenset(v.split()[0] for v in _MAIN_VERBS.split("|"))
_STOP_AFTER = _low_rx(
    rf"\s(?:that|which|who|whose|being|have|has|had|were|was|are|is|will|built|{_VERB_TRIE}|"
    r"per|in|at|for|from|with|to|by|across|on|under|since|during|as|among|over|including|"
    r"nationwide|pioneering|using|providing|serving|featuring|so|compared|than)\b|[,.;:()]"
    r"|\s(?:and|or)\s+(?=\d|more than|over|nearly|about)"
    # a participle that opens a clause: "184 million rural migrant workers living in cities"
    r"|\s(?!during\b)[a-z]+ing(?=\s+(?:in|on|at|for|with|to|from|across|over|the|a|an)\b)"
    # a second verb with its object: "100 million tonnes of capacity and reduce the share of coal"
    r"|\s(?:and|or)\s+(?=[a-z]+\s+(?:the|a|an|its|their)\b)"
    r"|\sof\s+(?=\d)"  # a rating after the counted thing: "seven lines of 800 kV"
)
#: The months' full names (data/months.yml), as alternatives of a regular expression.
MONTH_NAMES = "|".join(m["names"][0] for m in Lexicon.bundled().months["months"])
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
    + MONTH_NAMES
    + r"|statistics|survey))(?:,\s*|\s+|$))+",
    re.IGNORECASE,
)
_TRAIL_PERIOD = re.compile(
    r"(?<!\s)\s++(?:from|in|during|since|by|as of|over|for)\s+(?:the\s+)?(?:first|last|past|end|"
    r"beginning|start|this|" + MONTH_NAMES + r"|(?:19|20)\d\d)\b.*$",
    re.IGNORECASE,
)
_SUBORDINATE = re.compile(r"\b(?:as|because|since|while|when|where|whereas|after) ", re.I)
_DET = re.compile(
    r"^(?:the |a |an |its |their |our |this |these |those |china's |a total of )+", re.IGNORECASE
)
_NUMBER_OF = re.compile(r"^(?:the )?(?:number|total|amount) of (?:the )?", re.I)
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
# (a number inside a name is not a figure: "5G", "PM2.5")
_HAS_FIGURE = re.compile(
    r"(?!(?:19|20)\d\d(?![\d,.]))\d(?<![A-Za-z]\d)(?<![A-Za-z]\d\d)(?<![A-Za-z]\d\.\d)[\d,.]*(?![\dA-Za-z])"
)
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
# a passive verb after a generic count noun, with what completes it up to the clause's end: "(people) were
# arrested without approval or decision", "(people) nationwide were affected by various natural disasters"
_PASSIVE_AFTER = re.compile(
    # (a short "for"/"from" phrase first: "66 medicines for children were approved")
    r"(?P<mod>\s+(?:for|from|of|with)\s+(?:[a-z][\w'-]*\s+)?[a-z][\w'-]*)?"
    r"\s+(?:nationwide\s+|in total\s+)?(?:were|was|have been|has been|had been|are|is|got)\s+"
    r"(?P<pp>(?:not\s+)?(?!been\b)[a-z]+(?:ed|en|wn|ght|ne))\b(?P<tail>[^,.;:()\d]{0,60})"
)
# an adverb that ends a phrase cut before its participle: "museums newly (registered)"
_ADVERB_END = re.compile(
    r"\s(?:newly|recently|already|successfully|jointly|officially|formally|publicly)$", re.IGNORECASE
)
_PARTICIPLE = re.compile(r"\s+(?P<pp>[a-z]+(?:ed|en|wn|ght|ilt|ut))\b")
# a preposition or conjunction left at the end of a phrase cut before a number or a time
_DANGLING = re.compile(
    r"(?:\s+(?:in|on|at|by|for|from|to|of|and|or|with|during|since|as of|the|this|last|a|an))+\s*$"
)
# a count after a preposition is not the subject of the verb after it: "water pipes in 5,000 villages had
# been replaced" (but "a total of 46 devices were approved" is)
_PREPOSITION_BEFORE = _low_rx(
    r"\b(?:in|(?<!total )of|at|from|across|to|for|among|by|with|on|into|than|over|under)\s+"
    r"(?:(?:about|around|nearly|almost|over|more than|some|the|all)\s+)?$"
)
_NOT_A_NOUN = re.compile(
    r"(?:year|month|percentage|consecutive|of|that|which|who|(?:each|every|per|a) (?:year|month|day|week))\b",
    re.IGNORECASE,
)
_OF_WORD_END = re.compile(r"\bof\s+[\w-]+$|\bin\s+the\s+[\w-]+(?:\s+[\w-]+)?$")
_WITH = re.compile(r"with\b")
_LINKING_WORD = re.compile(r"(?:marking|up|down|representing)\b", re.IGNORECASE)
# the phrase after "of" starts at np and ends at the first _STOP_AFTER (punctuation is one)
_SHARE_OF = re.compile(r"\s*(?:%|percent)\s+of\s+(?P<np>(?=[^,.;]))", re.IGNORECASE)
# A share "of its kind" or "of the total" is a share of the things counted just before it.
_OWN_KIND = _low_rx(r"(?:its|their|the same) kind\b|(?:the )?total(?=\s*(?:[,.;:)]|$))")


#: What opens a clause without being its subject: a dateline ("BEIJING -", "BEIJING, July 14 (Xinhua) --"), a
#: frame pointing back at a total ("Of the total,", "Among the total,"), and a reporting clause whose
#: statement follows "that" ("The ministry's figures also showed that fiscal revenue ...").
_DATELINE_LEAD = re.compile(
    r"^[A-Z][A-Z.' ]{2,30}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^()]{1,30}\))?\s*(?:--|—|–|-)\s+"
)
_TOTAL_LEAD = re.compile(r"^(?:of|among|in) (?:the|this|that) total,?\s*", re.IGNORECASE)
_REPORTING = re.compile(
    r"^[^,;]{0,80}?\b(?:show|shows|showed|shown|showing|said|says|indicated|indicates|indicating|revealed|"
    r"reveals|revealing|announced|"
    r"noted|stated)\s+that(?:\s+(?=\S)|\s*$)",  # (a frame with nothing after it in the phrase: no phrase)
    re.IGNORECASE,
)


def _unframed(np: str) -> str:
    """``np`` without a dateline, a frame pointing back at a total or a reporting clause before it."""
    np = _TOTAL_LEAD.sub("", _DATELINE_LEAD.sub("", np))
    if "that" not in np and "That" not in np:  # (a substring test first: most phrases report nothing)
        return np
    m = _REPORTING.match(np)
    return np[m.end() :] if m else np


def _tidy(np: str, keep_relative: bool = False) -> str:
    np = _unframed(np.strip(" \u00a0"))
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


@cache
def _measure_words() -> frozenset[str]:
    return frozenset(x.lower() for x in load("subjects")["measure_words"])


def _first_stop(rest_low: str) -> re.Match[str] | None:
    """Where the phrase at the start of ``rest_low`` ends (:data:`_STOP_AFTER`); a short parenthesis
    belongs to the phrase ("ultra-high voltage (UHV) lines"), so it is hidden from the stops."""
    return _STOP_AFTER.search(_SHORT_PAREN.sub(lambda p: "x" * len(p.group()), rest_low))


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
    m = _first_stop(rest_low)
    cut = m.start() if m else len(rest)
    keep_relative = False
    if m and _RELATIVE_WORD.match(m.group()):
        # "248 manufacturing enterprises that are champions in their categories": the clause says which
        end = re.search(r"[,.;:(]", rest[cut:])
        cut, keep_relative = cut + (end.start() if end else len(rest) - cut), True
    np = _tidy(rest[:cut], keep_relative=keep_relative)
    if _ADVERB_END.search(np) and (pp := _PARTICIPLE.match(rest, cut)):
        np = f"{np} {pp.group('pp')}"  # "322 museums newly registered": the adverb's participle with it
    if (
        f.unit == "count"
        and (pv := _PASSIVE_AFTER.match(rest, cut))
        and not _HAS_FIGURE.match(np)
        and not _PREPOSITION_BEFORE.search(low, max(s.start, f.token.start - 40), f.token.start)
    ):
        # "37,966 people were arrested without approval": the people the verb says, "people arrested ..."
        tail = _DANGLING.sub("", pv.group("tail"))  # "approved in" (2022): the period is a column of its own
        np = _tidy(f"{np}{pv.group('mod') or ''} {pv.group('pp')}{tail}")
        return " ".join(_drop_period(np).split()[:10])
    if not np or np.lower() in _GENERIC_NOUNS or _HAS_FIGURE.match(np):
        return ""
    first, _, after = np.partition(" ")
    if first.lower() in _measure_words():  # "34 micrograms per cubic meter": a unit, not the thing measured
        np = after[3:] if after.startswith("of ") else ""  # "ounces of gold": the gold
        if not np:
            return ""
    if _NOT_A_NOUN.match(np):
        return ""
    return " ".join(np.split()[: 14 if keep_relative else 8])


# what an amount of money is in: "the 3.12 trillion yuan in special-purpose local government bonds", "the 1
# trillion yuan ultra-long special treasury bonds" (an amount said before its noun, after "the")
_MONEY_IN = re.compile(r"\s+in\s+(?=[a-z])")
_MONEY_ATTRIBUTE = re.compile(r"\s+(?=[a-z][\w-]*\s+[a-z])")
_THE_BEFORE = _low_rx(r"\b(?:the|of the|for the|out of the|as for the)\s+(?:(?:us\$|\$|usd|rmb|¥)\s*)?$")


@cache
def _money_units() -> frozenset[str]:
    return frozenset(str(u) for u in Lexicon.bundled().units.get("prefixes", {}).values())


def _money_noun(text: str, low: str, f: Figure, s: Sentence) -> str:
    """The thing an amount of money is, said after it: '3.12 trillion yuan in special-purpose bonds', 'the 1
    trillion yuan ultra-long treasury bonds' ("" if not so)."""
    if f.unit not in _money_units():
        return ""
    hi = min(s.end, f.end + 120)
    m = _MONEY_IN.match(text, f.end, hi)
    if m is None and _THE_BEFORE.search(low, max(s.start, f.token.start - 20), f.token.start):
        m = _MONEY_ATTRIBUTE.match(text, f.end, hi)
    if m is None:
        return ""
    rest_low = low[m.end() : hi]
    stop = _first_stop(" " + rest_low)
    np = _drop_period(_tidy(text[m.end() : m.end() + (stop.start() if stop else len(rest_low))]))
    if not np or _HAS_FIGURE.match(np) or _NOT_A_NOUN.match(np) or np.lower() in _GENERIC_NOUNS:
        return ""
    return " ".join(np.split()[:8])


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
    cand = _drop_period(cand)
    if _PRONOUN.match(cand.strip()):
        return sentence_subject(f.sentence - 1) if f.sentence > 0 else ""
    pm = _POSSESSIVE.match(cand)
    if pm and f.sentence > 0:
        owner = sentence_subject(f.sentence - 1)
        own = cand[pm.end() :].strip()
        if owner and owner.lower().startswith(own.lower()):  # "their trade" after "Trade of the regions"
            return _tidy(owner)
        if owner:
            return _tidy(f"{own} of {owner}")
    return _tidy(cand)


def _after_last(rx: re.Pattern[str], s: str) -> str:
    """The part of ``s`` after the last match of ``rx`` (all of ``s`` if none)."""
    last = None
    for last in rx.finditer(s):  # noqa: B007
        pass
    return s[last.end() :] if last else s


def _sentence_subject(text: str, s: Sentence, sentence_subject, si: int) -> str:
    """The noun phrase before the sentence's main verb, frames and appositives removed."""
    body = _LEAD_TRIM.sub("", _unframed(text[s.start : s.end]))
    m = _MAIN_VERB.search(body)
    if not m:
        return ""
    np = _drop_from(_APPOSITIVE, _APPOSITIVE_WORDS, body[: m.start()])
    np = _drop_period(np)
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


@cache
def _qualifier_ends() -> tuple[str, ...]:
    """Every qualifier word with its space ("more than "), longest first."""
    return tuple(sorted((w + " " for w in _qualifiers()[0]), key=len, reverse=True))


def _strip_qualifier(head: str) -> str:
    """``head`` without the qualifier it ends with ("..., more than " -> "..., "); a suffix test, not a
    pattern tried at every position."""
    ends = _qualifier_ends()
    if not head.endswith(ends):
        return head
    for q in ends:
        if head.endswith(q):
            return head[: -len(q)]
    return head


# the words one of which _TRAIL_PERIOD needs after its preposition (a year's first digits, a month's name)
_PERIOD_WORDS = ("first", "last", "past", "end", "beginning", "start", "this", "19", "20") + tuple(
    MONTH_NAMES.lower().split("|")
)


_ANY_PERIOD_WORD = re.compile("|".join(re.escape(w) for w in _PERIOD_WORDS))  # (on the lower-cased phrase)


def _drop_period(s: str) -> str:
    """``_TRAIL_PERIOD.sub("", s)``, after a substring test that most phrases fail (no period word at all)."""
    return _TRAIL_PERIOD.sub("", s) if _ANY_PERIOD_WORD.search(s.lower()) else s
