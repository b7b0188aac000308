"""Subjects that stand alone (issue 14): growth named as growth, counts with their condition, references
resolved; shares, point changes and streaks are in :mod:`.changes`."""

from __future__ import annotations

import re
from functools import cache

from ..quantities import _QUALIFIER
from ..records import Figure, Sentence
from ..vocab import load
from .changes import _back_in_sentence, _point_change, _share, _streak, _whole
from .clauses import (
    _after_clause,
    _from_done,
    _fulfilled,
    _fuller_rates,
    _integrated,
    _nested,
    _owner_modifiers,
    _where_place,
    _will_do,
    _with_done,
)
from .context import (
    _action,
    _agent,
    _events,
    _fuller_mentions,
    _in_of,
    _named_after,
    _per_whom,
    _scope,
    _sibling,
    _targets,
    _turn_qualifier,
    _turn_topic,
    _where_done,
)
from .phrases import (
    _GROWTH_IN,
    _HAS_FIGURE,
    _IN_MEASURE,
    _SHARE_OF,
    _TRAIL_ADVERB,
    _TRAIL_PERIOD,
    _drop_from,
    _measure_words,
    _strip_qualifier,
    _tidy,
)
from .words import _doing, _whole_verb, _Words, _words


def _stand_alone(
    text: str, low: str, figs: list[Figure], sentences: list[Sentence], sentence_subject
) -> None:
    w = _words()
    turn_start: dict[int, int] = {}
    turn_end: dict[int, int] = {}
    for sent in sentences:
        turn_start.setdefault(sent.turn, sent.start)
        turn_end[sent.turn] = sent.end
    _fuller_mentions(figs, sentences)
    for k, f in enumerate(figs):
        s = sentences[f.sentence]
        if f.kind == "growth":
            f.subject = _growth_owner(
                text, low, f, s, _resolve_industry(text, low, f.subject, s, turn_start[s.turn])
            )
            prev = figs[k - 1] if k else None
            if (
                prev is not None
                and prev.sentence == f.sentence
                and prev.kind == "growth"
                and _AND_CLAUSE.search(low, prev.end, f.token.start)
                and (sib := _sibling(f.subject, prev.subject))
            ):  # "telecommunications business revenue grew 6.8%, and total business volume 16.5%"
                f.subject = sib
        elif f.kind in (
            "level",
            "share",
        ):  # "... capacity of hydropower reached ..., and nuclear power capacity"
            prev = _coordinated_before(figs, k, low)
            if prev is not None and (
                sib := _sibling(f.subject, prev.subject) or _activity(f.subject, prev.subject)
            ):
                f.subject = sib
        if f.kind in ("level", "change") and f.unit not in ("%", "pp"):
            old = f.subject
            end = _np_end(low, f, s)
            after = f.unit == "count" and end is not None
            subj = _count_condition(text, low, f, s, w, sentence_subject, turn_start[s.turn], end)
            if after:
                subj = _in_of(text, low, f, s, _agent(text, low, f, s, subj))
            elif f.unit != "count":
                subj = _action(text, low, f, s, subj)
            if f.unit == "count":
                subj = _integrated(text, low, f, s, subj)
                if end is not None:
                    subj = _will_do(text, low, f, s, subj, end)
            subj = _where_place(low, f, s, _after_clause(text, low, f, s, subj))
            prev = figs[k - 1] if k else None
            if (
                subj.endswith(" growth")
                and prev is not None
                and prev.sentence == f.sentence
                and prev.kind == "growth"
            ):
                subj = (
                    f"{subj} in {prev.subject}"  # "27 regions saw year-on-year growth": of what the rate is
                )
            f.subject = _per_whom(text, low, f, s, subj)
            for j, g in enumerate(figs[k + 1 :], k + 1):  # a rate that took this figure's phrase takes its
                if g.sentence == f.sentence and _nested(low, figs, j, sentences[g.sentence]):
                    continue  # condition too (over the places the counted things came from)
                if g.sentence != f.sentence or g.subject != old or g.kind in ("level", "change"):
                    break
                g.subject = f.subject
        elif f.kind == "share":
            f.subject = _fulfilled(text, low, f, s, _share(text, low, figs, k, s, w))
    for k, f in enumerate(figs):
        s = sentences[f.sentence]
        if f.kind == "pp_change":
            f.subject = _point_change(text, low, figs, k, s, w)
        elif f.kind == "streak":
            f.subject = _streak(text, low, f, s, w)
    _targets(text, low, figs, sentences)
    seen: dict = {}
    bare = _bare_words()
    for f in figs:  # "total trade" in a turn on foreign trade
        if bare.search(f.subject.lower()):
            s = sentences[f.sentence]
            f.subject = _turn_qualifier(low, f.subject, (turn_start[s.turn], turn_end[s.turn]), s.end, seen)
    _shown_by(text, low, figs, sentences)
    _events(text, low, figs, sentences)
    _fuller_rates(figs)
    for k, f in enumerate(figs):  # last: the rules above read the phrase of the rate, not its name
        if f.kind == "growth" and not w.growth_word.search(f.subject):
            kind = _growth_kind(low, f, sentences[f.sentence], w)
            prev = figs[k - 1] if k else None
            if prev is not None and _nested(low, figs, k - 1, sentences[prev.sentence]) and k > 1:
                prev = figs[k - 2]  # "125,000 buyers from 212 countries ..., up 23.2%": the buyers' number
            counted = (  # "health workers totaled 14.41 million, up 4.3%": growth of their number
                prev is not None
                and prev.sentence == f.sentence
                and prev.unit == "count"
                and prev.kind == "level"
                and prev.subject == f.subject
                and kind == "growth"
                and not _flows().intersection(_LETTERS.findall(f.subject.lower()))
                and not _measured(
                    low, prev
                )  # "34 micrograms per cubic meter": a level, not a number of things
            )
            of = "of number of" if counted else "of" if kind.endswith("growth") else "in"
            if kind.startswith("growth "):  # "growth at constant prices": the qualifier after the thing
                f.subject = f"growth of {f.subject} {kind.removeprefix('growth ')}"
            else:
                f.subject = f"{kind} {of} {f.subject}"
            base = f.baseline or ""
            if base and not w.period_baseline.search(
                base
            ):  # "up 23.2% from the previous session": not a time
                the = "the " if re.match(r"(?:previous|last|same|preceding)\b", base, re.IGNORECASE) else ""
                f.subject = f"{f.subject} against {the}{base}"
        elif f.kind == "change" and not w.growth_word.search(f.subject):
            said = f.unit == "count" and _CHANGE_SAID.search(low, max(0, f.token.start - 40), f.token.start)
            # a count changes by a number of things: "an increase of 12,000" institutions; a measure by its
            # amount: "an increase of 5.93 billion kilograms" in output
            number = "" if _measured(low, f) else "number of "
            f.subject = f"{said.group(1)} in {number}{f.subject}" if said else f"change in {f.subject}"


