"""Ingesting documents end to end: read, extract, match, load. Plain Python; flows/ wraps it.

Each document is independent: a bad one is recorded as failed with its reason
and the batch goes on. Documents are keyed by the sha256 of their bytes, so
re-running skips what is already loaded by the same extractor version.
Parsing runs in a worker process with a time, memory and page limit (``cspipe.pipeline.extract.box``),
so a hostile PDF costs at most its limits: it gets a failed row naming the limit.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import sqlite_utils

from cspipe.extractors.pdf import PdfError, page_count
from cspipe.models import Extraction
from cspipe.pipeline.extract import box
from cspipe.pipeline.fetch import inputs as fetch
from cspipe.pipeline.fetch.errors import FetchError
from cspipe.pipeline.match.rows import EXTRACTOR_VERSION, DocumentBundle, bundle, failed_document
from cspipe.pipeline.store.load import loaded_version, open_db, write_document


@dataclass
class Options:
    """Per-run settings shared by every document."""

    force: bool = False
    keep_contacts: bool = False
    max_pages: int | None = box.DEFAULT_MAX_PAGES  # read at most this many pages
    timeout: float | None = box.DEFAULT_TIMEOUT  # seconds of wall clock per document
    max_memory: int | None = box.DEFAULT_MEMORY_MB  # MiB per worker process
    boxed: bool = True  # parse in a worker process (False: in this process, no limits)


#: why a document is skipped: said on every skipped line, so a second run explains itself
SKIPPED = "already loaded: these bytes were ingested before (--force extracts them again)"


@dataclass
class IngestResult:
    source: str
    document_id: str | None
    status: str  # ok | partial | failed | skipped
    error: str | None = None
    pages: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        counts = ", ".join(f"{v} {k}" for k, v in self.counts.items() if v)
        detail = self.error if self.status in ("failed", "skipped") else counts
        return f"{self.status:7} {self.source}" + (f"  ({detail})" if detail else "")


def extract_document(data: bytes, options: Options) -> Extraction:
    """The parse + extract step: bytes of one document -> Extraction (raises PdfError).

    A PDF, its scanned pages read by OCR, or a Word file (``pipeline.readers``). The
    registry's names, aliases and abbreviations (3+ letters) seed the NLP pipeline's
    ORG patterns, so a funder or recipient the registry knows is tagged by name; the tuple
    is built once per process (see ``_gazetteer``) and the pipeline is cached on it.
    """
    from cspipe.pipeline.extract.readers import read_document

    return read_document(data, gazetteer=_gazetteer(), max_pages=options.max_pages,
                         keep_contacts=options.keep_contacts,
                         timeout=options.timeout)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[str, ...]:
    """Organisation names, aliases and 3+ letter abbreviations the registry holds."""
    from cspipe.pipeline.match.registry import Registry

    names: set[str] = set()
    for org in Registry.load():
        names.add(org.name)
        names.update(org.aliases)
        names.update(a for a in org.abbreviations if len(a) >= 3)
    return tuple(sorted(n for n in names if n.strip()))


def assemble_document(document_id: str, source: str, extraction: Extraction) -> DocumentBundle:
    """The match step: organisations, partnership and authority resolved, rows validated."""
    from cspipe.pipeline.match.registry import Registry
    from cspipe.pipeline.match.resolve import resolve

    return bundle(document_id, source, extraction, resolve(extraction, Registry.load()))


def _counts(b: DocumentBundle) -> dict[str, int]:
    return {
        "priorities": len(b.priorities),
        "activities": len(b.activities),
        "kpis": len(b.kpis) + sum(len(a.kpis) for a in b.activities),
        "funding": len(b.funding),
        "organisations": len(b.mentions),
    }


def prepare(
    source: fetch.Source, options: Options, is_loaded: Callable[[str], bool] = lambda _id: False
) -> tuple[IngestResult, DocumentBundle | None]:
    """Everything but the write, so it can run in a worker: read, hash, extract, match.

    Reading and hashing happen here; parsing happens in a boxed worker process, which
    reports the page count first so a document stopped by a limit keeps it.
    """
    start = time.perf_counter()
    try:
        data = fetch.read(source)
    except FetchError as exc:
        doc_id = fetch.failure_id(source)
        return (
            IngestResult(source.location, doc_id, "failed", str(exc)),
            failed_document(doc_id, source.location, str(exc)),
        )
    doc_id = fetch.sha256(data)
    if not options.force and is_loaded(doc_id):
        return IngestResult(source.location, doc_id, "skipped", SKIPPED), None
    if not options.boxed:
        return _parse(data, doc_id, source.location, options, start)
    try:
        outcome = box.box_for(options.max_memory, "cspipe.pipeline.ingest.documents:warm_up").run(
            _parse, data, doc_id, source.location, options, start, timeout=options.timeout)
    except box.LimitExceeded as exc:
        reason, pages = str(exc), int(exc.info.get("pages") or 0)
        return (
            IngestResult(source.location, doc_id, "failed", reason, pages,
                         time.perf_counter() - start),
            failed_document(doc_id, source.location, reason, pages),
        )
    return outcome.value


def warm_up() -> None:
    """Load what every document needs (registry, NLP pipeline) once per worker process."""
    from cspipe.extractors import nlp
    from cspipe.pipeline.match.registry import Registry

    Registry.load()
    nlp.get_nlp(_gazetteer())


def _parse(data: bytes, doc_id: str, location: str, options: Options,
           start: float) -> tuple[IngestResult, DocumentBundle]:
    """Parse, extract and match one document's bytes (in a worker process)."""
    total = page_count(data)
    box.notify(pages=total)
    try:
        extraction = extract_document(data, options)
        if any("MemoryError" in f.reason for f in extraction.failed_pages):
            raise MemoryError  # a page ran out under the worker's limit: the document did
        result_bundle = assemble_document(doc_id, location, extraction)
    except PdfError as exc:
        reason = str(exc)
        if "MemoryError" in reason:
            raise MemoryError from exc
        return (
            IngestResult(location, doc_id, "failed", reason, total or 0,
                         seconds=time.perf_counter() - start),
            failed_document(doc_id, location, reason, total or 0),
        )
    except MemoryError:
        raise
    except Exception as exc:  # an extractor bug must not stop the batch; record it on the document
        reason = f"extraction error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        return (
            IngestResult(location, doc_id, "failed", reason, total or 0,
                         seconds=time.perf_counter() - start),
            failed_document(doc_id, location, reason, total or 0),
        )
    result_bundle.keep_contacts = options.keep_contacts
    doc = result_bundle.document
    if total and options.max_pages and total > options.max_pages:
        note = f"page limit: read the first {options.max_pages} of {total} pages (--max-pages)"
        doc = result_bundle.document = doc.model_copy(update={
            "pages": total, "status": "partial",
            "error": f"{note}; {doc.error}" if doc.error else note})
    return (
        IngestResult(
            location,
            doc_id,
            doc.status,
            doc.error,
            doc.pages,
            time.perf_counter() - start,
            _counts(result_bundle),
        ),
        result_bundle,
    )


