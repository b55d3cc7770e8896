"""A PCC decision record: grants awarded in sentences, a cap "up to £5,000" and a restated total.

Invented text (the Dorset OPCC and the recipients are real bodies; the awards are not).
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.other_councils_data.common import Sum
from src.renderings_data.common import document, money

NAME = "dorset-pcc-decision-safer-communities-fund-2024"
TITLE = "Police and Crime Commissioner for Dorset: Decision Record 2024/17, Safer Communities Fund"
OPCC = "Office of the Police and Crime Commissioner for Dorset"

FORM = [("Decision number", "2024/17"), ("Title", "Safer Communities Fund: spring round awards"),
        ("Date of decision", "12 June 2024"), ("Author", "Commissioning and Partnerships Officer")]

SUMMARY = [
    "The Safer Communities Fund offers grants of up to £5,000 to community groups, councils and other "
    "partners for projects that prevent crime and help people feel safe in Dorset. Twelve bids were "
    "received in the spring round and the grants panel recommended five.",
]

AWARDS: list[tuple[str, Sum]] = [
    ("To award Dorset Council £4,800 towards a youth diversion programme on Portland during the summer "
     "holidays.", Sum(4800, "youth diversion programme on Portland during the summer holidays",
                      "To award Dorset Council £4,800", period="2024/25", funder=OPCC,
                      recipient="Dorset Council")),
    ("To award Bournemouth, Christchurch and Poole Council £5,000 to improve the lighting on the footpath "
     "between Boscombe and the seafront.",
     Sum(5000, "improve the lighting on the footpath between Boscombe and the seafront",
         "To award Bournemouth, Christchurch and Poole Council £5,000", period="2024/25", funder=OPCC,
         recipient="Bournemouth, Christchurch and Poole Council")),
    ("To award Dorset and Wiltshire Fire and Rescue Service £2,350 for a water safety campaign for young "
     "people in Weymouth.", Sum(2350, "water safety campaign for young people in Weymouth",
                                "To award Dorset and Wiltshire Fire and Rescue Service £2,350",
                                period="2024/25", funder=OPCC,
                                recipient="Dorset and Wiltshire Fire and Rescue Service")),
    ("To award Age UK £3,100 to train volunteers who help older people recognise doorstep and telephone "
     "scams.", Sum(3100, "train volunteers who help older people recognise doorstep and telephone scams",
                   "To award Age UK £3,100", period="2024/25", funder=OPCC, recipient="Age UK")),
    ("To award Citizens Advice £1,900 for a monthly debt and scams advice clinic in Blandford.",
     Sum(1900, "monthly debt and scams advice clinic in Blandford", "To award Citizens Advice £1,900",
         period="2024/25", funder=OPCC, recipient="Citizens Advice")),
]

FINANCE = ("The five awards total £17,150 and are met from the Commissioner's Safer Communities Fund "
           "budget for 2024/25. Recipients report on what their project achieved within three months of "
           "its end.")
DECLARATION = ("I have considered the recommendations of the grants panel and approve the awards above. "
               "I have no personal interest in this decision.")

ORGANISATIONS = [OPCC, "Dorset Council", "Bournemouth, Christchurch and Poole Council",
                 "Dorset and Wiltshire Fire and Rescue Service", "Age UK", "Citizens Advice"]


def model() -> m.Document:
    flows: list[m.Flow] = [
        m.Paragraph("**OFFICE OF THE POLICE AND CRIME COMMISSIONER FOR DORSET**"),
        m.Heading("Decision Record", 1),
        m.Table([[m.cell(k, bold=True, fill="#DEEAF6"), m.cell(v)] for k, v in FORM], [45, 135], header_rows=0,
                repeat_header=False),
        m.Heading("Executive summary", 2), *(m.Paragraph(t) for t in SUMMARY),
        m.Heading("Decision", 2), m.Paragraph("The Police and Crime Commissioner decides:"),
        m.Bullets([t for t, _ in AWARDS], numbered=True),
        m.Heading("Financial implications", 2), m.Paragraph(FINANCE),
        m.Heading("Declaration", 2), m.Paragraph(DECLARATION),
        m.Paragraph("Signed: Police and Crime Commissioner for Dorset          Date: 12 June 2024"),
    ]
    return m.Document(TITLE, OPCC, [m.Section(flows, footer="Decision 2024/17   Page {page}")],
                      font="arial", size=11)


def gold() -> dict[str, Any]:
    return {
        "seed": None,
        "document": document(TITLE, "other", None, None),
        "priorities": [], "activities": [], "kpis": [],
        "funding": [money(s) for _, s in AWARDS],
        "organisations": ORGANISATIONS,
        "notes": [
            "Document type: other (a PCC decision record, not a CSP paper); no partnership, no council.",
            "Funding: the five awards in the Decision list, funder the Dorset OPCC, recipient by official "
            "name, period 2024/25 (the budget year named). Not funding rows: the cap 'up to £5,000' and "
            "the £17,150 total, which restates the five awards.",
            "Organisations: the OPCC and the five recipients.",
        ],
    }
