"""Readers of the formats that are not SCIO transcripts (issue 16).

Two formats, both read into the same structures as an SCIO transcript (:class:`~briefing.layout.Layout`,
:class:`~briefing.dialogue.Turn`, :class:`~briefing.dialogue.Exchange`), so that figures, periods and
checks work on them unchanged:

``conference``
    A press conference that is not an SCIO transcript: the Foreign Ministry's regular press conference
    ("Foreign Ministry Spokesperson Mao Ning’s Regular Press Conference on April 28, 2023") and copies of
    it, MOFCOM's ("Regular Press Conference of the Ministry of Commerce (March 12, 2020)"). The title
    gives the date and, when it names one, the spokesperson. Lines above the title (a language menu, a
    breadcrumb, a headline in Chinese) and date or posting lines right after it are header. Questions are
    labelled by outlet ("CCTV:", "The Paper:") or "Q:"; answers by the spokesperson's name or "A:"
    ("Q " / "A " without a colon are labels too when the text asks a question so); "[Gao Feng]:" in
    square brackets is a label. Unlabelled paragraphs before the first label are the spokesperson's
    announcements, one turn. A text with no title is a conference when it has "Q:"/"A:" labels, or
    labels after a bare date line ("2019-09-04", " date 2024-07-16").
``release``
    A statement or press release: a title, a dated line ("Updated: Aug 14,2014 2:34 PM  National Bureau
    of Statistics", "Source: Xinhua| 2018-02-09 13:03:13", "04/30/2024 | News release") or a dateline
    ("BEIJING, March 11 --"), and paragraphs. It is one turn by its issuing body (a header line naming a
    bureau, ministry, ...; else the agency of the credit or dateline), so it has no exchanges. A
    dateline without a year takes the year of a header date of the same day and month, else gives no
    date. Short lines after the last paragraph (related links, "Editor:" credits, tracking numbers)
    are trailer.

:func:`read_other` is called with the SCIO reader's layout of the text; it returns ``None`` when the
text is an SCIO transcript (a date or a speaker list in the header, or speaker labels and no other
format), else a :class:`Reading`. It raises :class:`~briefing.errors.TranscriptError` only for a text
with neither a date nor a paragraph of text. The vocabulary is ``briefing/data/formats.yml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import islice

from . import vocab
from .dates import MONTHS, find_date
from .dialogue import Exchange, Turn, speaker_role
from .errors import TranscriptError
from .layout import Layout, Line, Listed, is_chrome, is_link_list, is_teaser_list, label_of
from .page_dates import US_DATE, date_in, file_day, glued_date, year_for_day
from .sentences import line_goes_on

__all__ = ["Reading", "read_other"]

_V = vocab.load("formats")
_CONF_TITLES = [re.compile(p) for p in _V["conference_titles"]]
_Q_LABELS = frozenset(_V["question_labels"])
_A_LABELS = frozenset(_V["answer_labels"])
_DATELINE = re.compile(_V["dateline"])
_ISSUER = re.compile(
    r"(?:(?:[A-Z][\w’'.-]*|of|the|and|for) ){0,6}(?:" + "|".join(map(re.escape, _V["issuer_words"])) + r")"
    r"(?: (?:of|for|and|on|the|[A-Z][\w’'.-]*))*"
)
_AGENCY = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, _V["agencies"])) + r")(?![\w])")
_CREDIT = tuple(_V["credit_prefixes"])
# a posting date glued to the end of a title ("... Travel Rush07/03/2019"): day and month in either order
_GLUED_DATE = re.compile(r"(?<=[A-Za-z])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\s*$")
_DATELINE_DAY = re.compile(_V["dateline_day"])  # "China News Service, February 26. ..." (formats.yml)
_OPENING_DATE = re.compile(_V["opening_date"])  # "NEWSWIRE. July 18, 2014. China's ..." (formats.yml)
_DATE_PREFIX = re.compile(r"^\s*date\s+((?:19|20)\d\d-\d\d-\d\d)\s*", re.IGNORECASE)
_BARE_QA = re.compile(r"^(Q|A) (?=[A-Z“\"0-9])")
_BRACKET = re.compile(r"^\[([^\]\n]{1,60})\]\s*[:：]?\s*")
_HEADLINE_BULLET = re.compile(r"^[-•·]\s+\S.{0,150}(?<![.!?。])$")
_SENTENCE_END = re.compile(r"[.!?。”\"')]\s*$")
# a full stop anywhere in a line (not the dot of "5.2%" or "U.S")
_SENTENCE_STOP = re.compile(r"[.!?。](?:[\s\[\"”'’)]|$)")


@dataclass
class Reading:
    """The text read in another format: what :class:`~briefing.model.Briefing` needs of a reader."""

    format: str  # "conference" or "release"
    layout: Layout
    turns: list[Turn]
    exchanges: list[Exchange]
    notes: list[str] = field(default_factory=list)


def _content(lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if ln.content]


def _is_date_line(c: str) -> bool:
    """A line that is a date (maybe with a time), and little else."""
    if date_in(c) is None:
        return False
    rest = re.sub(r"[\d:/\-.,|]+", " ", c)
    words = [w for w in rest.split() if w.lower().strip(".") not in MONTHS]
    return len(words) <= 3


# --- conferences --------------------------------------------------------------------------------------


def _conference_title(lines: list[Line]) -> tuple[int, int, str, dt.date | None, str | None] | None:
    """(first line index, last line index, title, date, spokesperson) of a conference title near the top."""
    content = _content(lines)[:15]
    for ln in content:
        for pat in _CONF_TITLES:
            m = pat.search(ln.content)
            if m:
                return ln.no, ln.no, ln.content.strip(), date_in(m.group("date")), m.groupdict().get("name")
    for k in range(len(content) - 1):  # a title wrapped over two lines
        one = content[k].content.rstrip()
        c = one + " " + content[k + 1].content.lstrip()
        for pat in _CONF_TITLES:
            m = pat.search(c)
            if m and m.start() < len(one) < m.end():
                return (
                    content[k].no,
                    content[k + 1].no,
                    c.strip(),
                    date_in(m.group("date")),
                    m.groupdict().get("name"),
                )
    return None


def _inline_label(c: str, bare_qa: bool) -> tuple[str, int] | None:
    """(label, offset of the speech in the line) for a line that starts with a speaker label."""
    s = c.lstrip()
    lead = len(c) - len(s)
    if not s or s[0].isdigit():
        return None
    m = _BRACKET.match(s)
    if m and label_of(m.group(1).strip() + ":"):
        return m.group(1).strip(), lead + m.end()
    i = min((j for j in (s.find(":"), s.find("：")) if j > 0), default=-1)
    if 0 < i <= 60:
        name = label_of(s[: i + 1])
        if name:
            rest = s[i + 1 :]
            return name, lead + i + 1 + (len(rest) - len(rest.lstrip()))
    if bare_qa:
        m = _BARE_QA.match(s)
        if m:
            return m.group(1), lead + m.end()
    return None


def _conference(text: str, lines: list[Line], lay0: Layout, scio_labels: bool) -> Reading | None:
    found = _conference_title(lines)
    content = _content(lines)
    bare_qa = any(_BARE_QA.match(ln.content.lstrip()) and ln.content.rstrip().endswith("?") for ln in content)
    labelled = [(ln, None if is_chrome(ln.content) else _inline_label(ln.content, bare_qa)) for ln in content]
    first_label = next((i for i, (_, lab) in enumerate(labelled) if lab), None)
    if found is None:
        if first_label is None:
            return None
        qa = any(lab and lab[0] in _Q_LABELS | _A_LABELS for _, lab in labelled)
        dated = any(
            bool(_is_date_line(ln.content) or _DATE_PREFIX.match(ln.content))
            for ln, _ in labelled[:first_label]
        )
        # labels the SCIO reader did not see ("CCTV: ..." on the line of the speech): questions answered
        answered = sum(
            1  # type: ignore[misc]
            for i in range(1, len(labelled))
            if labelled[i][1] and labelled[i - 1][1] and labelled[i][1][0] != labelled[i - 1][1][0]  # type: ignore[index]
            and labelled[i - 1][0].content.rstrip().endswith("?")
        )  # fmt: skip
        if not (qa or (dated and lay0.date is None) or (answered and not scio_labels)):
            return None
    lay = Layout()
    spokesperson = None
    head_end = 0  # line number of the header's last line
    if found is not None:
        first, last, title, date, spokesperson = found
        lay.title = title
        a = next(ln for ln in lines if ln.no == first)
        z = next(ln for ln in lines if ln.no == last)
        lay.title_span = (a.cstart, z.cend)
        lay.date = date
        head_end = last
    # date and posting lines right after the title (or, with no title, before the first label) are header
    for ln, lab in labelled:
        if ln.no <= head_end:
            continue
        if lab is not None:
            break
        m = _DATE_PREFIX.match(ln.content)
        if _is_date_line(ln.content) or m:
            d = dt.date.fromisoformat(m.group(1)) if m else date_in(ln.content)
            if lay.date is None:
                lay.date = d
            elif d != lay.date and lay.posting_date is None:
                lay.posting_date = d
            head_end = ln.no
            continue
        if found is None and (is_chrome(ln.content) or len(ln.content.split()) <= 3):
            head_end = ln.no  # a menu or breadcrumb line above the first label
            continue
        if found is None and not lay.title and not lay.date and _title_like(ln.content):
            # the title of a transcript page that names no date ("SCIO press conference on ... in the new
            # era"), before its posting line ("China.org.cn | July 4, 2024") and the first label
            lay.title, lay.title_span = ln.content.strip(), (ln.cstart, ln.cend)
            head_end = ln.no
            continue
        break
    if lay.date is None:
        lay.warnings.append((0, "no date found: expected it in the title ('... Regular Press Conference on "
                             "April 28, 2023') or on a line of its own ('2023-04-28')"))  # fmt: skip
    # the answering spokesperson: from the title, else the person who answers most
    if spokesperson is None:
        counts: dict[str, int] = {}
        for i in range(1, len(labelled)):
            lab, prev = labelled[i][1], labelled[i - 1][1]
            asked = prev is not None and (
                labelled[i - 1][0].content.rstrip().endswith("?") or prev[0] in _Q_LABELS
            )
            if lab and asked and prev is not None and lab[0] not in _A_LABELS and prev[0] != lab[0]:
                counts[lab[0]] = counts.get(lab[0], 0) + 1
        if counts:
            spokesperson = max(counts, key=lambda k: counts[k])
    if spokesperson:
        lay.listed.append(Listed(spokesperson, "", "", "official", head_end or 1))
    # turns
    turns: list[Turn] = []
    cur: Turn | None = None
    for ln, lab in labelled:
        if ln.no <= head_end:
            continue
        if lab is not None:
            name, off = lab
            if cur is not None:
                turns.append(cur)
            role, tname = _role(name, spokesperson, lay, text, ln)
            start = ln.cstart + off if ln.cstart + off < ln.cend else ln.cend
            cur = Turn(
                0, name, tname, role, start, ln.cend, ln.no, ln.no, False, (ln.cstart, ln.cstart + off)
            )
            continue
        if cur is None:  # announcements before the first question
            role = "official" if spokesperson else "other"
            cur = Turn(0, None, spokesperson, role, ln.cstart, ln.cend, ln.no, ln.no, False)
            continue
        cur.char_end, cur.line_end = ln.cend, ln.no
    if cur is not None:
        turns.append(cur)
    for k, t in enumerate(turns, 1):
        t.n = k
    if spokesperson is None and turns and turns[0].role == "official" and turns[0].name:
        spokesperson = turns[0].name  # the host who opens the conference ("[Gao Feng]: Dear friends ...")
        lay.listed.append(Listed(spokesperson, "", "", "official", turns[0].line_start))
    # a turn that ends with a question and is not the spokesperson's is a question
    for t in turns:
        other = t.role == "official" and t.speaker and t.name != spokesperson and t.speaker not in _A_LABELS
        if other and text[t.char_start : t.char_end].rstrip().endswith("?"):
            t.role, t.name = "media", t.speaker
    lay.body_start_line = turns[0].line_start if turns else None
    return Reading("conference", lay, turns, _exchanges(turns))


def _role(name: str, spokesperson: str | None, lay: Layout, text: str, ln: Line) -> tuple[str, str | None]:
    if name in _Q_LABELS:
        return "media", None
    if name in _A_LABELS or name == spokesperson:
        return "official", spokesperson if name in _A_LABELS else name
    role = speaker_role(name, lay)
    if role == "chair":
        role = "official"
    return role, name


def _exchanges(turns: list[Turn]) -> list[Exchange]:
    """A question opens an exchange (the same named outlet again is a follow-up); answers join it."""
    out: list[Exchange] = []
    cur: Exchange | None = None
    for t in turns:
        if t.role == "media":
            named = t.speaker not in _Q_LABELS
            if cur is None or not named or cur.outlet != t.speaker:
                cur = Exchange(len(out) + 1, t.speaker if named else None, t.n, None, [])
                out.append(cur)
            t.is_question = True
        elif cur is None:
            continue
        elif t.role == "official":
            t.is_answer = True
            if cur.answerer is None:
                cur.answerer = t.name
        t.exchange = cur.n
        cur.turns.append(t.n)
    return out


# --- statements and press releases --------------------------------------------------------------------


def _is_paragraph(c: str) -> bool:
    """A line of running text: a sentence of eight words or more, or a long line (a headline may be long,
    but it does not end a sentence)."""
    s = c.strip()
    return len(s) >= 160 or (len(s.split()) >= 8 and bool(_SENTENCE_END.search(s)))


def _wrapped_paragraph(text: str, content: list[Line], i: int) -> bool:
    """Line ``i`` opens a paragraph broken into short lines (a hard-wrapped text): it and the lines that
    continue it (the next line, with no blank line between, where the sentence goes on across the break:
    :func:`~briefing.sentences.line_goes_on`) read together as a paragraph."""
    parts = [content[i].content.strip()]
    k = i
    while (
        k + 1 < len(content)
        and content[k + 1].no == content[k].no + 1
        and line_goes_on(text, content[k].end)
        and len(parts) < 40
    ):
        k += 1
        parts.append(content[k].content.strip())
    return k > i and _is_paragraph(" ".join(parts))


_NUMBERS_LINE = re.compile(r"[\d\s|]+")  # a line of page numbers or bars after the text
_CLOSING = re.compile(r"\(([^()]{3,80})\)\s*$")


def _closing_credit(body: list[Line]) -> tuple[str, int] | None:
    """The agency's credit in brackets that closes a text, with its date ("(Xinhua News Agency March 2,
    2005)", on one line or broken over two, maybe before a line of page furniture such as "|"), and how
    many lines from the end it takes; None when the text does not end so."""
    k = len(body)
    while k > 1 and _NUMBERS_LINE.fullmatch(body[k - 1].content):
        k -= 1
    for n in (1, 2):
        if k <= n:
            return None
        lines = body[k - n : k]
        if n == 2 and lines[1].no != lines[0].no + 1:
            return None
        joined = " ".join(ln.content.strip() for ln in lines)
        m = _CLOSING.fullmatch(joined) if joined.startswith("(") else None
        if m and _AGENCY.search(m.group(1)) and date_in(m.group(1)) is not None:
            return m.group(1), len(body) - k + n
    return None


def _title_like(c: str) -> bool:
    s = c.strip()
    if len(s.split()) < 3 or len(s) > 200 or "|" in s or ">" in s or is_chrome(s):
        return False
    if s.startswith(_CREDIT) or s.startswith("(") or s.endswith(")") or len(s.split()) > 25:
        return False  # a credit, a photo caption "... (Xinhua/Qu Zhendong)", a sentence
    return find_date(s) is None and US_DATE.search(s) is None


def _release(text: str, lines: list[Line], source: str) -> Reading:
    lay = Layout()
    content = _content(lines)
    # where the text starts: a dateline paragraph near the top, else the first paragraph
    start = next(
        (i for i, ln in enumerate(content[:25]) if _DATELINE.match(ln.content) and _is_paragraph(ln.content)),
        None,
    )
    if start is None:
        paragraphs = list(
            islice(
                (
                    i
                    for i, c in enumerate(content)
                    if _is_paragraph(c.content) or _wrapped_paragraph(text, content, i)
                ),
                2,
            )
        )
        # a long first line that ends no sentence, before a paragraph, is the headline ("... the national
        # participation rate is stable at around 95%")
        if (
            paragraphs[:1] == [0]
            and len(paragraphs) > 1
            and not _SENTENCE_STOP.search(content[0].content)
            # a line in capitals is a headline even with no blank line after it ("MTI EXPECTS 2011 GROWTH
            # TO BE AROUND 5.0 PER CENT")
            and (not _wrapped_paragraph(text, content, 0) or content[0].content.isupper())
        ):
            paragraphs.pop(0)
        start = paragraphs[0] if paragraphs else None
    if start is None and not any(date_in(ln.content) for ln in content):
        raise TranscriptError(
            source,
            "no date and no paragraph of text found: this does not look like an SCIO transcript (a "
            "'Date:' line, a speaker list, labelled turns), a press conference (a title with its date, "
            "labelled questions and answers) or a statement or press release (a title, a dated line or a "
            "dateline, and paragraphs of text)",
            line=1,
        )
    header = content[:start] if start is not None else content
    body = content[start:] if start is not None else []
    # title: the last title-like line of the header
    titles = [ln for ln in header if _title_like(ln.content)]
    if titles:
        t = titles[-1]
        lay.title, lay.title_span = t.content.strip(), (t.cstart, t.cend)
    # issuer: a header line naming a body, else an agency's credit or the dateline's agency
    issuer = None
    for ln in header:
        if titles and ln is titles[-1]:
            continue
        m = _ISSUER.search(ln.content)
        if m and len(m.group(0).split()) >= 2:
            issuer = m.group(0).strip()
            break
    dl = _DATELINE.match(body[0].content) if body else None
    if issuer is None:
        for ln in header + body[:1]:
            if ln in header and not (
                ln.content.lstrip().startswith(_CREDIT) or ln.content.lstrip().startswith("(")
            ):
                continue
            m = _AGENCY.search(ln.content if ln in header else ln.content[: dl.end()] if dl else "")
            if m:
                issuer = m.group(1)
                break
    # date: the dateline's day with a header date's year, else the last header date, else a date prefix
    header_dates = [d for d in (date_in(ln.content) for ln in header) if d]
    date = None
    if dl and dl.group("date"):
        d = date_in(dl.group("date"))
        if d:
            date = d
        else:
            mon, day = dl.group("date").replace(".", "").split()[:2]
            same = [h for h in header_dates if h.month == MONTHS.get(mon.lower()) and h.day == int(day)]
            date = same[-1] if same else None
    elif header_dates:
        date = header_dates[-1]
    if date is None and body and (od := _OPENING_DATE.match(body[0].content)):
        date = date_in(od.group(1))
    day_only = None  # a dateline's day without its year ("China News Service, February 26.")
    if date is None and body:
        if dl and dl.group("date"):
            day_only = dl.group("date")
        elif (dd := _DATELINE_DAY.match(body[0].content)) and dd.group("date").split()[0].lower().strip(
            "."
        ) in MONTHS:
            day_only = dd.group("date")
    body_start = body[0].cstart if body else None
    if body:
        m = _DATE_PREFIX.match(body[0].content)
        if m:
            date = date or dt.date.fromisoformat(m.group(1))
            body_start = body[0].cstart + m.end()
    if date is None and body and not day_only:
        glued = next((m for ln in header if (m := _GLUED_DATE.search(ln.content))), None)
        if glued:
            date, why = glued_date(text, body[0].cstart, body[-1].cend, glued)
            lay.warnings.append((0, why))
    if date is None and day_only and (named_day := file_day(day_only, source)) is not None:
        # "China News Service, February 26." in "chinanews-2021-02-26.txt": the file's name gives the year
        lay.warnings.append((body[0].no, (
            f"the dateline gives {day_only!r} without a year: the year {named_day.year} is taken from the "
            f"file name, which gives the same day ({named_day.isoformat()})"
        )))  # fmt: skip
        date, day_only = named_day, None
    if date is None and day_only:
        date, named, ambiguous = year_for_day(text, body[0].cstart, body[-1].cend, day_only)
        lay.warnings.append((body[0].no, (
            f"the dateline gives {day_only!r} without a year: the year {date.year} is taken from {named!r}, "
            "the first period the text names with its year" if date else
            f"no date found: the dateline gives {day_only!r} without a year, and the day may fall within "
            f"{named!r} (the first period the text names with its year) or after it; periods such as "
            "'this year' are left unresolved" if ambiguous else
            f"no date found: the dateline gives {day_only!r} without a year, and the text names no period "
            "with its year; periods such as 'this year' are left unresolved"
        )))  # fmt: skip
    closing = _closing_credit(body) if body else None
    if date is None and not day_only and closing is not None:
        date = date_in(closing[0])  # "(Xinhua News Agency March 2, 2005)" closing the text
    lay.date = date
    if date is None and not day_only:
        lay.warnings.append((0, "no date found: expected a dated line ('Updated: May 17, 2024', "
                             "'2024-05-17') or a dateline with its date ('BEIJING, May 17 --'); periods "
                             "such as 'in May' are left unresolved"))  # fmt: skip
    # trailer: a closing credit (maybe broken over two lines), short lines, credits in brackets, numbers
    if closing is not None and len(body) > closing[1]:
        del body[-closing[1] :]
    # a closing run of three or more headlines as bullets ("- Draft law emphasizes ..."): a link list
    k = len(body)
    while k > 1 and _HEADLINE_BULLET.match(body[k - 1].content.strip()):
        k -= 1
    if len(body) - k >= 3:
        del body[k:]
    while len(body) > 1:
        c = body[-1].content.strip()
        if (
            c.startswith("(")
            or _NUMBERS_LINE.fullmatch(c)
            or (len(c) < 60 and not _SENTENCE_END.search(c))
            or is_chrome(c)  # "Go to Forum >>0 Comment(s)"
        ):
            body.pop()
            continue
        break
    if issuer:
        lay.listed.append(Listed(issuer, "", "", "official", header[0].no if header else 1))
    turns: list[Turn] = []
    if body:
        a, z = body[0], body[-1]
        for k, (x, y) in enumerate(_between_link_lists(body, lay)):
            start = body_start or a.cstart if k == 0 else x.cstart
            turns.append(
                Turn(k + 1, None, issuer, "official", start, y.cend, x.no, y.no, k > 0, continues=k > 0)
            )
        lay.body_start_line = a.no
        lay.trailer_start_line = z.no + 1 if z is not content[-1] else None
    return Reading("release", lay, turns, [])


def _between_link_lists(body: list[Line], lay: Layout) -> list[tuple[Line, Line]]:
    """The stretches of the body (first and last line) around link lists: a heading ("Related readings:")
    and the short lines after it that are no paragraph (the headlines, up to a blank line), which are page
    furniture (``lay.furniture``, so their numbers are ``page`` in the ledger)."""
    out: list[tuple[Line, Line]] = []
    first: Line | None = None
    last: Line | None = None
    links = 0  # inside a link list: its lines so far
    teasers = False  # the list gives each story's summary too ("Read more:"): paragraphs stay in it
    prev = None
    for ln in body:
        gap = prev is not None and ln.no > prev.no + 1  # a blank line ends a list after its first headline
        prev = ln
        head = ln.content.strip()
        teaser_head = is_teaser_list(head)
        if (
            is_link_list(head)
            or teaser_head
            or (links and (teasers or not _is_paragraph(ln.content)) and not (gap and links > 1))
        ):
            teasers = teasers or teaser_head
            links += 1
            lay.furniture.append((ln.cstart, ln.cend))
            if first is not None and last is not None:
                out.append((first, last))
            first = last = None
            continue
        links, teasers = 0, False
        first = first or ln
        last = ln
    if first is not None and last is not None:
        out.append((first, last))
    return out


def read_other(
    text: str, lines: list[Line], scio: Layout, scio_turns: list[Turn], source: str
) -> Reading | None:
    """The text read as a conference or a release, or None when it is an SCIO transcript."""
    scio_labels = any(t.speaker for t in scio_turns)
    # a dateline paragraph ("BEIJING, July 14 (Xinhua) -- China's ...") read as an entry of a speaker list
    # ("BEIJING", then a description) is no speaker list
    datelines = {ln.no for ln in _content(lines) if _DATELINE.match(ln.content) and _is_paragraph(ln.content)}
    if any(p.line not in datelines for p in scio.listed) and _conference_title(lines) is None:
        return None
    conf = _conference(text, lines, scio, scio_labels)
    if conf is not None:
        return conf
    if scio_labels or (scio.date and scio_turns and not _release_signs(lines)):
        return None  # an SCIO transcript (a page of one that starts mid-statement has no labels)
    return _release(text, lines, source)


def _release_signs(lines: list[Line]) -> bool:
    """A dateline paragraph, a credit or posting line ("Updated: ...", "Source: ...") near the top, or a
    first line that is a paragraph of several sentences (a story with no header above it)."""
    content = _content(lines)
    if content and _is_paragraph(content[0].content) and len(_SENTENCE_STOP.findall(content[0].content)) >= 2:
        return True
    for ln in content[:25]:
        c = ln.content
        if (_DATELINE.match(c) and _is_paragraph(c)) or c.startswith(_CREDIT) or _DATE_PREFIX.match(c):
            return True
    return False
