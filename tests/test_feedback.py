"""What a long ingest tells its user, run as a user runs it: each document's outcome (a skip
says why), ``--quiet`` and ``--json`` for scripts, and ``cspipe documents`` to list what the
database holds and why anything failed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "corpus" / "western-suffolk-monitoring-2023-09-21.pdf"
#: the bad inputs that fail with or without the OCR extra (a scan loads when it is installed)
BAD = sorted(p for p in (ROOT / "corpus" / "bad").glob("*.pdf") if p.name != "scanned.pdf")


def cspipe(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cspipe.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "COLUMNS": "250"}, timeout=600)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("feedback") / "f.db"
    first = cspipe("ingest", str(GOOD), *map(str, BAD), "--db", str(path), "--json")
    assert first.returncode == 0, first.stderr
    objects = [json.loads(line) for line in first.stdout.splitlines()]
    assert [o["type"] for o in objects] == ["document"] * (1 + len(BAD)) + ["summary"]
    by_status = {o["source"]: o["status"] for o in objects[:-1]}
    assert by_status[str(GOOD)] == "ok"
    assert objects[-1]["documents"] == 1 + len(BAD) and objects[-1]["ok"] == 1
    return path


def test_a_second_run_says_why_it_skipped(db: Path) -> None:
    again = cspipe("ingest", str(GOOD), "--db", str(db))
    assert again.returncode == 0
    line = again.stdout.splitlines()[0]
    assert line.startswith("skipped") and "already loaded" in line and "--force" in line


def test_quiet_prints_only_failures_and_the_summary(db: Path) -> None:
    quiet = cspipe("ingest", str(GOOD), "--db", str(db), "--quiet")
    assert quiet.returncode == 0
    assert quiet.stdout.strip().splitlines() == [
        f"1 documents: 1 skipped (0 pages) -> {db}"]


def test_documents_lists_status_and_reasons(db: Path) -> None:
    failed = cspipe("documents", "--db", str(db), "--status", "failed", "--json")
    assert failed.returncode == 0, failed.stderr
    rows = [json.loads(line) for line in failed.stdout.splitlines()]
    reasons = {Path(r["source"]).name: r["error"] for r in rows}
    assert set(reasons) == {p.name for p in BAD}
    assert reasons["encrypted.pdf"].startswith("encrypted")
    assert reasons["not-a-pdf.pdf"].startswith("not a PDF")
    every = cspipe("documents", "--db", str(db), "--json")
    ok = [json.loads(line) for line in every.stdout.splitlines() if '"ok"' in line]
    assert len(ok) == 1 and ok[0]["partnership_id"] == "western-suffolk-csp"
    # its gold: 7 priorities, 11 KPIs, no activities or funding
    assert (ok[0]["priorities"], ok[0]["kpis"], ok[0]["activities"], ok[0]["funding"]) == (7, 11, 0, 0)
    table = cspipe("documents", "--db", str(db))
    assert "western-suffolk-csp" in table.stdout and "encrypted" in table.stdout


def test_documents_mistakes(tmp_path: Path, db: Path) -> None:
    wrong = cspipe("documents", "--db", str(db), "--status", "broken")
    assert wrong.returncode == 2 and len(wrong.stderr.strip().splitlines()) == 1
    missing = cspipe("documents", "--db", str(tmp_path / "typo.db"))
    assert missing.returncode == 2 and not (tmp_path / "typo.db").exists()
