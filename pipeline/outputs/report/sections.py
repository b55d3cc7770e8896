"""The report's documents, comparator and over-time sections, shaped for the template.

The figures are those of ``cspipe compare``: the ``benchmarks`` and ``comparator_groups``
views (one definition of median, quartiles and rank) and the ``over_time`` records; this
module only formats them and places each value on its group's range for the range bars.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from cspipe.pipeline.outputs.compare import short_name
from cspipe.pipeline.outputs.over_time import Timeline, label
from cspipe.pipeline.outputs.peers import GROUP_TITLES, fmt
from cspipe.pipeline.outputs.report.links import anchor, local_note, page_href
from cspipe.pipeline.outputs.report.queries import ReportData, Row
from cspipe.pipeline.store.benchmarks import COMPARATORS


@dataclass
class DocumentEntry:
    """One document: what it is, whether it was read, what came out, where it is published."""

    rec: Row
    name: str  # title, else the file name
    href: str | None
    note: str | None


def documents(data: ReportData) -> list[DocumentEntry]:
    """Every document, failed ones too, with its published link or the note saying why not."""
    out = []
    for r in data.document_list:
        href = page_href(r["url"])
        name = r["title"] or PurePath(str(r["source"])).name
        out.append(DocumentEntry(r, name, href, None if href else local_note(str(r["source"]))))
    return out


@dataclass
class BenchRow:
    """One measure in one group: the printed figures and the range bar's positions (%)."""

    label: str
    value: str
    median: str
    q1: str
    q3: str
    rank: str
    bar: dict[str, float] | None  # lo/hi of the box, median and value, 0-100 along the range


@dataclass
class GroupPanel:
    """One comparator group of one partnership."""

    id: str
    comparator: str
    title: str
    members: str
    rows: list[BenchRow] = field(default_factory=list)


@dataclass
class PartnershipPanel:
    """A partnership's benchmarks in each of its groups."""

    id: str
    name: str
    groups: list[GroupPanel]
    alone: list[str] = field(default_factory=list)  # groups of itself only, e.g. "in its county"


_ALONE = {"all": "in the database", "county": "in its county",
          "force": "in its police force area", "type": "of its council type",
          "nearest": "with a population figure"}


def _bar(r: Row) -> dict[str, float] | None:
    if r["value"] is None or r["lowest"] is None:
        return None
    lo, hi = r["lowest"], r["highest"]

    def at(x: float) -> float:
        return 50.0 if hi == lo else round(100 * (x - lo) / (hi - lo), 1)

    return {"q1": at(r["q1"]), "q3": at(r["q3"]), "median": at(r["median"]),
            "value": at(r["value"])}


def _members(rows: list[Row]) -> tuple[str, str | None]:
    """'East Suffolk (pop. 250,373), ...' and what the group shares (county, force, type)."""
    names = []
    for m in rows:
        pop = f" (pop. {m['population']:,})" if m["population"] else ""
        names.append(short_name(m["name"]) + pop)
    shared = rows[0]["basis_name"] or rows[0]["basis"] if rows else None
    return ", ".join(names), shared


def comparator_panels(data: ReportData) -> list[PartnershipPanel]:
    """For every partnership, each comparator group it has, in COMPARATORS order."""
    members: dict[tuple[str, str], list[Row]] = {}
    for g in data.groups:
        members.setdefault((g["partnership_id"], g["comparator"]), []).append(g)
    rows: dict[tuple[str, str], list[Row]] = {}
    for b in data.benchmarks:
        rows.setdefault((b["partnership_id"], b["comparator"]), []).append(b)
    out = []
    for c in data.comparisons:
        panels, alone = [], []
        for comparator in COMPARATORS:
            key = (c.partnership_id, comparator)
            if key not in rows:
                continue
            if len(members.get(key, [])) < 2:
                alone.append(_ALONE[comparator])
                continue
            names, shared = _members(members.get(key, []))
            basis = f" ({shared.replace('_', ' ')})" if shared and comparator in (
                "county", "force", "type") else ""
            panel = GroupPanel(anchor("peers", c.partnership_id, comparator), comparator,
                               f"{GROUP_TITLES[comparator]}{basis}", names)
            for r in rows[key]:
                share = bool(r["is_share"])
                panel.rows.append(BenchRow(
                    r["label"], fmt(r["value"], share), fmt(r["median"], share),
                    fmt(r["q1"], share), fmt(r["q3"], share), r["rank_label"] or "–", _bar(r)))
            panels.append(panel)
        out.append(PartnershipPanel(c.partnership_id, c.partnership, panels, alone))
    return out


@dataclass
class TimelinePanel:
    """One partnership across its documents (two or more)."""

    id: str
    name: str
    documents: list[dict[str, Any]]  # label, title, type, pages, href, note
    counts: list[tuple[str, list[str]]]  # measure -> value per document
    changes: list[dict[str, Any]]
    funding: list[tuple[str, list[str]]]  # financial year -> £ per document


_COUNTS = (("themes", "priority themes"), ("priorities", "priorities"),
           ("activities", "activities"), ("kpis", "KPIs"), ("funding_gbp", "funding stated, £"))


def timeline_panels(data: ReportData) -> list[TimelinePanel]:
    """The over-time view of every partnership with two or more documents."""
    return [_timeline(tl) for tl in data.timelines]


def _timeline(tl: Timeline) -> TimelinePanel:
    docs = []
    for d in tl.documents:
        href = page_href(d["url"])
        docs.append({"label": label(d), "title": d["title"] or "", "type": d["doc_type"],
                     "pages": d["pages"], "href": href,
                     "note": None if href else "local file: no published URL"})
    counts = [(word, [f"{d[key]:,.0f}" for d in tl.documents]) for key, word in _COUNTS]
    changes = [{"before": label(ch.before), "after": label(ch.after), "added": ch.added,
                "dropped": ch.dropped, "kept": ch.kept, "note": ch.note} for ch in tl.changes]
    funding = [(y, [f"{tl.funding[y][d['document_id']]:,.0f}"
                    if d["document_id"] in tl.funding[y] else "" for d in tl.documents])
               for y in tl.years]
    return TimelinePanel(anchor("time", tl.partnership_id), tl.partnership, docs, counts,
                         changes, funding)
