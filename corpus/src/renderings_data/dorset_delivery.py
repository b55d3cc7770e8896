"""A delivery plan with no tables: "Priority one: ..." headings, "Actions we will take" bullet lists.

Invented text for Dorset (the bodies are real, the wording is ours). The plan names no
lead per action, so every activity has no lead; the measures are KPIs of their own.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.renderings_data.common import document

NAME = "dorset-csp-delivery-plan-2024-25"
TITLE = "Dorset Community Safety Partnership Delivery Plan 2024-25"
OPCC = "Office of the Police and Crime Commissioner for Dorset"

INTRO = [
    "This plan sets out what the Dorset Community Safety Partnership will do in 2024-25 to deliver the "
    "second year of its three-year strategy. The partnership brings together Dorset Council, Dorset "
    "Police, Dorset and Wiltshire Fire and Rescue Service, the Probation Service and NHS Dorset "
    "Integrated Care Board.",
    "Each priority below lists the actions we will take and how we will know whether they are working. "
    "Progress is reported to the partnership board every quarter.",
]

#: (heading, theme, actions, measures)
PRIORITIES: list[tuple[str, str, list[str], list[str]]] = [
    ("Priority one: Tackling anti-social behaviour in our towns and villages", "asb", [
        "Hold a monthly problem-solving meeting in each locality to agree plans for the places and "
        "people causing most harm.",
        "Use community protection warnings and notices in the same way across the county, with one "
        "shared guidance note for officers.",
        "Run summer diversionary sessions for young people in Weymouth, Bridport and Gillingham.",
        "Publish a quarterly \"You said, we did\" update for residents on the council website.",
    ], [
        "Anti-social behaviour incidents reported to Dorset Police",
        "Community protection notices issued",
        "Residents who feel safe outside after dark",
    ]),
    ("Priority two: Reducing domestic abuse and violence against women and girls", "domestic_abuse", [
        "Train frontline staff across the partnership to recognise coercive and controlling behaviour.",
        "Place two Independent Domestic Violence Advisers in hospital emergency departments.",
        "Carry out a safety walk of the night-time economy in Dorchester with women who use it, and act on "
        "what they tell us.",
        "Complete the two outstanding Domestic Homicide Reviews and share their learning with every "
        "partner.",
    ], [
        "Repeat referrals to the Multi-Agency Risk Assessment Conference",
        "Domestic abuse incidents reported to the police",
    ]),
    ("Priority three: Protecting young people from exploitation and county lines", "criminal_exploitation", [
        "Review the children at risk of criminal exploitation each month at the multi-agency exploitation "
        "panel.",
        "Deliver county lines awareness sessions in every secondary school in the county.",
        "Support a week of action on county lines each quarter, including visits to addresses at risk of "
        "cuckooing.",
    ], [
        "Children open to the exploitation panel",
        "County lines deal lines closed",
    ]),
]

FUNDING = ("The Office of the Police and Crime Commissioner for Dorset has granted the partnership £45,000 "
           "for 2024-25 to deliver this plan. Community groups can also bid for small grants of up to "
           "£2,000 for local projects that support these priorities.")

ORGANISATIONS = ["Dorset Council", "Dorset Police", "Dorset and Wiltshire Fire and Rescue Service",
                 "Probation Service", "NHS Dorset Integrated Care Board", OPCC,
                 "Dorset Community Safety Partnership"]


def model() -> m.Document:
    flows: list[m.Flow] = [m.Heading(TITLE, 1), *(m.Paragraph(t) for t in INTRO)]
    for heading, _theme, actions, measures in PRIORITIES:
        flows += [m.Heading(heading, 2), m.Heading("Actions we will take", 3), m.Bullets(actions),
                  m.Heading("How we will measure success", 3), m.Bullets(measures)]
    flows += [m.Heading("Resources", 2), m.Paragraph(FUNDING)]
    return m.Document(TITLE, "Dorset Council",
                      [m.Section(flows, footer="Dorset Community Safety Partnership Delivery Plan 2024-25   "
                                               "Page {page}")], font="calibri", size=11.5)


def gold() -> dict[str, Any]:
    acts = [{"description": a, "theme": theme, "priority": heading, "objective": None, "status": None,
             "progress": None, "timescale": None, "due_date": None, "leads": [], "kpis": []}
            for heading, theme, actions, _ in PRIORITIES for a in actions]
    return {
        "seed": None,
        "document": document(TITLE, "delivery_plan", "dorset-csp", "Dorset Council"),
        "priorities": [{"label": h, "theme": t} for h, t, _, _ in PRIORITIES],
        "activities": acts,
        "kpis": [{"description": k, "target": None, "value": None} for *_, ms in PRIORITIES for k in ms],
        "funding": [{"amount_gbp": 45000.0, "date": None, "period": "2024/25",
                     "description": "granted the partnership £45,000 for 2024-25 to deliver this plan",
                     "funder": OPCC, "recipient": None, "_find": "has granted the partnership £45,000"}],
        "organisations": ORGANISATIONS,
        "notes": [
            "Document type: delivery_plan. No committee or meeting.",
            "Priorities: the three 'Priority one/two/three: ...' headings, label as written.",
            "Activities: one per bullet under 'Actions we will take'; priority = the heading above; no "
            "lead, timescale, status or progress is printed, so all are null (leads empty).",
            "KPIs: the bullets under 'How we will measure success', top level, no target or value.",
            "Funding: the OPCC's £45,000 grant to the partnership (recipient the CSP itself: null). The "
            "'up to £2,000' small grants are a cap, not a sum: not a funding row.",
            "Organisations: the five partners of the introduction, the OPCC of the Resources section, and "
            "the partnership named as a body.",
        ],
    }
