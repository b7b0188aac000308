"""The ``coincidence`` and ``part_whole`` checks."""

from __future__ import annotations

import math

from .context import SAME_SUBJECT, _Context, _ids, _near_values, _restated
from .period_algebra import _span_text
from .words import _jaccard


def _coincidences(ctx: _Context, min_digits: int) -> list[dict]:
    out = []
    groups = [g for g in ctx.groups if g[0].prec.digits >= min_digits]
    # only groups of one unit with values within rounding of each other can coincide (_near_values)
    by_unit: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        by_unit.setdefault(g[0].unit, []).append(i)
    pairs = []
    for idx in by_unit.values():
        near = _near_values([groups[i][0].value for i in idx], [groups[i][0].prec.stated for i in idx])
        pairs += [(idx[p], idx[q]) for p, q in near]
    fewest = [min(f.prec.digits for f in g) for g in groups]
    for i, j in sorted(pairs):
        g, h = groups[i], groups[j]
        a, c = g[0], h[0]
        if a.unit != c.unit or not _restated(a, c):
            continue
        if min(fewest[i], fewest[j]) < min_digits:
            continue
        why = "two different statistics with the same value"
        if _jaccard(a.words, c.words) >= SAME_SUBJECT:
            why = (
                f"the same subject and value, but {a.kind} in {_span_text(a.span)} and {c.kind} in "
                f"{_span_text(c.span)}"
            )
        out.append(
            {
                "check": "coincidence",
                "status": "review",
                "figure_ids": _ids(g + h),
                "detail": (
                    f"{a.surface} is both \u201c{a.subject}\u201d ({', '.join(f.id for f in g)}) and "
                    f"\u201c{c.subject}\u201d ({', '.join(f.id for f in h)}): {why}. "
                    "One of them may be a slip: check both against their sources."
                ),
            }
        )
    return out


def _parts(ctx: _Context) -> list[dict]:
    out = []
    for f in ctx.figs:
        if not math.isnan(f.of_total):
            ok = 0 <= f.value <= f.of_total
            share = f"{f.value / f.of_total:.1%}" if f.of_total else "n/a"
            out.append(
                {
                    "check": "part_whole",
                    "status": "consistent" if ok else "inconsistent",
                    "figure_ids": f.id,
                    "detail": f"{f.surface} of {f.of_total:g} \u201c{f.subject}\u201d ({share})"
                    + ("" if ok else ": the part is larger than the whole"),
                }
            )
        elif f.kind == "share" and f.unit == "%" and not 0 <= f.value <= 100:
            out.append(
                {
                    "check": "part_whole",
                    "status": "inconsistent",
                    "figure_ids": f.id,
                    "detail": f"a share of {f.value:g}% for \u201c{f.subject}\u201d is outside 0-100%",
                }
            )
    return out
