"""Score extracted figures against an expected-figures table written by a person reading the text.

The expected table (``tests/cases/seed_figures.csv``) locates each figure by a ``snippet`` that occurs
once in the transcript and the ``number`` token inside it. A figure is found when an extracted figure
starts at that token. Precision and recall are over (value, unit) pairs at those positions; kind,
period and approx accuracy are over the figures found.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

__all__ = ["Score", "locate", "score", "match_positions"]


@dataclass(frozen=True)
class Score:
    expected: int
    extracted: int
    matched: int  # same position, same value and unit
    precision: float
    recall: float
    kind_accuracy: float
    period_accuracy: float
    approx_accuracy: float
    mismatches: pd.DataFrame  # one row per disagreement, for reading

    def summary(self) -> str:
        return (
            f"expected {self.expected}, extracted {self.extracted}, matched {self.matched}: "
            f"precision {self.precision:.3f}, recall {self.recall:.3f}, "
            f"kind {self.kind_accuracy:.3f}, period {self.period_accuracy:.3f}, "
            f"approx {self.approx_accuracy:.3f}"
        )


def locate(text: str, expected: pd.DataFrame) -> pd.Series:
    """Character offset of each expected number (snippet position + number position in it)."""
    out = []
    for snippet, number in zip(expected["snippet"], expected["number"], strict=True):
        at = text.find(snippet)
        if at < 0 or text.find(snippet, at + 1) >= 0:
            raise ValueError(f"snippet not found exactly once in the text: {snippet!r}")
        k = _find_token(snippet, number)
        out.append(at + k)
    return pd.Series(out, index=expected.index, name="char_start")


def _find_token(snippet: str, number: str) -> int:
    k = snippet.find(number)
    while k >= 0:
        before = snippet[k - 1] if k > 0 else " "
        after = snippet[k + len(number) : k + len(number) + 2] + "  "
        glued_after = after[0].isdigit() or (after[0] in ".," and after[1].isdigit())
        if not (before.isalnum() or before in ".,") and not glued_after:
            return k
        k = snippet.find(number, k + 1)
    raise ValueError(f"number {number!r} not found as a token in {snippet!r}")


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def match_positions(positions: pd.Series, expected: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """Outer join of expected and extracted figures by start offset."""
    exp = expected.assign(char_start=positions.values)
    return exp.merge(found, on="char_start", how="outer", suffixes=("_exp", "_got"), indicator=True)


def score(text: str, expected: pd.DataFrame, found: pd.DataFrame) -> Score:
    """Compare ``found`` (columns char_start, value, unit and optionally kind, period, approx)."""
    pos = locate(text, expected)
    cols = [c for c in ("char_start", "value", "unit", "kind", "period", "approx") if c in found]
    j = match_positions(pos, expected, found[cols])
    both = j[j["_merge"] == "both"].copy()
    ok = [
        _same(float(a), float(b)) and str(u) == str(v)
        for a, b, u, v in zip(both["value_exp"], both["value_got"], both["unit_exp"],
                              both["unit_got"], strict=True)
    ]  # fmt: skip
    both["value_unit_ok"] = ok
    matched = int(sum(ok))
    good = both[both["value_unit_ok"]]

    def acc(col: str) -> float:
        if f"{col}_got" not in good or len(good) == 0:
            return float("nan")
        a = good[f"{col}_exp"].fillna("").astype(str).replace("nan", "")
        b = good[f"{col}_got"].fillna("").astype(str).replace("nan", "")
        return float((a.to_numpy() == b.to_numpy()).mean())

    problems = []
    for _, r in j.iterrows():
        if r["_merge"] == "left_only":
            problems.append({"char_start": r["char_start"], "problem": "missed", **_row(r, "exp")})
        elif r["_merge"] == "right_only":
            problems.append({"char_start": r["char_start"], "problem": "spurious", **_row(r, "got")})
    for _, r in both.iterrows():
        for col in ("value", "unit", "kind", "period", "approx"):
            if f"{col}_got" not in r:
                continue
            a, b = r[f"{col}_exp"], r[f"{col}_got"]
            if col == "value":
                same = _same(float(a), float(b))
            else:
                same = str("" if pd.isna(a) else a) == str("" if pd.isna(b) else b)
            if not same:
                problems.append(
                    {"char_start": r["char_start"], "problem": f"{col}: {a!r} vs {b!r}",
                     "snippet": r.get("snippet", "")}
                )  # fmt: skip
    n_found = len(found)
    return Score(
        expected=len(expected),
        extracted=n_found,
        matched=matched,
        precision=matched / n_found if n_found else 0.0,
        recall=matched / len(expected) if len(expected) else 0.0,
        kind_accuracy=acc("kind"),
        period_accuracy=acc("period"),
        approx_accuracy=acc("approx"),
        mismatches=pd.DataFrame(problems),
    )


def _row(r: pd.Series, side: str) -> dict:
    return {
        "snippet": r.get("snippet", ""),
        "value": r.get(f"value_{side}"),
        "unit": r.get(f"unit_{side}"),
    }
