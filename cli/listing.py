"""``cspipe documents``: what the database holds, one line per document."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from cspipe.pipeline.store.load import open_readonly

#: what came out of each document, counted in one query
QUERY = """
SELECT d.id, d.source, d.title, d.doc_type, d.partnership_id, d.meeting_date, d.pages, d.status,
       d.error,
       (SELECT count(*) FROM activities a WHERE a.document_id = d.id) AS activities,
       (SELECT count(*) FROM kpis k WHERE k.document_id = d.id) AS kpis,
       (SELECT count(*) FROM funding f WHERE f.document_id = d.id) AS funding,
       (SELECT count(*) FROM priorities p WHERE p.document_id = d.id) AS priorities
FROM documents d
WHERE (:status IS NULL OR d.status = :status)
ORDER BY d.partnership_id IS NULL, d.partnership_id, d.meeting_date, d.source
"""


def print_documents(db_path: Path, status: str | None, as_json: bool) -> None:
    db = open_readonly(db_path)
    try:
        rows = [dict(zip([c[0] for c in cur.description], r, strict=True))
                for cur in [db.execute(QUERY, {"status": status})] for r in cur.fetchall()]
    finally:
        db.close()
    if as_json:
        for row in rows:
            print(json.dumps(row))
        return
    table = Table(title=f"{len(rows)} documents in {db_path}")
    for col in ("id", "document", "partnership", "type", "date", "pages", "status", "came out"):
        table.add_column(col)
    for r in rows:
        came = (f"{r['activities']} activities, {r['kpis']} KPIs, {r['funding']} funding, "
                f"{r['priorities']} priorities") if r["status"] != "failed" else (r["error"] or "")
        table.add_row(r["id"][:12], r["title"] or Path(r["source"]).name, r["partnership_id"] or "",
                      r["doc_type"] or "", r["meeting_date"] or "", str(r["pages"]), r["status"], came)
    Console().print(table)
