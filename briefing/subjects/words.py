"""The words the stand-alone rules read (data/subjects.yml), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..quantities import _QUALIFIER
from ..records import Figure
from ..vocab import load
from .phrases import MONTH_NAMES

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
        re.compile(rf"\b(?:{_alt(w['period_baseline'])}|{MONTH_NAMES})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{_alt(w['share_verbs'])})\s+$"),
        nouns,
        re.compile(rf"^(?:{_alt(list(nouns) + w['streak_carriers'])})\b"),
        frozenset(x.lower() for x in w["streak_carriers"]),
        re.compile(rf"^(?:(?:{_alt(w['auxiliaries'])})\s+)+"),
        re.compile(
            rf"^\s+(?:(?:{_alt(w['auxiliaries'])})\s+)*(?P<p>(?:[a-z]+ly\s+)?(?:{_alt(w['participles'])}|[a-z]+ed)"
            r"(?:\s+(?:and|or)\s+[a-z]+ed)?\b(?:\s+(?:for|to|into|by|with)\s+[^,;.()]{1,60}?)?"
            rf"(?:\s+(?:{_alt(w['scope_after'])}))?"
            # or a present participle with its object: "rural migrant workers living in cities"
            r"|(?!(?:including|according|during|following|excluding|accounting|being)\b)[a-z]{3,}ing\s+[^,;.()]{2,60}?)"
            r"(?=\s*(?:[,;.(]|$|\s(?:as of|by the end|in the|from|since|and|while|with|up|down"
            r"|so as to|so that|in order to"
            rf"|{_alt(w['scope_phrases'])})\b))"
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


@cache
def _condition_verbs() -> str:
    return _alt(load("subjects")["condition_verbs"])


@cache
def _whole_verb() -> re.Pattern[str]:
    """A verb of data/subjects.yml condition_verbs inside a share's whole ("county hospitals met ...")."""
    return re.compile(rf"\s(?:{_condition_verbs()})\b")


def _doing(said: str) -> str:
    """'met the national standards' -> 'meeting the national standards': the first word, a past verb, as its
    present participle (data/subjects.yml present_participles, else "-ed" -> "-ing")."""
    first, _, rest = said.partition(" ")
    low = first.lower()
    ing = load("subjects")["present_participles"].get(low)
    if ing is None and low.endswith("ied"):
        ing = low[:-3] + "ying"
    elif ing is None and low.endswith("ed") and len(low) > 4:
        ing = low[:-2] + "ing"
    return f"{ing} {rest}".strip() if ing else said


def _gerund(verb: str) -> str:
    """A verb said by a whole ("they plan", "they expanded") as its present participle: "planning",
    "expanding"; "keep" -> "keeping", "make" -> "making"."""
    v = verb.lower()
    if v.endswith("ed") or v in load("subjects")["present_participles"]:
        return _doing(v)
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")):
        return v[:-1] + "ing"
    if len(v) <= 4 and re.search(r"[^aeiou][aeiou][^aeiouwxy]$", v):  # "plan" -> "planning"
        return v + v[-1] + "ing"
    return v + "ing"
