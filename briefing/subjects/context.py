"""Qualifiers said outside the figure's phrase (issue 14): the fuller mention of the same thing earlier in
the turn, the agent of a count ("visits received by libraries"), a target or plan ("target ceiling for
total energy consumption", "planned cut in outdated coal capacity", "expected decline in ..."), the
population of a rate per head, a scope right after the counted things ("nationwide"), the whole of a share
said beside it, the event a question names ("the fair" -> "the 135th Canton Fair"). The words are in
data/subjects.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..quantities import _QUALIFIER
from ..records import Figure, Sentence
from ..vocab import load
from .phrases import _HAS_FIGURE, _LEAD_TRIM, _PRONOUN, _strip_qualifier, _tidy
from .words import _alt


@dataclass(frozen=True)
class _Context:
    agent_verb: re.Pattern[str]
    agent_word: re.Pattern[str]
    last_words: frozenset[str]
    preps: frozenset[str]
    with_participle: re.Pattern[str]
    target_cue: re.Pattern[str]
    cue_words: tuple[str, ...]
    any_cue: re.Pattern[str]
    ceiling: re.Pattern[str]
    share_target: re.Pattern[str]
    plan: re.Pattern[str]
    plan_names: dict[str, str]
    expected: re.Pattern[str]
    expected_names: dict[str, str]
    expected_words: tuple[str, ...]
    per_whom: re.Pattern[str]
    scope: re.Pattern[str]
    owned_nouns: frozenset[str]
    bare_heads: re.Pattern[str]
    bare_before: frozenset[str]
    bare_words: tuple[str, ...]
    agent_present: dict[str, str]
    in_of: re.Pattern[str]
    in_of_growth: frozenset[str]
    action_before: str
    with_measure: re.Pattern[str]


@cache
def _context() -> _Context:
    w = load("subjects")
    q = _QUALIFIER
    plans = {k.lower(): v for k, v in w["plan_verbs"].items()}
    expected = {k.lower(): v for k, v in w["expected_nouns"].items()}
    present = {k.lower(): v for k, v in w["agent_present"].items()}
    agents = _alt(w["agent_verbs"] + list(present))
    actions = _alt(w["action_verbs"])
    return _Context(
        agent_verb=re.compile(
            rf"\b(?:(?:has|have|had)\s+)?(?P<v>{agents})\s+(?:the\s+)?{q}(?:a total of )?$"
        ),
        agent_word=re.compile(rf"\b(?:{agents})\b"),
        preps=frozenset(x.lower() for x in w["with_participle_preps"]),
        last_words=frozenset(
            x.split()[-1].lower() for x in [*w["agent_verbs"], *present, *w["with_participle_preps"]]
        ),
        with_participle=re.compile(
            rf"\bwith\s+(?P<a>[a-z0-9][\w'’ -]{{2,50}}?)\s+(?P<v>[a-z]+ed)\s+"
            rf"(?:{_alt(w['with_participle_preps'])})\s+(?:the\s+)?{q}$"
        ),
        cue_words=tuple({x.split()[0].lower() for x in w["target_cues"]}),
        any_cue=re.compile("|".join(sorted({re.escape(x.split()[0].lower()) for x in w["target_cues"]}))),
        target_cue=re.compile(rf"\b(?:{_alt(w['target_cues'])})\b"),
        ceiling=re.compile(
            rf"\b(?:{_alt(w['ceiling_verbs'])})\s+(?:the\s+)?(?P<np>[^,;]{{3,60}}?)\s+(?:within|under|below)\s+"
            rf"{q}$"
        ),
        share_target=re.compile(
            rf"\b(?:{_alt(w['share_target_verbs'])})\s+(?:the\s+)?(?P<np>share\s+of\s+[^,;]{{3,80}}?)\s+to\s+"
            rf"{q}$"
        ),
        plan=re.compile(rf"\bwill\s+(?:\w+\s+)?(?P<v>{_alt(plans)})\s+{q}$"),
        plan_names=plans,
        expected=re.compile(rf"\b(?:{_alt(w['expected_cues'])})\s+(?P<v>{_alt(expected)})\s+(?:by\s+)?{q}$"),
        expected_names=expected,
        expected_words=tuple({x.split()[1] for x in w["expected_cues"]}),
        per_whom=re.compile(
            rf"\s*per\s+(?P<n>[\d,.]+(?:\s+(?:thousand|million))?)\s+(?:chinese\s+)?"
            rf"(?P<who>{_alt(w['per_whom'])})\b"
        ),
        bare_heads=re.compile(rf"\b(?:{_alt(w['bare_heads'])})\b", re.IGNORECASE),
        bare_words=tuple(x.lower() for x in w["bare_heads"]),
        bare_before=frozenset(x.lower() for x in w["bare_before"]),
        owned_nouns=frozenset(x.lower() for x in w["owned_nouns"]),
        scope=re.compile(rf"\s+(?P<s>{_alt(w['scope_after'])})\b"),
        agent_present=present,
        in_of=re.compile(rf"(?:^|[,;:]\s*(?:and\s+)?|\band\s+)(?P<cl>[^,;:]{{5,100}}?)\s+in\s+{q}$"),
        in_of_growth=frozenset(x.lower() for x in w["in_of_growth_verbs"]),
        action_before=actions,
        with_measure=re.compile(
            rf"\b(?P<v>{actions})\s+(?P<np>[^,;]{{3,80}}?)\s+with\s+(?:an?\s+)?"
            rf"(?P<m>{_alt(w['with_measures'])})\s+of\s+{q}$"
        ),
    )


def _head(low: str, f: Figure, s: Sentence, width: int = 120) -> str:
    return low[max(s.start, f.token.start - width) : f.token.start]


# ------------------------------------------------------------------ the fuller mention earlier in the turn
@lru_cache(maxsize=4096)
def _words_of(s: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", s.lower()))


def _short(subj: str) -> bool:
    """A subject short enough to take a fuller mention's qualifiers: up to three words, no "of"."""
    return bool(subj) and subj.count(" ") < 3 and " of " not in f" {subj.lower()} "


