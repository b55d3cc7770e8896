"""Safer Swansea Partnership Plan 2024-2027: a Welsh CSP's three-year plan.

Layout exercised: a title page; an introduction naming the statutory partners;
priorities as a bulleted list (five, one of which has no delivery table);
a funding paragraph with four sums; four "Outcome N" sections, each opening
with a "Priority:" line and a ruled delivery table
(Ref / What we will do / Who / By when / How we will measure it).
Who cells use "/", ";", "," and "and" between partners; measure cells hold one
or two measures, targets in brackets ("(target: 75)").
"""

from __future__ import annotations

from .common import Action, Sum

PDF = "swansea-partnership-plan-2024-27.pdf"
TITLE = "Safer Swansea Partnership Plan 2024-2027"
AUTHORITY = "City and County of Swansea Council"
PARTNERSHIP_ID = "swansea-csp"
DOC_TYPE = "strategy"

CCSC = "City and County of Swansea Council"
SWP = "South Wales Police"
MWWFRS = "Mid and West Wales Fire and Rescue Service"
PROBATION = "Probation Service"
ALL = "All partners"

STRAPLINE = "Working together so that Swansea is a safe place to live, work, study and visit"

FOREWORD = [
    "Swansea is a safe city, and most people who live here tell us they feel safe. But we know that "
    "some people, places and communities carry more than their share of harm, and that the pressures "
    "on public services mean partners have to work more closely than ever.",
    "This plan sets out what the Safer Swansea Partnership will do over the next three years. It is "
    "built on our strategic assessment of crime and disorder, on what residents told us in last "
    "autumn's community safety survey, and on the work we already do together every day.",
    "Councillor Rhian Morgan, Cabinet Member for Community Services, and Chief Superintendent "
    "Gareth Lloyd, South Wales Police, Co-Chairs of the Safer Swansea Partnership",
]

INTRO = [
    "The Safer Swansea Partnership is the Community Safety Partnership for the City and County of "
    "Swansea, set up under the Crime and Disorder Act 1998. Its statutory members are the City and "
    "County of Swansea Council, South Wales Police, Mid and West Wales Fire and Rescue Service, "
    "Swansea Bay University Health Board and the Probation Service. The Office of the Police and "
    "Crime Commissioner for South Wales attends the Partnership Board and funds much of its work.",
    "The Partnership must publish a plan for reducing crime and disorder, combating substance "
    "misuse and reducing reoffending, and review it every year. This plan runs from April 2024 to "
    "March 2027 and will be refreshed each spring once the annual strategic assessment is complete.",
]

PRIORITIES_LEAD = "Our priorities for 2024-2027 are:"
#: (label as printed in the bulleted list, theme)
PRIORITIES: list[tuple[str, str]] = [
    ("Violence against women, domestic abuse and sexual violence (VAWDASV)", "vawg"),
    ("Serious violence and exploitation", "serious_violence"),
    ("Anti-social behaviour in neighbourhoods and the city centre", "asb"),
    ("Harm caused by drugs and alcohol", "drugs_alcohol"),
    ("Community cohesion, hate crime and Prevent", "community_cohesion"),
]
PRIORITIES_AFTER = (
    "The first four priorities each have an outcome and a delivery table in section 4. Community "
    "cohesion, hate crime and Prevent are delivered through the regional Community Cohesion "
    "Programme and the CONTEST Board, and progress is reported to the Partnership Board twice a year."
)

FUNDING_HEAD = "3. Resources"
FUNDING_TEXT = [
    "The Partnership received £85,000 from the Police and Crime Commissioner's Community Safety "
    "Fund in 2024/25 to support the Partnership Manager post, the city centre Safe Space and small "
    "community projects chosen by the Partnership Board.",
    "The Welsh Government's Substance Misuse Action Fund provides £1.42 million in 2024/25 to the "
    "West Glamorgan Area Planning Board for treatment and harm reduction services in Swansea and "
    "Neath Port Talbot.",
    "In September 2023 the Home Office awarded £432,500 of Safer Streets funding to Swansea Council "
    "for better lighting, CCTV and Safe Space provision in the city centre, to be spent by March 2025. "
    "Swansea Council also contributes £40,000 a year towards the Community Safety Team.",
]
FUNDING: list[Sum] = [
    Sum(85000, "Police and Crime Commissioner's Community Safety Fund, to support the Partnership "
        "Manager post, the city centre Safe Space and small community projects chosen by the "
        "Partnership Board", "The Partnership received £85,000", period="2024/25",
        funder="Office of the Police and Crime Commissioner for South Wales"),
    Sum(1420000, "Welsh Government's Substance Misuse Action Fund to the West Glamorgan Area Planning "
        "Board for treatment and harm reduction services in Swansea and Neath Port Talbot",
        "The Welsh Government's Substance Misuse", period="2024/25", funder="Welsh Government"),
    Sum(432500, "Safer Streets funding for better lighting, CCTV and Safe Space provision in the "
        "city centre, to be spent by March 2025", "the Home Office awarded £432,500", date="2023-09",
        funder="Home Office", recipient=CCSC),
    Sum(40000, "Swansea Council contribution towards the Community Safety Team",
        "also contributes £40,000 a year", funder=CCSC),
]

