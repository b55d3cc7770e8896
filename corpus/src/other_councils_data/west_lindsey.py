"""West Lindsey CSP action plan 2024-25: a landscape plan without ruling lines.

Layout exercised: landscape Letter pages; one table with no lines at all,
columns aligned by whitespace only (Objective / Action / Owner / Target date /
Progress); bold priority rows inside the table; the Objective cell printed only
on the first row of its group (carried down); wrapped cells of different
heights; the header repeated on the next page; a closing list of measures
with no targets; one funding sentence.
"""

from __future__ import annotations

from .common import Action, Output, Sum

PDF = "west-lindsey-csp-action-plan-2024-25.pdf"
TITLE = "West Lindsey Community Safety Partnership Action Plan 2024-25"
AUTHORITY = "West Lindsey District Council"
PARTNERSHIP_ID = "west-lindsey-csp"

WLDC = "West Lindsey District Council"
LP = "Lincolnshire Police"
LCC = "Lincolnshire County Council"
LFR = "Lincolnshire Fire and Rescue Service"

INTRO = (
    "This plan sets out what the partners of the West Lindsey Community Safety Partnership will do in "
    "2024-25 against the four priorities agreed from the Lincolnshire strategic assessment. Partners "
    "are West Lindsey District Council, Lincolnshire Police, Lincolnshire County Council, Lincolnshire "
    "Fire and Rescue, the Probation Service and the Office of the Police and Crime Commissioner for "
    "Lincolnshire. Progress is updated before each quarterly meeting."
)

HEADERS = ["Objective", "Action", "Owner", "Target date", "Progress"]

#: (priority row text, theme, actions); each action's ``objective`` carries down
PRIORITIES: list[tuple[str, str, list[Action]]] = [
    ("Priority 1 - Rural and acquisitive crime", "neighbourhood_crime", [
        Action("", "Hold crime prevention surgeries at livestock markets and farm shows with the Rural "
               "Crime Team.", "Lincolnshire Police Rural Crime Team",
               [("Lincolnshire Police Rural Crime Team", LP, None)], "September 2024", "2024-09-30",
               progress="Surgeries held at the Lincolnshire Show and Caistor market; 140 property marking "
               "kits handed out.",
               objective="Reduce thefts of farm machinery, fuel and equipment"),
        Action("", "Promote Farm Watch and the WhatsApp alert groups to farms in the north of the "
               "district.", "WLDC Community Safety Officer",
               [("WLDC Community Safety Officer", WLDC, None)], "Ongoing", None,
               progress="Membership up from 212 to 267 farms since April.",
               objective="Reduce thefts of farm machinery, fuel and equipment"),
        Action("", "Fit locks, lighting and door chains for repeat burglary victims and vulnerable "
               "residents.", "WLDC Home Improvement Agency / Lincolnshire Police",
               [("WLDC Home Improvement Agency", WLDC, None), ("Lincolnshire Police", LP, None)],
               "March 2025", "2025-03-31",
               progress="31 homes completed; waiting list cleared in July.",
               objective="Cut burglary and vehicle crime in Gainsborough"),
    ]),
    ("Priority 2 - Anti-social behaviour", "asb", [
        Action("", "Accredit council enforcement officers under the Community Safety Accreditation "
               "Scheme so they can deal with low-level ASB.", "WLDC Enforcement Manager",
               [("WLDC Enforcement Manager", WLDC, None)], "Q3 2024/25", "2024-12-31",
               progress="Six officers accredited by the Chief Constable in August.",
               objective="Respond early to anti-social behaviour in Gainsborough South West ward"),
        Action("", "Use Acceptable Behaviour Contracts with young people before moving to injunctions.",
               "WLDC ASB Officer, Acis Group",
               [("WLDC ASB Officer", WLDC, None), ("Acis Group", "Acis Group", None)], "Ongoing", None,
               progress="Eight contracts signed; one broken and escalated.",
               objective="Respond early to anti-social behaviour in Gainsborough South West ward"),
        Action("", "Buy two redeployable CCTV cameras and place them at hotspots agreed by the monthly "
               "tasking group.", "WLDC CCTV Manager", [("WLDC CCTV Manager", WLDC, None)],
               "December 2024", "2024-12-31",
               progress="Cameras bought. The first went up at Marshall's Sports Ground in October.",
               objective="Respond early to anti-social behaviour in Gainsborough South West ward"),
    ]),
    ("Priority 3 - Domestic abuse", "domestic_abuse", [
        Action("", "Promote the Lincolnshire domestic abuse helpline and EDAN Lincs outreach in GP "
               "surgeries and pharmacies.", "LCC Domestic Abuse Team; EDAN Lincs",
               [("LCC Domestic Abuse Team", LCC, None), ("EDAN Lincs", "EDAN Lincs", None)],
               "June 2024", "2024-06-30",
               progress="Complete - posters and cards in 22 surgeries and 15 pharmacies.",
               objective="Make sure victims get help quickly"),
        Action("", "Offer sanctuary scheme security to victims who want to stay in their own homes.",
               "WLDC Housing", [("WLDC Housing", WLDC, None)], "Ongoing", None,
               progress="14 homes made safer this year; average wait 9 days.",
               objective="Make sure victims get help quickly"),
    ]),
    ("Priority 4 - Vulnerability and exploitation, including county lines", "criminal_exploitation", [
        Action("", "Brief taxi drivers, hotel staff and takeaway owners on the signs of county lines "
               "and child exploitation.", "WLDC Licensing / Lincolnshire Police",
               [("WLDC Licensing", WLDC, None), ("Lincolnshire Police", LP, None)],
               "March 2025", "2025-03-31",
               progress="All 96 licensed drivers briefed at renewal; hotels to follow in the new year.",
               objective="Protect young and vulnerable people from criminal exploitation"),
        Action("", "Carry out safe and well visits to residents at risk of cuckooing.",
               "Lincolnshire Fire and Rescue", [("Lincolnshire Fire and Rescue", LFR, None)],
               "Ongoing", None,
               progress="Referral route agreed with the police; 11 visits so far.",
               objective="Protect young and vulnerable people from criminal exploitation"),
        Action("", "Train district council staff to spot modern slavery and make referrals to the "
               "National Referral Mechanism.", "WLDC Safeguarding Lead",
               [("WLDC Safeguarding Lead", WLDC, None)], "Q4 2024/25", "2025-03-31",
               progress="E-learning module live; 61% of staff completed.",
               objective="Raise awareness of modern slavery"),
    ]),
]

