"""``datapackage.json``: the tables of an output folder described for data tools (Frictionless Data).

The description is generated from the field dictionary ``briefing/data/fields.yml``: every column with
its Table Schema type, description, unit and allowed values (a category's full set), each table's
primary key and the foreign keys between tables (the ``tables:`` section of the same file). It is
written with the tables, for the files the folder holds when it is written (``briefing tables`` and
``briefing check`` each rewrite it, so it describes both commands' files), and ``frictionless validate
DIR/datapackage.json`` checks every file against it.

How the CSVs are read: an empty cell is missing (the only missing value), booleans are ``True`` and
``False``, dates ``YYYY-MM-DD``. A text cell that begins with ``=``, ``+``, ``-`` or ``@`` carries one
leading single quote (see :func:`briefing.cli.csv_safe`). Parquet files, when written, are described
as well; where both formats are there, a table's Parquet resource is named ``NAME-parquet``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from . import __version__, schema

__all__ = ["describe_folder", "table_schema", "NAME"]

NAME = "datapackage.json"

_TYPES = {
    "str": "string",
    "int": "integer",
    "nullable_int": "integer",
    "float": "number",
    "bool": "boolean",
    "category": "string",
    "date": "date",
}

_FORMATS = {".csv": ("csv", "text/csv"), ".parquet": ("parquet", "application/vnd.apache.parquet")}

# Columns of reference_comparison.csv that are numbers; the others are text (the columns follow the
# reference file, whose optional columns are kept when present).
_REFERENCE_NUMBERS = {"briefing_value", "official_value", "difference"}


def _columns(table: str) -> list[str]:
    return schema.TABLES.get(table) or schema.CHECK_TABLES[table]


def _field(table: str, column: str) -> dict:
    f = schema.field(table, column)
    out: dict = {"name": column, "type": _TYPES[f["type"]], "description": f["description"]}
    if "unit" in f:
        out["unit"] = f["unit"]
    if f["type"] == "bool":
        out["trueValues"], out["falseValues"] = ["True"], ["False"]
    constraints: dict = {}
    if f["type"] == "category":
        constraints["enum"] = list(schema.categories(table, column))
    # A text column that may hold "" cannot be required in a CSV, where "" and missing are one thing.
    if not f.get("nullable", False) and f["type"] != "str":
        constraints["required"] = True
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(table: str, present: set[str] | None = None) -> dict:
    """The Table Schema of ``table``; foreign keys only to tables in ``present`` (default: all)."""
    keys = schema.keys(table)
    fks = []
    for fk in keys["foreign_keys"]:
        if present is not None and fk["table"] not in present:
            continue
        fks.append(
            {
                "fields": list(fk["fields"]),
                "reference": {"resource": fk["table"], "fields": list(fk.get("reference", fk["fields"]))},
            }
        )
    out: dict = {
        "fields": [_field(table, c) for c in _columns(table)],
        "missingValues": [""],
        "primaryKey": keys["primary_key"],
    }
    if fks:
        out["foreignKeys"] = fks
    return out


def _reference_schema(header: list[str]) -> dict:
    fields = []
    for c in header:
        kind = "number" if c in _REFERENCE_NUMBERS else "string"
        fields.append(
            {"name": c, "type": kind, "description": f"{c} of the comparison with the primary releases."}
        )
    return {"fields": fields, "missingValues": [""]}


def _header(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh), [])


def describe_folder(folder: Path, names: list[str]) -> dict:
    """The Data Package descriptor of the known tables among ``names`` (files in ``folder``)."""
    known = [*schema.TABLES, *schema.CHECK_TABLES, "reference_comparison"]
    by_table: dict[str, list[str]] = {}
    for name in names:
        stem, suffix = Path(name).stem, Path(name).suffix
        if stem in known and suffix in _FORMATS:
            by_table.setdefault(stem, []).append(name)
    present = set(by_table)
    resources = []
    for table in known:
        for name in sorted(by_table.get(table, []), key=lambda n: Path(n).suffix != ".csv"):
            fmt, media = _FORMATS[Path(name).suffix]
            both = len(by_table[table]) > 1
            res: dict = {
                "name": f"{table}-parquet" if both and fmt == "parquet" else table,
                "path": name,
                "format": fmt,
                "mediatype": media,
                "profile": "tabular-data-resource",
            }
            if fmt == "csv":
                res["encoding"] = "utf-8"
            if table == "reference_comparison":
                res["schema"] = _reference_schema(_header(folder / name) if fmt == "csv" else [])
                if fmt != "csv":
                    del res["schema"]
            else:
                res["schema"] = table_schema(table, present)
            resources.append(res)
    return {
        "name": "briefing-tables",
        "title": "Tables of SCIO press-briefing transcripts",
        "description": "Made by the briefing package: "
        "one row per briefing, speaker, turn, exchange, sentence, numeric token and figure mention.",
        "profile": "tabular-data-package",
        "created_by": f"briefing {__version__}",
        "resources": resources,
    }


def writer(folder: Path, names: list[str]):
    """The ``finish`` hook of :func:`briefing.files.write_folder`: ``{NAME: writer}``."""
    text = json.dumps(describe_folder(folder, names), indent=2, ensure_ascii=False) + "\n"
    return {NAME: lambda path: path.write_text(text, encoding="utf-8")}
