"""Press-conference and press-release formats other than the SCIO transcript, and saved HTML pages
(issue 16): each fixture in ``tests/fixtures/formats/`` reads into the metadata, turns, exchanges and
figures written by hand in its ``.expected.yml``."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

import briefing

from .conftest import FIXTURES
from .helpers import assert_warnings, expected_figure

FORMATS = sorted(p for p in (FIXTURES / "formats").iterdir() if p.suffix in (".txt", ".html"))


def _expected(path):
    return yaml.safe_load(path.with_suffix(".expected.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=FORMATS, ids=[p.name for p in FORMATS])
def case(request):
    return briefing.read(request.param), _expected(request.param)


def _na(v):
    return None if v != v else v


def test_meta(case):
    b, exp = case
    m = exp["meta"]
    assert b.meta.title == m["title"]
    want = m["date"]
    if isinstance(want, str):
        want = dt.date.fromisoformat(want)
    assert b.meta.date == want
    assert b.meta.chair == m.get("chair")
    assert list(b.meta.speakers) == m.get("speakers", [])
    assert b.meta.layout_format == exp["format"]
    assert b.meta.source_format == exp.get("source_format", "text")


def test_turns(case):
    b, exp = case
    t = b.turns
    names = dict(zip(b.speakers["speaker_id"], b.speakers["name"], strict=True))
    assert len(t) == exp["n_turns"], t[["speaker", "role"]].to_dict("records")
    for row, want in zip(t.itertuples(), exp["turns"], strict=True):
        assert _na(row.speaker) == want["speaker"], row.turn_id
        assert row.role == want["role"], (row.turn_id, row.speaker)
        assert row.text.startswith(want["starts"]), (row.turn_id, row.text[:60])
        if "ends" in want:
            assert row.text.endswith(want["ends"]), (row.turn_id, row.text[-60:])
        if "name" in want:
            assert names.get(_na(row.speaker_id)) == want["name"], row.turn_id


def test_exchanges(case):
    b, exp = case
    got = [(_na(o), _na(a)) for o, a in zip(b.exchanges["outlet"], b.exchanges["answerer"], strict=True)]
    assert got == [(e["outlet"], e["answerer"]) for e in exp.get("exchanges") or []]


def test_warnings(case):
    b, exp = case
    assert_warnings(b, exp["warnings"])


def test_figures(case):
    b, exp = case
    f = b.figures
    if "n_figures" in exp:
        assert len(f) == exp["n_figures"], f["surface"].tolist()
    for want in exp.get("figures") or []:
        r = expected_figure(f, want)
        assert r["unit"] == want["unit"], want
        assert r["kind"] == want["kind"], want
        assert r["approx"] == want.get("approx", "exact"), want
        if "period" in want:
            assert _na(r["period"]) == want["period"], want


def test_spans_index_the_text(case):
    """Every figure's span cuts its surface out of ``b.text`` (the extracted text, for a page)."""
    b, exp = case
    for r in b.figures.itertuples():
        assert b.text[r.char_start : r.char_end] == r.surface
    for r in b.turns.itertuples():
        assert b.text[r.char_start : r.char_end] == r.text
    if "text" in exp:
        assert b.text == exp["text"]
    if "text_starts" in exp:
        assert b.text.startswith(exp["text_starts"]), b.text[:200]
    for bad in exp.get("text_excludes") or []:
        assert bad not in b.text, bad


def test_unreadable_inputs_say_what_was_expected(tmp_path):
    """Refused only when there is neither a date nor any text; the message says what was expected."""
    p = tmp_path / "furniture.txt"
    p.write_text("Home > News\nShare:\n", encoding="utf-8")
    with pytest.raises(briefing.TranscriptError) as err:
        briefing.read(p)
    msg = str(err.value)
    assert "furniture.txt" in msg
    assert "date" in msg and "paragraph" in msg


def test_undated_statement_is_read_with_a_warning():
    text = (
        "China's retail sales grew in May\n\n"
        "BEIJING -- Retail sales of consumer goods grew 3.7 percent year on year in May, "
        "official data showed.\n"
    )
    b = briefing.parse(text, source="undated.txt")
    assert b.meta.layout_format == "release"
    assert b.meta.date is None
    assert len(b.turns) == 1
    assert any("date" in w for w in b.warnings), b.warnings
    assert b.figures["value"].tolist() == [3.7]
    assert b.figures["unit"].tolist() == ["%"]


