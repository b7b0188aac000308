"""Sentence boundaries inside a turn, as character spans of the transcript text.

A rule-based splitter tuned to the register of official transcripts: it breaks at ``.``, ``?`` or ``!``
(and any closing quotes or brackets after them) followed by space and a capital, digit or opening
quote, except after abbreviations listed in ``data/sentences.yml`` ("Mr.", "Oct.", "No."); it always
breaks at paragraph ends. Decimals ("3.189") never break because no space follows the point.
"""

from __future__ import annotations

import re
from functools import cache

from .vocab import load

__all__ = ["line_goes_on", "split_spans"]

# A sentence end: terminal punctuation (with any closing quotes or brackets) before space and a
# capital, digit or opening quote; or a line break. Written to start with one character class, which
# lets the engine skip quickly to the next possible end. A run of terminal punctuation is tried once, from
# its first character (a later start could only succeed where the first does), and its characters are
# taken possessively (giving some back cannot put a space next): a run of dots before a lower-case
# letter is then read in time linear in its length, not quadratic.
_CANDIDATE = re.compile(
    r"[.!?…\n](?:(?<=\n)|(?<![.!?…].)[.!?…]*+[\"”’')\]]*+(?=\s+[\"“‘'(\[]?[A-Z0-9\u4e00-\u9fff]))"
)
_WS = " \t\n\u00a0\u3000"


@cache
def _abbrev() -> frozenset[str]:
    return frozenset(load("sentences")["abbreviations"])


def _token_before(text: str, end: int, lo: int) -> str:
    """The whitespace-delimited token that ends at ``end`` (exclusive)."""
    k = end
    while k > lo and text[k - 1] not in _WS:
        k -= 1
    return text[k:end]


def split_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``, trimmed of surrounding whitespace."""
    abbrev = _abbrev()
    spans: list[tuple[int, int]] = []
    s = start
    for m in _CANDIDATE.finditer(text, start, end):
        if m.group() == "\n":
            if line_goes_on(text, m.start(), s, end):
                continue  # a line broken inside a sentence (a hard-wrapped text): the sentence goes on
            cut = m.start()
        else:
            tok = _token_before(text, m.start() + 1, s)
            if m.group()[0] == "." and tok in abbrev:
                continue
            # a single capital initial ("J. Smith") is not a sentence end either
            if m.group()[0] == "." and len(tok) == 2 and tok[0].isupper():
                continue
            cut = m.end()
        _push(text, s, cut, spans)
        s = cut
    _push(text, s, end, spans)
    return spans


#: What ends a sentence at the end of a line (also a colon or a semicolon: a list or a heading follows).
_ENDS = ".!?…:;\"”’')]。"


def line_goes_on(text: str, k: int, lo: int = 0, hi: int | None = None) -> bool:
    """The line break at ``k`` falls inside a sentence (a hard-wrapped text): the line before ends without
    a sentence's end and the next one goes on in lower case or with a digit ("93.6 percent of\nchildren
    were enrolled"). ``lo`` and ``hi`` bound the look either side (the paragraph)."""
    hi = len(text) if hi is None else hi
    a = k
    while a > lo and text[a - 1] in " \t":
        a -= 1
    if a == lo or text[a - 1] in _ENDS or text[a - 1] == "\n":
        return False
    b = k + 1
    while b < hi and text[b] in " \t":
        b += 1
    return b < hi and (text[b].islower() or text[b].isdigit())


def _push(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    while a < b and text[a] in _WS:
        a += 1
    while b > a and text[b - 1] in _WS:
        b -= 1
    if a < b:
        spans.append((a, b))
