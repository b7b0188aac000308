"""Hostile and unusual input: linear-time reading, nothing lost silently, corpora of briefings."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

import briefing

from .conftest import FIXTURES, SEED
from .helpers import HEADER, assert_spans_hold, spoken_numbers

LAYOUTS = FIXTURES / "layouts"


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
    assert_spans_hold(b)
    assert len(b.numbers.query("role == 'figure'")) == len(b.figures)


def test_long_digit_run_is_one_token_not_a_figure():
    b = briefing.parse(HEADER + "Code " + "9" * 100_000 + " ends.\n")
    n = spoken_numbers(b)
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


def test_read_many_two_files_with_one_id_get_distinct_ids(tmp_path):
    (tmp_path / "a").mkdir()
    copy = tmp_path / "a" / SEED.name
    copy.write_bytes(SEED.read_bytes())
    corpus = briefing.read_many([SEED, copy])
    assert corpus.ids == ["2023-10-20-miit-industry-it-q1-q3", "2023-10-20-miit-industry-it-q1-q3-2"]
    f = corpus.tables()["figures"]
    assert f.groupby("briefing_id").size().tolist() == [109, 109]


def test_the_same_file_given_twice_is_read_once_with_a_warning(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(SEED)
    corpus = briefing.read_many([SEED, SEED, link])
    assert corpus.ids == ["2023-10-20-miit-industry-it-q1-q3"]
    assert len(corpus.tables()["figures"]) == 109
    twice = [w for w in corpus.warnings if "given twice" in w]
    assert len(twice) == 2 and all(str(SEED) in w for w in twice)


def _main(capsys, *argv):
    """The command line in this process (faster than a subprocess): exit status and stderr."""
    from briefing.cli import main

    code = main([str(a) for a in argv])
    return code, capsys.readouterr().err


def test_cli_same_file_twice_warns_and_counts_once(tmp_path, capsys):
    out = tmp_path / "out"
    code, err = _main(capsys, "tables", SEED, SEED.parent, "--out", out)
    assert code == 0, err
    assert f"{SEED}: the same file as {SEED} (given twice); read once" in err
    assert len(pd.read_csv(out / "briefings.csv")) == 1


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


# --------------------------------------------------------------------------- reads that cannot hang


def test_dev_zero_is_refused_at_once():
    with pytest.raises(briefing.TranscriptError, match="not a regular file .a character device"):
        briefing.read("/dev/zero")


def test_reads_are_bounded_by_what_is_read(tmp_path, monkeypatch):
    from briefing import text

    p = tmp_path / "big.txt"
    p.write_bytes(SEED.read_bytes())
    monkeypatch.setattr(text, "MAX_BYTES", 1000)
    with pytest.raises(briefing.TranscriptError, match="file too large .more than 1,000 bytes"):
        briefing.read(p)


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="needs Linux /proc")
def test_the_limit_does_not_trust_the_reported_size(monkeypatch):
    """/proc/self/maps is a regular file that reports 0 bytes and holds several kB."""
    from briefing import text

    assert os.stat("/proc/self/maps").st_size == 0
    monkeypatch.setattr(text, "MAX_BYTES", 100)
    with pytest.raises(briefing.TranscriptError, match="file too large .more than 100 bytes"):
        briefing.read("/proc/self/maps")


def _fifo(path):
    os.mkfifo(path)
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_with_no_writer_is_refused_not_waited_on(tmp_path):
    fifo = _fifo(tmp_path / "pipe.txt")
    with pytest.raises(briefing.TranscriptError, match="not a regular file .a FIFO"):
        briefing.read(fifo)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_cli_fifo_inside_an_input_folder_fails_cleanly(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    _fifo(folder / "b.txt")
    out = tmp_path / "out"
    code, err = _main(capsys, "tables", folder, "--out", out)
    assert code == 2 and err.count("\n") == 1
    assert "b.txt: not a regular file (a FIFO" in err
    assert not out.exists()


# --------------------------------------------------------------------------- errors from workers


def test_transcript_error_survives_pickling():
    import pickle

    err = briefing.TranscriptError("a.txt", "not UTF-8 text", line=3)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is briefing.TranscriptError
    assert (back.source, back.reason, back.line, str(back)) == ("a.txt", "not UTF-8 text", 3, str(err))
    assert back.where == "a.txt, line 3"


def test_cli_bad_file_with_two_workers_is_the_usual_one_line_error(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "0.txt").write_bytes(SEED.read_bytes())
    (folder / "1.txt").write_bytes(b"")
    out = tmp_path / "out"
    code, err = _main(capsys, "tables", folder, "--workers", "2", "--out", out)
    assert code == 2, err
    assert err == f"briefing: error: {folder / '1.txt'}: the file is empty (no text to read)\n"
    assert not out.exists()


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_read(tmp_path, codec):
    text = SEED.read_text(encoding="utf-8")
    p = tmp_path / "wide.txt"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    p.write_bytes(data)
    b = briefing.read(p)
    assert b.text == briefing.load().text
    assert len(b.figures) == 109


def test_utf16_without_a_bom_is_named_in_the_message(tmp_path):
    p = tmp_path / "wide.txt"
    p.write_bytes("Title\nBeijing\n".encode("utf-16-le"))
    with pytest.raises(briefing.TranscriptError, match="UTF-16 text without a byte-order mark"):
        briefing.read(p)


def test_broken_utf16_names_the_line(tmp_path):
    p = tmp_path / "wide.txt"
    p.write_bytes("\ufeffTitle\nline two\n".encode("utf-16-le") + b"\x00\xd8a\x00")  # lone surrogate
    with pytest.raises(briefing.TranscriptError, match="not valid UTF-16-LE text") as info:
        briefing.read(p)
    assert info.value.line == 3


# --------------------------------------------------------------------------- check --reference


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the reference file is empty"),
        (b"\n  \n", "the reference file is empty"),
        ("indicator,period\nBeitr\u00e4ge,2023\n".encode("latin-1"), "line 2: not UTF-8 text: byte 0xE4"),
        (b'indicator,unit\n"x,%\n', "not a readable CSV"),
    ],
    ids=["empty", "blank", "latin-1", "unclosed-quote"],
)
def test_cli_check_bad_reference_is_one_line_exit_2(tmp_path, capsys, data, message):
    ref = tmp_path / "ref.csv"
    ref.write_bytes(data)
    out = tmp_path / "out"
    code, err = _main(capsys, "check", "--reference", ref, "--out", out)
    assert code == 2, err
    assert err.startswith(f"briefing: error: {ref}") and err.count("\n") == 1, err
    assert message in err
    assert not out.exists()


# --------------------------------------------------------------------------- formula injection


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted_text_columns_only(tmp_path):
    from briefing.cli import csv_safe

    df = pd.DataFrame(
        {
            "subject": pd.Series(
                ["=HYPERLINK(1)", "+37.5% y/y", "-plus", "@SUM(A1)", "\tx", "plain"], dtype="str"
            ),
            "note": ["-1", "ok", None, "=1", "a", "b"],
            "value": [-20.0, 1.0, -2.5, 3.0, 4.0, 5.0],
            "n": [-1, 2, 3, 4, 5, 6],
        }
    )
    safe = csv_safe(df)
    assert safe["subject"].tolist() == [
        "'=HYPERLINK(1)",
        "'+37.5% y/y",
        "'-plus",
        "'@SUM(A1)",
        "'\tx",
        "plain",
    ]
    assert safe["note"].tolist()[:2] == ["'-1", "ok"] and pd.isna(safe["note"].iloc[2])
    assert safe["value"].tolist() == df["value"].tolist() and safe["n"].tolist() == df["n"].tolist()
    assert df["subject"].iloc[0] == "=HYPERLINK(1)"  # the frame given is not changed
    numeric = df[["value", "n"]]
    assert csv_safe(numeric) is numeric  # nothing to quote: the same frame, no copy


def test_cli_tables_quote_formula_cells(tmp_path):
    src = tmp_path / "t.txt"
    src.write_text(HEADER + '=HYPERLINK("http://x") Output rose 4%.\n', encoding="utf-8")
    out = tmp_path / "out"
    r = subprocess.run(
        [sys.executable, "-m", "briefing", "tables", str(src), "--out", str(out), "-q"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    turns = pd.read_csv(out / "turns.csv", keep_default_na=False)
    assert turns["text"].iloc[0].startswith("'=HYPERLINK(")
    figures = pd.read_csv(out / "figures.csv")
    assert figures["value"].tolist() == [4.0]
