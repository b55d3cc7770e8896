"""Writing to SQLite: open (with migrations), and one atomic write per document.

A document's rows are replaced as a whole inside one transaction, so a crash
leaves either the old rows or the new ones, and re-running never duplicates.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from models import Extraction
from pipeline.assemble import DocumentBundle
from pipeline.schema import DOCUMENT_TABLES, MIGRATIONS


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if missing) and migrate the database; WAL so readers never block the writer."""
    conn = sqlite3.connect(str(path), timeout=60, isolation_level=None, check_same_thread=False)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA busy_timeout=60000")
    db.execute("PRAGMA synchronous=NORMAL")
    migrate(db)
    return db


def migrate(db: sqlite_utils.Database) -> list[int]:
    """Apply the migrations this database has not seen; return their versions."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "description TEXT, applied_at TEXT DEFAULT (datetime('now')))"
    )
    done = {row[0] for row in db.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, description, sql in MIGRATIONS:
        if version in done:
            continue
        with _transaction(db):
            for statement in _statements(sql):
                try:
                    db.execute(statement)
                except sqlite3.OperationalError as exc:  # column added by hand or by a newer build
                    if "duplicate column" not in str(exc):
                        raise
            db.execute(
                "INSERT INTO schema_migrations (version, description) VALUES (?, ?)",
                [version, description],
            )
        applied.append(version)
    from pipeline import views  # views depend on the final tables

    views.create_views(db)
    return applied


def _statements(sql: str) -> Iterable[str]:
    return (s.strip() for s in sql.split(";") if s.strip())


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT / ROLLBACK: takes the write lock up front (one writer at a time).

    sqlite-utils' own writes inside it nest as savepoints (``Database.atomic``).
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.conn = db.conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


def loaded_version(db: sqlite_utils.Database, document_id: str) -> tuple[str, str | None] | None:
    """(status, extractor_version) of a document already in the database, or None."""
    row = db.execute(
        "SELECT status, extractor_version FROM documents WHERE id = ?", [document_id]
    ).fetchone()
    return (row[0], row[1]) if row else None


def write_document(db: sqlite_utils.Database, bundle: DocumentBundle) -> None:
    """Replace everything stored for ``bundle.document.id`` with the bundle, atomically."""
    doc = bundle.document
    with _transaction(db):
        _delete_document_rows(db, doc.id)
        if bundle.partnership is not None:
            db["partnerships"].upsert(bundle.partnership.model_dump(), pk="id")
        if bundle.organisations:
            db["organisations"].upsert_all([o.model_dump() for o in bundle.organisations], pk="id")
        db["documents"].upsert(doc.model_dump(), pk="id")
        if bundle.priorities:
            db["priorities"].insert_all([p.model_dump() for p in bundle.priorities])
        for activity in bundle.activities:
            row = activity.row.model_dump(exclude={"id"})
            activity_id = db["activities"].insert(row).last_pk
            leads = [
                lead.model_copy(update={"activity_id": activity_id}).model_dump()
                for lead in activity.leads
            ]
            if leads:
                db["activity_leads"].insert_all(leads)
            kpis = [
                k.model_copy(update={"activity_id": activity_id}).model_dump(exclude={"id"})
                for k in activity.kpis
            ]
            if kpis:
                db["kpis"].insert_all(kpis)
        if bundle.kpis:
            db["kpis"].insert_all([k.model_dump(exclude={"id"}) for k in bundle.kpis])
        if bundle.funding:
            db["funding"].insert_all([f.model_dump(exclude={"id"}) for f in bundle.funding])
        if bundle.mentions:
            db["org_mentions"].insert_all([m.model_dump() for m in bundle.mentions])
        if bundle.candidates:
            db["org_candidates"].insert_all([c.model_dump() for c in bundle.candidates])
        if bundle.extraction is not None:
            db["extractions"].insert({"document_id": doc.id, "json": bundle.extraction.model_dump_json()})


def stored_extractions(db: sqlite_utils.Database) -> list[tuple[str, str, Extraction]]:
    """(document id, source, extraction) for every document whose extraction is kept."""
    rows = db.execute(
        "SELECT d.id, d.source, e.json FROM extractions e JOIN documents d ON d.id = e.document_id"
    ).fetchall()
    return [(doc_id, source, Extraction.model_validate_json(js)) for doc_id, source, js in rows]


def _delete_document_rows(db: sqlite_utils.Database, document_id: str) -> None:
    db.execute(
        "DELETE FROM activity_leads WHERE activity_id IN "
        "(SELECT id FROM activities WHERE document_id = ?)",
        [document_id],
    )
    for table in DOCUMENT_TABLES:
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM activities WHERE document_id = ?", [document_id])