def _fuller(subj: str, earlier: str) -> str | None:
    """'Exports' after 'total imports and exports of goods' -> 'Exports of goods'; 'industrial value added'
    after 'value added of industrial enterprises above designated size' -> the latter."""
    mine = _words_of(subj)
    if not mine or subj.lower() == earlier.lower():
        return None
    head, of, tail = earlier.partition(" of ")
    if of and mine <= _words_of(head):
        return f"{subj} of {tail}"
    if of and mine <= _words_of(earlier) and len(mine) > 1:
        return earlier
    return _same_head(subj, earlier)


def _same_head(subj: str, earlier: str) -> str | None:
    """'5G stations' after '5G base stations': the same thing (same head noun, all its words there), said
    more fully before."""
    mine, theirs = _words_of(subj), _words_of(earlier)
    if (
        len(mine) > 1
        and mine < theirs
        and " of " not in f" {earlier} "
        and earlier.count(" ") < 5
        and earlier.split()[-1].lower() == subj.split()[-1].lower()
    ):
        return earlier
    return None


def _fuller_mentions(figs: list[Figure], sentences: list[Sentence], back: int = 3) -> None:
    """A short subject takes the qualifiers of the nearest fuller mention of the same thing in the figures of
    the ``back`` sentences before it, in its turn."""
    for k, f in enumerate(figs):
        if f.unit == "pp" or f.kind in ("pp_change", "streak") or not _short(f.subject):
            continue
        turn = sentences[f.sentence].turn
        for g in reversed(figs[max(0, k - 12) : k]):
            if sentences[g.sentence].turn != turn or f.sentence - g.sentence > back:
                break
            # (in its own sentence, only the same thing said more fully: "22.6 5G stations" after "5G base
            # stations"; other figures of the sentence are its siblings)
            better = (
                _same_head(f.subject, g.subject)
                if g.sentence == f.sentence
                else _fuller(f.subject, g.subject)
            )
            if better:
                f.subject = better
                break


# ------------------------------------------------------------------ the agent of a count
def _agent_np(text: str, s: Sentence, verb_at: int) -> str:
    """The phrase before the verb at ``verb_at`` in its clause (through coordinated verbs: "received ...,
    and admitted ..." -> the subject of "received")."""
    c = _context()
    body = text[s.start : verb_at]
    np = _LEAD_TRIM.sub("", body.strip())
    if re.search(r"(?:^|,)\s*and\s*$", np) or np.lower().startswith("and"):
        m = c.agent_word.search(np.lower())
        np = np[: m.start()] if m else ""
    np = np.split(",")[-1].strip()
    np = re.sub(r"\s+(?:has|have|had|now|also)$", "", np, flags=re.IGNORECASE)
    named = re.match(r"the\s+\d+\s+[a-z]", np, re.IGNORECASE)  # "the 12320 health hotline": a name
    np = _tidy(np)
    if not np or len(np.split()) > 8 or (_HAS_FIGURE.search(np) and not named) or _PRONOUN.match(np):
        return ""
    if np.lower() in ("we", "i", "china", "they", "you"):
        return ""
    return np


