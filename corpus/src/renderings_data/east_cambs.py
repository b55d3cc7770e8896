"""East Cambridgeshire's statutory duties (actions with Lead / Timescale blocks beside them) in the model.

Each duty heading is followed by a table of its actions: the action text in a tinted
block on the left, a "Lead" block and a "Timescale" block on the right, as the Word
original lays them out.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.east_cambs_data import content as ec
from src.renderings_data.common import original_gold

NAME = "east-cambridgeshire-statutory-duties-2023-24"
TITLE = ec.TITLE + ": statutory duties"
TINT, LABEL = "#E6F2F1", "#CFE6E4"


def model() -> m.Document:
    flows: list[m.Flow] = [m.Heading(TITLE, 1)]
    rows: list[list[m.Cell | None]] = []

    def flush() -> None:
        if rows:
            flows.append(m.Table(list(rows), [110, 40, 35], header_rows=0, repeat_header=False))
            rows.clear()

    for item in ec.STATUTORY:
        if isinstance(item, ec.Heading) and item.level == 2:
            flush()
            flows.append(m.Heading(item.text, 2))
        elif isinstance(item, ec.Duty):
            rows.append([m.cell([m.Paragraph(t) for t in item.texts], fill=TINT),
                         m.cell([m.Paragraph("**Lead**"), m.Paragraph(item.lead)], fill=LABEL),
                         m.cell([m.Paragraph("**Timescale**"), m.Paragraph(item.timescale)], fill=LABEL)])
    flush()
    return m.Document(TITLE, "East Cambridgeshire District Council",
                      [m.Section(flows, header="East Cambridgeshire Community Safety Partnership",
                                 footer="Action Plan 2023/24 Page {page}")], font="calibri", size=11)


def gold() -> dict[str, Any]:
    g = original_gold("variants/east-cambs-duties-unruled.gold.json")
    g["notes"] = [n for n in g.get("notes", []) if not n.startswith("Layout:")] + [
        "Typeset from the document model: each action in a tinted block with Lead and Timescale blocks "
        "beside it, under its duty heading (the Prevent action's two paragraphs in one block, one "
        "activity); content and gold as the unruled variant."]
    return g
