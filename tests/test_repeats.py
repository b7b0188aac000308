"""`repeat_of` on the figures table (issue 14): each later mention of a statistic points to its first
mention, first mentions are empty, and the ``repeat`` check reads its statistics from that column."""

from __future__ import annotations

import pandas as pd

from briefing import checks

from .helpers import speech

NO_REFERENCE = pd.DataFrame()


def test_a_later_mention_points_to_the_first():
    b = speech(
        "In the first three quarters, the output of solar cells grew by 63.2% year on year.\n\n"
        "Exports rose too. In the first three quarters, the output of solar cells grew by 63.2%, and the "
        "output of wind turbines grew by 12.1%."
    )
    f = b.figures.set_index("figure_id")
    assert list(f["surface"]) == ["63.2%", "63.2%", "12.1%"]
    assert f["repeat_of"].isna().tolist() == [True, False, True]
    assert f.loc["F002", "repeat_of"] == "F001"
    # one row per statistic
    assert len(b.figures[b.figures["repeat_of"].isna()]) == 2


def test_three_mentions_all_point_to_the_first():
    b = speech(
        "By the end of September, 3.189 million 5G base stations had been built. "
        "China has 3.189 million 5G base stations. We count 3.189 million 5G base stations now."
    )
    assert b.figures["repeat_of"].tolist()[1:] == ["F001", "F001"]
    assert pd.isna(b.figures["repeat_of"].iloc[0])


def test_the_repeat_check_is_built_on_the_column():
    b = speech(
        "In September, the output of televisions rose 4.2% year on year. "
        "In September, the output of televisions rose 4.2% year on year."
    )
    assert b.figures["repeat_of"].tolist()[1] == "F001"
    rep = checks.repeats(b)
    assert rep["figure_ids"].tolist() == ["F001;F002"]
    # a table whose links say otherwise is read as they say: the check does not group on its own
    unlinked = b.figures.assign(repeat_of=pd.Series([None, None], dtype="str"))

    class _B:
        text, meta, figures = b.text, b.meta, unlinked

    assert checks.repeats(_B()).empty


def test_different_statistics_are_not_linked():
    b = speech(
        "In August, profits of industrial enterprises rose 17.2% year on year. "
        "From January to August, profits of industrial enterprises rose 17.2% year on year."
    )
    assert b.figures["repeat_of"].isna().all()


def test_seed_repeats_are_the_twelve_of_the_checks(seed):
    f = seed.figures
    linked = f[f["repeat_of"].notna()]
    rep = checks.repeats(seed)
    assert len(rep) == 12
    # every group of the check is one first mention and the mentions that point to it
    for ids in rep["figure_ids"]:
        first, *later = ids.split(";")
        assert pd.isna(f.set_index("figure_id").loc[first, "repeat_of"])
        assert set(linked.loc[linked["repeat_of"] == first, "figure_id"]) == set(later)
    # the 11.3% of high-tech manufacturing investment, said in the opening and again in an answer
    hi = f[(f["value"] == 11.3) & (f["kind"] == "growth")]
    assert len(hi) == 2 and pd.isna(hi["repeat_of"].iloc[0])
    assert hi["repeat_of"].iloc[1] == hi["figure_id"].iloc[0]


def test_a_later_mention_that_says_less_takes_the_first_mentions_subject():
    b = speech(
        "In the first three quarters, the added value of industrial enterprises above designated size grew "
        "by 4% year on year.\n\n"
        "In the first three quarters, the value-added of industries above designated size grew by 4% year on "
        "year. In the first three quarters, total computing power reached 197 EFLOPS.\n\n"
        "In the first three quarters, total computing power capacity reached 197 EFLOPS."
    )
    f = b.figures
    assert f["repeat_of"].tolist()[1] == "F001"
    # one statistic, one label: the second mention says nothing the first does not
    assert (
        f["subject"].iloc[1]
        == f["subject"].iloc[0]
        == ("growth of added value of industrial enterprises above designated size")
    )
    # a later mention that says more keeps its own words (the first lacks "capacity")
    assert f["repeat_of"].tolist()[3] == "F003"
    assert f["subject"].iloc[3] == "total computing power capacity"


def _links_from_every_figure(figures, text, today):
    # the rule applied to every row, with no preselection of candidates: what repeat_links must equal
    from briefing.checks.context import _context_of

    ctx = _context_of(figures.drop(columns=["repeat_of"]), text, today)
    out = [None] * len(ctx.figs)
    for g in ctx.groups:
        for f in g[1:]:
            out[f.n] = g[0].id
    return out


def test_preselected_candidates_give_the_links_of_the_full_rule(seed):
    import briefing
    from briefing.checks.repeats import repeat_links

    from .conftest import FIXTURES

    texts = [seed] + [briefing.read(p) for p in sorted((FIXTURES / "outsample").glob("*.txt"))]
    compared = 0
    for b in texts:
        f = b.figures
        want = _links_from_every_figure(f, b.text, b.meta.date)
        assert repeat_links(f, b.text, b.meta.date) == want, b.meta.briefing_id
        compared += sum(x is not None for x in want)
    assert compared >= 12  # the seed alone links 12 later mentions: the comparison is not of empty lists
