"""Generate ``organisations.csv`` and ``partnerships.csv`` from the reference sources.

Run ``python -m cspipe.pipeline.match.registry.build_registry`` after editing ``curated*.csv``; run it
with ``--refresh-sources /work/shared/reference`` to re-copy (and trim) the public data
into ``sources/``. The generated CSVs are committed, so the package works without the
shared folder and without this script. Priority when two sources name the same body:
curated rows, then councils, police, PCC offices, fire, NHS, the government register.
"""
from __future__ import annotations

import argparse
import csv
import shutil
from pathlib import Path

from cspipe.pipeline.match.registry import build_bodies, build_ccgs
from cspipe.pipeline.match.registry.build_model import (
    _COPY_WHOLE,
    _LA_KEEP,
    HERE,
    ORG_COLUMNS,
    PARTNERSHIP_COLUMNS,
    SOURCES,
    Builder,
    Org,
    load_geography,
    read_csv,
    split,
)
from cspipe.pipeline.match.registry.build_orgs import (
    add_councils,
    add_fire,
    add_government,
    add_icbs,
    add_pccs,
    add_police,
    apply_curated_aliases,
    curated_org,
    force_area_lads,
)
from cspipe.pipeline.match.registry.build_partnerships import build_partnerships
from cspipe.pipeline.match.registry.text import normalise, slugify

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
        return force_area_lads(geo, pfa)

    def pfa_of(areas: set[str]) -> set[str]:
        return {geo.lad_pfa[a] for a in areas if a in geo.lad_pfa}

    build_bodies.add_probation(builder, Org, places, pfa_areas, read_csv, src)
    build_bodies.add_pcts(builder, Org, places, read_csv, src)
    build_ccgs.add_ccgs(builder, Org, places, read_csv, src, here)
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
