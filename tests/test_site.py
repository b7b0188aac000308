"""The book (Sphinx + MyST-NB + sphinx-book-theme, ``book/``), built once per session from the committed
notebooks exactly as ``make report`` builds it, never re-executing them.

Static checks read the HTML: a page per notebook, the contents in order, a content security policy first
in every page's head that allows nothing from elsewhere, no loader pointing at the network, every chart
with real alt text, code inputs tucked behind a toggle. A second, tiny build checks that hostile Markdown
in a cell output (what a careless notebook could display from a transcript) is rendered as text.

The browser test opens the book in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) at
1280 px and 390 px and fails if any request leaves the machine, a policy violation or a script error
happens, the page scrolls sideways, an image lacks alt text, a code input is visible before its toggle is
opened, search does not find a word of the text, or previous/next and the in-page contents are missing.
It also fails if an exercise's solution is visible before its button is clicked or hidden after, or if
search does not find a glossary term. It saves screenshots of the contents page, two chapters and an
exercise before and after its solution is opened in screenshots/.
"""

from __future__ import annotations

import functools
import html
import http.server
import os
import re
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from briefing.notebooks import heading, read

from .conftest import ROOT
from .helpers import launch_chromium, playwright_or_skip

NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))
#: The primer comes first in the contents, before the numbered chapters.
PRIMER = NOTEBOOK_DIR / "primer.ipynb"
CHAPTERS = ([PRIMER] if PRIMER.exists() else []) + NOTEBOOKS
#: A glossary term that search must find on the glossary page.
GLOSSARY_WORD = "ledger"
SCREENSHOTS = ROOT / "screenshots"
WIDTHS = (1280, 390)
#: Screenshots show the first screen of each page; BRIEFING_SCREENSHOTS=full takes whole pages (slower: a
#: chapter is up to 20,000 px tall).
FULL_PAGE = os.environ.get("BRIEFING_SCREENSHOTS") == "full"
#: The chapters photographed and searched: new energy vehicles and the checking of the figures.
TARGETS = ("03-new-energy-vehicles", "11-checking-the-figures")


def sphinx_build(src: Path, out: Path) -> float:
    """Build the book from ``src`` (the repository root, or a folder laid out like it) into ``out`` with the
    book's configuration, as ``make site`` does; fail on any Sphinx warning. Returns the seconds taken."""
    t = time.perf_counter()
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going"]
    cmd += ["-c", str(ROOT / "book"), "-d", str(out / ".doctrees"), str(src), str(out)]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, f"sphinx-build failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return time.perf_counter() - t


@pytest.fixture(scope="session")
def book(tmp_path_factory) -> Path:
    if not NOTEBOOKS:
        pytest.skip(f"no notebooks/NN-*.ipynb yet in {NOTEBOOK_DIR}: nothing to render")
    out = tmp_path_factory.mktemp("book") / "site"
    seconds = sphinx_build(ROOT, out)
    print(f"book built from {len(NOTEBOOKS)} notebooks in {seconds:.1f} s")
    return out


def _page(book: Path, nb: Path) -> Path:
    return book / "notebooks" / f"{nb.stem}.html"


