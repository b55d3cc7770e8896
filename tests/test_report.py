"""cspipe report: one self-contained HTML file whose figures link to their rows.

The browser test drives Debian's chromium through playwright; it is skipped, with
the reason, only when no chromium binary (or the playwright package) is present.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cspipe.cli.compare import register
from cspipe.pipeline.outputs.report.links import page_href
from cspipe.pipeline.store.load import open_db
from tests.report_browser import CHROMIUM_ARGS, chromium_path, shoot
from tests.test_views import ALPHA_NEW, ALPHA_OLD, BETA, build_fixture_db


def _write_report(db: Path, out: Path) -> Path:
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["report", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 partnerships" in result.output
    return out


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    """The fixture's documents are local files (no published URL)."""
    return _write_report(build_fixture_db(tmp_path / "fixture.db"), tmp_path / "out" / "report.html")


#: alpha's papers were read from their URLs; beta's was scraped (a fetches row with its bytes)
ALPHA_URLS = {ALPHA_OLD: "https://alpha.example.gov.uk/papers/plan-2022.pdf",
              ALPHA_NEW: "https://alpha.example.gov.uk/documents/s123/Scrutiny.pdf"}
BETA_URL = "https://beta.example.gov.uk/mgConvert2PDF.aspx?ID=42"


@pytest.fixture()
def published(tmp_path: Path) -> Path:
    """The same with published URLs for alpha's and beta's documents (gamma's stays local)."""
    db_path = build_fixture_db(tmp_path / "fixture.db")
    db = open_db(db_path)
    for doc, url in ALPHA_URLS.items():
        db.execute("UPDATE documents SET source = ? WHERE id = ?", [url, doc])
    db.execute("INSERT INTO fetches (url, status, sha256, path) VALUES (?, 'ok', ?, ?)",
               [BETA_URL, BETA, "/var/cache/cspipe/beta.pdf"])
    db.conn.commit()
    db.close()
    return _write_report(db_path, tmp_path / "elsewhere" / "report.html")


def test_report_is_self_contained(report: Path) -> None:
    page = report.read_text()
    assert "<script src" not in page and "<link" not in page
    assert not re.search(r"""src=["']https?://""", page)  # nothing loaded from the network
    assert page.count("<svg") >= 5


def test_local_documents_get_a_note_not_a_broken_path(report: Path) -> None:
    page = report.read_text()
    # no link to a path on the machine that wrote it, relative or file://
    assert not re.search(r"""href=["'](?!#)[^"']*""", page)
    assert "file://" not in page and "/papers/" not in page.replace("local file", "")
    assert page.count("local file 0.pdf: no published URL") >= 1
    assert "has no known published URL" in page


def test_every_figure_link_has_rows(report: Path) -> None:
    page = report.read_text()
    ids = set(re.findall(r'<tbody id="([^"]+)"', page))
    links = re.findall(r'<a href="#([^"?]+)(?:\?([^"]*))?"', page)
    figure_links = [
        (t, q)
        for t, q in links
        if t not in {"themes", "profile", "leads", "funding", "organisations",  # the nav
                     "peers", "over-time", "documents"}
    ]
    assert len(figure_links) > 20
    for target, query in figure_links:
        assert target in ids, target
        for pair in filter(None, query.split("&amp;")):
            key, value = pair.split("=", 1)
            # some row in that tbody carries the attribute the link filters on
            body = page.split(f'<tbody id="{target}"', 1)[1].split("</tbody>", 1)[0]
            assert f'data-{key}="{value.replace("%2F", "/")}"' in body, (target, pair)


def test_every_row_links_to_its_page(published: Path) -> None:
    page = published.read_text()
    rows = re.findall(r"<tbody id=.*?</tbody>", page, flags=re.S)
    trs = [tr for body in rows for tr in re.findall(r"<tr.*?</tr>", body, flags=re.S)]
    assert len(trs) == 7 + 6 + 6 + 6 + 6  # priorities, activities, leads, funding, mentions
    urls = [*ALPHA_URLS.values(), BETA_URL]
    linked = [tr for tr in trs if re.search(r'href="https://[^"]+#page=\d+"', tr)]
    noted = [tr for tr in trs if "local file 3.pdf: no published URL" in tr]
    # gamma's one priority and its one mention are local; every other row links to its URL
    assert len(noted) == 1 + 1 and len(linked) == len(trs) - len(noted)
    for tr in linked:
        href = re.search(r'href="([^"]+)#page=(\d+)"', tr)
        assert href and href.group(1).replace("&amp;", "&") in urls
    assert f'href="{ALPHA_URLS[ALPHA_NEW]}#page=5"' in page  # "Patrol hotspots", page 5
    assert 'href="https://beta.example.gov.uk/mgConvert2PDF.aspx?ID=42#page=2"' in page


