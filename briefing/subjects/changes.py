"""Shares with their part and whole, point changes named as changes, streaks with what went on."""

from __future__ import annotations

import re

from ..numbers import WORD_VALUES, word_value
from ..records import Figure, Sentence
from .phrases import _HAS_FIGURE, _OWN_KIND, _SHARE_OF, _STOP_AFTER, _strip_qualifier, _tidy
from .words import _condition_verbs, _doing, _gerund, _same_sentence_before, _whole_verb, _Words

# the qualifiers of a count that do not define its kind: "companies above the designated size"
_KIND_QUALIFIER = re.compile(r"\s+(?:above|below|in|with|across|nationwide)\b", re.IGNORECASE)


def _back_in_sentence(figs: list[Figure], k: int):
    """The figures before ``figs[k]`` in its sentence, nearest first (no copy of the list before it)."""
    si = figs[k].sentence if k < len(figs) else None
    for j in range(k - 1, -1, -1):
        if figs[j].sentence != si:
            return
        yield figs[j]


def _list_ends(figs: list[Figure], k: int) -> tuple[int, int]:
    """The first and last figure of the list of shares ``figs[k]`` belongs to."""
    f = figs[k]
    first, last = k, k
    while first > 0 and figs[first - 1].group == f.group and figs[first - 1].kind == "share":
        first -= 1
    while last + 1 < len(figs) and figs[last + 1].group == f.group and figs[last + 1].kind == "share":
        last += 1
    return first, last


def _whole(text: str, low: str, m_of: re.Match[str] | None, s: Sentence) -> str:
    """The whole of a share, from the match of "% of" after it ("" for "of its kind" or none)."""
    if not m_of or _OWN_KIND.match(low, m_of.start("np")):
        return ""
    stop = _STOP_AFTER.search(low, m_of.start("np"), s.end)
    if stop and low.startswith(" in ", stop.start()) and _SOLD_IN.search(low, m_of.start("np"), stop.start()):
        # "... of such cars sold in the domestic market": the place where they were sold is the whole's
        stop = _STOP_AFTER.search(low, stop.end(), s.end)
    return _tidy(text[m_of.start("np") : stop.start() if stop else s.end])


# a whole that ends with what was done with it: the place after it stays ("cars sold in the domestic market")
_SOLD_IN = re.compile(r"\s(?:sold|produced|made|used|consumed|purchased|bought|registered)$")


