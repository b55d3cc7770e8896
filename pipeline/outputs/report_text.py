"""Plain terminal output of the cross-partnership summary (``make demo``, ``cspipe summary``)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from cspipe.pipeline.store.load import open_readonly

COLUMNS = [  # (view column, heading)
    ("documents", "docs"),
    ("themes", "themes"),
    ("activities", "activities"),
    ("kpis", "KPIs"),
    ("activities_with_lead_org", "led by an org"),
    ("lead_organisations", "lead orgs"),
]


def print_summary(db_path: str | Path, console: Console | None = None) -> None:
    """One row per partnership: what its documents say and what they spend."""
    console = console or Console(width=max(Console().width, 120))
    db = open_readonly(db_path)
    try:
        rows = list(db.query("SELECT * FROM partnership_summary ORDER BY partnership"))
        failed = db.execute("SELECT count(*) FROM documents WHERE status = 'failed'").fetchone()[0]
    finally:
        db.close()
    table = Table(title="Community Safety Partnerships compared")
    table.add_column("partnership", no_wrap=True)
    for _key, heading in COLUMNS:
        table.add_column(heading, justify="right", no_wrap=True, min_width=len(heading))
    table.add_column("funding £", justify="right", no_wrap=True, min_width=11)
    for r in rows:
        name = r["partnership"].replace("Community Safety Partnership", "CSP")
        table.add_row(name, *[str(r[key]) for key, _h in COLUMNS], f"{r['funding_gbp']:,.0f}")
    console.print(table)
    if failed:
        console.print(f"{failed} input(s) failed; see: sqlite3 {db_path} "
                      "\"SELECT source, error FROM documents WHERE status='failed'\"")
