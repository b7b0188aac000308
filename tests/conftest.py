from __future__ import annotations

from pathlib import Path

import pytest

import briefing

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "data" / "raw" / "2023-10-20-miit-industry-it-q1-q3.txt"


@pytest.fixture(scope="session")
def seed() -> briefing.Briefing:
    return briefing.load()
