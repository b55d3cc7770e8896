"""Corpus documents in the style of councils outside the seeds, with their gold.

Extraction has to work for the ~300 CSPs of England and Wales, not only the
four councils of the seed papers. These four documents are authored (their
text lives in ``other_councils_data/``) in the layouts other councils use, with
other words for the same roles ("Who", "Responsible officer", "Owner";
"By when", "Deadline", "Target date"; "RAG", "Status"; "Progress to date"):

- Swansea (Wales): three-year partnership plan, outcomes with ruled delivery
  tables, bulleted priorities, a funding paragraph (A4 portrait, Times).
- Tunbridge Wells (Kent): quarterly performance report to scrutiny, cover form,
  targets against actuals with RAG, an action update table over a page break
  with a repeated header (A4 portrait + landscape, Bitstream Vera).
- Plymouth: funding allocation report, ruled grant table with a total row,
  funding sentences (US Letter portrait, Helvetica).
- West Lindsey (Lincolnshire): landscape action plan without ruling lines
  (US Letter landscape, Helvetica).

The gold is the authored content itself; only page numbers are looked up in
the rendered PDFs with ``page_of``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pdfplumber
from render import (
    NextPageTemplate,
    PageBreak,
    Spacer,
    build_pdf,
    colors,
    esc,
    landscape,
    mm,
    page_of,
    register_fonts,
    ruled_table,
    styles,
    write_gold,
)
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from src.other_councils_data import plymouth as PLY
from src.other_councils_data import swansea as SWA
from src.other_councils_data import tunbridge_wells as TW
from src.other_councils_data import west_lindsey as WL
from src.other_councils_data.common import Action, Output, Sum

OUT_SUBDIR = "variants"

#: Bitstream Vera ships with reportlab; its bullet glyph extracts as U+2022 (Helvetica's and Times' do not)
VERA, VERA_BOLD = "OC-Vera", "OC-VeraBd"
register_fonts({VERA: "Vera.ttf", VERA_BOLD: "VeraBd.ttf"})


Style = dict[str, ParagraphStyle]


def p(text: str, st: Style, style: str = "body") -> Paragraph:
    return Paragraph(esc(text), st[style])


def c(text: str | None, st: Style, bold: bool = False, align: int | None = None) -> Paragraph | str:
    """A wrapping table cell in the document's own style sheet."""
    if not text:
        return ""
    style = st["cellbold" if bold else "cell"]
    if align is not None:
        style = ParagraphStyle(f"{style.name}_{align}", parent=style, alignment=align)
    return Paragraph(esc(text).replace("\n", "<br/>"), style)


def bullets(items: list[str], st: Style) -> list[Flowable]:
    style = ParagraphStyle("oc_bullet", parent=st["bullet"], bulletFontName=VERA)
    return [Paragraph(esc(t), style, bulletText="\u2022") for t in items]


# -- gold helpers ------------------------------------------------------------------------


def pages_of(pdf: Path) -> int:
    with pdfplumber.open(str(pdf)) as doc:
        return len(doc.pages)


@lru_cache(maxsize=8)
def page_texts(pdf: Path) -> tuple[str, ...]:
    """Each page's text without whitespace, as ``page_of`` compares it."""
    with pdfplumber.open(str(pdf)) as doc:
        return tuple(re.sub(r"\s+", "", page.extract_text() or "") for page in doc.pages)


def locate(pdf: Path, text: str, start: int = 1, words: int = 4, end: int | None = None) -> int:
    """First page from ``start`` holding ``text``'s opening words.

    Table cells wrap, so only a cell's first line is contiguous in the page text:
    on each page the first ``words`` words are tried, then fewer (not under
    three), before moving on to the next page; two words only as a last resort.
    With ``end`` (the last page it can be on) two words are tried on each page.
    The answer is checked against ``page_of``, the corpus's own locator.
    """
    tokens = text.split()
    for least in ((2,) if end else (3, 2)):
        for number, page in enumerate(page_texts(pdf)[start - 1:end], start=start):
            for n in range(min(words, len(tokens)), min(least, len(tokens)) - 1, -1):
                key = "".join(tokens[:n])[:60]
                if key in page:
                    assert page_of(pdf, " ".join(tokens[:n]), start_page=number) == number
                    return number
    raise ValueError(f"{text[:60]!r} not found in {pdf.name} from page {start}")