DELIVERY_INTRO = (
    "Each outcome below has a delivery table. The lead named under 'Who' reports progress to the "
    "Partnership Board each quarter; 'By when' is the date by which the action should be complete."
)

HEADERS = ["Ref", "What we will do", "Who", "By when", "How we will measure it"]

#: (outcome heading, priority label, actions)
OUTCOMES: list[tuple[str, str, list[Action]]] = [
    ("Outcome 1: Women and girls are safer, and feel safer, at home, online and in public places",
     PRIORITIES[0][0], [
        Action("1.1", "Roll out the Ask for Angela and Safe Space schemes to licensed premises and "
               "late-night venues in the city centre and Mumbles.",
               "Swansea Council Licensing / South Wales Police",
               [("Swansea Council Licensing", CCSC, None), ("South Wales Police", SWP, None)],
               "December 2024", "2024-12-31",
               "Number of venues signed up (target: 75)",
               [("Number of venues signed up", "75")]),
        Action("1.2", "Commission a specialist Independent Domestic Violence Advisor (IDVA) for "
               "victims aged 16 to 24.",
               "Swansea Council VAWDASV Co-ordinator",
               [("Swansea Council VAWDASV Co-ordinator", CCSC, None)],
               "Q2 2025/26", "2025-09-30",
               "Referrals to the young persons' IDVA; % of clients reporting feeling safer at case "
               "closure (target: 80%)",
               [("Referrals to the young persons' IDVA", None),
                ("% of clients reporting feeling safer at case closure", "80%")]),
        Action("1.3", "Deliver Ask and Act training to frontline staff in every partner agency, in "
               "line with the National Training Framework.",
               "All partners", [("All partners", ALL, None)],
               "Annually", None,
               "Staff trained in Ask and Act (target: 600 a year)",
               [("Staff trained in Ask and Act", "600 a year")]),
        Action("1.4", "Review how the MARAC works with the health board and reduce repeat referrals "
               "by agreeing a shared safety plan for each repeat case.",
               "South Wales Police, Swansea Bay University Health Board",
               [("South Wales Police", SWP, None), ("Swansea Bay University Health Board", "Swansea Bay University Health Board", None)],
               "March 2025", "2025-03-31",
               "Repeat MARAC referral rate (target: below 30%)",
               [("Repeat MARAC referral rate", "below 30%")]),
    ]),
    ("Outcome 2: Fewer people are hurt by serious violence, and fewer children and young people "
     "are exploited", PRIORITIES[1][0], [
        Action("2.1", "Publish the Swansea serious violence strategic needs assessment and response "
               "strategy under the Serious Violence Duty.",
               "Safer Swansea Partnership Manager",
               [("Safer Swansea Partnership Manager", None, None)],
               "January 2025", "2025-01-31",
               "Strategy published and agreed by the Partnership Board",
               [("Strategy published and agreed by the Partnership Board", None)]),
        Action("2.2", "Extend the knife crime education programme to every secondary school and pupil "
               "referral unit in Swansea.",
               "South Wales Police Schools Programme and Swansea Council Education",
               [("South Wales Police Schools Programme", SWP, None),
                ("Swansea Council Education", CCSC, None)],
               "July 2025", "2025-07-31",
               "Schools receiving the programme (target: all 14 secondary schools)",
               [("Schools receiving the programme", "all 14 secondary schools")]),
        Action("2.3", "Run a multi-agency contextual safeguarding panel for young people at risk of "
               "criminal exploitation and county lines.",
               "Youth Justice Service (Swansea Council)",
               [("Youth Justice Service (Swansea Council)", CCSC, None)],
               "Ongoing", None,
               "Young people reviewed by the panel; young people with a safety plan within 10 "
               "working days (target: 90%)",
               [("Young people reviewed by the panel", None),
                ("young people with a safety plan within 10 working days", "90%")]),
        Action("2.4", "Use police and ambulance data to direct hotspot patrols in the night-time "
               "economy on Wind Street and the Kingsway.",
               "South Wales Police", [("South Wales Police", SWP, None)],
               "Q3 2024/25", "2024-12-31",
               "Violence with injury in the city centre (target: 5% reduction on 2023/24)",
               [("Violence with injury in the city centre", "5% reduction on 2023/24")]),
    ]),
    ("Outcome 3: Residents see less anti-social behaviour and know how to report it",
     PRIORITIES[2][0], [
        Action("3.1", "Review the city centre Public Spaces Protection Order before it expires and "
               "consult on any changes.",
               "Swansea Council Community Safety Team",
               [("Swansea Council Community Safety Team", CCSC, None)],
               "October 2025", "2025-10-31",
               "PSPO review completed and reported to Cabinet",
               [("PSPO review completed and reported to Cabinet", None)]),
        Action("3.2", "Promote the ASB Case Review (Community Trigger) so that victims know how to "
               "ask for a review of their case.",
               "Swansea Council / South Wales Police",
               [("Swansea Council", CCSC, None), ("South Wales Police", SWP, None)],
               "March 2025", "2025-03-31",
               "Number of ASB Case Review applications; applications answered within 10 working "
               "days (target: 100%)",
               [("Number of ASB Case Review applications", None),
                ("applications answered within 10 working days", "100%")]),
        Action("3.3", "Deliver fire-setting and deliberate grass fire diversion sessions with young "
               "people in the hotspot wards.",
               "Mid and West Wales Fire and Rescue Service",
               [("Mid and West Wales Fire and Rescue Service", MWWFRS, None)],
               "Q1 2025/26", "2025-06-30",
               "Deliberate grass fires (target: 10% fewer than in 2023/24)",
               [("Deliberate grass fires", "10% fewer than in 2023/24")]),
        Action("3.4", "Hold monthly problem-solving meetings in the six wards with the most "
               "anti-social behaviour.",
               "SWP Neighbourhood Inspector; Swansea Council Housing",
               [("SWP Neighbourhood Inspector", SWP, None), ("Swansea Council Housing", CCSC, None)],
               "Monthly", None,
               "ASB incidents in the six wards",
               [("ASB incidents in the six wards", None)]),
    ]),
    ("Outcome 4: Fewer people are harmed by drugs and alcohol", PRIORITIES[3][0], [
        Action("4.1", "Work with the Area Planning Board to hand out naloxone kits through pharmacies, "
               "hostels and the city centre outreach service.",
               "West Glamorgan Area Planning Board",
               [("West Glamorgan Area Planning Board", None, None)],
               "March 2026", "2026-03-31",
               "Naloxone kits issued (target: 1,200 a year)",
               [("Naloxone kits issued", "1,200 a year")]),
        Action("4.2", "Set up referral from custody at Swansea Central police station into drug and "
               "alcohol treatment for people arrested for trigger offences.",
               "South Wales Police / Probation Service",
               [("South Wales Police", SWP, None), ("Probation Service", PROBATION, None)],
               "September 2025", "2025-09-30",
               "Referrals from custody into treatment",
               [("Referrals from custody into treatment", None)]),
        Action("4.3", "Carry out test purchases and licensing visits at shops and bars suspected of "
               "selling alcohol to under-18s.",
               "Swansea Trading Standards",
               [("Swansea Trading Standards", CCSC, None)],
               "Ongoing", None,
               "Test purchases carried out; sales failure rate (target: below 10%)",
               [("Test purchases carried out", None), ("sales failure rate", "below 10%")]),
    ]),
]

