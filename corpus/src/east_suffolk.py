"""Seed 000: East Suffolk Council Scrutiny Committee report, 20 July 2023, on the East Suffolk CSP.

The text lives in ``east_suffolk_data/`` (lifted from the seed, content unchanged);
this module lays it out as the council's Word-made PDF most likely looked: a cover
form, an impact assessment, a checkbox table, numbered sections in a ruled
two-column table with the funding table inside section 2.6, Appendix B as a
one-page update, and Appendix C on landscape pages (one action-plan table per
priority, the Priority cell merged down its rows). The gold file is put together
from hand-made decisions (``gold_hand.json``) and the same seed text, with pages
located in the rendered PDF.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from render import (
    NextPageTemplate,
    PageBreak,
    Spacer,
    build_pdf,
    cell,
    colors,
    esc,
    markup,
    mm,
    page_of,
    ruled_table,
    styles,
    write_gold,
)
from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

DATA = Path(__file__).resolve().parent / "east_suffolk_data"
PDF_NAME = "east-suffolk-scrutiny-2023-07-20.pdf"
GOLD_NAME = "east-suffolk-scrutiny-2023-07-20.gold.json"
SEED_NAME = "000_eebcf47324555b43.txt"

ST = styles(size=11)  # report pages: Arial 11 in the original, Helvetica here
PLAN = styles(size=9)  # landscape action plan: cell text 7.5 pt
TEAL = colors.HexColor("#00758F")
LIGHT = colors.HexColor("#E7EEF3")
#: frame widths less the frame's 6 pt padding each side: tables exactly this wide, because
#: reportlab centres the pieces of a row split over a page (it drops hAlign there)
PORTRAIT_W = 180 * mm - 12
LANDSCAPE_W = 267 * mm - 12
BOX_FONT = "DejaVuSans"  # for the ballot-box glyphs Word draws in checkbox controls
_BOX_TTF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def fit(widths: list[float], total: float) -> list[float]:
    """Scale column widths so the table is exactly ``total`` wide."""
    k = total / sum(widths)
    return [w * k for w in widths]


def load(name: str) -> dict[str, Any]:
    """One of the data files beside this module."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def rich(text: str) -> str:
    """Seed markdown (``**bold**``, ``[link](#)``) to reportlab markup, the rest escaped."""
    out = esc(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    return re.sub(r"\[(.+?)\]\(#\)", r'<font color="#0563C1"><u>\1</u></font>', out)


def p(text: str, style: str = "body", st: dict[str, ParagraphStyle] | None = None) -> Paragraph:
    return markup(rich(text), style, st or ST)


def bullet_style(base: ParagraphStyle, name: str, **kw: Any) -> ParagraphStyle:
    """A bullet style whose bullet glyph is in a font with a Unicode map (pdfplumber reads it as U+2022)."""
    font = BOX_FONT if BOX_FONT in pdfmetrics.getRegisteredFontNames() else base.fontName
    return ParagraphStyle(name, parent=base, bulletFontName=font, **kw)


def blocks_to_flowables(blocks: list[Any], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Section blocks (paragraph strings, bullet lists, plain line lists) to cell flowables."""
    out: list[Flowable] = []
    body = ParagraphStyle("secbody", parent=st["body"], spaceAfter=6)
    bullet = bullet_style(st["bullet"], "secbullet")
    for block in blocks:
        if isinstance(block, str):
            out.append(Paragraph(rich(block), body))
        elif "bullets" in block:
            for item in block["bullets"]:
                out.append(Paragraph(rich(item), bullet, bulletText="\u2022"))
            out.append(Spacer(1, 4))
        elif "lines" in block:
            lines = ParagraphStyle("lines", parent=body, leftIndent=14, spaceAfter=0)
            out.extend(Paragraph(esc(line), lines) for line in block["lines"])
            out.append(Spacer(1, 6))
    return out


def checkbox(checked: bool | None) -> Paragraph | str:
    """Word's checkbox content control: a ballot box glyph, crossed when ticked."""
    if checked is None:
        return ""
    font = BOX_FONT if BOX_FONT in pdfmetrics.getRegisteredFontNames() else "ZapfDingbats"
    glyph = ("\u2612" if checked else "\u2610") if font == BOX_FONT else ("n" if checked else "o")
    style = ParagraphStyle("box", parent=ST["cell"], fontName=font, fontSize=12, leading=13, alignment=1)
    return Paragraph(glyph, style)


def cover(report: dict[str, Any]) -> list[Flowable]:
    """Committee name, date and the ruled two-column form at the top of page 1."""
    big = ParagraphStyle("committee", parent=ST["h1"], fontSize=16, textColor=colors.black, spaceAfter=4)
    date = ParagraphStyle("date", parent=ST["h2"], fontSize=13, spaceBefore=0, spaceAfter=12)
    story: list[Flowable] = [Spacer(1, 18 * mm), Paragraph(esc(report["committee"]), big),
                             Paragraph(esc(report["date"]), date)]
    label_w, value_w = 45 * mm, PORTRAIT_W - 45 * mm
    rows = [[cell(label, True, ST), [p(x, "cell", ST) for x in values]] for label, values in report["cover"]]
    story.append(ruled_table(rows, [label_w, value_w], header_rows=0, header_fill=None,
                             extra_style=[("BACKGROUND", (0, 0), (0, -1), LIGHT)]))
    story.append(Spacer(1, 8))
    rows2 = [[cell(a, True, ST), cell(b, False, ST)] for a, b in report["cover2"]]
    story.append(ruled_table(rows2, [label_w, value_w], header_rows=0, header_fill=None,
                             extra_style=[("BACKGROUND", (0, 0), (0, -1), LIGHT)]))
    story.append(Spacer(1, 10))
    return story


def boxed_section(section: dict[str, Any]) -> list[Flowable]:
    """A shaded heading bar over labelled paragraphs, as the ESC report template draws them."""
    head = ParagraphStyle("bar", parent=ST["h3"], textColor=colors.white, spaceBefore=0, spaceAfter=0)
    rows: list[list[Any]] = [[Paragraph(esc(section["title"]), head)]]
    for label, paras in section["items"]:
        rows.append([[Paragraph(esc(label), ST["h3"])] + [p(x) for x in paras]])
    table = ruled_table(rows, [PORTRAIT_W], header_rows=1, header_fill=TEAL, repeat_header=False)
    return [table, Spacer(1, 10)]


def strategic_plan(sp: dict[str, Any]) -> list[Flowable]:
    """The Strategic Plan priorities table with its Primary / Secondary checkboxes."""
    widths = fit([14 * mm, 100 * mm, 30 * mm, 30 * mm], PORTRAIT_W)
    rows: list[list[Any]] = [[cell(sp["intro"], True, ST), "", cell(sp["primary"], True, ST),
                              cell(sp["secondary"], True, ST)]]
    style: list[tuple] = [("SPAN", (0, 0), (1, 0)), ("VALIGN", (2, 1), (3, -1), "MIDDLE")]
    for i, (code, label, primary, secondary) in enumerate(sp["rows"], start=1):
        is_theme = primary is None
        rows.append([cell(code, is_theme, ST), cell(label, is_theme, ST), checkbox(primary), checkbox(secondary)])
        if is_theme:
            style.append(("BACKGROUND", (0, i), (-1, i), LIGHT))
    question, answer = sp["how"].split("? ", 1)
    rows.append([[Paragraph(esc(question + "?"), ST["cellbold"]), p(answer, "cell", ST)], "", "", ""])
    style.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
    return [Paragraph(esc(sp["title"]), ST["h2"]),
            ruled_table(rows, widths, header_rows=1, repeat_header=False, extra_style=style,
                        split_in_row=False),
            Spacer(1, 10)]


def section_rows(section: dict[str, Any]) -> list[list[Any]]:
    """One numbered row: bold heading rows for '1', '2'...; heading plus text for '2.3'."""
    bold = ParagraphStyle("sh", parent=ST["body"], fontName="Helvetica-Bold")
    if not section["blocks"]:
        return [[Paragraph(esc(section["num"]), bold), Paragraph(esc(section["heading"]), bold)]]
    content: list[Flowable] = []
    if section["heading"]:
        content.append(Paragraph(esc(section["heading"]), bold))
    content.extend(blocks_to_flowables(section["blocks"], ST))
    return [[Paragraph(section["num"], ST["body"]), content]]


NUM_W = 15 * mm
TEXT_W = PORTRAIT_W - NUM_W


def numbered_table(rows: list[list[Any]]) -> Table:
    return ruled_table(rows, [NUM_W, TEXT_W], header_rows=0, header_fill=None, split_in_row=True)


def funding_table(data: dict[str, Any]) -> Table:
    """The Date / Project / Price table, drawn inside the text column of section 2.6.

    Its header is NOT repeated when the rows run over the page break (as in the seed).
    """
    header = [""] + [cell(h, True, ST) for h in data["header"]]
    rows = [header] + [["", cell(d, False, ST), cell(proj, False, ST), cell(price, False, ST)]
                       for d, proj, price in data["rows"]]
    style = [
        ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.5, colors.black),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.5, colors.black),
        ("INNERGRID", (1, 0), (-1, -1), 0.5, colors.black),
        ("LINEBEFORE", (1, 0), (1, -1), 0.5, colors.black),
        ("BACKGROUND", (1, 0), (-1, 0), LIGHT),
        ("RIGHTPADDING", (0, 0), (0, -1), 6),
    ]
    widths = [NUM_W, 26 * mm, TEXT_W - 26 * mm - 24 * mm, 24 * mm]
    return ruled_table(rows, widths, header_rows=1, repeat_header=False, grid=False,
                       header_fill=None, extra_style=style, split_in_row=False)


