"""Figures: the golden hard cases and the hand-written expected figures of the seed."""

from __future__ import annotations

import math

import pandas as pd
import pytest
import yaml

from briefing.evaluate import score

from .conftest import CASES
from .helpers import speech

HARD = yaml.safe_load((CASES / "hard_cases.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", HARD, ids=[c["text"][:40] for c in HARD])
def test_hard_case(case):
    b = speech(case["text"])
    f = b.figures
    assert list(f["surface"]) == [e["surface"] for e in case["expect"]], list(f["surface"])
    for (_, row), exp in zip(f.iterrows(), case["expect"], strict=True):
        for key, want in exp.items():
            got = row[key]
            if key in ("value", "of_total"):
                assert math.isclose(got, float(want), rel_tol=1e-9), (key, got, want)
            elif key == "period":
                assert got == str(want), (row["surface"], key, got, want)
            else:
                assert got == want, (row["surface"], key, got, want)
        # every figure traces back to its place in the text
        assert b.text[row["char_start"] : row["char_end"]] == row["surface"]


@pytest.fixture(scope="module")
def seed_score(seed):
    exp = pd.read_csv(CASES / "seed_figures.csv", keep_default_na=False, dtype={"period": str})
    return score(seed.text, exp, seed.figures)


def test_seed_precision_recall(seed_score):
    s = seed_score
    print(s.summary())
    assert s.expected >= 100
    assert s.recall >= 0.98, s.mismatches
    assert s.precision >= 0.98, s.mismatches


def test_seed_kind_period_approx(seed_score):
    s = seed_score
    assert s.kind_accuracy >= 0.95, s.mismatches
    assert s.period_accuracy >= 0.95, s.mismatches
    assert s.approx_accuracy >= 0.95, s.mismatches


def test_seed_baselines(seed):
    exp = pd.read_csv(CASES / "seed_figures.csv", keep_default_na=False)
    got = seed.figures["baseline"].fillna("")
    assert len(got) == len(exp)
    agree = (got.values == exp["baseline"].values).mean()
    assert agree >= 0.95


def test_numbers_ledger_roles(seed):
    """Every non-figure token in the hand-written ledger has the role the reader gave it."""
    from briefing.evaluate import locate

    exp = pd.read_csv(CASES / "seed_numbers.csv", keep_default_na=False)
    pos = locate(seed.text, exp)
    n = seed.numbers
    wrong = []
    for (_, r), p in zip(exp.iterrows(), pos, strict=True):
        hit = n[(n.char_start <= p) & (n.char_end > p)]
        got = hit["role"].iloc[0] if len(hit) else "missing"
        if got != r["role"]:
            wrong.append((r["snippet"], r["role"], got))
    assert not wrong


def test_ledger_is_complete(seed):
    """Figures in the ledger are exactly the figures table, and tokens never overlap."""
    n = seed.numbers
    f = seed.figures
    exp_total = len(pd.read_csv(CASES / "seed_figures.csv")) + len(pd.read_csv(CASES / "seed_numbers.csv"))
    assert len(n) == exp_total
    assert set(n.loc[n.role == "figure", "figure_id"]) == set(f["figure_id"])
    assert n.loc[n.role == "figure", "figure_id"].is_unique
    assert n.loc[n.role == "figure", "figure_id"].notna().sum() == len(f)
    parts = n[n.role == "part_of_figure"].set_index("surface")["figure_id"]
    surf = f.set_index("figure_id")["surface"]
    assert surf[parts["41"]] == "27" and surf[parts["31"]] == "28" and surf[parts["ten"]] == "eight"
    assert surf[parts["10,000"]] == "22.6"
    starts, ends = n["char_start"].to_numpy(), n["char_end"].to_numpy()
    assert (starts[1:] >= ends[:-1]).all()
    for s, e, surface in zip(starts, ends, n["surface"], strict=True):
        assert seed.text[s:e] == surface


def test_five_g_is_a_name(seed):
    n = seed.numbers
    assert set(n.loc[n.surface.isin(["5G", "6G", "IPv6", "8K", "L2"]), "role"]) == {"name"}


def test_unit_vocabulary_is_read_by_field_name():
    """``_units()`` is a named tuple: code reads its fields by name, so adding or reordering a field
    cannot silently shift every value into the wrong variable."""
    import ast
    import inspect

    import briefing.figures
    import briefing.quantities
    import briefing.subjects

    unpacked = [
        (module.__name__, node.lineno)
        for module in (briefing.figures, briefing.quantities, briefing.subjects)
        for node in ast.walk(ast.parse(inspect.getsource(module)))
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and getattr(node.value.func, "id", None) == "_units"
        and any(isinstance(t, ast.Tuple) for t in node.targets)
    ]
    assert not unpacked, f"_units() unpacked by position at line(s) {unpacked}"
