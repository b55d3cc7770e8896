"""A grant table whose "Type of funding" cell is merged down its rows, with a Total row.

Invented text for Canterbury (real bodies, our wording and sums).
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.other_councils_data.common import Sum
from src.renderings_data.common import document, money

NAME = "canterbury-csp-funding-2024-10-09"
TITLE = "Canterbury Community Safety Partnership: Community Safety Funding 2024/25"
CCC = "Canterbury City Council"
KCC = "Kent County Council"
KP = "Kent Police"
OPCC = "Office of the Police and Crime Commissioner for Kent"
COMMITTEE = "Overview and Scrutiny Committee"

COVER = [("Meeting", COMMITTEE), ("Date", "9 October 2024"), ("Report of", "Head of Community Services"),
         ("Subject", TITLE)]
PURPOSE = ("This report tells the committee how the money available to the Canterbury Community Safety "
           "Partnership in 2024/25 is being spent. The partnership brings together Canterbury City Council, "
           "Kent Police, Kent County Council and Kent Fire and Rescue Service.")
PRIORITIES_LEAD = "The grants support the partnership's three priorities for 2024/25:"
PRIORITIES = [("Anti-social behaviour and street drinking", "asb"),
              ("Shoplifting and business crime", "neighbourhood_crime"),
              ("Violence against women and girls in the night-time economy", "vawg")]

#: (type of funding, funder (gold), rows of (project, delivered by, amount, recipient (gold)))
TYPES: list[tuple[str, str, list[tuple[str, str, int, str | None]]]] = [
    ("Kent PCC Crime Reduction Grant", OPCC, [
        ("Training and radios for the Street Pastors", "Canterbury Street Pastors", 6500, None),
        ("Safe Space at the bus station on Friday and Saturday nights", CCC, 9000, CCC),
        ("Crime prevention packs for small shops in the city centre", KP, 4200, KP),
    ]),
    ("Canterbury City Council community safety budget", CCC, [
        ("Mobile CCTV cameras for fly-tipping and anti-social behaviour hotspots", CCC, 12000, CCC),
        ("Youth outreach on Herne Bay seafront in the summer holidays", "KCC Youth Service", 7500, KCC),
    ]),
]
TOTAL = "£39,200"
OTHER = ("In addition, Kent County Council contributes £25,000 in 2024/25 towards the domestic abuse "
         "one stop shop held weekly in Canterbury.")
RECOMMENDATION = ("That the committee notes the spending of £39,200 set out in Table 1 and the county "
                  "council's contribution.")

ORGANISATIONS = [CCC, KP, KCC, "Kent Fire and Rescue Service", OPCC, "Canterbury Community Safety Partnership"]


def sums() -> list[Sum]:
    out = [Sum(amount, project, project, period="2024/25", funder=funder, recipient=recipient)
           for _type, funder, rows in TYPES for project, _by, amount, recipient in rows]
    out.append(Sum(25000, "towards the domestic abuse one stop shop held weekly in Canterbury",
                   "Kent County Council contributes £25,000", period="2024/25", funder=KCC))
    return out


def model() -> m.Document:
    rows: list[list[m.Cell | None]] = [[m.cell(h, bold=True) for h in
                                        ("Type of funding", "Project", "Delivered by", "Amount")]]
    for kind, _funder, items in TYPES:
        for i, (project, by, amount, _r) in enumerate(items):
            rows.append([m.cell(kind, rowspan=len(items)) if i == 0 else None, m.cell(project), m.cell(by),
                         m.cell(f"£{amount:,}")])
    rows.append([m.cell("Total", bold=True, colspan=3), None, None, m.cell(TOTAL, bold=True)])
    flows: list[m.Flow] = [
        m.Heading(TITLE, 1),
        m.Table([[m.cell(k, bold=True), m.cell(v)] for k, v in COVER], [40, 140], header_rows=0,
                repeat_header=False, ruled="none"),
        m.Heading("1. Purpose", 2), m.Paragraph(PURPOSE),
        m.Heading("2. Priorities", 2), m.Paragraph(PRIORITIES_LEAD), m.Bullets([p for p, _ in PRIORITIES]),
        m.Heading("3. Funding", 2), m.Paragraph("Table 1: Community safety grants 2024/25"),
        m.Table(rows, [45, 75, 40, 20], header_fill="#E2EFD9"),
        m.Paragraph(OTHER),
        m.Heading("4. Recommendation", 2), m.Paragraph(RECOMMENDATION),
    ]
    return m.Document(TITLE, CCC, [m.Section(flows, footer="Canterbury City Council   {page}")],
                      font="verdana", size=10)


def gold() -> dict[str, Any]:
    return {
        "seed": None,
        "document": document(TITLE, "scrutiny_report", "canterbury-csp", CCC, COMMITTEE, "2024-10-09"),
        "priorities": [{"label": p, "theme": t} for p, t in PRIORITIES],
        "activities": [], "kpis": [],
        "funding": [money(s) for s in sums()],
        "organisations": ORGANISATIONS,
        "notes": [
            "Document type: scrutiny_report (a report to the council's Overview and Scrutiny Committee).",
            "Priorities: the three bullets of section 2, label as written.",
            "Funding: the five rows of Table 1 (description = Project, period 2024/25, funder = the merged "
            "'Type of funding' cell: 'Kent PCC Crime Reduction Grant' is the Kent OPCC, the council's "
            "budget is Canterbury City Council; recipient = 'Delivered by' by official name, 'KCC Youth "
            "Service' -> Kent County Council, the Street Pastors are a local scheme: null) and the county "
            "council's £25,000 (recipient the partnership: null). Not counted: the Total row and the "
            "£39,200 restated in the recommendation.",
            "Organisations: the partners of section 1, the Kent OPCC (the grant) and the partnership named "
            "as a body. Canterbury Street Pastors is a local scheme no register lists: left out.",
        ],
    }
