"""Fuzz `cspipe ingest` with N hostile and mutated PDFs (default 1000); report the figures.

python benchmarks/fuzz.py [N]   (``make fuzz``). Exit 1 when a file has no row, the command
crashed or hung (no exit within N x timeout), or a limit was exceeded.
"""

from __future__ import annotations

import collections
import hashlib
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile.corpus import build  # noqa: E402

TIMEOUT, MEMORY = 120, 2048


def main(n: int = 1000) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = build(folder / "in", n, seed=11, real=True)
        digests = {f: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
        db = folder / "fuzz.db"
        start = time.monotonic()
        try:
            proc = subprocess.run([sys.executable, "-m", "cspipe.cli", "ingest", str(folder / "in"),
                                   "--db", str(db), "--workers", "2", "--timeout", str(TIMEOUT),
                                   "--max-memory", str(MEMORY)], capture_output=True, text=True,
                                  cwd=ROOT, timeout=TIMEOUT * len(files))
            hung, code, stderr = False, proc.returncode, proc.stderr
        except subprocess.TimeoutExpired:
            hung, code, stderr = True, None, ""
        seconds = time.monotonic() - start
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        conn = sqlite3.connect(db)
        rows = dict(conn.execute("SELECT source, status FROM documents").fetchall())
        ids = {r[0] for r in conn.execute("SELECT id FROM documents")}
        errors = conn.execute("SELECT error FROM documents WHERE status = 'failed'").fetchall()
        no_reason = conn.execute("SELECT count(*) FROM documents WHERE status != 'ok' AND "
                                 "(error IS NULL OR error = '')").fetchone()[0]
        conn.close()
    # documents are keyed by their bytes: two files with the same bytes are one row
    missing = [f for f in files if str(f) not in rows and digests[f] not in ids]
    reasons = collections.Counter(e.split(":")[0].split("(")[0].strip()[:40] for (e,) in errors)
    timed_out = sum(1 for (e,) in errors if e.startswith("timed out"))
    crashes = sum(1 for (e,) in errors if e.startswith(("extraction error", "worker")))
    print(f"{len(files)} files ({len(set(digests.values()))} distinct) in {seconds:.0f}s; "
          f"exit code {code}; hung: {hung}")
    print(f"rows: {len(rows)} ({collections.Counter(rows.values())}); without a row: {len(missing)}; "
          f"non-ok without a reason: {no_reason}")
    print(f"timed out (limit {TIMEOUT}s): {timed_out}; extractor crashes / dead workers: {crashes}")
    print(f"peak RSS of any child process: {peak_mib:.0f} MiB (limit {MEMORY} MiB)")
    print("failure reasons:", dict(reasons.most_common(12)))
    if stderr and "Traceback" in stderr:
        print("a traceback was printed:", stderr[-2000:])
    bad = hung or code != 0 or missing or no_reason or crashes or peak_mib > MEMORY or "Traceback" in stderr
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
