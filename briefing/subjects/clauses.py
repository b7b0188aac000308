"""Qualifiers said by the clause around a count (issue 14): a participle clause after the main clause
("seven lines were put into operation, adding 9,000 km of transmission lines"), a share of a goal that
clause fulfilled ("..., fulfilling 60 percent of the annual target"), the things "with" which a subject's
action happened ("China's trade with 153 of 233 countries and regions increased"), what people "will" do,
the place a "where" clause is about, what a technology has been integrated into, and a rate of a group
named more fully before. The words are in data/subjects.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..quantities import _QUALIFIER
from ..records import Figure, Sentence
from ..vocab import load
from .lists import _share_head
from .phrases import _HAS_FIGURE, _LEAD_TRIM, _PRONOUN, _strip_qualifier, _tidy
from .words import _alt


@dataclass(frozen=True)
class _Clauses:
    after: re.Pattern[str]
    after_names: dict[str, str]
    fulfil: re.Pattern[str]
    fulfil_names: dict[str, str]
    future: re.Pattern[str]
    future_names: dict[str, str]
    where: re.Pattern[str]
    integrated: re.Pattern[str]


@cache
def _clauses() -> _Clauses:
    w = load("subjects")
    after = {k.lower(): v for k, v in w["clause_participles"].items()}
    fulfil = {k.lower(): v for k, v in w["fulfil_participles"].items()}
    future = {k.lower(): v for k, v in w["future_verbs"].items()}
    return _Clauses(
        after=re.compile(rf",\s+(?P<v>{_alt(after)})\s+(?:the\s+)?$"),
        after_names=after,
        fulfil=re.compile(rf",\s+(?P<v>{_alt(fulfil)})\s+$"),
        fulfil_names=fulfil,
        future=re.compile(rf"\s+will\s+(?P<v>{_alt(future)})\s+(?P<o>[^,;.()]{{3,60}}?)(?=\s*(?:[,;.(]|$))"),
        future_names=future,
        where=re.compile(
            rf"(?P<p>(?:[a-z][\w-]*\s+){{0,3}}(?:{_alt(w['where_places'])}))\s*,\s+where\s+[^,;]*$"
        ),
        integrated=re.compile(
            rf"\s(?:have|has)\s+been\s+(?P<v>{_alt(w['integrated_verbs'])})\s+(?:into|with|in)\s+(?:the\s+)?"
            rf"{_QUALIFIER}$"
        ),
    )


# the words that end a main clause's thing: its verb (an auxiliary first) or what follows it
_AUX = re.compile(r"\s(?:were|was|are|is|have been|has been|had been|have|has|had)\s", re.IGNORECASE)
_PERSON = re.compile(
    r"^(?:we|i|china|they|the government|the ministry)\s+(?:(?:have|has|had|also|further|now|already|"
    r"recently|actively|steadily)\s+)*[a-z]+\s+(?P<np>.+)$",
    re.IGNORECASE,
)
_OBJECT_END = re.compile(r"\s(?:with|to|so as|in order|by|for|across|at)\s", re.IGNORECASE)
_COUNT_WORDS = (
    r"(?:more than |over |nearly |about |around |some |a total of )?(?:[\d,.]+(?:\s+(?:thousand|million|"
    r"billion))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
)
_LEAD_COUNT = re.compile(rf"^{_COUNT_WORDS}", re.IGNORECASE)
_RATING = re.compile(r"\s+of\s+[\d,.]+\s*[a-z]+$", re.IGNORECASE)  # "lines of 800 kV": a rating, not a thing


def _main_thing(text: str, s: Sentence, stop: int) -> str:
    """What the main clause before ``stop`` is about: its subject without its count ("seven UHV lines were
    put into operation" -> "UHV lines"), or its object when a person acts ("We built solar projects with
    ..." -> "solar projects")."""
    seg = _LEAD_TRIM.sub("", text[s.start : stop].rsplit(",", 1)[-1].strip())
    m = _PERSON.match(seg)
    if m:
        np = m.group("np")
        e = _OBJECT_END.search(np)
        np = np[: e.start()] if e else np
    else:
        e = _AUX.search(seg)
        if not e:
            return ""
        np = seg[: e.start()]
    np = _tidy(_RATING.sub("", _LEAD_COUNT.sub("", np.strip())))
    if not np or _HAS_FIGURE.search(np) or _PRONOUN.match(np) or len(np.split()) > 10:
        return ""
    return np


def _after_clause(text: str, low: str, f: Figure, s: Sentence, subj: str) -> str:
    """'seven UHV lines were put into operation, adding 9,000 km of transmission lines' -> 'transmission
    lines added by UHV lines'; 'We built solar projects ..., benefiting 2 million households' ->
    'households benefiting from solar projects'."""
    lo = max(s.start, f.token.start - 30)
    if low.find(",", lo, f.token.start) < 0:
        return subj
    head = low[lo : f.token.start]
    c = _clauses()
    m = c.after.search(_strip_qualifier(head))
    if not m:
        return subj
    comma = f.token.start - len(head) + m.start()
    thing = _main_thing(text, s, comma)
    if not thing or thing.lower() in subj.lower():
        return subj
    return f"{subj} {c.after_names[m.group('v')]} {thing}"


def _fulfilled(text: str, low: str, f: Figure, s: Sentence, subj: str) -> str:
    """'6.54 million new urban jobs were created, fulfilling 60 percent of the annual target' -> 'share of
    annual target for new urban jobs fulfilled'."""
    head = low[max(s.start, f.token.start - 30) : f.token.start]
    if "," not in head:
        return subj
    c = _clauses()
    m = c.fulfil.search(_strip_qualifier(head))
    if not m:
        return subj
    whole = re.match(
        r"\s*(?:%|percent|per cent)\s+of\s+(?P<np>[^,;.()]{3,60}?)(?=\s*(?:[,;.(]|$))",
        low[f.token.end : s.end],
    )
    if not whole:
        return subj
    thing = _main_thing(text, s, f.token.start - len(head) + m.start())
    if not thing:
        return subj
    at = f.token.end + whole.start("np")
    np = _tidy(text[at : at + len(whole.group("np"))])
    return f"share of {np} for {thing} {c.fulfil_names[m.group('v')]}"


# "China's trade with 153 out of 233 countries and regions increased": the clause's subject before "with"
_WITH_BEFORE = re.compile(r"(?:^|[,;:]\s*(?:and\s+)?)(?P<x>[^,;:]{3,60}?)\s+with\s+" + _QUALIFIER + "$")


def _with_done(text: str, low: str, f: Figure, s: Sentence, subj: str, end: int, participle) -> str | None:
    """'China's trade with 153 of 233 countries and regions increased' -> 'countries and regions with which
    China's trade increased'."""
    lo = max(s.start, f.token.start - 80)
    if low.find(" with ", lo, f.token.start) < 0:
        return None
    head = low[lo : f.token.start]
    if not _strip_qualifier(head).endswith(" with "):
        return None
    m = _WITH_BEFORE.search(head)
    if not m:
        return None
    rest = low[end : s.end]
    pm = participle.match(rest)
    if not pm or _HAS_FIGURE.search(pm.group("p")):
        return None
    at = f.token.start - len(head)
    x = " ".join(_LEAD_TRIM.sub("", text[at + m.start("x") : at + m.end("x")]).split())
    if not x or _HAS_FIGURE.search(x) or _PRONOUN.match(x) or len(x.split()) > 6:
        return None
    return f"{subj} with which {x} {' '.join(text[end : end + pm.end('p')].split())}"


# "125,000 overseas buyers from 212 countries and regions had registered": the counted things before "from"
_FROM_BEFORE = re.compile(
    r"\d[\d,.]*(?:\s+(?:thousand|million|billion))?\s+(?P<x>[a-z][^,;:\d]{2,50}?)\s+from\s+"
    + _QUALIFIER
    + "$"
)


def _from_done(text: str, low: str, f: Figure, s: Sentence, subj: str, end: int, participle) -> str | None:
    """'125,000 overseas buyers from 212 countries and regions had registered' -> 'countries and regions of
    overseas buyers registered': the places a count came from are theirs, with their predicate."""
    lo = max(s.start, f.token.start - 80)
    if low.find(" from ", lo, f.token.start) < 0:
        return None
    head = low[lo : f.token.start]
    m = _FROM_BEFORE.search(head)
    if not m:
        return None
    pm = participle.match(low[end : s.end])
    if not pm or _HAS_FIGURE.search(pm.group("p")):
        return None
    at = f.token.start - len(head)
    x = _tidy(text[at + m.start("x") : at + m.end("x")])
    if not x or _PRONOUN.match(x) or len(x.split()) > 6:
        return None
    return f"{subj} of {x} {' '.join(text[end + pm.start('p') : end + pm.end('p')].split())}"


def _nested(low: str, figs: list[Figure], k: int, s: Sentence) -> bool:
    """``figs[k]`` counts where the count before it came from ("125,000 buyers from 212 countries"): a rate
    after them is of the count before, not of this one."""
    f = figs[k]
    return (
        k > 0
        and figs[k - 1].sentence == f.sentence
        and figs[k - 1].unit == "count"
        and _strip_qualifier(low[max(s.start, f.token.start - 30) : f.token.start]).endswith(" from ")
    )


def _will_do(text: str, low: str, f: Figure, s: Sentence, subj: str, end: int) -> str:
    """'10 million college graduates will enter the job market' -> 'college graduates entering the job
    market'."""
    if low.find(" will ", end, min(s.end, end + 12)) < 0:
        return subj
    c = _clauses()
    m = c.future.match(low, end, s.end)
    if not m or _HAS_FIGURE.search(m.group("o")):
        return subj
    return f"{subj} {c.future_names[m.group('v')]} {' '.join(text[m.start('o') : m.end('o')].split())}"


def _where_place(low: str, f: Figure, s: Sentence, subj: str) -> str:
    """'... other deeply impoverished areas, where investment in power grids will total 20 billion yuan' ->
    'investment in power grids in deeply impoverished areas'."""
    if low.find(", where ", s.start, f.token.start) < 0:
        return subj
    head = low[s.start : f.token.start]
    m = _clauses().where.search(head)
    if not m:
        return subj
    place = re.sub(r"^(?:and|or|other|the|of|in|on|to|for)\s+", "", m.group("p")).strip()
    place = re.sub(r"^(?:other|the)\s+", "", place)
    return subj if place in subj.lower() else f"{subj} in {place}"


def _integrated(text: str, low: str, f: Figure, s: Sentence, subj: str) -> str:
    """'new-generation IT, represented by the industrial internet, have been integrated into 45 major
    sectors' -> 'major sectors integrated with new-generation IT, represented by the industrial internet'."""
    lo = max(s.start, f.token.start - 40)
    if low.find(" been ", lo, f.token.start) < 0:
        return subj
    head = low[lo : f.token.start]
    m = _clauses().integrated.search(head)
    if not m:
        return subj
    at = f.token.start - len(head) + m.start()
    parts = [p.strip() for p in text[s.start : at].split(",") if p.strip()]
    # the agent: the last part that is not a participle phrase about it ("represented by ..."), with those
    k = len(parts) - 1
    while k > 0 and re.match(r"(?:represented|led|driven|such as|including)\b", parts[k], re.IGNORECASE):
        k -= 1
    agent = _tidy(_LEAD_TRIM.sub("", " ".join(parts[k:])))
    if not agent or _HAS_FIGURE.search(agent) or _PRONOUN.match(agent) or agent.lower() in subj.lower():
        return subj
    return f"{subj} {m.group('v')} with {agent}"


def _owner_modifiers(subj: str, owner: str) -> str:
    """'application cases' in a sentence about '5G applications' -> '5G application cases': a count whose
    first word is the head of the sentence's subject takes that subject's modifiers."""
    words, theirs = subj.split(), owner.split()
    if len(words) < 2 or not 2 <= len(theirs) <= 4 or _HAS_FIGURE.search(owner.replace("5G", "")):
        return subj
    first, last = words[0].lower(), theirs[-1].lower()
    if last.removesuffix("s") != first or first == last or "of" in (x.lower() for x in theirs):
        return subj
    mods = theirs[:-1]
    if any(m.lower() in subj.lower().split() for m in mods):
        return subj
    return f"{' '.join(mods)} {subj}"


# "... 4.77 trillion yuan and nearly 5.76 trillion yuan in fiscal revenue": the measure after the list
_IN_AFTER = re.compile(
    r"(?P<gap>(?:\s+and\s+[^,;]{1,40}?\d[^,;]{0,20}?)?)\s+in\s+(?P<np>[a-z][\w' -]{2,40}?)"
    r"(?=\s*(?:[,;.]|$)|\s+(?:down|up|from|in\s+the|during|year)\b)"
)


@cache
def _in_measure_verb() -> re.Pattern[str]:
    return re.compile(
        rf"^(?P<a>[^,;]{{3,80}}?)\s+(?:{_alt(load('subjects')['in_measure_verbs'])})\s+"
        r"(?P<second>[^,;]*?\d[^,;]*?\s+and\s+)?$"  # (the second of two amounts: "N yuan and ")
    )


def _in_measure(text: str, low: str, f: Figure, s: Sentence) -> str:
    """'The central government and local governments collected 4.77 trillion yuan and 5.76 trillion yuan
    in fiscal revenue' -> 'fiscal revenue of central government and local governments' ("" if not so)."""
    if f.unit in ("count", "%", "pp") or " in " not in low[f.end : min(s.end, f.end + 80)]:
        return ""
    m = _IN_AFTER.match(low, f.end, s.end)
    if not m or _TRAIL_WORDS.match(m.group("np")):
        return ""
    np = _tidy(text[m.start("np") : m.end("np")])
    head = _strip_qualifier(low[s.start : f.token.start])
    v = _in_measure_verb().match(_LEAD_TRIM.sub("", head) if head else head)
    if not v:
        return np
    lead = len(head) - len(_LEAD_TRIM.sub("", head))
    agent = _tidy(text[s.start + lead + v.start("a") : s.start + lead + v.end("a")])
    both = _share_head(agent.split(" and "))  # "provincial and city governments": both governments
    second = v.group("second") is not None  # the amount after "N and"
    if len(both) == 2 and (second or m.group("gap")):
        # two agents, two amounts: "A and B collected N and M in X" -> X of A, X of B
        agent = _tidy(both[1 if second else 0])
    return f"{np} of {agent}" if agent and not _PRONOUN.match(agent) and agent.lower() != "we" else np


_TRAIL_WORDS = re.compile(r"(?:the|this|that|last|total|all|which|terms)\b")


# ------------------------------------------------------------------ a rate said more fully earlier
def _singular(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower().removesuffix("s") for w in words)


def _fuller_rates(figs: list[Figure]) -> None:
    """'unemployment rates of the local labor force' after 'surveyed urban unemployment rate' (said anywhere
    before in the briefing): the rate is the one named more fully before, of its own group."""
    owned = frozenset(x.lower() for x in load("subjects")["owned_nouns"])
    said: list[str] = []  # rates said bare before, in order
    for f in figs:
        head, of, tail = f.subject.partition(" of ")
        words = head.split()
        if not words:
            continue
        last = words[-1].lower().removesuffix("s")
        if last not in owned:
            continue
        if not of:
            said.append(f.subject)
            continue
        mine = _singular(words)
        if len(mine) < 2:
            continue
        for e in said:
            theirs = e.split()
            if mine < _singular(theirs) and theirs[-1].lower().removesuffix("s") == last:
                f.subject = f"{e} of {tail}"
                break
