"""Seed 003: St Edmundsbury Borough Council ("West Suffolk"), Overview and Scrutiny Committee,
19 April 2017, OAS/SE/17/013 (first part only, as the seed holds it).

Text as in /work/shared/seeds/003_5de14ab0c0a8ab76.txt. Where the seed's
extraction lost or garbled a few words the reconstruction is the smallest that
reads, and never adds a sum of money; see the notes in the gold file.
"""

from __future__ import annotations

COMMITTEE = "Overview and Scrutiny Committee"
TITLE = "Monitoring Community Safety Activities Including Western Suffolk Community Safety Partnership"
REPORT_NUMBER = "OAS/SE/17/013"
MEETING = "19 April 2017"

#: (label, value, second value or None); values may hold \n and the inline marks.
COVER: list[tuple[str, str, str | None]] = [
    ("Title of Report:", TITLE, None),
    ("Report No:", REPORT_NUMBER, None),
    ("Report to and date:", COMMITTEE, MEETING),
    ("Portfolio holder:", "Cllr Robert Everitt\nPortfolio Holder for Families and Communities\nTel: 01284 769000\nEmail : __Robert.everitt@stedsbc.gov.uk__", None),
    ("Lead officer:", "Davina Howes\nAssistant Director - Families and Communities\nTel: 01284 757070\nEmail: __Davina.howes@westsuffolk.gov.uk__", None),
    ("Purpose of report:", "To update the Committee on community safety activity in West Suffolk including the Western Suffolk Community Safety Partnership (WSCSP) from April 2016 to March 2017.", None),
    ("Recommendation:", "**Overview and Scrutiny Committee:**\nIt is __RECOMMENDED__ that members consider and discuss the information outlined in this report.", None),
    ("Key Decision:\n\n(Check the appropriate box and delete all those that __do not__ apply.)", "Is this a Key Decision and, if so, under which definition?\nYes, it is a Key Decision - {box:□}\nNo, it is not a Key Decision - {box:⊠}", None),
    # the seed shows only the left edge of each line of this cell (the rest was cut off)
    ("Consultation:", "information fro\ncommunity sat\nsensitivity som\nrestricted.", None),
    ("Alternative option(s):", "• Not required.", None),
]

#: Implications rows: (question, yes?, details lines); {box:..} marks a box glyph.
IMPLICATIONS: list[tuple[str, str, list[str]]] = [
    ("Are there any financial implications? If yes, please give details",
     "Yes {box:☒} No {box:☐}",
     ["• Funding for Domestic Homicide Reviews (DHRs) - A decision was agreed through the Strong and Safe Communities Group that DHRs will be funded equally by the statutory partners of the CSP in the area where the review is being conducted.",
      "• Funding for ECINs (case conferencing management system) - A decision was agreed through the SSCG that Suffolk local authorities will contribute £2,000 each year; 2016 -17 and 2017 -18 to enable ECINs to continue to be used. This has been included in existing budgets. After this date, the Police Athena IT platform was planned to be operational however this timeline has slipped and it is likely that the use of ECINs will be extended to cover the time delay, resulting in further financial support from each authority which will be found from existing budgets."]),
    ("Are there any staffing implications? If yes, please give details",
     "Yes {box:☐} No {box:☒}", ["•"]),
    ("Are there any ICT implications? If yes, please give details",
     "Yes {box:☐} No {box:☒}", ["•"]),
    ("Are there any legal and/or policy implications? If yes, please give details",
     "Yes {box:☒} No {box:☐}",
     ["Community Safety Partnerships are statutory bodies and are required to carry out a number of statutory duties.",
      "Section 17 of Crime and Disorder Act requires local authorities to consider crime and disorder in all their functions."]),
    ("Are there any equality implications? If yes, please give details",
     "Yes {box:□} No {box:⊠}", ["•"]),
]

RISK_INTRO = ("Risk/opportunity assessment:",
              "(potential hazards or opportunities affecting corporate, service or project objectives)")
RISK_HEADER = ["Risk area", "Inherent level of risk (before controls)", "Controls", "Residual risk (after controls)"]
RISK_SCALE = ["", "Low/Medium / High*", "", "Low/Medium/ High*"]
RISKS: list[list[str]] = [
    ["Strength of partnership working is lost due to changes and reorganisation of key statutory partners",
     "High", "Review role of partnership working and ensure all key partners have a key responsibility", "Medium"],
    ["Return to silo working within partners and withdraw from engagement", "Medium",
     "Members and leadership team to encourage and embed partnership working in all areas of business for the council(s)",
     "Low"],
]
TAIL: list[tuple[str, str]] = [
    ("Ward(s) affected:", "All wards across West Suffolk"),
    ("Background papers:\n(all background papers are to be published on the website and a link included)",
     "The Police and Crime Commissioner Plan (2013 -2017): __www.suffolk-pcc.gov.uk__"),
    ("Documents attached:", "Appendix A – Western Suffolk Community Safety Partnership Project Plan 2016/17"),
]

