"""Page furniture in the layout fixtures: every number on a furniture line is in the ledger with role
``page`` (the ``page_numbers`` key of a fixture's ``.expected.yml``, written by hand with the fixture)."""

from __future__ import annotations

import pytest
import yaml

import briefing

from .conftest import FIXTURES

LAYOUTS = sorted(
    p
    for p in (FIXTURES / "layouts").glob("*.txt")
    if "page_numbers" in yaml.safe_load(p.with_suffix(".expected.yml").read_text(encoding="utf-8"))
)


@pytest.mark.parametrize("path", LAYOUTS, ids=[p.stem for p in LAYOUTS])
def test_furniture_numbers_have_role_page(path):
    want = yaml.safe_load(path.with_suffix(".expected.yml").read_text(encoding="utf-8"))["page_numbers"]
    b = briefing.read(path)
    n = b.numbers
    text = b.text
    pos = 0
    for entry in want:
        start = text.index(entry["line"], pos)
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        pos = end
        got = n[(n.char_start >= start) & (n.char_end <= end)]
        assert list(got["surface"]) == entry["numbers"], (entry["line"], list(got["surface"]))
        assert set(got["role"]) == {"page"}, (entry["line"], list(got["role"]))
    # and no furniture number became a figure
    assert not (n["role"].eq("page") & n["figure_id"].notna()).any()