def _agent(text: str, low: str, f: Figure, s: Sentence, subj: str) -> str:
    """'libraries received 900 million visits' -> 'visits received by libraries'; 'with 5G applications
    integrated into 67 categories' -> 'categories with 5G applications integrated'."""
    c = _context()
    head = _head(low, f, s)
    last = _strip_qualifier(head).removesuffix("a total of ").removesuffix("the ").rsplit(" ", 2)[-2:]
    if last[0] not in c.last_words:  # neither "... integrated into" nor "... received": nothing to read
        return subj
    at = f.token.start - len(head)
    m = c.with_participle.search(head) if last[0] in c.preps and "with " in head else None
    if m:
        a = _tidy(text[at + m.start("a") : at + m.end("a")])
        if a and not _HAS_FIGURE.search(a):
            return f"{subj} with {a} {m.group('v')}"
    m = c.agent_verb.search(head)
    if not m:
        return subj
    agent = _agent_np(text, s, at + m.start("v"))
    if not agent or agent.lower() in subj.lower():
        return subj
    verb = c.agent_present.get(m.group("v"), m.group("v"))
    base = subj[: -len(verb)].rstrip() if subj.lower().endswith(" " + verb) else subj
    return f"{base} {verb} by {agent}"


# ------------------------------------------------------------------ targets, plans, expectations
def _target(text: str, low: str, f: Figure, s: Sentence, subj: str, cue: int) -> str | None:
    """The subject of a target, a plan or an expectation, or None (``cue``: where the sentence's first target
    cue starts, -1 if none)."""
    c = _context()
    if 0 <= cue < f.token.start:
        head = _head(low, f, s, 160)
        at = f.token.start - len(head)
        m = c.share_target.search(head)
        if m:  # the phrase as written
            return f"target {' '.join(text[at + m.start('np') : at + m.end('np')].split())}"
        m = c.ceiling.search(head)
        if m:
            return f"target ceiling for {subj}"
        m = c.plan.search(head)
        if m and f.unit not in ("%", "pp"):
            name = c.plan_names[m.group("v")]
            return f"{name} {subj}" if name.lower() not in subj.lower() else None
    if f.kind == "growth":
        head = _head(low, f, s, 80)
        m = c.expected.search(head) if any(w in head for w in c.expected_words) else None
        if m:
            return f"expected {c.expected_names[m.group('v')]} in {subj}"
    return None


def _targets(text: str, low: str, figs: list[Figure], sentences: list[Sentence]) -> None:
    c = _context()
    cues: dict[int, int] = {}  # sentence -> where its first cue starts (-1: none), looked for once
    for f in figs:
        if f.sentence not in cues:
            s = sentences[f.sentence]
            # (a substring test first: most sentences have no cue word at all)
            m = c.target_cue.search(low, s.start, s.end) if c.any_cue.search(low, s.start, s.end) else None
            cues[f.sentence] = m.start() if m else -1
        if not (0 <= cues[f.sentence] < f.token.start or f.kind == "growth"):
            continue  # no cue before it, and not a rate that may be expected
        got = _target(text, low, f, sentences[f.sentence], f.subject, cues[f.sentence])
        if got:
            f.subject = got


# ------------------------------------------------------------------ per head, scope
def _per_whom(text: str, low: str, f: Figure, s: Sentence, subj: str) -> str:
    """'3.15 licensed doctors per 1,000 people' (unit 'per 1,000') -> 'licensed doctors per 1,000 people'."""
    if not f.unit.startswith("per ") or " per " in f" {subj.lower()} ":
        return subj
    i = low.find(" per ", f.token.end, min(s.end, f.token.end + 100))
    if i < 0:
        return subj
    m = _context().per_whom.match(low, i)
    return f"{subj} per {m.group('n')} {m.group('who')}" if m else subj


def _scope(low: str, end: int, s: Sentence, subj: str) -> tuple[str, int]:
    """A scope right after the counted things ('1.033 million institutions nationwide'): the subject with it
    and where it ends."""
    m = _context().scope.match(low, end, s.end)
    if m and m.group("s") not in subj.lower():
        return f"{subj} {m.group('s')}", m.end()
    return subj, end


# ------------------------------------------------------------------ where, and what an action made
_OF_M = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?[\d,]+\s")
_CLAUSE_VERB = re.compile(r"\s(?P<v>picked up|[a-z]+ed|fell|rose|grew|saw)\b")