@cache
def _bare_words() -> re.Pattern[str]:
    """Any bare head (data/subjects.yml bare_heads) anywhere in a lower-cased subject: a substring test."""
    return re.compile("|".join(re.escape(x.lower()) for x in load("subjects")["bare_heads"]))


def _measured(low: str, f: Figure) -> bool:
    """A count said with a unit of measure after it ("34 micrograms", data/subjects.yml measure_words)."""
    m = _UNIT_WORD.match(low, f.end + 1) if low[f.end : f.end + 1] == " " else None
    return m is not None and m.group() in _measure_words()


@cache
def _flows() -> frozenset[str]:
    return frozenset(x.lower() for x in load("subjects")["flow_nouns"])


# "an increase of 12,000": the change named by the text's word
_CHANGE_SAID = re.compile(r"\b(increase|rise|decrease|decline|drop|reduction)\s+of\s+(?:\w+\s+)?$")


def _growth_kind(low: str, f: Figure, s: Sentence, w: _Words) -> str:
    after = low[f.end : min(s.end, f.end + 40)]
    said = re.match(
        r"\s+(?:year-on-year\s+)?(increase|rise|reduction|decrease|decline|drop|cut|fall)\s+in\b", after
    )
    if said:  # "a 20% reduction in production line time": the text's own word
        return {"cut": "reduction", "fall": "decline"}.get(said.group(1), said.group(1))
    for words, name in w.growth_kinds.items():
        if (
            after.lstrip(" ,").startswith(("year on year " + words, words))
            or (f.baseline or "").lower() == words
        ):
            return name
    return "growth"


