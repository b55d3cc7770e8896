"""A partnership over time: its documents in order and what changed from each to the next.

Reads the ``document_timeline``, ``theme_changes`` and ``funding_document_year`` views
(pipeline/store/timeline.py); ``cspipe compare --over-time`` prints this and the report shows
the same records.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils
from rich.console import Console
from rich.table import Table

Row = dict[str, Any]

_FUNDING_SQL = """
    SELECT document_id, financial_year, sum(amount_gbp * times) AS amount_gbp,
           sum(times) AS items
    FROM funding_document_year WHERE partnership_id = ? GROUP BY 1, 2
"""


@dataclass
class Change:
    """From one document to the next: themes added, dropped and kept, counts before and after."""

    before: Row  # document_timeline rows
    after: Row
    added: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    @property
    def note(self) -> str | None:
        """Why 'added' may not mean adopted: the earlier document names no priorities."""
        if self.before["themes"] == 0 and self.added:
            return (f"the {label(self.before)} document names no priority themes, so each "
                    f"theme of the {label(self.after)} one is new to the record, not "
                    "necessarily to the partnership")
        return None

    def counts(self) -> list[tuple[str, float, float]]:
        """(what, before, after) for the figures compared."""
        return [(k, self.before[k], self.after[k])
                for k in ("themes", "priorities", "activities", "kpis", "funding_gbp")]


@dataclass
class Timeline:
    """Every document of one partnership, the changes between them, funding per year."""

    partnership_id: str
    partnership: str
    documents: list[Row]
    changes: list[Change]
    funding: dict[str, dict[str, float]]  # financial year -> document id -> £

    @property
    def years(self) -> list[str]:
        return sorted(self.funding, key=lambda y: (y == "unknown", y))


def label(doc: Row) -> str:
    """A document by its date (or 'undated #seq')."""
    return doc["meeting_date"] or f"undated #{doc['seq']}"


def load(db: sqlite_utils.Database, partnership_id: str) -> Timeline:
    """The timeline of ``partnership_id`` (which has documents: the caller resolved it)."""
    docs = list(db.query(
        "SELECT * FROM document_timeline WHERE partnership_id = ? ORDER BY seq", [partnership_id]))
    by_id = {d["document_id"]: d for d in docs}
    changes = {d["document_id"]: Change(docs[i - 1], d) for i, d in enumerate(docs) if i}
    for r in db.query("SELECT document_id, theme, change FROM theme_changes "
                      "WHERE partnership_id = ? ORDER BY theme", [partnership_id]):
        getattr(changes[r["document_id"]], r["change"]).append(r["theme"])
    funding: dict[str, dict[str, float]] = {}
    for r in db.query(_FUNDING_SQL, [partnership_id]):
        funding.setdefault(r["financial_year"], {})[r["document_id"]] = r["amount_gbp"]
    name = docs[0]["partnership"] if docs else partnership_id
    return Timeline(partnership_id, name, list(by_id.values()), list(changes.values()), funding)


# ---- rendering -------------------------------------------------------------------------------


_ROWS = (("themes", "priority themes"), ("priorities", "priorities"),
         ("activities", "activities"), ("kpis", "KPIs"), ("funding_gbp", "funding stated, £"))


def _n(value: float) -> str:
    return f"{value:,.0f}"


def _themes(themes: list[str]) -> str:
    return ", ".join(t.replace("_", " ") for t in themes) or "none"


def print_timeline(tl: Timeline, console: Console) -> None:
    """Documents, then each change, then funding per financial year and document."""
    console.print(f"[bold]{tl.partnership} over time: {len(tl.documents)} documents[/bold]")
    for d in tl.documents:
        console.print(f"  {label(d)}  {d['doc_type'].replace('_', ' ')}, {d['pages']} pages: "
                      f"{d['title'] or '(untitled)'}")
    t = Table(title="What each document states")
    t.add_column("", ratio=1)
    for d in tl.documents:
        t.add_column(label(d), justify="right", no_wrap=True)
    for key, word in _ROWS:
        t.add_row(word, *[_n(d[key]) for d in tl.documents])
    console.print(t)
    if not tl.changes:
        console.print("Only one document: nothing to compare over time.")
    for ch in tl.changes:
        console.print(f"\n[bold]Changes {label(ch.before)} → {label(ch.after)}[/bold]")
        console.print(f"  themes added ({len(ch.added)}): {_themes(ch.added)}")
        console.print(f"  themes dropped ({len(ch.dropped)}): {_themes(ch.dropped)}")
        console.print(f"  themes kept ({len(ch.kept)}): {_themes(ch.kept)}")
        for what, before, after in ch.counts():
            word = what.replace("_gbp", " £").replace("kpis", "KPIs")
            console.print(f"  {word}: {_n(before)} → {_n(after)} ({after - before:+,.0f})")
        if ch.note:
            console.print(f"  note: {ch.note}")
    if tl.funding:
        t = Table(title="Funding stated per financial year, £ (a restated sum counted once)")
        t.add_column("financial year")
        for d in tl.documents:
            t.add_column(label(d), justify="right")
        for y in tl.years:
            t.add_row(y, *[_n(tl.funding[y][d["document_id"]])
                           if d["document_id"] in tl.funding[y] else "" for d in tl.documents])
        console.print(t)


def to_dict(tl: Timeline) -> dict[str, Any]:
    """The timeline as plain data (the JSON output)."""
    return {
        "partnership_id": tl.partnership_id,
        "partnership": tl.partnership,
        "documents": tl.documents,
        "changes": [
            {"from": ch.before["document_id"], "to": ch.after["document_id"],
             "from_date": ch.before["meeting_date"], "to_date": ch.after["meeting_date"],
             "themes_added": ch.added, "themes_dropped": ch.dropped, "themes_kept": ch.kept,
             "counts": {w: {"before": b, "after": a} for w, b, a in ch.counts()},
             "note": ch.note}
            for ch in tl.changes
        ],
        "funding_by_year": tl.funding,
    }


def to_json(tl: Timeline) -> str:
    return json.dumps(to_dict(tl), indent=2, ensure_ascii=False)


def to_csv(tl: Timeline) -> str:
    """One row per document with what came out of it and the themes it added and dropped."""
    buf = io.StringIO()
    w = csv.writer(buf)
    cols = ["seq", "document_id", "meeting_date", "title", "doc_type", "pages", "priorities",
            "themes", "activities", "kpis", "funding_gbp", "url"]
    w.writerow([*cols, "themes_added", "themes_dropped"])
    changes = {ch.after["document_id"]: ch for ch in tl.changes}
    for d in tl.documents:
        ch = changes.get(d["document_id"])
        w.writerow([d[c] for c in cols] + (
            [" | ".join(ch.added), " | ".join(ch.dropped)] if ch else ["", ""]))
    return buf.getvalue()