def background(report: dict[str, Any]) -> list[Flowable]:
    """Numbered sections 1-4; section 2.6 opens the funding table between its paragraphs."""
    story: list[Flowable] = [CondPageBreak(40 * mm), Paragraph(esc(report["background_title"]), ST["h2"])]
    pending: list[list[Any]] = []
    for section in report["sections"]:
        table_at = next((i for i, b in enumerate(section["blocks"])
                         if isinstance(b, dict) and "funding_table" in b), None)
        if table_at is None:
            pending.extend(section_rows(section))
            continue
        before = dict(section, blocks=section["blocks"][:table_at])
        after = dict(section, num="", heading=None, blocks=section["blocks"][table_at + 1:])
        pending.extend(section_rows(before))
        story.append(numbered_table(pending))
        story.append(funding_table(section["blocks"][table_at]["funding_table"]))
        pending = section_rows(after)
    story.append(numbered_table(pending))
    return story


def appendix_list(report: dict[str, Any]) -> list[Flowable]:
    """The closing 'Appendices' and 'Background reference papers' tables."""
    ap, bg = report["appendices"], report["background_papers"]
    story: list[Flowable] = [Spacer(1, 12), Paragraph(esc(ap["title"]), ST["h2"]),
                             Paragraph(esc(ap["label"]), ST["h3"])]
    story.append(ruled_table([[cell(a, True, ST), cell(b, False, ST)] for a, b in ap["rows"]],
                             [35 * mm, PORTRAIT_W - 35 * mm], header_rows=0, header_fill=None))
    story += [Spacer(1, 10), Paragraph(esc(bg["label"]), ST["h3"])]
    rows = [[cell(h, True, ST) for h in bg["header"]]] + [[cell(x, False, ST) for x in r] for r in bg["rows"]]
    story.append(ruled_table(rows, fit([35 * mm, 70 * mm, 69 * mm], PORTRAIT_W), repeat_header=False))
    return story


