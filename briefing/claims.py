"""Prose that cannot be wrong: computed sentences whose premises are checked where they are written.

A notebook cell that states a number or a comparison computes it, and checks in the same cell what the
sentence takes for granted; when the data change, the cell raises :class:`ClaimError` (and nbval fails)
instead of the notebook saying something false:

>>> from briefing import claims
>>> run = claims.largest(streaks, "value", what="run of months")          # doctest: +SKIP
>>> claims.require(run.sector == "manufacturing", "the longest run is not manufacturing's")  # doctest: +SKIP
>>> claims.say(f"The longest run is {claims.figure(run)}, in {run.subject}.")  # doctest: +SKIP

Numbers keep their source's precision: :func:`figure` shows a stated figure as its speaker gave it ("more
than 40%", never "more than 40.0%"), and :func:`implied` rounds a level derived from rounded inputs to the
significant digits those inputs carry ("about 393,000", never "392,857").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from . import plots, tables
from .kinds import KINDS

__all__ = [
    "ClaimError",
    "count",
    "dated",
    "figure",
    "implied",
    "kinds_in_words",
    "listing",
    "largest",
    "months_before",
    "only",
    "plural",
    "require",
    "round_sig",
    "say",
    "sig_digits",
    "smallest",
]


class ClaimError(AssertionError):
    """A sentence's premise does not hold on the data: the sentence must be rewritten, not shown."""


def require(condition: Any, message: str) -> None:
    """Raise :class:`ClaimError` with ``message`` (what the prose assumes) unless ``condition`` holds."""
    if not bool(condition):
        raise ClaimError(message)


def _what(what: str | None, df: pd.DataFrame) -> str:
    return what or f"the {len(df)} rows given"


def only(df: pd.DataFrame, what: str) -> pd.Series:
    """The one row of ``df``; raises when there is none or more than one (the prose says "the ...")."""
    require(len(df) == 1, f"expected exactly one {what}, found {len(df)}")
    return df.iloc[0]


def count(df: pd.DataFrame | Iterable[Any], expected: int | None = None, *, what: str = "rows") -> int:
    """The number of rows (or items); with ``expected``, raises unless it is that number."""
    n = len(df) if isinstance(df, pd.DataFrame) else len(list(df))
    if expected is not None:
        require(n == expected, f"the prose counts {expected} {what}; the data have {n}")
    return n


def _extreme(df: pd.DataFrame, column: str, what: str | None, largest_: bool) -> pd.Series:
    word = "largest" if largest_ else "smallest"
    require(len(df) > 0, f"no {_what(what, df)} to take the {word} of")
    values = pd.to_numeric(df[column], errors="coerce")
    require(values.notna().all(), f"{_what(what, df)}: some {column} values are missing")
    best = values.max() if largest_ else values.min()
    top = df[values == best]
    ids = ", ".join(str(x) for x in top.get("figure_id", top.index))
    require(len(top) == 1, f"the {word} {_what(what, df)} is not unique: {ids} tie at {best:g}")
    return top.iloc[0]


def largest(df: pd.DataFrame, column: str = "value", *, what: str | None = None) -> pd.Series:
    """The one row with the largest ``column``; raises when ``df`` is empty or the largest is a tie, so
    "the longest run is ..." is only said of a run that is the longest."""
    return _extreme(df, column, what, True)


def smallest(df: pd.DataFrame, column: str = "value", *, what: str | None = None) -> pd.Series:
    """The one row with the smallest ``column`` (see :func:`largest`)."""
    return _extreme(df, column, what, False)


def dated(df: pd.DataFrame, what: str, *, expected: int | None = None) -> pd.DataFrame:
    """The rows of ``df`` with a period (``period_end`` or ``period`` given); raises when there is none, or
    with ``expected`` when their number differs ("one of them is dated")."""
    col = "period_end" if "period_end" in df else "period"
    rows = df[df[col].notna() & (df[col].astype(str) != "")]
    require(len(rows) > 0, f"no {what} has a period")
    if expected is not None:
        require(len(rows) == expected, f"the prose says {expected} {what} dated; the data have {len(rows)}")
    return rows


