"""Scraping a council committee site: discover papers, download new or changed ones, ingest them.

Plain Python, usable without Prefect; ``flows/scrape.py`` runs the same steps as tasks.

1. ``discover``: committees -> meetings in the date window (cancelled ones skipped and
   counted) -> documents, kept when they match the source's filters (committee names;
   title keywords). One paper is one candidate however it is linked: the site's own id of
   it (ModernGov attachment id, CMIS document id) is its key, and a pack (agenda reports
   pack, supplement) is kept only for a meeting that lists no individual paper at all.
2. ``download``: per URL, decide from the ``fetches`` row whether to ask at all, ask with
   ``If-None-Match`` / ``If-Modified-Since``, keep new bytes under their sha256, record the
   outcome (or the failure's reason) in one statement.
3. ``pending`` documents (kept bytes not yet loaded) are ingested with their URL as source.
The order (bytes on disk, then the ``fetches`` row, then the document in one transaction)
means a run killed anywhere is resumed by the next without fetching anything twice.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import sqlite_utils

from cspipe.extractors.formats import DOCUMENT_KINDS, sniff
from cspipe.pipeline.fetch import inputs as fetch
from cspipe.pipeline.fetch import state
from cspipe.pipeline.fetch.http import HttpError, PoliteClient, Settings
from cspipe.pipeline.fetch.sites import adapter_for
from cspipe.pipeline.fetch.sites.base import (
    Committee,
    DocumentLink,
    Meeting,
    SiteAdapter,
    is_cancelled,
)
from cspipe.pipeline.ingest.documents import IngestResult, Options, prepare
from cspipe.pipeline.match.rows import DocumentBundle

DAY = 86400.0


@dataclass
class ScrapeOptions:
    """How far back to look and how often to ask again."""

    since: date | None = None  # default: the source's own ``since``, else a year ago
    until: date | None = None  # default: 60 days ahead (agendas are published before meetings)
    recheck_after: float = DAY  # seconds before a fetched document is asked for again (conditionally)
    refetch_after: float = 30 * DAY  # ... when the server gave no ETag / Last-Modified to ask with
    retry_failed_after: float = 7 * DAY  # ... after a permanent failure (404, not a PDF, robots)
    store: Path | None = None  # where PDFs are kept; default ``<db>.files/`` beside the database
    ingest: Options = field(default_factory=lambda: Options(max_pages=500))

    def window(self, source: state.SourceConfig, today: date | None = None) -> tuple[date, date]:
        today = today or date.today()
        since = self.since or (date.fromisoformat(source.since) if source.since else today - timedelta(days=365))
        return since, self.until or today + timedelta(days=60)


@dataclass(frozen=True)
class Candidate:
    """A document the filters kept, with what the site says about it."""

    url: str
    title: str
    committee: str | None = None
    meeting_date: str | None = None
    meeting_url: str | None = None
    doc_id: str | None = None  # the site's id of the paper (ModernGov attachment id, CMIS document id)
    kind: str = "paper"  # or "pack"

    @property
    def key(self) -> str:
        """What makes two links one paper: the site's id when it gives one, else the URL."""
        return f"id:{self.doc_id}" if self.doc_id else self.url


@dataclass
class Download:
    url: str
    outcome: str  # new | changed | unchanged | not_asked | failed
    sha256: str | None = None
    error: str | None = None


@dataclass
class ScrapeReport:
    source_id: str
    candidates: int = 0
    meetings: list[str] = field(default_factory=list)  # "committee date status" of every meeting walked
    downloads: list[Download] = field(default_factory=list)
    ingested: list[IngestResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for d in self.downloads if d.outcome == outcome)

    @property
    def cancelled(self) -> list[str]:
        return [m for m in self.meetings if is_cancelled(m)]

    def line(self) -> str:
        parts = [f"{len(self.meetings)} meetings"] if self.meetings else []
        if self.cancelled:
            parts.append(f"{len(self.cancelled)} cancelled (skipped)")
        parts.append(f"{self.candidates} papers matched")
        parts += [f"{self.count(o)} {o}" for o in ("new", "changed", "unchanged", "not_asked", "failed")
                  if self.count(o)]
        parts.append(f"{len(self.ingested)} ingested")
        if self.errors:
            parts.append(f"{len(self.errors)} site errors")
        return f"{self.source_id}: " + ", ".join(parts)


# -- filters ----------------------------------------------------------------------------------

def _mentions(text: str | None, phrases: list[str]) -> bool:
    return bool(text) and any(
        re.search(rf"(?<![A-Za-z0-9]){re.escape(p)}(?![A-Za-z0-9])", text or "", re.I) for p in phrases)


def committee_wanted(committee: Committee, names: list[str]) -> bool:
    """No names: every committee; otherwise one whose name contains any given name."""
    return not names or any(n.lower() in committee.name.lower() for n in names)


