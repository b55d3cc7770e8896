"""Safer Plymouth: allocation of community safety funding, report to a scrutiny panel.

Layout exercised: a cover block of label lines (not a table); priorities as a
numbered list; a ruled grant table (Recipient organisation / Project / Amount /
Financial year / Funder) with a Total row; funding sentences that restate a
table row or add new sums; reported outputs of last year's grants as
sentences.  Letter page size, Helvetica.
"""

from __future__ import annotations

from .common import Output, Sum

PDF = "plymouth-community-safety-funding-2024-07-17.pdf"
TITLE = "Safer Plymouth: Allocation of Community Safety Funding 2024/25"
AUTHORITY = "Plymouth City Council"
PARTNERSHIP_ID = "plymouth-csp"
COMMITTEE = "Housing and Community Services Scrutiny Panel"
MEETING_DATE = "2024-07-17"
REPORT_NUMBER = "SPP/2024/07"

PCC = "Plymouth City Council"
DCP = "Devon & Cornwall Police"
OPCC = "Office of the Police and Crime Commissioner for Devon and Cornwall"
HO = "Home Office"

COVER: list[tuple[str, str]] = [
    ("Committee", COMMITTEE),
    ("Date", "17 July 2024"),
    ("Title of report", TITLE),
    ("Reference", REPORT_NUMBER),
    ("Lead Member", "Cabinet Member for Community Safety, Libraries and Events"),
    ("Lead Strategic Director", "Strategic Director for Community Wellbeing"),
    ("Author", "Kate Hollins, Safer Plymouth Partnership Manager"),
]

PURPOSE = [
    "This report sets out how the community safety funding available to Safer Plymouth, the city's "
    "Community Safety Partnership, has been allocated for 2024/25, what last year's grants achieved, "
    "and where the money comes from. Safer Plymouth brings together Plymouth City Council, Devon & "
    "Cornwall Police, Devon and Somerset Fire and Rescue Service, the Probation Service and NHS Devon "
    "Integrated Care Board.",
]

RECOMMENDATION = "The Panel is asked to note the allocations in Table 1 and the outcomes in section 4."

PRIORITIES_LEAD = "Grants are awarded against the four priorities of the Safer Plymouth Plan 2022-2025:"
PRIORITIES: list[tuple[str, str]] = [
    ("Reducing violence against women and girls", "vawg"),
    ("Preventing serious violence and the exploitation of children", "serious_violence"),
    ("Tackling anti-social behaviour and keeping the city centre safe at night", "asb"),
    ("Reducing reoffending", "reoffending"),
]

TABLE_HEADERS = ["Recipient organisation", "Project", "Amount", "Financial year", "Funder"]


#: (recipient cell, project, amount cell, year, funder cell, recipient (gold), funder (gold))
ROWS: list[tuple[str, str, str, str, str, str | None, str | None]] = [
    ("Plymouth City Council", "Safer Streets Round 5: CCTV upgrade and street lighting in Union Street "
     "and Stonehouse", "£412,000", "2023/24", "Home Office", PCC, HO),
    ("Plymouth City Council", "Safer Streets Round 5: CCTV upgrade and street lighting in Union Street "
     "and Stonehouse", "£388,000", "2024/25", "Home Office", PCC, HO),
    ("Devon & Cornwall Police", "Safer Streets Round 5: night-time economy patrols and Best Bar None "
     "accreditation", "£160,000", "2023/24", "Home Office", DCP, HO),
    ("Victim Support", "Independent advocacy for victims of persistent anti-social behaviour",
     "£24,500", "2024/25", "OPCC for Devon and Cornwall", "Victim Support", OPCC),
    ("St Giles Trust", "SOS+ mentoring for young people at risk of county lines exploitation",
     "£38,000", "2024/25", "OPCC for Devon and Cornwall (Serious Violence Duty grant)", "St Giles Trust",
     OPCC),
    ("We Are With You", "Alcohol arrest referral and brief advice in custody", "£45,000", "2024/25",
     "Plymouth City Council (Public Health)", "We Are With You", PCC),
    ("The Children's Society", "Disrupting child exploitation: return interviews and group work",
     "£29,750", "2024/25", "OPCC for Devon and Cornwall", "The Children's Society", OPCC),
    ("Crimestoppers", "Fearless youth outreach in secondary schools", "£6,000", "2024/25",
     "OPCC for Devon and Cornwall", "Crimestoppers", OPCC),
    ("Neighbourhood Watch Network", "New scheme packs and cocooning after burglaries", "£3,200",
     "2024/25", "Plymouth City Council", "Neighbourhood Watch Network", PCC),
    ("Trevi", "Recovery and family support for mothers affected by domestic abuse and substance use",
     "£18,000", "2024/25", "Ministry of Justice", None, "Ministry of Justice"),
    ("Barnardo's", "Return home interviews for children missing from home or care", "£21,000",
     "2023/24", "OPCC for Devon and Cornwall", "Barnardo's", OPCC),
    ("Plymouth City Council", "Partnership coordinator post and ASB case review administration",
     "£50,000", "2024/25", "Plymouth City Council", PCC, PCC),
]
TOTAL = ("Total", "", "£1,195,450", "", "")

