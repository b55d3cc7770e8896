"""West Suffolk's 2017 community safety report (seed 003) in the model: cover form, implications and risk grid.

The text is the builder's (``src/west_suffolk_data/community_safety_2017.py``): a cover form
with Yes/No boxes, one ruled grid of four columns whose question and answer cells span
two each above the risk rows (Risk area / Inherent / Controls / Residual), then numbered
paragraphs with the sums in sentences.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src import west_suffolk as WS
from src.renderings_data._seeds import form, label, lines, narrative, plain, without_pages
from src.renderings_data.common import original_gold
from src.west_suffolk_data import community_safety_2017 as cs17

NAME = "west-suffolk-community-safety-2017-04-19"


def pair(a: m.Cell, b: m.Cell) -> list[m.Cell | None]:
    """A row of the grid above the risk rows: two cells of two columns each."""
    a.colspan = b.colspan = 2
    return [a, None, b, None]


def implications() -> m.Table:
    rows: list[list[m.Cell | None]] = [[m.cell("Implications:", colspan=4, bold=True), None, None, None]]
    for question, boxes, details in cs17.IMPLICATIONS:
        answer = [m.Paragraph(plain(boxes)), *lines("\n".join(details))]
        rows.append(pair(m.cell(question, bold=True), m.cell(answer)))
    rows.append(pair(m.cell(cs17.RISK_INTRO[0], bold=True), m.cell(cs17.RISK_INTRO[1])))
    rows.append([m.cell(h, bold=True) for h in cs17.RISK_HEADER])
    rows.append([m.cell(h) for h in cs17.RISK_SCALE])
    rows += [[m.cell(v) for v in risk] for risk in cs17.RISKS]
    rows += [pair(label(lab), m.cell(lines(value))) for lab, value in cs17.TAIL]
    return m.Table(rows, WS.GRID_003, header_rows=0, repeat_header=False, header_fill=None)


def model() -> m.Document:
    g = WS.GRID_003
    flows: list[m.Flow] = [
        m.Heading(cs17.COMMITTEE, 1),
        form(cs17.COVER, [g[0] + g[1], g[2], g[3]]),
        m.PageBreak(),
        implications(),
    ]
    flows += narrative(cs17.BLOCKS)
    return m.Document(cs17.TITLE, "St Edmundsbury Borough Council", [m.Section(flows, footer="Page {page}")],
                      font="arial", size=11.5, margin_mm=20)


def gold() -> dict[str, Any]:
    g = without_pages(original_gold(WS.PDF_003.replace(".pdf", ".gold.json")))
    g["funding"] = [dict(f, _find=needle) for f, needle in zip(g["funding"], WS.FUNDING_NEEDLES_003, strict=True)]
    g["notes"] = [n for n in g.get("notes", []) if not n.startswith("Layout:")] + [
        "Layout: typeset from the document model: the implications and risk rows are one ruled grid of four "
        "columns, question and answer cells spanning two each (real merged cells in Word, colspan in HTML); "
        "whether a column rule falls inside a question's words depends on each typesetter's widths. Content "
        "and gold as the reportlab original."]
    return g
