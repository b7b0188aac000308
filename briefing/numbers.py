"""The ledger of numeric tokens: find every number in the body and say what it is.

Tokens are digit runs with their separators, a sign written against them and any letters glued to them
("3,460", "0.2", "-2.5", "5G", "IPv6", "20th", "H1N1"; tokens never overlap) and cardinal number words
("six", "Twenty", "twenty-five"). Each gets one role:
``figure`` or the reason it is not one (year, date, time, ordinal, name, identifier, list_count, period,
part_of_figure, word). Context patterns live in ``data/roles.yml``; rules that need arithmetic are here.
All regular expressions are linear: no nested quantifiers, and lookbehinds stop a match from starting
inside a word, so time grows with the input's length and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .dates import MONTHS
from .lexicon import Lexicon
from .text import lower, lower_pattern
from .vocab import load, trie_pattern

__all__ = ["Token", "find_tokens", "word_value", "NUM", "NUMWORD", "parse_number"]

_UNITS_19 = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES = {w: i for i, w in enumerate(_UNITS_19)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}

NUMWORD = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:-(?:" + "|".join(_UNITS_19[1:10]) + r"))?"
    r"|" + "|".join(sorted(_UNITS_19, key=len, reverse=True)) + r")"
)
NUM = r"(?:\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"

# A digit token: the number and any letters glued after it (5G, 20th); letters glued before it
# (IPv6, H1) are added by walking back, which keeps the scan starting only at digits.
# NUM written to start with a bare digit class, which lets the engine skip to the next digit quickly.
_DIGIT_TOKEN = re.compile(
    r"(?P<num>\d(?:\d{0,2}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d*(?:\.\d+)?))(?P<suf>[A-Za-z]*)"
)
# Number words ("six", "twenty-five"), one pattern per first letter: a pattern that starts with a
# single letter lets the engine jump from one occurrence of that letter to the next, several times
# faster than trying one pattern for all words at every position. Matched against the lower-cased
# text (same length, same offsets), which is also faster than re.IGNORECASE.
_ALL_WORDS = sorted(set(_UNITS_19) | set(_TENS) | {f"{t}-{u}" for t in _TENS for u in _UNITS_19[1:10]})
_WORD_TOKENS = [
    re.compile(
        rf"{c}(?<![\w-]{c})"  # the letter starts a word (not "often" or "ex-ten")
        + trie_pattern([w[1:] for w in _ALL_WORDS if w[0] == c])
        + r"(?![\w])"
    )
    for c in sorted({w[0] for w in _ALL_WORDS})
]
_ORDINAL_SUFFIX = {"st", "nd", "rd", "th"}
#: A "-" or "+" right before a digit is a sign when one of these comes before it (not a letter or digit,
#: as in "COVID-19" or "2021-2023", and not a line break: "-5 tasks" opening a line is a bullet).
_BEFORE_SIGN = frozenset(" \t([")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@dataclass(slots=True)
class Token:
    start: int  # span of the whole token (with glued letters)
    end: int
    num_start: int  # span of the number itself
    num_end: int
    surface: str
    prefix: str
    suffix: str
    is_word: bool
    role: str = "figure"
    sign: str = ""  # "-" or "+" written against the number ("-2.5", "\u22122.5" read as "-"); in the span


#: Fractions said in words, as percents: "two-thirds" of firms is 66.67% of them, "half" 50%.
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}
_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<n>one|two|three|four|nine)(?:-|\s(?=(?:thirds?|fifths?|tenths?)\b))"
    r"(?P<d>half|thirds?|quarters?|fifths?|tenths?)|(?P<h>half)"
    # "a quarter of the global increase", "a third of them" (not "a quarter of a century", "of the year")
    r"|(?<=\ba )(?P<a>third|quarter|fifth|tenth)(?=\s+of\s+(?!(?:a|the|this|last|next)\s+"
    r"(?:year|century|decade|month|day)\b|(?:19|20)\d\d\b)))(?![\w-])"
)
# "half" is a share only where it counts a part of something ("half of them", "about half"), not in a
# period ("the first half", "half a year", "half of the year").
_HALF_AFTER = re.compile(
    r"\s+of\s+(?!(?:the|this|last|next)\s+year\b|(?:19|20)\d\d\b|the\s+(?:month|decade)\b)"
)
_HALF_NOT_BEFORE = re.compile(r"(?:first|second|latter|former|the|a|one|last|next|past)[\s-]+$")
_HALF_BEFORE = re.compile(r"(?:about|nearly|almost|over|more than|less than|roughly|around|some|and)\s+$")
# A multiple in one word: "twofold", "threefold" (the number word and "fold" glued).
_MULTIPLE = re.compile(r"(?<![\w-])(?P<n>two|three|four|five|six|seven|eight|nine|ten)(?P<f>fold)(?![\w-])")
#: Multiples said as a verb or an adjective (issue 15): "revenue more than doubled", "almost double that of
#: 2015" (not "double-digit", "double down", "double the efforts"). Unit `times`, like "twofold".
MULTIPLE_VERBS = {"doubled": 2, "double": 2, "tripled": 3, "triple": 3, "trebled": 3, "quadrupled": 4}
_MULTIPLE_VERB = re.compile(
    r"(?<![\w-])(?:(?P<v>doubled|tripled|trebled|quadrupled)(?! down\b)"
    r"|(?P<adj>double|triple)(?= (?:that|those|the (?:level|figure|amount|number|size)) of\b))(?![\w-])"
)


def fraction_value(word: str) -> float | None:
    """'two-thirds' -> 66.66..., 'half' -> 50.0, 'one-quarter' -> 25.0 (percent); None for other words."""
    w = word.lower().replace(" ", "-")
    if w == "half":
        return 50.0
    if w.rstrip("s") in FRACTIONS:  # "a quarter of ...": one of them
        return FRACTIONS[w.rstrip("s")] * 100
    n, _, d = w.partition("-")
    base = FRACTIONS.get(d.rstrip("s")) if d else None
    if base is None or n not in WORD_VALUES:
        return None
    return WORD_VALUES[n] * base * 100


#: The word every fraction contains ("half", "two-thirds"), and the most letters a fraction has before it
#: ("three-") and after it (a plural "s", or the "of ..." a fraction word needs after it): fractions are
#: matched only around these words, found with
#: ``str.find``, instead of by a pattern tried at every position of every span.
_FRACTION_WORDS = (("half", 6, 1), ("third", 6, 40), ("quarter", 6, 40), ("fifth", 6, 40), ("tenth", 6, 40))
_MULTIPLE_WORDS = (("fold", 5, 0),)
_MULTIPLE_VERB_WORDS = (("doubl", 0, 40), ("tripl", 0, 40), ("trebl", 0, 40), ("quadrupl", 0, 40))


def _around(rx: re.Pattern[str], low: str, a: int, b: int, words) -> list[re.Match[str]]:
    """The matches of ``rx`` in ``low[a:b]``, in order, each of which contains one of ``words``: ``rx`` is
    run only in a window around each occurrence (the window reaches one character past the longest match,
    so the pattern's lookahead sees the text that follows; its lookbehind sees before the window)."""
    found: dict[int, re.Match[str]] = {}
    for w, before, after in words:
        p = low.find(w, a, b)
        while p >= 0:
            for m in rx.finditer(low, max(a, p - before), min(b, p + len(w) + after + 1)):
                found.setdefault(m.start(), m)
            p = low.find(w, p + 1, b)
    return [found[k] for k in sorted(found)]


def _fraction_tokens(text: str, low: str, a: int, b: int) -> list[Token]:
    """Fractions ("two-thirds", "about half") and one-word multiples ("twofold") in ``text[a:b]``. A
    fraction's unit is ``%`` (written as its glued suffix); a multiple's is the "fold" glued on."""
    out: list[Token] = []
    for m in _around(_FRACTION, low, a, b, _FRACTION_WORDS):
        s, e = m.span()
        if m.group("h") and (
            _HALF_NOT_BEFORE.search(low, max(a, s - 12), s)
            or not (_HALF_AFTER.match(low, e) or _HALF_BEFORE.search(low, max(a, s - 12), s))
        ):
            continue
        if m.group("n") and m.group("d").startswith("half"):
            continue  # "one half" reads as "half"; "two halves" is no share
        out.append(Token(s, e, s, e, text[s:e], "", "%", True))
    for m in _around(_MULTIPLE, low, a, b, _MULTIPLE_WORDS):
        s, e = m.span()
        out.append(Token(s, e, s, m.end("n"), text[s:e], "", text[m.start("f") : e], True))
    for m in _around(_MULTIPLE_VERB, low, a, b, _MULTIPLE_VERB_WORDS):
        s, e = m.span()  # the whole word is the number; its unit is `times` (no letters are glued on)
        out.append(Token(s, e, s, e, text[s:e], "", "times", True))
    return sorted(out, key=lambda t: t.start)


def word_value(word: str) -> int:
    w = word.lower()
    if "-" in w:
        tens, unit = w.split("-", 1)
        return WORD_VALUES[tens] + WORD_VALUES[unit]
    return WORD_VALUES[w]


def parse_number(s: str) -> float:
    """'3,460' -> 3460.0; 'six' -> 6.0; 'twenty-five' -> 25.0; a fraction as a percent: 'two-thirds' ->
    66.66..."""
    if s[:1].isdigit():
        return float(s.replace(",", ""))
    frac = fraction_value(s)
    if frac is not None:
        return frac
    if s.lower() in MULTIPLE_VERBS:
        return float(MULTIPLE_VERBS[s.lower()])
    return float(word_value(s))


#: A role pattern: (role, part before the token or None, part after it or None, required word or None).
_Pattern = tuple[str, re.Pattern[str] | None, re.Pattern[str] | None, str | None]


def _wrapped(pattern: str) -> str:
    """``pattern`` with each literal space outside a character class matching one line break too: a
    hard-wrapped text breaks a phrase anywhere ("the first\\ntwo decades")."""
    out, i, class_at = [], 0, -1  # class_at: where the open character class's first member is
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[" and class_at < 0:
            class_at = i + 2 if pattern.startswith("^", i + 1) else i + 1
        elif c == "]" and class_at >= 0 and i > class_at:  # a "]" first in the class is a member
            class_at = -1
        out.append("[ \\n]" if c == " " and class_at < 0 else c)
        i += 1
    return "".join(out)


@cache
def _role_patterns() -> list[_Pattern]:
    """Each pattern split at its token: (role, before, after, required token or None).

    ``before`` must match text ending where the token starts and ``after`` text starting where it
    ends, so a pattern is tried only next to a token, never across the whole text.
    """
    spec = load("roles")
    out = []
    for role, patterns in spec.items():
        for p in patterns:
            m = re.search(r"\{N(?::(?P<word>\w+))?\}", p)
            if m is None:
                raise ValueError(f"roles.yml pattern without {{N}}: {p!r}")
            before, after = _wrapped(p[: m.start()]), _wrapped(p[m.end() :])
            out.append(
                (
                    role,
                    # ends one character before endpos, so \\b sees the token's first character
                    re.compile(lower_pattern(f"(?:{before})(?=[\\s\\S]\\Z)"))
                    if before not in ("", r"\b")  # every token starts at a word boundary
                    else None,
                    re.compile(lower_pattern(after)) if after not in ("", r"\b") else None,
                    m.group("word").lower() if m.group("word") else None,
                )
            )
    return out


# Common text after a number. An ``after`` part that matches one of these ("(?:st|nd|rd|th)?\\b")
# says little; its pattern is gated by its ``before`` part instead.
_PROBES = (" of the", ", and", ".", " the", " in", " percent", " million")


def _combined(parts: list[str], suffix: str = "") -> re.Pattern[str] | None:
    """One alternation of ``parts`` (each "(?:...)"); a word boundary they all start with is
    tested once, up front, so a start position inside a word is dropped at once."""
    if not parts:
        return None
    lead = r"(?:\b"
    if all(p.startswith(lead) for p in parts):
        return re.compile(r"\b(?:" + "|".join("(?:" + p[len(lead) :] for p in parts) + ")" + suffix)
    return re.compile("(?:" + "|".join(parts) + ")" + suffix)


def _max_width(pattern: str) -> int:
    """The longest text ``pattern`` can match, capped at ``_REACH`` (also when unbounded or unknown).

    Read from the pattern's source by :func:`_width`, which knows the syntax the role patterns use and
    answers ``_REACH`` for anything else, so the bound is never too small."""
    try:
        width, end = _width(pattern, 0)
    except (_UnknownWidth, ValueError):  # ValueError: a "\\N{" without its "}"
        return _REACH
    return int(min(width, _REACH)) if end == len(pattern) else _REACH


class _UnknownWidth(Exception):
    """A construct :func:`_width` does not bound (a back-reference, a conditional, verbose mode)."""


_QUANTIFIER = re.compile(r"[*+?]|\{(?:(?P<m>\d+)(?P<comma>,(?P<n>\d*))?|,(?P<most>\d+))\}")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_INF = float("inf")


def _width(p: str, i: int) -> tuple[float, int]:
    """Upper bound of the match length of the alternation starting at ``p[i]``, and where it ends (at
    the ``)`` that closes it, or the end of ``p``)."""
    best = 0.0
    branch = 0.0
    while i < len(p):
        c = p[i]
        if c == ")":
            break
        if c == "|":
            best, branch, i = max(best, branch), 0.0, i + 1
            continue
        if c == "(":
            zero = False
            if p.startswith("(?", i):
                head = re.match(r"\(\?(?:[=!]|<[=!]|P<\w+>|:|[aiLmsux-]*:)", p[i:])
                if head is None:
                    raise _UnknownWidth(p[i:])  # "(?P=name)", "(?(1)...)", "(?x)", "(?#...)"
                zero = head.group()[2] in "=!<" and not head.group().startswith("(?P")
                j = i + head.end()
            else:
                j = i + 1
            w, j = _width(p, j)
            if j >= len(p):
                raise _UnknownWidth(p)  # unbalanced
            w, i = (0.0 if zero else w), j + 1
        elif c == "[":
            j = i + 1
            if p.startswith("^", j):
                j += 1
            if p.startswith("]", j):
                j += 1
            while j < len(p) and p[j] != "]":
                j += 2 if p[j] == "\\" else 1
            if j >= len(p):
                raise _UnknownWidth(p)
            w, i = 1.0, j + 1
        elif c == "\\":
            e = p[i + 1 : i + 2]
            if not e or e in "123456789g":
                raise _UnknownWidth(p[i:])  # a back-reference
            w, i = (0.0 if e in _ZERO_WIDTH_ESCAPES else 1.0), i + 2
            if e == "N":  # a named character, "\\N{MINUS SIGN}"
                i = p.index("}", i) + 1
            elif e in _HEX_DIGITS:
                i += _HEX_DIGITS[e]  # "\\x41", "\\u00a0", "\\U0001F600": one character
        elif c in "^$":
            w, i = 0.0, i + 1
        else:
            w, i = 1.0, i + 1
        q = _QUANTIFIER.match(p, i)
        if q is not None:
            t = q.group()
            if t in "*+":
                most = _INF
            elif t == "?":
                most = 1.0
            elif q.group("most"):  # {,n}
                most = float(q.group("most"))
            elif q.group("comma") is None:  # {m}
                most = float(q.group("m"))
            else:  # {m,n}, {m,}
                most = float(q.group("n")) if q.group("n") else _INF
            w = 0.0 if w == 0 else w * most
            i = q.end()
            if i < len(p) and p[i] in "?+":  # lazy or possessive
                i += 1
        branch += w
    return max(best, branch), i


@cache
def _gates() -> tuple[
    re.Pattern[str] | None, re.Pattern[str] | None, int, dict[tuple[bool, bool], list[_Pattern]]
]:
    """Two cheap tests that rule out most patterns for a token at once.

    Each pattern is gated by its ``after`` part when that part is selective, else by its ``before``
    part. The after-gate is one alternation of the selective after parts, matched at the token's end;
    the before-gate one alternation of the other patterns' before parts, ending at its start. When a
    gate fails, none of its patterns can apply. Returns the after-gate, the before-gate, how far
    before a token the before-gate can start, and the patterns to try (in file order) by which gates
    are open: (after open, before open).
    """
    patterns = _role_patterns()
    # each probe is matched as if right after a number ("0 of the", from position 1)
    by_after = [a is not None and not any(a.match("0" + p, 1) for p in _PROBES) for _, _, a, _ in patterns]
    afters = [
        f"(?:{a.pattern})" for (_, _, a, _), g in zip(patterns, by_after, strict=True) if g and a is not None
    ]
    tail = "(?=[\\s\\S]\\Z)"
    befores = [
        b.pattern[: -len(tail)]
        for (_, b, _, _), g in zip(patterns, by_after, strict=True)
        if not g and b is not None
    ]
    reach = max((_max_width(b) for b in befores), default=0)
    ungated = [before is None and not g for (_, before, _, _), g in zip(patterns, by_after, strict=True)]
    tries = {
        (a, b): [
            p
            for p, g, u in zip(patterns, by_after, ungated, strict=True)
            if u or (g and a) or (not g and not u and b)
        ]
        for a in (False, True)
        for b in (False, True)
    }
    return _combined(afters), _combined(befores, tail), reach, tries


_REACH = 60  # how far before a token a role pattern may start

#: A number with more digits than this is not a statistic but a code (an ``identifier``).
MAX_DIGITS = 24

_YEAR_NEXT = re.compile(r"\s*(?:%|percent|per cent|percentage|million|billion|trillion|thousand)")

# a name of a series before its number ("Tiangong 1", "Shenzhou 8"): see names.yml
_SERIES_WORD = re.compile(r"(?<![\w'’.&-])([A-Z][a-z]+(?:['’][a-z]+)?)[ -]\Z")
_SENTENCE_OPEN = re.compile(r"(?:\A|[.!?:;\"“‘'(\[\n—]|--)\s*\Z")
_SERIES_NEXT = re.compile(
    r"\s*(?:[%.,]\d|%|\d|-\s?\d|:\d|(?:st|nd|rd|th)\b|percent|per cent|percentage|hundred|thousand|"
    r"[a-z]*illion\b|(?:to|and|or)\s+\d)",
    re.IGNORECASE,
)


@cache
def _not_series() -> frozenset[str]:
    months = {n.lower() for n in MONTHS}
    money = {p.lower() for p in load("units")["prefixes"] if p.isalpha()}  # "Rs 500 crore", "RMB 300"
    return frozenset(w.lower() for w in load("names")["not_after"]) | months | money


_NEXT_WORD = re.compile(r"\s?([A-Za-z]+)")


def _series_name(text: str, t: Token, glued: frozenset[str]) -> bool:
    """``t`` is the number of a name in a series: a whole number of one to three digits after a
    capitalised word that does not open its sentence, with no percent, scale, unit or number after it."""
    if _SERIES_NEXT.match(text, t.end):
        return False
    if (w := _NEXT_WORD.match(text, t.end)) and w.group(1).lower() in glued:
        return False  # "Beijing 20 km": a unit follows
    m = _SERIES_WORD.search(text, max(0, t.start - 24), t.start)
    if m is None or m.group(1).lower() in _not_series():
        return False
    return _SENTENCE_OPEN.search(text, max(0, m.start() - 4), m.start()) is None


@lru_cache(maxsize=8)
def _glued(lexicon: Lexicon) -> frozenset[str]:
    """Letters glued to a number that make it a figure ("384GW", "2.1pp", "3.189m"): every unit word of
    the lexicon's units written in letters alone, its ``glued_letters`` and its ``glued_scales``
    (lower-cased)."""
    spec = lexicon.units
    words = {w.lower() for u in spec["units"] for w in u["words"] if w.isalpha()}
    words |= {w.lower() for w in spec.get("glued_letters", [])}
    return frozenset(words | {k.lower() for k in spec.get("glued_scales", {})})


@lru_cache(maxsize=8)
def _glued_before(lexicon: Lexicon) -> frozenset[str]:
    """Short words a scraped page glues to the digits after them (the lexicon's ``glued_before``)."""
    return frozenset(str(w) for w in lexicon.units.get("glued_before", []))


@lru_cache(maxsize=8)
def _currency_letters(lexicon: Lexicon) -> frozenset[str]:
    """The currency prefixes of the lexicon's units written in letters ("RMB", "USD")."""
    return frozenset(p for p in lexicon.units.get("prefixes", {}) if p.isalpha())


def find_tokens(
    text: str, spans: list[tuple[int, int]], low: str | None = None, lexicon: Lexicon | None = None
) -> list[Token]:
    """Every numeric token inside the given spans of ``text``, classified, in text order.
    ``low`` is ``lower(text)`` when the caller has it already; ``lexicon`` gives the glued units
    (the bundled one by default)."""
    tokens: list[Token] = []
    low = lower(text) if low is None else low
    lex = lexicon or Lexicon.bundled()
    unglued = _currency_letters(lex) | _glued_before(lex)  # letters before digits that are no name
    for a, b in spans:
        prev: Token | None = None
        glued: list[Token] = []  # tokens continued by glued digits: their text is cut once, at the end
        for m in _DIGIT_TOKEN.finditer(text, a, b):
            k = m.start()
            if prev is not None and k == prev.end:
                # digits glued to the letters of the token before ("H1N1", "2Q1st"): one token, a name
                if not glued or glued[-1] is not prev:
                    glued.append(prev)
                prev.end = m.end()
                continue
            last = prev.end if prev is not None else a  # never reach back into the token before
            while k > last and text[k - 1] in _ASCII_LETTERS:
                k -= 1
            if k < m.start() and text[k : m.start()] in unglued:
                # "RMB100.26 billion": a currency glued on; "a total of13.098million": a word that lost
                # its space; neither is part of a name
                k = m.start()
            sign = ""
            if k == m.start() and k - 2 >= last and text[k - 1] in "-+" and text[k - 2] in _BEFORE_SIGN:
                k -= 1  # "grew -11.7%", "(-2.5%)": a sign, not a hyphen ("COVID-19", "2021-2023")
                sign = text[k]
            prefix = "" if sign else text[k : m.start()]
            prev = Token(
                k,
                m.end(),
                m.start(),
                m.end("num"),
                text[k : m.end()],
                prefix,
                m.group("suf"),
                False,
                sign=sign,
            )
            tokens.append(prev)
        for t in glued:
            t.suffix, t.surface = text[t.num_end : t.end], text[t.start : t.end]
        fractions = _fraction_tokens(text, low, a, b)
        taken = [(t.start, t.end) for t in fractions]
        for rx in _WORD_TOKENS:
            for m in rx.finditer(low, a, b):
                a2, b2 = m.span()
                if any(s <= a2 < e for s, e in taken):
                    continue  # the "two" of "two-thirds"
                tokens.append(Token(a2, b2, a2, b2, text[a2:b2], "", "", True))
        tokens.extend(fractions)
    tokens.sort(key=lambda t: t.start)
    if tokens:
        _classify(text, low, tokens, _glued(lexicon or Lexicon.bundled()))
    return tokens


def _classify(text: str, low: str, tokens: list[Token], glued: frozenset[str]) -> None:
    """Give each token its role: patterns are matched against ``low`` (the lower-cased text)."""
    after_gate, before_gate, gate_reach, tries = _gates()
    for t in tokens:
        pattern_role = None
        lo = max(0, t.num_start - _REACH)
        a_open = after_gate is not None and after_gate.match(low, t.num_end) is not None
        b_open = (
            before_gate is not None
            and before_gate.search(low, max(0, t.num_start - gate_reach), t.num_start + 1) is not None
        )
        num = low[t.num_start : t.num_end]
        fraction = t.is_word and t.suffix == "%"  # "a quarter of", "half of them": a share, never a `word`
        for role, before, after, word in tries[a_open, b_open]:
            if word is not None and num != word or fraction and role == "word":
                continue
            if after is not None and not after.match(low, t.num_end):
                continue
            if before is not None and not before.search(low, lo, t.num_start + 1):
                continue
            pattern_role = role
            break
        if pattern_role == "list_count" and "." in num:
            pattern_role = None  # "6.3 points": a list counts whole things; a decimal is a statistic
        rule = _code_role(text, t, glued)
        if pattern_role == "date" and rule in ("year", "ordinal"):
            # after a month, a year is the month's year ("September 2020"); a day may be an ordinal ("on
            # the 7th", "January 4th")
            t.role = "year" if rule == "year" else "date"
        elif rule is not None and (pattern_role is None or rule in ("ordinal", "name", "period")):
            t.role = rule if not (rule == "ordinal" and pattern_role == "name") else "name"
        elif pattern_role is not None:
            t.role = pattern_role
        else:
            t.role = "figure"


_ORDINAL_STREAK = re.compile(r"\s+(?:consecutive|straight|successive)\b", re.IGNORECASE)


def _code_role(text: str, t: Token, glued: frozenset[str]) -> str | None:
    num = text[t.num_start : t.num_end]
    if t.is_word and t.suffix == "%":
        return None  # a fraction ("two-thirds"): its unit is written as the suffix
    if t.prefix or t.suffix:
        suf = t.suffix.lower()
        if not t.prefix and suf in _ORDINAL_SUFFIX:
            # "the 24th consecutive quarter of growth": the length of a streak, a figure
            return None if _ORDINAL_STREAK.match(text, t.end) else "ordinal"
        if t.prefix in ("H", "Q") and not t.suffix and num in ("1", "2", "3", "4"):
            return "period"  # "H1", "Q3" (not "H23", "Q34")
        if not t.prefix and suf in glued:
            return None  # "384GW", "3.189m": a figure with its unit or scale glued on
        return "name"
    if t.is_word:
        return None
    if len(num) > MAX_DIGITS and sum(c.isdigit() for c in num) > MAX_DIGITS:
        return "identifier"  # a code: no statistic has that many digits (and as a float it may be infinite)
    if "," not in num and "." not in num:
        if len(num) == 4 and 1900 <= int(num) <= 2100 and not _YEAR_NEXT.match(text, t.end):
            return "year"
        if len(num) >= 5 and not _YEAR_NEXT.match(text, t.end):
            return "identifier"
        if len(num) <= 3 and _series_name(text, t, glued):
            return "name"
    return None
