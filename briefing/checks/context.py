"""The figures of a briefing prepared once for every check, and the grouping of mentions of one statistic."""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from .period_algebra import Span, compatible, period_span
from .precision import _EPS, Precision, _same_value, precision
from .words import _jaccard, acronyms, words

#: Jaccard similarity of subject words from which two mentions are the same statistic.
SAME_SUBJECT = 0.5
_APPROX_UP = "more_than"
_APPROX_DOWN = ("nearly", "less_than")
_AFTER = 200  # how much of a sentence after a figure is kept to read what a share is of


@dataclass
class _Fig:
    id: str
    n: int  # position in the table
    turn: str
    sentence: str
    speaker: str
    value: float
    unit: str
    kind: str
    approx: str
    span: Span | None
    baseline: str
    subject: str
    of_total: float
    surface: str
    words: frozenset[str]
    prec: Precision
    group: int = -1
    after: str = ""  # the rest of its sentence, after the figure


def _str(x: object) -> str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA else str(x)


@dataclass
class _Context:
    figs: list[_Fig]
    today: dt.date | None
    acr: dict[str, tuple[str, ...]]
    groups: list[list[_Fig]] = field(default_factory=list)


def _after(quote: str, k: int) -> str:
    """The first :data:`_AFTER` characters of ``quote`` from ``k``, without copying the rest of it."""
    return quote[k : k + _AFTER] if k >= 0 else quote[k:][:_AFTER]


def _context(b) -> _Context:
    return _context_of(b.figures, b.text, b.meta.date)


def _context_of(figures: pd.DataFrame, text: str, today: dt.date | None) -> _Context:
    """The figures of a table prepared for the checks; the groups are read from ``repeat_of`` when the table
    has it (:func:`_groups_from_links`), else worked out (:func:`_repeat_groups`)."""
    acr = acronyms(text)
    cols = _columns(figures)
    ctx = _Context(_figs(cols, range(len(figures)), acr), today, acr)
    if "repeat_of" in figures:
        ctx.groups = _groups_from_links(ctx.figs, [_str(x) for x in figures["repeat_of"]])
    else:
        ctx.groups = _repeat_groups(ctx)
    return ctx


#: The columns of a figures table that :func:`_figs` reads.
_FIG_COLUMNS = (
    "figure_id", "turn_id", "sentence_id", "speaker", "value", "unit", "kind", "approx", "period_start",
    "period_end", "period", "baseline", "subject", "of_total", "surface", "quote", "char_end", "quote_start",
)  # fmt: skip


def _columns(figures: pd.DataFrame | list[dict]) -> dict[str, list]:
    """The columns :func:`_figs` reads, as lists: of a figures table, or of its rows as dictionaries."""
    if isinstance(figures, pd.DataFrame):
        return {c: figures[c].tolist() for c in _FIG_COLUMNS}
    return {c: [r[c] for r in figures] for c in _FIG_COLUMNS}


def _figs(cols: dict[str, list], positions: Iterable[int], acr: dict[str, tuple[str, ...]]) -> list[_Fig]:
    """The rows at ``positions`` (of the columns ``cols``) prepared for the checks, numbered from 0."""
    figs = []
    c = cols
    for n, i in enumerate(positions):
        start, end, period = c["period_start"][i], c["period_end"][i], c["period"][i]
        span = None
        if isinstance(start, dt.date) and isinstance(end, dt.date):
            span = (start, end)
        elif _str(period):
            span = period_span(period)
        value, of_total = float(c["value"][i]), c["of_total"][i]
        subject, surface = _str(c["subject"][i]), _str(c["surface"][i])
        figs.append(
            _Fig(
                c["figure_id"][i], n, _str(c["turn_id"][i]), _str(c["sentence_id"][i]), _str(c["speaker"][i]),
                value, str(c["unit"][i]), str(c["kind"][i]), _str(c["approx"][i]) or "exact", span,
                _str(c["baseline"][i]), subject, float(of_total) if pd.notna(of_total) else math.nan, surface,
                words(subject, acr), precision(surface, value),
                after=_after(_str(c["quote"][i]), int(c["char_end"][i]) - int(c["quote_start"][i])),
            )
        )  # fmt: skip
    return figs


def _groups_from_links(figs: list[_Fig], repeat_of: list[str]) -> list[list[_Fig]]:
    """The statistics as ``repeat_of`` links them: each figure with the later mentions that point to it."""
    n_of = {f.id: f.n for f in figs}
    groups: dict[int, list[_Fig]] = {}
    for f, first in zip(figs, repeat_of, strict=True):
        groups.setdefault(n_of.get(first, f.n) if first else f.n, []).append(f)
    out = sorted(groups.values(), key=lambda g: g[0].n)
    for k, g in enumerate(out):
        for f in g:
            f.group = k
    return out


