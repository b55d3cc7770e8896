"""The Prefect flows, run in-process against Prefect's test harness (no server started by hand).

PREFECT_HOME points at a temporary folder before Prefect is imported, so nothing is
written to the user's home. One harness serves the whole test session (it is slow to start).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="cspipe-prefect-"))
import pytest  # noqa: E402
import typer  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

import cspipe.flows  # noqa: E402,F401  (Prefect settings: no analytics, the home above)
from cspipe.pipeline.ingest.documents import ingest as serial_ingest  # noqa: E402
from tests.fixtures.sites.server import EXPECTED_CMIS, EXPECTED_MG, FixtureSite  # noqa: E402
from tests.test_scrape import dump, loaded_paths  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted(str(p) for p in (ROOT / "corpus").glob("*.pdf"))
POLITE = {"delay": 0.0, "backoff": 0.05, "timeout": 1.0, "retries": 3}


_ONCE: dict[str, object] = {}


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One Prefect test harness per test session (other modules import this fixture too)."""
    if "harness" in _ONCE:
        yield
        return
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        _ONCE["harness"] = True
        yield


@pytest.fixture(scope="session")
def serial_corpus_db() -> Path:
    """The corpus ingested serially by the plain pipeline: the rows every other path must give."""
    if "serial" not in _ONCE:
        db = Path(tempfile.mkdtemp(prefix="cspipe-serial-")) / "serial.db"
        serial_ingest(CORPUS, db, workers=1)
        _ONCE["serial"] = db
    return _ONCE["serial"]  # type: ignore[return-value]


def test_parallel_ingest_gives_the_serial_rows(prefect_harness, serial_corpus_db: Path,  # type: ignore[no-untyped-def]
                                               tmp_path: Path) -> None:
    from cspipe.flows.ingest import run_ingest

    assert len(CORPUS) >= 3
    db = tmp_path / "parallel.db"
    summary = run_ingest(CORPUS, db, concurrency=4, max_pages=None, force=True)  # no cache hits
    assert len(summary.results) == len(CORPUS)
    assert summary.counts["skipped"] == 0
    assert sum(summary.counts.values()) == len(CORPUS)
    assert "pages/s" in summary.line() and summary.pages > 0
    assert dump(db) == dump(serial_corpus_db)
    again = run_ingest(CORPUS, db, concurrency=4, max_pages=None)
    assert again.counts["skipped"] == sum(1 for r in summary.results if r.status != "failed")
    assert dump(db) == dump(serial_corpus_db)


