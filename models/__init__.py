"""The vocabulary of cspipe: pydantic records for extraction results and contract rows.

Imports nothing of cspipe: every other layer imports this one.
"""

from cspipe.models.extraction import (
    ActivityRecord,
    DocumentMeta,
    Extraction,
    FundingRecord,
    KpiRecord,
    LeadPart,
    PageFailure,
    PersonRecord,
    PriorityRecord,
    Section,
)
from cspipe.models.rows import (
    ActivityLeadRow,
    ActivityRow,
    DocumentRow,
    FundingRow,
    KpiRow,
    OrganisationRow,
    OrgCandidateRow,
    OrgMentionRow,
    PartnershipRow,
    PriorityRow,
)
from cspipe.models.vocab import (
    ALL_PARTNERS_ID,
    DOC_TYPES,
    ORG_KINDS,
    THEMES,
    DocType,
    OrgKind,
    Theme,
)

__all__ = [
    "ALL_PARTNERS_ID",
    "DOC_TYPES",
    "ORG_KINDS",
    "THEMES",
    "ActivityLeadRow",
    "ActivityRecord",
    "ActivityRow",
    "DocType",
    "DocumentMeta",
    "DocumentRow",
    "Extraction",
    "FundingRecord",
    "FundingRow",
    "KpiRecord",
    "KpiRow",
    "LeadPart",
    "OrgCandidateRow",
    "OrgKind",
    "OrgMentionRow",
    "OrganisationRow",
    "PageFailure",
    "PartnershipRow",
    "PersonRecord",
    "PriorityRecord",
    "PriorityRow",
    "Section",
    "Theme",
]
