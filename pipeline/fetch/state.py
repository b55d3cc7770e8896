"""Scraping state kept in the database: configured sources and what each document URL gave.

``sources`` holds what to scrape (site, committees, keywords, schedule);
``fetches`` holds one row per document URL with its validators (ETag,
Last-Modified), the sha256 of the bytes kept, and the reason for a failure.
Every write is one statement (atomic on its own), so a crash between two
documents leaves a state that the next run resumes from without fetching twice.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

import sqlite_utils

#: Title keywords that mark a paper as about community safety (case-insensitive, whole words).
DEFAULT_KEYWORDS: tuple[str, ...] = ("community safety", "crime and disorder", "CSP")
KINDS = ("auto", "moderngov", "cmis", "generic")


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def source_id_for(url: str) -> str:
    """A readable, stable id from the URL: host and path, slugged (``democracy-example-gov-uk``)."""
    parts = urlsplit(url)
    path = re.sub(r"/?[^/]*\.(aspx|asmx|html?|php|xml|rss)$", "", parts.path, flags=re.I)
    text = f"{parts.hostname or ''}{path}".lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "source"


@dataclass
class SourceConfig:
    """One site to scrape and what to keep from it."""

    url: str
    kind: str = "auto"
    committees: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=lambda: list(DEFAULT_KEYWORDS))
    since: str | None = None  # ISO date; the scrape window starts here when no --since is given
    name: str | None = None
    cron: str | None = None
    enabled: bool = True
    id: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown site kind {self.kind!r}; one of {', '.join(KINDS)}")
        if not self.id:
            self.id = source_id_for(self.url)

    def row(self) -> dict[str, object]:
        return {"id": self.id, "url": self.url, "kind": self.kind, "name": self.name,
                "committees": json.dumps(self.committees), "keywords": json.dumps(self.keywords),
                "since": self.since, "cron": self.cron, "enabled": int(self.enabled)}

    @classmethod
    def from_row(cls, row: dict[str, object]) -> SourceConfig:
        keywords = row.get("keywords")
        return cls(url=str(row["url"]), kind=str(row.get("kind") or "auto"),
                   committees=json.loads(str(row.get("committees") or "[]")),
                   keywords=list(DEFAULT_KEYWORDS) if keywords is None else json.loads(str(keywords)),
                   since=_opt(row.get("since")), name=_opt(row.get("name")), cron=_opt(row.get("cron")),
                   enabled=bool(row.get("enabled", 1)), id=str(row["id"]))


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def save_source(db: sqlite_utils.Database, source: SourceConfig) -> SourceConfig:
    """Insert or update a source, keyed by id (its URL is unique too)."""
    row = source.row()
    columns = ", ".join(row)
    updates = ", ".join(f"{k} = excluded.{k}" for k in row if k != "id")
    db.execute(f"INSERT INTO sources ({columns}) VALUES ({', '.join('?' * len(row))}) "
               f"ON CONFLICT(id) DO UPDATE SET {updates}", list(row.values()))
    return source


def find_source(db: sqlite_utils.Database, key: str) -> SourceConfig | None:
    """A source by id or by URL."""
    rows = list(db.query("SELECT * FROM sources WHERE id = ? OR url = ?", [key, key]))
    return SourceConfig.from_row(rows[0]) if rows else None


def list_sources(db: sqlite_utils.Database, *, scheduled_only: bool = False) -> list[SourceConfig]:
    sql = "SELECT * FROM sources" + (" WHERE cron IS NOT NULL AND enabled = 1" if scheduled_only else "")
    return [SourceConfig.from_row(r) for r in db.query(sql + " ORDER BY id")]


def mark_run(db: sqlite_utils.Database, source_id: str, error: str | None) -> None:
    db.execute("UPDATE sources SET last_run_at = ?, last_error = ? WHERE id = ?",
               [now_iso(), error, source_id])


@dataclass
class FetchState:
    """The ``fetches`` row of one document URL."""

    url: str
    status: str
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    fetched_at: str | None = None
    error: str | None = None
    transient: bool = False
    attempts: int = 0
    path: str | None = None
    source_id: str | None = None
    attachment_id: str | None = None

    def age_seconds(self, now: datetime | None = None) -> float:
        if not self.fetched_at:
            return float("inf")
        then = datetime.strptime(self.fetched_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        return ((now or datetime.now(UTC)) - then).total_seconds()


_FETCH_COLUMNS = ("url, status, etag, last_modified, sha256, fetched_at, error, transient, attempts, "
                  "path, source_id, attachment_id")


def _fetch_state(r: dict) -> FetchState:
    return FetchState(url=r["url"], status=r["status"], etag=r["etag"], last_modified=r["last_modified"],
                      sha256=r["sha256"], fetched_at=r["fetched_at"], error=r["error"],
                      transient=bool(r["transient"]), attempts=r["attempts"], path=r["path"],
                      source_id=r["source_id"], attachment_id=r["attachment_id"])


def get_fetch(db: sqlite_utils.Database, url: str) -> FetchState | None:
    rows = list(db.query(f"SELECT {_FETCH_COLUMNS} FROM fetches WHERE url = ?", [url]))
    return _fetch_state(rows[0]) if rows else None


def get_fetch_by_attachment(db: sqlite_utils.Database, source_id: str, attachment_id: str) -> FetchState | None:
    """The fetch of the paper a site calls ``attachment_id``, under whichever URL it was fetched."""
    rows = list(db.query(f"SELECT {_FETCH_COLUMNS} FROM fetches WHERE source_id = ? AND attachment_id = ? "
                         "ORDER BY status = 'ok' DESC, url LIMIT 1", [source_id, attachment_id]))
    return _fetch_state(rows[0]) if rows else None


def record_fetch(db: sqlite_utils.Database, *, url: str, source_id: str | None, status: str,
                 http_status: int | None = None, etag: str | None = None,
                 last_modified: str | None = None, sha256: str | None = None,
                 error: str | None = None, transient: bool = False, path: str | None = None,
                 title: str | None = None, committee: str | None = None,
                 meeting_date: str | None = None, meeting_url: str | None = None,
                 attachment_id: str | None = None) -> None:
    """Upsert one URL's outcome in a single statement; ``attempts`` counts consecutive failures."""
    db.execute(
        """INSERT INTO fetches (url, source_id, status, http_status, etag, last_modified, sha256,
               fetched_at, error, transient, attempts, title, committee, meeting_date, meeting_url, path,
               attachment_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(url) DO UPDATE SET
               source_id = excluded.source_id, status = excluded.status,
               http_status = excluded.http_status,
               etag = COALESCE(excluded.etag, CASE WHEN excluded.status = 'failed' THEN fetches.etag END),
               last_modified = COALESCE(excluded.last_modified,
                   CASE WHEN excluded.status = 'failed' THEN fetches.last_modified END),
               sha256 = COALESCE(excluded.sha256, fetches.sha256),
               path = COALESCE(excluded.path, fetches.path),
               fetched_at = excluded.fetched_at, error = excluded.error,
               transient = excluded.transient,
               attempts = CASE WHEN excluded.status = 'failed' THEN fetches.attempts + 1 ELSE 0 END,
               title = COALESCE(excluded.title, fetches.title),
               committee = COALESCE(excluded.committee, fetches.committee),
               meeting_date = COALESCE(excluded.meeting_date, fetches.meeting_date),
               meeting_url = COALESCE(excluded.meeting_url, fetches.meeting_url),
               attachment_id = COALESCE(excluded.attachment_id, fetches.attachment_id)""",
        [url, source_id, status, http_status, etag, last_modified, sha256, now_iso(), error,
         int(transient), 1 if status == "failed" else 0, title, committee, meeting_date, meeting_url, path,
         attachment_id])


def pending_ingest(db: sqlite_utils.Database, source_id: str, extractor_version: str) -> list[dict]:
    """Fetched documents whose bytes are kept but not loaded by this extractor version yet.

    A document that failed extraction is not retried until the extractor version changes:
    the same bytes through the same code fail the same way, and re-runs must change nothing.
    """
    return list(db.query(
        """SELECT f.url, f.sha256, f.path, f.title, f.committee, f.meeting_date FROM fetches f
           LEFT JOIN documents d ON d.id = f.sha256
           WHERE f.source_id = ? AND f.sha256 IS NOT NULL AND f.path IS NOT NULL
             AND (d.id IS NULL OR d.extractor_version IS NOT ?)
           ORDER BY f.url""", [source_id, extractor_version]))
