"""Roles of numbers that are not statistics, in real-text patterns (issue 15), on team-written sentences."""

from __future__ import annotations

import pytest

import briefing

HEADER = "Extracted text\nDate: 2021-07-16\n\nText:\n\n"


def _roles(text: str) -> dict[str, str]:
    b = briefing.parse(HEADER + text, source="<test>")
    return {r["surface"]: r["role"] for r in b.records("numbers") if r["char_start"] >= len(HEADER)}


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        ("That is a fair one. Output rose 3 percent.", "one", "word"),
        ("We see the slowdown as a short-term one as demand is back.", "one", "word"),
        ("The target is an ambitious one and will be met.", "one", "word"),
        ("We found one problem in 2020.", "one", "figure"),
        ("Sales of these three categories of goods fell in June.", "three", "list_count"),
        ("Those four types of loans grew fast.", "four", "list_count"),
        ("Most pupils finished the country's nine-year compulsory\neducation program.", "nine", "name"),
        ("Work on the 13th Five Year Plan went well.", "Five", "name"),
        ("Profits rose 6.1 percent in the two months from a year earlier.", "two", "period"),
        ("In the three quarters, sales grew 4 percent.", "three", "period"),
    ],
)
def test_role(text, surface, role):
    assert _roles(text)[surface] == role
