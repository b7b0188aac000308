"""The scoring logic of benchmarks/bench_real_text.py, on a short text written for these tests.

Expected counts below were worked out by hand from the text and the predictions given; the predictions
are written here too (not taken from the package), except in the last two tests, which check only that
the extractor-only mode's spans index the file's text and that the script runs end to end.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_real_text as rt  # noqa: E402

TEXT = (
    "Output grew 4.5% in 2022, and sales rose 4.5% too.\n"
    "The index stood at 118.2 points; about 300 firms took part.\n"
    "Most read\n1\n2\n"
)


def item(text: str, surface: str, occurrence: int = 1, **kw) -> rt.Item:
    a, b = rt.locate(text, surface, occurrence)
    return rt.Item(a, b, surface=surface, occurrence=occurrence, **kw)


def test_locate_counts_occurrences_left_to_right_without_overlaps():
    assert rt.locate(TEXT, "4.5%", 1) == (12, 16)
    assert rt.locate(TEXT, "4.5%", 2) == (41, 45)
    assert rt.locate(TEXT, "4.5%", 3) is None
    assert rt.locate("1111", "11", 2) == (2, 4)  # not (1, 3): occurrences do not overlap
    assert rt.locate(TEXT, "", 1) is None


def test_offsets_are_those_of_the_decoded_file(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes(b"\xef\xbb\xbfA line.\r\nIt grew 4.5%.\r\n")  # BOM and CRLF
    text = rt.read_text(p)
    exp, lost = rt.expected_items(text, [{"surface": "4.5%", "occurrence": "1", "value": "4.5"}])
    assert not lost
    assert (exp[0].start, exp[0].end) == (16, 20)  # "A line.\n" is 8 characters, "It grew " 8 more


def test_expected_rows_are_read_with_defaults_and_period_ends_widened():
    rows = [
        {"surface": "4.5%", "occurrence": "2", "value": "4.5", "unit": "%", "approx": "",
         "period_start": "2022", "period_end": "2022-02"},
        {"surface": "77%", "occurrence": "1", "value": "77"},
    ]  # fmt: skip
    exp, lost = rt.expected_items(TEXT, rows)
    assert [r["surface"] for r in lost] == ["77%"]
    (e,) = exp
    assert (e.start, e.approx, e.period_start, e.period_end) == (41, "exact", "2022-01-01", "2022-02-28")


def test_matching_is_one_to_one_and_prefers_the_largest_overlap():
    exp = [rt.Item(10, 14, "4.5%"), rt.Item(12, 20, "x")]
    pred = [rt.Item(11, 20, "y")]
    assert rt.match(exp, pred) == [(1, 0)]  # overlap 8 beats overlap 3; the first expected stays unmatched
    assert rt.match(exp, []) == []
    assert rt.match([rt.Item(0, 2, "a")], [rt.Item(2, 4, "b")]) == []  # touching is not overlapping


def test_value_within_half_a_percent():
    e = rt.Item(0, 1, "", value=200.0)
    assert rt.value_ok(e, rt.Item(0, 1, "", value=200.9))
    assert not rt.value_ok(e, rt.Item(0, 1, "", value=201.1))
    assert not rt.value_ok(e, rt.Item(0, 1, "", value=-200.0))
    assert rt.value_ok(rt.Item(0, 1, "", value=0.0), rt.Item(0, 1, "", value=0.0))
    assert not rt.value_ok(rt.Item(0, 1, "", value=None), rt.Item(0, 1, "", value=1.0))


def test_score_counts_matches_attributes_and_the_ledger():
    y22 = {"period_start": "2022-01-01", "period_end": "2022-12-31"}
    exp = [
        item(TEXT, "4.5%", 1, value=4.5, unit="%", kind="growth", approx="exact", **y22),
        item(TEXT, "4.5%", 2, value=4.5, unit="%", kind="growth", approx="exact", **y22),
        item(TEXT, "118.2", value=118.2, unit="points", kind="level", approx="exact"),
        item(TEXT, "300", value=300, unit="count", kind="level", approx="about"),
    ]
    pred = [
        item(TEXT, "4.5%", 1, value=4.5, unit="%", kind="growth", approx="exact", **y22),  # all right
        item(TEXT, "4.5%", 2, value=4.5, unit="%", kind="share", approx="exact"),  # kind, period wrong
        item(TEXT, "118.2", value=118.2, unit="count", kind="level", approx="exact"),  # unit wrong
        item(TEXT, "2022", value=2022, unit="count", kind="level", approx="exact"),  # a false positive
        item(TEXT, "1", 3, value=1, unit="count", kind="level", approx="exact"),  # page number "1"
    ]
    ledger = [
        item(TEXT, "2022", role="year"),
        item(TEXT, "1", 3, role="figure"),
        # the "2" of the page bar is not in the ledger at all
    ]
    non_figures = [
        item(TEXT, "1", 3, role="page"),
        item(TEXT, "2", 5, role="page"),
        item(TEXT, "2022", role="year"),
    ]
    run = rt.Run("end to end", pred, ledger)
    t, errors = rt.score(TEXT, exp, run, non_figures)
    assert (t.expected, t.predicted, t.matched) == (4, 5, 3)
    assert (t.value, t.value_unit) == (3, 2)
    assert (t.kind, t.kind_n, t.approx, t.period) == (2, 3, 3, 2)
    assert t.rates() == {
        "precision": "0.600",
        "value_rec": "0.750",
        "v+u_rec": "0.500",
        "kind": "0.667",
        "approx": "1.000",
        "period": "0.667",
    }
    assert t.ledger == {("page", "figure"): 1, ("page", "absent"): 1, ("other", "non-figure"): 1}
    assert t.same_role["other"] == 1
    kinds = sorted(e.split()[0] for e in errors)
    assert kinds == ["FP", "FP", "LEDGER", "LEDGER", "MISS", "WRONG", "WRONG"]
    fp = next(e for e in errors if e.startswith("  FP") and "'2022'" in e)
    assert "[2022]" in fp and "Output grew 4.5% in" in fp  # the context from the text


def test_a_refused_run_predicts_nothing_and_leaves_its_ledger_unscored():
    exp = [item(TEXT, "300", value=300, unit="count")]
    t, errors = rt.score(TEXT, exp, rt.Run("end to end", refused="no"), [item(TEXT, "1", 3, role="page")])
    assert (t.refused, t.expected, t.predicted, t.matched, t.value) == (1, 1, 0, 0, 0)
    assert t.ledger == {("page", "refused"): 1}
    assert [e.split()[0] for e in errors] == ["MISS"]


def test_extractor_only_spans_index_the_text():
    text = "Exports rose 3.5% in August.\nRetail sales grew 7.2% year on year.\n"
    run = rt.extractor_only(text, rt.text_date("2023-10-20-x", {}), "<test>")
    assert not run.refused
    assert run.figures and run.ledger
    for x in run.figures + run.ledger:
        assert text[x.start : x.start + len(x.surface)] == x.surface
    assert rt.wrap_header(None) == "Extracted text\n\nText:\n\n"


def test_the_script_runs_on_a_folder_and_exits_0(tmp_path, capsys):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("Exports rose 3.5% in August.\n", encoding="utf-8")
    (tmp_path / "texts" / "b.txt").write_text("Not in the expectations.\n", encoding="utf-8")
    exp = tmp_path / "expected.csv"
    exp.write_text(
        "text_id,split,surface,occurrence,value,unit,kind,approx,period_start,period_end,note\n"
        "a,dev,3.5%,1,3.5,%,growth,,,,\n",
        encoding="utf-8",
    )
    assert rt.main([str(tmp_path / "texts"), "--expected", str(exp), "--split", "dev"]) == 0
    out = capsys.readouterr().out
    assert "== a (dev)" in out and "== b" not in out
    assert "extractor only" in out  # a.txt has no date, speaker list or label: refused end to end


def test_an_empty_unit_is_scored_against_the_unit_its_note_names():
    # labels written when the vocabulary had no unit leave it empty and name the text's unit in the note
    assert rt.noted_unit("", "unit micrograms per cubic meter: none in the vocabulary") == "µg/m3"
    assert rt.noted_unit("", "garbled; unit kilograms per mu: none in the vocabulary") == "kg/mu"
    assert rt.noted_unit("", "unit furlongs: none in the vocabulary") == ""  # still none: stays empty
    assert rt.noted_unit("", "no period in the text") == ""
    assert rt.noted_unit("", "unit hectares (not in the vocabulary); 'at least' is exact") == "hectares"
    assert rt.noted_unit("", "unit: degrees Celsius (°C), none in the vocabulary; baseline: normal") == "°C"
    assert rt.noted_unit("", "as two; unit: minutes, none in the vocabulary") == "minutes"
    assert rt.noted_unit("yuan", "unit mu: none in the vocabulary") == "yuan"  # a written unit stands


def test_without_file_dates_a_text_with_no_date_resolves_no_period(tmp_path):
    # a report with no date of its own, saved under a name that carries one
    p = tmp_path / "report-2021-07-16.txt"
    p.write_text("Exports rose 8.1% in the first half of this year.\n", encoding="utf-8")
    named = rt.end_to_end(p).figures
    alone = rt.end_to_end(p, file_dates=False).figures
    assert [(f.period_start, f.period_end) for f in named] == [("2021-01-01", "2021-06-30")]
    assert [(f.period_start, f.period_end) for f in alone] == [("", "")]
