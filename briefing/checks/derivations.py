"""The ``implied_rate``, ``implied_level`` and ``implied_total`` checks: numbers derived from
pairs of figures, with the evidence that confirms them."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .context import _APPROX_DOWN, _APPROX_UP, SAME_SUBJECT, _Context, _context, _Fig, _ids, _surface_value
from .period_algebra import Span, _baseline_period, _span_text, compatible, period_span
from .precision import _EPS, _fmt, precision
from .reference import _match_reference, _reference_frame, note_statements
from .words import _STOP, _WORD, _jaccard, _stem, words

_NOT_LEVEL_UNITS = ("%", "pp", "times", "months", "years")
# The whole a share is taken of, right after it (past the other shares of a list): "22% and 25% of its kind".
_SHARE_OF = re.compile(r"^(?:\s*(?:,|and|or)\s*[\d.,]+\s*%)*\s*of\s+(?P<whole>[^,.;:()]+)", re.IGNORECASE)
# Wholes that are "all things of the count's own kind".
_OWN_KIND = re.compile(
    r"^(?:its|their|the same) kind\b|^(?:the )?(?:national |country's |nation's )?total\s*$|^all such\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“]([^\"”]{2,40})[\"”]")
_ORG_NOUNS = frozenset(("compan", "enterp", "firm", "smes", "sme", "busine", "entiti", "entity"))
# ... and the size classes that come with them when an acronym is spelled out ("small and medium-sized").
_ORG_WORDS = _ORG_NOUNS | {"small", "medium", "sized", "micro", "large"}
_ALL = re.compile(r"^(?:all|the) ", re.IGNORECASE)


@dataclass
class _Derived:
    check: str
    inputs: list[_Fig]
    subject: str
    target: frozenset[str]  # words a statement of the implied quantity must have
    unit: str
    kind: str
    span: Span | None
    value: float
    low: float
    high: float
    approx: str
    digits: int | None
    decimals: int | None
    how: str
    evidence: list[str] = field(default_factory=list)
    evidence_ids: list[str] = field(default_factory=list)
    verdicts: list[bool] = field(default_factory=list)

    def text(self, v: float | None = None) -> str:
        return _fmt(self.value if v is None else v, self.unit, self.digits, self.decimals)


def _sentence_figs(ctx: _Context) -> dict[str, list[_Fig]]:
    out: dict[str, list[_Fig]] = {}
    for f in ctx.figs:
        out.setdefault(f.sentence, []).append(f)
    return out


def _decimals(f: _Fig) -> int:
    return max(0, -round(math.log10(f.prec.stated))) if f.prec.stated < 1 else 0


#: Figures are paired (a rate with its difference, a level with its growth, a count with its share) only
#: when at most this many figures apart in their sentence: in a sentence that runs on for thousands of
#: figures, trying every pair would take time quadratic in its length.
PAIR_REACH = 16


def _implied_rates(ctx: _Context) -> list[_Derived]:
    out = []
    for sent in _sentence_figs(ctx).values():
        for k, p in enumerate(sent):
            if p.kind != "pp_change" or p.unit != "pp" or not p.baseline:
                continue
            # the nearest rate before the difference (within PAIR_REACH figures)
            g = next(
                (
                    g
                    for g in (sent[j] for j in range(k - 1, max(-1, k - 1 - PAIR_REACH), -1))
                    if g.unit == "%"
                    and g.kind in ("growth", "share")
                    and compatible(g.span, p.span, "growth", ctx.today)
                    and (not p.words or _jaccard(g.words, p.words) >= SAME_SUBJECT)
                ),
                None,
            )
            if g is None:
                continue
            is_time, span = _baseline_period(p.baseline, g.span, ctx.today)
            rg, rp = g.prec.rounding, p.prec.rounding
            value = g.value - p.value
            subject = f"{g.subject} in {p.baseline}" if is_time else p.baseline
            out.append(
                _Derived(
                    "implied_rate", [g, p], subject, g.words if is_time else words(p.baseline, ctx.acr), "%",
                    g.kind, span if is_time else g.span, value, value - (rg + rp) / 2, value + (rg + rp) / 2,
                    "exact", None, max(_decimals(g), _decimals(p)),
                    f"{g.surface} {'less' if p.value >= 0 else 'plus'} the {p.surface.lstrip('-')} by which "
                    f"it {'exceeds' if p.value >= 0 else 'trails'} {p.baseline}",
                )
            )  # fmt: skip
    return out


def _paired(
    ctx: _Context,
    lefts: list[_Fig],
    rights: list[_Fig],
    kind: str,
    derive: Callable[[_Fig, _Fig], _Derived | None],
) -> list[_Derived]:
    """What pairs of figures of one sentence imply: a figure of ``lefts`` with one of ``rights`` about the
    same subject in compatible periods (for ``kind``), most alike and nearest first, each figure in one
    pair at most, at most :data:`PAIR_REACH` figures apart. ``derive`` gives the implied quantity, or None
    when the pair implies nothing (its figures stay free for other pairs)."""
    pairs = []
    at = [b.n for b in rights]  # in the order of the figures
    for a in lefts:
        lo, hi = bisect.bisect_left(at, a.n - PAIR_REACH), bisect.bisect_right(at, a.n + PAIR_REACH)
        for b in rights[lo:hi]:
            sim = _jaccard(a.words, b.words)
            if sim >= SAME_SUBJECT and compatible(a.span, b.span, kind, ctx.today):
                pairs.append((-sim, abs(a.n - b.n), a.n, b.n, a, b))
    out: list[_Derived] = []
    used: set[str] = set()
    for *_, a, b in sorted(pairs, key=lambda t: t[:4]):
        if a.id in used or b.id in used:
            continue
        d = derive(a, b)
        if d is not None:
            used |= {a.id, b.id}
            out.append(d)
    return out


def _implied_levels(ctx: _Context) -> list[_Derived]:
    def derive(lv: _Fig, g: _Fig) -> _Derived | None:
        is_time, span = _baseline_period(g.baseline, lv.span, ctx.today)
        if not is_time:
            return None
        rl, rg = lv.prec.rounding, g.prec.rounding
        value = lv.value / (1 + g.value / 100)
        low = (lv.value - rl / 2) / (1 + (g.value + rg / 2) / 100)
        lowest_rate = g.value - rg / 2
        high = (lv.value + rl / 2) / (1 + lowest_rate / 100) if lowest_rate > -100 else math.inf
        return _Derived(
            "implied_level", [lv, g], f"{lv.subject}, {g.baseline}", lv.words, lv.unit, "level", span,
            value, low, high, lv.approx, max(3, lv.prec.digits + 1), None,
            f"{lv.surface} divided by 1 + {g.surface} ({g.baseline})",
        )  # fmt: skip

    out = []
    for sent in _sentence_figs(ctx).values():
        levels = [f for f in sent if f.kind == "level" and f.unit not in _NOT_LEVEL_UNITS]
        rates = [f for f in sent if f.kind == "growth" and f.unit == "%" and f.baseline and f.value > -100]
        out += _paired(ctx, levels, rates, "growth", derive)
    return out


def _whole(ctx: _Context, count: _Fig, share: _Fig) -> tuple[str, frozenset[str]] | None:
    """What ``share`` is a share of, when that is all things of ``count``'s kind: (subject, its words)."""
    m = _SHARE_OF.match(share.after)
    if m is None:
        return None
    phrase = m.group("whole").strip()
    own = count.subject.split(" among ")[0]  # "X among Y" (see subjects._including): X is the kind
    own_words = words(own, ctx.acr)
    if _OWN_KIND.match(phrase):
        return own, own_words
    # "30% of all firms": a whole named with the count's own head noun (the last content word)
    named = words(phrase, ctx.acr)
    head, own_head = _head(phrase), _head(own)
    if head and (head in own_words or (head in _ORG_NOUNS and own_head in _ORG_NOUNS)):
        return phrase, named
    return None