def _many_pages_pdf(path: Path, pages: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for n in range(pages):
        c.setFont("Helvetica", 9)
        for line in range(70):
            c.drawString(40, 800 - line * 11, f"Page {n + 1} line {line}: community safety action "
                                              f"plan table cell text {n * 70 + line}")
        c.showPage()
    c.save()


def test_timeout_and_page_limit_stop_a_hostile_pdf(prefect_harness, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from cspipe.flows.ingest import run_ingest
    from tests.fixtures.sites.server import make_pdf

    hostile = tmp_path / "hostile.pdf"
    _many_pages_pdf(hostile, 300)
    warm, small = tmp_path / "warm.pdf", tmp_path / "small.pdf"
    warm.write_bytes(make_pdf("Community Safety Partnership plan", ["Warm-up: loads the registry."]))
    small.write_bytes(make_pdf("Community Safety Partnership report", ["Priorities: hate crime."]))
    run_ingest([str(warm)], tmp_path / "warm.db", concurrency=1)  # one-off loading outside the clock
    db = tmp_path / "t.db"
    summary = run_ingest([str(hostile), str(small)], db, concurrency=2, max_pages=None, timeout=4.0)
    by_source = {r.source: r for r in summary.results}
    assert by_source[str(hostile)].status == "failed"
    assert "timed out after 4s" in (by_source[str(hostile)].error or "")
    assert by_source[str(small)].status in ("ok", "partial"), by_source[str(small)].error
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT status, error FROM documents WHERE source = ?", [str(hostile)]).fetchone() \
        == ("failed", "timed out after 4s")
    conn.close()
    limited = run_ingest([str(hostile)], tmp_path / "l.db", concurrency=1, max_pages=2, timeout=120.0)
    assert limited.results[0].status != "failed", limited.results[0].error


def test_transient_download_errors_are_retried(prefect_harness, httpserver, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from werkzeug import Response

    from cspipe.flows.ingest import run_ingest
    from cspipe.pipeline.fetch import http

    fast = http.PoliteClient(http.Settings(delay=0, retries=0, timeout=2))
    monkeypatch.setattr(http, "default_client", lambda: fast)
    body = Path(CORPUS[-1]).read_bytes()
    answers = [Response("busy", status=503), Response(body, content_type="application/pdf")]
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/paper.pdf").respond_with_handler(lambda _r: answers.pop(0))
    httpserver.expect_request("/missing.pdf").respond_with_data("no", status=404)
    url, missing = httpserver.url_for("/paper.pdf"), httpserver.url_for("/missing.pdf")
    summary = run_ingest([url, missing], tmp_path / "u.db", concurrency=2)
    by_source = {r.source: r for r in summary.results}
    assert by_source[url].status in ("ok", "partial"), by_source[url].error
    assert by_source[missing].status == "failed" and "HTTP 404" in (by_source[missing].error or "")
    assert len([r for r, _ in httpserver.log if r.path == "/paper.pdf"]) == 2  # retried once by Prefect
    assert len([r for r, _ in httpserver.log if r.path == "/missing.pdf"]) == 1  # not retried


@pytest.fixture
def site(httpserver) -> FixtureSite:  # type: ignore[no-untyped-def]
    handler = FixtureSite()
    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    handler.base = httpserver.url_for("/")  # type: ignore[attr-defined]
    return handler


def test_scrape_flow_first_and_second_run(prefect_harness, site: FixtureSite, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from cspipe.flows.scrape import scrape_flow

    base = site.base  # type: ignore[attr-defined]
    db = str(tmp_path / "flow.db")
    mg = base + "mg/mgListCommittees.aspx"
    cmis = base + "cmis/Committees/tabid/62/Default.aspx"
    common = {"db": db, "since": "2023-01-01", "until": "2023-12-31", "polite": POLITE}
    scrape_flow(sources=[mg], committees=["Scrutiny", "Cabinet"], **common)
    reports = scrape_flow(sources=[cmis], **common)
    assert loaded_paths(Path(db)) == set(EXPECTED_MG + EXPECTED_CMIS)
    assert len(reports[0]["ingested"]) == 3
    before = dump(Path(db))
    site.reset()
    again = scrape_flow(sources=None, recheck_after=0, **common)  # every added source, filters kept
    assert [r["source_id"] for r in again] == sorted(r["source_id"] for r in again) and len(again) == 2
    assert not site.pdf_200s()
    assert all(not r["ingested"] for r in again)
    assert {d["outcome"] for r in again for d in r["downloads"]} <= {"unchanged", "not_asked"}
    assert dump(Path(db)) == before


def test_schedule_add_list_and_a_deployment_run(prefect_harness, site: FixtureSite, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.runner import Runner

    from cspipe.cli.flows import register
    from cspipe.flows.deployments import build_deployments

    app = typer.Typer()
    register(app)
    runner = CliRunner()
    db = tmp_path / "sched.db"
    cmis = site.base + "cmis/Committees/tabid/62/Default.aspx"  # type: ignore[attr-defined]
    out = runner.invoke(app, ["schedule", "add", cmis, "--cron", "0 6 * * 1", "--since", "2023-01-01",
                              "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "0 6 * * 1" in out.output and "next" in out.output
    bad = runner.invoke(app, ["schedule", "add", cmis, "--cron", "every monday", "--db", str(db)])
    assert bad.exit_code != 0
    listed = runner.invoke(app, ["schedule", "list", "--db", str(db)])
    assert listed.exit_code == 0 and "0 6 * * 1" in listed.output and cmis in listed.output

    [deployment] = build_deployments(db, polite=POLITE)
    deployment_id = deployment.apply()

    async def schedules() -> list[str]:
        async with get_client() as client:
            found = await client.read_deployment(deployment_id)
            return [s.schedule.cron for s in found.schedules]  # type: ignore[union-attr]

    assert asyncio.run(schedules()) == ["0 6 * * 1"]
    flow_run = run_deployment(f"cspipe-scrape/{deployment.name}", timeout=0)
    serve = Runner(pause_on_shutdown=False)
    serve.add_deployment(deployment)
    asyncio.run(serve.start(run_once=True))

    async def state() -> str:
        async with get_client() as client:
            return (await client.read_flow_run(flow_run.id)).state.type.value  # type: ignore[union-attr]

    assert asyncio.run(state()) == "COMPLETED"
    assert loaded_paths(db) == set(EXPECTED_CMIS)
    assert date.today().year >= 2023
