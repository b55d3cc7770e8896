"""A Word plan laid out in two columns: each action on the left, its Lead / Timescale block on the right.

No ruling lines (an invisible two-column table, as Word users build it); invented text for
Bridgend (real bodies, our wording).
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.other_councils_data.common import Action
from src.renderings_data.common import activity, document

NAME = "bridgend-csp-plan-2024-25"
TITLE = "Bridgend Community Safety Partnership Plan 2024-25"
BCBC = "Bridgend County Borough Council"
SWP = "South Wales Police"
SWFRS = "South Wales Fire and Rescue Service"
ALL = "All partners"

INTRO = ("The Bridgend Community Safety Partnership is led jointly by Bridgend County Borough Council and "
         "South Wales Police, with South Wales Fire and Rescue Service, the Probation Service and Cwm Taf "
         "Morgannwg University Health Board. Under each of our three aims we list what we will do, who "
         "leads it and when it will be done.")

#: (aim heading, theme, actions)
AIMS: list[tuple[str, str, list[Action]]] = [
    ("Aim 1: Safer town centres", "asb", [
        Action("", "Keep the Bridgend town centre public spaces protection order under review and consult "
               "on renewing it before it ends.", "BCBC Community Safety Team",
               [("BCBC Community Safety Team", BCBC, None)], "October 2024", "2024-10-31"),
        Action("", "Hold a monthly night-time economy meeting with licensees, taxi firms and the Street "
               "Pastors.", "South Wales Police", [("South Wales Police", SWP, None)], "Monthly", None),
        Action("", "Give business crime packs and training to traders in Maesteg and Porthcawl.",
               "BCBC Community Safety Team / South Wales Police",
               [("BCBC Community Safety Team", BCBC, None), ("South Wales Police", SWP, None)],
               "March 2025", "2025-03-31"),
    ]),
    ("Aim 2: Fewer people harmed by domestic abuse", "domestic_abuse", [
        Action("", "Make sure every school has a trained Operation Encompass lead and knows how to use the "
               "notifications.", "BCBC Education", [("BCBC Education", BCBC, None)], "September 2024",
               "2024-09-30"),
        Action("", "Offer home fire safety checks to every victim referred to the Multi-Agency Risk "
               "Assessment Conference.", "South Wales Fire and Rescue Service",
               [("South Wales Fire and Rescue Service", SWFRS, None)], "Ongoing", None),
        Action("", "Run a White Ribbon campaign in November with all partners.", "All partners",
               [("All partners", ALL, None)], "November 2024", "2024-11-30"),
    ]),
    ("Aim 3: Preventing serious violence", "serious_violence", [
        Action("", "Publish the local serious violence needs assessment and agree the response with the "
               "partnership board.", "BCBC Community Safety Team",
               [("BCBC Community Safety Team", BCBC, None)], "December 2024", "2024-12-31"),
        Action("", "Place youth workers in the custody suite to meet young people arrested for violent "
               "offences.", "Probation Service / South Wales Police",
               [("Probation Service", "Probation Service", None), ("South Wales Police", SWP, None)],
               "March 2025", "2025-03-31"),
    ]),
]

ORGANISATIONS = [BCBC, SWP, SWFRS, "Probation Service", "Cwm Taf Morgannwg University Health Board",
                 "Bridgend Community Safety Partnership"]


def block(a: Action) -> m.Cell:
    return m.cell([m.Paragraph(f"**Lead:** {a.who}"), m.Paragraph(f"**Timescale:** {a.when}")],
                  fill="#EDEDED")


def model() -> m.Document:
    flows: list[m.Flow] = [m.Heading(TITLE, 1), m.Paragraph(INTRO)]
    for aim, _theme, actions in AIMS:
        flows += [m.Heading(aim, 2),
                  m.Table([[m.cell(a.description), block(a)] for a in actions], [120, 60], header_rows=0,
                          repeat_header=False, ruled="none")]
    return m.Document(TITLE, BCBC, [m.Section(flows, header="Bridgend Community Safety Partnership",
                                              footer="Plan 2024-25 Page {page}")], font="calibri", size=11)


def gold() -> dict[str, Any]:
    return {
        "seed": None,
        "document": document(TITLE, "action_plan", "bridgend-csp", BCBC),
        "priorities": [{"label": a, "theme": t} for a, t, _ in AIMS],
        "activities": [activity(x, theme=t, priority=a) for a, t, acts in AIMS for x in acts],
        "kpis": [], "funding": [],
        "organisations": ORGANISATIONS,
        "notes": [
            "Document type: action_plan. No committee or meeting.",
            "Priorities: the three 'Aim N: ...' headings, label as written.",
            "Activities: one per action on the left; lead and timescale from the block beside it "
            "('Lead:' / 'Timescale:' dropped); 'Monthly' and 'Ongoing' -> due date null; months -> the "
            "month's last day.",
            "Leads: split at '/'; 'BCBC ...' teams are Bridgend County Borough Council; 'All partners' is "
            "the All partners sentinel.",
            "Organisations: the partners of the introduction and the partnership named as a body (the "
            "All partners lead is not a mention, as in the other corpus golds). White Ribbon is a campaign, MARAC a meeting, the Street Pastors a scheme.",
        ],
    }
