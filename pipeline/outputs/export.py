"""Export the contract tables and comparison views as tidy files a researcher can share.

For people who work in spreadsheets, R or pandas rather than SQL: one file per table or view
(CSV, JSON or Parquet), named after it, with a header even when it has no rows; one value per
cell (the views' lists in long-form files of their own) and names beside ids (``tidy``). Beside
them go ``datapackage.json`` (a Frictionless Data Package: schema, meanings, licences, sources)
and ``data_dictionary`` (every file and column and what it means, for spreadsheet readers).
cspipe's own working tables (extractions, scraping state, search indexes) are not exported.
"""

from __future__ import annotations

import csv
import importlib
import json
from pathlib import Path

from cspipe.pipeline.outputs import datapackage
from cspipe.pipeline.outputs.tidy import CONTRACT_TABLES, Resource, resources
from cspipe.pipeline.store import descriptions

__all__ = ["CONTRACT_TABLES", "DICTIONARY", "ExportError", "ParquetMissing", "export"]

FORMATS = tuple(datapackage.FORMATS)
#: The file beside the exports that describes them (no table or view has this name).
DICTIONARY = "data_dictionary"
DICTIONARY_COLUMNS = ("name", "column", "origin", "description")
PACKAGE = "datapackage.json"
PARQUET_HINT = ("--format parquet needs pyarrow and pandas: pip install 'cspipe[parquet]' "
                "(or: pip install pyarrow pandas)")


class ExportError(ValueError):
    """The export cannot be written as asked; ``str(err)`` is the one-line reason."""


class ParquetMissing(ExportError):
    """``--format parquet`` without the optional ``parquet`` extra installed."""


def dictionary(items: list[Resource]) -> list[tuple[str, str, str, str]]:
    """(name, column, origin, description) rows: one per file, then one per column.

    A file's own row has an empty column; origin is contract, addition, view, or export (a
    column or long-form file the export adds).
    """
    rows = []
    for item in items:
        rows.append((item.name, "", item.group, item.description))
        rows += [(item.name, column, origin, meaning) for column, origin, meaning in item.fields]
    return rows


def _write(path: Path, fmt: str, columns: list[str], types: list[str], rows: list) -> None:
    rows = [[datapackage.coerce(v, t) for v, t in zip(row, types, strict=True)] for row in rows]
    if fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            writer.writerows(rows)
    elif fmt == "json":
        records = [dict(zip(columns, r, strict=True)) for r in rows]
        path.write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        # through pandas, so the file records its nullable columns (Int64, string): readers that
        # go through pandas (frictionless among them) get null back, not NaN in an integer column
        import pandas as pd

        dtypes = {"integer": "Int64", "number": "float64", "string": "string"}
        frame = pd.DataFrame({c: pd.array([r[i] for r in rows], dtype=dtypes[t])
                              for i, (c, t) in enumerate(zip(columns, types, strict=True))})
        frame.to_parquet(path, index=False, engine="pyarrow")


def _folder(out_dir: str | Path) -> Path:
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file, not a folder to export into")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create folder {out}: {exc.strerror or exc}") from exc
    return out


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "parquet":
        try:
            importlib.import_module("pyarrow")
            importlib.import_module("pandas")
        except ImportError as exc:
            raise ParquetMissing(PARQUET_HINT) from exc


def export(db_path: str | Path, out_dir: str | Path, fmt: str = "csv") -> list[tuple[Path, int]]:
    """Write one file per contract table, view and long form, the data dictionary and
    ``datapackage.json``; return (file, rows) for each data file."""
    from cspipe.pipeline.store.load import open_readonly

    _check_format(fmt)
    db = open_readonly(db_path)
    try:
        out = _folder(out_dir)
        items = resources(db)
        tables = [(item, db.execute(item.select).fetchall()) for item in items]
    finally:
        db.close()
    own = _dictionary_resource()
    tables.append((own, dictionary([*items, own])))
    written, described = [], []
    for item, rows in tables:
        columns = [c for c, _, _ in item.fields]
        types = [datapackage.field_type([r[i] for r in rows]) for i in range(len(columns))]
        path = out / f"{item.name}.{datapackage.FORMATS[fmt][0]}"
        _write(path, fmt, columns, types, rows)
        written.append((path, len(rows)))
        described.append(datapackage.resource_descriptor(item, dict(zip(columns, types, strict=True)), fmt))
    text = json.dumps(datapackage.package(described), indent=1, ensure_ascii=False)
    (out / PACKAGE).write_text(text + "\n", encoding="utf-8")
    return written


def _dictionary_resource() -> Resource:
    entry = descriptions.export_meanings()["dictionary"]
    return Resource(DICTIONARY, "export", entry["description"], "",
                    [(c, "export", entry["columns"][c]) for c in DICTIONARY_COLUMNS])
