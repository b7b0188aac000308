"""Page furniture at the end of a news report (issue 15): a comment bar and a closing run of bullet
headlines are not the text; their numbers are in the ledger as ``page``. Team-written text."""

from __future__ import annotations

import briefing

REPORT = """Floods cause fewer losses

BEIJING - Floods caused fewer losses in the first half of the year, the ministry said.
Direct economic losses stood at 62.3 billion yuan, down 14.2 percent from the average of the past five years.
{tail}"""

HEADLINES = """- New rules proposed for drone flights
- Museums open late for summer visitors
- Railway adds 120 trains for holiday travel across the country this summer season
"""


def _read(tail: str) -> briefing.Briefing:
    return briefing.parse(REPORT.format(tail=tail), source="<test>")


def test_a_closing_run_of_bullet_headlines_is_furniture():
    b = _read(HEADLINES)
    assert list(b.figures["surface"]) == ["62.3 billion yuan", "14.2 percent"]
    roles = {r["surface"]: r["role"] for r in b.records("numbers")}
    assert roles["120"] == "page"


def test_bullets_that_end_sentences_are_still_text():
    b = _read(
        "- Losses fell in 21 provinces.\n- Deaths fell in 15 provinces.\n- Damage fell in 9 provinces.\n"
    )
    assert {"21", "15", "9"} <= set(b.figures["surface"])


def test_a_comment_bar_is_furniture():
    b = _read("Go to Forum >>3 Comment(s)\n")
    assert list(b.figures["surface"]) == ["62.3 billion yuan", "14.2 percent"]
    assert {r["surface"]: r["role"] for r in b.records("numbers")}["3"] == "page"


def test_a_copyright_footer_is_furniture():
    b = _read(
        "Copyright 1995 - . All rights reserved. Content may not be republished. Note: Browsers with"
        " 1280*800 or higher resolution are suggested for this site.\n"
    )
    assert list(b.figures["surface"]) == ["62.3 billion yuan", "14.2 percent"]
    roles = {r["surface"]: r["role"] for r in b.records("numbers")}
    assert roles["1280"] == roles["800"] == "page"


def test_a_pagination_bar_after_previous_is_furniture():
    b = _read("|<< Previous 1 2 3 4 5   \nMost Popular\n")
    assert list(b.figures["surface"]) == ["62.3 billion yuan", "14.2 percent"]
