"""A pdfplumber page whose characters and shapes PDFium reads.

pdfplumber keeps everything it does well (grouping characters into words, the ruled-table
finder, cropping a cell's characters); only ``parse_objects``, where pdfminer interpreted the
page in Python, is asked of PDFium (``pdfium_objects``). A page this reader cannot place as
pdfminer would is read by pdfminer as before: a page turned by /Rotate, a media box not at
the origin, turned text, a Type 3 font, a font the resources do not name, or text that
PDFium cannot see.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pdfplumber
import pypdfium2 as pdfium

from cspipe.extractors import pdfium_objects
from cspipe.extractors.pdf_fonts import Type3Font, font_table


def images_of(page: pdfplumber.page.Page) -> list[dict[str, Any]]:
    """A page's image objects, read without its glyphs where PDFium reads the page."""
    return page.image_objects() if isinstance(page, PdfiumPage) else page.images


@contextmanager
def open_pdfium(data: bytes) -> Iterator[int | None]:
    """PDFium's handle on the document, or None where PDFium cannot open it (pdfminer reads)."""
    try:
        with pdfium_objects.LOCK:
            document = pdfium.PdfDocument(data)
    except (pdfium.PdfiumError, OSError, ValueError):
        yield None
        return
    try:
        yield pdfium_objects.document_handle(document)
    finally:
        with pdfium_objects.LOCK:
            document.close()


class PdfiumPage(pdfplumber.page.Page):
    """A pdfplumber ``Page`` reading its objects with PDFium; ``read_by`` says which engine did."""

    read_by: str = ""

    @classmethod
    def of(cls, page: pdfplumber.page.Page, document: int | None) -> pdfplumber.page.Page:
        """The same page read by PDFium, or ``page`` itself where PDFium cannot place it."""
        if document is None or page.rotation or page.mediabox[0] != 0 or page.mediabox[1] != 0:
            page.read_by = "pdfminer"
            return page
        out = cls(page.pdf, page.page_obj, page.page_number, page.initial_doctop)
        out._document = document
        return out

    def image_objects(self) -> list[dict[str, Any]]:
        """The page's images, without reading its glyphs where the objects are not read yet."""
        if hasattr(self, "_objects") or self.read_by == "pdfminer":
            return self.images
        try:
            return pdfium_objects.read_images(self._document, self.page_number - 1,
                                              height=float(self.height), page_number=self.page_number,
                                              doctop=float(self.initial_doctop))
        except pdfium_objects.Unsupported:
            return self.images

    def parse_objects(self) -> dict[str, list[dict[str, Any]]]:
        try:
            fonts = font_table(self.page_obj.resources)
            found = pdfium_objects.read_page(
                self._document, self.page_number - 1, height=float(self.height),
                page_number=self.page_number, doctop=float(self.initial_doctop), fonts=fonts)
        except (pdfium_objects.Unsupported, Type3Font):
            found = None
        if found is None or (not found.chars and self.page_obj.resources.get("Font")):
            self.read_by = "pdfminer"
            return super().parse_objects()
        self.read_by = "pdfium"
        objects = dict(found.shapes)
        if found.chars:
            objects["char"] = found.chars
        return objects
