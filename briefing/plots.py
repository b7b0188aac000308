"""Charts of a briefing's tables in one house style, shared by every notebook.

>>> from briefing import plots
>>> plots.use_house_style()
>>> ax = plots.bar_figures(b.figures.query("sector == 'telecoms_5g' and unit == '%'"), b=b)

Rules the functions keep: one unit per axis (percent changes and percentage-point differences never share
one; :func:`bar_figures` raises ``ValueError`` otherwise), every value axis names its unit, bars take their
sector's fixed colour from ``briefing/data/sectors.yml``, bar labels keep the speaker's qualifier ("more than
7,000"), and :func:`source_line` puts the source under the chart. Every function returns the matplotlib
``Axes`` or ``Figure`` it drew on and never calls ``plt.show()``.

Every chart states what it shows in words: each function writes alt text computed from the rows it drew
(:func:`alt_text` reads it back), and in a notebook, after :func:`use_house_style`, the chart's PNG
(drawn at twice the resolution, for phones and sharp screens) carries it in its output metadata
(``{"image/png": {"alt": ...}}``); ``python -m briefing.notebooks execute`` copies it to the cell's
``mystnb`` metadata, where the book (MyST-NB) reads it.

Text from the transcript that goes into computed Markdown passes through :func:`escape_markdown`, so a
quote cannot make a link, an image or raw HTML (:func:`quotes_markdown` does it for its quotes and
speakers).
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Callable, Iterable
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.ticker import FuncFormatter

from . import vocab
from .kinds import APPROXIMATIONS, KINDS

__all__ = [
    "APPROX_WORDS",
    "KIND_COLOURS",
    "alt_text",
    "describe",
    "escape_markdown",
    "set_alt_text",
    "set_title",
    "NO_SECTOR_COLOUR",
    "OTHER_SECTOR_COLOUR",
    "ROLE_COLOURS",
    "axis_label",
    "bar_figures",
    "check_drawable",
    "computed_handle",
    "one_per_statistic",
    "COMPUTED_LABEL",
    "COMPUTED_STYLE",
    "bars_by_unit",
    "change_label",
    "FIGURE_COLUMNS",
    "figure_table",
    "figures_per_sector",
    "format_value",
    "growth_vs_pp",
    "levels",
    "period_label",
    "quotes_markdown",
    "sector_colour",
    "sector_label",
    "share_bars",
    "source_line",
    "use_house_style",
    "words_per_turn",
]

#: Words put before a value for each ``approx`` category of the figures table.
APPROX_WORDS: dict[str, str] = {a: v.words for a, v in APPROXIMATIONS.items()}
_PALETTE = vocab.load("palette")
#: Colour for rows with no sector (missing or empty).
NO_SECTOR_COLOUR: str = _PALETTE["no_sector"]
#: Colour for a sector outside the notebooks' palette (any briefing's own sectors).
OTHER_SECTOR_COLOUR: str = _PALETTE["other_sector"]
#: Colours of the speakers' roles (turns chart); officials get their own colours from OFFICIAL_COLOURS.
ROLE_COLOURS: dict[str, str] = dict(_PALETTE["roles"])
OFFICIAL_COLOURS: tuple[str, ...] = tuple(_PALETTE["officials"])
#: Colours of the figure kinds (figures per sector chart): a sequential grey-blue ramp, distinct from sectors.
KIND_COLOURS: dict[str, str] = {k: v.colour for k, v in KINDS.items()}
GREY = "#6E6E6E"

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_SHORT_SCALES = {"trillion": "tn", "billion": "bn", "million": "mn"}
_UNIT_TEXT = {
    "count": "",
    "yuan": " yuan",
    "EFLOPS": " EFLOPS",
    "Wh/kg": " Wh/kg",
    "km": " km",
    "GW": " GW",
    "MW": " MW",
    "kWh": " kWh",
    "tonnes": " tonnes",
    "per 10,000 people": " per 10,000 people",
    "times": " times",
}
_KIND_WORDS: dict[str, str] = {k: v.axis for k, v in KINDS.items()}
_UNIT_WORDS = {
    "%": "%",
    "pp": "percentage points",
    "count": "number",
    "yuan": "yuan",
    "USD": "US dollars",
    "months": "months",
    "years": "years",
}
_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


# --- style and vocabularies ---------------------------------------------------------------------------------


#: Width of a chart in inches (at 100 dpi: 600 px wide as displayed, drawn at 1200 px). Narrow on purpose,
#: with large type: on a 390 px phone the chart is shown about 360 px wide, and its smallest text (ticks,
#: source line) stays about 10 px high.
CHART_WIDTH = 6.0


def use_house_style() -> dict[str, Any]:
    """Set the house style (seaborn white grid, DejaVu Sans, sizes for phones) and return the rcParams set.

    Deterministic and offline: only fonts bundled with matplotlib are named, and SVG ids are salted with a
    constant so re-rendered charts are byte-stable. Inside IPython (a notebook), charts are also shown as
    PNG at twice the resolution with their alt text in the output metadata (see :func:`alt_text`).
    """
    sns.set_theme(context="notebook", style="whitegrid", font="DejaVu Sans")
    params: dict[str, Any] = {
        "figure.figsize": (CHART_WIDTH, 4.0),
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "savefig.bbox": "tight",
        "figure.constrained_layout.use": True,
        "font.family": "DejaVu Sans",
        "font.size": 14,
        "axes.titlesize": 16,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.titlepad": 10,
        "axes.labelsize": 14,
        "axes.labelcolor": "#333333",
        "axes.edgecolor": "#BBBBBB",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "xtick.labelsize": 13,
        "ytick.labelsize": 13,
        "legend.fontsize": 13,
        "legend.title_fontsize": 13,
        "legend.frameon": False,
        "grid.color": "#E6E6E6",
        "svg.hashsalt": "briefing",
    }
    mpl.rcParams.update(params)  # type: ignore[arg-type]  # the stubs type keys as a Literal
    _register_png_formatter()
    return params


def _fs(delta: float = 0.0) -> float:
    """A font size relative to the house body size (``font.size``), so every label scales with it."""
    return float(mpl.rcParams["font.size"]) + delta


#: Characters a title keeps on one line: a 600 px chart holds about 50 of them at the house title size.
TITLE_WIDTH = 46


def set_title(ax_or_fig: Axes | Figure, text: str) -> Figure | SubFigure:
    """Put ``text`` above a chart drawn by hand, in the house style: bold, wrapped to the chart's width,
    flush with the figure's left edge (``ax.set_title`` starts where the plot area starts and runs off the
    right edge of a narrow chart). Returns the figure."""
    fig = ax_or_fig.figure if isinstance(ax_or_fig, Axes) else ax_or_fig
    wrapped = "\n".join(textwrap.wrap(str(text), TITLE_WIDTH)) or str(text)
    fig.suptitle(wrapped, x=0.01, ha="left", fontweight="bold", fontsize=mpl.rcParams["axes.titlesize"])
    return fig


def _set_title(ax: Axes, title: str | None, own_figure: bool) -> None:
    """A chart's title, wrapped to the chart's width, flush with the figure's left edge. On a figure the
    function made itself the title goes above everything (an axes title starts where the plot area starts,
    after the bar labels, and runs off the right edge of a narrow chart); on a panel it titles the panel."""
    if not title:
        return
    if own_figure:
        set_title(ax, title)
    else:
        ax.set_title("\n".join(textwrap.wrap(str(title), TITLE_WIDTH)) or str(title))


def _png_with_alt(fig: Figure) -> tuple[str, dict[str, Any]] | None:
    """The IPython ``image/png`` formatter of a Figure: a PNG at twice the resolution (shown at its size in
    inches x ``figure.dpi``), with ``width``, ``height`` and ``alt`` in its metadata."""
    from IPython.core.pylabtools import retina_figure

    out = retina_figure(fig, base64=True, bbox_inches="tight")
    if out is None:
        return None
    data, metadata = out
    metadata["alt"] = alt_text(fig)
    return data, metadata


def _register_png_formatter() -> None:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the notebooks extra
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return
    if "matplotlib_inline" in str(mpl.get_backend()):
        # The inline backend registers its own formatters when it is first imported (at the first figure):
        # import it now, so that the formatter below replaces its one rather than being replaced by it.
        import matplotlib_inline.backend_inline  # noqa: F401
    formatters = shell.display_formatter.formatters
    formatters["image/png"].for_type(Figure, _png_with_alt)
    for mime in ("image/svg+xml", "application/pdf", "image/jpeg", "image/retina+png"):
        if mime in formatters:
            formatters[mime].pop(Figure, None)


def _sectors() -> dict[str, dict]:
    return vocab.load("sectors")["sectors"]


def _missing(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA or str(x) == ""


def sector_colour(sector: str | None) -> str:
    """The fixed colour of ``sector`` from ``palette.yml``; :data:`NO_SECTOR_COLOUR` when missing and
    :data:`OTHER_SECTOR_COLOUR` (a neutral grey) for a sector the palette does not colour."""
    if _missing(sector):
        return NO_SECTOR_COLOUR
    return str(_PALETTE["sectors"].get(sector, OTHER_SECTOR_COLOUR))


def sector_label(sector: str | None) -> str:
    """The display label of ``sector`` from ``sectors.yml`` ("Telecoms and 5G"); "No sector" when missing;
    a sector the vocabulary does not have is shown by its id in words ("road_safety" -> "Road safety")."""
    if _missing(sector):
        return "No sector"
    entry = _sectors().get(str(sector))
    return str(entry["label"]) if entry else str(sector).replace("_", " ").capitalize()


# --- numbers as words ---------------------------------------------------------------------------------------


def _plain(x: float) -> str:
    """A number with thousands separators: no decimals from 100 up, three significant digits below."""
    if float(x).is_integer() or abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:,.{max(1, 2 - int(math.floor(math.log10(abs(x)))))}f}".rstrip("0").rstrip(".")


def _scaled(x: float) -> str:
    """1e6 and above with a scale word and three significant digits: 3.19 million, 7.5 trillion."""
    rounded = float(f"{x:.3g}")  # 999.6 million reads "1 billion"
    for scale, word in _SCALES:
        if abs(rounded) >= scale:
            return f"{rounded / scale:g} {word}"
    return _plain(x)


def format_value(value: float, unit: str, approx: str | None = "exact") -> str:
    """A figure as a reader would say it: ``format_value(7.5e12, "yuan", "more_than")`` is
    "more than 7.5 trillion yuan".

    Percent and percentage points take one decimal ("4.0%", "-20.0%", "0.2 pp"); amounts of a million and
    more take a scale word and three significant digits ("3.19 million", "2.22 billion"); smaller amounts
    take thousands separators ("825,000", "22.6 per 10,000 people"). Missing values read "n/a".
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    unit = str(unit)
    words = APPROX_WORDS.get("exact" if _missing(approx) else str(approx))
    if words is None:
        raise ValueError(f"unknown approx {approx!r}; known: {', '.join(APPROX_WORDS)}")
    v = float(value)
    if unit == "%":
        body = f"{v:.1f}%"
    elif unit == "pp":
        body = f"{v:.1f} pp"
    elif unit == "USD":
        body = f"-US${_scaled(-v)}" if v < 0 else f"US${_scaled(v)}"
    elif unit in ("months", "years"):
        n = _plain(v)
        body = f"{n} {unit[:-1]}" if v == 1 else f"{n} {unit}"
    elif unit in _UNIT_TEXT:
        body = _scaled(v) + _UNIT_TEXT[unit]
    else:
        body = f"{_scaled(v)} {unit}"
    return words + body


