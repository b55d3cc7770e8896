"""The database under hostile use: bad paths are one line and exit 2; readers never write;
six processes starting together on one database all succeed without duplicates."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile import pdfs

ROOT = Path(__file__).resolve().parent.parent


def cspipe(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cspipe.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)})


def small_pdfs(folder: Path, n: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"paper-{i}.pdf"
        p.write_bytes(pdfs.one_page(pdfs.text_lines([f"Community Safety Partnership paper {i}",
                                                      "Priority: hate crime."])))
        out.append(p)
    return out


@pytest.mark.parametrize("case", ["folder", "not-sqlite", "missing-folder", "read-only"])
def test_a_bad_database_path_is_one_line_and_exit_2(tmp_path: Path, case: str) -> None:
    paper = small_pdfs(tmp_path / "in", 1)[0]
    db = {"folder": tmp_path, "not-sqlite": tmp_path / "notes.txt",
          "missing-folder": tmp_path / "nope" / "x.db", "read-only": tmp_path / "ro" / "x.db"}[case]
    if case == "not-sqlite":
        db.write_text("hello, not a database\n")
    if case == "read-only":
        db.parent.mkdir()
        sqlite3.connect(db).close()
        db.chmod(0o444)
        db.parent.chmod(0o555)
        if os.access(db, os.W_OK):  # root ignores permissions
            pytest.skip("running as root: permissions are not enforced")
    proc = cspipe("ingest", str(paper), "--db", str(db), cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cspipe: "), proc.stderr
    assert "Traceback" not in proc.stderr


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_commands_leave_the_file_byte_identical(tmp_path: Path) -> None:
    from cspipe.pipeline.ingest.documents import ingest
    from cspipe.pipeline.outputs import serve

    db = tmp_path / "r.db"
    ingest([str(p) for p in small_pdfs(tmp_path / "in", 2)], db)
    before = _digest(db)
    for args in (["compare"], ["compare", "--format", "json"], ["summary"],
                 ["export", "--out", str(tmp_path / "out")], ["report", "--out", str(tmp_path / "r.html")]):
        proc = cspipe(*args, "--db", str(db), cwd=tmp_path)
        assert proc.returncode == 0, (args, proc.stderr)
        assert _digest(db) == before, args
    assert serve.prepare(db) is True  # what `cspipe serve` does before Datasette starts
    assert "--immutable" in serve.command(db, 8001, tmp_path / "m.json", True)
    assert _digest(db) == before
    db.chmod(0o444)  # read-only media: readers still work
    try:
        assert cspipe("compare", "--db", str(db), cwd=tmp_path).returncode == 0
    finally:
        db.chmod(0o644)
    assert _digest(db) == before


def test_a_reader_refuses_an_old_schema_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT, "
                 "applied_at TEXT)")
    conn.execute("INSERT INTO schema_migrations VALUES (1, 'contract tables', NULL)")
    conn.commit()
    conn.close()
    before = _digest(db)
    proc = cspipe("compare", "--db", str(db), cwd=tmp_path)
    assert proc.returncode == 2
    assert "schema version 1" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert _digest(db) == before


def test_six_ingests_started_together_all_succeed_without_duplicates(tmp_path: Path) -> None:
    papers = small_pdfs(tmp_path / "in", 4)
    db = tmp_path / "shared.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", "cspipe.cli", "ingest",
                               *[str(p) for p in papers[i % 3: i % 3 + 2]], "--db", str(db)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                              cwd=tmp_path) for i in range(6)]
    outs = [(p.wait(timeout=900), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
    assert all(code == 0 for code, _ in outs), outs
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (4, 4)
    assert conn.execute("SELECT count(*) FROM priorities").fetchone()[0] == conn.execute(
        "SELECT count(*) FROM (SELECT DISTINCT document_id, label, page FROM priorities)").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == conn.execute(
        "SELECT count(DISTINCT version) FROM schema_migrations").fetchone()[0]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
