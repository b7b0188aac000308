"""The numbers ledger: roles the code gives (not the patterns of roles.yml), signs, tokens that
never overlap, and input that is not valid text."""

from __future__ import annotations

import pytest

import briefing
from briefing import TranscriptError

from .helpers import speech, spoken_numbers


def _roles(text: str) -> list[tuple[str, str]]:
    n = spoken_numbers(speech(text))
    return list(zip(n["surface"], n["role"], strict=True))


def test_half_and_quarter_need_one_digit_from_one_to_four():
    # "H1" and "Q3" are periods; "H23", "Q34", "H1234", "Q5" are names (models, codes), not periods
    got = dict(
        _roles("H1 and Q3 were strong; the H23 line, the Q34 model, the H1234 code and Q5 were shown.")
    )
    assert got == {
        "H1": "period",
        "Q3": "period",
        "H23": "name",
        "Q34": "name",
        "H1234": "name",
        "Q5": "name",
    }


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("The 2Q1st batch and the H1N1 virus were studied.", ["2Q1st", "H1N1"]),
        ("Codes A1B2C3 and 5G6G were shown.", ["A1B2C3", "5G6G"]),
    ],
)
def test_tokens_never_overlap(text, surfaces):
    b = speech(text)
    n = spoken_numbers(b)
    assert list(n["surface"]) == surfaces
    assert set(n["role"]) == {"name"}
    starts, ends = list(n["char_start"]), list(n["char_end"])
    assert all(s >= e for s, e in zip(starts[1:], ends[:-1], strict=True))


def test_a_minus_sign_belongs_to_its_number():
    n = spoken_numbers(speech("Output grew -11.7% and (-2.5%), and the CPI was \u22120.3%."))
    assert list(n["surface"]) == ["-11.7", "-2.5", "\u22120.3"]


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 cases fell.",  # a hyphen after a word
        "In 2021-2023, output rose.",  # a range
        "It rose 5%-6% in August.",  # a range of percents
        "The 2023-10-20 release.",  # a date
        "Plans:\n-5 tasks remain.",  # a dash at the start of a line is a bullet, not a sign
        "It changed by - 5 points.",  # a dash with a space after it
    ],
)
def test_a_hyphen_that_is_not_a_minus_sign(text):
    b = speech(text)
    assert not any(s.startswith(("-", "\u2212")) for s in b.numbers["surface"]), list(b.numbers["surface"])
    assert (b.figures["value"] >= 0).all()


@pytest.mark.parametrize("bad", ["\ud800", "Output rose 4%\udfff.", "\udc80abc"])
def test_a_lone_surrogate_is_a_transcript_error(bad):
    text = "Title\nBeijing | 3 p.m. Oct. 20, 2023\n\nZhao Zhiguo:\n\n" + bad + "\n"
    with pytest.raises(TranscriptError, match="surrogate") as info:
        briefing.parse(text, source="s")
    assert info.value.line == 6  # title, place and date, blank, label, blank, then the speech


@pytest.mark.parametrize(
    ("pattern", "width"),
    [
        (r"\bfirst ", 6),
        (r"\b(?:jan|sept)\.\s{0,3}", 8),
        (r"(?:^|(?<=\n))[ \t\u00a0]{0,8}", 8),  # a lookbehind is zero-width; a class is one character
        (r"\b[a-z]{3,12}-(?!(?:19|20)\d\d\b)", 13),
        (r"[]a-z]{2}|x{,4}", 4),  # a "]" first in a class; "{,n}"
        (r"presents?\s{1,3}", 11),  # "present", "s", three spaces
        (r"(?P<n>ab|c)\x41\u00a0\N{MINUS SIGN}", 5),
        (r"a{}b", 4),  # "{}" is not a quantifier: two literal characters
        (r"(?i:ab)c?", 3),
        (r"x+", 60),  # unbounded: the cap
        (r"(a)\1", 60),  # a back-reference: not bounded here, so the cap
        (r"(?x) a b", 60),  # verbose mode: the cap
        (r"(?>ab)", 60),
        (r"(ab", 60),  # unbalanced
    ],
)
def test_max_width_of_a_pattern(pattern, width):
    from briefing.numbers import _max_width

    assert _max_width(pattern) == width


