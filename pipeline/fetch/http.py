"""Polite, safe HTTP fetching: robots.txt, per-host pacing, size caps, PDF checks, back-off.

Council web sites are small servers run for the public, so every request cspipe
makes goes through one ``PoliteClient``: it identifies itself with a contact,
obeys robots.txt (protego), sends one request at a time per host with a pause
between them, follows redirects only after re-checking each hop against the same
rules, caps downloads, and retries 429 / 5xx / timeouts with back-off that honours
``Retry-After``. A body fetched as a PDF must start like one (or like a Word file) before anyone parses it.
"""

from __future__ import annotations

import email.utils
import os
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from cspipe.pipeline.fetch.errors import FetchError

PRODUCT = "cspipe"
VERSION = "0.1"
DEFAULT_CONTACT = "https://github.com/cspipe/cspipe"
MAX_BYTES = 100 * 1024 * 1024
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: Statuses whose failure is about the document, not the moment: not retried soon.
PERMANENT_STATUSES = frozenset({400, 401, 403, 404, 410, 451})


def user_agent(contact: str | None = None) -> str:
    """``cspipe/0.1 (+contact; research use)``; contact from the argument or ``CSPIPE_CONTACT``."""
    contact = contact or os.environ.get("CSPIPE_CONTACT") or DEFAULT_CONTACT
    return f"{PRODUCT}/{VERSION} (+{contact}; research use)"


