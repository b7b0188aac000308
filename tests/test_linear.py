"""Reading and checking stay linear in the input (README: "Reading is linear in the input").

Timings live in ``benchmarks/bench_hostile.py``; these tests pin, on small inputs and without timing, what
makes each hostile input linear: a comparison's baseline is its own phrase (so a long run of comparisons
gives short baselines, not the rest of the sentence each), the patterns that drop the end of a phrase and
the sentence splitter try a run of spaces or dots once (from its start), and the loops that pair figures
look at a bounded number of them: the work they do is counted and must grow in proportion to the input.
"""

from __future__ import annotations

import inspect
import random
import sys
from functools import cache
from pathlib import Path

import pytest

import briefing
from briefing import checks, subjects
from briefing.paths import bundled_transcript
from briefing.sentences import _CANDIDATE
from briefing.text import read_text

from .helpers import speech

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from corpus_gen import perturb  # noqa: E402


@cache
def _repeated(copies: int, perturbed: bool = False) -> briefing.Briefing:
    """The bundled briefing with its body said ``copies`` times (digits changed in each copy if
    ``perturbed``)."""
    text = read_text(bundled_transcript())
    a, z = text.index("Xing Huina:\n\nLadies"), text.index("Translated and edited by")
    rng = random.Random(copies)
    body = "".join(perturb(text[a:z], rng) if perturbed else text[a:z] for _ in range(copies))
    return briefing.parse(text[:a] + body + text[z:], source="<repeated>")


# --------------------------------------------------------------------------- comparisons


def test_a_run_of_comparisons_gives_each_its_own_baseline():
    b = speech(
        "Output grew 4% faster than steel and output grew 5% faster than iron and output grew 6% faster "
        "than coal."
    )
    assert list(b.figures["surface"]) == ["4%", "5%", "6%"]
    assert list(b.figures["baseline"]) == ["steel", "iron", "coal"]


def test_a_long_unpunctuated_run_of_comparisons_has_short_baselines():
    # 200 comparisons in one sentence: 200 figures, each measured against "steel", so the baseline column
    # holds 200 x 5 characters, not the rest of the sentence for each (which grows with the square)
    b = speech("Output grew 4% faster than steel and " * 200 + "output grew 4% faster than steel.")
    f = b.figures
    assert len(f) == 201
    assert set(f["baseline"]) == {"steel"}


def test_a_comparison_with_a_listed_baseline_keeps_the_list():
    b = speech("Output grew 4% faster than steel and iron and cement grew 5% faster than glass.")
    assert list(b.figures["baseline"]) == ["steel and iron", "glass"]


def test_comparisons_said_one_after_another_without_a_verb():
    b = speech("Output grew 4% faster than steel and 5% faster than iron.")
    assert list(b.figures["baseline"]) == ["steel", "iron"]


# --------------------------------------------------------------------------- runs of spaces and dots


@pytest.mark.parametrize(
    "name, phrase, run_at",
    [
        ("_TRAIL_PERIOD", "The output{} in the first half", 10),
        ("_TRAIL_ADVERB", "The output{} this year", 10),
        ("_RELATIVE", "The output{} that we make", 10),
        ("_APPOSITIVE", "Metals{} such as steel", 6),
    ],
)
def test_phrase_patterns_try_a_run_of_spaces_once(name, phrase, run_at):
    """A pattern that drops the end of a phrase matches from the first space of a run and from no space
    inside it: trying every start inside the run takes time quadratic in its length."""
    rx = getattr(subjects, name)
    s = phrase.format(" " * 20)
    assert rx.search(s).start() == run_at  # it still drops the same part
    assert all(rx.match(s, k) is None for k in range(run_at + 1, run_at + 20))
    # the result of dropping is the same as ever
    assert rx.sub("", s) == s[:run_at]


def test_sentence_ends_try_a_run_of_dots_once():
    """The splitter tries a run of terminal punctuation from its first character only."""
    s = "Output rose 4%" + "." * 20 + " And then"
    assert _CANDIDATE.search(s).start() == 14
    assert all(_CANDIDATE.match(s, k) is None for k in range(15, 34))


def test_a_run_of_dots_before_a_lower_case_letter_is_no_sentence_end():
    b = speech("Output rose 4%" + "." * 500 + "and so on. Sales rose 5%.")
    assert len(b.sentences) == 2
    assert list(b.figures["surface"]) == ["4%", "5%"]