def _share(text: str, low: str, figs: list[Figure], k: int, s: Sentence, w: _Words) -> str:
    f = figs[k]
    # a list of shares ("accounted for 83.5% and 16.5% of these visits, respectively") has one verb
    # before its first member and one whole after its last
    first, last = _list_ends(figs, k)
    head = low[max(s.start, figs[first].token.start - 60) : figs[first].token.start]
    head = _strip_qualifier(head)
    m_of = _SHARE_OF.match(text, figs[last].token.end, s.end)
    whole = _whole(text, low, m_of, s)
    vm = w.share_verb.search(head)
    if vm and not whole:  # "..., while rice accounted for 30%": the whole of the share before it
        prev = next((g for g in _back_in_sentence(figs, first) if g.kind == "share"), None)
        if prev is not None:
            whole = _whole(text, low, _SHARE_OF.match(text, prev.token.end, s.end), s)
    if vm and m_of and not whole and " among " in f.subject:
        # "20,000 new material companies, including 1,972 little giants ..., accounting for 22% of its kind":
        # the share of the head's kind among all things of the part's kind
        kind, head_count = f.subject.split(" among ", 1)
        return f"share of {_KIND_QUALIFIER.split(head_count, 1)[0]} in all {kind}"
    if vm:  # "X accounted for 29.8% of Y": the part before the verb
        part = _listed_part(text, s, f.subject)
        if whole and part.lower() == whole.lower():
            prev = _same_sentence_before(figs, k)  # the level or the growth of the part, said before it
            part = prev.subject if prev is not None and (prev.unit != "%" or prev.kind == "growth") else ""
        if not part or part.lower() == whole.lower():
            return f"share of {whole}" if whole else f.subject
        if _WORLD.match(whole):  # "China's X accounted for 42% of the world's total": China's share, globally
            whole = "global total"
            if low.find(f"china's {part.lower()}", s.start, f.token.start) >= 0:
                part = f"China's {part}"
        return (
            f"share of {part} in {whole}"
            if whole and whole.lower() not in part.lower()
            else f"share of {part}"
        )
    lead = low[max(s.start, f.token.start - 25) : f.token.start]
    if (
        m_of
        and whole
        and re.search(r"(?:^|[,;:]|\bthat|\bwith)\s*(?:\w+\s+)?$", lead.strip(" ") and lead or "")
    ):
        # "Over 90% of 5G base stations have been jointly built and shared": the share of those that did
        at = low.find(whole.lower(), m_of.start("np"), m_of.start("np") + len(whole) + 6)  # (after "the")
        end = at + len(whole) if at >= 0 and not low[m_of.start("np") : at].strip(" ").count(" ") else None
        if end is not None and (vm := _whole_verb().search(whole.lower())):
            # "90 percent of county hospitals met the national standards for ...": the whole ends at its verb
            whole, end = whole[: vm.start()], at + vm.start()
        if (
            end is not None
            and (sm := _SAID_THEY.match(low, end, s.end))
            and not _HAS_FIGURE.search(sm.group())
        ):
            # "70% of the firms surveyed by our chambers said they plan to keep ...": those planning to
            o = " ".join(text[sm.start("o") : sm.end("o")].split())
            return f"share of {whole} {_gerund(sm.group('v'))} {o}"
        if end is not None:
            pm = re.match(
                r"\s+(?P<p>(?:have|has|had|were|was|are|is)\s[^,;.()]{3,80}?|[a-z]+ed\s[^,;.()]{0,60}?|"
                rf"(?:{_condition_verbs()})\s[^,;.()]{{0,60}}?)"
                r"(?=\s*(?:[,;.(]|$))",
                low[end : s.end],
            )
            if pm and not _HAS_FIGURE.search(pm.group("p")):
                p = w.aux.sub("", pm.group("p"))
                said = " ".join(text[end + pm.end("p") - len(p) : end + pm.end("p")].split())
                if not re.match(
                    r"(?:have|has|had|were|was|are|is)\s+been\b|(?:were|was|are|is)\s", pm.group("p")
                ):
                    said = _doing(said)  # an active verb: those "meeting the standards", not "met" them
                return f"share of {whole} {said}"
        return f"share of {whole}"
    return f.subject


_WORLD = re.compile(r"^(?:the\s+)?(?:world(?:'s|’s)?|global)\s+total$", re.IGNORECASE)
# what the whole of a share said: "... said they plan to keep or expand their investment"
_SAID_THEY = re.compile(
    r"(?:\s+by\s+[^,;.]{2,40}?)?\s+(?:said|say|says|reported|indicated|stated)\s+(?:that\s+)?(?:they|it)\s+"
    r"(?:would\s+|will\s+)?(?P<v>[a-z]{2,})\s+(?P<o>[^,;.()]{2,80}?)(?=\s*(?:[,;.(]|$))"
)
_QUARTER = re.compile(
    r"^(?:the\s+)?(?P<n>first|second|third|fourth)\s+quarter\s+of\s+(?P<y>(?:19|20)\d\d)$", re.I
)
_IN_GENERAL = re.compile(r"^(?:the\s+)?(?P<np>[\w-]+(?:\s+[\w-]+){0,3}?)\s+(?:in general|as a whole)$", re.I)


def _short_baseline(base: str) -> str:
    """A baseline as a chart label says it: "the fourth quarter of 2023" -> "Q4 2023", "the industrial
    growth in general" -> "overall industrial growth"."""
    if m := _QUARTER.match(base):
        n = ("first", "second", "third", "fourth").index(m.group("n").lower()) + 1
        return f"Q{n} {m.group('y')}"
    if m := _IN_GENERAL.match(base):
        return f"overall {m.group('np')}"
    return base


