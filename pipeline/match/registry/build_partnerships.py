"""Community safety partnerships: the ONS list, councils created since, curated merges and
brands, each with its districts, force and dates."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from cspipe.pipeline.match.registry.build_comparators import comparator_fields
from cspipe.pipeline.match.registry.build_model import Geography, read_csv, split
from cspipe.pipeline.match.registry.build_orgs import expand_area_tokens
from cspipe.pipeline.match.registry.text import initialism, normalise, slugify

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
    """Every partnership row: the ONS 2019 list, councils created since, then the curated rows."""
    lads_of: dict[str, list[str]] = defaultdict(list)
    for row in read_csv(src / "ons_lad19_csp19_pfa19_lookup_ew.csv"):
        lads_of[row["CSP19CD"]].append(row["LAD19CD"])
    out: dict[str, dict[str, str]] = {}
    raw_lads: dict[str, set[str]] = {}
    force = _ForceOf(geo, force_by_pfa)
    for row in read_csv(src / "ons_csp19_names_codes_ew.csv"):
        code = row["CSP19CD"]
        area = _csp_area_name(row["CSP19NM"])
        pid = f"{slugify(area)}-csp"
        lads = lads_of.get(code, [])
        pfas = {geo.lad_pfa[lad] for lad in lads if lad in geo.lad_pfa}
        areas = geo.expand_lads(lads) | pfas
        out[pid] = _partnership(pid, area, code, areas, force(lads), f"ons-csp19:{code}")
        raw_lads[pid] = set(lads)
    csp_count: Counter[str] = Counter(lad for lads in lads_of.values() for lad in lads)
    _add_new_councils(geo, force, csp_count, out, raw_lads)
    for row in curated:
        _apply_curated(row, geo, force, out, raw_lads)
    for pid, part in out.items():
        lads = raw_lads.get(pid) or {a for a in split(part["areas"]) if a in geo.lad_pfa}
        part.update(comparator_fields(geo, lads))
    return sorted(out.values(), key=lambda r: r["id"])


class _ForceOf:
    """The police force of a set of districts, when they lie in one force area."""

    def __init__(self, geo: Geography, force_by_pfa: dict[str, str]) -> None:
        self.geo, self.force_by_pfa = geo, force_by_pfa

    def __call__(self, lads: Iterable[str]) -> str:
        pfas = {self.geo.lad_pfa.get(lad, "") for lad in lads} - {""}
        return self.force_by_pfa.get(next(iter(pfas)), "") if len(pfas) == 1 else ""


def _add_new_councils(geo: Geography, force: _ForceOf, csp_count: Counter[str],
                      out: dict[str, dict[str, str]], raw_lads: dict[str, set[str]]) -> None:
    """Councils created since the 2019 geography get their own partnership; the partnerships of
    the councils they replaced end the day before."""
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
            pid, area, "", geo.expand_lads(lads) | pfas, force(lads), f"mysociety:{code}"
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


def _apply_curated(row: dict[str, str], geo: Geography, force: _ForceOf,
                   out: dict[str, dict[str, str]], raw_lads: dict[str, set[str]]) -> None:
    """A curated row adds or amends a partnership (names, brands, dates, merges it supersedes)."""
    pid = row["id"]
    areas = expand_area_tokens(split(row.get("areas")), geo)
    lads = {a for a in areas if a in geo.lad_pfa}
    pfas = {geo.lad_pfa[lad] for lad in lads}
    part = out.get(pid) or _partnership(
        pid,
        row.get("area") or pid,
        row.get("gss_code", ""),
        areas | pfas,
        force(lads),
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
