"""Checks on the figures: repeats, implied arithmetic, coincidences, parts of wholes, and the reference file.

The small transcripts are written here, one official speaking (``speech``); each says what a reader of the
text expects the check to find, or not to find. The tests on the bundled briefing state what reading the
transcript shows (which statistics are said twice, what 11.3% less 5.1 points is), not what the code printed.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pandas as pd
import pytest

from briefing import TranscriptError
from briefing.checks import (
    CHECK_COLUMNS,
    acronyms,
    check,
    compare_reference,
    compatible,
    derivations,
    load_reference,
    note_statements,
    period_span,
    precision,
)

from .conftest import ROOT
from .helpers import speech

NO_REFERENCE = pd.DataFrame()
TODAY = dt.date(2023, 10, 20)


def ids(findings: pd.DataFrame) -> list[set[str]]:
    return [set(s.split(";")) for s in findings["figure_ids"]]


def only(findings: pd.DataFrame, name: str) -> pd.DataFrame:
    return findings[findings["check"] == name]


# --------------------------------------------------------------------------- building blocks


def test_precision_of_spoken_numbers():
    p = precision("6.278 million", 6_278_000)
    assert (p.stated, p.digits) == (1000, 4)
    p = precision("825,000", 825_000)
    assert (p.stated, p.rounding, p.digits) == (1, 1000, 3)
    assert precision("0.2 percentage points", 0.2).stated == pytest.approx(0.1)
    assert precision("Twenty", 20).digits == 1
    assert precision("7.5 trillion yuan", 7.5e12).stated == pytest.approx(1e11)


def test_period_spans_and_compatibility():
    jan_sep, jan_aug = period_span("2023-01/2023-09"), period_span("2023-01/2023-08")
    aug, sep, end_sep = period_span("2023-08"), period_span("2023-09"), period_span("2023-09-30")
    assert jan_sep == (dt.date(2023, 1, 1), dt.date(2023, 9, 30))
    assert end_sep == (dt.date(2023, 9, 30), dt.date(2023, 9, 30))
    # a stock "as of the end of September" said in a sentence about the first three quarters
    assert compatible(end_sep, jan_sep, "level")
    # a single month is not the cumulative period for a growth rate ...
    assert not compatible(aug, jan_aug, "growth")
    # ... but a share in September and one over January-September can be the same measure
    assert compatible(sep, jan_sep, "share")
    # "this year", said in October, is the year so far
    assert compatible(period_span("2023"), jan_sep, "level", TODAY)
    assert not compatible(period_span("2022"), jan_sep, "level", TODAY)
    assert compatible(None, jan_sep, "growth")


def test_acronyms_are_read_from_the_text():
    acr = acronyms(
        "the new-energy vehicle (NEV) industry; small and medium-sized enterprises (SMEs); "
        "the producer price index (PPI); (RedCap) technology"
    )
    assert acr["nev"] == ("new", "energy", "vehicle")
    assert acr["sme"] == ("small", "medium-sized", "enterprises")
    assert acr["ppi"] == ("producer", "price", "index")
    assert "redcap" not in acr


def test_note_statements():
    (st,) = note_statements("single month; January-August cumulative profits were -11.7% y/y", TODAY)
    assert (st.value, st.unit) == (-11.7, "%")
    assert st.span == period_span("2023-01/2023-08")
    assert "profits" in st.label
    note = "all manufacturing investment +6.2%, so the gap is 5.1 pp as the briefing says"
    (st,) = note_statements(note)[:1]
    assert (st.label, st.value, st.unit) == ("all manufacturing investment", 6.2, "%")
    assert note_statements("") == [] and note_statements(None) == []


# --------------------------------------------------------------------------- repeat


def test_repeat_in_other_words_is_consistent():
    b = speech(
        "In the first three quarters, the output of new energy vehicles (NEVs) reached 6.313 million, "
        "up 33.7% year on year.\n\n"
        "The production of NEVs grew 33.7% in the first three quarters."
    )
    rep = only(check(b, NO_REFERENCE), "repeat")
    assert len(rep) == 1
    assert rep["status"].iloc[0] == "consistent"
    f = b.figures.set_index("surface")
    assert ids(rep) == [set(b.figures.loc[b.figures["surface"] == "33.7%", "figure_id"])]
    assert f.loc["6.313 million", "figure_id"] not in rep["figure_ids"].iloc[0]


def test_repeat_at_coarser_precision_is_consistent():
    b = speech(
        "By the end of September, China had built 3.189 million 5G base stations.\n\n"
        "By the end of September, a total of 3.19 million 5G base stations had been built."
    )
    rep = only(check(b, NO_REFERENCE), "repeat")
    assert list(rep["status"]) == ["consistent"]
    assert "precision" in rep["detail"].iloc[0]
    assert only(check(b, NO_REFERENCE), "coincidence").empty


def test_repeat_with_contradicting_qualifiers_is_inconsistent():
    b = speech(
        "In the first three quarters, nearly 10,000 digital workshops and smart factories were built.\n\n"
        "In the first three quarters, more than 10,000 digital workshops and smart factories were built."
    )
    rep = only(check(b, NO_REFERENCE), "repeat")
    assert list(rep["status"]) == ["inconsistent"]
    assert "more than" in rep["detail"].iloc[0] and "nearly" in rep["detail"].iloc[0]


def test_repeat_against_different_baselines_is_inconsistent():
    b = speech(
        "In September, the output of televisions rose 4.2% year on year.\n\n"
        "In September, the output of televisions rose 4.2% month on month."
    )
    assert list(only(check(b, NO_REFERENCE), "repeat")["status"]) == ["inconsistent"]


def test_different_values_are_never_repeats():
    b = speech(
        "In the first three quarters, the output and sales of new energy vehicles reached 6.313 million and "
        "6.278 million, respectively. In the first three quarters, the value-added of equipment "
        "manufacturing rose 6% year on year, 2 percentage points higher than the industrial growth in "
        "general. It contributed 1.9 percentage points to the growth of industries above designated size."
    )
    found = check(b, NO_REFERENCE)
    assert only(found, "repeat").empty
    assert only(found, "coincidence").empty


def test_single_month_and_cumulative_growth_are_not_compared():
    b = speech(
        "In August, profits of industrial enterprises above designated size rose 17.2% year on year. "
        "From January to August, profits of industrial enterprises above designated size fell 11.7% "
        "year on year."
    )
    assert check(b, NO_REFERENCE).empty


# --------------------------------------------------------------------------- coincidence


def test_two_statistics_with_one_specific_value_are_flagged():
    b = speech(
        "In the first three quarters, the sales of new energy vehicles reached 6.278 million. "
        "A total of 6.278 million charging piles were built."
    )
    found = check(b, NO_REFERENCE)
    co = only(found, "coincidence")
    assert list(co["status"]) == ["review"]
    assert ids(co) == [set(b.figures["figure_id"])]
    assert only(found, "repeat").empty


def test_round_numbers_shared_by_chance_are_not_flagged():
    b = speech(
        "More than 10,000 power battery recycling outlets were set up. Nearly 10,000 digital workshops "
        "were built. Seven innovation centers and seven clusters were established."
    )
    assert only(check(b, NO_REFERENCE), "coincidence").empty


def test_the_same_value_for_the_same_subject_in_another_period_is_a_coincidence_not_a_repeat():
    b = speech(
        "In August, profits of industrial enterprises rose 17.2% year on year. "
        "From January to August, profits of industrial enterprises rose 17.2% year on year."
    )
    found = check(b, NO_REFERENCE)
    assert only(found, "repeat").empty
    assert list(only(found, "coincidence")["status"]) == ["review"]


# --------------------------------------------------------------------------- implied_rate

HIGH_TECH = (
    "In the first three quarters, investment in high-tech manufacturing grew by 11.3% year on year, with the "
    "growth rate surpassing general manufacturing investment by 5.1 percentage points."
)


def test_rate_and_gap_imply_the_baseline_rate():
    b = speech(HIGH_TECH)
    d = derivations(b, NO_REFERENCE)
    assert list(d["check"]) == ["implied_rate"]
    row = d.iloc[0]
    assert row["value"] == pytest.approx(6.2)
    assert (row["low"], row["high"]) == (pytest.approx(6.1), pytest.approx(6.3))
    assert row["subject"] == "general manufacturing investment"
    assert row["period"] == "2023-01/2023-09"
    assert row["status"] == "derived"
    assert "6.2%" in check(b, NO_REFERENCE)["detail"].iloc[0]


def test_implied_rate_checked_against_a_reference_note(tmp_path):
    b = speech(HIGH_TECH)
    # the bundled reference: NBS says all manufacturing investment grew 6.2%
    assert list(only(check(b), "implied_rate")["status"]) == ["consistent"]
    p = tmp_path / "ref.csv"
    p.write_text(
        "indicator,period,unit,briefing_value,official_value,publisher,note\n"
        '"high-tech manufacturing investment, y/y",2023-01/2023-09,%,11.3,11.3,NBS,'
        '"all manufacturing investment +6.5%"\n',
        encoding="utf-8",
    )
    row = only(check(b, load_reference(p)), "implied_rate").iloc[0]
    assert row["status"] == "inconsistent"
    assert "6.5%" in row["detail"]


def test_gap_to_an_earlier_period_implies_that_period_rate():
    b = speech(
        "In the first three quarters, the value-added of industries above designated size grew by 4% year on "
        "year, 0.2 percentage point faster than the growth rate in the first half of the year."
    )
    row = derivations(b, NO_REFERENCE).iloc[0]
    assert row["value"] == pytest.approx(3.8)
    assert row["period"] == "2023-01/2023-06"


def test_slower_than_adds_the_gap():
    b = speech(
        "In the first three quarters, the added value of the textile industry grew 3% year on year, "
        "0.5 percentage points slower than the growth rate in the first half."
    )
    assert derivations(b, NO_REFERENCE)["value"].tolist() == [pytest.approx(3.5)]


def test_implied_rate_against_the_briefing_own_figure():
    text = (
        "In the first three quarters, the value-added of industries above designated size grew by 4.0% year "
        "on year. The value-added of the equipment manufacturing industry rose {}% year on year, 2.0 "
        "percentage points higher than the industrial growth in general."
    )
    ok = only(check(speech(text.format("6.0")), NO_REFERENCE), "implied_rate")
    bad = only(check(speech(text.format("6.5")), NO_REFERENCE), "implied_rate")
    assert list(ok["status"]) == ["consistent"]
    assert list(bad["status"]) == ["inconsistent"]
    assert "4.0%" in bad["detail"].iloc[0] and "4.5%" in bad["detail"].iloc[0]


def test_a_contribution_without_baseline_implies_nothing():
    b = speech(
        "In the first three quarters, the value-added of equipment manufacturing rose 6% year on year. It "
        "contributed 1.9 percentage points to the growth of industries above designated size."
    )
    assert derivations(b, NO_REFERENCE).empty


# --------------------------------------------------------------------------- implied_level


def test_level_and_growth_imply_the_year_earlier_level():
    b = speech(
        "In the first three quarters, China's NEV exports reached 825,000 units, up 110% year on year."
    )
    row = derivations(b, NO_REFERENCE).iloc[0]
    assert row["check"] == "implied_level"
    assert row["value"] == pytest.approx(825_000 / 2.1)
    assert row["low"] < 825_000 / 2.1 < row["high"]
    assert row["period"] == "2022-01/2022-09"
    assert row["status"] == "derived"
    assert "392,900" in only(check(b, NO_REFERENCE), "implied_level")["detail"].iloc[0]


def test_implied_level_pairs_the_growth_of_the_same_period():
    b = speech(
        "From January to September, the output of mobile phones reached 1.09 billion, up 0.8% year on year, "
        "with a year-on-year increase of 11.8% in September."
    )
    d = derivations(b, NO_REFERENCE)
    assert len(d) == 1
    assert d["value"].iloc[0] == pytest.approx(1.09e9 / 1.008)


def test_respectively_lists_pair_each_level_with_its_own_rate():
    b = speech(
        "In the first three quarters, the output and sales of new energy vehicles reached 6.313 million and "
        "6.278 million, a year-on-year rise of 33.7% and 37.5%, respectively."
    )
    d = derivations(b, NO_REFERENCE).sort_values("value")
    assert d["value"].tolist() == [pytest.approx(6.278e6 / 1.375), pytest.approx(6.313e6 / 1.337)]


def test_a_count_and_its_share_of_its_kind_imply_the_total():
    b = speech(
        'In the first three quarters, there were 1,972 "little giant" companies in the sector, accounting '
        "for 22% of their kind."
    )
    row = derivations(b, NO_REFERENCE).iloc[0]
    assert row["check"] == "implied_total"
    assert row["value"] == pytest.approx(1972 / 0.22)
    # 1,971.5 / 22.5% to 1,972.5 / 21.5%
    assert row["low"] == pytest.approx(1971.5 / 0.225) and row["high"] == pytest.approx(1972.5 / 0.215)
    assert row["status"] == "derived"
    assert "about 8,964" in row["detail"]


@pytest.mark.parametrize(("stated", "status"), [("12,000", "inconsistent"), ("9,000", "consistent")])
def test_implied_total_against_a_stated_total_of_the_same_designation(stated, status):
    b = speech(
        f'By the end of September, China had {stated} "little giant" SMEs. By the end of September, there '
        'were 1,972 "little giant" companies in the sector, accounting for 22% of their kind.'
    )
    row = only(check(b, NO_REFERENCE), "implied_total").iloc[0]
    assert row["status"] == status
    assert "F001" in row["figure_ids"].split(";")


@pytest.mark.parametrize(
    "text",
    [
        "In the first three quarters, the top 1,000 companies accounted for 60% of the industry's revenue.",
        'By the end of September, there were 1,972 "little giant" companies, accounting for 22% of the total '
        "revenue of the sector.",
        "By the end of September, there were 1,972 new material companies, accounting for 22% of new "
        "material output.",
        # "more than" the count and "over" the share: the total could be anything
        'By the end of September, there were more than 1,972 "little giant" companies, accounting for over '
        "20% of their kind.",
        "In the first three quarters, 1,000 companies were listed, and exports made up 60% of sales.",
        "In the first three quarters, 27 of 41 major industrial categories, or 66%, grew.",
    ],
)
def test_a_share_of_something_else_implies_no_total(text):
    assert only(check(speech(text), NO_REFERENCE), "implied_total").empty


@pytest.mark.parametrize(
    "stated",
    [
        'China had 50,000 "little giant" patents.',  # the same label on other things
        "Jiangsu had 300 new material companies.",  # fewer than the part: not the whole
    ],
)
def test_a_count_of_other_things_is_not_the_stated_total(stated):
    b = speech(
        f"By the end of September, {stated[0].lower() + stated[1:]} By the end of September, there were "
        '1,972 "little giant" new material companies, accounting for 22% of their kind.'
    )
    row = only(check(b, NO_REFERENCE), "implied_total").iloc[0]
    assert row["status"] == "derived"
    assert "F001" not in row["figure_ids"].split(";")


def test_a_share_said_with_over_bounds_the_total_from_above():
    # 1,972 is over 20% of the whole: the whole is under about 9,860, so 5,000 agrees with it
    b = speech(
        'By the end of September, China had 5,000 "little giant" SMEs. By the end of September, there were '
        '1,972 "little giant" companies, accounting for over 20% of their kind.'
    )
    row = only(check(b, NO_REFERENCE), "implied_total").iloc[0]
    assert row["status"] == "consistent"
    assert "less than about 9,860" in row["detail"]


def test_a_whole_named_with_the_count_s_head_noun():
    b = speech("By the end of September, 5,000 firms, 30% of all firms, adopted cloud services.")
    row = derivations(b, NO_REFERENCE).iloc[0]
    assert row["check"] == "implied_total" and row["subject"] == "all firms"
    assert row["value"] == pytest.approx(5000 / 0.3)


def test_more_than_carries_over_to_the_implied_level():
    b = speech(
        "From January to August, the software sector's business revenue surpassed 7.5 trillion yuan, marking "
        "a year-on-year increase of 13.5%."
    )
    row = derivations(b, NO_REFERENCE).iloc[0]
    assert row["approx"] == "more_than"
    assert "more than" in row["detail"]


# --------------------------------------------------------------------------- part_whole, shape


def test_part_of_a_whole():
    b = speech("In the first three quarters, 27 of 41 major industrial categories grew. 45 of 41 did.")
    pw = only(check(b, NO_REFERENCE), "part_whole")
    assert list(pw["status"]) == ["consistent", "inconsistent"]


def test_findings_have_the_promised_shape():
    assert list(check(speech("Thank you."), NO_REFERENCE).columns) == CHECK_COLUMNS
    found = check(speech(HIGH_TECH), NO_REFERENCE)
    assert list(found.columns) == CHECK_COLUMNS
    assert found["figure_ids"].str.fullmatch(r"F\d{3}(;F\d{3})*").all()


# --------------------------------------------------------------------------- compare_reference on a fixture

REF_CSV = """indicator,period,unit,briefing_value,official_value,publisher,agrees,note
NEV exports,2023-01/2023-09,count,825000,825000,CAAM,yes,
charging piles,2023-09-30,count,6278000,7642000,EVCIPA,no,
NEV sales,2023-01/2023-09,count,6278000,,CAAM,unverified,
battery swapping stations,2023-09-30,count,3460,3460,EVCIPA,yes,
software business revenue,2023-01/2023-08,yuan,7500000000000,7517800000000,MIIT,yes,
"""


@pytest.fixture
def fixture_comparison(tmp_path):
    p = tmp_path / "ref.csv"
    p.write_text(REF_CSV, encoding="utf-8")
    b = speech(
        "In the first three quarters, the sales of new energy vehicles reached 6.278 million. China's NEV "
        "exports reached 825,000 units. A total of 6.278 million charging piles were built.\n\n"
        "From January to August, the software sector's business revenue surpassed 7.5 trillion yuan."
    )
    return b, compare_reference(b, load_reference(p)).set_index("indicator")


def test_reference_statuses(fixture_comparison):
    b, cmp = fixture_comparison
    fid = b.figures.set_index("subject")["figure_id"]
    assert cmp.loc["NEV exports", "status"] == "agrees"
    assert cmp.loc["charging piles", "status"] == "disagrees"
    assert cmp.loc["charging piles", "figure_ids"] == fid["charging piles built"]
    assert cmp.loc["charging piles", "difference"] == pytest.approx(1_364_000)
    assert cmp.loc["NEV sales", "status"] == "unverified"
    assert cmp.loc["NEV sales", "figure_ids"] == fid["sales of new energy vehicles"]
    # "more than 7.5 trillion" is borne out by 7.5178 trillion
    assert cmp.loc["software business revenue", "status"] == "agrees"


def test_reference_value_absent_from_the_briefing(fixture_comparison):
    _, cmp = fixture_comparison
    row = cmp.loc["battery swapping stations"]
    assert row["figure_ids"] == ""
    assert row["match"] == "not_found"
    assert "no figure" in row["detail"]


def test_a_reference_frame_needs_only_the_required_columns():
    b = speech("In the first three quarters, China's NEV exports reached 825,000 units.")
    ref = pd.DataFrame(
        {
            "indicator": ["NEV exports"],
            "period": ["2023-01/2023-09"],
            "unit": ["count"],
            "briefing_value": [825000.0],
            "official_value": [826000.0],
        }
    )
    row = compare_reference(b, ref).iloc[0]
    assert (row["status"], row["figure_ids"], row["publisher"]) == ("disagrees", "F001", "")
    with pytest.raises(TranscriptError, match="official_value"):
        compare_reference(b, ref.drop(columns="official_value"))


def test_load_reference_errors(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("indicator,period,unit,briefing_value\nx,2023,%,1\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match="official_value"):
        load_reference(p)
    p.write_text("indicator,period,unit,briefing_value,official_value\nx,2023,%,1,n/a\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match="line 2"):
        load_reference(p)
    with pytest.raises(TranscriptError, match="missing.csv: no such file"):
        load_reference(tmp_path / "missing.csv")


# --------------------------------------------------------------------------- the bundled briefing


def fig(seed, surface: str, snippet: str) -> str:
    """The id of the figure spoken as ``surface`` in the sentence containing ``snippet``."""
    f = seed.figures
    hit = f[(f["surface"] == surface) & f["quote"].str.contains(snippet, regex=False)]
    assert len(hit) == 1, (surface, snippet, len(hit))
    return hit["figure_id"].iloc[0]


@pytest.fixture(scope="module")
def findings(seed):
    return check(seed)


def test_seed_repeats_are_the_statistics_said_twice(seed, findings):
    said_twice = [
        (("4%", "enterprises above designated size increased by 4%"), ("4%", "designated size grew by 4%")),
        (("0.2 percentage points", "accelerating by 0.2"), ("0.2 percentage point", "point faster")),
        (("11.3%", "grew by 11.3%"), ("11.3%", "in particular, grew 11.3%")),
        (("10,000", "being established"), ("10,000", "being built")),
        (("3.189 million", "as of the end of September"), ("3.189 million", "China had built 3.189 million")),
        (("197 EFLOPS", "computing power reaching"), ("197 EFLOPS", "computing power capacity")),
        (("67", "67 major economic categories"), ("67", "67 major categories of the national economy")),
        (("1,924", "1,924 commonly used"), ("1,924", "1,924 websites and apps commonly used")),
        (("140 million", "senior-friendly"), ("140 million", "elderly-friendly")),
        (("63.2%", "solar cells and charging stations"), ("63.2%", "384 gigawatts")),
        (("33.7%", "a year-on-year rise of 33.7%"), ("33.7%", "surged 33.7%")),
        (("37.5%", "a year-on-year rise of 33.7%"), ("37.5%", "surged 33.7%")),
    ]
    expected = sorted(sorted(fig(seed, *m) for m in pair) for pair in said_twice)
    rep = only(findings, "repeat")
    assert sorted(sorted(s) for s in ids(rep)) == expected
    assert set(rep["status"]) == {"consistent"}


def test_seed_flags_the_nev_sales_charging_piles_coincidence(seed, findings):
    co = only(findings, "coincidence")
    sales = fig(seed, "6.278 million", "output and sales of new energy vehicles")
    piles = fig(seed, "6.278 million", "charging piles")
    assert ids(co) == [{sales, piles}]
    assert list(co["status"]) == ["review"]


def test_seed_implied_rates(seed):
    d = derivations(seed)
    high_tech = fig(seed, "11.3%", "grew by 11.3%")
    row = d[d["figure_ids"].str.contains(high_tech)].iloc[0]
    assert row["value"] == pytest.approx(11.3 - 5.1)
    assert row["subject"] == "general manufacturing investment"
    assert row["status"] == "consistent"  # NBS: all manufacturing investment +6.2%
    first_half = d[d["figure_ids"].str.contains(fig(seed, "4%", "increased by 4%"))].iloc[0]
    assert first_half["value"] == pytest.approx(3.8)
    assert first_half["period"] == "2023-01/2023-06"
    assert first_half["status"] == "derived"
    # equipment manufacturing +6%, 2 points above industry in general: the 4% said in the same answer
    equipment = d[d["figure_ids"].str.contains(fig(seed, "6%", "registered a rise of 6%"))].iloc[0]
    assert equipment["value"] == pytest.approx(4.0)
    assert equipment["status"] == "consistent"
    national = d[d["figure_ids"].str.contains(fig(seed, "7.1 percentage points", "national fixed-asset"))]
    assert national["value"].tolist() == [pytest.approx(3.1)]


def test_seed_implied_nev_exports_a_year_earlier(seed):
    d = derivations(seed)
    row = d[d["figure_ids"].str.contains(fig(seed, "825,000", "NEV exports"))].iloc[0]
    assert row["check"] == "implied_level"
    assert round(row["value"], -2) == 392_900
    assert row["status"] == "derived"


def test_seed_august_profits_are_not_flagged(seed, findings):
    august = fig(seed, "17.2%", "in August")
    assert not findings["figure_ids"].str.contains(august).any()
    # the one inconsistency in the seed is the little giants' total (below), not the profits
    assert list(only(findings, "implied_total")["status"]) == ["inconsistent", "derived"]
    assert (findings["status"] == "inconsistent").sum() == 1


def test_seed_little_giants_share_implies_fewer_than_the_opening_statement(seed, findings):
    # 1,972 "little giant" new material companies are 22% of their kind: about 8,964 in all, while the
    # opening statement counts 12,000 "little giant" SMEs
    part = fig(seed, "1,972", "little giant")
    share = fig(seed, "22%", "little giant")
    stated = fig(seed, "12,000", "little giant")
    row = only(findings, "implied_total").iloc[0]
    assert set(row["figure_ids"].split(";")) == {part, share, stated}
    assert row["status"] == "inconsistent"
    assert "8,964" in row["detail"] and "12,000" in row["detail"]


def test_seed_parts_of_wholes(findings):
    pw = only(findings, "part_whole")
    assert len(pw) == 3  # 27 of 41, 28 of 31, eight of ten
    assert set(pw["status"]) == {"consistent"}


@pytest.fixture(scope="module")
def comparison(seed):
    return compare_reference(seed, None)


def test_seed_reference_agrees_where_the_compiler_found_agreement(comparison):
    # the file's own judgement (written by reading the releases) and the computed status must agree
    ref = load_reference()
    assert len(comparison) == len(ref)
    want = ref["agrees"].map({"yes": "agrees", "no": "disagrees", "unverified": "unverified"})
    has_number = ref["briefing_value"].notna()
    assert comparison.loc[has_number, "status"].tolist() == want[has_number].tolist()
    assert (comparison.loc[has_number, "match"] == "matched").all()
    assert (comparison.loc[has_number, "figure_ids"] != "").all()


def test_seed_charging_piles_disagree(seed, comparison):
    row = comparison[comparison["indicator"].str.startswith("charging piles")].iloc[0]
    assert row["status"] == "disagrees"
    assert row["figure_ids"] == fig(seed, "6.278 million", "charging piles")
    assert row["official_value"] - row["briefing_value"] == pytest.approx(7_642_000 - 6_278_000)
    sales = comparison[comparison["indicator"] == "NEV sales"].iloc[0]
    assert sales["figure_ids"] == fig(seed, "6.278 million", "output and sales of new energy vehicles")
    assert sales["status"] == "agrees"


def test_seed_pmi_has_no_briefing_number(comparison):
    row = comparison[comparison["indicator"] == "manufacturing PMI"].iloc[0]
    assert (row["status"], row["figure_ids"], row["match"]) == ("unverified", "", "no_briefing_value")


# --------------------------------------------------------------------------- command line


def test_cli_check_writes_both_tables(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "briefing", "check", "--out", str(tmp_path), "-q"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["check_figures.csv", "checks.csv", "datapackage.json", "reference_comparison.csv"]
    assert list(pd.read_csv(tmp_path / "checks.csv").columns) == ["check_id", *CHECK_COLUMNS]
    cmp = pd.read_csv(tmp_path / "reference_comparison.csv")
    assert len(cmp) == len(load_reference())


def test_cli_check_bad_reference(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,unit\nx,%\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "briefing", "check", "--reference", str(bad), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 2
    assert r.stderr.startswith("briefing: error:") and "Traceback" not in r.stderr
    assert not (tmp_path / "o").exists()


def test_reference_file_is_the_shared_copy():
    import hashlib

    import yaml

    meta = yaml.safe_load((ROOT / "data" / "reference" / "official_figures.meta.yml").read_text())
    data = (ROOT / "data" / "reference" / "official_figures.csv").read_bytes()
    assert hashlib.sha256(data).hexdigest() == meta["sha256"]
