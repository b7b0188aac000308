"""The parse's public steps, and the rows cut from them."""

from __future__ import annotations

import pytest

import briefing

from .helpers import HEADER

TEXT = "Power generation reached 9.2 TWh in September, and wind farms produced 9.2TWh.\n"


def test_steps_are_public_and_match_the_tables():
    b = briefing.parse(HEADER + TEXT, source="<test>")
    steps = b.steps
    assert [b.text[f.token.start : f.token.end] for f in steps.figures] == list(b.figures["surface"])
    assert len(steps.turns) == len(b.turns)
    assert len(steps.sentences) == len(b.sentences)
    assert steps.layout.title == b.meta.title
    with pytest.raises(AttributeError):
        steps.figures = ()  # type: ignore[misc]


def test_figures_of_one_sentence_share_one_quote():
    # A sentence of thousands of figures must not be copied once per figure (quadratic memory).
    b = briefing.parse(HEADER + "Output rose 1.5%, 2.5% and 3.5% in September.\n", source="<test>")
    rows = b.records("figures")
    assert [r["surface"] for r in rows] == ["1.5%", "2.5%", "3.5%"]
    assert rows[0]["quote"] == "Output rose 1.5%, 2.5% and 3.5% in September."
    assert rows[0]["quote"] is rows[1]["quote"] is rows[2]["quote"]


#: The steps :func:`briefing.pipeline.run` calls, by the names it imports them under. Each one's return
#: value is copied the moment it returns; after the whole parse it must still equal its copy: no later
#: step changed what an earlier one made.
STEP_FUNCTIONS = (
    "read_layout", "build_turns", "build_exchanges", "empty_turn_warnings", "read_other", "read_meta",
    "split_sentences", "find_tokens", "ledger", "sentence_periods", "build_figures", "home_sector",
    "exchange_topics", "figure_sectors",
)  # fmt: skip


def _recorded_run(monkeypatch, path):
    import copy

    from briefing import pipeline
    from briefing.text import read_text

    returned: list[tuple[str, object, object]] = []

    def wrap(name, fn):
        def step(*args, **kwargs):
            out = fn(*args, **kwargs)
            returned.append((name, out, copy.deepcopy(out)))
            return out

        return step

    for name in STEP_FUNCTIONS:
        monkeypatch.setattr(pipeline, name, wrap(name, getattr(pipeline, name)))
    steps = pipeline.run(read_text(path), str(path))
    return steps, returned


@pytest.mark.parametrize(
    "path",
    [
        "data/raw/2023-10-20-miit-industry-it-q1-q3.txt",  # the bundled transcript
        "tests/fixtures/layouts/furniture-web.txt",  # page furniture: tokens with the role "page"
        "tests/fixtures/layouts/host-hands-over.txt",
        "tests/fixtures/formats/qa-conference.txt",  # read as another format (formats.read_other)
    ],
)
def test_no_step_changes_what_an_earlier_step_returned(monkeypatch, path):
    from .conftest import ROOT

    steps, returned = _recorded_run(monkeypatch, ROOT / path)
    called = {name for name, _, _ in returned}
    assert {"read_layout", "ledger", "build_figures", "figure_sectors"} <= called
    changed = [name for name, live, before in returned if live != before]
    assert not changed, f"changed after they returned: {changed}"
    assert steps.figures or "furniture" in path or "hands-over" in path