def test_scio_transcript_is_still_scio(seed):
    assert seed.meta.layout_format == "scio"
    assert seed.meta.source_format == "text"


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        ("NEWSWIRE. July 18, 2014. China's", dt.date(2014, 7, 18)),  # an agency, a full stop, the date
        ("Beijing, July 18, 2014 — China's", dt.date(2014, 7, 18)),  # a dateline closed by a dash
        ("As of December 31, 2022, China's", None),  # a date the statement is about, not of the text
    ],
)
def test_a_release_dated_in_its_opening_words(opening, date):
    # a release with no dated line and no "PLACE, Month D --" dateline: a full date that opens the first
    # paragraph and ends at a full stop or a dash is the text's date, and "this year" resolves against it
    text = (
        "China's fiscal revenue rises in the first half\n\n"
        f"{opening} fiscal revenue rose 8.8 percent year on year in the first half of this year, the "
        "Ministry of Finance said on Friday.\n\nIn June alone, central government revenue rose 5.8 percent.\n"
    )
    b = briefing.parse(text, source="<release>")
    assert b.meta.layout_format == "release"
    assert b.meta.date == date
    if date is not None:
        assert b.figures["period"].tolist() == ["2014-01/2014-06", "2014-06"]


@pytest.mark.parametrize(
    ("opening", "date", "periods"),
    [
        # an agency's dateline with the day and no year: the year of the first period named with its year
        ("Daily Wire Agency, Shanghai, November 8 (Reporter Lin Mei) Data released on the 8th showed that",
         dt.date(2021, 11, 8), ["2021-10-31", "2021-01/2021-10"]),
        ("City News Service, November 8. Data released on the 8th showed that",
         dt.date(2021, 11, 8), ["2021-10-31", "2021-01/2021-10"]),
        ("On November 8, City News Service reported that",
         dt.date(2021, 11, 8), ["2021-10-31", "2021-01/2021-10"]),
        # a period that runs to the new year: the dateline's day comes after the start of what it reports
        ("City News Service, January 6. Data released on the 6th showed that",
         dt.date(2022, 1, 6), ["2021-10-31", "2021-01/2021-10"]),
    ],
)  # fmt: skip
def test_a_dateline_without_its_year_takes_the_year_the_text_names(opening, date, periods):
    text = (
        "Deposits keep growing\n\n"
        f"{opening} as of the end of October 2021, household deposits stood at 98.6 trillion yuan.\n\n"
        "In the first ten months, new loans reached 17.5 trillion yuan.\n"
    )
    b = briefing.parse(text, source="<release>")
    assert b.meta.layout_format == "release"
    assert b.meta.date == date
    assert b.figures["period"].tolist() == periods
    assert any("without a year: the year" in w for w in b.warnings), b.warnings


def test_a_dateline_without_a_year_in_a_text_that_names_none_leaves_the_text_undated():
    # the year is truly absent: no guess, a warning says so
    text = (
        "Parcels surge over the holiday\n\n"
        "City News Service, January 4. During the holiday, 910 million parcels were delivered, up 20.1% "
        "year on year.\n\nIn December, 1.02 billion parcels were delivered.\n"
    )
    b = briefing.parse(text, source="<release>")
    assert b.meta.date is None
    assert b.figures["period"].isna().all() or (b.figures["period"].fillna("") == "").all()
    assert any("without a year, and the text names no period with its year" in w for w in b.warnings)


def test_a_dateline_day_that_may_fall_within_the_named_year_or_after_it_gives_no_date():
    # "October 7" with "in 2021": a report during 2021 or on its full year, in 2022; no guess
    text = (
        "Holiday trips\n\nCity News Service, October 7. During the holiday in 2021, 515 million trips were "
        "made, down 1.5% year on year.\n"
    )
    b = briefing.parse(text, source="<release>")
    assert b.meta.date is None
    assert b.figures["period"].tolist() == ["2021", "2021"]
    assert any("may fall within 'in 2021'" in w for w in b.warnings), b.warnings


