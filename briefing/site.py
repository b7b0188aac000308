"""Render the executed notebooks to a static site that reads offline.

``python -m briefing.site NB.ipynb [NB ...] --out site`` writes:

- ``index.html``: the contents, one entry per notebook in file-name order, with its number, title and
  one-line summary (from the notebook's first cell, see :func:`briefing.notebooks.heading`);
- ``NN-name.html``: one page per notebook (nbconvert's HTMLExporter, 'basic' template: cells only, charts
  embedded as ``data:`` URIs), with previous/next links and a link back to the contents;
- ``style.css``: one small stylesheet (``briefing/templates/site.css``) plus the code highlighting colours.

Nothing is loaded from the network: no scripts, web fonts or CDN links. Titles and summaries are
HTML-escaped; Markdown *outputs* of cells (computed text that may quote the transcript) are rendered
with raw HTML escaped. The same notebooks always give the same bytes.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template

from .notebooks import heading, read

__all__ = ["Entry", "SiteError", "build", "entries", "inline_html", "main", "plain_text"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_TITLE = "briefing: the notebooks"
DEFAULT_INTRO = (
    "A numbered series of notebooks that read an SCIO press briefing with the briefing library: "
    "who spoke, what was asked, and every statistic, sector by sector. Each page is a notebook "
    "executed top to bottom; the code that made each table and chart is shown above it."
)

_NAME = re.compile(r"^(?P<number>\d\d)-[A-Za-z0-9][A-Za-z0-9_.-]*\.ipynb$")
_CODE = re.compile(r"`+([^`]+?)`+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)")


class SiteError(ValueError):
    """A notebook cannot be put on the site (bad name, no heading); the message names the file."""


@dataclass(frozen=True)
class Entry:
    """One notebook of the site."""

    path: Path
    number: str  # "03"
    title: str  # Markdown source of the title
    summary: str  # Markdown source of the one-line summary

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def href(self) -> str:
        return f"{self.stem}.html"


# --- text -----------------------------------------------------------------------------------------------


def _strip_markup(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    prev = None
    while prev != text:  # nested emphasis
        prev = text
        text = _EMPH.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(3), text)
    return text


def inline_html(markdown: str) -> str:
    """A one-line Markdown title or summary as safe inline HTML: everything escaped with
    :func:`html.escape`; code spans become ``<code>``; links and emphasis markers are dropped."""
    out, pos = [], 0
    for m in _CODE.finditer(markdown):
        out.append(html.escape(_strip_markup(markdown[pos : m.start()])))
        out.append(f"<code>{html.escape(m.group(1))}</code>")
        pos = m.end()
    out.append(html.escape(_strip_markup(markdown[pos:])))
    return "".join(out)


def plain_text(markdown: str) -> str:
    """A one-line Markdown title or summary as plain text (not escaped)."""
    parts, pos = [], 0
    for m in _CODE.finditer(markdown):
        parts.append(_strip_markup(markdown[pos : m.start()]))
        parts.append(m.group(1))
        pos = m.end()
    parts.append(_strip_markup(markdown[pos:]))
    return "".join(parts)


# --- notebooks ------------------------------------------------------------------------------------------


def entries(paths: Sequence[str | os.PathLike]) -> list[Entry]:
    """The notebooks in file-name order, each with its number, title and summary.

    Raises :class:`SiteError` for a file not named ``NN-name.ipynb``, a number used twice, or a first cell
    without ``# Title`` and summary.
    """
    found: dict[str, Entry] = {}
    for p in sorted({Path(p) for p in paths}, key=lambda p: p.name):
        m = _NAME.match(p.name)
        if not m:
            raise SiteError(
                f"{p}: a notebook of the site is named NN-name.ipynb (two digits, a dash, a name)"
            )
        if p.name in found:
            raise SiteError(f"{p}: given twice (as {found[p.name].path} too)")
        try:
            title, summary = heading(read(p))
        except (OSError, ValueError) as e:
            raise SiteError(f"{p}: {e}") from e
        found[p.name] = Entry(path=p, number=m.group("number"), title=title, summary=summary)
    numbers = [e.number for e in found.values()]
    twice = sorted({n for n in numbers if numbers.count(n) > 1})
    if twice:
        raise SiteError(f"notebook number(s) used twice: {', '.join(twice)}")
    return list(found.values())


def _markdown_escaped(source: str) -> str:
    """Markdown to HTML with raw HTML escaped (for computed Markdown outputs)."""
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    return MarkdownWithMath(renderer=IPythonRenderer(escape=True)).render(source)


def _exporter():
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="basic",
        extra_template_paths=[str(TEMPLATES)],
        template_file="notebook.html.j2",
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        filters={"markdown2html_escaped": _markdown_escaped},
    )


def _stylesheet() -> str:
    from pygments.formatters import HtmlFormatter

    css = (TEMPLATES / "site.css").read_text(encoding="utf-8")
    highlight = HtmlFormatter(style="default").get_style_defs(".highlight")
    # Only the token colours: page-wide rules (``pre``, line numbers) and the background stay ours.
    highlight = "\n".join(line for line in highlight.splitlines() if line.startswith(".highlight ."))
    return f"{css}\n/* code highlighting (Pygments 'default' style) */\n{highlight}\n"


def _pager(entries: list[Entry], i: int) -> str:
    def label(e: Entry) -> str:
        return f"{e.number} · {inline_html(e.title)}"

    prev = (
        f'<span class="prev">← <a rel="prev" href="{entries[i - 1].href}">{label(entries[i - 1])}</a></span>'
        if i > 0
        else '<span class="prev none"></span>'
    )
    nxt = (
        f'<span class="next"><a rel="next" href="{entries[i + 1].href}">{label(entries[i + 1])}</a> →</span>'
        if i + 1 < len(entries)
        else '<span class="next none"></span>'
    )
    return (
        f'<nav class="pager" aria-label="Notebooks">{prev}'
        f'<a class="up" rel="contents" href="index.html">Contents</a>{nxt}</nav>'
    )


def _write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build(
    notebooks: Sequence[str | os.PathLike],
    out: str | os.PathLike,
    title: str = DEFAULT_TITLE,
    intro: str = DEFAULT_INTRO,
) -> list[Path]:
    """Render ``notebooks`` into the folder ``out``; return the files written (index first).

    Pages left in ``out`` by an earlier build for notebooks no longer given (``NN-*.html``) are removed.
    """
    items = entries(notebooks)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    page = Template((TEMPLATES / "page.html").read_text(encoding="utf-8"))
    index = Template((TEMPLATES / "index.html").read_text(encoding="utf-8"))
    site_title = html.escape(title)
    exporter = _exporter()

    written = [out / "index.html", out / "style.css"]
    toc = []
    for i, e in enumerate(items):
        toc.append(
            f'<li><span class="num">{e.number}</span>'
            f'<a class="title" href="{e.href}">{inline_html(e.title)}</a>'
            f'<p class="summary">{inline_html(e.summary)}</p></li>'
        )
        body, _ = exporter.from_filename(str(e.path))
        pager = _pager(items, i)
        text = page.substitute(
            page_title=html.escape(f"{e.number} · {plain_text(e.title)} — {title}"),
            site_title=site_title,
            number=e.number,
            last=items[-1].number,
            pager=pager,
            body=body.strip(),
            source=html.escape(e.path.name),
        )
        _write(out / e.href, text)
        written.append(out / e.href)
    _write(out / "style.css", _stylesheet())
    _write(
        out / "index.html",
        index.substitute(
            site_title=site_title, intro=html.escape(intro), items="\n".join(toc), count=len(items)
        ),
    )
    keep = {p.name for p in written}
    for old in out.glob("[0-9][0-9]-*.html"):
        if old.name not in keep:
            old.unlink()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefing.site", description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="+", type=Path, help="executed notebooks, NN-name.ipynb")
    parser.add_argument("--out", type=Path, default=Path("site"), help="output folder (default: site)")
    parser.add_argument("--title", default=DEFAULT_TITLE, help="title of the site")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.notebooks if not p.is_file()]
    if missing:
        print(f"briefing.site: no such notebook: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        written = build(args.notebooks, args.out, title=args.title)
    except SiteError as e:
        print(f"briefing.site: {e}", file=sys.stderr)
        return 2
    print(f"wrote {len(written)} files to {args.out}/ (open {args.out / 'index.html'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
