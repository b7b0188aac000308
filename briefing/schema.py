"""Table schemas, built from the field dictionary in ``data/fields.yml`` and checked with pandera.

``TABLES`` names each table's columns in order. :func:`frame` builds a DataFrame with the declared
dtypes (categoricals with their full category set) and validates it, so a broken row fails loudly
where it is made, with every problem listed at once (``lazy=True``).
"""

from __future__ import annotations

from functools import cache

import pandas as pd
import pandera.pandas as pa

from .vocab import load

__all__ = ["TABLES", "CHECK_TABLES", "field", "frame", "schema", "categories", "describe", "keys"]

TABLES: dict[str, list[str]] = {
    "briefings": [
        "briefing_id", "source_file", "title", "date", "time", "place", "chair",
        "n_listed_speakers", "n_turns", "n_exchanges", "n_figures",
    ],
    "speakers": [
        "briefing_id", "speaker_id", "name", "role", "affiliation", "honorific", "is_listed",
        "n_turns", "n_words", "first_turn_id",
    ],
    "turns": [
        "briefing_id", "turn_id", "speaker_id", "speaker", "role", "exchange_id", "is_question",
        "is_answer", "text", "n_words", "n_sentences", "char_start", "char_end", "line_start",
        "line_end",
    ],
    "exchanges": [
        "briefing_id", "exchange_id", "outlet", "question_turn_id", "answerer", "answerer_id",
        "topic", "n_turns", "n_questions", "n_answers",
    ],
    "sentences": [
        "briefing_id", "sentence_id", "turn_id", "exchange_id", "speaker_id", "paragraph", "text",
        "n_words", "char_start", "char_end",
    ],
    "numbers": [
        "briefing_id", "number_id", "surface", "char_start", "char_end", "turn_id", "sentence_id",
        "role", "figure_id",
    ],
    "figures": [
        "briefing_id", "figure_id", "turn_id", "exchange_id", "sentence_id", "speaker",
        "speaker_id", "value", "unit", "kind", "approx", "period", "period_start", "period_end",
        "period_text", "baseline", "subject", "sector", "of_total", "surface", "char_start",
        "char_end", "quote", "quote_start", "repeat_of",
    ],
}  # fmt: skip

#: Tables of ``briefing check`` (made by :mod:`briefing.checks`, not by :func:`frame`): their columns, for
#: the description of an output folder (datapackage.json).
CHECK_TABLES: dict[str, list[str]] = {
    "checks": ["check_id", "check", "status", "figure_ids", "detail"],
    "check_figures": ["briefing_id", "check_id", "figure_id"],
}

# A field may be defined differently in one table (a field named alike with another meaning).
_OVERRIDES: dict[tuple[str, str], str] = {
    ("numbers", "role"): "number_role",
    ("figures", "speaker"): "figure_speaker",
    ("numbers", "sentence_id"): "number_sentence_id",
    ("checks", "status"): "check_status",
    ("check_figures", "figure_id"): "link_figure_id",
}

#: Columns whose values may not be negative (a pandera ``Check.ge(0)`` in :func:`schema`).
_NON_NEGATIVE = ("char_start", "char_end", "n_words", "n_turns", "line_start", "line_end")


_DTYPES = {
    "str": "str",
    "int": "int64",
    "nullable_int": "Int64",
    "float": "float64",
    "bool": "bool",
    "date": "object",
}


@cache
def _fields() -> dict[str, dict]:
    return load("fields")["fields"]


def keys(table: str) -> dict:
    """A table's keys from ``fields.yml``: ``primary_key`` (column list) and ``foreign_keys`` (each with
    ``fields``, the referenced ``table`` and, where the names differ, the ``reference`` columns)."""
    k = load("fields")["tables"][table]
    return {"primary_key": list(k["primary_key"]), "foreign_keys": list(k.get("foreign_keys", []))}


def field(table: str, column: str) -> dict:
    """The dictionary entry of a table's column."""
    return _fields()[_OVERRIDES.get((table, column), column)]


@cache
def categories(table: str, column: str) -> tuple[str, ...]:
    f = field(table, column)
    if "categories" in f:
        return tuple(f["categories"])
    vocab = f["categories_from"]
    if vocab == "sectors":
        return tuple(load("sectors")["sectors"])
    if vocab == "units":
        return tuple(u["unit"] for u in load("units")["units"])
    if vocab in ("kinds", "approximations"):  # data/kinds.yml: adding a kind is one edit there
        return tuple(k["id"] for k in load("kinds")[vocab])
    raise KeyError(vocab)


@cache
def _dtype(table: str, column: str, extra_units: tuple[str, ...] = ()):
    """The column's dtype; one object per column, made once (a categorical dtype checks its categories
    when it is made)."""
    f = field(table, column)
    if f["type"] == "category":
        extra = [u for u in extra_units if f.get("categories_from") == "units"]
        return pd.CategoricalDtype(list(categories(table, column)) + extra)
    return _DTYPES[f["type"]]


