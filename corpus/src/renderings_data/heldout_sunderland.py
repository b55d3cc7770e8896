"""Sunderland's CSP annual report to scrutiny (held out): title block, cover form, numbered paragraphs, two tables.

From the held-out builder's data (``src/heldout.py``): an upper-case title block centred
over a cover form whose label column is shaded, numbered sections and priority
sub-headings, a performance indicator table (Baseline / Target / Outturn / Direction of
travel, figures flush right) and a grants table with a Total row; A4 portrait, Vera
(DejaVu Sans). Held out: rendered into ``corpus/heldout/renderings/``, never tuned on.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src import heldout as H
from src.renderings_data.common import original_gold

NAME = "sunderland-csp-annual-report-2024-07-11"
HELDOUT = True
GREY, SHADE = "#BFBFBF", "#EDEDED"


def section(head: str, paras: list[str]) -> list[m.Flow]:
    return [m.Heading(head, 3), *(m.Paragraph(t) for t in paras)]


def model() -> m.Document:
    cover = m.Table([[m.cell(k, bold=True, fill=SHADE), m.cell(v)] for k, v in H.SUN_COVER], [45, 125],
                    header_rows=0, repeat_header=False, header_fill=None)
    pis = [[ind, m.cell(base, align="right"), target, m.cell(outturn, align="right"), direction]
           for ind, base, target, outturn, direction, _v in H.SUN_PIS]
    grants: list[list[m.Cell | str | None]] = [[grant, by, m.cell(written, align="right"), used]
                                               for grant, by, _f, written, _a, used in H.SUN_GRANTS]
    grants.append([m.cell("Total", bold=True), "", m.cell(H.sun_total(), bold=True, align="right"), ""])
    flows: list[m.Flow] = [
        *(m.Paragraph(f"**{t}**", align="center") for t in H.SUN_MASTHEAD), m.Space(3),
        m.Paragraph(f"**{H.SUN_TITLE.upper()}**", align="center"),
        m.Paragraph(f"**{H.SUN_REPORT_OF}**", align="center"), m.Space(5), cover,
        *(f for head, paras in H.SUN_SECTIONS for f in section(head, paras)),
        *(f for number, label, _theme, paras in H.SUN_PRIORITIES
          for f in (m.Paragraph(f"**{number} {label}**"), *(m.Paragraph(t) for t in paras))),
        *section(*H.SUN_PERFORMANCE), m.Heading(H.SUN_TABLE1, 3),
        m.grid(H.SUN_PI_HEAD, pis, [64, 24, 28, 24, 30], header_fill=GREY, split_rows=False),
        m.Paragraph(H.SUN_AFTER_TABLE1), *section(*H.SUN_RESOURCES), m.Heading(H.SUN_TABLE2, 3),
        m.grid(H.SUN_GRANT_HEAD, grants, [45, 45, 24, 56], header_fill=GREY, split_rows=False),
        *section(*H.SUN_BACKGROUND),
    ]
    return m.Document(H.SUN_TITLE, "Sunderland City Council",
                      [m.Section(flows, footer="Scrutiny Coordinating Committee 11 July 2024 - {page}")],
                      font="verdana", size=10, margin_mm=18)


def gold() -> dict[str, Any]:
    g = original_gold(f"heldout/{H.SUN_PDF.replace('.pdf', '.gold.json')}")
    numbers = {label: number for number, label, _t, _p in H.SUN_PRIORITIES}
    g["priorities"] = [dict(p, _find=f"{numbers[p['label']]} {p['label']}") for p in g["priorities"]]
    g["kpis"] = [dict(k, _after=H.SUN_TABLE1) for k in g["kpis"]]
    written = {float(a): w for _g, _b, _f, w, a, _u in H.SUN_GRANTS}
    g["funding"] = [dict(f, _find=written[f["amount_gbp"]], _after=H.SUN_TABLE2) for f in g["funding"]]
    return g
