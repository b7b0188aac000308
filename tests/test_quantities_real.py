"""Fractions, multiples and units in real-text patterns (issue 15), on team-written sentences."""

from __future__ import annotations

import pytest

from .helpers import extracted


def _figs(text: str) -> list[tuple[str, float, str]]:
    b = extracted(text)
    return [(r["surface"], round(r["value"], 2), r["unit"]) for r in b.records("figures")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rents make up about one third of the index.", [("one third", 33.33, "%")]),
        # units of weather, weight and time (the vocabulary lacked them: real_text6)
        (
            "It was 1.2°C warmer, with 540.5 millimeters of rain.",
            [("1.2°C", 1.2, "°C"), ("540.5 millimeters", 540.5, "mm")],
        ),
        ("Stocks held 20.5 billion catties of grain.", [("20.5 billion catties", 20500000000.0, "jin")]),
        ("The trial lasted 45 minutes.", [("45 minutes", 45.0, "minutes")]),
        ("Two fifths of the firms hired staff.", [("Two fifths", 40.0, "%")]),
        ("The city alone accounts for a quarter of the national gain.", [("quarter", 25.0, "%")]),
        ("A quarter of a century has passed.", []),
        ("Output in the first three quarters rose 4.1%.", [("4.1%", 4.1, "%")]),
        ("Their income more than doubled in the decade.", [("doubled", 2.0, "times")]),
        ("Spending was almost double that of 2016.", [("double", 2.0, "times")]),
        ("The industry kept double-digit growth and will double down on research.", []),
        ("The shows drew over 2.4 billion times of online views.", [("2.4 billion times", 2.4e9, "count")]),
        ("Sales were 1.5 times the level of 2019.", [("1.5 times", 1.5, "times")]),
        ("The yield per mu was 402.5 kilograms.", [("402.5 kilograms", 402.5, "kg/mu")]),
        # written after the real_text7 and real_text8 runs (issue 15)
        ("Two- to 3-cm shifts were found.", [("Two", 2.0, "cm"), ("3-cm", 3.0, "cm")]),
        ("The lake rose 238 centimeters.", [("238 centimeters", 238.0, "cm")]),
        ("Exits and entries totaled a total of13.098million.", [("13.098million", 13098000.0, "count")]),
        ("Trips peaked on Oct. 5, reaching 2.035million.", [("2.035million", 2035000.0, "count")]),
        ("Trips rose during the 7-day-longNational Day holiday.", []),
        ("He spoke at this year's Two Sessions in March.", []),
        ("We made new progress after six months of effort.", []),
        # currencies other than the yuan and the US dollar, written before or after the amount (before the
        # real_text15-17 runs)
        ("Exports rose to HK$1.2 billion in May.", [("1.2 billion", 1.2e9, "HKD")]),
        ("Revenue was 5.1 billion Hong Kong dollars.", [("5.1 billion Hong Kong dollars", 5.1e9, "HKD")]),
        ("Gaming revenue was MOP$20 billion.", [("20 billion", 2e10, "MOP")]),
        (
            "Sales reached €3.5 billion and £40 million.",
            [("3.5 billion", 3.5e9, "EUR"), ("40 million", 4e7, "GBP")],
        ),
        ("The loan was 80 billion yen.", [("80 billion yen", 8e10, "JPY")]),
        ("Prices were $5 a day.", [("5", 5.0, "USD")]),
        # a bare "$" is the dollar the text names, when it names one other than the US dollar (after the
        # real_text17 run)
        (
            "The Hong Kong dollar is steady. Turnover was some $270 billion.",
            [("270 billion", 2.7e11, "HKD")],
        ),
        (
            "Reserves were $424.6 billion, and US$1 buys HK$7.8.",
            [("424.6 billion", 4.246e11, "USD"), ("1", 1.0, "USD"), ("7.8", 7.8, "HKD")],
        ),
        ("Taiwan dollar loans were 30 billion dollars.", [("30 billion dollars", 3e10, "TWD")]),
        # currencies, scales and units of governments outside China (before the real_text18-20 runs)
        (
            "The grant is S$1.2 billion and A$300 million.",
            [("1.2 billion", 1.2e9, "SGD"), ("300 million", 3e8, "AUD")],
        ),
        ("The Singapore dollar rose. Spending was $3 billion.", [("3 billion", 3e9, "SGD")]),
        ("Exports were US$5 billion and $3 billion.", [("5 billion", 5e9, "USD"), ("3 billion", 3e9, "USD")]),
        ("Outlay was Rs 1.5 lakh crore.", [("1.5 lakh crore", 1.5e12, "INR")]),
        (
            "Outlay was Rs. 500 crore, for 12 lakh people.",
            [("500 crore", 5e9, "INR"), ("12 lakh", 1.2e6, "count")],
        ),
        ("The park covers 500 square kilometres.", [("500 square kilometres", 500.0, "km2")]),
        ("The bank raised rates by 25 basis points.", [("25 basis points", 25.0, "bp")]),
        ("New orders were 17.58 million dwt.", [("17.58 million dwt", 1.758e7, "tonnes")]),
    ],
)
def test_quantities(text, expected):
    assert _figs(text) == expected


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a comma list after one verb of change: every item takes the verb's sign (written after the
        # real_text6 run, where only the first item was negative)
        (
            "Thefts, frauds and fires fell 12.5%, 40.1%, 7.2% and 3.3% respectively.",
            [-12.5, -40.1, -7.2, -3.3],
        ),
        ("Exports dropped 5.1%, 3.2% and 2.0% in Hebei, Shanxi and Jilin.", [-5.1, -3.2, -2.0]),
        ("Sales rose 5.1%, 3.2% and 2.0% respectively.", [5.1, 3.2, 2.0]),
        # a new clause with its own verb keeps its own sign
        ("Exports fell 5.1%, while imports rose 3.2%.", [-5.1, 3.2]),
    ],
)
def test_a_list_takes_the_sign_of_its_verb(text, values):
    assert [v for _, v, _ in _figs(text)] == values


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a relative difference said with "higher/lower than" is a change, signed (real_text8's run)
        ("Fees were 10.8 percent lower than at other hospitals.", [("growth", -10.8)]),
        (
            "Fees and stays were 10.8 percent and 23.5 percent lower than elsewhere.",
            [("growth", -10.8), ("growth", -23.5)],
        ),
        ("Costs were 4.5 percent higher than a year earlier.", [("growth", 4.5)]),
        (
            "Accidents and deaths shrank 10.9 percent and 5.3 percent respectively.",
            [("growth", -10.9), ("growth", -5.3)],
        ),
        ("The rate was 4.5 percent, lower than last year.", [("share", 4.5)]),
        # a verb of change with a long object, then "by": "lowering carbon emissions ... by over 65%"
        ("We will be lowering carbon emissions per unit of GDP by over 65% from 2005.", [("growth", -65.0)]),
        # written after the real_text11 and real_text12 runs (issue 15): any form of a verb before "to" gives
        # a level; a verb of change right before an amount gives a change, also without "by"
        ("Lenders saw their bad loan ratio increase to 1.5 percent.", [("share", 1.5)]),
        ("Bad loans rose 109.4 billion yuan in the quarter.", [("change", 109.4e9)]),
        ("Deposits fell 20 billion yuan in June.", [("change", -20e9)]),
        (
            "Provisions added 83.5 billion yuan to reach 2.1 trillion yuan.",
            [("change", 83.5e9), ("level", 2.1e12)],
        ),
        ("The region's output grew more than 650 billion yuan.", [("change", 650e9)]),
        ("The hub was built, adding about 130 new trunk optical cables.", [("level", 130.0)]),
        ("The number of users rose to 5 million.", [("level", 5e6)]),
        # both ends of a rate's move, each with its own span of months (before the real_text15-17 runs)
        (
            "The rate fell from 3.0% in December 2022 - February 2023 to 2.9% in January - March 2023.",
            [("share", 3.0), ("share", 2.9)],
        ),
        ("Losses rose 300 million HK dollars in May.", [("change", 3e8)]),
        ("Gold ETF holdings added 9.53 tonnes in the quarter.", [("change", 9.53)]),
        # growth said the ways other governments' releases say it (before the real_text18-20 runs)
        ("Exports were 3.1% higher y-o-y and 0.5% q-o-q.", [("growth", 3.1), ("growth", 0.5)]),
        ("GDP rose 1.2% quarter-on-quarter.", [("growth", 1.2)]),
        ("The economy grew at an annualised rate of 2.4%.", [("growth", 2.4)]),
        (
            "Inflation was 3.4% in May, and the inflation rate was 3.1% in April.",
            [("growth", 3.4), ("growth", 3.1)],
        ),
        ("The unemployment rate was 4%.", [("share", 4.0)]),
        (
            "Jobs increased by 0.3% (or 50,000 people) to 2.1 million.",
            [("growth", 0.3), ("change", 5e4), ("level", 2.1e6)],
        ),
        # after the real_text20 run: a count written with a plus sign, and "an average gain of"
        (
            "Jobs grew, with gains in care (+24,000) and hospitals (+7,000).",
            [("change", 24000.0), ("change", 7000.0)],
        ),
        ("That compares with an average gain of 229,000 per month.", [("change", 229000.0)]),
        ("This is the 24th consecutive quarter of growth.", [("streak", 24.0)]),
        # a change written with any currency before its amount, and a currency in letters is no name
        ("Deposits rose by HK$3 billion in May.", [("change", 3e9)]),
        ("Outlay saw an increase of Rs 500 crore.", [("change", 5e9)]),
        (
            "The index rose by some 130 points today but dropped by some 610 points.",
            [("change", 130.0), ("change", -610.0)],
        ),
    ],
)
def test_a_comparison_is_a_signed_change(text, kinds):
    b = extracted(text)
    assert [(r["kind"], r["value"]) for r in b.records("figures")] == kinds


@pytest.mark.parametrize(
    ("text", "approx"),
    [
        # a bound said with a negation (after the real_text16 run): "no more than" is at most
        ("The wait will be no more than 10 days.", "less_than"),
        ("The wait will be not more than 10 days.", "less_than"),
        ("The wait will be no less than 5 days.", "more_than"),
        ("The wait will be more than 5 days.", "more_than"),
        # "up to" after a verb that takes "up" is no bound (after the real_text15 run)
        ("Partners rose from 50 in 1978 with reform and opening up to 226 in 2017.", "exact"),
    ],
)
def test_a_negated_bound(text, approx):
    assert [r["approx"] for r in extracted(text).records("figures")][-1:] == [approx]
