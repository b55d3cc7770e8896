"""Scraping the fixture ModernGov and CMIS sites (127.0.0.1 only) with the plain-Python steps.

Faults served: 500 then success, a timeout, 429 with Retry-After, a 404 document, duplicate
links, an HTML page served as ``.pdf``, and robots.txt disallowing a path.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from cspipe.pipeline.fetch.http import PoliteClient, Settings
from cspipe.pipeline.fetch.sites import adapter_for
from cspipe.pipeline.fetch.sites.base import Committee, DocumentLink, Meeting, parse_date
from cspipe.pipeline.fetch.state import SourceConfig
from cspipe.pipeline.ingest.scrape import ScrapeOptions, document_wanted, scrape
from tests.fixtures.sites.server import EXPECTED_CMIS, EXPECTED_MG, PAPERS, FixtureSite

ROOT = Path(__file__).resolve().parent.parent
FAST = Settings(delay=0.0, backoff=0.05, timeout=1.0, retries=3)
WINDOW = ScrapeOptions(since=date(2023, 1, 1), until=date(2023, 12, 31))
#: Columns that record when, not what: left out when comparing databases.
VOLATILE = {"ingested_at", "fetched_at", "added_at", "last_run_at", "applied_at", "path"}


@pytest.fixture
def site(httpserver) -> FixtureSite:  # type: ignore[no-untyped-def]
    handler = FixtureSite()
    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    handler.base = httpserver.url_for("/")  # type: ignore[attr-defined]
    return handler


def sources(base: str) -> list[SourceConfig]:
    return [SourceConfig(base + "mg/mgListCommittees.aspx", committees=["Scrutiny", "Cabinet"]),
            SourceConfig(base + "cmis/Committees/tabid/62/Default.aspx")]


def dump(db_path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, without volatile columns or autoincrement ids (rows sorted)."""
    conn = sqlite3.connect(db_path)
    out: dict[str, list[tuple]] = {}
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'sqlite_%'")]
    indexes = [t for t in tables if t.endswith("_fts")]
    for table in tables:
        if any(table.startswith(f"{index}_") for index in indexes):
            continue  # FTS5's storage: its bytes follow rowids and write order (vocabulary below)
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        keep = [c for c in cols if c not in VOLATILE and not (c == "id" and table in (
            "activities", "kpis", "funding"))]
        select = ", ".join(keep)
        if table == "activity_leads":
            select = ("(SELECT document_id || '|' || page || '|' || description FROM activities a "
                      "WHERE a.id = activity_id), organisation_id, person, raw, match_score")
        elif table == "kpis":
            select = select.replace("activity_id", "(SELECT page || '|' || description FROM activities a "
                                                   "WHERE a.id = activity_id)")
        out[table] = sorted(conn.execute(f"SELECT {select} FROM {table}").fetchall(), key=repr)
    for index in indexes:  # what each search index holds: every term, in how many rows, how often
        conn.execute(f"CREATE VIRTUAL TABLE temp.{index}_vocab USING fts5vocab(main, {index}, 'row')")
        out[f"{index} vocabulary"] = conn.execute(
            f"SELECT term, doc, cnt FROM temp.{index}_vocab ORDER BY term").fetchall()
    conn.close()
    return out


def expected_urls(base: str) -> set[str]:
    return {base.rstrip("/") + p for p in EXPECTED_MG + EXPECTED_CMIS}


def loaded_paths(db_path: Path) -> set[str]:
    """Documents loaded, as the fixture paths their source URLs point at."""
    from urllib.parse import unquote, urlsplit

    conn = sqlite3.connect(db_path)
    paths = set()
    for (source,) in conn.execute("SELECT source FROM documents"):
        parts = urlsplit(source)
        query = [q for q in parts.query.split("&") if q and not q.startswith("$LO$")]
        if parts.path.lower().endswith("document.ashx"):
            query = query[:1]
        paths.add(unquote(parts.path) + ("?" + unquote(query[0]) if query else ""))
    conn.close()
    return paths


def run_all(base: str, db: Path, options: ScrapeOptions = WINDOW) -> list:
    return [scrape(s, db, options, settings=FAST) for s in sources(base)]


