"""Rows of the contract tables, validated before they are written.

One class per table in CONTRACT.md; field names are the column names. Extra
columns the project adds (never removes) are marked "addition". What each column
means is written once, in pipeline/store/descriptions.yaml (docs/columns.md).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

from cspipe.models.vocab import DocStatus, DocType, OrgKind, Theme

_ISO_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def _check_iso(value: str) -> str:
    if not _ISO_DATE.match(value):
        raise ValueError(f"not an ISO date (YYYY-MM or YYYY-MM-DD): {value!r}")
    return value


#: ISO 8601 text as the contract wants it: YYYY-MM-DD, or YYYY-MM when only the month is known.
IsoDate = Annotated[str, AfterValidator(_check_iso)]


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class PlacedRow(Row):
    """Additions every extracted row carries (migration 7): where it is in a file without
    pages (a native .docx), and the OCR confidence (0-1) of a row read from a scanned page."""

    location: str | None = None
    ocr_confidence: float | None = None


class DocumentRow(Row):
    id: str
    source: str
    title: str | None = None
    doc_type: DocType = "other"
    partnership_id: str | None = None
    authority: str | None = None
    committee: str | None = None
    meeting_date: IsoDate | None = None
    pages: int = 0
    status: DocStatus = "ok"
    error: str | None = None
    # additions
    report_number: str | None = None
    ingested_at: str | None = None
    extractor_version: str | None = None
    #: JSON list of the pages read by OCR ("[1, 3]"); NULL when none was
    ocr_pages: str | None = None
    #: what the file was: "pdf", "docx", or "doc"/"odt"/"rtf" (read from LibreOffice's PDF)
    source_format: str | None = None


class PartnershipRow(Row):
    id: str
    name: str
    gss_code: str | None = None
    # additions: what comparator groups are made of (registry build_comparators.py)
    county_id: str | None = None
    force_id: str | None = None
    council_type: str | None = None
    population: int | None = None
    districts: int | None = None


class OrganisationRow(Row):
    id: str
    name: str
    kind: OrgKind
    gss_code: str | None = None
    # addition
    council_type: str | None = None


class PriorityRow(PlacedRow):
    document_id: str
    label: str
    theme: Theme
    page: int


class ActivityRow(PlacedRow):
    id: int | None = None
    document_id: str
    theme: Theme | None = None
    priority: str | None = None
    objective: str | None = None
    description: str
    status: str | None = None
    progress: str | None = None
    timescale: str | None = None
    due_date: IsoDate | None = None
    page: int


class ActivityLeadRow(Row):
    activity_id: int
    organisation_id: str | None = None
    person: str | None = None
    raw: str
    # addition
    match_score: float | None = None


class KpiRow(PlacedRow):
    id: int | None = None
    document_id: str
    activity_id: int | None = None
    description: str
    target: str | None = None
    page: int
    # addition
    value: float | None = None


class FundingRow(PlacedRow):
    id: int | None = None
    document_id: str
    date: IsoDate | None = None
    period: str | None = None
    description: str
    amount_gbp: float
    funder_id: str | None = None
    recipient_id: str | None = None
    page: int


class OrgMentionRow(Row):
    document_id: str
    organisation_id: str
    text: str
    page: int


class OrgCandidateRow(Row):
    """Addition: a name that looked like an organisation but matched nothing well enough."""

    text: str
    document_id: str
    page: int
    count: int = 1
    best_guess: str | None = None
    score: float | None = None
