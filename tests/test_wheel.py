"""The built wheel works on its own, as a new user would install it, outside the repository.

The wheel is built without build isolation (nothing is downloaded: setuptools >= 77 is in the test extra)
from a copy of the sources, so the checkout gets no ``build/`` or ``*.egg-info``. It is installed with
``--no-deps`` into a fresh virtual environment made with ``--system-site-packages``; the dependencies come
from the environment running the tests, whose site-packages a ``.pth`` file adds as a plain path, so that
environment's editable install of the project (a ``.pth`` hook of its own) is not active there. Every
command runs from an empty temporary folder with ``PYTHONPATH`` unset, and the first thing checked is
that ``briefing`` is imported from the wheel and not from the checkout.

About 7 s of CPU beyond collection (a build, an install, three fresh interpreters run side by side);
``make test`` runs it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

import briefing

from .conftest import ROOT

PROCESSED = ROOT / "data" / "processed"


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, f"{' '.join(cmd)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}"
    return r


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    import setuptools

    major = int(setuptools.__version__.split(".")[0])
    assert major >= 77, f"setuptools {setuptools.__version__} cannot build the wheel: make install"
    src = tmp_path_factory.mktemp("src")
    shutil.copytree(ROOT / "briefing", src / "briefing", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, src / name)
    dist = tmp_path_factory.mktemp("dist")
    pip = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(dist)]
    _run([*pip, str(src)], cwd=src)
    (whl,) = dist.glob("briefing-*.whl")
    return whl


@pytest.fixture(scope="module")
def env(wheel, tmp_path_factory) -> dict[str, Path]:
    """A fresh virtual environment with the wheel installed; its python, scripts folder and a work folder."""
    root = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(system_site_packages=True, with_pip=False, symlinks=os.name != "nt").create(root)
    bindir = root / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # The dependencies: the running environment's site-packages, as plain paths (its .pth files unread).
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (site / "_test_dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    work = tmp_path_factory.mktemp("elsewhere")
    _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)],
        cwd=work,
        env=_clean_env(),
    )
    return {"python": python, "bin": bindir, "site": site, "work": work}


def _clean_env() -> dict[str, str]:
    """The environment for commands in the fresh venv: no PYTHONPATH pointing at the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PYTHONNOUSERSITE"] = "1"
    return env


def test_the_wheel_holds_the_package_data_and_licence(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for p in (ROOT / "briefing").rglob("*"):
        rel = p.relative_to(ROOT).as_posix()
        if p.is_file() and "__pycache__" not in rel:
            assert rel in names, f"{rel} is not in the wheel"
    dist_info = f"briefing-{briefing.__version__}.dist-info"
    assert f"{dist_info}/licenses/LICENSE" in names
    meta = zipfile.ZipFile(wheel).read(f"{dist_info}/METADATA").decode()
    assert f"\nVersion: {briefing.__version__}\n" in meta
    assert "\nLicense-Expression: MIT\n" in meta


LOAD = """
import json, importlib.metadata as md
import briefing
from briefing.checks import compare_reference
b = briefing.load()
print(json.dumps({
    "file": briefing.__file__,
    "version": md.version("briefing"),
    "figures": len(b.figures),
    "date": str(b.meta.date),
    "reference_rows": len(compare_reference(b)),
}))
"""


@pytest.fixture(scope="module")
def runs(env) -> dict[str, subprocess.CompletedProcess[str]]:
    """briefing.load() beside `briefing tables`, then `briefing check` into the same folder (a second run
    into a folder being written is refused by its lock), in the fresh venv."""
    cli, out = str(env["bin"] / "briefing"), str(env["work"] / "out")
    stages = [
        {"load": [str(env["python"]), "-c", LOAD], "tables": [cli, "tables", "--out", out, "-q"]},
        {"check": [cli, "check", "--out", out, "-q"]},  # writes other files than `tables`
    ]
    done = {}
    for cmds in stages:
        procs = {
            k: subprocess.Popen(
                c, cwd=env["work"], env=_clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            for k, c in cmds.items()
        }
        for k, p in procs.items():
            stdout, stderr = p.communicate(timeout=300)
            done[k] = subprocess.CompletedProcess(cmds[k], p.returncode, stdout.decode(), stderr.decode())
            assert p.returncode == 0, f"{k} failed ({p.returncode}):\n{done[k].stdout}\n{done[k].stderr}"
    return done


def test_the_installed_wheel_loads_the_bundled_briefing(env, runs):
    got = json.loads(runs["load"].stdout.strip().splitlines()[-1])
    assert Path(got["file"]).resolve().is_relative_to(env["site"].resolve()), (
        f"briefing imported from {got['file']}, not from the wheel installed in {env['site']}"
    )
    assert got["version"] == briefing.__version__
    committed = (PROCESSED / "figures.csv").read_text(encoding="utf-8")
    assert got["figures"] == len(committed.splitlines()) - 1
    assert got["date"] == "2023-10-20"
    assert got["reference_rows"] == len((PROCESSED / "reference_comparison.csv").read_text().splitlines()) - 1


def test_the_installed_command_line_rebuilds_data_processed(env, runs):
    out = env["work"] / "out"
    made = sorted(p.name for p in out.iterdir())
    committed = sorted(p.name for p in PROCESSED.iterdir() if not p.name.startswith("."))
    assert made == committed
    for name in committed:
        assert (out / name).read_bytes() == (PROCESSED / name).read_bytes(), f"{name} differs"
