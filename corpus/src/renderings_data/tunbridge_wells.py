"""Tunbridge Wells' quarterly performance report: cover form, lettered priorities, RAG tables, landscape appendix.

From the builder data (``other_councils_data/tunbridge_wells.py``): a ruled two-column
cover form, numbered sections, Appendix A (Measure / Target / Q1 / Q2 / RAG / Commentary,
RAG cells coloured) and, on landscape pages, Appendix B (Ref / Action / Responsible officer /
Deadline / Status / Progress to date) with priority sub-heading rows, running over a page
break with its header repeated and rows split across it; Vera (DejaVu Sans).
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.other_councils import RAG_FILL
from src.other_councils_data import tunbridge_wells as TW
from src.renderings_data.common import original_gold, with_finds

NAME = "tunbridge-wells-csp-performance-2024-11-25"
APPENDIX_A = "Appendix A: Performance measures, Quarter 2 2024/25"
APPENDIX_B = "Appendix B: Action plan update, Quarter 2 2024/25"
FOOTER = "Overview and Scrutiny Committee - 25 November 2024 - Page {page}"
GREY = "#E7E6E6"


def sections(items: list[tuple[str, list[str]]]) -> list[m.Flow]:
    return [f for head, paras in items for f in (m.Heading(head, 3), *(m.Paragraph(t) for t in paras))]


def model() -> m.Document:
    cover = m.Table([[m.cell(k, bold=True), m.cell(v)] for k, v in TW.COVER], [120, 340], header_rows=0,
                    repeat_header=False, header_fill=None)
    perf: list[list[m.Cell | str | None]] = [
        [measure, target, q1, q2, m.cell(rag, fill=RAG_FILL.get(rag)), comment]
        for measure, target, q1, q2, rag, comment, _v in TW.PERFORMANCE]
    front: list[m.Flow] = [
        m.Paragraph("**TUNBRIDGE WELLS BOROUGH COUNCIL**"), cover, *sections(TW.SECTIONS),
        *(m.Paragraph(f"{letter}  {label}", indent=True) for letter, label, _ in TW.PRIORITIES),
        *sections(TW.AFTER_PRIORITIES), m.PageBreak(), m.Heading(APPENDIX_A, 2),
        m.grid(TW.PERF_HEADERS, perf, [128, 72, 34, 34, 40, 152], repeat_header=True, header_fill=GREY),
        m.Paragraph(TW.PERF_NOTE, small=True),
    ]
    rows: list[list[m.Cell | None]] = [[m.cell(h, bold=True) for h in TW.ACTION_HEADERS]]
    for priority, actions in TW.ACTIONS:
        rows.append([m.cell(priority, colspan=6, bold=True, fill="#F2F2F2"), *[None] * 5])
        rows += [[m.cell(a.ref), m.cell(a.description), m.cell(a.who), m.cell(a.when),
                  m.cell(a.status, fill=RAG_FILL[a.status or "Green"]), m.cell(a.progress)] for a in actions]
    appendix_b: list[m.Flow] = [m.Heading(APPENDIX_B, 2),
                                m.Table(rows, [30, 200, 130, 70, 56, 256], header_fill=GREY)]
    return m.Document(TW.TITLE, TW.AUTHORITY,
                      [m.Section(front, footer=FOOTER), m.Section(appendix_b, orientation="landscape", footer=FOOTER)],
                      font="verdana", size=10, margin_mm=18)


def gold() -> dict[str, Any]:
    g = original_gold(f"variants/{TW.PDF.replace('.pdf', '.gold.json')}")
    g["funding"] = with_finds(g["funding"], [s.needle for s in TW.FUNDING])
    # the measures are named in section 5 too: their rows are in Appendix A
    g["kpis"] = [dict(k, _after=APPENDIX_A) for k in with_finds(g["kpis"], [o.needle for o in TW.KPIS])]
    return g
