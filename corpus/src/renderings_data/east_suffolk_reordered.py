"""East Suffolk's action plan with its columns reordered and reworded (Action / Priority / Objective / ...).

Action first, the Priority cell (merged down its table) and Objective cells (merged over their
actions) in columns 2-3, success measures before RAG / Progress; Times, landscape, ruled, the
header repeated on the long VAWG table only, as the reportlab variant.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src import east_suffolk as es
from src.renderings_data import _es_plan as P

NAME = "east-suffolk-actionplan-reordered"
#: seed columns 0 Priority, 1 Objectives, 2 Activity, 3 Lead, 4 Status, 5 Update, 6-8 KPI
PLAN_ORDER, PLAN_W = [2, 0, 1, 3, 6, 7, 8, 4, 5], [45, 20, 30, 24, 22, 22, 22, 10, 72]
THEME_ORDER, THEME_W = [2, 0, 1, 3, 4, 5], [45, 20, 50, 24, 10, 118]


def table(t: dict[str, Any]) -> m.Table:
    plan = P.is_plan(t)
    order, widths = (PLAN_ORDER, PLAN_W) if plan else (THEME_ORDER, THEME_W)
    body = t["rows"]
    # (seed column, body row) -> rowspan of a merged cell; covered positions are None
    spans: dict[tuple[int, int], int] = {}
    if plan:
        spans[(0, 0)] = len(body)
        spans.update({(1, a - 1): b - a + 1 for a, b in es.objective_runs(body)})
    covered = {(c, r + k) for (c, r), n in spans.items() for k in range(1, n)}
    rows: list[list[m.Cell | None]] = [P.header(t, order, reworded=True)]
    for i, r in enumerate(body):
        rows.append([None if (j, i) in covered else
                     m.cell(P.paras(r["cells"][j]), rowspan=spans.get((j, i), 1), bold=j == 0)
                     for j in order])
    repeat = P.repeats(t)
    return m.Table(rows, widths, repeat_header=repeat, header_fill=P.LIGHT, split_rows=not repeat)


def model() -> m.Document:
    return P.document([table(t) for t in P.plan()["tables"]], orientation="landscape", font="times",
                      size=10)


def gold() -> dict[str, Any]:
    return P.gold(NAME)
