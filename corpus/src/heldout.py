"""Held-out corpus: two CSP papers in layouts no extractor rule was written or tuned on.

``corpus/heldout/`` measures how extraction does on papers it was not developed
on, so nothing in ``extractors/`` or ``pipeline/match.py`` may be changed to suit
these two documents (``benchmarks/heldout.py`` reports, it never asserts):

- Sunderland (metropolitan borough, Northumbria): a CSP annual report to a
  scrutiny committee. Upper-case title block, a boxed cover form, numbered
  paragraphs, priorities as numbered sub-headings, a performance indicator
  table Baseline / Target / Outturn / Direction of travel, a grants table
  with a total row (A4 portrait, Bitstream Vera 10 pt).
- Harborough (two-tier district, Leicestershire): a partnership plan action
  tracker exported from a spreadsheet, Theme / Key action / Partner lead /
  Start / End / RAG / Commentary, theme repeated on every row, leads written
  as roles ("Police (Insp. Khan)", "DC Community Safety Team"), dates as
  "Q3 24/25", "Dec-24", "By end of year" (A4 landscape, Helvetica 9 pt, header repeated).

The gold is the authored content itself; only page numbers are looked up in
the rendered PDFs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from render import (
    A4,
    Spacer,
    build_pdf,
    colors,
    esc,
    landscape,
    mm,
    page_finder,
    register_fonts,
    ruled_table,
    styles,
    write_gold,
)
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

OUT_SUBDIR = "heldout"

VERA, VERA_BOLD = "HO-Vera", "HO-VeraBd"
register_fonts({VERA: "Vera.ttf", VERA_BOLD: "VeraBd.ttf"})

Style = dict[str, ParagraphStyle]
#: a part of a lead cell: (raw text, official organisation name or None, person or None)
Lead = tuple[str, str | None, str | None]


def _p(text: str, st: Style, style: str = "body") -> Paragraph:
    return Paragraph(esc(text), st[style])


def _c(text: str | None, st: Style, bold: bool = False, align: int | None = None) -> Paragraph | str:
    if not text:
        return ""
    style = st["cellbold" if bold else "cell"]
    if align is not None:
        style = ParagraphStyle(f"{style.name}_{align}", parent=style, alignment=align)
    return Paragraph(esc(text).replace("\n", "<br/>"), style)


def _pages(pdf: Path) -> int:
    with pdfplumber.open(str(pdf)) as doc:
        return len(doc.pages)


def _finish(out_dir: Path, pdf: Path, gold: dict[str, Any]) -> list[Path]:
    gold_path = out_dir / pdf.name.replace(".pdf", ".gold.json")
    write_gold(gold_path, gold)
    return [pdf, gold_path]


# -- Sunderland: CSP annual report to scrutiny ------------------------------------------------

SUN_PDF = "sunderland-csp-annual-report-2024-07-11.pdf"
SUN_TITLE = "Sunderland Community Safety Partnership Annual Report 2023/24"

SUN_COVER = [
    ("Meeting", "Scrutiny Coordinating Committee"),
    ("Date", "11 July 2024"),
    ("Agenda item", "6"),
    ("Subject", SUN_TITLE),
    ("Report of", "Executive Director of Neighbourhoods"),
    ("Contact officer", "Stuart Douglass, Community Safety Lead (tel. 0191 561 0000)"),
    ("Key decision", "No"),
    ("Exempt information", "None"),
]

#: (heading number, label, theme, paragraphs)
SUN_PRIORITIES: list[tuple[str, str, str, list[str]]] = [
    ("4.2", "Reducing anti-social behaviour", "asb", [
        "The Council's Anti-social Behaviour Team and Northumbria Police neighbourhood teams ran "
        "joint problem-solving in the eight wards with the highest demand, including Hendon, Millfield "
        "and Southwick. Partners used the full range of tools under the Anti-social Behaviour, Crime "
        "and Policing Act 2014, from warning letters to closure orders.",
        "Tyne and Wear Fire and Rescue Service led a campaign against deliberate secondary fires, "
        "visiting schools in the areas with most incidents during the autumn half term.",
    ]),
    ("4.3", "Tackling domestic abuse and violence against women and girls", "domestic_abuse", [
        "The Partnership completed its second needs assessment of safe accommodation and extended "
        "refuge provision for women with complex needs. Victim Support and the Council's commissioned "
        "outreach service supported victims assessed as standard and medium risk.",
        "One Domestic Homicide Review was concluded and submitted to the Home Office in February 2024; "
        "its action plan is monitored by the Partnership Board.",
    ]),
    ("4.4", "Reducing serious violence and exploitation", "serious_violence", [
        "The Partnership published its Serious Violence Strategy in January 2024, as the Serious "
        "Violence Duty requires, after a joint strategic needs assessment agreed with the Office of "
        "the Police and Crime Commissioner for Northumbria.",
        "Youth workers and the Sunderland Youth Justice Service worked in the city centre on Friday and "
        "Saturday evenings with young people at risk of carrying knives or being drawn into county lines.",
    ]),
    ("4.5", "Reducing drug and alcohol related harm", "drugs_alcohol", [
        "Change Grow Live, the city's adult treatment provider, opened a second recovery hub in "
        "Washington in October 2023. The Probation Service and the treatment provider agreed a joint "
        "pathway so that people leaving prison on licence start treatment within three weeks.",
    ]),
]

#: (indicator, baseline, target, outturn, direction, gold value)
SUN_PIS: list[tuple[str, str, str, str, str, float]] = [
    ("Anti-social behaviour incidents recorded by Northumbria Police", "12,904", "Reduce by 5%",
     "11,482", "Improving", 11482),
    ("Repeat victims of anti-social behaviour (%)", "18.2%", "Below 17%", "16.4%", "Improving", 16.4),
    ("Deliberate secondary fires", "1,410", "Reduce by 10%", "1,302", "Improving", 1302),
    ("Domestic abuse incidents reported to the police", "8,215", "Monitor only", "8,540",
     "Declining", 8540),
    ("Repeat referrals to MARAC (%)", "31%", "28% to 40%", "33%", "Stable", 33),
    ("Knife crime offences", "198", "Below 190", "211", "Declining", 211),
    ("Hospital admissions for assault with a sharp object", "27", "Reduce", "22", "Improving", 22),
    ("First-time entrants to the youth justice system", "96", "Below 90", "84", "Improving", 84),
    ("Adults successfully completing drug treatment (%)", "4.6%", "5.5%", "5.1%", "Improving", 5.1),
]

#: (grant, awarded by as written, funder official name, amount as written, amount, used for)
SUN_GRANTS: list[tuple[str, str, str, str, float, str]] = [
    ("Serious Violence Duty grant", "Northumbria PCC",
     "Office of the Police and Crime Commissioner for Northumbria", "£96,450", 96450,
     "Serious violence analyst and youth outreach in the city centre"),
    ("Safer Streets Fund Round 5", "Home Office", "Home Office", "£418,000", 418000,
     "CCTV, street lighting and target hardening in Hendon and Millfield"),
    ("Domestic Abuse Act safe accommodation duty", "Department for Levelling Up, Housing and Communities",
     "Department for Levelling Up Housing and Communities", "£1,014,320", 1014320,
     "Refuge places and support in safe accommodation"),
    ("Community safety small grants", "Sunderland City Council", "Sunderland City Council", "£25,000",
     25000, "Twelve grants to community groups for diversionary activities"),
]

SUN_ORGS = [
    "Sunderland City Council", "Northumbria Police", "Tyne and Wear Fire and Rescue Service",
    "Probation Service", "NHS North East and North Cumbria Integrated Care Board",
    "Office of the Police and Crime Commissioner for Northumbria", "Home Office",
    "Department for Levelling Up Housing and Communities", "Victim Support", "Change Grow Live",
    "Sunderland Community Safety Partnership",
]

SUN_NOTES = [
    "Document type: scrutiny_report (an annual report to a scrutiny committee). Title = the Subject "
    "of the cover form; committee and date from the cover form.",
    "Priorities: the four numbered sub-headings 4.2-4.5, label without its number. 'Tackling domestic "
    "abuse and violence against women and girls' takes the theme of its first-named subject "
    "(domestic_abuse); 'serious violence and exploitation' likewise serious_violence.",
    "Activities: none. The narrative reports what partners did in the past year in prose; it sets no "
    "actions with leads or dates.",
    "KPIs: the nine rows of Table 1, top level, target = Target 2023/24 as written, value = Outturn "
    "2023/24 (percentages as their number). Baselines and direction of travel are not recorded. The "
    "narrative states no counts of outputs.",
    "Funding: the four rows of Table 2 (description = Used for, period 2023/24, funder by official name "
    "from Awarded by; 'Northumbria PCC' -> the Northumbria OPCC). The Total row is arithmetic over the "
    "rows and not counted. Recipients are not stated: null.",
    "Organisations: bodies named by official name. 'The Council's Anti-social Behaviour Team' and "
    "'Sunderland Youth Justice Service' are Sunderland City Council. The Partnership is named as "
    "'Sunderland Community Safety Partnership (the Safer Sunderland Partnership)'. The Partnership "
    "Board, the Serious Violence Strategy, the Safer Sunderland Strategy and Acts are not organisations.",
]


#: the title block, centred over the cover form
SUN_MASTHEAD = ["SUNDERLAND CITY COUNCIL", "SCRUTINY COORDINATING COMMITTEE", "11 JULY 2024"]
SUN_REPORT_OF = "REPORT OF THE EXECUTIVE DIRECTOR OF NEIGHBOURHOODS"

#: numbered sections before the priorities: (heading, paragraphs)
SUN_SECTIONS: list[tuple[str, list[str]]] = [
    ("1. PURPOSE OF THE REPORT", [
        "1.1 To present the annual report of the Sunderland Community Safety Partnership (the "
        "Safer Sunderland Partnership) for 2023/24 and to invite the Committee's comments "
        "before the Partnership refreshes its delivery plan for 2024/25."]),
    ("2. RECOMMENDATION", [
        "2.1 The Committee is recommended to note the Partnership's performance in 2023/24 and "
        "to comment on the priorities set out in section 4."]),
    ("3. BACKGROUND", [
        "3.1 Under the Crime and Disorder Act 1998 the responsible authorities - Sunderland City "
        "Council, Northumbria Police, Tyne and Wear Fire and Rescue Service, the Probation Service "
        "and NHS North East and North Cumbria Integrated Care Board - must work together to reduce "
        "crime and disorder, substance misuse and reoffending in the city.",
        "3.2 The Safer Sunderland Strategy 2023-2028 was agreed by the Partnership Board in "
        "March 2023 from the annual strategic assessment. This is the first annual report "
        "against it."]),
    ("4. PROGRESS AGAINST THE PRIORITIES", [
        "4.1 The Strategy sets four priorities. Progress on each is summarised below; the "
        "performance indicators are at Table 1."]),
]
SUN_PERFORMANCE = ("5. PERFORMANCE", [
    "5.1 Table 1 compares the outturn for 2023/24 with the baseline year and the target. "
    "Six of the nine indicators improved."])
SUN_TABLE1 = "Table 1: Performance indicators 2023/24"
SUN_PI_HEAD = ["Indicator", "Baseline 2022/23", "Target 2023/24", "Outturn 2023/24", "Direction of travel"]
SUN_AFTER_TABLE1 = (
    "5.2 Knife crime rose against the baseline and remains a focus of the serious violence "
    "work in section 4.4. Domestic abuse incidents are monitored without a target, because "
    "the Partnership wants more victims to report.")
SUN_RESOURCES = ("6. RESOURCES", [
    "6.1 Table 2 lists the grants the Partnership used in 2023/24, in addition to the "
    "partners' core budgets."])
SUN_TABLE2 = "Table 2: Grants 2023/24"
SUN_GRANT_HEAD = ["Grant", "Awarded by", "Amount", "Used for"]
SUN_BACKGROUND = ("7. BACKGROUND PAPERS", ["7.1 Safer Sunderland Strategy 2023-2028; Strategic Assessment 2023."])


def sun_total() -> str:
    """The Total row of the grants table, as printed."""
    return f"£{sum(g[4] for g in SUN_GRANTS):,.0f}"


def build_sunderland(out_dir: Path) -> list[Path]:
    st = styles(VERA, VERA_BOLD, 10)
    centre = ParagraphStyle("sun_centre", parent=st["h3"], alignment=TA_CENTER, spaceBefore=0,
                            spaceAfter=3)
    right = ParagraphStyle("sun_right", parent=st["cell"], alignment=TA_RIGHT)
    story: list[Flowable] = [
        *(Paragraph(t, centre) for t in SUN_MASTHEAD),
        Spacer(1, 3 * mm),
        Paragraph(esc(SUN_TITLE.upper()), centre),
        Paragraph(SUN_REPORT_OF, centre),
        Spacer(1, 5 * mm),
    ]
    cover = [[_c(k, st, bold=True), _c(v, st)] for k, v in SUN_COVER]
    story.append(ruled_table(cover, [45 * mm, 125 * mm], header_rows=0, header_fill=None,
                             extra_style=[("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EDEDED"))]))
    story.append(Spacer(1, 5 * mm))
    for head, paras in SUN_SECTIONS:
        story += [_p(head, st, "h3"), *(_p(t, st) for t in paras)]
    for number, label, _theme, paras in SUN_PRIORITIES:
        story.append(Paragraph(f"<b>{number} {esc(label)}</b>", st["body"]))
        story += [_p(t, st) for t in paras]
    story += [_p(SUN_PERFORMANCE[0], st, "h3"), *(_p(t, st) for t in SUN_PERFORMANCE[1]),
              _p(SUN_TABLE1, st, "h3")]
    rows: list[list[Any]] = [[_c(h, st, bold=True) for h in SUN_PI_HEAD]]
    for ind, base, target, outturn, direction, _v in SUN_PIS:
        rows.append([_c(ind, st), _c(base, st, align=TA_RIGHT), _c(target, st),
                     Paragraph(esc(outturn), right), _c(direction, st)])
    story.append(ruled_table(rows, [64 * mm, 24 * mm, 28 * mm, 24 * mm, 30 * mm],
                             header_fill=colors.HexColor("#BFBFBF"), split_in_row=False))
    story += [Spacer(1, 3 * mm), _p(SUN_AFTER_TABLE1, st),
              _p(SUN_RESOURCES[0], st, "h3"), *(_p(t, st) for t in SUN_RESOURCES[1]),
              _p(SUN_TABLE2, st, "h3")]
    grows: list[list[Any]] = [[_c(h, st, bold=True) for h in SUN_GRANT_HEAD]]
    for grant, by, _f, written, _a, used in SUN_GRANTS:
        grows.append([_c(grant, st), _c(by, st), Paragraph(esc(written), right), _c(used, st)])
    grows.append([_c("Total", st, bold=True), "", Paragraph(f"<b>{sun_total()}</b>", right), ""])
    story.append(ruled_table(grows, [45 * mm, 45 * mm, 24 * mm, 56 * mm],
                             header_fill=colors.HexColor("#BFBFBF"), split_in_row=False))
    story += [Spacer(1, 3 * mm), _p(SUN_BACKGROUND[0], st, "h3"), *(_p(t, st) for t in SUN_BACKGROUND[1])]
    pdf = out_dir / SUN_PDF
    build_pdf(pdf, story, pagesize=A4, footer="Scrutiny Coordinating Committee 11 July 2024 - {page}",
              title=SUN_TITLE, author="Sunderland City Council", font=VERA)

    find = page_finder(pdf)
    gold = {
        "pdf": SUN_PDF,
        "seed": None,
        "document": {"title": SUN_TITLE, "doc_type": "scrutiny_report", "partnership_id": "sunderland-csp",
                     "authority": "Sunderland City Council", "committee": "Scrutiny Coordinating Committee",
                     "meeting_date": "2024-07-11", "pages": _pages(pdf)},
        "priorities": [{"label": label, "theme": theme, "page": find(f"{n} {label}")}
                       for n, label, theme, _ in SUN_PRIORITIES],
        "activities": [],
        "kpis": [{"description": ind, "target": target, "value": value, "page": find(ind[:30])}
                 for ind, _b, target, _o, _d, value in SUN_PIS],
        "funding": [{"amount_gbp": float(amount), "date": None, "period": "2023/24", "description": used,
                     "page": find(written), "funder": funder, "recipient": None}
                    for _g, _by, funder, written, amount, used in SUN_GRANTS],
        "organisations": SUN_ORGS,
        "notes": SUN_NOTES,
    }
    return _finish(out_dir, pdf, gold)


# -- Harborough: partnership plan action tracker ------------------------------------------------

HAR_PDF = "harborough-csp-action-tracker-2024-25.pdf"
HAR_TITLE = "Harborough Community Safety Partnership - Partnership Plan Action Tracker 2024/25"

HDC, LCC, POL = "Harborough District Council", "Leicestershire County Council", "Leicestershire Police"
LFRS = "Leicestershire Fire and Rescue Service"


@dataclass
class Row:
    """One tracker row and what the gold says about it."""

    theme: str
    action: str
    lead: str
    leads: list[Lead]
    start: str
    end: str
    due: str | None
    rag: str
    commentary: str
    funded: bool = False
    kpis: list[tuple[str, str | None]] = field(default_factory=list)


#: (label as written in the Theme column, theme)
HAR_THEMES = {
    "Anti-social behaviour": "asb",
    "Domestic abuse": "domestic_abuse",
    "Rural and acquisitive crime": "neighbourhood_crime",
    "Exploitation and county lines": "criminal_exploitation",
    "Road safety": "road_safety",
}

HAR_ROWS: list[Row] = [
    Row("Anti-social behaviour",
        "Hold monthly Joint Action Group meetings to agree problem-solving plans for ASB hotspots",
        "Police (Insp. Khan) / DC Community Safety Team",
        [("Police (Insp. Khan)", POL, "Insp. Khan"), ("DC Community Safety Team", HDC, None)],
        "Apr-24", "Ongoing", None, "G",
        "JAG met every month. 14 hotspot plans opened this year, 9 closed."),
    Row("Anti-social behaviour",
        "Use Community Protection Warnings and Notices against persistent ASB in Market Harborough "
        "town centre",
        "DC Environmental Services",
        [("DC Environmental Services", HDC, None)],
        "Jun-24", "Mar-25", "2025-03-31", "A",
        "22 CPWs and 3 CPNs issued. Officer vacancy from September slowed follow-up visits.", True),
    Row("Anti-social behaviour",
        "Run free summer holiday activities for young people in Lutterworth with the town council",
        "DC Leisure / Lutterworth Town Council",
        [("DC Leisure", HDC, None), ("Lutterworth Town Council", "Lutterworth Town Council", None)],
        "Jul-24", "Q2 24/25", "2024-09-30", "Complete",
        "Six weeks of sessions, 310 attendances. Police reported fewer ASB calls in the town in August.",
        True),
    Row("Anti-social behaviour",
        "Publicise how to report ASB and what partners have done through a quarterly 'You said, we did' "
        "post",
        "All partners",
        [("All partners", "All partners", None)],
        "Apr-24", "Quarterly", None, "G",
        "Posts in July and October reached around 9,000 people."),
    Row("Domestic abuse",
        "Train frontline district council and housing association staff to recognise domestic abuse "
        "and refer safely",
        "DC Community Safety Team",
        [("DC Community Safety Team", HDC, None)],
        "Jul-24", "Q3 24/25", "2024-12-31", "G",
        "4 sessions held, 57 staff trained. Two more booked for January."),
    Row("Domestic abuse",
        "Fund the sanctuary scheme so that victims can stay safely in their own homes",
        "County Council Public Health / DC Housing",
        [("County Council Public Health", LCC, None), ("DC Housing", HDC, None)],
        "Apr-24", "Mar-25", "2025-03-31", "G",
        "11 homes made safer so far. Average wait for works 8 days."),
    Row("Domestic abuse",
        "Promote Victim Support's local service and the domestic abuse helpline in GP surgeries and "
        "pharmacies",
        "Victim Support",
        [("Victim Support", "Victim Support", None)],
        "Sep-24", "Dec-24", "2024-12-31", "A",
        "Posters in 9 of 14 surgeries. Pharmacies to follow in the new year."),
    Row("Rural and acquisitive crime",
        "Grow Farm Watch and Horse Watch membership across the district",
        "Police (PC Shaw, Rural Crime Team)",
        [("Police (PC Shaw, Rural Crime Team)", POL, "PC Shaw")],
        "Q1 24/25", "Ongoing", None, "G",
        "Farm Watch up from 180 to 231 members."),
    Row("Rural and acquisitive crime",
        "Hold property marking events for farm machinery, quad bikes and tools at markets and shows",
        "Police / Leics Fire & Rescue",
        [("Police", POL, None), ("Leics Fire & Rescue", LFRS, None)],
        "May-24", "Sep-24", "2024-09-30", "Complete",
        "Events at Market Harborough livestock market and the Lutterworth show; 95 items marked."),
    Row("Rural and acquisitive crime",
        "Fit door chains, locks and lighting for repeat burglary victims and residents over 75",
        "DC Community Safety Team / Age UK",
        [("DC Community Safety Team", HDC, None), ("Age UK", "Age UK", None)],
        "Apr-24", "By end of year", None, "G",
        "37 homes completed. Age UK handyperson scheme carries out the fitting.", True),
    Row("Exploitation and county lines",
        "Brief taxi drivers, hotel and takeaway staff on the signs of child exploitation and county lines",
        "DC Licensing / Police (DS Patel)",
        [("DC Licensing", HDC, None), ("Police (DS Patel)", POL, "DS Patel")],
        "Sep-24", "Dec-24", "2024-12-31", "A",
        "All licensed drivers briefed at renewal. Hotel sessions delayed to February."),
    Row("Exploitation and county lines",
        "Seek closure orders on homes taken over for drug dealing (cuckooing)",
        "Police (Insp. Khan)",
        [("Police (Insp. Khan)", POL, "Insp. Khan")],
        "As required", "As required", None, "G",
        "Two closure orders granted in Market Harborough (July and October)."),
    Row("Exploitation and county lines",
        "Refer young people at risk of exploitation to the county's early help and youth justice "
        "prevention service",
        "County Council Children & Family Services",
        [("County Council Children & Family Services", LCC, None)],
        "Apr-24", "Q4 24/25", "2025-03-31", "G",
        "16 referrals this year; all seen within 10 working days."),
    Row("Road safety",
        "Set up Community Speed Watch groups in three more villages",
        "Police (Sgt. Evans) / Broughton Astley Parish Council",
        [("Police (Sgt. Evans)", POL, "Sgt. Evans"),
         ("Broughton Astley Parish Council", "Broughton Astley Parish Council", None)],
        "Q2 24/25", "Q4 24/25", "2025-03-31", "R",
        "One group running. Two villages still recruiting volunteers; kit on order."),
    Row("Road safety",
        "Run Biker Down courses for motorcyclists",
        "Leicestershire Fire and Rescue Service",
        [("Leicestershire Fire and Rescue Service", LFRS, None)],
        "Oct-24", "Mar-25", "2025-03-31", "Not started",
        "First course booked for March when the riding season starts."),
    Row("Road safety",
        "Review casualty data with the county road safety team and agree sites for speed enforcement",
        "County Council Highways / Police",
        [("County Council Highways", LCC, None), ("Police", POL, None)],
        "Jan-25", "Q4 24/25", "2025-03-31", "Not started",
        "Data request made in November."),
]

HAR_FUND_TEXT = (
    "* Actions marked with an asterisk are paid for from the £32,500 Community Safety Fund grant "
    "awarded to the Partnership by the Office of the Police and Crime Commissioner for Leicestershire "
    "for 2024/25."
)

HAR_ORGS = [
    HDC, POL, LCC, LFRS, "Office of the Police and Crime Commissioner for Leicestershire",
    "Lutterworth Town Council", "Broughton Astley Parish Council", "Victim Support", "Age UK",
    "Harborough Community Safety Partnership",
]

HAR_NOTES = [
    "Document type: action_plan (a tracker of the partnership plan's actions). 'Position at 30 November "
    "2024' is the date of the update, not a meeting: committee and meeting_date null.",
    "Priorities: the five distinct values of the Theme column (repeated on every row), label as written, "
    "page of the first row with it.",
    "Activities: one per row. priority = the Theme cell; objective null; status = the RAG cell as "
    "written (G / A / R / Complete / Not started); progress = Commentary; timescale = the End column as "
    "written, due_date its last day ('Q3 24/25' -> 2024-12-31, 'Dec-24' -> 2024-12-31). 'Ongoing', "
    "'Quarterly', 'As required' and 'By end of year' (calendar or financial year is not said) give null. "
    "The Start column is not recorded. The asterisk that marks funded actions is not part of the "
    "description.",
    "Leads: split at '/'. 'Police' -> Leicestershire Police; 'DC ...' (the District Council's teams) -> "
    "Harborough District Council; 'County Council ...' -> Leicestershire County Council; 'Leics Fire & "
    "Rescue' -> Leicestershire Fire and Rescue Service. Officers in brackets are persons of the lead "
    "body. 'All partners' is the All partners sentinel.",
    "KPIs: none (counts in Commentary are progress).",
    "Funding: one sum, £32,500, funder the Leicestershire OPCC, recipient the Partnership, period 2024/25.",
    "Organisations: every body named, by official name, including the town and parish councils. The "
    "Joint Action Group, Farm Watch, Horse Watch, Community Speed Watch and Biker Down are not "
    "organisations.",
]


#: the line under the title: (label, value)
HAR_META = [("Plan", "Harborough Community Safety Partnership Plan 2023-26"), ("Position at", "30 November 2024"),
            ("Owner", "CSP Co-ordinator")]
HAR_HEAD = ["Theme", "Key action", "Partner lead", "Start", "End", "RAG", "Commentary"]
HAR_RAG_FILL = {"G": "#C6EFCE", "A": "#FFEB9C", "R": "#FFC7CE", "Complete": "#BDD7EE"}
HAR_RAG_NOTE = ("RAG: G on track; A at risk, action in hand; R off track, needs partnership support; "
                "Complete; Not started (not yet due to start).")


def har_action(r: Row) -> str:
    """The Key action cell as printed: a funded action marked with an asterisk."""
    return r.action + (" *" if r.funded else "")


def build_harborough(out_dir: Path) -> list[Path]:
    st = styles("Helvetica", "Helvetica-Bold", 10.5)
    title = ParagraphStyle("har_title", parent=st["h2"], fontSize=13, leading=16, spaceBefore=0)
    story: list[Flowable] = [
        Paragraph(esc(HAR_TITLE), title),
        Paragraph(" &nbsp;&nbsp; ".join(f"<b>{esc(k)}:</b> {esc(v)}" for k, v in HAR_META), st["small"]),
        Spacer(1, 2 * mm),
    ]
    rows: list[list[Any]] = [[_c(h, st, bold=True) for h in HAR_HEAD]]
    rag_fill = HAR_RAG_FILL
    extra: list[tuple] = []
    for i, r in enumerate(HAR_ROWS, start=1):
        action = har_action(r)
        rows.append([_c(r.theme, st), _c(action, st), _c(r.lead, st), _c(r.start, st), _c(r.end, st),
                     _c(r.rag, st), _c(r.commentary, st)])
        if r.rag in rag_fill:
            extra.append(("BACKGROUND", (5, i), (5, i), colors.HexColor(rag_fill[r.rag])))
    widths = [33 * mm, 72 * mm, 42 * mm, 16 * mm, 20 * mm, 17 * mm, 61 * mm]
    story.append(ruled_table(rows, widths, header_fill=colors.HexColor("#D9D9D9"), split_in_row=False,
                             extra_style=extra))
    story += [Spacer(1, 3 * mm), _p(HAR_FUND_TEXT, st, "small"),
              _p(HAR_RAG_NOTE, st, "small")]
    pdf = out_dir / HAR_PDF
    build_pdf(pdf, story, pagesize=landscape(A4), margin=12 * mm,
              footer="Harborough CSP action tracker 2024/25 - page {page}", title=HAR_TITLE,
              author="Harborough District Council")

    find = page_finder(pdf)
    activities = []
    for r in HAR_ROWS:
        for raw, _org, person in r.leads:
            assert raw in r.lead and (person is None or person in raw), (raw, person)
        activities.append({
            "description": r.action, "theme": HAR_THEMES[r.theme], "priority": r.theme, "objective": None,
            "status": r.rag, "progress": r.commentary, "timescale": r.end, "due_date": r.due,
            "page": find(r.action[:40]),
            "leads": [{"organisation": org, "person": person, "raw": raw} for raw, org, person in r.leads],
            "kpis": [],
        })
    first_page = {}
    for r, a in zip(HAR_ROWS, activities, strict=True):
        first_page.setdefault(r.theme, a["page"])
    gold = {
        "pdf": HAR_PDF,
        "seed": None,
        "document": {"title": HAR_TITLE, "doc_type": "action_plan", "partnership_id": "harborough-csp",
                     "authority": HDC, "committee": None, "meeting_date": None, "pages": _pages(pdf)},
        "priorities": [{"label": label, "theme": theme, "page": first_page[label]}
                       for label, theme in HAR_THEMES.items()],
        "activities": activities,
        "kpis": [],
        "funding": [{"amount_gbp": 32500.0, "date": None, "period": "2024/25",
                     "description": "Community Safety Fund grant awarded to the Partnership",
                     "page": find("Actions marked with an asterisk"),
                     "funder": "Office of the Police and Crime Commissioner for Leicestershire",
                     "recipient": "Harborough Community Safety Partnership"}],
        "organisations": HAR_ORGS,
        "notes": HAR_NOTES,
    }
    return _finish(out_dir, pdf, gold)


def build(out_dir: Path) -> list[Path]:
    return build_sunderland(out_dir) + build_harborough(out_dir)
