"""Bodies of other periods and bodies every area has, for ``build_registry``.

Two sorts. Listed bodies come from a file of facts in ``sources/`` or beside this module
(probation trusts and community rehabilitation companies, primary care trusts, prisons;
clinical commissioning groups have a module of their own, ``build_ccgs``). Area bodies
follow from a statute that gave every upper-tier council or police force area one (youth offending services, health and wellbeing boards,
safeguarding boards, drug and alcohol action teams, police authorities, police and crime
panels, local criminal justice boards, county-level community safety partnerships): one row per
area, named the way the papers name them, dated by the statute, ``source`` ``rule:<category>``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cspipe.pipeline.match.registry.text import normalise, slugify

#: mySociety authority types with upper-tier (social care, youth justice, public health) duties
UPPER_TIER = ("CTY", "UA", "MD", "LBO", "WPA")

_POLICE_AREA_SKIP = {"metropolitan police", "city of london", "scotland", "northern ireland", ""}


def _later(a: str, b: str) -> str:
    return max(a, b) if a and b else a or b


def _earlier(a: str, b: str) -> str:
    return min(a, b) if a and b else a or b


class Places:
    """Place names (mySociety nice names, PFA names) -> GSS areas, for files written with names."""

    def __init__(self, geo) -> None:  # geo: build_model.Geography
        self.geo = geo
        self.council_by_place: dict[str, list[str]] = {}
        for code, row in geo.las.items():
            if row["nation"] in {"England", "Wales"}:
                nice = row["nice-name"]
                for form in {nice, nice.removeprefix("City of "), nice.removesuffix(" County")}:
                    self.council_by_place.setdefault(normalise(form), []).append(code)
        self.pfa_by_name = {normalise(n): c for c, n in geo.pfa_names.items()}

    def council(self, place: str) -> str:
        """mySociety code of the council a place names (upper tier first, then current)."""
        codes = self.council_by_place.get(normalise(place), [])
        if not codes:
            raise KeyError(f"unknown council place {place!r}")
        codes.sort(key=lambda c: (self.geo.las[c]["local-authority-type"] not in UPPER_TIER,
                                  bool(self.geo.las[c]["end-date"]), c))
        return codes[0]

    def council_areas(self, places: str) -> set[str]:
        out: set[str] = set()
        for place in places.split("|"):
            code = self.council(place)
            out |= self.geo.council_codes(code)
            if self.geo.las[code]["local-authority-type"] == "CTY":
                for district, row in self.geo.las.items():
                    if row["local-authority-type"] == "NMD" and self.geo.county_of(district) == code:
                        out |= self.geo.council_codes(district)
        return out

    def pfa_areas(self, names: str, pfa_areas: Callable[[str], set[str]]) -> set[str]:
        out: set[str] = set()
        for name in names.split("|"):
            code = self.pfa_by_name.get(normalise(name))
            if code is None:
                raise KeyError(f"unknown police force area {name!r}")
            out |= pfa_areas(code)
        return out


def initials_alias(area: str, noun: str) -> str | None:
    """'Thames Valley' + 'Probation' -> 'TV Probation' (papers shorten two-word areas so)."""
    words = [w for w in area.replace("-", " ").split() if w.lower() not in {"and", "of", "the"}]
    if len(words) < 2:
        return None
    return "".join(w[0].upper() for w in words) + " " + noun


# --------------------------------------------------------------------------- listed bodies


def add_probation(builder, org_cls, places: Places, pfa_areas, read_csv, src: Path) -> None:
    """Probation trusts and areas (to 2014), CRCs (2014-2021); successor links by name."""
    for file, category in (("probation_trusts.csv", "probation_trust"),
                           ("community_rehabilitation_companies.csv", "crc")):
        for row in read_csv(src / file):
            name = row["name"]
            area = name.split(" Probation")[0].split(" Community Rehabilitation")[0]
            org = org_cls(id=slugify(name), name=name, kind="probation",
                          areas=places.pfa_areas(row["pfa_areas"], pfa_areas),
                          start_date=row["start_date"], end_date=row["end_date"],
                          place=area, source=f"{category}:{file}", category=category,
                          successor=slugify(row["successor"]) if row["successor"] else "")
            for alias in row["aliases"].split("|"):
                org.add_alias(alias)
            if category == "crc":
                org.add_alias(f"{area} CRC")
            else:
                org.add_alias(f"{area} Probation")
                short = initials_alias(area, "Probation")
                if short:
                    org.add_alias(short)
            builder.add(org)


def add_pcts(builder, org_cls, places: Places, read_csv, src: Path) -> None:
    """Primary care trusts as reorganised in October 2006, abolished 31 March 2013."""
    for row in read_csv(src / "primary_care_trusts.csv"):
        short = row["name"]
        name = short.replace(" PCT", " Primary Care Trust")
        core = name.removesuffix(" Primary Care Trust").removesuffix(" Care Trust Plus")
        core = core.removesuffix(" Care Trust").removesuffix(" Teaching")
        org = org_cls(id=slugify(name), name=name, kind="health",
                      areas=places.council_areas(row["places"]), start_date="2006-10-01",
                      end_date="2013-03-31", place=core, source="pct:primary_care_trusts.csv",
                      category="primary_care_trust")
        for alias in (short, f"NHS {core}", f"{core} PCT", f"{core} Primary Care Trust"):
            org.add_alias(alias)
        builder.add(org)


def add_prisons(builder, org_cls, places: Places, read_csv, path: Path, pfa_of) -> None:
    """HM prisons and young offender institutions of England and Wales (public and contracted)."""
    for row in read_csv(path):
        short = row["name"]
        yoi = row["kind_of_prison"] == "young_offender_institution"
        name = f"HM Young Offender Institution {short}" if yoi else f"HM Prison {short}"
        areas = places.council_areas(row["place"])
        areas |= pfa_of(areas)
        org = org_cls(id=slugify(name), name=name, kind="government", areas=areas, place=short,
                      source="curated:prisons.csv",
                      category="young_offender_institution" if yoi else "prison")
        for alias in (f"HMP {short}", f"HMYOI {short}", f"HMP and YOI {short}",
                      f"HMP/YOI {short}", f"HM Prison and Young Offender Institution {short}",
                      f"{short} Prison", f"HM Prison {short}", f"{short} YOI"):
            org.add_alias(alias)
        builder.add(org)


# --------------------------------------------------------------------------- area bodies


#: category -> (name pattern, kind, start, end, alias patterns); {p} = the council's place
_COUNCIL_BODIES: dict[str, tuple[str, str, str, str, tuple[str, ...]]] = {
    "youth_offending_service": (
        "{p} Youth Offending Service", "", "2000-04-01", "",
        ("{p} Youth Offending Team", "{p} YOS", "{p} YOT", "{p} Youth Justice Service",
         "{p} Youth Justice Team", "{p} Youth Offending", "{p} Youth Justice"),
    ),
    "health_and_wellbeing_board": (
        "{p} Health and Wellbeing Board", "health", "2013-04-01", "",
        ("{p} HWB", "{p} HWBB", "{p} Health & Wellbeing Board"),
    ),
    "safeguarding_children_board": (
        "{p} Safeguarding Children Board", "partnership", "2006-04-01", "2019-09-28",
        ("{p} Local Safeguarding Children Board", "{p} LSCB", "{p} SCB"),
    ),
    "safeguarding_children_partnership": (
        "{p} Safeguarding Children Partnership", "partnership", "2019-09-29", "",
        ("{p} Safeguarding Children's Partnership", "{p} SCP"),
    ),
    "safeguarding_adults_board": (
        "{p} Safeguarding Adults Board", "partnership", "", "",
        ("{p} SAB", "{p} Adult Safeguarding Board", "{p} Safeguarding Adult Board"),
    ),
    "drug_and_alcohol_action_team": (
        "{p} Drug and Alcohol Action Team", "partnership", "", "",
        ("{p} DAAT", "{p} DAT", "{p} Drug Action Team", "{p} Drug & Alcohol Action Team"),
    ),
}


def add_council_bodies(builder, org_cls, geo, ids: dict[str, str]) -> None:
    """One of each statutory body per upper-tier council of England and Wales, dated."""
    for code, row in geo.las.items():
        if row["local-authority-type"] not in UPPER_TIER or row["nation"] not in {"England", "Wales"}:
            continue
        place = row["nice-name"]
        council = builder.orgs.get(ids[code])
        if council is None:
            continue
        for category, (pattern, kind, start, end, aliases) in _COUNCIL_BODIES.items():
            if category == "health_and_wellbeing_board" and row["nation"] == "Wales":
                continue  # Wales has regional partnership boards instead
            if category.startswith("safeguarding_children") and row["nation"] == "Wales":
                continue
            b_start = _later(start, row["start-date"])
            b_end = _earlier(end, row["end-date"])
            if b_start and b_end and b_end < b_start:
                continue
            name = pattern.format(p=place)
            service = category == "youth_offending_service"
            org = org_cls(id=slugify(name), name=name, kind=council.kind if service else kind,
                          areas=set(council.areas), parent=council.id if service else "",
                          start_date=b_start, end_date=b_end, place=place,
                          source=f"rule:{category}", category=category)
            if category == "safeguarding_children_board" and not row["end-date"]:
                org.successor = slugify(_COUNCIL_BODIES["safeguarding_children_partnership"][0]
                                        .format(p=place))
            for alias in aliases:
                org.add_alias(alias.format(p=place))
            builder.add(org)


#: category -> (name pattern, kind, start, end, alias patterns); {a} = the police force area
_FORCE_AREA_BODIES: dict[str, tuple[str, str, str, str, tuple[str, ...]]] = {
    "police_authority": (
        "{a} Police Authority", "pcc", "1995-04-01", "2012-11-21", (),
    ),
    "police_and_crime_panel": (
        "{a} Police and Crime Panel", "other", "2012-11-22", "", ("{a} PCP",),
    ),
    "local_criminal_justice_board": (
        "{a} Criminal Justice Board", "partnership", "2003-04-01", "",
        ("{a} Local Criminal Justice Board", "{a} LCJB", "{a} CJB"),
    ),
}


def add_force_area_bodies(builder, org_cls, geo, pfa_areas, pcc_id_of: Callable[[str], str]) -> None:
    for pfa, area in sorted(geo.pfa_names.items()):
        if not pfa.startswith(("E23", "W15")) or normalise(area) in _POLICE_AREA_SKIP:
            continue
        for category, (pattern, kind, start, end, aliases) in _FORCE_AREA_BODIES.items():
            name = pattern.format(a=area)
            org = org_cls(id=slugify(name), name=name, kind=kind, areas=pfa_areas(pfa),
                          start_date=start, end_date=end, place=area,
                          source=f"rule:{category}", category=category)
            if category == "police_authority":
                org.successor = pcc_id_of(area)
            for alias in aliases:
                org.add_alias(alias.format(a=area))
            builder.add(org)
    london = org_cls(id="metropolitan-police-authority", name="Metropolitan Police Authority",
                     kind="pcc", areas=pfa_areas("E23000001"), start_date="2000-07-03",
                     end_date="2012-01-15", place="London", source="rule:police_authority",
                     category="police_authority", successor="mayors-office-for-policing-and-crime")
    london.add_abbreviation("MPA")
    builder.add(london)


def add_county_partnerships(builder, org_cls, geo, ids: dict[str, str],
                            partnership_keys: set[str]) -> None:
    """A two-tier county's own community safety partnership or board, over its districts' CSPs."""
    for code, row in geo.las.items():
        if row["local-authority-type"] != "CTY":
            continue
        place = row["nice-name"]
        if normalise(f"{place} Community Safety Partnership") in partnership_keys:
            continue  # the county's partnership is a CSP of its own (Norfolk)
        council = builder.orgs.get(ids[code])
        if council is None:
            continue
        name = f"{place} County Community Safety Partnership"
        org = org_cls(id=slugify(name), name=name, kind="partnership", areas=set(council.areas),
                      start_date=row["start-date"] if row["start-date"] > "1998" else "",
                      end_date=row["end-date"], place=place,
                      source="rule:county_community_safety_partnership",
                      category="county_community_safety_partnership")
        for alias in (f"{place} Community Safety Partnership", f"{place} CSP",
                      f"{place} Countywide Community Safety Partnership",
                      f"{place} Community Safety Board", f"{place} Community Safety Partnership Board",
                      f"{place} Safer Stronger Communities Board",
                      f"{place} Safer and Stronger Communities Board",
                      f"Safer {place}", f"Safer {place} Partnership"):
            org.add_alias(alias)
        builder.add(org)
