"""Tunbridge Wells CSP: Quarter 2 2024/25 performance report to Overview and Scrutiny.

Layout exercised: a ruled two-column cover form (Report to / Date of meeting /
Report title / Report author / Portfolio ...); numbered sections; priorities as a
lettered list; funding sentences; Appendix A, a performance table
(Measure / Target / Q1 / Q2 / RAG / Commentary) whose figures are targets
against actuals; Appendix B on landscape pages, an action update table
(Ref / Action / Responsible officer / Deadline / Status / Progress to date) with
priority sub-heading rows inside it, running over a page break with the
header repeated.
"""

from __future__ import annotations

from .common import Action, Output, Sum

PDF = "tunbridge-wells-csp-performance-2024-11-25.pdf"
TITLE = "Tunbridge Wells Community Safety Partnership: Performance Report Quarter 2 2024/25"
AUTHORITY = "Tunbridge Wells Borough Council"
PARTNERSHIP_ID = "tunbridge-wells-csp"
COMMITTEE = "Overview and Scrutiny Committee"
MEETING_DATE = "2024-11-25"

TWBC = "Tunbridge Wells Borough Council"
KP = "Kent Police"
KCC = "Kent County Council"
KFRS = "Kent Fire and Rescue Service"
ALL = "All partners"

COVER: list[tuple[str, str]] = [
    ("Report to", COMMITTEE),
    ("Date of meeting", "25 November 2024"),
    ("Report title", TITLE),
    ("Report author", "Hannah Whitfield, Community Safety Manager"),
    ("Portfolio", "Communities and Neighbourhoods (Portfolio Holder: Councillor Mark Ellison)"),
    ("Classification", "Public"),
    ("Wards affected", "All"),
]

SECTIONS: list[tuple[str, list[str]]] = [
    ("1. Purpose of the report", [
        "1.1 This report tells the Committee how the Tunbridge Wells Community Safety Partnership (CSP) "
        "performed in July to September 2024 (Quarter 2 of 2024/25) against the measures and actions of "
        "its Community Safety Plan 2024/25.",
    ]),
    ("2. Recommendation", [
        "2.1 That the Committee notes the Quarter 2 performance and action plan update at Appendices A "
        "and B and makes any comments it wishes to the CSP.",
    ]),
    ("3. Background", [
        "3.1 The CSP brings together Tunbridge Wells Borough Council, Kent Police, Kent County Council, "
        "Kent Fire and Rescue Service, the Probation Service and NHS Kent and Medway Integrated Care "
        "Board. The Office of the Police and Crime Commissioner for Kent attends as a co-operating body.",
        "3.2 The Community Safety Plan 2024/25, agreed by the CSP in March 2024 from its strategic "
        "assessment, sets five priorities:",
    ]),
]

#: (letter, label, theme)
PRIORITIES: list[tuple[str, str, str]] = [
    ("a)", "Anti-social behaviour, including environmental crime", "asb"),
    ("b)", "Domestic abuse", "domestic_abuse"),
    ("c)", "Safety of women and girls in the night-time economy", "vawg"),
    ("d)", "Serious violence and the exploitation of young people", "serious_violence"),
    ("e)", "Shoplifting and business crime", "neighbourhood_crime"),
]

AFTER_PRIORITIES: list[tuple[str, list[str]]] = [
    ("4. Resources", [
        "4.1 For 2024/25 the CSP received £37,420 from the Kent Police and Crime Commissioner's Crime "
        "Reduction Grant, which pays for the Safe Haven, Street Pastors training and small crime "
        "prevention projects.",
        "4.2 Tunbridge Wells Borough Council funds the two posts of the Community Safety Unit "
        "(£96,000 in 2024/25).",
    ]),
    ("5. Performance in Quarter 2", [
        "5.1 Appendix A sets out the CSP's eight performance measures. Four are rated Green, one Amber "
        "and two Red; one measure is monitored without a target.",
        "5.2 The two Red measures are knife crime and shoplifting. Knife crime offences rose from 14 to "
        "19, mostly in the town centre; shoplifting rose by 7% on the first quarter, in line with the "
        "national trend. Both are discussed at the CSP's monthly tasking group, and Appendix B sets out "
        "the actions taken.",
    ]),
    ("6. Action plan", [
        "6.1 Appendix B gives progress on the 15 actions of the 2024/25 action plan: one is complete, "
        "eight are Green, four Amber and two Red.",
    ]),
    ("7. Implications", [
        "7.1 Legal: the CSP's work discharges the Council's duties under sections 5 and 17 of the Crime "
        "and Disorder Act 1998. Finance: no additional budget is sought. Equalities: no adverse impact "
        "has been identified.",
    ]),
    ("8. Background papers", [
        "8.1 Tunbridge Wells Community Safety Plan 2024/25; CSP Strategic Assessment 2023.",
    ]),
]

