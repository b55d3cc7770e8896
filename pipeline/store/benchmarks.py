"""Benchmarks: one partnership against a comparator group, defined once, in SQL.

``cspipe compare``, the HTML report and the Datasette canned queries all read these
definitions, so a median, a quartile or a rank is the same number everywhere:

- **Measures** (``partnership_measures``): the activity profile's measures, the number of
  priority themes named and the funding stated, one row per partnership and measure.
- **Comparator groups** (``comparator_groups``): for each partnership the partnerships it is
  compared with, itself included: ``all`` (every partnership in the database), ``county``
  (same county council), ``force`` (same police force area), ``type`` (same council type),
  ``nearest`` (the ``NEAREST`` partnerships closest in population, by ratio: 100k is as near
  to 150k as 150k to 225k). A list the user names is ``list_peers_sql``.
- **Statistics** (``benchmarks``, ``benchmark_sql``): over the group's values (partnerships
  whose value is unknown, e.g. a share of no activities, are left out): the median and the
  lower and upper quartiles by linear interpolation between order statistics (numpy's default,
  Excel's QUARTILE.INC, R type 7); ``rank`` 1 = the highest value, ties sharing the best rank
  ("=2 of 5": one partnership above, another level with it).

Plain SQLite SQL (window functions, no Python functions), so the sqlite3 shell and
Datasette compute the same as cspipe does.
"""

from __future__ import annotations

#: Activity-profile measures: (column of activity_profile, label, is a share).
PROFILE_MEASURES: tuple[tuple[str, str, bool], ...] = (
    ("activities", "activities", False),
    ("share_kpi", "with a KPI", True),
    ("share_target", "with a stated target", True),
    ("share_lead_org", "with a named lead organisation", True),
    ("share_all_partners", "led by all partners", True),
    ("share_any_lead", "with any lead", True),
    ("share_due_date", "with a due date", True),
    ("share_status_stated", "with a status", True),
    ("share_complete", "complete", True),
    ("share_on_track", "on track / in progress", True),
    ("share_at_risk", "at risk / off track", True),
)
#: Further measures benchmarked alongside the profile.
EXTRA_MEASURES: tuple[tuple[str, str, bool], ...] = (
    ("themes_named", "priority themes named (all documents)", False),
    ("funding_gbp", "funding stated, £ (repeats counted once)", False),
)
MEASURES = PROFILE_MEASURES + EXTRA_MEASURES

#: Comparator groups the ``comparator_groups`` view holds; ``list`` is named by the user.
COMPARATORS = ("all", "county", "force", "type", "nearest")
#: How many partnerships of the closest population make up the ``nearest`` group.
NEAREST = 5

_LABELS = ", ".join(
    f"('{m}', '{label.replace(chr(39), chr(39) * 2)}', {int(share)}, {i})"
    for i, (m, label, share) in enumerate(MEASURES, 1)
)


def measures_sql(theme_param: str | None = None) -> str:
    """Long-form measures (partnership_id, measure, value); with ``theme_param`` (a
    ``:name``) the activity measures and themes narrow to that theme, as ``compare --theme``."""
    if theme_param is None:
        source = "activity_profile"
        theme_filter = ""
    else:
        cols = ", ".join(
            f"coalesce(t.{m}, 0) AS {m}" if m == "activities" else f"t.{m}"
            for m, _, _ in PROFILE_MEASURES
        )
        source = (
            f"(SELECT a.partnership_id, a.partnership, {cols} FROM activity_profile a "
            f"LEFT JOIN activity_profile_by_theme t ON t.partnership_id = a.partnership_id "
            f"AND t.theme = {theme_param})"
        )
        theme_filter = f" AND m.theme = {theme_param}"
    parts = [
        f"SELECT p.partnership_id, '{m}' AS measure, p.{m} AS value FROM {source} p"
        for m, _, _ in PROFILE_MEASURES
    ]
    parts.append(
        "SELECT p.partnership_id, 'themes_named', (SELECT count(*) FROM priority_matrix m "
        f"WHERE m.partnership_id = p.partnership_id AND m.documents > 0{theme_filter}) "
        f"FROM {source} p"
    )
    parts.append(
        "SELECT p.partnership_id, 'funding_gbp', (SELECT coalesce(sum(y.amount_gbp), 0) "
        "FROM funding_by_year y WHERE y.partnership_id = p.partnership_id) "
        f"FROM {source} p"
    )
    return "\n        UNION ALL ".join(parts)


