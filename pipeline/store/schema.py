"""The database schema: the contract tables (CONTRACT.md) plus additions, applied as migrations.

Each migration runs once and is recorded in ``schema_migrations``; a database
written by an older cspipe is brought up to date when opened, never rebuilt.
Contract columns are never renamed or dropped.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

#: Full-text search: table -> the columns its ``<table>_fts`` index holds (migration 7).
SEARCH: dict[str, tuple[str, ...]] = {
    "activities": ("description", "objective", "priority", "progress"),
    "kpis": ("description", "target"),
    "funding": ("description", "period"),
    "priorities": ("label",),
}


def _search_indexes(db: sqlite_utils.Database) -> None:
    """sqlite-utils' FTS5 index of each ``SEARCH`` table, Porter-stemmed ("patrols" finds
    "patrol"), filled from the rows already there.

    sqlite-utils' own layout (``<table>_fts`` with ``content=<table>``, triggers ``<table>_ai``,
    ``_ad``, ``_au``) is what Datasette looks for, so its search box works on these tables, and
    the triggers keep the index in step with every write: ``write_document`` deletes and
    re-inserts a document's rows inside its transaction and the index follows, so re-running
    never duplicates a hit. The index is keyed by rowid; ``priorities`` has no INTEGER PRIMARY
    KEY, so after a ``VACUUM`` run ``INSERT INTO priorities_fts(priorities_fts) VALUES('rebuild')``.
    """
    for table, columns in SEARCH.items():
        db[table].enable_fts(columns, create_triggers=True, tokenize="porter", replace=True)


#: (version, what it changes, SQL statements or a function of the database)
Migration = tuple[int, str, str | Callable[[sqlite_utils.Database], None]]

#: Applied in order, each once, inside one transaction (``load.migrate``).
MIGRATIONS: list[Migration] = [
    (
        1,
        "contract tables",
        """
        CREATE TABLE IF NOT EXISTS documents (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            title TEXT,
            doc_type TEXT NOT NULL DEFAULT 'other',
            partnership_id TEXT REFERENCES partnerships(id),
            authority TEXT,
            committee TEXT,
            meeting_date TEXT,
            pages INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'failed')),
            error TEXT
        );
        CREATE TABLE IF NOT EXISTS partnerships (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            gss_code TEXT
        );
        CREATE TABLE IF NOT EXISTS organisations (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            gss_code TEXT
        );
        CREATE TABLE IF NOT EXISTS priorities (
            document_id TEXT NOT NULL REFERENCES documents(id),
            label TEXT NOT NULL,
            theme TEXT NOT NULL,
            page INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS activities (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id),
            theme TEXT,
            priority TEXT,
            objective TEXT,
            description TEXT NOT NULL,
            status TEXT,
            progress TEXT,
            timescale TEXT,
            due_date TEXT,
            page INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS activity_leads (
            activity_id INTEGER NOT NULL REFERENCES activities(id),
            organisation_id TEXT REFERENCES organisations(id),
            person TEXT,
            raw TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS kpis (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id),
            activity_id INTEGER REFERENCES activities(id),
            description TEXT NOT NULL,
            target TEXT,
            page INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS funding (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id),
            date TEXT,
            period TEXT,
            description TEXT NOT NULL,
            amount_gbp REAL NOT NULL,
            funder_id TEXT REFERENCES organisations(id),
            recipient_id TEXT REFERENCES organisations(id),
            page INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS org_mentions (
            document_id TEXT NOT NULL REFERENCES documents(id),
            organisation_id TEXT NOT NULL REFERENCES organisations(id),
            text TEXT NOT NULL,
            page INTEGER NOT NULL,
            PRIMARY KEY (document_id, organisation_id)
        );
        """,
    ),
    (
        2,
        "additions: provenance, KPI values, match scores, unmatched candidates, indexes",
        """
        ALTER TABLE documents ADD COLUMN report_number TEXT;
        ALTER TABLE documents ADD COLUMN ingested_at TEXT;
        ALTER TABLE documents ADD COLUMN extractor_version TEXT;
        ALTER TABLE kpis ADD COLUMN value REAL;
        ALTER TABLE activity_leads ADD COLUMN match_score REAL;
        CREATE TABLE IF NOT EXISTS org_candidates (
            text TEXT NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents(id),
            page INTEGER NOT NULL,
            count INTEGER NOT NULL DEFAULT 1,
            best_guess TEXT,
            score REAL,
            PRIMARY KEY (document_id, text)
        );
        CREATE INDEX IF NOT EXISTS idx_priorities_document ON priorities(document_id);
        CREATE INDEX IF NOT EXISTS idx_activities_document ON activities(document_id);
        CREATE INDEX IF NOT EXISTS idx_leads_activity ON activity_leads(activity_id);
        CREATE INDEX IF NOT EXISTS idx_leads_org ON activity_leads(organisation_id);
        CREATE INDEX IF NOT EXISTS idx_kpis_document ON kpis(document_id);
        CREATE INDEX IF NOT EXISTS idx_funding_document ON funding(document_id);
        CREATE INDEX IF NOT EXISTS idx_documents_partnership ON documents(partnership_id);
        """,
    ),
    (
        3,
        "addition: each document's extraction (contacts removed), so matching can re-run without parsing",
        """
        CREATE TABLE IF NOT EXISTS extractions (
            document_id TEXT PRIMARY KEY REFERENCES documents(id),
            json TEXT NOT NULL
        );
        """,
    ),
    (
        4,
        "scraping state: configured sources and every fetch of a document URL",
        """
        CREATE TABLE IF NOT EXISTS sources (
            id TEXT PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'auto',
            name TEXT,
            committees TEXT NOT NULL DEFAULT '[]',
            keywords TEXT,
            since TEXT,
            cron TEXT,
            enabled INTEGER NOT NULL DEFAULT 1,
            added_at TEXT DEFAULT (datetime('now')),
            last_run_at TEXT,
            last_error TEXT
        );
        CREATE TABLE IF NOT EXISTS fetches (
            url TEXT PRIMARY KEY,
            source_id TEXT REFERENCES sources(id),
            status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
            http_status INTEGER,
            etag TEXT,
            last_modified TEXT,
            sha256 TEXT,
            fetched_at TEXT,
            error TEXT,
            transient INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            title TEXT,
            committee TEXT,
            meeting_date TEXT,
            meeting_url TEXT,
            path TEXT
        );
        CREATE INDEX IF NOT EXISTS idx_fetches_source ON fetches(source_id);
        CREATE INDEX IF NOT EXISTS idx_fetches_sha256 ON fetches(sha256);
        """,
    ),
    (
        5,
        "addition: organisations.council_type (metropolitan district, London borough, ...)",
        """
        ALTER TABLE organisations ADD COLUMN council_type TEXT;
        """,
    ),
    (
        6,
        "addition: fetches.attachment_id (the site's id of a paper), so one paper linked two ways is one",
        """
        ALTER TABLE fetches ADD COLUMN attachment_id TEXT;
        CREATE INDEX IF NOT EXISTS idx_fetches_attachment ON fetches(source_id, attachment_id);
        """,
    ),
    (
        7,
        "additions: scanned pages read by OCR and Word files (documents.ocr_pages, source_format; "
        "each row's location in a page-less file and its OCR confidence)",
        """
        ALTER TABLE documents ADD COLUMN ocr_pages TEXT;
        ALTER TABLE documents ADD COLUMN source_format TEXT;
        ALTER TABLE priorities ADD COLUMN location TEXT;
        ALTER TABLE priorities ADD COLUMN ocr_confidence REAL;
        ALTER TABLE activities ADD COLUMN location TEXT;
        ALTER TABLE activities ADD COLUMN ocr_confidence REAL;
        ALTER TABLE kpis ADD COLUMN location TEXT;
        ALTER TABLE kpis ADD COLUMN ocr_confidence REAL;
        ALTER TABLE funding ADD COLUMN location TEXT;
        ALTER TABLE funding ADD COLUMN ocr_confidence REAL;
        """,
    ),
    (
        8,
        "addition: what partnerships are compared by (county, force, council type, population)",
        """
        ALTER TABLE partnerships ADD COLUMN county_id TEXT;
        ALTER TABLE partnerships ADD COLUMN force_id TEXT;
        ALTER TABLE partnerships ADD COLUMN council_type TEXT;
        ALTER TABLE partnerships ADD COLUMN population INTEGER;
        ALTER TABLE partnerships ADD COLUMN districts INTEGER;
        """,
    ),
    (
        9,
        "addition: full-text search (FTS5) over activities, KPIs, funding and priorities",
        _search_indexes,
    ),
]

#: Tables holding rows that belong to one document (deleted and rewritten together).
DOCUMENT_TABLES = ("priorities", "kpis", "funding", "org_mentions", "org_candidates", "extractions")
