"""Property tests: any text either parses or raises TranscriptError, and span invariants hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import briefing
from briefing import TranscriptError

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
