"""The read-side commands: ``compare``, ``report``, ``serve`` and ``export``.

``register(app)`` adds them to the main ``cspipe`` typer app (cli/main.py).
They only read the database; each refuses a path that holds no database rather
than creating an empty one.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database written by `cspipe ingest`.")]


class CompareFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


def _existing(db: Path) -> Path:
    if not db.is_file():
        typer.echo(f"No database at {db}; run `cspipe ingest ... --db {db}` first.", err=True)
        raise typer.Exit(2)
    return db


def compare(
    partnership: Annotated[
        str | None,
        typer.Option("--partnership", help="Benchmark this partnership (its id, name or area, "
                                           "e.g. 'East Suffolk') against all the others."),
    ] = None,
    theme: Annotated[
        str | None,
        typer.Option(
            "--theme", help="Only this theme, as the tables print it (e.g. 'domestic abuse'): "
                            "themes and activity profile narrow to it."
        ),
    ] = None,
    fmt: Annotated[
        CompareFormat, typer.Option("--format", help="table, csv or json.")
    ] = CompareFormat.table,
    db: DbOption = Path("csp.db"),
) -> None:
    """Compare partnerships: priority themes, activity profile, lead mix, funding by year."""
    from rich.console import Console

    from cspipe.pipeline.outputs.compare import (
        CompareError,
        benchmark,
        load,
        print_tables,
        to_csv,
        to_json,
    )
    from cspipe.pipeline.outputs.names import UnknownName, partnership_id, theme_key
    from cspipe.pipeline.store.load import open_readonly

    database = open_readonly(_existing(db))
    try:
        theme = theme_key(theme) if theme else None
        partnership = partnership_id(database, partnership) if partnership else None
        comparisons = load(database, theme)
        bench = benchmark(comparisons, partnership) if partnership else None
    except (CompareError, UnknownName) as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    finally:
        database.close()
    if fmt is CompareFormat.json:
        typer.echo(to_json(comparisons, theme, bench, partnership))
    elif fmt is CompareFormat.csv:
        typer.echo(to_csv(comparisons, bench), nl=False)
    else:
        print_tables(comparisons, Console(), theme, bench, partnership)


def report(
    out: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("report.html"),
    db: DbOption = Path("csp.db"),
) -> None:
    """Write one self-contained HTML report (charts and tables, links to each page)."""
    from cspipe.pipeline.outputs.report.html import build_report

    stats = build_report(_existing(db), out)
    typer.echo(
        f"{out}: {stats.partnerships} partnerships, {stats.documents} documents, "
        f"{stats.activities} activities ({stats.bytes / 1024:.0f} KiB)"
    )


def serve(
    db: DbOption = Path("csp.db"),
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 8001,
) -> None:
    """Browse the database in Datasette, read-only, on 127.0.0.1 (needs the `serve` extra)."""
    from cspipe.pipeline.outputs.serve import DatasetteMissing, run

    try:
        code = run(_existing(db), port)
    except DatasetteMissing as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    raise typer.Exit(code)


def export(
    out: Annotated[Path, typer.Option("--out", help="Folder to write one file per table/view.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv or json.")] = ExportFormat.csv,
    db: DbOption = Path("csp.db"),
) -> None:
    """Write every contract table and comparison view as CSV or JSON files."""
    from cspipe.pipeline.outputs.export import export as run

    written = run(_existing(db), out, fmt.value)
    rows = sum(n for _, n in written)
    typer.echo(f"{len(written)} files, {rows} rows -> {out}")


def register(app: typer.Typer) -> None:
    """Add compare, report, serve and export to the ``cspipe`` app."""
    app.command("compare")(compare)
    app.command("report")(report)
    app.command("serve")(serve)
    app.command("export")(export)