# --------------------------------------------------------------------------- "including", "respectively"


class _CountingList(list):
    """A list that counts item reads."""

    reads = 0

    def __getitem__(self, k):
        _CountingList.reads += 1 if isinstance(k, int) else len(range(*k.indices(len(self))))
        return super().__getitem__(k)


def test_including_reads_only_the_figures_of_its_own_sentence(monkeypatch):
    """'N companies, including M little giants': the head count is looked for in the figure's sentence,
    not among all earlier figures (which made many such sentences quadratic)."""
    text = "".join(
        f"There are {20_000 + k:,} companies, including {1_000 + k} little giants. " for k in range(60)
    )
    b = speech(text)
    f = b.figures
    assert len(f) == 120
    # what a reader expects: each part is "little giants among companies"
    assert set(f["subject"].iloc[1::2]) == {"little giants among companies"}
    seen = {}
    real = subjects._including

    def spy(low, figs, sentences):
        _CountingList.reads = 0
        real(low, _CountingList(figs), sentences)
        seen["reads"] = _CountingList.reads

    monkeypatch.setattr(subjects, "_including", spy)
    speech(text)
    assert seen["reads"] <= 10 * len(f)  # every figure read a few times, not each earlier one per figure


class _CountingText(str):
    """A str that counts the characters it hands out in slices."""

    sliced = 0

    def __getitem__(self, k):
        out = super().__getitem__(k)
        _CountingText.sliced += len(out)
        return out


def test_respectively_reads_its_sentence_once(monkeypatch):
    """One sentence of many "respectively" groups: the sentence is read once, not once per group."""
    text = "Output and sales grew 4% and 5%, respectively, " * 50 + "so on."
    b = speech(text)
    f = b.figures
    assert len(f) == 100
    # each pair of values: output, then sales
    assert list(f["subject"].iloc[:2]) == ["growth of Output", "growth of sales"]
    seen = {}
    real = subjects._respectively

    def spy(text, figs, sentences):
        _CountingText.sliced = 0
        real(_CountingText(text), figs, sentences)
        seen["sliced"] = _CountingText.sliced

    monkeypatch.setattr(subjects, "_respectively", spy)
    speech(text)
    assert seen["sliced"] <= 3 * len(text)


# --------------------------------------------------------------------------- the check pairing


def _count_calls(monkeypatch, name: str) -> dict[str, int]:
    """Count the calls of ``name`` from every module of the checks package that uses it."""
    calls = {"n": 0}
    real = getattr(checks, name)

    def counted(*a, **k):
        calls["n"] += 1
        return real(*a, **k)

    users = [m for m in vars(checks).values() if inspect.ismodule(m) and getattr(m, name, None) is real]
    assert users  # the name is still looked up somewhere: otherwise the count below proves nothing
    for module in users:
        monkeypatch.setattr(module, name, counted)
    return calls


@pytest.mark.parametrize("perturbed", [False, True])
def test_check_does_not_compare_every_pair_of_figures(monkeypatch, perturbed):
    """The bundled body said three times (327 figures): comparing every pair is about 53,000 comparisons;
    bucketing on unit, kind and value leaves a few per figure."""
    b = _repeated(3, perturbed)
    n = len(b.figures)
    same = _count_calls(monkeypatch, "_same_statistic")
    compat = _count_calls(monkeypatch, "compatible")
    restated = _count_calls(monkeypatch, "_restated")
    checks.check(b, checks.load_reference())
    assert same["n"] <= 5 * n
    assert restated["n"] <= 5 * n
    assert compat["n"] <= 20 * n


def test_repeat_groups_are_those_of_comparing_every_pair():
    """The bucketed grouping gives the groups of the rule applied to every pair (written out here)."""
    b = _repeated(2, perturbed=True)
    ctx = checks._context(b)
    figs = ctx.figs
    parent = list(range(len(figs)))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(figs)):
        for j in range(i + 1, len(figs)):
            if checks._same_statistic(ctx, figs[i], figs[j]):
                parent[root(j)] = root(i)
    brute = {}
    for i in range(len(figs)):
        brute.setdefault(root(i), []).append(figs[i].id)
    assert sorted(brute.values()) == sorted([f.id for f in g] for g in ctx.groups)
    assert any(len(g) > 1 for g in ctx.groups)
