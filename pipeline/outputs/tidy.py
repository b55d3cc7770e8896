"""The files ``cspipe export`` writes, made tidy: one value per cell, names beside ids.

Each exported file is a ``Resource``: a contract table, a comparison view, or the long form of
one of the views' list columns (``labels`` is "a | b" in ``priority_matrix``; its long form has
one row per label). Beside every id column goes the name it stands for (``document_id`` gets the
document's title and partnership, ``funder_id`` the funder's name), so a row reads without a join.
What is added, and what each added column means, is data (the ``export`` section of
pipeline/store/descriptions.yaml); this module turns it into one SELECT per file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlite_utils

from cspipe.pipeline.store import descriptions
from cspipe.pipeline.store.views import VIEWS

#: The tables of CONTRACT.md, in the order it lists them: the only tables exported.
CONTRACT_TABLES = descriptions.tables("contract")
#: "the priorities as written, ' | '-separated": the separator of a list column.
_SEPARATED = re.compile(r"'([^']+)'-separated")


@dataclass
class Resource:
    """One exported file: its rows come from ``select``, its columns are ``fields``."""

    name: str
    group: str  # contract, view or export (a long form the export makes)
    description: str
    select: str
    fields: list[tuple[str, str, str]]  # (column, origin, meaning)
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)  # (column, table, column)


def separator(meaning: str) -> str | None:
    """The separator a list column's meaning names ("' | '-separated"), None for a plain column."""
    found = _SEPARATED.search(meaning)
    return found.group(1) if found else None


def _columns(db: sqlite_utils.Database, name: str) -> list[str]:
    return [c[1] for c in db.execute(f"PRAGMA table_info([{name}])").fetchall()]


def _with_names(source: str, columns: list[tuple[str, str, str]]) -> tuple[str, list]:
    """SELECT over ``source`` (as ``t``) with the names written beside its ids."""
    beside = descriptions.export_meanings()["beside"]
    present = {c for c, _, _ in columns}
    out: list[tuple[str, str, str, str]] = []  # (column, origin, meaning, expression)
    work = [(c, o, m, f"t.[{c}]") for c, o, m in columns]
    while work:
        column, origin, meaning, expression = work.pop(0)
        out.append((column, origin, meaning, expression))
        added = []
        for name, spec in beside.get(column, {}).items():
            if name in present:
                continue
            table, wanted = spec["from"].split(".")
            lookup = f"(SELECT [{wanted}] FROM [{table}] WHERE id = {expression})"
            added.append((name, "export", spec["meaning"], lookup))
            present.add(name)
        work[:0] = added  # right after the id, and their own ids get names in turn
    select = ", ".join(f"{e} AS [{c}]" for c, _, _, e in out)
    return f"SELECT {select} FROM {source} t", [(c, o, m) for c, o, m, _ in out]


def _keys(db: sqlite_utils.Database, name: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """A table's primary key and its foreign keys (column, table, column)."""
    pk = sorted((c[5], c[1]) for c in db.execute(f"PRAGMA table_info([{name}])") if c[5])
    fks = [(r[3], r[2], r[4]) for r in db.execute(f"PRAGMA foreign_key_list([{name}])")]
    return [c for _, c in pk], fks


def _table_resource(db: sqlite_utils.Database, name: str) -> tuple[Resource, list[str]]:
    """A contract table or a view, its list columns left out; and those list columns."""
    entry = descriptions.describe(name)
    lists = []
    columns = []
    for column in _columns(db, name):
        meaning = entry.meanings.get(column, "") if entry else ""
        if separator(meaning):
            lists.append(column)
            continue
        origin = entry.origin(column) if entry and column in entry.meanings else ""
        columns.append((column, origin, meaning))
    select, fields = _with_names(f"[{name}]", columns)
    group = "view" if name in VIEWS else "contract"
    resource = Resource(name, group, entry.description if entry else "", select, fields)
    if group == "contract":
        resource.primary_key, resource.foreign_keys = _keys(db, name)
    return resource, lists


def _long_form(name: str, spec: dict) -> Resource:
    """A list column split into one row per value (a recursive CTE: SQLite has no split)."""
    view, column = spec["list"].split(".")
    entry = descriptions.describe(view)
    sep = separator(entry.meanings[column])
    keys = spec["keys"]
    k = ", ".join(f"[{c}]" for c in keys)
    split = f"""(WITH RECURSIVE split({k}, value, rest) AS (
            SELECT {k}, '', [{column}] || '{sep}' FROM [{view}] WHERE [{column}] IS NOT NULL
            UNION ALL
            SELECT {k}, substr(rest, 1, instr(rest, '{sep}') - 1),
                   substr(rest, instr(rest, '{sep}') + {len(sep)}) FROM split WHERE rest != ''
        )
        SELECT DISTINCT {k}, trim(value) AS [{spec['value']}] FROM split WHERE trim(value) != ''
        ORDER BY {k}, [{spec['value']}])"""
    columns = [(c, "view", entry.meanings[c]) for c in keys]
    columns.append((spec["value"], "export", spec["meaning"]))
    select, fields = _with_names(split, columns)
    description = f"One row per {spec['row']}. {spec['description']}"
    return Resource(name, "export", description, select, fields)


def resources(db: sqlite_utils.Database) -> list[Resource]:
    """Every file to write for this database: contract tables, views, then the long forms."""
    tables, views = set(db.table_names()), set(db.view_names())
    names = [t for t in CONTRACT_TABLES if t in tables] + [v for v in VIEWS if v in views]
    out, split = [], set()
    for name in names:
        resource, lists = _table_resource(db, name)
        out.append(resource)
        split.update(f"{name}.{c}" for c in lists)
    specs = descriptions.export_meanings()["lists"]
    for name, spec in specs.items():
        if spec["list"] in split:
            out.append(_long_form(name, spec))
            split.discard(spec["list"])
    if split:  # a list column nobody said how to split: a gap in descriptions.yaml
        raise ValueError(f"no long form for {', '.join(sorted(split))} in {descriptions.FILE}")
    return out
