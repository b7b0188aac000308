"""Each fixture layout parses into the metadata, turns, exchanges and figures written in its
``.expected.yml`` (expectations written by hand with the fixture, not from parser output)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

import briefing

from .conftest import FIXTURES
from .helpers import assert_warnings, expected_figure

LAYOUTS = sorted((FIXTURES / "layouts").glob("*.txt"))


def _expected(path):
    return yaml.safe_load(path.with_suffix(".expected.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=LAYOUTS, ids=[p.stem for p in LAYOUTS])
def case(request):
    return briefing.read(request.param), _expected(request.param)


def test_meta(case):
    b, exp = case
    m = exp["meta"]
    assert b.meta.title == m["title"]
    want = m["date"]
    if isinstance(want, str):
        want = dt.date.fromisoformat(want)
    assert b.meta.date == want
    assert b.meta.time == m.get("time")
    assert b.meta.place == m.get("place")
    assert b.meta.chair == m.get("chair")
    assert list(b.meta.speakers) == m.get("speakers", [])


def test_turns(case):
    b, exp = case
    t = b.turns
    assert len(t) == exp["n_turns"]
    for row, want in zip(t.itertuples(), exp["turns"], strict=True):
        assert (None if row.speaker != row.speaker else row.speaker) == want["speaker"], row.turn_id
        assert row.role == want["role"], (row.turn_id, row.speaker)
        assert row.text.startswith(want["starts"]), (row.turn_id, row.text[:60])
        if "ends" in want:
            assert row.text.endswith(want["ends"]), (row.turn_id, row.text[-60:])


def test_exchanges(case):
    b, exp = case
    got = [
        (None if o != o else o, a)
        for o, a in zip(b.exchanges["outlet"], b.exchanges["answerer"], strict=True)
    ]
    want = [(e["outlet"], e["answerer"]) for e in exp.get("exchanges") or []]
    assert got == want


def test_warnings(case):
    b, exp = case
    assert_warnings(b, exp["warnings"])


def test_sample_figures(case):
    b, exp = case
    f = b.figures
    if "n_figures" in exp:
        assert len(f) == exp["n_figures"], f["surface"].tolist()
    for want in exp.get("figures") or []:
        r = expected_figure(f, want, f"figure {want['number']} = {want['value']} not extracted")
        assert r["unit"] == want["unit"], want
        assert r["kind"] == want["kind"], want
        period = None if r["period"] != r["period"] else r["period"]
        assert period == (None if want["period"] is None else str(want["period"])), want
        if "speaker" in want:
            assert r["speaker"] == want["speaker"], want


def test_no_text_lost(case):
    """Every non-blank body line is inside a turn, or is a label, page break or page furniture (of a
    web page or a printed one), up to the trailer or a second briefing."""
    b, _ = case
    _assert_coverage(b)


def _assert_coverage(b: briefing.Briefing) -> None:
    from briefing.layout import PAGE_BREAK, is_chrome, is_page_furniture, label_of, split_lines

    lay = b.steps.layout
    if lay.body_start_line is None:
        assert len(b.turns) == 0
        return
    end = min(lay.trailer_start_line or 10**9, lay.unread_start_line or 10**9)
    spans = list(zip(b.turns["char_start"], b.turns["char_end"], strict=True))
    furniture = set(lay.furniture)  # lines the reader recorded as page furniture (link lists too)
    for ln in split_lines(b.text):
        if ln.no < lay.body_start_line or ln.no >= end or not ln.content:
            continue
        content = ln.content.removeprefix(PAGE_BREAK).strip() or PAGE_BREAK  # a tag glued to a label
        if content == PAGE_BREAK or is_chrome(content) or label_of(content):
            continue
        if is_page_furniture(content, b.meta.title) or (ln.cstart, ln.cend) in furniture:
            continue
        inside = any(a <= ln.cstart and ln.cend <= z for a, z in spans)
        label_inline = any(a <= ln.cend <= z for a, z in spans)
        assert inside or label_inline, f"line {ln.no} not in any turn: {ln.content[:60]!r}"
