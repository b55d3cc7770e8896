"""SQL views created with the database: the cross-partnership comparisons researchers query.

Views are recreated when a database is opened for writing and its stored definitions differ
from these (``current``), inside the migration transaction, so a newer cspipe can change a
view's definition without a migration (views hold no data) and concurrent starts never
race. Readers never touch them. Every view is plain
SQLite SQL (no Python functions), so it works the same in the sqlite3 shell,
in notebooks and in Datasette. What each view and its columns mean is written in
descriptions.yaml beside this module (one row per what, every column); docs/views.md
explains how they count.
"""

from __future__ import annotations

import sqlite_utils

from cspipe.models.vocab import ALL_PARTNERS_ID, THEMES
from cspipe.pipeline.store.benchmarks import BENCHMARK_VIEWS
from cspipe.pipeline.store.timeline import TIMELINE_VIEWS

_THEME_VALUES = ", ".join(f"('{t}')" for t in THEMES)

#: Targets that are placeholders, not targets ("TBC"): compared lower-cased and trimmed.
PLACEHOLDER_TARGETS = ("", "tbc", "tba", "tbd", "n/a", "na", "none", "-", "to be confirmed")
_PLACEHOLDERS = ", ".join(f"'{t}'" for t in PLACEHOLDER_TARGETS)

#: Status groups, in the order the report draws them.
STATUS_GROUPS = (
    "complete",
    "on_track",
    "in_progress",
    "at_risk",
    "off_track",
    "not_started",
    "other",
    "not_stated",
)

# Status / RAG as written -> a group. Words are matched on a space-padded, lower-cased copy
# with / - , ( ) turned into spaces, so "Red" and "RAG: red" match but "required" does not.
_S = "(' ' || lower(replace(replace(replace(replace(replace(trim(a.status), '/', ' '), '-', ' '), ',', ' '), '(', ' '), ')', ' ')) || ' ')"
_STATUS_GROUP = f"""
    CASE
        WHEN a.status IS NULL OR trim(a.status) = '' THEN 'not_stated'
        WHEN {_S} LIKE '% not started %' OR {_S} LIKE '% not yet started %'
             OR {_S} LIKE '% not commenced %' OR {_S} LIKE '% planned %' THEN 'not_started'
        WHEN {_S} LIKE '% incomplete %' OR {_S} LIKE '% not complete%' THEN 'in_progress'
        WHEN {_S} LIKE '% not on track %' OR {_S} LIKE '% off track %' OR {_S} LIKE '% red %'
             OR {_S} LIKE '% delayed %' OR {_S} LIKE '% behind %' OR {_S} LIKE '% overdue %'
             THEN 'off_track'
        WHEN {_S} LIKE '% complete%' OR {_S} LIKE '% achieved %' OR {_S} LIKE '% done %'
             OR {_S} LIKE '% closed %' OR {_S} LIKE '% delivered %' OR {_S} LIKE '% finished %'
             OR {_S} LIKE '% blue %' THEN 'complete'
        WHEN {_S} LIKE '% amber %' OR {_S} LIKE '% at risk %' OR {_S} LIKE '% slippage %'
             THEN 'at_risk'
        WHEN {_S} LIKE '% green %' OR {_S} LIKE '% on track %' OR {_S} LIKE '% on target %'
             THEN 'on_track'
        WHEN {_S} LIKE '% in progress %' OR {_S} LIKE '% ongoing %' OR {_S} LIKE '% on going %'
             OR {_S} LIKE '% underway %' OR {_S} LIKE '% started %' OR {_S} LIKE '% progressing %'
             THEN 'in_progress'
        ELSE 'other'
    END"""

