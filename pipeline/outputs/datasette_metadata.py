"""Datasette metadata: what every table, view and column means, and the canned comparisons.

Table and column descriptions follow /work/shared/CONTRACT.md (the output
contract) and schema.py (additions); view descriptions follow docs/views.md.
tests/test_serve.py checks that every column of a fresh database is described.
"""

from __future__ import annotations

from typing import Any

_DATE = "ISO 8601: YYYY-MM-DD when the day is known, YYYY-MM when only the month is"
_PAGE = "1-based page of the PDF where the item starts"
_THEME = "normalised theme (one of the contract's themes: asb, hate_crime, prevent, ...)"
_PID = "the partnership (partnerships.id)"
_LOCATION = ("addition: where the row is in a file without pages (a native .docx): 'section 2, table 1, "
             "row 4' or 'section 1, paragraph 12'; NULL for a PDF")
_CONFIDENCE = "addition: OCR confidence (0-1) of the words of a row read from a scanned page"
_PNAME = "the partnership's full name"

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "documents": (
        "One row per PDF read: what it is, which partnership it is about, and whether it was read.",
        {
            "id": "sha256 hex of the PDF bytes",
            "source": "the path or URL it was read from",
            "title": "the document's own title",
            "doc_type": "scrutiny_report, monitoring_report, action_plan, delivery_plan, strategy, "
            "agenda_pack, minutes or other",
            "partnership_id": "the CSP the document is about (partnerships.id)",
            "authority": "the council that published it, official name",
            "committee": "the committee it went to",
            "meeting_date": f"date of that meeting ({_DATE})",
            "pages": "page count",
            "status": "ok, partial (some pages failed) or failed",
            "error": "why, when not ok",
            "report_number": "addition: the council's report reference, as written",
            "ingested_at": "addition: when cspipe loaded it (UTC, ISO 8601)",
            "extractor_version": "addition: cspipe extractor version that produced the rows",
            "ocr_pages": "addition: JSON list of the pages read by OCR (scanned pages), NULL when none",
            "source_format": "addition: what the file was: pdf, docx, or doc / odt / rtf (read "
                             "from LibreOffice's PDF)",
        },
    ),
    "partnerships": (
        "Community Safety Partnerships.",
        {
            "id": "stable slug, e.g. anytown-csp",
            "name": "full name, e.g. Anytown Community Safety Partnership",
            "gss_code": "ONS code of the CSP area (E22..., W22...) where the registry knows it",
        },
    ),
    "organisations": (
        "Organisations named in the documents, by official name; 'all-partners' "
        "is the sentinel for 'All partners' leads.",
        {
            "id": "stable slug of the official name",
            "name": "official name",
            "kind": "district_council, county_council, unitary_council, police, pcc, fire_rescue, "
            "probation, health, partnership, government, voluntary, business, education "
            "or other",
            "gss_code": "ONS GSS code for a local authority",
            "council_type": "addition: for councils, unitary, non_metropolitan_district, "
                            "metropolitan_district, london_borough, county, welsh_unitary, "
                            "scottish_council or ni_district (from the GSS code)",
        },
    ),
    "priorities": (
        "One row per priority a document names for its partnership.",
        {
            "document_id": "documents.id",
            "label": "the priority as written",
            "theme": _THEME,
            "page": _PAGE,
            "location": _LOCATION,
            "ocr_confidence": _CONFIDENCE,
        },
    ),
    "activities": (
        "One row per planned or reported action: an action-plan row, a SMART target "
        "block, a numbered action.",
        {
            "id": "row id",
            "document_id": "documents.id",
            "theme": f"{_THEME} of the priority it sits under",
            "priority": "that priority as written",
            "objective": "the objective or aim it serves, as written",
            "description": "the action itself, whole",
            "status": "status or RAG as written",
            "progress": "the update / progress notes, whole",
            "timescale": "as written, e.g. Q1 2023/24, September 2023, As required",
            "due_date": "the last day of the period the timescale names (Q1 2023/24 is 2023-06-30)",
            "page": _PAGE,
            "location": _LOCATION,
            "ocr_confidence": _CONFIDENCE,
        },
    ),
    "activity_leads": (
        "One row per lead named for an activity (the Lead/Owner cell split into its parts).",
        {
            "activity_id": "activities.id",
            "organisation_id": "matched organisation (organisations.id), NULL when none matched",
            "person": "a named person, as written",
            "raw": "the part of the cell this row came from",
            "match_score": "addition: rapidfuzz score of the organisation match (100 = exact alias)",
        },
    ),
    "kpis": (
        "One row per KPI, success measure or target, attached to an activity or stated on its own.",
        {
            "id": "row id",
            "document_id": "documents.id",
            "activity_id": "the activity it measures (activities.id), NULL when stated on its own",
            "description": "as written",
            "target": "the target as written, when one is stated (>20 venues, TBC)",
            "page": _PAGE,
            "value": "addition: the number a reported output states ('43 members of staff' -> 43)",
            "location": _LOCATION,
            "ocr_confidence": _CONFIDENCE,
        },
    ),
    "funding": (
        "One row per sum of money a document states as allocated, spent, granted, "
        "contributed or available.",
        {
            "id": "row id",
            "document_id": "documents.id",
            "date": f"when ({_DATE})",
            "period": "financial year(s) named, e.g. 2021/22",
            "description": "what it paid for or what the sum is, as written",
            "amount_gbp": "the amount in pounds (£16.1m is 16100000)",
            "funder_id": "organisation that provided it (organisations.id)",
            "recipient_id": "organisation that received it (organisations.id)",
            "page": _PAGE,
            "location": _LOCATION,
            "ocr_confidence": _CONFIDENCE,
        },
    ),
    "org_mentions": (
        "One row per (document, organisation) found anywhere in the text.",
        {
            "document_id": "documents.id",
            "organisation_id": "organisations.id",
            "text": "one form in which it was written, e.g. XCC",
            "page": "first page it appears on",
        },
    ),
    "org_candidates": (
        "Addition: names that looked like organisations but matched no registry "
        "entry well enough (for improving the registry).",
        {
            "text": "the name as written",
            "document_id": "documents.id",
            "page": "first page it appears on",
            "count": "how often it appears in the document",
            "best_guess": "the closest registry organisation (organisations.id)",
            "score": "rapidfuzz score of that guess",
        },
    ),
    "extractions": (
        "Addition: each document's extraction as JSON (contacts removed), so "
        "matching can re-run without parsing the PDF again.",
        {
            "document_id": "documents.id",
            "json": "the extractors' output (cspipe.models.Extraction) as JSON",
        },
    ),
    "sources": (
        "Scraping: configured council web sites to fetch committee papers from.",
        {
            "id": "stable id of the source",
            "url": "the site or listing URL",
            "kind": "how it is read (auto, or a named committee-system kind)",
            "name": "a readable name",
            "committees": "JSON list of committee names to follow",
            "keywords": "words a paper's title must contain to be fetched",
            "since": "earliest meeting date to fetch",
            "cron": "schedule for re-fetching",
            "enabled": "1 when fetched on schedule",
            "added_at": "when it was added (UTC)",
            "last_run_at": "last fetch run (UTC)",
            "last_error": "the last run's error, if any",
        },
    ),
    "fetches": (
        "Scraping: every fetch of a document URL and what came back.",
        {
            "url": "the document URL",
            "source_id": "sources.id it was found through",
            "status": "ok or failed",
            "http_status": "HTTP status code",
            "etag": "ETag header, for conditional re-fetching",
            "last_modified": "Last-Modified header",
            "sha256": "sha256 of the bytes (documents.id when loaded)",
            "fetched_at": "when (UTC)",
            "error": "why it failed",
            "transient": "1 when the failure may pass (retry later)",
            "attempts": "fetch attempts so far",
            "title": "the paper's title on the meeting page",
            "committee": "the committee on the meeting page",
            "meeting_date": f"the meeting date ({_DATE})",
            "meeting_url": "the meeting page it was linked from",
            "attachment_id": "the site's own id of the paper (ModernGov attachment id, CMIS document id): one paper however it is linked",
            "path": "where the bytes were saved locally",
        },
    ),
    "schema_migrations": (
        "Schema versions applied to this database (cspipe bookkeeping).",
        {
            "version": "migration number",
            "description": "what it changed",
            "applied_at": "when (UTC)",
        },
    ),
}

