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

The package's modules, from the bottom up: ``labels`` (values, periods and axes in words), ``alt`` (alt
text), ``style`` (house style, colours, the notebook PNG), ``text`` (the reader's figures table, quotes as
Markdown, the source line), ``charts`` (the chart functions). Every name is importable from
``briefing.plots``.
"""

from __future__ import annotations

from .alt import ALT_MAX_ITEMS, alt_text, describe, set_alt_text  # noqa: F401
from .charts import (  # noqa: F401
    _said,
    bar_figures,
    bars_by_unit,
    check_drawable,
    computed_handle,
    figures_per_sector,
    growth_vs_pp,
    levels,
    one_per_statistic,
    share_bars,
    words_per_turn,
)
from .labels import APPROX_WORDS, _date_text, axis_label, change_label, format_value, period_label  # noqa: F401
from .style import (  # noqa: F401
    CHART_WIDTH,
    COMPUTED_COLUMN,
    COMPUTED_LABEL,
    COMPUTED_STYLE,
    GREY,
    KIND_COLOURS,
    NO_SECTOR_COLOUR,
    OFFICIAL_COLOURS,
    OTHER_SECTOR_COLOUR,
    ROLE_COLOURS,
    TITLE_WIDTH,
    _png_with_alt,
    sector_colour,
    sector_label,
    set_title,
    use_house_style,
)
from .text import FIGURE_COLUMNS, escape_markdown, figure_table, quotes_markdown, source_line  # noqa: F401

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
