"""The reference file of official values: where it is found, and what happens when it cannot be read."""

from __future__ import annotations

import pandas as pd
import pytest

import briefing
from briefing import ReferenceFileError, TranscriptError, paths
from briefing.checks import REFERENCE_COLUMNS, compare_reference, load_reference

from .helpers import speech

HEADER = ",".join(REFERENCE_COLUMNS) + "\n"


def test_the_default_reference_is_the_packaged_copy():
    assert load_reference().equals(load_reference(paths.bundled_reference()))
    assert len(load_reference()) == 29  # official_figures.meta.yml: rows: 29


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (HEADER.encode() + "x,2023,%,1,2,caf\u00e9\n".encode("latin-1"), "not UTF-8"),
        (HEADER.encode() + b'"x,2023,%,1,2\n', "not a readable CSV"),
        (b"\x00\x01\x02PK", "not a readable CSV"),
    ],
    ids=["empty", "blank", "latin-1", "unclosed-quote", "binary"],
)
def test_an_unreadable_reference_file_is_a_reference_error_naming_it(tmp_path, content, says):
    p = tmp_path / "official.csv"
    p.write_bytes(content)
    with pytest.raises(ReferenceFileError, match=says) as info:
        load_reference(p)
    assert info.value.source == str(p)
    assert str(p) in str(info.value)


def test_a_missing_reference_file_or_a_folder_is_a_reference_error(tmp_path):
    with pytest.raises(ReferenceFileError, match="no such file") as info:
        load_reference(tmp_path / "missing.csv")
    assert info.value.source == str(tmp_path / "missing.csv")
    with pytest.raises(ReferenceFileError, match="directory"):
        load_reference(tmp_path)


def test_reference_errors_are_transcript_errors_so_the_command_line_reports_them():
    assert issubclass(ReferenceFileError, TranscriptError)
    assert issubclass(ReferenceFileError, ValueError)


def test_a_header_only_reference_is_an_empty_table_not_an_error(tmp_path):
    p = tmp_path / "official.csv"
    p.write_text(HEADER, encoding="utf-8")
    assert load_reference(p).empty


def test_compare_reference_with_a_missing_default_reference_raises(monkeypatch, tmp_path):
    """Before: compare_reference(b) returned an empty table when the default file was missing."""
    b = briefing.parse(
        "SCIO briefing\nOct. 20, 2023\nSpeakers:\nMr. A, official\nA:\nOutput grew 4% year on year.\n"
    )
    gone = tmp_path / "official_figures.csv"
    monkeypatch.setattr(paths, "bundled_reference", lambda: gone)
    with pytest.raises(ReferenceFileError, match="official_figures.csv"):
        compare_reference(b)
    # An explicit empty frame is still "compare with nothing".
    assert compare_reference(b, pd.DataFrame()).empty