def period_label(start: Any, end: Any) -> str:
    """A figure's period (its ``period_start`` and ``period_end`` dates) in words: "Jan.-Sept. 2023",
    "Aug. 2023", "2023", "Sept. 30, 2023" (a point in time), or "no period given" when both are missing."""
    if _missing(start) and _missing(end):
        return "no period given"
    if _missing(start) or _missing(end) or start == end:
        return _date_text(end if not _missing(end) else start)
    last_day = (pd.Timestamp(end) + pd.offsets.MonthEnd(0)).day
    whole_months = start.day == 1 and end.day == last_day
    if not whole_months:
        return f"{_date_text(start)} to {_date_text(end)}"
    if (start.month, end.month) == (1, 12) and start.year == end.year:
        return str(start.year)
    if (start.year, start.month) == (end.year, end.month):
        return f"{_MONTHS[start.month - 1]} {start.year}"
    if start.year == end.year:
        return f"{_MONTHS[start.month - 1]}-{_MONTHS[end.month - 1]} {end.year}"
    return f"{_MONTHS[start.month - 1]} {start.year}-{_MONTHS[end.month - 1]} {end.year}"


def change_label(row: Any) -> str:
    """A bar label for a figures row: its subject, and for a percentage-point difference what it is measured
    against ("...: vs the first half", or "...: (no comparison given)"). Pass as ``label=`` to the charts."""
    subject = str(row.subject)
    if str(row.kind) != "pp_change":
        return subject
    return f"{subject}: (no comparison given)" if _missing(row.baseline) else f"{subject}: vs {row.baseline}"


