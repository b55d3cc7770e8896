"""The packaged registry: ids are slugs of names, coverage, partnerships, extra aliases."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from models import ORG_KINDS
from pipeline.registry import Registry
from pipeline.registry.text import slugify


def test_ids_are_slugs_and_kinds_valid() -> None:
    registry = Registry.load()
    for org in registry.organisations.values():
        assert org.kind in ORG_KINDS, org
        if org.id != "all-partners":
            assert org.id == slugify(org.name), org
    assert slugify("King's Lynn & West Norfolk") == "kings-lynn-and-west-norfolk"


def test_coverage_counts() -> None:
    registry = Registry.load()
    kinds = Counter(o.kind for o in registry.organisations.values())
    print(dict(kinds))
    assert kinds["district_council"] + kinds["county_council"] + kinds["unitary_council"] >= 450
    police = [
        o
        for o in registry.organisations.values()
        if o.kind == "police" and "police-register" in (o.source or "")
    ]
    assert len(police) == 44  # 43 territorial forces + PSNI
    assert "british-transport-police" in registry
    assert kinds["pcc"] >= 41 and kinds["fire_rescue"] >= 48
    assert registry.get("all-partners").name == "All partners"


def test_partnerships() -> None:
    registry = Registry.load()
    assert len(registry.partnerships) >= 314
    norfolk = registry.partnership("norfolk-csp")
    assert norfolk is not None and "NCCSP" in norfolk.abbreviations
    assert norfolk.force == "norfolk-constabulary"
    assert registry.partnership("breckland-csp").replaced_by == "norfolk-csp"
    assert registry.partnership("suffolk-coastal-csp").replaced_by == "east-suffolk-csp"
    western = registry.partnership("western-suffolk-csp")
    assert western.gss_code == "E22000373" and "WSCSP" in western.abbreviations


def test_lookups_and_extra_aliases(tmp_path: Path) -> None:
    registry = Registry.load()
    assert [o.id for o in registry.by_name("Suffolk County Council")] == ["suffolk-county-council"]
    assert "probation-service" in {o.id for o in registry.by_alias("National Probation Service")}
    extra = tmp_path / "aliases.csv"
    extra.write_text("id,alias,abbreviation\nsuffolk-county-council,Endeavour House,SuffCC\n")
    custom = Registry.load(extra)
    assert custom is Registry.load(extra)
    assert [o.id for o in custom.by_alias("Endeavour House")] == ["suffolk-county-council"]
    assert [o.id for o in custom.by_abbreviation("SuffCC")] == ["suffolk-county-council"]
    assert not Registry.load().by_alias("Endeavour House")


def test_council_services_point_at_their_council() -> None:
    """A council's team or service is a curated council-kind row whose parent is that council."""
    registry = Registry.load()
    services = [
        o
        for o in registry.organisations.values()
        if o.source == "curated" and o.parent and not o.gss_code
    ]
    assert {"suffolk-youth-justice-service", "healthy-schools-cambridgeshire-and-peterborough"} <= {
        o.id for o in services
    }
    for org in services:
        parent = registry.get(org.parent)
        assert parent is not None and parent.kind == org.kind, org


def test_bodies_the_corpus_names_are_listed() -> None:
    """Bodies the seed papers name, under the official names the golds use."""
    registry = Registry.load()
    for name in [
        "Office of the Domestic Abuse Commissioner",
        "Leeway Domestic Violence and Abuse Services",
        "Restitute",
        "Missing People",
        "Greater Anglia",
        "HSBC UK",
        "Norse Group",
        "Crest Advisory",
        "Rotary Club of Lowestoft",
        "Cambridgeshire County Prevent Board",
        "Ely Primary Care Network",
        "Norfolk Police and Crime Panel",
    ]:
        assert registry.by_name(name), name
    assert registry.by_alias("Lowestoft Rotary")[0].id == "rotary-club-of-lowestoft"
    assert registry.by_abbreviation("HSBC")[0].id == "hsbc-uk"
