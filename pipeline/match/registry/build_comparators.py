"""What a partnership is compared by: its county, council type, population and districts.

Researchers compare a partnership with its peers (LG Inform's comparator groups): those in the
same county, the same police force area, of the same kind of council, or of a similar size. The
force is set by ``build_partnerships``; this step adds the rest from the partnership's member
councils (the districts or unitary councils it covers):

- ``population``: the sum of the members' mid-2020 population estimates (mySociety's
  ``pop-2020`` column, CC BY 4.0, from ONS figures). Members abolished before 2020 have no
  estimate and are left out: their area is inside a successor that has one; a member replaced by
  another member counts once, as the successor. Blank when no member has a figure.
- ``districts``: how many member councils that covers (those with an estimate, else all).
- ``county``: the registry id of the county council over every member, when they share one.
- ``council_type``: the members' type as ``organisations.council_type`` names it
  (``non_metropolitan_district``, ``unitary``, ``metropolitan_district``, ``london_borough``,
  ``welsh_unitary``); ``county`` for a partnership covering every district of its county;
  ``mixed`` when the members differ.
"""

from __future__ import annotations

from collections.abc import Iterable

from cspipe.pipeline.match.registry.build_model import Geography
from cspipe.pipeline.match.registry.text import slugify

POPULATION_COLUMN = "pop-2020"
COMPARATOR_COLUMNS = ["county", "council_type", "population", "districts"]

#: mySociety local-authority-type -> organisations.council_type (registry/__init__.py names them
#: by GSS prefix; these are the same words)
_TYPE_BY_LA_TYPE = {
    "NMD": "non_metropolitan_district",
    "UA": "unitary",
    "MD": "metropolitan_district",
    "LBO": "london_borough",
    "CC": "london_borough",  # the City of London: GSS E09 like the boroughs
    "WPA": "welsh_unitary",
}


def _population(row: dict[str, str]) -> int | None:
    value = (row.get(POPULATION_COLUMN) or "").strip()
    return round(float(value)) if value else None


def members_of(geo: Geography, lads: Iterable[str]) -> list[str]:
    """The member councils (mySociety codes) of a partnership's district GSS codes.

    A council replaced by another member (Waveney by East Suffolk) is the same area counted
    twice, so only the successor stays."""
    codes = {geo.gss_to_la[lad] for lad in lads if lad in geo.gss_to_la}
    codes = {c for c in codes if c in geo.las and geo.las[c]["local-authority-type"] != "CTY"}
    return sorted(c for c in codes if not set(geo.successors.get(c, [])) & codes)


def comparator_fields(geo: Geography, lads: Iterable[str]) -> dict[str, str]:
    """``county``, ``council_type``, ``population`` and ``districts`` of one partnership."""
    members = members_of(geo, lads)
    counted = [c for c in members if _population(geo.las[c]) is not None]
    chosen = counted or members
    if not chosen:
        return dict.fromkeys(COMPARATOR_COLUMNS, "")
    counties = {geo.county_of(c) for c in chosen}
    county = next(iter(counties)) if len(counties) == 1 else ""
    county_id = slugify(geo.las[county]["official-name"]) if county in geo.las else ""
    types = {_TYPE_BY_LA_TYPE.get(geo.las[c]["local-authority-type"], "other") for c in chosen}
    council_type = next(iter(types)) if len(types) == 1 else "mixed"
    if council_type == "non_metropolitan_district" and county and len(chosen) > 1:
        in_county = {
            c for c, row in geo.las.items()
            if row["local-authority-type"] == "NMD" and geo.county_of(c) == county
            and _population(row) is not None
        }
        if in_county and in_county <= set(chosen):
            council_type = "county"
    population = sum(p for c in counted if (p := _population(geo.las[c])) is not None)
    return {
        "county": county_id,
        "council_type": council_type,
        "population": str(population) if counted else "",
        "districts": str(len(chosen)),
    }
