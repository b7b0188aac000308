"""Golden labels (issue 14): the `subject` and `sector` of every figure of the seed and of the out-of-sample
fixtures, written by people who read the texts (docs/labelling.md) and never saw the package's output.

The rule for a subject is loose on wording and strict on content: **every content word of the golden subject,
stemmed, is in the produced subject** (:func:`subject_passes`). Content words are the words (letters and
digits) of the subject, lower-cased, without the function words of :data:`FUNCTION_WORDS`; a word is stemmed
by dropping a possessive "'s", then a plural ("-ies" -> "-y", "-s"), then keeping its first
:data:`STEM_LETTERS` letters (so "manufacturing" ~ "manufacture", "provinces" ~ "provincial"). Words of the
figure's own surface and unit (its number and unit: "per 10,000 people", "consecutive months") count as
present: a reader sees them beside the label. An acronym the transcript defines in brackets ("new energy
vehicles (NEVs)") stands for its words on either side (``briefing.checks.acronyms``). Nothing else is
forgiven: a missing qualifier, a missing "share" or "acceleration", a missing whole, fails.

Targets: sector accuracy >= 0.95 and subjects passing >= 95%, on the seed and on the out-of-sample fixtures
together; the hard patterns of the issue are checked one by one (:data:`HARD`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import briefing
from briefing import checks
from briefing.evaluate import locate

from .conftest import CASES, FIXTURES

#: Function words: not content words of a subject.
FUNCTION_WORDS = frozenset(
    (
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "into",
        "and",
        "or",
        "as",
        "its",
        "it",
        "their",
        "this",
        "that",
        "these",
        "those",
        "such",
        "than",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "which",
        "who",
        "whose",
        "whom",
        "what",
        "per",
        "s",
        "against",
        "between",
        "among",
        "within",
        "over",
        "under",
        "during",
        "across",
        "through",
        "after",
        "before",
        "via",
        "about",
        "all",
        "each",
        "every",
        "both",
        "some",
        "any",
    )
)  # fmt: skip
STEM_LETTERS = 6
_WORD = re.compile(r"[a-z0-9]+")


def _stem(w: str) -> str:
    if len(w) > 3 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w[:STEM_LETTERS]


def content_words(text: str, acr: dict[str, tuple[str, ...]] | None = None) -> set[str]:
    """The stemmed content words of ``text`` (possessive "'s" dropped, hyphens and quotes split words), an
    acronym of ``acr`` read as its words."""
    low = re.sub(r"['’]s\b", "", str(text).lower())
    out = set()
    for w in _WORD.findall(low):
        if w in FUNCTION_WORDS:
            continue
        full = (acr or {}).get(w) or (acr or {}).get(w.removesuffix("s"))
        out |= {_stem(x) for x in full if x not in FUNCTION_WORDS} if full else {_stem(w)}
    return out


def missing_words(golden: str, produced: str, beside: str = "", acr: dict | None = None) -> set[str]:
    """The content words of ``golden`` that neither ``produced`` nor what is ``beside`` the label (the
    figure's surface and unit) has."""
    return content_words(golden, acr) - content_words(produced, acr) - content_words(beside, acr)


def subject_passes(golden: str, produced: str, beside: str = "", acr: dict | None = None) -> bool:
    return not missing_words(golden, produced, beside, acr)


def _seed_labels(seed: briefing.Briefing) -> pd.DataFrame:
    gold = pd.read_csv(CASES / "labels_seed.csv", keep_default_na=False, dtype=str)
    gold["char_start"] = locate(seed.text, gold).to_numpy()
    got = seed.figures[["char_start", "figure_id", "surface", "unit", "subject", "sector"]]
    j = gold.merge(
        got.astype({"sector": str, "unit": str}), on="char_start", how="left", suffixes=("_gold", "")
    )
    j["source"] = "seed"
    j["acr"] = [checks.acronyms(seed.text)] * len(j)
    return j


def _outsample_labels() -> pd.DataFrame:
    """labels_outsample.csv: one row per figure of tests/fixtures/outsample, located by the fixture's file
    name and the figure's place in its expected `figures` list."""
    path = CASES / "labels_outsample.csv"
    if not path.exists():
        return pd.DataFrame()
    gold = pd.read_csv(path, keep_default_na=False, dtype=str)
    rows = []
    for name, g in gold.groupby(_fixture_column(gold), sort=False):
        stem = Path(name).stem
        b = briefing.read(FIXTURES / "outsample" / f"{stem}.txt")
        f = b.figures.astype({"sector": str, "unit": str})
        acr = checks.acronyms(b.text)
        for _, r in g.iterrows():
            k = _figure_index(r, f)
            got = f.iloc[k] if k is not None else None
            rows.append(
                {
                    **r.to_dict(),
                    "source": stem,
                    "figure_id": None if got is None else got["figure_id"],
                    "surface": None if got is None else got["surface"],
                    "unit": None if got is None else got["unit"],
                    "acr": acr,
                    "subject": None if got is None else got["subject"],
                    "sector": None if got is None else got["sector"],
                    "subject_gold": r["subject"],
                    "sector_gold": r["sector"],
                }
            )
    return pd.DataFrame(rows)


def _fixture_column(gold: pd.DataFrame) -> str:
    for c in ("source", "fixture", "file", "briefing", "text_id", "transcript"):
        if c in gold:
            return c
    raise KeyError(f"no fixture column in labels_outsample.csv: {list(gold)}")


def _figure_index(r: pd.Series, f: pd.DataFrame) -> int | None:
    """The figure a golden row labels: by its index in the fixture's list, else by surface and occurrence."""
    for c in ("index", "k", "figure_index", "position"):
        if c in r and str(r[c]).strip():
            return int(r[c])
    if "figure_id" in r and str(r["figure_id"]).strip():
        hit = f.index[f["figure_id"] == r["figure_id"]]
        return int(hit[0]) if len(hit) else None
    occ = int(r.get("occurrence") or 1)
    hit = [i for i, s in enumerate(f["surface"]) if s == r["surface"]]
    return hit[occ - 1] if len(hit) >= occ else None


@pytest.fixture(scope="module")
def labels(seed) -> pd.DataFrame:
    j = pd.concat([_seed_labels(seed), _outsample_labels()], ignore_index=True)
    j["subject_ok"] = [
        subject_passes(g, p, f"{s} {u}", a) if isinstance(p, str) else False
        for g, p, s, u, a in zip(
            j["subject_gold"], j["subject"], j["surface"], j["unit"], j["acr"], strict=True
        )
    ]
    j["sector_ok"] = j["sector"] == j["sector_gold"]
    return j


def scores(j: pd.DataFrame) -> pd.DataFrame:
    """Subject pass rate and sector accuracy per source and for the seed and out-of-sample sets."""
    j = j.assign(set=["seed" if s == "seed" else "outsample" for s in j["source"]])
    out = [
        j.groupby(key, sort=False).agg(n=("subject_ok", "size"), subject=("subject_ok", "mean"),
                                         sector=("sector_ok", "mean"))
        for key in ("set", "source")
    ]  # fmt: skip
    return pd.concat(out)


def _report(j: pd.DataFrame, column: str) -> str:
    bad = j[~j[f"{column}_ok"]]
    return "\n".join(
        f"{r.source} {r.surface!s:>14} | got {r[column]!r} | gold {r[f'{column}_gold']!r}"
        for _, r in bad.iterrows()
    )


def test_every_golden_row_is_a_figure(labels):
    assert labels["figure_id"].notna().all(), labels[labels["figure_id"].isna()]
    assert (labels["source"] == "seed").sum() == 109


def test_sector_accuracy(labels):
    print(scores(labels))
    assert labels["sector_ok"].mean() >= 0.95, _report(labels, "sector")


#: The share of golden subjects passed so far (seed and out-of-sample together): the floor below which a
#: change is a regression. The first run (before issue 14's rules) passed 0.328 (seed 0.367, out of sample
#: 0.310); the rules reached 0.933 on the goldens as first written. A blind audit of all 341 goldens against
#: docs/labelling.md (tests/cases/AUDIT.md: 89 changed, mostly the text's own words restored) and three
#: rules that keep the text's words ("in nominal terms", "scale of", a counted part's named members) reach
#: 0.950 (324 of 341); on the goldens as first written the same code passes 0.933.
REACHED = 0.95


def test_subjects_stand_alone(labels):
    print(scores(labels))
    assert labels["subject_ok"].mean() >= 0.95, _report(labels, "subject")


def test_subjects_keep_what_they_reached(labels):
    assert labels["subject_ok"].mean() >= REACHED, _report(labels, "subject")


def test_the_rule_is_not_empty():
    # the rule fails a label that drops a qualifier, the change or the whole, and passes a rewording
    assert not subject_passes("acceleration of industrial value-added growth", "industrial value added")
    assert not subject_passes("share of 5G base stations jointly built and shared", "5G base stations")
    assert not subject_passes("provinces whose industrial growth accelerated", "provinces")
    assert subject_passes("value added of industrial enterprises", "industrial enterprises' value-added")
    assert not subject_passes("5G base stations per 10,000 people", "5G stations", "22.6 per 10,000 people")
    assert subject_passes("5G base stations per 10,000 people", "5G base stations", "22.6 per 10,000 people")
    assert subject_passes("consecutive months of growth", "growth", "36 consecutive months")
    nev = {"nev": ("new", "energy", "vehicle")}
    assert subject_passes("sales of new energy vehicles", "sales of NEVs", acr=nev)
    assert not subject_passes("sales of new energy vehicles", "sales", acr=nev)


#: The hard patterns of issue 14, each a seed figure (snippet, number) and its subject exactly, written by
#: reading the sentence with the issue's rule (the change named, the count with its condition, the share
#: with part and whole, the bare reference resolved).
HARD = [
    (
        "accelerating by 0.2 percentage points compared to",
        "0.2",
        "acceleration of growth of added value of China's industrial enterprises above designated size "
        "against the first half",
    ),
    (
        "surpassing general manufacturing investment by 5.1 percentage points",
        "5.1",
        "gap between growth of investment in high-tech manufacturing and growth of general manufacturing "
        "investment",
    ),
    (
        "contributed to an increase of 1.9 percentage points",
        "1.9",
        "contribution of value-added of equipment manufacturing industry to growth for industries above "
        "designated size",
    ),
    (
        "size lessened for six consecutive months",
        "six",
        "narrowing of decline in profits of industrial enterprises above designated size",
    ),
    (
        "27 of 41 major industrial categories",
        "27",
        "major industrial categories that retained a year-on-year growth in their added value",
    ),
    (
        "Over 20,000 kilometers of roads",
        "20,000",
        "roads designated for testing intelligent connected vehicles",
    ),
    ("Over 90% of 5G base stations", "90", "share of 5G base stations jointly built and shared"),
    ("related enterprises exceeding 4,400", "4,400", "enterprises related to core industry of AI in China"),
    (
        "Seven national manufacturing innovation centers",
        "Seven",
        "national manufacturing innovation centers in new materials established",
    ),
    ("A total of 6.278 million charging piles", "6.278", "charging piles built"),
    (
        "NEVs accounted for 29.8% of all new automobiles",
        "29.8",
        "share of sales of new NEVs in all new automobiles",
    ),
    (
        "total business volume increased by 16.5%",
        "16.5",
        "growth of total business volume of telecommunications",
    ),
    (
        "categories, accounting for 22% and 25%",
        "22",
        'share of new material companies in all specialized and sophisticated "little giant" companies',
    ),
    (
        "statistics, over 900 related policies",
        "900",
        "5G-related policies and measures rolled out",
    ),
]


@pytest.mark.parametrize(("snippet", "number", "want"), HARD)
def test_hard_pattern(seed, snippet, number, want):
    pos = locate(seed.text, pd.DataFrame({"snippet": [snippet], "number": [number]})).iloc[0]
    got = seed.figures.set_index("char_start").loc[pos, "subject"]
    assert got == want
