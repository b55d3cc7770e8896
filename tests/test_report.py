"""cspipe report: one self-contained HTML file whose figures link to their rows.

The browser test drives Debian's chromium through playwright; it is skipped, with
the reason, only when no chromium binary (or the playwright package) is present.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cspipe.cli.compare import register
from cspipe.pipeline.outputs.report.links import source_href
from tests.test_views import build_fixture_db

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    db = build_fixture_db(tmp_path / "fixture.db")
    app = typer.Typer()
    register(app)
    out = tmp_path / "out" / "report.html"
    result = CliRunner().invoke(app, ["report", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 partnerships" in result.output
    return out


def test_report_is_self_contained(report: Path) -> None:
    page = report.read_text()
    assert "<script src" not in page and "<link" not in page
    assert not re.search(r"""(src|href)=["']https?://""", page)  # fixture sources are local
    assert page.count("<svg") >= 5


def test_every_figure_link_has_rows(report: Path) -> None:
    page = report.read_text()
    ids = set(re.findall(r'<tbody id="([^"]+)"', page))
    links = re.findall(r'<a href="#([^"?]+)(?:\?([^"]*))?"', page)
    figure_links = [
        (t, q)
        for t, q in links
        if t not in {"themes", "profile", "leads", "funding", "organisations"}
    ]
    assert len(figure_links) > 20
    for target, query in figure_links:
        assert target in ids, target
        for pair in filter(None, query.split("&amp;")):
            key, value = pair.split("=", 1)
            # some row in that tbody carries the attribute the link filters on
            body = page.split(f'<tbody id="{target}"', 1)[1].split("</tbody>", 1)[0]
            assert f'data-{key}="{value.replace("%2F", "/")}"' in body, (target, pair)


def test_every_row_links_to_its_page(report: Path) -> None:
    page = report.read_text()
    rows = re.findall(r"<tbody id=.*?</tbody>", page, flags=re.S)
    trs = [tr for body in rows for tr in re.findall(r"<tr.*?</tr>", body, flags=re.S)]
    assert len(trs) == 7 + 6 + 6 + 6 + 6  # priorities, activities, leads, funding, mentions
    assert all(re.search(r'href="[^"]*\.pdf#page=\d+"', tr) for tr in trs)


def test_source_href(tmp_path: Path) -> None:
    pdf = tmp_path / "papers" / "a b.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF")
    assert source_href(str(pdf), tmp_path / "out", 3) == "../papers/a%20b.pdf#page=3"
    assert source_href("https://x.gov.uk/a.pdf", tmp_path, 2) == "https://x.gov.uk/a.pdf#page=2"
    assert source_href("/nowhere/a.pdf", tmp_path, 1) == "file:///nowhere/a.pdf#page=1"


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
