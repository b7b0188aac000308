"""A PDF of the whole book: Chromium's print-to-PDF of each built page, in the order of the contents, merged
into one file (``make report`` runs it after the site). Prints the number of pages.

    python book/_pdf.py site site/briefing-book.pdf

Uses the Debian Chromium (``/usr/bin/chromium``) through Playwright, with ``print.css`` (code wrapped,
tables fitted, solutions open); nothing leaves the machine (the pages are read from disk). Pages are merged
with pypdf when it is installed; otherwise each page stays a PDF of its own next to the output, and the
count is still printed.
"""

from __future__ import annotations

import re
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "reference internal" in (a.get("class") or ""):
            self.hrefs.append(a.get("href") or "")


def pages_in_order(site: Path) -> list[Path]:
    index = (site / "book" / "index.html").resolve()
    parser = _Links()
    parser.feed(index.read_text(encoding="utf-8"))
    out = [index]
    for href in parser.hrefs:
        path = (index.parent / href.split("#")[0]).resolve()
        if path.suffix == ".html" and path.is_file() and path not in out:
            out.append(path)
    return out


def count_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site, out = Path(args[0]), Path(args[1])
    from playwright.sync_api import sync_playwright

    pages = pages_in_order(site)
    parts: list[bytes] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.route(re.compile(r"^(?!file:|data:|blob:)"), lambda r: r.abort())
        for path in pages:
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            page.emulate_media(media="print")
            parts.append(page.pdf(format="A4", print_background=False, prefer_css_page_size=True))
        browser.close()
    total = sum(count_pages(b) for b in parts)
    try:
        from pypdf import PdfWriter
    except ImportError:
        folder = out.with_suffix("")
        folder.mkdir(parents=True, exist_ok=True)
        for i, (path, data) in enumerate(zip(pages, parts, strict=True)):
            (folder / f"{i:02d}-{path.stem}.pdf").write_bytes(data)
        print(f"{folder}/: {len(parts)} PDFs (pypdf not installed, not merged), {total} pages")
        return 0
    writer = PdfWriter()
    with tempfile.TemporaryDirectory() as tmp:
        for i, data in enumerate(parts):
            f = Path(tmp) / f"{i}.pdf"
            f.write_bytes(data)
            writer.append(str(f))
        with out.open("wb") as fh:
            writer.write(fh)
    print(f"{out}: {len(pages)} pages of the book, {len(writer.pages)} PDF pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
