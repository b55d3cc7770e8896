"""``cspipe serve``: Datasette over the database, read-only, on the loopback interface.

Serving only reads: the file is checked (an SQLite file with the current cspipe schema,
opened read-only) and handed to Datasette untouched, in immutable mode, or, when another
process's writes still sit in its WAL, read-only (``mode=ro``) so they are seen. Nothing is
migrated or checkpointed: the file a user publishes stays byte for byte as it was, and
serving works from read-only media.
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


def prepare(db_path: str | Path) -> bool:
    """Check the database can be served (``DatabaseError`` otherwise); True when immutable will do."""
    from cspipe.pipeline.store.load import open_readonly

    open_readonly(db_path).close()
    wal = Path(f"{db_path}-wal")
    return not (wal.exists() and wal.stat().st_size > 0)


def write_metadata(db_path: str | Path, folder: str | Path) -> Path:
    """Write metadata.json for the database (served under its file stem) into ``folder``."""
    from cspipe.pipeline.outputs.datasette_metadata import metadata

    path = Path(folder) / "metadata.json"
    path.write_text(json.dumps(metadata(Path(db_path).stem), indent=1), encoding="utf-8")
    return path


def command(db_path: str | Path, port: int, metadata_path: str | Path,
            immutable: bool = True) -> list[str]:
    """The datasette command line: immutable (or read-only) database, loopback only."""
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        *(["--immutable"] if immutable else []),
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
    immutable = prepare(db_path)
    with tempfile.TemporaryDirectory(prefix="cspipe-serve-") as folder:
        meta = write_metadata(db_path, folder)
        print(
            f"Serving {db_path} read-only at http://{HOST}:{port}/ (Ctrl-C to stop)",
            file=sys.stderr,
        )
        proc = subprocess.Popen(command(db_path, port, meta, immutable))
        try:
            return proc.wait()
        except KeyboardInterrupt:
            proc.terminate()
            return proc.wait()
