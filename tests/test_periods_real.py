"""Periods in real-text patterns (issue 15), on team-written sentences: the paragraph that bounds the
carry-over of a framing period, when a page writes one paragraph a line with no blank lines between."""

from __future__ import annotations

from .helpers import extracted


def _periods(text: str, date: str = "2021-05-10") -> list[tuple[str, str]]:
    """The surface and period of each figure of ``text``, said on ``date``."""
    b = extracted(text, date)
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


def _dated(text: str) -> list[tuple[str, str]]:
    """As :func:`_periods`, said on Friday, July 16, 2021."""
    return _periods(text, "2021-07-16")


def test_a_month_of_last_year():
    text = (
        "The jobless rate stood at 6.1% in February last year.\n\n"
        "The base is high: with May last year, when sales grew 18.3%, the rise slowed.\n"
    )
    assert _dated(text) == [("6.1%", "2020-02-01..2020-02-29"), ("18.3%", "2020-05-01..2020-05-31")]


def test_a_month_named_before_its_noun():
    text = "The province's June tax revenue came to 65.4 billion yuan, up 11.2 percent.\n"
    assert _dated(text) == [
        ("65.4 billion yuan", "2021-06-01..2021-06-30"),
        ("11.2 percent", "2021-06-01..2021-06-30"),
    ]


def test_a_month_name_before_a_capital_or_a_digit_is_no_attribute():
    text = "The June Fund raised 5.5 billion yuan. The June 3 data showed 2.2 percent growth.\n"
    assert _dated(text) == [("5.5 billion yuan", "-..-"), ("2.2 percent", "-..-")]


def test_last_month_is_the_month_before_the_text():
    text = "Last month, vegetable prices rose 7.3 percent, while fuel prices edged up 0.4 percent.\n"
    assert _dated(text) == [
        ("7.3 percent", "2021-06-01..2021-06-30"),
        ("0.4 percent", "2021-06-01..2021-06-30"),
    ]


def test_a_full_year_target_is_the_year_of_the_text():
    text = "Prices rose 1.8 percent in the first half, below the full-year target of 3 percent.\n"
    assert _dated(text) == [
        ("1.8 percent", "2021-01-01..2021-06-30"),
        ("3 percent", "2021-01-01..2021-12-31"),
    ]


def test_since_the_beginning_of_this_year_is_the_year_as_so_far_this_year():
    text = (
        "Since the beginning of this year, 4.1 million mu of farmland has been upgraded.\n\n"
        "So far this year, 2.6 million mu has been irrigated.\n"
    )
    assert _dated(text) == [
        ("4.1 million mu", "2021-01-01..2021-12-31"),
        ("2.6 million mu", "2021-01-01..2021-12-31"),
    ]


def test_from_the_end_of_last_year_is_a_baseline():
    text = (
        "At the end of June, the loan balance rose 27.4% year on year, up 1.2 percentage points from the "
        "end of last year, and 41.5 million firms held such loans.\n"
    )
    assert _dated(text) == [
        ("27.4%", "2021-06-30..2021-06-30"),
        ("1.2 percentage points", "2021-06-30..2021-06-30"),
        ("41.5 million", "2021-06-30..2021-06-30"),
    ]


def test_as_of_a_weekday_is_the_latest_such_day_not_after_the_text():
    # the text is dated Friday, July 16, 2021
    text = "As of Thursday, about 64.2 percent of the wheat had been sown.\n"
    assert _dated(text) == [("64.2 percent", "2021-07-15..2021-07-15")]


def test_the_end_of_a_quarter_or_of_the_first_half_is_its_last_day():
    text = (
        "At the end of the first quarter, the registered jobless rate was 3.71%.\n\n"
        "At the end of the first half of the year, deposits stood at 9.6 trillion yuan.\n"
    )
    assert _dated(text) == [
        ("3.71%", "2021-03-31..2021-03-31"),
        ("9.6 trillion yuan", "2021-06-30..2021-06-30"),
    ]


def test_by_a_year_is_that_year():
    text = "The plan aims to raise the rate to 28 percent by 2035.\n"
    assert _dated(text) == [("28 percent", "2035-01-01..2035-12-31")]


def test_by_the_end_of_the_year_is_the_last_day_of_the_text_s_year():
    text = "Forest coverage is expected to reach 24 percent by the end of the year.\n"
    assert _dated(text) == [("24 percent", "2021-12-31..2021-12-31")]


def test_a_span_named_before_is_pointed_back_to_across_paragraphs():
    text = (
        "In the first half, exports rose 6.4%.\n\n"
        "Imports grew 2.8% in the same period, and the surplus reached 1.4 trillion yuan during the "
        "period.\n\n"
        "In the first two months, sales rose 5%.\n\n"
        "Profits in the two months fell 3%. Costs in the three months rose 2%. Output rose 7% from the same "
        "period last year.\n"
    )
    h1, m2 = "2021-01-01..2021-06-30", "2021-01-01..2021-02-28"
    assert _dated(text) == [
        ("6.4%", h1),
        ("2.8%", h1),
        ("1.4 trillion yuan", h1),
        ("5%", m2),
        ("3%", m2),
        ("2%", "-..-"),  # three months: not the span named before
        ("7%", "-..-"),  # "from the same period last year" is a baseline
    ]