def _head(phrase: str) -> str:
    """The stem of the last content word of a noun phrase ("" when there is none)."""
    content = [w for w in _WORD.findall(phrase.lower()) if len(w) > 1 and w not in _STOP]
    return _stem(content[-1]) if content else ""


def _total_approx(count: _Fig, share: _Fig) -> str | None:
    """How a count's and a share's qualifiers bound count / share: "more than 1,000" is a lower bound of
    the total, "over 20%" an upper bound; None when the two pull opposite ways (no bound at all)."""
    way = {"more_than": 1, "nearly": -1, "less_than": -1}
    c, sh = way.get(count.approx, 0), way.get(share.approx, 0)
    if c and sh and c == sh:
        return None
    total = c or -sh
    return "more_than" if total > 0 else "less_than" if total < 0 else count.approx


def _implied_totals(ctx: _Context) -> list[_Derived]:
    def derive(c: _Fig, sh: _Fig) -> _Derived | None:
        whole = _whole(ctx, c, sh)
        approx = _total_approx(c, sh)
        if whole is None or approx is None:
            return None
        rc, rs = c.prec.rounding, sh.prec.rounding
        value = c.value / (sh.value / 100)
        low = (c.value - rc / 2) / ((sh.value + rs / 2) / 100)
        high = (c.value + rc / 2) / ((sh.value - rs / 2) / 100) if sh.value > rs / 2 else math.inf
        return _Derived(
            "implied_total", [c, sh], f"all {_ALL.sub('', whole[0])}", whole[1], "count", "level", c.span,
            value, low, high, approx, min(max(3, c.prec.digits + 1), len(f"{value:.0f}")), None,
            f"{c.surface} being {sh.surface} of the whole",
        )  # fmt: skip

    out = []
    for sent in _sentence_figs(ctx).values():
        counts = [f for f in sent if f.kind == "level" and f.unit == "count" and math.isnan(f.of_total)]
        shares = [f for f in sent if f.kind == "share" and f.unit == "%" and 0 < f.value < 100]
        out += _paired(ctx, counts, shares, "level", derive)
    return out