FUNDING: list[Sum] = [
    Sum(37420, "Kent Police and Crime Commissioner's Crime Reduction Grant, which pays for the Safe "
        "Haven, Street Pastors training and small crime prevention projects",
        "the CSP received £37,420", period="2024/25",
        funder="Office of the Police and Crime Commissioner for Kent"),
    Sum(96000, "Tunbridge Wells Borough Council funds the two posts of the Community Safety Unit",
        "funds the two posts of the Community Safety Unit", period="2024/25", funder=TWBC),
]

PERF_HEADERS = ["Measure", "Target", "Q1", "Q2", "RAG", "Commentary"]
#: (measure, target, Q1, Q2, RAG, commentary, Q2 value)
PERFORMANCE: list[tuple[str, str, str, str, str, str, float]] = [
    ("Anti-social behaviour incidents reported to Kent Police", "Below 2023/24 (2,140)", "498", "562",
     "Green", "Half-year total 1,060, on course to finish below last year.", 562),
    ("Community Protection Warnings issued", "Monitor only", "23", "31", "N/A",
     "Rise reflects the new joint enforcement approach in the town centre.", 31),
    ("Attendances at the Domestic Abuse One Stop Shop", "240 a year", "58", "66", "Green",
     "Evening session added in August.", 66),
    ("Repeat referrals to MARAC", "Below 28%", "31%", "29%", "Amber",
     "Improving; case audit with Kent Police planned for Q3.", 29),
    ("Knife crime offences", "Fewer than 2023/24", "14", "19", "Red",
     "Five offences linked to one group of young people; see action S2.", 19),
    ("Licensed premises trained in WAVE and Ask for Angela", "40 by March 2025", "12", "27", "Green",
     "Fifteen premises trained in September.", 27),
    ("Shoplifting offences in the borough", "5% reduction", "231", "247", "Red",
     "National rise; Business Crime Reduction Partnership relaunch delayed.", 247),
    ("Fly-tipping reports investigated within 5 working days", "95%", "96%", "97%", "Green",
     "Target met.", 97),
]
PERF_NOTE = "RAG: Green on target; Amber within 10% of target; Red more than 10% off target."

ACTION_HEADERS = ["Ref", "Action", "Responsible officer", "Deadline", "Status", "Progress to date"]

