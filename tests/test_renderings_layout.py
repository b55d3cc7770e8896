"""Layouts that only some typesetters produce, read from the corpus renderings themselves.

The same plan typeset by reportlab, LibreOffice and Chromium (``corpus/renderings/``) must
read alike; these are the places where one typesetter draws a table its own way: Chromium
leaves the edge of a merged cell open at a page break and draws rules as thin rectangles,
LibreOffice flows a merged cell's text on over the break, and an unruled table spaces
the paragraphs of one cell almost as far apart as its rows.
"""

from __future__ import annotations

from pathlib import Path

from cspipe.extractors.actionplan import records_from_tables
from cspipe.extractors.pdf import open_pdf
from cspipe.extractors.table_join import build_logical_tables, logical_tables
from cspipe.extractors.tables import find_page_tables

RENDERINGS = Path(__file__).resolve().parent.parent / "corpus" / "renderings"


def _priority_of(pdf: str, pages: slice) -> dict[str, str | None]:
    """Each action's opening words (four) and the priority read for it."""
    with open_pdf(RENDERINGS / pdf) as views:
        records = records_from_tables(logical_tables(views[pages]))
    return {" ".join(a.description.split()[:4]): a.priority for a in records.activities}


def test_chromium_rowspan_cut_by_the_page_break() -> None:
    """Page 2 of the reordered plan opens with the rest of a row cut at the break (no top rule,
    the merged Priority and Objective cells open above) and ends with a Priority cell merged
    over rows that go on to page 3 (no bottom rule under it): every column is read, every
    action keeps its priority."""
    got = _priority_of("east-suffolk-actionplan-reordered.cr.pdf", slice(0, 3))
    assert got["Provide clear signposting to"] == "Hate Crime"
    assert got["Ensure all community events"] == "Hate Crime"
    assert got["Identify relevant organisations, community"] == "Prevent"
    assert got["Identify places where graffiti"] == "Prevent"
    with open_pdf(RENDERINGS / "east-suffolk-actionplan-reordered.cr.pdf") as views:
        first = find_page_tables(views[1])[0]
    assert first.xs[0] < 50  # the Action column at the left margin is part of the table


def test_word_merged_cell_text_flowing_over_the_page_break() -> None:
    """LibreOffice prints the end of a merged Priority cell's text at the top of the next page,
    in the first row there: it finishes the label above, it is no priority of its own."""
    with open_pdf(RENDERINGS / "east-cambs-smart-table.lo.pdf") as views:
        records = records_from_tables(logical_tables(views))
    whole = "Rural and acquisitive crime (particularly dwelling and business burglaries)"
    labels = [p.label for p in records.priorities]
    assert whole in labels
    assert not [x for x in labels if x[0].islower()]
    rural = [a for a in records.activities
             if a.priority and a.priority.startswith("Rural and acquisitive crime")]
    assert len({a.page for a in rural}) == 2  # its rows on both pages carry the whole label
    assert {a.priority for a in rural} == {whole}


def test_unruled_cell_of_several_paragraphs_is_one_row() -> None:
    """An unruled plan's Activity cell of three paragraphs, the other columns ended beside the
    third: the paragraph gap is measured in that column (not from the line's other words,
    set a point higher) and reads as within the row."""
    with open_pdf(RENDERINGS / "east-suffolk-actionplan-unruled.pdf") as views:
        tables = [find_page_tables(v) for v in views[1:2]]
    records = records_from_tables(build_logical_tables(tables))
    prevent = [a.description for a in records.activities if a.priority == "Prevent"]
    assert prevent[0].startswith("Identify relevant organisations")
    assert prevent[0].endswith("understand what work they do")
    assert not any(d.startswith("Connect with higher education") for d in prevent)


def _page_tables(pdf: str, number: int) -> list:
    import pdfplumber

    from cspipe.extractors.pdf import PageView
    from cspipe.extractors.tables import find_page_tables

    with pdfplumber.open(str(RENDERINGS / pdf)) as doc:
        return find_page_tables(PageView(number, doc.pages[number - 1]))


def test_chromium_row_cut_by_the_page_break_is_kept() -> None:
    # Chromium draws each border as a thin filled rectangle and leaves a row cut by the page
    # break open at the foot: the rectangles' own short ends must not pass for the closing rule
    (table,) = _page_tables("norfolk-ccsp-scrutiny-agenda-2021-09-16.cr.pdf", 77)
    assert [r[0] for r in table.rows] == ["2.7", "Prevent", "2.8", "2.9", "2.10", "2.11"]
    assert " ".join((table.rows[-1][1] or "").split()).startswith("Provide a multi-agency safeguarding response")


def test_chromium_merged_cell_drawn_in_pieces_stays_whole() -> None:
    # a SMART Target cell merged down three rows: its side rules come in one piece per row,
    # which meet end to end; no rule ends there, so the merged text is not cut into three
    tables = _page_tables("east-cambridgeshire-action-plan-2023-24.cr.pdf", 9)
    first = tables[0]
    assert first.rows[0][:3] == ["SMART Target", "CSP Priority", "Timescale"]
    assert (first.rows[1][0] or "").replace("\n", " ").startswith(
        "Commission an in-depth review of violence, particularly where injury occurred")
    assert "resources are available." in (first.rows[1][0] or "")
