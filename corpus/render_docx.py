"""Render a ``corpus.doc.Document`` as a Word file (python-docx), exported to PDF by LibreOffice.

Councils write papers in Word and publish the PDF export: merged cells are real
Word merges, running headers and footers are Word headers/footers with a PAGE
field, landscape pages are their own sections, repeated header rows carry
``w:tblHeader``. ``soffice --headless --convert-to pdf`` does the export.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import doc as m
import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from pdfbytes import normalise

FONTS = {"arial": "Arial", "calibri": "Calibri", "verdana": "Verdana", "times": "Times New Roman"}
PAPER = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT}
HEADING_GROW = {1: 5, 2: 2.5, 3: 1}


def png(width: int, height: int, boxes: list[tuple[float, float, float, float, str]]) -> bytes:
    """A small RGB PNG of a figure: a grey frame and tinted boxes (x, y from the bottom, w, h, fill)."""
    rows = [[(255, 255, 255)] * width for _ in range(height)]
    for x, y, w, h, fill in boxes:
        rgb = tuple(int(fill[i:i + 2], 16) for i in (1, 3, 5))
        for r in range(max(0, int(height - y - h)), min(height, int(height - y))):
            for c in range(max(0, int(x)), min(width, int(x + w))):
                rows[r][c] = rgb  # type: ignore[assignment]
    for r in range(height):
        rows[r][0] = rows[r][-1] = (166, 166, 166)
    rows[0] = rows[-1] = [(166, 166, 166)] * width
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def runs(par, text: str, bold: bool = False, size: float | None = None) -> None:  # noqa: ANN001
    """``**bold**`` spans as bold runs."""
    for i, piece in enumerate(re.split(r"\*\*", text)):
        if piece:
            run = par.add_run(piece)
            run.bold = bold or i % 2 == 1
            if size:
                run.font.size = Pt(size)


def page_field(par, text: str) -> None:  # noqa: ANN001
    """Header/footer text with ``{page}`` as a Word PAGE field."""
    before, _, after = text.partition("{page}")
    if before:
        par.add_run(before)
    if "{page}" in text:
        run = par.add_run()
        for kind, value in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"),
                            ("end", None)):
            if kind == "instr":
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = value
            elif kind == "text":
                el = OxmlElement("w:t")
                el.text = value
            else:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
    if after:
        par.add_run(after)


def align(par, how: str) -> None:  # noqa: ANN001
    """Centre or right-align a paragraph (left is Word's default and stays unset)."""
    if how != "left":
        par.alignment = ALIGN[how]


def shade(c, fill: str) -> None:  # noqa: ANN001
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.lstrip("#"))
    c._tc.get_or_add_tcPr().append(shd)


def borders(table, ruled: str) -> None:  # noqa: ANN001
    """Table borders: all single lines ("grid") or none (rules added per row for "header")."""
    tbl_pr = table._tbl.tblPr
    el = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "single" if ruled == "grid" else "nil")
        b.set(qn("w:sz"), "4")
        b.set(qn("w:color"), "000000")
        el.append(b)
    tbl_pr.append(el)


def rule_below(c) -> None:  # noqa: ANN001
    tc_pr = c._tc.get_or_add_tcPr()
    el = OxmlElement("w:tcBorders")
    b = OxmlElement("w:bottom")
    b.set(qn("w:val"), "single")
    b.set(qn("w:sz"), "8")
    b.set(qn("w:color"), "000000")
    el.append(b)
    tc_pr.append(el)


def picture(par, b: m.Figure, width: int) -> None:  # noqa: ANN001
    """A figure as an inline picture ``b.width`` of ``width`` (EMU) wide and ``b.height`` pt high."""
    w = int(width * b.width)
    px_w, px_h = 300, max(20, int(300 * b.height / (w / 12700)))
    boxes = m.figure_boxes(px_w, px_h, b.seed)
    par.add_run().add_picture(io.BytesIO(png(px_w, px_h, boxes)), width=w, height=Pt(b.height))