PARTNERSHIP_MEASURES = f"""
        WITH labels(measure, label, is_share, position) AS (VALUES {_LABELS}),
        m AS ({measures_sql()})
        SELECT m.partnership_id, p.name AS partnership, m.measure, l.label, l.is_share,
               l.position, m.value
        FROM m JOIN labels l ON l.measure = m.measure
        JOIN partnerships p ON p.id = m.partnership_id
"""

COMPARATOR_GROUPS = f"""
        WITH compared AS (
            SELECT p.* FROM partnerships p
            WHERE p.id IN (SELECT partnership_id FROM activity_profile)
        ),
        near AS (
            SELECT a.id AS partnership_id, b.id AS peer_id,
                   round(1.0 * max(a.population, b.population)
                         / min(a.population, b.population), 3) AS ratio,
                   row_number() OVER (
                       PARTITION BY a.id
                       ORDER BY 1.0 * max(a.population, b.population)
                                / min(a.population, b.population), b.id) AS n
            FROM compared a JOIN compared b ON b.id != a.id
            WHERE a.population > 0 AND b.population > 0
        )
        SELECT a.id AS partnership_id, 'all' AS comparator, b.id AS peer_id, NULL AS basis,
               'all' AS group_key
        FROM compared a CROSS JOIN compared b
        UNION ALL SELECT a.id, 'county', b.id, a.county_id, 'county:' || a.county_id
        FROM compared a JOIN compared b ON b.county_id = a.county_id
        UNION ALL SELECT a.id, 'force', b.id, a.force_id, 'force:' || a.force_id
        FROM compared a JOIN compared b ON b.force_id = a.force_id
        UNION ALL SELECT a.id, 'type', b.id, a.council_type, 'type:' || a.council_type
        FROM compared a JOIN compared b ON b.council_type = a.council_type
        UNION ALL SELECT a.id, 'nearest', a.id, '1.0', 'nearest:' || a.id
        FROM compared a WHERE a.population > 0
        UNION ALL SELECT partnership_id, 'nearest', peer_id, printf('%.2f', ratio),
               'nearest:' || partnership_id
        FROM near WHERE n <= {NEAREST}
"""


def _quantile(p: float, name: str) -> str:
    """Linear interpolation between the order statistics around position ``last * p``."""
    h = f"(last * {p})"
    lo = f"CAST({h} AS INTEGER)"
    frac = f"({h} - {lo})"
    return (
        f"round(sum(CASE WHEN i = {lo} THEN value * (1 - {frac}) "
        f"WHEN i = {lo} + 1 THEN value * {frac} ELSE 0 END), 6) AS {name}"
    )


