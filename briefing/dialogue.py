"""Turns (who speaks, where) and Q&A exchanges (question -> answers), from the layout's body lines.

A turn is the text between a speaker label and the next label, page break or page furniture. Its span
runs from the first character of its first speech line to the last character of its last one, so
``text[char_start:char_end]`` is the turn's text, paragraph breaks included. A printed page's furniture
(a page number, a running head) inside a turn ends its span too, and the same speaker's next turn
resumes after it (``continues``), in the same exchange.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from .layout import _STRIP, Layout, Line, _clean_name, chinese_name
from .lexicon import Lexicon, active

__all__ = [
    "Turn",
    "Exchange",
    "build_turns",
    "build_exchanges",
    "empty_turn_warnings",
    "speaker_role",
    "slug",
]


@dataclass(slots=True)
class Turn:
    n: int  # 1-based order
    speaker: str | None  # label as written (without the colon), None when unlabeled
    name: str | None  # label without honorific
    role: str  # chair | official | media | other
    char_start: int
    char_end: int
    line_start: int  # line of the label (or of the first speech line when unlabeled)
    line_end: int
    after_break: bool  # a page break or page furniture came right before this turn
    label_span: tuple[int, int] | None = None  # span of the label (name and colon)
    exchange: int | None = None
    is_question: bool = False
    is_answer: bool = False
    continues: bool = False  # the same speaker resumes after a printed page's number or running head
    name_zh: str = ""  # the name in Chinese characters when the label gives it ("赵志国")
    hands_over: bool = False  # a short turn that hands the question on without answering it


@dataclass(slots=True)
class Exchange:
    n: int
    outlet: str | None
    question_turn: int
    answerer: str | None
    turns: list[int]


class _Words(NamedTuple):
    """The layout words the dialogue reads (of the parse's lexicon), compiled."""

    outlet: re.Pattern[str]  # a word that makes a label a media outlet ("News", "Daily")
    floor: re.Pattern[str]  # the chair opening the floor to questions
    hand_over: re.Pattern[str]  # a host handing a question to another official
    interpreter: re.Pattern[str]  # an interpreter's label


def _words() -> _Words:
    return _compiled(active())


@lru_cache(maxsize=8)
def _compiled(lexicon: Lexicon) -> _Words:
    v = lexicon.layout
    return _Words(
        outlet=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in v["outlet_words"]) + r")(?![\w])"),
        floor=re.compile("|".join(v["floor_opening"]), re.IGNORECASE),
        hand_over=re.compile("|".join(v["hand_over"]), re.IGNORECASE),
        interpreter=re.compile(v["interpreter_label"], re.IGNORECASE),
    )


def _interpretations(turns: list[Turn]) -> None:
    """A turn labelled by the interpreter ("Interpreter:") is the English of the turn before it: that
    speaker's turn resumed (name, role, Chinese name; ``continues``), so that it joins the same exchange as
    the same question or answer, and its figures are the speaker's. The label is kept as written."""
    rx = _words().interpreter
    for k, t in enumerate(turns):
        if k and t.speaker is not None and t.name and rx.match(t.name):
            prev = turns[k - 1]
            t.name, t.role, t.name_zh, t.continues = prev.name, prev.role, prev.name_zh, True


_HAND_OVER_MAX = 200  # a turn that hands a question on is short
_DIGIT = re.compile(r"\d")


def _mark_hand_overs(text: str, turns: list[Turn]) -> None:
    """Mark the chair's and officials' short turns that pass the question on ("Mr. Ren, would you like to
    take it?", "I'd like to ask my colleague Mr. Ren to answer this question"): no figure, a hand-over
    phrase of ``layout.yml``."""
    rx = _words().hand_over
    for t in turns:
        if t.role in ("chair", "official") and t.char_end - t.char_start <= _HAND_OVER_MAX:
            body = text[t.char_start : t.char_end]
            t.hands_over = not _DIGIT.search(body) and rx.search(body) is not None


_PERSON = re.compile(r"^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}$")
_ACRONYM = re.compile(r"^[A-Z0-9&]{2,8}$")


def slug(name: str) -> str:
    s = re.sub(r"[^\w]+", "-", name.lower(), flags=re.ASCII).strip("-")
    return s or "speaker"


