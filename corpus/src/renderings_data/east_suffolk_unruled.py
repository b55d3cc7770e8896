"""East Suffolk's action plan without any ruling lines or fills, portrait US Letter, 7 pt cells.

Seed column order and wordings; a Priority / Objectives value stands on the first row of
its run and the rows below are blank in that column (no merged cells: whitespace-aligned
columns), as the reportlab variant.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.renderings_data import _es_plan as P

NAME = "east-suffolk-actionplan-unruled"
#: the reportlab variant's widths, widened a little where Word's wider cell margins would break a
#: word ("Exploitation", "Status") over two lines
PLAN_W = [18.5, 21.5, 26, 17, 12, 38, 19, 19, 17]
THEME_W = [18.5, 21.5, 26, 17, 12, 93]


def table(t: dict[str, Any]) -> m.Table:
    widths = PLAN_W if P.is_plan(t) else THEME_W
    rows: list[list[m.Cell | None]] = [P.header(t, list(range(len(widths))), reworded=False)]
    rows += [[m.cell(P.paras(c), bold=j == 0) for j, c in enumerate(r["cells"])] for r in t["rows"]]
    repeat = P.repeats(t)
    return m.Table(rows, widths, repeat_header=repeat, ruled="none", header_fill=None, split_rows=not repeat)


def model() -> m.Document:
    return P.document([table(t) for t in P.plan()["tables"]], orientation="portrait", font="arial",
                      size=8.5, paper="letter")


def gold() -> dict[str, Any]:
    return P.gold(NAME)