class HttpError(FetchError):
    """A request that did not give a usable answer; ``transient`` says whether a later try may work."""

    def __init__(self, message: str, *, status: int | None = None, transient: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.transient = transient


class Disallowed(HttpError):
    """robots.txt (or the scheme / host rules) forbid the URL."""


@dataclass(frozen=True)
class RobotsUnavailable:
    """robots.txt could not be fetched (5xx, refused, timed out): why, kept per origin."""

    reason: str
    status: int | None = None


class NotPdf(HttpError):
    """The body does not start like a PDF (e.g. an HTML error page served with 200)."""


@dataclass
class Settings:
    """How politely to fetch; the defaults suit a council's web server."""

    contact: str | None = None
    timeout: float = 30.0  # per connect / read
    deadline: float = 120.0  # per request, whole: a server that drips bytes is cut off
    delay: float = 1.0  # seconds between requests to one host
    per_host: int = 1  # concurrent requests to one host
    max_bytes: int = MAX_BYTES
    retries: int = 3
    backoff: float = 2.0  # first back-off in seconds, doubled each retry
    max_retry_after: float = 300.0  # a longer Retry-After fails the request instead of waiting
    max_redirects: int = 5
    obey_robots: bool = True


@dataclass
class Response:
    """What a fetch returned: the final URL, status, body and the validators for next time."""

    url: str
    status: int
    content: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def text(self) -> str:
        charset = "utf-8"
        if self.content_type and "charset=" in self.content_type:
            charset = self.content_type.split("charset=")[-1].split(";")[0].strip() or charset
        return self.content.decode(charset, errors="replace")


def looks_like_pdf(data: bytes) -> bool:
    """True when ``%PDF-`` appears in the first 1 KiB, as PDF readers accept."""
    return b"%PDF-" in data[:1024]


def looks_like_document(data: bytes) -> bool:
    """A PDF, or a Word / OpenDocument / RTF file, by its bytes (never its name or type)."""
    from cspipe.extractors.formats import DOCUMENT_KINDS, sniff

    return sniff(data) in DOCUMENT_KINDS


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class _Host:
    """Pacing state for one host: a semaphore for concurrency and the time of the last request."""

    def __init__(self, per_host: int) -> None:
        self.slots = threading.Semaphore(per_host)
        self.lock = threading.Lock()
        self.next_at = 0.0


class PoliteClient:
    """One client per run; thread-safe, so parallel tasks share pacing and robots rules."""

    def __init__(self, settings: Settings | None = None, *, client: httpx.Client | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings or Settings()
        self.user_agent = user_agent(self.settings.contact)
        self._own = client is None
        self._client = client or httpx.Client(
            follow_redirects=False, timeout=httpx.Timeout(self.settings.timeout),
            headers={"User-Agent": self.user_agent})
        self._sleep = sleep
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, Protego | None] = {}
        self._lock = threading.Lock()
        self.requests = 0  # requests sent, robots.txt included; for reports and tests

    def close(self) -> None:
        if self._own:
            self._client.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- rules -----------------------------------------------------------------------------
    def check_url(self, url: str) -> None:
        """Raise ``Disallowed`` unless the URL is http(s) with a host and robots.txt allows it.

        robots.txt that could not be fetched (5xx, unreachable) stops the crawl of that site
        for now, and the reason says why (RFC 9309 2.3.1.4), as a transient error.
        """
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise Disallowed(f"not an http(s) URL: {url}")
        if not self.settings.obey_robots:
            return
        rules = self._rules(url)
        if isinstance(rules, RobotsUnavailable):
            raise Disallowed(f"robots.txt of {parts.netloc} unavailable ({rules.reason}): "
                             f"not crawling it now", status=rules.status, transient=True)
        if rules is not None and not rules.can_fetch(url, PRODUCT):
            raise Disallowed(f"disallowed by robots.txt: {url}")

    def allowed(self, url: str) -> bool:
        """robots.txt verdict for our user agent (fetched once per origin); False when unavailable."""
        rules = self._rules(url)
        if isinstance(rules, RobotsUnavailable):
            return False
        return True if rules is None else rules.can_fetch(url, PRODUCT)

    def _rules(self, url: str) -> Protego | RobotsUnavailable | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            known = origin in self._robots
        if not known:
            rules = self._load_robots(origin)
            with self._lock:
                self._robots.setdefault(origin, rules)
        return self._robots[origin]

    def _load_robots(self, origin: str) -> Protego | RobotsUnavailable | None:
        """RFC 9309: 4xx (or too many redirects) means no rules; 5xx or unreachable means do
        not crawl now (``RobotsUnavailable``, with the reason)."""
        url = origin + "/robots.txt"
        try:
            for _ in range(self.settings.max_redirects + 1):  # e.g. http -> https; not robots-checked
                response = self._send("GET", url, {}, 512 * 1024)
                location = response.headers.get("location")
                if response.status not in (301, 302, 303, 307, 308) or not location:
                    break
                url = urljoin(url, location)
                if urlsplit(url).scheme not in ("http", "https"):
                    return None
        except HttpError as exc:
            return RobotsUnavailable(str(exc), exc.status)
        if response.status >= 500:
            return RobotsUnavailable(f"HTTP {response.status}", response.status)
        if response.status >= 300:
            return None
        return Protego.parse(response.content.decode("utf-8", errors="replace"))

    # -- requests --------------------------------------------------------------------------
    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        with self._lock:
            host = self._hosts.get(key)
            if host is None:
                host = self._hosts[key] = _Host(self.settings.per_host)
            return host

    def _send(self, method: str, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        """One request, paced per host, body read up to ``max_bytes``; no redirects, no retries."""
        host = self._host(url)
        with host.slots:
            with host.lock:
                wait = host.next_at - time.monotonic()
                host.next_at = max(host.next_at, time.monotonic()) + self.settings.delay
            if wait > 0:
                self._sleep(wait)
            self.requests += 1
            started = time.monotonic()
            try:
                with self._client.stream(method, url, headers=headers) as r:
                    declared = r.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise HttpError(f"larger than {_mib(max_bytes)} ({_mib(int(declared))} declared)",
                                        status=r.status_code)
                    chunks, size = [], 0
                    if r.status_code < 300 or r.status_code >= 400:
                        for chunk in r.iter_bytes():
                            if time.monotonic() - started > self.settings.deadline:
                                raise HttpError(
                                    f"too slow: no whole answer within {self.settings.deadline:g}s "
                                    f"({size} bytes received) from {url}", status=r.status_code,
                                    transient=True)
                            size += len(chunk)
                            if size > max_bytes:
                                raise HttpError(f"larger than {_mib(max_bytes)}", status=r.status_code)
                            chunks.append(chunk)
                    return Response(
                        url=url, status=r.status_code, content=b"".join(chunks),
                        etag=r.headers.get("etag"), last_modified=r.headers.get("last-modified"),
                        content_type=r.headers.get("content-type"), headers=dict(r.headers))
            except httpx.TimeoutException as exc:
                raise HttpError(f"timed out: {type(exc).__name__} on {url}", transient=True) from exc
            except httpx.HTTPError as exc:
                raise HttpError(f"request failed: {type(exc).__name__}: {exc}", transient=True) from exc
            finally:
                with host.lock:  # the pause runs from the end of this request
                    host.next_at = max(host.next_at, time.monotonic() + self.settings.delay)

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            expect_pdf: bool = False, max_bytes: int | None = None,
            accept: str | None = None) -> Response:
        """GET with every rule applied; 304 comes back as a ``Response`` with ``not_modified``.

        Raises ``HttpError`` (``Disallowed``, ``NotPdf``) with a one-line reason otherwise.
        """
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        limit = max_bytes or self.settings.max_bytes
        attempt = 0
        while True:
            try:
                response = self._follow(url, headers, limit)
            except Disallowed:
                raise
            except HttpError as exc:
                if not exc.transient or attempt >= self.settings.retries:
                    raise
                self._sleep(self._backoff(attempt))
                attempt += 1
                continue
            if response.status in RETRY_STATUSES:
                wait = retry_after_seconds(response.headers.get("retry-after"))
                if attempt >= self.settings.retries:
                    raise HttpError(f"HTTP {response.status} for {url} after {attempt + 1} tries",
                                    status=response.status, transient=True)
                if wait is not None and wait > self.settings.max_retry_after:
                    raise HttpError(f"HTTP {response.status}: Retry-After {wait:.0f}s is too long",
                                    status=response.status, transient=True)
                self._sleep(wait if wait is not None else self._backoff(attempt))
                attempt += 1
                continue
            break
        if response.status == 304:
            return response
        if response.status >= 400:
            raise HttpError(f"HTTP {response.status} for {url}", status=response.status,
                            transient=response.status not in PERMANENT_STATUSES)
        if expect_pdf and not looks_like_document(response.content):
            kind = (response.content_type or "unknown type").split(";")[0]
            raise NotPdf(f"not a PDF ({kind}, {len(response.content)} bytes) at {response.url}",
                         status=response.status)
        return response

    def _follow(self, url: str, headers: dict[str, str], limit: int) -> Response:
        """Follow redirects by hand so each hop is re-checked (scheme, robots.txt)."""
        current = url
        for _ in range(self.settings.max_redirects + 1):
            self.check_url(current)
            response = self._send("GET", current, headers, limit)
            location = response.headers.get("location")
            if response.status in (301, 302, 303, 307, 308) and location:
                current = urljoin(current, location)
                continue
            return response
        raise HttpError(f"more than {self.settings.max_redirects} redirects from {url}")

    def _backoff(self, attempt: int) -> float:
        base = self.settings.backoff * (2 ** attempt)
        return base + random.uniform(0, base / 4) if base else 0.0


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MiB" if n >= 1024 * 1024 else f"{n} bytes"


_default: PoliteClient | None = None
_default_lock = threading.Lock()


def default_client() -> PoliteClient:
    """The process-wide client, so pacing and robots rules hold across ``fetch_url`` calls."""
    global _default
    with _default_lock:
        if _default is None:
            _default = PoliteClient()
        return _default


def fetch_pdf(url: str, *, client: httpx.Client | None = None, max_bytes: int = MAX_BYTES) -> bytes:
    """Bytes of the PDF at ``url`` under every rule above; ``FetchError`` with a reason otherwise.

    ``client`` (a plain httpx client, e.g. with a mock transport) is used as the transport.
    """
    if client is not None:
        polite = PoliteClient(Settings(max_bytes=max_bytes), client=client)
    else:
        polite = default_client()
    return polite.get(url, expect_pdf=True, max_bytes=max_bytes).content


def http_date(when: datetime) -> str:
    """An RFC 7231 date, as ``Last-Modified`` is written."""
    return email.utils.format_datetime(when.astimezone(UTC), usegmt=True)
