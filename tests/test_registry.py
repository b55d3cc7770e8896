"""The packaged registry: ids are slugs of names, coverage, partnerships, extra aliases."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from cspipe.models import ORG_KINDS
from cspipe.pipeline.match.registry import Registry
from cspipe.pipeline.match.registry.build_ccgs import load_ccgs
from cspipe.pipeline.match.registry.build_model import (
    HERE,
    ORG_COLUMNS,
    PARTNERSHIP_COLUMNS,
    SOURCES,
    read_csv,
)
from cspipe.pipeline.match.registry.build_registry import build, write_csv
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


def _ccgs_alive(registry: Registry, day: str) -> list:
    return [o for o in registry.organisations.values()
            if o.category == "clinical_commissioning_group" and o.start_date <= day <= o.end_date]


def test_clinical_commissioning_groups_every_one_with_dates_and_successors() -> None:
    """All 248 CCG codes ODS issued: 211 in April 2013, 195 after the 2018 mergers, 135 in
    April 2020, 106 from April 2021 to their abolition on 30 June 2022."""
    registry = Registry.load()
    ccgs = [o for o in registry.organisations.values()
            if o.category == "clinical_commissioning_group"]
    assert len(ccgs) == 248
    counts = {day: len(_ccgs_alive(registry, day)) for day in
              ("2013-04-01", "2017-04-01", "2018-04-01", "2019-04-01", "2020-04-01",
               "2021-04-01", "2022-06-30")}
    assert counts == {"2013-04-01": 211, "2017-04-01": 207, "2018-04-01": 195,
                      "2019-04-01": 191, "2020-04-01": 135, "2021-04-01": 106,
                      "2022-06-30": 106}
    for org in ccgs:
        after = registry.get(org.successor)
        assert after is not None, org.id
        if org.end_date == "2022-06-30":
            assert after.id.endswith("-integrated-care-board") and after.start_date == "2022-07-01"
        else:  # merged: the successor began the day after
            assert after.category == "clinical_commissioning_group", org.id
            next_day = date.fromisoformat(org.end_date) + timedelta(days=1)
            assert after.start_date == next_day.isoformat(), org.id
        assert org.source.startswith("ods-eccg:") and org.areas, org.id
    mk = registry.get("nhs-milton-keynes-clinical-commissioning-group")
    assert (mk.start_date, mk.end_date, mk.source) == ("2013-04-01", "2021-03-31", "ods-eccg:04F")
    assert mk.successor == "nhs-bedfordshire-luton-and-milton-keynes-clinical-commissioning-group"
    newcastle = registry.get("nhs-newcastle-gateshead-clinical-commissioning-group")
    assert newcastle.start_date == "2015-04-01"  # the merger, not ODS's 2014 opening of the code
    # Bassetlaw moved to the Nottingham and Nottinghamshire ICB when ICBs took over
    bassetlaw = registry.get("nhs-bassetlaw-clinical-commissioning-group")
    assert bassetlaw.successor == "nhs-nottingham-and-nottinghamshire-integrated-care-board"
    assert "E07000114" in registry.get("nhs-thanet-clinical-commissioning-group").areas


def test_every_english_council_area_had_a_ccg() -> None:
    """At each date every district, unitary, metropolitan and London borough lay in a CCG."""
    registry = Registry.load()
    councils = [o for o in registry.organisations.values()
                if o.kind in ("district_council", "unitary_council") and o.gss_code
                and o.gss_code[:3] in ("E06", "E07", "E08", "E09")]
    for day in ("2013-04-01", "2016-04-01", "2019-04-01", "2021-04-01", "2022-06-30"):
        covered = set().union(*(o.areas for o in _ccgs_alive(registry, day)))
        in_being = [c for c in councils if (c.start_date or "") <= day
                    and (not c.end_date or c.end_date >= day)]
        assert not [c.name for c in in_being if c.gss_code not in covered], day


def test_ccg_sources_are_checked_against_each_other(tmp_path: Path) -> None:
    """A curated name that is not the ODS name, or a code ODS does not list, stops the build."""
    rows = (HERE / "curated_ccgs.csv").read_text(encoding="utf-8").splitlines()
    records = load_ccgs(read_csv, SOURCES, HERE)
    assert len(records) == len(rows) - 1
    renamed = [r.replace("NHS Ashford CCG", "NHS Ashfield CCG") for r in rows]
    (tmp_path / "curated_ccgs.csv").write_text("\n".join(renamed) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="09C"):
        load_ccgs(read_csv, SOURCES, tmp_path)
    (tmp_path / "curated_ccgs.csv").write_text("\n".join(rows[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="different codes"):
        load_ccgs(read_csv, SOURCES, tmp_path)


def test_builder_regenerates_the_committed_registry(tmp_path: Path) -> None:
    """The committed CSVs are exactly what the builder makes from the committed inputs."""
    orgs, partnerships = build()
    write_csv(tmp_path / "organisations.csv", ORG_COLUMNS, orgs)
    write_csv(tmp_path / "partnerships.csv", PARTNERSHIP_COLUMNS, partnerships)
    for name in ("organisations.csv", "partnerships.csv"):
        assert (tmp_path / name).read_bytes() == (HERE / name).read_bytes(), name


#: ODS national grouping (NHS region) -> the English regions of its councils
_NHS_REGIONS = {"Y56": {"London"}, "Y58": {"South West"}, "Y59": {"South East"},
                "Y60": {"East Midlands", "West Midlands"}, "Y61": {"East of England"},
                "Y62": {"North West"}, "Y63": {"North East", "Yorkshire and The Humber"}}


def test_ccg_areas_lie_in_their_nhs_region() -> None:
    """A CCG's councils lie in the region ODS files it under (a check on the hand-written areas),
    but for the places the NHS put across regional lines: Milton Keynes with the East of
    England, North Cumbria with the North East, Glossop (High Peak) with Tameside."""
    registry = Registry.load()
    region = {row["gss-code"]: row["region"]
              for row in read_csv(SOURCES / "uk_local_authorities.csv") if row["gss-code"]}
    grouping = {row["organisation_code"]: row["national_grouping"]
                for row in read_csv(SOURCES / "ods_eccg_ccgs.csv")}
    across = {"04F": "South East", "M1J4Y": "South East", "01H": "North West",
              "01Y": "East Midlands"}
    for org in registry.organisations.values():
        if org.category != "clinical_commissioning_group":
            continue
        code = org.source.removeprefix("ods-eccg:")
        allowed = _NHS_REGIONS[grouping[code]] | {across.get(code, "")}
        assert {region[a] for a in org.areas if a in region} <= allowed, org.id
