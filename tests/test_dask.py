"""Ingest on a local Dask cluster of two worker processes (prefect-dask) gives the serial rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_flows import CORPUS, prefect_harness, serial_corpus_db  # noqa: F401  (fixtures)
from tests.test_scrape import dump

pytest.importorskip("prefect_dask")
pytest.importorskip("distributed")


def test_dask_ingest_gives_the_serial_rows(prefect_harness, serial_corpus_db: Path,  # type: ignore[no-untyped-def]  # noqa: F811
                                           tmp_path: Path) -> None:
    from flows.ingest import run_ingest

    db = tmp_path / "dask.db"
    summary = run_ingest(CORPUS, db, dask_workers=2, force=True, max_pages=None)  # force: no cache hits
    assert len(summary.results) == len(CORPUS)
    assert summary.counts["skipped"] == 0
    assert dump(db) == dump(serial_corpus_db)
