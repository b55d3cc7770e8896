"""The scrapers held to pages real council sites sent (``../shared/fixtures/real-sites/``).

The pages are served byte for byte on 127.0.0.1 under their own host names (``HostMap``
stands in for DNS). Every gold set below was read off the pages by hand:

- Manchester (ModernGov web service; its HTML answers 403): committees 312 (expired), 163,
  144; committee 144 meets 13/01/2026 (meeting 4966, Cancelled) and 10/02/2026 (4967,
  Confirmed); 4967 links attachments 60860 and 60909 as ``mgConvert2PDF.aspx?ID=``.
- Birmingham (CMIS): the base page names module 397; the list view links meetings 15042
  (9 Jul 2026, Planning Committee) and 15115 (23 Jul, Standards Committee); the June month
  view 15028 (8 Jun), 15029 and 15030 (9 Jun), 15099 (30 Jun); meeting pages hold abc123 and
  def456 (15042), xyz789 (15115) and the opaque ``czJK...`` document (15218).
- Kingston (ModernGov HTML): 30 committees by ``mgCommitteeDetails.aspx?ID=``, the Constitution
  menu link is not one; committee 711 lists 15 meetings from 5 Sep 2024 to 15 Jun 2026, 4 Dec
  2025 (10161) "- CANCELLED"; the 18 Nov 2025 agenda (10220) links four meeting documents in
  ``documents/g10223/`` (one the ``T=10`` public reports pack) and four reports s111161,
  s111162, s111228, s111213.

The committees' papers are not named for community safety (Audit, Planning, Neighbourhood
committees), so the default keyword filter keeps none of them; that is asserted, and the
walk itself is tested with ``--committee`` and ``--all-papers`` (no keyword filter).
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path

import httpx
import pytest

from cspipe.pipeline.fetch.http import PoliteClient, Settings
from cspipe.pipeline.fetch.sites import adapter_for
from cspipe.pipeline.fetch.sites.cmis import CmisAdapter
from cspipe.pipeline.fetch.sites.moderngov import ModernGovAdapter
from cspipe.pipeline.fetch.state import SourceConfig
from cspipe.pipeline.ingest.scrape import ScrapeOptions, choose_papers, discover, download, scrape
from tests.fixtures.sites.real import (
    BIRMINGHAM,
    DOCUMENTS,
    KINGSTON,
    MANCHESTER,
    OWN,
    REAL,
    HostMap,
    RealSites,
)
from tests.test_scrape import dump

FAST = Settings(delay=0.0, backoff=0.01, timeout=5.0, retries=1)
MANCHESTER_URL = f"https://{MANCHESTER}/"
BIRMINGHAM_URL = f"https://{BIRMINGHAM}/birmingham/Meetings.aspx"
KINGSTON_URL = f"https://{KINGSTON}/mgListCommittees.aspx"
KINGSTON_COMMITTEE = "Kingston and North Kingston Neighbourhood Committee"

MANCHESTER_WINDOW = (date(2026, 1, 1), date(2026, 3, 31))
BIRMINGHAM_WINDOW = (date(2026, 6, 1), date(2026, 8, 31))
KINGSTON_WINDOW = (date(2024, 9, 5), date(2026, 6, 15))

KINGSTON_MEETINGS = {  # MId -> date, from BrowseMeetings.html
    "10337": date(2026, 6, 15), "10163": date(2026, 3, 3), "10162": date(2026, 1, 29),
    "10221": date(2026, 1, 15), "10161": date(2025, 12, 4), "10220": date(2025, 11, 18),
    "10160": date(2025, 10, 2), "10159": date(2025, 9, 3), "10219": date(2025, 7, 3),
    "10158": date(2025, 6, 18), "9957": date(2025, 3, 4), "9956": date(2025, 1, 14),
    "9955": date(2024, 12, 10), "9954": date(2024, 10, 3), "9983": date(2024, 9, 5)}
KINGSTON_COMMITTEE_IDS = {
    "137", "138", "158", "160", "163", "179", "232", "233", "294", "295", "347", "408", "413", "432",
    "460", "542", "575", "599", "600", "604", "626", "702", "706", "707", "711", "712", "713", "717",
    "726", "752"}


@pytest.fixture
def sites(httpserver, monkeypatch) -> RealSites:  # type: ignore[no-untyped-def]
    """The three real sites on 127.0.0.1; every httpx client made meanwhile resolves their hosts there."""
    handler = RealSites()
    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    port = httpserver.port
    real_client = httpx.Client

    def client(*args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("transport", HostMap(port))
        return real_client(*args, **kwargs)

    monkeypatch.setattr(httpx, "Client", client)
    return handler


def urls(host: str, keys: list[str]) -> set[str]:
    return {f"https://{host}{k}" for k in keys}


def loaded(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT source FROM documents")}
    finally:
        conn.close()


def requested_url(url: str) -> str:
    """A URL as the server saw it (path and query decoded), to compare with the gold."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    return f"https://{parts.hostname}{unquote(parts.path)}" + (f"?{unquote(parts.query)}" if parts.query else "")


