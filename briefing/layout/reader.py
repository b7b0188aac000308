"""The layout reader: ``read_layout`` and its steps, title, header, body and trailer, as named functions."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import find_date, find_time
from .lines import _BULLET, _STRIP, PAGE_BREAK, Layout, Line, Listed, split_lines
from .words import (
    _PLACE_LINE,
    _SUMMARY,
    _clean_name,
    _header_in_body,
    _speechlike,
    _title_like,
    _vocab,
    chinese_name,
    heading_of,
    is_chrome,
    is_link_list,
    is_page_furniture,
    is_trailer,
    label_of,
)

_MAX_PENDING = 3  # header lines not understood in a row before the reader takes them as the body


#: Reported speech after a name and title ("Du Jiang, Vice Minister ..., said that ..."): text, no entry.
_REPORTED = re.compile(r"\b(?:said|says|noted|added|stressed|pointed out|told)\b")
#: A date alone after the summary's last full stop and two spaces or more.
_POSTED_AFTER_SUMMARY = re.compile(r"\.\s{2,}(\S[^.]{5,30})$")


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
        if c and (is_chrome(c) or is_page_furniture(c) or _site(lay, c)):
            lay.furniture.append((ln.cstart, ln.cend))
        elif c:
            m = _BULLET.match(c)
            off = m.end() if m else 0
            if _tab_row(lines, i):  # "Speaker" / "Chairperson": the page's tab row above the title
                lay.furniture.append((ln.cstart, ln.cend))
                i += 1
                continue
            if label_of(c) is None and heading_of(c) is None and not is_trailer(c):
                lay.title = c[off:]
                lay.title_span = (ln.cstart + off, ln.cend)
                posted = _TITLE_POSTED.match(lay.title)
                if posted and (found := find_date(posted.group("date"))):
                    # "SCIO briefing on ... | January 22, 2020": the title, and the day the page was posted
                    lay.title = posted.group("title")
                    lay.title_span = (lay.title_span[0], lay.title_span[0] + len(lay.title))
                    lay.furniture.append((lay.title_span[1], ln.cend))
                    if lay.posting_date is None:
                        lay.posting_date = found[0]
                    i += 1
                else:
                    i = _title_continues(lay, lines, i + 1)
            break
        i += 1
    return i


# A title with the posting date after a bar: four words or more, then a date alone.
_TITLE_POSTED = re.compile(
    r"^(?P<title>[^\s|｜]+(?:\s+[^\s|｜]+){3,})\s*[|｜]\s*(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2},\s+\d{4})$"
)


def _tab_row(lines: list[Line], i: int) -> bool:
    """Line ``i`` is a bare heading word ("Speaker", "Chairperson") of a tab row above the title: the
    next content line is another such heading, or a title-like line that is no list entry or heading."""
    head = heading_of(lines[i].content)
    if head is None or head[1] or lines[i].content.rstrip().endswith((":", "：")):
        return False
    k = i + 1
    while k < len(lines) and not lines[k].content:
        k += 1
    if k >= len(lines):
        return False
    c = lines[k].content
    nxt = heading_of(c)
    if nxt is not None:
        return not nxt[1] and not c.rstrip().endswith((":", "："))
    return k == i + 1 and _title_like(c) and not _vocab().entry.match(c) and label_of(c) is None


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
            if c and c != PAGE_BREAK:
                lay.furniture.append((ln.cstart, ln.cend))
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
        entry = v.entry.match(c)
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
            if lay.posting_date is None and (posted := _POSTED_AFTER_SUMMARY.search(c)):
                # a mobile page's posting date glued after the summary ("... in H1 2021.  July 22, 2021")
                found = find_date(posted.group(1))
                lay.posting_date = found[0] if found else None
            state = None
            i += 1
            continue
        if (
            entry
            and v.official_words.search(entry.group("desc"))
            and not _REPORTED.search(entry.group("desc"))
            # a long line ending a sentence is a paragraph of a report that opens with a name ("Zhu
            # Fenglian, a spokesperson for ..., made this statement Wednesday ..."), not a list entry
            and not (len(c) > 150 and c[-1] in '.?!"”')
        ):
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
    links = False  # inside a link list ("Most read", "Top 10"): its short lines are furniture
    v = _vocab()
    j = body_start
    while j < n:
        ln = lines[j]
        c = ln.content
        if not c:
            j += 1
            continue
        if is_trailer(c):
            break
        if c.startswith(PAGE_BREAK) and c != PAGE_BREAK:  # the tag glued to the next label
            off = len(PAGE_BREAK)
            lay.body.append(
                ("break", Line(ln.no, ln.start, ln.end, ln.cstart, ln.cstart + off, PAGE_BREAK), "")
            )
            rest = c[off:]
            skip = len(rest) - len(rest.lstrip(_STRIP))
            ln = Line(ln.no, ln.start, ln.end, ln.cstart + off + skip, ln.cend, rest[skip:])
            c = ln.content
            if not c:
                j += 1
                continue
        if links and (label_of(c) is not None or _speechlike(c) or not _title_like(c)):
            links = False
        if c == PAGE_BREAK:
            lay.body.append(("break", ln, ""))
        elif links or is_link_list(c):
            links = True
            lay.body.append(("chrome", ln, ""))
            lay.furniture.append((ln.cstart, ln.cend))
        elif is_chrome(c) or v.posting_line.match(c):
            lay.body.append(("chrome", ln, ""))
            lay.furniture.append((ln.cstart, ln.cend))
        elif is_page_furniture(c, title):
            lay.body.append(("page", ln, ""))
            lay.furniture.append((ln.cstart, ln.cend))
        elif (other := _header_in_body(lines, j, lay.date)) is not None:
            if other == "same":  # the date line of the next page: page furniture
                lay.body.append(("page", ln, ""))
                lay.furniture.append((ln.cstart, ln.cend))
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
            or ((e := _vocab().entry.match(c)) and _vocab().official_words.search(e.group("desc")))
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
        p = _vocab().posting_line.match(c)  # "China.org.cnUpdated: ...", "0 Comment(s)Print E-mail ..."
        if p is None:
            return False, None
        found = find_date(c)
        return True, found[0] if found else None
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