def test_each_end_of_a_from_to_pair_takes_the_period_right_after_it():
    # written after the real_text12 run (issue 15): "in 2012 to 81" is a year and a figure, not 2012-2081
    text = "Assets increased from 31.4 trillion yuan in 2012 to 81 trillion yuan by the end of last year.\n"
    assert _dated(text) == [
        ("31.4 trillion yuan", "2012-01-01..2012-12-31"),
        ("81 trillion yuan", "2020-12-31..2020-12-31"),
    ]


def test_a_list_without_its_own_periods_still_takes_the_period_after_the_list():
    text = "Exports and imports grew 5 percent and 6 percent in the first quarter.\n"
    assert _dated(text) == [("5 percent", "2021-01-01..2021-03-31"), ("6 percent", "2021-01-01..2021-03-31")]


def test_a_span_of_months_that_ends_in_a_named_month():
    # written before the real_text15-17 runs: "the three months ending March 2023" is January to March
    assert _periods("Retail sales rose 12.5% in the three months ending March 2023.") == [
        ("12.5%", "2023-01-01..2023-03-31")
    ]
    assert _periods("Prices rose 2 percent in the 12 months to March.") == [
        ("2 percent", "2020-04-01..2021-03-31")
    ]
    assert _periods("Sales rose 3% in the two months ended February 2024.") == [
        ("3%", "2024-01-01..2024-02-29")
    ]
    # a length in months, not a span that ends in a month
    assert _periods("The wait fell from 6 months to 3 months.") == [
        ("6 months", "-..-"),
        ("3 months", "-..-"),
    ]


def test_a_stock_as_of_a_month_is_at_its_last_day():
    # written before the real_text15-17 runs, like "as of the end of September" in the spec
    assert _periods("As of June 2023, China had 1.079 billion netizens.") == [
        ("1.079 billion", "2023-06-30..2023-06-30")
    ]
    assert _periods("As of March, 50 firms had joined.") == [("50", "2021-03-31..2021-03-31")]
    assert _periods("In June 2020, 12 firms joined.") == [("12", "2020-06-01..2020-06-30")]


def test_related_headlines_after_a_story_leave_its_lines_paragraphs():
    # written after the held-out real_text15-17 runs (issue 15): the headlines of related stories under a
    # story end no sentence; the story's lines, each a sentence, stay paragraphs of their own
    text = (
        "The bureau opened a project in 2011 to hire 500 experts.\n"
        "Each expert will be offered 1 million yuan.\n"
        "A total of 94 experts have been enrolled.\n"
        "Rain poses new threats to the region\n"
        "Quake takeaway from the air force\n"
        "Obama celebr"
    )
    assert _periods(text) == [
        ("500", "2011-01-01..2011-12-31"),
        ("1 million yuan", "-..-"),
        ("94", "-..-"),
    ]


def test_a_sentence_opening_over_the_same_period_frames_its_paragraph():
    text = (
        "In the first quarter of 2020, GDP fell 40.5%.\n\n"
        "Over the same period, investment fell 81.6%. Retail sales were 99.5 billion yuan, down 45.7%.\n\n"
        "Exports were 5 billion yuan."
    )
    q1 = "2020-01-01..2020-03-31"
    assert _periods(text) == [
        ("40.5%", q1),
        ("81.6%", q1),
        ("99.5 billion yuan", q1),
        ("45.7%", q1),
        ("5 billion yuan", "-..-"),
    ]


def test_a_stock_as_of_a_year_and_a_baseline_counted_in_years():
    assert _periods("As of 2017, China has signed 16 free trade agreements.") == [
        ("16", "2017-01-01..2017-12-31")
    ]
    text = (
        "From January to February, the volume rose by 7.5% year-on-year, 1.4 percentage points faster than "
        "the average growth rate in the two years from 2020 to 2021."
    )
    assert _periods(text) == [
        ("7.5%", "2021-01-01..2021-02-28"),
        ("1.4 percentage points", "2021-01-01..2021-02-28"),
    ]


def test_the_year_to_a_month_is_its_twelve_months():
    # before the real_text18-20 runs: "over the year to March 2023" is the span of the change, not a baseline
    assert _periods("Prices rose 4.2% over the year to March 2023.") == [("4.2%", "2022-04-01..2023-03-31")]
    assert _periods("Prices rose 4.2% over the same period last year.") == [("4.2%", "-..-")]


def test_a_hard_wrapped_lead_sentence_frames_its_paragraph():
    # after the held-out real_text19 run: the period phrase broken over a line ("the first\neight months"),
    # "the corresponding period last year" as a baseline, and the lead sentence's period framing the rest
    text = (
        "China exported US$47.4 billion of cotton products in the first\n"
        "eight months in 2007, up 32.29 percent over the corresponding\n"
        "period last year. Of the total, textile export reached US$11.8 billion, up\n"
        "10.76 percent."
    )
    jan_aug = "2007-01-01..2007-08-31"
    assert _periods(text) == [
        ("47.4 billion", jan_aug),
        ("32.29 percent", jan_aug),
        ("11.8 billion", jan_aug),
        ("10.76 percent", jan_aug),
    ]


def test_a_quarter_named_by_its_number():
    # after the held-out real_text22 run (issue 15): the ONS writes "Quarter 3 (July to Sept) 2022"
    q3 = "2022-07-01..2022-09-30"
    assert _periods("GDP fell by 0.2% in Quarter 3 (July to Sept) 2022.") == [("0.2%", q3)]
    assert _periods("Production fell by 1.5% in Quarter 3 2022.") == [("1.5%", q3)]
