"""Organisations from each public source: councils, police forces, PCC offices, fire and
rescue services, NHS bodies, the government register, and the curated rows and aliases."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from cspipe.pipeline.match.registry import build_bodies
from cspipe.pipeline.match.registry.build_model import (
    _COUNCIL_WORDS,
    _KIND_BY_LA_TYPE,
    _UPPER_TIER,
    Builder,
    Geography,
    Org,
    read_csv,
    split,
)
from cspipe.pipeline.match.registry.text import initialism, normalise, slugify

# --------------------------------------------------------------------------- organisations


def _has_council_word(alias: str) -> bool:
    return bool(set(normalise(alias).split()) & _COUNCIL_WORDS)


def add_councils(builder: Builder, geo: Geography, src: Path) -> dict[str, str]:
    """One row per mySociety local authority; returns mySociety code -> registry id."""
    names_by_code: dict[str, list[str]] = defaultdict(list)
    for row in read_csv(src / "lookup_name_to_registry.csv"):
        names_by_code[row["local-authority-code"]].append(row["la-name"])
    ids: dict[str, str] = {}
    for code, row in geo.las.items():
        ids[code] = slugify(row["official-name"])
    districts_of: dict[str, list[str]] = defaultdict(list)
    for code, row in geo.las.items():
        if row["local-authority-type"] == "NMD":
            county = geo.county_of(code)
            if county:
                districts_of[county].append(code)
    for code, row in geo.las.items():
        la_type = row["local-authority-type"]
        org = Org(
            id=ids[code],
            name=row["official-name"],
            kind=_KIND_BY_LA_TYPE.get(la_type, "other"),
            gss_code=row["gss-code"],
            start_date=row["start-date"],
            end_date=row["end-date"],
            place=row["nice-name"],
            source=f"mysociety:{code}",
        )
        for alias in names_by_code.get(code, []):
            if _has_council_word(alias) and normalise(alias) != normalise(row["nice-name"]):
                org.add_alias(alias)
        org.areas = geo.council_codes(code)
        if la_type == "CTY":
            for district in districts_of.get(code, []):
                org.areas |= geo.council_codes(district)
        if la_type == "NMD":
            county = geo.county_of(code)
            org.parent = ids.get(county, "")
            if county:  # a district is known across its county ("IBC" in a Suffolk paper)
                org.areas |= geo.la_gss.get(county, set())
        if la_type in _UPPER_TIER and row["nice-name"]:
            org.add_alias(f"{row['nice-name']} Trading Standards")
        if la_type not in {"COMB", "SRA"}:
            for form in [org.name, *org.aliases]:
                if "council" in form.lower() and "trading standards" not in form.lower():
                    abbr = initialism(form)
                    if len(abbr) >= 3:
                        org.add_abbreviation(abbr)
        builder.add(org)
    return ids


_FORCE_SUFFIXES = ("constabulary", "police service", "police")


def _force_area(name: str) -> str:
    key = normalise(name)
    for suffix in _FORCE_SUFFIXES:
        if key.endswith(" " + suffix):
            return key[: -len(suffix) - 1]
    return key


def force_area_lads(geo: Geography, pfa: str) -> set[str]:
    lads = [lad for lad, code in geo.lad_pfa.items() if code == pfa]
    return {pfa} | geo.expand_lads(lads)


def add_police(builder: Builder, geo: Geography, src: Path) -> dict[str, str]:
    """Territorial forces from the police register, joined to PFAs on the area word."""
    pfa_by_area = {normalise(n): code for code, n in geo.pfa_names.items()}
    pfa_by_area[normalise("Metropolitan")] = pfa_by_area.get(normalise("Metropolitan Police"), "")
    force_by_pfa: dict[str, str] = {}
    for row in read_csv(src / "police_force_register.tsv", "\t"):
        area = _force_area(row["name"])
        pfa = pfa_by_area.get(area) or pfa_by_area.get(
            normalise(row["police-force"].replace("-", " ")), ""
        )
        place = geo.pfa_names.get(pfa, area.title())
        org = Org(
            id=slugify(row["name"]),
            name=row["name"],
            kind="police",
            source=f"police-register:{row['police-force']}",
            place=place,
        )
        if pfa:
            org.areas = force_area_lads(geo, pfa)
            force_by_pfa[pfa] = org.id
        for suffix in ("Police", "Constabulary", "Police Force"):
            org.add_alias(f"{place} {suffix}")
        short = build_bodies.initials_alias(place, "Police")
        if short:
            org.add_alias(short)  # "TV Police"
        abbr = initialism(org.name)
        if len(abbr) >= 3:
            org.add_abbreviation(abbr)
        builder.add(org)
    return force_by_pfa


def add_pccs(builder: Builder, geo: Geography, force_by_pfa: dict[str, str]) -> None:
    """One commissioner's office per police force area that has a force in the register."""
    for pfa, area in sorted(geo.pfa_names.items()):
        if pfa not in force_by_pfa or not pfa.startswith(("E23", "W15")):
            continue
        if normalise(area) in {"metropolitan police", "city of london"}:
            continue  # London: MOPAC (curated); the City has no commissioner
        name = f"Office of the Police and Crime Commissioner for {area}"
        org = Org(
            id=slugify(name),
            name=name,
            kind="pcc",
            place=area,
            source=f"ons-pfa19:{pfa}",
            areas=force_area_lads(geo, pfa),
        )
        for alias in (
            f"{area} PCC",
            f"{area} OPCC",
            f"{area} Police and Crime Commissioner",
            f"Police and Crime Commissioner for {area}",
            f"OPCC for {area}",
            f"Office of Police and Crime Commissioner for {area}",
            f"{area} Office of the Police and Crime Commissioner",
        ):
            org.add_alias(alias)
        org.add_abbreviation("OPCC" + initialism(area))
        builder.add(org)


