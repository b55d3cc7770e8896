"""A RAG-status performance report: Measure / Target / Q1 / Q2 / RAG / Commentary, RAG cells coloured.

Invented text and figures for Cardiff (real bodies, our wording).
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.renderings_data.common import document

NAME = "cardiff-csp-performance-2024-12-04"
TITLE = "Cardiff Community Safety Partnership: Performance Report, Quarter 2 2024/25"
COUNCIL = "City of Cardiff Council"
SWP = "South Wales Police"
COMMITTEE = "Community and Adult Services Scrutiny Committee"
RAG = {"Green": "#C6EFCE", "Amber": "#FFEB9C", "Red": "#FFC7CE"}

INTRO = ("1.1 This report sets out the performance of the Cardiff Community Safety Partnership at the end "
         "of the second quarter of 2024/25. The partnership's statutory partners are the City of Cardiff "
         "Council, South Wales Police, South Wales Fire and Rescue Service, the Probation Service and "
         "Cardiff and Vale University Health Board; the Office of the Police and Crime Commissioner for "
         "South Wales attends the board.")
PRIORITIES_LEAD = "2.1 The partnership's priorities for 2024/25 are:"
PRIORITIES = [("Anti-social behaviour", "asb"),
              ("Domestic abuse and violence against women and girls", "domestic_abuse"),
              ("Serious violence and knife crime", "serious_violence"),
              ("Keeping young people out of the justice system", "youth")]
SUMMARY = ("3.1 Of the five measures in Appendix A, three are Green, one is Amber and one is Red. The Red "
           "measure is discussed in section 4.")
RED = ("4.1 Knife crime in the city centre rose in August, mostly on Friday and Saturday nights. South "
       "Wales Police have increased weapon sweeps around licensed premises and the council has paid for "
       "two extra knife bins.")

HEADERS = ["Measure", "Target 2024/25", "Q1", "Q2", "RAG", "Commentary"]
#: (measure, target, Q1, Q2, RAG, commentary, value (gold))
MEASURES: list[tuple[str, str, str, str, str, str, float]] = [
    ("Anti-social behaviour incidents reported to South Wales Police", "Below 2023/24 (5,900)", "1,412",
     "1,388", "Green", "Lower than the same quarter last year in four of the six neighbourhood areas.", 1388),
    ("Repeat victims among domestic abuse cases heard at MARAC", "Below 28%", "31%", "30%", "Amber",
     "Slightly above target; a case review of repeat referrals is under way.", 30),
    ("Knife crime offences in the city centre", "Reduce by 10%", "46", "52", "Red",
     "Rise linked to the night-time economy in August (see section 4).", 52),
    ("First-time entrants to the youth justice system", "Below 60 a year", "14", "12", "Green",
     "On course to meet the target.", 12),
    ("Residents who feel safe in their neighbourhood after dark", "At least 65%", "67%", "68%", "Green",
     "From the council's quarterly residents' panel.", 68),
]

ORGANISATIONS = [COUNCIL, SWP, "South Wales Fire and Rescue Service", "Probation Service",
                 "Cardiff and Vale University Health Board",
                 "Office of the Police and Crime Commissioner for South Wales",
                 "Cardiff Community Safety Partnership"]


def model() -> m.Document:
    rows: list[list[m.Cell | None]] = [[m.cell(h, bold=True) for h in HEADERS]]
    for measure, target, q1, q2, rag, note, _v in MEASURES:
        rows.append([m.cell(measure), m.cell(target), m.cell(q1), m.cell(q2), m.cell(rag, fill=RAG[rag]),
                     m.cell(note)])
    report: list[m.Flow] = [
        m.Paragraph(f"**{COUNCIL.upper()}**"), m.Paragraph(f"**{COMMITTEE}: 4 December 2024**"),
        m.Heading(TITLE, 1),
        m.Heading("1. Background", 2), m.Paragraph(INTRO),
        m.Heading("2. Priorities", 2), m.Paragraph(PRIORITIES_LEAD),
        *(m.Paragraph(f"{letter}) {p}", indent=True) for letter, (p, _) in zip("abcd", PRIORITIES, strict=True)),
        m.Heading("3. Performance", 2), m.Paragraph(SUMMARY),
        m.Heading("4. Exceptions", 2), m.Paragraph(RED),
    ]
    appendix: list[m.Flow] = [m.Heading("Appendix A: Performance measures, Quarter 2 2024/25", 2),
                              m.Table(rows, [70, 34, 16, 16, 16, 90], header_fill="#D9D9D9")]
    footer = "Cardiff Community Safety Partnership Performance Q2 2024/25   Page {page}"
    return m.Document(TITLE, COUNCIL, [m.Section(report, footer=footer),
                                       m.Section(appendix, orientation="landscape", footer=footer)],
                      font="arial", size=11)


def gold() -> dict[str, Any]:
    return {
        "seed": None,
        "document": document(TITLE, "monitoring_report", "cardiff-csp", COUNCIL, COMMITTEE, "2024-12-04"),
        "priorities": [{"label": p, "theme": t} for p, t in PRIORITIES],
        "activities": [],
        "kpis": [{"description": mm, "target": t, "value": v, "_find": mm} for mm, t, *_, v in MEASURES],
        "funding": [],
        "organisations": ORGANISATIONS,
        "notes": [
            "Document type: monitoring_report (a quarterly performance report to scrutiny).",
            "Priorities: the four lettered items of 2.1, label as written without its letter, page of the list.",
            "KPIs: the five Appendix A measures, top level, description = Measure cell, target = Target "
            "cell as written, value = the Q2 (latest) figure ('30%' -> 30). RAG is not stored. The counts "
            "of 3.1 (three Green, one Amber, one Red) and the two knife bins of 4.1 are not KPIs.",
            "Organisations: the partners of 1.1 and the partnership named as a body; MARAC is a meeting.",
        ],
    }
