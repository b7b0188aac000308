"""Project housekeeping: environment files in step, processed tables up to date, CLI works."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import pandas as pd
import pytest
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


# --------------------------------------------------------------------------- data shipped in the package

BUNDLED = ROOT / "briefing" / "data" / "bundled"
#: Each file in the package's bundled/ folder and the repository's canonical copy of it.
ORIGINALS = {
    "2023-10-20-miit-industry-it-q1-q3.txt": "data/raw",
    "2023-10-20-miit-industry-it-q1-q3.meta.yml": "data/raw",
    "official_figures.csv": "data/reference",
    "official_figures.meta.yml": "data/reference",
    "context_series.csv": "data/reference",
    "context_series.meta.yml": "data/reference",
}


def test_packaged_data_are_byte_for_byte_the_repository_files():
    """briefing/data/bundled/ holds copies (package data); data/raw/ and data/reference/ are canonical."""
    assert sorted(p.name for p in BUNDLED.iterdir() if p.name != "README.md") == sorted(ORIGINALS)
    for name, folder in ORIGINALS.items():
        assert (BUNDLED / name).read_bytes() == (ROOT / folder / name).read_bytes(), (
            f"briefing/data/bundled/{name} differs from {folder}/{name}: copy it again (cp {folder}/{name} "
            "briefing/data/bundled/)"
        )


def test_packaged_data_match_the_checksums_in_their_provenance():
    import hashlib

    from briefing import paths

    for data, meta in [
        (paths.bundled_transcript(), ROOT / "data" / "raw" / "2023-10-20-miit-industry-it-q1-q3.meta.yml"),
        (paths.bundled_reference(), ROOT / "data" / "reference" / "official_figures.meta.yml"),
        (paths.bundled_file("context_series.csv"), ROOT / "data" / "reference" / "context_series.meta.yml"),
    ]:
        m = yaml.safe_load(meta.read_text(encoding="utf-8"))
        raw = data.read_bytes()
        assert (hashlib.sha256(raw).hexdigest(), len(raw)) == (m["sha256"], m["bytes"]), data.name


def test_load_reads_the_packaged_transcript():
    from briefing import load, paths

    assert paths.bundled_transcript().parent == BUNDLED
    assert load().meta.source_file == "2023-10-20-miit-industry-it-q1-q3.txt"


# --------------------------------------------------------------------------- packaging metadata


def test_the_version_has_one_source():
    import briefing

    py = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in py["project"] and "version" in py["project"]["dynamic"]
    assert py["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "briefing.__version__"}
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["version"] == briefing.__version__
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(briefing.__version__)}\] - \d{{4}}-\d\d-\d\d$", changelog, re.M)


def test_licence_files_and_build_floor():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert py["project"]["license"] == "MIT" and py["project"]["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    # An SPDX string in `license` needs setuptools 77 (PEP 639); the floor must say so.
    assert py["build-system"]["requires"] == ["setuptools>=77"]
    assert (ROOT / "briefing" / "py.typed").exists()
    globs = py["tool"]["setuptools"]["package-data"]["briefing"]
    assert len(globs) == len(set(globs))
    for g in globs:
        assert list((ROOT / "briefing").glob(g)), f"package-data glob {g!r} matches nothing"


# --------------------------------------------------------------------------- reproducible environment


def _requirements() -> list[str]:
    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return py["dependencies"] + py["optional-dependencies"]["notebooks"] + py["optional-dependencies"]["test"]


def test_constraints_pin_every_dependency_exactly():
    """constraints.txt (``make constraints``) pins each requirement of pyproject.toml to one version."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    lines = [ln.strip() for ln in (ROOT / "constraints.txt").read_text().splitlines()]
    pins = {}
    for ln in lines:
        if ln and not ln.startswith("#"):
            name, sep, version = ln.partition("==")
            assert sep and version and " " not in ln, f"constraints.txt: {ln!r} is not name==version"
            pins[canonicalize_name(name)] = version
    assert "briefing" not in pins, "the project itself is not a constraint"
    for req in map(Requirement, _requirements()):
        name = canonicalize_name(req.name)
        assert name in pins, (
            f"{req.name} is in pyproject.toml but not pinned in constraints.txt: make constraints"
        )
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"constraints.txt pins {req.name}=={pins[name]}, outside {req.specifier} of pyproject.toml"
        )
    for tool in ("pip", "setuptools"):
        assert tool in pins, f"{tool} is pinned too (make install installs it first)"


def test_the_committed_charts_were_drawn_with_the_pinned_matplotlib():
    """Each PNG in the executed notebooks records the matplotlib that drew it: the one pinned."""
    import base64
    import json

    pins = dict(ln.split("==", 1) for ln in (ROOT / "constraints.txt").read_text().splitlines() if "==" in ln)
    drawn = {}
    for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            for out in cell.get("outputs", []):
                png = out.get("data", {}).get("image/png")
                if png:
                    head = base64.b64decode("".join(png))[:400]  # the tEXt chunk comes first
                    m = re.search(rb"Matplotlib version([\d.]+)", head)
                    drawn.setdefault(m.group(1).decode() if m else "?", []).append(nb.name)
    assert drawn, "no charts in the executed notebooks"
    assert set(drawn) == {pins["matplotlib"]}, (
        f"charts drawn with {sorted(drawn)}, pinned {pins['matplotlib']}"
    )


def test_a_missing_bundled_file_is_named():
    from briefing import paths

    with pytest.raises(FileNotFoundError, match="briefing/data/bundled/no-such-file.txt"):
        paths.bundled_file("no-such-file.txt")
