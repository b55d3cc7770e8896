"""East Cambridgeshire CSP current action plan (seed 002): PDF and gold.

The council's plan is a designed Word document: actions sit in tinted boxes
on the left with "Lead" / "Timescale" boxes beside them, and SMART targets are
either small ruled tables or loose label/value boxes. Each page is placed by
hand here (``FreePage``) so that the order in which pieces enter the content
stream can differ from where they sit on the page, as it did in the original:
a stream-order reader meets Lead/Timescale boxes away from their actions and
label/value pairs shuffled, while a positional reader sees them side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from render import A4, S, build_pdf, colors, esc, mm, page_of, register_fonts, write_gold
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from src.east_cambs_data import content as C

PDF_NAME = "east-cambridgeshire-action-plan-2023-24.pdf"
GOLD_NAME = "east-cambridgeshire-action-plan-2023-24.gold.json"
SEED = "002_8ac46cab19f9bfc6.txt"

MARGIN = 18 * mm
#: usable frame area inside build_pdf's frame (Frame pads 6pt on each side)
WIDTH = A4[0] - 2 * MARGIN - 12
HEIGHT = A4[1] - 2 * MARGIN - 12

#: Helvetica has no extractable bullet; Vera (shipped with reportlab) carries it with a ToUnicode map
BULLET_FONT = "EC-Vera"
register_fonts({BULLET_FONT: "Vera.ttf"})

ACCENT = colors.HexColor("#0B6E69")
TINT = colors.HexColor("#E6F2F1")
LABEL_FILL = colors.HexColor("#CFE6E4")
GREY = colors.HexColor("#9AA5A4")

BODY = ParagraphStyle("ec_body", parent=S["body"], fontSize=10, leading=12.5, spaceAfter=0)
SMALL = ParagraphStyle("ec_small", parent=BODY, fontSize=9.5, leading=11.5)
LABEL = ParagraphStyle("ec_label", parent=BODY, fontName="Helvetica-Bold", textColor=ACCENT)
BOX_HEAD = ParagraphStyle("ec_boxhead", parent=SMALL, fontName="Helvetica-Bold", textColor=colors.white)
CELL = ParagraphStyle("ec_cell", parent=SMALL)
CELL_BOLD = ParagraphStyle("ec_cellbold", parent=SMALL, fontName="Helvetica-Bold")
H1 = ParagraphStyle("ec_h1", parent=BODY, fontName="Helvetica-Bold", fontSize=18, leading=22, textColor=ACCENT)
H2 = ParagraphStyle("ec_h2", parent=BODY, fontName="Helvetica-Bold", fontSize=13, leading=16, textColor=ACCENT)
H3 = ParagraphStyle("ec_h3", parent=BODY, fontName="Helvetica-Bold", fontSize=11, leading=14)
BULLET = ParagraphStyle("ec_bullet", parent=BODY, leftIndent=14, bulletIndent=3, bulletFontName=BULLET_FONT)
TITLE = ParagraphStyle("ec_title", parent=BODY, fontName="Helvetica-Bold", fontSize=26, leading=32,
                       textColor=ACCENT)
TOC = ParagraphStyle("ec_toc", parent=BODY, fontSize=10, leading=12.5)
STYLES = {"body": BODY, "h3": H3}


def p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(esc(text), style)


@dataclass
class Piece:
    """A flowable placed at (x, y from the top) whose content-stream position is ``seq``."""

    flow: Flowable
    x: float
    y: float
    width: float
    seq: float


class Shape(Flowable):
    """Non-text decoration (bars, rules, the title-page emblem)."""

    def __init__(self, width: float, height: float, kind: str) -> None:
        super().__init__()
        self.width, self.height, self.kind = width, height, kind

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        if self.kind == "bar":
            c.setFillColor(ACCENT)
            c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        elif self.kind == "rule":
            c.setStrokeColor(ACCENT)
            c.setLineWidth(0.8)
            c.line(0, self.height / 2, self.width, self.height / 2)
        elif self.kind == "emblem":
            # a shield with three bands, standing in for the council's logo
            c.setFillColor(ACCENT)
            w, h = self.width, self.height
            path = c.beginPath()
            path.moveTo(0, h)
            path.lineTo(w, h)
            path.lineTo(w, h * 0.45)
            path.curveTo(w, h * 0.15, w * 0.6, h * 0.05, w / 2, 0)
            path.curveTo(w * 0.4, h * 0.05, 0, h * 0.15, 0, h * 0.45)
            path.close()
            c.drawPath(path, stroke=0, fill=1)
            c.setFillColor(colors.white)
            for i in range(3):
                c.rect(w * 0.18, h * (0.72 - 0.18 * i), w * 0.64, h * 0.07, stroke=0, fill=1)
        elif self.kind == "blockbar":
            c.setFillColor(LABEL_FILL)
            c.rect(0, 0, 2.2, self.height, stroke=0, fill=1)


class FreePage(Flowable):
    """One whole page of hand-placed pieces, written to the canvas in ``seq`` order."""

    def __init__(self, pieces: list[Piece]) -> None:
        super().__init__()
        self.pieces = pieces

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return WIDTH, HEIGHT

    def draw(self) -> None:
        for piece in sorted(self.pieces, key=lambda q: q.seq):
            _, h = piece.flow.wrapOn(self.canv, piece.width, HEIGHT)
            piece.flow.drawOn(self.canv, piece.x, HEIGHT - piece.y - h)


def height_of(flow: Flowable, width: float) -> float:
    return flow.wrap(width, HEIGHT)[1]


class Composer:
    """Lays pieces down a page top to bottom and decides their stream order."""

    def __init__(self) -> None:
        self.pages: list[list[Piece]] = []
        self.pieces: list[Piece] = []
        self.held: list[tuple[Flowable, float, float, float]] = []
        self.y = 0.0
        self.seq = 0.0
        #: page number (1-based) of every heading and activity, for checking page_of
        self.where: dict[str, int] = {}

    @property
    def page_no(self) -> int:
        return len(self.pages) + 1

    def put(self, flow: Flowable, x: float, y: float, width: float) -> float:
        self.seq += 1
        self.pieces.append(Piece(flow, x, y, width, self.seq))
        return height_of(flow, width)

    def hold(self, flow: Flowable, x: float, y: float, width: float) -> float:
        self.held.append((flow, x, y, width))
        return height_of(flow, width)

    def flush(self) -> None:
        for flow, x, y, width in self.held:
            self.put(flow, x, y, width)
        self.held = []

    def advance(self, dy: float) -> None:
        self.y += dy
        if self.y > HEIGHT + 0.5:
            raise ValueError(f"page {self.page_no} overflows by {self.y - HEIGHT:.0f}pt")

    def new_page(self) -> None:
        self.flush()
        self.pages.append(self.pieces)
        self.pieces, self.y = [], 0.0

    # -- building blocks -------------------------------------------------------------

    def heading(self, text: str, level: int) -> None:
        style = H1 if level == 1 else H2
        if self.y > 0:
            self.advance(6 if level == 2 else 10)
        self.where.setdefault(text, self.page_no)
        h = self.put(p(text, style), 0, self.y, WIDTH)
        self.advance(h + 3)
        if level == 1:
            self.put(Shape(WIDTH, 4, "rule"), 0, self.y, WIDTH)
            self.advance(10)
        else:
            self.advance(4)

    def para(self, text: str, style: str) -> None:
        h = self.put(p(text, STYLES[style]), 0, self.y, WIDTH)
        self.advance(h + 6)

    def dots(self) -> None:
        dot = f'<font name="{BULLET_FONT}">•</font>'
        row = Table([[Paragraph(" ".join([dot] * 20), LABEL), Paragraph(dot, LABEL)]], colWidths=[WIDTH - 20, 20])
        row.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0)]))
        h = self.put(row, 0, self.y, WIDTH)
        self.advance(h + 6)

    def duty(self, item: C.Duty) -> None:
        """An action on the left, its Lead and Timescale boxes beside it."""
        left_w, gap = 300.0, 12.0
        right_w = WIDTH - left_w - gap
        gap_style = ParagraphStyle("ec_gap", parent=BODY, spaceBefore=6)
        left = Table([[[p(t, BODY if i == 0 else gap_style) for i, t in enumerate(item.texts)]]],
                     colWidths=[left_w])
        left.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), TINT),
            ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]))
        lead, ts = label_box("Lead", item.lead, right_w), label_box("Timescale", item.timescale, right_w)
        y0, x_right = self.y, left_w + gap
        self.where.setdefault(item.texts[0], self.page_no)
        if item.mode == "defer":
            hl = self.put(left, 0, y0, left_w)
            hb = self.hold(lead, x_right, y0, right_w)
            ht = self.hold(ts, x_right, y0 + hb + 4, right_w)
        elif item.mode == "inline":
            hl = self.put(left, 0, y0, left_w)
            hb = self.put(lead, x_right, y0, right_w)
            ht = self.put(ts, x_right, y0 + hb + 4, right_w)
        elif item.mode == "lead_first":
            hb = self.put(lead, x_right, y0, right_w)
            hl = self.put(left, 0, y0, left_w)
            ht = self.put(ts, x_right, y0 + hb + 4, right_w)
        else:
            raise ValueError(item.mode)
        self.advance(max(hl, hb + 4 + ht) + 12)

    def smart_table(self, item: C.Smart) -> None:
        """SMART Target | CSP Priority | Timescale, with Lead and its value under the priority."""
        widths = [WIDTH - 240, 120, 120]
        text = [p(t.removeprefix("• "), CELL) for t in item.texts]
        rows = [
            [p("SMART Target", CELL_BOLD), p("CSP Priority", CELL_BOLD), p("Timescale", CELL_BOLD)],
            [text, p(item.priority, CELL), p(item.timescale or "", CELL)],
            ["", p("Lead", CELL_BOLD), ""],
            ["", p(item.lead, CELL), ""],
        ]
        pad = 3 + 4
        r1 = height_of(p(item.priority, CELL), widths[1] - 6) + pad
        r2 = max(height_of(p("Lead", CELL), widths[1] - 6) + pad, item.lead_row or 0)
        r3_own = height_of(p(item.lead, CELL), widths[1] - 6) + pad
        text_h = sum(height_of(t, widths[0] - 6) for t in text) + pad
        ts_h = height_of(p(item.timescale or "", CELL), widths[2] - 6) + pad
        r3 = max(r3_own, text_h - r1 - r2, ts_h - r1 - r2)
        hdr = height_of(rows[0][0], widths[0] - 6) + pad
        table = Table(rows, colWidths=widths, rowHeights=[hdr, r1, r2, r3])
        table.setStyle(TableStyle([
            ("SPAN", (0, 1), (0, 3)), ("SPAN", (2, 1), (2, 3)),
            ("GRID", (0, 0), (-1, -1), 0.6, ACCENT),
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL), ("BACKGROUND", (1, 2), (1, 2), TINT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("VALIGN", (1, 2), (1, 2), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        self.where.setdefault(item.texts[0], self.page_no)
        h = self.put(table, 0, self.y, WIDTH)
        self.advance(h + 12)

    def smart_loose(self, item: C.Smart) -> None:
        """Label above value for each part; stream order as ``item.order`` says."""
        y0 = self.y
        text_w = 300.0 if item.beside_text else WIDTH - 8
        col_x = [8.0, 168.0, 328.0]
        flows: dict[str, tuple[Flowable, float, float, float]] = {}
        y = y0
        st = p("SMART Target", LABEL)
        flows["st"] = (st, 8, y, 120)
        y += height_of(st, 120) + 2
        text_flows = []
        for t in item.texts:
            f = Paragraph(esc(t.removeprefix("• ")), BULLET, bulletText="•") if t.startswith("• ") else p(t)
            fh = height_of(f, text_w)
            text_flows.append((f, y, fh))
            y += fh + 3
        text_end = y
        if item.beside_text:
            # labels level with the text's last line, values and lead below
            _, last_y, last_h = text_flows[-1]
            row_y = [last_y + last_h - BODY.leading, 0.0]
            col_x = [318.0, 400.0, 8.0]
            grid = {"pri": (0, 0), "ts": (1, 0), "lead": (2, 1)}
        else:
            row_y = [text_end + 4, 0.0]
            grid = item.grid
        slots = {"pri": ("CSP Priority", item.priority), "ts": ("Timescale", item.timescale),
                 "lead": ("Lead", item.lead)}
        bottom = text_end
        for row in (0, 1):
            if row == 1:
                row_y[1] = bottom + 6
            for key, (col, r) in grid.items():
                if r != row:
                    continue
                label, value = slots[key]
                x = col_x[col]
                width = (WIDTH - x) if key == "lead" and col in (0, 2) else min(150.0, WIDTH - x)
                if item.beside_text and key == "ts":
                    width = 64.0  # a narrow box: "Ongoing" over "March 2024"
                lab = p(label, LABEL)
                lh = height_of(lab, width)
                flows[key[0] + "l"] = (lab, x, row_y[row], width)
                if value is not None:
                    val = p(value, BODY)
                    flows[key[0] + "v"] = (val, x, row_y[row] + lh + 1, width)
                    bottom = max(bottom, row_y[row] + lh + 1 + height_of(val, width))
                else:
                    bottom = max(bottom, row_y[row] + lh)
        self.where.setdefault(item.texts[0], self.page_no)
        self.put(Shape(2.2, bottom - y0, "blockbar"), 0, y0, 2.2)
        for token in item.order.split():
            if token == "ST":
                for f, fy, _ in text_flows:
                    self.put(f, 8, fy, text_w)
            elif token == "tl2":
                f, x, fy, w = flows["tl"]
                self.put(p("Timescale", LABEL), x, fy, w)
            elif token == "Q":
                self.put(p("Q", ParagraphStyle("ec_q", parent=SMALL, textColor=GREY)), WIDTH - 14, bottom - 11, 14)
            else:
                self.put(*flows[token])
        self.advance(bottom - y0 + 14)


def label_box(label: str, value: str, width: float) -> Table:
    """A Lead or Timescale box: coloured label band over the value."""
    box = Table([[p(label, BOX_HEAD)], [p(value, SMALL)]], colWidths=[width])
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (0, 0), ACCENT), ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return box


def title_page(c: Composer) -> None:
    c.put(Shape(WIDTH, 36, "bar"), 0, 0, WIDTH)
    c.put(Shape(90, 110, "emblem"), WIDTH / 2 - 45, 150, 90)
    c.put(Paragraph(esc(C.TITLE), ParagraphStyle("ec_t", parent=TITLE, alignment=1)), 30, 330, WIDTH - 60)
    c.put(Shape(WIDTH, 20, "bar"), 0, HEIGHT - 20, WIDTH)
    c.new_page()


def contents_page(c: Composer) -> None:
    c.heading("Contents", 1)
    col_w = (WIDTH - 20) / 2
    for col, entries in enumerate((C.CONTENTS_LEFT, C.CONTENTS_RIGHT)):
        y = c.y
        for entry, page in entries:
            row = Table([[p(entry, TOC), p(page, TOC)]], colWidths=[col_w - 24, 24])
            row.setStyle(TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]))
            y += c.put(row, col * (col_w + 20), y, col_w) + 9
    c.new_page()


def compose() -> Composer:
    c = Composer()
    title_page(c)
    contents_page(c)
    for item in [*C.STATUTORY, C.Break(), *C.ADDITIONAL]:
        if isinstance(item, C.Heading):
            c.heading(item.text, item.level)
        elif isinstance(item, C.Para):
            c.where.setdefault(item.text, c.page_no)
            c.para(item.text, item.style)
        elif isinstance(item, C.Break):
            c.new_page()
        elif isinstance(item, C.Flush):
            c.flush()
        elif isinstance(item, C.Dots):
            c.dots()
        elif isinstance(item, C.Duty):
            c.duty(item)
        elif item.form == "table":
            c.smart_table(item)
        else:
            c.smart_loose(item)
    c.new_page()
    return c


def join(texts: list[str]) -> str:
    """Description as the contract wants it: paragraphs and bullet items joined by single spaces."""
    parts = [t.removeprefix("• ").removeprefix("· ") for t in texts]
    return " ".join(" ".join(parts).split())


def located(pdf: Path, needle: str, expected: int, after: int) -> int:
    """Page from the rendered PDF (page_of on the opening words), checked against the layout."""
    words = needle.split()
    key = " ".join(words[:4]) if len(words) > 4 else needle
    found = page_of(pdf, key, start_page=max(after, 3) if expected >= 3 else 1)
    if found != expected:
        raise AssertionError(f"{needle[:40]!r}: page_of says {found}, layout says {expected}")
    return found


def gold(pdf: Path, c: Composer, pages: int) -> dict[str, Any]:
    priorities: list[dict[str, Any]] = []
    activities: list[dict[str, Any]] = []
    heading = None
    last = 3
    for _num, statement, theme in C.CSP_PRIORITIES:
        page = located(pdf, statement, c.where[statement], 3)
        priorities.append({"label": statement, "theme": theme, "page": page})
    for item in [*C.STATUTORY, *C.ADDITIONAL]:
        if isinstance(item, C.Heading):
            if item.level == 2:
                heading = item.text
                last = located(pdf, item.text, c.where[item.text], last)
                priorities.append({"label": item.text, "theme": C.THEMES[item.text], "page": last})
            continue
        if not isinstance(item, (C.Duty, C.Smart)):
            continue
        assert heading is not None
        last = located(pdf, item.texts[0], c.where[item.texts[0]], last)
        activities.append({
            "description": join(item.texts),
            "theme": C.THEMES[heading],
            "priority": heading,
            "objective": None,
            "status": None,
            "progress": None,
            "timescale": item.timescale,
            "due_date": C.DUE[item.timescale] if item.timescale else None,
            "page": last,
            "leads": [{"organisation": org, "person": person, "raw": raw} for raw, org, person in item.leads],
            "kpis": [{"description": d, "target": t} for d, t in getattr(item, "kpis", [])],
        })
    return {
        "pdf": PDF_NAME,
        "seed": SEED,
        "document": {
            "title": C.TITLE,
            "doc_type": "action_plan",
            "partnership_id": "east-cambridgeshire-csp",
            "authority": "East Cambridgeshire District Council",
            "committee": None,
            "meeting_date": None,
            "pages": pages,
        },
        "priorities": priorities,
        "activities": activities,
        "kpis": [],
        "funding": [],
        "organisations": C.ORGANISATIONS,
        "notes": C.NOTES,
    }


def build(out_dir: Path) -> list[Path]:
    c = compose()
    story: list[Flowable] = [FreePage(page) for page in c.pages]
    pdf = out_dir / PDF_NAME
    build_pdf(pdf, story, margin=MARGIN, footer="{page}", title=C.TITLE,
              author="East Cambridgeshire District Council")
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        pages = len(doc.pages)
    if pages != len(c.pages):
        raise AssertionError(f"{pages} pages rendered, {len(c.pages)} composed")
    gold_path = out_dir / GOLD_NAME
    write_gold(gold_path, gold(pdf, c, pages))
    return [pdf, gold_path]
