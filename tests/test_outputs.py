"""The output folder is written as a whole: wholly old or wholly new after any failure, kill included."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from briefing import cli, files

from .conftest import SEED


def _state(folder: Path) -> dict[str, bytes]:
    """Every entry of a folder (name -> bytes); folders inside are not expected."""
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.exists() else {}


def _leftovers(parent: Path, name: str) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(f".{name}."))


def _corpus(folder: Path, stem: str, n: int) -> Path:
    folder.mkdir()
    for k in range(n):
        shutil.copy(SEED, folder / f"{stem}{k:02d}.txt")
    return folder


def _tables_with(corpus, argv: list[str]) -> int:
    """``briefing tables`` with ``read_many`` handing back a corpus already read (keeps tests short)."""
    import briefing.corpus

    real = briefing.corpus.read_many
    briefing.corpus.read_many = lambda *args, **kwargs: corpus
    try:
        return cli.main(argv)
    finally:
        briefing.corpus.read_many = real


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    """Two corpora and the folder each makes, plus a file of the other command and a user's file."""
    from briefing.corpus import read_many

    root = tmp_path_factory.mktemp("sets")
    old_in, new_in = _corpus(root / "a", "a", 1), _corpus(root / "b", "b", 2)
    result = {"old_in": old_in, "new_in": new_in}
    for key, inputs in (("old", old_in), ("new", new_in)):
        out = root / key
        out.mkdir()
        (out / "checks.csv").write_text("written by briefing check\n")  # not owned by `tables`
        (out / ".stamp").write_text("")
        corpus = read_many(sorted(inputs.glob("*.txt")))
        assert _tables_with(corpus, ["tables", str(inputs), "--out", str(out), "-q"]) == 0
        result[key], result[f"{key}_corpus"] = _state(out), corpus
    return result


def _fresh_out(tmp_path: Path, state: dict[str, bytes]) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    for name, data in state.items():
        (out / name).write_bytes(data)
    return out


def test_sets_differ_and_keep_the_other_commands_files(sets):
    old, new = sets["old"], sets["new"]
    tables = {f"{n}.csv" for n in cli.schema.TABLES}
    assert set(old) == set(new) == tables | {"checks.csv", ".stamp", "datapackage.json"}
    assert old["checks.csv"] == new["checks.csv"] == b"written by briefing check\n"
    assert old["briefings.csv"] != new["briefings.csv"] and old["figures.csv"] != new["figures.csv"]


def _snapshot(parent: Path, out: Path) -> tuple:
    """Names and inodes beside and inside ``out``: changes when a run starts writing, however it writes."""
    beside = sorted((p.name, p.stat().st_ino) for p in parent.iterdir())
    inside = sorted((p.name, p.stat().st_ino) for p in out.iterdir()) if out.is_dir() else []
    return beside, inside


def _wait_for_writing(parent: Path, out: Path, pid: int) -> float | None:
    """Poll until the child starts writing (then the time), or exits first (None)."""
    before = _snapshot(parent, out)
    while True:
        try:
            if _snapshot(parent, out) != before:
                return time.monotonic()
        except FileNotFoundError:  # an entry went while being looked at: writing has begun
            return time.monotonic()
        if os.waitpid(pid, os.WNOHANG)[0]:
            return None
        time.sleep(0.0005)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_at_random_moments_leaves_old_or_new(sets, tmp_path):
    """SIGKILL while `briefing tables` writes a corpus: never a mix (about 3 s).

    Each run is a forked child running the command line; it is killed at a random moment of its
    writing (first seen as a change beside or inside the folder), or of the whole run for some. To keep
    the test short the child is handed the corpus already read (``read_many`` is replaced in the child
    only): it builds, validates and writes the tables.
    """
    corpus = sets["new_corpus"]
    parent = tmp_path / "p"
    parent.mkdir()
    out = _fresh_out(parent, sets["old"])
    argv = ["tables", str(sets["new_in"]), "--out", str(out), "-q"]

    def run_child() -> int:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                os._exit(_tables_with(corpus, argv))
            finally:
                os._exit(99)
        return pid

    t = time.monotonic()
    pid = run_child()
    began = _wait_for_writing(parent, out, pid)
    assert os.waitpid(pid, 0)[1] == 0
    end = time.monotonic()
    assert began is not None and _state(out) == sets["new"]
    duration, writing = end - t, end - began
    rng = random.Random(20231020)
    for k in range(6):
        shutil.rmtree(out)
        out = _fresh_out(parent, sets["old"])
        pid = run_child()
        if k % 3 == 0:
            time.sleep(rng.uniform(0, duration))
        else:
            began = _wait_for_writing(parent, out, pid)
            time.sleep(rng.uniform(0, 1.2 * writing))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        state = _state(out)
        assert state in (sets["old"], sets["new"]), f"a mixed folder after kill {k}"
    # a later run cleans up what the killed ones left beside the folder
    assert _tables_with(corpus, argv) == 0
    assert _state(out) == sets["new"]
    assert _leftovers(parent, "out") == []


def _fail_to_csv(monkeypatch, after: int, exc: BaseException) -> None:
    """``DataFrame.to_csv`` raises ``exc`` on its call number ``after + 1`` (a full disk, Ctrl-C)."""
    import pandas as pd

    real, calls = pd.DataFrame.to_csv, []

    def to_csv(self, *args, **kwargs):
        if len(calls) == after:
            raise exc
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", to_csv)


