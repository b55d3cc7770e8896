"""Header cells read by meaning: header words seen in real councils' plans (docs/layouts.md),
compound headers, misspellings, and roles the table's other columns and content settle."""

from __future__ import annotations

import pytest

from cspipe.extractors.columns import header_role, map_header

# (header as written in a real plan or grant table, the role a researcher reads in it)
SEEN = [
    ("Delivery Led By", "lead"),
    ("Lead Agency/Officer", "lead"),
    ("Lead agency/partner(s)", "lead"),
    ("BY WHOM", "lead"),
    ("Responsibilty", "lead"),  # misspelt as written
    ("Methods", "activity"),
    ("Approach", "activity"),
    ("To do this we will", "activity"),
    ("How/what activity?", "activity"),
    ("PROPOSED ACTION", "activity"),
    ("Timescales (when achieved by)", "timescale"),
    ("Target Date", "timescale"),
    ("Milestones", "timescale"),
    ("Current Situation", "progress"),
    ("Continue or Discharge?", "status"),
    ("National indicator (Bold if in LAA)", "kpi"),
    ("Grant value (£)", "funding"),
    ("Resources Allocated", "funding"),
    ("Type of Funding", "description"),
    ("Brief Description", "description"),
    ("Applicant", "recipient"),
    ("Key Aims and Outcomes", "objective"),
]


@pytest.mark.parametrize(("header", "role"), SEEN)
def test_header_words_seen_in_real_papers(header: str, role: str) -> None:
    assert header_role(header) == role


def test_cut_sentences_are_not_headers() -> None:
    # the cut half of a row at a page top reads as words, never as a header
    assert header_role("concerns, then build trust") == "unknown"
    assert header_role("and activity programmes") == "unknown"


def test_two_lead_columns_either_side_of_the_actions() -> None:
    cmap = map_header(["Priority", "Lead Agency", "Targets", "Methods", "Lead"])
    assert cmap is not None
    assert cmap.roles == ["priority", "unknown", "kpi", "activity", "lead"]


def test_outcome_right_of_the_actions_is_a_measure() -> None:
    cmap = map_header(["Priority", "Action", "Lead", "Outcome"])
    assert cmap is not None and cmap.roles[3] == "kpi"


def test_column_of_indicator_codes_numbers_the_rows() -> None:
    body = [["Reduce repeat victims of domestic abuse", "PI 12", "Police"],
            ["Increase reporting of hate crime", "NI 35, NI 36", "Council"]]
    cmap = map_header(["Action", "Targets", "Lead"], body)
    assert cmap is not None and cmap.roles == ["activity", "number", "lead"]


def test_plan_without_an_action_header_takes_its_longest_text_column() -> None:
    body = [["1", "To reduce the number of young people entering the justice system", "YOS",
             "Apr-25"],
            ["2", "To run a summer programme of diversionary activities in parks", "Council",
             "Aug-24"]]
    cmap = map_header(["No.", "Aims", "Lead", "Target Date"], body)
    assert cmap is not None and cmap.roles == ["number", "activity", "lead", "timescale"]


def test_grant_table_with_area_and_type_of_funding() -> None:
    cmap = map_header(["Organisation/Geographical Area", "Type of Funding", "Amount"])
    assert cmap is not None and cmap.roles == ["recipient", "description", "funding"]
