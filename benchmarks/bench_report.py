"""How long does ``briefing report`` take? Prints numbers; asserts nothing (machines are shared and noisy).

For the bundled briefing and every out-of-sample fixture (tests/fixtures/outsample/*.txt), or the
transcripts given: the whole ``briefing report TRANSCRIPT --out DIR`` as a fresh process (what a user
waits for: start-up, the notebook executed in a new kernel, the HTML rendered, the folder written), the
same sections rendered in this process without a kernel (:func:`briefing.report.html_page`, warm), the size
of the page, and whether every section was made.

Run: python benchmarks/bench_report.py [TRANSCRIPT ...] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTSAMPLE = ROOT / "tests" / "fixtures" / "outsample"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("transcripts", nargs="*", type=Path)
    ap.add_argument("--keep", type=Path, help="keep each report in DIR/NAME/")
    args = ap.parse_args()
    paths: list[Path | None] = list(args.transcripts) or [None, *sorted(OUTSAMPLE.glob("*.txt"))]

    from briefing import report

    report.html_page(None, charts=False)  # warm: imports, vocabularies, pandera
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    print(f"{'transcript':<42} {'command s':>9} {'in-process s':>12} {'page KB':>8}  sections")
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for path in paths:
            name = path.stem if path else "bundled"
            out = base / name
            given = [str(path)] if path else []
            cmd = [sys.executable, "-m", "briefing", "report", *given, "--out", str(out)]
            t = time.perf_counter()
            r = subprocess.run(cmd + ["-q"], capture_output=True, text=True, env=env)
            command = time.perf_counter() - t
            if r.returncode != 0:
                print(f"{name:<42} failed (exit {r.returncode}): {r.stderr.strip()[-300:]}")
                continue
            t = time.perf_counter()
            report.html_page(path, charts=True)
            in_process = time.perf_counter() - t
            page = (out / "report.html").read_text(encoding="utf-8")
            failed = page.count('role="alert"')
            ok = "all made" if not failed else f"{failed} failed"
            print(f"{name:<42} {command:>9.2f} {in_process:>12.2f} {len(page) / 1024:>8.0f}  {ok}")


if __name__ == "__main__":
    main()
