"""Generate ``organisations.csv`` and ``partnerships.csv`` from the reference sources.

Run ``python -m pipeline.registry.build_registry`` after editing ``curated*.csv``; run it
with ``--refresh-sources /work/shared/reference`` to re-copy (and trim) the public data
into ``sources/``. The generated CSVs are committed, so the package works without the
shared folder and without this script. Priority when two sources name the same body:
curated rows, then councils, police, PCC offices, fire, NHS, the government register.
"""

from __future__ import annotations

import argparse
import csv
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from cspipe.pipeline.match.registry import build_bodies
from cspipe.pipeline.match.registry.text import initialism, normalise, slugify

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"

ORG_COLUMNS = [
    "id",
    "name",
    "kind",
    "gss_code",
    "aliases",
    "abbreviations",
    "areas",
    "parent",
    "start_date",
    "end_date",
    "place",
    "source",
    "category",
    "successor",
]
PARTNERSHIP_COLUMNS = [
    "id",
    "name",
    "gss_code",
    "aliases",
    "abbreviations",
    "areas",
    "force",
    "start_date",
    "end_date",
    "replaced_by",
    "source",
]

_KIND_BY_LA_TYPE = {
    "CTY": "county_council",
    "NMD": "district_council",
    "UA": "unitary_council",
    "MD": "unitary_council",
    "LBO": "unitary_council",
    "WPA": "unitary_council",
    "SCO": "unitary_council",
    "NID": "unitary_council",
    "CC": "unitary_council",
    "COMB": "other",
    "SRA": "other",
}
_UPPER_TIER = {"CTY", "UA", "MD", "LBO", "WPA", "SCO", "CC"}
_COUNCIL_WORDS = {"council", "corporation", "authority", "borough", "district", "county"}

# files copied whole (name -> licence file)
_COPY_WHOLE = {
    "lookup_gss_to_registry.csv": "LICENSE-mysociety.txt",
    "lookup_name_to_registry.csv": "LICENSE-mysociety.txt",
    "ons_lad19_csp19_pfa19_lookup_ew.csv": None,
    "ons_csp19_names_codes_ew.csv": None,
    "ons_pfa19_names_codes_uk.csv": None,
    "ons_fra19_names_codes_uk.csv": None,
    "ons_lad19_fra19_lookup_ew.csv": None,
    "police_force_register.tsv": "LICENSE-openregister-police-data.txt",
}
_LA_KEEP = [
    "local-authority-code",
    "official-name",
    "nice-name",
    "gss-code",
    "start-date",
    "end-date",
    "replaced-by",
    "nation",
    "region",
    "local-authority-type",
    "county-la",
    "former-gss-codes",
]


def split(value: str | None) -> list[str]:
    """Split a ``|``-separated cell, dropping blanks."""
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


# --------------------------------------------------------------------------- sources


