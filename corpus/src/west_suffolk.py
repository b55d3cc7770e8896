"""Corpus builder for the two West Suffolk seed papers (seeds 001 and 003).

001: West Suffolk Council report OAS/WS/23/012 (2023): ruled cover form, then
numbered narrative paragraphs with hanging numbers and lettered lists.
003: St Edmundsbury ("West Suffolk") report OAS/SE/17/013 (2017): cover form with
Yes/No boxes, an implications table whose question cells span a column rule
that the risk rows below define (so column-wise extraction breaks words:
"fina" | "ncial"), a risk table, then numbered narrative.

The gold files are written by hand from the seed texts; only page numbers are
looked up in the rendered PDFs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pdfplumber
from render import build_pdf, esc, mm, page_of, ruled_table, styles, write_gold
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from .west_suffolk_data import community_safety_2017 as cs17
from .west_suffolk_data import monitoring_2023 as mr23

PDF_001 = "western-suffolk-monitoring-2023-09-21.pdf"
PDF_003 = "west-suffolk-community-safety-2017-04-19.pdf"

#: a TrueType font holding the ballot-box glyphs (☐ ☒ □ ⊠) that Helvetica lacks
BOX_FONT = "DejaVuSans"
_BOX_FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/Library/Fonts/DejaVuSans.ttf",
)


def _register_box_font() -> None:
    """Register DejaVu Sans once; the Yes/No boxes of the 2017 form need its glyphs."""
    if BOX_FONT in pdfmetrics.getRegisteredFontNames():
        return
    for candidate in _BOX_FONT_PATHS:
        if Path(candidate).exists():
            pdfmetrics.registerFont(TTFont(BOX_FONT, candidate))
            return
    raise FileNotFoundError("DejaVuSans.ttf not found (apt-get install fonts-dejavu-core)")


def marks(text: str) -> str:
    """Turn the data modules' inline marks into reportlab markup (after escaping)."""
    out = esc(text)
    out = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", r'<link href="\2" color="#0563C1"><u>\1</u></link>', out)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"__(.+?)__", r"<u>\1</u>", out)
    out = re.sub(r"\{box:(.)\}", rf'<font name="{BOX_FONT}">\1</font>', out)
    # Helvetica's bullet has no Unicode mapping in reportlab's output; DejaVu's has
    out = out.replace("•", f'<font name="{BOX_FONT}">•</font>')
    return out.replace("\n", "<br/>")


class Layout:
    """Paragraph styles of one report: hanging numbers and indented list levels."""

    def __init__(self, size: float, number_width: float = 42, list_step: float = 26) -> None:
        self.st = styles(size=size)
        body = self.st["body"]
        self.size = size
        self.number_width = number_width
        self.list_step = list_step
        self.numbered = ParagraphStyle("numbered", parent=body, leftIndent=number_width, bulletIndent=0,
                                       bulletFontName=body.fontName, bulletFontSize=size)
        self.heading = ParagraphStyle("heading", parent=self.numbered, fontName="Helvetica-Bold",
                                      bulletFontName="Helvetica-Bold", spaceBefore=size * 0.6)
        self.cell = self.st["cell"]
        self.cellbold = self.st["cellbold"]
        self.cell_bullet = ParagraphStyle("cellbullet", parent=self.cell, leftIndent=10, bulletIndent=0,
                                          bulletFontName=BOX_FONT, spaceAfter=3)

    def indent(self, level: int) -> float:
        return self.number_width + self.list_step * (level - 1)

    def item(self, marker: str, text: str, level: int) -> Paragraph:
        style = ParagraphStyle(f"li{level}", parent=self.numbered, leftIndent=self.indent(level) + self.list_step,
                               bulletIndent=self.indent(level), spaceAfter=self.size * 0.3)
        return Paragraph(marks(text), style, bulletText=marker)

    def plain(self, text: str, level: int = 0) -> Paragraph:
        left = self.indent(level) + self.list_step if level else 0
        return Paragraph(marks(text), ParagraphStyle(f"t{level}", parent=self.st["body"], leftIndent=left))

    def blocks(self, blocks: list[tuple]) -> list[Flowable]:
        """Flowables for the narrative blocks ("h", "p", "li", "t", "label") of a data module."""
        story: list[Flowable] = []
        for block in blocks:
            kind = block[0]
            if kind == "h":
                story.append(Paragraph(marks(block[2]), self.heading, bulletText=block[1]))
            elif kind == "p":
                story.append(Paragraph(marks(block[2]), self.numbered, bulletText=block[1]))
            elif kind == "li":
                story.append(self.item(block[1], block[2], block[3]))
            elif kind == "t":
                story.append(self.plain(block[1], block[2] if len(block) > 2 else 0))
            elif kind == "label":
                story.append(Paragraph(f"<b>{esc(block[1])}</b> {marks(block[2])}", self.st["body"]))
            else:
                raise ValueError(f"unknown block kind {kind!r}")
        return story

    def c(self, text: str, bold: bool = False) -> Paragraph:
        return Paragraph(marks(text), self.cellbold if bold else self.cell)

    def label(self, text: str) -> Paragraph:
        """A form label: its first line bold, any explanation below it regular."""
        first, _, rest = text.partition("\n")
        body = f"<b>{marks(first)}</b>"
        return Paragraph(body + (f"<br/>{marks(rest)}" if rest else ""), self.cell)


