"""Fetching from unhelpful servers: robots.txt per RFC 9309 with the real reason; a total deadline."""

from __future__ import annotations

import socket
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from cspipe.pipeline.fetch.http import Disallowed, HttpError, PoliteClient, Settings

PDF = b"%PDF-1.4\n" + b"x" * 64


def polite(**kw: object) -> PoliteClient:
    return PoliteClient(Settings(**{"delay": 0.0, "backoff": 0.0, "retries": 0, "timeout": 2.0, **kw}),
                        sleep=lambda _s: None)


def test_robots_5xx_stops_the_crawl_and_says_why(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("down", status=503)
    with polite() as c, pytest.raises(Disallowed) as err:
        c.get(httpserver.url_for("/a.pdf"))
    assert "robots.txt" in str(err.value) and "HTTP 503" in str(err.value)
    assert "disallowed by robots.txt" not in str(err.value)
    assert err.value.transient  # try again later, not a verdict on the document


def test_robots_unreachable_reports_the_connection_error() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with polite() as c, pytest.raises(Disallowed) as err:
        c.get(f"http://127.0.0.1:{port}/a.pdf")
    assert "ConnectError" in str(err.value), str(err.value)


def test_robots_4xx_means_no_restrictions(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("no", status=403)
    httpserver.expect_request("/a.pdf").respond_with_data(PDF)
    with polite() as c:
        assert c.get(httpserver.url_for("/a.pdf"), expect_pdf=True).content == PDF


def test_a_dripping_server_is_cut_off_at_the_request_deadline(httpserver: HTTPServer) -> None:
    def drip(_request: object) -> Response:
        def body():  # one byte every 0.3 s: each read is well inside the read timeout
            yield b"%PDF-1.4\n"
            for _ in range(100):
                time.sleep(0.3)
                yield b"x"
        return Response(body(), content_type="application/pdf")

    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/slow.pdf").respond_with_handler(drip)
    with polite(deadline=1.5) as c, pytest.raises(HttpError, match="too slow") as err:
        c.get(httpserver.url_for("/slow.pdf"), expect_pdf=True)
    assert err.value.transient
