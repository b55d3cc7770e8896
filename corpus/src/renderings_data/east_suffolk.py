"""East Suffolk's scrutiny report (funding table, Appendix C landscape action plan) in the model.

The content is the seed data the reportlab builder (``src/east_suffolk.py``) reads; the
Appendix C Priority cell is merged down every row of its table and Objectives over
their activities, as in the Word original.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import doc as m

from src.renderings_data.common import link, original_gold, with_finds

NAME = "east-suffolk-scrutiny-2023-07-20"
ORIGINAL = "east-suffolk-scrutiny-2023-07-20.gold.json"
DATA = Path(__file__).resolve().parents[1] / "east_suffolk_data"
TEAL, LIGHT = "#00758F", "#E7EEF3"
THEME_W = [22, 52, 55, 26, 14, 98]
PLAN_W = [20, 30, 42, 24, 12, 73, 22, 22, 22]
REPEAT_HEADER = {"VAWG"}


def load(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def blocks(items: list[Any]) -> list[m.Block]:
    out: list[m.Block] = []
    for b in items:
        if isinstance(b, str):
            out.append(m.Paragraph(link(b)))
        elif "bullets" in b:
            out.append(m.Bullets([link(x) for x in b["bullets"]]))
        elif "lines" in b:
            out += [m.Paragraph(x, indent=True) for x in b["lines"]]
    return out


def two_col(rows: list[tuple[str, list[m.Block]]]) -> m.Table:
    return m.Table([[m.cell(a, bold=True, fill=LIGHT), m.cell(b)] for a, b in rows], [45, 135],
                   header_rows=0, repeat_header=False)


def boxed(section: dict[str, Any]) -> m.Table:
    rows: list[list[m.Cell | None]] = [[m.cell(section["title"], bold=True, fill=TEAL)]]
    for label, paras in section["items"]:
        rows.append([m.cell([m.Paragraph(f"**{label}**"), *(m.Paragraph(link(x)) for x in paras)])])
    return m.Table(rows, [1], header_rows=1, repeat_header=False, header_fill=None)


def strategic(sp: dict[str, Any]) -> list[m.Flow]:
    rows: list[list[m.Cell | None]] = [[m.cell(sp["intro"], colspan=2, bold=True), None,
                                        m.cell(sp["primary"], bold=True), m.cell(sp["secondary"], bold=True)]]
    for code, label, primary, secondary in sp["rows"]:
        theme = primary is None
        fill = LIGHT if theme else None

        def box(v: bool | None) -> str:
            return "" if v is None else ("\u2612" if v else "\u2610")

        rows.append([m.cell(code, bold=theme, fill=fill), m.cell(label, bold=theme, fill=fill),
                     m.cell(box(primary), fill=fill), m.cell(box(secondary), fill=fill)])
    question, answer = sp["how"].split("? ", 1)
    rows.append([m.cell([m.Paragraph(f"**{question}?**"), m.Paragraph(answer)], colspan=4), None, None, None])
    return [m.Heading(sp["title"], 2), m.Table(rows, [14, 100, 30, 30], repeat_header=False)]


def section_row(s: dict[str, Any], bs: list[Any]) -> list[m.Cell | None]:
    if not bs and s["heading"]:
        return [m.cell(s["num"], bold=True), m.cell(s["heading"], bold=True)]
    content: list[m.Block] = [m.Paragraph(f"**{s['heading']}**")] if s["heading"] else []
    return [m.cell(s["num"]), m.cell(content + blocks(bs))]


def background(report: dict[str, Any]) -> list[m.Flow]:
    out: list[m.Flow] = [m.Heading(report["background_title"], 2)]
    rows: list[list[m.Cell | None]] = []

    def flush() -> None:
        if rows:
            out.append(m.Table(list(rows), [15, 165], header_rows=0, repeat_header=False))
            rows.clear()

    for s in report["sections"]:
        at = next((i for i, b in enumerate(s["blocks"]) if isinstance(b, dict) and "funding_table" in b), None)
        if at is None:
            rows.append(section_row(s, s["blocks"]))
            continue
        rows.append(section_row(s, s["blocks"][:at]))
        flush()
        ft = s["blocks"][at]["funding_table"]
        out.append(m.grid(ft["header"], [list(r) for r in ft["rows"]], [26, 120, 24], repeat_header=False,
                          header_fill=LIGHT))
        rows.append([m.cell(""), m.cell(blocks(s["blocks"][at + 1:]))])
    flush()
    return out


def appendix_lists(report: dict[str, Any]) -> list[m.Flow]:
    ap, bg = report["appendices"], report["background_papers"]
    return [m.Heading(ap["title"], 2), m.Heading(ap["label"], 3),
            m.Table([[m.cell(a, bold=True), m.cell(b)] for a, b in ap["rows"]], [35, 145], header_rows=0,
                    repeat_header=False),
            m.Heading(bg["label"], 3),
            m.grid(bg["header"], [list(r) for r in bg["rows"]], [35, 70, 69], repeat_header=False)]


def appendix_b(b: dict[str, Any]) -> list[m.Flow]:
    out: list[m.Flow] = [m.PageBreak(), m.Heading(b["label"], 2),
                         m.Table([[m.cell([m.Paragraph(f"**{b['title']}**"), m.Paragraph(b["subtitle"])],
                                          fill=TEAL)]], [1], header_rows=0, repeat_header=False),
                         m.Heading(b["overview"], 2), m.Heading(b["lead"], 3)]
    for g in b["groups"]:
        out += [m.Paragraph(f"**{g['heading']}**"), m.Bullets([link(x) for x in g["items"]])]
    return out


def plan_table(t: dict[str, Any]) -> m.Table:
    header = t["header"]
    widths = THEME_W if len(header) == len(THEME_W) else PLAN_W
    rows: list[list[m.Cell | None]] = [[m.cell(h, bold=True) for h in header]]
    body = t["rows"]
    merged = header[0] == "Priority"
    for i, r in enumerate(body):
        row: list[m.Cell | None] = []
        for j, paras in enumerate(r["cells"]):
            content = [m.Paragraph(link(x)) for x in paras]
            if merged and j == 0:
                row.append(m.cell(content, rowspan=len(body), bold=True) if i == 0 else None)
            elif merged and j == 1:
                if paras or i == 0:
                    run = 1
                    while i + run < len(body) and not body[i + run]["cells"][1]:
                        run += 1
                    row.append(m.cell(content, rowspan=run))
                else:
                    row.append(None)
            else:
                row.append(m.cell(content, bold=j == 0))
        rows.append(row)
    first = body[0]["cells"][0][0] if body and body[0]["cells"][0] else ""
    return m.Table(rows, widths, repeat_header=first in REPEAT_HEADER, header_fill=LIGHT, size=7.5)


def model() -> m.Document:
    report, plan = load("report.json"), load("action_plan.json")
    front: list[m.Flow] = [m.Heading(report["committee"], 1), m.Heading(report["date"], 2),
                           two_col([(a, [m.Paragraph(link(x)) for x in v]) for a, v in report["cover"]]),
                           two_col([(a, [m.Paragraph(b)]) for a, b in report["cover2"]]),
                           boxed(report["overview"]), boxed(report["impact"]), *strategic(report["strategic"]),
                           *background(report), *appendix_lists(report), *appendix_b(report["appendix_b"])]
    appendix_c: list[m.Flow] = [m.Heading(plan["label"], 2), m.Heading(plan["title"], 3)]
    appendix_c += [plan_table(t) for t in plan["tables"]]
    return m.Document(
        title="Review of the East Suffolk Community Safety Partnership", author="East Suffolk Council",
        sections=[m.Section(front, footer="{page}"),
                  m.Section(appendix_c, orientation="landscape", footer="{page}")],
        font="arial", size=11, margin_mm=15)


def gold() -> dict[str, Any]:
    g = original_gold(ORIGINAL)
    hand = load("gold_hand.json")
    for key in ("priorities", "kpis", "funding"):
        g[key] = with_finds(g[key], [h.get("find") for h in hand[key]])
    return g
