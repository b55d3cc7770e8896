"""A funding table with amounts in a "£" column and a Total row, and a cap in the text.

Invented text and sums for North Tyneside (real bodies, our wording).
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.other_councils_data.common import Sum
from src.renderings_data.common import document, money

NAME = "north-tyneside-csp-funding-2024-06-24"
TITLE = "North Tyneside Community Safety Partnership: Funding 2024/25"
NTC = "North Tyneside Council"
HO = "Home Office"
OPCC = "Office of the Police and Crime Commissioner for Northumbria"
COMMITTEE = "Overview, Scrutiny and Policy Development Committee"

INTRO = ("1.1 This report sets out the money available to the North Tyneside Community Safety Partnership in "
         "2024/25 and what it pays for. The partnership's members are North Tyneside Council, Northumbria "
         "Police, Tyne and Wear Fire and Rescue Service and the Probation Service.")
PRIORITIES_LEAD = "2.1 The partnership plan has three priorities:"
PRIORITIES = [("Reducing anti-social behaviour", "asb"), ("Tackling domestic abuse", "domestic_abuse"),
              ("Preventing serious violence", "serious_violence")]
HEADERS = ["Funder", "Grant", "Year", "£", "Purpose"]
#: (funder cell, grant, year, amount, purpose, funder (gold))
ROWS: list[tuple[str, str, str, int, str, str]] = [
    ("Police and Crime Commissioner", "Community Safety Fund", "2024/25", 48000,
     "Neighbourhood problem-solving and the ASB caseworker post", OPCC),
    ("Home Office", "Safer Streets Fund", "2024/25", 250000,
     "Street lighting, CCTV and home security in Wallsend and North Shields", HO),
    ("North Tyneside Council", "Community safety budget", "2024/25", 65000,
     "Community safety officers and the partnership analyst", NTC),
    ("Home Office", "Serious Violence Duty grant", "2024/25", 31200, "Youth outreach on the coast", HO),
]
TOTAL = "394,200"
CAP = ("3.2 Residents' groups can apply to the Community Safety Fund for grants of up to £500 for events "
       "that bring neighbours together.")

ORGANISATIONS = [NTC, "Northumbria Police", "Tyne and Wear Fire and Rescue Service", "Probation Service",
                 OPCC, HO, "North Tyneside Community Safety Partnership"]


def model() -> m.Document:
    body: list[list[m.Cell | str | None]] = [[f, g, y, f"{a:,}", p] for f, g, y, a, p, _ in ROWS]
    body.append([m.cell("Total", bold=True), "", "", m.cell(TOTAL, bold=True), ""])
    flows: list[m.Flow] = [
        m.Paragraph("**North Tyneside Council**"), m.Paragraph(f"**Report to {COMMITTEE}, 24 June 2024**"),
        m.Heading(TITLE, 1),
        m.Heading("1. Purpose", 2), m.Paragraph(INTRO),
        m.Heading("2. Priorities", 2), m.Paragraph(PRIORITIES_LEAD), m.Bullets([p for p, _ in PRIORITIES]),
        m.Heading("3. Funding", 2), m.Paragraph("3.1 Table 1 shows the partnership's funding for 2024/25."),
        m.grid(HEADERS, body, [42, 38, 18, 20, 62], header_fill="#DDEBF7"), m.Paragraph(CAP),
    ]
    return m.Document(TITLE, NTC, [m.Section(flows, footer="Page {page}")], font="arial", size=11)


def gold() -> dict[str, Any]:
    sums = [Sum(a, p, p, period=y, funder=fg) for _f, _g, y, a, p, fg in ROWS]
    return {
        "seed": None,
        "document": document(TITLE, "scrutiny_report", "north-tyneside-csp", NTC, COMMITTEE, "2024-06-24"),
        "priorities": [{"label": p, "theme": t} for p, t in PRIORITIES],
        "activities": [], "kpis": [],
        "funding": [money(s) for s in sums],
        "organisations": ORGANISATIONS,
        "notes": [
            "Document type: scrutiny_report (a report to the council's scrutiny committee).",
            "Priorities: the three bullets of 2.1, label as written.",
            "Funding: the four rows of Table 1 (description = Purpose, period = Year, amount from the '£' "
            "column, funder by official name: 'Police and Crime Commissioner' is the Northumbria OPCC; "
            "recipient not said: null). Not counted: the Total row and the 'up to £500' cap of 3.2.",
            "Organisations: the members of 1.1, the two funders and the partnership named as a body.",
        ],
    }
