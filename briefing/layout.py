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

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from .dates import find_date, find_time
from .lexicon import Lexicon

__all__ = ["Line", "Layout", "Listed", "read_layout", "label_of", "split_lines"]

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


class _Vocab(NamedTuple):
    """``briefing/data/layout.yml``, compiled."""

    headings: dict[str, str]  # heading word (lower case) -> speakers | chair | date | other
    chrome: re.Pattern[str]
    trailer: re.Pattern[str]
    photo_credit: re.Pattern[str]
    honorific: re.Pattern[str]
    chair_affiliation: re.Pattern[str]
    page_furniture: re.Pattern[str]


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def _vocab() -> _Vocab:
    v = Lexicon.bundled().layout
    heads = {}
    for kind, words in v["headings"].items():
        for w in words:
            heads[w.lower()] = kind
    honor = sorted(v["honorifics"], key=len, reverse=True)
    return _Vocab(
        headings=heads,
        chrome=_any_of(v["chrome"]),
        trailer=_any_of(v["trailer"]),
        photo_credit=re.compile(v["photo_credit"], re.IGNORECASE),
        honorific=re.compile(r"^(?:" + "|".join(re.escape(h) for h in honor) + r")(?=\s)\s*"),
        chair_affiliation=re.compile("|".join(re.escape(a) for a in v["chair_affiliation"]), re.IGNORECASE),
        page_furniture=_any_of(v["page_furniture"]),
    )


#: Lower-case words a title-case line may hold (layout.yml ``small_words``).
_SMALL_WORDS = frozenset(w.lower() for w in Lexicon.bundled().layout["small_words"])
# A name in Chinese characters beside the English one ("Zhao Zhiguo 赵志国", "赵志国 Zhao Zhiguo",
# "Zhao Zhiguo（赵志国）"); "·" joins the parts of a transcribed foreign name.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_NAME = re.compile(rf"[(（]?[{_HAN}][{_HAN}·・]*[)）]?")
# A curly apostrophe is allowed inside or at the end of a word ("People’s", "Workers’"), not as a quote.
_BAD_LABEL_CHARS = re.compile(r"[?!;\"“”‘…]|(?<![^\W\d_])’|[.,]\s+[a-z]|https?:|www\.")
_WORD = re.compile(r"[^\s]+")
_HEADING_WITH_VALUE = re.compile(r"^(?P<head>[A-Za-z][A-Za-z ]{1,25}?)\s*[:：]\s*(?P<rest>.*)$")
#: The honorifics of layout.yml without their dots ("Mr", "Dr"), for a speaker-list entry.
_HONORIFIC_WORDS = "|".join(
    re.escape(h) for h in dict.fromkeys(h.rstrip(".") for h in Lexicon.bundled().layout["honorifics"])
)
_ENTRY = re.compile(
    rf"^(?P<name>(?:[(（]?[{_HAN}][{_HAN}·・]*[)）]?\s*)?"
    rf"(?:(?:{_HONORIFIC_WORDS})\.?\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}}"
    rf"(?:\s*[(（]?[{_HAN}][{_HAN}·・]*[)）]?)?)"
    r"\s*[,，]\s*(?P<desc>\S.*)$"
)
_OFFICIAL_WORDS = re.compile(
    r"\b(" + "|".join(Lexicon.bundled().layout["official_words"]) + r")\b", re.IGNORECASE
)
_PLACE_LINE = re.compile(r"^(?P<left>[^|]{2,60}?)\s*[|｜]\s*(?P<right>.+)$")
_SUMMARY = re.compile(r"\b(press conference|briefing|news conference|held)\b", re.IGNORECASE)
# A page number before or after a running head: "3  SCIO briefing on ...", "... | Page 3 of 12".
_HEAD_PAGE_NO = re.compile(
    r"^(?:page\s+)?\d{1,4}\s+|\s+(?:[|·•-]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$"
)
_COLON_NEAR_START = re.compile(r"^.{1,27}[:：]")
_MAX_PENDING = 3  # header lines not understood in a row before the reader takes them as the body


def _norm(s: str) -> str:
    """Lower case, one space between words, straight apostrophes: for comparing lines."""
    return " ".join(s.replace("’", "'").split()).lower()


def chinese_name(name: str) -> str:
    """The part of a name written in Chinese characters, without parentheses ("" when none)."""
    return " ".join(m.group().strip("()（）") for m in _CJK_NAME.finditer(name))


