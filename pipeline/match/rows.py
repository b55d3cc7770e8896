"""Turning one document's extraction and its organisation matches into validated contract rows."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from cspipe.models import (
    ActivityLeadRow,
    ActivityRow,
    DocumentRow,
    Extraction,
    FundingRow,
    KpiRecord,
    KpiRow,
    OrganisationRow,
    OrgCandidateRow,
    OrgMentionRow,
    PartnershipRow,
    PriorityRow,
)

if TYPE_CHECKING:
    from cspipe.pipeline.match.resolve import Resolution

#: Bumped whenever extraction changes what it produces; documents loaded by an
#: older version are re-extracted on the next ingest.
EXTRACTOR_VERSION = "1"


@dataclass
class ActivityBundle:
    row: ActivityRow
    leads: list[ActivityLeadRow] = field(default_factory=list)
    kpis: list[KpiRow] = field(default_factory=list)


@dataclass
class DocumentBundle:
    """Every row one document contributes; written in one transaction."""

    document: DocumentRow
    partnership: PartnershipRow | None = None
    organisations: list[OrganisationRow] = field(default_factory=list)
    priorities: list[PriorityRow] = field(default_factory=list)
    activities: list[ActivityBundle] = field(default_factory=list)
    kpis: list[KpiRow] = field(default_factory=list)
    funding: list[FundingRow] = field(default_factory=list)
    mentions: list[OrgMentionRow] = field(default_factory=list)
    candidates: list[OrgCandidateRow] = field(default_factory=list)
    #: the extraction itself, kept so organisations can be re-matched without parsing again
    extraction: Extraction | None = None
    #: the user asked to keep phone numbers and e-mails (``--keep-contacts``)
    keep_contacts: bool = False


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def failed_document(document_id: str, source: str, reason: str, pages: int = 0) -> DocumentBundle:
    """The row that records a bad input: status failed, the one-line reason kept."""
    return DocumentBundle(
        DocumentRow(
            id=document_id,
            source=source,
            status="failed",
            error=reason,
            pages=pages,
            ingested_at=now_iso(),
            extractor_version=EXTRACTOR_VERSION,
        )
    )


def _kpi_rows(document_id: str, kpis: Iterable[KpiRecord]) -> list[KpiRow]:
    return [
        KpiRow(
            document_id=document_id,
            description=k.description,
            target=k.target,
            value=k.value,
            page=k.page,
            location=k.location,
            ocr_confidence=k.ocr_confidence,
        )
        for k in kpis
    ]


def bundle(document_id: str, source: str, ex: Extraction, res: Resolution) -> DocumentBundle:
    """Rows for a document that was read: ``partial`` when some pages failed."""
    status = "partial" if ex.failed_pages else "ok"
    error = None
    if ex.failed_pages:
        error = "; ".join(f"page {f.page}: {f.reason}" for f in ex.failed_pages[:5])
    document = DocumentRow(
        id=document_id,
        source=source,
        title=ex.meta.title,
        doc_type=ex.meta.doc_type,
        partnership_id=res.partnership.id if res.partnership else None,
        authority=res.authority,
        committee=ex.meta.committee,
        meeting_date=ex.meta.meeting_date,
        pages=ex.pages,
        status=status,
        error=error,
        report_number=ex.meta.report_number,
        ingested_at=now_iso(),
        extractor_version=EXTRACTOR_VERSION,
        ocr_pages=json.dumps(ex.ocr_pages) if ex.ocr_pages else None,
        source_format=ex.source_format,
    )
    # the extraction is kept beside its rows, so ``orgs rematch`` re-matches without parsing
    out = DocumentBundle(
        document=document, partnership=res.partnership, organisations=list(res.organisations),
        extraction=ex,
    )
    out.priorities = [
        PriorityRow(document_id=document_id, label=p.label, theme=p.theme, page=p.page,
                    location=p.location, ocr_confidence=p.ocr_confidence)
        for p in ex.priorities
    ]
    out.activities = _activities(document_id, ex, res)
    out.kpis = _kpi_rows(document_id, ex.kpis)
    out.funding = [
        FundingRow(
            document_id=document_id,
            date=f.date,
            period=f.period,
            description=f.description,
            amount_gbp=f.amount_gbp,
            funder_id=res.funders.get(i),
            recipient_id=res.recipients.get(i),
            page=f.page,
            location=f.location,
            ocr_confidence=f.ocr_confidence,
        )
        for i, f in enumerate(ex.funding)
    ]
    out.mentions = [
        OrgMentionRow(document_id=document_id, organisation_id=org_id, text=text, page=page)
        for org_id, text, page in res.mentions
    ]
    out.candidates = [
        OrgCandidateRow(
            text=text,
            document_id=document_id,
            page=page,
            count=count,
            best_guess=guess,
            score=score,
        )
        for text, page, count, guess, score in res.candidates
    ]
    return out


def _activities(document_id: str, ex: Extraction, res: Resolution) -> list[ActivityBundle]:
    """Each activity with its leads (matched) and its own KPIs."""
    out: list[ActivityBundle] = []
    for i, a in enumerate(ex.activities):
        row = ActivityRow(
            document_id=document_id,
            theme=a.theme,
            priority=a.priority,
            objective=a.objective,
            description=a.description,
            status=a.status,
            progress=a.progress,
            timescale=a.timescale,
            due_date=a.due_date,
            page=a.page,
            location=a.location,
            ocr_confidence=a.ocr_confidence,
        )
        leads = []
        for j, lead in enumerate(a.leads):
            org_id, score = res.lead_orgs.get((i, j), (None, None))
            # activity_id is set when the activity row is written
            leads.append(
                ActivityLeadRow(
                    activity_id=0,
                    organisation_id=org_id,
                    person=lead.person,
                    raw=lead.raw,
                    match_score=score,
                )
            )
        out.append(ActivityBundle(row, leads, _kpi_rows(document_id, a.kpis)))
    return out