def _states_total(f: _Fig, d: _Derived) -> bool:
    """A stated count is the total ``d`` implies: it is no smaller than the part, and it names the same
    things. Either both name the same quoted designation ("little giant") and the count's other words
    are organisation words ("SMEs", "small and medium-sized enterprises"), or the count's words other
    than those are all in the total's subject, and there are at least two of them."""
    if f.value < d.inputs[0].value:
        return False
    specific = f.words - _ORG_WORDS
    if set(_QUOTED.findall(f.subject.lower())) & set(_QUOTED.findall(d.subject.lower())):
        return specific <= d.target
    return len(specific) >= 2 and specific <= d.target


def _overlaps(d: _Derived, value: float, res: float) -> bool:
    lo, hi = value - res / 2, value + res / 2
    if d.approx == _APPROX_UP:  # the derived number is a lower bound
        return hi >= d.low - _EPS
    if d.approx in _APPROX_DOWN:
        return lo <= d.high + _EPS
    return hi >= d.low - _EPS and lo <= d.high + _EPS


def _attach_evidence(ctx: _Context, derived: list[_Derived], ref: pd.DataFrame) -> None:
    """Compare each derived number with what the briefing and the reference state about the same quantity."""
    ref_rows: list[Any] = list(ref.itertuples(index=False)) if len(ref) else []
    matched = {i: {f.group for f in _match_reference(ctx, r)[0]} for i, r in enumerate(ref_rows)}
    index = _EvidenceIndex(ctx.figs)
    for d in derived:
        if not d.target or d.span is None:
            continue
        own = {f.group for f in d.inputs}
        # 1. the briefing states it: a figure of the same unit, kind and period whose subject holds every word
        # of the target and whose other words, if any, speak of the same measure as the input (share a word
        # with its subject); in the same turn first, then the closest to the input's subject, then the most
        # general, then the nearest
        near = d.inputs[0]
        cands = [
            f
            for f in index.candidates(d)
            if f.unit == d.unit
            and f.kind == d.kind
            and f.group not in own
            and f.span is not None
            and compatible(f.span, d.span, d.kind, ctx.today)
            and (
                _states_total(f, d)
                if d.check == "implied_total"
                else d.target <= f.words and (f.words == d.target or (f.words - d.target) & near.words)
            )
            # a statement about an input's own subject is that input said again, not the implied quantity
            # (a total names the same things as its part, so there the words say nothing)
            and (
                d.check == "implied_total" or all(_jaccard(f.words, i.words) < SAME_SUBJECT for i in d.inputs)
            )
        ]
        if cands:
            best = max(
                cands,
                key=lambda f: (
                    f.turn == near.turn,  # a speaker compares with what they said themselves first
                    len(f.words & near.words),
                    _jaccard(d.target, f.words),
                    -abs(f.n - near.n),
                ),
            )
            ok = _overlaps(d, best.value, best.prec.stated)
            d.verdicts.append(ok)
            d.evidence_ids += [f.id for f in ctx.groups[best.group]]
            d.evidence.append(
                f"the briefing states {_surface_value(best)} for \u201c{best.subject}\u201d ({best.id})"
                + ("" if ok else ", outside that range")
            )
        # 2. the reference states it: a row about it, or a number in the note of a row about an input
        for i, r in enumerate(ref_rows):
            if str(r.unit) != d.unit:
                continue
            about_input = bool(matched[i] & own)
            if not about_input and pd.notna(r.official_value):
                iw = words(r.indicator, ctx.acr)
                if _jaccard(iw, d.target) >= SAME_SUBJECT and compatible(
                    period_span(r.period), d.span, d.kind, ctx.today
                ):
                    official = float(r.official_value)
                    ok = _overlaps(d, official, precision(None, official).stated)
                    d.verdicts.append(ok)
                    d.evidence.append(
                        f"{r.publisher or 'the reference'} gives {_fmt(float(r.official_value), d.unit)} for "
                        f"\u201c{r.indicator}\u201d" + ("" if ok else ", outside that range")
                    )
            if about_input:
                for st in note_statements(getattr(r, "note", ""), ctx.today):
                    span = st.span or period_span(r.period)
                    unit = d.unit if st.unit == "count" and d.unit != "%" else st.unit
                    if unit != d.unit or not compatible(span, d.span, d.kind, ctx.today):
                        continue
                    if _jaccard(words(st.label, ctx.acr), d.target) < SAME_SUBJECT:
                        continue
                    ok = _overlaps(d, st.value, st.prec.stated)
                    d.verdicts.append(ok)
                    d.evidence.append(
                        f"the reference note to \u201c{r.indicator}\u201d ({r.publisher or 'source'}) says "
                        f"\u201c{st.text}\u201d" + ("" if ok else ", outside that range")
                    )


