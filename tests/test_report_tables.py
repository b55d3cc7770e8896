"""General table and report layouts: trackers, performance tables, grant tables, numbered
priority sections, and the dates and types a tracker's first lines state."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.render import build_pdf, cell, mm, para, ruled_table
from cspipe.extractors.actionplan import records_from_tables
from cspipe.extractors.columns import header_role, map_header
from cspipe.extractors.doc_type import classify
from cspipe.extractors.document import extract
from cspipe.extractors.leads import split_lead
from cspipe.extractors.metadata import extract_meta
from cspipe.extractors.pdf import open_pdf
from cspipe.extractors.table_join import logical_tables


def _table_pdf(path: Path, rows: list[list[str]], widths: list[float], intro: str = "") -> Path:
    story = [para(intro)] if intro else []
    story.append(ruled_table([[cell(c, bold=i == 0) for c in r] for i, r in enumerate(rows)],
                             [w * mm for w in widths]))
    build_pdf(path, story)
    return path


@pytest.mark.parametrize(("header", "role"), [
    ("Partner lead", "lead"), ("Service lead", "lead"), ("Start", "start"),
    ("Start date", "start"), ("End", "timescale"), ("End date", "timescale"),
    ("Target 2023/24", "kpi"), ("Outturn 2023/24", "value"), ("Baseline 2022/23", "baseline"),
    ("Direction of travel", "trend"), ("Awarded by", "funder"), ("Used for", "description"),
])
def test_header_vocabulary(header: str, role: str) -> None:
    assert header_role(header) == role


def test_grant_name_beside_an_amount_is_not_the_sum() -> None:
    cmap = map_header(["Grant", "Awarded by", "Amount", "Used for"])
    assert cmap is not None and cmap.roles == ["unknown", "funder", "funding", "description"]
    cmap = map_header(["Grant", "Amount"])
    assert cmap is not None and cmap.roles == ["description", "funding"]


def test_tracker_lead_end_and_footnote_marker(tmp_path: Path) -> None:
    rows = [["Theme", "Key action", "Partner lead", "Start", "End", "RAG", "Commentary"],
            ["Road safety", "Run speed awareness sessions in villages *",
             "Police (PC Jones, Roads Team) / DC Housing", "Apr-24", "Mar-25", "G", "On track."],
            ["Road safety", "Review casualty data with highways", "County Council Highways",
             "Jan-25", "Q4 24/25", "A", "Data requested."]]
    pdf = _table_pdf(tmp_path / "tracker.pdf", rows, [25, 50, 35, 15, 15, 10, 30])
    with open_pdf(pdf) as pages:
        rec = records_from_tables(logical_tables(pages))
    first, second = rec.activities
    assert first.description == "Run speed awareness sessions in villages"
    assert first.timescale == "Mar-25" and first.due_date == "2025-03-31"
    assert [p.raw for p in first.leads] == ["Police (PC Jones, Roads Team)", "DC Housing"]
    assert second.timescale == "Q4 24/25"


def test_comma_inside_brackets_stays_with_its_lead() -> None:
    assert [p.raw for p in split_lead("Police (PC Shaw, Rural Crime Team); Fire Service")] == [
        "Police (PC Shaw, Rural Crime Team)", "Fire Service"]


def test_performance_table_one_kpi_per_row(tmp_path: Path) -> None:
    rows = [["Indicator", "Baseline 2022/23", "Target 2023/24", "Outturn 2023/24", "Direction of travel"],
            ["Burglaries recorded by the police", "1,204", "Reduce by 5%", "1,100", "Improving"],
            ["Repeat victims of hate crime (%)", "18.2%", "Below 17%", "16.4%", "Improving"],
            ["Shoplifting offences", "310", "Monitor only", "342", "Declining"]]
    pdf = _table_pdf(tmp_path / "perf.pdf", rows, [60, 25, 30, 25, 30])
    with open_pdf(pdf) as pages:
        rec = records_from_tables(logical_tables(pages))
    assert [(k.description, k.target, k.value) for k in rec.kpis] == [
        ("Burglaries recorded by the police", "Reduce by 5%", 1100.0),
        ("Repeat victims of hate crime (%)", "Below 17%", 16.4),
        ("Shoplifting offences", "Monitor only", 342.0)]


def test_grants_table_rows_and_total(tmp_path: Path) -> None:
    rows = [["Grant", "Awarded by", "Amount", "Used for"],
            ["Safer Streets Fund", "Home Office", "£418,000", "CCTV and street lighting"],
            ["Small grants", "City Council", "£25,000", "Grants to community groups"],
            ["Total", "", "£443,000", ""]]
    pdf = _table_pdf(tmp_path / "grants.pdf", rows, [45, 40, 25, 60])
    with open_pdf(pdf) as pages:
        rec = records_from_tables(logical_tables(pages))
    assert [(f.amount_gbp, f.description, f.funder_text) for f in rec.funding] == [
        (418000.0, "CCTV and street lighting", "Home Office"),
        (25000.0, "Grants to community groups", "City Council")]


def test_priorities_as_numbered_subsection_headings(tmp_path: Path) -> None:
    body = ("Partners ran joint problem-solving in the wards with the highest demand and used "
            "the full range of tools available to them through the year, from warning letters "
            "to closure orders.")
    story = [para("3. PROGRESS AGAINST THE PRIORITIES"),
             para("3.1 The Strategy sets three priorities. Progress on each is summarised below "
                  "and the performance indicators are in the table at the end of this report."),
             para("3.2 Reducing shoplifting"), para(body),
             para("3.3 Tackling hate crime"), para(body),
             para("3.4 Reducing road casualties"), para(body),
             para("4. FINANCE"), para("4.1 Budget monitoring"), para(body)]
    pdf = tmp_path / "report.pdf"
    build_pdf(pdf, story)
    labels = [p.label for p in extract(pdf).priorities]
    assert labels == ["Reducing shoplifting", "Tackling hate crime", "Reducing road casualties"]


def test_tracker_type_and_position_date_is_not_a_meeting_date() -> None:
    assert classify("Partnership Plan Action Tracker 2024/25", "", "", 2, False, 1) == "action_plan"
    first = ("Anytown Community Safety Partnership - Action Tracker 2024/25\n"
             "Position at: 30 November 2024 Owner: CSP Co-ordinator\n")
    meta = extract_meta([first], [], [])
    assert meta.meeting_date is None
