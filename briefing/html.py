"""The article text of a saved web page (HTML), read with BeautifulSoup, not with regular expressions.

:func:`extract` turns a page into plain text the transcript reader reads like a ``.txt`` file:

- the article's **title** first (the page's ``<h1>``, else its ``<title>``), then the article's paragraphs,
  one blank line between paragraphs; a ``<br>`` is a line break inside a paragraph;
- code and embedded objects (``<script>``, ``<style>``, ``<noscript>``, forms, ...) and page furniture
  (``<nav>``, ``<header>``, ``<footer>``, ``<aside>``, ARIA roles such as ``navigation``, elements whose id
  or class says ``menu``, ``breadcrumb``, ``share``, ``footer``, ...) are left out;
- the article is the page's ``<article>`` or ``<main>`` (or an element whose id or class says
  ``content``, ``article``, ``text``, ...) when one holds most of the page's paragraph text, otherwise the
  element whose ``<p>`` children hold the most text; a page without ``<p>`` elements is read whole;
- white space inside a paragraph is collapsed (a pretty-printed page, a tag per line, reads the same as
  a page with one ``<p>`` per line), except inside ``<pre>``.

The vocabulary (tags, roles, id/class words) is ``briefing/data/html.yml``. :func:`decode_page` decodes
the bytes of a page: UTF-8, else the charset its ``<meta>`` declares (many Chinese government pages
are GBK or GB2312). Every failure is a :class:`~briefing.errors.TranscriptError` whose message says the
input was read as HTML.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag
from bs4 import ProcessingInstruction as _PI

from . import vocab
from .errors import TranscriptError

__all__ = ["PAGE_SUFFIXES", "HtmlPage", "decode_page", "extract", "looks_like_html", "read_page"]

#: File names read as web pages whatever they hold.
PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")

_V = vocab.load("html")
_DROP = frozenset(_V["drop_tags"])
_FURNITURE_TAGS = frozenset(_V["furniture_tags"])
_FURNITURE_ROLES = frozenset(_V["furniture_roles"])
_FURNITURE_WORDS = frozenset(_V["furniture_words"])
_CONTENT_TAGS = tuple(_V["content_tags"])
_CONTENT_WORDS = frozenset(_V["content_words"])
_BLOCK = frozenset(_V["block_tags"])
_DATE_META = frozenset(_V["date_meta"])

# What a file must start with (after white space and comments) to be taken for HTML by its content.
_HTML_START = frozenset(
    {"html", "head", "body", "meta", "title", "link", "div", "p", "article", "section", "main", "table", "h1",
     "h2", "h3", "span", "header", "nav", "script", "style", "base"}
)  # fmt: skip


@dataclass(frozen=True)
class HtmlPage:
    """The article read out of a page: ``text`` (what the transcript reader reads) and where it came from."""

    text: str
    title: str | None
    #: the page's publication date from a ``<meta>`` or ``<time datetime>`` element, if it gives one
    published: dt.date | None
    #: how many paragraphs ``text`` has (the title included)
    n_paragraphs: int
    #: the element the article was taken from, as ``tag#id.class`` (``body`` when none stood out)
    container: str
    #: characters of the page left out (markup, scripts, styles and furniture)
    dropped_chars: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts (after white space, a BOM and comments) with a doctype or an HTML tag."""
    s = text.lstrip("\ufeff \t\r\n")
    while s.startswith("<!--"):
        end = s.find("-->")
        if end < 0:
            return False
        s = s[end + 3 :].lstrip()
    if s[:9].lower() == "<!doctype":
        return "html" in s[9:40].lower()
    if s.startswith("<?xml"):
        return "<html" in s[:400].lower()
    m = re.match(r"<([A-Za-z][A-Za-z0-9]*)[\s>/]", s)
    return m is not None and m.group(1).lower() in _HTML_START