def _restated(a: _Fig, b: _Fig) -> bool:
    """Could ``a`` and ``b`` be one number said twice? Equal, or equal at the coarser precision when the
    coarser one keeps two significant digits or says "about"/"nearly"/...: "6.3 million" restates
    "6.278 million", but "2 percentage points" does not restate "1.9"."""
    if a.value == b.value:
        return True
    coarse = a if a.prec.stated >= b.prec.stated else b
    return _same_value(a.value, a.prec.stated, b.value, b.prec.stated) and (
        coarse.prec.digits >= 2 or coarse.approx != "exact"
    )


def _same_statistic(ctx: _Context, a: _Fig, b: _Fig) -> bool:
    return (
        a.unit == b.unit
        and a.kind == b.kind
        and _restated(a, b)
        and compatible(a.span, b.span, a.kind, ctx.today)
        and _jaccard(a.words, b.words) >= SAME_SUBJECT
    )


def _near_values(values: list[float], res: list[float]) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, whose values may be the same within rounding (``_same_value`` with
    resolutions ``res``): each value's own window, ``res / 2`` either side, is looked up in the sorted
    values, so the time is ``n log n`` plus the number of pairs, not ``n`` squared. A superset (the window is
    a little wider): the caller applies the exact test. Values that are not numbers pair with nothing."""
    order = sorted((v, i) for i, v in enumerate(values) if not math.isnan(v))
    keys = [v for v, _ in order]
    out: set[tuple[int, int]] = set()
    for i, v in enumerate(values):
        if math.isnan(v):
            continue
        w = res[i] / 2 * (1 + 1e-6) + 2 * _EPS + abs(v) * 1e-12 if math.isfinite(v) else 0.0
        for p in range(bisect.bisect_left(keys, v - w), bisect.bisect_right(keys, v + w)):
            j = order[p][1]
            if j != i:
                out.add((i, j) if i < j else (j, i))
    return sorted(out)


def _repeat_groups(ctx: _Context) -> list[list[_Fig]]:
    """The figures grouped into statistics: the connected sets of pairs that are :func:`_same_statistic`.

    Not every pair is compared. Mentions alike in everything the rule reads (a statistic said many times)
    are one class, compared once; classes are compared only within the same unit and kind and when their
    values are within rounding of each other (:func:`_near_values`). The groups are those of comparing every
    pair."""
    parent = list(range(len(ctx.figs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    figs = ctx.figs
    classes: dict[tuple, list[int]] = {}
    for i, f in enumerate(figs):
        if f.words:  # with no content word the Jaccard similarity is 0: the same statistic as nothing else
            key = (f.unit, f.kind, f.value, f.prec, f.approx, f.span, f.words)
            classes.setdefault(key, []).append(i)
    buckets: dict[tuple[str, str], list[list[int]]] = {}
    for members in classes.values():
        for j in members[1:]:  # alike in every respect: the same statistic
            parent[root(j)] = root(members[0])
        buckets.setdefault((figs[members[0]].unit, figs[members[0]].kind), []).append(members)
    for cls in buckets.values():
        reps = [figs[m[0]] for m in cls]
        for p, q in _near_values([f.value for f in reps], [f.prec.stated for f in reps]):
            a, b = cls[p], cls[q]
            # every pair i < j of the two classes gives the same answer as the classes' first members (in
            # that order); there is such a pair in the order a, b when a's first comes before b's last
            if (a[0] < b[-1] and _same_statistic(ctx, figs[a[0]], figs[b[0]])) or (
                b[0] < a[-1] and _same_statistic(ctx, figs[b[0]], figs[a[0]])
            ):
                parent[root(b[0])] = root(a[0])
    groups: dict[int, list[_Fig]] = {}
    for i, f in enumerate(figs):
        groups.setdefault(root(i), []).append(f)
    out = sorted(groups.values(), key=lambda g: g[0].n)
    for k, g in enumerate(out):
        for f in g:
            f.group = k
    return out


def _ids(figs: Iterable[_Fig]) -> str:
    seen = sorted({f.id: f for f in figs}.values(), key=lambda f: f.n)
    return ";".join(f.id for f in seen)


def _surface_value(f: _Fig) -> str:
    approx = {"more_than": "more than ", "nearly": "nearly ", "about": "about ", "less_than": "less than "}
    return approx.get(f.approx, "") + f.surface