SOURCES_HEAD = "3. Where the money comes from"
SOURCES = [
    "3.1 In March 2023 the Home Office awarded £960,000 of Safer Streets Round 5 funding to Plymouth "
    "City Council for 2023/24 and 2024/25; rows 1 to 3 of Table 1 show how it is split.",
    "3.2 For 2024/25 the Office of the Police and Crime Commissioner for Devon and Cornwall has "
    "allocated £74,312 of Serious Violence Duty grant to the Partnership, of which £38,000 is awarded "
    "to St Giles Trust (row 5). The rest pays for the Partnership's share of the peninsula-wide "
    "violence analyst.",
    "3.3 Plymouth City Council's Public Health team has set aside a further £15,000 for 2025/26 to "
    "continue the alcohol arrest referral scheme, subject to its evaluation.",
]

OUTCOMES_HEAD = "4. What the 2023/24 grants achieved"
OUTCOMES = [
    "4.1 Barnardo's completed 186 return home interviews with children who had been missing from home "
    "or care.",
    "4.2 47 venues in the city centre achieved Best Bar None accreditation, up from 29 the year before.",
    "4.3 The new cameras in Union Street and Stonehouse went live in February 2024, and the CCTV control "
    "room now monitors them around the clock.",
]

NEXT = (
    "5. Next steps. Grant holders report to the Safer Plymouth Partnership Board every six months. A "
    "full evaluation of the Safer Streets programme will come to the Panel in spring 2025."
)

FUNDING: list[Sum] = [
    Sum(float(a.replace("£", "").replace(",", "")), project, project[:30], period=year,
        funder=funder, recipient=rec)
    for _r, project, a, year, _f, rec, funder in ROWS
] + [
    Sum(960000, "Safer Streets Round 5 funding", "the Home Office awarded £960,000", date="2023-03",
        period="2023/24 and 2024/25", funder=HO, recipient=PCC),
    Sum(74312, "Serious Violence Duty grant", "allocated £74,312 of Serious Violence Duty grant",
        period="2024/25", funder=OPCC),
    Sum(15000, "to continue the alcohol arrest referral scheme, subject to its evaluation",
        "set aside a further £15,000", period="2025/26", funder=PCC),
]

KPIS: list[Output] = [
    Output("Barnardo's completed 186 return home interviews with children who had been missing from "
           "home or care.", "Barnardo's completed 186 return home", value=186),
    Output("47 venues in the city centre achieved Best Bar None accreditation, up from 29 the year "
           "before.", "47 venues in the city centre", value=47),
]

ORGANISATIONS = [
    PCC, DCP, "Devon and Somerset Fire and Rescue Service", "Probation Service",
    "NHS Devon Integrated Care Board", OPCC, HO, "Victim Support", "St Giles Trust", "We Are With You",
    "The Children's Society", "Crimestoppers", "Neighbourhood Watch Network", "Trevi",
    "Ministry of Justice", "Barnardo's",
    "Plymouth Community Safety Partnership",  # the paper names its own CSP as a body (ARCHITECTURE.md, Organisations named)
]

NOTES = [
    "Document type: scrutiny_report (a report to the council's scrutiny panel). Reference SPP/2024/07 "
    "is the report number.",
    "Priorities: the four numbered items of section 2, page of the list. 'Preventing serious violence "
    "and the exploitation of children' takes the theme of its first-named subject: serious_violence.",
    "Activities: none (a funding report sets out grants, not actions).",
    "Funding: the twelve rows of Table 1 (description = the Project cell, period = Financial year, "
    "funder and recipient by official name; 'OPCC for Devon and Cornwall' -> the Devon and Cornwall "
    "OPCC; 'Plymouth City Council (Public Health)' -> Plymouth City Council) plus three sums of "
    "section 3: £960,000 (the award, a sum in its own right though rows 1-3 split it), £74,312, "
    "£15,000. Not counted: the Total row (arithmetic over the rows) and the £38,000 of 3.2, which "
    "restates row 5. Trevi is not in the registry: recipient null.",
    "KPIs: two reported outputs of section 4 as whole sentences (186 interviews, 47 venues); '29 the "
    "year before' is a comparison inside the second, not an output of its own. 4.3 reports no count.",
    "Organisations: all bodies named in the text and table by official name, including Trevi (a "
    "Plymouth charity not in the registry). Safer Plymouth itself, its Partnership Board, the Safer "
    "Plymouth Plan, Best Bar None and the CCTV control room are not organisations.",
]
