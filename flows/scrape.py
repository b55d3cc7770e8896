"""The scrape flow: per configured source, discover papers, download new or changed ones, ingest.

Each source is walked by one task at a time per host (politeness), with the same steps
as ``cspipe.pipeline.ingest.scrape``; what was downloaded and not yet loaded is handed to the ingest
flow as a subflow. State lives in the database's ``sources`` and ``fetches`` tables, so a
killed run is resumed by the next one without fetching anything twice.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from cspipe.flows.ingest import IngestSummary, close_writers, ingest_flow
from cspipe.pipeline.fetch import state
from cspipe.pipeline.fetch.http import HttpError, PoliteClient, Settings
from cspipe.pipeline.ingest import scrape as steps
from cspipe.pipeline.store.load import open_db


def _settings(polite: dict[str, Any] | None) -> Settings:
    return Settings(**(polite or {}))


@task(name="discover-papers", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=[30])
def discover_papers(source: state.SourceConfig, since: date, until: date,
                    polite: dict[str, Any] | None = None,
                    ) -> tuple[list[steps.Candidate], list[str], list[str]]:
    """Committees -> meetings in the window -> matching papers, each once; errors; meetings walked."""
    errors: list[str] = []
    meetings: list[str] = []
    with PoliteClient(_settings(polite)) as client:
        try:
            found = steps.discover(source, client, since, until, errors, meetings)
        except HttpError as exc:
            if exc.transient:
                raise
            errors.append(f"{source.url}: {exc}")
            found = []
    return found, errors, meetings


@task(name="download-papers", cache_policy=NO_CACHE)
def download_papers(db: str, source_id: str, candidates: list[steps.Candidate], store: str,
                    options: steps.ScrapeOptions, polite: dict[str, Any] | None = None) -> list[steps.Download]:
    """Conditional GETs, one at a time; each outcome recorded before the next request."""
    conn = open_db(db)
    try:
        with PoliteClient(_settings(polite)) as client:
            return [steps.download(conn, client, source_id, c, Path(store), options) for c in candidates]
    finally:
        conn.close()


def _resolve_sources(db: str, sources: list[str] | None, committees: list[str] | None,
                     keywords: list[str] | None, kind: str | None) -> list[state.SourceConfig]:
    """Sources by id or URL (a new URL is added), or every enabled source when none are named."""
    conn = open_db(db)
    try:
        if not sources:
            return [s for s in state.list_sources(conn) if s.enabled]
        chosen = []
        for key in sources:
            found = state.find_source(conn, key)
            if found is None:
                if not key.startswith(("http://", "https://")):
                    raise ValueError(f"no source {key!r}: give a URL or the id of a source added before")
                found = state.SourceConfig(url=key)
            if committees is not None:
                found.committees = list(committees)
            if keywords is not None:
                found.keywords = list(keywords)
            if kind:
                found.kind = kind
            state.save_source(conn, found)
            chosen.append(found)
        return chosen
    finally:
        conn.close()


@flow(name="cspipe-scrape", log_prints=True)
def scrape_flow(db: str = "csp.db", sources: list[str] | None = None, since: str | None = None,
                until: str | None = None, committees: list[str] | None = None,
                keywords: list[str] | None = None, kind: str | None = None, store: str | None = None,
                max_pages: int | None = 500, timeout: float | None = 300.0,
                recheck_after: float = steps.DAY, polite: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Scrape each source once into ``db``; returns one report per source."""
    db = str(Path(db).resolve())
    options = steps.ScrapeOptions(
        since=date.fromisoformat(since) if since else None,
        until=date.fromisoformat(until) if until else None,
        recheck_after=recheck_after, store=Path(store) if store else None)
    store_dir = str(options.store or steps.default_store(db))
    reports: list[dict[str, Any]] = []
    try:
        for source in _resolve_sources(db, sources, committees, keywords, kind):
            reports.append(_scrape_one(db, source, options, store_dir, max_pages, timeout, polite))
    finally:
        close_writers()
    return reports


def _scrape_one(db: str, source: state.SourceConfig, options: steps.ScrapeOptions, store_dir: str,
                max_pages: int | None, timeout: float | None,
                polite: dict[str, Any] | None) -> dict[str, Any]:
    """Discover, download, ingest one source; record the run on the source."""
    report = steps.ScrapeReport(source.id)
    first, last = options.window(source)
    try:
        candidates, report.errors, report.meetings = discover_papers(source, first, last, polite)
    except HttpError as exc:
        candidates, report.errors = [], [f"{source.url}: {exc}"]
    report.candidates = len(candidates)
    report.downloads = download_papers(db, source.id, candidates, store_dir, options, polite)
    conn = open_db(db)
    try:
        items = steps.pending_items(conn, source.id)
    finally:
        conn.close()
    if items:
        summary: IngestSummary = ingest_flow(db=db, items=items, max_pages=max_pages, timeout=timeout)
        report.ingested = summary.results
    conn = open_db(db)
    try:
        state.mark_run(conn, source.id, "; ".join(report.errors)[:500] or None)
    finally:
        conn.close()
    print(report.line())
    return asdict(report)
