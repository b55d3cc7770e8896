"""Opening the database (for writing, with migrations, or read-only) and one atomic write per document.

A document's rows are replaced as a whole inside one transaction, so a crash
leaves either the old rows or the new ones, and re-running never duplicates.
Schema and views change only inside one ``BEGIN IMMEDIATE`` transaction that re-checks
what is needed once it holds the lock, so several cspipe processes may start together.
Readers open the file read-only (``open_readonly``) and never change a byte of it.
Every problem with the file itself is a ``DatabaseError`` with a one-line reason.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from cspipe.models import Extraction
from cspipe.pipeline.match.rows import DocumentBundle
from cspipe.pipeline.store.schema import DOCUMENT_TABLES, MIGRATIONS, Migration

#: Seconds a command waits for another process's write lock before giving up.
LOCK_TIMEOUT = 60.0
LATEST = max(v for v, _d, _s in MIGRATIONS)
_SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseError(Exception):
    """The database file cannot be used; ``str(err)`` is the one-line reason."""


def _check_path(path: Path, *, create: bool) -> None:
    """Refuse, in one line, a path that cannot be a cspipe database."""
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if path.exists():
        try:
            with open(path, "rb") as f:
                head = f.read(16)
        except OSError as exc:
            raise DatabaseError(f"cannot read {path}: {exc.strerror or exc}") from exc
        if head and head != _SQLITE_MAGIC:
            raise DatabaseError(f"{path} is not an SQLite database")
        if not head and not create:
            raise DatabaseError(f"{path} is empty, not a cspipe database")
        return
    if not create:
        raise DatabaseError(f"no database at {path}; run `cspipe ingest ... --db {path}` first")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DatabaseError(f"cannot create {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseError(f"cannot create {path}: folder {folder} is not writable")


def one_line(exc: BaseException, path: str | Path) -> DatabaseError:
    """A sqlite3 error as the one line a user sees."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "locked" in text or "busy" in text:
        return DatabaseError(f"{path} is locked by another process (waited {LOCK_TIMEOUT:g}s)")
    if "readonly" in text or "read-only" in text:
        return DatabaseError(f"{path} is read-only (cspipe needs to write to it and its folder)")
    if "not a database" in text or "malformed" in text:
        return DatabaseError(f"{path} is not a usable SQLite database ({text})")
    return DatabaseError(f"database error on {path}: {text}")


def open_db(path: str | Path, *, create: bool = True) -> sqlite_utils.Database:
    """Open (creating if missing, unless ``create`` is False) and migrate the database; WAL so
    readers never block the writer. Commands that change an existing database (``orgs rematch``)
    pass ``create=False``, so a mistyped ``--db`` is an error, not a new empty file."""
    path = Path(path)
    _check_path(path, create=create)
    if not create and not path.exists():
        raise DatabaseError(f"no database at {path}")
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseError(f"{path} is read-only (cspipe needs to write to it and its folder)")
    try:
        conn = sqlite3.connect(str(path), timeout=LOCK_TIMEOUT, isolation_level=None,
                               check_same_thread=False)
        db = sqlite_utils.Database(conn)
        db.execute(f"PRAGMA busy_timeout={int(LOCK_TIMEOUT * 1000)}")
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        migrate(db)
    except sqlite3.Error as exc:
        raise one_line(exc, path) from exc
    return db


def open_readonly(path: str | Path) -> sqlite_utils.Database:
    """Open an existing database for reading only; refuse an old schema in one line.

    With no ``-wal`` file beside it no writer has it open, so it is opened ``immutable``:
    nothing is written, not even the ``-wal`` / ``-shm`` side files, and read-only media work.
    Otherwise ``mode=ro`` reads the writer's pending WAL without writing the database file.
    Views stored by an older cspipe are shadowed by today's, as temporary views.
    """
    path = Path(path)
    _check_path(path, create=False)
    uri = path.resolve().as_uri()
    mode = "mode=ro" if Path(f"{path}-wal").exists() else "immutable=1"
    try:
        conn = sqlite3.connect(f"{uri}?{mode}", uri=True, timeout=LOCK_TIMEOUT,
                               check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        db = sqlite_utils.Database(conn)
        version = schema_version(db)
    except sqlite3.Error as exc:
        raise one_line(exc, path) from exc
    if version is None:
        db.close()
        raise DatabaseError(f"{path} is not a cspipe database (no schema_migrations table)")
    if version < LATEST:
        db.close()
        raise DatabaseError(f"{path} has schema version {version}, this cspipe reads {LATEST}: "
                            f"run `cspipe ingest ... --db {path}` once to upgrade it")
    from cspipe.pipeline.store import views  # views depend on the final tables

    views.shadow_stale_views(db)
    return db


def schema_version(db: sqlite_utils.Database) -> int | None:
    """The highest migration applied, or None when the file holds no cspipe schema."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
                      ).fetchone():
        return None
    row = db.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(db: sqlite_utils.Database) -> list[int]:
    """Apply the migrations this database has not seen and bring the views up to date.

    Checked first without a lock (the usual case: nothing to do, nothing written), then
    again inside one ``BEGIN IMMEDIATE`` transaction, so concurrent starts apply each change once.
    """
    from cspipe.pipeline.store import views  # views depend on the final tables

    if not _pending(db) and views.current(db):
        return []
    applied: list[int] = []
    with _transaction(db):
        for version, description, change in _pending(db):
            if callable(change):
                change(db)
            for statement in () if callable(change) else _statements(change):
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
        if applied or not views.current(db):
            views.create_views(db)
    return applied


def _pending(db: sqlite_utils.Database) -> list[Migration]:
    done: set[int] = set()
    if schema_version(db) is not None:
        done = {row[0] for row in db.execute("SELECT version FROM schema_migrations").fetchall()}
    else:
        if db.conn.in_transaction:
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "description TEXT, applied_at TEXT DEFAULT (datetime('now')))"
            )
        else:
            return list(MIGRATIONS)
    return [m for m in MIGRATIONS if m[0] not in done]


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
    """Replace everything stored for ``bundle.document.id`` with the bundle, atomically.

    Contact details are removed here, from every text the bundle holds, unless the user
    asked to keep them (``cspipe.pipeline.store.contacts``).
    """
    from cspipe.pipeline.store.contacts import scrub_bundle

    bundle = scrub_bundle(bundle)
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
        # an activity's id is known once it is inserted; its leads and KPIs go in after the
        # loop, one insert per table (the same rows in the same order as one per activity)
        leads: list[dict] = []
        kpis: list[dict] = []
        for activity in bundle.activities:
            row = activity.row.model_dump(exclude={"id"})
            activity_id = db["activities"].insert(row).last_pk
            leads += [lead.model_copy(update={"activity_id": activity_id}).model_dump()
                      for lead in activity.leads]
            kpis += [k.model_copy(update={"activity_id": activity_id}).model_dump(exclude={"id"})
                     for k in activity.kpis]
        if leads:
            db["activity_leads"].insert_all(leads)
        kpis += [k.model_dump(exclude={"id"}) for k in bundle.kpis]
        if kpis:
            db["kpis"].insert_all(kpis)
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
