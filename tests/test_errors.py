"""What is not a transcript fails with a clear TranscriptError naming the file (and line)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import briefing
from briefing import TranscriptError


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "empty", None),
        (b"   \n\n\t\n", "empty", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL bytes", 3),
        (b"Title\nBeijing | Oct. 20, 2023\nZhao:\n\xff\xfe bad", "not UTF-8", 4),
        ("Title\nGeb\u00fchr\n".encode("latin-1"), "not UTF-8", 2),
        ("\u6807\u9898\n\u65e5\u671f".encode("gbk"), "not UTF-8", 1),
        (b"Title\x07\nmore", "control character", 1),
        (b"just some words\nwith no structure at all\n", "does not look like an SCIO", 1),
    ],
)
def test_bad_files(tmp_path, data, message, line):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(TranscriptError) as info:
        briefing.read(p)
    err = info.value
    assert str(p) in str(err)
    assert message in str(err)
    assert err.line == line
    assert isinstance(err, ValueError)


def test_missing_and_directory(tmp_path):
    with pytest.raises(TranscriptError, match="no such file"):
        briefing.read(tmp_path / "nope.txt")
    with pytest.raises(TranscriptError, match="is a directory"):
        briefing.read(tmp_path)


def test_parse_names_the_source():
    with pytest.raises(TranscriptError, match="^my-source: the transcript is empty"):
        briefing.parse("", source="my-source")
    with pytest.raises(TypeError):
        briefing.parse(b"bytes")  # type: ignore[arg-type]


def test_crlf_and_bom_are_normalised():
    text = "\ufeffTitle\r\nBeijing | 3 p.m. Oct. 20, 2023\r\n\r\nZhao Zhiguo:\r\n\r\nOutput rose 4%.\r\n"
    b = briefing.parse(text)
    assert "\r" not in b.text and not b.text.startswith("\ufeff")
    assert b.turns["text"].tolist() == ["Output rose 4%."]


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, cwd=cwd)


def test_cli_bad_input_exit_2_one_line_nothing_written(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    out = tmp_path / "out"
    r = _cli("tables", str(bad), "--out", str(out))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and str(bad) in r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists()


def test_cli_one_bad_file_among_good_writes_nothing(tmp_path):
    from .conftest import SEED

    bad = tmp_path / "empty.txt"
    bad.write_text("")
    out = tmp_path / "out"
    r = _cli("tables", str(SEED), str(bad), "--out", str(out))
    assert r.returncode == 2 and "empty.txt" in r.stderr
    assert not out.exists()


def test_cli_missing_path_and_directory(tmp_path):
    r = _cli("tables", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o"))
    assert r.returncode == 2 and "no such file" in r.stderr
    r = _cli("tables", str(tmp_path), "--out", str(tmp_path / "o"))
    assert r.returncode == 2 and "no .txt transcripts" in r.stderr
