"""The parse's public steps, and the rows cut from them."""

from __future__ import annotations

import pytest

import briefing

from .helpers import HEADER

TEXT = "Power generation reached 9.2 TWh in September, and wind farms produced 9.2TWh.\n"


def test_steps_are_public_and_match_the_tables():
    b = briefing.parse(HEADER + TEXT, source="<test>")
    steps = b.steps
    assert [b.text[f.token.start : f.token.end] for f in steps.figures] == list(b.figures["surface"])
    assert len(steps.turns) == len(b.turns)
    assert len(steps.sentences) == len(b.sentences)
    assert steps.layout.title == b.meta.title
    with pytest.raises(AttributeError):
        steps.figures = ()  # type: ignore[misc]


def test_figures_of_one_sentence_share_one_quote():
    # A sentence of thousands of figures must not be copied once per figure (quadratic memory).
    b = briefing.parse(HEADER + "Output rose 1.5%, 2.5% and 3.5% in September.\n", source="<test>")
    rows = b.records("figures")
    assert [r["surface"] for r in rows] == ["1.5%", "2.5%", "3.5%"]
    assert rows[0]["quote"] == "Output rose 1.5%, 2.5% and 3.5% in September."
    assert rows[0]["quote"] is rows[1]["quote"] is rows[2]["quote"]
