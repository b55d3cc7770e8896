"""``cspipe serve``: Datasette over the database, read-only, on the loopback interface.

Serving only reads: the file is checked (an SQLite file with the current cspipe schema,
opened read-only) and handed to Datasette untouched, in immutable mode, or, when another
process's writes still sit in its WAL, read-only (``mode=ro``) so they are seen. Nothing is
migrated or checkpointed: the file a user publishes stays byte for byte as it was, and
serving works from read-only media.

The metadata Datasette gets is the one ``cspipe metadata --out FILE`` writes (descriptions,
licence, facets, search, canned queries): ``cspipe serve --metadata FILE`` serves with that file
(edited or not), the same file ``datasette publish`` takes; without it a fresh copy is written
for the run and removed after.
"""

from __future__ import annotations

import importlib.util
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


class MetadataError(ValueError):
    """A metadata file given to serve cannot be used; ``str(err)`` is the one-line reason."""


def write_metadata(db_path: str | Path, folder: str | Path) -> Path:
    """Write metadata.json for the database (served under its file stem) into ``folder``."""
    from cspipe.pipeline.outputs.datasette_metadata import write

    return write(db_path, Path(folder) / "metadata.json")


def check_metadata(path: str | Path) -> Path:
    """A user's metadata file, checked to be a readable JSON or YAML mapping."""
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))  # JSON is YAML
    except OSError as exc:
        raise MetadataError(f"cannot read metadata {path}: {exc.strerror or exc}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise MetadataError(f"{path} is not JSON or YAML: {str(exc).splitlines()[0]}") from exc
    if not isinstance(data, dict):
        raise MetadataError(f"{path} is not Datasette metadata (a JSON or YAML mapping)")
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


def run(db_path: str | Path, port: int = 8001, metadata: str | Path | None = None) -> int:
    """Serve until interrupted (with the ``metadata`` file when given); returns Datasette's
    exit code."""
    if not datasette_available():
        raise DatasetteMissing(INSTALL_HINT)
    immutable = prepare(db_path)
    given = check_metadata(metadata) if metadata is not None else None
    with tempfile.TemporaryDirectory(prefix="cspipe-serve-") as folder:
        meta = given or write_metadata(db_path, folder)
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