def test_first_and_second_run(site: FixtureSite, tmp_path: Path) -> None:
    db = tmp_path / "scrape.db"
    reports = run_all(site.base, db)  # type: ignore[attr-defined]
    mg, cmis = reports
    assert loaded_paths(db) == set(EXPECTED_MG + EXPECTED_CMIS)
    assert mg.count("new") == 4 and cmis.count("new") == 3
    failures = {d.url.split("/mg/")[-1].split("?")[0]: d.error for d in mg.downloads if d.outcome == "failed"}
    assert set(failures) == {"documents/s202/CSP%20Performance%20Data.pdf",
                             "documents/s203/CSP%20Briefing%20Note.pdf",
                             "documents/private/s204/CSP%20Exempt%20Appendix.pdf"}
    assert "HTTP 404" in failures["documents/s202/CSP%20Performance%20Data.pdf"]
    assert "not a PDF" in failures["documents/s203/CSP%20Briefing%20Note.pdf"]
    assert "robots.txt" in failures["documents/private/s204/CSP%20Exempt%20Appendix.pdf"]
    # faults were retried: 500 then 200, 429 then 200 (after Retry-After), a timeout then 200
    statuses = [(k, s) for k, s, _ in site.log]
    assert ("/mg/documents/s102/ES-1588 Appendix A - Action Plan.pdf", 500) in statuses
    assert ("/mg/mgConvert2PDF.aspx?ID=103", 429) in statuses
    # the disallowed path was never requested; duplicate links fetched once
    assert not any("/private/" in k for k, _, _ in site.log)
    assert site.pdf_200s()["/mg/documents/s101/ES-1588 Scrutiny Report.pdf"] == 1
    assert all("cspipe/" in ua for _, _, ua in site.log)
    # not-matching papers (minutes, packs, other committees) and Planning were never asked for
    assert not any(k.startswith("/mg/documents/s100") or "CId=140" in k for k, _, _ in site.log)
    conn = sqlite3.connect(db)
    rows = dict(conn.execute("SELECT status, count(*) FROM fetches GROUP BY status").fetchall())
    assert rows == {"ok": 7, "failed": 3}
    meta = conn.execute("SELECT committee, meeting_date FROM fetches WHERE url LIKE '%s101%'").fetchone()
    assert meta == ("Scrutiny Committee", "2023-07-20")
    conn.close()

    before = dump(db)
    site.reset()
    again = run_all(site.base, db, ScrapeOptions(since=WINDOW.since, until=WINDOW.until,  # type: ignore[attr-defined]
                                                 recheck_after=0))
    assert sum(r.count("new") + r.count("changed") for r in again) == 0
    assert sum(len(r.ingested) for r in again) == 0
    assert not site.pdf_200s()  # conditional GETs answered 304; nothing downloaded
    assert any(status == 304 for _, status, _ in site.log)
    assert dump(db) == before


def test_killed_run_resumes_to_the_same_database(site: FixtureSite, tmp_path: Path) -> None:
    """A scrape killed (SIGKILL) mid-download, then restarted, equals an uninterrupted scrape."""
    site.reset(faults={})
    whole = tmp_path / "whole.db"
    run_all(site.base, whole)  # type: ignore[attr-defined]

    site.reset(faults={})
    killed = tmp_path / "killed.db"
    script = (
        "import json, sys\n"
        "from datetime import date\n"
        "from cspipe.pipeline.fetch.http import Settings\n"
        "from cspipe.pipeline.ingest.scrape import ScrapeOptions, scrape\n"
        "from cspipe.pipeline.fetch.state import SourceConfig\n"
        "args = json.loads(sys.argv[1])\n"
        "opts = ScrapeOptions(since=date(2023, 1, 1), until=date(2023, 12, 31))\n"
        "for s in args['sources']:\n"
        "    scrape(SourceConfig(**s), args['db'], opts, settings=Settings(delay=0, timeout=5))\n")
    args = {"db": str(killed), "sources": [{"url": s.url, "committees": s.committees}
                                           for s in sources(site.base)]}  # type: ignore[attr-defined]
    proc = subprocess.Popen([sys.executable, "-c", script, json.dumps(args)], cwd=ROOT)
    in_flight: list[str] = []
    done = threading.Event()

    def kill_on_third(key: str) -> None:  # runs in the server thread, before the body is sent
        if len(site.pdf_200s()) >= 3 and not done.is_set():
            in_flight.append(key)
            proc.kill()
            proc.wait()
            done.set()

    site.on_pdf = kill_on_third
    proc.wait(timeout=120)
    assert done.is_set(), "the scrape finished before it could be killed"
    served_before = site.pdf_200s()
    site.on_pdf = None
    run_all(site.base, killed)  # type: ignore[attr-defined]
    served = site.pdf_200s()
    # nothing that reached the client was fetched twice (the one in flight at the kill may be)
    for key, n in served.items():
        assert n == 1 or (key in in_flight and n == 2), (key, n, served_before)
    assert dump(killed) == dump(whole)


def test_generic_page_and_feed(site: FixtureSite, tmp_path: Path) -> None:
    base = site.base  # type: ignore[attr-defined]
    with PoliteClient(FAST) as client:
        page = adapter_for(base + "generic/papers.html", client)
        assert page.kind == "generic"
        [meeting] = page.meetings(page.committees()[0], date(2023, 1, 1), date(2023, 12, 31))
        titles = {d.title: d.context for d in page.documents(meeting)}
        assert titles["Community Safety Strategy 2023 to 2026 (PDF, 1.2MB)"] == "Strategy"
        assert titles["Action plan"] == "Community safety partnership board - 12 October 2023"
    db = tmp_path / "feed.db"
    report = scrape(SourceConfig(base + "generic/feed.xml"), db, WINDOW, settings=FAST)
    # in the window: the 2023 report; the 2019 item is outside; the page entry is followed
    assert loaded_paths(db) == {"/generic/files/csp-annual-report-2023.pdf",
                                "/generic/files/community-safety-strategy-2023-2026.pdf",
                                "/generic/files/board-action-plan.pdf"}
    assert report.count("failed") == 0


