"""Opening a PDF safely and reading its pages once.

Bad input must fail with one clear line (``PdfError``), never a traceback:
not a PDF, empty, truncated or corrupt, encrypted, or no text layer at all.
Hostile input must fail fast too: pdfminer is guarded against reference cycles and
decompression bombs (``pdfguard``), and a page whose content would take minutes to
interpret (tens of thousands of rules, rectangles or characters) is refused before
pdfminer reads it (``PageView.check_budget``).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from cspipe.extractors import pdfguard
from cspipe.extractors.page_text import text_of_words, words_of
from cspipe.extractors.pdfium_page import PdfiumPage, open_pdfium

pdfguard.install()

#: Work allowed on one page: drawing operators (paths, rules, rectangles) and characters.
#: pdfminer makes an object of each; past these a page costs more than a few seconds.
MAX_PAGE_PATHS = 20_000
MAX_PAGE_CHARS = 60_000


class PdfError(Exception):
    """A PDF that cannot be read; ``str(err)`` is the one-line reason."""


@dataclass
class PageView:
    """One page: its number, geometry and the pdfplumber page for tables and words."""

    number: int  # 1-based
    plumber: Any  # pdfplumber.page.Page
    width: float = field(init=False)
    height: float = field(init=False)

    def __post_init__(self) -> None:
        self.width = float(self.plumber.width)
        self.height = float(self.plumber.height)

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @cached_property
    def budget(self) -> pdfguard.PageCost:
        """What interpreting the page would cost, estimated from its content streams."""
        return pdfguard.page_cost(self.plumber.page_obj)

    def check_budget(self) -> None:
        """Raise ``PdfError`` when the page holds more than a page's worth of work."""
        cost = self.budget
        if cost.paths > MAX_PAGE_PATHS:
            raise PdfError(f"page over the work limit: about {cost.paths} drawing operations "
                           f"(limit {MAX_PAGE_PATHS})")
        if cost.chars > MAX_PAGE_CHARS:
            raise PdfError(f"page over the work limit: about {cost.chars} characters "
                           f"(limit {MAX_PAGE_CHARS})")

    @cached_property
    def text(self) -> str:
        """The page's text, laid out from its one word pass (``text_of_words``); a page with
        turned words is laid out by pdfplumber, which reads them in their own direction."""
        words = self.words
        if all(w.get("upright", True) for w in words):
            return text_of_words(words)
        return self.plumber.extract_text() or ""

    @cached_property
    def words(self) -> list[dict[str, Any]]:
        self.check_budget()
        return words_of(self.plumber.chars, keep_blank_chars=False, use_text_flow=False,
                        extra_attrs=["fontname", "size"])

    @property
    def has_text(self) -> bool:
        self.check_budget()
        return bool(self.plumber.chars)


def _source_bytes(src: Path | str | bytes) -> bytes:
    if isinstance(src, bytes):
        return src
    try:
        return Path(src).read_bytes()
    except OSError as exc:  # unreadable path
        raise PdfError(f"cannot read file: {exc.strerror or exc}") from exc


def check_header(data: bytes) -> None:
    """Reject what is plainly not a PDF before any parser sees it."""
    if not data:
        raise PdfError("empty file")
    if b"%PDF-" not in data[:1024]:
        raise PdfError("not a PDF (no %PDF header)")


@contextmanager
def open_pdf(src: Path | str | bytes, *, max_pages: int | None = None) -> Iterator[list[PageView]]:
    """Yield the document's pages; raise ``PdfError`` with a one-line reason when unreadable."""
    data = _source_bytes(src)
    check_header(data)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        raise PdfError(_reason(exc.args[0] if exc.args else exc)) from exc
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise PdfError("encrypted PDF (password required)") from exc
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise PdfError(f"corrupt PDF: {exc}") from exc
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - hostile files reach every pdfminer error path
        raise PdfError(_reason(exc)) from exc
    with ExitStack() as stack:
        stack.callback(_close, pdf)
        try:
            n = len(pdf.pages)
            if n == 0:
                raise PdfError("PDF has no pages")
            doc = stack.enter_context(open_pdfium(data))
            pages = [PageView(i + 1, PdfiumPage.of(p, doc)) for i, p in enumerate(pdf.pages[: max_pages or n])]
        except (PdfError, MemoryError):
            raise
        except Exception as exc:  # pdfminer raises many types on broken xref tables
            raise PdfError(_reason(exc.args[0] if isinstance(exc, PdfminerException) and exc.args
                                   else exc)) from exc
        yield pages


def _close(pdf: Any) -> None:
    try:
        pdf.close()
    except Exception:  # noqa: BLE001 - closing re-reads the page tree of a broken file
        pdf.stream.close()


def page_count(src: Path | str | bytes) -> int | None:
    """The number of pages the PDF holds, or None when it cannot be read. PDFium counts them from
    the page tree without parsing any page (an 8,000-page file in milliseconds, where pdfminer
    builds every page object first), so the count is known before any time limit strikes."""
    import pypdfium2 as pdfium

    try:
        data = _source_bytes(src)
        check_header(data)
        document = pdfium.PdfDocument(data)
    except (PdfError, pdfium.PdfiumError, OSError):
        return None
    try:
        return len(document)
    finally:
        document.close()


def _reason(exc: object) -> str:
    if isinstance(exc, PDFPasswordIncorrect | PDFEncryptionError):
        return "encrypted PDF (password required)"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"corrupt PDF: {text}"
