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


def _furniture_roles(tail: str) -> dict[str, str]:
    """The roles of the numbers of the report with ``tail`` after it, once its figures are checked to be
    the report's own: no number of the tail is a figure."""
    b = _read(tail)
    assert list(b.figures["surface"]) == ["62.3 billion yuan", "14.2 percent"]
    return {r["surface"]: r["role"] for r in b.records("numbers")}


def test_a_closing_run_of_bullet_headlines_is_furniture():
    assert _furniture_roles(HEADLINES)["120"] == "page"


def test_bullets_that_end_sentences_are_still_text():
    b = _read(
        "- Losses fell in 21 provinces.\n- Deaths fell in 15 provinces.\n- Damage fell in 9 provinces.\n"
    )
    assert {"21", "15", "9"} <= set(b.figures["surface"])


def test_a_comment_bar_is_furniture():
    assert _furniture_roles("Go to Forum >>3 Comment(s)\n")["3"] == "page"


def test_a_copyright_footer_is_furniture():
    roles = _furniture_roles(
        "Copyright 1995 - . All rights reserved. Content may not be republished. Note: Browsers with"
        " 1280*800 or higher resolution are suggested for this site.\n"
    )
    assert roles["1280"] == roles["800"] == "page"


def test_a_pagination_bar_after_previous_is_furniture():
    _furniture_roles("|<< Previous 1 2 3 4 5   \nMost Popular\n")


def test_a_report_that_opens_with_a_spokesperson_s_name_is_no_speaker_list():
    # written after the real_text9 run (issue 15): a long second line "Name, a spokesperson for ..., made this
    # statement ..." ends a sentence: it is a paragraph, and the first line is no title but the lead
    text = (
        "Trade across the strait grew with good momentum, as trade rose 31.8 percent year on year to 208.8 "
        "billion U.S. dollars in the first eight months of this year.\n"
        "Li Ming, a spokesperson for the Trade Affairs Office of the State Council, made this statement on "
        "Wednesday in response to remarks on trade made by a business group earlier this week.\n"
        "Exports amounted to 50.3 billion U.S. dollars, up 33.4 percent from the same period last year.\n"
    )
    b = briefing.parse(text, source="<test>")
    assert list(b.figures["surface"])[:2] == ["31.8 percent", "208.8 billion U.S. dollars"]


def test_a_long_first_line_that_ends_no_sentence_is_the_headline():
    # written after the real_text5 run (issue 15): a machine-translated headline over 160 characters
    text = (
        "Insurance bureau: improve the largest basic medical insurance network in the world, and the "
        "national participation rate of the population is stable at around 95%\n"
        "The bureau said 1.34 billion people were covered by basic medical insurance at the end of last "
        "year, as it told a press conference on Thursday.\n"
    )
    b = briefing.parse(text, source="<test>")
    assert list(b.figures["surface"]) == ["1.34 billion"]
    assert {r["surface"]: r["role"] for r in b.records("numbers")}["95"] == "page"


def test_a_read_more_list_of_stories_with_summaries_is_furniture():
    # written after the real_text11 run (issue 15): each linked story has its headline and a summary
    roles = _furniture_roles(
        "Read more:\nPatients to save on drug costs\n"
        "Patients are expected to save 60 billion yuan in drug costs this year, the commission said.\n"
        "Fertility rate edges up\nThe fertility rate rose to more than 1.7 last year, the commission said.\n"
    )
    assert roles["60"] == roles["1.7"] == "page"


def test_paragraphs_after_a_blank_line_end_a_read_more_list():
    b = _read("Read more:\nPatients to save on drug costs\n\nThe ministry said losses fell in 21 regions.\n")
    assert "21" in set(b.figures["surface"])
