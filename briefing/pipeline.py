"""The parse as an explicit pipeline: each step a function of what the earlier steps returned.

:func:`run` reads one transcript in this order, and every step returns something new instead of changing
what an earlier step made (``tests/test_pipeline.py`` checks that, on the bundled transcript and on a
page with furniture, by comparing each step's output before and after the later steps ran):

1. **fold** the text (look-alike characters read as ASCII, same length: every span indexes the text)
2. **layout**: title, header, body lines, trailer (``layout.read_layout``)
3. **turns** and **exchanges** (``dialogue``); or the reading of another format (``formats.read_other``)
4. **meta**: what the header and trailer say
5. **sentences** of every turn (``sentences.split_spans``, paragraph by paragraph)
6. **ledger**: every numeric token with its role (``numbers.find_tokens``), page furniture as ``page``,
   and the sentence each token is in (a token outside every sentence is part of a speaker's label)
7. **periods** of the sentences that hold a figure (``periods.sentence_periods``)
8. **figures**: value, unit, kind, sign, approximation, baseline, period, subject (``figures``)
9. **sectors**: the home sector, the topic of each exchange and the sector of each figure (``sectors``)

The result is a frozen :class:`Steps`; :class:`briefing.Briefing` is a view of it plus its tables.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .dialogue import Exchange, Turn, build_exchanges, build_turns, empty_turn_warnings, slug
from .errors import TranscriptError
from .figures import Figure, Sentence, build_figures
from .formats import read_other
from .layout import Layout, read_layout, split_lines
from .lexicon import Lexicon, reading
from .numbers import Token, find_tokens
from .page_dates import file_date
from .periods import sentence_periods
from .sectors import exchange_topics, figure_sectors, home_sector
from .sentences import split_spans
from .text import fold, lower

__all__ = ["Meta", "Steps", "briefing_id_for", "run"]

_PARA = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Meta:
    """What the header and trailer say about the briefing."""

    briefing_id: str
    source_file: str
    title: str
    date: dt.date | None
    time: str | None
    place: str | None
    summary: str
    speakers: tuple[str, ...]  # officials listed in the header, in order
    chair: str | None
    translators: tuple[str, ...]
    captions: tuple[str, ...]
    photo_credit: str
    posting_date: dt.date | None
    sha256: str  # of the parsed text, UTF-8
    n_chars: int
    warnings: tuple[str, ...] = field(default=())
    layout_format: str = "scio"  # scio | conference | release (briefing/formats.py)
    source_format: str = "text"  # text | html: the text was read out of a web page (briefing/html.py)

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class Steps:
    """What each step of a parse returned, in the order the steps run (see the module's docstring)."""

    text: str  # the transcript as given (normalised); rows are cut from it
    match: str  # the look-alike-folded copy every rule reads (same length as ``text``)
    layout: Layout
    turns: tuple[Turn, ...]
    exchanges: tuple[Exchange, ...]
    meta: Meta
    sentences: tuple[Sentence, ...]  # with the periods found in them
    tokens: tuple[Token, ...]  # the ledger, in text order
    token_sentence: tuple[int, ...]  # index of each token's sentence, -1 inside a speaker's label
    figures: tuple[Figure, ...]
    home: str | None  # the sector the briefing is about
    topics: Mapping[int, str | None]  # sector of each exchange's question, by exchange number


def briefing_id_for(source: str, date: dt.date | None) -> str:
    """File stem when it starts with the date (``2023-10-20-miit-...``), else ``<date>-<slug>``."""
    stem = Path(source).name
    for suffix in (".txt", ".text", ".md"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    s = slug(stem)
    if date is None:
        return s
    if s.startswith(date.isoformat()):
        return s
    return f"{date.isoformat()}-{s}"


def run(text: str, source: str, lexicon: Lexicon | None = None, *, source_format: str = "text") -> Steps:
    """Parse normalised transcript text: every step in order (module docstring); raises
    :class:`TranscriptError` when the text is not a briefing."""
    lexicon = lexicon or Lexicon.bundled()
    with reading(lexicon):  # the layout reader and the dialogue read their words from it
        return _run(text, source, lexicon, source_format)


def _run(text: str, source: str, lexicon: Lexicon, source_format: str) -> Steps:
    match = fold(text)
    lines = split_lines(match)
    layout = read_layout(match, lines)
    turns = build_turns(match, layout)
    turns, exchanges = build_exchanges(turns)
    layout_format, warned = "scio", empty_turn_warnings(turns)
    other = read_other(match, lines, layout, turns, source)  # a conference or a release
    if other is not None:
        layout, turns, exchanges = other.layout, other.turns, other.exchanges
        layout_format, warned = other.format, []
    elif not (layout.date or layout.listed or any(t.speaker for t in turns)):
        raise TranscriptError(
            source,
            "no briefing date, speaker list or speaker label found: "
            "this does not look like an SCIO transcript",
            line=1,
        )
    warnings = [*layout.warnings, *warned]
    named = None  # a text that gives no date is read against the date in its file name, if any
    if layout.date is None and layout.posting_date is None and (named := file_date(source)) is not None:
        warnings.append((0, f"periods are read against the date in the file name ({named.isoformat()})"))
    meta = read_meta(text, source, layout, turns, warnings, layout_format, source_format)
    low = lower(match)
    sentences = split_sentences(match, turns)
    unread = layout.unread_start_line  # a second briefing starts on this line: not read, not in the ledger
    end = lines[unread - 1].start if unread is not None and other is None else None
    tokens, token_sentence = ledger(match, low, layout, turns, sentences, lexicon, end)
    # without a briefing date (a later page of a split transcript), periods are read against the day the
    # page was posted: the date of the text; without that, against the date in the file name
    periods = sentence_periods(
        match, low, sentences, tokens, token_sentence, meta.date or layout.posting_date or named
    )
    sentences = [  # a new record for each sentence with periods (the others have none to add)
        Sentence(s.start, s.end, s.paragraph, s.turn, p) if p else s
        for s, p in zip(sentences, periods, strict=True)
    ]
    figures = build_figures(match, tokens, sentences, token_sentence, low, lexicon)
    home = home_sector(meta.title or "", match)
    topics = exchange_topics(match, exchanges, turns, home)
    sectors = figure_sectors(match, figures, sentences, turns, topics, home)
    figures = [dataclasses.replace(f, sector=s) for f, s in zip(figures, sectors, strict=True)]
    return Steps(
        text, match, layout, tuple(turns), tuple(exchanges), meta, tuple(sentences), tuple(tokens),
        tuple(token_sentence), tuple(figures), home, MappingProxyType(topics),
    )  # fmt: skip


def read_meta(
    text: str,
    source: str,
    lay: Layout,
    turns: list[Turn],
    warnings: list[tuple[int, str]],
    layout_format: str,
    source_format: str,
) -> Meta:
    """The briefing's metadata from its layout (the chair, if the header names none, is who chairs)."""
    return Meta(
        briefing_id=briefing_id_for(source, lay.date),
        source_file=source,
        title=lay.title,
        date=lay.date,
        time=lay.time,
        place=lay.place,
        summary=lay.summary,
        speakers=tuple(p.name for p in lay.listed if p.role == "official"),
        chair=lay.chair or next((t.name for t in turns if t.role == "chair"), None),
        translators=tuple(lay.translators),
        captions=tuple(lay.captions),
        photo_credit=lay.photo_credit,
        posting_date=lay.posting_date,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        n_chars=len(text),
        warnings=tuple(f"line {ln}: {msg}" if ln else msg for ln, msg in warnings),
        layout_format=layout_format,
        source_format=source_format,
    )


_LINE_END = re.compile(r"\n")
#: What ends a line that ends a paragraph written on one line: a sentence's end.
_PARA_LINE_END = tuple(".!?…\"”’')]。")


def _line_paragraphs(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The paragraphs of a stretch with no blank line: each line is one when every line but the last ends
    a sentence (a page that writes one paragraph a line, with no blank lines between), else the stretch
    is one paragraph (a hard-wrapped text, whose lines break inside sentences)."""
    cuts = [m.start() for m in _LINE_END.finditer(text, a, b)]
    ended = [text[a:k].rstrip().endswith(_PARA_LINE_END) if text[a:k].strip() else True for k in cuts]
    # lines after the last one that ends a sentence (the headlines of related stories under a story) are
    # one paragraph of their own: they do not make the story's lines one paragraph
    n = max((i + 1 for i, e in enumerate(ended) if e and text[a : cuts[i]].strip()), default=0)
    if n == 0 or not all(ended[:n]) or (n < len(cuts) and n < 3):
        return [(a, b)]
    starts = [a] + [k + 1 for k in cuts[:n]]
    ends = cuts[:n] + [b]
    return [(s, e) for s, e in zip(starts, ends, strict=True) if text[s:e].strip()]


def split_sentences(text: str, turns: list[Turn]) -> list[Sentence]:
    """The sentences of every turn, paragraph by paragraph (blank lines break paragraphs, and so do line
    breaks in a stretch whose every line ends a sentence), without periods."""
    out: list[Sentence] = []
    for ti, t in enumerate(turns):
        a, b = t.char_start, t.char_end
        breaks = [m.span() for m in _PARA.finditer(text, a, b)]
        para_starts = [a] + [e for _, e in breaks]
        para_ends = [s for s, _ in breaks] + [b]
        for qs, qe in zip(para_starts, para_ends, strict=True):
            for ps, pe in _line_paragraphs(text, qs, qe):
                for ss, se in split_spans(text, ps, pe):
                    out.append(Sentence(ss, se, (ps, pe), ti, []))
    return out


def ledger(
    text: str,
    low: str,
    lay: Layout,
    turns: list[Turn],
    sentences: list[Sentence],
    lexicon: Lexicon,
    end: int | None = None,
) -> tuple[list[Token], list[int]]:
    """Every numeric token of the text up to ``end`` (where a second briefing starts, else the end), in
    text order, and the index of each one's sentence (-1 outside every sentence).

    A token in a speaker's label that reads as a statistic is part of a name (``name``). Outside the turns
    (the title, the header, the trailer, page furniture between turns) no number is a statistic: a token on
    a line of page furniture has the role ``page``, and elsewhere a token keeps its role (a date, a year, a
    time) unless it would be a figure, when it is ``page`` too. So nothing of the page is left out of the
    ledger. Each ledger row names a turn, so a text with no turn records none."""
    if not turns:
        return [], []
    spans = []
    for t in turns:
        if t.label_span:
            spans.append(t.label_span)
        spans.append((t.char_start, t.char_end))
    spans.sort()
    # The turns, their labels and the text outside them cover the page up to ``end``: one scan reads it
    # all (a token never crosses from a label into its turn: a label ends with its colon).
    stop = len(text) if end is None else end
    furniture = sorted(lay.furniture)
    tokens = []
    for tok in find_tokens(text, [(0, stop)], low, lexicon):
        k = bisect.bisect_right(spans, (tok.start, len(text))) - 1
        if k >= 0 and spans[k][0] <= tok.start < spans[k][1]:
            tokens.append(tok)
            continue
        k = bisect.bisect_right(furniture, (tok.start, len(text))) - 1
        on_furniture = k >= 0 and furniture[k][0] <= tok.start < furniture[k][1]
        tokens.append(dataclasses.replace(tok, role="page") if on_furniture or tok.role == "figure" else tok)
    starts = [s.start for s in sentences]
    out: list[Token] = []
    of: list[int] = []
    for tok in tokens:
        k = bisect.bisect_right(starts, tok.start) - 1
        if k >= 0 and sentences[k].end >= tok.end:
            of.append(k)
        else:  # in a label, or outside the turns (made ``page`` above)
            of.append(-1)
            if tok.role == "figure":
                tok = dataclasses.replace(tok, role="name")
        out.append(tok)
    return out, of
