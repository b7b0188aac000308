"""What goes beside a chart: the reader's figures table, quotes as Markdown (escaped), the source line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure

from .labels import _date_text, _missing, format_value
from .style import GREY, _fs

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
