"""Project housekeeping: environment files in step, processed tables up to date, CLI works."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import pandas as pd
import yaml

from briefing import schema

from .conftest import ROOT


def _name(req: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.-]+)\s*(.*)$", req)
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def test_environment_yml_matches_pyproject():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = py["dependencies"] + py["optional-dependencies"]["notebooks"]
    wanted += py["optional-dependencies"]["test"] + py["optional-dependencies"]["book"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    conda = [c for c in conda if not c.startswith(("python", "pip"))]
    assert sorted(map(_name, conda)) == sorted(map(_name, wanted))


def test_processed_tables_are_what_the_code_produces(seed):
    """data/processed/ is committed for readers; it must equal a fresh build."""
    for name in schema.TABLES:
        path = ROOT / "data" / "processed" / f"{name}.csv"
        committed = pd.read_csv(path, keep_default_na=False, dtype=str)
        fresh = pd.read_csv(
            __import__("io").StringIO(seed.tables()[name].to_csv(index=False)),
            keep_default_na=False,
            dtype=str,
        )
        pd.testing.assert_frame_equal(committed, fresh, obj=f"data/processed/{name}.csv")


def test_processed_checks_are_what_the_code_produces(seed, tmp_path):
    from briefing.cli import main

    assert main(["check", "--out", str(tmp_path), "-q"]) == 0
    for name in ("checks.csv", "reference_comparison.csv"):
        committed = pd.read_csv(ROOT / "data" / "processed" / name, keep_default_na=False, dtype=str)
        fresh = pd.read_csv(tmp_path / name, keep_default_na=False, dtype=str)
        pd.testing.assert_frame_equal(committed, fresh, obj=f"data/processed/{name}")


def test_cli_writes_every_table(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "briefing", "tables", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".csv" or p.name.startswith("."))
    assert names == sorted(f"{n}.csv" for n in schema.TABLES)  # no temporary files left behind
    f = pd.read_csv(tmp_path / "figures.csv")
    assert len(f) == len(pd.read_csv(ROOT / "tests" / "cases" / "seed_figures.csv"))


def test_field_dictionary_documents_every_column():
    for name in schema.TABLES:
        d = schema.describe(name)
        assert d["description"].str.len().gt(10).all(), name