def _clean_name(name: str) -> tuple[str, str]:
    """The English name without honorific or Chinese characters, and the honorific:
    "Mr. Zhao Zhiguo" -> ("Zhao Zhiguo", "Mr."); "Zhao Zhiguo 赵志国" -> ("Zhao Zhiguo", "")."""
    name = _CJK_NAME.sub(" ", name).strip(_STRIP)
    m = _vocab().honorific.match(name)
    honorific = ""
    if m:
        honorific = m.group().strip()
        name = name[m.end() :]
    return " ".join(name.split()), honorific


def heading_of(content: str) -> tuple[str, str] | None:
    """("speakers"|"chair"|"date"|"other", rest) when the line is a header heading, else None."""
    heads = _vocab().headings
    bare = content.rstrip(":：").strip(_STRIP).lower()
    if bare in heads:
        return heads[bare], ""
    m = _HEADING_WITH_VALUE.match(content)
    if m and m.group("head").lower() in heads:
        return heads[m.group("head").lower()], m.group("rest").strip(_STRIP)
    return None


def label_of(content: str) -> str | None:
    """The speaker label when the line is a turn label ("Zhao Zhiguo:", "CCTV:", "People’s Daily:",
    "Zhao Zhiguo 赵志国："), else None. A name in Chinese characters may stand beside the English one;
    a label of Chinese characters alone is not read as one."""
    if not content or content[-1] not in ":：":
        return None
    name = content[:-1].rstrip(_STRIP)
    if not name or len(name) > 80 or _BAD_LABEL_CHARS.search(name):
        return None
    words = _WORD.findall(_CJK_NAME.sub(" ", name))
    if not words or len(words) > 10:
        return None
    first = words[0]
    if not (first[0].isupper() or first[0].isdigit() or first[0] in "(“\"'"):
        return None
    for w in words[1:]:
        c = w[0]
        if not (c.isupper() or c.isdigit() or c in "(&-–/'’" or w.lower() in _SMALL_WORDS):
            return None
    if heading_of(content) is not None:
        return None
    return name


def is_chrome(content: str) -> bool:
    """Web-page furniture ("Share:", pagination, breadcrumb): never speech, and it ends a turn."""
    return bool(_vocab().chrome.match(content))


def is_trailer(content: str) -> bool:
    return bool(_vocab().trailer.match(content))


def is_page_furniture(content: str, title: str = "") -> bool:
    """A line a printed page adds: a page number ("Page 3 of 12"), a print header or footer, or a
    running head repeating ``title`` (maybe with a page number, maybe cut short). Not speech; inside a
    turn the speaker resumes after it."""
    if _vocab().page_furniture.match(content):
        return True
    if not title or len(content) > len(title) + 24:  # the length check keeps the patterns below cheap
        return False
    t = _norm_title(title)
    c = _HEAD_PAGE_NO.sub("", _norm(content)).rstrip(".…").rstrip()
    return c == t or (len(c) >= 24 and t.startswith(c))


@lru_cache(maxsize=16)
def _norm_title(title: str) -> str:
    return _norm(title)


def _speechlike(c: str) -> bool:
    """A line that reads as running text, not as a header line: long, or ending a sentence."""
    return len(c) > 150 or c[-1] in '.?!"”'


def _title_like(c: str) -> bool:
    return len(c) <= 200 and c[-1] not in '.?!:：;,"”'


