"""The provenance page of the book: the transcript with every numeric token marked by its role in the ledger.

The ledger (the ``numbers`` table) gives each numeric token of the text exactly one role (``figure``,
``year``, ``period``, ``name``, ...; see ``docs/figures.md``). This page shows the whole transcript with each
token marked: a figure links to its row in the list of figures below the text, which names the chapter of the
book that discusses its sector and links back to the place in the text; every other token carries its role
written out. Nothing is lost (every token of the text is marked) and nothing is invented (every figure is
a token of the text).

The page is Markdown with HTML blocks (``book/provenance.md``, written by ``python -m briefing.provenance``):
no script, styles in the page itself (the book's content security policy allows inline styles, not
scripts), roles told apart by their written tags and underline styles as well as by colour, and a layout
that reflows at 390 px.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from . import schema

__all__ = ["ROLE_LABELS", "sector_notebooks", "page", "main"]

#: How each role is written on the page (the tag after a token), and what it means, for the legend.
ROLE_LABELS: dict[str, tuple[str, str]] = {
    "figure": ("figure id", "a statistic; the tag is its figure_id, a link to its row below"),
    "part_of_figure": (
        "part",
        "a number inside another figure (the 10,000 of \u201cper 10,000 people\u201d)",
    ),
    "year": ("year", "a calendar year or a span of years"),
    "date": ("date", "a day of a month"),
    "time": ("time", "a clock time"),
    "period": ("period", "part of a time expression (\u201cfirst three quarters\u201d)"),
    "ordinal": ("ordinal", "a numbered rank, edition or section"),
    "name": ("name", "part of a name, model, standard or fixed term (\u201c5G\u201d)"),
    "identifier": ("id", "a code or a phone number"),
    "list_count": ("list", "counts the items of a list or the parts of the speech"),
    "word": ("word", "\u201cone\u201d as a pronoun or in an idiom"),
}

# The page's own styles: an underline style per role, so that roles differ without colour; tags are text.
_STYLE = """<style>
.pv-page{overflow-wrap:anywhere}
.pv-text p{margin:0 0 .6em}
.pv{text-underline-offset:.2em;text-decoration-thickness:.1em}
.pv sup{font-size:.7em;font-weight:600;margin-left:.1em;white-space:nowrap}
.pv-figure{text-decoration:underline solid;text-decoration-thickness:.16em;background:rgba(31,119,180,.12)}
.pv-part_of_figure{text-decoration:underline solid}
.pv-year,.pv-date,.pv-time{text-decoration:underline dotted}
.pv-period{text-decoration:underline dashed}
.pv-name,.pv-identifier{text-decoration:underline double}
.pv-ordinal,.pv-list_count,.pv-word{text-decoration:underline wavy}
.pv-figures{list-style:none;padding-left:0}
.pv-figures li{margin:0 0 .5em;padding-left:.5em;border-left:.2em solid rgba(31,119,180,.4)}
.pv-figures li:target,.pv:target{outline:.15em solid;outline-offset:.1em}
.pv-legend td,.pv-legend th{padding:.1em .5em;vertical-align:top;text-align:left}
</style>"""

_UNDERLINE = {
    "figure": "thick solid underline",
    "part_of_figure": "solid underline",
    "year": "dotted underline",
    "date": "dotted underline",
    "time": "dotted underline",
    "period": "dashed underline",
    "name": "double underline",
    "identifier": "double underline",
    "ordinal": "wavy underline",
    "list_count": "wavy underline",
    "word": "wavy underline",
}
# A query of a sector in a notebook's code: sector == 'smes', sector == "smes", sector.eq('smes').
_SECTOR_QUERY = re.compile(r"""sector\s*(?:==|\.eq\()\s*['"](?P<s>[a-z0-9_]+)['"]""")


def sector_notebooks(folder: str | Path) -> dict[str, tuple[str, str]]:
    """The chapter that discusses each sector: ``{sector: (notebook stem, title)}``.

    Read from the notebooks' code (``NN-*.ipynb`` in ``folder``): a notebook is about the sector it selects
    first (``b.figures.query("sector == 'smes'")``); of several notebooks about one sector, the one that
    selects it most often, the first one on a tie.
    """
    from .notebooks import heading, read

    claims: dict[str, list[tuple[int, str, str]]] = {}
    for nb_path in sorted(Path(folder).glob("[0-9][0-9]-*.ipynb")):
        nb = read(nb_path)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        found = [m.group("s") for m in _SECTOR_QUERY.finditer(code)]
        if not found:
            continue
        try:
            title = heading(nb)[0]
        except ValueError:
            title = nb_path.stem
        claims.setdefault(found[0], []).append((found.count(found[0]), nb_path.stem, title))
    out = {}
    for sector, seen in claims.items():
        best = max(n for n, _, _ in seen)
        _, stem, title = next(t for t in seen if t[0] == best)
        out[sector] = (stem, title)
    return out


def _e(x: object) -> str:
    return html.escape("" if x is None or (isinstance(x, float) and pd.isna(x)) else str(x), quote=True)


def _token(n, figure_ids: set[str]) -> str:
    role = str(n.role)
    label = ROLE_LABELS.get(role, (role, ""))[0]
    fid = n.figure_id if isinstance(n.figure_id, str) else ""
    if role in ("figure", "part_of_figure") and fid in figure_ids:
        text = fid if role == "figure" else "part"
        tag = f'<a href="#{_e(fid)}" title="{_e(label)}: row of {_e(fid)}">{_e(text)}</a>'
    else:
        tag = _e(label)
    return (
        f'<span class="pv pv-{_e(role)}" id="{_e(n.number_id)}" title="{_e(role)}">'
        f"{_e(n.surface)}<sup>{tag}</sup></span>"
    )


def _marked(text: str, start: int, end: int, nums: list, figure_ids: set[str]) -> str:
    parts: list[str] = []
    pos = start
    for n in nums:
        parts.append(_e(text[pos : int(n.char_start)]))
        parts.append(_token(n, figure_ids))
        pos = int(n.char_end)
    parts.append(_e(text[pos:end]))
    return "".join(parts)


def _text_html(b, figure_ids: set[str]) -> str:
    """The turns of the transcript, each under its speaker's name (one paragraph per non-empty line), each
    numeric token marked: the text the ledger covers."""
    by_turn: dict[str, list] = {}
    for n in b.numbers.sort_values("char_start").itertuples(index=False):
        by_turn.setdefault(str(n.turn_id), []).append(n)
    out = []
    for t in b.turns.itertuples(index=False):
        start, end = int(t.char_start), int(t.char_end)
        body = _marked(b.text, start, end, by_turn.get(str(t.turn_id), []), figure_ids)
        paras = [line.strip() for line in body.split("\n") if line.strip()]
        out.append(f'<p id="{_e(t.turn_id)}"><strong>{_e(t.speaker)}</strong> ({_e(t.turn_id)})</p>')
        out += [f"<p>{line}</p>" for line in paras]
    return "\n".join(out)


def _said(b):
    """The ledger rows of what was said: the tokens of the turns' sentences (not the header, the trailer,
    the page furniture or a speaker's label)."""
    return b.numbers[b.numbers["sentence_id"].notna()]


def _legend(b) -> str:
    counts = _said(b)["role"].value_counts()
    rows = []
    for role in schema.categories("numbers", "role"):
        n = int(counts.get(role, 0))
        if not n:
            continue
        label, meaning = ROLE_LABELS.get(role, (role, ""))
        sample = f'<span class="pv pv-{role}">12<sup>{_e(label)}</sup></span>'
        rows.append(
            f"<tr><td>{sample}</td><td>{_e(role.replace('_', ' '))} ({n})</td>"
            f"<td>{_e(meaning)}; {_e(_UNDERLINE.get(role, ''))}</td></tr>"
        )
    return (
        '<table class="pv-legend"><caption>The marks on the page (tokens of each role)</caption>'
        "<thead><tr><th>mark</th><th>role</th><th>meaning</th></tr></thead>"
        "<tbody>" + "".join(rows) + "</tbody></table>"
    )


def _figures_html(b, chapters: dict[str, tuple[str, str]], link_prefix: str) -> str:
    first_token = (
        b.numbers[b.numbers["role"] == "figure"]
        .drop_duplicates("figure_id")
        .set_index("figure_id")["number_id"]
    )
    items = []
    for f in b.figures.itertuples(index=False):
        fid = str(f.figure_id)
        period = f.period_text if isinstance(f.period_text, str) and f.period_text else f.period
        bits = [
            f"<strong>{_e(fid)}</strong> \u201c{_e(f.surface)}\u201d: {_e(f.subject)}",
            f"period: {_e(period)}" if isinstance(period, str) and period else "no period",
        ]
        repeat = getattr(f, "repeat_of", None)
        if isinstance(repeat, str) and repeat:
            bits.append(f'a repeat of <a href="#{_e(repeat)}">{_e(repeat)}</a>')
        sector = f.sector if isinstance(f.sector, str) else ""
        if sector in chapters:
            stem, title = chapters[sector]
            bits.append(f'discussed in <a href="{_e(link_prefix + stem)}.html">{_e(title)}</a>')
        elif sector:
            bits.append(f"sector {_e(sector.replace('_', ' '))}")
        tok = first_token.get(fid)
        if isinstance(tok, str):
            bits.append(f'<a href="#{_e(tok)}">in the text</a>')
        items.append(f'<li id="{_e(fid)}">' + "; ".join(bits) + "</li>")
    return '<ul class="pv-figures">' + "\n".join(items) + "</ul>"


def page(b, notebooks: str | Path | None = None, *, link_prefix: str = "../notebooks/") -> str:
    """The provenance page of briefing ``b`` as MyST Markdown (HTML blocks, no blank line inside one).

    ``notebooks`` is the folder of the book's notebooks (default: the repository's ``notebooks/``), read for
    the chapter of each sector (:func:`sector_notebooks`); ``link_prefix`` is the path from the page to them.
    """
    from . import paths

    chapters = sector_notebooks(paths.NOTEBOOKS if notebooks is None else notebooks)
    figure_ids = set(b.figures["figure_id"].astype(str))
    n_tokens, n_figs = len(_said(b)), len(b.figures)
    n_page = len(b.numbers) - n_tokens
    lines = [
        "# The transcript, token by token",
        "",
        f"Every numeric token of what was said at the briefing ({n_tokens} of them, in {len(b.turns)} "
        "turns from the chair's opening to the close) is marked below by its role in the ledger (the "
        f"`numbers` table). The ledger also holds the {n_page} tokens of the page around the speech (the "
        "title, the header, the speakers' labels, the credits and captions), none of them a statistic; "
        "they are not shown here. "
        f"The {n_figs} figures are the statistics: each carries its `figure_id`, a link to its row in the "
        "{ref}`list of figures <figures>`, which names the chapter that discusses it and links back to the "
        "text. Every other token carries its role written out. Roles are told apart by these tags and by "
        "the style of the underline, as the table says; colour only helps the eye.",
        "",
        f"<!-- Written by python -m briefing.provenance from {b.briefing_id}: do not edit by hand. -->",
        "",
        '<div class="pv-page">' + _STYLE + _legend(b) + "</div>",
        "",
        "## The transcript",
        "",
        '<div class="pv-page pv-text">\n' + _text_html(b, figure_ids) + "\n</div>",
        "",
        "(figures)=",
        "## The figures",
        "",
        '<div class="pv-page">\n' + _figures_html(b, chapters, link_prefix) + "\n</div>",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m briefing.provenance [--out book/provenance.md]``: write the bundled briefing's page."""
    from . import paths
    from .model import load

    p = argparse.ArgumentParser(prog="python -m briefing.provenance", description=main.__doc__)
    p.add_argument("--out", default=str(paths.ROOT / "book" / "provenance.md"), help="the page to write")
    args = p.parse_args(argv)
    text = page(load())
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
