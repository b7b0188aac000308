"""Parts and lists: counts after "including" are parts of the count before them; "respectively" lists
get one subject per member."""

from __future__ import annotations

import bisect
import re

from ..quantities import _low_rx
from ..records import Figure, Sentence
from .phrases import _DET, _RESPECTIVELY_IN, _tidy

_INCLUDING = _low_rx(r"\b(?:including|of which|among them|among which)\b")


def _including(low: str, figs: list[Figure], sentences: list[Sentence]) -> None:
    """'20,000 new material companies, including 1,972 little giants and 248 champions': the counts
    after "including" are parts of the count before it, and their subjects say so. The head is the
    nearest figure of the same sentence before "including" (looked for backwards from the figure, in its
    sentence only)."""
    in_sentence: dict[int, list[int]] = {}
    for k, f in enumerate(figs):
        in_sentence.setdefault(f.sentence, []).append(k)
    place = {k: p for ks in in_sentence.values() for p, k in enumerate(ks)}
    for k, f in enumerate(figs):
        if f.unit != "count" or not f.subject or k == 0:
            continue
        s = sentences[f.sentence]
        m = None
        for m in _INCLUDING.finditer(low, max(s.start, f.token.start - 300), f.token.start):  # noqa: B007
            pass
        if m is None:
            continue
        same = in_sentence[f.sentence]
        h = next((same[p] for p in range(place[k] - 1, -1, -1) if figs[same[p]].end <= m.start()), None)
        if h is None:
            continue
        head = figs[h]
        between = [g for g in figs[h + 1 : k] if g.token.start > m.start()]
        if head.unit == "count" and head.subject and all(g.unit == "count" for g in between):
            f.subject = f"{f.subject} among {head.subject}"


def _respectively(text: str, figs: list[Figure], sentences: list[Sentence]) -> None:
    """Lists with "respectively": one subject per member, split from the shared phrase or taken
    pairwise from the list of figures before it in the same sentence."""
    groups: dict[int, list[int]] = {}
    in_sentence: dict[int, list[int]] = {}
    for k, f in enumerate(figs):
        groups.setdefault(f.group, []).append(k)
        in_sentence.setdefault(f.sentence, []).append(k)
    says: dict[int, bool] = {}  # sentence -> it says "respectively" (asked once per sentence, not per group)
    for first, members in sorted(groups.items()):
        n = len(members)
        si = figs[first].sentence
        s = sentences[si]
        if n < 2:
            continue
        if si not in says:
            says[si] = "respectively" in text[s.start : s.end].lower()
        if not says[si]:
            continue
        head = figs[first].subject
        parts = _split_coordination(head, n) if head else None
        if not parts:
            same = in_sentence[si]
            p = bisect.bisect_left(same, first)  # the sentence's figures before the list: same[:p]
            parts = [figs[j].subject for j in same[p - n : p]] if p >= n else None
        if not parts:
            continue
        # "an increase of 48% and 5.1%, respectively, in export value": the measure follows the list
        m = _RESPECTIVELY_IN.match(text, figs[members[-1]].end, s.end)
        measure = _tidy(m.group("np")) if m and figs[first].kind in ("growth", "share") else ""
        for k, part in zip(members, parts, strict=True):
            named = measure and measure.lower() not in part.lower()
            figs[k].subject = f"{measure} of {part}" if named else part


def _split_coordination(np: str, k: int) -> list[str] | None:
    """'output and sales of new energy vehicles' -> ['output of new energy vehicles', ...]."""
    if not np:
        return None
    m = re.match(r"^(?P<items>.+?)\s+of\s+(?P<tail>.+)$", np)
    if m:
        items = _AND_SPLIT.split(m.group("items"))
        if len(items) == k:
            return [f"{i} of {m.group('tail')}" for i in items]
        items = _AND_SPLIT.split(m.group("tail"))
        if len(items) == k:
            return [f"{m.group('items')} of {i}" for i in _share_head(items)]
    # "trade with ASEAN and the EU", "investment from France and Switzerland": the head goes with each
    m = _HEAD_WITH.match(np)
    if m:
        items = _AND_SPLIT.split(m.group("items"))
        if len(items) == k:
            return [f"{m.group('head')} {i}" for i in items]
    items = _AND_SPLIT.split(np)
    if len(items) == k:
        return _share_head(items)
    if k == 2 and len(items) > 2 and "," not in np:
        # "hospitals and primary-level medical and health institutions": the first "and" splits the
        # list; a later one sits inside a name
        return np.split(" and ", 1)
    return None


def _share_head(items: list[str]) -> list[str]:
    """'urban and rural residents' -> ['urban residents', 'rural residents']: single-word modifiers before
    a last item of several words share its head (not when that item starts with "the": "ASEAN and the
    EU")."""
    *first, last = items
    words = last.split(" ", 1)
    if len(words) == 2 and all(len(i.split()) == 1 for i in first) and not _DET.match(last):
        return [f"{i} {words[1]}" for i in first] + [last]
    return items


_AND_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_HEAD_WITH = re.compile(
    r"^(?P<head>\S+(?:\s+\S+)?\s+(?:with|from|to|in|between))\s+(?P<items>.+)$", re.IGNORECASE
)
