"""The ``cspipe`` command line: thin wrappers over the pipeline steps."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="cspipe",
    help="Turn UK council papers about Community Safety Partnerships into a SQLite database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file (created if missing).")]


@app.command()
def ingest(
    inputs: Annotated[
        list[str], typer.Argument(help="PDF and Word files (.docx; .doc, .odt, .rtf with LibreOffice; "
                                       "scans by OCR with cspipe[ocr]), folders of them, http(s) URLs.")
    ],
    db: DbOption = Path("csp.db"),
    force: Annotated[bool, typer.Option(help="Re-extract documents already loaded.")] = False,
    keep_contacts: Annotated[
        bool,
        typer.Option(
            "--keep-contacts", help="Keep phone numbers and e-mail addresses in stored text."
        ),
    ] = False,
    max_pages: Annotated[
        int | None, typer.Option(help="Read at most this many pages per PDF (the rest is noted).")
    ] = 2000,
    workers: Annotated[
        int, typer.Option(help="Extract this many documents in parallel processes.")
    ] = 1,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="Run the Prefect ingest flow on a Dask cluster: its scheduler address "
                       "(tcp://host:8786), or 'local' for a local cluster of --workers processes.")] = None,
    timeout: Annotated[float | None, typer.Option(
        help="Seconds allowed per document before it is recorded as failed.")] = 120.0,
    max_memory: Annotated[int | None, typer.Option(
        "--max-memory", help="MiB of memory allowed per document's worker process.")] = 2048,
) -> None:
    """Load what cspipe extracts from each input into the database (bad inputs are recorded as failed)."""
    if dask is not None:
        from cspipe.flows.ingest import run_ingest

        local = dask == "local"
        summary = run_ingest(inputs, db, dask_address=None if local else dask,
                             dask_workers=max(workers, 2) if local else None, force=force,
                             max_pages=max_pages, timeout=timeout, keep_contacts=keep_contacts,
                             max_memory=max_memory)
        for r in summary.results:
            if r.status == "failed":
                typer.echo(r.line(), err=True)
        typer.echo(f"{summary.line()} -> {db}")
        return
    from cspipe.pipeline.ingest.documents import Options, print_result
    from cspipe.pipeline.ingest.documents import ingest as run

    results = run(
        inputs,
        db,
        Options(force=force, keep_contacts=keep_contacts, max_pages=max_pages, timeout=timeout,
                max_memory=max_memory),
        workers=workers,
        report=print_result,
    )
    tally: dict[str, int] = {}
    for r in results:
        tally[r.status] = tally.get(r.status, 0) + 1
    pages = sum(r.pages for r in results)
    seconds = sum(r.seconds for r in results)
    summary = ", ".join(f"{n} {s}" for s, n in sorted(tally.items()))
    rate = f", {pages / seconds:.1f} pages/s" if seconds > 0 else ""
    typer.echo(f"{len(results)} documents: {summary or 'none'} ({pages} pages{rate}) -> {db}")


@app.command()
def summary(db: DbOption = Path("csp.db")) -> None:
    """Print one line per partnership: documents, themes, activities, KPIs, leads, funding."""
    from cspipe.pipeline.outputs.report_text import print_summary

    print_summary(db)


def _register_subcommands() -> None:
    from cspipe.cli.compare import register as register_compare
    from cspipe.cli.flows import register as register_flows
    from cspipe.cli.inspect import inspect
    from cspipe.cli.orgs import orgs_app

    app.add_typer(orgs_app, name="orgs")
    app.command()(inspect)
    register_compare(app)
    register_flows(app)


_register_subcommands()


def main() -> None:  # pragma: no cover - console entry
    """Run the app; a problem with the database file is one line on stderr and exit 2."""
    import sqlite3
    import sys

    from cspipe.pipeline.store.load import DatabaseError, one_line

    try:
        app()
    except DatabaseError as exc:
        print(f"cspipe: {exc}", file=sys.stderr)
        sys.exit(2)
    except sqlite3.Error as exc:  # e.g. the write lock held beyond the timeout mid-batch
        print(f"cspipe: {one_line(exc, 'the database')}", file=sys.stderr)
        sys.exit(2)