def document_wanted(link: DocumentLink, meeting: Meeting, keywords: list[str]) -> bool:
    """No keywords: all; a committee named for community safety: all its papers; else by title."""
    if not keywords:
        return True
    return any(_mentions(t, keywords) for t in
               (meeting.committee.name, link.title, link.context, _file_words(link.url)))


def _file_words(url: str) -> str:
    from urllib.parse import unquote, urlsplit

    return re.sub(r"[_\-+.]+", " ", unquote(urlsplit(url).path.rsplit("/", 1)[-1]))


# -- discover ---------------------------------------------------------------------------------

def choose_papers(links: list[DocumentLink]) -> list[DocumentLink]:
    """A meeting's documents without its packs, unless the meeting lists no paper of its own.

    A pack compiles the meeting's reports; when the site lists any report individually (one
    with the site's own id) the reports are taken and the pack left. A meeting whose only
    papers are packs keeps them: there the pack is the only place the papers are.
    """
    papers = [link for link in links if link.kind != "pack"]
    return papers if any(link.doc_id for link in papers) else links


def _url_rank(url: str) -> int:
    """Prefer a static file (``documents/s123/x.pdf``) to a conversion endpoint for the same paper."""
    from urllib.parse import urlsplit

    return 0 if urlsplit(url).path.lower().endswith(".pdf") else 1


def _meeting_note(meeting: Meeting) -> str:
    when = meeting.date.isoformat() if meeting.date else "undated"
    return " ".join(p for p in (meeting.committee.name, when, meeting.status or "") if p)


def _walk(adapter: SiteAdapter, source: state.SourceConfig, since: date, until: date,
          errors: list[str]) -> list[Meeting]:
    """The meetings of the wanted committees in the window: from the site's calendar, or committee by committee."""
    calendar = adapter.calendar(since, until, errors)
    if calendar is not None:
        return [m for m in calendar if committee_wanted(m.committee, source.committees)]
    out: list[Meeting] = []
    for committee in adapter.committees():
        if not committee_wanted(committee, source.committees):
            continue
        try:
            out.extend(adapter.meetings(committee, since, until))
        except HttpError as exc:
            errors.append(f"meetings of {committee.name}: {exc}")
    return out


def discover(source: state.SourceConfig, client: PoliteClient, since: date, until: date,
             errors: list[str] | None = None, meetings: list[str] | None = None) -> list[Candidate]:
    """Papers matching the source's filters, each once (with the earliest meeting linking it).

    ``meetings`` receives a note for every meeting walked; cancelled ones are not opened.
    """
    errors = errors if errors is not None else []
    adapter = adapter_for(source.url, client, source.kind, source.name)
    found: dict[str, Candidate] = {}
    for meeting in _walk(adapter, source, since, until, errors):
        if meetings is not None:
            meetings.append(_meeting_note(meeting))
        if is_cancelled(meeting.status):
            continue
        try:
            links = adapter.documents(meeting)
        except HttpError as exc:
            errors.append(f"documents of {meeting.url}: {exc}")
            continue
        for link in choose_papers(links):
            when = meeting.date or link.published
            if when is not None and not since <= when <= until:
                continue
            if not document_wanted(link, meeting, source.keywords):
                continue
            cand = Candidate(link.url, link.title, meeting.committee.name if meeting.date else None,
                             meeting.date.isoformat() if meeting.date else None, meeting.url,
                             link.doc_id, link.kind)
            earlier = found.get(cand.key)
            if earlier is None:
                found[cand.key] = cand
                continue
            first = earlier
            if meeting.date and (earlier.meeting_date or "9999") > meeting.date.isoformat():
                first = cand  # linked again: keep the first meeting it went to
            best = min((earlier.url, cand.url), key=lambda u: (_url_rank(u), u))
            found[cand.key] = replace(first, url=best)
    return list(found.values())


# -- download ---------------------------------------------------------------------------------

def default_store(db_path: str | Path) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".files")


def _keep(store: Path, data: bytes, digest: str) -> Path:
    """Write the bytes under their sha256, atomically (temp file + rename)."""
    kind = sniff(data)  # a Word file is kept as one, by its bytes
    target = store / digest[:2] / f"{digest}.{kind if kind in DOCUMENT_KINDS else 'pdf'}"
    if target.exists() and target.stat().st_size == len(data):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, target)
    return target


