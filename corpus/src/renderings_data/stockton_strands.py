"""A landscape action plan whose Strand cell spans all its rows: Strand / Methods / Lead Agency / Targets.

Invented text for Stockton-on-Tees (real bodies, our wording). Each Targets cell is one
measure with its target after a colon; the Strand cell is merged down its methods.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.other_councils_data.common import Action
from src.renderings_data.common import activity, document

NAME = "stockton-csp-action-plan-2024-25"
TITLE = "Stockton-on-Tees Community Safety Partnership Action Plan 2024/25"
SBC = "Stockton-on-Tees Borough Council"
CP = "Cleveland Police"
PS = "Probation Service"
HEADERS = ["Strand", "Methods", "Lead Agency", "Targets", "By when"]

INTRO = ("The Stockton-on-Tees Community Safety Partnership is made up of Stockton-on-Tees Borough Council, "
         "Cleveland Police, Cleveland Fire and Rescue Service, the Probation Service and the Office of the "
         "Police and Crime Commissioner for Cleveland. This plan sets out the methods each partner will use "
         "in 2024/25 under the four strands of the partnership plan.")


def act(description: str, who: str, leads: list[tuple[str, str | None, str | None]], measure: str,
        when: str, due: str | None) -> Action:
    kpi, target = measure.split(": ", 1)
    return Action("", description, who, leads, when, due, measure=measure, kpis=[(kpi, target)])


STRANDS: list[tuple[str, str, list[Action]]] = [
    ("Strand 1: Anti-social behaviour", "asb", [
        act("Joint patrols by neighbourhood enforcement officers and the police in the town centre and "
            "Thornaby at the busiest times.", "SBC Community Safety / Cleveland Police",
            [("SBC Community Safety", SBC, None), ("Cleveland Police", CP, None)],
            "ASB incidents in the town centre: reduce by 5%", "March 2025", "2025-03-31"),
        act("Early intervention letters and home visits for people reported for anti-social behaviour for "
            "the first time.", "SBC ASB Team", [("SBC ASB Team", SBC, None)],
            "People reported again after a visit: below 20%", "Ongoing", None),
        act("Move the mobile CCTV van to the hotspots agreed at the weekly tasking meeting.", "SBC CCTV",
            [("SBC CCTV", SBC, None)], "Deployments each month: at least 8", "Ongoing", None),
    ]),
    ("Strand 2: Drugs and alcohol", "drugs_alcohol", [
        act("Outreach workers to engage street drinkers and people sleeping rough on the High Street and "
            "offer them a route into treatment.", "SBC Public Health", [("SBC Public Health", SBC, None)],
            "People engaged into treatment: 60", "March 2025", "2025-03-31"),
        act("Test purchases and licensing visits at premises suspected of selling alcohol to under-18s.",
            "SBC Licensing / Cleveland Police", [("SBC Licensing", SBC, None), ("Cleveland Police", CP, None)],
            "Test purchases carried out: 24", "March 2025", "2025-03-31"),
    ]),
    ("Strand 3: Domestic abuse", "domestic_abuse", [
        act("Commission outreach support for victims who choose to stay in their own homes.",
            "SBC Domestic Abuse Co-ordinator", [("SBC Domestic Abuse Co-ordinator", SBC, None)],
            "Victims supported: 300", "March 2025", "2025-03-31"),
        act("Send an Operation Encompass notification to the school after every incident where a child was "
            "present.", "Cleveland Police", [("Cleveland Police", CP, None)],
            "Notifications sent within 24 hours: 95%", "Ongoing", None),
        act("Deliver a behaviour change programme for perpetrators who are not before the courts.",
            "Probation Service", [("Probation Service", PS, None)], "Programme completions: 40",
            "December 2024", "2024-12-31"),
    ]),
    ("Strand 4: Reducing reoffending", "reoffending", [
        act("Integrated Offender Management for the most prolific neighbourhood offenders.",
            "Cleveland Police / Probation Service", [("Cleveland Police", CP, None), ("Probation Service", PS, None)],
            "Reduction in offending by the cohort: 25%", "March 2025", "2025-03-31"),
        act("Find accommodation for people leaving prison through the housing options team before the day "
            "of release.", "SBC Housing Options", [("SBC Housing Options", SBC, None)],
            "Prison leavers housed on release: 80%", "Ongoing", None),
    ]),
]

ORGANISATIONS = [SBC, CP, "Cleveland Fire and Rescue Service", PS,
                 "Office of the Police and Crime Commissioner for Cleveland",
                 "Stockton-on-Tees Community Safety Partnership"]


def model() -> m.Document:
    rows: list[list[m.Cell | None]] = [[m.cell(h, bold=True) for h in HEADERS]]
    for strand, _theme, actions in STRANDS:
        for i, a in enumerate(actions):
            first = m.cell(strand, rowspan=len(actions), bold=True, fill="#FFF2CC") if i == 0 else None
            rows.append([first, m.cell(a.description), m.cell(a.who), m.cell(a.measure), m.cell(a.when)])
    flows: list[m.Flow] = [m.Heading(TITLE, 1), m.Paragraph(INTRO),
                           m.Table(rows, [34, 100, 44, 60, 26], header_fill="#BDD7EE")]
    return m.Document(TITLE, SBC, [m.Section(flows, orientation="landscape",
                                             header="Stockton-on-Tees Community Safety Partnership",
                                             footer="Action Plan 2024/25 Page {page}")],
                      font="arial", size=10.5, margin_mm=15)


def gold() -> dict[str, Any]:
    return {
        "seed": None,
        "document": document(TITLE, "action_plan", "stockton-on-tees-csp", SBC),
        "priorities": [{"label": s, "theme": t} for s, t, _ in STRANDS],
        "activities": [activity(a, theme=t, priority=s) for s, t, acts in STRANDS for a in acts],
        "kpis": [],
        "funding": [],
        "organisations": ORGANISATIONS,
        "notes": [
            "Document type: action_plan. No committee or meeting.",
            "Priorities: the four Strand cells, label as written; each is merged down all its rows.",
            "Activities: one per Methods row; priority = its Strand; objective, status and progress null; "
            "timescale = 'By when' as written ('March 2025' -> 2025-03-31, 'December 2024' -> 2024-12-31, "
            "'Ongoing' -> null).",
            "Leads: split at '/'; 'SBC ...' teams are Stockton-on-Tees Borough Council (person null).",
            "KPIs: the Targets cell of each row, attached to its activity: description before the colon, "
            "target after it as written.",
            "Organisations: the partners of the introduction and the partnership named as a body.",
        ],
    }
