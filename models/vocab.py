"""Closed vocabularies of the output contract (CONTRACT.md): themes, document types, kinds."""

from __future__ import annotations

from typing import Literal, get_args

Theme = Literal[
    "asb",
    "hate_crime",
    "prevent",
    "modern_slavery",
    "criminal_exploitation",
    "vawg",
    "domestic_abuse",
    "serious_violence",
    "fraud",
    "neighbourhood_crime",
    "drugs_alcohol",
    "reoffending",
    "road_safety",
    "youth",
    "community_cohesion",
    "mental_health",
    "governance",
    "other",
]

DocType = Literal[
    "scrutiny_report",
    "monitoring_report",
    "action_plan",
    "delivery_plan",
    "strategy",
    "agenda_pack",
    "minutes",
    "other",
]

OrgKind = Literal[
    "district_council",
    "county_council",
    "unitary_council",
    "police",
    "pcc",
    "fire_rescue",
    "probation",
    "health",
    "partnership",
    "government",
    "voluntary",
    "business",
    "education",
    "other",
]

DocStatus = Literal["ok", "partial", "failed"]

THEMES: tuple[str, ...] = get_args(Theme)
DOC_TYPES: tuple[str, ...] = get_args(DocType)
ORG_KINDS: tuple[str, ...] = get_args(OrgKind)

#: Sentinel organisation for "All partners" / "All" leads, so comparisons can count them.
ALL_PARTNERS_ID = "all-partners"
