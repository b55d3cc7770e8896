"""Plan tables whose sub-headings sit above or inside the header, over blank pages; measure
cells split into KPIs; priorities stated twice in short form; vague labels themed by context."""

from __future__ import annotations

from cspipe.extractors.actionplan import kpis_from_cell, records_from_tables, split_numbered
from cspipe.extractors.agenda import PageSignal, classify_item
from cspipe.extractors.dedupe import dedupe_priorities, short_form
from cspipe.extractors.publisher import council_for_domain, council_mentions
from cspipe.extractors.table_join import build_logical_tables
from cspipe.extractors.table_model import PageTable
from cspipe.extractors.tables import segment
from cspipe.extractors.themes import theme_of
from cspipe.models import PriorityRecord

XS = [50.0, 90.0, 300.0, 450.0, 560.0, 640.0, 780.0]
HEADER = ["N", "Action", "Success measure", "Owner", "Date", "Update"]


def _sub(text: str) -> list[str | None]:
    return [text, None, None, None, None, None]


def _pt(page: int, rows: list[list[str | None]]) -> PageTable:
    return PageTable(page=page, bbox=(50.0, 60.0, 780.0, 500.0), xs=XS, rows=rows)


def test_sub_headings_above_and_inside_repeated_headers_and_over_a_blank_page() -> None:
    p1 = _pt(1, [_sub("Burglary"), HEADER,
                 ["1.1", "Target-harden homes", "Homes visited", "Police", "Ongoing", ""]])
    p2 = _pt(2, [["1.2", "Run a cocooning scheme", "Streets covered", "Council", "TBC", ""],
                 _sub("Scams"), HEADER,
                 ["1.3", "Deliver scam awareness talks", "Talks given", "Trading Standards",
                  "March 2024", ""]])
    p4 = _pt(4, [_sub("Serious violence"),
                 ["1.4", "Map knife crime hotspots", "Map published", "Police", "TBC", ""]])
    tables = build_logical_tables([segment(p1), segment(p2), [], segment(p4)], blank_pages={3})
    recs = records_from_tables(tables)
    got = [(a.description, a.priority, a.theme) for a in recs.activities]
    assert got == [
        ("Target-harden homes", "Burglary", "neighbourhood_crime"),
        ("Run a cocooning scheme", "Burglary", "neighbourhood_crime"),
        ("Deliver scam awareness talks", "Scams", "fraud"),
        ("Map knife crime hotspots", "Serious violence", "serious_violence"),
    ]
    # sub-headings group rows; they are not priorities the document states
    assert recs.priorities == []
    assert [p.label for p in recs.grouping_priorities] == ["Burglary", "Scams", "Serious violence"]


def test_a_non_blank_page_between_fragments_breaks_the_table() -> None:
    p1 = _pt(1, [HEADER, ["1.1", "Target-harden homes", "Homes visited", "Police", "TBC", ""]])
    p3 = _pt(3, [["1.2", "Run a cocooning scheme", "Streets covered", "Council", "TBC", ""]])
    tables = build_logical_tables([[p1], [], [p3]])
    assert len(records_from_tables(tables).activities) == 1


def test_table_title_above_header_is_not_a_sub_heading() -> None:
    p1 = _pt(1, [_sub("Delivery Plan 2023/24"), HEADER,
                 ["1.1", "Target-harden homes", "Homes visited", "Police", "TBC", ""]])
    recs = records_from_tables(build_logical_tables([segment(p1)]))
    assert recs.activities[0].priority is None


def test_plan_title_heading_is_the_objective_not_the_priority() -> None:
    p1 = _pt(1, [HEADER, ["1.1", "Target-harden homes", "Homes visited", "Police", "TBC", ""]])
    p1.heading = "Tackling Neighbourhood Crime Delivery Plan"
    act = records_from_tables(build_logical_tables([[p1]])).activities[0]
    assert act.priority is None and act.objective == "Tackling Neighbourhood Crime Delivery Plan"


def test_measure_cells_split_at_bullets_and_unspaced_numbers() -> None:
    assert split_numbered("• Data profile • Market profile") == ["Data profile", "Market profile"]
    assert split_numbered("1.Staff trained 2.Victims supported") == ["Staff trained",
                                                                     "Victims supported"]
    assert [k.description for k in kpis_from_cell("Reduce by 2.5 per cent", 1)] == [
        "Reduce by 2.5 per cent"]


def test_tbc_measure_with_tbc_date_is_a_placeholder_row() -> None:
    p1 = _pt(1, [HEADER, ["1.1", "Adopt a new approach", "TBC", "TBC", "TBC", ""],
                 ["1.2", "Train staff", "TBC", "Police", "", ""]])
    acts = records_from_tables(build_logical_tables([[p1]])).activities
    assert acts[0].kpis == []
    assert [k.description for k in acts[1].kpis] == ["TBC"]


def test_short_forms_of_a_stated_priority_are_one_priority() -> None:
    assert short_form("VAWG", "Violence against women and girls (VAWG)")
    assert short_form("ASB", "Anti-social behaviour")
    assert short_form("Prevent", "Preventing Radicalisation")
    assert not short_form("Data", "Digital")
    items = [PriorityRecord(label="Prevent", theme="prevent", page=9),
             PriorityRecord(label="Preventing Radicalisation", theme="prevent", page=4),
             PriorityRecord(label="ASB", theme="asb", page=9),
             PriorityRecord(label="Anti-social behaviour", theme="asb", page=4),
             PriorityRecord(label="Fraud", theme="fraud", page=4)]
    assert [p.label for p in dedupe_priorities(items)] == [
        "Preventing Radicalisation", "Anti-social behaviour", "Fraud"]


def test_bare_exploitation_label_is_themed_by_its_context() -> None:
    labour = "Visit farms and factories to identify exploitation of the workforce"
    criminal = "Disrupt county lines drug dealing and safeguard children"
    assert theme_of("Exploitation", labour) == "modern_slavery"
    assert theme_of("Exploitation", criminal) == "criminal_exploitation"
    assert theme_of("Criminal Exploitation", labour) == "criminal_exploitation"


def test_council_names_run_together_with_people_or_joined_by_and() -> None:
    text = ("Cllr Ann Other Cllr Bob Smith Westshire County Council\n"
            "an agreement between the Commissioner for Westshire and Westshire County Council\n"
            "Westshire County Council\n")
    found = council_mentions(text)
    assert "Westshire County Council" in found
    assert council_for_domain("westshire.gov.uk", list(found)) == "Westshire County Council"


def test_consultation_items_are_their_own_kind() -> None:
    page = PageSignal(5, "Consultation on the Partnership Plan\nExecutive Summary\n", False)
    assert classify_item([page])[0] == "consultation"