def form_table(lay: Layout, rows: list[tuple[str, str, str | None]], widths: list[float]) -> Flowable:
    """A ruled two-column cover form; a row with a second value (committee | date) uses a third column."""
    data: list[list[Any]] = []
    spans = []
    for r, (label, value, second) in enumerate(rows):
        data.append([lay.label(label), lay.c(value), lay.c(second) if second else ""])
        if second is None:
            spans.append(((1, r), (2, r)))
    return ruled_table(data, widths, header_rows=0, spans=spans, header_fill=None, split_in_row=False)


# --------------------------------------------------------------------------- 001

def _story_001() -> list[Flowable]:
    _register_box_font()
    lay = Layout(size=11)
    story: list[Flowable] = [
        Paragraph(esc(mr23.TITLE), ParagraphStyle("title", parent=lay.st["h1"], fontSize=15, leading=19)),
        form_table(lay, [
            ("Report number:", f"**{mr23.REPORT_NUMBER}**", None),
            ("Report to and date(s):", mr23.COMMITTEE, mr23.MEETING),
            ("Cabinet member:", "\n".join(mr23.CABINET_MEMBER), None),
            ("Lead officer:", "\n".join(mr23.LEAD_OFFICER), None),
        ], [128, 220, 133.9]),
        Spacer(1, 12),
    ]
    story += lay.blocks(mr23.BLOCKS)
    return story


#: The priorities of 001: (label, theme, the text its page is found by).
PRIORITIES_001 = [
    ("Criminal Exploitation", "criminal_exploitation", "Criminal Exploitation: encompassing all types"),
    ("Violence against women and girls", "vawg", "Violence against women and girls: This priority"),
    ("Modern Slavery", "modern_slavery", "Modern Slavery: including support for victims"),
    ("Hate Crime", "hate_crime", "Hate Crime: including support for victims"),
    ("Prevent", "prevent", "Prevent: as part of the Government's CONTEST"),
    ("Anti-Social Behaviour", "asb", "Anti-Social Behaviour: This priority links"),
    ("Fraud", "fraud", "agreed to adopt Fraud as a priority for 2022-2023"),
]