def activity_gold(pdf: Path, a: Action, *, theme: str, priority: str, objective: str | None,
                  start: int) -> dict[str, Any]:
    a.check()
    return {
        "description": a.description,
        "theme": theme,
        "priority": priority,
        "objective": objective,
        "status": a.status,
        "progress": a.progress,
        "timescale": a.when,
        "due_date": a.due,
        "page": locate(pdf, a.description, start),
        "leads": [{"organisation": org, "person": person, "raw": raw} for raw, org, person in a.leads],
        "kpis": [{"description": d, "target": t} for d, t in a.kpis],
    }


def funding_gold(pdf: Path, sums: list[Sum], start: int = 1) -> list[dict[str, Any]]:
    out = []
    for s in sums:
        out.append({
            "amount_gbp": float(s.amount_gbp), "date": s.date, "period": s.period,
            "description": s.description, "page": locate(pdf, s.needle, start, words=6),
            "funder": s.funder, "recipient": s.recipient,
        })
    return out


def kpi_gold(pdf: Path, outs: list[Output], start: int = 1, end: int | None = None) -> list[dict[str, Any]]:
    return [{"description": o.description, "target": o.target, "value": o.value,
             "page": locate(pdf, o.needle, start, end=end)} for o in outs]


def document_gold(pdf: Path, mod: Any, doc_type: str, **extra: Any) -> dict[str, Any]:
    doc = {"title": mod.TITLE, "doc_type": doc_type, "partnership_id": mod.PARTNERSHIP_ID,
           "authority": mod.AUTHORITY, "committee": getattr(mod, "COMMITTEE", None),
           "meeting_date": getattr(mod, "MEETING_DATE", None)}
    doc.update(extra)
    doc["pages"] = pages_of(pdf)
    return doc


def finish(out_dir: Path, pdf: Path, gold: dict[str, Any]) -> list[Path]:
    gold_path = out_dir / pdf.name.replace(".pdf", ".gold.json")
    write_gold(gold_path, gold)
    return [pdf, gold_path]


# -- Swansea: partnership plan with outcome delivery tables --------------------------------


def build_swansea(out_dir: Path) -> list[Path]:
    st = styles("Times-Roman", "Times-Bold", 11)
    title = ParagraphStyle("sw_title", parent=st["h1"], fontSize=26, leading=32, alignment=TA_CENTER,
                           textColor=colors.HexColor("#1F4E79"))
    sub = ParagraphStyle("sw_sub", parent=st["body"], fontSize=14, leading=18, alignment=TA_CENTER)
    story: list[Flowable] = [
        Spacer(1, 60 * mm), Paragraph("Safer Swansea Partnership", sub), Spacer(1, 6 * mm),
        Paragraph(esc(SWA.TITLE), title), Spacer(1, 4 * mm), Paragraph(esc(SWA.STRAPLINE), sub),
        PageBreak(), p("Foreword", st, "h2"),
    ]
    story += [p(t, st) for t in SWA.FOREWORD[:-1]]
    story.append(Paragraph(f"<i>{esc(SWA.FOREWORD[-1])}</i>", st["body"]))
    story.append(p("1. Introduction", st, "h2"))
    story += [p(t, st) for t in SWA.INTRO]
    story += [p("2. Our priorities", st, "h2"), p(SWA.PRIORITIES_LEAD, st)]
    story += bullets([label for label, _ in SWA.PRIORITIES], st)
    story += [Spacer(1, 4), p(SWA.PRIORITIES_AFTER, st), p(SWA.FUNDING_HEAD, st, "h2")]
    story += [p(t, st) for t in SWA.FUNDING_TEXT]
    story += [PageBreak(), p("4. Delivering the plan", st, "h2"), p(SWA.DELIVERY_INTRO, st)]
    widths = [28, 168, 96, 60, 117]
    for heading, priority, actions in SWA.OUTCOMES:
        rows: list[list[Any]] = [[c(h, st, bold=True) for h in SWA.HEADERS]]
        for a in actions:
            rows.append([c(a.ref, st), c(a.description, st), c(a.who, st), c(a.when, st), c(a.measure, st)])
        story += [p(heading, st, "h3"), Paragraph(f"<b>Priority:</b> {esc(priority)}", st["body"]),
                  ruled_table(rows, widths, header_fill=colors.HexColor("#DEEAF6"), split_in_row=False),
                  Spacer(1, 8)]
    story.append(p(SWA.REVIEW, st))
    pdf = out_dir / SWA.PDF
    build_pdf(pdf, story, margin=20 * mm, footer="Safer Swansea Partnership Plan 2024-2027 | {page}",
              title=SWA.TITLE, author=SWA.AUTHORITY, font="Times-Roman")

    list_page = locate(pdf, SWA.PRIORITIES_LEAD)
    priorities = [{"label": label, "theme": theme, "page": locate(pdf, label, list_page)}
                  for label, theme in SWA.PRIORITIES]
    themes = dict(SWA.PRIORITIES)
    activities, last = [], locate(pdf, "4. Delivering the plan")
    for heading, priority, actions in SWA.OUTCOMES:
        objective = heading.split(": ", 1)[1]
        for a in actions:
            activities.append(activity_gold(pdf, a, theme=themes[priority], priority=priority,
                                            objective=objective, start=last))
            last = activities[-1]["page"]
    gold = {
        "pdf": SWA.PDF, "seed": None,
        "document": document_gold(pdf, SWA, SWA.DOC_TYPE),
        "priorities": priorities, "activities": activities, "kpis": [],
        "funding": funding_gold(pdf, SWA.FUNDING), "organisations": SWA.ORGANISATIONS,
        "notes": SWA.NOTES,
    }
    return finish(out_dir, pdf, gold)