# -- Manchester: the web service ------------------------------------------------------------

def test_manchester_web_service(sites: RealSites) -> None:
    since, until = MANCHESTER_WINDOW
    with PoliteClient(FAST) as client:
        adapter = adapter_for(MANCHESTER_URL, client)  # the HTML home page is blocked (403)
        assert isinstance(adapter, ModernGovAdapter) and adapter.use_webservice is True
        committees = {c.id: (c.name, c.expired) for c in adapter.committees()}
        assert committees == {
            "312": ("Appointment Sub Committee for Director of Adult Social Services", True),
            "163": ("Art Galleries Committee", False), "144": ("Audit Committee", False)}
        audit = next(c for c in adapter.committees() if c.id == "144")
        meetings = adapter.meetings(audit, since, until)
        assert [(m.id, m.date, m.status) for m in meetings] == [
            ("4966", date(2026, 1, 13), "Cancelled"), ("4967", date(2026, 2, 10), "Confirmed")]
        docs = adapter.documents(meetings[1])
        assert [(d.url, d.doc_id, d.title, d.context) for d in docs] == [
            (f"https://{MANCHESTER}/mgConvert2PDF.aspx?ID=60860", "60860",
             "6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025", "Minutes"),
            (f"https://{MANCHESTER}/mgConvert2PDF.aspx?ID=60909", "60909", "DRAFT WP FEBRUARY 2026",
             "Work Programme")]
    asked = sites.requests(MANCHESTER)
    assert "/mgWebService.asmx/GetMeetings?lCommitteeId=144&sFromDate=01/01/2026&sToDate=31/03/2026" in asked
    assert not any("ieListDocuments" in k for k in asked)  # the service answered: no HTML asked for


