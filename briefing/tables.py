"""Tables for readers: any frame shown as a publication table, in a notebook, the book or plain text.

>>> from briefing import tables
>>> tables.figures_table(b.figures.query("sector == 'telecoms_5g'"))      # doctest: +SKIP
>>> tables.table(counts, labels={"n": "Figures"}, caption="Figures by sector")  # doctest: +SKIP

What a reader sees: human labels for columns ("Compared with", not ``baseline``) and for codes ("change, pp",
"more than", "New energy vehicles", not ``pp_change``, ``more_than``, ``new_energy_vehicles``), no index
column, no NaN (a dash), periods in words ("Jan.-Sept. 2023", never broken over lines), numbers
right-aligned with their unit and the precision their source gave ("more than 40%", not "more than 40.0%"),
text left-aligned, nothing truncated.

A :class:`Table` shows itself as HTML in a notebook (a pandas ``Styler`` with a uuid computed from the
table's content and no cell ids, so re-executing a notebook gives the same bytes, which nbval compares) and
as a Markdown pipe table in plain text (``repr``, ``str``, :meth:`Table.to_markdown`).
"""

from __future__ import annotations

import hashlib
import html
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from . import plots, vocab
from .kinds import APPROXIMATIONS, KINDS

__all__ = [
    "APPROX_LABELS",
    "COLUMN_LABELS",
    "DASH",
    "KIND_LABELS",
    "Table",
    "code_label",
    "figures_table",
    "period_words",
    "said_value",
    "source_decimals",
    "table",
]

#: What an empty cell shows.
DASH = "–"

#: Reader's labels of the figure kinds (from the kinds table, ``briefing/data/kinds.yml``).
KIND_LABELS: dict[str, str] = {k: v.label for k, v in KINDS.items()}
#: Reader's labels of the ``approx`` codes (an exact figure shows nothing).
APPROX_LABELS: dict[str, str] = {a: v.words.strip() for a, v in APPROXIMATIONS.items()}
#: Reader's labels of the units when a table shows the unit on its own.
UNIT_LABELS: dict[str, str] = {"%": "%", "pp": "pp", "count": "number"}

#: Reader's labels of the columns the package's tables use.
COLUMN_LABELS: dict[str, str] = {
    "figure_id": "Figure",
    "turn_id": "Turn",
    "exchange_id": "Exchange",
    "sentence_id": "Sentence",
    "speaker": "Speaker",
    "role": "Role",
    "affiliation": "Affiliation",
    "value": "Value",
    "as_read": "Value",
    "said": "Value",
    "unit": "Unit",
    "kind": "Kind",
    "approx": "Qualifier",
    "period": "Period",
    "period_text": "Period as said",
    "baseline": "Compared with",
    "subject": "Subject",
    "sector": "Sector",
    "of_total": "Share of",
    "surface": "As said",
    "quote": "Sentence",
    "n_words": "Words",
    "n_figures": "Figures",
    "n": "Number",
    "count": "Number",
    "repeat_of": "Repeats",
    "topic": "Topic",
    "question": "Question",
}

_NUMBER_IN_TEXT = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.(\d+))?)")
_WORD_NUMBERS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty",
}  # fmt: skip
_SCALE_WORDS = {"trillion": 1e12, "billion": 1e9, "million": 1e6}
#: A cell that reads as a number: an optional qualifier, a sign or currency, then a digit.
_NUMERIC_CELL = re.compile(r"^(?:(?:more than|nearly|about|less than|over|almost) )?[-−+]?(?:US\$)?\d")


def _missing(x: Any) -> bool:
    if x is None or x is pd.NA or x is pd.NaT:
        return True
    if isinstance(x, float) and math.isnan(x):
        return True
    return isinstance(x, str) and x.strip() == ""


def _sector_label(code: str) -> str:
    try:
        return plots.sector_label(code)
    except KeyError:
        return code.replace("_", " ").capitalize()


def _role_label(code: str) -> str:
    return {"official": "official", "chair": "chair", "media": "reporter"}.get(code, code)


