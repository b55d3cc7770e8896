"""Actions written as lists under priority headings, with bullets drawn as shapes (as a browser
prints an HTML list) and a running footer on every page (as a Word export has).

The PDF is drawn here with reportlab's canvas, so the bullets are filled circles with no
character in the text layer, the way Chromium prints ``<ul>`` discs.
"""

from __future__ import annotations

import io

import pytest

reportlab = pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from cspipe.extractors.document import extract  # noqa: E402

PAGES = [
    ("Priority one: anti-social behaviour", "Actions we will take", [
        "Run joint patrols with the neighbourhood policing team in the town centre",
        "Review the public spaces protection order before it expires",
        "Offer mediation to neighbours in long running disputes",
    ]),
    ("Priority two: serious violence", "To do this we will", [
        "Map where knife crime happens and share the map with schools",
        "Fund youth workers in the two wards with most violent incidents",
    ]),
    ("Priority three: fraud and scams", "Key steps", [
        "Deliver scam awareness talks to older residents' groups",
        "Train bank staff to spot doorstep fraud (Lead: Trading Standards)",
    ]),
]


def _plan_pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    width, height = A4
    for n, (heading, cue, items) in enumerate(PAGES, start=1):
        c.setFont("Helvetica", 8)
        c.drawString(60, height - 30, "Safer Anytown Partnership Plan 2024/25")
        c.drawRightString(width - 60, 30, f"Page {n}")
        y = height - 90
        c.setFont("Helvetica-Bold", 14)
        c.drawString(60, y, heading)
        y -= 30
        c.setFont("Helvetica", 10)
        c.drawString(60, y, "The partnership has agreed this priority with residents and partners.")
        y -= 28
        c.setFont("Helvetica-Bold", 11)
        c.drawString(60, y, cue)
        y -= 22
        c.setFont("Helvetica", 10)
        for item in items:
            c.circle(78, y + 3, 1.5, stroke=0, fill=1)  # a drawn disc, no text
            c.drawString(88, y, item)
            y -= 18
        c.showPage()
    c.save()
    return buf.getvalue()


def test_listed_actions_under_priority_headings() -> None:
    ex = extract(_plan_pdf())
    got = {(a.description, a.theme, a.page) for a in ex.activities}
    assert got == {
        ("Run joint patrols with the neighbourhood policing team in the town centre", "asb", 1),
        ("Review the public spaces protection order before it expires", "asb", 1),
        ("Offer mediation to neighbours in long running disputes", "asb", 1),
        ("Map where knife crime happens and share the map with schools", "serious_violence", 2),
        ("Fund youth workers in the two wards with most violent incidents", "serious_violence", 2),
        ("Deliver scam awareness talks to older residents' groups", "fraud", 3),
        ("Train bank staff to spot doorstep fraud", "fraud", 3),
    }
    lead = next(a for a in ex.activities if a.description.startswith("Train bank staff"))
    assert lead.lead_raw == "Trading Standards"
    assert {p.theme for p in ex.priorities} == {"asb", "serious_violence", "fraud"}
    # the running header and the folio never join an action
    assert not any("Partnership Plan" in a.description or "Page" in a.description
                   for a in ex.activities)


def _line(text: str, x0: float, top: float, *, bold: bool = False, size: float = 11.0):  # noqa: ANN202
    from cspipe.extractors.blocks import Line

    words = [{"text": w, "x0": x0 + 6 * i, "x1": x0 + 6 * i + 5, "top": top, "bottom": top + size}
             for i, w in enumerate(text.split())]
    return Line(text, 6, x0, x0 + 6 * len(words), top, top + size, size, bold, words)


def test_cue_is_a_whole_sentence_not_the_tail_a_line_wrap_leaves() -> None:
    # the plan's paragraph wraps so that its last line reads "we will:" alone; the sentence,
    # "To deliver on these themes we will:", announces aims, not a list of actions
    from cspipe.extractors.action_lists import find_list_activities

    aims = ["Increase the understanding of key community safety issues locally,",
            "Increase awareness of key issues amongst professionals and the public,",
            "Prevent community safety issues from happening where possible, and"]
    lines = [_line("3. Strategic themes and priorities", 50, 60, bold=True, size=14),
             _line("3.1 The NCCSP has four strategic themes, created to highlight concisely how we will", 50, 90),
             _line("respond to our priorities in a co-ordinated way. To deliver on these themes", 92, 104),
             _line("we will:", 92, 118)]
    lines += [_line(f"\u2022 {a}", 110, 136 + 14 * i) for i, a in enumerate(aims)]
    assert find_list_activities(lines).activities == []
    # the same list under a cue line of its own is a list of actions
    cued = [_line("Actions we will take", 50, 90, bold=True)] + lines[4:]
    assert [a.description for a in find_list_activities(cued).activities] == aims