def test_manchester_scrape_fetches_4967_and_skips_the_cancelled_4966(sites: RealSites, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    since, until = MANCHESTER_WINDOW
    source = SourceConfig(MANCHESTER_URL, keywords=[])
    report = scrape(source, db, ScrapeOptions(since=since, until=until), settings=FAST)
    assert report.errors == []
    assert report.meetings == ["Audit Committee 2026-01-13 Cancelled", "Audit Committee 2026-02-10 Confirmed"]
    assert report.cancelled == ["Audit Committee 2026-01-13 Cancelled"]
    assert report.count("new") == 2 and report.count("failed") == 0
    assert loaded(db) == urls(MANCHESTER, DOCUMENTS[MANCHESTER])
    assert "/mgWebService.asmx/GetMeeting?lMeetingId=4966" not in sites.requests(MANCHESTER)
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT attachment_id, committee, meeting_date FROM fetches ORDER BY 1").fetchall()
    conn.close()
    assert rows == [("60860", "Audit Committee", "2026-02-10"), ("60909", "Audit Committee", "2026-02-10")]
    before = dump(db)
    sites.clear()
    again = scrape(source, db, ScrapeOptions(since=since, until=until, recheck_after=0), settings=FAST)
    assert again.count("unchanged") == 2 and not sites.pdf_200s()  # asked with If-None-Match: 304
    assert dump(db) == before
    # the default filter (community safety, crime and disorder, CSP) keeps none of these papers
    with PoliteClient(FAST) as client:
        assert discover(SourceConfig(MANCHESTER_URL), client, since, until) == []


# -- Birmingham: CMIS -----------------------------------------------------------------------

def test_birmingham_cmis_from_the_base_url(sites: RealSites) -> None:
    since, until = BIRMINGHAM_WINDOW
    errors: list[str] = []
    with PoliteClient(FAST) as client:
        adapter = adapter_for(BIRMINGHAM_URL, client)
        assert isinstance(adapter, CmisAdapter)
        meetings = adapter.calendar(since, until, errors)
        assert meetings is not None
        assert [(m.id, m.date, m.committee.name, m.committee.id) for m in meetings] == [
            ("15028", date(2026, 6, 8), "Licensing Sub-Committee A", "6"),
            ("15029", date(2026, 6, 9), "Licensing Sub-Committee B", "7"),
            ("15030", date(2026, 6, 9), "Licensing Sub-Committee B", "7"),
            ("15099", date(2026, 6, 30), "Planning Committee", "4"),
            ("15042", date(2026, 7, 9), "Planning Committee", "4"),
            ("15115", date(2026, 7, 23), "Standards Committee", "38"),
            ("15218", date(2026, 8, 3), "Licensing Sub-Committee A", "6")]
        # July's month view is not among the pages: noted, and the list view (July) still counts
        assert errors == ["calendar 2026-07: HTTP 404 for https://birmingham.cmis.uk.com/birmingham/Meetings/"
                          "tabid/70/ctl/MeetingCalendarPublicNoJava/mid/397/Date/2026-07-01/Default.aspx"]
        docs = {m.id: [(d.url, d.doc_id, d.title) for d in adapter.documents(m)]
                for m in meetings if m.id in ("15042", "15115", "15218")}
    assert docs == {
        "15042": [(f"https://{BIRMINGHAM}/Birmingham/Document.ashx?id=abc123", "abc123", "Final Planning Minutes 16042026"),
                  (f"https://{BIRMINGHAM}/Birmingham/Document.ashx?id=def456", "def456",
                   "Final Agenda Reports - 9th July 2026")],
        "15115": [(f"https://{BIRMINGHAM}/Birmingham/Document.ashx?id=xyz789", "xyz789", "Agenda Contents")],
        "15218": [(f"https://{BIRMINGHAM}/birmingham/Document.ashx?czJKcaeAi5tUFL1DTL2UE4sOqCLHzE2A",
                   "czJKcaeAi5tUFL1DTL2UE4sOqCLHzE2A", "Minutes of the previous meeting")]}
    assert sites.requests(BIRMINGHAM)[:3] == [
        "/robots.txt", "/birmingham/Meetings.aspx", "/birmingham/Meetings.aspx?ctl=MeetingCalendarListView&mid=397"]


def test_cmis_detected_from_markup_as_well_as_host() -> None:
    base = (REAL / "cmis-birmingham/cmis_base.html").read_text()
    assert CmisAdapter.detect("https://democracy.example.gov.uk/meetings", base)
    assert not CmisAdapter.detect("https://democracy.example.gov.uk/meetings", "<html><a href='x.pdf'>x</a></html>")
    assert CmisAdapter.detect(BIRMINGHAM_URL, None)
    assert not ModernGovAdapter.detect("https://democracy.example.gov.uk/meetings", base)


def test_cmis_month_view_dates_take_the_requested_year() -> None:
    from cspipe.pipeline.fetch.sites.base import parse_day_month

    assert parse_day_month("Monday, 8 June", 2026) == date(2026, 6, 8)
    assert parse_day_month("Tuesday, 30 June", 2027) == date(2027, 6, 30)
    assert parse_day_month("Monday, 8 June 2025", 2026) == date(2025, 6, 8)
    assert parse_day_month("Agenda", 2026) is None


def test_birmingham_scrape_fetches_all_four_documents(sites: RealSites, tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    since, until = BIRMINGHAM_WINDOW
    report = scrape(SourceConfig(BIRMINGHAM_URL, keywords=[]), db, ScrapeOptions(since=since, until=until),
                    settings=FAST)
    assert report.count("new") == 4 and report.count("failed") == 0
    assert {requested_url(u) for u in loaded(db)} == urls(BIRMINGHAM, DOCUMENTS[BIRMINGHAM])
    # the four meeting pages the shared set does not hold answer 404: each one line, the rest goes on
    missing = sorted(e.split("/Meeting/")[1].split("/")[0] for e in report.errors if e.startswith("documents of"))
    assert missing == ["15028", "15029", "15030", "15099"]
    assert len(report.errors) == 5


# -- Kingston: ModernGov HTML ---------------------------------------------------------------

def test_kingston_committees(sites: RealSites) -> None:
    with PoliteClient(FAST) as client:
        adapter = adapter_for(KINGSTON_URL, client)
        committees = adapter.committees()
    assert isinstance(adapter, ModernGovAdapter) and adapter.use_webservice is False
    assert {c.id for c in committees} == KINGSTON_COMMITTEE_IDS  # 30; CId=686 (Constitution) is not one
    assert len(committees) == 30
    names = {c.id: c.name for c in committees}
    assert names["711"] == KINGSTON_COMMITTEE
    assert names["752"] == "Standards Sub-Committee"
    assert names["726"] == ("South West London and Surrey Joint Health Overview and Scrutiny Committee"
                            " - Sub-Committee")
    assert all(c.url == f"https://{KINGSTON}/ieListMeetings.aspx?CId={c.id}" for c in committees)


@pytest.mark.parametrize("start", ["mgCommitteeDetails.aspx?ID=711", "ieListMeetings.aspx?CId=711"])
def test_kingston_committee_named_from_its_subtitle(sites: RealSites, start: str) -> None:
    with PoliteClient(FAST) as client:
        [committee] = ModernGovAdapter(f"https://{KINGSTON}/{start}", client).committees()
    assert (committee.id, committee.name) == ("711", KINGSTON_COMMITTEE)  # not "Browse meetings"


def test_kingston_meetings_and_agenda(sites: RealSites) -> None:
    since, until = KINGSTON_WINDOW
    with PoliteClient(FAST) as client:
        adapter = ModernGovAdapter(KINGSTON_URL, client)
        committee = next(c for c in adapter.committees() if c.id == "711")
        meetings = adapter.meetings(committee, since, until)
        assert {m.id: m.date for m in meetings} == KINGSTON_MEETINGS
        assert [m.id for m in meetings if m.status == "Cancelled"] == ["10161"]
        docs = adapter.documents(next(m for m in meetings if m.id == "10220"))
        cancelled = adapter.documents(next(m for m in meetings if m.id == "10161"))
    # the window covers the page: neither "Earlier" nor "Later meetings" is needed
    assert not any("Act=" in k for k in sites.requests(KINGSTON))
    base = f"https://{KINGSTON}/"
    got = {(requested_url(d.url), d.doc_id, d.kind, d.title) for d in docs}
    pack = base + "documents/g10223/{} Wednesday 18-Nov-2025 19.30 Kingston and North Kingston Neighbourhood Committee.pdf?T={}"
    assert got == {
        (pack.format("Agenda frontsheet", 0), None, "paper", "Agenda frontsheet"),
        (pack.format("Public reports pack", 10), None, "pack", "Agenda reports pack"),
        (pack.format("Decisions", 2), None, "paper", "Printed decisions"),
        (pack.format("Printed minutes", 1), None, "paper", "Printed minutes"),
        (base + "documents/s111161/5th Nov Draft Community Grants Programme - Report Template Updated 30 Jun "
         "2025 - Google Docs.pdf", "111161", "paper", "Community Grants Programme"),
        (base + "documents/s111162/9_Annex 1 - NCG and BCG Guidelines updated May 2023.pdf", "111162", "paper",
         "9_Annex 1 - NCG and BCG Guidelines (updated May 2023)"),  # no hidden ", item 35."
        (base + "documents/s111228/Decisions Progress Update - 18 November 2025.pdf", "111228", "paper",
         "Decisions Progress Update"),
        (base + "documents/s111213/Work Programme 18 November 2025.pdf", "111213", "paper", "Work Programme")}
    annex = next(d for d in docs if d.doc_id == "111162")
    assert annex.context == "Community Grants Programme"  # the agenda item it belongs to
    assert cancelled == []  # "No documents are available for this meeting"
    kept = choose_papers(docs)
    assert len(kept) == 7 and not any(d.kind == "pack" for d in kept)  # the pack's parts are listed


def test_kingston_scrape_skips_the_cancelled_meeting(sites: RealSites, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    since, until = KINGSTON_WINDOW
    source = SourceConfig(KINGSTON_URL, committees=[KINGSTON_COMMITTEE], keywords=[])
    report = scrape(source, db, ScrapeOptions(since=since, until=until), settings=FAST)
    assert len(report.meetings) == 15 and report.cancelled == [f"{KINGSTON_COMMITTEE} 2025-12-04 Cancelled"]
    asked = sites.requests(KINGSTON)
    assert "/ieListDocuments.aspx?CId=711&MId=10161&Ver=4" not in asked
    agendas = [k for k in asked if k.startswith("/ieListDocuments")]
    assert len(agendas) == 14
    # 13 agenda pages are not in the shared set (404, one line each); the 18 Nov one is
    assert len([e for e in report.errors if "HTTP 404" in e]) == 13 and len(report.errors) == 13
    gold = {f"https://{KINGSTON}{k}" for k in DOCUMENTS[KINGSTON] if "Public reports pack" not in k}
    assert {requested_url(u) for u in loaded(db)} == gold
    assert report.count("new") == 7
    # Only this committee was walked (--committee): no other committee's listing was asked for
    assert [k for k in asked if k.startswith("/ieListMeetings")] == ["/ieListMeetings.aspx?CId=711"]


# -- cases the real pages lack: paging, pack pages, the service with no papers --------------

def test_kingston_paging_followed_within_the_window(sites: RealSites) -> None:
    earlier = "/ieListMeetings.aspx?Act=earlier&CId=711&D=202409051930&MD=ielistmeetings"
    later = "/ieListMeetings.aspx?Act=later&CId=711&D=202606151930&MD=ielistmeetings"
    sites.extra[KINGSTON][earlier] = OWN / "moderngov/kingston_earlier.html"
    with PoliteClient(FAST) as client:
        adapter = ModernGovAdapter(KINGSTON_URL, client, use_webservice=False)
        committee = next(c for c in adapter.committees() if c.id == "711")
        meetings = adapter.meetings(committee, date(2024, 3, 1), date(2026, 6, 15))
    found = {m.id: m.date for m in meetings}
    assert found == {**KINGSTON_MEETINGS, "9800": date(2024, 7, 11), "9801": date(2024, 3, 5)}
    asked = sites.requests(KINGSTON)
    assert earlier in asked and later not in asked  # 15 Jun 2026 is the window's end
    # the earlier page's own "Earlier meetings" is not followed: it reaches back past the window
    assert not any("D=202312" in k for k in asked)


def test_pack_page_followed_and_one_paper_per_attachment(sites: RealSites) -> None:
    agenda = "/ieListDocuments.aspx?CId=711&MId=10500&Ver=4"
    sites.extra[KINGSTON][agenda] = OWN / "moderngov/kingston_pack_agenda.html"
    sites.extra[KINGSTON]["/mgChooseDocPack.aspx?ID=10500"] = OWN / "moderngov/kingston_pack_page.html"
    from cspipe.pipeline.fetch.sites.base import Committee, Meeting

    with PoliteClient(FAST) as client:
        adapter = ModernGovAdapter(KINGSTON_URL, client, use_webservice=False)
        meeting = Meeting(Committee(KINGSTON_COMMITTEE, "", "711"), f"https://{KINGSTON}{agenda}",
                          date(2026, 1, 15), "10500")
        docs = adapter.documents(meeting)
    ids = sorted((d.doc_id or "", d.kind) for d in docs)
    # s120001 on the agenda and as mgConvert2PDF inside the pack page; s120003 only in the pack page
    assert ids == [("", "pack"), ("", "pack"), ("120001", "paper"), ("120001", "paper"), ("120002", "paper"),
                   ("120003", "paper")]
    kept = choose_papers(docs)
    assert sorted(d.doc_id for d in kept) == ["120001", "120001", "120002", "120003"]


def test_service_with_no_papers_falls_back_to_the_agenda_page(sites: RealSites) -> None:
    """A confirmed meeting the service lists with no linked documents: the HTML agenda has them."""
    meeting_xml = (REAL / "moderngov-webservice-manchester/meeting_no_minutes.xml").read_text()
    meeting_xml = meeting_xml.replace("<meetingid>4966</meetingid>", "<meetingid>10220</meetingid>").replace(
        "<meetingstatus>Cancelled</meetingstatus>", "<meetingstatus>Confirmed</meetingstatus>")
    sites.extra[KINGSTON]["/mgWebService.asmx/GetCommittees"] = (
        '<?xml version="1.0" encoding="utf-8"?><committees><committeescount> 1</committeescount><committee>'
        "<committeeid>711</committeeid><committeetitle>Kingston and North Kingston Neighbourhood Committee"
        "</committeetitle><committeedeleted>False</committeedeleted><committeeexpired>False</committeeexpired>"
        "</committee></committees>")
    sites.extra[KINGSTON]["/mgWebService.asmx/GetMeeting?lMeetingId=10220"] = meeting_xml
    from cspipe.pipeline.fetch.sites.base import Meeting

    with PoliteClient(FAST) as client:
        adapter = ModernGovAdapter(KINGSTON_URL, client)
        [committee] = adapter.committees()
        meeting = Meeting(committee, f"https://{KINGSTON}/ieListDocuments.aspx?CId=711&MId=10220&Ver=4",
                          date(2025, 11, 18), "10220", status="Confirmed")
        docs = adapter.documents(meeting)
    assert adapter.use_webservice is True
    assert sorted(d.doc_id for d in docs if d.doc_id) == ["111161", "111162", "111213", "111228"]


def test_same_attachment_under_another_url_is_not_fetched_again(sites: RealSites, tmp_path: Path) -> None:
    """Fetched as mgConvert2PDF.aspx?ID=60860, later linked as documents/s60860/...: one paper."""
    from cspipe.pipeline.ingest.scrape import Candidate
    from cspipe.pipeline.store.load import open_db

    db_path = tmp_path / "a.db"
    source = SourceConfig(MANCHESTER_URL, keywords=[])
    since, until = MANCHESTER_WINDOW
    scrape(source, db_path, ScrapeOptions(since=since, until=until), settings=FAST)
    sites.clear()
    db = open_db(db_path)
    try:
        other = Candidate(f"https://{MANCHESTER}/documents/s60860/Minutes.pdf", "Minutes", doc_id="60860")
        with PoliteClient(FAST) as client:
            result = download(db, client, source.id, other, tmp_path / "store", ScrapeOptions())
        assert result.outcome == "not_asked" and result.url.endswith("mgConvert2PDF.aspx?ID=60860")
        assert db.execute("SELECT count(*) FROM fetches").fetchone()[0] == 2
    finally:
        db.close()
    assert sites.requests(MANCHESTER) == []


# -- the command line, as a user runs it, against each site ---------------------------------

@pytest.mark.parametrize(("url", "window", "extra", "host"), [
    (MANCHESTER_URL, MANCHESTER_WINDOW, [], MANCHESTER),
    (BIRMINGHAM_URL, BIRMINGHAM_WINDOW, [], BIRMINGHAM),
    (KINGSTON_URL, KINGSTON_WINDOW, ["--committee", KINGSTON_COMMITTEE], KINGSTON),
])
def test_cli_scrape_each_site_twice(sites: RealSites, tmp_path: Path, url: str, window: tuple[date, date],
                                    extra: list[str], host: str) -> None:
    import typer
    from typer.testing import CliRunner

    from cspipe.cli.flows import register

    app = typer.Typer()
    register(app)
    db = tmp_path / "cli.db"
    args = ["scrape", url, *extra, "--all-papers", "--since", window[0].isoformat(), "--until",
            window[1].isoformat(), "--db", str(db), "--delay", "0", "--plain"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    gold = {f"https://{host}{k}" for k in DOCUMENTS[host] if "Public reports pack" not in k}
    assert {requested_url(u) for u in loaded(db)} == gold
    assert f"{len(gold)} new" in first.output
    before = dump(db)
    sites.clear()
    second = CliRunner().invoke(app, args)
    assert second.exit_code == 0, second.output
    assert " new" not in second.output and "0 ingested" in second.output
    assert not sites.pdf_200s()  # nothing downloaded
    assert dump(db) == before  # and no row changed


def test_default_filter_keeps_each_community_safety_paper_once(sites: RealSites, tmp_path: Path) -> None:
    """A community safety item whose report is on the agenda and again inside a pack page: one paper.

    The 15 Jan 2026 meeting (10221, real listing) is given an agenda page of cspipe's own that
    links a pack page; the default keyword filter keeps the item's papers by the item's title.
    """
    sites.extra[KINGSTON]["/ieListDocuments.aspx?CId=711&MId=10221&Ver=4"] = OWN / "moderngov/kingston_pack_agenda.html"
    sites.extra[KINGSTON]["/mgChooseDocPack.aspx?ID=10500"] = OWN / "moderngov/kingston_pack_page.html"
    db = tmp_path / "p.db"
    day = date(2026, 1, 15)
    report = scrape(SourceConfig(f"https://{KINGSTON}/ieListMeetings.aspx?CId=711"), db,
                    ScrapeOptions(since=day, until=day), settings=FAST)
    assert report.errors == [] and report.meetings == [f"{KINGSTON_COMMITTEE} 2026-01-15"]
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT attachment_id, url FROM fetches ORDER BY 1").fetchall()
    conn.close()
    base = f"https://{KINGSTON}/documents/"
    assert [(a, requested_url(u)) for a, u in rows] == [
        ("120001", base + "s120001/Safer Kingston Partnership annual report.pdf"),  # not mgConvert2PDF too
        ("120002", base + "s120002/Appendix A action plan.pdf"),  # kept by its agenda item's title
        ("120003", base + "s120003/Late report - community safety funding.pdf")]  # only in the pack page
    assert not any("pack" in k.lower() or "Supplementary" in k for k in sites.requests(KINGSTON)
                   if k.startswith("/documents/"))