# First financial year named in funding.period: 2021/22, 2021-22, 2021/2022, FY2021/22,
# 2021 to 2022 -> 2021; 21/22 -> 2021. NULL when none is recognisable.
_P = "coalesce(f.period, '')"
_POS = f"instr({_P}, '20')"
_PERIOD_START = f"""
    CASE
        WHEN {_POS} > 0 AND substr({_P}, {_POS}, 4) GLOB '20[0-9][0-9]'
             AND (substr({_P}, {_POS} + 4, 1) IN ('/', '-', '–', '—')
                  OR lower(substr({_P}, {_POS} + 4, 4)) = ' to ')
            THEN CAST(substr({_P}, {_POS}, 4) AS INTEGER)
        WHEN trim({_P}) GLOB '[0-9][0-9][/-][0-9][0-9]*'
            THEN 2000 + CAST(substr(trim({_P}), 1, 2) AS INTEGER)
    END"""
# Financial year (April-March) containing funding.date (YYYY-MM or YYYY-MM-DD).
_DATE_START = """
    CASE
        WHEN f.date GLOB '[12][0-9][0-9][0-9]-[01][0-9]*'
            THEN CAST(substr(f.date, 1, 4) AS INTEGER)
                 - (CAST(substr(f.date, 6, 2) AS INTEGER) < 4)
    END"""

_PROFILE = """
        SELECT p.id AS partnership_id, p.name AS partnership,{theme_col}
               count(f.activity_id) AS activities,
               coalesce(sum(f.has_kpi), 0) AS with_kpi,
               round(avg(f.has_kpi), 3) AS share_kpi,
               coalesce(sum(f.has_target), 0) AS with_target,
               round(avg(f.has_target), 3) AS share_target,
               coalesce(sum(f.has_lead_org), 0) AS with_lead_org,
               round(avg(f.has_lead_org), 3) AS share_lead_org,
               round(avg(f.led_by_all_partners), 3) AS share_all_partners,
               round(avg(f.has_lead), 3) AS share_any_lead,
               coalesce(sum(f.has_due_date), 0) AS with_due_date,
               round(avg(f.has_due_date), 3) AS share_due_date,
               round(avg(f.status_group != 'not_stated'), 3) AS share_status_stated,
               round(avg(f.status_group = 'complete'), 3) AS share_complete,
               round(avg(f.status_group IN ('on_track', 'in_progress')), 3) AS share_on_track,
               round(avg(f.status_group IN ('at_risk', 'off_track')), 3) AS share_at_risk
        FROM partnerships p
        {join} activity_facts f ON f.partnership_id = p.id
        WHERE EXISTS (SELECT 1 FROM documents d WHERE d.partnership_id = p.id
                      AND d.status != 'failed')
        GROUP BY p.id{theme_group}
    """

_DOCS = "SELECT * FROM documents WHERE partnership_id IS NOT NULL AND status != 'failed'"

