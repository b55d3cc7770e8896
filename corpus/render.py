"""Shared reportlab helpers for the corpus builders: page templates, styles, ruled tables, gold files.

Each document builder in ``corpus/src/`` composes a platypus story with these
helpers so that the PDFs look like council papers (portrait report pages,
landscape action-plan pages, ruled tables that run over page breaks, spanning
cells) and writes a gold JSON next to the PDF.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

CORPUS_DIR = Path(__file__).resolve().parent

_base = getSampleStyleSheet()
HEADER_FILL = colors.HexColor("#D9E2F3")
FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"


def styles(font: str = FONT, bold: str = FONT_BOLD, size: float = 10) -> dict[str, ParagraphStyle]:
    """Paragraph styles in one font family (variants use another family or size)."""
    body = ParagraphStyle("body", parent=_base["Normal"], fontName=font, fontSize=size,
                          leading=size * 1.25, alignment=TA_LEFT, spaceAfter=size * 0.5)
    return {
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=size - 1.5, leading=(size - 1.5) * 1.2,
                               spaceAfter=0),
        "cellbold": ParagraphStyle("cellbold", parent=body, fontName=bold, fontSize=size - 1.5,
                                   leading=(size - 1.5) * 1.2, spaceAfter=0),
        "h1": ParagraphStyle("h1", parent=body, fontName=bold, fontSize=size + 6, leading=(size + 6) * 1.2,
                             spaceAfter=size),
        "h2": ParagraphStyle("h2", parent=body, fontName=bold, fontSize=size + 3, leading=(size + 3) * 1.2,
                             spaceBefore=size * 0.6, spaceAfter=size * 0.5),
        "h3": ParagraphStyle("h3", parent=body, fontName=bold, fontSize=size + 1, leading=(size + 1) * 1.2,
                             spaceBefore=size * 0.4, spaceAfter=size * 0.3),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4),
        "small": ParagraphStyle("small", parent=body, fontSize=size - 2, leading=(size - 2) * 1.2),
    }


S = styles()


def register_fonts(fonts: dict[str, str]) -> None:
    """Register TrueType fonts shipped with reportlab (e.g. ``{"Vera": "Vera.ttf"}``) once each.

    Bitstream Vera is embedded with a ToUnicode map, so bullets and dashes extract as text, as
    in Word PDFs; Helvetica's bullet does not.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in fonts.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, file))


VERA_FAMILY = {"Vera": "Vera.ttf", "Vera-Bold": "VeraBd.ttf", "Vera-Italic": "VeraIt.ttf",
               "Vera-BoldItalic": "VeraBI.ttf"}


def register_vera_family() -> None:
    """The Vera family under one name, so ``<b>``/``<i>`` in a Vera paragraph always map the same
    way whichever builders ran before (the output must not depend on build order)."""
    from reportlab.lib.fonts import addMapping

    register_fonts(VERA_FAMILY)
    for bold, italic, name in ((0, 0, "Vera"), (1, 0, "Vera-Bold"), (0, 1, "Vera-Italic"),
                               (1, 1, "Vera-BoldItalic")):
        addMapping("Vera", bold, italic, name)


