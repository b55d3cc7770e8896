"""Export every contract table and comparison view to flat files (CSV or JSON).

For researchers who work in spreadsheets, R or pandas rather than SQL: one file
per table or view, named after it, with a header even when it has no rows.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import sqlite_utils

from cspipe.pipeline.store.views import VIEWS

#: The tables of CONTRACT.md, in the order it lists them.
CONTRACT_TABLES = (
    "documents",
    "partnerships",
    "organisations",
    "priorities",
    "activities",
    "activity_leads",
    "kpis",
    "funding",
    "org_mentions",
)
#: Tables the project adds (schema.py).
ADDED_TABLES = ("org_candidates", "extractions", "sources", "fetches")


def export_names(db: sqlite_utils.Database) -> list[str]:
    """Tables then views that exist in this database, in a stable order."""
    tables = set(db.table_names())
    views = set(db.view_names())
    return [t for t in CONTRACT_TABLES + ADDED_TABLES if t in tables] + [
        v for v in VIEWS if v in views
    ]


def export(db_path: str | Path, out_dir: str | Path, fmt: str = "csv") -> list[tuple[Path, int]]:
    """Write ``<name>.csv`` or ``<name>.json`` for each table and view; return (file, rows)."""
    from cspipe.pipeline.store.load import open_readonly

    if fmt not in ("csv", "json"):
        raise ValueError(f"format must be csv or json, not {fmt!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    db = open_readonly(db_path)
    written = []
    try:
        for name in export_names(db):
            cursor = db.execute(f"SELECT * FROM [{name}]")
            columns = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            path = out / f"{name}.{fmt}"
            if fmt == "csv":
                with path.open("w", newline="", encoding="utf-8") as fh:
                    writer = csv.writer(fh)
                    writer.writerow(columns)
                    writer.writerows(rows)
            else:
                records = [dict(zip(columns, r, strict=True)) for r in rows]
                path.write_text(
                    json.dumps(records, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
                )
            written.append((path, len(rows)))
    finally:
        db.close()
    return written
