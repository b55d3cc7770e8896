"""Datasette metadata: what every table, view and column means, and the canned comparisons.

Both parts are data: the meanings come from pipeline/store/descriptions.yaml (written once,
shared with the exports and docs/columns.md), the site title and canned queries from
datasette.yaml beside this module. This module only puts them into Datasette's shape.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from cspipe.pipeline.store.descriptions import Described, described

SITE_FILE = "datasette.yaml"


@cache
def _site() -> dict[str, Any]:
    return yaml.safe_load(files(__package__).joinpath(SITE_FILE).read_text(encoding="utf-8"))


def _table(entry: Described) -> dict[str, Any]:
    """One table's or view's Datasette entry; the project's additions say so."""
    description = entry.description
    if entry.group == "addition":
        description = f"Addition: {description}"
    columns = entry.columns | {c: f"addition: {m}" for c, m in entry.additions.items()}
    table: dict[str, Any] = {"description": description, "columns": columns}
    if entry.group == "bookkeeping":
        table["hidden"] = True
    return table


#: Canned queries by name: title, description and SQL (parameters as ``:name``).
QUERIES: dict[str, dict[str, Any]] = _site()["queries"]


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for a database served under the name ``database``."""
    site = _site()
    tables = {name: _table(entry) for name, entry in described().items()}
    return {
        "title": site["title"],
        "description": site["description"],
        "databases": {database: {"tables": tables, "queries": QUERIES}},
    }