def test_page_href() -> None:
    assert page_href("https://x.gov.uk/a.pdf", 2) == "https://x.gov.uk/a.pdf#page=2"
    assert page_href("https://x.gov.uk/a.pdf#page=9", 3) == "https://x.gov.uk/a.pdf#page=3"
    assert page_href("https://x.gov.uk/mgConvert2PDF.aspx?ID=7", 4).endswith("?ID=7#page=4")
    assert page_href("https://x.gov.uk/plan.docx", 4) == "https://x.gov.uk/plan.docx"
    assert page_href("https://x.gov.uk/a.pdf") == "https://x.gov.uk/a.pdf"
    assert page_href(None, 3) is None and page_href("", 1) is None


def _section(page: str, sid: str) -> str:
    return page.split(f'<section id="{sid}">', 1)[1].split("</section>", 1)[0]


def test_documents_section_lists_every_document(published: Path) -> None:
    docs = _section(published.read_text(), "documents")
    rows = re.findall(r"<tr class=\"status-(\w+)\">(.*?)</tr>", docs, flags=re.S)
    assert [s for s, _ in rows].count("failed") == 1 and len(rows) == 5
    failed = next(r for s, r in rows if s == "failed")
    assert "not a PDF" in failed
    new = next(r for _, r in rows if "Alpha scrutiny 2023" in r)
    cells = re.findall(r'<td class="num">(\d+)</td>', new)
    # pages 10; 2 priorities, 4 activities, 2 KPIs, 1 funding row, 2 organisations mentioned
    # (alpha-council, shire-constabulary)
    assert cells == ["10", "2", "4", "2", "1", "2"]
    assert f'<a href="{ALPHA_URLS[ALPHA_NEW]}">Alpha scrutiny 2023</a>' in new
    gamma = next(r for _, r in rows if "Gamma strategy" in r)
    assert "local file 3.pdf: no published URL" in gamma and "href" not in gamma


def test_comparator_and_time_views(report: Path) -> None:
    page = report.read_text()
    peers = _section(page, "peers")
    county = peers.split('id="peers-alpha-csp-county"', 1)[1].split("</table>", 1)[0]
    assert "Shire County Council" in county or "shire county council" in county.lower()
    # activities alpha 4, beta 2: median 3, Q1 2.5, Q3 3.5; alpha first of two
    row = re.search(r"<tr><td>activities</td>(.*?)</tr>", county, flags=re.S).group(1)
    assert re.findall(r'<td class="num">([^<]*)</td>', row) == ["4", "3", "2.5", "3.5", "1 of 2"]
    assert "No other partnership here is of its council type" in peers  # gamma: unitary
    time = _section(page, "over-time")
    assert "Alpha Community Safety Partnership" in time and "Beta" not in time  # one document
    flat = " ".join(time.split())
    # alpha 2022 (asb, fraud) -> 2023 (asb, vawg)
    assert "2022-03-01 → 2023-07-20" in flat
    assert "themes added (1): vawg" in flat and "themes dropped (1): fraud" in flat
    assert "themes kept (1): asb" in flat


def test_report_in_headless_chromium(report: Path) -> None:
    binary = chromium_path()
    if binary is None:
        pytest.skip("no chromium binary (apt-get install -y chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright not installed (pip install playwright)"
    )
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=binary, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(report.as_uri())
            page.wait_for_selector("body[data-ready='1']")
            for chart in (
                "#chart-priorities",
                "#chart-profile",
                "#chart-status",
                "#chart-funding",
                "#chart-leads",
                "#peers",
                "#over-time",
                "#document-list",
            ):
                box = page.locator(chart).bounding_box()
                assert box and box["width"] > 100 and box["height"] > 40, chart
            assert page.locator("#chart-priorities a").count() == 6  # cells with a named theme
            # a heat-map cell shows only the priorities behind it
            page.locator('#chart-priorities a[href="#pri-alpha-csp?theme=asb"]').click()
            page.wait_for_timeout(100)
            visible = page.locator("#rows-priorities tr[data-theme]:visible")
            assert visible.count() == 2
            assert "Showing 2 row(s)" in page.locator(".tablebar.active .selection").inner_text()
            # a profile bar shows only the activities it counts
            page.locator('#chart-profile a[href="#act-alpha-csp?kpi=1"]').click()
            page.wait_for_timeout(100)
            assert page.locator("#rows-activities tbody tr:visible").count() == 2
            page.locator(".tablebar.active button").click()
            assert page.locator("#rows-activities tbody tr:visible").count() == 6
        finally:
            browser.close()
    assert errors == []


def test_report_sections_screenshot_in_headless_chromium(published: Path, tmp_path: Path) -> None:
    """The pictures docs/report-*.png are made this way (make screenshots)."""
    binary = chromium_path()
    if binary is None:
        pytest.skip("no chromium binary (apt-get install -y chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright not installed")
    shots, errors = shoot(published, tmp_path / "shots", "alpha-csp", binary)
    assert errors == []
    assert [s.name for s in shots] == ["report-comparators.png", "report-over-time.png",
                                       "report-documents.png"]
    for shot in shots:
        head = shot.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
        assert width > 1000 and height > 150, (shot.name, width, height)