def axis_label(unit: str, kind: str | None = None) -> str:
    """The label of a value axis: what is measured and its unit, e.g. "Change (%)", "Difference (percentage
    points)", "Share (%)", "Level (number)", "Level (EFLOPS)"."""
    unit = str(unit)
    what = _KIND_WORDS.get(str(kind), "Value") if not _missing(kind) else "Value"
    if unit == "pp" and _missing(kind):
        what = "Difference"
    return f"{what} ({_UNIT_WORDS.get(unit, unit)})"


def _tick_formatter(unit: str) -> FuncFormatter:
    def fmt(x: float, _pos: int) -> str:
        if unit == "%":
            return f"{x:g}%"
        for scale, word in _SCALES:
            if abs(x) >= scale:
                return f"{x / scale:g} {_SHORT_SCALES[word]}"
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:g}"

    return FuncFormatter(fmt)


#: Columns of a figures table shown to readers by :func:`figure_table`, figure_id first.
FIGURE_COLUMNS = (
    "figure_id",
    "speaker",
    "surface",
    "as_read",
    "unit",
    "kind",
    "period",
    "baseline",
    "subject",
)


def figure_table(df: pd.DataFrame, columns: Iterable[str] = FIGURE_COLUMNS) -> pd.DataFrame:
    """The figures rows as a reader's table: ``figure_id`` first, the words as spoken (``surface``), the
    value as read (``as_read``: :func:`format_value`, qualifier included), unit, kind, period, baseline,
    subject.

    Every row of ``df`` is kept, in order, with a fresh 0..n-1 index; ``columns`` picks and orders columns
    (``as_read`` is computed, the others come from ``df``).
    """
    out = df.copy()
    out["as_read"] = [
        format_value(v, u, a) for v, u, a in zip(out["value"], out["unit"], out["approx"], strict=True)
    ]
    return out.loc[:, list(columns)].reset_index(drop=True)


#: Characters that can start Markdown syntax anywhere in a line (CommonMark, GFM, MyST, JupyterLab's
#: renderer): links and images ``[ ] !``, raw HTML and autolinks ``< >``, entities ``&``, emphasis, code,
#: strikethrough, math, tables and roles. Each is escaped with a backslash, which every CommonMark renderer
#: reads as the character itself.
_MD_INLINE = re.compile(r"([\\`*_\[\]{}<>()!#|~$&^@])")
#: Syntax that only counts at the start of a line: headings, quotes, list items, thematic breaks.
_MD_LINE_START = re.compile(r"^(\s*\d*)([+=.-])(?=[\s+=.-]|$)")
#: Bare URLs that GFM renderers turn into links ("www.", "http://"): the dot or colon is escaped.
_MD_BARE_URL = re.compile(r"(?i)\b(www)\.|\b([a-z][a-z0-9+.-]*):(?=//)")


def escape_markdown(text: Any) -> str:
    """``text`` (from the transcript: a quote, a subject, a speaker) as Markdown that shows exactly these
    characters and nothing else: no link, image, raw HTML, emphasis, code, math or heading can be made of
    it, whatever the renderer (the book, JupyterLab, a code host's notebook viewer).

    Every Markdown metacharacter gets a backslash; line breaks become spaces (the text is one inline run).
    ``escape_markdown("[x](javascript:alert(2))")`` is ``\\[x\\]\\(javascript:alert\\(2\\)\\)``.
    """
    text = " ".join(str(text).split("\n"))
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_BARE_URL.sub(lambda m: f"{m.group(1)}\\." if m.group(1) else f"{m.group(2)}\\:", text)
    return _MD_LINE_START.sub(r"\1\\\2", text)