#: The dtype of text columns: pandas' own "str" (Python or PyArrow storage, as pandas chooses).
_STR = pd.Series([], dtype="str").dtype


@cache
def schema(table: str, extra_units: tuple[str, ...] = ()) -> pa.DataFrameSchema:
    cols = {}
    text_cols = []
    for c in TABLES[table]:
        f = field(table, c)
        checks = []
        if c in _NON_NEGATIVE:
            checks.append(pa.Check.ge(0))
        dtype = _dtype(table, c, extra_units)
        if f["type"] == "str":
            # Text columns get their dtype checked once for all of them, below: pandera 0.35 checks a
            # string dtype element by element and formats a message even when the column passes,
            # which made it half the time of validating a table.
            text_cols.append(c)
            dtype = None
        cols[c] = pa.Column(
            dtype,
            nullable=bool(f.get("nullable", False)),
            checks=checks,
            description=f.get("description"),
        )
    checks = []
    if text_cols:
        checks.append(
            pa.Check(
                lambda d: all(d[c].dtype == _STR for c in text_cols),
                error=f"text columns have dtype {_STR}: " + ", ".join(text_cols),
            )
        )
    if "char_start" in TABLES[table]:
        checks.append(pa.Check(lambda d: d["char_start"] <= d["char_end"], error="char_start <= char_end"))
    return pa.DataFrameSchema(cols, strict=True, ordered=True, checks=checks, name=table)


@cache
def _expected(table: str, extra_units: tuple[str, ...] = ()) -> tuple[tuple[str, object, bool, bool], ...]:
    """For each column of ``table``: its name, its dtype (text columns: pandas' ``str``), whether it may
    be empty and whether it must not be negative: what :func:`schema` checks, column by column."""
    out = []
    for c in TABLES[table]:
        f = field(table, c)
        dtype = _STR if f["type"] == "str" else pd.api.types.pandas_dtype(_dtype(table, c, extra_units))
        out.append((c, dtype, bool(f.get("nullable", False)), c in _NON_NEGATIVE))
    return tuple(out)


def _conforms(df: pd.DataFrame, table: str, extra_units: tuple[str, ...] = ()) -> bool:
    """Does ``df`` pass :func:`schema`'s checks? Column operations only, no Python work per row, and never
    more lenient than the schema: the same columns in the same order, each with exactly its dtype (a
    categorical one with the same categories in the same order), no missing value where none is allowed,
    nothing negative in the offsets and counts, ``char_start <= char_end``. When it says no (or cannot
    tell), :func:`frame` lets pandera validate, which reports every problem."""
    expected = _expected(table, extra_units)
    if list(df.columns) != [c for c, *_ in expected]:
        return False
    try:
        for c, dtype, nullable, non_negative in expected:
            s = df[c]
            if isinstance(dtype, pd.CategoricalDtype):
                if not (
                    isinstance(s.dtype, pd.CategoricalDtype)
                    and s.dtype.ordered == dtype.ordered
                    and s.dtype.categories.dtype == dtype.categories.dtype
                    and list(s.dtype.categories) == list(dtype.categories)
                ):
                    return False
            elif type(s.dtype) is not type(dtype) or s.dtype != dtype:
                return False
            if not nullable and s.isna().any():
                return False
            if non_negative and not bool((s.dropna() >= 0).all()):
                return False
        if "char_start" in df and not bool((df["char_start"] <= df["char_end"]).all()):
            return False
    except Exception:  # noqa: BLE001 - whatever this check cannot read, pandera reads and reports
        return False
    return True


def frame(
    table: str,
    records: dict[str, list] | list[dict],
    validate: bool = True,
    extra_units: tuple[str, ...] = (),
) -> pd.DataFrame:
    """A DataFrame of ``table`` with declared dtypes, validated against its schema. ``extra_units`` are
    units a run's lexicon adds to units.yml (categories of the unit columns after the bundled ones)."""
    cols = TABLES[table]
    if isinstance(records, list):
        data = {c: [r[c] for r in records] for c in cols}
    else:
        data = {c: records[c] for c in cols}
    df = pd.DataFrame({c: pd.Series(data[c], dtype=_dtype(table, c, extra_units)) for c in cols})
    if validate and not _conforms(df, table, extra_units):
        schema(table, extra_units).validate(df, lazy=True)
    return df


def describe(table: str) -> pd.DataFrame:
    """The data dictionary of a table: column, type, unit, description."""
    rows = []
    for c in TABLES[table]:
        f = field(table, c)
        kind = f["type"]
        if kind == "category":
            kind = "category: " + ", ".join(categories(table, c))
        rows.append(
            {
                "column": c,
                "type": kind,
                "nullable": bool(f.get("nullable", False)),
                "unit": f.get("unit", ""),
                "description": f["description"],
            }
        )
    return pd.DataFrame(rows)
