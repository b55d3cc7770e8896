"""Seed 004: Norfolk Countywide CSP Scrutiny Sub Panel agenda pack, 16 September 2021.

Rebuilds the whole pack as Norfolk County Council published it: agenda front
sheet with the membership table, minutes of 20 July 2021 with the presentation
slides (landscape, one slide per page), the cover report for the final plan,
the Safer Norfolk Plan 2021-24, the consultation report with its questionnaire,
the cover report for the delivery plan, the delivery plan as landscape ruled
tables (sub-heading rows spanning the table, rows that run over page breaks),
and the Forward Work Programme. The narrative text is carried over from the
seed in ``norfolk_data/*.txt``; the gold is hand-written in
``norfolk_data/gold_hand.json`` and only gets its page numbers here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from render import (
    A4,
    NextPageTemplate,
    PageBreak,
    Spacer,
    cell,
    colors,
    esc,
    landscape,
    mm,
    page_finder,
    register_vera_family,
    ruled_table,
    styles,
    write_gold,
)
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.fonts import addMapping  # noqa: F401
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from src.norfolk_data import pack

NAME = "norfolk-ccsp-scrutiny-agenda-2021-09-16"
SEED = "004_0b87fb749afc2013.txt"
DATA = Path(__file__).resolve().parent / "norfolk_data"
MARGIN = 18 * mm
PW, PH = A4
LW, LH = landscape(A4)
FRAME_W = PW - 2 * MARGIN
LFRAME_W = LW - 2 * MARGIN
LOGO = "Norfolk county community safety partnership"

# an embedded TrueType font (shipped with reportlab) so bullets and dashes extract as text, as in Word PDFs
register_vera_family()


def make_styles(size: float) -> dict[str, ParagraphStyle]:
    """The shared styles in the pack's font, plus the ones a council pack needs (hanging numbers, slides)."""
    st = styles(font="Vera", bold="Vera-Bold", size=size)
    body = st["body"]
    st.update({
        "num": ParagraphStyle("num", parent=body, leftIndent=34, bulletIndent=0),
        "subnum": ParagraphStyle("subnum", parent=body, leftIndent=58, bulletIndent=34),
        "b": ParagraphStyle("b", parent=body, leftIndent=48, bulletIndent=36, spaceAfter=2),
        "bb": ParagraphStyle("bb", parent=body, leftIndent=66, bulletIndent=54, spaceAfter=2),
        "fn": ParagraphStyle("fn", parent=st["small"], spaceBefore=4),
        "caption": ParagraphStyle("caption", parent=st["small"], fontName="Vera-Italic", spaceAfter=8),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        "title": ParagraphStyle("title", parent=st["h1"], fontSize=26, leading=32, spaceBefore=60),
        "subtitle": ParagraphStyle("subtitle", parent=st["h2"], fontSize=15, leading=19, spaceAfter=30),
        "slide_title": ParagraphStyle("slide_title", parent=st["h1"], fontSize=24, leading=29, spaceAfter=16,
                                      textColor=colors.HexColor("#1F3864")),
        "slide_b": ParagraphStyle("slide_b", parent=body, fontSize=15, leading=20, leftIndent=26,
                                  bulletIndent=8, spaceAfter=5),
        "slide_bb": ParagraphStyle("slide_bb", parent=body, fontSize=13, leading=17, leftIndent=52,
                                   bulletIndent=34, spaceAfter=3),
        "slide_p": ParagraphStyle("slide_p", parent=body, fontSize=15, leading=20),
        "dp_sub": ParagraphStyle("dp_sub", parent=st["cellbold"], alignment=TA_CENTER, fontSize=size),
    })
    for style in st.values():
        style.bulletFontName = "Vera"
    return st


ST = make_styles(10)      # agenda, minutes, cover reports, questionnaire
ST_DOC = make_styles(11)  # the plan and the consultation report (Word documents in 11 pt)
ST_DP = make_styles(12.5)  # delivery-plan tables (cells 11 pt, as the Word original)
ST_MIN = make_styles(9.5)  # minutes
CUR: dict[str, ParagraphStyle] = ST