def _point_change(text: str, low: str, figs: list[Figure], k: int, s: Sentence, w: _Words) -> str:
    f = figs[k]
    prev = _same_sentence_before(figs, k, skip_points=True)
    x = prev.subject if prev is not None else f.subject
    before = low[
        max(s.start, (prev.end if prev is not None else s.start), f.token.start - 45) : f.token.start
    ]
    after = low[f.end : min(s.end, f.end + 25)]
    if w.contribution.search(before):
        m = re.match(
            r"\s+(?:in|to)\s+(?P<np>(?:the\s+)?growth[^,;.]{0,80})", text[f.end : s.end], re.IGNORECASE
        )
        to = _tidy(m.group("np")) if m else "growth"
        return f"contribution of {x} to {to}"
    near = before[-30:] + " " + after
    ups, downs = list(w.up.finditer(near)), list(w.down.finditer(near))
    direction = (
        "up" if ups and (not downs or ups[-1].start() > downs[-1].start()) else "down" if downs else ""
    )
    rate = prev is not None and prev.kind in ("share", "level") or "rate" in x.lower() and prev is None
    base = _short_baseline(f.baseline or "")
    if rate or (prev is not None and prev.unit == "%" and prev.kind != "growth"):
        noun = w.names["rate"].get(direction, "change") if direction else "change"
        out = f"{noun} in {x}"
        return f"{out} against {base}" if base and w.period_baseline.search(base) else out
    noun = w.names["growth"].get(direction, "change") if direction else "change"
    growth = x if re.search(r"\bgrowth\b", x, re.IGNORECASE) else f"growth of {x}"
    if base and not w.period_baseline.search(base):
        b = base if re.search(r"\b(?:growth|rate|average)\b", base, re.IGNORECASE) else f"growth of {base}"
        return f"gap between {growth} and {b}"
    return f"{noun} of {growth} against {base}" if base else f"{noun} of {growth}"


def _streak(text: str, low: str, f: Figure, s: Sentence, w: _Words) -> str:
    head_start = max(s.start, f.token.start - 160)
    head = low[head_start : f.token.start]
    m = re.search(r"\bfor\s+(?:the\s+)?(?:past\s+)?$", head)
    if not m:
        return f.subject
    clause_start = max(head.rfind(","), head.rfind(";"), -1) + 1
    phrase = head[clause_start : m.start()].strip()
    x = f.subject
    xi = phrase.find(x.lower()) if x else -1
    if xi >= 0:
        phrase = phrase[xi + len(x) :].strip()
    elif vm := w.verb_anywhere.search(phrase):  # "this growth has been sustained ...": from the verb on
        phrase = phrase[vm.start() :]
    phrase = w.aux.sub("", phrase)
    vm = w.streak_verb.match(phrase)
    if not vm:
        return x
    verb, rest = vm.group(), phrase[vm.end() :].strip()
    rest_text = " ".join(rest.split())
    if verb in w.carriers:
        if not rest_text:
            return x
        if rest_text.startswith(("in ", "at ")):  # "sustained in double digits"
            return f"{x} {rest_text}"
        return f"{rest_text} of {x}" if x else rest_text
    noun = w.streak_nouns.get(verb, verb)
    tail = f" {rest_text}" if rest_text else ""
    return f"{noun} of {x}{tail}" if x else f"{noun}{tail}"


# a counted part whose members are all named after it: "four sectors, including electrical machinery, chemical
# industry, electronics, and automobiles,"
_COUNTED_PART = re.compile(r"(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?) [\w-]+(?: [\w-]+)?", re.IGNORECASE)
_ITEMS = re.compile(r",? (?:including|namely|i\.e\.|that is,?) (?P<items>[^;:.()])")


def _listed_part(text: str, s: Sentence, part: str) -> str:
    """The members of a counted part when the sentence names them all right after it (as many as it counts):
    "four sectors, including A, B, C, and D, contributed ..." -> "A, B, C and D"; else ``part``."""
    m = _COUNTED_PART.fullmatch(part)
    if m is None:
        return part
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else word_value(n) if set(n.split("-")) <= WORD_VALUES.keys() else None
    at = text.find(part, s.start, s.end)
    if count is None or count < 2 or at < 0:
        return part
    lm = _ITEMS.match(text, at + len(part), s.end)
    if lm is None:
        return part
    start = lm.start("items")
    for end in (i for i in range(start, min(s.end, start + 200)) if text[i] == ","):  # the list's end
        items = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", text[start:end]) if x.strip()]
        if len(items) > count or any(_HAS_FIGURE.search(x) or len(x.split()) > 4 for x in items):
            return part
        if len(items) == count and " and " in text[start:end]:
            return ", ".join(items[:-1]) + " and " + items[-1]
    return part