def appendix_b(b: dict[str, Any]) -> list[Flowable]:
    """The SSCB programme office update: a banner and grouped bullets (one page)."""
    banner = ParagraphStyle("banner", parent=ST["h1"], textColor=colors.white, fontSize=18, spaceAfter=0)
    sub = ParagraphStyle("bannersub", parent=ST["h3"], textColor=colors.white, spaceBefore=2)
    head = Table([[[Paragraph(esc(b["title"]), banner), Paragraph(esc(b["subtitle"]), sub)]]],
                 colWidths=[PORTRAIT_W])
    head.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), TEAL), ("LEFTPADDING", (0, 0), (-1, -1), 10),
                              ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
    story: list[Flowable] = [PageBreak(), Paragraph(esc(b["label"]), ST["h2"]), Spacer(1, 6), head,
                             Spacer(1, 10), Paragraph(esc(b["overview"]), ST["h2"]),
                             Paragraph(esc(b["lead"]), ST["h3"])]
    item = bullet_style(ST["bullet"], "item", leftIndent=30, bulletIndent=18, spaceAfter=2)
    group_style = bullet_style(ST["bullet"], "group")
    for group in b["groups"]:
        story.append(Paragraph(f"<b>{esc(group['heading'])}</b>", group_style, bulletText="\u2022"))
        story.extend(Paragraph(rich(x), item, bulletText="\u2013") for x in group["items"])
    return story


