"""A news report's dateline paragraph ("BEIJING, June 7 (Xinhua) -- ...") is its first paragraph of text,
never an entry of a speaker list ("Name, title"): its figures are read."""

from __future__ import annotations

import pytest

import briefing

REPORT = """China's exports rise in May

{credit}BEIJING, June 7 (Xinhua) -- China's exports rose 4.8 percent year on year in May, data showed Friday.

Imports grew 1.8 percent in the period, according to the customs administration.
"""


@pytest.mark.parametrize("credit", ["", "Xinhua) 10:02, June 7, 2024\n\n"])
def test_the_dateline_paragraph_is_read(credit):
    b = briefing.parse(REPORT.format(credit=credit), source="<test>")
    assert list(b.figures["surface"]) == ["4.8 percent", "1.8 percent"]
    assert b.speakers.empty or "BEIJING" not in set(b.speakers["name"])


def test_a_listed_official_is_still_an_entry():
    text = (
        "Press conference on trade\n\nSpeakers:\n\nMr. Li Ming, spokesperson of the Ministry of Commerce\n\n"
        "Date:\n\nJune 7, 2024\n\nLi Ming:\n\nExports rose 4.8 percent in May.\n"
    )
    b = briefing.parse(text, source="<test>")
    assert "Li Ming" in set(b.speakers["name"])
    assert list(b.figures["surface"]) == ["4.8 percent"]