BLOCKS: list[tuple] = [
    ("h", "1.", "Key issues and reasons for recommendation(s)"),
    ("h", "1.1", "Western Suffolk Community Safety Partnership"),
    ("p", "1.1.1", "Over the past year, the Western Suffolk Community Safety Partnership (WSCSP) continued to meet and to discharge its statutory duties by:"),
    ("li", "(i)", "carrying out an annual assessment of crime", 1),
    ("li", "(ii)", "producing an annual plan", 1),
    ("li", "(iii)", "undertaking Domestic Homicide Reviews, (DHRs) as required.", 1),
    ("p", "1.1.2", "In May 2016, the WSCSP completed and published its partnership plan and project plan for identified community priorities for 2016/17. The project plan is attached as **Appendix A**."),
    ("p", "1.1.3", "The WSCSP has completed a Domestic Homicide Review (DHR) for the Babergh area. The report, compiled by an independent chair commissioned by the Partnership, was published in October 2016, following approval by the Home Office. An action plan relating to the recommendations in the report is being monitored by the WSCSP and will continue until all actions are completed to the satisfaction of the partnership. The total cost of the review was just under £7,000 which was shared equally among the statutory partners of the WSCSP. The contribution from St Edmundsbury was £875."),
    ("h", "1.2", "Strong and Safe Communities Group (SSCG)"),
    ("p", "1.2.1", "Membership of the SSCG includes: District and Borough Councils, Clinical Commissioning Group, Public Health, Police, Youth Offending Service, Adult Safeguarding, Children's safeguarding, Police and Crime Commissioner and chairs of Community Safety Partnerships."),
    ("p", "1.2.2", "Following a recommendation from the Health and Wellbeing Board (HWB) in February 2015, it was recognised that was a need to have countywide strategic coordination of community safety issues. As a result, the SSCG was formed from a number of partners across Suffolk. The Group's purpose is to:"),
    ("li", "(i)", "provide a strategic steer and coordination in the key areas for community safety across the county;", 1),
    ("li", "(ii)", "reduce duplication; and", 1),
    ("li", "(iii)", "ensure that partners share one set of data and intelligence.", 1),
    ("p", "1.2.3", "Chaired by Ian Gallin, the multi-agency group identified four key workstreams on which to focus as they are considered to present the greatest threat, risk and harm to our communities. These four workstreams being:"),
    ("li", "(i)", "Domestic abuse;", 1),
    ("li", "(ii)", "Sexual exploitation;", 1),
    ("li", "(iii)", "Cyber crime; and", 1),
    ("li", "(iv)", "Youth violence and gangs.", 1),
    ("p", "1.2.4", "Work has been progressing in all four workstreams; commencing with a deep dive exercise to establish the current position for each area of work."),
    ("li", "(i)", "Domestic Abuse an action plan was produced based on the deep dive exercise. Four areas of work were identified;", 1),
    ("li", "(a)", "commissioning,", 2),
    ("li", "(b)", "training,", 2),
    ("li", "(c)", "awareness raising and", 2),
    ("li", "(d)", "a single front door to access services for victims and professionals.", 2),
    ("t", "Work is progressing in each of these areas.", 1),
    ("li", "(ii)", "Sexual exploitation the deep dive identifies that work is fully embedded for safeguarding children however, gaps were identified for adults. This will be were the focus of future work will be taken forward led by the adult safeguarding board.", 1),
    ("li", "(iii)", "Cyber crime the deep dive identified work is fully embedded and led by the Police cyber crime unit and the safeguarding boards.", 1),
    ("li", "(iv)", "Youth violence and Gangs the University of Suffolk has been commissioned to produce a threat assessment for youth violence and gangs in Ipswich, followed by West and East, with final assessments being completed by September 2017.", 1),
    ("h", "1.3", "Anti Social Behaviour (ASB)"),
    ("p", "1.3.1", "The multi-agency ASB group continues to meet fortnightly in the St Edmundsbury area."),
    ("p", "1.3.2.", "The group considers only high risk (as identified by a risk assessment matrix), repeat and/or vulnerable victims and each case is managed through the shared case management system. All West Suffolk council services refer cases to this meeting where use of ASB legislation is considered. As a result of continuing ASB issues, a community protection notice warning letter has been recently issued by St Edmundsbury Borough Council and will progress to a full notice if the warning is breached. Breach is a criminal offence and can incur a fixed penalty notice or a fine. The group is also preparing to discuss Suffolk Family Focus cases where ASB is the most dominant feature of the referral."),
    ("p", "1.3.3", "ASB which is not assessed as high risk can be referred by members of the community, Police or councillors. This information is passed to the relevant Families and Communities Officer who works with the community and partners to resolve issues in the first instance or move to refer to the ASB group to consider the use of enforcement legislation."),
    ("h", "1.4", "Public Space protection Orders"),
    ("p", "1.4.1.", "Earlier this year, the Committee discussed the introduction of Public Space Protection orders (PSPOs), which replace designated Public Space Protection orders (DPPOs), paper __OAS/SE/17/002__ refers. It was recommended that there should be no changes to the order in Haverhill. In Bury St Edmunds it was agreed to consult on the proposal to extend the order to include begging in the town centre. The consultation period closed on 17 March 2017. A final decision on this matter will be sought at Cabinet on 31 May 2017."),
]