def quotes_markdown(df: pd.DataFrame) -> str:
    """The sentences the figures rows come from (their ``quote``), each once, in order, as Markdown block
    quotes signed with the speaker and the ids of the figures the sentence holds.

    Quotes and speakers are transcript text: they are escaped (:func:`escape_markdown`), so they read as
    written and cannot make links, images or HTML."""
    blocks = []
    for (quote, speaker), g in df.groupby(["quote", "speaker"], sort=False):
        ids = ", ".join(g["figure_id"])
        blocks.append(f"> {escape_markdown(quote)}\n>\n> — {escape_markdown(speaker)} ({ids})")
    return "\n\n".join(blocks)


# --- source line --------------------------------------------------------------------------------------------


def _date_text(date: Any) -> str:
    if date is None:
        return "undated"
    return f"{_MONTHS[date.month - 1]} {date.day}, {date.year}"


def _ministries(b: Any) -> list[str]:
    """Acronyms in brackets in the officials' affiliations ("... Technology (MIIT)" -> "MIIT"), in order."""
    out: list[str] = []
    sp = b.speakers
    for aff in sp.loc[sp["role"].astype(str) == "official", "affiliation"].dropna():
        for acr in re.findall(r"\(([A-Z]{2,})\)", str(aff)):
            if acr not in out and acr != "SCIO":
                out.append(acr)
    return out


def _speaker_names(b: Any, speakers: Any) -> list[str]:
    if speakers is None:
        return list(b.meta.speakers)
    if isinstance(speakers, pd.DataFrame):
        speakers = speakers["speaker"]
    if isinstance(speakers, str):
        return [speakers]
    return list(dict.fromkeys(str(s) for s in speakers if not _missing(s)))


def source_line(ax_or_fig: Axes | Figure, b: Any, speakers: Any = None) -> Figure | SubFigure:
    """Write "Source: SCIO briefing, Oct. 20, 2023 (MIIT); speaker(s): ..." in small grey type under a chart.

    ``speakers`` is a name, a list of names, or the figures rows shown (their ``speaker`` column, in order of
    appearance); by default the officials listed in the briefing's header. The ministry comes from the
    officials' affiliations. Calling it again replaces the line. Returns the figure.
    """
    fig = ax_or_fig.figure if isinstance(ax_or_fig, Axes) else ax_or_fig
    names = _speaker_names(b, speakers)
    ministries = _ministries(b)
    text = f"Source: SCIO briefing, {_date_text(b.meta.date)}"
    if ministries:
        text += f" ({', '.join(ministries)})"
    if names:
        text += f"; {'speaker' if len(names) == 1 else 'speakers'}: {', '.join(names)}"
    for old in [t for t in fig.texts if t.get_gid() == "source-line"]:
        old.remove()
    # Under everything: the inline backend and savefig(bbox_inches="tight") include it.
    fig.text(
        0.01, -0.01, text, ha="left", va="top", fontsize=_fs(-2.5), color=GREY, gid="source-line", wrap=True
    )
    return fig


# --- alt text -----------------------------------------------------------------------------------------------

_ALT_ATTR = "_briefing_alt"
#: Items listed in a chart's alt text before "and N more".
ALT_MAX_ITEMS = 12


def set_alt_text(target: Axes | Figure, text: str) -> None:
    """Store the alt text of a chart (a Figure) or of one of its panels (an Axes)."""
    setattr(target, _ALT_ATTR, " ".join(str(text).split()))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", "?", "!")) else text + "."


def describe(ax: Axes) -> str:
    """What a panel drawn without the house functions shows, read from the panel itself: its kind of marks
    (bars, lines, dots), the categories on its axis and what the value axis measures."""
    marks = []
    if any(isinstance(p, mpl.patches.Rectangle) for p in ax.patches):
        marks.append("bars")
    if ax.lines:
        marks.append("lines")
    if ax.collections:
        marks.append("dots")
    what = " and ".join(marks) or "marks"
    cats = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels() if t.get_text()]
    other = ax.get_xlabel()
    if not cats:
        cats = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels() if t.get_text()]
        other = ax.get_ylabel()
    text = f"A chart of {what}"
    if cats:
        text += f" for {_listing(cats)}"
    if other:
        text += f", against {other[0].lower()}{other[1:]}"
    return _sentence(text)


def _listing(items: list[str]) -> str:
    shown = items[:ALT_MAX_ITEMS]
    text = "; ".join(shown)
    if len(items) > len(shown):
        text += f"; and {len(items) - len(shown)} more"
    return text


def alt_text(target: Axes | Figure) -> str:
    """The alt text of a chart, stating what it shows: what the house function that drew it wrote from
    the rows it drew (:func:`set_alt_text`), or for a panel drawn otherwise :func:`describe`. A figure's
    alt text is its title and each panel's, in order."""
    own = getattr(target, _ALT_ATTR, None)
    if isinstance(target, Axes):
        title = target.get_title() or target.get_title("left")
        return " ".join(x for x in (_sentence(title), own or describe(target)) if x)
    if own:
        return own
    fig = target
    parts = []
    if fig.get_suptitle():
        parts.append(_sentence(fig.get_suptitle()))
    panels = [ax for ax in fig.axes if ax.get_visible() and (ax.has_data() or getattr(ax, _ALT_ATTR, None))]
    parts += [alt_text(ax) for ax in panels]
    return " ".join(parts) or "An empty chart."


_ALT_UNITS = {"%": "percent", "pp": "percentage points", "count": "numbers"}
_ALT_KINDS: dict[str, tuple[str, str]] = {k: v.noun for k, v in KINDS.items()}


def _alt_items(labels: list[str], values: list[str]) -> str:
    return _listing([f"{name}: {v}" for name, v in zip(labels, values, strict=True)])


# --- bars of figures ----------------------------------------------------------------------------------------


