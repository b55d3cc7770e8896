"""The packaged registry: ids are slugs of names, coverage, partnerships, extra aliases."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from cspipe.models import ORG_KINDS
from cspipe.pipeline.match.registry import Registry
from cspipe.pipeline.match.registry.text import slugify


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
    assert {o.id for o in registry.by_alias("National Probation Service")} == {
        "national-probation-service"
    }
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


def test_bodies_of_other_periods_and_every_area() -> None:
    """Each category of issue 10, with dates, areas and successor links."""
    registry = Registry.load()
    cats = Counter(o.category for o in registry.organisations.values())
    print({k: v for k, v in cats.items() if k})
    assert cats["probation_trust"] >= 35 and cats["crc"] == 21
    assert cats["primary_care_trust"] >= 150 and cats["police_authority"] >= 41
    assert cats["prison"] + cats["young_offender_institution"] >= 110
    for category in ("youth_offending_service", "health_and_wellbeing_board",
                     "safeguarding_children_board", "safeguarding_adults_board",
                     "drug_and_alcohol_action_team", "local_criminal_justice_board",
                     "police_and_crime_panel", "county_community_safety_partnership",
                     "clinical_commissioning_group"):
        assert cats[category] >= 10, category
    tvpt = registry.get("thames-valley-probation-trust")
    assert tvpt.end_date == "2014-05-31" and "E06000042" in tvpt.areas  # Milton Keynes
    crc = registry.get(tvpt.successor)
    assert crc.category == "crc" and crc.successor == "probation-service"
    assert registry.get("national-probation-service").successor == "probation-service"
    authority = registry.get("thames-valley-police-authority")
    assert authority.end_date == "2012-11-21"
    assert authority.successor == "office-of-the-police-and-crime-commissioner-for-thames-valley"
    pct = registry.get("milton-keynes-primary-care-trust")
    assert pct.start_date == "2006-10-01" and pct.end_date == "2013-03-31"
    assert registry.get("milton-keynes-youth-offending-service").parent == "milton-keynes-council"
    dangling = [o.id for o in registry.organisations.values()
                if o.successor and o.successor not in registry]
    assert not dangling


def test_partnership_brand_names() -> None:
    """Every CSP is known by its CDRP name, "Safer <Area>" and the initials of those."""
    registry = Registry.load()
    assert [o.id for o in registry.by_alias("SaferMK")] == ["milton-keynes-csp"]
    assert [o.id for o in registry.by_alias("Safer Maidstone Partnership")] == ["maidstone-csp"]
    assert [o.id for o in registry.by_alias("Lichfield CDRP")] == ["lichfield-csp"]
