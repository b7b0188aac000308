"""Repeats: the same statistic said more than once. :func:`repeat_links` gives the figures table its
``repeat_of`` column (each later mention points to the first); the ``repeat`` check (:func:`repeats`) reads
the statistics from it and says whether the mentions agree."""

from __future__ import annotations

import bisect
from functools import lru_cache

import pandas as pd

from .context import (
    _APPROX_DOWN,
    _APPROX_UP,
    _columns,
    _Context,
    _context,
    _Fig,
    _figs,
    _ids,
    _near_values,
    _repeat_groups,
    _str,
)
from .period_algebra import _span_text
from .precision import precision
from .words import _WORD, acronyms, words


def repeat_links(figures: pd.DataFrame | list[dict], text: str, today=None) -> list[str | None]:
    """For each row of ``figures`` (a figures table, or its rows as dictionaries; ``repeat_of`` is not
    read), the ``figure_id`` of the first mention of its statistic when it is a later mention, else None.
    Two mentions are one statistic by the rule of :func:`briefing.checks.context._same_statistic` (same
    unit, kind and value within rounding, compatible periods, subjects sharing half their content words),
    grouped transitively."""
    cols = _columns(figures)
    out: list[str | None] = [None] * len(cols["figure_id"])
    rows = _candidates(cols)  # only rows that have a possible partner need the checks' full context
    if not rows:
        return out
    acr = _acronyms(text)
    ctx = _Context(_figs(cols, rows, acr), today, acr)
    ctx.groups = _repeat_groups(ctx)
    for g in ctx.groups:
        for f in g[1:]:
            out[rows[f.n]] = g[0].id
    return out


@lru_cache(maxsize=1)
def _acronyms(text: str) -> dict[str, tuple[str, ...]]:
    """:func:`acronyms` of ``text``, read once for :func:`repeat_links` and :func:`shared_subjects` of one
    parse (not to be changed by the caller)."""
    return acronyms(text)


def _candidates(cols: dict[str, list]) -> list[int]:
    """Positions of the rows that may be a mention of the same statistic as another row: same unit and kind,
    values within rounding of each other (:func:`briefing.checks.context._near_values`, a superset of the
    pairs the rule accepts). A row with no such partner is a statistic of its own whatever else it says, so
    leaving it out changes no group."""
    units = [str(u) for u in cols["unit"]]
    kinds = [str(k) for k in cols["kind"]]
    values = [float(v) for v in cols["value"]]
    surfaces = [_str(s) for s in cols["surface"]]
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, key in enumerate(zip(units, kinds, strict=True)):
        buckets.setdefault(key, []).append(i)
    keep: set[int] = set()
    for idx in buckets.values():
        if len(idx) < 2:
            continue
        # rows with the same value and resolution are one class, looked up once (a list that repeats its
        # numbers thousands of times would otherwise give a number of pairs that grows with the square)
        classes: dict[tuple[float, float], list[int]] = {}
        for i in idx:
            classes.setdefault((values[i], precision(surfaces[i], values[i]).stated), []).append(i)
        reps = list(classes)
        for members in classes.values():
            if len(members) > 1:
                keep.update(members)
        for p, q in _near_values([v for v, _ in reps], [r for _, r in reps]):
            keep.update(classes[reps[p]])
            keep.update(classes[reps[q]])
    return sorted(keep)


def shared_subjects(figures: pd.DataFrame | list[dict], repeat_of: list[str | None], text: str) -> list[str]:
    """The subject of each row once repeats are linked: a later mention takes its first mention's subject
    when that one says everything it says (every content word of the later subject, stemmed, is in it), so
    one statistic carries one label; otherwise it keeps its own."""
    acr = _acronyms(text)
    if isinstance(figures, pd.DataFrame):
        subjects, ids = [str(s) for s in figures["subject"]], figures["figure_id"].tolist()
    else:
        subjects, ids = [str(r["subject"]) for r in figures], [r["figure_id"] for r in figures]
    row_of = {fid: k for k, fid in enumerate(ids)}
    out = list(subjects)
    for k, first in enumerate(repeat_of):
        j = row_of.get(first) if first else None
        if j is not None and words(subjects[k], acr) <= words(subjects[j], acr):
            out[k] = subjects[j]
    return out


def _conflicts(g: list[_Fig]) -> list[str]:
    out = []
    ups = [f for f in g if f.approx == _APPROX_UP]
    downs = [f for f in g if f.approx in _APPROX_DOWN]
    if ups and downs:
        out.append(
            f"{ups[0].id} says more than {ups[0].surface} but {downs[0].id} says "
            f"{downs[0].approx.replace('_', ' ')} {downs[0].surface}"
        )
    # every pair of mentions measured against baselines that share less than half their words, in the
    # order of the mentions; the baselines' word sets are compared once per pair of different sets (a
    # statistic said many times against one baseline costs nothing)
    based = [f for f in g if f.baseline]
    sets: dict[frozenset[str], list[int]] = {}
    for i, f in enumerate(based):
        sets.setdefault(frozenset(_WORD.findall(f.baseline.lower())), []).append(i)
    keys = list(sets)
    differ = {k: [sets[x] for x in keys if x != k and len(k & x) / len(k | x) < 0.5] for k in keys}
    for i, a in enumerate(based):
        later = []
        for members in differ[frozenset(_WORD.findall(a.baseline.lower()))]:
            later += members[bisect.bisect_right(members, i) :]
        for j in sorted(later):
            c = based[j]
            out.append(f"{a.id} is measured against {a.baseline!r} but {c.id} against {c.baseline!r}")
    return out


def repeats(b) -> pd.DataFrame:
    """One row per statistic said more than once: ids, value, unit, kind, subject, period, status, detail."""
    ctx = b if isinstance(b, _Context) else _context(b)
    rows = []
    for g in ctx.groups:
        if len(g) < 2:
            continue
        conflicts = _conflicts(g)
        spans = [f.span for f in g if f.span]
        first = g[0]
        surfaces = sorted({f.surface for f in g})
        speakers = list(dict.fromkeys(f.speaker for f in g))
        turns = list(dict.fromkeys(f.turn for f in g))
        what = f"{first.surface} ({first.kind}) of \u201c{first.subject}\u201d"
        where = f"{_span_text(spans[0]) if spans else 'no period'}"
        detail = (
            f"{what}, {where}, is said {len(g)} times, in turns {', '.join(turns)} by {', '.join(speakers)}: "
            + "; ".join(f"{f.id} \u201c{f.subject}\u201d" for f in g)
            + "."
        )
        if len({f.prec.stated for f in g}) > 1:
            detail += f" Said at different precision ({' / '.join(surfaces)}): they agree once rounded."
        elif len(surfaces) > 1:
            detail += f" Worded {' / '.join(surfaces)}."
        detail += (" Contradiction: " + "; ".join(conflicts) + ".") if conflicts else " The mentions agree."
        rows.append(
            {
                "figure_ids": _ids(g),
                "n_mentions": len(g),
                "value": first.value,
                "unit": first.unit,
                "kind": first.kind,
                "subject": first.subject,
                "period": _span_text(spans[0]) if spans else "",
                "speakers": "; ".join(speakers),
                "status": "inconsistent" if conflicts else "consistent",
                "detail": detail,
            }
        )
    cols = ["figure_ids", "n_mentions", "value", "unit", "kind", "subject", "period", "speakers", "status"]
    return pd.DataFrame(rows, columns=[*cols, "detail"])
