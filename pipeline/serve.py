"""``cspipe serve``: Datasette over the database, read-only, on the loopback interface.

The database is migrated (so the views exist) and its WAL checkpointed first, then
opened by Datasette in immutable mode: no query, canned or typed, can change it.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HOST = "127.0.0.1"
INSTALL_HINT = (
    "Datasette is not installed. Install the serve extra: "
    "pip install 'cspipe[serve]'  (or: pip install datasette)"
)


class DatasetteMissing(RuntimeError):
    """The optional ``serve`` extra is not installed."""


def datasette_available() -> bool:
    return importlib.util.find_spec("datasette") is not None


def prepare(db_path: str | Path) -> None:
    """Bring the schema and views up to date and fold the WAL into the main file."""
    from pipeline.load import open_db

    db = open_db(db_path)
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def write_metadata(db_path: str | Path, folder: str | Path) -> Path:
    """Write metadata.json for the database (served under its file stem) into ``folder``."""
    from pipeline.datasette_metadata import metadata

    path = Path(folder) / "metadata.json"
    path.write_text(json.dumps(metadata(Path(db_path).stem), indent=1), encoding="utf-8")
    return path


def command(db_path: str | Path, port: int, metadata_path: str | Path) -> list[str]:
    """The datasette command line: immutable database, loopback only."""
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        "--immutable",
        str(db_path),
        "--host",
        HOST,
        "--port",
        str(port),
        "--metadata",
        str(metadata_path),
        "--setting",
        "sql_time_limit_ms",
        "5000",
        "--setting",
        "max_returned_rows",
        "5000",
    ]


def run(db_path: str | Path, port: int = 8001) -> int:
    """Serve until interrupted; returns Datasette's exit code."""
    if not datasette_available():
        raise DatasetteMissing(INSTALL_HINT)
    prepare(db_path)
    with tempfile.TemporaryDirectory(prefix="cspipe-serve-") as folder:
        meta = write_metadata(db_path, folder)
        print(
            f"Serving {db_path} read-only at http://{HOST}:{port}/ (Ctrl-C to stop)",
            file=sys.stderr,
        )
        proc = subprocess.Popen(command(db_path, port, meta))
        try:
            return proc.wait()
        except KeyboardInterrupt:
            proc.terminate()
            return proc.wait()
