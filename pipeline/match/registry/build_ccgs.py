"""Clinical commissioning groups of England (1 April 2013 to 30 June 2022), for ``build_registry``.

CCGs came and went by merger (211 in April 2013, 106 by April 2021), so each is listed under
its own name and dates and points at the body that replaced it. The facts come from three
public files and one curated file:

- ``sources/ods_eccg_ccgs.csv``: every CCG code NHS Digital's Organisation Data Service issued,
  with its open and close dates (the ODS ``eccg`` file, CCG rows only);
- ``sources/ods_succ_ccgs.csv``: the ODS successions between CCG codes (which CCG each merged
  into, and from when);
- ``sources/ons_loc22_icb22_nhser22_lookup_en.csv``: the ICB each of the 106 CCGs left on
  1 July 2022 passed to (their codes became the ICBs' sub-ICB locations);
- ``curated_ccgs.csv``: what ODS does not say: each name as the CCG wrote it (ODS writes
  names in capitals, and the last 106 under their sub-ICB label), a few names it was also
  known by, and the council areas each CCG of April 2013 served. A CCG formed by merger
  served the union of its predecessors' areas.

The builder checks the files against each other (same codes; a curated name is the ODS
name but for case; a merger's date is the day after its predecessors closed) and stops
with a clear error when they disagree, so a bad edit cannot slip into the registry.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from cspipe.pipeline.match.registry.text import normalise, slugify

#: the day the Health and Care Act 2022 abolished CCGs (ICBs took over on 1 July 2022)
CCG_LAST_DAY = "2022-06-30"

ECCG = "ods_eccg_ccgs.csv"
SUCC = "ods_succ_ccgs.csv"
LOC22 = "ons_loc22_icb22_nhser22_lookup_en.csv"


def _iso(ods_date: str) -> str:
    """ODS writes dates as YYYYMMDD."""
    return f"{ods_date[:4]}-{ods_date[4:6]}-{ods_date[6:]}" if ods_date else ""


def _day_after(iso: str) -> str:
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def official_name(name: str) -> str:
    """'NHS Anytown CCG' -> 'NHS Anytown Clinical Commissioning Group'."""
    if not name.endswith(" CCG"):
        raise ValueError(f"curated_ccgs.csv: a CCG name ends in ' CCG': {name!r}")
    return name.removesuffix(" CCG") + " Clinical Commissioning Group"


def _core(name: str) -> str:
    """'NHS Anytown CCG' -> 'Anytown'."""
    return name.removeprefix("NHS ").removesuffix(" CCG")


def load_ccgs(read_csv, src: Path, here: Path) -> list[dict[str, str]]:
    """One checked record per CCG code: code, name, places, aliases, dates, successor code or ICB."""
    ods = {row["organisation_code"]: row for row in read_csv(src / ECCG)}
    curated = {row["code"]: row for row in read_csv(here / "curated_ccgs.csv")}
    if set(ods) != set(curated):
        raise ValueError(f"curated_ccgs.csv and {ECCG} list different codes: "
                         f"{sorted(set(ods) ^ set(curated))}")
    successor: dict[str, tuple[str, str]] = {}
    for row in read_csv(src / SUCC):
        successor[row["old_code"]] = (row["new_code"], _iso(row["effective_date"]))
    icb = {row["LOC22CDH"]: row for row in read_csv(src / LOC22)}
    records = []
    for code, row in ods.items():
        name = curated[code]["name"]
        if row["name"].endswith(" CCG") and normalise(row["name"]) != normalise(name):
            raise ValueError(f"curated_ccgs.csv {code}: {name!r} is not ODS {row['name']!r}")
        end = _iso(row["close_date"])
        record = {"code": code, "name": name, "places": curated[code]["places"],
                  "aliases": curated[code]["aliases"], "start_date": _iso(row["open_date"]),
                  "end_date": end or CCG_LAST_DAY, "successor": "", "icb": "", "gss_code": ""}
        if code in successor:
            new, effective = successor[code]
            if not end or _day_after(end) != effective or new not in ods:
                raise ValueError(f"{SUCC}: {code} -> {new} from {effective}, but {code} "
                                 f"closed {end or 'never'}")
            record["successor"] = new
        elif end:
            raise ValueError(f"{ECCG}: {code} closed {end} with no successor in {SUCC}")
        else:
            if code not in icb:
                raise ValueError(f"{LOC22}: no ICB for the CCG {code} open on {CCG_LAST_DAY}")
            record["icb"] = icb[code]["ICB22NM"]
            record["gss_code"] = icb[code]["LOC22CD"]
        records.append(record)
    _merger_dates(records, successor)
    return records


def _merger_dates(records: list[dict[str, str]], successor: dict[str, tuple[str, str]]) -> None:
    """A merged CCG began when its predecessors' merger took effect (ODS may have opened the
    code earlier, as it did for Newcastle Gateshead, opened in November 2014 for April 2015)."""
    by_code = {r["code"]: r for r in records}
    for _old, (new, effective) in successor.items():
        by_code[new]["start_date"] = max(by_code[new]["start_date"], effective)


def ccg_areas(records: list[dict[str, str]], council_areas) -> dict[str, set[str]]:
    """GSS areas per code: a 2013 CCG's councils; a merged CCG, its predecessors' union."""
    predecessors: dict[str, list[str]] = defaultdict(list)
    for r in records:
        if r["successor"]:
            predecessors[r["successor"]].append(r["code"])
    by_code = {r["code"]: r for r in records}
    areas: dict[str, set[str]] = {}

    def of(code: str) -> set[str]:
        if code not in areas:
            places = by_code[code]["places"]
            if places:
                areas[code] = council_areas(places)
            elif predecessors.get(code):
                areas[code] = set().union(*(of(p) for p in predecessors[code]))
            else:
                raise ValueError(f"curated_ccgs.csv {code}: no places and no predecessors")
        return areas[code]

    for r in records:
        of(r["code"])
    return areas


def add_ccgs(builder, org_cls, places, read_csv, src: Path, here: Path) -> None:
    """Every CCG of England with its ODS code (in ``source``), dates, areas and successor."""
    records = load_ccgs(read_csv, src, here)
    areas = ccg_areas(records, places.council_areas)
    names = {r["code"]: r["name"] for r in records}
    for r in sorted(records, key=lambda r: r["code"]):
        name = official_name(r["name"])
        core = _core(r["name"])
        after = names.get(r["successor"])
        org = org_cls(id=slugify(name), name=name, kind="health", gss_code=r["gss_code"],
                      areas=areas[r["code"]], start_date=r["start_date"],
                      end_date=r["end_date"], place=core, source=f"ods-eccg:{r['code']}",
                      category="clinical_commissioning_group",
                      successor=slugify(official_name(after)) if after else slugify(r["icb"]))
        for alias in _name_forms(r["name"]) + [
            form for other in r["aliases"].split("|") if other for form in _name_forms(other)
        ]:
            org.add_alias(alias)
        builder.add(org)


def _name_forms(name: str) -> list[str]:
    """How papers write a CCG: 'NHS Anytown CCG', 'Anytown CCG', the words in full, with or
    without 'NHS' ('BLMK CCG' has no long form of its own but the CCG spelt out)."""
    forms = [name, official_name(name)] if name.endswith(" CCG") else [name]
    if name.startswith("NHS ") and name.endswith(" CCG"):
        core = _core(name)
        forms += [f"{core} CCG", f"{core} Clinical Commissioning Group"]
    return forms
