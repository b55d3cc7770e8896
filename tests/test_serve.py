"""cspipe serve: Datasette, read-only, on loopback, with metadata and canned comparisons."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cspipe.cli.compare import register
from cspipe.pipeline.outputs import serve
from cspipe.pipeline.outputs.datasette_metadata import QUERIES, metadata
from cspipe.pipeline.store.load import open_db
from tests.test_views import build_fixture_db

_APP = (
    "import typer; from cspipe.cli.compare import register; "
    "app = typer.Typer(); register(app); app()"
)


def test_metadata_describes_every_table_view_and_column(tmp_path: Path) -> None:
    db = open_db(tmp_path / "empty.db")
    tables = metadata("empty")["databases"]["empty"]["tables"]
    missing = []
    for name in db.table_names() + db.view_names():
        if name not in tables or not tables[name].get("description"):
            missing.append(name)
            continue
        cols = [c[1] for c in db.execute(f"PRAGMA table_info([{name}])").fetchall()]
        missing += [f"{name}.{c}" for c in cols if not tables[name]["columns"].get(c)]
    db.close()
    assert not missing


def test_canned_queries_run(tmp_path: Path) -> None:
    db = open_db(build_fixture_db(tmp_path / "fixture.db"))
    for name, query in QUERIES.items():
        params = {"theme": "vawg", "partnership_id": "alpha-csp", "query": "patrol",
                  "comparator": "county", "members": "beta-csp"}
        rows = db.execute(query["sql"], params).fetchall()
        assert rows, name
    db.close()


def test_serve_without_datasette_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = build_fixture_db(tmp_path / "fixture.db")
    monkeypatch.setattr(serve, "datasette_available", lambda: False)
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["serve", "--db", str(db)])
    assert result.exit_code == 1
    assert "pip install 'cspipe[serve]'" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, json.load(resp)
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def test_serve_read_only_over_http(tmp_path: Path) -> None:
    pytest.importorskip("datasette", reason="the serve extra (datasette) is not installed")
    db = build_fixture_db(tmp_path / "csp.db")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", _APP, "serve", "--db", str(db), "--port", str(port)],
        cwd=Path(__file__).parent.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                status, databases = _get(f"{base}/-/databases.json")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        else:
            pytest.fail("datasette did not start")
        assert status == 200
        assert databases[0]["name"] == "csp" and databases[0]["is_mutable"] is False
        before = hashlib.sha256(db.read_bytes()).hexdigest()
        # a canned comparison
        status, body = _get(
            f"{base}/csp/benchmark_partnership.json?_shape=objects&partnership_id=alpha-csp"
        )
        assert status == 200
        by_measure = {r["measure"]: r for r in body["rows"]}
        assert by_measure["activities"]["rank"] == 1 and by_measure["activities"]["of"] == 3
        status, body = _get(f"{base}/csp/partnerships_naming_theme.json?_shape=objects&theme=vawg")
        assert {r["partnership"] for r in body["rows"]} == {
            "Alpha Community Safety Partnership",
            "Beta Community Safety Partnership",
        }
        # writes are refused
        for sql in (
            "DELETE FROM documents",
            "UPDATE documents SET title = 'x'",
            "DROP TABLE documents",
        ):
            status, body = _get(f"{base}/csp.json?sql={urllib.parse.quote(sql)}")
            assert status == 400 and body.get("ok") is False, sql
        assert hashlib.sha256(db.read_bytes()).hexdigest() == before
        assert open_db(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
