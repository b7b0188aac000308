"""Prose that cannot be wrong (briefing.claims): premises checked, numbers at their source's precision."""

import pandas as pd
import pytest

from briefing import claims

STREAKS = pd.DataFrame(
    {
        "figure_id": ["F042", "F043", "F044"],
        "value": [36.0, 2.0, 6.0],
        "unit": ["months"] * 3,
        "approx": ["exact"] * 3,
        "surface": ["36 consecutive months", "two consecutive months", "six consecutive months"],
        "sector": ["manufacturing", "industrial_economy", "industrial_economy"],
        "period_end": [None, "2023-09-30", None],
    }
)


def test_largest_names_the_one_longest_run():
    assert claims.largest(STREAKS, what="run").figure_id == "F042"
    sector = STREAKS[STREAKS["sector"] == "industrial_economy"]
    assert claims.largest(sector, what="run").figure_id == "F044"
    assert claims.smallest(STREAKS).figure_id == "F043"


def test_largest_refuses_a_tie_and_an_empty_table():
    tie = pd.concat([STREAKS, STREAKS.iloc[[0]].assign(figure_id="F099")])
    with pytest.raises(claims.ClaimError, match="not unique: F042, F099"):
        claims.largest(tie, what="run")
    with pytest.raises(claims.ClaimError, match="no run"):
        claims.largest(STREAKS.iloc[:0], what="run")


def test_dated_raises_when_no_figure_or_another_number_is_dated():
    assert claims.dated(STREAKS, "runs", expected=1)["figure_id"].tolist() == ["F043"]
    with pytest.raises(claims.ClaimError, match="says 2 runs dated; the data have 1"):
        claims.dated(STREAKS, "runs", expected=2)
    with pytest.raises(claims.ClaimError, match="no runs has a period"):
        claims.dated(STREAKS.iloc[[0, 2]], "runs")


def test_require_only_count_plural():
    claims.require(True, "unused")
    with pytest.raises(claims.ClaimError, match="premise"):
        claims.require(False, "premise")
    assert claims.only(STREAKS.iloc[[1]], "run").figure_id == "F043"
    with pytest.raises(claims.ClaimError, match="exactly one run, found 3"):
        claims.only(STREAKS, "run")
    assert claims.count(STREAKS, 3, what="runs") == 3
    with pytest.raises(claims.ClaimError, match="counts 2 runs; the data have 3"):
        claims.count(STREAKS, 2, what="runs")
    assert claims.plural(1, "sector") == "1 sector"
    assert claims.plural(2, "sector") == "2 sectors"


def test_figure_keeps_the_speakers_precision():
    row = pd.Series({"value": 40.0, "unit": "%", "approx": "more_than", "surface": "40%"})
    assert claims.figure(row) == "more than 40%"
    assert claims.figure(STREAKS.iloc[2]) == "6 months"


def test_implied_rounds_to_the_inputs_digits():
    assert claims.sig_digits("3.189 million") == 4
    assert claims.sig_digits("4%") == 1
    assert claims.sig_digits("7,000") == 1
    assert claims.sig_digits("37.5%") == 3
    # 6.278 million sold, up 37.5%: about 4.57 million a year earlier (3 digits, those of 37.5%)
    assert claims.implied(6.278e6 / 1.375, "count", ["6.278 million", "37.5%"]) == "about 4.57 million"
    # 2.75 million divided by a stated "7": not "392,857"
    assert claims.implied(2.75e6 / 7, "count", ["2.75 million", "7"]) == "about 400,000"
    assert claims.implied(11.3 / 1.82, "%", ["11.3%", "1.82"]) == "about 6.21%"


def test_months_before_dates_the_start_of_a_run():
    assert claims.months_before("2023-08-31", 6) == pd.Timestamp("2023-03-01")
    assert claims.months_before("2023-09-30", 1) == pd.Timestamp("2023-09-01")


def test_kinds_in_words_names_every_kind_present_once():
    df = pd.DataFrame({"kind": ["level", "growth", "streak", "level", "pp_change"]})
    # written by hand: every figure counted, kinds in the order of kinds.yml, plurals from it
    assert claims.kinds_in_words(df) == "2 levels, 1 growth rate, 1 difference in points and 1 run"
    assert claims.kinds_in_words(df.iloc[:1]) == "1 level"
    with pytest.raises(claims.ClaimError, match="kinds outside kinds.yml"):
        claims.kinds_in_words(pd.DataFrame({"kind": ["level", "velocity"]}))
