"""East Cambridgeshire's whole 2023/24 action plan (seed 002) in the model: duties, SMART Targets as tables and loose lines.

Duties with Lead / Timescale blocks beside them, and SMART Target blocks both as
three-column tables and as loose label/value lines.

The content is the builder's (``src/east_cambs_data/content.py``), in the same order and on the
same designed pages (a title page, a two-column contents page, a page break wherever the Word
original starts a page). Each duty is a tinted block with a "Lead" and a "Timescale" block
beside it; a SMART Target in table form is SMART Target | CSP Priority | Timescale with the
Lead label and value under the priority (the target and timescale cells merged down beside
them); in loose form the "SMART Target" label, the target text, then label-over-value pairs
(CSP Priority, Timescale, Lead) laid out as the original places them. What the model cannot
say is the original's shuffled content-stream order: here every typesetter writes the
pieces in reading order.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.east_cambs_data import content as C
from src.renderings_data._seeds import without_pages
from src.renderings_data.common import original_gold

NAME = "east-cambridgeshire-action-plan-2023-24"
TINT, LABEL = "#E6F2F1", "#CFE6E4"


def text_blocks(texts: list[str], bullets: bool) -> list[m.Block]:
    """The target's paragraphs; "• " items as a bulleted list (loose form) or paragraphs (table form)."""
    out: list[m.Block] = []
    for t in texts:
        if t.startswith("• ") and bullets:
            item = t.removeprefix("• ")
            if out and isinstance(out[-1], m.Bullets):
                out[-1].items.append(item)
            else:
                out.append(m.Bullets([item]))
        else:
            out.append(m.Paragraph(t.removeprefix("• ")))
    return out


def labelled(label: str, value: str | None) -> list[m.Block]:
    return [m.Paragraph(f"**{label}**"), *([m.Paragraph(value)] if value is not None else [])]


def smart_table(item: C.Smart) -> m.Table:
    rows: list[list[m.Cell | None]] = [
        [m.cell("SMART Target", bold=True), m.cell("CSP Priority", bold=True), m.cell("Timescale", bold=True)],
        [m.cell(text_blocks(item.texts, bullets=False), rowspan=3), m.cell(item.priority),
         m.cell(item.timescale or "", rowspan=3)],
        [None, m.cell("Lead", bold=True, fill=TINT), None],
        [None, m.cell(item.lead), None],
    ]
    return m.Table(rows, [244, 120, 120], repeat_header=False, header_fill=LABEL)


def smart_loose(item: C.Smart) -> list[m.Flow]:
    """The label, the text, then the label/value pairs in the (column, row) slots the original uses."""
    tokens = item.order.split()
    # a pair the original leaves out of its page (no label in its order) is not printed
    slots = {key: (label, value if f"{key[0]}v" in tokens else None)
             for key, label, value in (("pri", "CSP Priority", item.priority), ("ts", "Timescale", item.timescale),
                                       ("lead", "Lead", item.lead)) if f"{key[0]}l" in tokens}
    if item.beside_text:
        # the priority and timescale beside the target text, the lead below both
        rows: list[list[m.Cell | None]] = [
            [m.cell(text_blocks(item.texts, bullets=True)), m.cell(labelled(*slots["pri"])),
             m.cell(labelled(*slots["ts"]))],
            [m.cell(labelled(*slots["lead"]), colspan=3), None, None],
        ]  # (every beside-text target prints all three pairs)
        return [m.Paragraph("**SMART Target**"), m.Table(rows, [300, 90, 94], header_rows=0, repeat_header=False,
                                                       ruled="none", header_fill=None)]
    grid: list[list[m.Cell | None]] = [[None, None, None], [None, None, None]]
    for key, (col, row) in item.grid.items():
        if key in slots:
            grid[row][col] = m.cell(labelled(*slots[key]))
    body: list[list[m.Cell | None]] = []
    for row in grid:
        if any(row):
            body.append([x or m.cell("") for x in row])
    return [m.Paragraph("**SMART Target**"), *text_blocks(item.texts, bullets=True),
            m.Table(body, [160, 160, 164], header_rows=0, repeat_header=False, ruled="none", header_fill=None)]


def contents() -> list[m.Flow]:
    left, right = C.CONTENTS_LEFT, C.CONTENTS_RIGHT
    rows: list[list[m.Cell | None]] = []
    for i in range(max(len(left), len(right))):
        row: list[m.Cell | None] = []
        for col in (left, right):
            entry, page = col[i] if i < len(col) else ("", "")
            row += [m.cell(entry), m.cell(page)]
        rows.append(row)
    return [m.Heading("Contents", 1), m.Table(rows, [150, 20, 150, 20], header_rows=0, repeat_header=False,
                                              ruled="none", header_fill=None, size=10)]


def model() -> m.Document:
    flows: list[m.Flow] = [m.Figure(110, width=0.25, seed=1), m.Heading(C.TITLE, 1), m.PageBreak(), *contents(),
                           m.PageBreak()]
    duties: list[list[m.Cell | None]] = []

    def flush() -> None:
        if duties:
            flows.append(m.Table(list(duties), [110, 40, 35], header_rows=0, repeat_header=False))
            duties.clear()

    for item in [*C.STATUTORY, C.Break(), *C.ADDITIONAL]:
        if not isinstance(item, C.Duty):
            flush()
        if isinstance(item, C.Heading):
            flows.append(m.Heading(item.text, item.level))
        elif isinstance(item, C.Para):
            flows.append(m.Heading(item.text, 3) if item.style == "h3" else m.Paragraph(item.text))
        elif isinstance(item, C.Break):
            flows.append(m.PageBreak())
        elif isinstance(item, C.Dots):
            flows.append(m.Paragraph(" ".join(["\u2022"] * 20)))
        elif isinstance(item, C.Duty):
            duties.append([m.cell([m.Paragraph(t) for t in item.texts], fill=TINT),
                           m.cell(labelled("Lead", item.lead), fill=LABEL),
                           m.cell(labelled("Timescale", item.timescale), fill=LABEL)])
        elif isinstance(item, C.Smart):
            flows += [smart_table(item)] if item.form == "table" else smart_loose(item)
    flush()
    return m.Document(C.TITLE, "East Cambridgeshire District Council",
                      [m.Section(flows, footer="{page}")], font="calibri", size=11, margin_mm=18)


def gold() -> dict[str, Any]:
    g = without_pages(original_gold(f"{NAME}.gold.json"))
    # a heading is found with the words that follow it, after the contents page (which lists it too)
    first = next(x for x in C.STATUTORY if isinstance(x, C.Duty)).texts[0]
    follows: dict[str, str] = {}
    items = [*C.STATUTORY, *C.ADDITIONAL]
    for i, item in enumerate(items):
        if isinstance(item, C.Heading):
            nxt = next(x for x in items[i + 1:] if isinstance(x, C.Duty | C.Smart | C.Para))
            follows[item.text] = f"{item.text} {(nxt.texts[0] if hasattr(nxt, 'texts') else nxt.text)}"
    g["priorities"] = [dict(p, _find=" ".join(follows[p["label"]].split()[:12]) if p["label"] in follows else None,
                            _after=first) for p in g["priorities"]]
    g["notes"] = [*g.get("notes", []), "Typeset from the document model: duties and SMART Targets (table and "
                  "loose forms) as the original lays them out, in reading order; content and gold as the reportlab "
                  "original."]
    return g
