"""A user's mistake is one line on stderr and exit 2, run as a user runs the command; names are
accepted as the tables print them, and a typo is answered with the closest name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def cspipe(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CSPIPE_PREFECT_HOME": str(cwd / ".prefect")}
    return subprocess.run([sys.executable, "-m", "cspipe.cli", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=300)


@pytest.mark.parametrize(("args", "says"), [
    (["schedule", "add", "https://example.org/", "--cron", "every monday", "--db", "s.db"],
     "invalid cron 'every monday'"),
    (["scrape", "--kind", "foo", "https://example.org/", "--db", "s.db", "--plain"],
     "'foo' is not one of auto, moderngov, cmis, generic"),
    (["compare", "--format", "xlsx", "--db", "{db}"], "'xlsx' is not one of 'table', 'csv', 'json'"),
    (["compare", "--theme", "domestc abuse", "--db", "{db}"],
     "unknown theme 'domestc abuse'; did you mean 'domestic abuse'"),
    (["compare", "--partnership", "East Sufolk", "--db", "{db}"],
     "unknown partnership 'East Sufolk'; did you mean 'East Suffolk Community Safety Partnership (east-suffolk-csp)'"),
    (["ingest"], "Missing argument 'inputs'"),
    (["no-such-command"], "No such command 'no-such-command'"),
    (["report", "--db", "missing.db"], "No database at missing.db"),
])
def test_a_mistake_is_one_line_and_exit_2(args: list[str], says: str, seeds_db: Path,
                                          tmp_path: Path) -> None:
    proc = cspipe(*[a.format(db=seeds_db) for a in args], cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert says in lines[0]
    assert "Traceback" not in proc.stderr and "╭" not in proc.stderr
    assert not (tmp_path / "missing.db").exists()


def test_names_as_printed(seeds_db: Path, tmp_path: Path) -> None:
    by_slug = cspipe("compare", "--partnership", "east-suffolk-csp", "--theme", "domestic_abuse",
                     "--format", "csv", "--db", str(seeds_db), cwd=tmp_path)
    by_name = cspipe("compare", "--partnership", "East Suffolk", "--theme", "Domestic Abuse",
                     "--format", "csv", "--db", str(seeds_db), cwd=tmp_path)
    assert by_slug.returncode == 0, by_slug.stderr
    assert by_name.stdout == by_slug.stdout and "share_at_risk" in by_name.stdout


def test_version(tmp_path: Path) -> None:
    from importlib.metadata import version

    proc = cspipe("--version", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"cspipe {version('cspipe')}"
