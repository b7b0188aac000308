"""Check the figures: what a careful reader of official statistics does with a briefing's numbers.

:func:`check` returns one row per finding, with the columns ``check``, ``status``, ``figure_ids`` (the ids
involved, ``;``-joined) and ``detail`` (a sentence a person can act on). The rules are general: nothing here
knows the figures of a particular briefing. The checks:

``repeat``
    The same statistic said more than once (in the opening statement and again in an answer, or by the other
    official). Two mentions are the same statistic when they have the same ``unit`` and ``kind``, the same
    value (or the same at the coarser precision when the coarser keeps two significant digits or says "about",
    "nearly": "6.3 million" restates "6.278 million", "2 percentage points" does not restate "1.9"),
    compatible periods (see below) and subjects that share at least half of their content words (Jaccard >=
    0.5 on the word stems, stop words removed, and acronyms the transcript defines, "new-energy vehicle
    (NEV)", expanded). Sector is not part of the rule: it is assigned from the words around a figure, so one
    statistic can get two sectors (total computing power said in a telecoms paragraph and again in a computing
    answer) and two statistics often share one. Different values are never repeats. Status ``consistent``, or
    ``inconsistent`` when the mentions contradict each other: one says "more than" and the other "nearly" or
    "less than", or they are measured against different baselines ("year on year" and "month on month").
``implied_rate``
    A rate and a percentage-point difference against a baseline in the same sentence imply the baseline's
    rate: "grew 11.3%, surpassing general manufacturing investment by 5.1 percentage points" implies general
    manufacturing investment grew 6.2%; "4%, 0.2 percentage points faster than the first half" implies 3.8% in
    the first half. Differences without a baseline (a contribution of 1.9 points to growth) imply nothing.
    (The figures paired here and in the two checks below are at most :data:`PAIR_REACH` figures apart in
    their sentence.)
``implied_level``
    A level and its growth rate against a stated baseline, in the same sentence and about the same subject,
    imply the baseline's level: 825,000 exports, up 110% year on year, imply about 392,900 a year earlier.
``implied_total``
    A count and its share of all things of its kind, in the same sentence and about the same subject, imply
    how many there are in all: "1,972 'little giant' companies ..., accounting for 22% of its kind" imply
    about 8,964 "little giant" companies. Only shares of the count's own kind are used ("of its kind", "of
    the total", or a whole named with the count's own head noun: "30% of all firms"); a share of something
    else ("60% of the industry's revenue") implies nothing about the count. A stated total matches when it
    names the same things, its words other than a generic organisation noun ("companies", "SMEs") all in the
    count's subject, or both name the same quoted designation: "12,000 'little giant' SMEs".
``coincidence``
    Two different statistics (not repeats of each other) with the same value and unit, when the value is
    specific enough for the match to be surprising: at least :data:`MIN_DIGITS` significant digits as spoken
    ("6.278 million" has four; "10,000" and "60%" coincide by chance all the time). Status ``review``: a
    person should look at which of the two is right.
``part_whole``
    "27 of 41": the part is no larger than the whole (always reported); a share outside 0-100% (reported only
    then).

Statuses: ``consistent`` and ``inconsistent`` for what can be checked; ``derived`` for a number the text
implies and nothing states (compare it with a primary release); ``review`` for what needs a person. A derived
number is ``consistent``/``inconsistent`` when the briefing itself states the implied quantity elsewhere (a
briefing figure of the same unit, kind and period whose subject holds every word of the baseline and otherwise
speaks of the input's measure: "industrial growth in general" is the "value-added of industries above
designated size", not "fixed-asset investment in the industry") or when the reference file does (a reference
row about the implied quantity, or a number in the note of a reference row about one of the inputs: "all
manufacturing investment +6.2%"). Derived numbers carry the rounding of their inputs: 11.3% - 5.1 pp is 6.2%,
but anything from 6.1% to 6.3%; a stated value agrees when its own rounding interval meets that interval.

Periods are compatible when they are equal or one is unknown; when one is a point in time ("as of the end of
September") and the other a span ending that day; when one is the current, unfinished year ("this year") and
the other starts with it (year to date); and, for levels and shares, when one span lies inside the other and
both end on the same day. A single month and a cumulative span are never compatible for growth rates: "profits
+17.2% in August" says nothing against "January-August profits -11.7%".

:func:`compare_reference` lines the briefing up with a file of values from primary releases
(``data/reference/official_figures.csv``, read with :func:`load_reference`).

The package is split by concern: ``words`` (subject words and their stems), ``precision``, ``period_algebra``
(period spans and their compatibility), ``context`` (the figures prepared once, grouped into statistics),
``repeats``, ``derivations`` (implied rates, levels and totals), ``parts`` (coincidences, parts of wholes),
``reference`` (the file of official values) and ``series`` (the context series: official values at other
dates). :func:`check` runs them in that order of findings.
"""

from __future__ import annotations

import pandas as pd

from .context import _context
from .context import _restated as _restated
from .context import _same_statistic as _same_statistic
from .derivations import derivations
from .parts import _coincidences, _parts
from .period_algebra import compatible, period_span
from .precision import Precision, precision
from .reference import REFERENCE_COLUMNS, Statement, compare_reference, load_reference, note_statements
from .repeats import repeats
from .series import CONTEXT_CHECK_COLUMNS, CONTEXT_COLUMNS, compare_context, load_context
from .words import acronyms, words

__all__ = [
    "CHECK_COLUMNS",
    "CONTEXT_CHECK_COLUMNS",
    "CONTEXT_COLUMNS",
    "MIN_DIGITS",
    "REFERENCE_COLUMNS",
    "Precision",
    "Statement",
    "acronyms",
    "check",
    "compare_context",
    "compare_reference",
    "compatible",
    "derivations",
    "load_context",
    "load_reference",
    "note_statements",
    "period_span",
    "precision",
    "repeats",
    "words",
]


#: Columns of :func:`check`'s result.
CHECK_COLUMNS = ["check", "status", "figure_ids", "detail"]
#: Fewest significant digits a value needs before two statistics sharing it count as a coincidence.
MIN_DIGITS = 3
_CHECK_ORDER = {
    "repeat": 0, "implied_rate": 1, "implied_level": 2, "implied_total": 3, "coincidence": 4, "part_whole": 5,
}  # fmt: skip


def check(b, reference: pd.DataFrame | None = None, *, min_digits: int = MIN_DIGITS) -> pd.DataFrame:
    """All findings on a briefing's figures: one row per finding, columns :data:`CHECK_COLUMNS`.

    ``reference`` is a frame from :func:`load_reference`; ``None`` reads the default file when it exists (it
    is used only where its rows match this briefing's figures). Pass an empty frame to check the text alone.
    ``min_digits`` is the fewest significant digits for a ``coincidence``.
    """
    ctx = _context(b)
    rows: list[dict] = []
    rep = repeats(ctx)
    rows += rep[CHECK_COLUMNS[1:]].assign(check="repeat").to_dict("records")
    der = derivations(ctx, reference)
    rows += der[CHECK_COLUMNS].to_dict("records")
    rows += _coincidences(ctx, min_digits)
    rows += _parts(ctx)
    out = pd.DataFrame(rows, columns=CHECK_COLUMNS)
    if len(out):
        first = {f.id: f.n for f in ctx.figs}
        out = out.assign(
            _c=out["check"].map(_CHECK_ORDER),
            _f=out["figure_ids"].map(lambda s: first.get(s.split(";")[0], 0)),
        )
        out = out.sort_values(["_c", "_f"], kind="stable").drop(columns=["_c", "_f"]).reset_index(drop=True)
    return out
