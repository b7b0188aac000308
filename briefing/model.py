"""The Briefing object: a parsed transcript and its tidy tables.

``parse`` does the reading (layout, turns, exchanges, sentences, numbers, figures) eagerly and cheaply;
each DataFrame is built and validated against its schema the first time it is asked for.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from . import html, schema
from .dialogue import Exchange, Turn, build_exchanges, build_turns, slug
from .errors import TranscriptError
from .figures import Figure, Sentence, build_figures
from .formats import read_other
from .layout import Layout, read_layout, split_lines
from .lexicon import Lexicon
from .numbers import Token, find_tokens
from .periods import find_periods
from .sectors import assign_sectors, exchange_topics, home_sector
from .sentences import split_spans
from .text import fold, lower, normalise, read_text

__all__ = ["Briefing", "Meta", "Steps", "parse", "read", "load", "briefing_id_for"]

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


@dataclass(frozen=True)
class Steps:
    """What each step of a parse found, in the order the steps run: the page's layout (title, header,
    body lines), the speakers' turns and the question-and-answer exchanges, the sentences of each
    turn, the numeric tokens of the ledger (each with its role) and the figures (the statistics)."""

    layout: Layout
    turns: tuple[Turn, ...]
    exchanges: tuple[Exchange, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    figures: tuple[Figure, ...]


class Briefing:
    """A parsed SCIO briefing transcript. Build one with :func:`parse`, :func:`read` or :func:`load`."""

    def __init__(
        self, text: str, source: str, lexicon: Lexicon | None = None, *, source_format: str = "text"
    ) -> None:
        self.text = text
        self.source = source
        #: The vocabularies this briefing was read with (:meth:`Lexicon.bundled` unless given).
        self.lexicon = lexicon = lexicon or Lexicon.bundled()
        # Every rule reads the look-alike-folded copy (full-width digits, U+2212, no-break spaces read as
        # ASCII; same length), and every span it finds indexes ``text``, which rows are cut from.
        self._match = match = fold(text)
        lines = split_lines(match)
        self._layout: Layout = read_layout(match, lines)
        lay = self._layout
        self._turns: list[Turn] = build_turns(match, lay)
        self._exchanges: list[Exchange] = build_exchanges(self._turns)
        self._formats = ("scio", source_format)
        other = read_other(match, lines, lay, self._turns, source)  # a conference or a release
        if other is not None:
            self._layout, self._turns, self._exchanges = other.layout, other.turns, other.exchanges
            lay = self._layout
            self._formats = (other.format, source_format)
        if other is None and not (lay.date or lay.listed or any(t.speaker for t in self._turns)):
            raise TranscriptError(
                source,
                "no briefing date, speaker list or speaker label found: "
                "this does not look like an SCIO transcript",
                line=1,
            )
        self.meta = self._meta()
        self._sentences: list[Sentence] = []
        self._sentence_turn: list[int] = []
        self._build_sentences()
        self._tokens: list[Token] = []
        self._token_sentence: list[int] = []
        self._figures: list[Figure] = []
        self._build_numbers(lower(match), lexicon)
        #: What each step of the parse found, in order (the tables are cut from these).
        self.steps = Steps(
            self._layout,
            tuple(self._turns),
            tuple(self._exchanges),
            tuple(self._sentences),
            tuple(self._tokens),
            tuple(self._figures),
        )

    # ------------------------------------------------------------------ reading
    def _meta(self) -> Meta:
        lay = self._layout
        return Meta(
            briefing_id=briefing_id_for(self.source, lay.date),
            source_file=self.source,
            title=lay.title,
            date=lay.date,
            time=lay.time,
            place=lay.place,
            summary=lay.summary,
            speakers=tuple(p.name for p in lay.listed if p.role == "official"),
            chair=lay.chair or next((t.name for t in self._turns if t.role == "chair"), None),
            translators=tuple(lay.translators),
            captions=tuple(lay.captions),
            photo_credit=lay.photo_credit,
            posting_date=lay.posting_date,
            sha256=hashlib.sha256(self.text.encode("utf-8")).hexdigest(),
            n_chars=len(self.text),
            warnings=tuple(f"line {ln}: {msg}" if ln else msg for ln, msg in lay.warnings),
            layout_format=self._formats[0],
            source_format=self._formats[1],
        )

    def _build_sentences(self) -> None:
        text = self._match
        for ti, t in enumerate(self._turns):
            a, b = t.char_start, t.char_end
            breaks = [m.span() for m in _PARA.finditer(text, a, b)]
            para_starts = [a] + [e for _, e in breaks]
            para_ends = [s for s, _ in breaks] + [b]
            for ps, pe in zip(para_starts, para_ends, strict=True):
                for ss, se in split_spans(text, ps, pe):
                    self._sentences.append(Sentence(ss, se, (ps, pe), ti, []))
                    self._sentence_turn.append(ti)

    def _find_periods(self, low: str) -> None:
        """Period phrases of each sentence, looked for only in paragraphs that hold a figure, up to the
        end of the last sentence with one (a figure takes its period from its own sentence or from
        earlier in its paragraph)."""
        wanted: dict[tuple[int, int], int] = {}  # paragraph -> end of its last sentence with a figure
        for tok, k in zip(self._tokens, self._token_sentence, strict=True):
            if k >= 0 and tok.role == "figure":
                s = self._sentences[k]
                wanted[s.paragraph] = max(wanted.get(s.paragraph, 0), s.end)
        # without a briefing date (a later page of a split transcript), periods are read against the day
        # the page was posted: the date of the text
        date = self.meta.date or self._layout.posting_date
        sentences = self._sentences
        i = 0
        while i < len(sentences):
            para = sentences[i].paragraph
            j = i
            while j < len(sentences) and sentences[j].paragraph == para:
                j += 1
            if para in wanted:
                periods = find_periods(self._match, para[0], wanted[para], date, low)
                k = 0  # periods and sentences are both in text order: one pass pairs them
                for s in sentences[i:j]:
                    while k < len(periods) and periods[k].start < s.start:
                        k += 1
                    e = k
                    while e < len(periods) and periods[e].end <= s.end:
                        e += 1
                    s.periods = periods[k:e]
                    k = e
            i = j

    def _build_numbers(self, low: str, lexicon: Lexicon) -> None:
        spans = []
        for t in self._turns:
            if t.label_span:
                spans.append(t.label_span)
            spans.append((t.char_start, t.char_end))
        self._tokens = find_tokens(self._match, spans, low, lexicon)
        if self._layout.furniture and self._turns:  # page furniture: in the ledger, never a statistic
            # (each ledger row names a turn: the one before it, or the first; a page with no turn has none)
            page = find_tokens(self._match, self._layout.furniture, low, lexicon)
            for tok in page:
                tok.role = "page"
            self._tokens = sorted(self._tokens + page, key=lambda t: t.start)
        starts = [s.start for s in self._sentences]
        for tok in self._tokens:
            k = bisect.bisect_right(starts, tok.start) - 1
            if k >= 0 and self._sentences[k].end >= tok.end:
                self._token_sentence.append(k)
            else:  # in a speaker label: part of a name, never a statistic
                self._token_sentence.append(-1)
                if tok.role == "figure":
                    tok.role = "name"
        self._find_periods(low)
        self._figures = build_figures(
            self._match, self._tokens, self._sentences, self._token_sentence, low, lexicon
        )
        assign_sectors(self._match, self._figures, self._sentences, self._turns, self._topics, self._home)

    @cached_property
    def _home(self) -> str | None:
        """The sector the briefing is about, from its title (else its text): ``sectors.home_sector``."""
        return home_sector(self.meta.title or "", self._match)

    @cached_property
    def _topics(self) -> dict[int, str | None]:
        """Sector of each exchange's question, by exchange number (worked out once)."""
        return exchange_topics(self._match, self._exchanges, self._turns, self._home)

    # ------------------------------------------------------------------ ids
    @property
    def briefing_id(self) -> str:
        return self.meta.briefing_id

    @staticmethod
    def _tid(n: int) -> str:
        return f"T{n:03d}"

    @staticmethod
    def _eid(n: int | None) -> str | None:
        return None if n is None else f"E{n:02d}"

    def _speaker_id(self, t: Turn) -> str | None:
        return slug(t.name) if t.name else None

    @property
    def warnings(self) -> tuple[str, ...]:
        """Things the reader noticed but could place (a label with no speech, two dates, ...)."""
        return self.meta.warnings

    # ------------------------------------------------------------------ tables
    def _rows_turns(self) -> list[dict]:
        n_sent = [0] * len(self._turns)
        for ti in self._sentence_turn:
            n_sent[ti] += 1
        rows = []
        for t, ns in zip(self._turns, n_sent, strict=True):
            txt = self.text[t.char_start : t.char_end]
            rows.append(
                {
                    "briefing_id": self.briefing_id,
                    "turn_id": self._tid(t.n),
                    "speaker_id": self._speaker_id(t),
                    "speaker": t.speaker,
                    "role": t.role,
                    "exchange_id": self._eid(t.exchange),
                    "is_question": t.is_question,
                    "is_answer": t.is_answer,
                    "text": txt,
                    "n_words": len(txt.split()),
                    "n_sentences": ns,
                    "char_start": t.char_start,
                    "char_end": t.char_end,
                    "line_start": t.line_start,
                    "line_end": t.line_end,
                }
            )
        return rows

    def _rows_speakers(self) -> list[dict]:
        lay = self._layout
        rows: dict[str, dict] = {}
        for p in lay.listed:
            sid = slug(p.name)
            rows[sid] = {
                "briefing_id": self.briefing_id,
                "speaker_id": sid,
                "name": p.name,
                "role": p.role,
                "affiliation": p.description,
                "honorific": p.honorific,
                "is_listed": True,
                "n_turns": 0,
                "n_words": 0,
                "first_turn_id": None,
            }
        for t in self._turns:
            if not t.name:
                continue
            sid = slug(t.name)
            r = rows.setdefault(
                sid,
                {
                    "briefing_id": self.briefing_id,
                    "speaker_id": sid,
                    "name": t.name,
                    "role": t.role,
                    "affiliation": t.name if t.role == "media" else "",
                    "honorific": "",
                    "is_listed": False,
                    "n_turns": 0,
                    "n_words": 0,
                    "first_turn_id": None,
                },
            )
            r["n_turns"] += 1
            r["n_words"] += len(self.text[t.char_start : t.char_end].split())
            if r["first_turn_id"] is None:
                r["first_turn_id"] = self._tid(t.n)
        return list(rows.values())

    def _rows_exchanges(self) -> list[dict]:
        topics = self._topics
        rows = []
        for e in self._exchanges:
            turns = [self._turns[n - 1] for n in e.turns]
            rows.append(
                {
                    "briefing_id": self.briefing_id,
                    "exchange_id": self._eid(e.n),
                    "outlet": e.outlet,
                    "question_turn_id": self._tid(e.question_turn),
                    "answerer": e.answerer,
                    "answerer_id": slug(e.answerer) if e.answerer else None,
                    "topic": topics.get(e.n),
                    "n_turns": len(e.turns),
                    "n_questions": sum(t.is_question for t in turns),
                    "n_answers": sum(t.is_answer for t in turns),
                }
            )
        return rows

    def _rows_sentences(self) -> list[dict]:
        rows = []
        para_index: dict[tuple[int, int], int] = {}
        last_turn = -1
        for k, s in enumerate(self._sentences, 1):
            t = self._turns[s.turn]
            if s.turn != last_turn:
                para_index = {}
                last_turn = s.turn
            p = para_index.setdefault(s.paragraph, len(para_index))
            txt = self.text[s.start : s.end]
            rows.append(
                {
                    "briefing_id": self.briefing_id,
                    "sentence_id": f"S{k:04d}",
                    "turn_id": self._tid(t.n),
                    "exchange_id": self._eid(t.exchange),
                    "speaker_id": self._speaker_id(t),
                    "paragraph": p,
                    "text": txt,
                    "n_words": len(txt.split()),
                    "char_start": s.start,
                    "char_end": s.end,
                }
            )
        return rows

    @cached_property
    def _turn_starts(self) -> list[int]:
        return [t.label_span[0] if t.label_span else t.char_start for t in self._turns]

    def _turn_of_offset(self, pos: int) -> int:
        return bisect.bisect_right(self._turn_starts, pos) - 1

    def _rows_numbers(self) -> list[dict]:
        fig_of = {id(f.token): k for k, f in enumerate(self._figures, 1)}
        rows = []
        last_fig: tuple[int, int] | None = None  # (sentence, figure number) of the latest figure
        for k, (tok, si) in enumerate(zip(self._tokens, self._token_sentence, strict=True), 1):
            ti = self._sentences[si].turn if si >= 0 else max(self._turn_of_offset(tok.start), 0)
            fk = fig_of.get(id(tok))
            if fk:
                last_fig = (si, fk)
            elif tok.role == "part_of_figure" and last_fig and last_fig[0] == si:
                fk = last_fig[1]  # the "41" of "27 of 41" belongs to the figure before it
            rows.append(
                {
                    "briefing_id": self.briefing_id,
                    "number_id": f"N{k:04d}",
                    "surface": self.text[tok.start : tok.end],
                    "char_start": tok.start,
                    "char_end": tok.end,
                    "turn_id": self._tid(self._turns[ti].n),
                    "sentence_id": f"S{si + 1:04d}" if si >= 0 else None,
                    "role": tok.role,
                    "figure_id": f"F{fk:03d}" if fk else None,
                }
            )
        return rows

    def _rows_figures(self) -> list[dict]:
        rows = []
        quotes: dict[int, str] = {}  # one copy of each sentence, shared by its figures' rows
        for k, f in enumerate(self._figures, 1):
            s = self._sentences[f.sentence]
            quote = quotes.get(f.sentence)
            if quote is None:
                quote = quotes[f.sentence] = self.text[s.start : s.end]
            t = self._turns[s.turn]
            p = f.period
            rows.append(
                {
                    "briefing_id": self.briefing_id,
                    "figure_id": f"F{k:03d}",
                    "turn_id": self._tid(t.n),
                    "exchange_id": self._eid(t.exchange),
                    "sentence_id": f"S{f.sentence + 1:04d}",
                    "speaker": t.name,
                    "speaker_id": self._speaker_id(t),
                    "value": f.value,
                    "unit": f.unit,
                    "kind": f.kind,
                    "approx": f.approx,
                    "period": p.iso if p else None,
                    "period_start": p.first if p else None,
                    "period_end": p.last if p else None,
                    "period_text": self.text[p.start : p.end] if p else None,
                    "baseline": f.baseline,
                    "subject": f.subject,
                    "sector": f.sector,
                    "of_total": f.of_total,
                    "surface": self.text[f.token.start : f.end],
                    "char_start": f.token.start,
                    "char_end": f.end,
                    "quote": quote,
                    "quote_start": s.start,
                }
            )
        from .checks.repeats import (
            repeat_links,
            shared_subjects,
        )  # issue 14: later mentions point to the first

        if not rows:
            return rows
        frame = pd.DataFrame(rows)
        links = repeat_links(frame, self.text, self.meta.date)
        for row, first, subject in zip(rows, links, shared_subjects(frame, links, self.text), strict=True):
            row["repeat_of"], row["subject"] = first, subject
        return rows

    def _rows_briefings(self) -> list[dict]:
        m = self.meta
        row = {
            "briefing_id": m.briefing_id,
            "source_file": m.source_file,
            "title": m.title,
            "date": m.date,
            "time": m.time,
            "place": m.place,
            "chair": m.chair,
            "n_listed_speakers": len(self._layout.listed),
            "n_turns": len(self._turns),
            "n_exchanges": len(self._exchanges),
            "n_figures": len(self._figures),
        }
        return [row]

    def records(self, table: str) -> list[dict]:
        """Rows of ``table`` as dictionaries (what the DataFrame is built from)."""
        return getattr(self, f"_rows_{table}")()

    @cached_property
    def briefings(self) -> pd.DataFrame:
        """One row: the briefing's metadata and counts."""
        return schema.frame("briefings", self.records("briefings"))

    @cached_property
    def speakers(self) -> pd.DataFrame:
        """One row per person or outlet: listed officials and chair, and every speaker label."""
        return schema.frame("speakers", self.records("speakers"))

    @cached_property
    def turns(self) -> pd.DataFrame:
        """One row per turn of speech, in order, with its text and span."""
        return schema.frame("turns", self.records("turns"))

    @cached_property
    def exchanges(self) -> pd.DataFrame:
        """One row per Q&A exchange: the outlet that asks and the official who answers."""
        return schema.frame("exchanges", self.records("exchanges"))

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence of every turn."""
        return schema.frame("sentences", self.records("sentences"))

    @cached_property
    def numbers(self) -> pd.DataFrame:
        """The ledger: one row per numeric token in the body, with its role."""
        return schema.frame("numbers", self.records("numbers"))

    @cached_property
    def figures(self) -> pd.DataFrame:
        """One row per mention of a statistic, typed and traced to its span."""
        return schema.frame("figures", self.records("figures"), extra_units=self._extra_units)

    @cached_property
    def _extra_units(self) -> tuple[str, ...]:
        """Units of this briefing's lexicon that the bundled one lacks (categories of the unit column)."""
        if self.lexicon is Lexicon.bundled():
            return ()
        bundled = set(Lexicon.bundled().unit_names)
        return tuple(u for u in self.lexicon.unit_names if u not in bundled)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name, in schema order."""
        return {name: getattr(self, name) for name in schema.TABLES}

    def __repr__(self) -> str:
        m = self.meta
        return (
            f"<Briefing {m.briefing_id!r}: {m.date}, {len(self._turns)} turns, "
            f"{len(self._exchanges)} exchanges, {len(self._figures)} figures>"
        )


def parse(text: str, source: str = "<string>", *, lexicon: Lexicon | None = None) -> Briefing:
    """Parse transcript text (BOM and CRLF are normalised) into a :class:`Briefing`.

    ``lexicon`` is the vocabulary to read with (:meth:`Lexicon.bundled` by default), for instance
    ``Lexicon.bundled().with_units({"TWh": ["TWh", "terawatt-hours"]})``."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use read() for files")
    if html.looks_like_html(text):  # a saved web page: its article (briefing/html.py)
        page = html.extract(text, source)
        return Briefing(normalise(page.text, source), source, lexicon, source_format="html")
    return Briefing(normalise(text, source), source, lexicon)


def read(path: str | os.PathLike[str], *, lexicon: Lexicon | None = None) -> Briefing:
    """Read and parse a transcript file (UTF-8, with or without BOM, LF or CRLF); ``lexicon`` as in
    :func:`parse`. A saved web page (``.html``, or HTML inside) is read as its article text."""
    page = html.read_page(path)
    if page is not None:
        return Briefing(normalise(page.text, str(path)), str(path), lexicon, source_format="html")
    return Briefing(read_text(path), str(path), lexicon)


def load() -> Briefing:
    """The bundled briefing: SCIO, MIIT, Oct. 20, 2023."""
    from .paths import bundled_transcript

    p = bundled_transcript()
    b = Briefing(read_text(p), p.name)
    return b
