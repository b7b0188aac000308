"""The sector of each figure, scored from sector keywords (``data/sectors.yml``) in its subject, sentence,
paragraph and the question it answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .vocab import load, trie_pattern

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .dialogue import Exchange, Turn
    from .records import Figure, Sentence

__all__ = [
    "DEFAULT_SECTOR",
    "figure_sectors",
    "dominant_sector",
    "exchange_topics",
    "home_sector",
    "sector_counts",
    "sector_of_counts",
]


@dataclass(frozen=True)
class _Vocabulary:
    rx: re.Pattern[str]  # every keyword, longest first, matched against lower-cased text
    owner: dict[str, str]  # keyword -> sector (its `keywords`)
    industry_owner: dict[str, str]  # keyword -> sector, counted only in an industry briefing
    industry: frozenset[str]  # the industry and information technology sectors
    title_rx: re.Pattern[str]
    title_owner: dict[str, str]


def _alternation(words: list[str]) -> re.Pattern[str]:
    # whole words; lower-cased text is several times faster than re.IGNORECASE
    return (
        re.compile(r"(?<![\w-])(?:" + trie_pattern(words) + r")(?![\w-])") if words else re.compile(r"(?!)")
    )


@cache
def _vocabulary() -> _Vocabulary:
    data = load("sectors")
    owner: dict[str, str] = {}
    industry_owner: dict[str, str] = {}
    title_owner: dict[str, str] = {}
    for key, spec in data["sectors"].items():
        for w in spec.get("keywords") or ():
            owner.setdefault(w.lower(), key)
        for w in spec.get("industry_keywords") or ():
            industry_owner.setdefault(w.lower(), key)
        for w in spec.get("title_keywords") or ():
            title_owner.setdefault(w.lower(), key)
    return _Vocabulary(
        _alternation(list(owner.keys() | industry_owner.keys())),
        owner,
        industry_owner,
        frozenset(data.get("industry") or ()),
        _alternation(list(title_owner)),
        title_owner,
    )


def _sectors() -> tuple[re.Pattern[str], dict[str, str]]:
    """The keyword pattern and each keyword's sector (industry keywords included)."""
    v = _vocabulary()
    return v.rx, {**v.owner, **v.industry_owner}


@lru_cache(maxsize=8192)
def sector_counts(text: str, home: str | None = None) -> dict[str, int]:
    """Keyword matches per sector in ``text`` (overlapping keywords count once, longest first). A keyword of
    ``industry_keywords`` counts only when ``home`` is an industry sector: in a text whose subject is unknown
    "networks" or "materials" are no industry of their own."""
    v = _vocabulary()
    industry = home in v.industry
    counts: dict[str, int] = {}
    for m in v.rx.finditer(text.lower()):
        w = m.group()
        key = (v.industry_owner.get(w) or v.owner.get(w)) if industry else v.owner.get(w)
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    return counts


def home_sector(title: str, text: str = "") -> str | None:
    """The sector a briefing is about: the one whose ``title_keywords`` the title names most (ties to the
    one named first), else the one they name most in ``text`` (the whole transcript); None if none."""
    v = _vocabulary()
    for src in (title, text):
        counts: dict[str, int] = {}
        for m in v.title_rx.finditer((src or "").lower()):
            key = v.title_owner[m.group()]
            counts[key] = counts.get(key, 0) + 1
        if counts:
            return max(counts, key=lambda k: counts[k])  # first named wins a tie (dicts keep order)
    return None


#: Weights of the evidence for a figure's sector: its subject, sentence, paragraph, the exchange topic.
SECTOR_WEIGHTS = (6, 2, 1, 3)
#: A long paragraph must not outvote the figure's own words: its keyword counts are capped at this.
#: (A subject counts once per sector: it names one thing.)
PARAGRAPH_CAP = 3
#: Added to the briefing's home sector when it has any score: less than one match, so it only breaks ties.
HOME_BONUS = 0.5
#: Added to every industry sector with any score in a briefing whose home sector is an industry sector.
FAMILY_BONUS = 3


def dominant_sector(text: str, home: str | None = None) -> str | None:
    """The sector with most keyword matches in ``text`` (a question, a turn); None if none match."""
    c = sector_counts(text, home) if text else {}
    order = _sector_order()
    return max(c, key=lambda k: (c[k], -order[k])) if c else None


def sector_of_counts(
    *counts: dict[str, int], topic: str | None = None, home: str | None = None
) -> str | None:
    """The sector with the highest weighted count over keyword counts made with :func:`sector_counts`
    (of the figure's subject, sentence, paragraph, weighted by :data:`SECTOR_WEIGHTS` in order) plus a
    bonus for ``topic``; None when nothing matches. Ties go to the sector listed first in
    ``data/sectors.yml``, except that ``home`` (the briefing's home sector) wins a tie."""
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
    if home in score:
        score[home] += HOME_BONUS
    industry = _vocabulary().industry
    if (
        home in industry
    ):  # an industry briefing speaks of its own sectors unless a figure clearly says otherwise
        for key in score:
            if key in industry:
                score[key] += FAMILY_BONUS
    return max(score, key=lambda k: (score[k], -order[k]))


@cache
def _sector_order() -> dict[str, int]:
    return {k: i for i, k in enumerate(load("sectors")["sectors"])}


#: Sector of a figure when no keyword matches anywhere in its turn and the briefing has no home sector.
DEFAULT_SECTOR = "other"


def exchange_topics(
    text: str, exchanges: list[Exchange], turns: list[Turn], home: str | None = None
) -> dict[int, str | None]:
    """Sector of each exchange's question, by exchange number."""
    out: dict[int, str | None] = {}
    for e in exchanges:
        q = turns[e.question_turn - 1]
        out[e.n] = dominant_sector(text[q.char_start : q.char_end], home)
    return out


def figure_sectors(
    text: str,
    figures: list[Figure],
    sentences: list[Sentence],
    turns: list[Turn],
    topics: Mapping[int, str | None],
    home: str | None = None,
) -> list[str]:
    """The sector of each figure: the weighted keyword score of its subject, sentence, paragraph and
    the topic of its exchange (:func:`sector_of_counts`, ties to ``home``, the briefing's home sector),
    else its turn's main sector, else ``home``, else :data:`DEFAULT_SECTOR`."""
    counts: dict[tuple[int, int], dict[str, int]] = {}  # keyword counts by span, each made once

    def by_span(a: int, b: int) -> dict[str, int]:
        if (a, b) not in counts:
            counts[a, b] = sector_counts(text[a:b], home)
        return counts[a, b]

    turn_sectors: dict[int, str | None] = {}

    def turn_sector(ti: int) -> str | None:  # the turn's main sector, worked out once per turn
        if ti not in turn_sectors:
            t = turns[ti]
            turn_sectors[ti] = dominant_sector(text[t.char_start : t.char_end], home)
        return turn_sectors[ti]

    out = []
    for f in figures:
        s = sentences[f.sentence]
        turn = turns[s.turn]
        topic = topics.get(turn.exchange) if turn.exchange else None
        out.append(
            sector_of_counts(
                sector_counts(f.subject, home),
                by_span(s.start, s.end),
                by_span(*s.paragraph),
                topic=topic,
                home=home,
            )
            or turn_sector(s.turn)
            or home
            or DEFAULT_SECTOR
        )
    return out
