"""kill -9 at random moments of `cspipe ingest`, then re-run: the database equals a clean run's.

python benchmarks/killnine.py [TRIALS]   (``make killnine``; the test suite runs two trials)
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_scrape import dump  # noqa: E402  (rows without volatile columns or ids)


def inputs() -> list[str]:
    papers = sorted((ROOT / "corpus").glob("*.pdf"), key=lambda p: p.stat().st_size)[:3]
    return [str(p) for p in papers] + [str(ROOT / "corpus" / "bad")]


def run(db: Path, *, kill_after: float | None = None) -> int | None:
    """``cspipe ingest`` into ``db``; with ``kill_after``, SIGKILL its whole process group then."""
    proc = subprocess.Popen([sys.executable, "-m", "cspipe.cli", "ingest", *inputs(), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                            start_new_session=True)
    if kill_after is None:
        return proc.wait()
    try:
        proc.wait(timeout=kill_after)
        return proc.returncode  # finished before the kill
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None


def trial(clean: dict, folder: Path, delay: float) -> tuple[bool, str]:
    db = folder / f"kill-{delay:.2f}.db"
    killed = run(db, kill_after=delay) is None
    assert run(db) == 0
    conn = sqlite3.connect(db)
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    return dump(db) == clean and integrity == "ok", f"killed={killed} integrity={integrity}"


def main(trials: int = 20, seed: int = 1) -> int:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.monotonic()
        assert run(folder / "clean.db") == 0
        clean_seconds = time.monotonic() - start
        clean = dump(folder / "clean.db")
        equal = 0
        for i in range(trials):
            delay = rng.uniform(0.5, clean_seconds)
            ok, note = trial(clean, folder, delay)
            equal += ok
            print(f"trial {i + 1}: kill at {delay:.1f}s: {'equal' if ok else 'DIFFERENT'} ({note})", flush=True)
        print(f"{equal}/{trials} trials equal to the clean run (clean run {clean_seconds:.1f}s)")
        return 0 if equal == trials else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