# a sentence that opens with its field: "In the field of new materials, ..."
_LEAD_SCOPE = re.compile(
    r"\s*(?:in the (?:field|area|sector)s? of|in terms of)\s+(?P<np>[^,;.]{3,50}?),", re.IGNORECASE
)
# "the industry" in a subject: the industry the turn is about, the first one it names
_THE_INDUSTRY = re.compile(r"\b(?:in|of|for)\s+the\s+(?P<w>industry|sector)\b", re.IGNORECASE)
_NAMED_INDUSTRY = re.compile(
    r"(?<![\w-])(?:(?!the\b|this\b|our\b|its\b|their\b|a\b|an\b)[a-z][\w-]*\s+){1,4}(?:industry|sector)\b"
)
# the owner of a measure named after a change: "enterprises above designated size seeing a 17.2% increase in
# profits"
_OWNER_BEFORE = re.compile(
    r"(?:,|\bwith)\s+(?P<np>(?:(?!with\b)[a-z][\w'’-]*\s+){1,8}?)(?:seeing|saw|posting|posted|recording|recorded|"
    r"registering|registered|witnessing)\s+(?:an?\s+)?$"
)


def _resolve_industry(text: str, low: str, subj: str, s: Sentence, turn_start: int) -> str:
    """'fixed-asset investment in the industry' -> '... in the electronic information manufacturing industry':
    the first industry the turn names before the sentence."""
    m = _THE_INDUSTRY.search(subj)
    if not m:
        return subj
    named = _NAMED_INDUSTRY.search(low, turn_start, s.start)
    if not named:
        return subj
    industry = " ".join(text[named.start() : named.end()].split())
    return f"{subj[: m.start('w') - 4].rstrip()} {industry}{subj[m.end() :]}"


_CHANGE_OF = re.compile(
    rf"\b(?:increase|rise|growth|decline|decrease|drop|reduction)\s+of\s+(?:{_QUALIFIER})$"
)
_MEASURE_IN = re.compile(r"\s*(?:%|percent)?" + _IN_MEASURE)


_DOING = re.compile(r"\b(?P<v>[a-z]{3,})ing\s+(?P<o>(?:[\w-]+\s+){0,3}[\w-]+)$", re.IGNORECASE)


def _activity(subj: str, earlier: str) -> str | None:
    """'total test mileage' coordinated after 'roads designated for testing intelligent connected vehicles':
    the measure of the activity the earlier phrase names, of its object -> 'total test mileage of intelligent
    connected vehicles'."""
    m = _DOING.search(earlier)
    if not m or " of " in f" {subj} ":
        return None
    verb = m.group("v").lower()
    if not any(w.lower() in (verb, verb + "e") for w in subj.split()[:-1]):
        return None
    return f"{subj} of {m.group('o')}"


# a figure that shows what the clause before it said: "85% of surveyed enterprises have witnessed a boost in
# efficiency, demonstrated by a 20% reduction in production line time"
_SHOWN_BY = re.compile(
    r",\s+(?:as\s+)?(?:demonstrated|shown|evidenced|reflected|illustrated)\s+(?:by|in)\s+(?:an?\s+)?$"
)


def _shown_by(text: str, low: str, figs: list[Figure], sentences: list[Sentence]) -> None:
    """'85% of surveyed enterprises ..., demonstrated by a 20% reduction in production line time' -> the
    reduction is at the share's whole: 'production line time at surveyed enterprises'."""
    for k, f in enumerate(figs):
        s = sentences[f.sentence]
        if k == 0 or figs[k - 1].sentence != f.sentence or figs[k - 1].kind != "share":
            continue
        if not _SHOWN_BY.search(_strip_qualifier(low[max(s.start, f.token.start - 40) : f.token.start])):
            continue
        m = _SHARE_OF.match(text, figs[k - 1].token.end, s.end)
        whole = _whole(text, low, m, s)
        if vm := _whole_verb().search(whole.lower()):
            whole = whole[: vm.start()]
        if whole and whole.lower() not in f.subject.lower() and not _HAS_FIGURE.search(whole):
            f.subject = f"{f.subject} at {whole}"


def _coordinated_before(figs: list[Figure], k: int, low: str) -> Figure | None:
    """The level before ``figs[k]`` in its sentence when a ", and" clause separates them, else None."""
    f = figs[k]
    for g in _back_in_sentence(figs, k):
        if g.kind == "level" and g.subject and g.subject != f.subject:
            return g if _AND_CLAUSE.search(low, g.end, f.token.start) else None
    return None