def listing(items: Iterable[str]) -> str:
    """``["a", "b", "c"]`` as "a, b and c"; two items as "a and b"."""
    items = list(items)
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def plural(n: int, word: str, words: str | None = None) -> str:
    """``plural(1, "sector")`` is "1 sector", ``plural(3, "sector")`` "3 sectors"."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def kinds_in_words(df: pd.DataFrame) -> str:
    """How many figures of each kind ``df`` holds, every kind present named once, in the order of
    ``kinds.yml``: "5 levels, 3 growth rates, 1 difference in points, 1 share and 1 run". The counts add up
    to ``len(df)`` (checked), so a list of kinds never leaves one out."""
    counts = df["kind"].astype(str).value_counts()
    unknown = sorted(set(counts.index) - set(KINDS))
    require(not unknown, f"kinds outside kinds.yml: {unknown}")
    parts = [plural(int(counts[k]), *KINDS[k].noun) for k in KINDS if counts.get(k, 0)]
    require(int(counts.sum()) == len(df), "every figure has one kind")
    return listing(parts) if parts else "no figures"


# --- numbers at their source's precision --------------------------------------------------------------------


def figure(row: Any) -> str:
    """A stated figure (a figures row) as its speaker gave it, with unit and qualifier, at the precision of
    its ``surface``: "more than 40%", "3.189 million", "0.2 pp"."""
    approx = getattr(row, "approx", "exact")
    return tables.said_value(row.value, row.unit, approx, getattr(row, "surface", None))


def sig_digits(surface: Any) -> int:
    """Significant digits of a number as spoken: "3.189 million" -> 4, "4%" -> 1, "17.2%" -> 3,
    "7,000" -> 1 (trailing zeros of a whole number are not counted), "6.313 million" -> 4."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", str(surface))
    require(m is not None, f"no number in {surface!r}")
    assert m is not None
    digits = m.group(0).replace(",", "")
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0"))
    return max(1, len(digits.strip("0")) if digits.strip("0") else 1)


def round_sig(x: float, sig: int) -> float:
    """``x`` rounded to ``sig`` significant digits."""
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, sig - 1 - int(math.floor(math.log10(abs(x)))))


def implied(value: float, unit: str, inputs: Iterable[Any], *, word: str = "about") -> str:
    """A value the package derived (not said), rounded to the fewest significant digits among the stated
    ``inputs`` (figures rows or their surfaces) and marked with ``word``: 6.278 million sold after a rise of
    37.5% implies "about 4.57 million" a year earlier (3 digits, those of "37.5%"), and a level of 2.75
    million divided by "7" reads "about 400,000", not "392,857"."""
    sig = min(sig_digits(getattr(i, "surface", i)) for i in inputs)
    v = round_sig(float(value), max(sig, 1))
    body = plots.format_value(v, unit, "exact")
    if unit == "%":
        decimals = max(0, sig - 1 - int(math.floor(math.log10(abs(v))))) if v else 0
        body = f"{v:.{decimals}f}%"
    elif unit == "count" and abs(v) < 1e6:
        body = f"{v:,.0f}"
    return f"{word} {body}" if word else body


def months_before(end: Any, n: int) -> pd.Timestamp:
    """The first month of a run of ``n`` months ending in the month of ``end``: a 6-month run ending in
    Aug. 2023 began in March 2023."""
    require(n >= 1, f"a run of {n} months")
    last = pd.Timestamp(end).to_period("M")
    return (last - (n - 1)).to_timestamp()


# --- the sentence -------------------------------------------------------------------------------------------


class _Sentence(str):
    """Markdown text that shows as Markdown in a notebook and as itself in plain text."""

    def _repr_markdown_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return str(self)


def say(text: str) -> _Sentence:
    """``text`` (computed Markdown) as a cell's output: shown as Markdown in a notebook and the book.
    Transcript text interpolated into it must pass through :func:`briefing.plots.escape_markdown`."""
    return _Sentence(text)


def quote(text: Any) -> str:
    """Transcript text made safe for computed Markdown (:func:`briefing.plots.escape_markdown`)."""
    return plots.escape_markdown(text)
