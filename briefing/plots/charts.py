"""The charts of the figures, the turns and the sectors; each writes its alt text."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Iterable
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .alt import _ALT_KINDS, _ALT_UNITS, _alt_items, _listing, _sentence, set_alt_text
from .labels import _missing, _tick_formatter, axis_label
from .style import (
    CHART_WIDTH,
    COMPUTED_COLUMN,
    COMPUTED_LABEL,
    COMPUTED_STYLE,
    GREY,
    KIND_COLOURS,
    OFFICIAL_COLOURS,
    ROLE_COLOURS,
    TITLE_WIDTH,
    _fs,
    _sectors,
    _set_title,
    sector_colour,
    sector_label,
)
from .text import source_line


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
        said = df[[not c for c in _is_computed(df)]]  # a value computed here is no mention of a statistic
        key = said["repeat_of"].where(said["repeat_of"].notna(), said["figure_id"]).astype(str)
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
    from .. import tables

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
    from .. import tables

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
    # the legend above the bars, in rows of three: no corner of the axes is free of bars and totals
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=min(3, len(kinds)), fontsize=_fs(-2),
              frameon=False, borderaxespad=0.2, handlelength=1.2, columnspacing=1.0)  # fmt: skip
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