def _header_in_body(lines: list[Line], j: int, date: dt.date | None) -> str | None:
    """Does line ``j`` of the body belong to a briefing's header? "new" for a header line of another
    briefing: a place and date line ("Beijing | 3 p.m. Oct. 20, 2023") or "Date: <date>" with another
    date than ``date``, a bare "Speakers" / "Chairperson" heading with a list entry on the next line,
    a bare "Date:" with another date on the next line. "same" for a place and date line with the
    briefing's own date (the next page of a transcript split over pages). None otherwise: "Host:" or
    "Speaker:" alone stay speech, as before."""
    c = lines[j].content
    if len(c) > 80 or (len(c) > 30 and "|" not in c and "｜" not in c and not _COLON_NEAR_START.search(c)):
        return None  # too long for any of these: most lines of speech stop here
    head = heading_of(c)
    if head is None:
        pm = _PLACE_LINE.match(c)
        found = find_date(pm.group("right")) if pm else None
    elif head[0] == "date" and head[1]:
        found = find_date(head[1])
    elif head[0] in ("speakers", "chair", "date") and not head[1]:
        k = j + 1
        while k < len(lines) and not lines[k].content:
            k += 1
        nxt = _BULLET.sub("", lines[k].content) if k < len(lines) else ""
        if head[0] == "date":
            found = find_date(nxt) if nxt and len(nxt) < 40 else None
            return "new" if found and found[0] != date else None
        # a list entry: "Zhao Zhiguo, spokesperson of ...", a name of two words or more, no question
        e = _ENTRY.match(nxt) if nxt and len(nxt) <= 300 and nxt[-1] not in "?!" else None
        if (
            e
            and len(_clean_name(e.group("name"))[0].split()) >= 2
            and _OFFICIAL_WORDS.search(e.group("desc"))
        ):
            return "new"
        return None
    else:
        return None
    if found is None:
        return None
    return "same" if found[0] == date else "new"


def read_layout(text: str, lines: list[Line] | None = None) -> Layout:
    """Read header metadata and classify body lines. Never raises on odd input.

    The page is read top to bottom: the title, the header (the lists, date, place, summary), the body
    (labels and speech), the trailer (editor, source, links)."""
    lines = split_lines(text) if lines is None else lines
    lay = Layout()
    i = _read_title(lay, lines)
    body_start = _read_header(lay, lines, i)
    j = _read_body(lay, lines, body_start)
    if j is not None and j < len(lines):
        lay.trailer_start_line = lines[j].no
        _read_trailer(lay, lines, j)
    return lay


def _read_title(lay: Layout, lines: list[Line]) -> int:
    """The title: the first content line that is not page furniture or a posting line (and the lines
    that continue it). Returns the index of the first line after it."""
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        c = ln.content
        if c and not is_chrome(c) and not is_page_furniture(c) and not _site(lay, c):
            m = _BULLET.match(c)
            off = m.end() if m else 0
            if label_of(c) is None and heading_of(c) is None and not is_trailer(c):
                lay.title = c[off:]
                lay.title_span = (ln.cstart + off, ln.cend)
                i = _title_continues(lay, lines, i + 1)
            break
        i += 1
    return i


def _site(lay: Layout, c: str) -> bool:
    """Whether ``c`` is a posting line; the first one's date is the page's posting date."""
    is_site, posted = _site_line(c)
    if posted is not None and lay.posting_date is None:
        lay.posting_date = posted
    return is_site


