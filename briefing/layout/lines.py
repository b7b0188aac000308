"""The lines of a transcript and what the layout reader makes of them: ``Line``, ``Listed``, ``Layout``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

# Characters stripped from both ends of a line before it is classified (offsets keep them).
_STRIP = " \t\u00a0\u3000\u200b\ufeff\x0c"
_BULLET = re.compile(r"^[•·●▪■◆*]\s*")
PAGE_BREAK = "_ueditor_page_break_tag_"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: number (1-based), span of the whole line, span of its content."""

    no: int
    start: int
    end: int
    cstart: int
    cend: int
    content: str


@dataclass(frozen=True, slots=True)
class Listed:
    """A person named in the header's speaker or chair list."""

    name: str
    description: str
    honorific: str
    role: str  # "official" or "chair"
    line: int
    name_zh: str = ""  # the name in Chinese characters when the list gives it ("赵志国")


@dataclass(slots=True)
class Layout:
    title: str = ""
    title_span: tuple[int, int] = (0, 0)
    date: dt.date | None = None
    time: str | None = None
    place: str | None = None
    posting_date: dt.date | None = None
    summary: str = ""
    photo_credit: str = ""
    listed: list[Listed] = field(default_factory=list)
    translators: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    # (kind, line, label name); kind: label, speech, break, chrome (web page) or page (printed page)
    body: list[tuple[str, Line, str]] = field(default_factory=list)
    #: Spans (start, end) of the lines of page furniture before the trailer: posting lines, menus, widgets,
    #: pagination, link lists, photo captions (their numbers are in the ledger with role ``page``).
    furniture: list[tuple[int, int]] = field(default_factory=list)
    body_start_line: int | None = None
    trailer_start_line: int | None = None
    unread_start_line: int | None = None  # a second briefing starts here: the rest was not read
    warnings: list[tuple[int, str]] = field(default_factory=list)

    @property
    def chair(self) -> str | None:
        return next((p.name for p in self.listed if p.role == "chair"), None)


def split_lines(text: str) -> list[Line]:
    """All lines of ``text`` with their spans; content excludes surrounding spaces and bullets."""
    lines: list[Line] = []
    pos = 0
    n = len(text)
    no = 0
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        no += 1
        raw = text[pos:end]
        stripped = raw.strip(_STRIP)
        if stripped:
            cstart = pos + (len(raw) - len(raw.lstrip(_STRIP)))
            cend = cstart + len(stripped)
        else:
            cstart = cend = pos
        lines.append(Line(no, pos, end, cstart, cend, stripped))
        if nl < 0:
            break
        pos = nl + 1
    return lines