def refresh_sources(reference: Path, target: Path = SOURCES) -> None:
    """Copy the reference files the registry needs into ``sources/``, trimming the big ones."""
    target.mkdir(parents=True, exist_ok=True)
    for name in _COPY_WHOLE:
        shutil.copyfile(reference / name, target / name)
    for licence in reference.glob("LICENSE-*.txt"):
        shutil.copyfile(licence, target / licence.name)
    las = read_csv(reference / "uk_local_authorities.csv")
    with (target / "uk_local_authorities.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=_LA_KEEP, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(las)
    gov = read_csv(reference / "government_organisation_register.tsv", "\t")
    with (target / "government_organisation_register.tsv").open(
        "w", encoding="utf-8", newline=""
    ) as out:
        writer = csv.DictWriter(
            out,
            fieldnames=["government-organisation", "name", "start-date"],
            delimiter="\t",
            extrasaction="ignore",
        )
        writer.writeheader()
        writer.writerows(row for row in gov if not row["end-date"])
    icb = read_csv(reference / "ons_loc22_icb22_nhser22_lookup_en.csv")
    seen: set[str] = set()
    with (target / "ons_icb22_nhser22_en.csv").open("w", encoding="utf-8", newline="") as out:
        fields = ["ICB22CD", "ICB22CDH", "ICB22NM", "NHSER22CD", "NHSER22NM"]
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for row in icb:
            if row["ICB22CD"] not in seen:
                seen.add(row["ICB22CD"])
                writer.writerow(row)


# --------------------------------------------------------------------------- model


@dataclass
class Org:
    id: str
    name: str
    kind: str
    gss_code: str = ""
    aliases: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)
    areas: set[str] = field(default_factory=set)
    parent: str = ""
    start_date: str = ""
    end_date: str = ""
    place: str = ""
    source: str = ""
    #: finer than kind: probation_trust, crc, primary_care_trust, youth_offending_service, ...
    category: str = ""
    #: id of the body that replaced this one
    successor: str = ""

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if not alias:
            return
        key = normalise(alias)
        if key and key != normalise(self.name) and key not in {normalise(a) for a in self.aliases}:
            self.aliases.append(alias)

    def add_abbreviation(self, abbr: str) -> None:
        abbr = abbr.strip()
        if len(abbr) >= 2 and abbr not in self.abbreviations:
            self.abbreviations.append(abbr)

    def row(self) -> dict[str, str]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "gss_code": self.gss_code,
            "aliases": "|".join(self.aliases),
            "abbreviations": "|".join(self.abbreviations),
            "areas": "|".join(sorted(self.areas)),
            "parent": self.parent,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "place": self.place,
            "source": self.source,
            "category": self.category,
            "successor": self.successor,
        }


class Builder:
    """Collects organisations, merging a later source's row into an earlier one of the same name."""

    def __init__(self) -> None:
        self.orgs: dict[str, Org] = {}
        self.key_owner: dict[str, str] = {}

    def add(self, org: Org) -> Org:
        if org.source.startswith("rule:"):
            # a body named by rule gives way to a listed body that already has the name
            org.aliases = [a for a in org.aliases if normalise(a) not in self.key_owner]
        keys = [normalise(org.name), *(normalise(a) for a in org.aliases)]
        owner = self.key_owner.get(keys[0]) or (org.id if org.id in self.orgs else None)
        if owner is not None:
            existing = self.orgs[owner]
            for alias in [org.name, *org.aliases]:
                existing.add_alias(alias)
            for abbr in org.abbreviations:
                existing.add_abbreviation(abbr)
            return existing
        self.orgs[org.id] = org
        for key in keys:
            self.key_owner.setdefault(key, org.id)
        return org


# --------------------------------------------------------------------------- geography


@dataclass
class Geography:
    """Local-authority codes and the ONS lookups joined through mySociety's GSS table."""

    las: dict[str, dict[str, str]]
    gss_to_la: dict[str, str]
    la_gss: dict[str, set[str]]
    lad_pfa: dict[str, str]
    pfa_names: dict[str, str]
    lad_fra: dict[str, str]
    successors: dict[str, list[str]]
    predecessors: dict[str, list[str]]

    def county_of(self, code: str) -> str:
        """The county council code of a district, fixing upstream quirks via its successor."""
        row = self.las[code]
        county = row["county-la"]
        for succ in self.successors.get(code, []):
            succ_county = self.las.get(succ, {}).get("county-la", "")
            if succ_county and succ_county != county:
                return succ_county
        return county

    def council_codes(self, code: str) -> set[str]:
        """All GSS codes a council's area has had, plus its predecessors' and successors'."""
        codes = set(self.la_gss.get(code, set()))
        for other in [*self.predecessors.get(code, []), *self.successors.get(code, [])]:
            codes |= self.la_gss.get(other, set())
        return codes

    def expand_lads(self, lads: Iterable[str]) -> set[str]:
        """LAD codes plus every code of the councils covering them (districts and counties)."""
        out: set[str] = set()
        for lad in lads:
            out.add(lad)
            code = self.gss_to_la.get(lad)
            if code is None:
                continue
            out |= self.council_codes(code)
            county = self.county_of(code) if code in self.las else ""
            if county:
                out |= self.council_codes(county)
        return out