@pytest.mark.parametrize(
    "exc",
    [OSError(errno.ENOSPC, "No space left on device"), OSError(errno.EIO, "Input/output error")],
    ids=["disk-full", "write-error"],
)
def test_write_error_leaves_the_old_folder_and_no_temporary(sets, tmp_path, monkeypatch, capsys, exc):
    out = _fresh_out(tmp_path, sets["old"])
    _fail_to_csv(monkeypatch, 3, exc)
    assert _tables_with(sets["new_corpus"], ["tables", str(sets["new_in"]), "--out", str(out), "-q"]) == 2
    assert _state(out) == sets["old"]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and exc.strerror in err and "left as it was" in err
    assert _leftovers(tmp_path, "out") == []


def test_ctrl_c_while_writing_says_the_folder_is_untouched(sets, tmp_path, monkeypatch, capsys):
    out = _fresh_out(tmp_path, sets["old"])
    _fail_to_csv(monkeypatch, 4, KeyboardInterrupt())
    assert _tables_with(sets["new_corpus"], ["tables", str(sets["new_in"]), "--out", str(out), "-q"]) == 130
    assert _state(out) == sets["old"]
    assert "left as it was" in capsys.readouterr().err
    assert _leftovers(tmp_path, "out") == []


def test_ctrl_c_after_the_swap_is_held_back_and_says_the_folder_is_new(sets, tmp_path, monkeypatch, capsys):
    out = _fresh_out(tmp_path, sets["old"])
    real = files._remove

    def remove(folder, warnings):  # Ctrl-C while the old copy is being removed
        os.kill(os.getpid(), signal.SIGINT)
        real(folder, warnings)

    monkeypatch.setattr(files, "_remove", remove)
    assert _tables_with(sets["new_corpus"], ["tables", str(sets["new_in"]), "--out", str(out), "-q"]) == 130
    assert "complete new output" in capsys.readouterr().err
    assert _state(out) == sets["new"]
    assert _leftovers(tmp_path, "out") == []


def test_a_second_run_into_the_same_folder_fails_at_once(sets, tmp_path, capsys):
    out = _fresh_out(tmp_path, sets["old"])
    with files._lock(out.absolute()):
        assert _tables_with(sets["new_corpus"], ["tables", str(sets["new_in"]), "--out", str(out), "-q"]) == 2
        err = capsys.readouterr().err
        assert f"another briefing run (process {os.getpid()}) is writing this folder" in err
        assert _state(out) == sets["old"]
    assert _leftovers(tmp_path, "out") == []  # the lock file goes with the lock
    assert _tables_with(sets["new_corpus"], ["tables", str(sets["new_in"]), "--out", str(out), "-q"]) == 0
    assert _state(out) == sets["new"]


def test_tables_and_check_keep_each_others_files(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    assert cli.main(["check", "--out", str(out), "-q"]) == 0
    checks = (out / "checks.csv").read_bytes()
    assert cli.main(["tables", "--out", str(out), "-q"]) == 0
    assert (out / "checks.csv").read_bytes() == checks and (out / "notes.txt").read_text() == "mine"
    tables = (out / "figures.csv").read_bytes()
    assert cli.main(["check", "--out", str(out), "-q"]) == 0
    assert (out / "figures.csv").read_bytes() == tables
    assert sorted(p.name for p in out.iterdir()) == sorted(
        {"notes.txt"} | cli.CHECK_FILES | {f"{n}.csv" for n in cli.schema.TABLES}
    )


def test_output_path_that_is_a_file_is_refused(tmp_path, capsys):
    out = tmp_path / "out"
    out.write_text("a file")
    assert cli.main(["tables", "--out", str(out), "-q"]) == 2
    assert "not a directory" in capsys.readouterr().err
    assert out.read_text() == "a file"


def test_write_atomic_keeps_the_mode_and_leaves_nothing_on_failure(tmp_path):
    p = tmp_path / "page.html"
    files.write_atomic(p, "one")
    os.chmod(p, 0o640)
    files.write_atomic(p, b"two")
    assert p.read_text() == "two" and p.stat().st_mode & 0o777 == 0o640

    def broken(path):
        path.write_text("half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError):
        files.write_atomic(p, broken)
    assert p.read_text() == "two" and sorted(x.name for x in tmp_path.iterdir()) == ["page.html"]


@pytest.mark.skipif(sys.platform != "linux", reason="renameat2 is Linux's")
def test_fallback_swap_without_exchange(sets, tmp_path, monkeypatch):
    """Where the atomic exchange is missing, two renames; a run that died between them is repaired."""
    out = _fresh_out(tmp_path, sets["old"])
    monkeypatch.setattr(files, "_exchange", lambda a, b: False)
    assert _tables_with(sets["new_corpus"], ["tables", str(sets["new_in"]), "--out", str(out), "-q"]) == 0
    assert _state(out) == sets["new"]
    os.rename(out, tmp_path / ".out.old-x")  # as if killed after the first rename
    (tmp_path / ".out.tmp-x").mkdir()
    assert _tables_with(sets["old_corpus"], ["tables", str(sets["old_in"]), "--out", str(out), "-q"]) == 0
    assert _state(out) == sets["old"]  # the other command's files came back with the old folder
    assert _leftovers(tmp_path, "out") == []
