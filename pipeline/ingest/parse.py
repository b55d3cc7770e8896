"""The worker's half of an ingest: one document's bytes to its rows (parse, extract, match).

Kept apart from ``documents`` (the parent's half: inputs, the worker pool, the database)
so a worker process imports only what parsing needs: no SQLite, HTTP or progress-bar code
in its start-up, and the job and its results unpickle from this module alone.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache

from cspipe.extractors.pdf import PdfError, page_count
from cspipe.models import Extraction
from cspipe.pipeline.extract import box
from cspipe.pipeline.match.rows import DocumentBundle, bundle, failed_document

#: what each worker runs once when it starts (``box``'s "module:function")
WARM_UP = "cspipe.pipeline.ingest.parse:warm_up"


@dataclass
class Options:
    """Per-run settings shared by every document."""

    force: bool = False
    keep_contacts: bool = False
    max_pages: int | None = box.DEFAULT_MAX_PAGES  # read at most this many pages
    timeout: float | None = box.DEFAULT_TIMEOUT  # seconds of wall clock per document
    max_memory: int | None = box.DEFAULT_MEMORY_MB  # MiB per worker process
    boxed: bool = True  # parse in a worker process (False: in this process, no limits)


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


def failed(location: str, doc_id: str, reason: str, pages: int = 0,
           start: float | None = None) -> tuple[IngestResult, DocumentBundle]:
    """A document that could not be read: its result line and its failed row."""
    seconds = time.perf_counter() - start if start is not None else 0.0
    return (IngestResult(location, doc_id, "failed", reason, pages, seconds),
            failed_document(doc_id, location, reason, pages))


def extract_document(data: bytes, options: Options) -> Extraction:
    """The parse + extract step: bytes of one document -> Extraction (raises PdfError).

    A PDF, its scanned pages read by OCR, or a Word file (``pipeline.readers``). The
    registry's names, aliases and abbreviations (3+ letters) seed the NLP pipeline's
    ORG patterns, so a funder or recipient the registry knows is tagged by name; the tuple
    is built once per process (see ``_gazetteer``) and the pipeline is cached on it.
    """
    from cspipe.pipeline.extract.readers import read_document

    _pipeline()
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


def counts(b: DocumentBundle) -> dict[str, int]:
    return {
        "priorities": len(b.priorities),
        "activities": len(b.activities),
        "kpis": len(b.kpis) + sum(len(a.kpis) for a in b.activities),
        "funding": len(b.funding),
        "organisations": len(b.mentions),
    }


def warm_up() -> None:
    """Load what every document needs (registry, NLP pipeline) once per worker process."""
    from cspipe.pipeline.match.registry import Registry

    Registry.load()
    _pipeline()


@lru_cache(maxsize=1)
def _pipeline() -> None:
    """The NLP pipeline with the gazetteer, built once per process (worker or not).

    The gazetteer's phrase keys come from the cache an earlier run left (``phrase_cache``),
    and are left there for the next when they were not.
    """
    from cspipe.extractors import nlp
    from cspipe.pipeline.ingest import phrase_cache

    names = _gazetteer()
    kept = phrase_cache.load(names)
    if kept is not None:
        nlp.prime_phrase_keys(*kept)
    nlp.get_nlp(names)
    nlp.prime_phrase_keys("", {})  # built: the pipeline's matcher holds them now
    fingerprint, keys = nlp.phrase_keys()
    if kept is None or kept[0] != fingerprint or kept[1].keys() != keys.keys():
        phrase_cache.save(names, fingerprint, keys)


def parse_document(data: bytes, doc_id: str, location: str, options: Options,
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
        return failed(location, doc_id, reason, total or 0, start)
    except MemoryError:
        raise
    except Exception as exc:  # an extractor bug must not stop the batch; record it on the document
        reason = f"extraction error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        return failed(location, doc_id, reason, total or 0, start)
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
            counts(result_bundle),
        ),
        result_bundle,
    )