def add_fire(builder: Builder, geo: Geography, src: Path, names: dict[str, str]) -> None:
    """Fire and rescue services named from the FRA areas (``fire_service_names.csv`` overrides)."""
    for row in read_csv(src / "ons_fra19_names_codes_uk.csv"):
        code, area = row["FRA19CD"], row["FRA19NM"]
        area = area.replace(" & ", " and ")
        name = names.get(code) or f"{area} Fire and Rescue Service"
        lads = [lad for lad, fra in geo.lad_fra.items() if fra == code]
        org = Org(
            id=slugify(name),
            name=name,
            kind="fire_rescue",
            place=area,
            source=f"ons-fra19:{code}",
            areas={code} | geo.expand_lads(lads),
        )
        for alias in (
            f"{area} Fire and Rescue Service",
            f"{area} Fire and Rescue",
            f"{area} Fire Service",
            f"{area} Fire and Rescue Authority",
            f"{area} Fire",
        ):
            org.add_alias(alias)
        abbr = initialism(name)
        if len(abbr) >= 3:
            org.add_abbreviation(abbr)
        builder.add(org)


def add_icbs(builder: Builder, src: Path) -> None:
    for row in read_csv(src / "ons_icb22_nhser22_en.csv"):
        name = row["ICB22NM"]
        core = name.removeprefix("NHS ").removesuffix(" Integrated Care Board")
        org = Org(
            id=slugify(name),
            name=name,
            kind="health",
            gss_code=row["ICB22CD"],
            start_date="2022-07-01",
            place=core,
            source=f"ons-icb22:{row['ICB22CD']}",
        )
        for alias in (
            f"{core} ICB",
            f"NHS {core} ICB",
            f"{core} Integrated Care Board",
            f"{core} Integrated Care System",
            f"{core} ICS",
        ):
            org.add_alias(alias)
        builder.add(org)


def add_government(builder: Builder, src: Path) -> None:
    for row in read_csv(src / "government_organisation_register.tsv", "\t"):
        name = row["name"].strip()
        builder.add(
            Org(
                id=slugify(name),
                name=name,
                kind="government",
                start_date=row.get("start-date", ""),
                source=f"gov-register:{row['government-organisation']}",
            )
        )


def expand_area_tokens(values: Iterable[str], geo: Geography) -> set[str]:
    """Curated ``areas`` cells: GSS codes; a county or PFA code brings its districts along."""
    out: set[str] = set()
    for value in values:
        code = geo.gss_to_la.get(value)
        if value.startswith(("E23", "W15")):
            out |= force_area_lads(geo, value)
        elif code is not None:
            out |= geo.council_codes(code)
            if geo.las[code]["local-authority-type"] == "CTY":
                for district, row in geo.las.items():
                    if row["local-authority-type"] == "NMD" and geo.county_of(district) == code:
                        out |= geo.council_codes(district)
        else:
            out.add(value)
    return out


def curated_org(row: dict[str, str], geo: Geography) -> Org:
    org = Org(
        id=row.get("id") or slugify(row["name"]),
        name=row["name"],
        kind=row["kind"],
        gss_code=row.get("gss_code", ""),
        parent=row.get("parent", ""),
        start_date=row.get("start_date", ""),
        end_date=row.get("end_date", ""),
        place=row.get("place", ""),
        source="curated",
        areas=expand_area_tokens(split(row.get("areas")), geo),
        successor=row.get("successor") or "",
    )
    for alias in split(row.get("aliases")):
        org.add_alias(alias)
    for abbr in split(row.get("abbreviations")):
        org.add_abbreviation(abbr)
    return org


def apply_curated_aliases(builder: Builder, rows: list[dict[str, str]], geo: Geography) -> None:
    """Extra aliases / abbreviations / areas / kind for generated rows, keyed by id."""
    for row in rows:
        org = builder.orgs.get(row["id"])
        if org is None:
            raise KeyError(f"curated_aliases.csv names unknown id {row['id']}")
        for alias in split(row.get("aliases")):
            org.add_alias(alias)
        for abbr in split(row.get("abbreviations")):
            org.add_abbreviation(abbr)
        org.areas |= expand_area_tokens(split(row.get("areas")), geo)
        if row.get("kind"):
            org.kind = row["kind"]
        if row.get("end_date"):
            org.end_date = row["end_date"]