_SHARE = "share of the partnership's activities (0-1) "
_PROFILE_COLUMNS = {
    "partnership_id": _PID,
    "partnership": _PNAME,
    "theme": "the theme the activities sit under",
    "activities": "activities in the partnership's documents",
    "with_kpi": "activities with at least one KPI",
    "share_kpi": _SHARE + "with a KPI",
    "with_target": "activities with a KPI that states a target (placeholders such as TBC excluded)",
    "share_target": _SHARE + "with a stated target",
    "with_lead_org": "activities whose lead names an organisation other than 'All partners'",
    "share_lead_org": _SHARE + "with a named lead organisation",
    "share_all_partners": _SHARE + "led by 'All partners'",
    "share_any_lead": _SHARE + "with any lead (organisation or person)",
    "with_due_date": "activities with a due date",
    "share_due_date": _SHARE + "with a due date",
    "share_status_stated": _SHARE + "with a status or RAG",
    "share_complete": _SHARE + "whose status reads complete",
    "share_on_track": _SHARE + "on track (green) or in progress",
    "share_at_risk": _SHARE + "at risk (amber) or off track (red, delayed)",
}

VIEWS: dict[str, tuple[str, dict[str, str]]] = {
    "partnership_summary": (
        "One line per partnership: documents, themes, activities, KPIs, "
        "leads, funding (the `cspipe summary` table).",
        {
            "partnership_id": _PID,
            "partnership": _PNAME,
            "documents": "documents about it",
            "themes": "distinct priority themes named",
            "activities": "activities",
            "kpis": "KPIs",
            "activities_with_lead_org": "activities with a matched lead organisation "
            "(All partners included)",
            "lead_organisations": "distinct lead organisations",
            "funding_gbp": "sum of all funding rows (repeats not removed)",
        },
    ),
    "partnership_latest_document": (
        "Each partnership's newest document that names priorities (by meeting date, then id).",
        {
            "partnership_id": _PID,
            "document_id": "documents.id",
            "title": "its title",
            "doc_type": "its type",
            "meeting_date": "its meeting date",
            "source": "path or URL",
        },
    ),
    "priority_matrix": (
        "Partnership x theme over all documents (every theme, zeros included).",
        {
            "partnership_id": _PID,
            "partnership": _PNAME,
            "theme": _THEME,
            "documents": "documents of the partnership naming the theme as a priority",
            "of_documents": "documents of the partnership naming any priority",
            "share": "documents / of_documents",
            "priorities": "priority rows with this theme",
            "in_latest": "1 when its latest document (partnership_latest_document) names the theme",
            "labels": "the priorities as written, ' | '-separated",
        },
    ),
    "priority_matrix_latest": (
        "Partnership x theme in each partnership's latest document that names priorities.",
        {
            "partnership_id": _PID,
            "partnership": _PNAME,
            "theme": _THEME,
            "document_id": "the latest document",
            "meeting_date": "its meeting date",
            "named": "1 when it names the theme",
            "priorities": "priority rows with this theme",
            "labels": "as written, ' | '-separated",
            "page": "first page naming it",
        },
    ),
    "activity_facts": (
        "One row per activity of a partnership, with the flags the activity profile counts.",
        {
            "activity_id": "activities.id",
            "partnership_id": _PID,
            "document_id": "documents.id",
            "source": "the document's path or URL",
            "page": _PAGE,
            "theme": _THEME,
            "priority": "priority as written",
            "description": "the action",
            "status": "status or RAG as written",
            "status_group": "complete, on_track, in_progress, at_risk, off_track, not_started, other "
            "or not_stated (from the status words)",
            "timescale": "as written",
            "due_date": "last day of the timescale's period",
            "has_kpi": "1 when a KPI is attached",
            "has_target": "1 when an attached KPI states a target (TBC and the like excluded)",
            "has_lead_org": "1 when a lead names an organisation other than All partners",
            "led_by_all_partners": "1 when a lead is All partners",
            "has_lead": "1 when any lead (organisation or person) is named",
            "has_due_date": "1 when due_date is known",
            "leads": "the lead cell parts as written, '; '-separated",
        },
    ),
    "activity_profile": (
        "Per partnership: how specific its activities are (KPIs, targets, "
        "leads, due dates, status).",
        _PROFILE_COLUMNS,
    ),
    "activity_profile_by_theme": (
        "The activity profile for each partnership and theme.",
        _PROFILE_COLUMNS,
    ),
    "activity_status_mix": (
        "Per partnership: activities in each status group.",
        {
            "partnership_id": _PID,
            "partnership": _PNAME,
            "status_group": "see activity_facts.status_group",
            "activities": "activities",
            "share": "of the partnership's activities",
            "written_as": "the statuses as written in this group, ' | '-separated",
        },
    ),
    "lead_mix": (
        "Per partnership: share of activities led by each kind of organisation "
        "(all_partners = the All partners sentinel; unmatched = a lead naming no "
        "known organisation).",
        {
            "partnership_id": _PID,
            "partnership": _PNAME,
            "kind": "organisations.kind, all_partners or unmatched",
            "activities": "activities with a lead of this kind",
            "of_activities": "activities of the partnership",
            "share": "activities / of_activities (joint leads count for each kind)",
            "share_of_led": "share of the activities that name any lead",
        },
    ),
    "funding_items": (
        "Every funding row of a partnership, with its UK financial year (April-March).",
        {
            "funding_id": "funding.id",
            "partnership_id": _PID,
            "document_id": "documents.id",
            "source": "the document's path or URL",
            "page": _PAGE,
            "date": "funding.date",
            "period": "funding.period",
            "description": "as written",
            "amount_gbp": "pounds",
            "funder_id": "organisations.id",
            "recipient_id": "organisations.id",
            "financial_year": "e.g. 2019/20: the first financial year the period names, else the "
            "year holding the date; unknown when neither",
            "basis": "period, date or none: where financial_year came from",
        },
    ),
    "funding_by_year": (
        "Per partnership per financial year: the money its documents state.",
        {
            "partnership_id": _PID,
            "partnership": _PNAME,
            "financial_year": "see funding_items.financial_year",
            "amount_gbp": "sum, counting a sum repeated with the same description once",
            "items": "distinct sums counted",
            "rows": "funding rows",
            "amount_gbp_all_rows": "sum of every row (repeats included)",
            "documents": "documents stating them",
        },
    ),
    "organisation_participation": (
        "Which organisations appear in which partnerships (org_mentions and activity_leads).",
        {
            "organisation_id": "organisations.id",
            "organisation": "official name",
            "kind": "organisations.kind",
            "partnership_id": _PID,
            "partnership": _PNAME,
            "documents_mentioning": "documents of the partnership that mention it",
            "activities_led": "activities of the partnership it leads",
        },
    ),
    "organisation_reach": (
        "Per organisation: how many partnerships it appears in and leads work in.",
        {
            "organisation_id": "organisations.id",
            "organisation": "official name",
            "kind": "organisations.kind",
            "partnerships": "partnerships it appears in",
            "partnerships_leading": "partnerships where it leads an activity",
            "documents_mentioning": "documents mentioning it",
            "activities_led": "activities it leads",
            "partnership_ids": "those partnerships, ', '-separated",
        },
    ),
}

