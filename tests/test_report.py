"""``briefing report``: one parameterised notebook, executed for a transcript and rendered to one HTML page.

The notebook is executed once per session, for the smallest out-of-sample fixture, through the command
line (a fresh kernel: the slow part, about 5-10 s on two cores); the other tests read that page or render
the same sections in process (:func:`briefing.report.html_page`, no kernel). Every figure is compared with
the fixture's expected-figures file, written by a person from the text, not with the package's output.
"""

from __future__ import annotations

import collections
import datetime as dt
import re
import types
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from briefing import cli, plots, report

from .conftest import FIXTURES, ROOT
from .helpers import launch_chromium, playwright_or_skip
from .test_outsample import STRUCTURE

OUTSAMPLE = FIXTURES / "outsample"
#: Executed once per session (the smallest fixture); the other two render in process.
EXECUTED = "2024-04-18-mofcom-foreign-trade"
IN_PROCESS = ("2019-01-28-nea-energy-2018", "2023-07-06-nhc-health-2022")
SCREENSHOTS = ROOT / "screenshots"
HEADINGS = [t for t, _ in report.SECTIONS if t]


def _expected(name: str) -> dict:
    return yaml.safe_load((OUTSAMPLE / f"{name}.yml").read_text(encoding="utf-8"))


class Text(HTMLParser):
    """The page's visible text (no <style>), the texts of its <mark>s, its tags with their attributes."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.marks: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self._skip = 0
        self._mark: list[str] | None = None
        self.feed(page)
        self.text = re.sub(r"\s+", " ", " ".join(self.chunks))

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("style", "script"):
            self._skip += 1
        elif tag == "mark":
            self._mark = []

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1
        elif tag == "mark" and self._mark is not None:
            self.marks.append("".join(self._mark))
            self._mark = None

    def handle_data(self, data):
        if not self._skip:
            self.chunks.append(data)
            if self._mark is not None:
                self._mark.append(data)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """``briefing report FIXTURE --out DIR``, run once: the folder it wrote."""
    out = tmp_path_factory.mktemp("report") / "out"
    (out.parent / "out").mkdir()
    (out / "keep.txt").write_text("a file of the user's\n")
    assert cli.main(["report", str(OUTSAMPLE / f"{EXECUTED}.txt"), "--out", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="session")
def page(built) -> Text:
    return Text((built / "report.html").read_text(encoding="utf-8"))


def _every_figure_surfaces(name: str, page: Text) -> None:
    expected = _expected(name)
    want = collections.Counter(f["surface"] for f in expected["figures"])
    # each figure is marked in its sentence, once: the marks are exactly the expected figures' words
    assert collections.Counter(page.marks) == want
    for surface in want:
        assert surface in page.text
    assert f"{len(expected['figures'])} figures" in page.text


def test_the_executed_report_shows_every_figure_of_the_transcript(page):
    _every_figure_surfaces(EXECUTED, page)


@pytest.mark.parametrize("name", IN_PROCESS)
def test_the_report_sections_show_every_figure_of_other_transcripts(name):
    text = report.html_page(OUTSAMPLE / f"{name}.txt", charts=False)
    _every_figure_surfaces(name, Text(text))
    assert "could not be made" not in text


def test_the_report_shows_the_event_the_speakers_and_the_exchanges(built, page):
    expected, want = _expected(EXECUTED), STRUCTURE[EXECUTED]
    d = dt.date.fromisoformat(str(expected["date"]))
    assert f"{d:%B} {d.day}, {d.year}" in page.text
    h1 = page.text.split("Held on")[0]
    assert "foreign trade" in h1 and "2024" in h1
    officials = page.text.split("officials spoke:")[1].split("How long")[0]
    assert [n for n in want["speakers"] if n in officials] == list(want["speakers"])
    exchanges = page.text.split("The exchanges")[1].split("The figures, sector by sector")[0]
    positions = [exchanges.find(o) for o in want["outlets"]]
    assert -1 not in positions and positions == sorted(positions), positions
    for heading in HEADINGS:
        assert heading in page.text
    assert "could not be made" not in page.text
    # the folder was written as a whole and kept the user's file; the executed notebook is beside the page
    assert sorted(p.name for p in built.iterdir()) == ["keep.txt", "report.html", "report.ipynb"]


def test_the_page_is_self_contained_and_allows_nothing_from_elsewhere(built, page):
    html = (built / "report.html").read_text(encoding="utf-8")
    metas = [
        a
        for t, a in page.tags
        if t == "meta" and a.get("http-equiv", "").lower() == "content-security-policy"
    ]
    assert len(metas) == 1 and "default-src 'none'" in metas[0]["content"]
    assert not [t for t, _ in page.tags if t in ("script", "link", "iframe", "object")]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    images = [a for t, a in page.tags if t == "img"]
    assert len(images) >= 1
    for a in images:
        assert a["src"].startswith("data:image/png;base64,")
        assert len(a.get("alt", "").split()) >= 5, a.get("alt")
    assert "Traceback" not in page.text and "print(" not in page.text and "r.show" not in page.text


def test_an_error_in_one_section_shows_in_that_section_and_the_rest_goes_on():
    r = report.Report(OUTSAMPLE / f"{EXECUTED}.txt")

    def broken(b):
        raise KeyError("no_such_column")

    bad = r.html("The figures, sector by sector", broken, charts=False)
    assert "could not be made" in bad and "KeyError" in bad and "no_such_column" in bad
    assert "Traceback" not in bad and "test_report.py" in bad  # where it failed, in one line
    assert "F001" in r.html(
        "The figures, sector by sector", report.figures, charts=False
    )  # a later section still renders
    closing = Text(r.html("In short", report.closing, charts=False)).text
    assert "Sections that could not be made: The figures, sector by sector" in closing


def test_a_cell_that_raises_at_execution_becomes_a_message_not_a_traceback():
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    err = new_output(
        "error", ename="ZeroDivisionError", evalue="division by zero", traceback=["Traceback", "x"]
    )
    ok = new_output("display_data", data={"text/html": "<h2>The exchanges</h2>", "text/plain": ""})
    nb = new_notebook(cells=[new_code_cell("1/0", outputs=[err]), new_code_cell("r.show()", outputs=[ok])])
    assert report.contain_errors(nb) == ["cell 1: ZeroDivisionError: division by zero"]
    text = Text(report.to_html(nb)).text
    assert "could not be made" in text and "ZeroDivisionError: division by zero" in text
    assert "Traceback" not in text and "The exchanges" in text


def test_unreadable_input_is_refused_with_the_file_named_and_nothing_written(tmp_path, capsys):
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02 not a transcript")
    out = tmp_path / "out"
    for path in (bad, tmp_path / "missing.txt"):
        assert cli.main(["report", str(path), "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("briefing: error: ") and str(path) in err and "Traceback" not in err
    assert not out.exists()


def test_transcript_text_cannot_make_html_in_the_report(tmp_path):
    text = (OUTSAMPLE / f"{EXECUTED}.txt").read_text(encoding="utf-8")
    hostile = '<script>alert(document.cookie)</script> <img src="javascript:void"> '
    assert "In 2023, actual use of foreign capital" in text
    text = text.replace(
        "In 2023, actual use of foreign capital", hostile + "In 2023, actual use of foreign capital"
    )
    path = tmp_path / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    page = report.html_page(path, charts=False)
    assert "<script" not in page and "<img" not in page
    assert (
        "&lt;script&gt;alert(document.cookie)&lt;/script&gt; &lt;img src=&quot;javascript:void&quot;&gt;"
        in page
    )


def test_a_sector_outside_the_vocabulary_is_labelled_from_its_name_and_drawn_neutral():
    b = report.Report(OUTSAMPLE / f"{EXECUTED}.txt").b
    f = b.figures.copy()
    f["sector"] = f["sector"].astype(object)
    f.loc[f.index[:3], "sector"] = "food_safety"
    f.loc[f.index[3:5], "sector"] = None
    fake = types.SimpleNamespace(figures=f)
    page = Text("\n".join(p for p in report.figures(fake) if isinstance(p, str)))
    assert "Food safety (3 figures)" in page.text and "No sector (2 figures)" in page.text
    grey = plots.OTHER_SECTOR_COLOUR
    headings = [a for t, a in page.tags if t == "h3" and a.get("id") == "sector-food_safety"]
    assert headings and grey in headings[0]["style"]
    assert report.sector_label("food_safety") == "Food safety"
    assert report.sector_colour("food_safety") == grey
    assert report.sector_label(None) == "No sector"


def test_the_report_in_headless_chromium_asks_nothing_of_the_network(built):
    sync_api = playwright_or_skip()
    SCREENSHOTS.mkdir(exist_ok=True)
    outside: list[str] = []
    errors: list[str] = []
    url = (built / "report.html").as_uri()
    watch = """() => { window.__violations = []; document.addEventListener('securitypolicyviolation',
        e => window.__violations.push(e.blockedURI)); }"""
    facts = """() => ({
        scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
        images: [...document.images].map(i => [i.naturalWidth, i.getBoundingClientRect().width]),
        h2: [...document.querySelectorAll('h2')].map(h => h.textContent.trim()),
        marks: document.querySelectorAll('mark').length, violations: window.__violations })"""

    def leaves(r):
        outside.append(r.request.url)
        r.abort()

    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            context = browser.new_context(viewport={"width": 390, "height": 900})
            context.route(re.compile(r"^(?!file:|data:)"), leaves)
            context.add_init_script(f"({watch})()")
            pg = context.new_page()
            pg.set_default_timeout(10_000)
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            pg.goto(url)
            pg.wait_for_load_state("load")
            for width in (390, 1280):
                pg.set_viewport_size({"width": width, "height": 900})
                got = pg.evaluate(facts)
                assert got["scrollWidth"] <= got["clientWidth"], f"{width} px: scrolls sideways {got}"
                assert got["images"] and all(n > 0 and 0 < w <= width for n, w in got["images"]), got[
                    "images"
                ]
                assert got["h2"] == HEADINGS
                assert got["marks"] == len(_expected(EXECUTED)["figures"])
                assert not got["violations"], got["violations"]
                pg.screenshot(path=str(SCREENSHOTS / f"report-{width}.png"))
            context.close()
        finally:
            browser.close()
    assert not outside, f"the report asked the network for: {outside[:5]}"
    assert not errors, errors[:5]