def esc(text: str) -> str:
    """Escape text for a reportlab Paragraph (which reads a little XML)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str, style: str | ParagraphStyle = "body", st: dict[str, ParagraphStyle] | None = None) -> Paragraph:
    """A paragraph of plain text (escaped); pass ``<b>`` etc. through ``markup=`` helpers if needed."""
    st = st or S
    return Paragraph(esc(text), st[style] if isinstance(style, str) else style)


def markup(text: str, style: str = "body", st: dict[str, ParagraphStyle] | None = None) -> Paragraph:
    """A paragraph whose text already holds reportlab markup (<b>, <i>, <u>, <br/>)."""
    st = st or S
    return Paragraph(text, st[style])


def cell(text: str | None, bold: bool = False, st: dict[str, ParagraphStyle] | None = None) -> Paragraph | str:
    """A table cell that wraps; newlines in ``text`` become line breaks."""
    if not text:
        return ""
    st = st or S
    return Paragraph(esc(text).replace("\n", "<br/>"), st["cellbold" if bold else "cell"])


def ruled_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    *,
    header_rows: int = 1,
    repeat_header: bool = True,
    spans: Iterable[tuple[tuple[int, int], tuple[int, int]]] = (),
    merged: Iterable[tuple[tuple[int, int], tuple[int, int]]] = (),
    grid: bool = True,
    header_fill: colors.Color | None = HEADER_FILL,
    split_in_row: bool = True,
    extra_style: Sequence[tuple] = (),
) -> Table:
    """A table with ruling lines that may run over page breaks.

    ``spans`` are ((col0,row0),(col1,row1)) for merged cells (reportlab SPAN);
    a SPAN cannot cross a page break, so for a cell merged over many rows (the
    Priority cell of an action plan) use ``merged`` instead: the same
    rectangles, drawn as Word draws a merged cell (no inner rules, text in the
    first cell), which may run over page breaks.
    ``repeat_header`` repeats the header rows on each page the table runs over.
    ``split_in_row`` lets one tall row break across a page (half on each page),
    as Word does; set False to keep each row whole.
    ``grid=False`` draws no lines at all (whitespace-aligned columns).
    """
    style: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    merged = list(merged)
    if grid and not merged:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif grid:
        style.append(("BOX", (0, 0), (-1, -1), 0.5, colors.black))
        # close each page's part of the table, as Word does
        style.append(("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.5, colors.black))
        style.append(("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.5, colors.black))
        inside = set()
        for (c0, r0), (c1, r1) in merged:
            c1 = c1 if c1 >= 0 else len(col_widths) + c1
            r1 = r1 if r1 >= 0 else len(rows) + r1
            for c in range(c0, c1 + 1):
                for r in range(r0, r1 + 1):
                    if r > r0:
                        inside.add(("above", c, r))
                    if c > c0:
                        inside.add(("before", c, r))
        for r in range(len(rows)):
            for c in range(len(col_widths)):
                if r > 0 and ("above", c, r) not in inside:
                    style.append(("LINEABOVE", (c, r), (c, r), 0.5, colors.black))
                if c > 0 and ("before", c, r) not in inside:
                    style.append(("LINEBEFORE", (c, r), (c, r), 0.5, colors.black))
    if header_fill is not None and header_rows:
        style.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), header_fill))
    for a, b in spans:
        style.append(("SPAN", a, b))
    style.extend(extra_style)
    table = LeftTable(
        [list(r) for r in rows],
        colWidths=list(col_widths),
        repeatRows=header_rows if repeat_header else 0,
        splitInRow=1 if split_in_row else 0,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(style))
    return table


class LeftTable(Table):
    """A Table whose halves stay left-aligned when a row is split over a page break.

    reportlab rebuilds split halves through ``self.__class__(...)`` without ``hAlign``,
    which would centre them; defaulting to LEFT keeps them under the rest of the table.
    """

    def __init__(self, *args: Any, hAlign: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, hAlign=hAlign or "LEFT", **kwargs)


FooterFn = Callable[[Any, Any], None]


def build_pdf(
    path: Path,
    story: list[Flowable],
    *,
    pagesize: tuple[float, float] = A4,
    margin: float = 18 * mm,
    footer: str | None = None,
    header: str | None = None,
    title: str | None = None,
    author: str | None = None,
    font: str = FONT,
) -> None:
    """Render ``story`` to ``path``.

    Two page templates exist: ``portrait`` (the first) and ``landscape``. Switch
    with ``NextPageTemplate('landscape')`` followed by ``PageBreak()``. A footer
    string may hold ``{page}`` for the page number.
    """

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        w, h = canvas._pagesize
        if footer:
            canvas.drawCentredString(w / 2, 10 * mm, footer.format(page=doc.page))
        if header:
            canvas.drawRightString(w - margin, h - 10 * mm, header)
        canvas.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                          topMargin=margin, bottomMargin=margin, title=title or "", author=author or "")
    pw, ph = pagesize
    lw, lh = landscape(pagesize)
    doc.addPageTemplates([
        PageTemplate(id="portrait", pagesize=(pw, ph), onPage=decorate,
                     frames=[Frame(margin, margin, pw - 2 * margin, ph - 2 * margin, id="p")]),
        PageTemplate(id="landscape", pagesize=(lw, lh), onPage=decorate,
                     frames=[Frame(margin, margin, lw - 2 * margin, lh - 2 * margin, id="l")]),
    ])
    doc.build(story)


def page_of(pdf_path: Path, needle: str, start_page: int = 1) -> int:
    """1-based page where ``needle`` (whitespace-insensitive) first appears, from ``start_page`` on.

    Used by builders to put page numbers into gold files after rendering; the
    content of the gold is written by hand from the seed text.
    """
    import pdfplumber

    key = re.sub(r"\s+", "", needle)[:60]
    with pdfplumber.open(str(pdf_path)) as pdf:
        for i, page in enumerate(pdf.pages[start_page - 1:], start=start_page):
            text = re.sub(r"\s+", "", page.extract_text() or "")
            if key in text:
                return i
    raise ValueError(f"{needle[:60]!r} not found in {pdf_path.name}")


def write_gold(path: Path, gold: dict[str, Any]) -> None:
    path.write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


__all__ = [
    "A4", "CORPUS_DIR", "FONT", "FONT_BOLD", "NextPageTemplate", "PageBreak", "S", "Spacer",
    "build_pdf", "cell", "register_fonts", "register_vera_family", "colors", "esc", "landscape", "markup", "mm", "page_of", "para",
    "ruled_table", "styles", "write_gold",
]


def page_finder(pdf_path: Path) -> Callable[..., int]:
    """``page_of`` for many look-ups in one PDF: reads each page's text once.

    Returns ``find(needle, start_page=1)`` with exactly ``page_of``'s matching
    (whitespace-insensitive, first 60 characters of the needle).
    """
    import pdfplumber

    with pdfplumber.open(str(pdf_path)) as pdf:
        texts = [re.sub(r"\s+", "", page.extract_text() or "") for page in pdf.pages]

    def find(needle: str, start_page: int = 1) -> int:
        key = re.sub(r"\s+", "", needle)[:60]
        for i in range(start_page - 1, len(texts)):
            if key in texts[i]:
                return i + 1
        raise ValueError(f"{needle[:60]!r} not found in {pdf_path.name}")

    return find
