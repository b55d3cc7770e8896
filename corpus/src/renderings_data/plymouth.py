"""Plymouth's grant allocation report (Table 1 with a Total row) in the model, from its builder data."""

from __future__ import annotations

from typing import Any

import doc as m

from src.other_councils_data import plymouth as PLY
from src.renderings_data.common import original_gold, with_finds

NAME = "plymouth-community-safety-funding-2024-07-17"


def model() -> m.Document:
    rows: list[list[m.Cell | str | None]] = [[rec, project, amount, year, funder]
                                              for rec, project, amount, year, funder, _r, _f in PLY.ROWS]
    t_rec, _, t_amount, _, _ = PLY.TOTAL
    rows.append([m.cell(t_rec, bold=True), "", m.cell(t_amount, bold=True), "", ""])
    flows: list[m.Flow] = [
        m.Paragraph("**PLYMOUTH CITY COUNCIL**"),
        m.Table([[m.cell(k, bold=True), m.cell(v)] for k, v in PLY.COVER], [50, 130], header_rows=0,
                repeat_header=False, ruled="none"),
        m.Heading("1. Purpose of the report", 3),
        *(m.Paragraph(t) for t in PLY.PURPOSE),
        m.Paragraph(f"**Recommendation:** {PLY.RECOMMENDATION}"),
        m.Heading("2. Community safety priorities", 3), m.Paragraph(PLY.PRIORITIES_LEAD),
        m.Bullets([t for t, _ in PLY.PRIORITIES], numbered=True),
        m.Heading("Table 1: Community safety grant allocations, 2023/24 and 2024/25", 3),
        m.grid(PLY.TABLE_HEADERS, rows, [108, 180, 60, 56, 112], header_fill="#FCE4D6"),
        m.Heading(PLY.SOURCES_HEAD, 3), *(m.Paragraph(t) for t in PLY.SOURCES),
        m.Heading(PLY.OUTCOMES_HEAD, 3), *(m.Paragraph(t) for t in PLY.OUTCOMES), m.Paragraph(PLY.NEXT),
    ]
    return m.Document(PLY.TITLE, PLY.AUTHORITY, [m.Section(flows, footer="PLYMOUTH CITY COUNCIL    {page}")],
                      font="arial", size=10.5, margin_mm=20)


def gold() -> dict[str, Any]:
    g = original_gold(f"variants/{PLY.PDF.replace('.pdf', '.gold.json')}")
    g["funding"] = with_finds(g["funding"], [s.needle for s in PLY.FUNDING])
    g["kpis"] = with_finds(g["kpis"], [o.needle for o in PLY.KPIS])
    return g
