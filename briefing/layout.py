"""Split a transcript into header, body and trailer, and read the header's metadata.

The reader works line by line and never backtracks, so its time is linear in the input. Every non-blank
line of the body is classified as a speaker label, speech, a page break or page furniture ("chrome"),
so the dialogue step can show that no body text was dropped.

Layouts it takes in its stride (see ``docs/layouts.md``): the 2023 page layout with a short and a long
speaker list; a single official under "Speaker"; the date on the "Date:" line itself; headings missing;
page-break tags anywhere; the older layout with a bullet before the title, indented lines and a photo
credit; one page of a split transcript with breadcrumb, posting date, pagination and "Share:" lines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from .dates import find_date, find_time
from .vocab import load

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
    body: list[tuple[str, Line, str]] = field(default_factory=list)  # (kind, line, label name)
    body_start_line: int | None = None
    trailer_start_line: int | None = None
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


@cache
def _vocab():
    v = load("layout")
    heads = {}
    for kind, words in v["headings"].items():
        for w in words:
            heads[w.lower()] = kind
    chrome = re.compile("|".join(f"(?:{p})" for p in v["chrome"]), re.IGNORECASE)
    trailer = re.compile("|".join(f"(?:{p})" for p in v["trailer"]), re.IGNORECASE)
    credit = re.compile(v["photo_credit"], re.IGNORECASE)
    honor = sorted(v["honorifics"], key=len, reverse=True)
    honor_re = re.compile(r"^(?:" + "|".join(re.escape(h) for h in honor) + r")(?=\s)\s*")
    chair_aff = re.compile("|".join(re.escape(a) for a in v["chair_affiliation"]), re.IGNORECASE)
    return heads, chrome, trailer, credit, honor_re, chair_aff


_SMALL_WORDS = frozenset(
    [
        "of",
        "and",
        "the",
        "for",
        "in",
        "on",
        "at",
        "de",
        "du",
        "la",
        "le",
        "von",
        "van",
        "da",
        "to",
        "with",
        "a",
        "an",
        "&",
        "by",
        "from",
        "under",
    ]
)
_BAD_LABEL_CHARS = re.compile(r"[?!;\"“”‘’…]|[.,]\s+[a-z]|https?:|www\.")
_WORD = re.compile(r"[^\s]+")
_HEADING_WITH_VALUE = re.compile(r"^(?P<head>[A-Za-z][A-Za-z ]{1,25}?)\s*[:：]\s*(?P<rest>.*)$")
_ENTRY = re.compile(
    r"^(?P<name>(?:(?:Mr|Ms|Mrs|Dr|Prof|Madam)\.?\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
    r"\s*[,，]\s*(?P<desc>\S.*)$"
)
_OFFICIAL_WORDS = re.compile(
    r"\b(spokes(?:person|man|woman)|minister|director|deputy|chief|head|vice|commissioner|"
    r"president|chairman|chairwoman|secretary|administrator|governor|mayor|official|engineer|"
    r"researcher|professor|expert|inspector|counsel|ambassador|general)\b",
    re.IGNORECASE,
)
_PLACE_LINE = re.compile(r"^(?P<left>[^|]{2,60}?)\s*[|｜]\s*(?P<right>.+)$")
_SUMMARY = re.compile(r"\b(press conference|briefing|news conference|held)\b", re.IGNORECASE)


def _clean_name(name: str) -> tuple[str, str]:
    """Remove an honorific and surrounding spaces: ("Mr. Zhao Zhiguo") -> ("Zhao Zhiguo", "Mr.")."""
    honor_re = _vocab()[4]
    name = name.strip(_STRIP)
    m = honor_re.match(name)
    honorific = ""
    if m:
        honorific = m.group().strip()
        name = name[m.end() :]
    return " ".join(name.split()), honorific


def heading_of(content: str) -> tuple[str, str] | None:
    """("speakers"|"chair"|"date"|"other", rest) when the line is a header heading, else None."""
    heads = _vocab()[0]
    bare = content.rstrip(":：").strip(_STRIP).lower()
    if bare in heads:
        return heads[bare], ""
    m = _HEADING_WITH_VALUE.match(content)
    if m and m.group("head").lower() in heads:
        return heads[m.group("head").lower()], m.group("rest").strip(_STRIP)
    return None


def label_of(content: str) -> str | None:
    """The speaker label when the line is a turn label ("Zhao Zhiguo:", "CCTV:"), else None."""
    if not content or content[-1] not in ":：":
        return None
    name = content[:-1].rstrip(_STRIP)
    if not name or len(name) > 80 or _BAD_LABEL_CHARS.search(name):
        return None
    words = _WORD.findall(name)
    if len(words) > 10:
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
    return bool(_vocab()[1].match(content))


def is_trailer(content: str) -> bool:
    return bool(_vocab()[2].match(content))


def read_layout(text: str, lines: list[Line] | None = None) -> Layout:
    """Read header metadata and classify body lines. Never raises on odd input."""
    lines = split_lines(text) if lines is None else lines
    heads, _chrome, _trailer, credit_re, _honor, chair_aff = _vocab()
    lay = Layout()
    i, n = 0, len(lines)

    def site_line(c: str) -> bool:  # a posting line; the first one's date is the page's posting date
        is_site, posted = _site_line(c)
        if posted is not None and lay.posting_date is None:
            lay.posting_date = posted
        return is_site

    # --- title: the first content line that is not page furniture or a posting line -------------
    while i < n:
        ln = lines[i]
        c = ln.content
        if c and not is_chrome(c) and not site_line(c):
            m = _BULLET.match(c)
            off = m.end() if m else 0
            if label_of(c) is None and heading_of(c) is None and not is_trailer(c):
                lay.title = c[off:]
                lay.title_span = (ln.cstart + off, ln.cend)
                i += 1
            break
        i += 1

    # --- header: headings, lists, date, summary, photo credit -------------------------------------
    state: str | None = None
    body_start: int | None = None
    while i < n:
        ln = lines[i]
        c = _BULLET.sub("", ln.content)
        if not c or c == PAGE_BREAK or is_chrome(c) or site_line(c):
            i += 1
            continue
        if is_trailer(c):
            body_start = i
            break
        head = heading_of(c)
        if head is not None:
            kind, rest = head
            state = kind
            if kind == "date" and rest:
                _set_date(lay, rest)
                state = None
            i += 1
            continue
        if label_of(c) is not None:
            body_start = i
            break
        if credit_re.match(c):
            lay.photo_credit = c.strip("[]").strip()
            i += 1
            continue
        pm = _PLACE_LINE.match(c)
        if pm and find_date(pm.group("right")) and lay.date is None:
            lay.place = pm.group("left").strip() or None
            _set_date(lay, pm.group("right"))
            i += 1
            continue
        if state == "date" and find_date(c):
            _set_date(lay, c)
            state = None
            i += 1
            continue
        entry = _ENTRY.match(c)
        if state in ("speakers", "chair") and entry:
            _add_listed(lay, entry, "chair" if state == "chair" else "official", ln.no)
            i += 1
            continue
        if state in ("speakers", "chair") and len(c) <= 80 and not c.endswith("."):
            # a bare name in the list
            _add_listed(lay, None, "chair" if state == "chair" else "official", ln.no, c)
            i += 1
            continue
        if not lay.summary and _SUMMARY.search(c) and not lay.listed:
            lay.summary = c
            state = None
            i += 1
            continue
        if entry and _OFFICIAL_WORDS.search(entry.group("desc")):
            role = "chair" if chair_aff.search(entry.group("desc")) else "official"
            _add_listed(lay, entry, role, ln.no)
            i += 1
            continue
        if lay.date is None and len(c) < 40 and find_date(c):
            _set_date(lay, c)
            i += 1
            continue
        body_start = i  # unlabeled speech: the page starts in the middle of a statement
        break
    else:
        body_start = n

    # When no heading named the chair, the chair is the listed person from the SCIO.
    if lay.listed and not any(p.role == "chair" for p in lay.listed):
        for k, p in enumerate(lay.listed):
            if chair_aff.search(p.description):
                lay.listed[k] = Listed(p.name, p.description, p.honorific, "chair", p.line)
                break

    # --- body and trailer ------------------------------------------------------------------------
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
    if j < n:
        lay.trailer_start_line = lines[j].no
        _read_trailer(lay, lines[j:])
    return lay


def _inline_label(content: str, known: set[str], inline_mode: bool) -> tuple[str, int] | None:
    """ "Li Ming: Thank you ..." -> (name, offset after the colon), when the name is a known speaker,
    or when the transcript already writes labels inline and the name reads as a label."""
    k = content.find(":")
    if k <= 0 or k > 60 or k + 1 >= len(content) or content[k + 1] not in " \u00a0":
        return None
    name = content[:k].strip(_STRIP)
    if label_of(name + ":") is None:
        return None
    if _clean_name(name)[0] in known or (inline_mode and len(name.split()) <= 6):
        return name, k + 1
    return None


def _site_line(c: str) -> tuple[bool, dt.date | None]:
    """Is ``c`` a line like 'China.org.cn | March 5, 2024', and the date it gives: the day the web page
    was posted, not the briefing date."""
    m = _PLACE_LINE.match(c)
    if not m or not re.search(r"\.(cn|com|org|net|gov)\b", m.group("left"), re.IGNORECASE):
        return False, None
    found = find_date(m.group("right"))
    return True, found[0] if found else None


def _set_date(lay: Layout, s: str) -> None:
    found = find_date(s)
    if found and lay.date is None:
        lay.date = found[0]
    elif found and found[0] != lay.date:
        lay.warnings.append((0, f"header gives two dates: {lay.date} and {found[0]}; kept the first"))
    t = find_time(s)
    if t and lay.time is None:
        lay.time = t


def _add_listed(lay: Layout, entry, role: str, line: int, name: str = "", desc: str = "") -> None:
    if entry is not None:
        name, desc = entry.group("name"), entry.group("desc").strip(_STRIP)
    name, honorific = _clean_name(name)
    for k, p in enumerate(lay.listed):
        if p.name == name:
            # the long list repeats the short one: keep the first entry, fill in what it lacks
            lay.listed[k] = Listed(
                p.name,
                p.description or desc,
                p.honorific or honorific,
                "chair" if "chair" in (p.role, role) else p.role,
                p.line,
            )
            return
    lay.listed.append(Listed(name, desc, honorific, role, line))


_TRANSLATORS = re.compile(r"\bby\s+(?P<names>[^.]+)", re.IGNORECASE)
_CAPTION = re.compile(r"^/\s*(?P<count>\d*)[\s\u00a0]*(?P<text>.*)$")


def _read_trailer(lay: Layout, lines: list[Line]) -> None:
    warned = False
    for ln in lines:
        c = ln.content
        if not c:
            continue
        if not warned and label_of(c) is not None:
            # nothing is dropped silently: say so when the trailer seems to hold more speech
            lay.warnings.append(
                (ln.no, f"speaker label {c!r} after the trailer began (line {lines[0].no}); text after "
                 "the trailer is not read as turns: is this several transcripts in one file?")
            )  # fmt: skip
            warned = True
        m = _CAPTION.match(c)
        if m:
            if m.group("text").strip(_STRIP):
                lay.captions.append(m.group("text").strip(_STRIP))
            continue
        if re.match(r"^(translated|edited|compiled|transcribed)", c, re.IGNORECASE):
            t = _TRANSLATORS.search(c)
            if t:
                names = re.split(r",\s*(?:and\s+)?|\s+and\s+", t.group("names"))
                lay.translators.extend(x.strip() for x in names if x.strip())
