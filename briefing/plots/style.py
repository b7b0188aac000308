"""The house style: rcParams, titles, the colours of sectors, roles, kinds and computed values, and
the PNG (with its alt text) a notebook shows."""

from __future__ import annotations

import textwrap
from typing import Any

import matplotlib as mpl
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure

from .. import vocab
from ..kinds import KINDS
from .alt import alt_text
from .labels import _missing

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


COMPUTED_COLUMN = "computed"
#: The one style of computed values (``palette.yml`` key ``computed``): colour and hatch.
COMPUTED_STYLE: dict[str, str] = {"colour": "#FFFFFF", "hatch": "//", **dict(_PALETTE.get("computed") or {})}
#: Legend entry of computed values.
COMPUTED_LABEL = "Computed here, not said"
