"""Harborough's partnership plan action tracker (held out): a spreadsheet export, theme repeated on every row.

From the held-out builder's data (``src/heldout.py``): Theme / Key action / Partner lead /
Start / End / RAG / Commentary, RAG cells coloured, funded actions marked "*", the header
repeated on every page and rows kept whole, a footnote naming the grant; A4 landscape,
Arial (Helvetica). Held out: rendered into ``corpus/heldout/renderings/``, never tuned on.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src import heldout as H
from src.renderings_data.common import original_gold

NAME = "harborough-csp-action-tracker-2024-25"
HELDOUT = True


def model() -> m.Document:
    rows = [[r.theme, H.har_action(r), r.lead, r.start, r.end, m.cell(r.rag, fill=H.HAR_RAG_FILL.get(r.rag)),
             r.commentary] for r in H.HAR_ROWS]
    flows: list[m.Flow] = [
        m.Heading(H.HAR_TITLE, 2),
        m.Paragraph("   ".join(f"**{k}:** {v}" for k, v in H.HAR_META), small=True),
        m.grid(H.HAR_HEAD, rows, [33, 72, 42, 16, 20, 17, 61], header_fill="#D9D9D9", split_rows=False),
        m.Paragraph(H.HAR_FUND_TEXT, small=True), m.Paragraph(H.HAR_RAG_NOTE, small=True),
    ]
    return m.Document(H.HAR_TITLE, "Harborough District Council",
                      [m.Section(flows, orientation="landscape",
                                 footer="Harborough CSP action tracker 2024/25 - page {page}")],
                      font="arial", size=10.5, margin_mm=12)


def gold() -> dict[str, Any]:
    return original_gold(f"heldout/{H.HAR_PDF.replace('.pdf', '.gold.json')}")
