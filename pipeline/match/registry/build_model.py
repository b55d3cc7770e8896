"""What the registry builder works with: source rows, the organisations being built, and the
geography (councils, districts, force areas) that places them."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cspipe.pipeline.match.registry.text import normalise

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
    # what it is compared by (build_comparators.py)
    "county",
    "council_type",
    "population",
    "districts",
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
    "ons_loc22_icb22_nhser22_lookup_en.csv": "LICENSE-craig-shenton-cqc-icb-lookup.txt",
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
    "pop-2020",
]


def split(value: str | None) -> list[str]:
    """Split a ``|``-separated cell, dropping blanks."""
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))




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
            # a listed body that a rule also names is one of that rule's kind ("Suffolk Health and
            # Wellbeing Board" is the county's health and wellbeing board): it takes the category
            if org.category and not existing.category:
                existing.category = org.category
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
