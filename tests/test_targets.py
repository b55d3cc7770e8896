"""The measurable part of a SMART target: the clause that states each amount, and the amount."""

from __future__ import annotations

import pytest

from cspipe.extractors.blocks import measurable_kpis
from cspipe.extractors.targets import measurable_clauses

#: SMART targets as East Cambridgeshire's action plan writes them, with the KPIs its gold records
CASES = [
    ("Work with the business partners and business organisations to create opportunities to roll out "
     "Shop Watch to at least 2 parishes.",
     [("roll out Shop Watch to at least 2 parishes", "at least 2 parishes")]),
    ("Raise awareness with parish councils to create opportunities to roll out the Sister Safe project to "
     "parish councils to at least 1 other parish by March 2024.",
     [("roll out the Sister Safe project to parish councils to at least 1 other parish by March 2024",
       "at least 1 other parish by March 2024")]),
    ("Organise and support the delivery of at least 1 multi-agency community safety forum and the "
     "development of at least 1 parish-level action plan to address issues identified by March 2024.",
     [("delivery of at least 1 multi-agency community safety forum",
       "at least 1 multi-agency community safety forum"),
      ("development of at least 1 parish-level action plan to address issues identified by March 2024",
       "at least 1 parish-level action plan")]),
    ("Provide Community Eyes and Ears training to at least 2 other community organisations.",
     [("Provide Community Eyes and Ears training to at least 2 other community organisations",
       "at least 2 other community organisations")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_clause_of_each_amount(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert measurable_clauses(sentence) == expected


def test_two_amounts_joined_by_and_are_two_kpis_of_the_action() -> None:
    kpis = measurable_kpis("Increase membership to more than 50 and recruit at least 3 new partners.", 4)
    assert [(k.description, k.target, k.page) for k in kpis] == [
        ("Increase membership to more than 50", "more than 50", 4),
        ("recruit at least 3 new partners", "at least 3 new partners", 4)]


def test_no_amount_no_kpi() -> None:
    assert measurable_clauses("Promote the Community Safety Ward Member booklet to ward members.") == []
    assert measurable_clauses("Deliver the programme over 2023/24 with partners.") == []
