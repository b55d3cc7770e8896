"""A delivery plan of numbered paragraphs, each action's lead and timescale on a line beneath it.

No tables: "Lead: ...  Timescale: ..." under each action. Invented text for Gateshead (real
bodies, our wording).
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.other_councils_data.common import Action
from src.renderings_data.common import activity, document

NAME = "gateshead-csp-delivery-plan-2024-25"
TITLE = "Gateshead Community Safety Partnership Delivery Plan 2024/25"
GMBC = "Gateshead Metropolitan Borough Council"
NP = "Northumbria Police"
TWFRS = "Tyne and Wear Fire and Rescue Service"

INTRO = ("Gateshead Community Safety Partnership is made up of Gateshead Metropolitan Borough Council, "
         "Northumbria Police, Tyne and Wear Fire and Rescue Service, the Probation Service and the Office of "
         "the Police and Crime Commissioner for Northumbria. This plan lists what each partner will do "
         "this year under our three priorities.")

PRIORITIES: list[tuple[str, str, list[Action]]] = [
    ("1. Neighbourhood crime and anti-social behaviour", "neighbourhood_crime", [
        Action("1.1", "Visit every home in the ten streets with most burglaries to give crime prevention "
               "advice and free door cameras.", "Northumbria Police", [("Northumbria Police", NP, None)],
               "December 2024", "2024-12-31"),
        Action("1.2", "Use the council's enforcement powers against the owners of empty properties that "
               "attract anti-social behaviour.", "Council Private Sector Housing Team",
               [("Council Private Sector Housing Team", GMBC, None)], "Ongoing", None),
        Action("1.3", "Give home fire and crime safety visits to older people living alone in Felling and "
               "Deckham.", "Tyne and Wear Fire and Rescue Service",
               [("Tyne and Wear Fire and Rescue Service", TWFRS, None)], "March 2025", "2025-03-31"),
    ]),
    ("2. Serious violence", "serious_violence", [
        Action("2.1", "Complete the annual serious violence strategic needs assessment for the borough.",
               "Council Community Safety Team", [("Council Community Safety Team", GMBC, None)],
               "January 2025", "2025-01-31"),
        Action("2.2", "Offer mentoring to young people who carry weapons, referred by schools and the "
               "police.", "Youth Justice Service", [("Youth Justice Service", GMBC, None)], "Ongoing", None),
    ]),
    ("3. Hate crime and community tensions", "hate_crime", [
        Action("3.1", "Recruit and train ten more hate incident reporting centres in community buildings.",
               "Council Community Safety Team", [("Council Community Safety Team", GMBC, None)],
               "September 2024", "2024-09-30"),
        Action("3.2", "Share a monthly community tension report with all partners and agree any response.",
               "Northumbria Police / Probation Service",
               [("Northumbria Police", NP, None), ("Probation Service", "Probation Service", None)],
               "Monthly", None),
    ]),
]

ORGANISATIONS = [GMBC, NP, TWFRS, "Probation Service",
                 "Office of the Police and Crime Commissioner for Northumbria",
                 "Gateshead Community Safety Partnership"]


def model() -> m.Document:
    flows: list[m.Flow] = [m.Heading(TITLE, 1), m.Paragraph(INTRO)]
    for heading, _theme, actions in PRIORITIES:
        flows.append(m.Heading(heading, 2))
        for a in actions:
            flows += [m.Paragraph(f"{a.ref} {a.description}"),
                      m.Paragraph(f"**Lead:** {a.who}     **Timescale:** {a.when}", indent=True)]
    return m.Document(TITLE, GMBC, [m.Section(flows, footer="Gateshead Community Safety Partnership   {page}")],
                      font="calibri", size=11.5)


def gold() -> dict[str, Any]:
    return {
        "seed": None,
        "document": document(TITLE, "delivery_plan", "gateshead-csp", GMBC),
        "priorities": [{"label": h, "theme": t} for h, t, _ in PRIORITIES],
        "activities": [activity(a, theme=t, priority=h) for h, t, acts in PRIORITIES for a in acts],
        "kpis": [], "funding": [],
        "organisations": ORGANISATIONS,
        "notes": [
            "Document type: delivery_plan. No committee or meeting.",
            "Priorities: the three numbered headings, label as written (with the number). '1. Neighbourhood "
            "crime and anti-social behaviour' takes its first-named theme: neighbourhood_crime.",
            "Activities: one per numbered paragraph, description without its number; lead and timescale "
            "from the line beneath ('Lead:' / 'Timescale:' dropped); 'Ongoing' and 'Monthly' -> null.",
            "Leads: split at '/'. 'Council ...' teams and the Youth Justice Service are Gateshead "
            "Metropolitan Borough Council.",
            "Organisations: the partners of the introduction and the partnership named as a body.",
        ],
    }