def use(st: dict[str, ParagraphStyle]) -> None:
    """Switch the style set the following story parts are made with."""
    global CUR
    CUR = st


def C(text: str | None, bold: bool = False) -> Any:
    return cell(text, bold, st=CUR)


# --------------------------------------------------------------------------- page templates

def _footer(canvas: Any, doc: Any) -> None:
    canvas.setFont("Vera", 8)
    w, _h = canvas._pagesize
    canvas.drawCentredString(w / 2, 9 * mm, f"Page {doc.page}")


def _plain(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    _footer(canvas, doc)
    canvas.restoreState()


def _slide(canvas: Any, doc: Any) -> None:
    """A printed slide: a frame and a coloured band, as PowerPoint handouts look."""
    canvas.saveState()
    w, h = canvas._pagesize
    canvas.setStrokeColor(colors.HexColor("#7F7F7F"))
    canvas.rect(MARGIN - 6, MARGIN - 6, w - 2 * MARGIN + 12, h - 2 * MARGIN + 12)
    canvas.setFillColor(colors.HexColor("#1F3864"))
    canvas.rect(MARGIN - 6, MARGIN - 6, w - 2 * MARGIN + 12, 8, stroke=0, fill=1)
    _footer(canvas, doc)
    canvas.restoreState()


def _logo_header(canvas: Any, doc: Any) -> None:
    """Delivery-plan pages carry the partnership's logo text at top right."""
    canvas.saveState()
    w, h = canvas._pagesize
    canvas.setFont("Vera-Bold", 8)
    canvas.setFillColor(colors.HexColor("#2E74B5"))
    canvas.drawRightString(w - MARGIN, h - 10 * mm, LOGO)
    canvas.restoreState()
    _plain(canvas, doc)


def _questionnaire(canvas: Any, doc: Any) -> None:
    """The printed survey pages keep the survey tool's header (logo and print date)."""
    canvas.saveState()
    w, h = canvas._pagesize
    canvas.setFont("Vera", 8)
    canvas.drawString(MARGIN, h - 10 * mm, LOGO)
    canvas.drawRightString(w - MARGIN, h - 10 * mm, "02/09/2021")
    canvas.restoreState()
    _plain(canvas, doc)


def _doc(path: Path) -> BaseDocTemplate:
    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                          bottomMargin=MARGIN,
                          title="Norfolk Countywide Community Safety Partnership Scrutiny Sub Panel",
                          author="Norfolk County Council",
                          subject="Agenda pack, 16 September 2021", invariant=1)
    pf = [Frame(MARGIN, MARGIN, FRAME_W, PH - 2 * MARGIN, id="p")]
    lf = [Frame(MARGIN, MARGIN, LFRAME_W, LH - 2 * MARGIN, id="l")]
    sf = [Frame(MARGIN + 10, MARGIN + 10, LFRAME_W - 20, LH - 2 * MARGIN - 20, id="s")]
    doc.addPageTemplates([
        PageTemplate(id="portrait", pagesize=A4, frames=pf, onPage=_plain),
        PageTemplate(id="landscape", pagesize=(LW, LH), frames=lf, onPage=_plain),
        PageTemplate(id="slide", pagesize=(LW, LH), frames=sf, onPage=_slide),
        PageTemplate(id="dp", pagesize=(LW, LH), frames=lf, onPage=_logo_header),
        PageTemplate(id="survey", pagesize=A4, frames=pf, onPage=_questionnaire),
    ])
    return doc


def new_page(template: str = "portrait") -> list[Flowable]:
    return [NextPageTemplate(template), PageBreak()]


# --------------------------------------------------------------------------- small flowables

