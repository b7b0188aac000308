"""The text helpers the rules rely on for speed: same-offset lower-casing, patterns rewritten for
lower-cased text, and keyword lists compiled as tries."""

from __future__ import annotations

import re

import pytest

from briefing.text import lower, lower_pattern
from briefing.vocab import trie_pattern


def test_lower_keeps_every_offset():
    assert lower("GDP Rose 5%") == "gdp rose 5%"
    # "İ" lower-cases to two characters; the copy falls back to ASCII letters only, so offsets hold
    s = "İstanbul Output ROSE"
    low = lower(s)
    assert len(low) == len(s)
    assert low == "İstanbul output rose"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bJan\.\s*", r"\bjan\.\s*"),
        (r"[A-Z][^.]{0,5}", r"[a-z][^.]{0,5}"),  # a class of capitals becomes a class of small letters
        (r"(?=[\s\S]\Z)", r"(?=[\s\S]\Z)"),  # escapes keep their case
        (r"Q(?P<q>[1-4])", r"q(?P<q>[1-4])"),  # a named group keeps its (?P
        (r"\\A", r"\\a"),  # an escaped backslash, then a letter
    ],
)
def test_lower_pattern(pattern, expected):
    assert lower_pattern(pattern) == expected


@pytest.mark.parametrize(
    "text",
    ["In the First Half, OUTPUT rose", "Q3 revenue", "H1 of 2023", "the FIRST THREE QUARTERS"],
)
def test_lower_pattern_matches_like_ignorecase(text):
    pattern = r"\b(?:first (?:half|three quarters)|H1|Q[1-4])\b"
    want = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    got = [m.span() for m in re.finditer(lower_pattern(pattern), lower(text))]
    assert got == want and got


def test_trie_pattern_prefers_the_longest_word():
    words = ["new energy", "new energy vehicles", "nev", "5g", "a.i."]
    rx = re.compile(r"(?<![\w-])(?:" + trie_pattern(words) + r")(?![\w-])")
    found = [m.group() for m in rx.finditer("new energy vehicles, new energy, nev and 5g; a.i. nevs")]
    assert found == ["new energy vehicles", "new energy", "nev", "5g", "a.i."]


@pytest.mark.parametrize(
    "text", ["new energy vehicle", "new energy vehicles", "new energy sector", "nevada", "a.i.x"]
)
def test_trie_pattern_matches_what_the_longest_first_alternation_matches(text):
    words = ["new energy", "new energy vehicles", "nev", "a.i."]
    plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    want = re.match(f"(?:{plain})" + r"(?![\w-])", text)
    got = re.match(f"(?:{trie_pattern(words)})" + r"(?![\w-])", text)
    assert (got and got.span()) == (want and want.span())


def test_trie_pattern_backs_off_to_a_shorter_word():
    rx = re.compile(trie_pattern(["new energy", "new energy vehicles"]) + r"(?![\w-])")
    assert rx.match("new energy vehicle").group() == "new energy"  # "vehicle" is not listed
    assert rx.match("new energy vehicles").group() == "new energy vehicles"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?P<Num>\d+) (?P=Num)", r"(?P<Num>\d+) (?P=Num)"),  # group names keep their case
        (r"(?P<Q>Q)(?(Q)X|Y)", r"(?P<Q>q)(?(Q)x|y)"),  # and so does a conditional on a named group
        (r"\N{LATIN CAPITAL LETTER A}B", r"\N{LATIN CAPITAL LETTER A}b"),  # a named character stays
    ],
)
def test_lower_pattern_keeps_names(pattern, expected):
    assert lower_pattern(pattern) == expected
    re.compile(expected)


def test_lower_pattern_group_names_still_work():
    m = re.match(lower_pattern(r"Q(?P<Num>[1-4])"), lower("Q3"))
    assert m is not None and m.group("Num") == "3"