def _in_of(text: str, low: str, f: Figure, s: Sentence, subj: str) -> str:
    """'the infant mortality rate fell in 20 of the 31 regions' -> 'regions where infant mortality rate fell';
    'value added increased year on year in 28 of 31 regions' -> 'regions with year-on-year growth in value
    added'."""
    c = _context()
    if not _OF_M.match(low, f.token.end, s.end):
        return subj
    head = _head(low, f, s)
    m = c.in_of.search(head)
    if not m:
        return subj
    at = f.token.start - len(head)
    clause = " ".join(_LEAD_TRIM.sub("", text[at + m.start("cl") : at + m.end("cl")]).split())
    v = None
    for v in _CLAUSE_VERB.finditer(clause.lower()):  # noqa: B007  the clause's verb is its last ("added value increased")
        pass
    if not v or _HAS_FIGURE.search(clause):
        return subj
    what = _tidy(clause[: v.start()])
    if not what or _PRONOUN.match(what):
        return subj
    if v.group("v") in c.in_of_growth:
        yoy = "year-on-year " if re.search(r"year[- ]on[- ]year", clause, re.IGNORECASE) else ""
        return f"{subj} with {yoy}growth in {what}"
    return f"{subj} where {what}{clause[v.start() :]}"


def _action(text: str, low: str, f: Figure, s: Sentence, subj: str) -> str:
    """'phased out outdated coal capacity of 270 million tonnes' -> 'outdated coal capacity phased out';
    'built projects with a total capacity of 15.58 million kW' -> 'total capacity of projects built'."""
    c = _context()
    head = _head(low, f, s, 160)
    if not _strip_qualifier(head).endswith(" of "):
        return subj
    at = f.token.start - len(head)
    m = c.with_measure.search(head)
    if m:
        np = _tidy(text[at + m.start("np") : at + m.end("np")])
        if np and not _HAS_FIGURE.search(np):
            return f"{m.group('m')} of {np} {m.group('v')}"
    if subj and (
        m := re.search(
            rf"\b(?P<v>{c.action_before})\s+(?:the\s+)?{re.escape(subj.lower())}\s+of\s+{_QUALIFIER}$", head
        )
    ):
        return f"{subj} {m.group('v')}"
    return subj


# ------------------------------------------------------------------ siblings, the turn's topic
_GLUE = frozenset(("and", "or", "of", "the", "in", "for", "with", "to", "on", "at", "by"))


def _sibling(subj: str, earlier: str) -> str | None:
    """'total business volume' coordinated after 'telecommunications business revenue': the qualifier the
    earlier phrase puts before the word they share -> 'total business volume of telecommunications'; 'the
    participation rate' after 'insurance enrollment' -> 'participation rate of insurance enrollment';
    'nuclear power capacity' after 'installed capacity of hydropower and wind power' -> 'installed capacity of
    nuclear power'."""
    low, owned = subj.lower(), _context().owned_nouns
    if (
        " of " not in f" {low} "
        and low.split()[-1] in owned
        and earlier.split()[-1].lower() not in owned  # (a rate beside a rate is a rate of its own)
        and low not in earlier.lower()
    ):
        return f"{subj} of {earlier}"
    measure, of, _ = earlier.partition(" of ")
    words = measure.split()
    if of and len(words) > 1 and " of " not in f" {low} " and low.endswith(" " + words[-1].lower()):
        rest = subj[: -len(words[-1])].strip()
        if rest and not set(rest.lower().split()) & {x.lower() for x in words}:
            return f"{measure} of {rest}"
    mine, theirs = subj.split(), earlier.split()
    if len(theirs) < 3 or len(mine) < 2 or " of " in f" {subj} " or mine[-1].lower() == theirs[-1].lower():
        return None
    later = [x.lower() for x in mine[1:]]
    for i, word in enumerate(theirs[1:-1], 1):
        if word.lower() in later and word.lower() not in _GLUE:  # a shared content word, not "and"
            q = " ".join(theirs[:i])
            if set(q.lower().split()) & {x.lower() for x in mine}:
                return None
            return f"{subj} of {q}"
    return None


def _turn_topic(text: str, low: str, turn_start: int, at: int) -> str:
    """The field the turn talks about most before ``at`` (a keyword of data/sectors.yml, as written)."""
    from ..sectors import _vocabulary

    seen: dict[str, list[int]] = {}
    for m in _vocabulary().rx.finditer(low, turn_start, at):
        seen.setdefault(m.group().lower(), []).append(m.start())
    if not seen:
        return ""
    best = max(seen, key=lambda k: (len(seen[k]), -seen[k][0]))
    i = seen[best][0]
    return text[i : i + len(best)]