def _read_header(lay: Layout, lines: list[Line], i: int) -> int:
    """The header after the title: headings and the lists under them, the date, place and time, the
    summary, the photo credit; then the chair, and warnings for what the header lacks or did not
    understand. Returns the index of the first body line (a speaker label, unlabelled speech, or the
    trailer)."""
    v = _vocab()
    n = len(lines)
    title = lay.title
    state: str | None = None
    body_start: int | None = None
    pending: list[int] = []  # lines not understood yet: unread header lines, or the start of the body
    headings_at: dict[str, tuple[int, str]] = {}  # heading kind -> (line, heading) of the first one
    date_unread: list[tuple[int, str]] = []  # lines that should give the date and do not
    where: dict[str, int] = {}  # listed name -> index in lay.listed

    def header_line() -> None:  # a header line after lines not understood: those were header too
        for k in pending:
            lay.warnings.append((lines[k].no, f"header line not understood, skipped: {lines[k].content!r}"))
        pending.clear()

    while i < n:
        ln = lines[i]
        c = _BULLET.sub("", ln.content)
        if not c or c == PAGE_BREAK or is_chrome(c) or _site(lay, c) or is_page_furniture(c, title):
            i += 1
            continue
        if is_trailer(c):
            body_start = pending[0] if pending else i
            break
        head = heading_of(c)
        if head is not None:
            header_line()
            kind, rest = head
            state = kind
            headings_at.setdefault(kind, (ln.no, c))
            if kind == "date" and rest:
                if not _set_date(lay, rest):
                    date_unread.append((ln.no, c))
                state = None
            i += 1
            continue
        if label_of(c) is not None:
            header_line()
            body_start = i
            break
        if v.photo_credit.match(c):
            header_line()
            lay.photo_credit = c.strip("[]").strip()
            i += 1
            continue
        pm = _PLACE_LINE.match(c)
        if pm and lay.date is None and lay.place is None and len(c) <= 80:
            header_line()  # "Beijing | 3 p.m. Oct. 20, 2023", whether the date can be read or not
            lay.place = pm.group("left").strip() or None
            if not _set_date(lay, pm.group("right")):
                date_unread.append((ln.no, c))
            i += 1
            continue
        if state == "date" and (find_date(c) or (len(c) <= 60 and not _speechlike(c))):
            header_line()  # the value of "Date:", read or not
            if not _set_date(lay, c):
                date_unread.append((ln.no, c))
            state = None
            i += 1
            continue
        entry = _ENTRY.match(c)
        if state in ("speakers", "chair") and entry:
            header_line()
            _add_listed(lay, where, entry, "chair" if state == "chair" else "official", ln.no)
            i += 1
            continue
        if state in ("speakers", "chair") and len(c) <= 80 and not c.endswith("."):
            # a bare name in the list
            header_line()
            _add_listed(lay, where, None, "chair" if state == "chair" else "official", ln.no, c)
            i += 1
            continue
        if not lay.summary and _SUMMARY.search(c) and not lay.listed:
            header_line()
            lay.summary = c
            state = None
            i += 1
            continue
        if entry and _OFFICIAL_WORDS.search(entry.group("desc")):
            header_line()
            role = "chair" if v.chair_affiliation.search(entry.group("desc")) else "official"
            _add_listed(lay, where, entry, role, ln.no)
            i += 1
            continue
        if lay.date is None and len(c) < 40 and find_date(c):
            header_line()
            _set_date(lay, c)
            i += 1
            continue
        if _speechlike(c) or len(pending) >= _MAX_PENDING:
            # unlabeled speech: the page starts in the middle of a statement
            body_start = pending[0] if pending else i
            break
        pending.append(i)
        i += 1
    else:
        body_start = pending[0] if pending else n
    _name_chair(lay)
    _warn_header(lay, lines, body_start, headings_at, date_unread)
    return body_start


def _name_chair(lay: Layout) -> None:
    """When no heading named the chair, the chair is the listed person from the SCIO."""
    v = _vocab()
    if lay.listed and not any(p.role == "chair" for p in lay.listed):
        for k, p in enumerate(lay.listed):
            if v.chair_affiliation.search(p.description):
                lay.listed[k] = Listed(p.name, p.description, p.honorific, "chair", p.line, p.name_zh)
                break


def _read_body(lay: Layout, lines: list[Line], body_start: int) -> int | None:
    """Classify the body lines from ``body_start`` (speaker labels, speech, page breaks and furniture)
    into ``lay.body``. Returns the index of the trailer's first line (``len(lines)`` without one), or
    None when a second briefing's header starts (its lines are warned about, not read)."""
    n = len(lines)
    title = lay.title
    lay.body_start_line = lines[body_start].no if body_start < n else None
    known = {p.name for p in lay.listed}
    inline_mode = False  # set once a known speaker's label was found inline ("Name: text")
    j = body_start
    while j < n:
        ln = lines[j]
        c = ln.content
        if not c:
            j += 1
            continue
        if is_trailer(c):
            break
        if c == PAGE_BREAK:
            lay.body.append(("break", ln, ""))
        elif is_chrome(c):
            lay.body.append(("chrome", ln, ""))
        elif is_page_furniture(c, title):
            lay.body.append(("page", ln, ""))
        elif (other := _header_in_body(lines, j, lay.date)) is not None:
            if other == "same":  # the date line of the next page: page furniture
                lay.body.append(("page", ln, ""))
            else:
                _second_briefing(lay, lines, ln, lay.body)
                return None
        else:
            name = label_of(c)
            if name is not None:
                lay.body.append(("label", ln, name))
                known.add(_clean_name(name)[0])
            else:
                inline = _inline_label(c, known, inline_mode)
                if inline:
                    inline_mode = True
                    name, off = inline
                    lab = Line(ln.no, ln.start, ln.end, ln.cstart, ln.cstart + off, c[:off])
                    lay.body.append(("label", lab, name))
                    rest = c[off:]
                    skip = len(rest) - len(rest.lstrip(_STRIP))
                    sp = Line(ln.no, ln.start, ln.end, ln.cstart + off + skip, ln.cend, rest[skip:])
                    lay.body.append(("speech", sp, ""))
                else:
                    lay.body.append(("speech", ln, ""))
        j += 1
    return j


