"""The commands that search and share the database: ``search``, ``serve``, ``metadata``, ``export``.

``cspipe.cli.compare.register`` adds them to the app beside the comparisons. They only read the
database (``metadata`` and ``export`` write their own files, never the database); a path that
holds no database is refused, never created. A mistake is one line and exit 2.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database written by `cspipe ingest`.")]


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    parquet = "parquet"


class SearchFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class SearchTable(StrEnum):
    activities = "activities"
    kpis = "kpis"
    funding = "funding"
    priorities = "priorities"


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def _existing(db: Path) -> Path:
    if not db.is_file():
        _fail(f"No database at {db}; run `cspipe ingest ... --db {db}` first.")
    return db


def search(
    text: Annotated[str, typer.Argument(help='Words to find, e.g. "domestic abuse" (all must '
                                             'appear; word* for a prefix).')],
    table: Annotated[list[SearchTable] | None, typer.Option(
        "--table", help="Only this table: activities, kpis, funding or priorities (repeatable).",
    )] = None,
    partnership: Annotated[str | None, typer.Option(
        "--partnership", help="Only this partnership (its id, name or area).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most hits to show.")] = 20,
    fmt: Annotated[SearchFormat, typer.Option("--format", help="table, csv or json.")
                   ] = SearchFormat.table,
    db: DbOption = Path("csp.db"),
) -> None:
    """Full-text search of activities, KPIs, funding and priorities, each hit with its page."""
    from cspipe.pipeline.outputs.names import UnknownName, partnership_id
    from cspipe.pipeline.outputs.search import TABLES, SearchError
    from cspipe.pipeline.outputs.search import search as run
    from cspipe.pipeline.store.load import open_readonly

    database = open_readonly(_existing(db))
    try:
        chosen = tuple(t.value for t in table) if table else TABLES
        pid = partnership_id(database, partnership) if partnership else None
        hits = run(database, text, chosen, pid, limit)
    except (SearchError, UnknownName) as exc:
        _fail(str(exc))
    finally:
        database.close()
    if fmt is SearchFormat.json:
        typer.echo(json.dumps([h.as_dict() for h in hits], indent=1, ensure_ascii=False))
    elif fmt is SearchFormat.csv:
        _print_csv(hits)
    else:
        _print_hits(hits, text)


def _print_csv(hits: list) -> None:
    import csv
    import dataclasses
    import sys

    from cspipe.pipeline.outputs.search import Hit

    writer = csv.writer(sys.stdout)
    writer.writerow([f.name for f in dataclasses.fields(Hit)])
    writer.writerows([list(h.as_dict().values()) for h in hits])


def _print_hits(hits: list, text: str) -> None:
    import re

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(width=max(Console().width, 120))
    if not hits:
        console.print(f"no matches for {text!r}")
        return
    grid = Table(title=f"{len(hits)} best matches for {text!r}", show_lines=True)
    grid.add_column("in", no_wrap=True)
    grid.add_column("partnership", no_wrap=True)
    grid.add_column("match", ratio=3)
    grid.add_column("page", justify="right", no_wrap=True)
    grid.add_column("document", ratio=1, overflow="ellipsis")
    for h in hits:
        shown = Text()
        for n, part in enumerate(re.split(r"\*\*", h.snippet)):
            shown.append(part, style="bold yellow" if n % 2 else "")
        name = (h.partnership or h.partnership_id or "-").replace(
            "Community Safety Partnership", "CSP")
        grid.add_row(h.table, name, shown, str(h.page), h.document_title or h.source)
    console.print(grid)


def serve(
    db: DbOption = Path("csp.db"),
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 8001,
    metadata: Annotated[Path | None, typer.Option(
        "--metadata", help="Serve with this metadata file (from `cspipe metadata`, edited or "
                           "not) instead of a fresh one.")] = None,
) -> None:
    """Browse the database in Datasette, read-only, on 127.0.0.1 (needs the `serve` extra)."""
    from cspipe.pipeline.outputs.serve import DatasetteMissing, MetadataError, run

    try:
        code = run(_existing(db), port, metadata)
    except DatasetteMissing as exc:
        _fail(str(exc), 1)
    except MetadataError as exc:
        _fail(str(exc))
    raise typer.Exit(code)


def metadata(
    out: Annotated[Path, typer.Option("--out", help="File to write: .json, or .yaml / .yml.")
                   ] = Path("metadata.json"),
    db: DbOption = Path("csp.db"),
) -> None:
    """Write Datasette's metadata (meanings, licence, facets, canned queries) as a reusable file."""
    from cspipe.pipeline.outputs.datasette_metadata import write
    from cspipe.pipeline.store.load import open_readonly

    open_readonly(_existing(db)).close()
    if out.is_dir():
        _fail(f"{out} is a folder; give a file name, e.g. {out / 'metadata.json'}")
    try:
        write(db, out)
    except OSError as exc:
        _fail(f"cannot write {out}: {exc.strerror or exc}")
    typer.echo(f"{out}: Datasette metadata for {db} (served as /{db.stem})")


def export(
    out: Annotated[Path, typer.Option("--out", help="Folder to write one file per table/view.")],
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", help="csv, json or parquet (parquet needs the `parquet` extra).")
                   ] = ExportFormat.csv,
    db: DbOption = Path("csp.db"),
) -> None:
    """Write the contract tables and comparison views as tidy files with a datapackage.json."""
    from cspipe.pipeline.outputs.export import PACKAGE, ExportError, ParquetMissing
    from cspipe.pipeline.outputs.export import export as run

    try:
        written = run(_existing(db), out, fmt.value)
    except ParquetMissing as exc:  # an extra to install, as serve says for Datasette
        _fail(str(exc), 1)
    except ExportError as exc:
        _fail(str(exc))
    rows = sum(n for _, n in written)
    typer.echo(f"{len(written)} files, {rows} rows, {PACKAGE} -> {out}")


def register(app: typer.Typer) -> None:
    """Add search, serve, metadata and export to the ``cspipe`` app."""
    app.command("search")(search)
    app.command("serve")(serve)
    app.command("metadata")(metadata)
    app.command("export")(export)
