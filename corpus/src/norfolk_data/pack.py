"""The Norfolk agenda pack's text that is not in the ``*.txt`` files: front sheet, slides, survey, tables.

Carried over from seed 004 as the other files are; ``src/norfolk.py`` typesets it with
reportlab and ``src/renderings_data/norfolk_pack.py`` writes it in the document model, so
both print the same words. Text may hold ``**bold**``.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- front sheet

FRONT_TITLE = "Norfolk Countywide Community Safety Partnership Scrutiny Sub Panel"
MEETING = [("Date:", "Thursday 16 September 2021"), ("Time:", "10am"),
           ("Venue:", "Council Chamber, County Hall, Norwich")]
ADVICE_HEAD = "Advice for members of the public:"
ADVICE = [
    "This meeting will be held in public and in person.",
    "It will be live streamed on YouTube and, in view of Covid-19 guidelines, we would encourage members "
    "of the public to watch remotely by clicking on the following link:",
    "https://youtu.be/ fMPvIG3a1E",
    "However, if you wish to attend in person it would be most helpful if, on this occasion, you could "
    "indicate in advance that it is your intention to do so. This can be done by emailing "
    "committees@norfolk.gov.uk where we will ask you to provide your name, address and details of how we "
    "can contact you (in the event of a Covid-19 outbreak). Please note that public seating will be limited.",
    "Councillors and Officers attending the meeting will be taking a lateral flow test in advance. They will "
    "also be required to wear face masks when they are moving around the room but may remove them once "
    "seated. We would like to request that anyone attending the meeting does the same to help make the "
    "event safe for all those attending. Information about symptom-free testing is available here.",
]
MEMBERSHIP_HEAD = "Membership"
MEMBERSHIP_COLUMNS = ["MAIN MEMBER", "SUBSTITUTE MEMBER", "REPRESENTING"]
MEMBERSHIP = [
    ("Cllr Alison Webb", "Cllr Trevor Carter", "Breckland District Council"),
    ("Cllr Nigel Shaw", "Cllr David King", "Broadland District Council"),
    ("Cllr Penny Carpenter", "To be confirmed", "Great Yarmouth Borough Council"),
    ("Cllr Alexandra Kemp", "Cllr Anthony Bubb", "King's Lynn and West Norfolk Borough Council"),
    ("Cllr Mark Kiddle-Morris", "Cllr Julian Kirk", "Norfolk County Council"),
    ("Cllr Graham Carpenter", "Cllr Ian Mackie", "Norfolk County Council"),
    ("Cllr Emma Corlett", "To be confirmed", "Norfolk County Council"),
    ("Cllr Tim Adams", "Cllr Sarah Butikofer", "North Norfolk District Council"),
    ("Cllr Adam Giles", "Cllr Cate Oliver", "Norwich City Council"),
    ("Cllr James Easter", "Cllr Tony Holden", "South Norfolk District Council"),
]

ENQUIRIES = ["For further details and general enquiries about this Agenda please contact the Committee "
             "Administrator:",
             "**Tim Shaw on (01603) 222948 or email timothy.shaw@norfolk.gov.uk**"]
AGENDA_HEAD = "Agenda"
DECLARATIONS = [
    "If you have a **Disclosable Pecuniary Interest** in a matter to be considered at the meeting and that "
    "interest is on your Register of Interests you must not speak or vote on the matter.",
    "If you have a **Disclosable Pecuniary Interest** in a matter to be considered at the meeting and that "
    "interest is not on your Register of Interests you must declare that interest at the meeting and not "
    "speak or vote on the matter",
    "In either case you may remain in the room where the meeting is taking place. If you consider that it "
    "would be inappropriate in the circumstances to remain in the room, you may leave the room while the "
    "matter is dealt with.",
    "If you do not have a Disclosable Pecuniary Interest you may nevertheless have an **Other Interest** in "
    "a matter to be discussed if it affects, to a greater extent than others in your division",
]
#: The body of an agenda item: ("i", indented paragraph), ("b", bullet), ("bb", sub-bullet).
Body = list[tuple[str, str]]
#: The agenda: (number, title, page or None, body); None between items is a page break.
AGENDA: list[tuple[str, str, str | None, Body] | None] = [
    ("1.", "To receive apologies and details of any substitute members attending", None, []),
    ("2.", "Minutes", "Page 5", [("i", "To confirm the minutes of the meeting held on 20 July 2021.")]),
    ("3.", "Members to Declare any Interests", None,
     [("i", d) for d in DECLARATIONS]
     + [("b", t) for t in ["Your wellbeing or financial position, or", "that of your family or close friends",
                           "Any body -"]]
     + [("bb", t) for t in ["Exercising functions of a public nature.", "Directed to charitable purposes; or",
                            "One of whose principal purposes includes the influence of public opinion or policy "
                            "(including any political party or trade union);"]]
     + [("i", "Of which you are in a position of general control or management."),
        ("i", "If that is the case then you must declare such an interest but can speak and vote on the matter.")]),
    None,
    ("4.", "To receive any items of business which the Chair decides should be considered as a matter of urgency",
     None, []),
    ("5.", "Norfolk Countywide Community Safety Partnership Strategy 2021-24: the final Community Safety Plan",
     "(Page 24)", [("i", "To consider the final Plan and consultation report.")]),
    ("6.", "Norfolk Countywide Community Safety Partnership Strategy 2021-24: the draft Delivery Plan",
     "(Page 69)", [("i", "To consider the draft Delivery Plan.")]),
    ("7.", "Forward Work Programme", "(Page 86)", [("i", "To consider the proposed work programme.")]),
]
LARGE_PRINT_AGENDA = ("If you need this document in large print, audio, Braille, alternative format or in a "
                      "different language please contact Customer Services on 0344 800 8020 or Text Relay on "
                      "18001 0344 800 8020 (textphone) and we will do our best to help.")
LARGE_PRINT_REPORT = ("If you need this report in large print, audio, braille, alternative format or in a "
                      "different language please contact 0344 800 8020 or 0344 800 8011 (textphone) and we will "
                      "do our best to help.")

ADDRESS = ["Tom McCabe", "Head of Paid Service", "Norfolk County Council", "County Hall", "Martineau Lane",
           "Norwich", "NR1 2DH"]
PUBLISHED = "**Date Agenda Published: 8 September 2021**"

OFFICER_HEAD = "Officer Contact"
OFFICER_TEXT = "If you have any questions about matters contained in this paper, please get in touch with:"
OFFICER = [("Officer name:", "Jo Martin"), ("Tel No:", "01603 223814"), ("Email address:", "jo.martin@norfolk.gov.uk")]

# --------------------------------------------------------------------------- slides (appendix 1 to the minutes)

TITLE_SLIDE = ("Appendix 1", "NCCSP Strategic Plan", "Development and overview – Liam Bannon",
               "Appendix 1 to the minutes")
#: One slide: (title, items, what else it shows). Items are ("p", text), ("b", bullet), ("bb", sub-bullet).
#: The extra is None, ("chart", seed, height), or the name of one of the slides below.
SLIDES: list[tuple[str, list[tuple[str, str]], tuple | None]] = [
    ("Community Safety Partnerships", [
        ("p", "Required to:"), ("b", "Undertake an annual strategic assessment"),
        ("b", "Develop community safety priorities"), ("b", "Consult with the public on priorities"),
        ("b", "Develop a partnership plan"),
        ("b", "The responsible authorities, required to form a CSP by law are Local Authorities (County & "
              "District), Police, Probation, Fire, NHS Clinical Commissioning Groups.")], None),
    ("Plan development", [
        ("b", "NCCSP priorities agreed for 2021 to 2024 in January"), ("b", "Proposed strategic plan based on:"),
        ("bb", "NCCSP review of intended outcomes, priorities and delivery structure"),
        ("bb", "Strategic assessment"), ("bb", "Agreed NCCSP approach evidence led and locality focus"),
        ("bb", "Policy review, including:"), ("bb", "Domestic Abuse Act 2021"), ("bb", "Serious Violence Duty"),
        ("bb", "Amendments to the Prevent Duty"), ("bb", "Home Office policing priorities")], None),
    ("Plan development", [
        ("p", "Principles and draft plan were presented and agreed by:"), ("b", "NCCSP"),
        ("b", "Leaders Board"), ("b", "Chief Executive Group"), ("b", "District and County Councils"),
        ("b", "Public engagement events")], None),
    ("Strategic themes", [], ("chart", 2, 300)),
    ("The proposed NCCSP priorities", [
        ("b", "**Serious Violence**"), ("bb", "Domestic and sexual abuse"), ("bb", "County lines linked violence"),
        ("bb", "Develop public health approach to serious violence"),
        ("b", "**Preventing Terrorism**"), ("bb", "Extremism, radicalisation and safeguarding"),
        ("bb", "Community tensions and hate crime"),
        ("b", "**Criminal exploitation**"), ("bb", "Modern Slavery"), ("bb", "County Lines"),
        ("b", "**Neighbourhood crime**"), ("bb", "Acquisitive crime"), ("bb", "Anti-social behaviour"),
        ("b", "**Fraud**"), ("bb", "Cybercrime"), ("bb", "Courier fraud"), ("bb", "Romance scams")], None),
    ("NCCSP approach to community safety", [
        ("b", "Public Health Model"), ("b", "Locality focus"), ("b", "Effective and co-ordinated communication"),
        ("b", "Impact of the COVID-19 response"), ("b", "£500,000 Community Safety Fund")], None),
    ("NCCSP Long Term Outcomes", [
        ("p", "12 long term intended outcomes have been developed covering the following, across the plan's "
              "priorities:"),
        ("b", "Increasing community confidence"), ("b", "Supporting victims"),
        ("b", "Preventing crime and anti-social behaviour"), ("b", "Identifying victims")], None),
    ("NCCSP Strategic Plan 2021 to 2024 proposed delivery structure", [], ("structure",)),
    ("Locality delivery structure", [
        ("p", "Desire for locality structure. Community Safety Officers to:"),
        ("b", "Understand and respond to the unique community safety demands of localities."),
        ("b", "Work closely with locality delivery structures:"), ("bb", "Operational Partnership Teams,"),
        ("bb", "Anti-Social Behaviour Action Groups and"), ("bb", "Early Help Hubs"), ("bb", "Locality boards"),
        ("b", "Work with localities to drive response to priorities.")], None),
    ("Locality delivery structure", [], ("cso_boxes",)),
    ("NCCSP Strategic Plan Consultation", [
        ("b", "Ran from 24th May for 8 weeks to 16th July"),
        ("b", "Asked the public their views on proposed priorities, outcomes, and community safety in general"),
        ("b", "330 responses received"),
        ("b", "Promoted via social media, professional networks, at SNAP meetings, at a special NALC "
              "presentation, and directly through organisations supporting protected characteristic groups.")], None),
    ("Consultation results: what responders told us", [], ("results",)),
    ("Consultation results: who responded", [], ("disability",)),
    ("Consultation results: who responded", [], ("two_charts",)),
    ("Plan's next steps", [
        ("b", "Any amendments made as a result of the consultation."),
        ("b", "Sign off from all councils in Norfolk."), ("b", "Developing Delivery Plan.")], None),
]
STRUCTURE_LEGEND = ["Strategy or policy", "NCCSP delivery group", "Externally managed delivery"]
CSO_BOXES = [
    ["**Community Safety Officer 1**", "Localities: King's Lynn, Breckland, North Norfolk",
     "Priorities: Serious violence reduction, fraud, sexual violence"],
    ["**Community Safety Officer 2**", "Localities: Norwich, Broadland, South Norfolk and Great Yarmouth",
     "Priorities: Domestic abuse, prevent and community cohesion"],
    ["**Community Safety Comms Officer**", "Supporting CSP team through communications strategy"],
]
RESULTS_CHARTS = ["Number of responders agreeing with NCCSP proposed priorities",
                  "Proportion of responders who agree with the proposed outcomes"]
RESULTS_THEMES_HEAD = "Key themes on what would make responders feel safer include:"
RESULTS_THEMES = [
    "Increasing visible policing and restoring PCSOs",
    "Targeting low level offending and ASB to prevent escalation and improve satisfaction",
    "Increasing road safety and focussing on road enforcement", "Tackling drug use and dealing",
    "Providing CCTV and effective streetlighting", "Provision of youth activities as a preventative measure"]
DISABILITY_HEAD = "Responders with a disability"
#: The one slide chart whose numbers the seed keeps: (category, per cent), in the chart's order.
DISABILITY = [("I have a disability", 13.6), ("I do not have a disability", 77.0), ("Prefer not to say", 9.4)]
TWO_CHARTS = ("Which of the following options best describes your sexuality?", "Responders' religion")

# --------------------------------------------------------------------------- the printed survey

QUESTIONNAIRE_TITLE = "Norfolk County Community Safety Partnership (NCCSP) Strategic Plan Consultation"
AGREE_SCALE = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"]
PRIORITY_ITEMS = ["Serious violence", "Domestic and sexual abuse", "Preventing terrorism",
                  "Criminal exploitation, including modern slavery and county lines",
                  "Neighbourhood crimes like burglary, robbery, vehicle crime and other theft offences",
                  "Anti-social behaviour", "Hate crime and community tensions", "Fraud"]
OUTCOME_AREAS = [
    ("Building Resilient Cohesive Communities", [
        "People feel safe from crime and anti-social behaviour in Norfolk",
        "Reduce overall levels of hate crime, fraud and anti-social behaviour",
        "Victims feel confident reporting their experience and are able to cope and recover"]),
    ("Tackling and Reducing Neighbourhood Crime", [
        "Victims of neighbourhood crime are supported to cope and recover from their experience",
        "Reduce overall neighbourhood crimes levels", "Reduce reoffending"]),
    ("Reducing the Threat of Criminal Exploitation", [
        "People are prevented from being drawn into Criminal exploitation and terrorism",
        "Victims of exploitation are made to feel safe",
        "People most at risk of criminal exploitation in Norfolk are identified and supported as early as "
        "possible"]),
    ("Safeguarding Communities from Abuse and Serious Violence", [
        "Victims are more confident reporting their experience and are satisfied with the response",
        "Victims of abuse and violence are supported to cope and recover",
        "Reduce overall victimisation, risk, harm, perpetration and reoffending for:"]),
]
OUTCOME_FORMS = ["Rape and sexual offences", "Domestic abuse", "Serious violence"]
#: The survey in print order: ("h2"|"h3"|"p"|"fn", text), ("options", [...]), ("space", pt), ("page",),
#: ("priorities",) the agreement grid, ("outcomes",) the four areas with their numbered outcomes.
QUESTIONNAIRE: list[tuple] = [
    ("h2", QUESTIONNAIRE_TITLE), ("h3", "1."), ("h3", "What is the NCCSP?"),
    ("p", "The NCCSP brings together organisations from across Norfolk to tackle crime and disorder, and ensure "
          "the county remains a safe place for people to live, work and visit."),
    ("p", "The partnership is currently supported by the Office of the Police and Crime Commissioner for Norfolk "
          "(OPCCN) and chaired by its Chief Executive. The members of the NCCSP represent local councils, policing "
          "and fire services, probation, youth offending, health and housing. Its role is to work together to:"),
    *(("p", x) for x in ["Reduce reoffending", "Tackle crime and disorder", "Tackle anti-social behaviour (ASB)",
                         "Tackle alcohol and substance misuse, and",
                         "Tackle any other behaviour which has a negative effect on the local environment."]),
    ("p", "The NCCSP has worked together to create a new strategic plan, which contains new community safety "
          "priorities for Norfolk."),
    ("h3", "Introduction"),
    ("p", "Thank you for taking part in the NCCSP's consultation on its Strategic Plan. It should take around 10 "
          "minutes to complete and results will be published once the consultation closes and results have "
          "been analysed."),
    ("p", "If you would like to report a crime you can do so through Norfolk Constabulary's 'Report it' "
          "webpage² or by calling 101. In an emergency call 999."),
    ("p", "Responses will be processed by the OPCCN. Your responses will be anonymous. If any individually "
          "identifiable information is provided, the OPCCN will ensure that any publications relating to the "
          "survey maintain anonymity. You may withdraw your consent at any time, by closing the survey before "
          "completion. Any data provided before closing the survey will not be used in our analysis and will be "
          "confidentially destroyed accordingly. The OPCCN complies with data protection legislation, including "
          "GDPR, by applying its Data Protection Policy."),
    ("p", "Once complete, please return to library reception who will return survey to the OPCCN."),
    ("p", "**1. Which district do you live in? ***"),
    ("options", ["Breckland", "Broadland", "Great Yarmouth", "King's Lynn and West Norfolk", "North Norfolk",
                 "Norwich", "South Norfolk", "Prefer not to say", "Other (please specify):"]),
    ("space", 6),
    ("p", "**2. The NCCSP's strategic assessment of crime and community safety issues affecting Norfolk informed "
          "the seven proposed priorities for the next three years. The key reasons for our proposed priorities "
          "are set out on page 3 to 5 of the Strategic Plan³.**"),
    ("p", "Do you agree that the following should be priorities for the NCCSP? *"),
    ("fn", "² https://www.norfolk.police.uk/contact-us/6-report-it"),
    ("fn", "³ The plan is available through the following web address: "
           "https://www.norfolk-pcc.gov.uk/assets/documents/DraftSaferNorfolkPlan2021.pdf"),
    ("page",),
    ("priorities",),
    ("p", "Comments:"), ("space", 40),
    ("p", "**3. The Community Safety Partnership has proposed setting 12 long-term outcomes, which it will work to "
          "achieve over the course of the next three years. They are spread across four strategic areas, which "
          "are set out below:**"),
    ("outcomes",),
    ("p", "**Do you agree with the NCCSP's long-term outcomes? ***"),
    ("options", AGREE_SCALE),
    ("p", "Comments:"), ("space", 30),
    ("p", "**4. Do you have any further comments regarding the draft Strategic Plan?**"), ("space", 50),
    ("p", "**5. What would make you feel safer in your local area?**"), ("space", 50), ("page",),
    ("p", "**6. What is your gender? ***"),
    ("options", ["Male", "Female", "Prefer not to say", "Other (please specify):"]), ("space", 6),
    ("p", "**7. How old are you? ***"),
    ("options", ["Under 16", "16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+",
                 "Prefer not to say"]), ("space", 6),
    ("p", "**8. What is your ethnic group? ***"),
    ("options", ["Prefer not to say"]), ("space", 6), ("options", ["Prefer not to say"]),
]

# --------------------------------------------------------------------------- forward work programme

FWP_HEAD = "NCCSP Scrutiny Sub Panel Forward Work Programme"
FWP_COLUMNS = ["Date", "Report", "Issues for consideration", "Invited to attend"]
FWP_REPORT = "NCCSP Plan 2021-24 – performance monitoring"
FWP_FUTURE_HEAD = "**Items identified for consideration at future meetings:**"
FWP_FUTURE = ("It was agreed at the 27 November 2020 Sub Panel that the following matters should be "
              "addressed in future reports on the relevant Partnership priorities:")
FWP_ITEMS = [
    ("a)", "How the complex relationships between services covered by the Vulnerable Adolescent Group were "
           "being managed and what those services felt like for vulnerable young people in the community."),
    ("b)", "The contribution being made by housing teams to identifying and protecting vulnerable people at "
           "risk of exploitation.")]

FWP = [
    ("16 December 2021", ["Consider a performance update and an in-depth review of one or two Partnership "
                          "priorities (to be agreed)."]),
    ("24 February 2022", ["Consider a performance update and an in-depth review of one or two Partnership "
                          "priorities."]),
    ("May/June 2022 (to be confirmed)", ["Appointment of Chair & Vice-Chair;", "Confirm Terms of Reference;",
                                         "Consider a performance update and an in-depth review of one or two "
                                         "Partnership priorities (to be agreed)."]),
    ("September 2022 (to be confirmed)", ["Consider a performance update and an in-depth review of one or two "
                                          "Partnership priorities (to be agreed)."]),
]

# --------------------------------------------------------------------------- plan appendices

OUTCOMES: list[tuple[str, list[str], list[str]]] = [
    ("Long-term outcome 1: People feel safe from crime and anti-social behaviour in Norfolk", [], [
        "Anti-social behaviour reported to police and councils",
        "Qualitative feedback from Norfolk residents on feelings of safety and fear of crime",
        "Satisfaction with the service provided by responsible authorities"]),
    ("Long-term outcome 2: Reduce overall levels of hate crime, fraud and anti-social behaviour", [], [
        "Hate crime reported to the police", "Fraud reported to Norfolk Constabulary and Action Fraud",
        "Anti-social behaviour reported to police and councils"]),
    ("Long-term outcome 3: Victims feel confident reporting their experience and are able to cope and recover", [], [
        "Satisfaction with the response to crime and anti-social behaviour from responsible authorities",
        "Public confidence in reporting crime and anti-social behaviour to the responsible authorities",
        "Victims who access support service feel they have been supported to cope and recover"]),
    ("Long-term outcome 4: Reduce overall neighbourhood crimes levels", [], [
        "Number of reported burglaries in Norfolk", "Number of reported robberies in Norfolk",
        "Number of reported vehicle crimes in Norfolk", "Number of reported violent offences in Norfolk",
        "Reduce levels fly tipping"]),
    ("Long-term outcome 5: Reduce reoffending", [], [
        "Number of reoffences", "Number of reoffenders",
        "Seriousness of reoffending, measured using Cambridge Crime Harm Index"]),
    ("Long-term outcome 6: People are prevented from being drawn into criminal exploitation and terrorism", [], [
        "Children and young people arrested for drug offences", "Number of referrals to channel panel process",
        "Deliver against the 'Prevent Duty Toolkit for Local Authorities and Partner Agencies'"]),
    ("Long-term outcome 7: Victims of exploitation are made to feel safe", [], [
        "National Referral Mechanisms referrals for children and young people",
        "National Referral Mechanisms referrals for adults"]),
    ("Long-term outcome 8: People most at risk of criminal exploitation in Norfolk are identified and supported "
     "as early as possible", [], [
        "Trend in the Children and young people screened through the Multi-Agency Criminal Exploitation (MACE) "
        "process",
        "Trend in adults screened through the Vulnerable Adult Risk Assessment Conference (VARAC) process "
        "(Norwich only)",
        "Number of Modern Slavery offences recorded",
        "Number of children and young people diverted from the criminal justice system"]),
    ("Long term outcome 9: Reduce overall victimisation, risk, harm, perpetration and reoffending for:",
     ["Rape and sexual offences", "Domestic abuse", "Serious violence"], [
        "Number of reported rapes, serious sexual offences and other sexual offences in Norfolk",
        "Number of historic rapes, serious sexual offences and sexual offences reported",
        "Number of victims referred to sexual violence services by the police",
        "Number of sexual offences referred to Crown Prosecution Service",
        "Number of sexual offence reports resulting in a conviction",
        "Number of child sexual offences reported", "Number of domestic abuse crimes reported",
        "Number of repeat domestic abuse victims and offenders",
        "Number of hospital admissions for serious violence", "Number of knife crimes recorded",
        "Number of homicides"]),
]

POLICY = [
    ("Norfolk Safeguarding Children Board", ["Priority areas:", "Neglect", "Child Exploitation"]),
    ("Norfolk Safeguard Adults Board", ["Preventing abuse and neglect"]),
    ("Norfolk Criminal Justice Board", [
        "Provide support to Victims and Witnesses throughout the CJS",
        "Prevent crime and reduce the likelihood of reoffending by managing offenders effectively and diverting "
        "people away from offending behaviour"]),
    ("Norfolk Reducing Reoffending Board", [
        "Prevention – Intervening early to help to prevent the onset of offending behaviour",
        "Diversion – Diverting people involved in minor offences away from unnecessary contact with the criminal "
        "justice system",
        "Offender Management – Ensuring effective delivery of custodial and community sentences to ensure that "
        "those convicted of offences are held to account for their actions, whilst being given the appropriate "
        "support and encouragement to move on and to avoid reoffending in the future",
        "Rehabilitation and Resettlement – Delivering practical support services to help those who are motivated "
        "to change to reintegrate successfully into the community and to achieve stable lifestyles away from "
        "crime"]),
    ("Norfolk Health and Wellbeing Board", [
        "Prioritising prevention", "Tackling inequalities", "Integrating our way of working",
        "All working towards a Single Sustainable Health and Wellbeing System"]),
]
