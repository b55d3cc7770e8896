"""An action tracker: Ref / Action / Owner / Due / Status / Update, priority rows spanning the table.

Owners are teams or named officers with their body in brackets; the Status cell is coloured.
Invented text for Ashford (real bodies, our wording; the officers' names are made up).
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.other_councils_data.common import Action
from src.renderings_data.common import activity, document

NAME = "ashford-csp-action-tracker-2024-25"
TITLE = "Ashford Community Safety Partnership Action Tracker 2024/25"
ABC = "Ashford Borough Council"
KP = "Kent Police"
KCC = "Kent County Council"
KFRS = "Kent Fire and Rescue Service"
HEADERS = ["Ref", "Action", "Owner", "Due", "Status", "Update"]
FILL = {"Complete": "#BDD7EE", "On track": "#C6EFCE", "Delayed": "#FFC7CE"}

NOTE = ("Position at 31 October 2024. Owners are the lead officers of Ashford Borough Council (ABC), Kent "
        "Police, Kent County Council (KCC) and Kent Fire and Rescue Service.")

PRIORITIES: list[tuple[str, str, list[Action]]] = [
    ("Anti-social behaviour", "asb", [
        Action("A1", "Agree one ASB case review process with the housing associations working in Ashford.",
               "ABC Community Safety Unit", [("ABC Community Safety Unit", ABC, None)], "30 June 2024",
               "2024-06-30", status="Complete", progress="Process signed off at the June partnership meeting."),
        Action("A2", "Extend the town centre CCTV network to the new multi-storey car park.",
               "ABC CCTV Manager", [("ABC CCTV Manager", ABC, None)], "31 December 2024", "2024-12-31",
               status="On track", progress="Cabling finished; cameras to be fitted in November."),
        Action("A3", "Hold a clean-up and crime prevention day on the Stanhope estate.",
               "Sam Price (Kent Police) / ABC", [("Sam Price (Kent Police)", KP, "Sam Price"), ("ABC", ABC, None)],
               "31 May 2024", "2024-05-31", status="Complete",
               progress="Held on 18 May with 60 residents; 45 bikes security marked."),
    ]),
    ("Domestic abuse", "domestic_abuse", [
        Action("B1", "Promote the domestic abuse One Stop Shop in GP surgeries and pharmacies across the "
               "borough.", "Priya Nair (KCC)", [("Priya Nair (KCC)", KCC, "Priya Nair")], "31 March 2025",
               "2025-03-31", status="On track", progress="Posters in 14 surgeries; pharmacies to follow."),
        Action("B2", "Train council housing staff to complete DASH risk assessments.", "ABC Housing",
               [("ABC Housing", ABC, None)], "30 September 2024", "2024-09-30", status="Delayed",
               progress="Trainer unavailable in September; sessions moved to January."),
    ]),
    ("Road safety", "road_safety", [
        Action("C1", "Run speed watch sessions with volunteers in the five villages with most complaints.",
               "Kent Police", [("Kent Police", KP, None)], "Ongoing", None, status="On track",
               progress="22 sessions held since April."),
        Action("C2", "Deliver a road safety show for sixth form students in every secondary school.",
               "Kent Fire and Rescue Service", [("Kent Fire and Rescue Service", KFRS, None)],
               "28 February 2025", "2025-02-28", status="On track",
               progress="Four of seven schools booked."),
    ]),
]

ORGANISATIONS = [ABC, KP, KCC, KFRS, "Ashford Community Safety Partnership"]


def model() -> m.Document:
    rows: list[list[m.Cell | None]] = [[m.cell(h, bold=True) for h in HEADERS]]
    for heading, _theme, actions in PRIORITIES:
        rows.append([m.cell(heading, colspan=6, bold=True, fill="#F2F2F2"), *[None] * 5])
        rows += [[m.cell(a.ref), m.cell(a.description), m.cell(a.who), m.cell(a.when),
                  m.cell(a.status, fill=FILL[a.status or ""]), m.cell(a.progress)] for a in actions]
    flows: list[m.Flow] = [m.Heading(TITLE, 1), m.Paragraph(NOTE, small=True),
                           m.Table(rows, [10, 80, 42, 26, 20, 70], header_fill="#D9E2F3")]
    return m.Document(TITLE, ABC, [m.Section(flows, orientation="landscape",
                                             footer="Ashford CSP Action Tracker 2024/25 Page {page}")],
                      font="verdana", size=10)


def gold() -> dict[str, Any]:
    return {
        "seed": None,
        "document": document(TITLE, "action_plan", "ashford-csp", ABC),
        "priorities": [{"label": h, "theme": t} for h, t, _ in PRIORITIES],
        "activities": [activity(a, theme=t, priority=h) for h, t, acts in PRIORITIES for a in acts],
        "kpis": [], "funding": [],
        "organisations": ORGANISATIONS,
        "notes": [
            "Document type: action_plan (a tracker of the partnership's actions). 'Position at 31 October "
            "2024' is the date of the update: committee and meeting_date null.",
            "Priorities: the three spanning rows, label as written.",
            "Activities: one per row; priority = the spanning row above; status as written (Complete / On "
            "track / Delayed); progress = Update; timescale = Due as written, due_date its date; 'Ongoing' "
            "-> null. Counts in Update cells stay in progress (not KPIs).",
            "Leads: split at '/'. 'ABC ...' is Ashford Borough Council; a name with its body in brackets "
            "is a person of that body ('Priya Nair (KCC)' -> Kent County Council, person Priya Nair).",
            "Organisations: the four bodies of the note and the partnership named as a body.",
        ],
    }
