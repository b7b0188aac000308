"""Split a transcript into header, body and trailer, and read the header's metadata.

The reader works line by line and never backtracks, so its time is linear in the input. Every non-blank
line of the body is classified as a speaker label, speech, a page break or page furniture ("chrome"),
so the dialogue step can show that no body text was dropped.

Layouts it takes in its stride (see ``docs/layouts.md``): the 2023 page layout with a short and a long
speaker list; a single official under "Speaker"; the date on the "Date:" line itself; headings missing;
page-break tags anywhere; the older layout with a bullet before the title, indented lines and a photo
credit; one page of a split transcript with breadcrumb, posting date, pagination and "Share:" lines;
a title wrapped over two lines; the page numbers and running heads of a printed (PDF) page; names in
English and Chinese characters; outlets written with a curly apostrophe. A second briefing that starts
in the body ends the first one there (the rest is not read, with a warning), and a header that yields no
date or no speakers says so in ``warnings``.
"""

# The modules of the reader: lines.py (the records), words.py (the vocabulary and the classification of
# one line), reader.py (read_layout and its steps). Every name is re-exported here as before the split.
from .lines import _BULLET, _STRIP, PAGE_BREAK, Layout, Line, Listed, split_lines  # noqa: F401
from .reader import read_layout
from .words import (  # noqa: F401
    _clean_name,
    _vocab,
    chinese_name,
    heading_of,
    is_chrome,
    is_link_list,
    is_page_furniture,
    is_teaser_list,
    is_trailer,
    label_of,
)

__all__ = ["Line", "Layout", "Listed", "read_layout", "label_of", "split_lines"]