def _gold_001(pdf: Path) -> dict[str, Any]:
    def pg(needle: str, start: int = 1) -> int:
        return page_of(pdf, needle, start)

    with pdfplumber.open(str(pdf)) as doc:
        pages = len(doc.pages)
    s_sessions = ("one session has taken place for staff, engaging with 15 officers and two sessions has "
                  "taken place within a school setting engaging with 20 staff members.")
    s_hope = "Suffolk received a total of 18 applications with 59 young people nominated."
    kpis = [
        (s_sessions, 15),
        (s_sessions, 20),
        ("At the end of March 2023, 1,250 champions are now trained across Suffolk.", 1250),
        ("West Suffolk Council have eight members of staff trained as champions who provide support to "
         "staff in relation to domestic abuse and respond to disclosure of abuse to ensure individuals have "
         "the right tools to stay safe and get the right support.", 8),
        ("Between April 2022 to March 2023 five properties have been supported in West Suffolk with "
         "interventions such as door locks, window bolts, personal alarms as well as adaptations to "
         "properties to ensure safety is increased.", 5),
        (s_hope, 18),
        (s_hope, 59),
        ("There were three applications from West Suffolk", 3),
        ("In total 43 members of staff completed this course between April 2022 and March 2023", 43),
        ("In total 84 parents and carers from across Suffolk attended the sessions.", 84),
        ("In addition to the three courses, Suffolk also held an Online Radicalisation and Extremism "
         "Conference in March with over 110 staff from across Suffolk in attendance.", 110),
    ]
    return {
        "pdf": PDF_001,
        "seed": "001_a467df823c14c29d.txt",
        "document": {
            "title": mr23.TITLE,
            "doc_type": "monitoring_report",
            "partnership_id": "western-suffolk-csp",
            "authority": "West Suffolk Council",
            "committee": "Overview and Scrutiny Committee",
            "meeting_date": "2023-09-21",
            "report_number": mr23.REPORT_NUMBER,
            "pages": pages,
        },
        "priorities": [{"label": label, "theme": theme, "page": pg(needle)}
                       for label, theme, needle in PRIORITIES_001],
        "activities": [],
        "kpis": [{"description": d, "target": None, "value": v, "page": pg(d)} for d, v in kpis],
        "funding": [],
        "organisations": [
            "West Suffolk Council",
            "Suffolk County Council",
            "Office of the Police and Crime Commissioner for Suffolk",
            "British Transport Police",
            "Greater Anglia",
            "The Railway Children",
            "Missing People",
            "Anglia Care Trust",
            "Bury St Edmunds Women's Aid",
            "Norfolk and Suffolk Victim Care",
            "Leeway Domestic Violence and Abuse Services",
            "Survivors in Transition",
            "Restitute",
            "Suffolk Rape Crisis",
            "Brave Futures",
            "The Ferns Sexual Assault Referral Centre",
            "Ministry of Justice",
            "Home Office",
            "Shout Out UK",
            "Western Suffolk Community Safety Partnership",
            "Norfolk County Community Safety Partnership",
            "Suffolk Public Sector Leaders",
            "West Suffolk Domestic Abuse Partnership",
            "Suffolk Modern Slavery Network",
            "Suffolk Safer Stronger Communities Board",
            "Suffolk Anti-Fraud Partnership",
        ],
        "notes": [
            "Priorities: the lettered list of 1.5 (a-f) plus Fraud, adopted in 1.6; each on the page of its first "
            "statement. The section headings 2.3 'Domestic Homicide Reviews (DHRs)' and 2.9 'Serious Violence "
            "Duty' are not priorities: 1.3 lists DHRs as a statutory duty and 2.9 describes a new legal duty, "
            "neither is named as a priority of the WSCSP.",
            "Activities: none. Rule: a narrative monitoring report has activities only where it sets out an "
            "action-plan row, a SMART target or a numbered action; narrative paragraphs reporting work done are "
            "not activities (candidates such as 2.9.2 'conduct a strategic needs assessment and publish an action "
            "plan' by 31 January 2024 are statements of a statutory deadline, not actions the report assigns).",
            "KPIs: one record per reported output stated as a count of people or things reached, trained, "
            "supported, received or attending; description = the whole sentence as written (a sentence stating "
            "two counts gives two records). Counts of the means (one session, two sessions, three courses), of "
            "work in progress (two DHRs being undertaken), campaign length (16 days of action) and categories "
            "are not outputs and are left out. 'over 110 staff' has value 110.",
            "Funding: none. The report names funding without any sum: a work programme 'funded by Suffolk Public "
            "Sector Leaders' (2.1.4), a 'Three-year funded scheme from Ministry of Justice grant' (2.2.3 j), and "
            "'funding from the Home Office Preventing Radicalisation funding' won by Suffolk County Council with "
            "Norfolk CSP (2.6.5). The contract's funding rows need amount_gbp, so none is recorded.",
            "Organisations (docs/ARCHITECTURE.md, 'Organisations named'): by registry official name. 'Suffolk "
            "Police and Crime Commissioner' / 'Suffolk PCC' -> Office of the Police and Crime Commissioner for "
            "Suffolk; 'Leeway Independent Domestic Violence Advisory (IDVA) service' -> Leeway Domestic Violence "
            "and Abuse Services; 'Brave Futures (formerly Fresh Start New Beginnings)' -> Brave Futures. "
            "Partnership bodies named are listed: the Western Suffolk CSP itself, Norfolk CSP, Suffolk Public "
            "Sector Leaders, West Suffolk Domestic Abuse Partnership, Suffolk Modern Slavery Network, Safer "
            "Stronger Communities Board, Suffolk Anti-Fraud Partnership. Council teams and services count as the "
            "council (Suffolk Youth Justice Team, Suffolk Trading Standards -> Suffolk County Council; West "
            "Suffolk Council Housing team -> West Suffolk Council). Not listed: 'Babergh and Mid Suffolk council "
            "areas' (areas, not the councils), sub-groups (Criminal Exploitation Steering Group, Suffolk PREVENT "
            "Delivery Group, Suffolk Anti-Social Behaviour Steering Group, Serious Violence Duty Steering Group), "
            "the White Ribbon Campaign (a campaign), Acts and plans ('Police Reform Act 2002', 'Police and Crime "
            "Plan') and generic lower-case mentions ('police', 'probation'). Suffolk Constabulary is not named.",
            "Cover: 'Report to and date(s)' is one row with two value cells (committee | date), as the seed's "
            "tab-separated row shows. Seed quirks kept: lower-case 'one session' (2.1.9), missing full stops at "
            "the end of 2.5.4 and 2.6.3. The seed's '- ' list prefixes are extraction noise and are not printed.",
        ],
    }


