"""What the extractors return for one PDF, before organisations are matched and ids given.

Extractors know nothing of the database or the registry: organisations appear here
as the text the paper used (``org_text``); ``cspipe.pipeline.match.matcher`` resolves them.
Every record carries the 1-based ``page`` where it starts.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from cspipe.models.rows import IsoDate
from cspipe.models.vocab import DocType, Theme


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Placed(Record):
    """What every record carries besides its ``page``: where in a page-less file it is, and how
    sure the OCR was of its words (both None for a born-digital PDF)."""

    #: addition: where in the file the row is, for a file without pages (a native .docx:
    #: "section 2, table 1, row 4" / "section 1, paragraph 12"); None for a PDF
    location: str | None = None
    #: addition: the OCR engine's confidence (0-1) in the words of a row read from a scanned page
    ocr_confidence: float | None = None


class LeadPart(Record):
    """One part of a Lead / Owner cell: ``ESC: Julia Catterwell`` -> org_text ESC, person Julia Catterwell."""

    raw: str
    org_text: str | None = None
    person: str | None = None
    #: "All partners", "All", "All responsible authorities": counted, not lost.
    all_partners: bool = False


class KpiRecord(Placed):
    description: str
    target: str | None = None
    #: numeric value of a reported output ("1,250 champions are now trained" -> 1250)
    value: float | None = None
    page: int


class ActivityRecord(Placed):
    description: str
    page: int
    theme: Theme | None = None
    priority: str | None = None
    objective: str | None = None
    status: str | None = None
    progress: str | None = None
    timescale: str | None = None
    due_date: IsoDate | None = None
    lead_raw: str | None = None
    leads: list[LeadPart] = Field(default_factory=list)
    kpis: list[KpiRecord] = Field(default_factory=list)


class PriorityRecord(Placed):
    label: str
    theme: Theme
    page: int


class FundingRecord(Placed):
    description: str
    amount_gbp: float
    page: int
    date: IsoDate | None = None
    period: str | None = None
    funder_text: str | None = None
    recipient_text: str | None = None


class PersonRecord(Record):
    """A named officer and the organisation the document ties them to (cover sheets)."""

    name: str
    org_text: str | None = None
    role: str | None = None


class DocumentMeta(Record):
    title: str | None = None
    doc_type: DocType = "other"
    #: the partnership as written ("East Suffolk Community Safety Partnership", "NCCSP")
    partnership_text: str | None = None
    #: the publishing council as written
    authority_text: str | None = None
    #: what says so: "cover" / "email" / "header" (the paper itself), or "mentions" (a guess
    #: from the council named most often), which the partnership's own council may override
    authority_basis: str | None = None
    committee: str | None = None
    meeting_date: IsoDate | None = None
    report_number: str | None = None
    people: list[PersonRecord] = Field(default_factory=list)


class Section(Record):
    """A part of a document (an agenda-pack item, an appendix) and how it was classified."""

    title: str
    kind: DocType | str
    first_page: int
    last_page: int


class PageFailure(Record):
    page: int
    reason: str


class Extraction(Record):
    """Everything read from one PDF."""

    pages: int
    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    #: plain text of each page (index 0 = page 1), for mention scanning downstream
    page_texts: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    priorities: list[PriorityRecord] = Field(default_factory=list)
    activities: list[ActivityRecord] = Field(default_factory=list)
    #: KPIs / reported outputs not attached to an activity
    kpis: list[KpiRecord] = Field(default_factory=list)
    funding: list[FundingRecord] = Field(default_factory=list)
    failed_pages: list[PageFailure] = Field(default_factory=list)
    #: addition: what the file was ("pdf", "docx", or "doc"/"odt"/"rtf" read from LibreOffice's PDF)
    source_format: str = "pdf"
    #: addition: pages whose text was read by OCR (scanned pages), 1-based
    ocr_pages: list[int] = Field(default_factory=list)