@pytest.mark.parametrize(
    ("glued", "date"),
    [
        ("Rush12/03/2019", dt.date(2019, 3, 12)),  # day first or month first: the reading nearest after
        ("Rush03/12/2019", dt.date(2019, 3, 12)),  # the periods the text reports
        ("Rush25/03/2019", dt.date(2019, 3, 25)),  # only one reading is a date
    ],
)
def test_a_date_glued_to_the_title_dates_the_page(glued, date):
    text = (
        "Home >>\n"
        f"Railways Carried 410 Million Passengers during the Spring Festival Travel {glued}\n\n"
        "As of March 8, the Spring Festival travel rush officially ended. During the travel rush (January 21-"
        "March 1), railways carried a total of 410.6 million passengers, increasing by 8.3% compared with "
        "the previous year.\n"
    )
    b = briefing.parse(text, source="<release>")
    assert b.meta.layout_format == "release"
    assert b.meta.date == date
    assert b.figures["period"].tolist() == ["2019-01-21/2019-03-01"] * 2
    assert any("glued to the title" in w for w in b.warnings), b.warnings


def test_a_related_headline_list_inside_a_release_is_page_furniture():
    # a "Related readings:" heading and the headlines under it, between two paragraphs of the text: the
    # headlines' numbers are in the ledger as `page`, not figures; the text goes on after them
    text = (
        "Retail sales up 6.4% in May\n\n(Xinhua)\nUpdated: 2011-06-15 10:20\n\n"
        "BEIJING - China's retail sales rose 6.4 percent in May from a year earlier, the ministry said.\n\n"
        "Related readings:\n"
        "Retail sales up 6.4% in May China's April retail sales rise 5.1%\n"
        "Retail sales up 6.4% in May China's retail sales top 3.2t yuan in Q1\n\n"
        "Online sales grew 12.3 percent in May.\n"
    )
    b = briefing.parse(text, source="<release>")
    assert b.meta.layout_format == "release"
    assert b.figures["surface"].tolist() == ["6.4 percent", "12.3 percent"]
    assert b.figures["period"].tolist() == ["2011-05", "2011-05"]
    related = b.numbers[b.numbers["char_start"] > text.index("Related readings:")]
    related = related[related["char_start"] < text.index("Online sales")]
    assert set(related["role"]) == {"page"}, related[["surface", "role"]]
    assert len(related) >= 5


def test_a_dateline_paragraph_after_a_date_prefix_is_text_not_a_speaker_list():
    # " date 2021-03-09 <headline>", a credit line, then "CITY, Month D (Agency) -- ...": a release; the
    # dateline paragraph is not an entry "CITY: description" of a speaker list, and its figures count
    text = (
        " date 2021-03-09 Industrial profits rise in the first two months\n\n"
        "Xinhua) 10:02, March 9, 2021\n\n"
        "BEIJING, March 9 (Xinhua) -- Profits of industrial firms rose 31.2 percent year on year in the "
        "first two months of this year, official data showed Tuesday.\n\n"
        "The profits totaled about 1.14 trillion yuan during the period, the statistics bureau said.\n"
    )
    b = briefing.parse(text, source="<release>")
    assert b.meta.layout_format == "release"
    assert b.meta.date == dt.date(2021, 3, 9)
    assert b.figures["surface"].tolist()[:2] == ["31.2 percent", "1.14 trillion yuan"]
    assert b.figures["period"].tolist()[0] == "2021-01/2021-02"


def test_a_transcript_page_with_breadcrumb_title_and_posting_line_but_no_date_in_its_title():
    # written after the real_text11 run (issue 15): the header is a breadcrumb, a title without a date and
    # a posting line; the page opens inside an official's statement
    text = (
        "Home -  Press Room - \n"
        "SCIO press conference on promoting the development of the western regions in the new era\n\n"
        "China.org.cn | July 4, 2024\n\n\n"
        "Wang Lin:\n\n"
        "Fourth, we give priority to ecology. Since 2015, forest coverage has risen to 12.3 percent.\n"
    )
    b = briefing.parse(text, source="<test>")
    assert b.meta.title.startswith("SCIO press conference on promoting")
    assert b.meta.date == dt.date(2024, 7, 4)
    assert list(b.turns["speaker"]) == ["Wang Lin"]
    assert list(b.figures["surface"]) == ["12.3 percent"]


