"""Render a ``corpus.doc.Document`` with reportlab (the corpus's own typesetting, via render.py).

Sections become page templates (one per section, so each has its orientation and
running header/footer); merged cells are drawn as Word draws them
(``render.ruled_table``'s ``merged``), so a Priority cell may run over pages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import doc as m
from render import esc, register_fonts, ruled_table, styles
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Spacer,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph

TTF = "/usr/share/fonts/truetype"
#: model font -> (regular, bold) reportlab font names, and the TrueType files to register
FAMILIES: dict[str, tuple[str, str, dict[str, str]]] = {
    "arial": ("Helvetica", "Helvetica-Bold", {}),
    "times": ("Times-Roman", "Times-Bold", {}),
    "calibri": ("Carlito", "Carlito-Bold", {"Carlito": f"{TTF}/crosextra/Carlito-Regular.ttf",
                                            "Carlito-Bold": f"{TTF}/crosextra/Carlito-Bold.ttf"}),
    "verdana": ("DejaVuSans", "DejaVuSans-Bold", {"DejaVuSans": f"{TTF}/dejavu/DejaVuSans.ttf",
                                                  "DejaVuSans-Bold": f"{TTF}/dejavu/DejaVuSans-Bold.ttf"}),
}
BULLET_FONT = "DejaVuSans"  # a bullet glyph with a Unicode map, as Word PDFs have
PAPER = {"a4": A4, "letter": LETTER}
ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


def fonts(name: str) -> tuple[str, str]:
    regular, bold, files = FAMILIES[name]
    register_fonts({**files, BULLET_FONT: f"{TTF}/dejavu/DejaVuSans.ttf"})
    if files:
        addMapping(regular, 0, 0, regular)
        addMapping(regular, 1, 0, bold)
        addMapping(regular, 0, 1, regular)
        addMapping(regular, 1, 1, bold)
    return regular, bold


STANDARD_FONTS = ("Helvetica", "Times-Roman")


def rich(text: str, font: str = "") -> str:
    """``**bold**`` as reportlab markup; in a standard PDF font, characters it cannot encode
    (ballot boxes, arrows) are set in DejaVu Sans, as Word substitutes a font that has them."""
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", esc(text))
    if font in STANDARD_FONTS:
        out = re.sub(r"[^\x00-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]+",
                     lambda mt: f'<font name="{BULLET_FONT}">{mt.group(0)}</font>', out)
    return out


class Picture(Flowable):
    """A figure with no text layer: a frame and a few tinted boxes."""

    def __init__(self, width: float, height: float, seed: int) -> None:
        super().__init__()
        self.width, self.height, self.seed = width, height, seed

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(colors.HexColor("#A6A6A6"))
        c.rect(0, 0, self.width, self.height)
        for x, y, w, h, fill in m.figure_boxes(self.width, self.height, self.seed):
            c.setFillColor(colors.HexColor(fill))
            c.roundRect(x, y, w, h, 6, stroke=1, fill=1)


def aligned(style: ParagraphStyle, align: str) -> ParagraphStyle:
    """``style`` set left, centred or flush right."""
    if align == "left":
        return style
    return ParagraphStyle(f"{style.name}-{align}", parent=style, alignment=ALIGN[align])


class Styles:
    def __init__(self, d: m.Document, size: float | None = None) -> None:
        regular, bold = fonts(d.font)
        self.st = styles(font=regular, bold=bold, size=size or d.size)
        self.bold = bold
        self.font = regular
        self.st["bullet"] = ParagraphStyle("mbullet", parent=self.st["body"], leftIndent=16, bulletIndent=4,
                                           bulletFontName=BULLET_FONT, spaceAfter=2)
        self.st["indent"] = ParagraphStyle("mindent", parent=self.st["body"], leftIndent=16)

    def cell_styles(self, size: float) -> dict[str, ParagraphStyle]:
        body = ParagraphStyle(f"mc{size}", parent=self.st["body"], fontSize=size, leading=size * 1.2,
                              spaceAfter=2)
        return {"body": body, "small": body, "indent": body,
                "bold": ParagraphStyle(f"mcb{size}", parent=body, fontName=self.bold),
                "bullet": ParagraphStyle(f"mcl{size}", parent=body, leftIndent=10, bulletIndent=1,
                                         bulletFontName=BULLET_FONT, spaceAfter=1),
                "h1": ParagraphStyle(f"mch{size}", parent=body, fontName=self.bold),
                "h2": ParagraphStyle(f"mch{size}", parent=body, fontName=self.bold),
                "h3": ParagraphStyle(f"mch{size}", parent=body, fontName=self.bold)}


def hanging(style: ParagraphStyle, number: str, level: int) -> ParagraphStyle:
    """``style`` with its text at the model's hanging indent and the number in the margin before it."""
    return ParagraphStyle(f"{style.name}-n{level}", parent=style, leftIndent=m.text_indent_mm(level) * mm,
                          bulletIndent=m.marker_indent_mm(level) * mm, bulletFontName=style.fontName,
                          bulletFontSize=style.fontSize)