def _measure_after(text: str, low: str, f: Figure, s: Sentence, subj: str) -> str:
    """'the export of televisions rose, with an increase of 15.1% in export value' -> 'export value of
    televisions': the measure named after the rate, of the thing the sentence is about."""
    if not _strip_qualifier(low[max(s.start, f.token.start - 40) : f.token.start]).endswith(" of ") or not (
        _CHANGE_OF.search(low, max(s.start, f.token.start - 40), f.token.start)
    ):
        return subj
    m = _MEASURE_IN.match(text, f.token.end, s.end)
    if not m or _TRAIL_PERIOD.search(" in " + m.group("np")) or _HAS_FIGURE.search(m.group("np")):
        return subj
    np = _tidy(m.group("np"))
    if not np or np.lower() in subj.lower():
        return subj
    head, of, tail = subj.partition(" of ")
    if of and set(np.lower().split()) & set(head.lower().split()):
        return f"{np} of {tail}"
    return f"{np} of {subj}"


def _growth_owner(text: str, low: str, f: Figure, s: Sentence, subj: str) -> str:
    subj = _measure_after(text, low, f, s, subj)
    head = low[max(s.start, f.token.start - 90) : f.token.start]
    m = _OWNER_BEFORE.search(head)
    if m and _GROWTH_IN.match(text, f.end, s.end):
        owner = " ".join(m.group("np").split())
        if owner and owner not in subj.lower():
            at = f.token.start - len(head)
            return f"{subj} of {_tidy(text[at + m.start('np') : at + m.end('np')])}"
    return subj


def _np_end(low: str, f: Figure, s: Sentence) -> int | None:
    """Where the figure's subject ends when it is the phrase right after the figure."""
    subj = f.subject.lower()
    i = low.find(subj, f.end, min(s.end, f.end + 160))
    return i + len(subj) if subj and i >= 0 and not low[f.end : i].strip(" \u00a0").count(" ") > 3 else None


