"""Periods in real-text patterns (issue 15), on team-written sentences: the paragraph that bounds the
carry-over of a framing period, when a page writes one paragraph a line with no blank lines between."""

from __future__ import annotations

import briefing

HEADER = "Extracted text\nDate: 2021-05-10\n\nText:\n\n"


def _periods(text: str) -> list[tuple[str, str]]:
    b = briefing.parse(HEADER + text, source="<test>")
    return [
        (r["surface"], f"{r['period_start'] or '-'}..{r['period_end'] or '-'}") for r in b.records("figures")
    ]


def test_each_line_is_a_paragraph_when_every_line_ends_a_sentence():
    text = (
        "The bureau was set up in a reform in March 2018, and 14 offices moved to it.\n"
        "It now runs 350 rescue teams across the country.\n"
    )
    # the frame "in March 2018" does not reach the next line: a paragraph of its own
    assert _periods(text) == [("14", "2018-03-01..2018-03-31"), ("350", "-..-")]


def test_a_hard_wrapped_paragraph_stays_one():
    text = (
        "In March 2018, the bureau took over 14 offices and\n"
        "their staff. It now runs 350 rescue teams across the\n"
        "country.\n"
    )
    # the lines break inside sentences: one paragraph, and the frame carries over
    assert _periods(text) == [("14", "2018-03-01..2018-03-31"), ("350", "2018-03-01..2018-03-31")]


def test_a_blank_line_still_breaks_the_paragraph():
    text = "In March 2018, the bureau took over 14 offices.\n\nIt now runs 350 rescue teams.\n"
    assert _periods(text) == [("14", "2018-03-01..2018-03-31"), ("350", "-..-")]
