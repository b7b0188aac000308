"""The Briefing object: a parsed transcript and its tidy tables.

``parse`` runs the reading (:mod:`briefing.pipeline`: layout, turns, exchanges, sentences, numbers,
figures, sectors) eagerly and cheaply; each DataFrame is cut from its steps and validated against its
schema the first time it is asked for.
"""

from __future__ import annotations

import bisect
import os
from functools import cached_property

import pandas as pd

from . import html, schema
from .dialogue import Turn, slug
from .lexicon import Lexicon
from .pipeline import Meta, Steps, briefing_id_for, run
from .text import normalise, read_text

__all__ = ["Briefing", "Meta", "Steps", "parse", "read", "load", "briefing_id_for"]


class Briefing:
    """A parsed SCIO briefing transcript: the steps of its parse (:mod:`briefing.pipeline`) and the tables
    cut from them. Build one with :func:`parse`, :func:`read` or :func:`load`."""

    def __init__(self, steps: Steps, lexicon: Lexicon | None = None) -> None:
        #: What each step of the parse returned, in order (the tables are cut from these).
        self.steps = steps
        self.text = steps.text
        self.meta = steps.meta
        self.source = steps.meta.source_file
        #: The vocabularies this briefing was read with (:meth:`Lexicon.bundled` unless given).
        self.lexicon = lexicon or Lexicon.bundled()

    @classmethod
    def from_text(
        cls, text: str, source: str, lexicon: Lexicon | None = None, *, source_format: str = "text"
    ) -> Briefing:
        """Parse normalised text (:func:`briefing.pipeline.run`) into a briefing."""
        lexicon = lexicon or Lexicon.bundled()
        return cls(run(text, source, lexicon, source_format=source_format), lexicon)

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
        n_sent = [0] * len(self.steps.turns)
        for sentence in self.steps.sentences:
            n_sent[sentence.turn] += 1
        rows = []
        for t, ns in zip(self.steps.turns, n_sent, strict=True):
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
        lay = self.steps.layout
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
        for t in self.steps.turns:
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
        topics = self.steps.topics
        rows = []
        for e in self.steps.exchanges:
            turns = [self.steps.turns[n - 1] for n in e.turns]
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
        for k, s in enumerate(self.steps.sentences, 1):
            t = self.steps.turns[s.turn]
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
        return [t.label_span[0] if t.label_span else t.char_start for t in self.steps.turns]

    def _turn_of_offset(self, pos: int) -> int:
        return bisect.bisect_right(self._turn_starts, pos) - 1

    def _rows_numbers(self) -> list[dict]:
        fig_of = {id(f.token): k for k, f in enumerate(self.steps.figures, 1)}
        rows = []
        last_fig: tuple[int, int] | None = None  # (sentence, figure number) of the latest figure
        for k, (tok, si) in enumerate(zip(self.steps.tokens, self.steps.token_sentence, strict=True), 1):
            ti = self.steps.sentences[si].turn if si >= 0 else max(self._turn_of_offset(tok.start), 0)
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
                    "turn_id": self._tid(self.steps.turns[ti].n),
                    "sentence_id": f"S{si + 1:04d}" if si >= 0 else None,
                    "role": tok.role,
                    "figure_id": f"F{fk:03d}" if fk else None,
                }
            )
        return rows

    def _rows_figures(self) -> list[dict]:
        rows = []
        quotes: dict[int, str] = {}  # one copy of each sentence, shared by its figures' rows
        for k, f in enumerate(self.steps.figures, 1):
            s = self.steps.sentences[f.sentence]
            quote = quotes.get(f.sentence)
            if quote is None:
                quote = quotes[f.sentence] = self.text[s.start : s.end]
            t = self.steps.turns[s.turn]
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
        links = repeat_links(rows, self.text, self.meta.date)
        for row, first, subject in zip(rows, links, shared_subjects(rows, links, self.text), strict=True):
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
            "n_listed_speakers": len(self.steps.layout.listed),
            "n_turns": len(self.steps.turns),
            "n_exchanges": len(self.steps.exchanges),
            "n_figures": len(self.steps.figures),
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
        """The ledger: one row per numeric token of the text (the speech, and the header, trailer and page
        furniture around it), with its role."""
        return schema.frame("numbers", self.records("numbers"))

    @cached_property
    def figures(self) -> pd.DataFrame:
        """One row per mention of a statistic, typed and traced to its span."""
        return schema.frame("figures", self.records("figures"), extra_units=self.lexicon.added_units)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name, in schema order."""
        return {name: getattr(self, name) for name in schema.TABLES}

    def __repr__(self) -> str:
        m = self.meta
        return (
            f"<Briefing {m.briefing_id!r}: {m.date}, {len(self.steps.turns)} turns, "
            f"{len(self.steps.exchanges)} exchanges, {len(self.steps.figures)} figures>"
        )


def parse(text: str, source: str = "<string>", *, lexicon: Lexicon | None = None) -> Briefing:
    """Parse transcript text (BOM and CRLF are normalised) into a :class:`Briefing`.

    ``lexicon`` is the vocabulary to read with (:meth:`Lexicon.bundled` by default), for instance
    ``Lexicon.bundled().with_units({"TWh": ["TWh", "terawatt-hours"]})``."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use read() for files")
    if html.looks_like_html(text):  # a saved web page: its article (briefing/html.py)
        page = html.extract(text, source)
        return Briefing.from_text(normalise(page.text, source), source, lexicon, source_format="html")
    return Briefing.from_text(normalise(text, source), source, lexicon)


def read(path: str | os.PathLike[str], *, lexicon: Lexicon | None = None) -> Briefing:
    """Read and parse a transcript file (UTF-8, with or without BOM, LF or CRLF); ``lexicon`` as in
    :func:`parse`. A saved web page (``.html``, or HTML inside) is read as its article text."""
    page = html.read_page(path)
    if page is not None:
        return Briefing.from_text(normalise(page.text, str(path)), str(path), lexicon, source_format="html")
    return Briefing.from_text(read_text(path), str(path), lexicon)


def load() -> Briefing:
    """The bundled briefing: SCIO, MIIT, Oct. 20, 2023."""
    from .paths import bundled_transcript

    p = bundled_transcript()
    return Briefing.from_text(read_text(p), p.name)
