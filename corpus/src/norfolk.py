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


LARGE_PRINT_AGENDA = ("If you need this document in large print, audio, Braille, alternative format or in a "
                      "different language please contact Customer Services on 0344 800 8020 or Text Relay on "
                      "18001 0344 800 8020 (textphone) and we will do our best to help.")
LARGE_PRINT_REPORT = ("If you need this report in large print, audio, braille, alternative format or in a "
                      "different language please contact 0344 800 8020 or 0344 800 8011 (textphone) and we will "
                      "do our best to help.")


def large_print(text: str) -> Flowable:
    t = Table([[Paragraph(esc(text), CUR["cell"])]], colWidths=[FRAME_W * 0.78], hAlign="CENTER")
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, colors.black), ("LEFTPADDING", (0, 0), (-1, -1), 8),
                           ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return KeepTogether([Spacer(1, 8), t])


def officer_contact() -> list[Flowable]:
    return [CondPageBreak(60 * mm), P("Officer Contact", "h3"),
            P("If you have any questions about matters contained in this paper, please get in touch with:"),
            two_col([("Officer name:", "Jo Martin"), ("Tel No:", "01603 223814"),
                     ("Email address:", "jo.martin@norfolk.gov.uk")], (40 * mm, 90 * mm), ruled=False)]


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
            out.append(large_print(LARGE_PRINT_AGENDA))
        elif key == "large2":
            out.append(large_print(LARGE_PRINT_REPORT))
        elif key == "officer":
            out.extend(officer_contact())
        elif key in hooks:
            out.extend(hooks[key]())
        else:
            raise ValueError(f"{name}: unknown marker {marker}")
    flush()
    return out


# --------------------------------------------------------------------------- agenda front sheet

MEMBERSHIP = [
    ("Cllr Alison Webb", "Cllr Trevor Carter", "Breckland District Council"),
    ("Cllr Nigel Shaw", "Cllr David King", "Broadland District Council"),
    ("Cllr Penny Carpenter", "To be confirmed", "Great Yarmouth Borough Council"),
    ("Cllr Alexandra Kemp", "Cllr Anthony Bubb", "King's Lynn and West Norfolk Borough Council"),
    ("Cllr Mark Kiddle-Morris", "Cllr Julian Kirk", "Norfolk County Council"),
    ("Cllr Graham Carpenter", "Cllr Ian Mackie", "Norfolk County Council"),
    ("Cllr Emma Corlett", "To be confirmed", "Norfolk County Council"),
    ("Cllr Tim Adams", "Cllr Sarah Butikofer", "North Norfolk District Council"),
    ("Cllr Adam Giles", "Cllr Cate Oliver", "Norwich City Council"),
    ("Cllr James Easter", "Cllr Tony Holden", "South Norfolk District Council"),
]


