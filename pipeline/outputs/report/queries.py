"""Everything the report shows, read from the database as plain rows.

The only module of the report that speaks SQL: the charts, grids and tables below it
see lists of dicts and the ``Comparison`` records ``cspipe compare`` prints, so every
surface shows the same numbers and the page can be rendered without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from cspipe.pipeline.outputs import over_time
from cspipe.pipeline.outputs.compare import Comparison, load
from cspipe.pipeline.outputs.over_time import Timeline

Row = dict[str, Any]

#: Documents that count: assigned to a partnership and not failed.
_COUNTED_DOCS = "WHERE d.partnership_id IS NOT NULL AND d.status != 'failed'"

#: The published URL of the row's document (document_urls), for its link.
_URL = "(SELECT u.url FROM document_urls u WHERE u.document_id = {}) AS url"

PRIORITIES_SQL = f"""
    SELECT d.partnership_id, x.theme, x.label, x.page, d.title, d.meeting_date, d.source,
           {_URL.format("d.id")}
    FROM priorities x JOIN documents d ON d.id = x.document_id {_COUNTED_DOCS}
    ORDER BY x.theme, d.meeting_date, x.page
"""

ACTIVITIES_SQL = f"""
    SELECT x.*, d.title, d.meeting_date, {_URL.format("x.document_id")} FROM activity_facts x
    JOIN documents d ON d.id = x.document_id
    ORDER BY x.partnership_id, x.document_id, x.page, x.activity_id
"""

#: One row per (activity, lead), with the kind of lead as the lead-mix view counts it.
LEADS_SQL = f"""
    SELECT f.partnership_id, l.organisation_id, o.name AS organisation, l.person, l.raw,
           CASE WHEN l.organisation_id = 'all-partners' THEN 'all_partners'
                WHEN l.organisation_id IS NULL THEN 'unmatched'
                ELSE coalesce(o.kind, 'other') END AS kind,
           f.description, f.source, f.page, f.title, f.meeting_date,
           {_URL.format("f.document_id")}
    FROM activity_leads l
    JOIN (SELECT a.*, d.title, d.meeting_date FROM activity_facts a
          JOIN documents d ON d.id = a.document_id) f ON f.activity_id = l.activity_id
    LEFT JOIN organisations o ON o.id = l.organisation_id
    ORDER BY f.partnership_id, kind, organisation
"""

FUNDING_SQL = f"""
    SELECT x.*, d.title, d.meeting_date, fo.name AS funder, ro.name AS recipient,
           {_URL.format("x.document_id")}
    FROM funding_items x JOIN documents d ON d.id = x.document_id
    LEFT JOIN organisations fo ON fo.id = x.funder_id
    LEFT JOIN organisations ro ON ro.id = x.recipient_id
    ORDER BY x.partnership_id, x.financial_year, x.page
"""

PARTICIPATION_SQL = "SELECT * FROM organisation_participation ORDER BY kind, organisation"

MENTIONS_SQL = f"""
    SELECT d.partnership_id, x.organisation_id, o.name AS organisation, o.kind, x.text,
           x.page, d.title, d.meeting_date, d.source, {_URL.format("d.id")}
    FROM org_mentions x JOIN organisations o ON o.id = x.organisation_id
    JOIN documents d ON d.id = x.document_id {_COUNTED_DOCS}
    ORDER BY o.name, d.meeting_date
"""

DOCUMENTS_SQL = "SELECT count(*) FROM documents WHERE status != 'failed'"

#: Every document, failed ones included, with what came out of it.
DOCUMENT_LIST_SQL = """
    SELECT d.id, d.source, d.title, d.doc_type, d.partnership_id, p.name AS partnership,
           d.authority, d.committee, d.meeting_date, d.pages, d.status, d.error, u.url,
           (SELECT count(*) FROM priorities x WHERE x.document_id = d.id) AS priorities,
           (SELECT count(*) FROM activities x WHERE x.document_id = d.id) AS activities,
           (SELECT count(*) FROM kpis x WHERE x.document_id = d.id) AS kpis,
           (SELECT count(*) FROM funding x WHERE x.document_id = d.id) AS funding,
           (SELECT count(DISTINCT x.organisation_id) FROM org_mentions x
            WHERE x.document_id = d.id) AS organisations
    FROM documents d LEFT JOIN partnerships p ON p.id = d.partnership_id
    LEFT JOIN document_urls u ON u.document_id = d.id
    ORDER BY p.name IS NULL, p.name, d.meeting_date IS NULL, d.meeting_date, d.source
"""

#: The comparator benchmarks (the one definition: pipeline/store/benchmarks.py).
BENCHMARKS_SQL = "SELECT * FROM benchmarks ORDER BY partnership_id, comparator, position"
GROUPS_SQL = """
    SELECT g.partnership_id, g.comparator, g.peer_id, p.name, p.population, g.basis,
           o.name AS basis_name
    FROM comparator_groups g JOIN partnerships p ON p.id = g.peer_id
    LEFT JOIN organisations o ON o.id = g.basis
    ORDER BY g.partnership_id, g.comparator, g.peer_id != g.partnership_id,
             CAST(g.basis AS REAL), g.peer_id
"""


@dataclass
class ReportData:
    """The rows behind every figure and table of the report."""

    comparisons: list[Comparison]
    matrix: list[Row]  # priority_matrix: partnership x theme
    priorities: list[Row]
    activities: list[Row]
    leads: list[Row]
    funding: list[Row]
    participation: list[Row]  # organisation_participation
    mentions: list[Row]
    documents: int
    document_list: list[Row] = field(default_factory=list)
    benchmarks: list[Row] = field(default_factory=list)  # the benchmarks view
    groups: list[Row] = field(default_factory=list)  # comparator_groups with names
    timelines: list[Timeline] = field(default_factory=list)  # partnerships with 2+ documents

    @property
    def names(self) -> dict[str, str]:
        """Partnership id -> full name."""
        return {c.partnership_id: c.partnership for c in self.comparisons}

    @property
    def order(self) -> dict[str, int]:
        """Partnership id -> its place in the comparison (the order of every chart)."""
        return {c.partnership_id: i for i, c in enumerate(self.comparisons)}


def fetch(db: sqlite_utils.Database) -> ReportData:
    """Read the report's rows (SELECTs only: the report never writes)."""
    comparisons = load(db)
    order = {c.partnership_id: i for i, c in enumerate(comparisons)}
    priorities = sorted(db.query(PRIORITIES_SQL), key=lambda r: order.get(r["partnership_id"], 99))
    return ReportData(
        comparisons=comparisons,
        matrix=list(db.query("SELECT * FROM priority_matrix")),
        priorities=priorities,
        activities=list(db.query(ACTIVITIES_SQL)),
        leads=list(db.query(LEADS_SQL)),
        funding=list(db.query(FUNDING_SQL)),
        participation=list(db.query(PARTICIPATION_SQL)),
        mentions=list(db.query(MENTIONS_SQL)),
        documents=db.execute(DOCUMENTS_SQL).fetchone()[0],
        document_list=list(db.query(DOCUMENT_LIST_SQL)),
        benchmarks=list(db.query(BENCHMARKS_SQL)),
        groups=list(db.query(GROUPS_SQL)),
        timelines=[
            over_time.load(db, pid) for (pid,) in db.execute(
                "SELECT partnership_id FROM document_timeline GROUP BY 1 HAVING count(*) > 1 "
                "ORDER BY min(partnership)")
        ],
    )
