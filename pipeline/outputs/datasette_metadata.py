"""Datasette metadata: what every table, view and column means, how each is browsed, and the
canned comparisons.

All of it is data: the meanings, the data set's title, licences and sources come from
pipeline/store/descriptions.yaml (written once, shared with the exports and docs/columns.md),
the browsing settings (facets, search on views, label columns) and the canned queries from
datasette.yaml beside this module. This module only puts them into Datasette's shape, and
``write`` saves the result as a file that ``datasette serve`` and ``datasette publish`` reuse.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from cspipe.pipeline.outputs.search import sql as search_sql
from cspipe.pipeline.store.benchmarks import LIST_QUERY
from cspipe.pipeline.store.descriptions import Described, about, described

SITE_FILE = "datasette.yaml"
#: Groups Datasette does not list: cspipe's working state and the search indexes' storage.
HIDDEN_GROUPS = ("bookkeeping", "search")


@cache
def _site() -> dict[str, Any]:
    return yaml.safe_load(files(__package__).joinpath(SITE_FILE).read_text(encoding="utf-8"))


#: Datasette's settings per table or view (facets, fts_table, label_column, ...).
TABLE_SETTINGS: dict[str, dict[str, Any]] = _site()["tables"]

#: The search over every indexed table, as a canned query (FTS5 syntax in :query).
SEARCH_QUERY = {
    "title": "Search activities, KPIs, funding and priorities",
    "description": (
        "Full-text search (FTS5: words all must appear, \"a phrase\", word* for a prefix, "
        "OR); each hit with its partnership, document and page."),
    "sql": search_sql() + " LIMIT 200",
}

def _table(entry: Described) -> dict[str, Any]:
    """One table's or view's Datasette entry; the project's additions say so."""
    description = entry.description
    if entry.group == "addition":
        description = f"Addition: {description}"
    columns = entry.columns | {c: f"addition: {m}" for c, m in entry.additions.items()}
    table: dict[str, Any] = {"description": description, "columns": columns}
    if entry.group in HIDDEN_GROUPS:
        table["hidden"] = True
    return table | TABLE_SETTINGS.get(entry.name, {})


def _licence_and_source() -> dict[str, str]:
    """Datasette's licence and source lines (it shows one of each) from the data set's own."""
    info = about()
    licences = info["licenses"]
    return {
        "license": " and ".join(f"{lic['title']}" for lic in licences),
        "license_url": licences[0]["path"],
        "source": info["sources"][0]["title"],
    }


#: SQL a canned query names by ``sql_from`` instead of writing it (defined once elsewhere).
SQL_FROM = {"benchmark_list": LIST_QUERY}


def _query(query: dict[str, Any]) -> dict[str, Any]:
    if "sql_from" not in query:
        return query
    out = {k: v for k, v in query.items() if k != "sql_from"}
    out["sql"] = SQL_FROM[query["sql_from"]]
    return out


#: Canned queries by name: title, description and SQL (parameters as ``:name``).
QUERIES: dict[str, dict[str, Any]] = {
    **{n: _query(q) for n, q in _site()["queries"].items()}, "search": SEARCH_QUERY}


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for a database served under the name ``database``."""
    info = about()
    tables = {name: _table(entry) for name, entry in described().items()}
    return {
        "title": info["title"],
        "description": info["description"],
        **_licence_and_source(),
        "databases": {database: {"tables": tables, "queries": QUERIES}},
    }


def write(db_path: str | Path, out: str | Path) -> Path:
    """Write the metadata for ``db_path`` (served under its file stem) to ``out``: JSON, or
    YAML when the name ends .yaml / .yml."""
    out = Path(out)
    data = metadata(Path(db_path).stem)
    if out.suffix.lower() in (".yaml", ".yml"):
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    else:
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    out.write_text(text, encoding="utf-8")
    return out
