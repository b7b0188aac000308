"""Roles of numbers said next to words that make them dates, years, periods, names or codes (roles.yml):
patterns met in real news pages, each in a sentence written here."""

from __future__ import annotations

import pytest

from .helpers import speech, spoken_numbers


def _role(text: str, surface: str) -> list[str]:
    n = spoken_numbers(speech(text))
    return list(n.loc[n["surface"] == surface, "role"])


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        # how long ago something happened is part of a time expression
        ("The ministry was set up about three years ago, and deaths fell 36.6 percent.", "three", "period"),
        ("Two weeks earlier, exports rose 5 percent.", "Two", "period"),
        ("It opened 10 years ago with 20 staff.", "10", "period"),
        # the length of a named stretch of time is a period, not a count
        ("During the 40 days of the holiday rush, rail trips rose 8%.", "40", "period"),
        ("In the 15 days before the festival, sales grew 6%.", "15", "period"),
        # the last day of a span of days written with "to"
        ("From March 1 to 7, parcel volume rose 12%.", "7", "date"),
        ("From Oct. 1 to 8, visits grew 4%.", "8", "date"),
        # the end of a span of years written short
        ("Investment grew during the plan period (2016-20) to 5 trillion yuan.", "20", "year"),
        # a code of numbers joined by hyphens, as a government page indexes its documents
        ("Index No.: 000013338-2021-00042. Output rose 3%.", "00042", "identifier"),
        ("Index No.: 000013338-2021-00042. Output rose 3%.", "2021", "identifier"),
        # a count of named policies in brackets is part of their name
        ("We build capacity in key fields (three major initiatives), with 40% of funds.", "three", "name"),
        # ... and beside them, numbers that stay figures
        ("The 40 days of work produced 12 reports.", "12", "figure"),  # no "during": 12 is a count
        ("From March 1, prices rose 7 percent.", "7", "figure"),  # not a span of days
        ("Between 2016 and 2020, output grew 20 percent.", "20", "figure"),  # not a year
        ("It opened 10 years ago with 20 staff.", "20", "figure"),  # the staff are a count
        ("Output rose 3 percent from a year ago.", "3", "figure"),
    ],
)
def test_role(text, surface, role):
    assert _role(text, surface) == [role]
