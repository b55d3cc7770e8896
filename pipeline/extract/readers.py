"""One document's bytes to an ``Extraction``, whatever the file is: the step before matching.

The kind comes from the bytes (``extractors.formats``): a PDF is read as it is, its scanned
pages first given a text layer by OCR (``pipeline.ocr``); a .docx is read natively
(``extractors.word``); a .doc, .odt or .rtf is converted by LibreOffice (``pipeline.convert``)
and its PDF read. Anything else goes to the PDF reader, which says why it is not a PDF.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from cspipe.extractors import scanned
from cspipe.extractors.document import extract, extract_views
from cspipe.extractors.formats import sniff
from cspipe.extractors.pdf import PdfError, open_pdf
from cspipe.extractors.word import extract_docx
from cspipe.models import Extraction, PageFailure
from cspipe.pipeline.extract import box, convert, ocr

#: seconds allowed to a step when the run has no time limit
UNLIMITED = 3600.0


def read_document(data: bytes, *, gazetteer: Iterable[str] | None = None,
                  max_pages: int | None = None, keep_contacts: bool = False,
                  timeout: float | None = None) -> Extraction:
    """Extract one document; raises ``PdfError`` (or a subclass) with a one-line reason."""
    start = time.monotonic()
    kind = sniff(data)
    if kind == "docx":
        return extract_docx(data, gazetteer=gazetteer, max_pages=max_pages,
                            keep_contacts=keep_contacts)
    if kind in ("doc", "odt", "rtf"):
        pdf = convert.to_pdf(data, kind, timeout=_left(timeout, start, convert.DEFAULT_TIMEOUT))
        ex = read_pdf(pdf, gazetteer=gazetteer, max_pages=max_pages,
                      keep_contacts=keep_contacts, timeout=_left(timeout, start))
        return ex.model_copy(update={"source_format": kind})
    return read_pdf(data, gazetteer=gazetteer, max_pages=max_pages, keep_contacts=keep_contacts,
                    timeout=timeout)


def read_pdf(data: bytes, *, gazetteer: Iterable[str] | None = None, max_pages: int | None = None,
             keep_contacts: bool = False, timeout: float | None = None) -> Extraction:
    """A PDF, its scanned pages read by OCR when the extra is installed.

    Without it, the other pages are read and each scanned page fails with the install hint;
    a document that is all scans fails with it.
    """
    start = time.monotonic()
    options = {"gazetteer": gazetteer, "keep_contacts": keep_contacts}
    with open_pdf(data, max_pages=max_pages) as views:  # opened once: scan check, then extraction
        pages = scanned.scanned_pages(views)
        if not pages:
            return extract_views(views, **options)
        reason = ocr.missing()
        if reason:
            try:
                ex = extract_views(views, **options)
            except PdfError as exc:
                if "no text layer" in str(exc):
                    raise ocr.OcrUnavailable(f"no text layer: {reason}") from exc
                raise
            failures = [*ex.failed_pages, *(PageFailure(page=p, reason=reason) for p in pages)]
            return ex.model_copy(update={"failed_pages": sorted(failures, key=lambda f: f.page)})
    if timeout:  # OCR is slow: each scanned page adds to the document's time limit
        extra = ocr.SECONDS_PER_PAGE * len(pages)
        box.notify(extend_timeout=extra)
        timeout += extra
    budget = _left(timeout, start) - ocr.READ_MARGIN if timeout else None
    result = ocr.run(data, pages, timeout=max(5.0, budget) if budget is not None else UNLIMITED)
    ex = extract(result.data, ocr_pages=pages, max_pages=max_pages, **options)
    return ocr.with_confidence(ex, result)


def _left(timeout: float | None, start: float, cap: float | None = None) -> float:
    """Seconds left of ``timeout`` since ``start`` (at most ``cap``)."""
    left = UNLIMITED if timeout is None else max(1.0, timeout - (time.monotonic() - start))
    return min(left, cap) if cap else left
