"""The kinds of figure and the approximations, as one table (``data/kinds.yml``).

>>> from briefing.kinds import KINDS, APPROXIMATIONS
>>> KINDS["pp_change"].label
'change, pp'
>>> [k.id for k in KINDS.values() if k.change]
['growth', 'pp_change', 'change']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .vocab import load

__all__ = ["APPROXIMATIONS", "CHANGE_KINDS", "FLOW_KINDS", "KINDS", "Approximation", "Kind"]


@dataclass(frozen=True)
class Kind:
    """One value of the figures table's ``kind`` column."""

    id: str
    label: str  # for readers: "change, pp"
    axis: str  # the word an axis label starts with: "Difference"
    noun: tuple[str, str]  # in a count, one and several: ("growth rate", "growth rates")
    description: str
    colour: str
    change: bool  # measured against a baseline
    flow: bool  # measured over a period, not a state at a date


@dataclass(frozen=True)
class Approximation:
    """One value of the figures table's ``approx`` column."""

    id: str
    words: str  # put before a value written for readers: "more than "
    description: str


def _kinds() -> Mapping[str, Kind]:
    kinds = load("kinds")["kinds"]
    return MappingProxyType({k["id"]: Kind(**{**k, "noun": tuple(k["noun"])}) for k in kinds})


def _approximations() -> Mapping[str, Approximation]:
    return MappingProxyType({a["id"]: Approximation(**a) for a in load("kinds")["approximations"]})


#: Every kind, in the order of data/kinds.yml (the order of legends and categories).
KINDS: Mapping[str, Kind] = _kinds()
#: Every approximation, ``exact`` first.
APPROXIMATIONS: Mapping[str, Approximation] = _approximations()
#: The kinds measured against a baseline (growth, pp_change, change).
CHANGE_KINDS: tuple[str, ...] = tuple(k for k, v in KINDS.items() if v.change)
#: The kinds measured over a period (growth, pp_change, streak, change); a level or a share is a state.
FLOW_KINDS: tuple[str, ...] = tuple(k for k, v in KINDS.items() if v.flow)