def code_label(column: str, code: Any) -> str:
    """The reader's label of ``code`` in a code column (``kind``, ``approx``, ``sector``, ``role``, ``unit``);
    any other column's value comes back as text. A missing value reads as an empty string."""
    if _missing(code):
        return ""
    code = str(code)
    if column == "kind":
        return KIND_LABELS.get(code, code.replace("_", " "))
    if column == "approx":
        return APPROX_LABELS.get(code, code.replace("_", " "))
    if column == "sector":
        return _sector_label(code)
    if column == "role":
        return _role_label(code)
    if column == "unit":
        return UNIT_LABELS.get(code, code)
    return code


# --- numbers at their source's precision --------------------------------------------------------------------


def source_decimals(surface: Any) -> int | None:
    """Decimals of the number as the speaker said it: ``"3.189 million"`` -> 3, ``"4%"`` -> 0, ``"22.6"`` ->
    1, ``"Twenty"`` -> 0; ``None`` when ``surface`` holds no number."""
    if _missing(surface):
        return None
    m = _NUMBER_IN_TEXT.search(str(surface))
    if m:
        return len(m.group(2) or "")
    if any(w in _WORD_NUMBERS for w in re.findall(r"[a-z]+", str(surface).lower())):
        return 0
    return None


def _scale_of(surface: Any) -> tuple[float, str] | None:
    words = re.findall(r"[a-z]+", str(surface).lower()) if not _missing(surface) else []
    for w in words:
        if w in _SCALE_WORDS:
            return _SCALE_WORDS[w], w
    return None


def said_value(value: Any, unit: Any, approx: Any = "exact", surface: Any = None) -> str:
    """A figure with its unit and qualifier at the precision its speaker gave, read from ``surface`` (the
    words as spoken): ``said_value(40.0, "%", "more_than", "40%")`` is "more than 40%", ``said_value(3.189e6,
    "count", "exact", "3.189 million")`` is "3.189 million", ``said_value(-20.0, "%", "exact", "20%")`` is
    "-20%". Without ``surface`` it falls back to :func:`briefing.plots.format_value`. Missing: a dash."""
    if _missing(value):
        return DASH
    decimals = source_decimals(surface)
    if decimals is None:
        return plots.format_value(float(value), str(unit), None if _missing(approx) else str(approx))
    v = float(value)
    unit = str(unit)
    words = APPROX_LABELS.get("exact" if _missing(approx) else str(approx), "")
    words = f"{words} " if words else ""
    scale = _scale_of(surface)
    body = f"{v / scale[0]:,.{decimals}f} {scale[1]}" if scale is not None else f"{v:,.{decimals}f}"
    if unit == "%":
        body += "%"
    elif unit == "pp":
        body += " pp"
    elif unit == "USD":
        body = f"-US${body.lstrip('-')}" if v < 0 else f"US${body}"
    elif unit in ("months", "years"):
        body += f" {unit[:-1]}" if v == 1 else f" {unit}"
    elif unit != "count":
        body += f" {unit}"
    return words + body


# --- periods ------------------------------------------------------------------------------------------------


def _as_ts(x: Any) -> pd.Timestamp | None:
    if _missing(x):
        return None
    return pd.Timestamp(x)


def period_words(period: Any = None, start: Any = None, end: Any = None) -> str:
    """A period in words ("Jan.-Sept. 2023", "Aug. 2023", "Sept. 30, 2023"), from ``start``/``end`` dates or
    from the figures table's ``period`` text ("2023-01/2023-09"); empty when there is none."""
    s, e = _as_ts(start), _as_ts(end)
    if s is None and e is None and not _missing(period):
        text = str(period)
        first, _, last = text.partition("/")
        last = last or first
        s = pd.Timestamp(first)
        e = pd.Timestamp(last)
        if len(last) == 7:  # a month: its last day
            e = e + pd.offsets.MonthEnd(0)
        elif len(last) == 4:  # a year
            e = pd.Timestamp(f"{last}-12-31")
    if s is None and e is None:
        return ""
    return plots.period_label(s, e)


# --- the table ----------------------------------------------------------------------------------------------


_CSS = [
    {"selector": "", "props": "border-collapse: collapse; font-variant-numeric: tabular-nums;"},
    {"selector": "caption",
     "props": "caption-side: top; text-align: left; font-weight: bold; padding: 4px 0;"},
    {"selector": "th", "props": "text-align: left; vertical-align: bottom; border-bottom: 1px solid #999; "
                                "padding: 3px 8px; white-space: nowrap;"},
    {"selector": "td", "props": "vertical-align: top; padding: 3px 8px; border-bottom: 1px solid #E6E6E6;"},
]  # fmt: skip