def blocks(items: list[m.Flow], st: dict[str, ParagraphStyle], s: Styles, width: float,
           bold: bool = False, align: str = "left") -> list[Flowable]:
    """Flowables of ``items``; ``align`` (a cell's) sets every paragraph not aligned itself."""
    out: list[Flowable] = []
    for b in items:
        if isinstance(b, m.Heading):
            style = st[f"h{min(b.level, 3)}"]
            out.append(RLParagraph(rich(b.text, s.font), aligned(style, b.align if b.align != "left" else align)))
        elif isinstance(b, m.Paragraph):
            style = st["bold"] if bold and "bold" in st else st["small" if b.small else
                                                                 "indent" if b.indent else "body"]
            if b.number is not None:
                number = rich(b.number, s.font) or None
                out.append(RLParagraph(rich(b.text, s.font), hanging(style, b.number, b.level), bulletText=number))
            else:
                out.append(RLParagraph(rich(b.text, s.font), aligned(style, b.align if b.align != "left" else align)))
        elif isinstance(b, m.Space):
            out.append(Spacer(1, b.mm * mm))
        elif isinstance(b, m.Bullets):
            style = st["bullet"]
            if b.level > 1:
                step = m.STEP_MM * mm * (b.level - 1)
                style = ParagraphStyle(f"{style.name}-l{b.level}", parent=style,
                                       leftIndent=style.leftIndent + step, bulletIndent=style.bulletIndent + step)
            for i, x in enumerate(b.items, start=1):
                mark = f"{i}." if b.numbered else "\u2022" if b.level == 1 else "o"
                out.append(RLParagraph(rich(x, s.font), style, bulletText=mark))
            out.append(Spacer(1, 3))
        elif isinstance(b, m.Figure):
            out += [Spacer(1, 4), Picture(width * b.width, b.height, b.seed), Spacer(1, 6)]
        elif isinstance(b, m.PageBreak):
            out.append(RLPageBreak())
        elif isinstance(b, m.Table):
            out += [table(b, s, width), Spacer(1, 8)]
    return out


def table(t: m.Table, s: Styles, width: float) -> Flowable:
    size = t.size or s.st["body"].fontSize - 1.5
    st = s.cell_styles(size)
    total = sum(t.widths)
    widths = [width * w / total for w in t.widths]
    rows: list[list[Any]] = []
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = []
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    extra: list[tuple] = []
    for r, row in enumerate(t.rows):
        out: list[Any] = []
        for c, x in enumerate(row):
            if x is None:
                out.append("")
                continue
            w = sum(widths[c:c + x.colspan]) - 6
            flows = blocks(list(x.blocks), st, s, w, bold=x.bold or r < t.header_rows, align=x.align)
            out.append(flows[0] if len(flows) == 1 else flows or "")
            if x.rowspan > 1 or x.colspan > 1:
                merged.append(((c, r), (c + x.colspan - 1, r + x.rowspan - 1)))
            if x.colspan > 1 and x.rowspan == 1:
                spans.append(((c, r), (c + x.colspan - 1, r)))
            if x.fill:
                extra.append(("BACKGROUND", (c, r), (c + x.colspan - 1, r + x.rowspan - 1),
                              colors.HexColor(x.fill)))
        rows.append(out)
    if t.ruled == "header" and t.header_rows:
        extra.append(("LINEBELOW", (0, t.header_rows - 1), (-1, t.header_rows - 1), 0.8, colors.black))
    fill = colors.HexColor(t.header_fill) if t.header_fill and t.ruled == "grid" else None
    return ruled_table(rows, widths, header_rows=t.header_rows, repeat_header=t.repeat_header,
                       merged=merged if t.ruled == "grid" else [], spans=spans, grid=t.ruled == "grid",
                       header_fill=fill, split_in_row=t.split_rows, extra_style=extra)


def render(d: m.Document, pdf: Path) -> None:
    margin = d.margin_mm * mm
    templates: list[PageTemplate] = []
    story: list[Flowable] = []
    for i, sec in enumerate(d.sections):
        paper = PAPER[d.paper]
        s = Styles(d, sec.size)
        size = landscape(paper) if sec.orientation == "landscape" else paper
        w, h = size

        def decorate(canvas: Any, doc: Any, sec: m.Section = sec, w: float = w, h: float = h,
                     font: str = s.font) -> None:
            canvas.saveState()
            canvas.setFont(font, 8.5)
            if sec.header:
                canvas.drawString(margin, h - margin / 2, sec.header.format(page=doc.page))
            if sec.footer:
                canvas.drawRightString(w - margin, margin / 2, sec.footer.format(page=doc.page))
            canvas.restoreState()

        templates.append(PageTemplate(id=f"s{i}", pagesize=size, onPage=decorate,
                                      frames=[Frame(margin, margin, w - 2 * margin, h - 2 * margin)]))
        if i:
            story += [NextPageTemplate(f"s{i}"), RLPageBreak()]
        story += blocks(sec.blocks, s.st, s, w - 2 * margin - 12)
    out = BaseDocTemplate(str(pdf), pagesize=PAPER[d.paper], title=d.title, author=d.author,
                          leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin)
    out.addPageTemplates(templates)
    out.build(story)