VIEWS: dict[str, str] = {
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
            -- the same rule as funding_by_year: a restated sum counts once
            (SELECT coalesce(sum(y.amount_gbp), 0) FROM funding_by_year y
                WHERE y.partnership_id = p.id) AS funding_gbp
        FROM partnerships p
        WHERE EXISTS (SELECT 1 FROM documents d WHERE d.partnership_id = p.id)
    """,
    "partnership_latest_document": f"""
        SELECT partnership_id, document_id, title, doc_type, meeting_date, source
        FROM (
            SELECT d.partnership_id, d.id AS document_id, d.title, d.doc_type, d.meeting_date,
                   d.source,
                   row_number() OVER (PARTITION BY d.partnership_id
                                      ORDER BY d.meeting_date IS NULL, d.meeting_date DESC,
                                               d.id) AS n
            FROM ({_DOCS}) d
            WHERE EXISTS (SELECT 1 FROM priorities pr WHERE pr.document_id = d.id)
        )
        WHERE n = 1
    """,
    "priority_matrix": f"""
        WITH themes(theme) AS (VALUES {_THEME_VALUES}),
        docs AS ({_DOCS}),
        named AS (
            SELECT d.partnership_id, pr.theme, count(DISTINCT pr.document_id) AS documents,
                   count(*) AS priorities, min(pr.page) AS first_page
            FROM priorities pr JOIN docs d ON d.id = pr.document_id
            GROUP BY d.partnership_id, pr.theme
        ),
        labels AS (
            SELECT partnership_id, theme, group_concat(label, ' | ') AS labels
            FROM (SELECT DISTINCT d.partnership_id, pr.theme, pr.label
                  FROM priorities pr JOIN docs d ON d.id = pr.document_id
                  ORDER BY pr.label)
            GROUP BY partnership_id, theme
        ),
        totals AS (
            SELECT d.partnership_id, count(DISTINCT pr.document_id) AS documents
            FROM priorities pr JOIN docs d ON d.id = pr.document_id
            GROUP BY d.partnership_id
        ),
        latest AS (
            SELECT DISTINCT l.partnership_id, pr.theme
            FROM partnership_latest_document l JOIN priorities pr ON pr.document_id = l.document_id
        )
        SELECT p.id AS partnership_id, p.name AS partnership, t.theme,
               coalesce(n.documents, 0) AS documents,
               coalesce(tot.documents, 0) AS of_documents,
               round(1.0 * coalesce(n.documents, 0) / nullif(tot.documents, 0), 3) AS share,
               coalesce(n.priorities, 0) AS priorities,
               (lt.theme IS NOT NULL) AS in_latest,
               lb.labels
        FROM partnerships p
        CROSS JOIN themes t
        LEFT JOIN named n ON n.partnership_id = p.id AND n.theme = t.theme
        LEFT JOIN labels lb ON lb.partnership_id = p.id AND lb.theme = t.theme
        LEFT JOIN totals tot ON tot.partnership_id = p.id
        LEFT JOIN latest lt ON lt.partnership_id = p.id AND lt.theme = t.theme
        WHERE EXISTS (SELECT 1 FROM docs d WHERE d.partnership_id = p.id)
    """,
    "priority_matrix_latest": f"""
        WITH themes(theme) AS (VALUES {_THEME_VALUES}),
        cells AS (
            SELECT l.partnership_id, pr.theme, count(*) AS priorities, min(pr.page) AS page,
                   group_concat(pr.label, ' | ') AS labels
            FROM partnership_latest_document l JOIN priorities pr ON pr.document_id = l.document_id
            GROUP BY l.partnership_id, pr.theme
        )
        SELECT p.id AS partnership_id, p.name AS partnership, t.theme,
               l.document_id, l.meeting_date,
               (c.theme IS NOT NULL) AS named,
               coalesce(c.priorities, 0) AS priorities, c.labels, c.page
        FROM partnership_latest_document l
        JOIN partnerships p ON p.id = l.partnership_id
        CROSS JOIN themes t
        LEFT JOIN cells c ON c.partnership_id = p.id AND c.theme = t.theme
    """,
    "activity_facts": f"""
        SELECT a.id AS activity_id, d.partnership_id, a.document_id, d.source, a.page,
               a.theme, a.priority, a.description, a.status,
               {_STATUS_GROUP} AS status_group,
               a.timescale, a.due_date,
               EXISTS (SELECT 1 FROM kpis k WHERE k.activity_id = a.id) AS has_kpi,
               EXISTS (SELECT 1 FROM kpis k WHERE k.activity_id = a.id AND k.target IS NOT NULL
                       AND lower(trim(k.target)) NOT IN ({_PLACEHOLDERS})) AS has_target,
               EXISTS (SELECT 1 FROM activity_leads l WHERE l.activity_id = a.id
                       AND l.organisation_id IS NOT NULL
                       AND l.organisation_id != '{ALL_PARTNERS_ID}') AS has_lead_org,
               EXISTS (SELECT 1 FROM activity_leads l WHERE l.activity_id = a.id
                       AND l.organisation_id = '{ALL_PARTNERS_ID}') AS led_by_all_partners,
               EXISTS (SELECT 1 FROM activity_leads l WHERE l.activity_id = a.id) AS has_lead,
               (a.due_date IS NOT NULL) AS has_due_date,
               (SELECT group_concat(l.raw, '; ') FROM activity_leads l
                WHERE l.activity_id = a.id) AS leads
        FROM activities a JOIN ({_DOCS}) d ON d.id = a.document_id
    """,
    "activity_profile": _PROFILE.format(theme_col="", join="LEFT JOIN", theme_group=""),
    "activity_profile_by_theme": _PROFILE.format(
        theme_col=" f.theme AS theme,", join="JOIN", theme_group=", f.theme"
    ),
    "activity_status_mix": """
        SELECT p.id AS partnership_id, p.name AS partnership, f.status_group,
               count(*) AS activities,
               round(1.0 * count(*) / (SELECT count(*) FROM activity_facts g
                                       WHERE g.partnership_id = p.id), 3) AS share,
               (SELECT group_concat(s, ' | ') FROM (
                    SELECT DISTINCT g.status AS s FROM activity_facts g
                    WHERE g.partnership_id = p.id AND g.status_group = f.status_group
                    AND g.status IS NOT NULL ORDER BY g.status)) AS written_as
        FROM activity_facts f JOIN partnerships p ON p.id = f.partnership_id
        GROUP BY p.id, f.status_group
    """,
    "lead_mix": f"""
        WITH kinds AS (
            SELECT DISTINCT f.partnership_id, l.activity_id,
                   CASE WHEN l.organisation_id = '{ALL_PARTNERS_ID}' THEN 'all_partners'
                        WHEN l.organisation_id IS NULL THEN 'unmatched'
                        ELSE coalesce(o.kind, 'other') END AS kind
            FROM activity_leads l
            JOIN activity_facts f ON f.activity_id = l.activity_id
            LEFT JOIN organisations o ON o.id = l.organisation_id
        ),
        totals AS (
            SELECT partnership_id, count(*) AS activities, sum(has_lead) AS led
            FROM activity_facts GROUP BY partnership_id
        )
        SELECT p.id AS partnership_id, p.name AS partnership, k.kind,
               count(*) AS activities,
               t.activities AS of_activities,
               round(1.0 * count(*) / t.activities, 3) AS share,
               round(1.0 * count(*) / nullif(t.led, 0), 3) AS share_of_led
        FROM kinds k
        JOIN partnerships p ON p.id = k.partnership_id
        JOIN totals t ON t.partnership_id = k.partnership_id
        GROUP BY p.id, k.kind
    """,
    "funding_items": f"""
        SELECT funding_id, partnership_id, document_id, source, page, date, period,
               description, amount_gbp, funder_id, recipient_id,
               CASE WHEN start IS NULL THEN 'unknown'
                    ELSE start || '/' || substr('0' || ((start + 1) % 100), -2) END
                   AS financial_year,
               basis
        FROM (
            SELECT f.id AS funding_id, d.partnership_id, f.document_id, d.source, f.page,
                   f.date, f.period, f.description, f.amount_gbp, f.funder_id, f.recipient_id,
                   coalesce({_PERIOD_START}, {_DATE_START}) AS start,
                   CASE WHEN {_PERIOD_START} IS NOT NULL THEN 'period'
                        WHEN {_DATE_START} IS NOT NULL THEN 'date'
                        ELSE 'none' END AS basis
            FROM funding f JOIN ({_DOCS}) d ON d.id = f.document_id
        )
    """,
    "funding_document_year": """
        WITH rows_ AS (
            SELECT partnership_id, financial_year, amount_gbp, document_id, date,
                   lower(trim(description)) AS what
            FROM funding_items
        ),
        undated AS (
            -- an undated sum restated in one document (minutes, slides, plan) is one sum
            SELECT partnership_id, financial_year, amount_gbp, document_id, min(what) AS what, 1 AS n
            FROM rows_ WHERE date IS NULL GROUP BY 1, 2, 3, 4
        ),
        dated AS (
            -- dated rows are payments: "Hate Crime Conference" on two dates is two
            SELECT partnership_id, financial_year, amount_gbp, document_id, what,
                   count(DISTINCT date) AS n
            FROM rows_ WHERE date IS NOT NULL GROUP BY 1, 2, 3, 4, 5
        )
        SELECT partnership_id, document_id, financial_year, amount_gbp, what, n AS times
        FROM (SELECT * FROM undated UNION ALL SELECT * FROM dated)
    """,
    "funding_by_year": """
        WITH distinct_items AS (
            -- across documents the same sum (amount, year, description) counts once
            SELECT partnership_id, financial_year, amount_gbp, what, max(times) AS n
            FROM funding_document_year GROUP BY 1, 2, 3, 4
        ),
        raw AS (
            SELECT partnership_id, financial_year, count(*) AS rows,
                   sum(amount_gbp) AS amount_gbp_all_rows,
                   count(DISTINCT document_id) AS documents
            FROM funding_items GROUP BY partnership_id, financial_year
        )
        SELECT p.id AS partnership_id, p.name AS partnership, i.financial_year,
               sum(i.amount_gbp * i.n) AS amount_gbp,
               sum(i.n) AS items,
               r.rows, r.amount_gbp_all_rows, r.documents
        FROM distinct_items i
        JOIN partnerships p ON p.id = i.partnership_id
        JOIN raw r ON r.partnership_id = i.partnership_id AND r.financial_year = i.financial_year
        GROUP BY p.id, i.financial_year
    """,
    "organisation_participation": f"""
        WITH mentions AS (
            SELECT d.partnership_id, m.organisation_id, count(DISTINCT m.document_id) AS documents
            FROM org_mentions m JOIN ({_DOCS}) d ON d.id = m.document_id
            GROUP BY d.partnership_id, m.organisation_id
        ),
        leads AS (
            SELECT f.partnership_id, l.organisation_id, count(DISTINCT l.activity_id) AS activities
            FROM activity_leads l JOIN activity_facts f ON f.activity_id = l.activity_id
            WHERE l.organisation_id IS NOT NULL
            GROUP BY f.partnership_id, l.organisation_id
        ),
        pairs AS (
            SELECT partnership_id, organisation_id FROM mentions
            UNION SELECT partnership_id, organisation_id FROM leads
        )
        SELECT o.id AS organisation_id, o.name AS organisation, o.kind,
               p.id AS partnership_id, p.name AS partnership,
               coalesce(m.documents, 0) AS documents_mentioning,
               coalesce(l.activities, 0) AS activities_led
        FROM pairs x
        JOIN organisations o ON o.id = x.organisation_id
        JOIN partnerships p ON p.id = x.partnership_id
        LEFT JOIN mentions m ON m.partnership_id = x.partnership_id
                            AND m.organisation_id = x.organisation_id
        LEFT JOIN leads l ON l.partnership_id = x.partnership_id
                         AND l.organisation_id = x.organisation_id
    """,
    "organisation_reach": """
        SELECT organisation_id, organisation, kind,
               count(*) AS partnerships,
               sum(activities_led > 0) AS partnerships_leading,
               sum(documents_mentioning) AS documents_mentioning,
               sum(activities_led) AS activities_led,
               group_concat(partnership_id, ', ') AS partnership_ids
        FROM organisation_participation
        GROUP BY organisation_id
    """,
}

VIEWS.update(TIMELINE_VIEWS)
VIEWS.update(BENCHMARK_VIEWS)
#: Views in dependency order are the dict order above (then the timeline and benchmark
#: modules' views, which read them); dropped in reverse.


def _create_sql(name: str) -> str:
    return f"CREATE VIEW {name} AS {VIEWS[name]}"


def current(db: sqlite_utils.Database) -> bool:
    """True when every view is stored exactly as defined here (nothing to recreate)."""
    stored = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    return all(stored.get(name) == _create_sql(name) for name in VIEWS)


def create_views(db: sqlite_utils.Database) -> None:
    """Drop and recreate every view; call inside the migration transaction."""
    for name in reversed(VIEWS):
        db.execute(f"DROP VIEW IF EXISTS {name}")
    for name in VIEWS:
        db.execute(_create_sql(name))


def shadow_stale_views(db: sqlite_utils.Database) -> bool:
    """On a read-only connection, define every view as TEMP when the stored ones are stale.

    A database written by an older cspipe of the same schema version may hold older view
    definitions (views change without a migration); readers must not rewrite it, so they get
    today's definitions as temporary views, which SQLite resolves before the stored ones.
    Nothing is written to the file. Returns whether it had to.
    """
    if current(db):
        return False
    for name in VIEWS:
        db.execute(f"CREATE TEMP VIEW {name} AS {VIEWS[name]}")
    return True
