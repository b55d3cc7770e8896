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
    from cspipe.flows.ingest import run_ingest

    db = tmp_path / "dask.db"
    summary = run_ingest(CORPUS, db, dask_workers=2, force=True, max_pages=None)  # force: no cache hits
    assert len(summary.results) == len(CORPUS)
    assert summary.counts["skipped"] == 0
    assert dump(db) == dump(serial_corpus_db)
    # one Prefect API: the documents were prepared on the Dask workers, and each worker told
    # the flow's API (the harness's) about its task runs, not a server of its own
    names = _latest_run_task_states()
    prepared = [state for name, state in names if name.startswith("prepare-document")]
    assert len(prepared) == len(CORPUS)
    assert set(prepared) == {"Completed"}


def _latest_run_task_states() -> list[tuple[str, str]]:
    """(task run name, state) of the newest ``cspipe-ingest`` flow run the API knows."""
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter
    from prefect.client.schemas.sorting import FlowRunSort

    async def read() -> list[tuple[str, str]]:
        async with get_client() as client:
            runs = await client.read_flow_runs(sort=FlowRunSort.START_TIME_DESC, limit=1)
            tasks = await client.read_task_runs(
                flow_run_filter=FlowRunFilter(id={"any_": [runs[0].id]}))
            return [(t.name, str(t.state_name)) for t in tasks]

    return asyncio.run(read())


def test_cli_ingest_on_a_local_dask_cluster(tmp_path: Path) -> None:
    """`cspipe ingest --dask local` runs the flow on a local cluster; bad inputs still fail alone."""
    import sqlite3
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    good = min((root / "corpus").glob("*.pdf"), key=lambda p: p.stat().st_size)
    db = tmp_path / "d.db"
    proc = subprocess.run([sys.executable, "-m", "cspipe.cli", "ingest", str(good),
                           str(root / "corpus" / "bad" / "empty.pdf"), "--dask", "local",
                           "--db", str(db)], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = dict(sqlite3.connect(db).execute("SELECT source, status FROM documents").fetchall())
    assert rows == {str(good): "ok", str(root / "corpus" / "bad" / "empty.pdf"): "failed"}