def test_max_width_bounds_every_role_pattern():
    """The gate's look-back is never shorter than the longest text a role pattern's part before the
    token can match (checked against the standard library's own parser where this Python has it)."""
    parser = pytest.importorskip("re._parser")
    from briefing.numbers import _REACH, _max_width, _role_patterns

    tail = "(?=[\\s\\S]\\Z)"
    for _, before, after, _ in _role_patterns():
        for rx in (before, after):
            if rx is None:
                continue
            p = rx.pattern[: -len(tail)] if rx.pattern.endswith(tail) else rx.pattern
            assert _max_width(p) == min(parser.parse(p).getwidth()[1], _REACH), p


def test_max_width_needs_no_private_module(monkeypatch):
    """The widths are read without the standard library's private ``re._parser``: on a Python
    without it the gate still looks back only as far as it must."""
    import re
    import sys

    from briefing.numbers import _max_width

    monkeypatch.delattr(re, "_parser", raising=False)
    monkeypatch.setitem(sys.modules, "re._parser", None)  # "from re import _parser" now fails
    assert _max_width(r"\bfirst ") == 6
    assert _max_width(r"\b\d[\d,.]{0,24} (?:out )?of (?:the )?(?:top )?") == 41


@pytest.mark.parametrize(
    "number", ["9" * 400 + ".5", ",".join(["100"] * 120), "1." + "3" * 30, "123456789012345678901234.5"]
)
def test_a_number_too_long_for_a_statistic_is_an_identifier(number):
    # no statistic is written with 25 digits or more; read as a float it could be infinite
    b = speech(f"Output grew {number}% in August, and {number} trillion yuan was spent.")
    assert list(spoken_numbers(b)["role"]) == ["identifier", "identifier"]
    assert b.figures.empty


def test_the_longest_statistic_keeps_its_digits():
    b = speech("Revenue reached 123,456,789,012,345,678,901,234 yuan.")  # 24 digits
    assert list(b.figures["value"]) == [123456789012345678901234.0]


def _digit_runs_outside_the_ledger(b: briefing.Briefing) -> list[str]:
    import re

    end = len(b.text)
    lay = b.steps.layout
    if lay.unread_start_line is not None:  # a second briefing: not read (and said in a warning)
        end = sum(len(line) + 1 for line in b.text.split("\n")[: lay.unread_start_line - 1])
    spans = list(zip(b.numbers["char_start"], b.numbers["char_end"], strict=True))
    return [
        b.text[max(0, m.start() - 20) : m.end() + 20]
        for m in re.finditer(r"[0-9]+", b.text[:end])
        if not any(s <= m.start() and m.end() <= e for s, e in spans)
    ]


def test_every_number_of_the_page_is_in_the_ledger(seed):
    # the title, the header, the trailer and the page furniture too (roles date, year, time, period, page):
    # nothing of the page is left out silently; none of them is a figure
    from .conftest import FIXTURES

    assert _digit_runs_outside_the_ledger(seed) == []
    for path in sorted((FIXTURES / "layouts").glob("*.txt")) + sorted((FIXTURES / "outsample").glob("*.txt")):
        b = briefing.read(path)
        if len(b.steps.turns):
            assert _digit_runs_outside_the_ledger(b) == [], path.name
    header = seed.numbers[seed.numbers["char_start"] < seed.steps.turns[0].label_span[0]]
    assert list(zip(header["surface"], header["role"], strict=True)) == [
        ("three", "period"), ("2023", "year"),  # the title
        ("3", "time"), ("20", "date"), ("2023", "year"),  # the dateline
        ("three", "period"), ("2023", "year"),  # the summary
        ("20", "date"), ("2023", "year"),  # Date:
    ]  # fmt: skip


def test_a_year_after_a_month_and_a_day_said_as_an_ordinal():
    # "September 2020" names a month of a year (2020 is a year, not a day); "on the 7th" and "January 4th"
    # are days of a month (dates), while "the 20th anniversary" is an ordinal
    got = _roles(
        "As of the end of September 2020, reserves were higher, the bureau said on the 7th. "
        "On January 4th it marked the 20th anniversary of the policy."
    )
    assert got == [("2020", "year"), ("7th", "date"), ("4th", "date"), ("20th", "ordinal")]
