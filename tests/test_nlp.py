"""The shared spaCy pipeline: registry names as ORG, entities filling funder / recipient slots."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cspipe.extractors import nlp
from cspipe.extractors.funding_text import funding_from_sentence


@pytest.fixture(autouse=True)
def _no_gazetteer() -> Iterator[None]:
    """Each test starts and ends without registry names in the ruler."""
    nlp.set_gazetteer(())
    yield
    nlp.set_gazetteer(())


def _orgs(text: str) -> list[str]:
    return [t for label, t, _s, _e in nlp.entities(text) if label == "ORG"]


def test_gazetteer_names_are_tagged_org() -> None:
    text = "Funding came from Suffolk Public Sector Leaders and the OPCCN this year."
    assert "Suffolk Public Sector Leaders" not in _orgs(text)
    nlp.get_nlp(["Suffolk Public Sector Leaders", "OPCCN", "All"])
    orgs = _orgs(text)
    assert "Suffolk Public Sector Leaders" in orgs
    assert "OPCCN" in orgs
    # an everyday word among the aliases is not matched case-insensitively
    assert not _orgs("All partners agreed the plan.")


def test_entities_offsets_and_labels() -> None:
    text = "In March 2023 the Home Office awarded £960,000 to Anytown Borough Council for 2023/24."
    ents = nlp.entities(text)
    for _label, value, start, end in ents:
        assert text[start:end] == value
    labels = {(label, value) for label, value, _s, _e in ents}
    assert ("MONEY", "£960,000") in labels
    assert ("DATE", "March 2023") in labels
    assert ("ORG", "Home Office") in labels
    assert ("ORG", "Anytown Borough Council") in labels


def test_funder_and_recipient_from_org_entities() -> None:
    [rec] = funding_from_sentence(
        "The Home Office awarded £1.2 million of Safer Streets funding to Anytown Borough "
        "Council in 2023/24 for lighting and CCTV in the town centre.", page=3)
    assert rec.amount_gbp == 1_200_000
    assert rec.funder_text == "Home Office"
    assert rec.recipient_text == "Anytown Borough Council"
    assert rec.period == "2023/24"


def test_subject_funder_and_date_entity() -> None:
    [rec] = funding_from_sentence(
        "In September 2024 Westshire County Council allocated £45,000 from its prevention "
        "budget to Northvale Community Safety Partnership.", page=1)
    assert rec.funder_text == "Westshire County Council"
    assert rec.recipient_text == "Northvale Community Safety Partnership"
    assert rec.date == "2024-09"


def test_registry_name_fills_the_funder_slot() -> None:
    name = "Office of the Police and Crime Commissioner for Westshire"
    nlp.set_gazetteer([name])
    [rec] = funding_from_sentence(
        f"For 2024/25 the {name} has granted £30,000 to the Partnership for diversionary "
        "youth activities.", page=2)
    assert rec.funder_text == name


def test_each_sum_keeps_its_own_recipient() -> None:
    recs = funding_from_sentence(
        "The Ministry of Justice provided £50,000 to Eastport City Council, of which £20,000 "
        "was allocated to Harbour Youth Trust.", page=1)
    by_amount = {r.amount_gbp: r for r in recs}
    assert by_amount[50_000].recipient_text == "Eastport City Council"
    assert by_amount[20_000].recipient_text == "Harbour Youth Trust"
    assert by_amount[50_000].funder_text == "Ministry of Justice"


def test_model_switch_falls_back_to_blank(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSPIPE_SPACY_MODEL", "en_no_such_pipeline_installed")
    pipe = nlp.get_nlp()
    assert "sentencizer" in pipe.pipe_names
    assert "entity_ruler" in pipe.pipe_names
    assert "ner" not in pipe.pipe_names
    assert ("ORG", "Home Office") in {(lb, t) for lb, t, _s, _e in
                                       nlp.entities("Paid by the Home Office.")}