def read_page(path: str | os.PathLike[str]) -> HtmlPage | None:
    """The article of the file when it is a web page (by its suffix or its first characters), else None.

    The file is read as :func:`briefing.text.read_text` reads a transcript (a regular file, at most
    ``MAX_BYTES``), then decoded by :func:`decode_page` and its article taken out by :func:`extract`.
    """
    from .files import read_bytes
    from .text import MAX_BYTES

    name = os.fspath(path)
    data = read_bytes(path, MAX_BYTES)
    head = data[:4096].decode("utf-8", errors="replace")
    if not (name.lower().endswith(PAGE_SUFFIXES) or looks_like_html(head)):
        return None
    return extract(decode_page(data, name), name)


def decode_page(data: bytes, source: str) -> str:
    """The text of a saved page: UTF-8 (BOM or not), else the ``<meta charset>`` it declares."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    head = data[:4096].decode("ascii", errors="replace")
    charset = None
    soup = BeautifulSoup(head, "html.parser")
    for meta in soup.find_all("meta"):
        if meta.get("charset"):
            charset = str(meta["charset"]).strip()
            break
        content = str(meta.get("content") or "")
        if str(meta.get("http-equiv") or "").lower() == "content-type" and "charset=" in content.lower():
            charset = content.lower().split("charset=", 1)[1].split(";")[0].strip()
            break
    if not charset:
        raise TranscriptError(
            source,
            f"an HTML page that is not UTF-8 (byte 0x{data[first_bad]:02X} at offset {first_bad}) "
            "and declares no charset in a <meta> tag: save the page as UTF-8",
        )
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        raise TranscriptError(source, f"an HTML page in an unknown charset {charset!r}") from None
    if codec in ("gb2312", "gbk"):
        codec = "gb18030"  # the superset: pages labelled GB2312 often use GBK characters
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise TranscriptError(
            source,
            f"an HTML page declared as {charset} that does not decode as {charset} "
            f"(byte 0x{data[exc.start]:02X} at offset {exc.start})",
        ) from None


# --- the tree -----------------------------------------------------------------------------------------

_SPLIT_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _words(tag: Tag) -> set[str]:
    """The words of a tag's id and class, lower case ("breadCrumb nav-top" -> bread, crumb, ...)."""
    vals: list[str] = []
    for attr in ("id", "class"):
        v = tag.get(attr)
        if isinstance(v, list):
            vals.extend(v)
        elif v:
            vals.append(str(v))
    out: set[str] = set()
    for v in vals:
        out.add(v.lower())
        out.update(w.lower() for w in _SPLIT_WORDS.findall(v))
    return out


def _is_furniture(tag: Tag) -> bool:
    if tag.name in _FURNITURE_TAGS:
        return True
    role = str(tag.get("role") or "").lower()
    if role in _FURNITURE_ROLES:
        return True
    words = _words(tag)
    if not words & _FURNITURE_WORDS:
        return False
    # An element named both ("article-header", "content_share") is furniture only when it is not
    # the content container itself: one with long paragraphs inside stays.
    return not (words & _CONTENT_WORDS and _paragraph_chars(tag) > 400)


def _paragraph_chars(tag: Tag) -> int:
    return sum(len(p.get_text(" ", strip=True)) for p in tag.find_all("p"))


def _describe(tag: Tag) -> str:
    s = tag.name
    if tag.get("id"):
        s += f"#{tag['id']}"
    cls = tag.get("class")
    if cls:
        s += "." + ".".join(cls if isinstance(cls, list) else [str(cls)])
    return s


def _container(body: Tag) -> Tag:
    """The element holding the article: a named container with most of the text, else the densest
    parent of ``<p>`` elements."""
    total = _paragraph_chars(body)
    if total == 0:
        return body
    named = [t for t in body.find_all(_CONTENT_TAGS)]
    named += [t for t in body.find_all(True) if t.name not in _CONTENT_TAGS and _words(t) & _CONTENT_WORDS]
    best = None
    for t in named:
        n = _paragraph_chars(t)
        # the smallest named container that still holds most of the page's paragraph text
        if n < 0.6 * total:
            continue
        if best is None or n < best[0] or (n == best[0] and _depth(t) > _depth(best[1])):
            best = (n, t)
    if best is not None:
        return best[1]
    score: dict[int, tuple[int, Tag]] = {}
    for p in body.find_all("p"):
        parent = p.parent
        if not isinstance(parent, Tag):
            continue
        n = len(p.get_text(" ", strip=True))
        old = score.get(id(parent), (0, parent))
        score[id(parent)] = (old[0] + n, parent)
    n, top = max(score.values(), key=lambda x: x[0])
    # Paragraphs split over sibling containers (two <div>s of one article): climb while the parent
    # holds clearly more paragraph text than the best single container.
    while top is not body:
        parent = top.parent
        if not isinstance(parent, Tag) or _paragraph_chars(parent) <= 1.3 * n:
            break
        top = parent
        if _paragraph_chars(parent) > 0.9 * total:
            break
    return top