ACTIONS: list[tuple[str, list[Action]]] = [
    (PRIORITIES[0][1], [
        Action("A1", "Run weekly ASB tasking meetings with the police, KCC wardens and housing providers "
               "to agree the response to new cases.",
               "Community Safety Manager (TWBC)", [("Community Safety Manager (TWBC)", TWBC, None)],
               "Ongoing", None, status="Green",
               progress="Meetings held every week. 41 new cases discussed in Q2 and 35 closed."),
        Action("A2", "Issue Community Protection Warnings and Notices where behaviour persists, using the "
               "powers of the Anti-social Behaviour, Crime and Policing Act 2014.",
               "Ryan Cole (Kent Police) / TWBC Community Enforcement",
               [("Ryan Cole (Kent Police)", KP, "Ryan Cole"), ("TWBC Community Enforcement", TWBC, None)],
               "31 March 2025", "2025-03-31", status="Green",
               progress="54 warnings and 6 notices issued in the half year; two notices breached and "
               "referred for prosecution."),
        Action("A3", "Carry out joint days of action on fly-tipping hotspots in the rural parishes.",
               "Environmental Enforcement Team Leader (TWBC)",
               [("Environmental Enforcement Team Leader (TWBC)", TWBC, None)],
               "Q3 2024/25", "2024-12-31", status="Amber",
               progress="One day of action held in Paddock Wood in August. The second was moved to "
               "November because of staff vacancies."),
        Action("A4", "Renew the Public Spaces Protection Order for Royal Tunbridge Wells town centre "
               "before it expires.",
               "Community Safety Manager (TWBC)", [("Community Safety Manager (TWBC)", TWBC, None)],
               "October 2024", "2024-10-31", status="Complete",
               progress="Consultation closed on 31 July. Cabinet made the renewed order on 26 September "
               "2024; it runs until 2027."),
    ]),
    (PRIORITIES[1][1], [
        Action("D1", "Keep the weekly Domestic Abuse One Stop Shop running with partner agencies, "
               "including an evening session.",
               "Domestic Abuse Coordinator (TWBC)", [("Domestic Abuse Coordinator (TWBC)", TWBC, None)],
               "Ongoing", None, status="Green",
               progress="Evening session started in August at the Amelia Scott. Attendance in Q2 was the "
               "highest since the service began."),
        Action("D2", "Train housing and customer services staff to recognise domestic abuse and make safe "
               "referrals.",
               "Housing Options Manager (TWBC)", [("Housing Options Manager (TWBC)", TWBC, None)],
               "December 2024", "2024-12-31", status="Amber",
               progress="Two of four sessions held (28 staff). The remaining sessions are booked for "
               "November."),
        Action("D3", "Take part in any Domestic Homicide Review commissioned in the borough and carry "
               "out its recommendations.",
               "All CSP partners", [("All CSP partners", ALL, None)],
               "As required", None, status="Green",
               progress="No new review this quarter. One review continues and is due to go to the Home "
               "Office in January 2025."),
    ]),
    (PRIORITIES[2][1], [
        Action("W1", "Train licensed premises in Welfare and Vulnerability Engagement (WAVE) and sign them "
               "up to Ask for Angela.",
               "Licensing Team Leader (TWBC) and Kent Police Licensing",
               [("Licensing Team Leader (TWBC)", TWBC, None), ("Kent Police Licensing", KP, None)],
               "31 March 2025", "2025-03-31", status="Green",
               progress="27 premises trained to date; sessions for the Pantiles venues booked for "
               "October."),
        Action("W2", "Fund the Safe Haven and Street Pastors in the town centre on Friday and Saturday "
               "nights.",
               "Community Safety Manager (TWBC)", [("Community Safety Manager (TWBC)", TWBC, None)],
               "31 March 2025", "2025-03-31", status="Green",
               progress="The Safe Haven opened on 12 of 13 weekends in the quarter and helped 74 people, "
               "most of them young women."),
        Action("W3", "Carry out a women's safety walk with Kent Police and residents and act on what it "
               "finds.",
               "Kent Police; TWBC Community Safety Unit",
               [("Kent Police", KP, None), ("TWBC Community Safety Unit", TWBC, None)],
               "November 2024", "2024-11-30", status="Amber",
               progress="Walk held on 19 September with 22 residents. Lighting faults on Mount Pleasant "
               "reported to KCC Highways; the report is being drafted."),
    ]),
    (PRIORITIES[3][1], [
        Action("S1", "Agree the borough's part in the Kent and Medway serious violence strategy under the "
               "Serious Violence Duty.",
               "Head of Community Services (TWBC)", [("Head of Community Services (TWBC)", TWBC, None)],
               "Q4 2024/25", "2025-03-31", status="Green",
               progress="Local profile shared with the CSP in September; draft response due in "
               "January."),
        Action("S2", "Deliver knife crime awareness sessions in all secondary schools in the borough with "
               "Kent Fire and Rescue Service.",
               "Kent Police Schools Officer / Kent Fire and Rescue Service",
               [("Kent Police Schools Officer", KP, None), ("Kent Fire and Rescue Service", KFRS, None)],
               "July 2025", "2025-07-31", status="Red",
               progress="Only 2 of 9 schools visited. The Schools Officer post was vacant from June to "
               "September; a new officer starts in November and the programme will be caught up in the "
               "spring term."),
        Action("S3", "Refer young people at risk of exploitation to KCC Adolescent Early Help and review "
               "them at the monthly MACE meeting.",
               "Early Help Unit Manager (KCC)", [("Early Help Unit Manager (KCC)", KCC, None)],
               "Ongoing", None, status="Green",
               progress="Nine young people referred in Q2, all seen within ten days."),
    ]),
    (PRIORITIES[4][1], [
        Action("B1", "Relaunch the Tunbridge Wells Business Crime Reduction Partnership with town centre "
               "retailers, including a shared radio and exclusion scheme.",
               "Town Centre Manager (TWBC)", [("Town Centre Manager (TWBC)", TWBC, None)],
               "Q3 2024/25", "2024-12-31", status="Amber",
               progress="Radio supplier chosen. Launch moved from October to January so that the "
               "exclusion scheme's data sharing agreement can be signed first."),
        Action("B2", "Run targeted patrols and a shoplifting surgery for retailers in the weeks before "
               "Christmas.",
               "Sam Patel (Kent Police)", [("Sam Patel (Kent Police)", KP, "Sam Patel")],
               "31 December 2024", "2024-12-31", status="Red",
               progress="Shoplifting rose 7% on Q1. Patrol plan agreed but the surgery has not been "
               "arranged; to be escalated to the Chief Inspector."),
    ]),
]

