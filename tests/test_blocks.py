"""Label/value blocks rejoined with their actions by position, not reading order."""

from __future__ import annotations

from cspipe.extractors.blocks import Line, find_block_activities, page_lines


def _line(text: str, x0: float, top: float, *, bold: bool = False, size: float = 9.5,
          page: int = 1) -> Line:
    words = [{"text": w, "x0": x0 + 7 * i, "x1": x0 + 7 * i + 6, "top": top, "bottom": top + size}
             for i, w in enumerate(text.split())]
    return Line(text, page, x0, x0 + 7 * len(words), top, top + size, size, bold, words)


def test_smart_target_three_columns() -> None:
    lines = [
        _line("Local businesses", 57, 200, bold=True, size=13),
        _line("SMART Target", 60, 246, bold=True), _line("CSP Priority", 301, 246, bold=True),
        _line("Timescale", 421, 246, bold=True),
        _line("Work with the business partners to roll out Shop Watch to at", 60, 265),
        _line("Priority 1", 301, 265), _line("November 2023", 421, 265),
        _line("least 2 parishes.", 60, 276),
        _line("Lead", 301, 283, bold=True),
        _line("ECDC", 301, 302),
    ]
    result = find_block_activities([lines])
    (act,) = result.activities
    assert act.description == "Work with the business partners to roll out Shop Watch to at least 2 parishes."
    assert (act.priority, act.timescale, act.due_date, act.lead_raw) == (
        "Local businesses", "November 2023", "2023-11-30", "ECDC")
    assert [k.target for k in act.kpis] == ["at least 2 parishes"]
    assert result.headings == [("Local businesses", 1)]


def test_side_boxes_follow_their_actions() -> None:
    # the right-hand boxes come first in stream order; position decides
    lines = [
        _line("Domestic Homicide Reviews (DHR)", 57, 231, bold=True, size=13),
        _line("Lead", 374, 256, bold=True), _line("CSP", 374, 275),
        _line("Timescale", 374, 297, bold=True), _line("CSP Chair to decide", 374, 316),
        _line("Lead", 374, 369, bold=True), _line("Police", 374, 388),
        _line("Timescale", 374, 410, bold=True), _line("As required", 374, 429),
        _line("CSP to support and facilitate the completion of any DHRs.", 64, 259, size=10),
        _line("CSP to initiate a DHR panel when", 64, 372, size=10),
        _line("one is needed.", 64, 385, size=10),
    ]
    lines.sort(key=lambda ln: ln.x0, reverse=True)
    acts = find_block_activities([lines]).activities
    assert [(a.description, a.lead_raw, a.timescale) for a in acts] == [
        ("CSP to support and facilitate the completion of any DHRs.", "CSP", "CSP Chair to decide"),
        ("CSP to initiate a DHR panel when one is needed.", "Police", "As required"),
    ]
    assert all(a.priority == "Domestic Homicide Reviews (DHR)" for a in acts)


def test_page_lines_split_columns_and_undouble() -> None:
    words = [
        {"text": "TTiimmeessccaallee", "x0": 10, "x1": 60, "top": 5, "bottom": 15, "size": 10,
         "fontname": "Helvetica-Bold"},
        {"text": "Lead", "x0": 200, "x1": 220, "top": 5, "bottom": 15, "size": 10,
         "fontname": "Helvetica-Bold"},
    ]
    lines = page_lines(words, 1)
    assert [(ln.text, ln.bold) for ln in lines] == [("Timescale", True), ("Lead", True)]


def test_smart_target_label_left_at_the_foot_of_a_page() -> None:
    # Word broke the page between the "SMART Target" label (and its heading) and the block's
    # text: the text and its Priority / Timescale / Lead fields open the next page
    page11 = [
        _line("Prioritising high harm issues", 57, 690, bold=True, size=13),
        _line("SMART Target", 60, 712, bold=True),
        _line("11", 520, 800),
    ]
    page12 = [
        _line("Request additional data and information from the High Harms Board (or thematic", 60, 60,
              page=12),
        _line("partnerships lead at force level) to prioritise emerging issues.", 60, 72, page=12),
        _line("CSP Priority", 60, 92, bold=True, page=12), _line("Timescale", 230, 92, bold=True, page=12),
        _line("Priority 1", 60, 104, page=12), _line("Quarterly", 230, 104, page=12),
        _line("Lead", 60, 124, bold=True, page=12),
        _line("CSP, Representatives on High Harms Board", 60, 136, page=12),
    ]
    page11 = [Line(ln.text, 11, ln.x0, ln.x1, ln.top, ln.bottom, ln.size, ln.bold, ln.words) for ln in page11]
    result = find_block_activities([page11, page12])
    (act,) = result.activities
    assert act.description.startswith("Request additional data and information from the High Harms Board")
    assert (act.page, act.priority, act.timescale, act.lead_raw) == (
        12, "Prioritising high harm issues", "Quarterly", "CSP, Representatives on High Harms Board")


def test_a_page_without_a_dangling_label_is_not_given_one() -> None:
    # the previous page's last SMART block is complete: the next page's fields are side boxes
    page1 = [_line("SMART Target", 60, 100, bold=True), _line("Deliver two scam awareness talks.", 60, 112),
             _line("Lead", 60, 130, bold=True), _line("Police", 60, 142)]
    page2 = [_line("Run a knife amnesty in the town centre each year.", 60, 60, page=2),
             _line("Lead", 374, 60, bold=True, page=2), _line("Police", 374, 72, page=2),
             _line("Timescale", 374, 90, bold=True, page=2), _line("Annually", 374, 102, page=2)]
    acts = find_block_activities([page1, page2]).activities
    assert [(a.description, a.lead_raw, a.timescale) for a in acts] == [
        ("Deliver two scam awareness talks.", "Police", None),
        ("Run a knife amnesty in the town centre each year.", "Police", "Annually")]