class Picture(Flowable):
    """A figure whose picture has no text layer (the seed lost every word of it)."""

    def __init__(self, width: float, height: float, seed: int = 0) -> None:
        super().__init__()
        self.width, self.height, self.seed = width, height, seed

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        fills = ["#DEEBF7", "#FBE5D6", "#E2F0D9", "#FFF2CC", "#EDE7F6"]
        c.setStrokeColor(colors.HexColor("#A6A6A6"))
        c.rect(0, 0, self.width, self.height)
        n = 3 + self.seed % 3
        bw = (self.width - 20 - (n - 1) * 10) / n
        for i in range(n):
            c.setFillColor(colors.HexColor(fills[(i + self.seed) % len(fills)]))
            bh = self.height * (0.35 + 0.1 * ((i + self.seed) % 4))
            c.roundRect(10 + i * (bw + 10), (self.height - bh) / 2, bw, bh, 6, stroke=1, fill=1)


def md(text: str) -> str:
    """Escape text, then turn **bold**, *italic*, <u> and superscript digits into markup."""
    t = esc(text)
    t = t.replace("&lt;u&gt;", "<u>").replace("&lt;/u&gt;", "</u>")
    t = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", t)
    t = re.sub(r"(?<![\w*])\*(?!\s)(.+?)\*(?!\w)", r"<i>\1</i>", t)
    sup = {"¹": "1", "²": "2", "³": "3", "⁴": "4"}
    for k, v in sup.items():
        t = t.replace(k, f"<super>{v}</super>")
    return t


def P(text: str, style: str = "body") -> Paragraph:
    return Paragraph(md(text), CUR[style])


