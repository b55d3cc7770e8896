"""kill -9 mid-batch, then re-run: every table equals a clean run's and the file is intact."""

from __future__ import annotations

import random
import time
from pathlib import Path

from benchmarks.killnine import run, trial
from tests.test_scrape import dump


def test_kill_nine_mid_batch_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    start = time.monotonic()
    assert run(tmp_path / "clean.db") == 0
    clean_seconds = time.monotonic() - start
    clean = dump(tmp_path / "clean.db")
    assert clean["documents"], "the clean run loaded nothing"
    rng = random.Random(3)
    for delay in (rng.uniform(0.3, 0.5) * clean_seconds, rng.uniform(0.6, 0.9) * clean_seconds):
        ok, note = trial(clean, tmp_path, delay)
        assert ok, note