# the count opens its clause: after punctuation (and "and"), "27 of 41", "in the first three quarters,"
_CLAUSE_START = re.compile(
    r"(?:^|[,;:]\s*(?:and\s+)?|\bof\s+\S+\s+|\bin\s+the\s+first\s+\w+\s+quarters,\s*)$"
)
_AND_CLAUSE = re.compile(r",\s+and\s")
# what stands between a count's phrase and the predicate it shares: another count of the list ("and 3,460
# stations were built", ", and over 140 million smartphones, being updated"), the things it came "from"
_COORDINATED = re.compile(
    r"\s+(?:and|from)\s+(?:more than |over |nearly |about )?[\d,.]+\s[^,;.]{1,80}?"
    r"(?=\s+(?:were|are|have|has|had)\s)"
    r"|(?:,\s+and\s+(?:more than |over |nearly |about )?[\d,.]+\s[^,;.]{1,80}?)?,(?=\s+being\s)"
)
# the place a count was brought or sent to, right after its phrase
_TO_PLACE = re.compile(r"\s+(?P<p>(?:to|into)\s+(?:the\s+)?[\w'’ -]{2,40}?)(?=\s*(?:[,;.]|$))")
_MAKE_THEM = re.compile(r"\bto make (?:them|it)\b", re.IGNORECASE)
# a day the participle was said by: "had registered by Wednesday" (a time, not a condition)
_BY_DAY = re.compile(
    r"\s+(?:by|on|as of|until|till)\s+(?:last\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)$",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[a-z]+")
_UNIT_WORD = re.compile(r"[a-z][a-z-]*")
_PLACE = re.compile(r"\s+in\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}")


def _place(rest: str, w: _Words) -> int:
    """The end of 'in <place>' (up to four words) after the phrase if a condition verb follows, else 0."""
    m = _PLACE.match(rest)
    if not m:
        return 0
    ends = [m.start() + i for i, c in enumerate(m.group()) if c == " " and i > 4] + [m.end()]
    return next((e for e in ends if w.condition_verb.match(rest[e:])), 0)


# "Power generation totaled 7 trillion kWh": a total
_TOTALED = re.compile(r"\b(?:totaled|totalled|totaling|totalling|amounted to)\s+(?:rmb\s+|us\$\s*|\$\s*)?$")


def _total(head: str, f: Figure, subj: str) -> str:
    bare = _strip_qualifier(head)
    if f.unit != "count" and _TOTALED.search(bare) and not subj.lower().startswith("total"):
        return f"total {subj[:1].lower() + subj[1:] if subj[1:2].islower() else subj}"
    return subj


def _count_condition(
    text: str, low: str, f: Figure, s: Sentence, w: _Words, sentence_subject, turn_start: int, end: int | None
) -> str:
    """The count's phrase with its condition (``end``: where the phrase ends after the figure)."""
    subj = f.subject
    if m := w.bare.match(subj):  # "related enterprises": related to what the sentence is about
        owner = sentence_subject(f.sentence)
        if owner and owner.lower() not in subj.lower() and not _HAS_FIGURE.search(owner):
            subj = f"{subj[m.end() :]} {m.group().strip()} to {owner}"
        elif m.group().strip().lower() == "related" and (
            topic := _turn_topic(text, low, turn_start, s.start)
        ):
            subj = f"{topic}-related {subj[m.end() :]}"  # ... else to what the turn is about: "5G-related"
    elif (
        f.unit == "count"
        and " " in subj
        and low.find(subj.split(" ", 1)[0].lower() + "s ", s.start, f.token.start) >= 0
        and (owner := sentence_subject(f.sentence))
    ):
        subj = _owner_modifiers(subj, owner)  # "application cases" of "5G applications"
    subj = _resolve_industry(text, low, subj, s, turn_start)
    lead = _LEAD_SCOPE.match(text, s.start, s.end)
    if lead and lead.group("np").lower() not in subj.lower():  # "In the field of new materials, seven ..."
        subj = f"{subj} in {lead.group('np')}"
    head = low[max(s.start, f.token.start - 60) : f.token.start]
    if end is None:
        return _total(head, f, subj)
    # "1.033 million institutions nationwide", '109 pilot projects for "5G + smart education"', "seven lines
    # of 800 kV": a scope, a quoted name or a rating after the phrase is part of it
    subj, end = _scope(low, end, s, subj)
    subj, end = _named_after(text, low, end, s, subj)
    if bm := w.built_before.search(head):  # "China had built 3.189 million ..."
        # (where they were brought: "have brought 1 million new products to the fair")
        to = _TO_PLACE.match(text, end, s.end)
        said = f" {' '.join(to.group('p').split())}" if to and not _HAS_FIGURE.search(to.group("p")) else ""
        return f"{subj} {bm.group('p')}{said}"
    rest = low[end : s.end]
    if where := _where_done(
        text, low, f, s, subj, end, w.participle
    ):  # "grids in 78,000 towns were upgraded"
        return where
    if with_ := _with_done(text, low, f, s, subj, end, w.participle):  # "trade with 153 countries increased"
        return with_
    if from_ := _from_done(
        text, low, f, s, subj, end, w.participle
    ):  # "buyers from 212 countries registered"
        return _BY_DAY.sub("", from_)
    # a field named right after the phrase: "innovation centers in new materials", "platforms for new
    # materials"
    from ..sectors import _vocabulary

    m = re.match(r"\s+(?:in|for)\s+(?:the\s+(?:field|area|sector)s?\s+of\s+)?", rest)
    if m:
        km = _vocabulary().rx.match(rest, m.end())
        if km and re.match(r"(?![\w-])", rest[km.end() :]):
            subj += text[end : end + km.end()]
            end, rest = end + km.end(), low[end + km.end() : s.end]
    # a coordinated count shares the predicate: "6.278 million charging piles and 3,460 stations were built"
    # ("1,924 websites, and over 140 million smartphones, being updated ...": the list, then its participle;
    # "125,000 buyers from 212 countries had registered": the things they came from are theirs)
    co = _COORDINATED.match(rest)
    m = w.participle.match(rest[co.end() :] if co else rest)
    if m and not _HAS_FIGURE.search(m.group("p")):
        at = end + (co.end() if co else 0)
        said = _BY_DAY.sub("", " ".join(text[at + m.start("p") : at + m.end("p")].split()))
        said = _MAKE_THEM.sub("to be", said)  # "updated to make them senior-friendly": updated to be so
        if said and not _TRAIL_PERIOD.search(" " + said):
            return f"{subj} {said}"
    bare = _strip_qualifier(head)  # "..., more than 4.8 million households switched"
    if _CLAUSE_START.search(bare) or bare.strip() == "":
        if p := _place(rest, w):  # "households in northern China switched ...": the place stays with them
            subj, end, rest = subj + text[end : end + p], end + p, rest[p:]
        m = w.condition_verb.match(rest)
        if m and not _HAS_FIGURE.search(m.group("p")):
            said = _drop_from(
                _TRAIL_ADVERB, ("year", "still", "also", "now"), text[end + m.start("p") : end + m.end("p")]
            )
            said = " ".join(said.split())
            if pm := re.match(
                r"(?:had|have|has)\s+([a-z]+ed\s.*)$", said
            ):  # "that had gained access": gaining
                return f"{subj} {_doing(pm.group(1))}"
            return f"{subj} that {said}"
    return subj