# -- Tunbridge Wells: quarterly performance report -----------------------------------------

RAG_FILL = {"Green": "#C6EFCE", "Amber": "#FFEB9C", "Red": "#FFC7CE", "Complete": "#BDD7EE"}


def build_tunbridge_wells(out_dir: Path) -> list[Path]:
    st = styles(VERA, VERA_BOLD, 10)
    story: list[Flowable] = [
        Paragraph("<b>TUNBRIDGE WELLS BOROUGH COUNCIL</b>",
                  ParagraphStyle("tw_org", parent=st["body"], fontSize=13, leading=16)),
        Spacer(1, 4),
        ruled_table([[c(k, st, bold=True), c(v, st)] for k, v in TW.COVER], [120, 340], header_rows=0,
                    header_fill=None),
        Spacer(1, 10),
    ]
    for head, paras in TW.SECTIONS:
        story.append(p(head, st, "h3"))
        story += [p(t, st) for t in paras]
    lettered = ParagraphStyle("tw_letter", parent=st["body"], leftIndent=36, firstLineIndent=-18)
    story += [Paragraph(f"{letter_}&nbsp;&nbsp;{esc(label)}", lettered) for letter_, label, _ in TW.PRIORITIES]
    for head, paras in TW.AFTER_PRIORITIES:
        story.append(p(head, st, "h3"))
        story += [p(t, st) for t in paras]

    story += [PageBreak(), p("Appendix A: Performance measures, Quarter 2 2024/25", st, "h2")]
    perf = [[c(h, st, bold=True) for h in TW.PERF_HEADERS]]
    fills = []
    for i, (m, t, q1, q2, rag, comment, _v) in enumerate(TW.PERFORMANCE, start=1):
        perf.append([c(m, st), c(t, st), c(q1, st), c(q2, st), c(rag, st), c(comment, st)])
        if rag in RAG_FILL:
            fills.append(("BACKGROUND", (4, i), (4, i), colors.HexColor(RAG_FILL[rag])))
    story += [ruled_table(perf, [128, 72, 34, 34, 40, 152], extra_style=fills,
                          header_fill=colors.HexColor("#E7E6E6")),
              Spacer(1, 6), p(TW.PERF_NOTE, st, "small")]

    story += [NextPageTemplate("landscape"), PageBreak(),
              p("Appendix B: Action plan update, Quarter 2 2024/25", st, "h2")]
    rows: list[list[Any]] = [[c(h, st, bold=True) for h in TW.ACTION_HEADERS]]
    extra: list[tuple] = []
    for priority, actions in TW.ACTIONS:
        r = len(rows)
        rows.append([c(priority, st, bold=True), "", "", "", "", ""])
        extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F2F2F2"))]
        for a in actions:
            r = len(rows)
            rows.append([c(a.ref, st), c(a.description, st), c(a.who, st), c(a.when, st), c(a.status, st),
                         c(a.progress, st)])
            extra.append(("BACKGROUND", (4, r), (4, r), colors.HexColor(RAG_FILL[a.status or "Green"])))
    story.append(ruled_table(rows, [30, 200, 130, 70, 56, 256], extra_style=extra,
                             header_fill=colors.HexColor("#E7E6E6")))
    pdf = out_dir / TW.PDF
    build_pdf(pdf, story, margin=18 * mm, footer="Overview and Scrutiny Committee - 25 November 2024 - "
              "Page {page}", title=TW.TITLE, author=TW.AUTHORITY, font=VERA)

    first = locate(pdf, TW.PRIORITIES[0][1])
    priorities = [{"label": label, "theme": theme, "page": locate(pdf, label, first)}
                  for _l, label, theme in TW.PRIORITIES]
    themes = {label: theme for _l, label, theme in TW.PRIORITIES}
    last = locate(pdf, "Appendix B: Action plan update")
    activities = []
    for priority, actions in TW.ACTIONS:
        for a in actions:
            activities.append(activity_gold(pdf, a, theme=themes[priority], priority=priority,
                                            objective=None, start=last))
            last = activities[-1]["page"]
    appendix_a = locate(pdf, "Appendix A: Performance measures")
    gold = {
        "pdf": TW.PDF, "seed": None,
        "document": document_gold(pdf, TW, "monitoring_report"),
        "priorities": priorities, "activities": activities,
        "kpis": kpi_gold(pdf, TW.KPIS, appendix_a, end=appendix_a),
        "funding": funding_gold(pdf, TW.FUNDING), "organisations": TW.ORGANISATIONS,
        "notes": TW.NOTES,
    }
    return finish(out_dir, pdf, gold)


