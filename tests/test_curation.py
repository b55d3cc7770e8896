"""The curation loop of the README, run as a user runs it: ingest, see what matched nothing,
alias it, re-match without parsing again, and see the rows change. Mistyped databases are one
line and exit 2, and leave no file behind."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAPER = ROOT / "corpus" / "east-suffolk-scrutiny-2023-07-20.pdf"
#: a body the East Suffolk paper names that the registry does not hold (gold: its p. 3 and p. 10)
HUB = "Lowestoft Criminal Exploitation Hub"


def cspipe(*args: str, aliases: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CSPIPE_ALIASES": str(aliases)}
    return subprocess.run([sys.executable, "-m", "cspipe.cli", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=600)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("curation")
    db, aliases = folder / "c.db", folder / "aliases.csv"
    proc = cspipe("ingest", str(PAPER), "--db", str(db), aliases=aliases)
    assert proc.returncode == 0, proc.stderr
    return db, aliases


def rows(db: Path, sql: str, *args: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def test_alias_then_rematch_changes_the_rows(loaded: tuple[Path, Path]) -> None:
    db, aliases = loaded
    assert rows(db, "SELECT count(*) FROM extractions")[0][0] == 1  # kept for re-matching
    unmatched = cspipe("orgs", "unmatched", "--db", str(db), "--limit", "500", "--json",
                       aliases=aliases)
    assert unmatched.returncode == 0
    assert HUB in [json.loads(line)["text"] for line in unmatched.stdout.splitlines()]
    before = rows(db, "SELECT count(*) FROM org_mentions WHERE text = ?", HUB)[0][0]
    assert before == 0

    # a researcher decides the hub is the county group's (a body the paper names nowhere else)
    alias = cspipe("orgs", "alias", HUB, "suffolk-strong-and-safe-communities-group", aliases=aliases)
    assert alias.returncode == 0, alias.stderr
    assert HUB in aliases.read_text()
    again = cspipe("orgs", "rematch", "--db", str(db), aliases=aliases)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "re-matched 1 documents (1 changed)"

    mentioned = rows(db, "SELECT organisation_id, page FROM org_mentions WHERE text = ?", HUB)
    assert mentioned and {m[0] for m in mentioned} == {"suffolk-strong-and-safe-communities-group"}
    assert not rows(db, "SELECT 1 FROM org_candidates WHERE text = ?", HUB)
    # the rest is as ingest left it: the same activities, nothing doubled
    assert rows(db, "SELECT count(*) FROM documents")[0][0] == 1
    assert rows(db, "SELECT count(*) FROM extractions")[0][0] == 1
    unchanged = cspipe("orgs", "rematch", "--db", str(db), aliases=aliases)
    assert unchanged.stdout.strip() == "re-matched 1 documents (0 changed)"


def test_an_unknown_id_is_refused(loaded: tuple[Path, Path]) -> None:
    _db, aliases = loaded
    proc = cspipe("orgs", "alias", "Somewhere Hub", "no-such-body", aliases=aliases)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "unknown organisation id: no-such-body"


@pytest.mark.parametrize("command", [["summary"], ["orgs", "unmatched"], ["orgs", "rematch"]])
def test_a_mistyped_database_is_one_line_and_exit_2(command: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    proc = cspipe(*command, "--db", str(missing), aliases=tmp_path / "a.csv")
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert str(missing) in proc.stderr
    assert not missing.exists()
