"""Plain terminal output of the cross-partnership summary (``make demo``, ``cspipe summary``)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from pipeline.load import open_db


def print_summary(db_path: str | Path, console: Console | None = None) -> None:
    console = console or Console()
    db = open_db(db_path)
    try:
        rows = list(db.query("SELECT * FROM partnership_summary ORDER BY partnership"))
        failed = db.execute("SELECT count(*) FROM documents WHERE status = 'failed'").fetchone()[0]
    finally:
        db.close()
    table = Table(title="Community Safety Partnerships compared", show_lines=False)
    for name, justify in [
        ("partnership", "left"),
        ("docs", "right"),
        ("themes", "right"),
        ("activities", "right"),
        ("KPIs", "right"),
        ("with lead org", "right"),
        ("lead orgs", "right"),
        ("funding £", "right"),
    ]:
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for r in rows:
        table.add_row(
            r["partnership"],
            str(r["documents"]),
            str(r["themes"]),
            str(r["activities"]),
            str(r["kpis"]),
            str(r["activities_with_lead_org"]),
            str(r["lead_organisations"]),
            f"{r['funding_gbp']:,.0f}",
        )
    console.print(table)
    if failed:
        console.print(
            f"{failed} input(s) failed; see: sqlite3 {db_path} \"SELECT source, error FROM documents WHERE status='failed'\""
        )
