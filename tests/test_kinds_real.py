"""Kinds of percents in real-text patterns (issue 15), on team-written sentences."""

from __future__ import annotations

import pytest

from .helpers import extracted


def _kinds(text: str) -> list[tuple[str, str, float]]:
    b = extracted(text)
    return [(r["surface"], r["kind"], r["value"]) for r in b.records("figures")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rate whose change follows in points: the rate is a share, its change a pp_change
        (
            "In June, the share of days with clean air in 168 cities was 87.4%, a year-on-year increase of "
            "2.1 percentage points.",
            [("168", "level", 168.0), ("87.4%", "share", 87.4), ("2.1 percentage points", "pp_change", 2.1)],
        ),
        (
            "Loans rose by 52.1 billion yuan, and the bad loan ratio was 1.73%, a decrease of 0.05 "
            "percentage points.",
            [
                ("52.1 billion yuan", "change", 52.1e9),
                ("1.73%", "share", 1.73),
                ("0.05 percentage points", "pp_change", -0.05),
            ],
        ),
        # the two ends of a change of a rate are levels of it
        (
            "The coverage rate has risen from 10.4 percent (1980-83) to 21.6 percent (2010-14).",
            [("10.4 percent", "share", 10.4), ("21.6 percent", "share", 21.6)],
        ),
        # the level a measure is to reach, not a rise
        (
            "After a steady increase in its green space, the city is expected to reach 41 percent this year.",
            [("41 percent", "share", 41.0)],
        ),
        ("Export growth reached 6.5 percent in June.", [("6.5 percent", "growth", 6.5)]),
        # a contribution to growth said in full: a contribution rate
        (
            "The contribution of consumer spending to economic growth is expected to exceed 65% this year.",
            [("65%", "share", 65.0)],
        ),
        # a price in percent (an interest or tax rate) is no part of a whole: a level
        (
            "The average interest rate of new mortgage loans issued from January to June was 5.12%.",
            [("5.12%", "level", 5.12)],
        ),
        ("The machine harvesting yield rate exceeded 96%.", [("96%", "share", 96.0)]),
    ],
)
def test_percent_kinds(text, expected):
    assert _kinds(text) == expected


def test_a_streak_said_with_a_hyphen():
    text = "The drop in reserves ended the previous six-month continuous upward trend.\n"
    b = extracted(text)
    assert [(r["surface"], r["unit"], r["kind"]) for r in b.records("figures")] == [
        ("six", "months", "streak")
    ]