def test_filters_and_dates() -> None:
    committee = Committee("Planning Committee", "http://x/")
    meeting = Meeting(committee, "http://x/m", date(2023, 1, 1))
    assert document_wanted(DocumentLink("http://x/a.pdf", "CSP annual report"), meeting, ["CSP"])
    assert not document_wanted(DocumentLink("http://x/a.pdf", "NCCSP annual report"), meeting, ["CSP"])
    assert document_wanted(DocumentLink("http://x/Community_Safety_Plan.pdf", "Appendix"), meeting,
                           ["community safety"])
    safety = Meeting(Committee("Crime and Disorder Scrutiny Panel", "http://x/"), "http://x/m")
    assert document_wanted(DocumentLink("http://x/b.pdf", "Minutes"), safety, ["crime and disorder"])
    assert parse_date("Thursday, 20th July, 2023 6.30 pm") == date(2023, 7, 20)
    assert parse_date("13 Sep 2023 10:00") == date(2023, 9, 13)
    assert parse_date("20/07/2023") == date(2023, 7, 20)
    assert parse_date("Thu, 12 Oct 2023 09:00:00 GMT") == date(2023, 10, 12)
    assert parse_date("no date here") is None
    assert len(PAPERS) >= 7


def test_atom_feed_entries() -> None:
    import httpx

    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Safer Example papers</title>
<entry><title>Community Safety Partnership plan</title><updated>2023-10-12T09:00:00Z</updated>
  <link rel="enclosure" type="application/pdf" href="https://council.invalid/files/plan.pdf"/></entry>
<entry><title>Parking review</title><updated>2023-10-13T09:00:00Z</updated>
  <link href="https://council.invalid/files/parking.pdf"/></entry>
</feed>"""

    def app(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, text=atom, headers={"Content-Type": "application/atom+xml"})

    with PoliteClient(FAST, client=httpx.Client(transport=httpx.MockTransport(app))) as client:
        adapter = adapter_for("https://council.invalid/papers.atom", client)
        [committee] = adapter.committees()
        assert committee.name == "Safer Example papers"
        [meeting] = adapter.meetings(committee, date(2023, 1, 1), date(2023, 12, 31))
        docs = adapter.documents(meeting)
        assert [(d.url.rsplit("/", 1)[-1], d.published) for d in docs] == [
            ("plan.pdf", date(2023, 10, 12)), ("parking.pdf", date(2023, 10, 13))]
        assert [document_wanted(d, meeting, ["community safety"]) for d in docs] == [True, False]


def test_cli_scrape_plain(site: FixtureSite, tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from cspipe.cli.flows import register

    app = typer.Typer()
    register(app)
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(app, ["scrape", site.base + "mg/mgListCommittees.aspx",  # type: ignore[attr-defined]
                                      "--committee", "Scrutiny", "--since", "2023-11-01",
                                      "--until", "2023-11-30", "--db", str(db), "--delay", "0", "--plain"])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.output and "3 failed" in result.output
    # November only: the update, and the July report linked again under the same agenda item
    assert loaded_paths(db) == {"/mg/documents/s201/CSP Update November 2023.pdf",
                                "/mg/documents/s101/ES-1588 Scrutiny Report.pdf"}
    bad = CliRunner().invoke(app, ["scrape", "x", "--since", "July", "--db", str(db), "--plain"])
    assert bad.exit_code != 0


def test_scrape_progress_counts_what_the_run_wrote(site: FixtureSite, tmp_path: Path) -> None:
    """The scrape progress bar reads the database the run writes: papers downloaded, documents
    ingested and their pages since the run began (here the two November papers)."""
    from cspipe.cli.progress import ScrapeWatch, scrape_counts

    db = tmp_path / "watched.db"
    watch = ScrapeWatch(db)
    before = scrape_counts(db, watch.since)
    assert before == (0, 0, 0)  # no database yet: nothing, and nothing created
    assert not db.exists()
    report = scrape(SourceConfig(url=site.base + "mg/mgListCommittees.aspx",  # type: ignore[attr-defined]
                                 committees=["Scrutiny"]), db,
                    ScrapeOptions(since=date(2023, 11, 1), until=date(2023, 11, 30)),
                    settings=Settings(delay=0))
    fetched, docs, pages = scrape_counts(db, watch.since)
    with sqlite3.connect(db) as conn:
        want_pages = conn.execute("SELECT sum(pages) FROM documents").fetchone()[0]
    assert docs == len([r for r in report.ingested if r.status != "failed"]) == 2
    assert fetched == 2 and pages == want_pages and pages > 0
    assert scrape_counts(db, "2999-01-01T00:00:00Z") == (0, 0, 0)  # nothing after the run
