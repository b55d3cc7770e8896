"""Scheduled scrapes: one Prefect deployment per source that has a cron schedule.

Schedules are kept with the sources in the database (``sources.cron``), so
``cspipe schedule add`` needs no Prefect server. ``cspipe schedule run`` turns them into
deployments of ``scrape_flow`` and serves them in the foreground (``prefect.serve``):
against the server at ``PREFECT_API_URL`` when one is set, else an in-process one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect.deployments.runner import RunnerDeployment

from cspipe.flows.scrape import scrape_flow
from cspipe.pipeline.fetch import state
from cspipe.pipeline.store.load import open_db


def deployment_name(source: state.SourceConfig) -> str:
    return f"scrape-{source.id}"


def build_deployments(db: str | Path, *, polite: dict[str, Any] | None = None) -> list[RunnerDeployment]:
    """A deployment of the scrape flow for each enabled source with a cron schedule."""
    db_path = str(Path(db).resolve())
    conn = open_db(db_path)
    try:
        scheduled = state.list_sources(conn, scheduled_only=True)
    finally:
        conn.close()
    deployments = []
    for source in scheduled:
        parameters: dict[str, Any] = {"db": db_path, "sources": [source.id]}
        if polite:
            parameters["polite"] = polite
        deployments.append(scrape_flow.to_deployment(
            name=deployment_name(source), cron=source.cron, parameters=parameters,
            description=f"Scrape {source.url} for community safety papers",
            tags=["cspipe", "scrape", source.kind]))
    return deployments


def serve(db: str | Path, *, limit: int | None = None) -> None:
    """Serve every scheduled deployment until interrupted (Ctrl-C)."""
    from prefect import serve as prefect_serve

    deployments = build_deployments(db)
    if not deployments:
        raise SystemExit("no scheduled sources: add one with `cspipe schedule add SOURCE --cron ...`")
    prefect_serve(*deployments, limit=limit)


def check_cron(cron: str) -> str:
    """The cron string if Prefect accepts it as a schedule; ``ValueError`` with the reason if not."""
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron)
    except Exception as exc:  # pydantic's ValidationError: its first message is enough
        errors = getattr(exc, "errors", None)
        reason = errors()[0]["msg"] if callable(errors) and errors() else str(exc).splitlines()[0]
        raise ValueError(f"invalid cron {cron!r}: {reason.removeprefix('Value error, ')}; "
                         "write five fields, e.g. '0 6 * * 1' for Mondays at 06:00") from exc
    return cron


def next_runs(cron: str, n: int = 1) -> list[str]:
    """The next ``n`` times a cron schedule fires (UTC), for ``cspipe schedule list``."""
    from datetime import UTC, datetime

    try:
        from prefect._vendor.croniter import croniter  # the parser Prefect's own schedules use
    except ImportError:  # pragma: no cover - a Prefect without the vendored parser
        return []
    it = croniter(cron, datetime.now(UTC))
    return [it.get_next(datetime).strftime("%Y-%m-%d %H:%M UTC") for _ in range(n)]
