"""Accuracy on real papers of other councils: ``../shared/realworld`` scored with its own scorer.

Ingests ``pdfs/*.pdf`` with the ``cspipe ingest`` command, as a user would, into a temporary
database and runs the set's ``score.py`` on it, printing its per-document table (or, with
``--json``, its JSON). The papers and their gold were written by other hands than the
extractor's: the figure says how cspipe does on papers it has not seen. It reports; the
thresholds live in ``tests/test_realworld.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = Path(os.environ.get("CSPIPE_REALWORLD", ROOT.parent / "shared" / "realworld"))


def score(realworld: Path = REALWORLD, *, as_json: bool = False) -> str:
    """Ingest the set into a fresh database and return what its scorer prints."""
    cspipe = Path(sys.executable).with_name("cspipe")
    env = {**os.environ, "CSPIPE_ALIASES": str(ROOT / "tests" / "data" / "no-user-aliases.csv")}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "realworld.db"
        subprocess.run([str(cspipe), "ingest", str(realworld / "pdfs"), "--db", str(db)],
                       check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        args = [sys.executable, str(realworld / "score.py"), "--db", str(db),
                "--gold", str(realworld / "gold"), *(["--json"] if as_json else [])]
        return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def main(argv: list[str]) -> int:
    if not (REALWORLD / "score.py").exists():
        print(f"no real-world set at {REALWORLD} (set CSPIPE_REALWORLD)", file=sys.stderr)
        return 2
    print(score(as_json="--json" in argv), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
