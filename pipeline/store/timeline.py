"""A partnership over time: what each of its documents says, and what changed between them.

``cspipe compare --over-time`` and the report's time view read these views; so can anyone
with the sqlite3 shell or Datasette. Documents are ordered by meeting date (undated ones
last, by id); each is compared with the one before it:

- ``document_urls``: where a document is published, when known: its source when that is a
  URL, else the URL a scrape fetched the same bytes from (``fetches.sha256``). A file given
  by path has none: a link to a path works only on the machine that read it.
- ``document_timeline``: one row per document of a partnership, in order, with what came out
  of it (priorities, themes, activities, KPIs, funding).
- ``theme_changes``: one row per theme named in a document or the one before it: added, dropped
  or kept. ``previous_themes`` = 0 says the earlier document names no priorities at all, so
  "added" there means first named, not newly adopted.

Funding per year per document is ``funding_document_year`` (views.py), the rule
``funding_by_year`` sums across documents.
"""

from __future__ import annotations

_COUNTED = "d.partnership_id IS NOT NULL AND d.status != 'failed'"

TIMELINE_VIEWS: dict[str, str] = {
    "document_urls": """
        SELECT d.id AS document_id, d.source,
               CASE WHEN lower(d.source) LIKE 'http://%' OR lower(d.source) LIKE 'https://%'
                    THEN d.source
                    ELSE (SELECT f.url FROM fetches f WHERE f.sha256 = d.id AND f.status = 'ok'
                          ORDER BY f.fetched_at DESC, f.url LIMIT 1) END AS url
        FROM documents d
    """,
    "document_timeline": f"""
        WITH docs AS (
            SELECT d.*, row_number() OVER (
                       PARTITION BY d.partnership_id
                       ORDER BY d.meeting_date IS NULL, d.meeting_date, d.id) AS seq
            FROM documents d WHERE {_COUNTED}
        )
        SELECT d.partnership_id, p.name AS partnership, d.seq, d.id AS document_id, d.title,
               d.doc_type, d.meeting_date, d.pages, d.status, u.url,
               (SELECT count(*) FROM priorities x WHERE x.document_id = d.id) AS priorities,
               (SELECT count(DISTINCT x.theme) FROM priorities x
                WHERE x.document_id = d.id) AS themes,
               (SELECT group_concat(theme, ', ') FROM (SELECT DISTINCT x.theme FROM priorities x
                WHERE x.document_id = d.id ORDER BY x.theme)) AS theme_list,
               (SELECT count(*) FROM activities x WHERE x.document_id = d.id) AS activities,
               (SELECT count(*) FROM kpis x WHERE x.document_id = d.id) AS kpis,
               (SELECT count(*) FROM funding x WHERE x.document_id = d.id) AS funding_rows,
               (SELECT coalesce(sum(y.amount_gbp * y.times), 0) FROM funding_document_year y
                WHERE y.document_id = d.id) AS funding_gbp
        FROM docs d JOIN partnerships p ON p.id = d.partnership_id
        JOIN document_urls u ON u.document_id = d.id
    """,
    "theme_changes": """
        WITH pairs AS (
            SELECT b.partnership_id, b.seq, b.document_id, b.meeting_date,
                   a.document_id AS previous_document_id,
                   a.meeting_date AS previous_meeting_date, a.themes AS previous_themes
            FROM document_timeline b JOIN document_timeline a
              ON a.partnership_id = b.partnership_id AND a.seq = b.seq - 1
        ),
        named AS (SELECT DISTINCT document_id, theme FROM priorities),
        either AS (
            SELECT DISTINCT p.document_id, n.theme FROM pairs p
            JOIN named n ON n.document_id IN (p.document_id, p.previous_document_id)
        )
        SELECT p.partnership_id, p.seq, p.document_id, p.meeting_date,
               p.previous_document_id, p.previous_meeting_date, p.previous_themes, e.theme,
               CASE WHEN e.theme IN (SELECT theme FROM named WHERE document_id = p.document_id)
                    THEN CASE WHEN e.theme IN (SELECT theme FROM named
                                               WHERE document_id = p.previous_document_id)
                              THEN 'kept' ELSE 'added' END
                    ELSE 'dropped' END AS change
        FROM pairs p JOIN either e ON e.document_id = p.document_id
    """,
}
