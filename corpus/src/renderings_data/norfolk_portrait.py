"""Norfolk's delivery plan in portrait with its columns reordered (Ref / Activity / Lead / Timescale / KPI / Progress).

Three ruled tables, one header row at the top of each, never repeated; sub-heading rows
spanning the table; the serious violence rows joining the third table; Vera (DejaVu Sans),
as the reportlab variant (the model's other rendering of this content, ``norfolk.py``, keeps
the original's landscape layout and column order).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import doc as m

from src.renderings_data.common import original_gold
from src.variants import NF_HEAD

NAME = "norfolk-delivery-plan-portrait"
DATA = Path(__file__).resolve().parents[1] / "norfolk_data"
FIELDS = ("n", "action", "owner", "date", "measure", "update")  # in NF_HEAD's order


def model() -> m.Document:
    dp = json.loads((DATA / "delivery_plan.json").read_text(encoding="utf-8"))
    flows: list[m.Flow] = [m.Heading(dp["title"], 1), m.Paragraph(dp["intro"])]
    for plan in dp["plans"]:
        flows.append(m.Heading(plan["heading"], 2))
        flows += [m.Paragraph(o) for o in plan["outcomes"]]
        if plan.get("outcome_bullets"):
            flows.append(m.Bullets(plan["outcome_bullets"]))
        rows: list[list[m.Cell | None]] = [[m.cell(h, bold=True) for h in NF_HEAD]]
        for r in plan["rows"] + plan.get("second_table", {}).get("rows", []):
            if "sub" in r:
                rows.append([m.cell(r["sub"], colspan=len(NF_HEAD), bold=True), *[None] * (len(NF_HEAD) - 1)])
            elif "n" in r:
                rows.append([m.cell(r[k]) for k in FIELDS])
        flows.append(m.Table(rows, [11, 52, 30, 21, 41, 19], repeat_header=False, header_fill=None))
    return m.Document(dp["title"], "Norfolk County Council", [m.Section(flows, footer="Page {page}")],
                      font="verdana", size=9.5, margin_mm=18)


def gold() -> dict[str, Any]:
    return original_gold(f"variants/{NAME}.gold.json")
