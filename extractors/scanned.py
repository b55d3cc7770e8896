"""Which pages of a PDF are scans (to be read by OCR), and what OCR leaves on a page that is not text.

A scanned page is an image with no text layer, or a page whose area is mostly an image with
hardly any text on it (a scan with a typed header stamped over it, a printout photographed).
Pages like these are handed to OCR (``pipeline.ocr``); a born-digital page with a photograph
keeps its own text. Tesseract reads a table's vertical rules as "|": on a page the OCR wrote,
those glyphs are dropped before words, text and cells are read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cspipe.extractors.pdf import PageView, PdfError, open_pdf
from cspipe.extractors.pdfium_page import images_of

#: an image covering at least this share of the page makes the page a scan ...
IMAGE_SHARE = 0.5
#: ... when the page has fewer characters than this on top of its images
MAX_TEXT_CHARS = 200
#: a textless page is a scan only when some image covers this share of it (else it is blank)
MIN_IMAGE_SHARE = 0.1
#: most bytes a character takes in a content stream (a two-byte code written in hex)
TEXT_BYTES_PER_CHAR = 4
#: glyphs an OCR engine reads off the ruling lines of a scanned table
RULE_GLYPHS = frozenset("|¦")


def _image_share(boxes: list[tuple[float, float, float, float]], width: float, height: float) -> float:
    """The share of the page that image boxes (x0, y0, x1, y1) cover, overlaps counted once."""
    if not boxes or width <= 0 or height <= 0:
        return 0.0
    step = 20
    cols, rows = max(1, int(width // step)), max(1, int(height // step))
    covered: set[tuple[int, int]] = set()
    for x0, y0, x1, y1 in boxes[:200]:
        x0, x1 = max(0.0, x0), min(width, x1)
        y0, y1 = max(0.0, y0), min(height, y1)
        for i in range(int(x0 // step), min(cols, int(x1 // step) + 1)):
            for j in range(int(y0 // step), min(rows, int(y1 // step) + 1)):
                covered.add((i, j))
    return len(covered) / (cols * rows)


def is_scanned(chars: int, image_share: float) -> bool:
    """A page whose words are in an image: no text layer, or mostly image with little text."""
    if chars == 0:
        return image_share >= MIN_IMAGE_SHARE
    return image_share >= IMAGE_SHARE and chars < MAX_TEXT_CHARS


def pages_to_ocr(src: Path | str | bytes, *, max_pages: int | None = None) -> list[int]:
    """1-based numbers of the pages to read by OCR (none for a PDF that cannot be opened)."""
    try:
        with open_pdf(src, max_pages=max_pages) as views:
            return scanned_pages(views)
    except PdfError:
        return []


def scanned_pages(views: list[PageView]) -> list[int]:
    """1-based numbers of the open document's pages to read by OCR.

    A page whose content streams show more text than a scan could carry is passed over on the
    estimate alone (``PageView.budget``: the streams' string bytes, read under ``pdfguard``'s
    caps), and a page with no image once PDFium has listed its objects (its glyphs are not
    read), so a born-digital paper costs almost nothing here; only a page with images and
    little or no text is interpreted, for its characters and the area its images cover. A
    page that breaks a guard is left to the extractor, which reports it. The views are the
    extractor's own (``readers.read_pdf`` opens a document once), so what is learnt here
    (the estimate, a page's objects) is not worked out again.
    """
    out: list[int] = []
    for view in views:
        try:
            if view.budget.chars > TEXT_BYTES_PER_CHAR * MAX_TEXT_CHARS:
                continue
            view.check_budget()
            page = view.plumber
            boxes = [(float(im["x0"]), float(im["top"]), float(im["x1"]), float(im["bottom"]))
                     for im in images_of(page)[:200]]
            if not boxes:
                continue  # no image, no scan: its glyphs need not be counted
            chars = sum(1 for c in page.chars if not str(c.get("text", "")).isspace())
            if is_scanned(chars, _image_share(boxes, float(page.width), float(page.height))):
                out.append(view.number)
        except Exception:  # noqa: BLE001 - a broken or hostile page: the extractor says why
            continue
    return out


def without_rule_glyphs(page: Any) -> Any:
    """The pdfplumber page without the "|" glyphs an OCR engine read off vertical rules."""
    return page.filter(lambda obj: not (obj.get("object_type") == "char"
                                        and obj.get("text") in RULE_GLYPHS))


#: what Tesseract reads a list bullet as ("•" -> "¢", "«", "e", "°", "©"), when it stands alone
MISREAD_BULLETS = frozenset({"¢", "«", "»", "°", "©", "®", "e", "o", "*", "+", "·", "§", "@"})


def misread_bullets(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Words of an OCRed page with a misread bullet that opens a line given back as "•".

    A one-glyph word at the start of a line, with the line's text after it, is a bullet:
    a sentence never opens with "¢" or a lone "e".
    """
    rows: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
        if rows and abs(float(rows[-1][0]["top"]) - float(w["top"])) <= 3:
            rows[-1].append(w)
        else:
            rows.append([w])
    fixed: dict[int, dict[str, Any]] = {}
    for row in rows:
        row.sort(key=lambda w: float(w["x0"]))
        first = row[0]
        if len(row) > 1 and str(first["text"]) in MISREAD_BULLETS \
                and float(row[1]["x0"]) - float(first["x1"]) > 2:
            fixed[id(first)] = dict(first, text="•")
    return [fixed.get(id(w), w) for w in words] if fixed else words


def ocr_words(plumber: Any) -> list[dict[str, Any]]:
    """An OCRed page's words in the order the OCR wrote them.

    Tesseract may give two words boxes that overlap ("Management" reaching into "for"); sorted
    by position their letters interleave ("Managemefnort"), in the OCR's own order they do not.
    """
    return plumber.extract_words(keep_blank_chars=False, use_text_flow=True,
                                 extra_attrs=["fontname", "size"])