def download(db: sqlite_utils.Database, client: PoliteClient, source_id: str, cand: Candidate,
             store: Path, options: ScrapeOptions) -> Download:
    """Fetch one document if it is new, due for a re-check, or changed; record what happened.

    A paper fetched before under another URL (the same site id) is that fetch: asked for
    again there, with its validators, never downloaded twice.
    """
    known = state.get_fetch(db, cand.url)
    if known is None and cand.doc_id:
        known = state.get_fetch_by_attachment(db, source_id, cand.doc_id)
        if known is not None:
            cand = replace(cand, url=known.url)
    headers: dict[str, str | None] = {}
    if known is not None:
        age = known.age_seconds()
        kept = bool(known.path) and Path(known.path or "").exists()
        if known.status == "ok" and kept:
            validators = known.etag or known.last_modified
            if age < (options.recheck_after if validators else options.refetch_after):
                return Download(cand.url, "not_asked", known.sha256)
            headers = {"etag": known.etag, "last_modified": known.last_modified}
        elif known.status == "failed" and not known.transient and age < options.retry_failed_after:
            return Download(cand.url, "not_asked", error=known.error)
    meta = {"title": cand.title, "committee": cand.committee, "meeting_date": cand.meeting_date,
            "meeting_url": cand.meeting_url, "attachment_id": cand.doc_id}
    try:
        response = client.get(cand.url, expect_pdf=True, etag=headers.get("etag"),
                              last_modified=headers.get("last_modified"))
    except HttpError as exc:
        state.record_fetch(db, url=cand.url, source_id=source_id, status="failed", http_status=exc.status,
                           error=str(exc), transient=exc.transient, **meta)
        return Download(cand.url, "failed", error=str(exc))
    if response.not_modified:
        return Download(cand.url, "unchanged", known.sha256 if known else None)
    digest = fetch.sha256(response.content)
    unchanged = known is not None and known.status == "ok" and known.sha256 == digest
    if unchanged and known is not None and (known.etag, known.last_modified) == (response.etag, response.last_modified):
        return Download(cand.url, "unchanged", digest)
    path = _keep(store, response.content, digest)
    state.record_fetch(db, url=cand.url, source_id=source_id, status="ok", http_status=response.status,
                       etag=response.etag, last_modified=response.last_modified, sha256=digest,
                       path=str(path), **meta)
    return Download(cand.url, "unchanged" if unchanged else ("changed" if known and known.sha256 else "new"),
                    digest)


# -- ingest of what was fetched ---------------------------------------------------------------

@dataclass(frozen=True)
class IngestItem:
    """One document to ingest: where to read it, and what to record as its source."""

    location: str
    source: str
    sha256: str | None = None
    committee: str | None = None
    meeting_date: str | None = None


def prepare_item(item: IngestItem, options: Options, is_loaded: Callable[[str], bool] = lambda _id: False,
                 ) -> tuple[IngestResult, DocumentBundle | None]:
    """``cspipe.pipeline.ingest.documents.prepare`` on the kept file, recording the URL and the meeting it went to."""
    result, bundle = prepare(fetch.Source(item.location), options, is_loaded)
    if item.source != item.location:
        result = replace(result, source=item.source)
    if bundle is not None:
        doc = bundle.document
        update: dict[str, object] = {"source": item.source}
        if doc.status != "failed":  # the site says which committee and meeting; keep what the PDF says
            if not doc.committee and item.committee:
                update["committee"] = item.committee
            if not doc.meeting_date and item.meeting_date:
                update["meeting_date"] = item.meeting_date
        bundle.document = doc.model_copy(update=update)
    return result, bundle


def pending_items(db: sqlite_utils.Database, source_id: str) -> list[IngestItem]:
    from cspipe.pipeline.match.rows import EXTRACTOR_VERSION

    seen: set[str] = set()
    items = []
    for row in state.pending_ingest(db, source_id, EXTRACTOR_VERSION):
        if row["sha256"] in seen:  # the same bytes at two URLs: one document
            continue
        seen.add(row["sha256"])
        items.append(IngestItem(row["path"], row["url"], row["sha256"], row["committee"], row["meeting_date"]))
    return items


# -- the whole step ---------------------------------------------------------------------------

def scrape(source: state.SourceConfig, db_path: str | Path, options: ScrapeOptions | None = None, *,
           client: PoliteClient | None = None, settings: Settings | None = None,
           on_download: Callable[[Download], None] | None = None) -> ScrapeReport:
    """Scrape one source into the database at ``db_path``; serial, one writer."""
    from cspipe.pipeline.store.load import open_db, write_document

    options = options or ScrapeOptions()
    store = options.store or default_store(db_path)
    own = client is None
    client = client or PoliteClient(settings)
    db = open_db(db_path)
    report = ScrapeReport(source.id)
    try:
        state.save_source(db, source)
        since, until = options.window(source)
        try:
            candidates = discover(source, client, since, until, report.errors, report.meetings)
        except HttpError as exc:
            report.errors.append(f"{source.url}: {exc}")
            candidates = []
        report.candidates = len(candidates)
        for cand in candidates:
            result = download(db, client, source.id, cand, store, options)
            report.downloads.append(result)
            if on_download:
                on_download(result)
        for item in pending_items(db, source.id):
            result, bundle = prepare_item(item, options.ingest)
            if bundle is not None:
                write_document(db, bundle)
            report.ingested.append(result)
        state.mark_run(db, source.id, "; ".join(report.errors)[:500] or None)
    finally:
        db.close()
        if own:
            client.close()
    return report
