"""The HTML reader (``briefing/html.py``, issue 16): the article of a saved page as text, with a parser."""

from __future__ import annotations

import pytest
import yaml

import briefing
from briefing import html

from .conftest import FIXTURES

PAGES = sorted((FIXTURES / "formats").glob("*.html"))


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_fixture_pages(path):
    exp = yaml.safe_load(path.with_suffix(".expected.yml").read_text(encoding="utf-8"))
    page = html.extract(path.read_text(encoding="utf-8"), path.name)
    if "text" in exp:
        assert page.text == exp["text"]
    if "text_starts" in exp:
        assert page.text.startswith(exp["text_starts"]), page.text[:200]
    for bad in exp["text_excludes"]:
        assert bad not in page.text, bad
    assert page.n_paragraphs == exp["n_paragraphs"]
    assert page.title == exp["meta"]["title"]


def test_same_article_whatever_the_markup_layout():
    """One <p> per line and a pretty-printed copy of the same page give the same text."""
    flat = (
        "<html><body><h1>Title here</h1><p>First paragraph, one line.</p>"
        "<p>Second <b>bold</b> one.</p></body></html>"
    )
    pretty = """<html>
      <body>
        <h1>
          Title here
        </h1>
        <p>
          First paragraph,
          one line.
        </p>
        <p>
          Second
          <b>bold</b>
          one.
        </p>
      </body>
    </html>"""
    want = "Title here\n\nFirst paragraph, one line.\n\nSecond bold one.\n"
    assert html.extract(flat).text == want
    assert html.extract(pretty).text == want


def test_br_breaks_a_line_and_furniture_is_left_out():
    page = (
        "<html><body><div id='topNav'>Home | News 2024</div><div class='breadCrumb'>Home &gt; 12</div>"
        "<div class='article-content'><p>Q: What is 5 plus 5?<br>A: 10.</p>"
        "<div class='share-bar'>Share 99</div><ul class='related'><li>Other story 7</li></ul></div>"
        "<aside>Most read 3</aside><div role='contentinfo'>Contact 010-1234</div></body></html>"
    )
    got = html.extract(page).text
    assert got == "Q: What is 5 plus 5?\nA: 10.\n"


def test_densest_container_without_names():
    """No container named: the element whose paragraphs hold the most text is the article."""
    page = (
        "<html><body><div><p>Menu one</p><p>Menu two</p></div>"
        "<div><p>" + "Long article text. " * 20 + "</p><p>More of the article.</p></div>"
        "<div><p>Footer 2024</p></div></body></html>"
    )
    got = html.extract(page).text
    assert got.startswith("Long article text.")
    assert "Menu" not in got and "Footer" not in got


def test_page_without_text_is_refused_as_html():
    page = (
        "<!DOCTYPE html><html><head><script>var a = 1;</script><style>p{}</style></head><body></body></html>"
    )
    with pytest.raises(briefing.TranscriptError) as err:
        html.extract(page, "empty.html")
    assert "HTML" in str(err.value) and "empty.html" in str(err.value)


def test_decode_declared_charset():
    text = "<html><head><meta charset='gbk'></head><body><p>增长 5.2%</p></body></html>"
    assert "增长 5.2%" in html.decode_page(text.encode("gbk"), "p.html")
    with pytest.raises(briefing.TranscriptError) as err:
        html.decode_page("<html><body><p>增长</p></body></html>".encode("gbk"), "p.html")
    assert "HTML" in str(err.value) and "charset" in str(err.value)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("<!DOCTYPE html>\n<html>", True),
        ("  <html lang='en'>", True),
        ("<!-- saved -->\n<div class='x'>", True),
        ("<p>One paragraph</p>", True),
        ("SCIO briefing on ...\n<p> is a tag", False),
        ("<Zhou Lan>: not a tag we know", False),
        ("", False),
    ],
)
def test_looks_like_html(text, want):
    assert html.looks_like_html(text) is want


def test_read_html_file(tmp_path):
    """``briefing.read`` reads a page by its content as well as by its suffix; b.text is the article."""
    src = (FIXTURES / "formats" / "page-pretty.html").read_text(encoding="utf-8")
    p = tmp_path / "saved_page.txt"
    p.write_text(src, encoding="utf-8")
    b = briefing.read(p)
    assert b.meta.source_format == "html"
    assert b.text.startswith("Industrial Production in July 2024\n\n")
    assert "1200" not in b.text and "3000" not in b.text


def test_cli_tables_reads_html(tmp_path, capsys):
    from briefing import cli

    out = tmp_path / "out"
    code = cli.main(["tables", str(FIXTURES / "formats" / "page-paragraphs.html"), "--out", str(out), "-q"])
    capsys.readouterr()
    assert code == 0
    turns = (out / "turns.csv").read_text(encoding="utf-8")
    assert "Zhou Lan" in turns and "CCTV" in turns


def test_cli_tables_reads_a_folder_of_pages(tmp_path, capsys):
    """A folder given to ``briefing tables`` stands for its .html pages as well as its .txt files."""
    import shutil

    from briefing import cli

    src = tmp_path / "pages"
    src.mkdir()
    shutil.copy(FIXTURES / "formats" / "page-pretty.html", src / "release.html")
    code = cli.main(["tables", str(src), "--out", str(tmp_path / "out"), "-q"])
    capsys.readouterr()
    assert code == 0
    assert "National Bureau of Statistics" in (tmp_path / "out" / "speakers.csv").read_text(encoding="utf-8")