@dataclass
class Table:
    """A frame of display text ready for readers (built by :func:`table` or :func:`figures_table`).

    ``frame`` holds only strings (labels as headers, no NaN); ``numeric`` names its right-aligned columns,
    ``nowrap`` the columns never broken over lines (periods, values); in ``markup`` columns, text in
    backticks is shown as code (a column name or a code named on purpose, in a data dictionary).
    """

    frame: pd.DataFrame
    numeric: list[str] = field(default_factory=list)
    nowrap: list[str] = field(default_factory=list)
    caption: str | None = None
    markup: list[str] = field(default_factory=list)

    @property
    def uuid(self) -> str:
        """A stable id for the table's CSS: a hash of its content (two tables in one page do not clash)."""
        text = (self.caption or "") + self.frame.to_csv(index=False)
        return "b" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]

    def styler(self) -> Any:
        """The pandas ``Styler``: no index, no cell ids, fixed uuid, numbers right and text left."""
        st: Any = self.frame.style
        st.set_uuid(self.uuid)
        st.cell_ids = False
        st = st.hide(axis="index").format(escape="html")
        if self.markup:
            st = st.format(_code_markup, subset=self.markup, escape=None)
        st = st.set_table_styles(_CSS, overwrite=True)
        # Alignment and wrapping by column class (td.col2), not by cell: no per-cell ids in the HTML.
        per_column: dict[str, Any] = {}
        for c in self.frame.columns:
            align = "right" if c in self.numeric else "left"
            td = f"text-align: {align};" + (" white-space: nowrap;" if c in self.nowrap else "")
            per_column[c] = [
                {"selector": "td", "props": td},
                {"selector": "th", "props": f"text-align: {align};"},
            ]
        st = st.set_table_styles(per_column, overwrite=False)
        if self.caption:
            st = st.set_caption(html.escape(self.caption))
        return st

    def to_html(self) -> str:
        return str(self.styler().to_html())

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_markdown(self) -> str:
        """The table as a Markdown pipe table (also its plain-text form), numbers right-aligned."""
        cols = list(self.frame.columns)

        def cell(x: Any) -> str:
            return str(x).replace("|", "\\|").replace("\n", " ")

        rows = [[cell(x) for x in r] for r in self.frame.itertuples(index=False, name=None)]
        widths = [max([len(cell(c)), 3, *(len(r[i]) for r in rows)]) for i, c in enumerate(cols)]

        def line(values: list[str]) -> str:
            parts = [
                v.rjust(w) if c in self.numeric else v.ljust(w)
                for v, w, c in zip(values, widths, cols, strict=True)
            ]
            return "| " + " | ".join(parts) + " |"

        rule = "| " + " | ".join(
            ("-" * (w - 1) + ":") if c in self.numeric else "-" * w for w, c in zip(widths, cols, strict=True)
        ) + " |"  # fmt: skip
        out = [line([cell(c) for c in cols]), rule, *(line(r) for r in rows)]
        if self.caption:
            out.insert(0, self.caption + "\n")
        return "\n".join(out)

    def __repr__(self) -> str:
        return self.to_markdown()

    __str__ = __repr__

    def __len__(self) -> int:
        return len(self.frame)


