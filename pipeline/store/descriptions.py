"""What every table, view and column means, read from ``descriptions.yaml`` beside this module.

The meanings are written once, in that file, and everything that explains the database to a
reader takes them from here: the Datasette metadata (``cspipe serve``), the data dictionary
``cspipe export`` writes, and the generated docs/columns.md. A data file rather than
``Field(description=...)`` on the row models because four tables (extractions, sources,
fetches, schema_migrations) and all the views have no row model, so the models could hold only
part of it; and because the wording reads, and is edited, as a dictionary, apart from the types.
``check`` compares the file with a real database so a column added without a meaning is caught.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Literal

import sqlite_utils
import yaml
from pydantic import BaseModel, ConfigDict, StrictStr, model_validator

FILE = "descriptions.yaml"

#: contract: a table of CONTRACT.md; addition: a table the project adds; bookkeeping: cspipe's
#: own (hidden in Datasette, not exported); view: a comparison view.
Group = Literal["contract", "addition", "bookkeeping", "view"]


class Described(BaseModel):
    """One table or view: what a row is and what each column means."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    group: Group
    description: StrictStr
    row: StrictStr | None = None
    columns: dict[str, StrictStr]
    additions: dict[str, StrictStr] = {}

    @model_validator(mode="after")
    def _fits_group(self) -> Described:
        if self.additions and self.group != "contract":
            raise ValueError(f"{self.name}: only a contract table has additions")
        if (self.row is None) == (self.group == "view"):
            raise ValueError(f"{self.name}: a view, and only a view, says what its row is")
        if set(self.columns) & set(self.additions):
            raise ValueError(f"{self.name}: a column is both contract and addition")
        return self

    @property
    def is_view(self) -> bool:
        return self.group == "view"

    @property
    def meanings(self) -> dict[str, str]:
        """Every column and its meaning: the contract's columns first, then the additions."""
        return self.columns | self.additions

    def origin(self, column: str) -> str:
        """contract, addition, bookkeeping or view: where this column's promise comes from."""
        if self.group == "contract":
            return "contract" if column in self.columns else "addition"
        return self.group


@cache
def described() -> dict[str, Described]:
    """Every described table (in the file's order) then every view."""
    text = files(__package__).joinpath(FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    unknown = set(data) - {"phrases", "tables", "views"}
    if unknown:
        raise ValueError(f"{FILE}: unknown sections {sorted(unknown)}")
    out: dict[str, Described] = {}
    for name, entry in data["tables"].items():
        out[name] = Described.model_validate({**entry, "name": name})
    for name, entry in data["views"].items():
        if "group" in entry:
            raise ValueError(f"{FILE}: view {name} has a group")
        out[name] = Described.model_validate({**entry, "name": name, "group": "view"})
    return out


def describe(name: str) -> Described | None:
    """The description of one table or view, None when it has none."""
    return described().get(name)


def tables(group: Group) -> tuple[str, ...]:
    """Names of the described tables of one group, in the file's order."""
    return tuple(d.name for d in described().values() if d.group == group)


def check(db: sqlite_utils.Database) -> list[str]:
    """What the descriptions and this database disagree on (empty when they agree).

    A table, view or column of the database without a meaning, and a described one the
    database does not have (so renamed or dropped columns do not leave stale meanings).
    """
    problems = []
    names = db.table_names() + db.view_names()
    for name in names:
        entry = describe(name)
        if entry is None:
            problems.append(f"{name}: not described in {FILE}")
            continue
        columns = [c[1] for c in db.execute(f"PRAGMA table_info([{name}])").fetchall()]
        problems += [f"{name}.{c}: no meaning in {FILE}" for c in columns if c not in entry.meanings]
        problems += [f"{name}.{c}: described but not in the database"
                     for c in entry.meanings if c not in columns]
    problems += [f"{name}: described but not in the database"
                 for name in described() if name not in names]
    return problems
