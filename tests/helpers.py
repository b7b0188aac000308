"""Small builders shared by tests."""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from types import ModuleType

import pytest

import briefing

#: Debian's Chromium, which the browser tests drive through Playwright.
CHROMIUM = Path("/usr/bin/chromium")

HEADER = """SCIO briefing on a test topic
Beijing | 3 p.m. Oct. 20, 2023

Speakers:

Mr. Zhao Zhiguo, spokesperson of the Ministry of Industry and Information Technology (MIIT)

Chairperson:

Ms. Xing Huina, spokesperson of the State Council Information Office (SCIO)

Date:

Oct. 20, 2023

Zhao Zhiguo:

"""


def speech(text: str) -> briefing.Briefing:
    """A one-turn briefing of Oct. 20, 2023 in which an official says ``text``."""
    return briefing.parse(HEADER + text + "\n", source="<test>")


def extracted_header(date: str) -> str:
    """The header of a text given as one turn of plain speech dated ``date`` (ISO), as the real-text
    benchmark wraps a text: the rules of the reader's body, and periods read against that date."""
    return f"Extracted text\nDate: {date}\n\nText:\n\n"


def extracted(text: str, date: str = "2021-07-16") -> briefing.Briefing:
    """``text`` (a real-text pattern written by the team) parsed as one turn dated ``date``."""
    return briefing.parse(extracted_header(date) + text, source="<test>")


def expected_figure(figures, want: dict, message: object = None):
    """The first row of ``figures`` whose surface starts with ``want["number"]`` and whose value is
    ``want["value"]``: the figure a fixture's expected yml names. Fails (with ``message``, by default
    ``want`` and the surfaces extracted) when there is none."""
    rows = figures[figures["surface"].str.startswith(want["number"])]
    rows = rows[[math.isclose(v, want["value"], rel_tol=1e-9) for v in rows["value"]]]
    assert len(rows) >= 1, message if message is not None else (want, figures["surface"].tolist())
    return rows.iloc[0]


def spoken_numbers(b: briefing.Briefing):
    """The ledger rows inside the turns (speakers' labels and speech): the ledger without the numbers of
    the header, the trailer and the page furniture around the turns."""
    spans = [((t.label_span or (t.char_start, 0))[0], t.char_end) for t in b.steps.turns]
    n = b.numbers
    inside = [any(a <= s < e for a, e in spans) for s in n["char_start"]]
    return n[inside]


def assert_spans_hold(b: briefing.Briefing) -> None:
    """Every text column is the original characters of its span (the text as given, not the folded copy
    the rules read), and every quote starts at its ``quote_start``."""
    for name, col in (
        ("turns", "text"),
        ("sentences", "text"),
        ("numbers", "surface"),
        ("figures", "surface"),
    ):
        df = getattr(b, name)
        for s, e, t in zip(df["char_start"], df["char_end"], df[col], strict=True):
            assert b.text[s:e] == t, (name, s)
    f = b.figures
    for s, t in zip(f["quote_start"], f["quote"], strict=True):
        assert b.text[s : s + len(t)] == t


def assert_warnings(b: briefing.Briefing, want: list[str] | None) -> None:
    """The reader gives exactly as many warnings as ``want`` lists, each containing the words written there
    (a text that reads cleanly lists none)."""
    want = want or []
    assert len(b.warnings) == len(want), b.warnings
    for w in want:
        assert any(w in got for got in b.warnings), (w, b.warnings)


def playwright_or_skip(what: str = "browser test") -> ModuleType:
    """Playwright's sync API, or a skip naming what is missing (Chromium or the Python package)."""
    if not CHROMIUM.exists() or not shutil.which(str(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium): {what} skipped")
    return pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")


#: Flags for headless Chromium in a container: no sandbox, GPU or background network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]


def launch_chromium(playwright, tries: int = 2):
    """Debian's Chromium started through Playwright, allowed 60 s and tried twice.

    The first start after ``apt-get install`` builds the font cache; on a two-core machine that also runs
    the other test jobs it has taken more than 15 s. A second failure is raised as it is.
    """
    for attempt in range(1, tries + 1):
        try:
            chromium = playwright.chromium
            return chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=60_000)
        except Exception:
            if attempt == tries:
                raise
    raise ValueError(f"tries must be at least 1, not {tries}")