class Page(HTMLParser):
    """Tags with their attributes, in order, and whether each lies inside a closed <details>."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.head: list[str] = []
        self._in_head = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag == "head":
            self._in_head = True
        elif self._in_head:
            csp = tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy"
            self.head.append("meta-csp" if csp else tag)

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def _policy(page: Page) -> dict[str, list[str]]:
    metas = [a for a in page.find("meta") if a.get("http-equiv", "").lower() == "content-security-policy"]
    assert len(metas) == 1, f"{len(metas)} CSP meta tags"
    out = {}
    for part in metas[0]["content"].split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


# --- static checks ------------------------------------------------------------------------------------------


def test_every_notebook_has_a_page_and_the_contents_lists_them_in_order(book):
    index = Page((book / "book" / "index.html").read_text(encoding="utf-8"))
    chapters = [a["href"] for a in index.find("a") if a.get("class") == "reference internal"]
    chapters = [h for h in chapters if h.startswith("../notebooks/")]
    want = [f"../notebooks/{nb.stem}.html" for nb in CHAPTERS]
    assert list(dict.fromkeys(chapters)) == want
    for nb in CHAPTERS:
        text = _page(book, nb).read_text(encoding="utf-8")
        title, _ = heading(read(nb))
        assert f"<title>{html.escape(re.sub(r'[`*]', '', title), quote=False)}" in text, nb.name
    assert (book / "index.html").is_file() and "book/index.html" in (book / "index.html").read_text()
    assert (book / "book" / "api.html").is_file() and (book / "search.html").is_file()
    for extra in ("glossary", "fields", "cite"):
        assert (book / "book" / f"{extra}.html").is_file(), extra


def test_data_dictionary_and_glossary_pages(book):
    fields = (book / "book" / "fields.html").read_text(encoding="utf-8")
    for column in ("figure_id", "char_start", "approx", "of_total"):
        assert f'<code class="docutils literal notranslate"><span class="pre">{column}</span>' in fields, (
            column
        )
    glossary = (book / "book" / "glossary.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<dt id="term-', glossary)) >= 15


def test_every_exercise_has_a_folded_solution(book):
    for nb in NOTEBOOKS:
        text = _page(book, nb).read_text(encoding="utf-8")
        exercises = len(re.findall(r'<div class="exercise admonition"', text))
        solutions = len(re.findall(r'<div class="solution dropdown admonition"', text))
        assert exercises >= 3 and solutions == exercises, (
            f"{nb.name}: {exercises} exercises, {solutions} folded"
        )


def _pages(book: Path) -> list[Path]:
    return sorted(p for p in book.rglob("*.html") if not {".doctrees", "_static"} & set(p.parts))


def test_the_provenance_page_marks_every_token_and_anchors_every_figure(book, seed):
    from briefing.provenance import page

    md = (ROOT / "book" / "provenance.md").read_text(encoding="utf-8")
    assert md == page(seed), "book/provenance.md is out of date: python -m briefing.provenance"
    assert "<script" not in md
    built = Page((book / "book" / "provenance.html").read_text(encoding="utf-8"))
    ids = {a.get("id") for _, a in built.tags}
    assert set(seed.figures["figure_id"]) <= ids  # each figure's row
    assert set(seed.numbers["number_id"]) <= ids  # each token of the ledger, marked in the text
    assert "provenance.html" in (book / "book" / "index.html").read_text()


def test_every_page_has_a_policy_before_its_scripts_that_allows_nothing_from_elsewhere(book):
    for path in _pages(book):
        page = Page(path.read_text(encoding="utf-8"))
        policy = _policy(page)
        loaders = [i for i, tag in enumerate(page.head) if tag in ("script", "link", "style")]
        first_loader = min(loaders, default=len(page.head))
        assert page.head.index("meta-csp") < first_loader, f"{path.name}: the policy must come before scripts"
        assert policy.get("default-src") == ["'none'"], path.name
        for directive, sources in policy.items():
            # data: images are the theme's own icons (SVG in its stylesheet); nothing else names a scheme.
            local = ["data:"] if directive == "img-src" else []
            remote = [
                s
                for s in sources
                if s not in local and not s.startswith("'") and ("/" in s or ":" in s or s == "*")
            ]
            assert not remote, f"{path.name}: {directive} allows {remote}"
        assert "'unsafe-inline'" not in policy["script-src"], path.name


NETWORK = re.compile(r"^\s*(https?:)?//", re.I)


def test_nothing_is_loaded_from_the_network(book):
    loaders = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}
    for path in _pages(book):
        for tag, attrs in Page(path.read_text(encoding="utf-8")).tags:
            url = attrs.get(loaders.get(tag, ""), "")
            assert not NETWORK.match(url), f"{path.name}: <{tag}> loads {url}"
    for css in book.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"(@import|url\()\s*['\"]?(https?:)?//", text, re.I), f"{css.name} loads a URL"


#: What an image's alt text must not be: empty, a file name, or nbconvert's default.
NOT_ALT = re.compile(r"^\s*$|\.(png|jpe?g|svg|gif)\s*$|No description has been provided", re.I)


def test_every_chart_has_alt_text_that_says_what_it_shows(book):
    n = 0
    for nb in NOTEBOOKS:
        for img in Page(_page(book, nb).read_text(encoding="utf-8")).find("img"):
            if "_images/" not in img.get("src", ""):
                continue
            n += 1
            alt = img.get("alt", "")
            assert not NOT_ALT.search(alt) and len(alt.split()) >= 5, f"{nb.name}: alt text {alt!r}"
    assert n >= len(NOTEBOOKS), f"only {n} charts in {len(NOTEBOOKS)} notebooks"


def test_code_inputs_are_behind_a_toggle(book):
    for nb in CHAPTERS:
        text = _page(book, nb).read_text(encoding="utf-8")
        inputs = len(re.findall(r'<div class="cell_input', text))
        hidden = len(re.findall(r'<details class="[^"]*\bhide above-input"', text))
        assert inputs and inputs == hidden, f"{nb.name}: {inputs} code inputs, {hidden} behind a toggle"


# --- hostile Markdown in an output, in a tiny book built here -----------------------------------------------

HOSTILE_MD = (
    "A [live link](javascript:alert(2)), a [data link](data:text/html;base64,PHNjcmlwdD4=), "
    "a [vb link](vbscript:msgbox(1)), a [web link](http://example.com/x), "
    "a remote image ![p](http://example.com/t.png), a data image ![d](data:image/png;base64,iVBORw0KGgo=), "
    "raw <script>alert('quote')</script> and <img src=x onerror=alert(1)>."
)


def test_markdown_outputs_cannot_link_load_or_inject(tmp_path):
    src = tmp_path / "src"
    (src / "book").mkdir(parents=True)
    (src / "notebooks").mkdir()
    (src / "book" / "index.md").write_text("# Tiny\n\n```{toctree}\n:glob:\n\n/notebooks/*\n```\n")
    nb = new_notebook(metadata={"language_info": {"name": "python"}})
    nb.cells = [
        new_markdown_cell("# Hostile\n\nA notebook that displays transcript text without escaping it."),
        new_code_cell(
            "display(Markdown(quote))",
            execution_count=1,
            outputs=[new_output("display_data", data={"text/markdown": HOSTILE_MD, "text/plain": "<Md>"})],
        ),
    ]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
    nbformat.write(nb, src / "notebooks" / "00-hostile.ipynb")
    sphinx_build(src, tmp_path / "site")
    page = (tmp_path / "site" / "notebooks" / "00-hostile.html").read_text(encoding="utf-8")
    body = page.split('<div class="cell_output', 1)[1].split("</section>", 1)[0]
    links = re.findall(r"<a\b[^>]*href=\"([^\"]*)\"", body)
    assert links == [], links
    assert "<img" not in body and "<script" not in body
    assert "alert(2)" in body  # the text is still there, as text
    assert "&lt;script&gt;alert(" in body


# --- in a real browser --------------------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(book):
    handler = functools.partial(_Quiet, directory=str(book))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


#: Records policy violations in the page, from the first script on.
WATCH_CSP = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""

#: Facts about the page the test judges: sideways scroll, images and their alt, visible code inputs.
PAGE_FACTS = """() => {
  const doc = document.documentElement;
  const visible = e => e.checkVisibility() && e.getBoundingClientRect().height > 0;
  return {
    scrollWidth: Math.max(doc.scrollWidth, document.body.scrollWidth),
    clientWidth: doc.clientWidth,
    images: [...document.querySelectorAll('article img')].map(i => [i.getAttribute('alt') || '',
              i.complete ? i.naturalWidth : 0, i.getBoundingClientRect().width]),
    codeShown: [...document.querySelectorAll('.cell_input')].filter(visible).length,
    toggles: document.querySelectorAll('details.above-input > summary').length,
    violations: window.__violations,
  };
}"""


def _teaching(cell) -> bool:
    """A cell the teaching script inserted (objectives, exercises): not the chapter's own prose."""
    return any(t.startswith("teaching-") for t in cell.get("metadata", {}).get("tags", []))