# ------------------------------------------------------------------ names and places after the phrase
_QUOTED_NAME = re.compile(r"\s+(?P<p>for|of|on)\s+(?:the\s+)?[\"“](?P<q>[^\"”]{2,40}?)[,.]?[\"”]")
_RATING = re.compile(r"\s+of\s+[\d,.]+\s*(?:kv|kw|mw|gw|tonnes|meters|metres)\b")


def _named_after(text: str, low: str, end: int, s: Sentence, subj: str) -> tuple[str, int]:
    """'109 pilot projects for "5G + smart education,"' -> 'pilot projects for "5G + smart education"';
    'seven UHV lines of 800 kV' -> 'UHV lines of 800 kV'."""
    m = _QUOTED_NAME.match(text, end, s.end)
    if m:
        return f'{subj} {m.group("p")} "{m.group("q").strip()}"', m.end()
    m = _RATING.match(low, end, s.end)
    if m:
        return subj + " ".join(text[end : m.end()].split(" ")), m.end()
    return subj, end


_IN_BEFORE = re.compile(r"(?:^|[,;:]\s*(?:and\s+)?)(?P<x>[^,;:]{3,60}?)\s+in\s+" + _QUALIFIER + "$")


def _where_done(text: str, low: str, f: Figure, s: Sentence, subj: str, end: int, participle) -> str | None:
    """'power grids in 78,000 towns had been upgraded' -> 'towns where power grids had been upgraded'."""
    head = _head(low, f, s)
    if not _strip_qualifier(head).endswith(" in "):
        return None
    m = _IN_BEFORE.search(head)
    if not m:
        return None
    pm = participle.match(low[end : s.end])  # (anchored at its start: a slice, not a position)
    if not pm or _HAS_FIGURE.search(pm.group("p")):
        return None
    at = f.token.start - len(head)
    x = _tidy(_LEAD_TRIM.sub("", text[at + m.start("x") : at + m.end("x")]))
    if not x or _HAS_FIGURE.search(x) or _PRONOUN.match(x) or len(x.split()) > 6:
        return None
    return f"{subj} where {x} {' '.join(text[end : end + pm.end('p')].split())}"


# ------------------------------------------------------------------ a bare head qualified by the turn
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([a-z][a-z-]{2,})$")
# words that stand before a noun without qualifying it
_NOT_QUALIFIERS = _GLUE | frozenset(
    [
        "where",
        "when",
        "which",
        "that",
        "this",
        "these",
        "those",
        "our",
        "their",
        "its",
        "such",
        "more",
        "most",
        "also",
        "will",
        "what",
        "whose",
        "while",
        "as",
        "all",
        "any",
        "each",
        "every",
        "some",
        "other",
        "same",
        "new",
    ]
)


def _turn_qualifier(low: str, subj: str, turn: tuple[int, int], at: int, seen: dict) -> str:
    """'total trade' in a turn that says 'foreign trade' -> 'total foreign trade' (``seen`` caches each
    turn's qualifiers of a head)."""
    c = _context()
    low_subj = subj.lower()
    if not any(h in low_subj for h in c.bare_words):  # (a substring test first: most subjects have none)
        return subj
    out = subj
    mine = _words_of(low_subj) | frozenset(re.findall(r"[a-z][a-z-]+", low_subj))
    for m in reversed(list(c.bare_heads.finditer(subj))):  # from the right: earlier places do not move
        head = m.group().lower()
        # the turn's one qualifier, else (none there) the one of the briefing before it
        q = _qualifier_of(low, head, turn, at, seen, mine) or _qualifier_of(
            low, head, (0, turn[1]), at, seen, mine
        )
        before = subj[: m.start()].split()
        last = before[-1].lower().strip("'’") if before else ""
        # (a compound modifier before the head stays before the qualifier: "out-of-pocket health spending")
        if not q or q in low_subj or (before and last not in c.bare_before and "-" not in last):
            continue
        word = m.group()
        if word[1:].islower():  # "Trade of ..." (it opened its sentence) -> "foreign trade of ..."
            word = word.lower()
        out = f"{out[: m.start()]}{q} {word}{out[m.end() :]}"
    return out


