"""East Cambridgeshire's statutory duties as one table without ruling lines (Action / Owner / Target date).

One rule under the header, never repeated; each duty heading a bold row spanning the
table; the Prevent action's two paragraphs in one Action cell; portrait US Letter,
Times, as the reportlab variant (the model's other rendering of this content,
``east_cambs.py``, keeps the Word original's tinted blocks).
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.east_cambs_data import content as ec
from src.renderings_data.common import original_gold
from src.variants import EC_DUTIES_TITLE

NAME = "east-cambs-duties-unruled"
HEAD = ["Action", "Owner", "Target date"]


def model() -> m.Document:
    rows: list[list[m.Cell | None]] = [[m.cell(h, bold=True) for h in HEAD]]
    for item in ec.STATUTORY:
        if isinstance(item, ec.Heading) and item.level == 2:
            rows.append([m.cell([m.Space(2), m.Paragraph(item.text)], colspan=3, bold=True), None, None])
        elif isinstance(item, ec.Duty):
            rows.append([m.cell([m.Paragraph(t) for t in item.texts]), m.cell(item.lead),
                         m.cell(item.timescale)])
    table = m.Table(rows, [110, 45, 35], repeat_header=False, ruled="header", header_fill=None)
    return m.Document(EC_DUTIES_TITLE, "East Cambridgeshire District Council",
                      [m.Section([m.Heading(EC_DUTIES_TITLE, 1), table], footer="Page {page}")],
                      font="times", size=10.5, margin_mm=20, paper="letter")


def gold() -> dict[str, Any]:
    return original_gold(f"variants/{NAME}.gold.json")