REVIEW = (
    "5. Monitoring and review. The Partnership Board will receive a performance report each quarter "
    "and the plan will be reported to the Council's Scrutiny Programme Committee once a year."
)

ORGANISATIONS = [
    CCSC, SWP, MWWFRS, "Swansea Bay University Health Board", PROBATION,
    "Office of the Police and Crime Commissioner for South Wales", "Welsh Government", "Home Office",
    "Swansea Community Safety Partnership",  # the paper names its own CSP as a body (ARCHITECTURE.md, Organisations named)
]

NOTES = [
    "Document type: strategy. It is the partnership's statutory three-year plan (crime and disorder "
    "strategy); its delivery tables are part of it, not a separate action plan.",
    "Priorities: the five bullets of section 2, page of the list. The 'Priority:' line under each "
    "outcome heading repeats a bullet word for word and is not a further row. VAWDASV is themed vawg "
    "(the label leads with violence against women). A label naming several themes takes the theme of "
    "the first named: 'Serious violence and exploitation' -> serious_violence, 'Community cohesion, "
    "hate crime and Prevent' -> community_cohesion.",
    "Activities: one per delivery-table row. priority = the 'Priority:' line the table sits under; "
    "objective = the outcome statement after 'Outcome N: '. status and progress are null (a plan). "
    "due_date from 'By when'; 'Annually', 'Ongoing' and 'Monthly' give null.",
    "Leads: the Who cell split at '/', ';', ',' and ' and '. Council teams and services (Licensing, "
    "VAWDASV Co-ordinator, Education, Youth Justice Service, Community Safety Team, Housing, "
    "Swansea Trading Standards) are City and County of Swansea Council; 'SWP Neighbourhood Inspector' "
    "and the Schools Programme are South Wales Police. The Area Planning Board and Partnership Manager are partnership bodies: "
    "organisation null, raw kept.",
    "KPIs: each measure in a 'How we will measure it' cell (split at ';') is a KPI of its row; target = "
    "the words after 'target:' in brackets, description = the measure without the bracket.",
    "Funding: four sums in section 3. The £85,000 is from the PCC (funder the South Wales OPCC), "
    "recipient the partnership itself (null). The £1.42 million goes to the Area Planning Board, "
    "a partnership body (recipient null). 'In September 2023' gives date 2023-09; 'to be spent by "
    "March 2025' is a deadline, not a period.",
    "Organisations: the statutory partners, the OPCC, Welsh Government and Home Office. "
    "The West Glamorgan Area Planning Board, the CONTEST Board, the Community Cohesion Programme, "
    "the MARAC and the Partnership itself are partnership bodies or programmes, not listed.",
]