def test_a_transcript_page_that_opens_inside_a_question_gives_its_exchange():
    # written after the real_text12 run (issue 15): the outlet's label is on the page before
    text = (
        "SCIO press conference on the development of state-owned enterprises\n\n"
        "Since 2012, great changes have taken place. What contributions have the enterprises made? Thank "
        "you.\n\n"
        "Zhang Lin:\n\n"
        "Their contributions can be summarized in five aspects. Their assets rose to 81 trillion yuan.\n"
    )
    b = briefing.parse(text, source="<test>")
    assert list(b.turns["is_question"]) == [True, False]
    assert len(b.exchanges) == 1
    assert list(b.turns["is_answer"]) == [False, True]


def test_a_text_size_and_print_bar_is_no_speaker_label():
    # written after the held-out real_text15-17 runs (issue 15): "Text:| Print|" is a page's tool bar; the
    # story's posting line dates the page, not the site's clock line above it
    text = (
        "Friday May 25, 2018\n"
        "    Home > News > Economy\n"
        "    Text:| Print|\n\n"
        "    More trains to serve festival home-goers\n\n"
        "    2012-01-22 16:33 Xinhua     Web Editor: Li Jing comment\n\n"
        "    The ministry said 289 more trains were added on Sunday to meet the needs of passengers.\n\n"
        "    A total of 3.16 billion trips are expected this year, up 9.1 percent from a year earlier.\n"
    )
    b = briefing.parse(text, source="<release>")
    assert b.meta.layout_format == "release"
    assert b.meta.date == dt.date(2012, 1, 22)
    assert "Text" not in set(b.turns["speaker"])
    assert b.figures.set_index("surface").loc["3.16 billion", "period"] == "2012"


def test_a_headline_in_capitals_is_header_without_a_blank_line_after_it():
    # written after the held-out real_text20 run (issue 15)
    text = (
        "MINISTRY EXPECTS 2011 GROWTH TO BE AROUND 5.0 PER CENT\n"
        "14 October 2011. The economy grew by 5.9 per cent in the third quarter of 2011. For the year, the\n"
        "ministry expects growth of around 5.0 per cent.\n"
    )
    b = briefing.parse(text, source="<release>")
    assert b.meta.title == "MINISTRY EXPECTS 2011 GROWTH TO BE AROUND 5.0 PER CENT"
    assert b.figures["surface"].tolist() == ["5.9 per cent", "5.0 per cent"]
    assert b.figures["char_start"].min() > len("MINISTRY EXPECTS 2011 GROWTH TO BE AROUND 5.0 PER CENT")


def test_a_hong_kong_transcript_of_remarks_is_a_conference_page():
    # written after the held-out real_text17 run (issue 15): the template lines above the title are chrome
    text = (
        "Go to main content\n"
        "Transcript of remarks by FS at media session (with video)\n"
        "*********************************************************\n\n"
        "     Following is the transcript of remarks by the Financial Secretary at a session (May 3):\n\n"
        "Reporter: What about the economy?\n\n"
        "Financial Secretary: The economy grew 2.7 per cent in the first quarter.\n"
    )
    b = briefing.parse(text, source="<conference>")
    assert b.meta.layout_format == "conference"
    assert b.meta.title == "Transcript of remarks by FS at media session (with video)"
    assert b.figures["surface"].tolist() == ["2.7 per cent"]


def test_a_story_on_the_first_line_is_a_release_and_a_comment_label_is_chrome():
    # written after the held-out real_text22 run (issue 15): a text that opens with its story (no header)
    # and ends with a comment box is a release, not an SCIO page whose title is the first paragraph
    text = (
        "Annual inflation was 1.5% in September 2017, stable compared with August 2017. In September 2016 "
        "the rate was 0.4%.\n"
        "The lowest annual rates were registered in Cyprus (0.1%) and Ireland (0.2%).\n"
        "Comments:\n"
        "No Comments for this Article\n"
    )
    b = briefing.parse(text, source="<release>")
    assert b.meta.layout_format == "release"
    assert b.figures["surface"].tolist() == ["1.5%", "0.4%", "0.1%", "0.2%"]
    assert "Comments" not in set(b.turns["speaker"].dropna())