def _title_continues(lay: Layout, lines: list[Line], i: int) -> int:
    """A title wrapped over two or three lines: take in the lines that continue it. A continuation
    comes right after the title (or, after a blank line, starts in lower case), and is no header line,
    label, date or sentence. Returns the index of the first line after the title."""
    if not lay.title or lay.title[-1] in ".?!:：;":
        return i
    n = len(lines)
    for _ in range(2):
        k = i
        while k < n and not lines[k].content:
            k += 1
        if k >= n:
            break
        ln = lines[k]
        c = ln.content
        if (
            not (k == i or c[0].islower())
            or len(c) > 150
            or c[-1] in '.?!:：;"”'
            or is_chrome(c)
            or is_page_furniture(c, lay.title)
            or is_trailer(c)
            or heading_of(c) is not None
            or label_of(c) is not None
            or _PLACE_LINE.match(c)
            or find_date(c)
            or _vocab().photo_credit.match(c)
            or ((e := _ENTRY.match(c)) and _OFFICIAL_WORDS.search(e.group("desc")))
        ):
            break
        lay.title = f"{lay.title} {c}"
        lay.title_span = (lay.title_span[0], ln.cend)
        i = k + 1
    return i


def _warn_header(
    lay: Layout,
    lines: list[Line],
    body_start: int,
    headings_at: dict[str, tuple[int, str]],
    date_unread: list[tuple[int, str]],
) -> None:
    """Say what the header did not give: the date, or the officials who speak."""
    end = lines[body_start].no - 1 if body_start < len(lines) else len(lines)
    where = f"the header (lines 1-{end})" if end >= 1 else "the file (no header before line 1)"
    if lay.date is None:
        if date_unread:
            (no, c), *more = date_unread
            also = "".join(f" (nor from line {k}: {x!r})" for k, x in more)
            lay.warnings.append(
                (no, f"no date could be read from {c!r}{also}: the briefing has no date, and periods "
                 "such as 'last year' are left empty")
            )  # fmt: skip
        elif "date" in headings_at:
            no, c = headings_at["date"]
            lay.warnings.append((no, f"no date after the heading {c!r}: the briefing has no date"))
        else:
            lay.warnings.append((0, f"no briefing date in {where}: the briefing has no date"))
    if not any(p.role == "official" for p in lay.listed):
        if "speakers" in headings_at:
            no, c = headings_at["speakers"]
            lay.warnings.append((no, f"no speaker could be read after the heading {c!r}"))
        else:
            lay.warnings.append((0, f"no speaker list in {where}: officials are known only by their labels"))


def _second_briefing(lay: Layout, lines: list[Line], at: Line, body: list[tuple[str, Line, str]]) -> None:
    """A header line in the body: a second briefing starts here, or at its title (one or two lines
    just before, maybe with the summary sentence between). End the first briefing before it and say
    that the rest of the file is not read."""

    def own_speech_line(k: int) -> bool:  # a speech line that is not the text after an inline label
        kind, ln, _ = body[k]
        if kind == "page":  # the first briefing's own title again reads as a running head
            return not _vocab().page_furniture.match(ln.content)
        return kind == "speech" and not (k > 0 and body[k - 1][0] == "label" and body[k - 1][1].no == ln.no)

    k = len(body)
    if k and own_speech_line(k - 1):
        c = body[k - 1][1].content
        if _SUMMARY.search(c) and c.endswith(".") and len(c) <= 400:
            k -= 1  # the summary sentence, when a title stands above it
    titles: list[Line] = []
    while k and len(titles) < 2 and own_speech_line(k - 1):
        ln = body[k - 1][1]
        if not _title_like(ln.content) or (titles and ln.no != titles[-1].no - 1):
            break
        titles.append(ln)
        k -= 1
    start = at
    if titles:
        start = titles[-1]
        del body[k:]
    lay.unread_start_line = start.no
    lay.warnings.append(
        (start.no, f"a second briefing seems to start here ({start.content[:80]!r}; header line "
         f"{at.no}: {at.content[:40]!r}); lines {start.no}-{lines[-1].no} were not read: give each "
         "briefing its own file")
    )  # fmt: skip