class _EvidenceIndex:
    """The figures that can state a derived quantity, found by word and date instead of by reading every
    figure.

    A statement must have the derived quantity's unit and kind, and a period compatible with its period,
    so one with the same first or the same last day (see :func:`compatible`). A statement of an
    ``implied_rate`` or ``implied_level`` has every word of its target, so it is among the figures having
    the target's rarest word; a stated total has its specific words (organisation words aside) in the
    target, or a quoted designation in common with it. :meth:`candidates` gives a superset of the figures
    that pass the test in :func:`_attach_evidence`, in the order of the figures."""

    def __init__(self, figs: list[_Fig]) -> None:
        self.word: dict[tuple, list[_Fig]] = {}
        self.specific: dict[tuple, list[_Fig]] = {}
        self.quoted: dict[tuple, list[_Fig]] = {}
        for f in figs:
            if f.span is None:
                continue
            for day in set(f.span):  # filed under its first and its last day
                key = (f.unit, f.kind, day)
                for w in f.words:
                    self.word.setdefault((*key, w), []).append(f)
                for w in f.words - _ORG_WORDS:
                    self.specific.setdefault((*key, w), []).append(f)
                for q in set(_QUOTED.findall(f.subject.lower())):
                    self.quoted.setdefault((*key, q), []).append(f)

    def candidates(self, d: _Derived) -> list[_Fig]:
        days = set(d.span or ())

        def filed(index: dict[tuple, list[_Fig]], w: str) -> dict[int, _Fig]:
            return {f.n: f for day in days for f in index.get((d.unit, d.kind, day, w), [])}

        found: dict[int, _Fig] = {}
        if d.check != "implied_total":
            size = {
                w: sum(len(self.word.get((d.unit, d.kind, day, w), ())) for day in days) for w in d.target
            }
            found = filed(self.word, min(size, key=lambda w: size[w])) if size else {}
        else:
            for w in d.target:
                found.update(filed(self.specific, w))
            for q in set(_QUOTED.findall(d.subject.lower())):
                found.update(filed(self.quoted, q))
        return [found[n] for n in sorted(found)]