_MEASURES = (
    "share_kpi",
    "share_target",
    "share_lead_org",
    "share_all_partners",
    "share_due_date",
    "share_status_stated",
    "share_complete",
)
_BENCHMARK = " UNION ALL ".join(
    f"SELECT '{m}' AS measure, partnership_id, {m} AS value FROM activity_profile"
    for m in ("activities",) + _MEASURES
)

QUERIES: dict[str, dict[str, Any]] = {
    "themes_by_partnership": {
        "title": "Priority themes of each partnership",
        "description": "The priority matrix: which themes each partnership names, in how many "
        "of its documents, and whether its latest document names them.",
        "sql": "SELECT partnership, theme, documents, of_documents, share, in_latest, labels "
        "FROM priority_matrix WHERE documents > 0 ORDER BY partnership, share DESC, theme",
    },
    "partnerships_naming_theme": {
        "title": "Partnerships naming a theme",
        "description": "Which partnerships name this theme (e.g. vawg) and how they word it.",
        "sql": "SELECT partnership, documents, of_documents, in_latest, labels "
        "FROM priority_matrix WHERE theme = :theme AND documents > 0 "
        "ORDER BY share DESC, partnership",
    },
    "activity_profile": {
        "title": "Activity profile",
        "description": "How specific each partnership's activities are.",
        "sql": "SELECT * FROM activity_profile ORDER BY activities DESC",
    },
    "benchmark_partnership": {
        "title": "One partnership against the others",
        "description": "Each profile measure: its value, its rank (1 = highest) and the spread "
        "across partnerships.",
        "sql": f"WITH m AS ({_BENCHMARK}), r AS (SELECT *, rank() OVER (PARTITION BY measure "
        "ORDER BY value DESC) AS rank, count(value) OVER (PARTITION BY measure) AS of, "
        "min(value) OVER (PARTITION BY measure) AS min, avg(value) OVER (PARTITION BY "
        "measure) AS mean, max(value) OVER (PARTITION BY measure) AS max FROM m "
        "WHERE value IS NOT NULL) SELECT measure, value, rank, of, min, round(mean, 3) "
        "AS mean, max FROM r WHERE partnership_id = :partnership_id",
    },
    "status_mix": {
        "title": "Status mix",
        "description": "Activities by status group per partnership.",
        "sql": "SELECT partnership, status_group, activities, share, written_as "
        "FROM activity_status_mix ORDER BY partnership, activities DESC",
    },
    "lead_mix": {
        "title": "Lead mix",
        "description": "Share of each partnership's activities led by each kind of organisation.",
        "sql": "SELECT partnership, kind, activities, of_activities, share, share_of_led "
        "FROM lead_mix ORDER BY partnership, share DESC",
    },
    "funding_by_year": {
        "title": "Funding by financial year",
        "description": "Money stated per partnership per UK financial year (April-March).",
        "sql": "SELECT partnership, financial_year, amount_gbp, items, amount_gbp_all_rows, "
        "documents FROM funding_by_year ORDER BY partnership, financial_year",
    },
    "organisation_reach": {
        "title": "Organisations across partnerships",
        "description": "Organisations by the number of partnerships they appear in.",
        "sql": "SELECT organisation, kind, partnerships, partnerships_leading, activities_led, "
        "partnership_ids FROM organisation_reach ORDER BY partnerships DESC, "
        "activities_led DESC",
    },
    "organisations_in_partnership": {
        "title": "Organisations in one partnership",
        "description": "Every organisation a partnership's documents mention or name as a lead.",
        "sql": "SELECT organisation, kind, documents_mentioning, activities_led FROM "
        "organisation_participation WHERE partnership_id = :partnership_id "
        "ORDER BY activities_led DESC, documents_mentioning DESC",
    },
    "activities_without_kpi": {
        "title": "Activities without a KPI",
        "description": "A partnership's activities that have no KPI attached, with their page.",
        "sql": "SELECT theme, description, leads, timescale, status, source, page FROM "
        "activity_facts WHERE partnership_id = :partnership_id AND NOT has_kpi "
        "ORDER BY document_id, page",
    },
}


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for a database served under the name ``database``."""
    tables = {
        name: {"description": desc, "columns": cols}
        for name, (desc, cols) in (TABLES | VIEWS).items()
    }
    tables["schema_migrations"]["hidden"] = True
    return {
        "title": "cspipe: Community Safety Partnerships",
        "description": "What UK council papers say about Community Safety Partnerships: "
        "priorities, activities, leads, KPIs, funding. Read-only.",
        "databases": {database: {"tables": tables, "queries": QUERIES}},
    }