def _inline_label(content: str, known: set[str], inline_mode: bool) -> tuple[str, int] | None:
    """ "Li Ming: Thank you ..." -> (name, offset after the colon), when the name is a known speaker,
    or when the transcript already writes labels inline and the name reads as a label. A full-width
    colon "：" needs no space after it."""
    m = _INLINE_COLON.search(content, 0, 61)
    if m is None:
        return None
    k = m.start()
    if k <= 0 or k + 1 >= len(content) or (content[k] == ":" and content[k + 1] != " "):
        return None
    name = content[:k].strip(_STRIP)
    if label_of(name + ":") is None:
        return None
    if _clean_name(name)[0] in known or (inline_mode and len(name.split()) <= 6):
        return name, k + 1
    return None


_INLINE_COLON = re.compile("[:：]")


def _site_line(c: str) -> tuple[bool, dt.date | None]:
    """Is ``c`` a line like 'China.org.cn | March 5, 2024', and the date it gives: the day the web page
    was posted, not the briefing date."""
    m = _PLACE_LINE.match(c)
    if not m or not re.search(r"\.(cn|com|org|net|gov)\b", m.group("left"), re.IGNORECASE):
        return False, None
    found = find_date(m.group("right"))
    return True, found[0] if found else None


def _set_date(lay: Layout, s: str) -> bool:
    """Take the date (and time) written in ``s``; False when ``s`` gives no date."""
    found = find_date(s)
    if found and lay.date is None:
        lay.date = found[0]
    elif found and found[0] != lay.date:
        lay.warnings.append((0, f"header gives two dates: {lay.date} and {found[0]}; kept the first"))
    t = find_time(s)
    if t and lay.time is None:
        lay.time = t
    return found is not None


def _add_listed(
    lay: Layout,
    where: dict[str, int],
    entry: re.Match[str] | None,
    role: str,
    line: int,
    name: str = "",
    desc: str = "",
) -> None:
    if entry is not None:
        name, desc = entry.group("name"), entry.group("desc").strip(_STRIP)
    zh = chinese_name(name)
    name, honorific = _clean_name(name)
    k = where.get(name)
    if k is not None:
        # the long list repeats the short one: keep the first entry, fill in what it lacks
        p = lay.listed[k]
        lay.listed[k] = Listed(
            p.name,
            p.description or desc,
            p.honorific or honorific,
            "chair" if "chair" in (p.role, role) else p.role,
            p.line,
            p.name_zh or zh,
        )
        return
    where[name] = len(lay.listed)
    lay.listed.append(Listed(name, desc, honorific, role, line, zh))


_TRANSLATORS = re.compile(r"\bby\s+(?P<names>[^.]+)", re.IGNORECASE)
_CAPTION = re.compile(r"^/\s*(?P<count>\d*)\s*(?P<text>.*)$")


def _read_trailer(lay: Layout, lines: list[Line], start: int) -> None:
    warned = False
    prev: Line | None = None  # the last trailer line that is no caption: maybe a second title
    first, last = lines[start].no, lines[-1].no
    for j in range(start, len(lines)):
        ln = lines[j]
        c = ln.content
        if not c:
            continue
        if _header_in_body(lines, j, None) is not None:  # any header after the trailer is another one
            at = prev if prev is not None and _title_like(prev.content) else ln
            lay.unread_start_line = at.no
            lay.warnings.append(
                (at.no, f"a second briefing seems to start here ({at.content[:80]!r}), after the "
                 f"trailer of the first (line {first}); lines {at.no}-{last} were not read: give "
                 "each briefing its own file")
            )  # fmt: skip
            return
        if not warned and label_of(c) is not None:
            # nothing is dropped silently: say so when the trailer seems to hold more speech
            lay.warnings.append(
                (ln.no, f"speaker label {c!r} after the trailer began (line {first}); text after "
                 "the trailer is not read as turns: is this several transcripts in one file?")
            )  # fmt: skip
            warned = True
        m = _CAPTION.match(c)
        if m:
            if m.group("text").strip(_STRIP):
                lay.captions.append(m.group("text").strip(_STRIP))
            continue
        prev = ln
        if re.match(r"^(translated|edited|compiled|transcribed)", c, re.IGNORECASE):
            t = _TRANSLATORS.search(c)
            if t:
                names = re.split(r",\s*(?:and\s+)?|\s+and\s+", t.group("names"))
                lay.translators.extend(x.strip() for x in names if x.strip())