def _first_long_word(nb: Path) -> str:
    """A word of the notebook's own prose (its second Markdown cell) that search must find."""
    cells = [c for c in read(nb).cells if c.cell_type == "markdown" and not _teaching(c)]
    words = re.findall(r"[A-Za-z]{9,}", " ".join(c.source for c in cells[1:3]))
    assert words, nb.name
    return words[0].lower()


def test_book_in_headless_chromium(server):
    sync_api = playwright_or_skip()
    SCREENSHOTS.mkdir(exist_ok=True)
    outside: list[str] = []
    errors: list[str] = []
    pages = ["book/index.html", "book/api.html", "book/glossary.html", "book/provenance.html"]
    pages += [f"notebooks/{nb.stem}.html" for nb in CHAPTERS]
    t = time.perf_counter()

    def leaves(r):
        outside.append(r.request.url)
        r.abort()

    # Every request that is not for the local server (or a data:/blob: URL) is recorded and refused. The
    # pattern is matched inside the browser driver, so the book's own requests never wait on Python.
    not_local = re.compile(rf"^(?!{re.escape(server)}/|data:|blob:)")

    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900})
                context.route(not_local, leaves)
                context.add_init_script(WATCH_CSP)
                page = context.new_page()
                page.set_default_timeout(10_000)
                if width == WIDTHS[0]:  # the recorder itself: a request to elsewhere is caught and refused
                    page.goto("about:blank")
                    page.evaluate("fetch('http://192.0.2.1/probe.png').catch(() => null)")
                    page.wait_for_timeout(200)
                    assert outside == ["http://192.0.2.1/probe.png"], outside
                    outside.clear()
                page.on("pageerror", lambda e: errors.append(str(e)))  # noqa: B023
                for name in pages:
                    page.goto(f"{server}/{name}")
                    page.wait_for_load_state("load")
                    facts = page.evaluate(PAGE_FACTS)
                    where = f"{name} at {width} px"
                    assert facts["scrollWidth"] <= facts["clientWidth"], f"{where}: scrolls sideways {facts}"
                    for alt, natural, shown in facts["images"]:
                        if shown == 0:
                            continue  # an icon in a closed menu
                        assert natural > 0, f"{where}: an image did not load"
                        assert not NOT_ALT.search(alt) and len(alt.split()) >= 5, f"{where}: alt {alt!r}"
                        assert shown <= width, f"{where}: an image {shown} px wide"
                    assert facts["codeShown"] == 0, f"{where}: {facts['codeShown']} code inputs shown"
                    assert not facts["violations"], f"{where}: policy violations {facts['violations']}"
                    stem = Path(name).stem
                    if name == "book/index.html" or stem in TARGETS:
                        shot = "contents" if name == "book/index.html" else stem
                        page.screenshot(path=str(SCREENSHOTS / f"{shot}-{width}.png"), full_page=FULL_PAGE)

                # The story first, the code one click away: the first toggle opens its code.
                target = next(nb for nb in NOTEBOOKS if nb.stem in TARGETS)
                page.goto(f"{server}/notebooks/{target.stem}.html")
                page.locator("details.above-input > summary").first.click()
                assert page.locator(".cell_input").first.is_visible(), "a toggle did not show its code"

                # An exercise's solution stays folded until its button is clicked.
                solution = page.locator("div.solution.dropdown").first
                body = solution.locator("section").first
                solution.scroll_into_view_if_needed()
                assert not body.is_visible(), "a solution is shown before its button is clicked"
                if width == WIDTHS[0]:
                    page.screenshot(path=str(SCREENSHOTS / "exercise-book-before.png"))
                solution.locator("button.toggle-button").click()
                body.wait_for(state="visible", timeout=5_000)
                assert body.is_visible(), "a solution stays hidden after its button is clicked"
                if width == WIDTHS[0]:
                    page.screenshot(path=str(SCREENSHOTS / "exercise-book-after.png"))

                # Previous and next chapters, and the in-page contents (at desktop width).
                i = NOTEBOOKS.index(target)
                assert page.locator("a.left-prev").get_attribute("href") == f"{NOTEBOOKS[i - 1].stem}.html"
                assert page.locator("a.right-next").get_attribute("href") == f"{NOTEBOOKS[i + 1].stem}.html"
                if width >= 1200:
                    assert page.locator("nav.page-toc a").count() >= 3, "no in-page contents"

                # Search finds a word of a chapter's text and links to that chapter.
                word = _first_long_word(target)
                page.goto(f"{server}/search.html?q={word}")
                hit = page.locator(f'#search-results a[href*="{target.stem}"]')
                hit.first.wait_for(state="attached", timeout=15_000)
                assert hit.count() >= 1, f"search for {word!r} does not find {target.stem}"

                # Search finds a glossary term on the glossary page.
                page.goto(f"{server}/search.html?q={GLOSSARY_WORD}")
                hit = page.locator('#search-results a[href*="glossary"]')
                hit.first.wait_for(state="attached", timeout=15_000)
                assert hit.count() >= 1, f"search for {GLOSSARY_WORD!r} does not find the glossary"
                context.close()
        finally:
            browser.close()
    print(f"browser test: {time.perf_counter() - t:.1f} s")
    assert not outside, f"the book asked the network for: {outside[:5]}"
    assert not errors, f"script errors: {errors[:5]}"


