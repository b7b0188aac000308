"""The static site (``python -m briefing.site``), built once from the committed notebooks.

Static checks read the HTML: contents in order with titles and summaries, prev/next links, nothing
loaded from the network, charts embedded, titles escaped. The browser test opens the site in headless
Chromium (Debian's /usr/bin/chromium, driven by Playwright), follows a link from the contents to a sector
page, checks that its title, a chart and a table are shown, and saves screenshots in screenshots/.
"""

from __future__ import annotations

import functools
import html
import http.server
import re
import shutil
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from briefing import site

from .conftest import ROOT

NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: The page the browser test visits: the new-energy-vehicles sector, or failing that any notebook 03.
TARGET = "03-new-energy-vehicles"


class Page(HTMLParser):
    """Tags with their attributes, the text of elements of interest, and <style> contents."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.styles: list[str] = []
        self._style = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._style = tag == "style"

    def handle_endtag(self, tag):
        self._style = False

    def handle_data(self, data):
        if self._style:
            self.styles.append(data)

    def links(self, rel: str) -> list[str]:
        return [a["href"] for t, a in self.tags if t == "a" and rel in a.get("rel", "").split()]


def _expected_heading(nb_path: Path) -> tuple[str, str]:
    """Title and summary read from the first cell the simple way, markup removed (independent of site.py)."""
    lines = [
        line.strip() for line in nbformat.read(nb_path, as_version=4).cells[0].source.strip().splitlines()
    ]
    title = lines[0].lstrip("#").strip()
    rest = lines[1:]
    while rest and not rest[0]:
        rest.pop(0)
    summary = " ".join(rest[: rest.index("")] if "" in rest else rest)
    return _plain(title), _plain(summary)


def _plain(md: str) -> str:
    md = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", md)
    return re.sub(r"\*\*|__|[`*]", "", md)


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    if not NOTEBOOKS:
        pytest.skip(f"no notebooks/NN-*.ipynb yet in {NOTEBOOK_DIR}: nothing to render")
    out = tmp_path_factory.mktemp("site")
    t = time.perf_counter()
    site.build(NOTEBOOKS, out)
    print(f"site built from {len(NOTEBOOKS)} notebooks in {time.perf_counter() - t:.1f} s")
    return out


@pytest.fixture(scope="module")
def pages(built) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(built.glob("*.html"))}


# --- static checks -------------------------------------------------------------------------------------


def test_every_notebook_has_a_page(built):
    names = sorted(p.name for p in built.glob("*.html"))
    assert names == sorted(["index.html"] + [f"{nb.stem}.html" for nb in NOTEBOOKS])
    assert (built / "style.css").is_file()


def test_index_lists_every_notebook_in_order_with_title_and_summary(pages):
    items = re.findall(r"<li>(.*?)</li>", pages["index.html"], flags=re.S)
    assert len(items) == len(NOTEBOOKS)
    for item, nb in zip(items, NOTEBOOKS, strict=True):
        href = re.search(r'<a class="title" href="([^"]+)">(.*?)</a>', item, flags=re.S)
        summary = re.search(r'<p class="summary">(.*?)</p>', item, flags=re.S)
        number = re.search(r'<span class="num">(\d\d)</span>', item)
        title, expected_summary = _expected_heading(nb)
        assert href and summary and number, item
        assert href.group(1) == f"{nb.stem}.html"
        assert number.group(1) == nb.name[:2]
        assert _text(href.group(2)) == title, nb.name
        assert _text(summary.group(1)) == expected_summary, nb.name


def test_pages_link_to_previous_next_and_contents(pages):
    hrefs = [f"{nb.stem}.html" for nb in NOTEBOOKS]
    for i, name in enumerate(hrefs):
        page = Page(pages[name])
        prev = [hrefs[i - 1]] if i > 0 else []
        nxt = [hrefs[i + 1]] if i + 1 < len(hrefs) else []
        # The pager is shown above and below the notebook.
        assert page.links("prev") == prev * 2, name
        assert page.links("next") == nxt * 2, name
        assert page.links("contents") == ["index.html"] * 2, name
        for _, attrs in page.tags:
            if "href" in attrs and attrs["href"].endswith(".html"):
                assert attrs["href"] in pages, f"{name} links to missing {attrs['href']}"


NETWORK = re.compile(r"^\s*(https?:)?//", re.I)
CSS_NETWORK = re.compile(r"(@import\s+(url\()?\s*['\"]?|url\(\s*['\"]?)(https?:)?//", re.I)


def test_nothing_is_loaded_from_the_network(built, pages):
    loaders = {
        "script": "src",
        "link": "href",
        "img": "src",
        "iframe": "src",
        "source": "src",
        "video": "src",
    }
    for name, text in pages.items():
        page = Page(text)
        for tag, attrs in page.tags:
            url = attrs.get(loaders.get(tag, ""), "")
            assert not NETWORK.match(url), f"{name}: <{tag}> loads {url}"
            assert not CSS_NETWORK.search(attrs.get("style", "")), f"{name}: style attribute loads a URL"
        for css in page.styles:
            assert not CSS_NETWORK.search(css), f"{name}: <style> loads a URL"
    assert not CSS_NETWORK.search((built / "style.css").read_text(encoding="utf-8"))


def test_charts_are_embedded(built, pages):
    for name, text in pages.items():
        if name == "index.html":
            continue
        srcs = [a.get("src", "") for t, a in Page(text).tags if t == "img"]
        assert any(s.startswith("data:image/png;base64,") for s in srcs), f"{name}: no embedded chart"
        for s in srcs:
            assert s.startswith("data:") or (built / s).is_file(), f"{name}: image {s[:60]} is missing"


# --- escaping and determinism, on a tiny notebook made here ---------------------------------------------

NASTY_TITLE = """<script>alert("title")</script> & 'quotes'"""
NASTY_SUMMARY = """A summary with <img src=x onerror="alert(1)"> and "double" & 'single' quotes."""


def _tiny_notebooks(folder: Path) -> list[Path]:
    nb = new_notebook()
    nb.cells = [
        new_markdown_cell(f"# {NASTY_TITLE}\n\n{NASTY_SUMMARY}"),
        new_code_cell(
            "display(Markdown(quote))",
            execution_count=1,
            outputs=[
                new_output(
                    "display_data",
                    data={"text/markdown": "The transcript says <script>alert('quote')</script> & more."},
                )
            ],
        ),
    ]
    other = new_notebook()
    other.cells = [new_markdown_cell("# Plain `code` title\n\nA **bold** summary.")]
    paths = [folder / "00-nasty.ipynb", folder / "01-plain.ipynb"]
    for p, n in zip(paths, [nb, other], strict=True):
        for i, cell in enumerate(n.cells):
            cell["id"] = f"cell-{i}"  # fixed ids: the output must not depend on random cell ids
        nbformat.write(n, p)
    return paths


def test_titles_summaries_and_markdown_outputs_are_escaped(tmp_path):
    out = tmp_path / "site"
    site.build(_tiny_notebooks(tmp_path), out)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<script" not in index and "<img" not in index
    assert html.escape(NASTY_TITLE) in index
    assert html.escape(NASTY_SUMMARY) in index
    assert "<code>code</code>" in index  # inline code survives as markup, emphasis is dropped
    page = (out / "00-nasty.html").read_text(encoding="utf-8")
    head = page.split("</head>")[0]
    assert "<script" not in head and html.escape(NASTY_TITLE) in head
    # A Markdown output (computed text that may quote the transcript) keeps no raw HTML.
    assert "The transcript says &lt;script&gt;alert('quote')&lt;/script&gt; &amp; more." in page
    assert "<script>alert('quote')" not in page


def test_build_is_deterministic(tmp_path):
    notebooks = _tiny_notebooks(tmp_path)
    site.build(notebooks, tmp_path / "a")
    site.build(notebooks, tmp_path / "b")
    for p in sorted((tmp_path / "a").iterdir()):
        assert p.read_bytes() == (tmp_path / "b" / p.name).read_bytes(), p.name


# --- in a real browser ----------------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built):
    handler = functools.partial(_Quiet, directory=str(built))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _target() -> Path:
    exact = [nb for nb in NOTEBOOKS if nb.stem == TARGET]
    threes = [nb for nb in NOTEBOOKS if nb.name.startswith("03-")]
    return (exact or threes or NOTEBOOKS[len(NOTEBOOKS) // 2 :])[0]


def test_site_in_headless_chromium(server):
    if not CHROMIUM.exists() or not shutil.which(str(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium): browser test skipped")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    target = _target()
    title, _ = _expected_heading(target)
    SCREENSHOTS.mkdir(exist_ok=True)
    requests: list[str] = []
    t = time.perf_counter()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=15_000)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.set_default_timeout(5_000)
            page.on("request", lambda r: requests.append(r.url))
            page.goto(f"{server}/index.html")
            assert page.locator("ol.toc > li").count() == len(NOTEBOOKS)
            page.screenshot(path=str(SCREENSHOTS / "index.png"), full_page=True)

            page.click(f'ol.toc a[href="{target.stem}.html"]')
            page.wait_for_url(f"**/{target.stem}.html")
            page.wait_for_load_state("load")
            assert title in page.title()
            assert page.locator("main h1").first.inner_text().replace("¶", "").strip() == title
            widths = page.eval_on_selector_all(
                "main img", "imgs => imgs.map(i => i.complete ? i.naturalWidth : 0)"
            )
            assert any(w > 0 for w in widths), f"no chart shown on {target.stem}.html: {widths}"
            assert page.locator("main table").count() > 0, f"no table on {target.stem}.html"
            page.screenshot(path=str(SCREENSHOTS / f"{target.stem}.png"), full_page=True)

            if page.locator('a[rel="next"]').count():
                page.locator('a[rel="next"]').first.click()
                page.wait_for_load_state("load")
                assert not page.url.endswith(f"/{target.stem}.html")
            page.locator('a[rel="contents"]').first.click()
            page.wait_for_url("**/index.html")
        finally:
            browser.close()
    elapsed = time.perf_counter() - t
    print(f"browser test: {elapsed:.1f} s")
    outside = [u for u in requests if not u.startswith((server, "data:"))]
    assert not outside, f"the site asked the network for: {outside[:5]}"
