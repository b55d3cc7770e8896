"""Splitting an agenda pack into its items."""

from __future__ import annotations

from cspipe.extractors.agenda import PageSignal, split_sections

FRONT = """Norfolk Countywide Community Safety Partnership Scrutiny Sub Panel
Date: Thursday 16 September 2021
Agenda
1. To receive apologies
2. Minutes (Page 3)
3. Members to Declare any Interests
4. Safer Norfolk Plan (Page 4)
5. Delivery Plan (Page 6)
"""


def test_pack_split_by_signals_and_page_refs() -> None:
    pages = [
        PageSignal(1, FRONT, False),
        PageSignal(2, "Membership\nCllr A Person Norfolk County Council", False),
        PageSignal(3, "Scrutiny Sub Panel\nMinutes of the meeting held on 20 July 2021\nPresent:", False),
        PageSignal(4, "Safer Norfolk Plan 2021-24\nOur community safety strategy", False),
        PageSignal(5, "1. Introduction\nThe plan sets out the priorities.", False),
        PageSignal(6, "Delivery Plan\nN Action Success measure Owner Date Update", True),
        PageSignal(7, "Fraud\n2 Raise awareness of scams", True),
    ]
    got = [(s.kind, s.first_page, s.last_page) for s in split_sections(pages)]
    assert got == [("front_sheet", 1, 2), ("minutes", 3, 3), ("strategy", 4, 5),
                   ("delivery_plan", 6, 7)]


def test_single_document_is_one_section() -> None:
    pages = [PageSignal(1, "Report title: Review of the CSP", False),
             PageSignal(2, "Background", False)]
    (section,) = split_sections(pages)
    assert (section.kind, section.first_page, section.last_page) == ("document", 1, 2)
