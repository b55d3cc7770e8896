"""The row tables the figures link into: rows grouped per partnership, with filter attributes.

Each group is one ``<tbody id="<prefix>-<partnership>">``; each row carries the
``data-*`` attributes the charts filter on (see ``links``). The template writes the
cells; this module decides which rows go where and what they can be filtered by.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cspipe.pipeline.outputs.compare import short_name
from cspipe.pipeline.outputs.report.links import anchor, local_note, page_href
from cspipe.pipeline.outputs.report.queries import ReportData, Row


@dataclass
class TableRow:
    """One row: the query row, its filter attributes and its document link."""

    rec: Row
    attrs: dict[str, str]
    document: str  # title, else the file name
    href: str | None  # the published document at the row's page; None for a local file
    note: str | None = None  # why there is no link


@dataclass
class RowGroup:
    """One partnership's rows of a table (a link target)."""

    id: str
    label: str  # the partnership's short name
    rows: list[TableRow] = field(default_factory=list)


@dataclass
class RowTables:
    """The five row tables of the report."""

    priorities: list[RowGroup]
    activities: list[RowGroup]
    leads: list[RowGroup]
    funding: list[RowGroup]
    mentions: list[RowGroup]

    def total(self, name: str) -> int:
        return sum(len(g.rows) for g in getattr(self, name))


Attrs = Callable[[Row], dict[str, str]]


def _activity_attrs(r: Row) -> dict[str, str]:
    return {
        "theme": r["theme"] or "",
        "status": r["status_group"],
        "kpi": str(r["has_kpi"]),
        "target": str(r["has_target"]),
        "lead_org": str(r["has_lead_org"]),
        "all_partners": str(r["led_by_all_partners"]),
        "lead": str(r["has_lead"]),
        "due": str(r["has_due_date"]),
        "status_stated": str(int(r["status_group"] != "not_stated")),
    }


def group_rows(rows: Iterable[Row], prefix: str, attrs: Attrs, data: ReportData) -> list[RowGroup]:
    """Rows into one group per partnership, in the comparison's order (unknown ones last)."""
    names, order = data.names, data.order
    groups: dict[str, RowGroup] = {}
    first: dict[str, str] = {}
    for r in rows:
        pid = r["partnership_id"]
        gid = anchor(prefix, pid)
        if gid not in groups:
            groups[gid] = RowGroup(gid, short_name(names.get(pid, pid)))
            first[gid] = pid
        document = r.get("title") or Path(str(r["source"])).name
        href = page_href(r.get("url"), r["page"])
        note = None if href else local_note(str(r["source"]))
        groups[gid].rows.append(TableRow(r, attrs(r), str(document), href, note))
    return sorted(groups.values(), key=lambda g: order.get(first[g.id], 99))


def row_tables(data: ReportData) -> RowTables:
    """Every row table, each row linked to its published document and page."""

    def grouped(rows: list[Row], prefix: str, attrs: Attrs) -> list[RowGroup]:
        return group_rows(rows, prefix, attrs, data)

    return RowTables(
        priorities=grouped(data.priorities, "pri", lambda r: {"theme": r["theme"]}),
        activities=grouped(data.activities, "act", _activity_attrs),
        leads=grouped(
            data.leads, "lead", lambda r: {"kind": r["kind"], "org": r["organisation_id"] or ""}
        ),
        funding=grouped(data.funding, "fund", lambda r: {"fy": r["financial_year"]}),
        mentions=grouped(data.mentions, "men", lambda r: {"org": r["organisation_id"]}),
    )
