"""The action plan's text, page by page, with the gold annotations written beside each item.

Wording (typos included: "Febuary", "Country Prevent Board") is copied from
seed 002; the lead splits, due dates, themes and KPIs are judgements made by
hand from the seed, recorded here so the gold and the PDF come from one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Official organisation names (docs/ARCHITECTURE.md naming).
ECDC = "East Cambridgeshire District Council"
CCC = "Cambridgeshire County Council"
POLICE = "Cambridgeshire Constabulary"
PROBATION = "Probation Service"
OPCC = "Office of the Police and Crime Commissioner for Cambridgeshire"
ALL = "All partners"
PREVENT_BOARD = "Cambridgeshire County Prevent Board"
SAFEGUARDING = "Cambridgeshire and Peterborough Safeguarding Partnership Board"
DASV = "Cambridgeshire and Peterborough Domestic Abuse and Sexual Violence Partnership"
ECIN = "East Cambs Integrated Neighbourhood"
PCN = "Ely Primary Care Network"
HIGH_HARMS = "Cambridgeshire and Peterborough High Harms Board"
ECCSP = "East Cambridgeshire Community Safety Partnership"

#: (raw, organisation, person) for one part of a Lead box.
Lead = tuple[str, str | None, str | None]

#: Each timescale as written -> due date (last day of the named period), decided by hand.
DUE: dict[str, str | None] = {
    "Yearly March 2024": "2024-03-31",
    "CSP Chair to decide whether or not to hold a review within a case coming to their attention": None,
    "As required": None,
    "Quarterly meetings all year": None,
    "Quarterly": None,
    "Review every 6 months": None,
    "2 years": None,
    "Day to day business": None,
    "Day to day business, when appropriate": None,
    "Monthly": None,
    "Yearly presented at the June board meeting": None,
    "All year round": None,
    "September 2023": "2023-09-30",
    "September 23": "2023-09-30",
    "June 2023 onwards": "2023-06-30",
    "January 2024": "2024-01-31",
    "October 2023": "2023-10-31",
    "March 2024": "2024-03-31",
    "December 2023": "2023-12-31",
    "Set in OPCC grant agreement": None,
    "November 2023": "2023-11-30",
    "Ongoing/quarterly": None,
    "Febuary 2024": "2024-02-29",
    "June 2024": "2024-06-30",
    "Quarterly engagement": None,
    "February 2024": "2024-02-29",
    "April 2024": "2024-04-30",
    "Ongoing March 2024": "2024-03-31",
    "July 2023": "2023-07-31",
}

#: Section headings that act as priority areas -> theme (CONTRACT.md list).
THEMES: dict[str, str] = {
    "Strategic Assessment": "governance",
    "Domestic Homicide Reviews (DHR)": "domestic_abuse",
    "Domestic Abuse Bill": "domestic_abuse",
    "Prevent duty": "prevent",
    "Community Safety Action Plan": "governance",
    "Information sharing protocol": "governance",
    "Reduce Reoffending Plan": "reoffending",
    "Serious Violence Duty": "serious_violence",
    "Greater understanding needed locally": "governance",
    "Prioritising high risk and vulnerability": "other",
    "Prioritising high harm issues": "governance",
    "Putting Communities First grant agreement": "governance",
    "Violence against women and girls": "vawg",
    "Local businesses": "neighbourhood_crime",
    "Community safety forums": "community_cohesion",
    "Awareness raising and communications": "governance",
    "Community Eyes and Ears": "community_cohesion",
    "Hate crime/incidents": "hate_crime",
    "Black, Asian and minority ethnic (BAME) communities": "community_cohesion",
    "Young people": "youth",
    "Drink spiking": "vawg",
    "Drugs and alcohol": "drugs_alcohol",
    "Mental health": "mental_health",
    "Rural and acquisitive crime (particularly dwelling and business burglaries)": "neighbourhood_crime",
    "Exploitation": "modern_slavery",
    "Cybercrime and fraud": "fraud",
    "Knife Crime – East Cambs Police Priority": "serious_violence",
    "Youth": "youth",
    "Building caring communities": "community_cohesion",
}

#: The two numbered CSP priorities: (number as written, statement as written, theme).
CSP_PRIORITIES: list[tuple[str, str, str]] = [
    ("Priority 1.", "Understanding risk and vulnerability of individuals (people) and locations (places) "
                    "and helping communities respond to this.", "community_cohesion"),
    ("Priority 2.", "Working to tackle local issues of high harm.", "other"),
]


@dataclass
class Heading:
    text: str
    level: int = 2


@dataclass
class Para:
    text: str
    style: str = "body"


@dataclass
class Break:
    """Start a new page."""


@dataclass
class Flush:
    """Write the Lead/Timescale boxes held back so far into the content stream now."""


@dataclass
class Dots:
    """The dotted divider under a heading (the seed's row of bullet glyphs)."""


@dataclass
class Duty:
    """A statutory-duty action with its Lead and Timescale boxes to the right.

    ``mode``: ``defer`` writes the boxes after the page's (or group's) left-hand
    text, ``inline`` right after the action, ``lead_first`` the Lead box before
    the action and the Timescale box after it.
    """

    texts: list[str]
    lead: str
    timescale: str
    leads: list[Lead]
    mode: str = "defer"


@dataclass
class Smart:
    """A SMART Target block: ``form`` ``table`` (ruled three columns) or ``loose`` (label/value boxes).

    For loose blocks ``order`` lists the stream order of the pieces: st (the
    "SMART Target" label), ST (the target text), pl/pv (CSP Priority label /
    value), tl/tv (Timescale label / value), tl2 (a duplicate Timescale label
    over the first), ll/lv (Lead label / value), Q (a stray glyph). ``grid``
    places the pri/ts/lead pairs in (column, row) slots below the text.
    """

    texts: list[str]
    priority: str
    timescale: str | None
    lead: str
    leads: list[Lead]
    form: str = "loose"
    order: str = "st ST pl tl pv tv ll lv"
    grid: dict[str, tuple[int, int]] = field(default_factory=lambda: {"pri": (0, 0), "ts": (1, 0), "lead": (0, 1)})
    kpis: list[tuple[str, str]] = field(default_factory=list)
    #: table form: minimum height of the "Lead" label row (pushes the target text into it)
    lead_row: float | None = None
    #: loose form: put the pri/ts labels to the right of the text's last line
    beside_text: bool = False


Item = Heading | Para | Break | Flush | Dots | Duty | Smart

TITLE = "East Cambridgeshire Community Safety Partnership (CSP) Current Action Plan"

#: Contents page: (entry, page) for the left and right columns, as the seed lists them.
CONTENTS_LEFT: list[tuple[str, str]] = [
    ("Statutory duties", "3"), ("Strategic Assessment", "3"), ("Domestic Homicide Reviews (DHR)", "3"),
    ("Domestic Abuse Bill", "3"), ("Prevent duty", "4"), ("Community Safety Action Plan", "7"),
    ("Information sharing protocol", "7"), ("Reduce Reoffending Plan", "8"), ("Serious Violence Duty", "8"),
    ("Additional CSP activities", "9"), ("Greater understanding needed locally", "9"),
    ("Prioritising high risk and vulnerability", "11"), ("Prioritising high harm issues", "11"),
    ("Putting Communities First grant agreement", "12"), ("Violence against women and girls", "12"),
    ("Local businesses", "12"),
]
CONTENTS_RIGHT: list[tuple[str, str]] = [
    ("Community safety forums", "12"), ("Awareness raising and communications", "13"),
    ("Community Eyes and Ears", "14"), ("Hate crime/incidents", "14"),
    ("Black, Asian and minority ethnic (BAME) communities", "14"), ("Young people", "15"),
    ("Drink spiking", "16"), ("Drugs and alcohol", "16"), ("Mental health", "17"),
    ("Rural and acquisitive crime (particularly dwelling and business burglaries)", "17"),
    ("Exploitation", "18"), ("Cybercrime and fraud", "18"), ("Knife Crime – East Cambs Police Priority", "19"),
    ("Youth", "19"), ("Building caring communities", "19"),
]

CSP: Lead = ("CSP", ECCSP, None)
ECDC_HCA: Lead = ("ECDC Housing and Community Advice", ECDC, None)
ECDC_CCC: list[Lead] = [("ECDC", ECDC, None), ("CCC", CCC, None)]
CPB: Lead = ("Country Prevent Board", PREVENT_BOARD, None)
RESP_AUTH = ("Responsible authorities are under a statutory duty to ensure that they come together and work "
             "in partnership in a CSP")
SVD_LEADS: list[Lead] = [("All responsible authorities", ALL, None), ("police to lead", POLICE, None)]
ECIN_PCN_LEADS: list[Lead] = [("ECIN", ECIN, None), ("PCN", PCN, None), ("Ashling Bannon", None, "Ashling Bannon"),
                              ("Zoe Hutchinson", None, "Zoe Hutchinson")]

STATUTORY: list[Item] = [
    # page 3
    Heading("Statutory duties", 1),
    Heading("Strategic Assessment"),
    Duty(["Commission annual strategic assessment to be undertaken and agreed at Spring 2024 CSP Board."],
         "East Cambridgeshire District Council (ECDC) on behalf of the CSP", "Yearly March 2024",
         [("East Cambridgeshire District Council (ECDC) on behalf of the CSP", ECDC, None)]),
    Heading("Domestic Homicide Reviews (DHR)"),
    Duty(["CSP to support and facilitate the completion of any DHRs that are required."], "CSP",
         "CSP Chair to decide whether or not to hold a review within a case coming to their attention", [CSP]),
    Duty(["CSP to work with county Domestic Abuse and Sexual Violence (DASV)/ Violence Against Women and Girls "
          "(VAWG) teams to commission further reviews as required."], "CSP", "As required", [CSP]),
    Duty(["When a domestic homicide happens, the police or ECDC should inform the relevant Community Safety "
          "Partnership in writing of the incident. The CSP then has overall responsibility for setting up a "
          "review."], "CSP", "As required", [CSP]),
    Duty(["CSP to initiate a DHR panel."], "CSP", "As required", [CSP]),
    Heading("Domestic Abuse Bill"),
    Duty(["Ensure we work with partner agencies to allow domestic abuse (DA) victims to remain in their own "
          "homes."], "ECDC Housing and Community Advice", "As required", [ECDC_HCA]),
    Break(),
    # page 4
    Duty(["Offer free training for partner agencies with our county council leads."],
         "ECDC Housing and Community Advice", "As required", [ECDC_HCA], "inline"),
    Duty(["County Council leads to speak to all service leads."],
         "ECDC Housing and Community Advice", "As required", [ECDC_HCA], "inline"),
    Duty(["Specialist housing Independent domestic violence adviser (IDVA) works within the housing team one "
          "day a week."], "ECDC Housing and Community Advice", "As required", [ECDC_HCA], "inline"),
    Duty(["To work towards our Domestic Abuse Housing Alliance (DAHA) accreditation."],
         "ECDC Housing and Community Advice", "As required", [ECDC_HCA], "inline"),
    Heading("Prevent duty"),
    Duty(["Local authorities to establish or make use of an existing local multi-agency group to agree risk and "
          "co-ordinate the Prevent programme activity. Many local authorities use Community Safety Partnerships "
          "but other multi-agency forums may be appropriate."],
         "Country Prevent Board", "Quarterly meetings all year", [CPB], "lead_first"),
    Duty(["Make links with other statutory partnerships such as Local Safeguarding Children Boards Safeguarding "
          "Adults Boards, Channel Panels and Youth Offending Teams."],
         "Country Prevent Board, County Safeguarding Boards for Adults and Children", "Quarterly meetings all year",
         [CPB, ("County Safeguarding Boards for Adults and Children", SAFEGUARDING, None)], "inline"),
    Break(),
    # page 5
    Duty(["Effectively monitor the impact of the Prevent programme work via local multiagency arrangements."],
         "Country Prevent Board", "Quarterly", [CPB]),
    Duty(["Local authorities to use the existing counter-terrorism local profiles (CTLPs), produced for every "
          "region by the police, to assess the risk of individuals being drawn into terrorism. This includes not "
          "just violent extremism but also non-violent extremism, which can create an atmosphere conducive to "
          "terrorism and can popularise views which terrorists exploit."],
         "Country Prevent Board", "Quarterly", [CPB]),
    Duty(["Local authorities to incorporate the duty into existing policies and procedures, so it becomes part of "
          "the day-to-day work of the authority. The duty is likely to be relevant to fulfilling safeguarding "
          "responsibilities in that local authorities should ensure that there are clear and robust safeguarding "
          "policies to identify children at risk.",
          "All staff inductions cover our safeguarding policy. Corporate staff and Member inductions for "
          "introduction to safeguarding. Annual training for all staff provided by external trainers. All free "
          "training sent out to all staff, provided by Peterborough and Cambridge Safeguarding Board."],
         "ECDC, Cambridge County Council (CCC)", "Review every 6 months",
         [("ECDC", ECDC, None), ("Cambridge County Council (CCC)", CCC, None)]),
    Duty(["Local authority to develop a Prevent action plan. This will enable the local authority to comply with "
          "the duty and address whatever risks have been identified."],
         "Country Prevent Board", "2 years", [CPB]),
    Break(),
    # page 6
    Duty(["Local authorities to ensure appropriate frontline staff, including those of its contractors, have a "
          "good understanding of Prevent are trained to recognise vulnerability to being drawn into terrorism and "
          "are aware of available programmes to deal with this issue."],
         "ECDC, CCC", "Day to day business", ECDC_CCC),
    Duty(["Local authority staff to make appropriate referrals to Channel (a programme which provides support to "
          "individuals who are at risk of being drawn into terrorism which is put on a statutory footing by "
          "Chapter 2 of Part 5 of the Counter-Terrorism and Security Act 2015) and ensure that Channel is "
          "supported by the appropriate organisation and expertise."],
         "ECDC, CCC", "Day to day business, when appropriate", ECDC_CCC),
    Duty(["Local authorities to ensure that organisations who work with the local authority on Prevent are not "
          "engaged in any extremist activity or espouse extremist views."],
         "ECDC, CCC", "Day to day business, when appropriate", ECDC_CCC),
    Duty(["Local authorities to take the opportunity when new contracts for the delivery of their services are "
          "being made to ensure that the principles of the duty are written in to those contracts in a suitable "
          "form."], "ECDC, CCC", "Day to day business, when appropriate", ECDC_CCC),
    Duty(["ECDC to attend County Prevent Board and the Prevent task and finish group."],
         "ECDC, CCC", "Quarterly", ECDC_CCC),
    Duty(["Raise the profile of Prevent in the community however you see fit, social media, posters, events."],
         "ECDC, CCC", "Monthly", ECDC_CCC),
    Break(),
    # page 7
    Duty(["Support the implementation of the countywide agreed Prevent communications plan."],
         "ECDC, CCC", "As required", ECDC_CCC),
    Heading("Community Safety Action Plan"),
    Duty(["Develop and publish a Community Safety Action Plan with main priorities and areas of focus. Areas of "
          "focus to be influenced by CSP Board members and recommendations from the strategic assessment."],
         "CSP, Delivery Group", "Yearly presented at the June board meeting", [CSP, ("Delivery Group", None, None)]),
    Flush(),
    Heading("Information sharing protocol"),
    Duty(["Responsible authorities are under a statutory duty to ensure that they come together and work in "
          "partnership in a CSP."], RESP_AUTH, "All year round", [(RESP_AUTH, ALL, None)]),
    Duty(["Ensure any new legislation is included in the Information Sharing Agreement (ISA)."],
         RESP_AUTH, "As required", [(RESP_AUTH, ALL, None)]),
    Flush(),
    Duty(["There are other ISA which may need input from county wide partners, for example, agreeing an ISA for "
          "Channel (Prevent)."], RESP_AUTH, "As required", [(RESP_AUTH, ALL, None)], "inline"),
    Break(),
    # page 8
    Heading("Reduce Reoffending Plan"),
    Duty(["The CSP must work in a multi-agency approach with police and probation to work towards reducing "
          "reoffending Integrated Offender Management Scheme."], "CSP, police, probation", "All year round",
         [CSP, ("police", POLICE, None), ("probation", PROBATION, None)]),
    Heading("Serious Violence Duty"),
    Duty(["The finalised Serious Violence Duty delivery plan to be completed by September 2023."],
         "All responsible authorities, police to lead", "September 2023", SVD_LEADS),
    Duty(["Serious Violence Duty Strategic Needs Assessments and local strategy to be completed by September "
          "2023."], "All responsible authorities, police to lead", "September 2023", SVD_LEADS),
]

TABLE = "table"

ADDITIONAL: list[Item] = [
    # page 9
    Heading("Additional CSP activities", 1),
    Para("The following are additional activities that the CSP will undertake in addition to the delivery of its "
         "statutory duties."),
    Para("Priority 1.", "h3"),
    Para(CSP_PRIORITIES[0][1]),
    Para("Priority 2.", "h3"),
    Para(CSP_PRIORITIES[1][1]),
    Heading("Greater understanding needed locally"),
    Smart(["Commission an in-depth review of violence, particularly where injury occurred, in order to better "
           "understand sustained increase in violence, providing that sufficient resources are available."],
          "Priority 2", "September 2023", "CSP", [CSP], TABLE),
    Smart(["Circulate the Domestic Abuse and Sexual Violence Needs Assessment to all partners to update to inform "
           "their understanding of evidenced issues in East Cambridgeshire."],
          "Priority 2", "September 2023", "CSP, Domestic Abuse and Sexual Violence Partnership",
          [CSP, ("Domestic Abuse and Sexual Violence Partnership", DASV, None)], TABLE),
    Smart(["Identify through engagement with the partnership members and other relevant stakeholders or "
           "additional partners who can contribute to the work of the CSP. Invite and induct identified new "
           "partners into the partnership."],
          "Priority 2", "June 2023 onwards", "CSP", [CSP], TABLE, lead_row=62),
    Smart(["Request a more detailed analysis of public order offences, the areas affected and overlaps with other "
           "community safety issues, providing sufficient resources are available. Use the results of the "
           "detailed analysis to inform and provide additional action as appropriate in the CSP plan."],
          "Priority 1", "As required", "CSP", [CSP], order="st ST pl pv tl ll lv tv Q"),
    Break(),
    # page 10
    Smart(["Ask CCC Research Group to conduct adhoc research to enhance the existing Littleport profile, providing "
           "sufficient resources are available. Engage with the Littleport Parish Council and other stakeholders "
           "and agencies to determine additional activities required to deal with any issues that have arisen. "
           "Measure output and impact."],
          "Priority 1", "January 2024", "CCC, Research Group, CSP",
          [("CCC", CCC, None), ("Research Group", CCC, None), CSP]),
    Smart(["Conduct research into what re-offending issues there are in East Cambridgeshire."],
          "Priority 1", "January 2024", "Probation", [("Probation", PROBATION, None)],
          order="st ST pl pv tv tl tl2 ll lv"),
    Smart(["Analyse the issues within the needs assessment to build on the findings presented in this strategic "
           "assessment and to gain a more comprehensive understanding of domestic abuse related issues within "
           "East Cambridgeshire.",
           "Identify which local housing associations are to be engaged with to inform the development of action "
           "plans and actions.",
           "Develop an action plan with ECDC Housing and Community Advice and local housing associations to "
           "identify activities required, monitor output and identify impact."],
          "Priority 2", "September 23",
          "ECDC Housing and Community Advice, Sanctuary Housing, Local housing associations",
          [ECDC_HCA, ("Sanctuary Housing", "Sanctuary Housing", None), ("Local housing associations", None, None)],
          order="st ST pl pv tv ll lv"),
    Break(),
    # page 11
    Heading("Prioritising high risk and vulnerability"),
    Smart(["Undertake research into economic vulnerabilities and identify other vulnerabilities that the CSP "
           "wishes to tackle given the economic climate."],
          "Priority 1", "September 2023", "CSP, ECDC Housing and Community Advice", [CSP, ECDC_HCA]),
    Smart(["Create a strategy to raise awareness and public awareness of fraud, scams and cybercrime, which also "
           "emphasises the need for reporting."],
          "Priority 1", "October 2023", "CSP Comms", [("CSP Comms", ECCSP, None)]),
    Smart(["Collect information from the police on reporting statistics and programmes put in place to support "
           "victims to evaluate the effectiveness of raised awareness."],
          "Priority 1", "March 2024", "Police", [("Police", POLICE, None)]),
    Smart(["Create a working group with relevant partners, including the police, and other relevant agencies, "
           "including the parish councils to devise a strategy to tackle violence Ely and Littleport where police "
           "data indicates higher volumes of offences."],
          "Priority 1", "December 2023", "The Delivery Group, Police",
          [("The Delivery Group", None, None), ("Police", POLICE, None)]),
    Heading("Prioritising high harm issues"),
    Smart(["Request additional data and information from the High Harms Board (or thematic partnerships lead at "
           "force level) to more effectively prioritise emerging issues which is shared with the CSP."],
          "Priority 1", "Quarterly", "CSP, Representatives on High Harms Board",
          [CSP, ("Representatives on High Harms Board", HIGH_HARMS, None)]),
    Break(),
    # page 12
    Heading("Putting Communities First grant agreement"),
    Para("The Office of the Police and Crime Commissioner (OPCC)"),
    Smart(["Deliver outcomes set out in OPCC Putting Communities First grant agreement in accordance with grant "
           "timescales."], "Priority 1", "Set in OPCC grant agreement", "ECDC", [("ECDC", ECDC, None)], TABLE),
    Heading("Violence against women and girls"),
    Smart(["Raise awareness with parish councils to create opportunities to roll out the Sister Safe project to "
           "parish councils to at least 1 other parish by March 2024."],
          "Priority 1", "March 2024", "CSP leading with Sister Safe team and parish councils",
          [("CSP leading", ECCSP, None), ("Sister Safe team", None, None), ("parish councils", None, None)], TABLE,
          kpis=[("roll out the Sister Safe project to parish councils to at least 1 other parish by March 2024",
                 "at least 1 other parish by March 2024")]),
    Heading("Local businesses"),
    Smart(["Work with the business partners and business organisations to create opportunities to roll out Shop "
           "Watch to at least 2 parishes."], "Priority 1", "November 2023", "ECDC", [("ECDC", ECDC, None)], TABLE,
          kpis=[("roll out Shop Watch to at least 2 parishes", "at least 2 parishes")]),
    Heading("Community safety forums"),
    Smart(["Organise and support the delivery of at least 1 multi-agency community safety forum and the "
           "development of at least 1 parish-level action plan to address issues identified by March 2024."],
          "Priority 1", "March 2024", "CSP leading", [("CSP leading", ECCSP, None)], TABLE,
          kpis=[("delivery of at least 1 multi-agency community safety forum",
                 "at least 1 multi-agency community safety forum"),
                ("development of at least 1 parish-level action plan to address issues identified by March 2024",
                 "at least 1 parish-level action plan")]),
    Break(),
    # page 13
    Heading("Awareness raising and communications"),
    Smart(["Create a plan to promote community safety resources to communities such as the cyber-bullying toolkit "
           "and safer streets business packs."],
          "Priority 1", "March 2024", "CSP, Comms", [CSP, ("Comms", None, None)],
          order="st ST pl pv tv tl ll lv"),
    Smart(["Promote the Community Safety Ward Member booklet to ward members and consider methods of engaging with "
           "ward members."], "Priority 1", "November 2023", "ECDC, CSP", [("ECDC", ECDC, None), CSP],
          order="st ST pl tl pv ll lv tv", grid={"pri": (0, 0), "ts": (1, 0), "lead": (0, 1)}),
    Smart(["Keep the community informed of local community safety work going on in response to local issues "
           "through the distribution of a quarterly CSP newsletter and the CSP Twitter page."],
          "Priority 1", "Ongoing/quarterly", "CSP, Comms, All partners contributing",
          [CSP, ("Comms", None, None), ("All partners contributing", ALL, None)]),
    Smart(["Create a strategy for the implementation of coordinated CSP communications to include promotion of:",
           "• · CSP activities and successes",
           "• raise and maintain community awareness, including fraud, scams and cybercrime",
           "• in addition to prevention, higher levels of awareness could potentially lead to increases in "
           "reporting and victim's access to support",
           "• the CSP needs to raise awareness of why crimes should be reported; underreporting on sexual offences, "
           "child sexual exploitation and hate crime"],
          "Priority 1 and 2", "Febuary 2024", "CSP, Comms", [CSP, ("Comms", None, None)]),
    Break(),
    # page 14
    Smart(["Undertake focused research to evaluate impact with random sampling of parish councils and residents to "
           "understand effectiveness of communications."], "Priority 1", "June 2024", "CSP", [CSP], TABLE),
    Heading("Community Eyes and Ears"),
    Smart(["Provide Community Eyes and Ears training to at least 2 other community organisations."],
          "Priority 1", "December 2023", "ECDC, CSP", [("ECDC", ECDC, None), CSP], TABLE,
          kpis=[("Provide Community Eyes and Ears training to at least 2 other community organisations",
                 "at least 2 other community organisations")]),
    Heading("Hate crime/incidents"),
    Smart(["Encourage parish councils in East Cambridgeshire to become third party hate incident/crime reporting "
           "centres and support them in doing so."], "Priority 1 and 2", "Quarterly engagement", "ECDC, CSP",
          [("ECDC", ECDC, None), CSP], TABLE),
    Heading("Black, Asian and minority ethnic (BAME) communities"),
    Smart(["Engage with local BAME residents in relation to community safety matters affecting them. Support or "
           "address any issues identified. Plan to engage with the community regularly. Feedback to CSP/Delivery "
           "Group issues identified and action taken."], "Priority 1", "Quarterly", "CSP", [CSP], TABLE),
    Break(),
    # page 15
    Heading("Young people"),
    Dots(),
    Smart(["Ask Healthy Schools to contact those organisations where Little Eyes and Ears programme training has "
           "taken place and collect case study evidence of how the Little Eyes and Ears programme has been "
           "received and built on."], "Priority 1", "February 2024", "Healthy Schools",
          [("Healthy Schools", CCC, None)]),
    Smart(["Deliver of at least 1 court experience awareness raising event by March 2024."],
          "Priority 1", "March 2024", "CSP", [CSP],
          kpis=[("Deliver of at least 1 court experience awareness raising event by March 2024",
                 "at least 1 court experience awareness raising event by March 2024")]),
    Smart(["Identify current issues for young people and develop further training packages to be delivered into "
           "schools."], "Priority 1", "April 2024", "CSP", [CSP], beside_text=True),
    Smart(["Create a map of current provision in terms of number of youth clubs with appropriate leadership.",
           "Engage with the parish councils where youth anti-social behaviour is an issue. Work with these to "
           "identify activities using local partnerships to identify solutions to these issues.",
           "Engage with the Cambridgeshire County Council on how matched funding could be identified if local "
           "organisations were prepared to engage a youth worker who would also work to the county team.",
           "Promote the Police and Crime Commissioner's (PCC) Youth Fund to help fund activities."],
          "Priority 1", "Ongoing March 2024",
          "Delivery Group's young people Antisocial behaviour (ASB) task and finish group, Lizzi Wales, CCC",
          [("Delivery Group's young people Antisocial behaviour (ASB) task and finish group", None, None),
           ("Lizzi Wales", None, "Lizzi Wales"), ("CCC", CCC, None)], beside_text=True),
    Smart(["To continue to deliver our 8-week programme 'Sussing it Out' for primary age children on the edge of "
           "risk taking behaviour."], "Priority 1", "April 2024",
          "East Cambs Integrated Neighbourhood (ECIN), Ashling Bannon",
          [("East Cambs Integrated Neighbourhood (ECIN)", ECIN, None), ("Ashling Bannon", None, "Ashling Bannon")],
          order="st ST tl pl pv tv ll lv"),
    Break(),
    # page 16
    Heading("Drink spiking"),
    Smart(["Promote existing CSP awareness and information products to local restaurants/ bars/takeaways and taxi "
           "firms."], "Priority 1", "January 2024", "CSP/business partner leading",
          [CSP, ("business partner leading", None, None)]),
    Smart(["Delivery of drink spiking training by Stamp Out Spiking by July 2023 for East Cambs businesses to "
           "attend."], "Priority 1", "July 2023", "Stamp Out Spiking", [("Stamp Out Spiking", "Stamp Out Spiking", None)],
          order="st ST pl tl tv ll pv lv"),
    Heading("Drugs and alcohol"),
    Smart(["East Cambs Integrated Neighbourhood has now got a permanent Recovery Coach for people with drug and "
           "alcohol addictions. This post is funded by Ely Primary Care Networks (PCN) and embedded within the PCN. "
           "The Recovery Coach will continue to work closely with Change Grow Live (CGL), police, ECDC and wider "
           "partners and communities to support people across East Cambridgeshire with drug and alcohol "
           "addiction."], "Priority 1 and 2", None, "ECIN/PCN, Ashling Bannon/Zoe Hutchinson", ECIN_PCN_LEADS,
          order="st ST pl pv ll lv"),
    Break(),
    # page 17
    Heading("Mental health"),
    Smart(["A new model of neighbourhood care and support for people with mental health needs is being developed "
           "with system partners, which will include CSP. A new project aimed at providing personalised, "
           "coordinated planning, support and personal budgets for a small number of High Impact Users is "
           "currently being developed, in partnership with CSP. High Impact Users are people who access multiple "
           "services, multiple times, and in an unplanned way."], "Priority 1", None,
          "ECIN/PCN, Ashling Bannon/Zoe Hutchinson", ECIN_PCN_LEADS, order="st ST pl pv ll lv"),
    Heading("Rural and acquisitive crime (particularly dwelling and business burglaries)"),
    Smart(["Develop and implement a strategy to educate remote communities and firms on how best to target harden "
           "and prevent victimisation."], "Priority 1", "September 2023", "Police", [("Police", POLICE, None)],
          order="st ST pl pv tv ll lv"),
    Smart(["Create a targeted strategy with partners to engage with farms and rural business locations as well as "
           "rurally isolated villages and communities to raise awareness of organised acquisitive crime and how "
           "firms and private residences can act to deny opportunities to would be offenders (for example, ring "
           "door bells and similar, CCTV, GPS tracking on high value items, upgraded access gates, locks and so "
           "forth).",
           "Create regular contact with the local business organisations who will send out information provided "
           "by the CSP."], "Priority 1", "September 2023", "Police Rural Crime Action Team (RCAT)",
          [("Police Rural Crime Action Team (RCAT)", POLICE, None)], order="st ST pl tv tl tl2 ll pv lv"),
    Break(),
    # page 18
    Heading("Exploitation"),
    Smart(["The CSP and partners (including police as appropriate) undertake intelligent led visits to agricultural "
           "firms, farms, construction sites and factories to gather intelligence and identify any exploitation of "
           "the workforce."], "Priority 2", "January 2024", "CSP, police", [CSP, ("police", POLICE, None)],
          order="st ST pl pv ll lv tl tv", grid={"pri": (0, 0), "lead": (1, 0), "ts": (0, 1)}),
    Heading("Cybercrime and fraud"),
    Smart(["Engage with specialists who can provide training or materials which can be distributed through the "
           "newsletter and regular CSP twitter feed,",
           "The CSP continues its efforts at awareness raising with key cohorts vulnerable to cybercrime and fraud "
           "(students, the elderly, those with mental health conditions, the long term lonely and so forth) "
           "through engagement events and other educational efforts, seeks advice from the forces cyber prevent "
           "officer to assist with event content (including identifying and contacting the most atrisk "
           "individuals in terms of fraud through Operation Signature)."], "Priority 1", None, "CSP, police",
          [CSP, ("police", POLICE, None)], order="st ST pl pv ll lv"),
    Break(),
    # page 19
    Heading("Knife Crime – East Cambs Police Priority"),
    Smart(["Community concern around the increase in youth knife crime. Current priority for police. This will be "
           "tackled through youth education and proactive social media campaigns. Police Community Support "
           "Officers (PCSO) and officers will give talks to youth groups and in local schools within East "
           "Cambridgeshire."], "Priority 1", None, "Police", [("Police", POLICE, None)], order="st ST pl pv ll lv"),
    Heading("Youth"),
    Smart(["Development of vaping workshops pilots for local schools. Further development of parent's evenings "
           "information and safety county lines around drugs, child exploitation and online safety."],
          "Priority 1 and 2", None, "CCC, CSP", [("CCC", CCC, None), CSP], order="st ST pl pv ll lv"),
    Heading("Building caring communities"),
    Smart(["Explore potential to link community safety awareness raising into the building caring communities work "
           "(part of Care Together). For example, utilising the emerging networks to promote Eyes and Ears "
           "training (for example via community makers, parish and community forum and so forth)."],
          "Priority 1", None, "CCC/Integrated Neighbourhood",
          [("CCC", CCC, None), ("Integrated Neighbourhood", ECIN, None)], order="st ST pl pv ll lv"),
    Para("End of document."),
]

#: Every organisation the plan names, by official name (or as written where no official name is known).
ORGANISATIONS: list[str] = [
    ECDC, CCC, POLICE, PROBATION, OPCC, PREVENT_BOARD, SAFEGUARDING, DASV, "Domestic Abuse Housing Alliance",
    "Littleport Parish Council", "Sanctuary Housing", HIGH_HARMS, ECIN, PCN, "Change Grow Live",
    "Stamp Out Spiking", ECCSP,
]

NOTES: list[str] = [
    "Priorities: the two numbered CSP priorities ('Priority 1.', 'Priority 2.') are recorded with their "
    "statements as labels; every lowest-level section heading that has actions or SMART targets under it "
    "(statutory duties such as 'Prevent duty' and 'Domestic Homicide Reviews (DHR)', and the additional-activity "
    "headings) is also recorded as a priority area. The grouping headings 'Statutory duties' and 'Additional CSP "
    "activities' are not priorities.",
    "Activity priority = the section heading the action/SMART target sits under, theme = that heading's theme; "
    "the 'CSP Priority' value (Priority 1 / Priority 2 / Priority 1 and 2) is not stored on the activity. "
    "Objective is null throughout (the plan states none). 'Young people' and 'Youth' are separate headings.",
    "Statutory duties: the Lead/Timescale boxes beside the k-th action of a group belong to the k-th action "
    "(stream order of the boxes follows the actions top to bottom). So 'CSP Chair to decide whether ...' is the "
    "timescale of the first DHR action.",
    "Prevent: 'All staff inductions cover our safeguarding policy...' sits in the same box as 'Local authorities "
    "to incorporate the duty...' (the four boxes serve five paragraphs) and is joined into that activity's "
    "description.",
    "Information sharing protocol: the Lead box repeats a sentence ('Responsible authorities are under a "
    "statutory duty ...'); it is recorded as one lead with organisation 'All partners'. 'All responsible "
    "authorities' and 'All partners contributing' are also 'All partners'.",
    "Leads are split at commas and slashes. 'CSP', 'CSP leading' and 'CSP Comms' are the partnership itself: "
    "organisation East Cambridgeshire Community Safety Partnership (docs/ARCHITECTURE.md, 'Organisations "
    "named'). 'Comms', 'Delivery Group', 'The Delivery Group', the ASB task and finish group, 'Sister Safe "
    "team', 'parish councils', 'business partner leading' and 'Local housing associations' are sub-groups or "
    "unnamed bodies: organisation null, raw as written. The East Cambridgeshire CSP, named as a body, is "
    "listed in organisations.",
    "'ECDC Housing and Community Advice' -> East Cambridgeshire District Council; 'Research Group' (the 'CCC "
    "Research Group' of the SMART target) -> Cambridgeshire County Council; 'Police', 'police to lead' and "
    "'Police Rural Crime Action Team (RCAT)' -> Cambridgeshire Constabulary; 'Probation'/'probation' -> "
    "Probation Service; 'Cambridge County Council (CCC)' is the seed's slip for Cambridgeshire County Council.",
    "People (Lizzi Wales, Ashling Bannon, Zoe Hutchinson) are leads of their own with organisation null: the "
    "lists do not tie a person to one of the organisations named beside them.",
    "'Country Prevent Board' (typo kept in the PDF) -> the registry's Cambridgeshire County Prevent Board. "
    "'County Safeguarding Boards for Adults and Children' and 'Peterborough and Cambridge Safeguarding Board' -> "
    "Cambridgeshire and Peterborough Safeguarding Partnership Board; 'Domestic Abuse and Sexual Violence "
    "Partnership' -> Cambridgeshire and Peterborough Domestic Abuse and Sexual Violence Partnership; OPCC and the "
    "'Police and Crime Commissioner's (PCC) Youth Fund' -> Office of the Police and Crime Commissioner for "
    "Cambridgeshire. 'High Harms Board' -> Cambridgeshire and Peterborough High Harms Board (the force-level "
    "board); 'Healthy Schools' is a Cambridgeshire County Council service -> Cambridgeshire County Council; "
    "'East Cambs Integrated Neighbourhood' (ECIN, 'Integrated Neighbourhood') and 'Ely Primary Care Networks' "
    "(PCN) -> the registry's East Cambs Integrated Neighbourhood and Ely Primary Care Network; 'Littleport "
    "Parish Council' is named (a parish council written as a name). Generic bodies "
    "(parish councils, Local Safeguarding Children Boards, Youth Offending Teams, Channel Panels) and "
    "programmes/schemes (Channel, Shop Watch, Sister Safe, Care Together, Integrated Offender Management, "
    "Operation Signature) are not organisations.",
    "Due dates: a named month -> its last day ('September 23' -> 2023-09-30, 'Febuary 2024' -> 2024-02-29, "
    "'Ongoing March 2024' -> 2024-03-31, 'Yearly March 2024' -> 2024-03-31, 'June 2023 onwards' -> 2023-06-30, "
    "the month it starts, as docs/ARCHITECTURE.md says); recurring, relative or open "
    "timescales ('Quarterly', 'Monthly', 'Review every 6 months', '2 years', "
    "'Ongoing/quarterly', 'Yearly presented at the June board meeting', 'Set in OPCC grant agreement') -> null.",
    "'Analyse the issues ...' (Priority 2, 'September 23') and the first rural-crime target ('September 2023') "
    "have no Timescale label: the value sits beside the CSP Priority value and is taken as the timescale. "
    "Blocks without any timescale (drugs and alcohol, mental health, cybercrime, knife crime, youth, building "
    "caring communities) have timescale null.",
    "A SMART target block with several paragraphs (or a bullet list) is one activity; paragraphs and bullet "
    "items are joined with single spaces, bullet glyphs (and the seed's stray '·') dropped.",
    "The seed's stray 'Q' after 'As required' and the row of bullet glyphs under 'Young people' are reproduced "
    "as decoration; they are not data.",
    "KPIs: the measurable part of a SMART target ('at least N ...') is a KPI of that activity with target as "
    "written. No sums of money are stated, so funding is empty; no KPI stands on its own.",
]
