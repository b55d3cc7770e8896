"""Export every contract table and comparison view to flat files (CSV or JSON).

For researchers who work in spreadsheets, R or pandas rather than SQL: one file
per table or view, named after it, with a header even when it has no rows, and
``data_dictionary.csv`` (or ``.json``) beside them saying what every file and
column means (from pipeline/store/descriptions.yaml, the one place that is written).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import sqlite_utils

from cspipe.pipeline.store import descriptions
from cspipe.pipeline.store.views import VIEWS

#: The tables of CONTRACT.md, in the order it lists them.
CONTRACT_TABLES = descriptions.tables("contract")
#: Tables the project adds (schema.py).
ADDED_TABLES = descriptions.tables("addition")
#: The file beside the exports that describes them (no table or view has this name).
DICTIONARY = "data_dictionary"
DICTIONARY_COLUMNS = ("name", "column", "origin", "description")


def export_names(db: sqlite_utils.Database) -> list[str]:
    """Tables then views that exist in this database, in a stable order."""
    tables = set(db.table_names())
    views = set(db.view_names())
    return [t for t in CONTRACT_TABLES + ADDED_TABLES if t in tables] + [
        v for v in VIEWS if v in views
    ]


def dictionary(db: sqlite_utils.Database, names: list[str]) -> list[tuple[str, str, str, str]]:
    """(name, column, origin, description) rows: one per table or view, then one per column.

    A table's own row has an empty column; origin is contract, addition or view. A column
    this cspipe has no meaning for (a database from a newer one) gets empty strings.
    """
    rows = []
    for name in names:
        entry = descriptions.describe(name)
        rows.append((name, "", entry.group if entry else "", entry.description if entry else ""))
        for column in (c[1] for c in db.execute(f"PRAGMA table_info([{name}])").fetchall()):
            meaning = entry.meanings.get(column) if entry else None
            origin = entry.origin(column) if meaning is not None else ""
            rows.append((name, column, origin, meaning or ""))
    return rows


def _write(path: Path, fmt: str, columns: list[str] | tuple[str, ...], rows: list) -> None:
    if fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            writer.writerows(rows)
    else:
        records = [dict(zip(columns, r, strict=True)) for r in rows]
        path.write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def export(db_path: str | Path, out_dir: str | Path, fmt: str = "csv") -> list[tuple[Path, int]]:
    """Write ``<name>.csv`` or ``<name>.json`` for each table and view, then the data
    dictionary; return (file, rows)."""
    from cspipe.pipeline.store.load import open_readonly

    if fmt not in ("csv", "json"):
        raise ValueError(f"format must be csv or json, not {fmt!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    db = open_readonly(db_path)
    written = []
    try:
        names = export_names(db)
        for name in names:
            cursor = db.execute(f"SELECT * FROM [{name}]")
            columns = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            path = out / f"{name}.{fmt}"
            _write(path, fmt, columns, rows)
            written.append((path, len(rows)))
        rows = dictionary(db, names)
        path = out / f"{DICTIONARY}.{fmt}"
        _write(path, fmt, DICTIONARY_COLUMNS, rows)
        written.append((path, len(rows)))
    finally:
        db.close()
    return written