def _depth(t: Tag) -> int:
    return sum(1 for _ in t.parents)


_WS = re.compile(r"[ \t\r\n\f\v]+")


class _Writer:
    """Collects text as paragraphs: inline text is joined, a block element or <br> breaks."""

    def __init__(self) -> None:
        self.paras: list[str] = []
        self.cur: list[str] = []

    def text(self, s: str) -> None:
        # line ends in the markup are white space, as a browser shows them; only <br> breaks a line
        self.cur.append(_WS.sub(" ", s))

    def line_break(self) -> None:
        self.cur.append("\n")

    def para_break(self) -> None:
        raw = "".join(self.cur)
        lines = [_WS.sub(" ", ln).strip() for ln in raw.split("\n")]
        para = "\n".join(ln for ln in lines if ln)
        if para:
            self.paras.append(para)
        self.cur = []


def _walk(node: Tag, out: _Writer) -> None:
    for child in node.children:
        if isinstance(child, (Comment, Doctype, _PI)):
            continue
        if isinstance(child, NavigableString):
            out.text(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name in _DROP or _is_furniture(child):
            continue
        if name == "br":
            out.line_break()
            continue
        if name == "pre":
            out.para_break()
            text = child.get_text()
            out.paras.extend(p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip())
            continue
        block = name in _BLOCK
        if block:
            out.para_break()
        if name in ("td", "th"):
            out.text(" ")
        _walk(child, out)
        if block:
            out.para_break()


def _published(soup: BeautifulSoup) -> dt.date | None:
    from .dates import find_date

    for meta in soup.find_all("meta"):
        key = str(meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if key in _DATE_META and meta.get("content"):
            found = find_date(str(meta["content"]))
            if found:
                return found[0]
    t = soup.find("time", attrs={"datetime": True})
    if t is not None:
        found = find_date(str(t["datetime"]))
        return found[0] if found else None
    return None


def extract(html: str, source: str = "<html>") -> HtmlPage:
    """The article of a page as plain text (title, blank line, paragraphs), or :class:`TranscriptError`."""
    try:
        soup = BeautifulSoup(html, "html.parser")
    except Exception as exc:  # html.parser is lenient; anything it raises means the markup is unusable
        raise TranscriptError(source, f"an HTML page that cannot be parsed: {exc}") from None
    published = _published(soup)
    page_title = soup.title.get_text(" ", strip=True) if soup.title else None
    body = soup.body or soup
    for t in body.find_all(list(_DROP)):
        t.decompose()
    root = _container(body)
    h1 = root.find("h1") or body.find("h1")
    title = _WS.sub(" ", h1.get_text(" ", strip=True)) if h1 is not None else None
    if not title and page_title:
        title = _WS.sub(" ", page_title).strip() or None
    out = _Writer()
    _walk(root, out)
    out.para_break()
    paras = out.paras
    if not paras:
        what = "only scripts, styles and page furniture" if html.strip() else "nothing"
        raise TranscriptError(
            source,
            f"an HTML page with no article text: its body holds {what} "
            "(expected paragraphs of text in <p> or other block elements)",
        )
    if title and paras[0] != title:
        if title in paras[:3]:
            paras.remove(title)
        paras.insert(0, title)
    text = "\n\n".join(paras) + "\n"
    return HtmlPage(
        text=text,
        title=title,
        published=published,
        n_paragraphs=len(paras),
        container=_describe(root) if isinstance(root, Tag) else "body",
        dropped_chars=max(0, len(html) - len(text)),
    )
