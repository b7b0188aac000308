"""Tables that other tools read as they are: Parquet, datapackage.json, link tables, DuckDB, executors."""

from __future__ import annotations

import io
import json
import re
import shutil
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest

import briefing
from briefing import cli, schema

from .conftest import FIXTURES, ROOT

LAYOUTS = sorted((FIXTURES / "layouts").glob("*.txt"))[:3]


def _main(capsys, *argv) -> int:
    code = cli.main([str(a) for a in argv])
    capsys.readouterr()
    return code


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """The bundled briefing's output folder: tables (CSV and Parquet), then checks."""
    out = tmp_path_factory.mktemp("bundled") / "out"
    assert cli.main(["tables", "--out", str(out), "--format", "csv,parquet", "-q"]) == 0
    assert cli.main(["check", "--out", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    folder = root / "in"
    folder.mkdir()
    for p in LAYOUTS:
        shutil.copy(p, folder / p.name)
    out = root / "out"
    assert cli.main(["tables", str(folder), "--out", str(out), "--format", "csv,parquet", "-q"]) == 0
    return out, sorted(folder.glob("*.txt"))


# --------------------------------------------------------------------------- Parquet


def test_parquet_reads_back_equal_dtypes_included(bundled, corpus_out, seed):
    import pyarrow.parquet as pq

    corpus_folder, inputs = corpus_out
    corpus = briefing.read_many(inputs).tables()
    for folder, tables in ((bundled, seed.tables()), (corpus_folder, corpus)):
        for name, df in tables.items():
            back = pd.read_parquet(folder / f"{name}.parquet")
            pd.testing.assert_frame_equal(back, df, check_exact=True, obj=f"{folder.name}/{name}")
    types = pq.read_schema(bundled / "figures.parquet")
    assert str(types.field("period_start").type) == "date32[day]"  # dates as dates, not strings
    assert str(types.field("sector").type).startswith("dictionary<values=string")  # categoricals kept
    assert pd.read_parquet(bundled / "figures.parquet")["unit"].cat.categories.tolist() == list(
        schema.categories("figures", "unit")
    )  # the full category set, used or not


def test_csv_stays_the_default_and_formats_replace_each_other(tmp_path, capsys):
    out = tmp_path / "out"
    assert _main(capsys, "tables", "--out", out, "--format", "parquet") == 0
    assert {p.suffix for p in out.iterdir()} == {".parquet", ".json"}
    assert _main(capsys, "tables", "--out", out) == 0  # CSV: the Parquet files of the last run go
    assert {p.suffix for p in out.iterdir()} == {".csv", ".json"}


def test_unknown_format_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["tables", "--out", str(tmp_path / "o"), "--format", "xlsx"])
    assert info.value.code == 2 and "unknown format" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


# --------------------------------------------------------------------------- datapackage.json


def _validate(folder: Path):
    import frictionless

    return frictionless.validate(str(folder / "datapackage.json"))


def _errors(report) -> list[str]:
    return [f"{t.name}: {e.type} {e.note}" for t in report.tasks for e in t.errors][:5]


def test_frictionless_validates_the_bundled_folder(bundled):
    """Every table, CSV and Parquet, the checks and their link table (about 5 s: frictionless)."""
    report = _validate(bundled)
    assert report.valid, _errors(report)
    names = {t.name for t in report.tasks}
    assert {*schema.TABLES, "checks", "check_figures", "reference_comparison", "figures-parquet"} <= names


def test_frictionless_validates_a_corpus_folder(corpus_out):
    report = _validate(corpus_out[0])
    assert report.valid, _errors(report)


def test_frictionless_finds_a_broken_table(bundled, tmp_path):
    """The description has teeth: a unit outside its vocabulary and a dangling turn_id are found."""
    out = tmp_path / "out"
    shutil.copytree(bundled, out)
    figures = pd.read_csv(out / "figures.csv", dtype=str, keep_default_na=False)
    figures.loc[0, "unit"] = "furlongs"
    figures.loc[1, "turn_id"] = "T999"
    figures.to_csv(out / "figures.csv", index=False)
    for p in out.glob("*.parquet"):
        p.unlink()
    desc = json.loads((out / "datapackage.json").read_text())
    desc["resources"] = [r for r in desc["resources"] if r["format"] == "csv"]
    (out / "datapackage.json").write_text(json.dumps(desc))
    report = _validate(out)
    assert not report.valid
    kinds = {(t.name, e.type) for t in report.tasks for e in t.errors}
    assert kinds == {("figures", "constraint-error"), ("figures", "foreign-key")}


def test_datapackage_is_made_from_the_field_dictionary(bundled):
    desc = json.loads((bundled / "datapackage.json").read_text())
    res = {r["name"]: r for r in desc["resources"]}
    assert [f["name"] for f in res["figures"]["schema"]["fields"]] == schema.TABLES["figures"]
    fields = {f["name"]: f for f in res["figures"]["schema"]["fields"]}
    assert fields["char_start"]["unit"] == "characters" and fields["char_start"]["type"] == "integer"
    assert fields["kind"]["constraints"]["enum"] == list(schema.categories("figures", "kind"))
    assert fields["period_start"]["type"] == "date" and fields["value"]["type"] == "number"
    assert fields["value"]["description"] == schema.field("figures", "value")["description"]
    assert res["figures"]["schema"]["primaryKey"] == ["briefing_id", "figure_id"]
    fks = {(tuple(k["fields"]), k["reference"]["resource"]) for k in res["figures"]["schema"]["foreignKeys"]}
    assert (("briefing_id", "turn_id"), "turns") in fks
    link = {tuple(k["fields"]): k["reference"] for k in res["check_figures"]["schema"]["foreignKeys"]}
    assert link[("briefing_id", "figure_id")] == {
        "resource": "figures",
        "fields": ["briefing_id", "figure_id"],
    }
    assert res["figures-parquet"]["path"] == "figures.parquet"


def test_tables_alone_describe_no_checks(tmp_path, capsys):
    out = tmp_path / "out"
    assert _main(capsys, "tables", "--out", out) == 0
    desc = json.loads((out / "datapackage.json").read_text())
    assert [r["name"] for r in desc["resources"]] == list(schema.TABLES)
    assert _main(capsys, "check", "--out", out) == 0  # check rewrites the description: now both
    desc = json.loads((out / "datapackage.json").read_text())
    assert [r["name"] for r in desc["resources"]][-3:] == ["checks", "check_figures", "reference_comparison"]


# --------------------------------------------------------------------------- link table of checks


def test_check_figures_has_one_row_per_figure_of_a_finding(bundled, seed):
    checks = pd.read_csv(bundled / "checks.csv", keep_default_na=False)
    links = pd.read_csv(bundled / "check_figures.csv", keep_default_na=False)
    assert list(checks.columns) == schema.CHECK_TABLES["checks"]
    assert checks["check_id"].tolist() == [f"C{k:03d}" for k in range(1, len(checks) + 1)]
    assert list(links.columns) == ["briefing_id", "check_id", "figure_id"]
    assert not links.duplicated().any() and set(links["briefing_id"]) == {seed.briefing_id}
    assert set(links["figure_id"]) <= set(seed.figures["figure_id"])
    # the first finding of the bundled briefing: F001 and F022 said twice, agreeing
    first = checks.iloc[0]
    assert (first["check"], first["figure_ids"]) == ("repeat", "F001;F022")
    assert links[links.check_id == first["check_id"]]["figure_id"].tolist() == ["F001", "F022"]
    joined = links.groupby("check_id", sort=False)["figure_id"].agg(";".join)
    with_figures = checks[checks["figure_ids"] != ""].set_index("check_id")["figure_ids"]
    assert joined.to_dict() == with_figures.to_dict()


# --------------------------------------------------------------------------- executors and progress


def test_read_many_with_any_executor_gives_the_same_tables():
    default = briefing.read_many(LAYOUTS).tables()
    with ThreadPoolExecutor(max_workers=2) as threads, ProcessPoolExecutor(max_workers=2) as procs:
        for ex in (threads, procs):
            got = briefing.read_many(LAYOUTS, executor=ex).tables()
            for name in default:
                pd.testing.assert_frame_equal(got[name], default[name], obj=f"{type(ex).__name__} {name}")
        assert threads.submit(int, "7").result() == 7  # the executor passed in is not shut down


def test_an_executor_reports_the_first_bad_file_in_order(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00")
    with ThreadPoolExecutor(max_workers=2) as ex, pytest.raises(briefing.TranscriptError, match="bad.txt"):
        briefing.read_many([LAYOUTS[0], bad, LAYOUTS[1]], executor=ex)


def test_progress_is_reported_for_every_file():
    calls = []
    briefing.read_many(LAYOUTS, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(k, len(LAYOUTS)) for k in range(1, len(LAYOUTS) + 1)]


def test_progress_bar_draws_on_one_line_and_ends_it():
    stream = io.StringIO()
    bar = cli.ProgressBar(stream, width=10)
    bar(1, 4)
    bar(2, 4)  # within a tenth of a second: not redrawn
    bar(4, 4)
    out = stream.getvalue()
    assert out.startswith("\rreading 1/4 transcripts [##........]")
    assert "2/4" not in out and "\rreading 4/4 transcripts [##########]" in out and out.endswith("\n")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("quiet", [False, True])
def test_cli_progress_bar_on_a_terminal_and_quiet_with_q(tmp_path, monkeypatch, quiet):
    import sys

    folder = tmp_path / "in"
    folder.mkdir()
    for p in LAYOUTS:
        shutil.copy(p, folder / p.name)
    err = _Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert cli.main(["tables", str(folder), "--out", str(tmp_path / "out"), *(["-q"] if quiet else [])]) == 0
    bar = f"reading {len(LAYOUTS)}/{len(LAYOUTS)} transcripts ["
    if quiet:
        assert err.getvalue() == ""
    else:
        assert bar in err.getvalue() and err.getvalue().startswith("\rreading 1/")


# --------------------------------------------------------------------------- the README's DuckDB query


def _readme_example() -> tuple[str, str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(
        r"```sh\n(?P<sh>briefing tables --format parquet[^\n]*)\n```\n.*?"
        r"```python\n(?P<py>import duckdb\n.*?)```\n.*?```text\n(?P<out>.*?)```",
        text,
        re.DOTALL,
    )
    assert m, "the README's DuckDB example (sh, python, text blocks) is missing"
    return m.group("sh"), m.group("py"), m.group("out")


def test_readme_duckdb_example_prints_what_the_readme_says(tmp_path, monkeypatch, capsys, seed):
    import contextlib
    import shlex

    sh, code, expected = _readme_example()
    argv = shlex.split(sh)[1:]
    monkeypatch.chdir(tmp_path)
    assert cli.main(argv) == 0
    capsys.readouterr()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {})
    assert printed.getvalue() == expected
    # and the same numbers from the tables in memory
    f = seed.figures
    by_sector = f.groupby("sector", observed=True).size().sort_values(ascending=False)
    for line in expected.splitlines()[1:]:
        sector, n = line.split()[:2]
        assert by_sector[sector] == int(n)


def test_parquet_needs_pyarrow_says_so(tmp_path, capsys, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n == "pyarrow" else real(n, *a))
    assert cli.main(["tables", "--out", str(tmp_path / "o"), "--format", "parquet"]) == 2
    assert "needs pyarrow" in capsys.readouterr().err and not (tmp_path / "o").exists()