# --------------------------------------------------------------------------- 003

#: implications/risk grid: the Risk-area | Inherent rule falls inside "financial" / "staffing"
#: of the bold question cells that span both columns (col 0 = 3pt padding + ~86pt, between the
#: widths of "Are there any fina" and "Are there any staff" in Helvetica-Bold 10).
GRID_003 = [89.0, 57.0, 160.0, 147.5]


def _implications_003(lay: Layout) -> Flowable:
    rows: list[list[Any]] = [[lay.c("Implications:", bold=True), "", "", ""]]
    spans = [((0, 0), (3, 0))]
    for question, boxes, details in cs17.IMPLICATIONS:
        r = len(rows)
        answer: list[Flowable] = [Paragraph(marks(boxes), ParagraphStyle("yn", parent=lay.cell, spaceAfter=4))]
        for line in details:
            if line == "•":  # an empty bullet left in the template
                answer.append(Paragraph(marks(line), lay.cell))
            elif line.startswith("•"):
                answer.append(Paragraph(marks(line[1:].strip()), lay.cell_bullet, bulletText="•"))
            else:
                answer.append(Paragraph(marks(line), ParagraphStyle("d", parent=lay.cell, spaceAfter=3)))
        rows.append([lay.c(question, bold=True), "", answer, ""])
        spans += [((0, r), (1, r)), ((2, r), (3, r))]
    r = len(rows)
    rows.append([lay.c(cs17.RISK_INTRO[0], bold=True), "", lay.c(cs17.RISK_INTRO[1]), ""])
    spans += [((0, r), (1, r)), ((2, r), (3, r))]
    rows.append([lay.c(h, bold=True) for h in cs17.RISK_HEADER])
    scale = ParagraphStyle("scale", parent=lay.cell, fontSize=8.5, leading=10)
    rows.append([Paragraph(esc(h), scale) if h else "" for h in cs17.RISK_SCALE])
    rows += [[lay.c(v) for v in risk] for risk in cs17.RISKS]
    for label, value in cs17.TAIL:
        r = len(rows)
        rows.append([lay.label(label), "", lay.c(value), ""])
        spans += [((0, r), (1, r)), ((2, r), (3, r))]
    return ruled_table(rows, GRID_003, header_rows=0, spans=spans, header_fill=None, split_in_row=False)


