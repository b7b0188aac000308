"""Sphinx configuration of the book: the executed notebooks rendered with MyST-NB and sphinx-book-theme.

Built by ``make report`` (or ``python -m sphinx -b html -c book . site``) from the repository root, which is
the source folder: only ``book/*.md``, ``notebooks/primer.ipynb`` and ``notebooks/NN-*.ipynb`` are read
(``include_patterns``), so the notebooks are rendered where they are, as committed, without being executed
again.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # autodoc imports the package from this checkout
sys.path.insert(0, str(HERE))  # the "_book" extension: the book's hooks (output folder, CSP, safe outputs)

# nbformat (read by MyST-NB) imports jsonschema, which builds an IRI grammar with lark when the optional
# rfc3987-syntax is installed (JupyterLab brings it): about 2 s of a 15 s build, for a format check that the
# notebook schema never uses. Leaving it out makes jsonschema skip that one check.
sys.modules.setdefault("rfc3987_syntax", None)

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

include_patterns = ["book/*.md", "notebooks/primer.ipynb", "notebooks/[0-9][0-9]-*.ipynb"]
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
templates_path = ["_templates"]
html_static_path = ["_static"]
html_css_files = ["book.css", "print.css"]

# --- notebooks: rendered as committed, never executed here ---------------------------------------------
nb_execution_mode = "off"
nb_merge_streams = True
nb_render_markdown_format = "commonmark"
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 2
suppress_warnings = ["mystnb.unknown_mime_type"]

# --- no network: no MathJax from a CDN, no launch buttons, no repository links ---------------------------
# The book has no math (no dollarmath, no LaTeX outputs): MathJax is never needed, and is never fetched
# from a CDN. A page that had math would ask for this local file, which the book does not ship.
mathjax_path = "_static/mathjax-not-bundled.js"
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
    "navbar_persistent": [],
}
# site/index.html sends the reader to the contents (book/index.html): the root of the source folder is the
# repository, so the book's own pages live under book/ and the chapters under notebooks/.
html_additional_pages = {"index": "redirect.html"}
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
