"""Words of a subject, compared on their stems: stop words dropped, acronyms the transcript
defines expanded."""

from __future__ import annotations

import re

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
_ACRONYM = re.compile(r"\((?P<a>[A-Z][A-Za-z0-9]*[A-Z0-9])s?\)")


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