def _story_003() -> list[Flowable]:
    _register_box_font()
    lay = Layout(size=11.5)
    story: list[Flowable] = [
        Paragraph(esc(cs17.COMMITTEE), ParagraphStyle("top", parent=lay.st["h1"], fontSize=16, leading=20)),
        Spacer(1, 6),
        form_table(lay, cs17.COVER, [GRID_003[0] + GRID_003[1], GRID_003[2], GRID_003[3]]),
        # the implications and risk grid starts a page, so one page holds all its column rules
        PageBreak(),
        _implications_003(lay),
        Spacer(1, 16),
    ]
    story += lay.blocks(cs17.BLOCKS)
    return story


#: The texts the pages of 003's three sums are found by, in the order of its funding records.
FUNDING_NEEDLES_003 = ("will contribute £2,000 each year", "The total cost of the review was just under",
                       "The contribution from St Edmundsbury was")


def _gold_003(pdf: Path) -> dict[str, Any]:
    def pg(needle: str, start: int = 1) -> int:
        return page_of(pdf, needle, start)

    with pdfplumber.open(str(pdf)) as doc:
        pages = len(doc.pages)
    return {
        "pdf": PDF_003,
        "seed": "003_5de14ab0c0a8ab76.txt",
        "document": {
            "title": cs17.TITLE,
            "doc_type": "monitoring_report",
            "partnership_id": "western-suffolk-csp",
            "authority": "St Edmundsbury Borough Council",
            "committee": "Overview and Scrutiny Committee",
            "meeting_date": "2017-04-19",
            "report_number": cs17.REPORT_NUMBER,
            "pages": pages,
        },
        "priorities": [],
        "activities": [],
        "kpis": [],
        "funding": [
            {"amount_gbp": 2000.0, "date": None, "period": "2016/17 and 2017/18",
             "description": "Suffolk local authorities will contribute £2,000 each year to enable ECINs "
                            "(case conferencing management system) to continue to be used",
             "page": pg(FUNDING_NEEDLES_003[0]), "funder": None, "recipient": None},
            {"amount_gbp": 7000.0, "date": None, "period": None,
             "description": "Total cost of the Domestic Homicide Review for the Babergh area (just under "
                            "£7,000), shared equally among the statutory partners of the WSCSP",
             "page": pg(FUNDING_NEEDLES_003[1]), "funder": None, "recipient": None},
            {"amount_gbp": 875.0, "date": None, "period": None,
             "description": "The contribution from St Edmundsbury to the cost of the Domestic Homicide "
                            "Review for the Babergh area",
             "page": pg(FUNDING_NEEDLES_003[2]),
             "funder": "St Edmundsbury Borough Council", "recipient": None},
        ],
        "organisations": [
            "St Edmundsbury Borough Council",
            "Home Office",
            "Office of the Police and Crime Commissioner for Suffolk",
            "University of Suffolk",
            "Suffolk Constabulary",
            "Suffolk Health and Wellbeing Board",
            "Suffolk Strong and Safe Communities Group",
            "Western Suffolk Community Safety Partnership",
        ],
        "notes": [
            "Authority: St Edmundsbury Borough Council, not West Suffolk Council. The report number OAS/SE/17/013 "
            "is St Edmundsbury's ('SE') Overview and Scrutiny Committee, the portfolio holder's e-mail is "
            "@stedsbc.gov.uk, and the DHR contribution is 'from St Edmundsbury'. 'West Suffolk' in 2017 was the "
            "shared service of St Edmundsbury Borough Council and Forest Heath District Council; West Suffolk "
            "Council was created on 1 April 2019.",
            "Organisations: 'West Suffolk council services', the westsuffolk.gov.uk e-mail and 'All wards across "
            "West Suffolk' name the 2017 shared service, not the later West Suffolk Council, so it is not listed "
            "(flip this if the registry treats the shared service as West Suffolk Council). 'the Babergh area' "
            "names an area, not Babergh District Council. Under docs/ARCHITECTURE.md ('Organisations named'): "
            "'Police' written as a name ('Police, Youth Offending Service', 'Police cyber crime unit', 'referred by "
            "... Police or councillors') -> Suffolk Constabulary; the Strong and Safe Communities Group (SSCG) -> "
            "Suffolk Strong and Safe Communities Group; the Health and Wellbeing Board (HWB) -> Suffolk Health and "
            "Wellbeing Board; the Western Suffolk CSP itself is listed. Generic or unnamed bodies are left out: "
            "District and Borough Councils, Clinical Commissioning Group, Public Health, Youth Offending Service, "
            "Suffolk local authorities, the safeguarding boards, the multi-agency ASB group. 'Police and Crime "
            "Commissioner' and www.suffolk-pcc.gov.uk -> Office of the Police and Crime Commissioner for Suffolk.",
            "Priorities: none. The four workstreams in 1.2.3 (Domestic abuse, Sexual exploitation, Cyber crime, "
            "Youth violence and gangs) belong to the countywide Strong and Safe Communities Group, not to the "
            "WSCSP; the WSCSP's own priorities are in Appendix A (project plan), which is not part of the seed. "
            "Sections 1.3 (ASB) and 1.4 (PSPOs) report the council's own community safety work.",
            "Activities: none (narrative report; no action-plan rows). KPIs: none; the text states no counted "
            "outputs (four workstreams / four areas of work are structure, not outputs).",
            "Funding: '£2,000 each year; 2016 -17 and 2017 -18' is one sum stated once, recorded once with both "
            "years as the period (normalised to 2016/17 and 2017/18); funder left null because 'Suffolk local "
            "authorities' names no single organisation. 'just under £7,000' is recorded as 7000 with no funder "
            "(the statutory partners of the WSCSP, unnamed). The £875 was paid by St Edmundsbury towards that "
            "review; recipient null (the WSCSP is a partnership, not a registry organisation). The seed's first "
            "part holds all three sentences the README names; none was invented.",
            "Reconstruction: the seed lost a line of the financial-implications cell after 'Strong and Safe "
            "Communities' (rendered as 'Strong and Safe Communities Group that DHRs will be funded ...') and "
            "garbled the end of the ECINs item ('in further financial sup ... each authority'); it is rendered as "
            "'resulting in further financial support from each authority which will be found from existing "
            "budgets' with NO amount, since none survives in the seed. The question cells read 'If yes, please "
            "give details' in every row (the template wording; the seed lost ', please' in the financial row). "
            "The Consultation cell shows only the left edge of its lines in the seed ('information fro / community "
            "sat / sensitivity som / restricted.') and is printed exactly so, not completed. The OCR noise row "
            "'s,, parenero 1 1' under the first risk is not printed.",
            "Layout: the implications and risk rows form one ruled grid of four columns; question cells span the "
            "first two, whose dividing rule (from the risk rows: Risk area | Inherent level of risk) lies inside "
            "'financial' and 'staffing', which is how a column-wise reader produces 'fina' | 'ncial' and 'staf' | "
            "'fing'. Boxes: □/⊠ in the Key Decision and equality rows and ☐/☒ elsewhere, as the seed's mixed "
            "glyphs suggest, drawn in DejaVu Sans; checked = financial Yes, staffing No, ICT No, legal Yes, "
            "equality No, Key Decision No.",
        ],
    }


def build(out_dir: Path) -> list[Path]:
    """Render both PDFs, then write their gold files (pages looked up in the PDFs)."""
    pdf1 = out_dir / PDF_001
    build_pdf(pdf1, _story_001(), margin=20 * mm, footer="Page {page}", title=mr23.TITLE,
              author="West Suffolk Council")
    gold1 = out_dir / PDF_001.replace(".pdf", ".gold.json")
    write_gold(gold1, _gold_001(pdf1))

    pdf3 = out_dir / PDF_003
    build_pdf(pdf3, _story_003(), margin=20 * mm, footer="Page {page}", title=cs17.TITLE,
              author="St Edmundsbury Borough Council")
    gold3 = out_dir / PDF_003.replace(".pdf", ".gold.json")
    write_gold(gold3, _gold_003(pdf3))
    return [pdf1, gold1, pdf3, gold3]
