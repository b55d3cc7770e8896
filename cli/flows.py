"""CLI commands that run Prefect flows: ``scrape`` and ``schedule add|list|run``.

``cspipe.cli.main`` calls ``register(app)``; Prefect is imported only when one of these runs,
so the other commands stay fast.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from cspipe.pipeline.fetch.state import KINDS

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file (created if missing).")]
CommitteeOption = Annotated[list[str] | None, typer.Option(
    "--committee", help="Only committees whose name contains this (repeatable).")]
KeywordOption = Annotated[list[str] | None, typer.Option(
    "--keyword", help="Keep papers whose title, agenda item or committee names this "
                      "(repeatable; default: community safety, crime and disorder, CSP).")]
def _check_kind(value: str) -> str:
    if value not in KINDS:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(KINDS)}")
    return value


KindOption = Annotated[str, typer.Option(
    "--kind", callback=_check_kind,
    help="Site software: auto, moderngov, cmis or generic (a page or feed of PDF links).")]


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise typer.BadParameter(f"not a date (YYYY-MM-DD): {value}") from exc


def _contact(contact: str | None) -> None:
    if contact:
        os.environ["CSPIPE_CONTACT"] = contact


def scrape(
    urls: Annotated[list[str] | None, typer.Argument(
        help="Committee site URLs or ids of added sources (default: every added source).")] = None,
    committee: CommitteeOption = None,
    keyword: KeywordOption = None,
    all_papers: Annotated[bool, typer.Option(
        "--all-papers", help="Keep every paper of the chosen committees (no keyword filter).")] = False,
    since: Annotated[str | None, typer.Option(help="Meetings on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Meetings on or before this date.")] = None,
    db: DbOption = Path("csp.db"),
    kind: KindOption = "auto",
    delay: Annotated[float, typer.Option(help="Seconds between requests to one host.")] = 1.0,
    contact: Annotated[str | None, typer.Option(
        help="Contact (URL or e-mail) sent in the User-Agent; or set CSPIPE_CONTACT.")] = None,
    plain: Annotated[bool, typer.Option(
        "--plain", help="Run the plain-Python steps without Prefect.")] = False,
) -> None:
    """Scrape committee sites once: find community safety papers, download new ones, ingest them."""
    _contact(contact)
    start, end = _check_date(since), _check_date(until)
    if all_papers:
        keyword = []
    from cspipe.cli.progress import ScrapeWatch

    if plain:
        with ScrapeWatch(db):
            _scrape_plain(urls or [], committee, keyword, start, end, db, kind, delay)
        return
    from cspipe.flows.scrape import scrape_flow

    with ScrapeWatch(db):
        reports = scrape_flow(db=str(db), sources=urls or None, since=start, until=end,
                              committees=committee, keywords=keyword,
                              kind=None if kind == "auto" else kind, polite={"delay": delay})
    for report in reports:
        for d in report["downloads"]:
            if d["outcome"] == "failed":
                typer.echo(f"failed  {d['url']}  ({d['error']})", err=True)
        for err in report["errors"]:
            typer.echo(f"site error: {err}", err=True)

def schedule_add(
    source: Annotated[str, typer.Argument(help="Committee site URL, or the id of an added source.")],
    cron: Annotated[str, typer.Option(help='When to scrape, e.g. "0 6 * * 1" (Mondays 06:00 UTC).')],
    committee: CommitteeOption = None,
    keyword: KeywordOption = None,
    since: Annotated[str | None, typer.Option(help="Ignore meetings before this date.")] = None,
    kind: KindOption = "auto",
    name: Annotated[str | None, typer.Option(help="A name for the source.")] = None,
    db: DbOption = Path("csp.db"),
) -> None:
    """Add (or update) a source and its schedule; `cspipe schedule run` serves it."""
    from cspipe.flows.deployments import check_cron, deployment_name, next_runs
    from cspipe.pipeline.fetch import state
    from cspipe.pipeline.store.load import open_db

    try:
        check_cron(cron)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    conn = open_db(db)
    try:
        found = state.find_source(conn, source)
        if found is None:
            if not source.startswith(("http://", "https://")):
                raise typer.BadParameter(f"no source {source!r}: give an http(s) URL")
            found = state.SourceConfig(url=source, kind=kind)
        found.cron = cron
        if committee is not None:
            found.committees = list(committee)
        if keyword is not None:
            found.keywords = list(keyword)
        if kind != "auto":
            found.kind = kind
        if since is not None:
            found.since = _check_date(since)
        if name is not None:
            found.name = name
        state.save_source(conn, found)
    finally:
        conn.close()
    nxt = next_runs(cron)
    typer.echo(f"{deployment_name(found)}: {found.url} at {cron!r}"
               + (f" (next {nxt[0]})" if nxt else ""))

def schedule_list(db: DbOption = Path("csp.db")) -> None:
    """List the sources and their schedules."""
    from cspipe.flows.deployments import deployment_name, next_runs
    from cspipe.pipeline.fetch import state
    from cspipe.pipeline.store.load import open_db

    conn = open_db(db)
    try:
        rows = state.list_sources(conn)
        last = {r["id"]: (r["last_run_at"], r["last_error"])
                for r in conn.query("SELECT id, last_run_at, last_error FROM sources")}
    finally:
        conn.close()
    if not rows:
        typer.echo("no sources")
    for s in rows:
        when = s.cron or "unscheduled"
        nxt = next_runs(s.cron) if s.cron and s.enabled else []
        ran, error = last.get(s.id, (None, None))
        filters = ", ".join(s.committees) or "all committees"
        typer.echo(f"{deployment_name(s)}\t{when}\t{s.kind}\t{s.url}\t[{filters}]"
                   + (f"\tnext {nxt[0]}" if nxt else "") + (f"\tlast run {ran}" if ran else "")
                   + (f"\tlast error: {error}" if error else ""))

def schedule_run(
    db: DbOption = Path("csp.db"),
    limit: Annotated[int | None, typer.Option(help="Most flow runs at once.")] = None,
) -> None:
    """Serve the scheduled scrapes with Prefect in the foreground (Ctrl-C stops)."""
    from cspipe.flows.deployments import serve

    serve(db, limit=limit)


def register(app: typer.Typer) -> None:
    """Add the flow commands to the ``cspipe`` app."""
    schedule = typer.Typer(help="Scheduled scrapes: add, list and run (serve) deployments.",
                           no_args_is_help=True)
    app.add_typer(schedule, name="schedule")
    app.command()(scrape)
    schedule.command("add")(schedule_add)
    schedule.command("list")(schedule_list)
    schedule.command("run")(schedule_run)


def _scrape_plain(urls: list[str], committee: list[str] | None, keyword: list[str] | None,
                  since: str | None, until: str | None, db: Path, kind: str, delay: float) -> None:
    from cspipe.pipeline.fetch import state
    from cspipe.pipeline.fetch.http import Settings
    from cspipe.pipeline.ingest.scrape import ScrapeOptions, scrape
    from cspipe.pipeline.store.load import open_db

    conn = open_db(db)
    try:
        chosen = [state.find_source(conn, u) or state.SourceConfig(url=u, kind=kind) for u in urls] \
            if urls else state.list_sources(conn)
    finally:
        conn.close()
    options = ScrapeOptions(since=date.fromisoformat(since) if since else None,
                            until=date.fromisoformat(until) if until else None)
    for source in chosen:
        if committee is not None:
            source.committees = list(committee)
        if keyword is not None:
            source.keywords = list(keyword)
        report = scrape(source, db, options, settings=Settings(delay=delay))
        for d in report.downloads:
            if d.outcome == "failed":
                typer.echo(f"failed  {d.url}  ({d.error})", err=True)
        for err in report.errors:
            typer.echo(f"site error: {err}", err=True)
        typer.echo(report.line())