def _raw_labels(df: pd.DataFrame, label: str | Callable[[pd.Series], str]) -> list[str]:
    return [str(label(row)) for _, row in df.iterrows()] if callable(label) else [str(x) for x in df[label]]


def _labels(df: pd.DataFrame, label: str | Callable[[pd.Series], str], width: int) -> list[str]:
    return ["\n".join(textwrap.wrap(s, width)) or s for s in _raw_labels(df, label)]


def _rows_height(labels: list[str]) -> float:
    """Inches for evenly spaced bars with these labels: 0.52 a bar, 0.22 more for each extra line of the
    longest label (bars are evenly spaced, so the longest label sets the spacing)."""
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    return len(labels) * (0.3 + 0.22 * lines)


def _one(values: Iterable[Any]) -> Any | None:
    vals = list(dict.fromkeys(str(v) for v in values if not _missing(v)))
    return vals[0] if len(vals) == 1 else None


#: Column marking rows the package computed (implied values) rather than the speaker said.
COMPUTED_COLUMN = "computed"
#: The one style of computed values (``palette.yml`` key ``computed``): colour and hatch.
COMPUTED_STYLE: dict[str, str] = {"colour": "#FFFFFF", "hatch": "//", **dict(_PALETTE.get("computed") or {})}
#: Legend entry of computed values.
COMPUTED_LABEL = "Computed here, not said"


def one_per_statistic(df: pd.DataFrame) -> pd.DataFrame:
    """One row per statistic: the first mentions (``repeat_of`` empty) when the figures table has the
    ``repeat_of`` column, else ``df`` as it is."""
    if "repeat_of" not in df:
        return df
    return df[df["repeat_of"].isna()]


def _is_computed(df: pd.DataFrame) -> list[bool]:
    if COMPUTED_COLUMN not in df:
        return [False] * len(df)
    return [bool(x) and not _missing(x) for x in df[COMPUTED_COLUMN]]


def check_drawable(df: pd.DataFrame, what: str = "this chart", *, min_rows: int = 2) -> None:
    """Refuse what must not be drawn together: an empty table, fewer than ``min_rows`` rows (a single bar
    is a number for the text or a table), several units, several kinds (a growth rate, a gap in points and
    a contribution are not comparable, nor a level and a share), and a statistic drawn twice (a row and its
    repeat, by the figures table's ``repeat_of``). Raises ``ValueError`` saying which."""
    if df.empty:
        raise ValueError(f"{what} needs at least one figure; got an empty table")
    if len(df) < min_rows:
        ids = ", ".join(str(x) for x in df.get("figure_id", df.index))
        raise ValueError(f"{what} draws no single bar ({ids}): state one figure in the text or a small table")
    units = list(dict.fromkeys(str(u) for u in df["unit"]))
    if len(units) != 1:
        raise ValueError(
            f"{what} draws one unit per axis; these figures mix units {', '.join(units)}: "
            "split them (bars_by_unit) or select one unit"
        )
    if "kind" in df:
        kinds = list(dict.fromkeys(str(k) for k in df["kind"] if not _missing(k)))
        if len(kinds) > 1:
            raise ValueError(
                f"{what} compares like with like; these figures mix kinds {', '.join(kinds)}: "
                "select one kind (growth rates, differences in points, levels, shares, runs)"
            )
    if "repeat_of" in df and "figure_id" in df:
        key = df["repeat_of"].where(df["repeat_of"].notna(), df["figure_id"]).astype(str)
        twice = key[key.duplicated(keep=False)]
        if len(twice):
            ids = ", ".join(
                "+".join(df.loc[twice.index[twice == k], "figure_id"].astype(str))
                for k in dict.fromkeys(twice)
            )
            raise ValueError(
                f"{what} draws each statistic once; these rows repeat one statistic: {ids} "
                "(keep first mentions: plots.one_per_statistic)"
            )


def _said(df: pd.DataFrame) -> list[str]:
    """Each row's value as said, at its source's precision (from ``surface`` when present); a ``said``
    column, where filled, gives the text itself (an implied value rounded to its inputs' digits)."""
    from . import tables

    approx = df["approx"] if "approx" in df else pd.Series(["exact"] * len(df), index=df.index)
    surface = df["surface"] if "surface" in df else pd.Series([None] * len(df), index=df.index)
    out = [
        tables.said_value(v, u, None if _missing(a) else str(a), None if _missing(s) else s)
        for v, u, a, s in zip(df["value"], df["unit"], approx, surface, strict=True)
    ]
    if "said" in df:
        out = [o if _missing(t) else str(t) for o, t in zip(out, df["said"], strict=True)]
    return out