def already_loaded(db: sqlite_utils.Database, document_id: str) -> bool:
    """Loaded before, by this extractor version, and not failed (failures are retried)."""
    found = loaded_version(db, document_id)
    return found is not None and found[0] != "failed" and found[1] == EXTRACTOR_VERSION


def loaded_ids(db: sqlite_utils.Database) -> frozenset[str]:
    """Ids of documents ``already_loaded`` would skip."""
    return frozenset(
        row[0]
        for row in db.execute(
            "SELECT id FROM documents WHERE status != 'failed' AND extractor_version = ?",
            [EXTRACTOR_VERSION],
        ).fetchall()
    )


def ingest(
    inputs: Iterable[str],
    db_path: str | Path,
    options: Options | None = None,
    *,
    workers: int = 1,
    report: Callable[[IngestResult], None] | None = None,
    expect: Callable[[int], None] | None = None,
) -> list[IngestResult]:
    """Ingest every input into ``db_path``; the database is the single writer (this process).

    ``expect`` is told how many documents the inputs hold before the first is read (a progress
    bar's total); ``report`` is called with each document's result as it is written.
    """
    options = options or Options()
    db = open_db(db_path)
    sources = list(fetch.expand(list(inputs)))
    if expect:
        expect(len(sources))
    results: list[IngestResult] = []

    def finish(result: IngestResult, b: DocumentBundle | None) -> None:
        if b is not None:
            write_document(db, b)
        results.append(result)
        if report:
            report(result)

    try:
        if workers <= 1 or len(sources) <= 1:
            for source in sources:
                finish(*prepare(source, options, lambda doc_id: already_loaded(db, doc_id)))
        else:
            skip = frozenset() if options.force else loaded_ids(db)
            # threads only wait: each parses in its own boxed worker process (N workers)
            with ThreadPoolExecutor(max_workers=workers) as pool:
                futures = deque(pool.submit(prepare, s, options, skip.__contains__) for s in sources)
                while futures:  # a written document's future is let go, and its rows with it
                    finish(*futures.popleft().result())
    finally:
        db.close()
    return results
