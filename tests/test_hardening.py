"""Hostile and unusual input: linear-time reading, nothing lost silently, corpora of briefings."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import briefing

from .conftest import FIXTURES, SEED
from .helpers import HEADER

LAYOUTS = FIXTURES / "layouts"


def _spans_hold(b: briefing.Briefing) -> None:
    for name, col in (
        ("turns", "text"),
        ("sentences", "text"),
        ("numbers", "surface"),
        ("figures", "surface"),
    ):
        df = getattr(b, name)
        for s, e, t in zip(df["char_start"], df["char_end"], df[col], strict=True):
            assert b.text[s:e] == t


@pytest.mark.parametrize(
    "body",
    [
        "7" * 200_000,  # one long line of digits
        "".join(f"Speaker Number {k}:\n" for k in range(5_000)),  # label-like lines, no speech
        "Output rose 4%.\n" + "_ueditor_page_break_tag_\n" * 3_000 + "CCTV:\nWhy?\n",
        'He said "“(' * 2_000 + "growth of 4%" + ')”"' * 2_000 + ".\n",
        "In the first three quarters, output rose 4% year on year, " * 500 + "end.\n",
        "1, 2, 3 and 4 million; " * 2_000 + "\n",
    ],
    ids=["digits", "labels", "breaks", "quotes", "periods", "lists"],
)
def test_pathological_bodies_parse(body):
    b = briefing.parse(HEADER + body)
    _spans_hold(b)
    assert len(b.numbers.query("role == 'figure'")) == len(b.figures)


def test_long_digit_run_is_one_token_not_a_figure():
    b = briefing.parse(HEADER + "Code " + "9" * 100_000 + " ends.\n")
    n = b.numbers
    assert len(n) == 1 and n["role"].iloc[0] == "identifier"


def test_label_without_speech_is_kept_and_warned():
    b = briefing.parse(HEADER + "Output rose 4%.\n\nCCTV:\n\nTao Qing:\n\nIt rose.\n")
    assert b.turns["speaker"].tolist() == ["Zhao Zhiguo", "CCTV", "Tao Qing"]
    assert b.turns["text"].iloc[1] == ""
    assert any("CCTV" in w and "no speech" in w for w in b.warnings)


def test_text_after_the_trailer_is_reported():
    text = HEADER + "Output rose 4%.\n\nTranslated and edited by Wang Yi.\n\nCCTV:\n\nA second briefing?\n"
    b = briefing.parse(text)
    assert len(b.turns) == 1
    assert any("after the trailer" in w for w in b.warnings)


def test_read_many_combines_with_briefing_ids(tmp_path):
    paths = [SEED, *sorted(LAYOUTS.glob("*.txt"))]
    corpus = briefing.read_many(paths)
    t = corpus.tables()
    assert t["briefings"]["briefing_id"].is_unique
    assert len(t["briefings"]) == len(paths)
    for name, df in t.items():
        assert set(df["briefing_id"]) <= set(corpus.ids), name
    one = briefing.load()
    mine = t["figures"][t["figures"].briefing_id == one.briefing_id].reset_index(drop=True)
    pd.testing.assert_frame_equal(mine, one.figures)


def test_read_many_same_file_twice_gets_distinct_ids():
    corpus = briefing.read_many([SEED, SEED])
    assert corpus.ids == ["2023-10-20-miit-industry-it-q1-q3", "2023-10-20-miit-industry-it-q1-q3-2"]
    f = corpus.tables()["figures"]
    assert f.groupby("briefing_id").size().tolist() == [109, 109]


def test_read_many_in_a_process_pool_gives_the_same_tables():
    paths = sorted(LAYOUTS.glob("*.txt"))
    a = briefing.read_many(paths).tables()
    b = briefing.read_many(paths, workers=2).tables()
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name])


def test_cli_reads_a_directory(tmp_path):
    out = tmp_path / "out"
    r = subprocess.run(
        [sys.executable, "-m", "briefing", "tables", str(LAYOUTS), "--out", str(out), "-q"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    b = pd.read_csv(out / "briefings.csv")
    assert len(b) == len(list(LAYOUTS.glob("*.txt")))
    assert "2024-02-28-split-page" in set(b["briefing_id"])  # the briefing date, not the posting date


def test_briefing_id_from_name_and_date():
    import datetime as dt

    from briefing.model import briefing_id_for

    assert briefing_id_for("x/2023-10-20-miit.txt", dt.date(2023, 10, 20)) == "2023-10-20-miit"
    assert briefing_id_for("x/Transcript Page.txt", dt.date(2024, 2, 28)) == "2024-02-28-transcript-page"
    assert briefing_id_for("<string>", None) == "string"