def _code_markup(text: Any) -> str:
    """``text`` escaped for HTML, with its backticked parts as ``<code>``."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(str(text)))


def _cell_text(column: str, x: Any, fmt: Callable[[Any], str] | str | None) -> str:
    if _missing(x):
        return DASH
    if fmt is not None:
        return fmt(x) if callable(fmt) else fmt.format(x)
    if column in ("kind", "approx", "sector", "role", "unit"):
        return code_label(column, x) or DASH
    if isinstance(x, pd.Timestamp):
        return plots.period_label(x, x)
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, int) or (hasattr(x, "dtype") and pd.api.types.is_integer(x)):
        return f"{int(x):,}"
    if isinstance(x, float):
        return f"{int(x):,}" if x.is_integer() else f"{x:,g}"
    return str(x)


def table(
    df: pd.DataFrame,
    labels: Mapping[str, str] | None = None,
    *,
    caption: str | None = None,
    formats: Mapping[str, Callable[[Any], str] | str] | None = None,
    numeric: Iterable[str] | None = None,
    nowrap: Iterable[str] = (),
    markup: Iterable[str] = (),
) -> Table:
    """``df`` as a table for readers.

    Columns are labelled from ``labels``, then :data:`COLUMN_LABELS`, else their name with underscores as
    spaces and a capital; values of code columns (``kind``, ``approx``, ``sector``, ``role``, ``unit``) take
    their reader's labels; a ``period`` column of the figures table's form reads "Jan.-Sept. 2023"; missing
    values show :data:`DASH`; integers take thousands separators. ``formats`` maps a column to a format
    string or function for its non-missing values. Numeric columns (numbers, or text that reads as a number
    in every filled cell; or those named in ``numeric``) are right-aligned, the rest left-aligned. The index
    is dropped: a column worth showing is a column. In ``markup`` columns, text in backticks shows as
    code (a data dictionary naming column names and codes on purpose).
    """
    labels = dict(labels or {})
    formats = dict(formats or {})
    out: dict[str, list[str]] = {}
    auto_numeric: list[str] = []
    names: dict[str, str] = {}
    for col in df.columns:
        name = labels.get(col) or COLUMN_LABELS.get(col) or str(col).replace("_", " ").capitalize()
        names[col] = name
        series = df[col]
        fmt = formats.get(col)
        if fmt is None and col == "period":
            out[name] = [period_words(x) or DASH for x in series]
        else:
            out[name] = [_cell_text(str(col), x, fmt) for x in series.tolist()]
        filled = [v for v in out[name] if v != DASH]
        is_num = pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)
        if filled and (is_num or all(_NUMERIC_CELL.match(v) for v in filled)):
            auto_numeric.append(name)
    frame = pd.DataFrame(out, columns=list(out))
    num = [names.get(c, c) for c in numeric] if numeric is not None else auto_numeric
    wrap_none = [names.get(c, c) for c in nowrap]
    wrap_none += [names[c] for c in df.columns if c in ("period", "figure_id") and names[c] not in wrap_none]
    wrap_none += [c for c in num if c not in wrap_none]
    marked = [names.get(c, c) for c in markup]
    return Table(frame=frame, numeric=num, nowrap=wrap_none, caption=caption, markup=marked)


#: Columns :func:`figures_table` shows by default.
FIGURES_COLUMNS = ("figure_id", "speaker", "said", "kind", "period", "baseline", "subject")


def figures_table(
    df: pd.DataFrame,
    columns: Iterable[str] = FIGURES_COLUMNS,
    *,
    labels: Mapping[str, str] | None = None,
    caption: str | None = None,
) -> Table:
    """Figures rows as a reader's table: the value as said, at its source's precision, with its unit and
    qualifier (``said``, from ``value``, ``unit``, ``approx`` and ``surface``: "more than 40%"), the kind
    ("change, pp"), the period in words, what it is compared with, the subject. ``columns`` picks and orders
    columns of ``df`` or ``said``."""
    out = df.copy()
    cols = list(columns)
    if "said" in cols:
        out["said"] = [
            said_value(v, u, a, s)
            for v, u, a, s in zip(
                out["value"], out["unit"], out.get("approx", ["exact"] * len(out)),
                out.get("surface", [None] * len(out)), strict=True,
            )
        ]  # fmt: skip
    if "period" in cols and {"period_start", "period_end"} <= set(out.columns):
        out["period"] = [
            period_words(p, s, e)
            for p, s, e in zip(out["period"], out["period_start"], out["period_end"], strict=True)
        ]
    t = table(out.loc[:, cols], labels=labels, caption=caption, formats={"period": lambda x: str(x) or DASH})
    return t


def known_codes() -> set[str]:
    """Every internal code a reader's table must not show (kind, approx and sector ids with an underscore
    or matching a sector id exactly), for tests of notebook outputs."""
    codes = {k for k in KIND_LABELS if "_" in k} | {a for a in APPROX_LABELS if "_" in a}
    codes |= set(vocab.load("sectors")["sectors"])
    return codes