class _People:
    """The header's chair and officials, indexed once, so that naming the role of each label costs
    the same however long the speaker list is."""

    def __init__(self, lay: Layout) -> None:
        self.chair = lay.chair
        self.officials = {p.name for p in lay.listed if p.role == "official"}
        self.parts = {w for name in self.officials for w in name.split()}

    def role(self, name: str) -> str:
        """chair, official or media for a labelled speaker."""
        if self.chair and _same_person(name, self.chair):
            return "chair"
        if name in self.officials or (len(name.split()) == 1 and name in self.parts):
            return "official"
        if _ACRONYM.match(name) or "(" in name or _words().outlet.search(name.replace("’", "'")):
            return "media"
        if _PERSON.match(name):
            return "official"  # a person not listed in the header: an unlisted official
        return "media"


def speaker_role(name: str, lay: Layout) -> str:
    """chair, official or media for a labelled speaker."""
    return _People(lay).role(name)


def _same_person(label: str, listed: str) -> bool:
    if label == listed:
        return True
    # "Zhao" or "Mr. Zhao" for "Zhao Zhiguo"
    parts = listed.split()
    return len(label.split()) == 1 and label in parts


def build_turns(text: str, lay: Layout) -> list[Turn]:
    turns: list[Turn] = []
    cur: Turn | None = None
    label: tuple[str, Line] | None = None  # pending label (name, line) without speech yet
    resume: Turn | None = None  # the turn that a printed page's furniture interrupted
    after_break = False
    people = _People(lay)
    roles: dict[str, str] = {}

    def close() -> None:
        nonlocal cur
        if cur is not None:
            turns.append(cur)
            cur = None

    def role_for(name: str) -> str:
        if name not in roles:
            roles[name] = people.role(name)
        return roles[name]

    def labelled(lab_name: str, lab_ln: Line, start: int, end: int, no: int) -> Turn:
        clean = _clean_name(lab_name)[0]
        return Turn(0, lab_name, clean, role_for(clean), start, end, lab_ln.no, no, after_break,
                    (lab_ln.cstart, lab_ln.cend), name_zh=chinese_name(lab_name))  # fmt: skip

    def empty_turn(lab_name: str, lab_ln: Line) -> None:
        turns.append(labelled(lab_name, lab_ln, lab_ln.cend, lab_ln.cend, lab_ln.no))

    for kind, ln, name in lay.body:
        if kind == "label":
            close()
            resume = None
            if label is not None:  # a label followed by no speech: keep it as an empty turn
                empty_turn(*label)
            label = (name, ln)
        elif kind == "speech":
            if cur is not None:
                cur.char_end = ln.cend
                cur.line_end = ln.no
            elif label is not None:
                cur = labelled(label[0], label[1], ln.cstart, ln.cend, ln.no)
                label = None
                after_break = False
            elif resume is not None:  # the speaker goes on after a page number or running head
                r = resume
                cur = Turn(0, r.speaker, r.name, r.role, ln.cstart, ln.cend, ln.no, ln.no, False,
                           continues=True, name_zh=r.name_zh)  # fmt: skip
                resume = None
            else:
                cur = Turn(0, None, None, "other", ln.cstart, ln.cend, ln.no, ln.no, after_break)
                after_break = False
        elif kind == "page":  # a printed page's furniture: the turn pauses, the speaker goes on
            if cur is not None:
                resume = cur
            close()
        else:  # break or chrome
            close()
            resume = None
            after_break = True
    close()
    if label is not None:
        empty_turn(*label)
    turns = _split_floor_questions(text, turns)
    _infer_chair(turns, lay)
    _unlabeled_roles(text, turns)
    _interpretations(turns)
    _mark_hand_overs(text, turns)
    for k, t in enumerate(turns, 1):
        t.n = k
    return turns


def empty_turn_warnings(turns: list[Turn]) -> list[tuple[int, str]]:
    """(line, message) for each speaker's label followed by no speech (kept as an empty turn)."""
    return [
        (t.line_start, f"label {t.speaker!r} is followed by no speech")
        for t in turns
        if t.speaker is not None and t.label_span and t.char_start == t.char_end
    ]


_PARA = re.compile(r"\n[ \t]*\n")