MEASURES_HEAD = "How we will know it is working"
MEASURES = [
    "Rural crime offences recorded in West Lindsey",
    "Repeat victims of burglary",
    "ASB incidents in Gainsborough South West ward",
    "Domestic abuse incidents with a repeat victim within 12 months",
]
KPIS: list[Output] = [Output(m, m) for m in MEASURES]

FUNDING_TEXT = (
    "The plan is delivered within partners' existing budgets. West Lindsey District Council has set "
    "aside £10,000 from its community safety budget for 2024/25 for target-hardening and the "
    "redeployable cameras."
)
FUNDING: list[Sum] = [
    Sum(10000, "from its community safety budget for target-hardening and the redeployable cameras",
        "aside £10,000 from its community safety", period="2024/25", funder=WLDC),
]

ORGANISATIONS = [
    WLDC, LP, LCC, LFR, "Probation Service",
    "Office of the Police and Crime Commissioner for Lincolnshire", "Acis Group", "EDAN Lincs",
    "West Lindsey Community Safety Partnership",  # the paper names its own CSP as a body (ARCHITECTURE.md, Organisations named)
]

NOTES = [
    "Document type: action_plan. No committee or meeting.",
    "Priorities: the four bold 'Priority N - ...' rows inside the table, label as written, page where "
    "each row stands. The Priority 4 row falls at the foot of page 1 and its actions on page 2 "
    "(an orphaned group heading, as Word leaves them): priority page 1, activities page 2.",
    "Activities: one per table row. priority = the bold priority row above it; objective = the "
    "Objective cell, which is printed only on the first row of its group and carries down. There is "
    "no status column: status null even where progress opens 'Complete'. Progress cells stay in "
    "progress (counts in them are not KPIs).",
    "Leads: split at '/', ';' and ','. 'WLDC ...' job titles and teams are West Lindsey District "
    "Council; 'LCC Domestic Abuse Team' is Lincolnshire County Council; 'Lincolnshire Fire and "
    "Rescue' is Lincolnshire Fire and Rescue Service. Acis Group (a housing association) and EDAN "
    "Lincs (a domestic abuse charity) lead by their own names.",
    "KPIs: the four measures under 'How we will know it is working', top level, no targets.",
    "Funding: one sum, £10,000, funder West Lindsey District Council, period 2024/25.",
]