def two_col(rows: list[tuple[str, str]], widths: tuple[float, float], *, ruled: bool) -> Table:
    data = [[Paragraph(md(a), CUR["cellbold" if ruled else "body"]), Paragraph(md(b), CUR["cell" if ruled else "body"])]
            for a, b in rows]
    t = Table(data, colWidths=list(widths), hAlign="LEFT")
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3)]
    if ruled:
        style += [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                  ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2"))]
    else:
        style += [("BOTTOMPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0)]
    t.setStyle(TableStyle(style))
    return t




def large_print(text: str) -> Flowable:
    t = Table([[Paragraph(esc(text), CUR["cell"])]], colWidths=[FRAME_W * 0.78], hAlign="CENTER")
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, colors.black), ("LEFTPADDING", (0, 0), (-1, -1), 8),
                           ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return KeepTogether([Spacer(1, 8), t])


def officer_contact() -> list[Flowable]:
    return [CondPageBreak(60 * mm), P(pack.OFFICER_HEAD, "h3"), P(pack.OFFICER_TEXT),
            two_col(pack.OFFICER, (40 * mm, 90 * mm), ruled=False)]


# --------------------------------------------------------------------------- text files -> story

def story_from_text(name: str, hooks: dict[str, Any] | None = None) -> list[Flowable]:
    """Turn one ``norfolk_data/*.txt`` file into flowables (markers in norfolk_data/README.md)."""
    hooks = hooks or {}
    out: list[Flowable] = []
    group: list[str] = []
    kind = ""
    fig_seed = 0

    def flush() -> None:
        nonlocal group, kind
        if not group:
            return
        if kind in ("row", "form"):
            rows = [tuple(x.strip() for x in g.split("|", 1)) for g in group]
            w = (62 * mm, FRAME_W - 62 * mm) if kind == "row" else (58 * mm, FRAME_W - 58 * mm)
            out.append(two_col(rows, w, ruled=kind == "form"))  # type: ignore[arg-type]
            out.append(Spacer(1, 8))
        elif kind == "toc":
            data = []
            for g in group:
                parts = [x.strip() for x in g.split("|")]
                if len(parts) == 2:  # second-level entry
                    data.append(["", Paragraph("&nbsp;&nbsp;&nbsp;&nbsp;" + md(parts[0]), CUR["body"]), parts[1]])
                else:
                    data.append([parts[0], Paragraph(md(parts[1]), CUR["body"]), parts[2]])
            t = Table(data, colWidths=[14 * mm, FRAME_W - 34 * mm, 20 * mm], hAlign="LEFT")
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                                   ("FONT", (0, 0), (-1, -1), "Vera", 10),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
            out.append(t)
        elif kind == "box":
            paras = [Paragraph(md(g), CUR["cell"]) for g in group]
            t = Table([[paras]], colWidths=[FRAME_W * 0.55], hAlign="RIGHT")
            t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#2E74B5")),
                                   ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#DEEBF7")),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 6),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
            out.append(t)
            out.append(Spacer(1, 8))
        group, kind = [], ""

    for raw in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if not line:
            continue
        marker, _, rest = line.partition(" ") if line.startswith("@") else ("", "", line)
        key = marker[1:] if marker else ""
        if key in ("row", "form", "toc", "toc2", "box"):
            k = "toc" if key == "toc2" else key
            if kind and kind != k:
                flush()
            kind = k
            group.append(rest if key != "toc2" else rest)
            continue
        flush()
        if key in ("h1", "h2", "h3"):
            out.append(P(rest, key))
        elif key == "p" or not key:
            out.append(P(rest))
        elif key == "title":
            out.append(P(rest, "title"))
        elif key == "subtitle":
            out.append(P(rest, "subtitle"))
        elif key == "center":
            out.append(P(rest, "center"))
        elif key in ("n", "nb"):
            num, _, text = rest.partition("|")
            style = CUR["num"] if key == "n" else CUR["subnum"]
            out.append(Paragraph(md(text.strip()), style, bulletText=num.strip() or None))
        elif key in ("b", "bb"):
            out.append(Paragraph(md(rest), CUR[key], bulletText="•" if key == "b" else "o"))
        elif key == "fig":
            caption, _, height = rest.partition("|")
            fig_seed += 1
            out.append(Spacer(1, 4))
            out.append(Picture(FRAME_W * 0.9, float(height or 150), seed=fig_seed))
            if caption.strip():
                out.append(P(caption.strip(), "caption"))
            else:
                out.append(Spacer(1, 8))
        elif key == "fn":
            out.append(P(rest, "fn"))
        elif key == "sp":
            out.append(Spacer(1, 14))
        elif key == "page":
            out.append(PageBreak())
        elif key == "large":
            out.append(large_print(pack.LARGE_PRINT_AGENDA))
        elif key == "large2":
            out.append(large_print(pack.LARGE_PRINT_REPORT))
        elif key == "officer":
            out.extend(officer_contact())
        elif key in hooks:
            out.extend(hooks[key]())
        else:
            raise ValueError(f"{name}: unknown marker {marker}")
    flush()
    return out


# --------------------------------------------------------------------------- agenda front sheet



def agenda_item(num: str, title: str, page: str | None, body: list[Flowable]) -> list[Flowable]:
    t = Table([[Paragraph(f"<b>{num}</b>", CUR["body"]), Paragraph(f"<b>{md(title)}</b>", CUR["body"]),
                Paragraph(page or "", CUR["body"])]],
              colWidths=[12 * mm, FRAME_W - 40 * mm, 28 * mm], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [t, *body, Spacer(1, 6)]


def indented(text: str) -> Paragraph:
    return Paragraph(md(text), ParagraphStyle("ind", parent=CUR["body"], leftIndent=12 * mm))


def front_sheet() -> list[Flowable]:
    s: list[Flowable] = [P(pack.FRONT_TITLE, "h1"), two_col(pack.MEETING, (25 * mm, 120 * mm), ruled=False),
                         Spacer(1, 10), P(pack.ADVICE_HEAD, "h3"), *(P(x) for x in pack.ADVICE),
                         P(pack.MEMBERSHIP_HEAD, "h2")]
    rows = [[C(h, bold=True) for h in pack.MEMBERSHIP_COLUMNS]]
    rows += [[C(a), C(b), C(c)] for a, b, c in pack.MEMBERSHIP]
    s.append(ruled_table(rows, [50 * mm, 50 * mm, FRAME_W - 100 * mm], header_fill=None, grid=False,
                         extra_style=[("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]))
    s += [Spacer(1, 12), *(P(x) for x in pack.ENQUIRIES), PageBreak(), P(pack.AGENDA_HEAD, "h1")]
    for item in pack.AGENDA:
        if item is None:
            s.append(PageBreak())
            continue
        num, title, page, body = item
        flows: list[Flowable] = []
        for kind, text in body:
            if kind == "i":
                flows.append(indented(text))
            else:
                flows.append(Paragraph(md(text), CUR[kind], bulletText="•" if kind == "b" else "o"))
        s += agenda_item(num, title, page, flows)
    s += [Spacer(1, 30)]
    s += [Paragraph(esc(x), ParagraphStyle("addr", parent=CUR["body"], spaceAfter=0)) for x in pack.ADDRESS]
    s += [Spacer(1, 14), P(pack.PUBLISHED), PageBreak(),
          Spacer(1, 420), large_print(pack.LARGE_PRINT_AGENDA)]
    return s


# --------------------------------------------------------------------------- slides

def chart_placeholder(w: float, h: float, seed: int) -> Flowable:
    return Picture(w, h, seed=seed)


def disability_chart() -> Drawing:
    """The one slide chart whose numbers the seed keeps (9.4%, 13.6%, 77.0%)."""
    d = Drawing(380, 190)
    bc = VerticalBarChart()
    bc.x, bc.y, bc.width, bc.height = 40, 40, 320, 130
    bc.data = [[v for _, v in pack.DISABILITY]]
    bc.valueAxis.valueMin, bc.valueAxis.valueMax, bc.valueAxis.valueStep = 0, 100, 20
    bc.categoryAxis.categoryNames = [c for c, _ in pack.DISABILITY]
    bc.categoryAxis.labels.fontSize = 8
    bc.bars[0].fillColor = colors.HexColor("#2E74B5")
    d.add(bc)
    for i, v in enumerate(bc.data[0]):
        x = bc.x + bc.width * (i + 0.5) / 3
        d.add(String(x, bc.y + bc.height * v / 100 + 3, f"{v:.1f}%", fontSize=8, textAnchor="middle"))
    return d


def slide(title: str, items: list[tuple[str, str]], extra: list[Flowable] | None = None) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(md(title), CUR["slide_title"])]
    for level, text in items:
        if level == "p":
            out.append(Paragraph(md(text), CUR["slide_p"]))
        else:
            out.append(Paragraph(md(text), CUR["slide_" + level], bulletText="•" if level == "b" else "–"))
    out += extra or []
    return out


def slides() -> list[Flowable]:
    w = LFRAME_W - 20
    small, title, subtitle, note = pack.TITLE_SLIDE
    deck: list[list[Flowable]] = [
        [Paragraph(small, CUR["small"]), Spacer(1, 80),
         Paragraph(title, ParagraphStyle("t", parent=CUR["slide_title"], fontSize=34, leading=40)),
         Paragraph(subtitle, CUR["slide_p"]), Spacer(1, 40),
         Paragraph(note, CUR["slide_p"])]]
    for heading, items, extra in pack.SLIDES:
        flows: list[Flowable] = []
        if extra and extra[0] == "chart":
            flows = [chart_placeholder(w * 0.8, extra[2], extra[1])]
        elif extra and extra[0] == "structure":
            flows = [chart_placeholder(w * 0.8, 250, 4),
                     Paragraph(" &nbsp;&nbsp;&nbsp; ".join(pack.STRUCTURE_LEGEND), CUR["body"])]
        elif extra and extra[0] == "cso_boxes":
            flows = [_cso_boxes(w)]
        elif extra and extra[0] == "results":
            flows = [_results_slide(w)]
        elif extra and extra[0] == "disability":
            flows = [Paragraph(pack.DISABILITY_HEAD, CUR["h3"]), disability_chart()]
        elif extra and extra[0] == "two_charts":
            flows = [_two_charts(w, *pack.TWO_CHARTS)]
        deck.append(slide(heading, items, flows))
    out: list[Flowable] = []
    for i, page in enumerate(deck):
        if i:
            out.append(PageBreak())
        out.extend(page)
    return out


def _cso_boxes(w: float) -> Table:
    data = [[[Paragraph(md(x), CUR["slide_p"]) for x in b] for b in pack.CSO_BOXES]]
    t = Table(data, colWidths=[w / 3 - 6] * 3)
    t.setStyle(TableStyle([("BOX", (0, 0), (0, 0), 1, colors.HexColor("#2E74B5")),
                           ("BOX", (1, 0), (1, 0), 1, colors.HexColor("#2E74B5")),
                           ("BOX", (2, 0), (2, 0), 1, colors.HexColor("#2E74B5")),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 8),
                           ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 12)]))
    return t


def _two_charts(w: float, a: str, b: str) -> Table:
    t = Table([[Paragraph(md(a), CUR["h3"]), Paragraph(md(b), CUR["h3"])],
               [chart_placeholder(w / 2 - 20, 230, 1), chart_placeholder(w / 2 - 20, 230, 3)]],
              colWidths=[w / 2, w / 2])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


def _results_slide(w: float) -> Table:
    first, second = pack.RESULTS_CHARTS
    left = [Paragraph(first, CUR["body"]),
            chart_placeholder(w / 2 - 20, 120, 5), Paragraph(LOGO, CUR["small"]),
            Paragraph(second, CUR["body"]),
            chart_placeholder(w / 2 - 20, 120, 6)]
    right: list[Flowable] = [Paragraph(pack.RESULTS_THEMES_HEAD, CUR["body"])]
    right += [Paragraph(md(x), CUR["b"], bulletText="•") for x in pack.RESULTS_THEMES]
    t = Table([[left, right]], colWidths=[w / 2, w / 2])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


# --------------------------------------------------------------------------- plan appendices



def outcome_tables() -> list[Flowable]:
    out: list[Flowable] = [P("Measures", "h3")]
    for title, bullets, measures in pack.OUTCOMES:
        head: list[Flowable] = [Paragraph(md(f"**{title}**"), CUR["cell"])]
        head += [Paragraph(esc(b), CUR["cell"], bulletText="•") for b in bullets]
        rows: list[list[Any]] = [[head, ""]]
        rows += [[C(str(i)), C(m)] for i, m in enumerate(measures, 1)]
        out.append(ruled_table(rows, [12 * mm, FRAME_W - 12 * mm], spans=[((0, 0), (1, 0))],
                               header_fill=colors.HexColor("#DEEBF7"), split_in_row=False))
        out.append(Spacer(1, 8))
    return out




def policy_table() -> list[Flowable]:
    rows: list[list[Any]] = [[C("Norfolk Strategic Partnership Priorities", bold=True), ""],
                             [C("Partnership", bold=True), C("Priorities", bold=True)]]
    for name, items in pack.POLICY:
        if items[0].endswith(":"):
            body = [Paragraph(esc(items[0]), CUR["cell"])] + [
                Paragraph(esc(x), CUR["cell"], bulletText="•") for x in items[1:]]
        elif len(items) == 1:
            body = [Paragraph(esc(items[0]), CUR["cell"])]
        else:
            body = [Paragraph(esc(x), CUR["cell"], bulletText="•") for x in items]
        rows.append([C(name, bold=True), body])
    return [ruled_table(rows, [55 * mm, FRAME_W - 55 * mm], header_rows=2, spans=[((0, 0), (1, 0))],
                        split_in_row=False)]


# --------------------------------------------------------------------------- questionnaire

def _box_options(items: list[str]) -> Table:
    """Tick boxes drawn as ruled cells, as the survey print has them."""
    data = [["", Paragraph(esc(x), CUR["cell"])] for x in items]
    t = Table(data, colWidths=[6 * mm, 100 * mm], rowHeights=[6 * mm] * len(items), hAlign="LEFT")
    st = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    st += [("BOX", (0, i), (0, i), 0.5, colors.black) for i in range(len(items))]
    t.setStyle(TableStyle(st))
    return t


def questionnaire() -> list[Flowable]:
    s: list[Flowable] = []
    for item in pack.QUESTIONNAIRE:
        kind = item[0]
        if kind in ("h2", "h3", "fn"):
            s.append(P(item[1], kind))
        elif kind == "p":
            s.append(P(item[1]))
        elif kind == "options":
            s.append(_box_options(item[1]))
        elif kind == "space":
            s.append(Spacer(1, item[1]))
        elif kind == "page":
            s.append(PageBreak())
        elif kind == "priorities":
            heads = ["", *pack.AGREE_SCALE, "Don't know"]
            rows = [[C(h, bold=True) for h in heads]] + [[C(i)] + [""] * 6 for i in pack.PRIORITY_ITEMS]
            s.append(ruled_table(rows, [60 * mm] + [(FRAME_W - 60 * mm) / 6] * 6, header_fill=None))
        elif kind == "outcomes":
            for area, outs in pack.OUTCOME_AREAS:
                s.append(P(f"**{area}**"))
                s += [Paragraph(esc(o), CUR["subnum"], bulletText=f"{i}.") for i, o in enumerate(outs, 1)]
            s += [Paragraph(esc(x), ParagraphStyle("abc", parent=CUR["subnum"], leftIndent=80, bulletIndent=62),
                            bulletText=f"{ch}.") for ch, x in zip("abc", pack.OUTCOME_FORMS, strict=False)]
        else:
            raise ValueError(f"questionnaire: unknown item {kind!r}")
    return s


# --------------------------------------------------------------------------- delivery plan

DP_WIDTHS = [14 * mm, 80 * mm, 54 * mm, 46 * mm, 26 * mm]
DP_WIDTHS.append(LFRAME_W - sum(DP_WIDTHS))
DP_HEAD = ["N", "Action", "Success measure", "Owner", "Date", "Update"]


class LeftTable(Table):
    """A Table whose in-row split halves stay left-aligned.

    reportlab builds the halves of a row split with ``splitInRow`` through
    ``self.__class__(...)`` without passing ``hAlign``, so they come out centred
    and shifted against the rest of the table; a subclass defaulting to LEFT
    keeps them in line.
    """

    def __init__(self, *args: Any, hAlign: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, hAlign=hAlign or "LEFT", **kwargs)


def left(table: Table) -> Table:
    table.__class__ = LeftTable
    return table


def dp_table(rows: list[dict[str, Any]], *, repeat_header: bool, split_in_row: bool) -> Table:
    data: list[list[Any]] = []
    spans = []
    style: list[tuple] = []
    for r in rows:
        i = len(data)
        if r.get("header"):
            data.append([C(h, bold=True) for h in DP_HEAD])
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#D9E2F3")))
        elif "sub" in r:
            data.append([Paragraph(f"<u>{esc(r['sub'])}</u>", CUR["dp_sub"]), "", "", "", "", ""])
            spans.append(((0, i), (-1, i)))
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#F2F2F2")))
        else:
            data.append([C(r["n"]), _dp_cell(r["action"]), _dp_cell(r["measure"]), C(r["owner"]),
                         C(r["date"]), C(r["update"])])
    header_rows = 1 if rows[0].get("header") else 0
    style += [("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
              # close each page's part of the table, as Word does
              ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.5, colors.black),
              ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.5, colors.black)]
    return left(ruled_table(data, DP_WIDTHS, header_rows=header_rows,
                            repeat_header=repeat_header and header_rows > 0, spans=spans, header_fill=None,
                            split_in_row=split_in_row, extra_style=style))


def _dp_cell(text: str) -> Any:
    """A cell that may hold paragraphs (blank line) and bullet lines (•)."""
    if "\n" not in text:
        return C(text)
    out: list[Flowable] = []
    for para_text in text.split("\n\n"):
        for line in para_text.split("\n"):
            if line.startswith("• "):
                out.append(Paragraph(esc(line[2:]), CUR["cell"], bulletText="•"))
            else:
                out.append(Paragraph(esc(line), CUR["cell"]))
        out.append(Spacer(1, 5))
    return out[:-1]


def delivery_plan() -> list[Flowable]:
    dp = json.loads((DATA / "delivery_plan.json").read_text(encoding="utf-8"))
    s: list[Flowable] = [P(dp["title"], "h1"), P(dp["intro"])]
    for k, plan in enumerate(dp["plans"]):
        if k:
            s += [PageBreak()]
        s.append(P(plan["heading"], "h2"))
        s += [P(o) for o in plan["outcomes"]]
        s += [Paragraph(esc(b), CUR["b"], bulletText="•") for b in plan.get("outcome_bullets", [])]
        # a sub-heading marked "new_page" starts a fresh table on the next page, as in the Word original
        chunks: list[list[dict[str, Any]]] = [[]]
        for row in plan["rows"]:
            if row.get("new_page") and chunks[-1]:
                chunks.append([])
            chunks[-1].append(row)
        for j, chunk in enumerate(chunks):
            if j:
                s.append(PageBreak())
            s.append(dp_table(chunk, repeat_header=plan["repeat_header"], split_in_row=plan["split_in_row"]))
        if "second_table" in plan:
            t = plan["second_table"]
            s += [PageBreak(), dp_table(t["rows"], repeat_header=t["repeat_header"],
                                        split_in_row=t["split_in_row"])]
    return s


# --------------------------------------------------------------------------- forward work programme



def forward_work_programme() -> list[Flowable]:
    rows: list[list[Any]] = [[C(h, bold=True) for h in pack.FWP_COLUMNS]]
    for date, issues in pack.FWP:
        rows.append([C(date), C(pack.FWP_REPORT),
                     [Paragraph(esc(x), CUR["cell"], bulletText="•") for x in issues], ""])
    s: list[Flowable] = [P(pack.FWP_HEAD, "h2"),
                         ruled_table(rows, [30 * mm, 45 * mm, 65 * mm, FRAME_W - 140 * mm]), Spacer(1, 12),
                         P(pack.FWP_FUTURE_HEAD), P(pack.FWP_FUTURE)]
    s += [Paragraph(esc(x), CUR["subnum"], bulletText=b) for b, x in pack.FWP_ITEMS]
    return s


# --------------------------------------------------------------------------- the pack

def story() -> list[Flowable]:
    use(ST)
    s: list[Flowable] = []
    s += front_sheet()
    use(ST_MIN)
    s += new_page() + story_from_text("minutes.txt")
    use(ST)
    s += new_page("slide") + slides()
    s += new_page() + story_from_text("cover_plan.txt")
    use(ST_DOC)
    s += new_page() + story_from_text("plan.txt", {"outcomes": outcome_tables, "policytable": policy_table})
    s += new_page() + story_from_text("consultation.txt")
    use(ST)
    s += new_page("survey") + questionnaire()
    s += new_page() + story_from_text("cover_delivery.txt")
    use(ST_DP)
    s += new_page("dp") + delivery_plan()
    use(ST)
    s += new_page() + story_from_text("cover_fwp.txt")
    s += new_page() + forward_work_programme()
    return s


def fill_pages(gold: dict[str, Any], pdf: Path) -> dict[str, Any]:
    """Put page numbers into the hand-written gold: each item names the text to look for (``_find``)."""
    find = page_finder(pdf)

    def locate(item: dict[str, Any]) -> None:
        needle = item.pop("_find")
        after = item.pop("_after", None)
        item["page"] = find(needle, find(after) if after else 1)

    for key in ("priorities", "activities", "kpis", "funding"):
        for item in gold[key]:
            locate(item)
    return gold


def build(out_dir: Path) -> list[Path]:
    pdf = out_dir / f"{NAME}.pdf"
    doc = _doc(pdf)
    doc.build(story())
    gold = json.loads((DATA / "gold_hand.json").read_text(encoding="utf-8"))
    import pdfplumber

    with pdfplumber.open(str(pdf)) as p:
        gold["document"]["pages"] = len(p.pages)
    gold = fill_pages(gold, pdf)
    gold_path = out_dir / f"{NAME}.gold.json"
    write_gold(gold_path, gold)
    return [pdf, gold_path]
