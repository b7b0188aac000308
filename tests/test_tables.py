"""Tables for readers (briefing.tables): labels, no index, no NaN, periods in words, source precision."""

import re

import pandas as pd
import pytest

from briefing import tables

ROWS = pd.DataFrame(
    {
        "figure_id": ["F001", "F002", "F050", "F063", "F009"],
        "speaker": ["Zhao Zhiguo", "Zhao Zhiguo", "Tao Qing", "Zhao Zhiguo", "Zhao Zhiguo"],
        "value": [4.0, 0.2, 40.0, -20.0, 3189000.0],
        "unit": ["%", "pp", "%", "%", "count"],
        "kind": ["growth", "pp_change", "share", "growth", "level"],
        "approx": ["exact", "exact", "more_than", "exact", "exact"],
        "surface": ["4%", "0.2 percentage points", "40%", "20%", "3.189 million"],
        "period": ["2023-01/2023-09", "2023-01/2023-09", "2023-01/2023-09", None, "2023-09-30"],
        "period_start": ["2023-01-01", "2023-01-01", "2023-01-01", None, "2023-09-30"],
        "period_end": ["2023-09-30", "2023-09-30", "2023-09-30", None, "2023-09-30"],
        "baseline": ["a year earlier", "the first half", None, None, None],
        "subject": [
            "added value",
            "added value",
            "L2 and above vehicles",
            "production line time",
            "5G base stations",
        ],
        "sector": [
            "industrial_economy",
            "industrial_economy",
            "new_energy_vehicles",
            "manufacturing",
            "telecoms_5g",
        ],
    }
)


def test_said_value_keeps_the_source_precision():
    assert tables.said_value(40.0, "%", "more_than", "40%") == "more than 40%"
    assert tables.said_value(3189000.0, "count", "exact", "3.189 million") == "3.189 million"
    assert tables.said_value(0.2, "pp", "exact", "0.2 percentage points") == "0.2 pp"
    assert tables.said_value(17.2, "%", "exact", "17.2%") == "17.2%"
    assert (
        tables.said_value(7.5e12, "yuan", "more_than", "7.5 trillion yuan") == "more than 7.5 trillion yuan"
    )
    assert tables.said_value(20.0, "count", "exact", "Twenty") == "20"
    assert tables.said_value(None, "%") == tables.DASH


def test_period_words():
    assert tables.period_words("2023-01/2023-09") == "Jan.-Sept. 2023"
    assert tables.period_words("2023-08") == "Aug. 2023"
    assert tables.period_words("2023-09-30") == "Sept. 30, 2023"
    assert tables.period_words(None) == ""


def test_figures_table_reads_like_a_publication():
    t = tables.figures_table(ROWS, columns=("figure_id", "said", "kind", "period", "baseline", "sector"))
    assert list(t.frame.columns) == ["Figure", "Value", "Kind", "Period", "Compared with", "Sector"]
    assert t.frame["Value"].tolist() == ["4%", "0.2 pp", "more than 40%", "-20%", "3.189 million"]
    assert t.frame["Kind"].tolist() == ["change, %", "change, pp", "share", "change, %", "level"]
    assert t.frame["Period"].tolist() == ["Jan.-Sept. 2023"] * 3 + [tables.DASH, "Sept. 30, 2023"]
    assert t.frame["Sector"].tolist()[2] == "New energy vehicles"
    assert t.numeric == ["Value"]
    html = t.to_html()
    for bad in ("nan", "NaN", "<NA>", "None", "pp_change", "more_than", "new_energy_vehicles", "row_heading"):
        assert bad not in html
    assert "td.col1 {\n  text-align: right;\n  white-space: nowrap;" in html  # the value column
    assert "td.col3 {\n  text-align: left;\n  white-space: nowrap;" in html  # the period, never broken
    assert not re.search(r'\bid="T_[^"]*_row', html)  # no per-cell ids


def test_html_is_stable_and_distinct_per_table():
    a = tables.figures_table(ROWS).to_html()
    assert a == tables.figures_table(ROWS.copy()).to_html()
    b = tables.figures_table(ROWS.iloc[:2]).to_html()
    ida = re.search(r'<table id="(T_\w+)"', a).group(1)
    idb = re.search(r'<table id="(T_\w+)"', b).group(1)
    assert ida != idb


def test_plain_text_is_a_markdown_table_without_index():
    t = tables.table(pd.DataFrame({"sector": ["smes", None], "n": [3, 1200]}), caption="Counts")
    text = repr(t)
    assert text.splitlines()[2] == "| Sector | Number |"
    assert text.splitlines()[3] == "| ------ | -----: |"
    assert "| SMEs   |      3 |" in text
    assert "| –      |  1,200 |" in text
    assert "<table" in t._repr_html_()


def test_generic_table_escapes_html_and_aligns_text_left():
    t = tables.table(pd.DataFrame({"quote": ["<b>x</b> & y"], "value": [1.5]}))
    html = t.to_html()
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in html
    assert t.numeric == ["Value"]


@pytest.mark.parametrize("code", ["pp_change", "more_than", "new_energy_vehicles", "manufacturing"])
def test_known_codes(code):
    assert code in tables.known_codes()


def test_markup_columns_show_backticked_codes_as_code():
    t = tables.table(pd.DataFrame({"column": ["`kind`"], "description": ["`pp_change` (points) <b>"]}),
                     markup=["column", "description"])  # fmt: skip
    html = t.to_html()
    assert "<code>pp_change</code> (points) &lt;b&gt;" in html
    assert "<code>kind</code>" in html