def agenda_item(num: str, title: str, page: str | None, body: list[Flowable]) -> list[Flowable]:
    t = Table([[Paragraph(f"<b>{num}</b>", CUR["body"]), Paragraph(f"<b>{md(title)}</b>", CUR["body"]),
                Paragraph(page or "", CUR["body"])]],
              colWidths=[12 * mm, FRAME_W - 40 * mm, 28 * mm], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [t, *body, Spacer(1, 6)]


def indented(text: str) -> Paragraph:
    return Paragraph(md(text), ParagraphStyle("ind", parent=CUR["body"], leftIndent=12 * mm))


def front_sheet() -> list[Flowable]:
    s: list[Flowable] = [
        P("Norfolk Countywide Community Safety Partnership Scrutiny Sub Panel", "h1"),
        two_col([("Date:", "Thursday 16 September 2021"), ("Time:", "10am"),
                 ("Venue:", "Council Chamber, County Hall, Norwich")], (25 * mm, 120 * mm), ruled=False),
        Spacer(1, 10),
        P("Advice for members of the public:", "h3"),
        P("This meeting will be held in public and in person."),
        P("It will be live streamed on YouTube and, in view of Covid-19 guidelines, we would encourage members "
          "of the public to watch remotely by clicking on the following link:"),
        P("https://youtu.be/ fMPvIG3a1E"),
        P("However, if you wish to attend in person it would be most helpful if, on this occasion, you could "
          "indicate in advance that it is your intention to do so. This can be done by emailing "
          "committees@norfolk.gov.uk where we will ask you to provide your name, address and details of how we "
          "can contact you (in the event of a Covid-19 outbreak). Please note that public seating will be limited."),
        P("Councillors and Officers attending the meeting will be taking a lateral flow test in advance. They will "
          "also be required to wear face masks when they are moving around the room but may remove them once "
          "seated. We would like to request that anyone attending the meeting does the same to help make the "
          "event safe for all those attending. Information about symptom-free testing is available here."),
        P("Membership", "h2"),
    ]
    rows = [[C("MAIN MEMBER", bold=True), C("SUBSTITUTE MEMBER", bold=True), C("REPRESENTING", bold=True)]]
    rows += [[C(a), C(b), C(c)] for a, b, c in MEMBERSHIP]
    s.append(ruled_table(rows, [50 * mm, 50 * mm, FRAME_W - 100 * mm], header_fill=None, grid=False,
                         extra_style=[("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]))
    s += [Spacer(1, 12),
          P("For further details and general enquiries about this Agenda please contact the Committee "
            "Administrator:"),
          P("**Tim Shaw on (01603) 222948 or email timothy.shaw@norfolk.gov.uk**"),
          PageBreak(),
          P("Agenda", "h1")]
    s += agenda_item("1.", "To receive apologies and details of any substitute members attending", None, [])
    s += agenda_item("2.", "Minutes", "Page 5", [indented("To confirm the minutes of the meeting held on 20 July 2021.")])
    decl = [
        "If you have a **Disclosable Pecuniary Interest** in a matter to be considered at the meeting and that "
        "interest is on your Register of Interests you must not speak or vote on the matter.",
        "If you have a **Disclosable Pecuniary Interest** in a matter to be considered at the meeting and that "
        "interest is not on your Register of Interests you must declare that interest at the meeting and not "
        "speak or vote on the matter",
        "In either case you may remain in the room where the meeting is taking place. If you consider that it "
        "would be inappropriate in the circumstances to remain in the room, you may leave the room while the "
        "matter is dealt with.",
        "If you do not have a Disclosable Pecuniary Interest you may nevertheless have an **Other Interest** in "
        "a matter to be discussed if it affects, to a greater extent than others in your division",
    ]
    body: list[Flowable] = [indented(d) for d in decl]
    body += [Paragraph(md(t), CUR["b"], bulletText="•") for t in
             ["Your wellbeing or financial position, or", "that of your family or close friends", "Any body -"]]
    body += [Paragraph(md(t), CUR["bb"], bulletText="o") for t in
             ["Exercising functions of a public nature.", "Directed to charitable purposes; or",
              "One of whose principal purposes includes the influence of public opinion or policy (including any "
              "political party or trade union);"]]
    body += [indented("Of which you are in a position of general control or management."),
             indented("If that is the case then you must declare such an interest but can speak and vote on the "
                      "matter.")]
    s += agenda_item("3.", "Members to Declare any Interests", None, body)
    s.append(PageBreak())
    s += agenda_item("4.", "To receive any items of business which the Chair decides should be considered as a "
                     "matter of urgency", None, [])
    s += agenda_item("5.", "Norfolk Countywide Community Safety Partnership Strategy 2021-24: the final "
                     "Community Safety Plan", "(Page 24)", [indented("To consider the final Plan and consultation report.")])
    s += agenda_item("6.", "Norfolk Countywide Community Safety Partnership Strategy 2021-24: the draft "
                     "Delivery Plan", "(Page 69)", [indented("To consider the draft Delivery Plan.")])
    s += agenda_item("7.", "Forward Work Programme", "(Page 86)", [indented("To consider the proposed work programme.")])
    s += [Spacer(1, 30)]
    s += [Paragraph(esc(x), ParagraphStyle("addr", parent=CUR["body"], spaceAfter=0)) for x in
          ["Tom McCabe", "Head of Paid Service", "Norfolk County Council", "County Hall", "Martineau Lane",
           "Norwich", "NR1 2DH"]]
    s += [Spacer(1, 14), P("**Date Agenda Published: 8 September 2021**"), PageBreak(),
          Spacer(1, 420), large_print(LARGE_PRINT_AGENDA)]
    return s


# --------------------------------------------------------------------------- slides

def chart_placeholder(w: float, h: float, seed: int) -> Flowable:
    return Picture(w, h, seed=seed)


def disability_chart() -> Drawing:
    """The one slide chart whose numbers the seed keeps (9.4%, 13.6%, 77.0%)."""
    d = Drawing(380, 190)
    bc = VerticalBarChart()
    bc.x, bc.y, bc.width, bc.height = 40, 40, 320, 130
    bc.data = [[13.6, 77.0, 9.4]]
    bc.valueAxis.valueMin, bc.valueAxis.valueMax, bc.valueAxis.valueStep = 0, 100, 20
    bc.categoryAxis.categoryNames = ["I have a disability", "I do not have a disability", "Prefer not to say"]
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
    deck: list[list[Flowable]] = [
        [Paragraph("Appendix 1", CUR["small"]), Spacer(1, 80),
         Paragraph("NCCSP Strategic Plan", ParagraphStyle("t", parent=CUR["slide_title"], fontSize=34, leading=40)),
         Paragraph("Development and overview – Liam Bannon", CUR["slide_p"]), Spacer(1, 40),
         Paragraph("Appendix 1 to the minutes", CUR["slide_p"])],
        slide("Community Safety Partnerships", [
            ("p", "Required to:"), ("b", "Undertake an annual strategic assessment"),
            ("b", "Develop community safety priorities"), ("b", "Consult with the public on priorities"),
            ("b", "Develop a partnership plan"),
            ("b", "The responsible authorities, required to form a CSP by law are Local Authorities (County & "
                  "District), Police, Probation, Fire, NHS Clinical Commissioning Groups.")]),
        slide("Plan development", [
            ("b", "NCCSP priorities agreed for 2021 to 2024 in January"), ("b", "Proposed strategic plan based on:"),
            ("bb", "NCCSP review of intended outcomes, priorities and delivery structure"),
            ("bb", "Strategic assessment"), ("bb", "Agreed NCCSP approach evidence led and locality focus"),
            ("bb", "Policy review, including:"), ("bb", "Domestic Abuse Act 2021"), ("bb", "Serious Violence Duty"),
            ("bb", "Amendments to the Prevent Duty"), ("bb", "Home Office policing priorities")]),
        slide("Plan development", [
            ("p", "Principles and draft plan were presented and agreed by:"), ("b", "NCCSP"),
            ("b", "Leaders Board"), ("b", "Chief Executive Group"), ("b", "District and County Councils"),
            ("b", "Public engagement events")]),
        slide("Strategic themes", [], [chart_placeholder(w * 0.8, 300, 2)]),
        slide("The proposed NCCSP priorities", [
            ("b", "**Serious Violence**"), ("bb", "Domestic and sexual abuse"), ("bb", "County lines linked violence"),
            ("bb", "Develop public health approach to serious violence"),
            ("b", "**Preventing Terrorism**"), ("bb", "Extremism, radicalisation and safeguarding"),
            ("bb", "Community tensions and hate crime"),
            ("b", "**Criminal exploitation**"), ("bb", "Modern Slavery"), ("bb", "County Lines"),
            ("b", "**Neighbourhood crime**"), ("bb", "Acquisitive crime"), ("bb", "Anti-social behaviour"),
            ("b", "**Fraud**"), ("bb", "Cybercrime"), ("bb", "Courier fraud"), ("bb", "Romance scams")]),
        slide("NCCSP approach to community safety", [
            ("b", "Public Health Model"), ("b", "Locality focus"), ("b", "Effective and co-ordinated communication"),
            ("b", "Impact of the COVID-19 response"), ("b", "£500,000 Community Safety Fund")]),
        slide("NCCSP Long Term Outcomes", [
            ("p", "12 long term intended outcomes have been developed covering the following, across the plan's "
                  "priorities:"),
            ("b", "Increasing community confidence"), ("b", "Supporting victims"),
            ("b", "Preventing crime and anti-social behaviour"), ("b", "Identifying victims")]),
        slide("NCCSP Strategic Plan 2021 to 2024 proposed delivery structure", [],
              [chart_placeholder(w * 0.8, 250, 4),
               Paragraph("Strategy or policy &nbsp;&nbsp;&nbsp; NCCSP delivery group &nbsp;&nbsp;&nbsp; "
                         "Externally managed delivery", CUR["body"])]),
        slide("Locality delivery structure", [
            ("p", "Desire for locality structure. Community Safety Officers to:"),
            ("b", "Understand and respond to the unique community safety demands of localities."),
            ("b", "Work closely with locality delivery structures:"), ("bb", "Operational Partnership Teams,"),
            ("bb", "Anti-Social Behaviour Action Groups and"), ("bb", "Early Help Hubs"), ("bb", "Locality boards"),
            ("b", "Work with localities to drive response to priorities.")]),
        slide("Locality delivery structure", [], [_cso_boxes(w)]),
        slide("NCCSP Strategic Plan Consultation", [
            ("b", "Ran from 24th May for 8 weeks to 16th July"),
            ("b", "Asked the public their views on proposed priorities, outcomes, and community safety in general"),
            ("b", "330 responses received"),
            ("b", "Promoted via social media, professional networks, at SNAP meetings, at a special NALC "
                  "presentation, and directly through organisations supporting protected characteristic groups.")]),
        slide("Consultation results: what responders told us", [], [_results_slide(w)]),
        slide("Consultation results: who responded", [],
              [Paragraph("Responders with a disability", CUR["h3"]), disability_chart()]),
        slide("Consultation results: who responded", [],
              [_two_charts(w, "Which of the following options best describes your sexuality?",
                           "Responders' religion")]),
        slide("Plan's next steps", [
            ("b", "Any amendments made as a result of the consultation."),
            ("b", "Sign off from all councils in Norfolk."), ("b", "Developing Delivery Plan.")]),
    ]
    out: list[Flowable] = []
    for i, page in enumerate(deck):
        if i:
            out.append(PageBreak())
        out.extend(page)
    return out


def _cso_boxes(w: float) -> Table:
    boxes = [
        ["**Community Safety Officer 1**", "Localities: King's Lynn, Breckland, North Norfolk",
         "Priorities: Serious violence reduction, fraud, sexual violence"],
        ["**Community Safety Officer 2**", "Localities: Norwich, Broadland, South Norfolk and Great Yarmouth",
         "Priorities: Domestic abuse, prevent and community cohesion"],
        ["**Community Safety Comms Officer**", "Supporting CSP team through communications strategy"],
    ]
    data = [[[Paragraph(md(x), CUR["slide_p"]) for x in b] for b in boxes]]
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
    left = [Paragraph("Number of responders agreeing with NCCSP proposed priorities", CUR["body"]),
            chart_placeholder(w / 2 - 20, 120, 5), Paragraph(LOGO, CUR["small"]),
            Paragraph("Proportion of responders who agree with the proposed outcomes", CUR["body"]),
            chart_placeholder(w / 2 - 20, 120, 6)]
    right: list[Flowable] = [Paragraph("Key themes on what would make responders feel safer include:", CUR["body"])]
    right += [Paragraph(md(x), CUR["b"], bulletText="•") for x in [
        "Increasing visible policing and restoring PCSOs",
        "Targeting low level offending and ASB to prevent escalation and improve satisfaction",
        "Increasing road safety and focussing on road enforcement", "Tackling drug use and dealing",
        "Providing CCTV and effective streetlighting", "Provision of youth activities as a preventative measure"]]
    t = Table([[left, right]], colWidths=[w / 2, w / 2])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


# --------------------------------------------------------------------------- plan appendices

OUTCOMES: list[tuple[str, list[str], list[str]]] = [
    ("Long-term outcome 1: People feel safe from crime and anti-social behaviour in Norfolk", [], [
        "Anti-social behaviour reported to police and councils",
        "Qualitative feedback from Norfolk residents on feelings of safety and fear of crime",
        "Satisfaction with the service provided by responsible authorities"]),
    ("Long-term outcome 2: Reduce overall levels of hate crime, fraud and anti-social behaviour", [], [
        "Hate crime reported to the police", "Fraud reported to Norfolk Constabulary and Action Fraud",
        "Anti-social behaviour reported to police and councils"]),
    ("Long-term outcome 3: Victims feel confident reporting their experience and are able to cope and recover", [], [
        "Satisfaction with the response to crime and anti-social behaviour from responsible authorities",
        "Public confidence in reporting crime and anti-social behaviour to the responsible authorities",
        "Victims who access support service feel they have been supported to cope and recover"]),
    ("Long-term outcome 4: Reduce overall neighbourhood crimes levels", [], [
        "Number of reported burglaries in Norfolk", "Number of reported robberies in Norfolk",
        "Number of reported vehicle crimes in Norfolk", "Number of reported violent offences in Norfolk",
        "Reduce levels fly tipping"]),
    ("Long-term outcome 5: Reduce reoffending", [], [
        "Number of reoffences", "Number of reoffenders",
        "Seriousness of reoffending, measured using Cambridge Crime Harm Index"]),
    ("Long-term outcome 6: People are prevented from being drawn into criminal exploitation and terrorism", [], [
        "Children and young people arrested for drug offences", "Number of referrals to channel panel process",
        "Deliver against the 'Prevent Duty Toolkit for Local Authorities and Partner Agencies'"]),
    ("Long-term outcome 7: Victims of exploitation are made to feel safe", [], [
        "National Referral Mechanisms referrals for children and young people",
        "National Referral Mechanisms referrals for adults"]),
    ("Long-term outcome 8: People most at risk of criminal exploitation in Norfolk are identified and supported "
     "as early as possible", [], [
        "Trend in the Children and young people screened through the Multi-Agency Criminal Exploitation (MACE) "
        "process",
        "Trend in adults screened through the Vulnerable Adult Risk Assessment Conference (VARAC) process "
        "(Norwich only)",
        "Number of Modern Slavery offences recorded",
        "Number of children and young people diverted from the criminal justice system"]),
    ("Long term outcome 9: Reduce overall victimisation, risk, harm, perpetration and reoffending for:",
     ["Rape and sexual offences", "Domestic abuse", "Serious violence"], [
        "Number of reported rapes, serious sexual offences and other sexual offences in Norfolk",
        "Number of historic rapes, serious sexual offences and sexual offences reported",
        "Number of victims referred to sexual violence services by the police",
        "Number of sexual offences referred to Crown Prosecution Service",
        "Number of sexual offence reports resulting in a conviction",
        "Number of child sexual offences reported", "Number of domestic abuse crimes reported",
        "Number of repeat domestic abuse victims and offenders",
        "Number of hospital admissions for serious violence", "Number of knife crimes recorded",
        "Number of homicides"]),
]


def outcome_tables() -> list[Flowable]:
    out: list[Flowable] = [P("Measures", "h3")]
    for title, bullets, measures in OUTCOMES:
        head: list[Flowable] = [Paragraph(md(f"**{title}**"), CUR["cell"])]
        head += [Paragraph(esc(b), CUR["cell"], bulletText="•") for b in bullets]
        rows: list[list[Any]] = [[head, ""]]
        rows += [[C(str(i)), C(m)] for i, m in enumerate(measures, 1)]
        out.append(ruled_table(rows, [12 * mm, FRAME_W - 12 * mm], spans=[((0, 0), (1, 0))],
                               header_fill=colors.HexColor("#DEEBF7"), split_in_row=False))
        out.append(Spacer(1, 8))
    return out


POLICY = [
    ("Norfolk Safeguarding Children Board", ["Priority areas:", "Neglect", "Child Exploitation"]),
    ("Norfolk Safeguard Adults Board", ["Preventing abuse and neglect"]),
    ("Norfolk Criminal Justice Board", [
        "Provide support to Victims and Witnesses throughout the CJS",
        "Prevent crime and reduce the likelihood of reoffending by managing offenders effectively and diverting "
        "people away from offending behaviour"]),
    ("Norfolk Reducing Reoffending Board", [
        "Prevention – Intervening early to help to prevent the onset of offending behaviour",
        "Diversion – Diverting people involved in minor offences away from unnecessary contact with the criminal "
        "justice system",
        "Offender Management – Ensuring effective delivery of custodial and community sentences to ensure that "
        "those convicted of offences are held to account for their actions, whilst being given the appropriate "
        "support and encouragement to move on and to avoid reoffending in the future",
        "Rehabilitation and Resettlement – Delivering practical support services to help those who are motivated "
        "to change to reintegrate successfully into the community and to achieve stable lifestyles away from "
        "crime"]),
    ("Norfolk Health and Wellbeing Board", [
        "Prioritising prevention", "Tackling inequalities", "Integrating our way of working",
        "All working towards a Single Sustainable Health and Wellbeing System"]),
]


def policy_table() -> list[Flowable]:
    rows: list[list[Any]] = [[C("Norfolk Strategic Partnership Priorities", bold=True), ""],
                             [C("Partnership", bold=True), C("Priorities", bold=True)]]
    for name, items in POLICY:
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
    s: list[Flowable] = [
        P("Norfolk County Community Safety Partnership (NCCSP) Strategic Plan Consultation", "h2"),
        P("1.", "h3"), P("What is the NCCSP?", "h3"),
        P("The NCCSP brings together organisations from across Norfolk to tackle crime and disorder, and ensure "
          "the county remains a safe place for people to live, work and visit."),
        P("The partnership is currently supported by the Office of the Police and Crime Commissioner for Norfolk "
          "(OPCCN) and chaired by its Chief Executive. The members of the NCCSP represent local councils, policing "
          "and fire services, probation, youth offending, health and housing. Its role is to work together to:"),
    ]
    s += [P(x) for x in ["Reduce reoffending", "Tackle crime and disorder", "Tackle anti-social behaviour (ASB)",
                         "Tackle alcohol and substance misuse, and",
                         "Tackle any other behaviour which has a negative effect on the local environment."]]
    s += [P("The NCCSP has worked together to create a new strategic plan, which contains new community safety "
            "priorities for Norfolk."),
          P("Introduction", "h3"),
          P("Thank you for taking part in the NCCSP's consultation on its Strategic Plan. It should take around 10 "
            "minutes to complete and results will be published once the consultation closes and results have "
            "been analysed."),
          P("If you would like to report a crime you can do so through Norfolk Constabulary's 'Report it' "
            "webpage² or by calling 101. In an emergency call 999."),
          P("Responses will be processed by the OPCCN. Your responses will be anonymous. If any individually "
            "identifiable information is provided, the OPCCN will ensure that any publications relating to the "
            "survey maintain anonymity. You may withdraw your consent at any time, by closing the survey before "
            "completion. Any data provided before closing the survey will not be used in our analysis and will be "
            "confidentially destroyed accordingly. The OPCCN complies with data protection legislation, including "
            "GDPR, by applying its Data Protection Policy."),
          P("Once complete, please return to library reception who will return survey to the OPCCN."),
          P("**1. Which district do you live in? ***"),
          _box_options(["Breckland", "Broadland", "Great Yarmouth", "King's Lynn and West Norfolk", "North Norfolk",
                        "Norwich", "South Norfolk", "Prefer not to say", "Other (please specify):"]),
          Spacer(1, 6),
          P("**2. The NCCSP's strategic assessment of crime and community safety issues affecting Norfolk informed "
            "the seven proposed priorities for the next three years. The key reasons for our proposed priorities "
            "are set out on page 3 to 5 of the Strategic Plan³.**"),
          P("Do you agree that the following should be priorities for the NCCSP? *"),
          P("² https://www.norfolk.police.uk/contact-us/6-report-it", "fn"),
          P("³ The plan is available through the following web address: "
            "https://www.norfolk-pcc.gov.uk/assets/documents/DraftSaferNorfolkPlan2021.pdf", "fn"),
          PageBreak()]
    heads = ["", "Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree",
             "Don't know"]
    items = ["Serious violence", "Domestic and sexual abuse", "Preventing terrorism",
             "Criminal exploitation, including modern slavery and county lines",
             "Neighbourhood crimes like burglary, robbery, vehicle crime and other theft offences",
             "Anti-social behaviour", "Hate crime and community tensions", "Fraud"]
    rows = [[C(h, bold=True) for h in heads]] + [[C(i)] + [""] * 6 for i in items]
    s.append(ruled_table(rows, [60 * mm] + [(FRAME_W - 60 * mm) / 6] * 6, header_fill=None))
    s += [P("Comments:"), Spacer(1, 40),
          P("**3. The Community Safety Partnership has proposed setting 12 long-term outcomes, which it will work to "
            "achieve over the course of the next three years. They are spread across four strategic areas, which "
            "are set out below:**")]
    areas = [
        ("Building Resilient Cohesive Communities", [
            "People feel safe from crime and anti-social behaviour in Norfolk",
            "Reduce overall levels of hate crime, fraud and anti-social behaviour",
            "Victims feel confident reporting their experience and are able to cope and recover"]),
        ("Tackling and Reducing Neighbourhood Crime", [
            "Victims of neighbourhood crime are supported to cope and recover from their experience",
            "Reduce overall neighbourhood crimes levels", "Reduce reoffending"]),
        ("Reducing the Threat of Criminal Exploitation", [
            "People are prevented from being drawn into Criminal exploitation and terrorism",
            "Victims of exploitation are made to feel safe",
            "People most at risk of criminal exploitation in Norfolk are identified and supported as early as "
            "possible"]),
        ("Safeguarding Communities from Abuse and Serious Violence", [
            "Victims are more confident reporting their experience and are satisfied with the response",
            "Victims of abuse and violence are supported to cope and recover",
            "Reduce overall victimisation, risk, harm, perpetration and reoffending for:"]),
    ]
    for area, outs in areas:
        s.append(P(f"**{area}**"))
        s += [Paragraph(esc(o), CUR["subnum"], bulletText=f"{i}.") for i, o in enumerate(outs, 1)]
    s += [Paragraph(esc(x), ParagraphStyle("abc", parent=CUR["subnum"], leftIndent=80, bulletIndent=62),
                    bulletText=f"{ch}.") for ch, x in zip("abc", ["Rape and sexual offences", "Domestic abuse",
                                                                  "Serious violence"], strict=False)]
    s += [P("**Do you agree with the NCCSP's long-term outcomes? ***"),
          _box_options(["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"]),
          P("Comments:"), Spacer(1, 30),
          P("**4. Do you have any further comments regarding the draft Strategic Plan?**"), Spacer(1, 50),
          P("**5. What would make you feel safer in your local area?**"), Spacer(1, 50), PageBreak(),
          P("**6. What is your gender? ***"),
          _box_options(["Male", "Female", "Prefer not to say", "Other (please specify):"]), Spacer(1, 6),
          P("**7. How old are you? ***"),
          _box_options(["Under 16", "16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+",
                        "Prefer not to say"]), Spacer(1, 6),
          P("**8. What is your ethnic group? ***"),
          _box_options(["Prefer not to say"]), Spacer(1, 6), _box_options(["Prefer not to say"])]
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

FWP = [
    ("16 December 2021", ["Consider a performance update and an in-depth review of one or two Partnership "
                          "priorities (to be agreed)."]),
    ("24 February 2022", ["Consider a performance update and an in-depth review of one or two Partnership "
                          "priorities."]),
    ("May/June 2022 (to be confirmed)", ["Appointment of Chair & Vice-Chair;", "Confirm Terms of Reference;",
                                         "Consider a performance update and an in-depth review of one or two "
                                         "Partnership priorities (to be agreed)."]),
    ("September 2022 (to be confirmed)", ["Consider a performance update and an in-depth review of one or two "
                                          "Partnership priorities (to be agreed)."]),
]


def forward_work_programme() -> list[Flowable]:
    rows: list[list[Any]] = [[C(h, bold=True) for h in ["Date", "Report", "Issues for consideration",
                                                           "Invited to attend"]]]
    for date, issues in FWP:
        rows.append([C(date), C("NCCSP Plan 2021-24 – performance monitoring"),
                     [Paragraph(esc(x), CUR["cell"], bulletText="•") for x in issues], ""])
    s: list[Flowable] = [P("NCCSP Scrutiny Sub Panel Forward Work Programme", "h2"),
                         ruled_table(rows, [30 * mm, 45 * mm, 65 * mm, FRAME_W - 140 * mm]), Spacer(1, 12),
                         P("**Items identified for consideration at future meetings:**"),
                         P("It was agreed at the 27 November 2020 Sub Panel that the following matters should be "
                           "addressed in future reports on the relevant Partnership priorities:")]
    s += [Paragraph(esc(x), CUR["subnum"], bulletText=b) for b, x in [
        ("a)", "How the complex relationships between services covered by the Vulnerable Adolescent Group were "
               "being managed and what those services felt like for vulnerable young people in the community."),
        ("b)", "The contribution being made by housing teams to identifying and protecting vulnerable people at "
               "risk of exploitation.")]]
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
