"""The date in a file's name: a text that gives no year (a dateline "February 26." alone) or no date at all
is read against it, and a warning says so (issue 15). Team-written texts in the patterns of news reports
and later pages of SCIO transcripts."""

from __future__ import annotations

import datetime as dt

import pytest

import briefing
from briefing.page_dates import file_date

REPORT = """Employment stays stable

News Service, February 26. The ministry held a press conference on the 26th.

Last year, 11.2 million new urban jobs were created.
At the end of last year, the surveyed unemployment rate was 5.1%.
"""

PAGE = """Li Ming:

At the end of June, the money supply grew by 8.1% year on year.
In the first six months, new loans totaled 11.5 trillion yuan.
"""


def _periods(b: briefing.Briefing) -> list[tuple[str, str]]:
    return [
        (r["surface"], f"{r['period_start'] or '-'}..{r['period_end'] or '-'}") for r in b.records("figures")
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("chinanews-mohrss-2021-02-26.txt", dt.date(2021, 2, 26)),
        ("/data/2019/2021-02-26-report.txt", dt.date(2021, 2, 26)),
        ("scio-pbc-2021-07-16-p5.txt", dt.date(2021, 7, 16)),
        ("/data/2021-02-26/report.txt", None),  # folders are not read
        ("report-2021-02-30.txt", None),  # no such day
        ("report-12021-02-26.txt", None),  # inside a longer run of digits
        ("<string>", None),
        ("", None),
    ],
)
def test_file_date(source, expected):
    assert file_date(source) == expected


def test_a_dateline_without_its_year_takes_the_year_of_the_file_name_on_the_same_day(tmp_path):
    path = tmp_path / "news-mohrss-2021-02-26.txt"
    path.write_text(REPORT, encoding="utf-8")
    b = briefing.read(path)
    assert b.meta.date == dt.date(2021, 2, 26)
    assert _periods(b) == [("11.2 million", "2020-01-01..2020-12-31"), ("5.1%", "2020-12-31..2020-12-31")]
    assert any("taken from the file name" in w for w in b.warnings)


def test_a_file_name_on_another_day_does_not_give_the_dateline_its_year():
    b = briefing.parse(REPORT, source="news-mohrss-2021-03-05.txt")
    assert b.meta.date is None  # the dateline's day is not the file's: no date of the text
    # but the periods are read against the file's date, and a warning says so
    assert _periods(b)[0] == ("11.2 million", "2020-01-01..2020-12-31")
    assert any("date in the file name (2021-03-05)" in w for w in b.warnings)


def test_a_page_with_no_date_is_read_against_the_file_name():
    b = briefing.parse(PAGE, source="scio-m-pbc-2021-07-16-p5.txt")
    assert _periods(b) == [
        ("8.1%", "2021-06-30..2021-06-30"),
        ("11.5 trillion yuan", "2021-01-01..2021-06-30"),
    ]
    assert any("date in the file name (2021-07-16)" in w for w in b.warnings)


def test_without_a_date_in_the_file_name_nothing_is_resolved():
    b = briefing.parse(PAGE, source="scio-m-pbc-p5.txt")
    assert _periods(b) == [("8.1%", "-..-"), ("11.5 trillion yuan", "-..-")]
    assert not any("file name" in w for w in b.warnings)
