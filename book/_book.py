"""The book's own Sphinx hooks (loaded by ``book/conf.py``).

- MyST-NB writes the images of the notebooks' outputs inside the build's doctree folder, not next to the
  output folder (``site/../jupyter_execute`` by default): nothing is cached outside the build.
- Cell outputs rendered from Markdown (computed text that may quote the transcript) keep no live link to
  another site or scheme, no image that is not one of the notebook's own outputs, and no raw HTML: those
  become plain text. (:func:`briefing.plots.escape_markdown` already escapes transcript text where the
  Markdown is made; this is the second line, for any computed Markdown the book renders.)
- Every page gets a content security policy (``_templates/layout.html``): scripts, styles, fonts and
  images from the book itself only; each inline script the theme writes is allowed by its SHA-256 hash,
  computed from the page as written.
- The ``data-dictionary`` directive writes the data dictionary page (``book/fields.md``) at build time from
  ``briefing/data/fields.yml`` (through :func:`briefing.schema.describe`), one section per table, so the
  page cannot drift from the schema the tables are checked against.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

#: The policy of every page. ``SCRIPT_HASHES`` is replaced, page by page, by the hashes of its inline scripts.
CSP = (
    "default-src 'none'; "
    "script-src 'self' SCRIPT_HASHES; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "font-src 'self'; "
    "connect-src 'self'; "
    "form-action 'self'; "
    "base-uri 'none'; "
    "object-src 'none'"
)
_PLACEHOLDER = "SCRIPT_HASHES"
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
_HANDLER = re.compile(r"""\son[a-z]+=(?:"([^"]*)"|'([^']*)')""", re.I)


def _set_output_folder(app: Sphinx) -> None:
    config = getattr(app.env, "mystnb_config", None)
    if config is not None:
        folder = Path(app.doctreedir) / "jupyter_execute"
        app.env.mystnb_config = config.copy(output_folder=str(folder.resolve()))


def _in_cell_output(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.container) and "cell_output" in parent.get("classes", []):
            return True
        parent = parent.parent
    return False


class SafeOutputs(SphinxPostTransform):
    """Links with a scheme (``javascript:``, ``data:``, ``http:`` ...), remote or ``data:`` images and raw
    HTML that came from Markdown inside a cell output become plain text. HTML outputs (tables) stay."""

    default_priority = 900

    def run(self, **kwargs) -> None:
        for ref in list(self.document.findall(nodes.reference)):
            if _SCHEME.match(ref.get("refuri", "")) and _in_cell_output(ref):
                ref.replace_self(nodes.inline("", "", *ref.children))
        for img in list(self.document.findall(nodes.image)):
            if _SCHEME.match(img.get("uri", "")) and _in_cell_output(img):
                img.replace_self(nodes.Text(img.get("alt", "")))
        for raw in list(self.document.findall(nodes.raw)):
            if "text_html" not in raw.get("classes", []) and _in_cell_output(raw):
                raw.replace_self(nodes.Text(raw.astext()))


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def page_policy(html: str) -> str:
    """The policy for one page: :data:`CSP` with the hashes of the page's inline scripts and, with
    ``'unsafe-hashes'``, of its inline event handlers."""
    hashes = sorted({_hash(m.group(1)) for m in _INLINE_SCRIPT.finditer(html)})
    handlers = sorted({_hash(next(g for g in m.groups() if g is not None)) for m in _HANDLER.finditer(html)})
    if handlers:
        hashes = ["'unsafe-hashes'", *hashes, *handlers]
    return CSP.replace(_PLACEHOLDER, " ".join(hashes)).replace("  ", " ")


def _apply_policies(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    marker = CSP.replace("'", "&#39;")
    for page in Path(app.outdir).rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for needle in (CSP, marker):
            if needle in html:
                html = html.replace(needle, page_policy(html), 1)
                page.write_text(html, encoding="utf-8")
                break


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def dictionary_markdown() -> str:
    """The data dictionary as MyST Markdown: a section per table (its keys, then a row per column)."""
    from briefing import schema

    out: list[str] = []
    for table in schema.TABLES:
        out += [f"## `{table}`", ""]
        try:
            k = schema.keys(table)
            out += [f"Primary key: {', '.join(f'`{c}`' for c in k['primary_key'])}.", ""]
        except KeyError:
            pass
        out += ["| column | type | can be empty | unit | description |", "|---|---|---|---|---|"]
        for r in schema.describe(table).itertuples():
            empty = "yes" if r.nullable else ""
            out.append(
                f"| `{r.column}` | {_cell(r.type)} | {empty} | {_cell(r.unit)} | {_cell(r.description)} |"
            )
        out.append("")
    return "\n".join(out)


class DataDictionary(SphinxDirective):
    """``{data-dictionary}``: the tables' fields, read from ``briefing/data/fields.yml`` at build time."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(
            str(Path(__file__).resolve().parent.parent / "briefing" / "data" / "fields.yml")
        )
        holder = nodes.section()
        self.state.nested_parse(
            StringList(dictionary_markdown().splitlines()), self.content_offset, holder, match_titles=True
        )
        return holder.children


def setup(app: Sphinx) -> dict:
    app.add_directive("data-dictionary", DataDictionary)
    app.connect("builder-inited", _set_output_folder, priority=900)
    app.add_post_transform(SafeOutputs)
    app.connect("html-page-context", lambda app, *args: args[2].__setitem__("book_csp", CSP))
    app.connect("build-finished", _apply_policies)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
