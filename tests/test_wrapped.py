"""A hard-wrapped text (a paragraph broken into short lines, no blank line between them) is read as its
paragraphs: the text starts at its first line, and a sentence goes on across a line break."""

from __future__ import annotations

import briefing
from briefing.sentences import split_spans

WRAPPED = """By the end of 2023, 95.1 percent of
children were enrolled in compulsory
education, the ministry said
on Tuesday. The figure is a rise of 0.4
percent from 2022.
The enrollment rate for girls was 94.8 percent.
About 12.5 million students
entered high schools, bringing the total to 38.2 million.
(Xinhua News Agency March 5, 2024)
"""


def test_a_hard_wrapped_release_is_read_from_its_first_line():
    b = briefing.parse(WRAPPED, source="<test>")
    assert b.meta.layout_format == "release"
    assert list(b.figures["surface"]) == [
        "95.1 percent", "0.4\npercent", "94.8 percent", "12.5 million", "38.2 million",
    ]  # fmt: skip


def test_a_sentence_goes_on_across_a_line_break():
    text = "Output rose 0.4\npercent from 2022.\nThe rate was 94.8 percent.\nSales\nrose."
    got = [text[a:b] for a, b in split_spans(text, 0, len(text))]
    # "Sales" then "rose." : a line that goes on in lower case continues; a capital starts a new line
    assert got == ["Output rose 0.4\npercent from 2022.", "The rate was 94.8 percent.", "Sales\nrose."]


def test_a_line_that_ends_a_sentence_or_a_list_line_still_breaks():
    text = "Key points:\nexports rose\nTitle Line\nnext words"
    got = [text[a:b] for a, b in split_spans(text, 0, len(text))]
    assert got == ["Key points:", "exports rose", "Title Line\nnext words"]


def test_a_closing_credit_with_its_date_dates_the_text_and_is_not_text():
    broken = WRAPPED.replace("(Xinhua News Agency March 5, 2024)", "(Xinhua News Agency March 5,\n2024)\n|")
    b = briefing.parse(broken, source="<test>")
    assert str(b.meta.date) == "2024-03-05"
    assert "2024)" not in b.turns["text"].iloc[-1]
    one_line = briefing.parse(WRAPPED, source="<test>")
    assert str(one_line.meta.date) == "2024-03-05"
    # "By the end of 2023" resolves against the date; "from 2022" is its baseline
    f = one_line.figures.set_index("surface")
    assert f.loc["95.1 percent", "period"] == "2023-12-31"
