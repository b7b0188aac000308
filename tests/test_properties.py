"""Property tests: any text either parses or raises TranscriptError, and span invariants hold."""

from __future__ import annotations

import math
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefing
from briefing import TranscriptError
from briefing.paths import bundled_transcript
from briefing.text import read_text

LABELS = [
    "Xing Huina:", "Zhao Zhiguo:", "CCTV:", "Speaker:", "Date: Oct. 13, 2023", "Speakers:",
    "China Radio International (CRI):", "Mr. Li:", "1. Trade", "Share:", "/4\u00a0\u00a0Li",
]  # fmt: skip
PIECES = [
    "_ueditor_page_break_tag_",
    "Beijing | 3 p.m. Oct. 20, 2023",
    "In the first three quarters, output rose 4% year on year, 0.2 percentage points faster.",
    "reached 6.313 million and 6.278 million, up 33.7% and 37.5%, respectively.",
    "more than 7,000 5G projects, 22.6 per 10,000 people, 27 of 41 categories.",
    "Translated and edited by Wang Yiming.",
    "",
    "\u00a0",
    "What is next? Thank you.",
]
line = st.one_of(st.sampled_from(LABELS + PIECES), st.text(max_size=40))
transcript_like = st.lists(line, max_size=30).map(lambda ls: "\n".join(ls))


def _check(text: str) -> None:
    try:
        b = briefing.parse(text)
    except TranscriptError:
        return
    for name, col in (("turns", "text"), ("sentences", "text"), ("numbers", "surface"),
                      ("figures", "surface")):  # fmt: skip
        df = getattr(b, name)
        for s, e, t in zip(df["char_start"], df["char_end"], df[col], strict=True):
            assert b.text[s:e] == t
    assert len(b.numbers.query("role == 'figure'")) == len(b.figures)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text(text):
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcript_like)
def test_transcript_like_text(text):
    _check(text)


# --------------------------------------------------------------------------- mutations of the transcript
# The bundled transcript, changed at random: characters inserted, deleted or replaced (digits, signs,
# no-break spaces, full-width forms, newlines, labels, lone surrogates, control characters). Whatever comes
# of it is a parse whose tables keep every promise, or a TranscriptError. ``BRIEFING_MUTATIONS=2000`` runs a
# longer search.
settings.register_profile(
    "briefing-mutations",
    max_examples=int(os.environ.get("BRIEFING_MUTATIONS", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SEED_TEXT = read_text(bundled_transcript())
DIGITS_AT = [m.start() for m in re.finditer(r"\d", SEED_TEXT)]
PAYLOADS = [
    *"0123456789", "-", "+", "%", ".", ",", ":", " ", "\n", "\n\n", "\u2212", "\u00a0", "\u2009",
    "\u202f", "\u3000", "\uff10", "\uff15", "\uff19", "\uff05", "\uff0b", "\uff0d", "\uff0e", "\uff0c",
    "\uff1a", "\ud800", "\x07", "\ufeff", "\r\n", "H1N1", "2Q1st", " -", "-plus", "minus ", "m", "bn",
    " RMB ", " percentage points", "\n\nZhao Zhiguo:\n\n", "\n\nCCTV:\n\n", "\n\nTao Qing:\n\n",
    "Speakers:\n\n", "Date:\n\nOct. 20, 2023\n", "_ueditor_page_break_tag_", "\n/4\u00a0\u00a0Li\n",
    "“", "”", "(", ")", "9" * 27,
]  # fmt: skip
position = st.one_of(st.integers(0, len(SEED_TEXT)), st.sampled_from(DIGITS_AT))
edit = st.tuples(st.sampled_from(["insert", "delete", "replace"]), position, st.sampled_from(PAYLOADS),
                 st.integers(1, 200))  # fmt: skip


def _mutate(text: str, edits: list[tuple[str, int, str, int]]) -> str:
    for op, at, payload, n in edits:
        at = min(at, len(text))
        if op == "insert":
            text = text[:at] + payload + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + n :]
        else:
            text = text[:at] + payload + text[at + len(payload) :]
    return text


def _check_promises(text: str) -> None:
    try:
        b = briefing.parse(text, source="mutant.txt")
    except TranscriptError:
        return
    # checked on the rows the tables are built from: building and validating the DataFrames would take most
    # of the time, and the schemas have tests of their own
    spans = (("turns", "text"), ("sentences", "text"), ("numbers", "surface"), ("figures", "surface"))
    for name, col in spans:
        for row in b.records(name):
            assert b.text[row["char_start"] : row["char_end"]] == row[col], (name, row["char_start"])
    for row in b.records("figures"):
        assert b.text[row["quote_start"] : row["quote_start"] + len(row["quote"])] == row["quote"]
        assert math.isfinite(row["value"])
        assert row["of_total"] is None or math.isfinite(row["of_total"])
    keys = {"turns": "turn_id", "sentences": "sentence_id", "numbers": "number_id", "figures": "figure_id",
            "speakers": "speaker_id", "exchanges": "exchange_id"}  # fmt: skip
    for name, key in keys.items():
        ids = [row[key] for row in b.records(name)]
        assert len(ids) == len(set(ids)), (name, key)
    numbers = b.records("numbers")
    for a, c in zip(numbers, numbers[1:]):  # noqa: B905 - pairs of neighbours
        assert c["char_start"] >= a["char_end"], ("ledger tokens overlap", a["surface"], c["surface"])
    fig_ids = {row["figure_id"] for row in numbers if row["role"] == "figure"}
    assert fig_ids == {row["figure_id"] for row in b.records("figures")}


@settings(settings.get_profile("briefing-mutations"))
@given(st.lists(edit, min_size=1, max_size=8))
def test_mutated_transcript_parses_or_is_refused(edits):
    _check_promises(_mutate(SEED_TEXT, edits))


def test_the_unmutated_transcript_keeps_the_promises():
    _check_promises(SEED_TEXT)
