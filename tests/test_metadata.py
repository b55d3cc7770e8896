"""Cover sheets, partnership and council names, document types."""

from __future__ import annotations

from cspipe.extractors.cover import read_cover
from cspipe.extractors.doc_type import classify
from cspipe.extractors.funding_text import find_funding, funding_from_sentence
from cspipe.extractors.metadata import extract_meta, find_committee
from cspipe.extractors.privacy import redact
from cspipe.extractors.publisher import council_for_domain, council_mentions, partnership_mentions

COVER = """Western Suffolk Community Safety Partnership Monitoring Report
Report number:\tOAS/WS/23/012
Report to and date(s):\tOverview and Scrutiny Committee\t21 September 2023
Cabinet member:\tCouncillor Donna Higgins Cabinet Member for Families Tel: 01284 769000 Email: donna.higgins@westsuffolk.gov.uk
Lead officer:\tDavina Howes Director (Families and Communities) Email: Davina.howes@westsuffolk.gov.uk
1.2 The Western Suffolk CSP covers West Suffolk Council, Babergh and Mid Suffolk council areas.
1.3 The Western Suffolk Community Safety Partnership (WSCSP) has continued to meet.
"""


def test_cover_from_label_lines() -> None:
    cover = read_cover([], COVER.splitlines())
    assert cover.fields["report_number"] == "OAS/WS/23/012"
    assert cover.fields["report_to"].startswith("Overview and Scrutiny Committee")
    assert [label for label, _ in cover.people] == ["cabinet member", "lead officer"]


def test_cover_from_ruled_table_rows() -> None:
    rows = [[["Subject", "Review of the East Suffolk Community Safety Partnership"],
             ["Report by", "Councillor Mike Ninnmey, Cabinet Member"]]]
    cover = read_cover(rows, [])
    assert cover.fields["title"] == "Review of the East Suffolk Community Safety Partnership"


def test_extract_meta_from_text() -> None:
    meta = extract_meta([COVER, "2.1 WSCSP works with Suffolk County Council."], [], [])
    assert meta.report_number == "OAS/WS/23/012"
    assert meta.committee == "Overview and Scrutiny Committee"
    assert meta.meeting_date == "2023-09-21"
    assert meta.partnership_text == "Western Suffolk Community Safety Partnership"
    assert meta.authority_text == "West Suffolk Council"
    assert meta.doc_type == "monitoring_report"
    assert [(p.name, p.org_text) for p in meta.people] == [
        ("Donna Higgins", "West Suffolk Council"), ("Davina Howes", "West Suffolk Council")]


def test_partnership_abbreviation_expands() -> None:
    text = "The Norfolk County Community Safety Partnership (NCCSP) met. NCCSP agreed. NCCSP did."
    counts = partnership_mentions(text)
    assert counts.most_common(1)[0][0] == "Norfolk County Community Safety Partnership"


def test_council_names_and_domains() -> None:
    text = "East Cambridgeshire District Council (ECDC) leads. ECDC and ECDC. Cambridge County Council."
    counts = council_mentions(text)
    assert counts.most_common(1)[0][0] == "East Cambridgeshire District Council"
    assert council_for_domain("norfolk.gov.uk", ["North Norfolk District Council",
                                                 "Norfolk County Council"]) == "Norfolk County Council"
    assert "St Edmundsbury Borough Council" in council_mentions("meets in the St\nEdmundsbury Borough Council")


def test_committee_and_types() -> None:
    assert find_committee("SCRUTINY COMMITTEE") == "Scrutiny Committee"
    assert classify("Current Action Plan", "Community Safety Partnership", "", 19, False, 1) == "action_plan"
    assert classify("Review of the CSP", "SCRUTINY COMMITTEE", "", 14, True, 1) == "scrutiny_report"
    assert classify("Minutes", "Minutes of the meeting held on 20 July", "", 3, False, 1) == "minutes"


def test_funding_sentences() -> None:
    recs = funding_from_sentence(
        "Funding of £9,783 has been available to the CSP annually for three years "
        "(2019/20, 2020/21 and 2021/22) from Suffolk Public Sector Leaders, via the Board.", 7)
    assert [(r.amount_gbp, r.period, r.funder_text) for r in recs] == [
        (9783.0, "2019/20", "Suffolk Public Sector Leaders"),
        (9783.0, "2020/21", "Suffolk Public Sector Leaders"),
        (9783.0, "2021/22", "Suffolk Public Sector Leaders")]
    one = funding_from_sentence("that Suffolk local authorities will contribute £2,000 each year; "
                                "2016 -17 and 2017 -18", 1)
    assert [(r.amount_gbp, r.period) for r in one] == [(2000.0, "2016/17 and 2017/18")]
    assert funding_from_sentence("Reports to Action Fraud, with a total reported loss of £16.1m.", 1) == []
    got = find_funding([("An additional pot of £16,500 was available in 2021/2022 for work.", 2),
                        ("Although the £16,500 pot remains unspent, it was made available.", 6)])
    assert [(r.amount_gbp, r.page) for r in got] == [(16500.0, 2)]
    assert funding_from_sentence("The contribution from St Edmundsbury was £875.", 3)[0].funder_text \
        == "St Edmundsbury"


def test_redact_contacts() -> None:
    text = "Nicole Rickard, Head of Communities Nicole.rickard@eastsuffolk.gov.uk 07766 998074"
    assert redact(text) == "Nicole Rickard, Head of Communities"
    assert redact("1,250 champions on 28/07/2019 for £9,783") == "1,250 champions on 28/07/2019 for £9,783"
    assert redact(text, keep_contacts=True) == text


def test_other_partnership_names_and_styled_council_names() -> None:
    counts = partnership_mentions("The Safer Riverton Partnership is the CSP for the area.")
    assert counts.most_common(1)[0][0] == "Riverton Community Safety Partnership"
    counts = partnership_mentions("Members of the Riverton Safer Communities Partnership met.")
    assert counts.most_common(1)[0][0] == "Riverton Community Safety Partnership"
    # "City and County of <Area>\nCouncil" wrapped, and the short "<Area> Council" elsewhere
    text = ("Its members are the City and County of Riverton\nCouncil, the police. "
            "Riverton Council funds it. Grants to Riverton Council. Independent Riverton Council")
    counts = council_mentions(text)
    assert counts.most_common(1)[0][0] == "City and County of Riverton Council"


def test_performance_report_and_plan_with_cover() -> None:
    assert classify("Riverton CSP: Performance Report Quarter 2", "Report to Overview", "", 5,
                    True, 1) == "monitoring_report"
    assert classify("Riverton CSP Action Plan 2024-25", "Riverton CSP Action Plan", "", 2,
                    True, 1) == "action_plan"