def _merge(derived: list[_Derived]) -> list[_Derived]:
    """One derivation per implied quantity: the same inputs said twice give one finding."""
    out: dict[tuple, _Derived] = {}
    for d in derived:
        key = (d.check, tuple(f.group for f in d.inputs))
        if key in out:
            out[key].inputs += d.inputs
        else:
            out[key] = d
    return list(out.values())


def _derived(ctx: _Context, reference: pd.DataFrame | None) -> list[_Derived]:
    derived = _merge(_implied_rates(ctx)) + _merge(_implied_levels(ctx)) + _merge(_implied_totals(ctx))
    _attach_evidence(ctx, derived, _reference_frame(reference))
    return derived


def _status(d: _Derived) -> str:
    if not d.verdicts:
        return "derived"
    return "consistent" if all(d.verdicts) else "inconsistent"


def _derived_detail(d: _Derived) -> str:
    q = {"more_than": "more than ", "nearly": "nearly ", "less_than": "less than "}.get(d.approx, "")
    about = "about " if d.check in ("implied_level", "implied_total") else ""
    rng = f"{d.text(d.low)} to {d.text(d.high)}"
    s = (
        f"{d.how} implies {q}{about}{d.text()} for \u201c{d.subject}\u201d ({_span_text(d.span)}); "
        f"with the rounding of the inputs, {rng}."
    )
    if d.evidence:
        s += " " + "; ".join(e[0].upper() + e[1:] for e in d.evidence) + "."
    else:
        s += " Nothing in the briefing or the reference states it: compare with the primary release."
    return s


def derivations(b, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """The numbers the text implies (``implied_rate``, ``implied_level``), with value, interval and status.

    ``reference`` as for :func:`check`. Columns: check, status, figure_ids (inputs, then any briefing figure
    that states the implied quantity), subject, period, unit, value, low, high, approx, detail.
    """
    ctx = b if isinstance(b, _Context) else _context(b)
    rows = [
        {
            "check": d.check,
            "status": _status(d),
            "figure_ids": ";".join(dict.fromkeys([*_ids(d.inputs).split(";"), *d.evidence_ids])),
            "subject": d.subject,
            "period": _span_text(d.span) if d.span else "",
            "unit": d.unit,
            "value": d.value,
            "low": d.low,
            "high": d.high,
            "approx": d.approx,
            "detail": _derived_detail(d),
        }
        for d in _derived(ctx, reference)
    ]
    cols = ["check", "status", "figure_ids", "subject", "period", "unit", "value", "low", "high", "approx"]
    return pd.DataFrame(rows, columns=[*cols, "detail"])
