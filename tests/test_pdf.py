"""The book's PDF step (``book/_pdf.py``): which pages it prints, in which order, from any working folder."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pdf_module():
    spec = importlib.util.spec_from_file_location("book_pdf", ROOT / "book" / "_pdf.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_pages_are_absolute_and_in_contents_order_for_a_relative_site(tmp_path, monkeypatch):
    # `make pdf` passes the site folder as a relative path ("site"); each page must still be a file URI
    (tmp_path / "site" / "book").mkdir(parents=True)
    (tmp_path / "site" / "notebooks").mkdir()
    (tmp_path / "site" / "book" / "index.html").write_text(
        '<a class="reference internal" href="../notebooks/b.html">B</a>'
        '<a class="reference internal" href="../notebooks/a.html#x">A</a>'
        '<a class="reference internal" href="../notebooks/b.html#again">B again</a>',
        encoding="utf-8",
    )
    for name in ("a", "b"):
        (tmp_path / "site" / "notebooks" / f"{name}.html").write_text("<p>x</p>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    pages = _pdf_module().pages_in_order(Path("site"))
    assert [p.relative_to(tmp_path).as_posix() for p in pages] == [
        "site/book/index.html",
        "site/notebooks/b.html",
        "site/notebooks/a.html",
    ]
    assert all(p.as_uri().startswith("file:///") for p in pages)
