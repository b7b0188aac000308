"""The layout vocabulary (``briefing/data/layout.yml``, compiled) and the classification of one line:
a header heading, a speaker label, page chrome, the trailer, page furniture."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

from ..dates import find_date
from ..lexicon import Lexicon, active
from .lines import _BULLET, _STRIP, Line


class _Vocab(NamedTuple):
    """``briefing/data/layout.yml``, compiled."""

    headings: dict[str, str]  # heading word (lower case) -> speakers | chair | date | other
    chrome: re.Pattern[str]
    trailer: re.Pattern[str]
    photo_credit: re.Pattern[str]
    honorific: re.Pattern[str]
    chair_affiliation: re.Pattern[str]
    page_furniture: re.Pattern[str]
    link_lists: re.Pattern[str]
    teaser_lists: re.Pattern[str]
    posting_line: re.Pattern[str]
    small_words: frozenset[str]  # lower-case words a title-case line may hold
    entry: re.Pattern[str]  # a speaker-list entry: "Zhao Zhiguo, spokesperson of ..."
    official_words: re.Pattern[str]


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# A name in Chinese characters beside the English one ("Zhao Zhiguo 赵志国", "赵志国 Zhao Zhiguo",
# "Zhao Zhiguo（赵志国）"); "·" joins the parts of a transcribed foreign name.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_NAME = re.compile(rf"[(（]?[{_HAN}][{_HAN}·・]*[)）]?")
# A curly apostrophe is allowed inside or at the end of a word ("People’s", "Workers’"), not as a quote.
_BAD_LABEL_CHARS = re.compile(r"[?!;\"“”‘…]|(?<![^\W\d_])’|[.,]\s+[a-z]|https?:|www\.")
_WORD = re.compile(r"[^\s]+")
_HEADING_WITH_VALUE = re.compile(r"^(?P<head>[A-Za-z][A-Za-z ]{1,25}?)\s*[:：]\s*(?P<rest>.*)$")


def _vocab() -> _Vocab:
    """The layout words of the active lexicon (:func:`briefing.lexicon.active`), compiled."""
    return _compiled(active())


@lru_cache(maxsize=8)
def _compiled(lexicon: Lexicon) -> _Vocab:
    v = lexicon.layout
    heads = {}
    for kind, words in v["headings"].items():
        for w in words:
            heads[w.lower()] = kind
    honor = sorted(v["honorifics"], key=len, reverse=True)
    # the honorifics without their dots ("Mr", "Dr"), for a speaker-list entry
    honor_words = "|".join(re.escape(h) for h in dict.fromkeys(h.rstrip(".") for h in v["honorifics"]))
    return _Vocab(
        headings=heads,
        chrome=_any_of(v["chrome"]),
        trailer=_any_of(v["trailer"]),
        photo_credit=re.compile(v["photo_credit"], re.IGNORECASE),
        honorific=re.compile(r"^(?:" + "|".join(re.escape(h) for h in honor) + r")(?=\s)\s*"),
        chair_affiliation=re.compile("|".join(re.escape(a) for a in v["chair_affiliation"]), re.IGNORECASE),
        page_furniture=_any_of(v["page_furniture"]),
        link_lists=_any_of(v["link_lists"]),
        teaser_lists=_any_of(v["teaser_lists"]),
        posting_line=_any_of(v["posting_line"]),
        small_words=frozenset(w.lower() for w in v["small_words"]),
        entry=re.compile(
            rf"^(?P<name>(?:[(（]?[{_HAN}][{_HAN}·・]*[)）]?\s*)?"
            rf"(?:(?:{honor_words})\.?\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}}"
            rf"(?:\s*[(（]?[{_HAN}][{_HAN}·・]*[)）]?)?)"
            # not a news dateline: "BEIJING, June 7 (Xinhua) -- ..." (a month and a day after the comma)
            r"\s*[,，]\s*(?![A-Z][a-z]{2,8}\.?\s\d{1,2}\b)(?P<desc>\S.*)$"
        ),
        official_words=re.compile(r"\b(" + "|".join(v["official_words"]) + r")\b", re.IGNORECASE),
    )


_PLACE_LINE = re.compile(r"^(?P<left>[^|]{2,60}?)\s*[|｜]\s*(?P<right>.+)$")
_SUMMARY = re.compile(r"\b(press conference|briefing|news conference|held)\b", re.IGNORECASE)
# A page number before or after a running head: "3  SCIO briefing on ...", "... | Page 3 of 12".
_HEAD_PAGE_NO = re.compile(
    r"^(?:page\s+)?\d{1,4}\s+|\s+(?:[|·•-]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$"
)
_COLON_NEAR_START = re.compile(r"^.{1,27}[:：]")


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
    small = _vocab().small_words
    if not (first[0].isupper() or first[0].isdigit() or first[0] in "(“\"'"):
        return None
    for w in words[1:]:
        c = w[0]
        if not (c.isupper() or c.isdigit() or c in "(&-–/'’" or w.lower() in small):
            return None
    if heading_of(content) is not None:
        return None
    return name


def is_chrome(content: str) -> bool:
    """Web-page furniture ("Share:", pagination, breadcrumb): never speech, and it ends a turn."""
    return bool(_vocab().chrome.match(content))


def is_link_list(content: str) -> bool:
    """The heading of a list of links ("Related readings:", "Most read"): what follows it is furniture."""
    return bool(_vocab().link_lists.match(content))


def is_teaser_list(content: str) -> bool:
    """The heading of a list of other stories with their summaries ("Read more:"): its paragraphs are
    furniture too, up to a blank line."""
    return bool(_vocab().teaser_lists.match(content))


def is_trailer(content: str) -> bool:
    return bool(_vocab().trailer.match(content))


def is_page_furniture(content: str, title: str = "") -> bool:
    """A line a printed page adds: a page number ("Page 3 of 12"), a print header or footer, or a
    running head repeating ``title`` (maybe with a page number, maybe cut short). Not speech; inside a
    turn the speaker resumes after it."""
    if _vocab().page_furniture.match(content) or _mostly_han(content):
        return True
    if not title or len(content) > len(title) + 24:  # the length check keeps the patterns below cheap
        return False
    t = _norm_title(title)
    c = _HEAD_PAGE_NO.sub("", _norm(content)).rstrip(".…").rstrip()
    return c == t or (len(c) >= 24 and t.startswith(c))


_HAN_CHAR = re.compile(rf"[{_HAN}]")
_MIN_HAN = 8  # a line with fewer characters in Chinese script may be a label or a name ("李文浩:")


def _mostly_han(content: str) -> bool:
    """A line of an English page written mostly in Chinese characters: the link text a mirror copy adds
    above the page, or the Chinese original beside a translated paragraph. Not the English text."""
    if len(content) < _MIN_HAN or content.isascii():  # no character in Chinese script: most lines stop here
        return False
    n = len(_HAN_CHAR.findall(content))
    return n >= _MIN_HAN and 2 * n >= len(content.replace(" ", ""))


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
        v = _vocab()
        e = v.entry.match(nxt) if nxt and len(nxt) <= 300 and nxt[-1] not in "?!" else None
        if (
            e
            and len(_clean_name(e.group("name"))[0].split()) >= 2
            and v.official_words.search(e.group("desc"))
        ):
            return "new"
        return None
    else:
        return None
    if found is None:
        return None
    return "same" if found[0] == date else "new"