# --- in JupyterLab ------------------------------------------------------------------------------------------

#: The notebook opened in JupyterLab, and its cell settings: every cell rendered (no virtual scrolling).
LAB_NOTEBOOK = "03-new-energy-vehicles.ipynb"
LAB_SETTINGS = '{"windowingMode": "none"}'


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_exercise_renders_in_jupyterlab(tmp_path):
    """``make lab``: JupyterLab with jupyterlab-myst renders an exercise as an exercise (not as a fenced code
    block) and its solution folded until its summary is clicked."""
    sync_api = playwright_or_skip("JupyterLab test")
    pytest.importorskip("jupyterlab_myst", reason="jupyterlab-myst is not installed")
    import urllib.request

    settings = tmp_path / "user" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text(LAB_SETTINGS)
    env = dict(
        os.environ, JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "user"), JUPYTER_RUNTIME_DIR=str(tmp_path / "rt")
    )
    port = _free_port()
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1"]
    cmd += ["--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={NOTEBOOK_DIR}"]
    cmd += ["--ServerApp.allow_root=True", "--LabApp.extension_manager=readonly", "--LabApp.news_url="]
    cmd += ["--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    t = time.perf_counter()
    lab = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if lab.poll() is not None:
                pytest.fail(f"JupyterLab did not start:\n{lab.stderr.read()[-2000:]}")
            try:
                urllib.request.urlopen(f"{url}/api/status", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        with sync_api.sync_playwright() as p:
            browser = launch_chromium(p)
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_default_timeout(30_000)
                page.goto(f"{url}/lab/tree/{LAB_NOTEBOOK}")
                exercise = page.locator(".myst aside.myst-exercise").first
                exercise.wait_for(state="attached")
                exercise.scroll_into_view_if_needed()
                assert exercise.locator(".myst-exercise-title").inner_text().startswith("Exercise")
                solution = page.locator(".myst details").filter(has_text="Solution").first
                assert solution.get_attribute("open") is None, "the solution is open before it is clicked"
                body = solution.locator(":scope > :not(summary)").first
                assert not body.is_visible(), "the solution's text shows before it is clicked"
                SCREENSHOTS.mkdir(exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / "exercise-lab-before.png"))
                solution.locator(":scope > summary").click()
                body.wait_for(state="visible", timeout=5_000)
                page.screenshot(path=str(SCREENSHOTS / "exercise-lab-after.png"))
            finally:
                browser.close()
    finally:
        lab.terminate()
        lab.wait(10)
    print(f"JupyterLab test: {time.perf_counter() - t:.1f} s")
