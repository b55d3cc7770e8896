"""SQL views created with the database: the cross-partnership comparisons researchers query.

Views are dropped and recreated on every open, so a newer cspipe can change a
view's definition without a migration (views hold no data).
"""

from __future__ import annotations

import sqlite_utils

VIEWS: dict[str, str] = {
    # One row per partnership: how much each document set says, and what it spends.
    "partnership_summary": """
        SELECT
            p.id AS partnership_id,
            p.name AS partnership,
            (SELECT count(*) FROM documents d WHERE d.partnership_id = p.id) AS documents,
            (SELECT count(DISTINCT pr.theme) FROM priorities pr
                JOIN documents d ON d.id = pr.document_id WHERE d.partnership_id = p.id) AS themes,
            (SELECT count(*) FROM activities a
                JOIN documents d ON d.id = a.document_id WHERE d.partnership_id = p.id) AS activities,
            (SELECT count(*) FROM kpis k
                JOIN documents d ON d.id = k.document_id WHERE d.partnership_id = p.id) AS kpis,
            (SELECT count(DISTINCT l.activity_id) FROM activity_leads l
                JOIN activities a ON a.id = l.activity_id
                JOIN documents d ON d.id = a.document_id
                WHERE d.partnership_id = p.id AND l.organisation_id IS NOT NULL) AS activities_with_lead_org,
            (SELECT count(DISTINCT l.organisation_id) FROM activity_leads l
                JOIN activities a ON a.id = l.activity_id
                JOIN documents d ON d.id = a.document_id
                WHERE d.partnership_id = p.id AND l.organisation_id IS NOT NULL) AS lead_organisations,
            (SELECT coalesce(sum(f.amount_gbp), 0) FROM funding f
                JOIN documents d ON d.id = f.document_id WHERE d.partnership_id = p.id) AS funding_gbp
        FROM partnerships p
        WHERE EXISTS (SELECT 1 FROM documents d WHERE d.partnership_id = p.id)
    """,
}


def create_views(db: sqlite_utils.Database) -> None:
    for name, sql in VIEWS.items():
        db.execute(f"DROP VIEW IF EXISTS {name}")
        db.execute(f"CREATE VIEW {name} AS {sql}")
