"""Norfolk's delivery plan (N / Action / Success measure / Owner / Date / Update) in the model.

Landscape as the Word original: sub-heading rows spanning the table, the header row
printed where the original prints it (sometimes under a sub-heading), a sub-heading
marked ``new_page`` starting a fresh table on the next page.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import doc as m

from src.renderings_data.common import original_gold

NAME = "norfolk-delivery-plan-2021-24"
DATA = Path(__file__).resolve().parents[1] / "norfolk_data"
HEAD = ["N", "Action", "Success measure", "Owner", "Date", "Update"]
WIDTHS = [14, 80, 54, 46, 26, 40]
FILL = "#D9E2F3"


def table(rows: list[dict[str, Any]], repeat: bool) -> m.Table:
    out: list[list[m.Cell | None]] = []
    for r in rows:
        if r.get("header"):
            out.append([m.cell(h, bold=True, fill=FILL) for h in HEAD])
        elif "sub" in r:
            out.append([m.cell(r["sub"], colspan=6, bold=True, fill="#F2F2F2"), *[None] * 5])
        else:
            out.append([m.cell(r[k]) for k in ("n", "action", "measure", "owner", "date", "update")])
    header = 1 if rows[0].get("header") else 0
    return m.Table(out, WIDTHS, header_rows=header, repeat_header=repeat and header > 0, header_fill=None,
                   size=9.5)


def flows() -> list[m.Flow]:
    """The delivery plan's flows (also the delivery-plan part of the agenda pack, ``norfolk_pack``)."""
    dp = json.loads((DATA / "delivery_plan.json").read_text(encoding="utf-8"))
    flows: list[m.Flow] = [m.Heading(dp["title"], 1), m.Paragraph(dp["intro"])]
    for k, plan in enumerate(dp["plans"]):
        if k:
            flows.append(m.PageBreak())
        flows.append(m.Heading(plan["heading"], 2))
        flows += [m.Paragraph(o) for o in plan["outcomes"]]
        if plan.get("outcome_bullets"):
            flows.append(m.Bullets(plan["outcome_bullets"]))
        chunks: list[list[dict[str, Any]]] = [[]]
        for row in plan["rows"]:
            if row.get("new_page") and chunks[-1]:
                chunks.append([])
            chunks[-1].append(row)
        for j, chunk in enumerate(chunks):
            flows += ([m.PageBreak()] if j else []) + [table(chunk, plan["repeat_header"])]
        if "second_table" in plan:
            flows += [m.PageBreak(), table(plan["second_table"]["rows"], plan["second_table"]["repeat_header"])]
    return flows


def model() -> m.Document:
    title = json.loads((DATA / "delivery_plan.json").read_text(encoding="utf-8"))["title"]
    return m.Document(title, "Norfolk County Council",
                      [m.Section(flows(), orientation="landscape", footer="{page}")], font="verdana", size=10,
                      margin_mm=18)


def gold() -> dict[str, Any]:
    g = original_gold("variants/norfolk-delivery-plan-portrait.gold.json")
    g["notes"] = [n for n in g.get("notes", []) if "portrait" not in n.lower()] + [
        "Typeset from the document model in the original's landscape layout and column order "
        "(N / Action / Success measure / Owner / Date / Update); content and gold as the portrait variant."]
    return g