def load_geography(src: Path) -> Geography:
    las = {row["local-authority-code"]: row for row in read_csv(src / "uk_local_authorities.csv")}
    gss_to_la: dict[str, str] = {}
    la_gss: dict[str, set[str]] = defaultdict(set)
    for row in read_csv(src / "lookup_gss_to_registry.csv"):
        gss_to_la[row["gss-code"]] = row["local-authority-code"]
        la_gss[row["local-authority-code"]].add(row["gss-code"])
    for code, row in las.items():
        if row["gss-code"]:
            la_gss[code].add(row["gss-code"])
            gss_to_la.setdefault(row["gss-code"], code)
        for former in row["former-gss-codes"].split(","):
            if former.strip():
                la_gss[code].add(former.strip())
    successors: dict[str, list[str]] = {}
    predecessors: dict[str, list[str]] = defaultdict(list)
    for code, row in las.items():
        succ = [s.strip() for s in row["replaced-by"].split(",") if s.strip()]
        successors[code] = succ
        for s in succ:
            predecessors[s].append(code)
    lad_pfa: dict[str, str] = {}
    for row in read_csv(src / "ons_lad19_csp19_pfa19_lookup_ew.csv"):
        lad_pfa[row["LAD19CD"]] = row["PFA19CD"]
    pfa_names = {
        row["PFA19CD"]: row["PFA19NM"]
        for row in read_csv(src / "ons_pfa19_names_codes_uk.csv")
        if row["PFA19NM"]
    }
    lad_fra = {
        row["LAD19CD"]: row["FRA19CD"] for row in read_csv(src / "ons_lad19_fra19_lookup_ew.csv")
    }
    return Geography(
        las, gss_to_la, dict(la_gss), lad_pfa, pfa_names, lad_fra, successors, dict(predecessors)
    )


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


def _pfa_areas(geo: Geography, pfa: str) -> set[str]:
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
            org.areas = _pfa_areas(geo, pfa)
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
            areas=_pfa_areas(geo, pfa),
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


def _expand_area_tokens(values: Iterable[str], geo: Geography) -> set[str]:
    """Curated ``areas`` cells: GSS codes; a county or PFA code brings its districts along."""
    out: set[str] = set()
    for value in values:
        code = geo.gss_to_la.get(value)
        if value.startswith(("E23", "W15")):
            out |= _pfa_areas(geo, value)
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
        areas=_expand_area_tokens(split(row.get("areas")), geo),
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
        org.areas |= _expand_area_tokens(split(row.get("areas")), geo)
        if row.get("kind"):
            org.kind = row["kind"]
        if row.get("end_date"):
            org.end_date = row["end_date"]


# --------------------------------------------------------------------------- partnerships


def _csp_area_name(name: str) -> str:
    """ONS writes 'Bristol, City of'; papers write 'City of Bristol'."""
    if ", " in name:
        head, _, tail = name.partition(", ")
        if tail.lower() in {"city of", "county of"}:
            return f"{tail.title()} {head}" if tail.lower() == "city of" else head
    return name


def csp_brand_names(area: str) -> list[str]:
    """The names CSPs give themselves: CDRP (before 2010), "Safer <Area> (Partnership)", "SaferMK"."""
    names = [
        f"{area} CDRP",
        f"{area} Crime and Disorder Reduction Partnership",
        f"Safer {area}",
        f"Safer {area} Partnership",
        f"{area} Safer Communities Partnership",
        f"{area} Community Safety Partnership Board",
        f"Safer {area} Community Safety Partnership",
    ]
    initials = initialism(area)
    if len(initials) >= 2:
        # written joined ("SaferMK"): "Safer MK" with a space would pair any "Safer ..." with it
        names += [f"Safer{initials}", f"Safer{initials} Partnership"]
    else:
        names.append(f"Safer{area.replace(' ', '')}")
    return names


