"""The records the figure steps share: a sentence of the body and a figure read in it.

``build_figures`` (figures.py) makes the figures; the quantity, period, subject and sector steps fill in
their fields. Keeping the two types here lets those steps import them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from .numbers import Token
from .periods import Period

__all__ = ["Figure", "Sentence"]


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
