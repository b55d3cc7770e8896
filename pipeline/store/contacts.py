"""Contact details out of every stored text, in one step, as a document is loaded.

Redacting field by field in the extractors leaked every field added later (priority
labels, lead cells, KPI targets), so the loader scrubs the whole bundle instead: every
string of every row and of the kept extraction, whatever its name, except identifiers and
the source locator. A row whose required text was nothing but a contact is dropped.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from cspipe.extractors.privacy import redact
from cspipe.pipeline.match.rows import ActivityBundle, DocumentBundle

#: Fields that identify or locate, never free text.
KEEP = frozenset({"id", "source", "theme", "doc_type", "status_kind", "kind"})


def scrub(value: Any) -> Any:
    """``value`` with e-mail addresses and phone numbers removed from every string in it."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, BaseModel):
        update = {}
        for name in type(value).model_fields:
            if name in KEEP or name.endswith("_id"):
                continue
            old = getattr(value, name)
            new = scrub(old)
            if new is not old and new != old:
                # an optional text that was only a contact is absent, not an empty string
                optional = not type(value).model_fields[name].is_required()
                update[name] = None if new == "" and optional else new
        return value.model_copy(update=update) if update else value
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, tuple):
        return tuple(scrub(v) for v in value)
    if isinstance(value, dict):
        return {k: scrub(v) for k, v in value.items()}
    return value


def scrub_bundle(bundle: DocumentBundle) -> DocumentBundle:
    """The bundle as it may be stored by default: no contacts, no rows that were only one."""
    if bundle.keep_contacts:
        return bundle
    activities = []
    for a in bundle.activities:
        row = scrub(a.row)
        if not row.description:
            continue
        leads = [lead for lead in (scrub(x) for x in a.leads)
                 if lead.raw or lead.person or lead.organisation_id]
        leads = [lead if lead.raw else lead.model_copy(update={"raw": lead.person or ""})
                 for lead in leads]
        activities.append(ActivityBundle(row, leads, [k for k in map(scrub, a.kpis) if k.description]))
    return DocumentBundle(
        document=scrub(bundle.document),
        partnership=bundle.partnership,
        organisations=bundle.organisations,
        priorities=[p for p in map(scrub, bundle.priorities) if p.label],
        activities=activities,
        kpis=[k for k in map(scrub, bundle.kpis) if k.description],
        funding=[scrub(f) for f in bundle.funding],
        mentions=[m for m in map(scrub, bundle.mentions) if m.text],
        candidates=[c for c in map(scrub, bundle.candidates) if c.text],
        extraction=scrub(bundle.extraction) if bundle.extraction is not None else None,
        keep_contacts=False,
    )
