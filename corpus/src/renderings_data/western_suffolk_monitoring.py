"""Western Suffolk's 2023 monitoring report (seed 001) in the model: a ruled cover form, then numbered paragraphs.

The text is the builder's (``src/west_suffolk_data/monitoring_2023.py``): section headings
and paragraphs with hanging numbers (2.1.9 ...), lettered lists one level in, priorities
in bold at the head of list items, outputs stated in sentences.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src import west_suffolk as WS
from src.renderings_data._seeds import form, narrative, without_pages
from src.renderings_data.common import original_gold
from src.west_suffolk_data import monitoring_2023 as mr23

NAME = "western-suffolk-monitoring-2023-09-21"


def model() -> m.Document:
    flows: list[m.Flow] = [
        m.Heading(mr23.TITLE, 1),
        form([("Report number:", f"**{mr23.REPORT_NUMBER}**", None),
              ("Report to and date(s):", mr23.COMMITTEE, mr23.MEETING),
              ("Cabinet member:", "\n".join(mr23.CABINET_MEMBER), None),
              ("Lead officer:", "\n".join(mr23.LEAD_OFFICER), None)], [128, 220, 134]),
        *narrative(mr23.BLOCKS),
    ]
    return m.Document(mr23.TITLE, "West Suffolk Council", [m.Section(flows, footer="Page {page}")],
                      font="arial", size=11, margin_mm=20)


def gold() -> dict[str, Any]:
    g = without_pages(original_gold(WS.PDF_001.replace(".pdf", ".gold.json")))
    g["priorities"] = [dict(p, _find=needle) for p, (_l, _t, needle) in zip(g["priorities"], WS.PRIORITIES_001,
                                                                          strict=True)]
    g["notes"] = [*g.get("notes", []), "Typeset from the document model (hanging numbers as the Word original's "
                  "numbered paragraphs); content and gold as the reportlab original."]
    return g
