"""`cspipe ingest URL`: PDFs over http(s) through the polite client, on a loopback server only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytest_httpserver import HTTPServer

from cspipe.pipeline.ingest.documents import ingest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_ingest_urls(httpserver: HTTPServer, tmp_path: Path) -> None:
    pdf = min(CORPUS.glob("*.pdf"), key=lambda p: p.stat().st_size)
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    httpserver.expect_request("/papers/report.pdf").respond_with_data(
        pdf.read_bytes(), content_type="application/pdf")
    httpserver.expect_request("/papers/error.pdf").respond_with_data(
        "<html><body>Sorry, something went wrong</body></html>", content_type="text/html")
    httpserver.expect_request("/papers/gone.pdf").respond_with_data("not here", status=404)
    urls = [httpserver.url_for(p) for p in
            ("/papers/report.pdf", "/papers/error.pdf", "/papers/gone.pdf", "/private/x.pdf")]
    db = tmp_path / "u.db"
    results = ingest(urls, db)
    assert [r.status for r in results] == ["ok", "failed", "failed", "failed"]
    rows = dict(sqlite3.connect(db).execute("SELECT source, coalesce(error, '') FROM documents"))
    assert rows[urls[0]] == ""
    assert "pdf" in rows[urls[1]].lower()  # an HTML page served as .pdf is a failed fetch
    assert "404" in rows[urls[2]]
    assert "robots" in rows[urls[3]].lower()
    # the same bytes again under another URL are the same document: nothing duplicated
    again = ingest([urls[0]], db)
    assert again[0].status == "skipped"
