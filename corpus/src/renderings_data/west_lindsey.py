"""West Lindsey's unruled landscape action plan in the model, from its builder data.

Priority rows span the table; an Objective is printed once and left blank below, as the
Word original does (whitespace-aligned columns, no ruling lines).
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.other_councils_data import west_lindsey as WL
from src.renderings_data.common import original_gold, with_finds

NAME = "west-lindsey-csp-action-plan-2024-25"


def model() -> m.Document:
    rows: list[list[m.Cell | None]] = [[m.cell(h, bold=True) for h in WL.HEADERS]]
    for heading, _theme, actions in WL.PRIORITIES:
        rows.append([m.cell(heading, colspan=5, bold=True), None, None, None, None])
        shown = None
        for a in actions:
            objective = a.objective if a.objective != shown else None
            shown = a.objective
            rows.append([m.cell(objective), m.cell(a.description), m.cell(a.who), m.cell(a.when),
                         m.cell(a.progress)])
    flows: list[m.Flow] = [
        m.Heading(WL.TITLE, 1), m.Paragraph(WL.INTRO),
        m.Table(rows, [130, 200, 120, 66, 162], ruled="header", header_fill=None),
        m.Heading(WL.MEASURES_HEAD, 3), m.Bullets(list(WL.MEASURES)), m.Paragraph(WL.FUNDING_TEXT),
    ]
    return m.Document(WL.TITLE, WL.AUTHORITY,
                      [m.Section(flows, orientation="landscape",
                                 footer="West Lindsey CSP Action Plan 2024-25 - page {page}")],
                      font="arial", size=10.5, margin_mm=18)


def gold() -> dict[str, Any]:
    g = original_gold(f"variants/{WL.PDF.replace('.pdf', '.gold.json')}")
    g["funding"] = with_finds(g["funding"], [s.needle for s in WL.FUNDING])
    g["kpis"] = with_finds(g["kpis"], [o.needle for o in WL.KPIS])
    return g