def benchmark_sql(peers: str, measures: str | None = None) -> str:
    """The statistics of every (partnership, comparator, measure) of ``peers``.

    ``peers`` is SQL yielding (partnership_id, comparator, group_key, peer_id), the partnership
    itself among its peers; partnerships whose groups have the same members share a
    ``group_key`` (everyone's ``all`` group is one), so each group's order is worked out once.
    ``measures`` yields (partnership_id, measure, value), by default ``measures_sql()``. The
    ``benchmarks`` view is this over ``comparator_groups``.
    """
    return f"""
        WITH peers AS MATERIALIZED (
            SELECT DISTINCT partnership_id, comparator, group_key, peer_id FROM ({peers})),
        measures AS MATERIALIZED ({measures or measures_sql()}),
        labels(measure, label, is_share, position) AS (VALUES {_LABELS}),
        keys AS MATERIALIZED (SELECT DISTINCT group_key, peer_id FROM peers),
        vals AS (
            SELECT k.group_key, k.peer_id, m.measure, m.value
            FROM keys k JOIN measures m ON m.partnership_id = k.peer_id
            WHERE m.value IS NOT NULL
        ),
        ordered AS MATERIALIZED (
            SELECT group_key, peer_id, measure, value,
                   row_number() OVER w - 1 AS i,
                   count(*) OVER (PARTITION BY group_key, measure) - 1 AS last,
                   rank() OVER (PARTITION BY group_key, measure ORDER BY value DESC) AS rank,
                   count(*) OVER (PARTITION BY group_key, measure, value) AS level
            FROM vals
            WINDOW w AS (PARTITION BY group_key, measure ORDER BY value)
        ),
        stats AS MATERIALIZED (
            SELECT group_key, measure, count(*) AS n,
                   min(value) AS lowest, max(value) AS highest,
                   {_quantile(0.25, "q1")}, {_quantile(0.5, "median")},
                   {_quantile(0.75, "q3")}
            FROM ordered GROUP BY group_key, measure
        ),
        groups AS (
            SELECT partnership_id, comparator, group_key, count(*) AS members
            FROM peers GROUP BY 1, 2, 3
        ),
        -- materialised, so a reader's ORDER BY or WHERE cannot turn the lookups below into
        -- scans (SQLite then drops the automatic indexes on them)
        result AS MATERIALIZED (
        SELECT g.partnership_id, p.name AS partnership, g.comparator, g.members,
               l.measure, l.label, l.is_share, l.position, own.value, own.rank,
               own.level > 1 AS tied, coalesce(s.n, 0) AS of,
               (CASE WHEN own.level > 1 THEN '=' ELSE '' END) || own.rank || ' of ' || s.n
                   AS rank_label,
               s.lowest, s.q1, s.median, s.q3, s.highest
        FROM groups g CROSS JOIN labels l
        JOIN partnerships p ON p.id = g.partnership_id
        LEFT JOIN ordered own ON own.group_key = g.group_key AND own.measure = l.measure
             AND own.peer_id = g.partnership_id
        LEFT JOIN stats s ON s.group_key = g.group_key AND s.measure = l.measure
        )
        SELECT * FROM result
    """


def list_peers_sql(partnership: str = ":partnership_id", members: str = ":members") -> str:
    """Peers named by the user: ``members`` is a comma-separated text of partnership ids
    (spaces ignored), the partnership itself always included; comparator ``list``."""
    return f"""
        SELECT {partnership} AS partnership_id, 'list' AS comparator,
               'list:' || {partnership} AS group_key, a.partnership_id AS peer_id
        FROM activity_profile a
        WHERE a.partnership_id = {partnership}
           OR instr(',' || replace({members}, ' ', '') || ',', ',' || a.partnership_id || ',') > 0
    """


#: The canned query of a user's list, as Datasette runs it (datasette_metadata.py).
LIST_QUERY = f"""SELECT comparator, measure, label, value, rank_label, rank, tied, of, members,
       lowest, q1, median, q3, highest
FROM ({benchmark_sql(list_peers_sql())})
ORDER BY position"""

#: Views of this module, in creation order (after those of views.py they read).
BENCHMARK_VIEWS: dict[str, str] = {
    "partnership_measures": PARTNERSHIP_MEASURES,
    "comparator_groups": COMPARATOR_GROUPS,
    "benchmarks": benchmark_sql("SELECT partnership_id, comparator, group_key, peer_id "
                                "FROM comparator_groups",
                                "SELECT partnership_id, measure, value FROM partnership_measures"),
}