def bar_figures(
    df: pd.DataFrame,
    ax: Axes | None = None,
    label: str | Callable[[pd.Series], str] = "subject",
    title: str | None = None,
    *,
    b: Any = None,
    sort: bool = False,
    log: bool = False,
    legend: bool | None = None,
    wrap: int = 28,
    min_rows: int = 2,
) -> Axes:
    """Horizontal bars of figures rows that share ONE unit, in row order (top to bottom) or sorted by value.

    Bars take their sector's colour; each carries its value as a reader would say it (:func:`format_value`,
    qualifier included: "more than 7,000"); the value axis names the unit (and the kind when all rows share
    one). ``label`` is a column name or a function of a row. With ``log`` the values are dots (no stems:
    a log axis has no origin) for orders of magnitude of one kind of thing. With ``b`` (the Briefing) a
    source line naming the speakers of the rows shown goes under the chart. ``legend`` defaults to showing
    sectors when there are several. Rows whose ``computed`` column is true (values the package computed,
    not said) are drawn hatched in the ``computed`` style of ``palette.yml``, with a legend entry.

    Raises ``ValueError`` (:func:`check_drawable`) when the rows are fewer than ``min_rows`` (a single bar
    is a number for the text), mix units or kinds, or hold one statistic twice (``repeat_of``).
    """
    check_drawable(df, "bar_figures", min_rows=min_rows)
    units = [str(df["unit"].iloc[0])]
    unit = units[0]
    if sort:
        df = df.sort_values("value", ascending=False, kind="stable")
    own = ax is None
    if ax is None:
        height = max(1.6, _rows_height(_labels(df, label, wrap)) + 1.0)
        _, ax = plt.subplots(figsize=(mpl.rcParams["figure.figsize"][0], height), layout="constrained")
    names = _labels(df, label, wrap)
    values = df["value"].astype(float).to_numpy()
    floats = [float(v) for v in values]
    sectors = df["sector"] if "sector" in df else pd.Series([None] * len(df))
    colours = [sector_colour(None if _missing(s) else str(s)) for s in sectors]
    ys = list(range(len(df)))
    computed = _is_computed(df)
    if log:
        # A bar on a log axis has no true origin, nor has a stem: dots only, so only positions are compared.
        if (values <= 0).any():
            raise ValueError("a log scale needs positive values")
        floor = 10 ** math.floor(math.log10(values.min()) - 0.5)
        ax.set_xscale("log")
        for y, v, c, comp in zip(ys, floats, colours, computed, strict=True):
            face = COMPUTED_STYLE["colour"] if comp else c
            ax.scatter([v], [y], facecolor=face, edgecolor=c, linewidth=1.5, s=70, zorder=3,
                       hatch=COMPUTED_STYLE["hatch"] if comp else None)  # fmt: skip
        ax.set_xlim(floor, values.max() * 40)
    else:
        for y, v, c, comp in zip(ys, floats, colours, computed, strict=True):
            if comp:
                ax.barh(y, v, color=COMPUTED_STYLE["colour"], edgecolor=c, hatch=COMPUTED_STYLE["hatch"],
                        linewidth=1.2, height=0.65, zorder=2)  # fmt: skip
            else:
                ax.barh(y, v, color=c, height=0.65, zorder=2)
        ax.axvline(0, color="#555555", linewidth=0.8, zorder=3)
        ax.xaxis.set_major_formatter(_tick_formatter(unit))
    ax.set_yticks(ys, names)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    lo, hi = min(0.0, values.min()), max(0.0, values.max())
    span = (hi - lo) or 1.0
    said = _said(df)
    for y, v, text, comp in zip(ys, floats, said, computed, strict=True):
        text = f"{text} (computed)" if comp else text
        ha, pad = ("left", 0.015 * span) if v >= 0 else ("right", -0.015 * span)
        x = v * 1.6 if log else v + pad
        ax.text(x, y, text, va="center", ha=ha, fontsize=_fs(-1), color="#222222", zorder=4)
    if not log:
        ax.set_xlim(lo - (0.18 * span if lo < 0 else 0), hi + (0.45 * span if hi > 0 else 0.05 * span))
    ax.set_xlabel(axis_label(unit, _one(df["kind"]) if "kind" in df else None))
    said = [f"{t} (computed here, not said)" if comp else t for t, comp in zip(said, computed, strict=True)]
    marks = "Dots on a logarithmic scale" if log else "Bars"
    order = ", largest first" if sort else ""
    set_alt_text(
        ax,
        f"{marks} of {len(df)} figure{'s' if len(df) != 1 else ''} ({_ALT_UNITS.get(unit, unit)}){order}: "
        f"{_alt_items(_raw_labels(df, label), said)}.",
    )
    _set_title(ax, title, own)
    handles = _sector_handles(sectors)
    if legend is None:
        legend = len(handles) > 1
    if any(computed):
        handles.append(computed_handle())
        legend = True
    if legend and handles:
        if own:  # under the axis label, in the figure's own layout; the source line goes under it
            fig = ax.get_figure(root=True)
            assert isinstance(fig, Figure)
            w, h = fig.get_size_inches()
            extra = 0.32 * math.ceil(len(handles) / 2) + 0.1
            fig.set_size_inches(w, h + extra)
            frac = extra / (h + extra)
            engine = fig.get_layout_engine()
            if engine is not None and hasattr(engine, "set"):
                engine.set(rect=(0, frac, 1, 1 - frac))  # type: ignore[call-arg]  # the chart above, the legend in the strip below
            leg = fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.0), fontsize=_fs(-2),
                             ncols=min(2, len(handles)), borderaxespad=0)  # fmt: skip
            leg.set_in_layout(False)
        else:  # a panel of someone else's figure: under its own axis
            ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.22), fontsize=_fs(-2),
                      ncols=min(2, len(handles)))  # fmt: skip
    if b is not None:
        source_line(ax, b, df.get("speaker"))
    return ax


def computed_handle() -> mpl.patches.Patch:
    """The legend entry of values the package computed (the ``computed`` style)."""
    return mpl.patches.Patch(facecolor=COMPUTED_STYLE["colour"], edgecolor="#555555",
                             hatch=COMPUTED_STYLE["hatch"], label=COMPUTED_LABEL)  # fmt: skip


def _sector_handles(sectors: Iterable[Any]) -> list[mpl.patches.Patch]:
    """Legend entries for the sectors present, in order of first appearance."""
    present = list(dict.fromkeys(str(s) for s in sectors if not _missing(s)))
    return [mpl.patches.Patch(color=sector_colour(s), label=sector_label(s)) for s in present]


