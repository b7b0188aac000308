"""The sector of each figure, scored from sector keywords (``data/sectors.yml``) in its subject, sentence,
paragraph and the question it answers.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .vocab import load, trie_pattern

if TYPE_CHECKING:
    from .dialogue import Exchange, Turn
    from .records import Figure, Sentence

__all__ = [
    "DEFAULT_SECTOR",
    "assign_sectors",
    "dominant_sector",
    "exchange_topics",
    "sector_counts",
    "sector_of_counts",
]


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


#: Sector of a figure when no keyword matches anywhere in its turn.
DEFAULT_SECTOR = "industrial_economy"


def exchange_topics(text: str, exchanges: list[Exchange], turns: list[Turn]) -> dict[int, str | None]:
    """Sector of each exchange's question, by exchange number."""
    out: dict[int, str | None] = {}
    for e in exchanges:
        q = turns[e.question_turn - 1]
        out[e.n] = dominant_sector(text[q.char_start : q.char_end])
    return out


def assign_sectors(
    text: str,
    figures: list[Figure],
    sentences: list[Sentence],
    turns: list[Turn],
    topics: dict[int, str | None],
) -> None:
    """Give each figure its sector: the weighted keyword score of its subject, sentence, paragraph and
    the topic of its exchange (:func:`sector_of_counts`), else its turn's main sector, else
    :data:`DEFAULT_SECTOR`."""
    counts: dict[tuple[int, int], dict[str, int]] = {}  # keyword counts by span, each made once

    def by_span(a: int, b: int) -> dict[str, int]:
        if (a, b) not in counts:
            counts[a, b] = sector_counts(text[a:b])
        return counts[a, b]

    turn_sectors: dict[int, str | None] = {}

    def turn_sector(ti: int) -> str | None:  # the turn's main sector, worked out once per turn
        if ti not in turn_sectors:
            t = turns[ti]
            turn_sectors[ti] = dominant_sector(text[t.char_start : t.char_end])
        return turn_sectors[ti]

    for f in figures:
        s = sentences[f.sentence]
        turn = turns[s.turn]
        topic = topics.get(turn.exchange) if turn.exchange else None
        f.sector = (
            sector_of_counts(
                sector_counts(f.subject),
                by_span(s.start, s.end),
                by_span(*s.paragraph),
                topic=topic,
            )
            or turn_sector(s.turn)
            or DEFAULT_SECTOR
        )