# Appendix C column widths (landscape A4, 15 mm margins leave 267 mm)
THEME_W = fit([22 * mm, 52 * mm, 55 * mm, 26 * mm, 14 * mm, 98 * mm], LANDSCAPE_W)
PLAN_W = fit([20 * mm, 30 * mm, 42 * mm, 24 * mm, 12 * mm, 73 * mm, 22 * mm, 22 * mm, 22 * mm], LANDSCAPE_W)
#: which priority tables repeat their header row over a page break (Word's "repeat as header row")
REPEAT_HEADER = {"VAWG"}


def plan_cell(paras: list[str], bold: bool = False) -> Any:
    """A plan cell: its paragraphs as flowables (one paragraph plain, several stacked)."""
    if not paras:
        return ""
    style = PLAN["cellbold" if bold else "cell"]
    if len(paras) == 1:
        return markup(rich(paras[0]), "cellbold" if bold else "cell", PLAN)
    spaced = ParagraphStyle("cellp", parent=style, spaceAfter=3)
    return [Paragraph(rich(x), spaced) for x in paras]


def objective_runs(rows: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Row ranges (1-based, header = 0) an Objectives cell is merged over."""
    runs: list[tuple[int, int]] = []
    for i, row in enumerate(rows, start=1):
        if row["cells"][1] or not runs:
            runs.append((i, i))
        else:
            runs[-1] = (runs[-1][0], i)
    return [r for r in runs if r[1] > r[0]]


def plan_table(table: dict[str, Any]) -> Table:
    """One Appendix C table: Priority merged down all rows, Objectives over their activities."""
    header = table["header"]
    widths = THEME_W if len(header) == len(THEME_W) else PLAN_W
    rows: list[list[Any]] = [[plan_cell([h], True) for h in header]]
    for row in table["rows"]:
        cells = [plan_cell(c, bold=(j == 0)) for j, c in enumerate(row["cells"])]
        rows.append(cells)
    n = len(rows) - 1
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = []
    if header[0] == "Priority":
        merged.append(((0, 1), (0, n)))
        merged.extend(((1, a), (1, b)) for a, b in objective_runs(table["rows"]))
    first = table["rows"][0]["cells"][0][0] if table["rows"] and table["rows"][0]["cells"][0] else ""
    return ruled_table(rows, widths, header_rows=1, repeat_header=first in REPEAT_HEADER,
                       merged=merged, header_fill=LIGHT, split_in_row=True)


def appendix_c(plan: dict[str, Any]) -> list[Flowable]:
    story: list[Flowable] = [NextPageTemplate("landscape"), PageBreak(),
                             Paragraph(esc(plan["label"]), ST["h2"]),
                             Paragraph(esc(plan["title"]), ST["h3"]), Spacer(1, 4)]
    for table in plan["tables"]:
        story += [plan_table(table), Spacer(1, 12)]
    return story


def story() -> list[Flowable]:
    report, plan = load("report.json"), load("action_plan.json")
    out = cover(report)
    out += boxed_section(report["overview"])
    out += boxed_section(report["impact"])
    out += strategic_plan(report["strategic"])
    out += background(report)
    out += appendix_list(report)
    out += appendix_b(report["appendix_b"])
    out += appendix_c(plan)
    return out


def register_fonts() -> None:
    if _BOX_TTF.exists() and BOX_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(BOX_FONT, str(_BOX_TTF)))


# ---- gold -------------------------------------------------------------------------------
# The judgement calls (lead splits, themes, funding rows, organisations, notes) are written
# by hand in east_suffolk_data/gold_hand.json; text fields "as written" are the seed's cell
# text with paragraphs and wrapped lines joined by single spaces. Pages come from the PDF.


def joined(paras: list[str]) -> str | None:
    """Cell paragraphs as one string: single spaces, seed bold markers dropped."""
    text = " ".join(x.replace("**", "") for x in paras).strip()
    return re.sub(r"\s+", " ", text) or None


def needle(text: str, chars: int = 18) -> str:
    """The first words of a cell (enough to be found on the line where the cell starts)."""
    words: list[str] = []
    for word in text.split():
        words.append(word)
        if len("".join(words)) >= chars:
            break
    return " ".join(words)


class Pager:
    """render.page_of's search (whitespace-insensitive, first 60 characters) over page texts read once.

    page_of reopens the PDF on every call; the gold needs about a hundred look-ups.
    """

    def __init__(self, pdf: Path) -> None:
        import pdfplumber

        self.pdf = pdf
        with pdfplumber.open(str(pdf)) as doc:
            self.texts = [re.sub(r"\s+", "", page.extract_text() or "") for page in doc.pages]

    def find(self, text: str, start: int = 1) -> int:
        key = re.sub(r"\s+", "", text)[:60]
        for number, page_text in enumerate(self.texts[start - 1:], start=start):
            if key in page_text:
                return number
        return page_of(self.pdf, text, start_page=start)  # raises with page_of's message


def gold_activities(plan: dict[str, Any], hand: dict[str, Any], pager: Pager, start: int) -> list[dict[str, Any]]:
    """Every Appendix C row as a gold activity, in document order."""
    out: list[dict[str, Any]] = []
    page = start
    for table in plan["tables"]:
        priority = objective = None
        for row in table["rows"]:
            cells = row["cells"]
            priority = joined(cells[0]) or priority
            objective = joined(cells[1]) or objective
            description = joined(cells[2])
            assert description and priority
            page = pager.find(needle(description), page)
            lead_cell = joined(cells[3]) or ""
            kpis = [{"description": k, "target": hand["kpi_targets"].get(k)}
                    for k in (joined(c) for c in cells[6:9]) if k]
            out.append({
                "description": description,
                "theme": hand["plan_priority_themes"][priority],
                "priority": priority,
                "objective": objective,
                "status": joined(cells[4]),
                "progress": joined(cells[5]),
                "timescale": None,
                "due_date": None,
                "page": page,
                "leads": hand["leads"][lead_cell],
                "kpis": kpis,
            })
    return out


def gold_for(pdf: Path, gold_path: Path, plan: dict[str, Any]) -> None:
    """Assemble the gold JSON: hand decisions + seed text, pages located in the rendered PDF."""
    hand = load("gold_hand.json")
    pager = Pager(pdf)
    pages = len(pager.texts)
    priorities = []
    for item in hand["priorities"]:
        after = pager.find(item["after"]) if item.get("after") else 1
        priorities.append({"label": item["label"], "theme": item["theme"],
                           "page": pager.find(item["find"], after), "aliases": item["aliases"]})
    appendix_c_page = pager.find(plan["label"], pager.find("SAFER STRONGER COMMUNITIES BOARD"))
    kpis = [{k: v for k, v in item.items() if k != "find"} | {"page": pager.find(item["find"])}
            for item in hand["kpis"]]
    funding = []
    for item in hand["funding"]:
        after = pager.find(item["after"]) if item.get("after") else 1
        funding.append({k: v for k, v in item.items() if k not in ("find", "after")}
                       | {"page": pager.find(item["find"], after)})
    gold = {
        "pdf": PDF_NAME,
        "seed": SEED_NAME,
        "document": hand["document"] | {"pages": pages},
        "priorities": priorities,
        "activities": gold_activities(plan, hand, pager, appendix_c_page),
        "kpis": kpis,
        "funding": funding,
        "organisations": hand["organisations"],
        "notes": hand["notes"],
    }
    write_gold(gold_path, gold)


def build(out_dir: Path) -> list[Path]:
    """Write the PDF and its gold file into ``out_dir``."""
    register_fonts()
    pdf = out_dir / PDF_NAME
    old = rl_config.invariant
    rl_config.invariant = 1  # same bytes on every build (stable sha256 document ids)
    try:
        build_pdf(pdf, story(), margin=15 * mm, title="Review of the East Suffolk Community Safety Partnership",
                  author="East Suffolk Council")
    finally:
        rl_config.invariant = old
    gold = out_dir / GOLD_NAME
    gold_for(pdf, gold, load("action_plan.json"))
    return [pdf, gold]