def bars_by_unit(
    df: pd.DataFrame,
    label: str | Callable[[pd.Series], str] = "subject",
    title: str | None = None,
    *,
    b: Any = None,
    titles: dict[str, str] | None = None,
    sort: bool = False,
    log_units: Iterable[str] = (),
    wrap: int = 28,
) -> Figure:
    """One panel of :func:`bar_figures` per unit, stacked, so no axis ever mixes units.

    Panels follow the units' first appearance in ``df``; their heights follow their number of bars.
    ``titles`` maps a unit to its panel title (default: the axis label); ``log_units`` lists units drawn on
    a log scale. With ``b`` a source line goes under the whole figure. Returns the Figure.
    """
    if df.empty:
        raise ValueError("bars_by_unit needs at least one figure; got an empty table")
    units = list(dict.fromkeys(str(u) for u in df["unit"]))
    groups = [df[df["unit"].astype(str) == u] for u in units]
    heights = [_rows_height(_labels(g, label, wrap)) + 0.6 for g in groups]
    fig, axes = plt.subplots(
        len(units),
        1,
        figsize=(mpl.rcParams["figure.figsize"][0], sum(heights) + 0.6),
        height_ratios=heights,
        squeeze=False,
        layout="constrained",
    )
    titles = titles or {}
    log_units = set(log_units)
    for ax, unit, g in zip(axes[:, 0], units, groups, strict=True):
        bar_figures(g, ax=ax, label=label, sort=sort, log=unit in log_units, wrap=wrap, legend=False)
        ax.set_title(titles.get(unit, ax.get_xlabel()), fontsize=_fs(), fontweight="normal", loc="left")
    if title:
        fig.suptitle("\n".join(textwrap.wrap(title, TITLE_WIDTH)), x=0.01, ha="left", fontweight="bold",
                     fontsize=mpl.rcParams["axes.titlesize"])  # fmt: skip
    handles = _sector_handles(df["sector"]) if "sector" in df else []
    if len(handles) > 1:
        fig.legend(handles=handles, loc="outside lower left", fontsize=_fs(-2), ncols=min(2, len(handles)))
    if b is not None:
        source_line(fig, b, df.get("speaker"))
    return fig


def growth_vs_pp(
    df: pd.DataFrame,
    label: str | Callable[[pd.Series], str] = "subject",
    title: str | None = None,
    *,
    b: Any = None,
) -> Figure:
    """Growth rates (percent, kind ``growth``) and percentage-point differences (kind ``pp_change``) of
    ``df`` in two panels with their own axes: a rise of 0.2 points is not a rise of 0.2%."""
    sel = df[df["kind"].astype(str).isin(["growth", "pp_change"])]
    return bars_by_unit(
        sel,
        label=label,
        title=title,
        b=b,
        titles={"%": "Growth rate (%)", "pp": "Difference in percentage points (pp)"},
    )


def levels(
    df: pd.DataFrame,
    label: str | Callable[[pd.Series], str] = "subject",
    title: str | None = None,
    *,
    b: Any = None,
    sort: bool = True,
    log_units: Iterable[str] = (),
) -> Figure:
    """Levels (kind ``level``) of ``df``, one panel per unit (numbers, km, yuan ...), largest first."""
    sel = df[df["kind"].astype(str) == "level"]
    titles = {u: axis_label(u, "level") for u in sel["unit"].astype(str).unique()}
    return bars_by_unit(sel, label=label, title=title, b=b, titles=titles, sort=sort, log_units=log_units)


def share_bars(
    df: pd.DataFrame,
    ax: Axes | None = None,
    label: str | Callable[[pd.Series], str] = "subject",
    title: str | None = None,
    *,
    b: Any = None,
    wrap: int = 28,
    min_rows: int = 2,
) -> Axes:
    """Shares as parts of a whole: each row's percent filled in its sector colour against a grey 100% track.

    Only rows of unit ``%`` and kind ``share`` are allowed (``ValueError`` otherwise, and for a single
    share, a repeat: :func:`check_drawable`): shares of different wholes are shown side by side, each
    against its own 100%, not added up.
    """
    if df.empty:
        raise ValueError("share_bars needs at least one figure; got an empty table")
    units = list(dict.fromkeys(str(u) for u in df["unit"]))
    if units != ["%"]:
        raise ValueError(f"share_bars draws percent shares only; these figures have units {', '.join(units)}")
    if "kind" in df and set(df["kind"].astype(str)) != {"share"}:
        kinds = ", ".join(dict.fromkeys(df["kind"].astype(str)))
        raise ValueError(f"share_bars draws shares (kind share) only; these figures have kinds {kinds}")
    check_drawable(df, "share_bars", min_rows=min_rows)
    own = ax is None
    if ax is None:
        _, ax = plt.subplots(
            figsize=(
                mpl.rcParams["figure.figsize"][0],
                max(1.6, _rows_height(_labels(df, label, wrap)) + 1.0),
            ),
            layout="constrained",
        )
    ys = list(range(len(df)))
    values = [float(v) for v in df["value"].astype(float)]
    colours = [sector_colour(None if _missing(s) else str(s)) for s in df.get("sector", [None] * len(df))]
    ax.barh(ys, [100.0] * len(df), color="#EEEEEE", height=0.6, zorder=1)
    ax.barh(ys, values, color=colours, height=0.6, zorder=2)
    said = _said(df)
    for y, v, text in zip(ys, values, said, strict=True):
        ax.text(min(v, 100.0) + 1.5, y, text, va="center", fontsize=_fs(-1))
    ax.set_yticks(ys, _labels(df, label, wrap))
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.xaxis.set_major_formatter(_tick_formatter("%"))
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Share of the whole (%)")
    set_alt_text(
        ax,
        f"{len(df)} share{'s' if len(df) != 1 else ''}, each filled against its own whole of 100%: "
        f"{_alt_items(_raw_labels(df, label), said)}.",
    )
    _set_title(ax, title, own)
    if b is not None:
        source_line(ax, b, df.get("speaker"))
    return ax