def _partnership(
    pid: str, area: str, gss: str, areas: set[str], force: str, source: str
) -> dict[str, str]:
    name = f"{area} Community Safety Partnership"
    aliases = [f"{area} CSP", *csp_brand_names(area)]
    abbr = initialism(area)
    abbreviations = [f"{abbr}CSP", f"{abbr}CDRP"] if len(abbr) >= 2 else [f"{abbr}CDRP"]
    abbreviations.append(f"S{abbr}P")  # "Safer <Area> Partnership (SAP)"
    return {
        "id": pid,
        "name": name,
        "gss_code": gss,
        "aliases": "|".join(aliases),
        "abbreviations": "|".join(abbreviations),
        "areas": "|".join(sorted(areas)),
        "force": force,
        "start_date": "",
        "end_date": "",
        "replaced_by": "",
        "source": source,
    }


def build_partnerships(
    geo: Geography, src: Path, force_by_pfa: dict[str, str], curated: list[dict[str, str]]
) -> list[dict[str, str]]:
    lads_of: dict[str, list[str]] = defaultdict(list)
    for row in read_csv(src / "ons_lad19_csp19_pfa19_lookup_ew.csv"):
        lads_of[row["CSP19CD"]].append(row["LAD19CD"])
    csp_count: Counter[str] = Counter(lad for lads in lads_of.values() for lad in lads)
    out: dict[str, dict[str, str]] = {}
    raw_lads: dict[str, set[str]] = {}

    def force_for(lads: Iterable[str]) -> str:
        pfas = {geo.lad_pfa.get(lad, "") for lad in lads} - {""}
        return force_by_pfa.get(next(iter(pfas)), "") if len(pfas) == 1 else ""

    for row in read_csv(src / "ons_csp19_names_codes_ew.csv"):
        code = row["CSP19CD"]
        area = _csp_area_name(row["CSP19NM"])
        pid = f"{slugify(area)}-csp"
        lads = lads_of.get(code, [])
        pfas = {geo.lad_pfa[lad] for lad in lads if lad in geo.lad_pfa}
        areas = geo.expand_lads(lads) | pfas
        out[pid] = _partnership(pid, area, code, areas, force_for(lads), f"ons-csp19:{code}")
        raw_lads[pid] = set(lads)

    # councils created since the 2019 geography get their own partnership
    cutoff = "2019-04-01"
    for code, row in geo.las.items():
        if (
            row["local-authority-type"] not in {"UA", "NMD"}
            or row["start-date"] < cutoff
            or row["end-date"]
        ):
            continue
        area = row["nice-name"]
        pid = f"{slugify(area)}-csp"
        lads = geo.council_codes(code)
        pfas = {geo.lad_pfa[lad] for lad in lads if lad in geo.lad_pfa}
        own = row["gss-code"]
        if pid in out or csp_count.get(own, 0) == 1:
            continue  # already the member of one partnership (e.g. West Suffolk in Western Suffolk)
        part = _partnership(
            pid, area, "", geo.expand_lads(lads) | pfas, force_for(lads), f"mysociety:{code}"
        )
        part["start_date"] = row["start-date"]
        out[pid] = part
        raw_lads[pid] = set(lads)
        predecessor_names = {
            normalise(geo.las[p]["nice-name"]) for p in geo.predecessors.get(code, [])
        }
        current_names = {normalise(r["nice-name"]) for r in geo.las.values() if not r["end-date"]}
        end = (date.fromisoformat(row["start-date"]) - timedelta(days=1)).isoformat()
        for other_id, other in out.items():
            if other_id == pid or other["source"].startswith("mysociety"):
                continue
            area_name = normalise(other["name"].removesuffix(" Community Safety Partnership"))
            named_after_old = area_name in predecessor_names and area_name not in current_names
            all_old = raw_lads[other_id] and all(
                geo.gss_to_la.get(lad) in geo.predecessors.get(code, [])
                for lad in raw_lads[other_id]
            )
            if named_after_old or all_old:
                other["end_date"], other["replaced_by"] = end, pid

    for row in curated:
        pid = row["id"]
        areas = _expand_area_tokens(split(row.get("areas")), geo)
        lads = {a for a in areas if a in geo.lad_pfa}
        pfas = {geo.lad_pfa[lad] for lad in lads}
        part = out.get(pid) or _partnership(
            pid,
            row.get("area") or pid,
            row.get("gss_code", ""),
            areas | pfas,
            force_for(lads),
            "curated",
        )
        if row.get("name"):
            part["name"] = row["name"]
        part["aliases"] = "|".join(
            dict.fromkeys(split(part["aliases"]) + split(row.get("aliases")))
        )
        part["abbreviations"] = "|".join(
            dict.fromkeys(split(part["abbreviations"]) + split(row.get("abbreviations")))
        )
        for key in ("start_date", "end_date", "gss_code"):
            if row.get(key):
                part[key] = row[key]
        out[pid] = part
        if row.get("supersedes_contained") == "yes" and lads:
            for other_id, other in out.items():
                if other_id != pid and raw_lads.get(other_id) and raw_lads[other_id] <= lads:
                    other["replaced_by"] = pid
                    other["end_date"] = other["end_date"] or row.get("supersedes_on", "")
    return sorted(out.values(), key=lambda r: r["id"])


