"""A chair's hand-over said in other words (issue 15): the short turn that gives the reporter's question to
an official leaves the exchange open, and the answerer is the official who answers. Team-written
variants of the patterns seen on real SCIO pages, put into the ``interpreter-and-hand-overs`` fixture in
place of its "I'll leave this question to Mr. Lin Qiuming." (about 0.1 s in all)."""

from __future__ import annotations

import pandas as pd
import pytest

import briefing

from .conftest import FIXTURES

FIXTURE = FIXTURES / "layouts" / "interpreter-and-hand-overs.txt"
LINE = "I'll leave this question to Mr. Lin Qiuming."


@pytest.mark.parametrize(
    "hand_over",
    [
        LINE,
        "Mr. Lin, please.",
        "Mr. Lin Qiuming, the floor is yours.",
        "Mr. Lin will answer this question.",
        "I'd like to pass the question to Mr. Lin.",
        "Let's ask Mr. Lin Qiuming to answer it.",
        "Thank you, Mr. Lin Qiuming will answer these questions.",
    ],
)
def test_chair_hands_the_question_on(hand_over):
    text = FIXTURE.read_text(encoding="utf-8")
    assert LINE in text
    b = briefing.parse(text.replace(LINE, hand_over), source="hand-over.txt")
    ex = b.exchanges.set_index("outlet")
    assert ex.loc["China Daily", "answerer"] == "Lin Qiuming", b.exchanges[["outlet", "answerer"]]


def test_a_chair_turn_that_answers_is_no_hand_over():
    """A chair's turn with a figure, or a long one, closes the exchange as before."""
    text = FIXTURE.read_text(encoding="utf-8")
    b = briefing.parse(
        text.replace(LINE, "Mr. Lin, please. The cities cut 5 million tonnes."), source="x.txt"
    )
    ex = b.exchanges.set_index("outlet")
    assert pd.isna(ex.loc["China Daily", "answerer"])  # the chair answered: the exchange closed
