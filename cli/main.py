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
        int | None, typer.Option(help="Extract this many documents in parallel processes "
                                      "(default: one per CPU, at most one per document).",
                                 min=1, show_default=False)
    ] = None,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="Run the Prefect ingest flow on a Dask cluster: its scheduler address "
                       "(tcp://host:8786), or 'local' for a local cluster of --workers processes.")] = None,
    timeout: Annotated[float | None, typer.Option(
        help="Seconds allowed per document before it is recorded as failed.")] = 120.0,
    max_memory: Annotated[int | None, typer.Option(
        "--max-memory", help="MiB of memory allowed per document's worker process.")] = 2048,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only failures and the summary.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per document, then a summary.")] = False,
) -> None:
    """Load what cspipe extracts from each input into the database (bad inputs are recorded as failed)."""
    if dask is not None:
        from cspipe.flows.ingest import run_ingest
        from cspipe.pipeline.ingest.documents import available_cpus

        local = dask == "local"
        summary = run_ingest(inputs, db, dask_address=None if local else dask,
                             dask_workers=max(workers or available_cpus(), 2) if local else None,
                             force=force,
                             max_pages=max_pages, timeout=timeout, keep_contacts=keep_contacts,
                             max_memory=max_memory)
        for r in summary.results:
            if r.status == "failed":
                typer.echo(r.line(), err=True)
        typer.echo(f"{summary.line()} -> {db}")
        return
    from cspipe.cli.progress import Reporter
    from cspipe.pipeline.ingest.documents import Options
    from cspipe.pipeline.ingest.documents import ingest as run

    with Reporter(quiet=quiet, as_json=as_json) as reporter:
        results = run(
            inputs,
            db,
            Options(force=force, keep_contacts=keep_contacts, max_pages=max_pages, timeout=timeout,
                    max_memory=max_memory),
            workers=workers,
            report=reporter,
            expect=reporter.expect,
        )
    tally: dict[str, int] = {}
    for r in results:
        tally[r.status] = tally.get(r.status, 0) + 1
    pages = sum(r.pages for r in results)
    seconds = sum(r.seconds for r in results)
    summary = ", ".join(f"{n} {s}" for s, n in sorted(tally.items()))
    rate = f", {pages / seconds:.1f} pages/s" if seconds > 0 else ""
    reporter.summary(f"{len(results)} documents: {summary or 'none'} ({pages} pages{rate}) -> {db}",
                     documents=len(results), pages=pages, db=str(db), **tally)


@app.command()
def documents(
    db: DbOption = Path("csp.db"),
    status: Annotated[str | None, typer.Option(
        help="Only documents with this status: ok, partial or failed.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per document.")] = False,
) -> None:
    """List the documents in the database: status, pages, what came out of each, and why any failed."""
    from cspipe.cli.listing import print_documents

    if status is not None and status not in ("ok", "partial", "failed"):
        raise typer.BadParameter(f"{status!r} is not one of ok, partial, failed", param_hint="--status")
    print_documents(db, status, as_json)


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


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"cspipe {version('cspipe')}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn UK council papers about Community Safety Partnerships into a SQLite database."""


def main() -> None:  # pragma: no cover - console entry
    """Run the app. A user's mistake (a bad option, a value out of range, an unusable database
    file) is one line on stderr, ``cspipe: ...``, and exit 2; never a box or a traceback."""
    import sqlite3
    import sys

    from cspipe.pipeline.store.load import DatabaseError, one_line

    try:
        code = typer.main.get_command(app).main(prog_name="cspipe", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        print("cspipe: aborted", file=sys.stderr)
        sys.exit(1)
    except typer.TyperException as exc:  # a usage error: bad option, missing argument, bad value
        format_message = getattr(exc, "format_message", None)
        message = format_message() if format_message else str(exc)
        print(f"cspipe: {' '.join(message.split()).replace('Value error, ', '')}", file=sys.stderr)
        sys.exit(getattr(exc, "exit_code", 2))
    except DatabaseError as exc:
        print(f"cspipe: {exc}", file=sys.stderr)
        sys.exit(2)
    except sqlite3.Error as exc:  # e.g. the write lock held beyond the timeout mid-batch
        print(f"cspipe: {one_line(exc, 'the database')}", file=sys.stderr)
        sys.exit(2)