def _split_floor_questions(text: str, turns: list[Turn]) -> list[Turn]:
    """A chair turn that opens the floor and then carries a question: split off the question."""
    out: list[Turn] = []
    for t in turns:
        if t.role != "chair" or "?" not in text[t.char_start : t.char_end]:
            out.append(t)
            continue
        body = text[t.char_start : t.char_end]
        paras = [(m.end(), m.end()) for m in _PARA.finditer(body)]
        starts = [0] + [p for p, _ in paras]
        split_at = None
        for k in range(1, len(starts)):
            prev = body[starts[k - 1] : starts[k]]
            rest = body[starts[k] :]
            if _words().floor.search(prev) and "?" in rest:
                split_at = starts[k]
                break
        if split_at is None:
            out.append(t)
            continue
        head = body[:split_at].rstrip(_STRIP + "\n")
        line_q = t.line_start + body.count("\n", 0, split_at)
        first = Turn(0, t.speaker, t.name, t.role, t.char_start, t.char_start + len(head),
                     t.line_start, line_q - 1, t.after_break, continues=t.continues,
                     name_zh=t.name_zh)  # fmt: skip
        q = Turn(0, None, None, "media", t.char_start + split_at, t.char_end, line_q, t.line_end,
                 False)  # fmt: skip
        out.extend([first, q])
    return out


def _infer_chair(turns: list[Turn], lay: Layout) -> None:
    """No chair in the header: the unlisted person who opens the briefing is taken as chair."""
    if lay.chair is not None or not turns:
        return
    first = turns[0]
    if first.name and first.role == "official" and first.name not in {p.name for p in lay.listed}:
        for t in turns:
            if t.name == first.name:
                t.role = "chair"


def _unlabeled_roles(text: str, turns: list[Turn]) -> None:
    """An unlabeled turn after the chair that asks something is a question from the floor, and so is an
    unlabeled turn that opens a page and asks something before an official answers (the question began on
    the page before, with its outlet's label); an unlabeled turn that resumes after a printed page's
    furniture keeps the role it had."""
    for k, t in enumerate(turns):
        if t.continues and t.speaker is None and k > 0:
            t.role = turns[k - 1].role
        elif (
            k == 0
            and t.speaker is None
            and t.role == "other"
            and len(turns) > 1
            and turns[1].role == "official"
            and "?" in text[t.char_start : t.char_end]
        ):
            t.role = "media"
        elif t.speaker is None and t.role == "other" and k > 0:
            prev = turns[k - 1]
            if prev.role == "chair" and "?" in text[t.char_start : t.char_end]:
                t.role = "media"


def build_exchanges(turns: list[Turn]) -> tuple[list[Turn], list[Exchange]]:
    """Group turns into question -> answer exchanges: the turns again (new records, each marked with its
    exchange and whether it asks or answers) and the exchanges.

    A media turn opens an exchange, unless it is a follow-up: the same outlet again, with no chair
    turn or page break since. Official turns join the open exchange as answers; a chair turn or a page
    break closes it. Turns outside any exchange (opening statement, chair's moderation) have none.
    A turn that hands the question on (``Turn.hands_over``) before anyone answered leaves the exchange
    open: the chair's stays outside it, an official's joins it, and the answerer is who answers next.
    """
    turns = [replace(t) for t in turns]
    exchanges: list[Exchange] = []
    cur: Exchange | None = None
    prev: Turn | None = None
    for t in turns:
        if t.continues and prev is not None:  # the same turn, resumed after a printed page's furniture
            t.is_question, t.is_answer, t.exchange = prev.is_question, prev.is_answer, prev.exchange
            if t.exchange is not None:
                exchanges[t.exchange - 1].turns.append(t.n)
            prev = t
            continue
        prev = t
        if t.after_break and cur is not None and t.role != "other":
            cur = None
        if t.role == "media":
            if cur is None or t.speaker is None or cur.outlet != t.speaker:  # else a follow-up
                cur = Exchange(len(exchanges) + 1, t.speaker, t.n, None, [])
                exchanges.append(cur)
            t.is_question = True
        elif t.role == "chair":
            if not (t.hands_over and cur is not None and cur.answerer is None):
                cur = None
            continue
        elif cur is None:
            continue
        elif t.role == "official":
            t.is_answer = True
            if cur.answerer is None and not t.hands_over:
                cur.answerer = t.name
        t.exchange = cur.n
        cur.turns.append(t.n)
    return turns, exchanges
