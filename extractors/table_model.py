"""What a table is once found: one page's table, a logical table over pages, and its rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cspipe.extractors.columns import ColumnMap

#: x positions closer than this (points) are the same column boundary
X_TOL = 4.0
#: roles whose merged (spanning) cells are carried down to the rows they cover
CARRY_ROLES = ("priority", "objective")
#: roles carried down only where a cell is truly merged over the rows below (pdfplumber
#: gives None there, an empty drawn cell is ""): a "Type of funding" over four grants, a
#: plan's only lead column over the actions it leads
MERGED_CARRY_ROLES = ("description", "funder", "recipient", "date", "period", "lead",
                      "timescale", "status")
#: a lead / status / date cell this short never breaks over a page
SHORT_CELL = 60

@dataclass
class PageTable:
    """One table as found on one page."""

    page: int
    bbox: tuple[float, float, float, float]
    xs: list[float]  # column boundaries, len(columns) + 1
    rows: list[list[str | None]]
    source: str = "ruled"  # or "aligned"
    #: a bold short line just above the table (a priority heading over a plan table)
    heading: str | None = None
    #: "Priority: ..." / "Outcome 2: ..." lines above the table: what all its rows serve
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def ncols(self) -> int:
        return len(self.xs) - 1


@dataclass
class Row:
    """A logical row: cell texts aligned to the logical table's columns, and its start page."""

    cells: list[str | None]
    page: int
    kind: str = "data"  # "data" or "subheading"
    pages: list[int] = field(default_factory=list)
    #: values given as stacked "label / value" rows under the row ("Lead" then "CSP")
    extra: dict[str, str] = field(default_factory=dict)

    def text(self, i: int | None) -> str:
        if i is None or i >= len(self.cells):
            return ""
        return clean(self.cells[i])


@dataclass
class LogicalTable:
    """A table as the author made it, possibly over several pages."""

    page: int
    xs: list[float]
    header: list[str] | None
    cmap: ColumnMap | None
    rows: list[Row] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    source: str = "ruled"
    notes: list[str] = field(default_factory=list)
    heading: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    #: a stacked field label waiting for its value in the next row
    pending: tuple[str, int] | None = None


#: a word hyphenated at a line end inside a cell ("anti-\nsocial"): the hyphen stays
_HYPHEN_WRAP = re.compile(r"(\w)-\n(\w)")


def clean(text: str | None) -> str:
    """Cell text with wrapped lines joined by single spaces."""
    if not text:
        return ""
    if "-\n" in text:
        text = _HYPHEN_WRAP.sub(r"\1-\2", text)
    return " ".join(text.split())


def empty(text: str | None) -> bool:
    return not clean(text)