# --- the briefing as a conversation -------------------------------------------------------------------------


def words_per_turn(b: Any, ax: Axes | None = None, title: str | None = "Who spoke, and for how long") -> Axes:
    """Words in each turn of speech, in the order spoken: officials each in their own colour, the chair and
    the reporters in neutral tones; the reporters' bars carry their exchange id (E01 ...)."""
    turns = b.turns
    own = ax is None
    if ax is None:
        _, ax = plt.subplots(figsize=(CHART_WIDTH, 4.6), layout="constrained")
    officials = list(dict.fromkeys(turns.loc[turns["role"].astype(str) == "official", "speaker"]))
    palette = {name: OFFICIAL_COLOURS[i % len(OFFICIAL_COLOURS)] for i, name in enumerate(officials)}
    colours = [
        palette.get(s, ROLE_COLOURS.get(str(r), ROLE_COLOURS["other"]))
        for s, r in zip(turns["speaker"], turns["role"], strict=True)
    ]
    xs = list(range(len(turns)))
    ax.bar(xs, turns["n_words"], color=colours, width=0.75, zorder=2)
    ax.set_xticks(xs, turns["turn_id"], rotation=90, fontsize=_fs(-3))
    ax.set_xlim(-0.7, len(turns) - 0.3)
    ax.grid(axis="x", visible=False)
    ax.set_xlabel("Turn of speech, in order")
    ax.set_ylabel("Words in the turn (number)")
    for x, n, role, ex in zip(xs, turns["n_words"], turns["role"], turns["exchange_id"], strict=True):
        if str(role) == "media" and not _missing(ex):
            ax.text(x, n + 10, str(ex), ha="center", va="bottom", fontsize=_fs(-3.5), color=GREY, rotation=90)
    handles = [mpl.patches.Patch(color=palette[n], label=n) for n in officials]
    roles = [r for r in ("chair", "media", "other") if r in set(turns["role"].astype(str))]
    names = {"chair": "Chair", "media": "Reporters", "other": "Other"}
    handles += [mpl.patches.Patch(color=ROLE_COLOURS[r], label=names[r]) for r in roles]
    ax.legend(handles=handles, loc="upper right")
    words = turns.groupby("speaker", sort=False, observed=True)["n_words"].agg(["sum", "size"])
    longest = turns.loc[turns["n_words"].idxmax()]
    media = turns[turns["role"].astype(str) == "media"]
    chair = turns[turns["role"].astype(str) == "chair"]
    said = [f"{n} spoke {words.loc[n, 'sum']:,} words in {words.loc[n, 'size']} turns" for n in officials]
    if len(chair):
        said.append(f"the chair {int(chair['n_words'].sum()):,} words in {len(chair)} turns")
    if len(media):
        said.append(f"the reporters {int(media['n_words'].sum()):,} words in {len(media)} turns")
    set_alt_text(
        ax,
        f"Bars of the words in each of the {len(turns)} turns of speech, in the order spoken. "
        f"{_sentence(_listing(said).replace('; ', ', '))} The longest turn is {longest['turn_id']}, "
        f"by {longest['speaker']}, with {int(longest['n_words']):,} words.",
    )
    _set_title(ax, title, own)
    source_line(ax, b, officials)
    return ax


def _kind_label(kind: str) -> str:
    from . import tables

    return tables.KIND_LABELS.get(kind, kind)


def figures_per_sector(
    b: Any, ax: Axes | None = None, title: str | None = "Figures by sector and kind"
) -> Axes:
    """Number of figures in each sector (``sectors.yml`` order, empty sectors left out), stacked by kind."""
    f = b.figures
    counts = pd.crosstab(f["sector"].astype(str), f["kind"].astype(str))
    order = [s for s in _sectors() if s in counts.index]
    kinds = [k for k in KIND_COLOURS if k in counts.columns]
    counts = counts.reindex(index=order, columns=kinds, fill_value=0)
    own = ax is None
    if ax is None:
        _, ax = plt.subplots(
            figsize=(mpl.rcParams["figure.figsize"][0], 0.5 * len(order) + 1.8), layout="constrained"
        )
    ys = list(range(len(order)))
    left = [0] * len(order)
    for k in kinds:
        ax.barh(ys, counts[k], left=left, color=KIND_COLOURS[k], label=_kind_label(k), height=0.65, zorder=2,
                edgecolor="white", linewidth=0.5)  # fmt: skip
        left = [a + c for a, c in zip(left, counts[k], strict=True)]
    for y, total in zip(ys, left, strict=True):
        ax.text(total + 0.3, y, f"{total}", va="center", fontsize=_fs(-1))
    ax.set_yticks(ys, [sector_label(s) for s in order])
    for tick, s in zip(ax.get_yticklabels(), order, strict=True):
        tick.set_color(sector_colour(s))
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Figures (number)")
    ax.set_xlim(0, max(left) * 1.12 + 1)
    ax.legend(title="kind", loc="lower right", fontsize=_fs(-2), title_fontsize=_fs(-2))
    n: dict[Any, dict[Any, int]] = counts.astype(int).to_dict(orient="index")
    per_sector = [
        f"{sector_label(s)} {int(t)} ("
        + ", ".join(f"{n[s][k]} {_ALT_KINDS.get(k, (k, k))[int(n[s][k] != 1)]}" for k in kinds if n[s][k])
        + ")"
        for s, t in zip(order, left, strict=True)
    ]
    set_alt_text(
        ax,
        f"Stacked bars of the {int(sum(left))} figures by sector and kind: {_listing(per_sector)}.",
    )
    _set_title(ax, title, own)
    source_line(ax, b, f["speaker"])
    return ax
