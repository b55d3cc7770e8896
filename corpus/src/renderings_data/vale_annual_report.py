"""An annual report to scrutiny: numbered paragraphs, outputs and sums in sentences, a restated sum.

Invented text and figures for the Vale of Glamorgan (real bodies, our wording).
"""

from __future__ import annotations

from typing import Any

import doc as m

from src.other_councils_data.common import Output, Sum
from src.renderings_data.common import document, money, output

NAME = "vale-of-glamorgan-csp-annual-report-2024-09-11"
TITLE = "Vale of Glamorgan Community Safety Partnership Annual Report 2023/24"
VOG = "Vale of Glamorgan Council"
WG = "Welsh Government"
OPCC = "Office of the Police and Crime Commissioner for South Wales"
COMMITTEE = "Homes and Safe Communities Scrutiny Committee"

COVER = [("Meeting of", COMMITTEE), ("Date of meeting", "11 September 2024"),
         ("Report title", TITLE), ("Report owner", "Director of Environment and Housing")]
PURPOSE = "1. To present the annual report of the Vale of Glamorgan Community Safety Partnership for 2023/24."
RECOMMENDATION = "2. That the Committee notes the report and the Welsh Government grant of £86,000 for 2024/25."
BACKGROUND = ("3. The partnership, known locally as Safer Vale, brings together Vale of Glamorgan Council, South "
              "Wales Police, South Wales Fire and Rescue Service, Cardiff and Vale University Health Board "
              "and the Probation Service.")
PRIORITIES_LEAD = "4. The partnership's priorities in 2023/24 were:"
PRIORITIES = [("Anti-social behaviour", "asb"),
              ("Violence against women, domestic abuse and sexual violence", "vawg"),
              ("Substance misuse", "drugs_alcohol"),
              ("Serious violence", "serious_violence")]
OUTPUTS = [
    "5. The anti-social behaviour team sent 214 first warning letters during the year.",
    "6. Independent Domestic Violence Advisers supported 612 victims at high risk of serious harm.",
    "7. The Safe Space in Barry town centre welcomed 1,150 visitors on Friday and Saturday nights.",
    "8. Youth workers delivered 96 knife crime awareness sessions in schools and youth clubs.",
]
VALUES = [214, 612, 1150, 96]
FUNDING = [
    ("9. The Welsh Government has awarded the partnership £86,000 from its Safer Communities Fund for "
     "2024/25.", Sum(86000, "from its Safer Communities Fund", "has awarded the partnership £86,000",
                     period="2024/25", funder=WG)),
    ("10. The Office of the Police and Crime Commissioner for South Wales contributed £42,500 in 2023/24 "
     "towards the domestic violence advisers and the Safe Space.",
     Sum(42500, "towards the domestic violence advisers and the Safe Space", "contributed £42,500 in 2023/24",
         period="2023/24", funder=OPCC)),
    ("11. Vale of Glamorgan Council funded the three posts of the community safety team, at a cost of "
     "£131,000 in 2023/24.", Sum(131000, "the three posts of the community safety team",
                                 "at a cost of £131,000", period="2023/24", funder=VOG)),
]
CAP = ("12. Town and community councils may bid to the partnership for match funding of up to £1,500 towards "
       "CCTV in their areas.")

ORGANISATIONS = [VOG, "South Wales Police", "South Wales Fire and Rescue Service",
                 "Cardiff and Vale University Health Board", "Probation Service", WG, OPCC,
                 "Vale of Glamorgan Community Safety Partnership"]


def model() -> m.Document:
    flows: list[m.Flow] = [
        m.Table([[m.cell(k, bold=True), m.cell(v)] for k, v in COVER], [50, 130], header_rows=0,
                repeat_header=False),
        m.Heading("Purpose of the Report", 2), m.Paragraph(PURPOSE),
        m.Heading("Recommendation", 2), m.Paragraph(RECOMMENDATION),
        m.Heading("Background", 2), m.Paragraph(BACKGROUND), m.Paragraph(PRIORITIES_LEAD),
        m.Bullets([p for p, _ in PRIORITIES]),
        m.Heading("What the partnership achieved", 2), *(m.Paragraph(t) for t in OUTPUTS),
        m.Heading("Resources", 2), *(m.Paragraph(t) for t, _ in FUNDING), m.Paragraph(CAP),
    ]
    return m.Document(TITLE, VOG, [m.Section(flows, header="Agenda Item 7", footer="{page}")], font="arial",
                      size=11)


def gold() -> dict[str, Any]:
    return {
        "seed": None,
        "document": document(TITLE, "scrutiny_report", "vale-of-glamorgan-csp", VOG, COMMITTEE, "2024-09-11"),
        "priorities": [{"label": p, "theme": t} for p, t in PRIORITIES],
        "activities": [],
        "kpis": [output(Output(t.split(". ", 1)[1], t.split(". ", 1)[1][:40], value=v))
                 for t, v in zip(OUTPUTS, VALUES, strict=True)],
        "funding": [money(s) for _, s in FUNDING],
        "organisations": ORGANISATIONS,
        "notes": [
            "Document type: scrutiny_report (an annual report to a scrutiny committee).",
            "Priorities: the four bullets of paragraph 4, label as written. 'Violence against women, "
            "domestic abuse and sexual violence' leads with violence against women: vawg.",
            "KPIs: the four outputs of paragraphs 5-8 as whole sentences without the paragraph number, "
            "value = the count ('1,150' -> 1150), no target.",
            "Funding: the three sums of paragraphs 9-11 (funder as named, recipient the partnership or not "
            "said: null; period the year named). Not funding rows: the £86,000 restated in the "
            "recommendation and the 'up to £1,500' match funding cap.",
            "Organisations: the partners of paragraph 3, the Welsh Government, the OPCC and the partnership "
            "named as a body ('Safer Vale' is its local name). Town and community councils are generic.",
        ],
    }
