"""The HTML the report's sections share: escaping, tables, paragraphs, dates, sector labels and
colours, and a chart as an inline PNG or as its alt text."""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..claims import listing, plural

Part = Any  # an HTML string or a matplotlib Figure


# --- small helpers ------------------------------------------------------------------------------------------


def _e(x: Any) -> str:
    """Transcript text (or anything) as HTML text; missing values as an empty string."""
    return "" if _missing(x) else html.escape(str(x), quote=True)


def _missing(x: Any) -> bool:
    if x is None:
        return True
    try:
        import pandas as pd

        if x is pd.NA or x is pd.NaT:
            return True
    except ImportError:  # pragma: no cover
        pass
    return (isinstance(x, float) and math.isnan(x)) or str(x) == ""


def _status_counts(df: Any) -> str:
    """How many rows of ``df`` have each ``status`` ("3 consistent, 1 inconsistent"), most first, escaped."""
    counts = df["status"].astype(str).value_counts()
    return _e(", ".join(f"{n} {status}" for status, n in counts.items()))


_plural = plural  # "3 figures" (claims.plural)
_listing = listing  # "a, b and c" (claims.listing)


_COLOUR = re.compile(r"^#[0-9A-Fa-f]{3,8}$")


def sector_label(sector: Any) -> str:
    """The sector's display label from ``sectors.yml``; a sector the vocabulary does not know is labelled
    from its name ("food_safety" -> "Food safety"), and a missing one is "No sector"."""
    from .. import plots

    try:
        return plots.sector_label(sector)
    except (KeyError, TypeError, ValueError):
        return str(sector).replace("_", " ").strip().capitalize() or "No sector"


def sector_colour(sector: Any) -> str:
    """The sector's colour from ``palette.yml`` (neutral grey for a sector outside it)."""
    from .. import plots

    try:
        colour = str(plots.sector_colour(sector))
    except Exception:  # noqa: BLE001 - a broken palette entry: neutral
        colour = ""
    return colour if _COLOUR.match(colour) else "#8A8A8A"


def _table(rows: Iterable[Sequence[Any]], header: Sequence[str], cls: str = "") -> str:
    """An HTML table; cells are escaped unless they are :class:`_Html`."""
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{c if isinstance(c, _Html) else _e(c)}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return (
        f'<div class="table-wrapper"><table class="report-table {cls}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


class _Html(str):
    """A string that is already HTML (not escaped again by :func:`_table`)."""


def _p(text: str) -> str:
    return f"<p>{text}</p>"


def _date(d: Any) -> str:
    from .. import plots

    if _missing(d):
        return ""
    try:
        return plots._date_text(d)
    except Exception:  # noqa: BLE001
        return str(d)


def _figure_html(fig: Any) -> str:
    from io import BytesIO

    from .. import plots

    buf = BytesIO()
    fig.savefig(buf, format="png", dpi=200, bbox_inches="tight")
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    alt = plots.alt_text(fig) or "chart"
    return f'<img src="data:image/png;base64,{data}" alt="{_e(alt)}" width="600">'


def _alt_html(fig: Any) -> str:
    from .. import plots

    return f'<p class="chart-alt">{_e(plots.alt_text(fig))}</p>'