# -- Plymouth: funding allocation report ----------------------------------------------------


def build_plymouth(out_dir: Path) -> list[Path]:
    st = styles("Helvetica", "Helvetica-Bold", 10)
    label = ParagraphStyle("ply_label", parent=st["body"], leftIndent=150, firstLineIndent=-150,
                           spaceAfter=2)
    story: list[Flowable] = [
        Paragraph("<b>PLYMOUTH CITY COUNCIL</b>",
                  ParagraphStyle("ply_org", parent=st["body"], fontSize=14, leading=18)),
        Spacer(1, 6),
    ]
    story += [Paragraph(f"<b>{esc(k)}:</b>&nbsp;&nbsp;{esc(v)}", label) for k, v in PLY.COVER]
    story += [Spacer(1, 10), p("1. Purpose of the report", st, "h3")]
    story += [p(t, st) for t in PLY.PURPOSE]
    story += [Paragraph(f"<b>Recommendation:</b> {esc(PLY.RECOMMENDATION)}", st["body"]),
              p("2. Community safety priorities", st, "h3"), p(PLY.PRIORITIES_LEAD, st)]
    numbered = ParagraphStyle("ply_num", parent=st["body"], leftIndent=30, firstLineIndent=-14)
    story += [Paragraph(f"{i}.&nbsp;{esc(t)}", numbered) for i, (t, _) in enumerate(PLY.PRIORITIES, start=1)]
    story += [Spacer(1, 6), p("Table 1: Community safety grant allocations, 2023/24 and 2024/25", st, "h3")]
    rows: list[list[Any]] = [[c(h, st, bold=True) for h in PLY.TABLE_HEADERS]]
    for rec, project, amount, year, funder, _r, _f in PLY.ROWS:
        rows.append([c(rec, st), c(project, st), c(amount, st, align=TA_RIGHT), c(year, st), c(funder, st)])
    t_rec, _, t_amount, _, _ = PLY.TOTAL
    rows.append([c(t_rec, st, bold=True), "", c(t_amount, st, bold=True, align=TA_RIGHT), "", ""])
    story += [ruled_table(rows, [108, 180, 60, 56, 112], header_fill=colors.HexColor("#FCE4D6")),
              Spacer(1, 8), p(PLY.SOURCES_HEAD, st, "h3")]
    story += [p(t, st) for t in PLY.SOURCES]
    story.append(p(PLY.OUTCOMES_HEAD, st, "h3"))
    story += [p(t, st) for t in PLY.OUTCOMES]
    story.append(p(PLY.NEXT, st))
    pdf = out_dir / PLY.PDF
    build_pdf(pdf, story, pagesize=letter, margin=0.8 * 72, footer="PLYMOUTH CITY COUNCIL    {page}",
              title=PLY.TITLE, author=PLY.AUTHORITY, font="Helvetica")

    list_page = locate(pdf, PLY.PRIORITIES_LEAD)
    priorities = [{"label": t, "theme": theme, "page": locate(pdf, t, list_page)} for t, theme in PLY.PRIORITIES]
    table_page = locate(pdf, "Table 1: Community safety grant")
    n_rows = len(PLY.ROWS)
    funding = funding_gold(pdf, PLY.FUNDING[:n_rows], table_page) + funding_gold(pdf, PLY.FUNDING[n_rows:])
    gold = {
        "pdf": PLY.PDF, "seed": None,
        "document": document_gold(pdf, PLY, "scrutiny_report", report_number=PLY.REPORT_NUMBER),
        "priorities": priorities, "activities": [], "kpis": kpi_gold(pdf, PLY.KPIS),
        "funding": funding, "organisations": PLY.ORGANISATIONS, "notes": PLY.NOTES,
    }
    return finish(out_dir, pdf, gold)


