"""Full-text search over activities, KPIs, funding and priorities (``cspipe search``).

The indexes are the store's (``schema.SEARCH``: sqlite-utils' FTS5 tables, kept in step by
triggers); this module only asks them. One SQL statement searches every chosen table and gives
each hit the partnership, document and page it came from, so a hit can be checked at its source.
The same statement, over all four tables, is Datasette's ``search`` canned query.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import sqlite_utils

from cspipe.pipeline.store.schema import SEARCH

#: Searchable tables in the order ``cspipe search --table`` lists them.
TABLES = tuple(SEARCH)

#: table -> (the text a hit shows, a detail beside it)
_SHOWN = {
    "activities": ("t.description", "t.theme"),
    "kpis": ("t.description", "t.target"),
    "funding": ("t.description", "t.amount_gbp"),
    "priorities": ("t.label", "t.theme"),
}
#: Marks around the matched words in a hit's snippet (Markdown bold).
MARK = ("**", "**")


class SearchError(ValueError):
    """Nothing to search for; ``str(err)`` is the one-line reason."""


@dataclass(frozen=True)
class Hit:
    """One matching row, where it came from, and why it matched."""

    table: str
    id: int
    text: str
    detail: str | None
    snippet: str
    partnership_id: str | None
    partnership: str | None
    document_id: str
    document_title: str | None
    source: str
    page: int
    rank: float

    def as_dict(self) -> dict:
        return asdict(self)


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: every word must appear (in any order, stemmed).

    Each word is quoted, so punctuation, hyphens and the words AND, OR, NOT and NEAR are
    searched for rather than read as syntax; a trailing ``*`` keeps its meaning (a prefix).
    """
    words = []
    for token in text.split():
        prefix = token.endswith("*")
        word = token.rstrip("*")
        if re.search(r"\w", word):
            words.append('"' + word.replace('"', '""') + '"' + ("*" if prefix else ""))
    if not words:
        raise SearchError(f"nothing to search for in {text!r}: give one or more words")
    return " ".join(words)


def _select(table: str, match: str) -> str:
    index = f"{table}_fts"
    text, detail = _SHOWN[table]
    return f"""
        SELECT '{table}' AS [table], t.rowid AS id, {text} AS text, {detail} AS detail,
               snippet({index}, -1, '{MARK[0]}', '{MARK[1]}', '...', 16) AS snippet,
               d.partnership_id, p.name AS partnership, t.document_id,
               d.title AS document_title, d.source, t.page, bm25({index}) AS rank
        FROM {index}
        JOIN {table} t ON t.rowid = {index}.rowid
        JOIN documents d ON d.id = t.document_id
        LEFT JOIN partnerships p ON p.id = d.partnership_id
        WHERE {index} MATCH {match}"""


def sql(tables: tuple[str, ...] = TABLES, match: str = ":query") -> str:
    """One statement over ``tables``, best hits first (``match``: the FTS5 query's parameter)."""
    unknown = [t for t in tables if t not in SEARCH]
    if unknown or not tables:
        raise SearchError(f"not searchable: {', '.join(unknown) or 'no table'} "
                          f"(choose from {', '.join(TABLES)})")
    union = "\n        UNION ALL".join(_select(t, match) for t in tables)
    return f"SELECT * FROM ({union}\n) ORDER BY rank, [table], id"


def search(db: sqlite_utils.Database, text: str, tables: tuple[str, ...] = TABLES,
           partnership_id: str | None = None, limit: int = 20) -> list[Hit]:
    """The best ``limit`` hits for ``text`` (optionally of one partnership), best first."""
    query = sql(tables)
    params: dict[str, object] = {"query": fts_query(text), "limit": limit}
    if partnership_id is not None:
        query = f"SELECT * FROM ({query}) WHERE partnership_id = :partnership"
        params["partnership"] = partnership_id
    cursor = db.execute(f"{query} LIMIT :limit", params)
    return [Hit(**dict(zip([c[0] for c in cursor.description], row, strict=True)))
            for row in cursor.fetchall()]
