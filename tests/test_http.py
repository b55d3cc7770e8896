"""Polite fetching: robots.txt, redirects re-checked, caps, PDF magic, back-off, pacing (127.0.0.1 only)."""

from __future__ import annotations

import threading
import time

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from cspipe.pipeline.fetch.http import (
    Disallowed,
    HttpError,
    NotPdf,
    PoliteClient,
    Settings,
    fetch_pdf,
    http_date,
    retry_after_seconds,
    user_agent,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(**kw: object) -> tuple[PoliteClient, Sleeps]:
    sleeps = Sleeps()
    settings = Settings(**{"delay": 0.0, "backoff": 0.01, "timeout": 2.0, **kw})  # type: ignore[arg-type]
    return PoliteClient(settings, sleep=sleeps), sleeps


def test_robots_user_agent_and_redirects(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    httpserver.expect_request("/ok.pdf").respond_with_data(PDF, content_type="application/pdf")
    httpserver.expect_request("/to-private").respond_with_data(
        "", status=302, headers={"Location": "/private/x.pdf"})
    httpserver.expect_request("/to-ftp").respond_with_data(
        "", status=301, headers={"Location": "ftp://127.0.0.1/x.pdf"})
    httpserver.expect_request("/to-ok").respond_with_data("", status=307, headers={"Location": "/ok.pdf"})
    c, _ = client(contact="mailto:research@example.org")
    with c:
        assert c.get(httpserver.url_for("/ok.pdf"), expect_pdf=True).content == PDF
        assert c.get(httpserver.url_for("/to-ok"), expect_pdf=True).url.endswith("/ok.pdf")
        with pytest.raises(Disallowed, match="robots.txt"):
            c.get(httpserver.url_for("/private/x.pdf"))
        with pytest.raises(Disallowed, match="robots.txt"):
            c.get(httpserver.url_for("/to-private"))
        with pytest.raises(Disallowed, match="not an http"):
            c.get(httpserver.url_for("/to-ftp"))
        with pytest.raises(Disallowed, match="not an http"):
            c.get("file:///etc/passwd")
    paths = [req.path for req, _ in httpserver.log]
    assert "/private/x.pdf" not in paths and paths.count("/robots.txt") == 1
    agents = {req.headers["User-Agent"] for req, _ in httpserver.log}
    assert agents == {user_agent("mailto:research@example.org")}
    assert "cspipe/" in user_agent() and "research@example.org" in agents.pop()


def test_robots_unreachable_means_disallowed_and_missing_means_allowed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("oops", status=503)
    c, _ = client(retries=0)
    with c, pytest.raises(Disallowed):
        c.get(httpserver.url_for("/a.pdf"))
    httpserver.clear()
    httpserver.expect_request("/robots.txt").respond_with_data("gone", status=404)
    httpserver.expect_request("/a.pdf").respond_with_data(PDF)
    c, _ = client()
    with c:
        assert c.get(httpserver.url_for("/a.pdf"), expect_pdf=True).status == 200


def test_pdf_magic_and_size_cap(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/error.pdf").respond_with_data(
        "<html><body>Sorry, an error occurred</body></html>", content_type="text/html")
    httpserver.expect_request("/big.pdf").respond_with_data(PDF + b"0" * 5000)
    c, _ = client(max_bytes=1000)
    with c:
        with pytest.raises(NotPdf, match="not a PDF .text/html"):
            c.get(httpserver.url_for("/error.pdf"), expect_pdf=True)
        with pytest.raises(HttpError, match="larger than"):
            c.get(httpserver.url_for("/big.pdf"), expect_pdf=True)


def test_retries_honour_retry_after_and_back_off(httpserver: HTTPServer) -> None:
    answers = [Response("slow down", status=429, headers={"Retry-After": "7"}),
               Response("down", status=503), Response(PDF)]
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/busy.pdf").respond_with_handler(lambda _request: answers.pop(0))
    c, sleeps = client()
    with c:
        assert c.get(httpserver.url_for("/busy.pdf"), expect_pdf=True).content == PDF
    assert sleeps[0] == 7.0 and 0.01 <= sleeps[1] <= 0.05  # Retry-After, then back-off
    httpserver.clear()
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/never.pdf").respond_with_data("no", status=502)
    httpserver.expect_request("/later.pdf").respond_with_data("no", status=429, headers={"Retry-After": "86400"})
    httpserver.expect_request("/gone.pdf").respond_with_data("no", status=404)
    c, sleeps = client(retries=2)
    with c:
        with pytest.raises(HttpError, match="after 3 tries") as err:
            c.get(httpserver.url_for("/never.pdf"))
        assert err.value.transient and err.value.status == 502
        with pytest.raises(HttpError, match="Retry-After 86400s is too long"):
            c.get(httpserver.url_for("/later.pdf"))
        with pytest.raises(HttpError, match="HTTP 404") as err:
            c.get(httpserver.url_for("/gone.pdf"))
        assert not err.value.transient
    assert len([r for r, _ in httpserver.log if r.path == "/never.pdf"]) == 3
    assert len([r for r, _ in httpserver.log if r.path == "/gone.pdf"]) == 1


def test_timeout_is_retried(httpserver: HTTPServer) -> None:
    calls = []

    def slow_then_fast(request: Request) -> Response:
        calls.append(time.monotonic())
        if len(calls) == 1:
            time.sleep(0.8)
        return Response(PDF, content_type="application/pdf")

    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/slow.pdf").respond_with_handler(slow_then_fast)
    c, _ = client(timeout=0.3)
    with c:
        assert c.get(httpserver.url_for("/slow.pdf"), expect_pdf=True).content == PDF
    assert len(calls) >= 2  # the first timed out (the server is single-threaded, so maybe one more)


def test_conditional_requests() -> None:
    def app(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if request.headers.get("If-None-Match") == '"v1"':
            return httpx.Response(304, headers={"ETag": '"v1"'})
        return httpx.Response(200, content=PDF, headers={"ETag": '"v1"', "Last-Modified": http_date(
            __import__("datetime").datetime(2023, 10, 2, 9, tzinfo=__import__("datetime").UTC))})

    transport = httpx.Client(transport=httpx.MockTransport(app))
    c = PoliteClient(Settings(delay=0), client=transport)
    first = c.get("http://council.invalid/a.pdf", expect_pdf=True)
    assert first.etag == '"v1"' and first.last_modified == "Mon, 02 Oct 2023 09:00:00 GMT"
    again = c.get("http://council.invalid/a.pdf", etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.content == b""
    # the function pipeline.fetch.fetch_url delegates to, with a caller's transport
    assert fetch_pdf("http://council.invalid/a.pdf", client=transport) == PDF


def test_pacing_and_one_request_at_a_time_per_host() -> None:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    try:
        active, peak, lock = [0], [0], threading.Lock()

        def handler(request: Request) -> Response:
            with lock:
                active[0] += 1
                peak[0] = max(peak[0], active[0])
            time.sleep(0.05)
            with lock:
                active[0] -= 1
            return Response(PDF)

        server.expect_request("/robots.txt").respond_with_data("", status=404)
        server.expect_request("/p.pdf").respond_with_handler(handler)
        c = PoliteClient(Settings(delay=0.1))
        start = time.monotonic()
        threads = [threading.Thread(target=c.get, args=(server.url_for("/p.pdf"),)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - start
        c.close()
        assert peak[0] == 1
        assert elapsed >= 4 * 0.1  # robots.txt + 4 requests, 0.1 s apart at least
    finally:
        server.stop()


def test_retry_after_dates() -> None:
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412420.0) == 60.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
