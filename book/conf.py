"""Sphinx configuration of the book: the executed notebooks rendered with MyST-NB and sphinx-book-theme.

Built by ``make report`` (or ``python -m sphinx -b html -c book . site``) from the repository root, which is
the source folder: only ``book/*.md`` and ``notebooks/NN-*.ipynb`` are read (``include_patterns``), so the
notebooks are rendered where they are, as committed, without being executed again.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # autodoc imports the package from this checkout
sys.path.insert(0, str(HERE))

import _book  # noqa: E402  (the book's own Sphinx hooks: alt text, CSP, escaped outputs)

project = "briefing"
author = "briefing maintainers"
copyright = "briefing maintainers"  # noqa: A001
html_title = "Reading a Chinese press briefing, figure by figure"
html_short_title = "Reading a press briefing"
root_doc = "book/index"
language = "en"

extensions = [
    "myst_nb",
    "sphinx_togglebutton",
    "sphinx_design",
    "sphinx_exercise",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "_book",
]

include_patterns = ["book/*.md", "notebooks/[0-9][0-9]-*.ipynb"]
exclude_patterns = [
    ".*",
    "**/.*",
    "site",
    "build",
    "data",
    "tests",
    "benchmarks",
    "briefing",
    "docs",
    "screenshots",
    "**.ipynb_checkpoints",
]
templates_path = ["book/_templates"]
html_static_path = ["book/_static"]
html_css_files = ["book.css"]

# --- notebooks: rendered as committed, never executed here ---------------------------------------------
nb_execution_mode = "off"
nb_merge_streams = True
nb_render_markdown_format = "commonmark"
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 2
suppress_warnings = ["mystnb.unknown_mime_type"]

# --- no network: no MathJax from a CDN, no launch buttons, no repository links ---------------------------
mathjax_path = ""  # the book has no math; a page that needed MathJax would show its TeX source instead
html_theme = "sphinx_book_theme"
html_theme_options = {
    "launch_buttons": {},
    "use_download_button": True,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "use_source_button": False,
    "use_issues_button": False,
    "use_edit_page_button": False,
    "show_toc_level": 2,
    "home_page_in_toc": True,
    "navigation_with_keys": False,
    "show_navbar_depth": 1,
    "search_bar_text": "Search the book…",
    "article_header_start": ["toggle-primary-sidebar.html"],
}
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_last_updated_fmt = None
html_permalinks_icon = "#"

# --- API reference ---------------------------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}
autodoc_typehints = "description"
napoleon_google_docstring = False
napoleon_numpy_docstring = True
