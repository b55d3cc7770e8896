"""Resolving inputs (files, folders, URLs) to documents' bytes, each with where it came from."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from cspipe.pipeline.fetch.errors import FetchError
from cspipe.pipeline.fetch.http import fetch_pdf

MAX_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """One input: a local path or an http(s) URL, as the user gave it."""

    location: str

    @property
    def is_url(self) -> bool:
        return self.location.startswith(("http://", "https://"))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def failure_id(source: Source) -> str:
    """Id for an input whose bytes could not be read at all (no PDF bytes to hash)."""
    return sha256(f"unreadable:{source.location}".encode())


def expand(inputs: list[str]) -> Iterator[Source]:
    """Files as given, folders recursively (documents, sorted), URLs as given; each once."""
    seen: set[str] = set()
    for item in inputs:
        if item.startswith(("http://", "https://")):
            found = [item]
        else:
            path = Path(item)
            if path.is_dir():
                found = sorted(str(p) for p in path.rglob("*") if p.is_file() and _is_document(p))
            else:
                found = [str(path)]
        for location in found:
            if location not in seen:
                seen.add(location)
                yield Source(location)


def _is_document(path: Path) -> bool:
    """A file in a folder worth reading: named as a document (a broken one then fails with its
    reason), or a PDF / Word file by its first bytes whatever its name."""
    from cspipe.extractors.formats import DOCUMENT_KINDS, SUFFIXES, sniff

    if path.suffix.lower() in SUFFIXES:
        return True
    try:
        with path.open("rb") as f:
            return sniff(f.read(4096)) in DOCUMENT_KINDS
    except OSError:
        return False


def read(source: Source, *, client: httpx.Client | None = None) -> bytes:
    """The input's bytes, or ``FetchError`` with a one-line reason."""
    if source.is_url:
        return fetch_url(source.location, client=client)
    path = Path(source.location)
    if not path.exists():
        raise FetchError("no such file")
    if path.is_dir():
        raise FetchError("is a folder with no PDFs")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FetchError(f"cannot read file: {exc.strerror or exc}") from exc


def fetch_url(url: str, *, client: httpx.Client | None = None, max_bytes: int = MAX_BYTES) -> bytes:
    """GET a PDF politely (robots.txt, rate limit, retries, size cap, %PDF check): ``cspipe.pipeline.fetch.http``."""

    return fetch_pdf(url, client=client, max_bytes=max_bytes)