def _qualifier_of(
    low: str, head: str, turn: tuple[int, int], at: int, seen: dict, mine: frozenset[str] = frozenset()
) -> str:
    """The one word the turn (its span) puts before ``head`` up to ``at`` ("" if none, or more than one), a
    word of the subject (``mine``) aside. The text is read once per head (``seen``: head -> where each
    qualifier stands and where it starts)."""
    if head not in seen:
        found, i, n = [], 0, len(head)
        c = _context()
        while (i := low.find(" " + head, i)) >= 0:
            if not low[i + 1 + n : i + 2 + n].isalpha():  # the whole word
                m = _WORD_BEFORE.search(low, max(0, i - 40), i)
                if m and (word := m.group(1)) not in c.bare_before and word not in _NOT_QUALIFIERS:
                    found.append((i, word, m.start(1)))
            i += 1 + n
        seen[head] = found
    lo, hi = turn[0], min(turn[1], at)
    words = {w for i, w, ws in seen[head] if ws >= lo and i < hi and w not in mine}
    return words.pop() if len(words) == 1 else ""  # one qualifier only: no guess between two


# ------------------------------------------------------------------ the event the exchange is about
# A question names "the 135th China Import and Export Fair", the answer says "the current session of the
# Canton Fair" and "the fair": each is "the 135th Canton Fair", and a figure said in a sentence of the answer
# that speaks of the event, without naming it, is of it ("overseas buyers registered" -> "... at the 135th
# Canton Fair"). The heads that make a name an event are data/subjects.yml event_heads.
@dataclass(frozen=True)
class _Event:
    label: str  # "135th Canton Fair"
    said: re.Pattern[str]  # its mentions in a subject, bare or as "the current session of ..."
    head: str  # "fair"


@cache
def _named() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in sorted(load("subjects")["event_heads"], key=len, reverse=True))
    return re.compile(
        rf"\b(?P<ord>\d+(?:st|nd|rd|th))\s+(?P<name>(?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|on)\s+)?){{0,6}}?"
        rf"(?P<head>{heads}))\b"
    )


def _short_name(text: str, lo: int, hi: int, head: str) -> str:
    """The name the answer calls the event by ("Canton Fair"), "" if none."""
    m = re.search(rf"\b(?:[A-Z][\w'’-]*\s+){{1,3}}?{re.escape(head)}\b", text[lo:hi])
    return re.sub(r"^(?:The|This|That)\s+", "", m.group()) if m else ""


def _event(text: str, turns: list[tuple[int, int]], t: int) -> _Event | None:
    """The event the question before turn ``t`` (or the turn itself) names with an ordinal, if the turn
    speaks of it."""
    lo, hi = turns[t]
    m = None
    for a, b in ([turns[t - 1]] if t > 0 else []) + [turns[t]]:
        m = _named().search(text, a, b)
        if m:
            break
    if not m:
        return None
    head = m.group("head")
    if not re.search(rf"\b{re.escape(head.lower())}\b", text[lo:hi].lower()):
        return None  # the answer does not speak of it
    name = " ".join(m.group("name").split())
    short = _short_name(text, lo, hi, head) or name
    names = "|".join(re.escape(n) for n in sorted({name, short, head.lower()}, key=len, reverse=True))
    said = re.compile(
        rf"\b(?:the\s+)?(?:(?:current|present|latest|ongoing|this)\s+(?:session|edition)\s+of\s+(?:the\s+)?"
        rf"(?:{names})|(?<!\d)(?<!\d\w\w\s)(?:this|the)\s+(?:{names}))\b",
        re.IGNORECASE,
    )
    return _Event(f"{m.group('ord')} {short}", said, head.lower())


def _events(text: str, low: str, figs: list[Figure], sentences: list[Sentence]) -> None:
    turns: dict[int, tuple[int, int]] = {}
    for s in sentences:
        a, _ = turns.get(s.turn, (s.start, s.end))
        turns[s.turn] = (a, s.end)
    spans = [turns.get(t, (0, 0)) for t in range(max(turns, default=-1) + 1)]
    found: dict[int, _Event | None] = {}
    for f in figs:
        s = sentences[f.sentence]
        if s.turn not in found:
            found[s.turn] = _event(text, spans, s.turn)
        ev = found[s.turn]
        if ev is None or ev.label.lower() in f.subject.lower():
            continue
        subj = ev.said.sub(f"the {ev.label}", f.subject)
        if subj == f.subject and re.search(rf"\b{ev.head}\b", low[s.start : s.end]):
            subj = f"{subj} at the {ev.label}"  # a figure said where the event is spoken of is of it
        f.subject = subj