# -- West Lindsey: landscape action plan without ruling lines ------------------------------


def build_west_lindsey(out_dir: Path) -> list[Path]:
    st = styles("Helvetica", "Helvetica-Bold", 10.5)
    story: list[Flowable] = [p(WL.TITLE, st, "h1"), p(WL.INTRO, st), Spacer(1, 6)]
    rows: list[list[Any]] = [[c(h, st, bold=True) for h in WL.HEADERS]]
    extra: list[tuple] = []
    for heading, _theme, actions in WL.PRIORITIES:
        r = len(rows)
        rows.append([c(heading, st, bold=True), "", "", "", ""])
        extra += [("SPAN", (0, r), (-1, r)), ("TOPPADDING", (0, r), (-1, r), 9)]
        shown = None
        for a in actions:
            objective = a.objective if a.objective != shown else None
            shown = a.objective
            rows.append([c(objective, st), c(a.description, st), c(a.who, st), c(a.when, st), c(a.progress, st)])
    story.append(ruled_table(rows, [130, 200, 120, 66, 162], grid=False, header_fill=None,
                             split_in_row=False, extra_style=extra))
    story += [Spacer(1, 10), p(WL.MEASURES_HEAD, st, "h3")]
    story += bullets(WL.MEASURES, st)
    story += [Spacer(1, 6), p(WL.FUNDING_TEXT, st)]
    pdf = out_dir / WL.PDF
    build_pdf(pdf, story, pagesize=landscape(letter), margin=18 * mm,
              footer="West Lindsey CSP Action Plan 2024-25 - page {page}", title=WL.TITLE,
              author=WL.AUTHORITY, font="Helvetica")

    priorities, activities, last = [], [], 1
    for heading, theme, actions in WL.PRIORITIES:
        last = locate(pdf, heading, last, words=8)
        priorities.append({"label": heading, "theme": theme, "page": last})
        for a in actions:
            activities.append(activity_gold(pdf, a, theme=theme, priority=heading, objective=a.objective,
                                            start=last))
            last = activities[-1]["page"]
    gold = {
        "pdf": WL.PDF, "seed": None,
        "document": document_gold(pdf, WL, "action_plan"),
        "priorities": priorities, "activities": activities,
        "kpis": kpi_gold(pdf, WL.KPIS, last),
        "funding": funding_gold(pdf, WL.FUNDING, last), "organisations": WL.ORGANISATIONS,
        "notes": WL.NOTES,
    }
    return finish(out_dir, pdf, gold)


def build(out_dir: Path) -> list[Path]:
    out: list[Path] = []
    for builder in (build_swansea, build_tunbridge_wells, build_plymouth, build_west_lindsey):
        out += builder(out_dir)
    return out