# --------------------------------------------------------------------------- main


def build(
    src: Path = SOURCES, here: Path = HERE
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Return (organisation rows, partnership rows) built from ``src`` and the curated files."""
    geo = load_geography(src)
    builder = Builder()
    for row in read_csv(here / "curated.csv"):
        builder.add(curated_org(row, geo))
    ids = add_councils(builder, geo, src)
    force_by_pfa = add_police(builder, geo, src)
    add_pccs(builder, geo, force_by_pfa)
    places = build_bodies.Places(geo)

    def pfa_areas(pfa: str) -> set[str]:
        return _pfa_areas(geo, pfa)

    def pfa_of(areas: set[str]) -> set[str]:
        return {geo.lad_pfa[a] for a in areas if a in geo.lad_pfa}

    build_bodies.add_probation(builder, Org, places, pfa_areas, read_csv, src)
    build_bodies.add_pcts(builder, Org, places, read_csv, src)
    build_bodies.add_ccgs(builder, Org, places, read_csv, here / "curated_ccgs.csv")
    build_bodies.add_prisons(builder, Org, places, read_csv, here / "prisons.csv", pfa_of)
    build_bodies.add_council_bodies(builder, Org, geo, ids)
    build_bodies.add_force_area_bodies(
        builder, Org, geo, pfa_areas,
        lambda area: slugify(f"Office of the Police and Crime Commissioner for {area}"),
    )
    fire_names = {r["fra_code"]: r["name"] for r in read_csv(here / "fire_service_names.csv")}
    add_fire(builder, geo, src, fire_names)
    add_icbs(builder, src)
    add_government(builder, src)
    apply_curated_aliases(builder, read_csv(here / "curated_aliases.csv"), geo)
    partnerships = build_partnerships(
        geo, src, force_by_pfa, read_csv(here / "curated_partnerships.csv")
    )
    keys = {normalise(a) for p in partnerships for a in [p["name"], *split(p["aliases"])]}
    build_bodies.add_county_partnerships(builder, Org, geo, ids, keys)
    _resolve_successors(builder)
    orgs = sorted((org.row() for org in builder.orgs.values()), key=lambda r: r["id"])
    return orgs, partnerships


def _resolve_successors(builder: Builder) -> None:
    """A successor written by name may have merged into a listed body under another id."""
    by_slug = {slugify(alias): org.id for org in builder.orgs.values() for alias in org.aliases}
    for org in builder.orgs.values():
        if org.successor and org.successor not in builder.orgs:
            org.successor = by_slug.get(org.successor, "")


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--refresh-sources",
        type=Path,
        default=None,
        help="reference folder to copy sources from first",
    )
    args = parser.parse_args(argv)
    if args.refresh_sources:
        refresh_sources(args.refresh_sources)
    orgs, partnerships = build()
    write_csv(HERE / "organisations.csv", ORG_COLUMNS, orgs)
    write_csv(HERE / "partnerships.csv", PARTNERSHIP_COLUMNS, partnerships)
    print(f"{len(orgs)} organisations, {len(partnerships)} partnerships")


if __name__ == "__main__":
    main()
