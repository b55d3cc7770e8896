"""East Cambridgeshire's SMART targets in one ruled table (SMART target / Priority / Lead / Timescale).

The "Additional CSP activities" part of the plan: its intro and the two numbered CSP
priorities above the table; every SMART target a row, the section heading it sat under
in a Priority cell merged down its rows, the header repeated on every page and rows kept
whole; portrait A4, Arial (Helvetica), as the reportlab variant.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.east_cambs_data import content as ec
from src.renderings_data.common import original_gold
from src.variants import EC_TITLE

NAME = "east-cambs-smart-table"
HEAD = ["SMART target", "Priority", "Lead", "Timescale"]


def model() -> m.Document:
    flows: list[m.Flow] = [m.Heading(EC_TITLE, 1)]
    groups: list[tuple[str, list[ec.Smart]]] = []
    heading: str | None = None
    for item in ec.ADDITIONAL:
        if isinstance(item, ec.Heading) and item.level == 2:
            heading = item.text
        elif isinstance(item, ec.Heading):
            flows.append(m.Heading(item.text, 2))
        elif isinstance(item, ec.Para) and heading is None:
            flows.append(m.Heading(item.text, 3) if item.style == "h3" else m.Paragraph(item.text))
        elif isinstance(item, ec.Smart):
            assert heading is not None
            if not groups or groups[-1][0] != heading:
                groups.append((heading, []))
            groups[-1][1].append(item)
    rows: list[list[m.Cell | None]] = [[m.cell(h, bold=True) for h in HEAD]]
    for heading, items in groups:
        for k, s in enumerate(items):
            texts = [t.removeprefix("• ").removeprefix("· ") for t in s.texts]
            rows.append([m.cell([m.Paragraph(t) for t in texts]),
                         m.cell(heading, rowspan=len(items), bold=True) if k == 0 else None,
                         m.cell(s.lead), m.cell(s.timescale)])
    flows.append(m.Table(rows, [80, 36, 30, 30], repeat_header=True, split_rows=False))
    return m.Document(EC_TITLE, "East Cambridgeshire District Council", [m.Section(flows, footer="Page {page}")],
                      font="arial", size=10, margin_mm=18)


def gold() -> dict[str, Any]:
    return original_gold(f"variants/{NAME}.gold.json")
