"""East Suffolk's action plan flattened into ONE ruled table, Priority and Objectives on every row.

Theme rows and priority rows under one header (Priority / Objectives / Activity / Lead / Status /
Activity update / KPI x3), no merged cells, the header repeated on every page and rows kept
whole; landscape, Vera (DejaVu Sans), as the reportlab variant.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.renderings_data import _es_plan as P
from src.variants import ES_FLAT_HEADER

NAME = "east-suffolk-actionplan-flattened"
WIDTHS = [22, 28, 40, 22, 13, 70, 22, 22, 22]


def model() -> m.Document:
    rows: list[list[m.Cell | None]] = [[m.cell(h, bold=True) for h in ES_FLAT_HEADER]]
    for t in P.plan()["tables"]:
        priority: list[str] = []
        objective: list[str] = []
        for r in t["rows"]:
            cells = list(r["cells"]) + [[]] * (len(ES_FLAT_HEADER) - len(r["cells"]))
            priority = cells[0] or priority
            objective = cells[1] or objective
            cells[0], cells[1] = priority, objective
            rows.append([m.cell(P.paras(c), bold=j == 0) for j, c in enumerate(cells)])
    table = m.Table(rows, WIDTHS, repeat_header=True, header_fill=P.LIGHT, split_rows=False)
    return P.document([table], orientation="landscape", font="verdana", size=9)


def gold() -> dict[str, Any]:
    return P.gold(NAME)