def test_cli_check_with_an_empty_reference_is_a_one_line_error(tmp_path, capsys):
    from briefing.cli import main

    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert main(["check", "--reference", str(empty), "--out", str(tmp_path / "o"), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefing: error:") and str(empty) in err and "is empty" in err
    assert not (tmp_path / "o").exists()


# --------------------------------------------------------------------------- the context series


CONTEXT_HEADER = "indicator,period,value,unit,publisher,release_date,retrieved_from,evidence,note\n"
REF_HEADER = "indicator,period,unit,briefing_value,official_value,publisher,agrees,note\n"


def _csv(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_the_packaged_context_series_is_read_with_numbers():
    from briefing.checks import CONTEXT_COLUMNS, load_context

    ctx = load_context()
    assert len(ctx) == 24  # context_series.meta.yml: rows: 24
    assert set(CONTEXT_COLUMNS) <= set(ctx.columns)
    row = ctx[(ctx["indicator"] == "NEV sales") & (ctx["period"] == "2022-01/2022-09")].iloc[0]
    assert row["value"] == 4_567_000 and row["publisher"] == "CAAM"


def test_an_unreadable_context_file_is_a_reference_error_naming_it(tmp_path):
    from briefing.checks import load_context

    with pytest.raises(ReferenceFileError, match="lacks column"):
        load_context(_csv(tmp_path, "c.csv", "indicator,period,unit\nx,2023,count\n"))
    with pytest.raises(ReferenceFileError, match="not a number"):
        load_context(_csv(tmp_path, "c.csv", CONTEXT_HEADER + "x,2023,lots,count,,,,,\n"))


STATIONS = "By the end of September, China had built 3.189 million 5G base stations."
STATIONS_REF = REF_HEADER + '"5G base stations, cumulative",2023-09-30,count,3189000,,MIIT,unverified,\n'
STATIONS_CONTEXT = CONTEXT_HEADER + (
    '"5G base stations built, cumulative",2023-06-30,2937000,count,MIIT,,,relay,\n'
    '"5G base stations built, cumulative",2023-07-31,3055000,count,MIIT,,,relay,\n'
    '"5G base stations built, cumulative",2023-12-31,3377000,count,MIIT,,,relay,\n'
)


def test_a_stock_between_the_publishers_values_before_and_after_is_on_its_path(tmp_path):
    from briefing.checks import compare_context, load_context

    b = speech(STATIONS)
    ref = load_reference(_csv(tmp_path, "r.csv", STATIONS_REF))
    ctx = load_context(_csv(tmp_path, "c.csv", STATIONS_CONTEXT))
    found = compare_context(b, ref, ctx)
    assert len(found) == 1
    row = found.iloc[0]
    # 3.189 million at end-September lies between 3.055 million (end-July) and 3.377 million (end-December);
    # a straight line between them gives 3.055 + 61/153 days * 0.322 = 3.183 million at end-September
    assert (row["check"], row["status"], row["figure_ids"]) == ("path", "consistent", "F001")
    assert "3.055 million" in row["detail"] and "3.377 million" in row["detail"]
    assert "2023-07-31" in row["detail"] and "2023-12-31" in row["detail"]
    assert row["low"] == 3_055_000 and row["high"] == 3_377_000
    # a path check shows the figure is plausible, not that it is right: the status stays unverified
    cmp = compare_reference(b, ref, context=ctx).iloc[0]
    assert (cmp["status"], cmp["context_check"], cmp["context_status"]) == (
        "unverified",
        "path",
        "consistent",
    )


def test_a_stock_off_the_path_of_its_series_is_inconsistent(tmp_path):
    from briefing.checks import compare_context, load_context

    b = speech(STATIONS.replace("3.189", "3.5"))
    ref = load_reference(_csv(tmp_path, "r.csv", STATIONS_REF.replace("3189000", "3500000")))
    ctx = load_context(_csv(tmp_path, "c.csv", STATIONS_CONTEXT))
    assert compare_context(b, ref, ctx)["status"].tolist() == ["inconsistent"]


def test_no_path_without_values_on_both_sides_or_when_the_series_falls(tmp_path):
    from briefing.checks import compare_context, load_context

    b = speech(STATIONS)
    ref = load_reference(_csv(tmp_path, "r.csv", STATIONS_REF))
    before_only = STATIONS_CONTEXT.rsplit('"5G', 1)[0]
    assert compare_context(b, ref, load_context(_csv(tmp_path, "c.csv", before_only))).empty
    falling = STATIONS_CONTEXT.replace("2937000", "3500000")  # not a cumulative series: no path to be on
    assert compare_context(b, ref, load_context(_csv(tmp_path, "c.csv", falling))).empty


OUTPUT = "In the first three quarters, the output of new energy vehicles (NEVs) reached 6.313 million."
OUTPUT_REF = REF_HEADER + "NEV output,2023-01/2023-09,count,6313000,,CAAM,unverified,\n"
# 8.316 million up 31.7% implies 8.316 / 1.317 = 6.3143 million a year earlier; with the rounding of both
# (8.3155-8.3165 million, 31.65-31.75%), 6.3116 to 6.3183 million: 6.313 million (6.3125-6.3135) is inside.
OUTPUT_CONTEXT = CONTEXT_HEADER + 'NEV production,2024-01/2024-09,8316000,count,CAAM,,,relay,"up 31.7% y/y"\n'


def test_a_year_later_release_and_its_growth_rate_confirm_an_unverified_level(tmp_path):
    from briefing.checks import compare_context, load_context

    b = speech(OUTPUT)
    ref = load_reference(_csv(tmp_path, "r.csv", OUTPUT_REF))
    ctx = load_context(_csv(tmp_path, "c.csv", OUTPUT_CONTEXT))
    row = compare_context(b, ref, ctx).iloc[0]
    assert (row["check"], row["status"], row["figure_ids"]) == ("year_on_year", "agrees", "F001")
    assert row["low"] == pytest.approx(8_315_500 / 1.3175) and row["high"] == pytest.approx(
        8_316_500 / 1.3165
    )
    assert "31.7%" in row["detail"] and "2024-01/2024-09" in row["detail"]
    cmp = compare_reference(b, ref, context=ctx).iloc[0]
    assert (cmp["status"], cmp["context_check"]) == ("agrees", "year_on_year")
    assert "6.314 million" in cmp["detail"]
    # without the context the same row is unverified, as the reference file says
    assert compare_reference(b, ref).iloc[0]["status"] == "unverified"


def test_a_year_later_release_that_implies_another_level_disagrees(tmp_path):
    from briefing.checks import load_context

    b = speech(OUTPUT)
    ref = load_reference(_csv(tmp_path, "r.csv", OUTPUT_REF))
    ctx = load_context(_csv(tmp_path, "c.csv", OUTPUT_CONTEXT.replace("31.7%", "30.0%")))
    # 8.316 / 1.300 = 6.397 million, not 6.313
    cmp = compare_reference(b, ref, context=ctx).iloc[0]
    assert (cmp["status"], cmp["context_status"]) == ("disagrees", "disagrees")


SALES = (
    "In the first three quarters, the sales of new energy vehicles (NEVs) reached 6.278 million, up 37.5% "
    "year on year."
)
SALES_CONTEXT = CONTEXT_HEADER + "NEV sales,2022-01/2022-09,4567000,count,CAAM,2022-10-12,,relay,\n"


def test_an_implied_base_year_level_is_checked_against_the_release_it_implies(tmp_path):
    from briefing.checks import compare_context, load_context

    b = speech(SALES)
    ref = load_reference(
        _csv(tmp_path, "r.csv", REF_HEADER + "NEV sales,2023-01/2023-09,count,6278000,,CAAM,,\n")
    )
    ctx = load_context(_csv(tmp_path, "c.csv", SALES_CONTEXT))
    # 6.278 million / 1.375 = 4.5658 million (4.5638 to 4.5678 with the rounding): CAAM's 4.567 million is in
    row = compare_context(b, ref, ctx).iloc[0]
    assert (row["check"], row["status"], row["figure_ids"]) == ("year_earlier", "consistent", "F001;F002")
    assert row["low"] == pytest.approx(6_277_500 / 1.3755) and row["high"] == pytest.approx(
        6_278_500 / 1.3745
    )
    assert "4.567 million" in row["detail"]
    far = load_context(_csv(tmp_path, "c.csv", SALES_CONTEXT.replace("4567000", "4700000")))
    assert compare_context(b, ref, far)["status"].tolist() == ["inconsistent"]


def test_the_bundled_briefing_against_its_context(seed):
    from briefing.checks import compare_context, load_context

    found = compare_context(seed, load_reference(), load_context()).set_index(["indicator", "check"])
    stations = found.loc[("5G base stations, cumulative", "path")]
    assert stations["status"] == "consistent"
    assert "3.055 million" in stations["detail"] and "3.377 million" in stations["detail"]
    assert found.loc[("NEV output", "year_on_year"), "status"] == "agrees"  # 8.316 mn / 1.317 = 6.314 mn
    assert found.loc[("NEV sales", "year_on_year"), "status"] == "agrees"  # 8.320 mn / 1.325 = 6.279 mn
    assert found.loc[("NEV sales", "year_earlier"), "status"] == "consistent"  # 4.567 mn in 4.5638-4.5678
    # 6.313 mn / 1.337 = 4.7218 mn, CAAM's first release said 4.717 mn: the base was revised since
    assert found.loc[("NEV output", "year_earlier"), "status"] == "inconsistent"
    assert ("NEV exports", "year_on_year") not in found.index  # no context row is about exports
    cmp = compare_reference(seed, load_reference(), context=load_context()).set_index("indicator")
    assert cmp.loc["NEV output", "status"] == "agrees"
    assert cmp.loc["NEV output", "reference_agrees"] == "unverified"


def test_cli_check_uses_the_context_series(tmp_path):
    from briefing.cli import main

    assert main(["check", "--out", str(tmp_path), "-q"]) == 0
    cmp = pd.read_csv(tmp_path / "reference_comparison.csv", keep_default_na=False).set_index("indicator")
    assert cmp.loc["NEV output", "status"] == "agrees"
    assert cmp.loc["5G base stations, cumulative", "context_status"] == "consistent"
