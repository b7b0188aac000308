"""The reference file of official values: where it is found, and what happens when it cannot be read."""

from __future__ import annotations

import pandas as pd
import pytest

import briefing
from briefing import ReferenceFileError, TranscriptError, paths
from briefing.checks import REFERENCE_COLUMNS, compare_reference, load_reference

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
