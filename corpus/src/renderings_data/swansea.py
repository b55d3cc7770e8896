"""Swansea's three-year partnership plan: a title page, bulleted priorities, ruled delivery tables per outcome.

From the builder data (``other_councils_data/swansea.py``): each "Outcome N" heading with
its "Priority:" line over a ruled table Ref / What we will do / Who / By when / How we will
measure it, rows kept whole; A4 portrait, Times.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.other_councils_data import swansea as SWA
from src.renderings_data.common import original_gold, with_finds

NAME = "swansea-partnership-plan-2024-27"


def model() -> m.Document:
    flows: list[m.Flow] = [
        m.Space(60), m.Paragraph("Safer Swansea Partnership", align="center"), m.Space(6),
        m.Heading(SWA.TITLE, 1, align="center"), m.Space(4), m.Paragraph(SWA.STRAPLINE, align="center"),
        m.PageBreak(), m.Heading("Foreword", 2), *(m.Paragraph(t) for t in SWA.FOREWORD),
        m.Heading("1. Introduction", 2), *(m.Paragraph(t) for t in SWA.INTRO),
        m.Heading("2. Our priorities", 2), m.Paragraph(SWA.PRIORITIES_LEAD),
        m.Bullets([label for label, _ in SWA.PRIORITIES]), m.Paragraph(SWA.PRIORITIES_AFTER),
        m.Heading(SWA.FUNDING_HEAD, 2), *(m.Paragraph(t) for t in SWA.FUNDING_TEXT),
        m.PageBreak(), m.Heading("4. Delivering the plan", 2), m.Paragraph(SWA.DELIVERY_INTRO),
    ]
    for heading, priority, actions in SWA.OUTCOMES:
        body = [[a.ref, a.description, a.who, a.when, a.measure] for a in actions]
        flows += [m.Heading(heading, 3), m.Paragraph(f"**Priority:** {priority}"),
                  m.grid(SWA.HEADERS, body, [28, 168, 96, 60, 117], repeat_header=True, header_fill="#DEEAF6",
                         split_rows=False)]
    flows.append(m.Paragraph(SWA.REVIEW))
    return m.Document(SWA.TITLE, SWA.AUTHORITY,
                      [m.Section(flows, footer="Safer Swansea Partnership Plan 2024-2027 | {page}")],
                      font="times", size=11, margin_mm=20)


def gold() -> dict[str, Any]:
    g = original_gold(f"variants/{SWA.PDF.replace('.pdf', '.gold.json')}")
    g["funding"] = with_finds(g["funding"], [s.needle for s in SWA.FUNDING])
    return g