class Writer:
    def __init__(self, d: m.Document) -> None:
        self.d = d
        self.doc = docx.Document()
        font = FONTS[d.font]
        for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title", "List Bullet", "List Number"):
            style = self.doc.styles[name]
            style.font.name = font
            rpr = style.element.get_or_add_rPr()
            rfonts = rpr.find(qn("w:rFonts"))
            if rfonts is None:
                rfonts = OxmlElement("w:rFonts")
                rpr.append(rfonts)
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                rfonts.set(qn(attr), font)
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
                rfonts.attrib.pop(qn(attr), None)
        self.doc.styles["Normal"].font.size = Pt(d.size)
        for level, grow in ((1, 5), (2, 2.5), (3, 1)):
            h = self.doc.styles[f"Heading {level}"]
            h.font.size = Pt(d.size + grow)
            h.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
            h.font.bold = True
        props = self.doc.core_properties
        props.title, props.author, props.last_modified_by = d.title, d.author, d.author
        fixed = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
        props.created = props.modified = fixed
        props.revision = 1

    def section(self, i: int, sec: m.Section) -> None:
        # a section in its own type size sets it on every run (Word's direct formatting)
        self.size = sec.size or self.d.size
        self.override = sec.size is not None and sec.size != self.d.size
        s = self.doc.sections[0] if i == 0 else self.doc.add_section(WD_SECTION.NEW_PAGE)
        land = sec.orientation == "landscape"
        s.orientation = WD_ORIENT.LANDSCAPE if land else WD_ORIENT.PORTRAIT
        w, h = PAPER[self.d.paper]
        s.page_width, s.page_height = (h, w) if land else (w, h)
        margin = Mm(self.d.margin_mm)
        s.left_margin = s.right_margin = s.top_margin = s.bottom_margin = margin
        s.header_distance = s.footer_distance = Mm(self.d.margin_mm / 2)
        for part, text, align in ((s.header, sec.header, 0), (s.footer, sec.footer, 2)):
            part.is_linked_to_previous = False
            par = part.paragraphs[0]
            par.alignment = align
            if text:
                page_field(par, text)
                for run in par.runs:
                    run.font.size = Pt(8.5)
        width = s.page_width - 2 * margin
        for b in sec.blocks:
            self.block(b, width)

    def block(self, b: m.Flow, width: int) -> None:
        d = self.doc
        body = self.size if self.override else None
        if isinstance(b, m.Heading):
            level = min(b.level, 3)
            par = d.add_heading(level=level)
            run = par.add_run(b.text.replace("**", ""))
            align(par, b.align)
            if self.override:
                run.font.size = Pt(self.size + HEADING_GROW[level])
        elif isinstance(b, m.Paragraph):
            par = d.add_paragraph()
            if b.indent:
                par.paragraph_format.left_indent = Mm(8)
            align(par, b.align)
            size = self.size - 2 if b.small else body
            if b.number is not None:
                self.hang(par, b, size)
            runs(par, b.text, size=size)
        elif isinstance(b, m.Space):
            d.add_paragraph().paragraph_format.space_before = Mm(b.mm)
        elif isinstance(b, m.Bullets):
            style = ("List Number" if b.numbered else "List Bullet") + (f" {b.level}" if b.level > 1 else "")
            for x in b.items:
                runs(d.add_paragraph(style=style), x, size=body)
        elif isinstance(b, m.Figure):
            picture(d.add_paragraph(), b, width)
        elif isinstance(b, m.PageBreak):
            d.add_page_break()
        elif isinstance(b, m.Table):
            self.table(b, width)
            d.add_paragraph()

    def hang(self, par, b: m.Paragraph, size: float | None) -> None:  # noqa: ANN001
        """A hanging number: the number, a tab to the text's indent, the text wrapping under itself."""
        fmt = par.paragraph_format
        text_at, number_at = Mm(m.text_indent_mm(b.level)), Mm(m.marker_indent_mm(b.level))
        fmt.left_indent = text_at
        if b.number:
            fmt.first_line_indent = number_at - text_at
            fmt.tab_stops.add_tab_stop(text_at, WD_TAB_ALIGNMENT.LEFT)
            runs(par, b.number + "\t", size=size)

    def table(self, t: m.Table, width: int) -> None:
        size = t.size or self.size - 1.5
        table = self.doc.add_table(rows=len(t.rows), cols=len(t.widths))
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        borders(table, t.ruled)
        total = sum(t.widths)
        widths = [int(width * w / total) for w in t.widths]
        for c, col in enumerate(table.columns):
            col.width = widths[c]
        for r, row in enumerate(t.rows):
            tr = table.rows[r]
            if r < t.header_rows and t.repeat_header:
                el = OxmlElement("w:tblHeader")
                el.set(qn("w:val"), "true")
                tr._tr.get_or_add_trPr().append(el)
            if not t.split_rows:
                el = OxmlElement("w:cantSplit")
                el.set(qn("w:val"), "true")
                tr._tr.get_or_add_trPr().append(el)
            for c, x in enumerate(row):
                table.cell(r, c).width = widths[c]
                if t.ruled == "header" and r == t.header_rows - 1:
                    rule_below(table.cell(r, c))
                if x is None:
                    continue
                target = table.cell(r, c)
                if x.rowspan > 1 or x.colspan > 1:
                    target = target.merge(table.cell(r + x.rowspan - 1, c + x.colspan - 1))
                fill = x.fill or (t.header_fill if r < t.header_rows and t.ruled == "grid" else None)
                if fill:
                    shade(target, fill)
                self.cell(target, x, size, bold=x.bold or r < t.header_rows)

    def cell(self, target, x: m.Cell, size: float, bold: bool) -> None:  # noqa: ANN001
        first = True
        space: float | None = None  # a Space block: room above the next paragraph
        for b in x.blocks:
            if isinstance(b, m.Space):
                space = b.mm
                continue
            if isinstance(b, m.PageBreak):
                continue
            if isinstance(b, m.Figure):
                picture(target.paragraphs[0] if first else target.add_paragraph(), b, target.width - Mm(3))
                first = False
                continue
            items = b.items if isinstance(b, m.Bullets) else [b.text]  # type: ignore[union-attr]
            for j, text in enumerate(items):
                par = target.paragraphs[0] if first else target.add_paragraph()
                first = False
                par.paragraph_format.space_after = Pt(2)
                if space is not None:
                    par.paragraph_format.space_before = Mm(space)
                    space = None
                own = "left" if isinstance(b, m.Bullets) else b.align
                align(par, own if own != "left" else x.align)
                if isinstance(b, m.Bullets):
                    par.style = self.doc.styles["List Number" if b.numbered else "List Bullet"]
                    par.paragraph_format.left_indent = Mm(4)
                    par.paragraph_format.first_line_indent = Mm(-3)
                    del j
                elif isinstance(b, m.Paragraph) and b.number is not None:
                    self.hang(par, b, size)
                runs(par, text, bold=bold or isinstance(b, m.Heading), size=size)

    def save(self, path: Path) -> None:
        for i, sec in enumerate(self.d.sections):
            self.section(i, sec)
        self.doc.save(str(path))


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise SystemExit("soffice not found: install Debian's libreoffice-writer-nogui "
                         "(make corpus does it when run as root)")
    return found


def render(d: m.Document, pdf: Path, keep_docx: Path | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (pdf.name.removesuffix(".pdf") + ".docx")
        Writer(d).save(src)
        if keep_docx:
            shutil.copy(src, keep_docx)
        env = dict(os.environ, TZ="UTC", SOURCE_DATE_EPOCH="1704067200")
        cmd = [soffice(), f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, str(src)]
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=240)
        out = src.with_suffix(".pdf")
        if not out.exists():
            raise SystemExit(f"soffice did not convert {src.name}: {done.stderr.strip()[:300]}")
        pdf.write_bytes(normalise(out.read_bytes()))