ORGANISATIONS = [
    TWBC, KP, KCC, KFRS, "Probation Service", "NHS Kent and Medway Integrated Care Board",
    "Office of the Police and Crime Commissioner for Kent", "Home Office",
    "Tunbridge Wells Community Safety Partnership",  # the paper names its own CSP as a body (ARCHITECTURE.md, Organisations named)
]

KPIS: list[Output] = [
    Output(m, m, target=t, value=v) for m, t, _q1, _q2, _rag, _c, v in PERFORMANCE
]

NOTES = [
    "Document type: monitoring_report (a quarterly performance report to scrutiny).",
    "Priorities: the five lettered items of 3.2, page of the list. The sub-heading rows of Appendix B "
    "repeat them word for word and are not further rows. A label naming two themes takes the first: "
    "'Serious violence and the exploitation of young people' -> serious_violence.",
    "Activities: one per Appendix B row; priority = the sub-heading row above it; objective null; "
    "status as written (Green / Amber / Red / Complete); progress = the 'Progress to date' cell. "
    "Deadline '31 March 2025' -> 2025-03-31, 'Q3 2024/25' -> 2024-12-31, 'Ongoing' and 'As required' "
    "-> null. The table runs over a page break with the header repeated; rows may split across it.",
    "Leads: split at '/', ';' and ' and '. Job titles with '(TWBC)' or starting 'TWBC' are Tunbridge "
    "Wells Borough Council, person null; 'Ryan Cole (Kent Police)' is Kent Police with person Ryan "
    "Cole; 'Early Help Unit Manager (KCC)' is Kent County Council; 'All CSP partners' is All partners.",
    "KPIs: the eight Appendix A measures, top level, description = Measure cell, target = Target cell as "
    "written, value = the Q2 (latest) figure ('29%' -> 29). RAG is not stored. Counts in the narrative "
    "(four Green, 14 to 19 offences) and in progress cells stay where they are: not separate KPIs.",
    "Funding: the two sums of section 4. The PCC grant's funder is the Kent OPCC ('Kent Police and Crime "
    "Commissioner'), recipient the CSP (null).",
    "Organisations: those named in 3.1, plus the Home Office (D3 progress). 'KCC Highways', 'KCC "
    "wardens' and 'KCC Adolescent Early Help' are Kent County Council services. The Amelia Scott is a "
    "venue; MACE and MARAC are meetings; Street Pastors and the Business Crime Reduction Partnership "
    "are schemes: not listed.",
]
