"""One partnership against its comparator group: the group, and every measure benchmarked.

The figures come from ``cspipe.pipeline.store.benchmarks`` (one SQL definition of median,
quartiles and rank, also behind the ``benchmarks`` view and the Datasette canned queries);
this module picks the group, runs that SQL and prints the result.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlite_utils
from rich.console import Console
from rich.table import Table

from cspipe.pipeline.outputs.compare import CompareError
from cspipe.pipeline.store.benchmarks import (
    COMPARATORS,
    benchmark_sql,
    list_peers_sql,
    measures_sql,
)

#: What each comparator group is, for titles and errors.
GROUP_TITLES = {
    "all": "the other partnerships",
    "county": "partnerships in the same county",
    "force": "partnerships in the same police force area",
    "type": "partnerships of the same council type",
    "nearest": "nearest neighbours by population",
    "list": "the partnerships named",
}
GROUPS = (*COMPARATORS, "list")

_AREA = "SELECT county_id, force_id, council_type, population FROM partnerships WHERE id = ?"
_GROUP_SQL = """
    SELECT g.peer_id, p.name, p.population, g.basis FROM comparator_groups g
    JOIN partnerships p ON p.id = g.peer_id
    WHERE g.partnership_id = :partnership_id AND g.comparator = :comparator
    ORDER BY g.peer_id != :partnership_id, CAST(g.basis AS REAL), g.peer_id
"""


class PeerError(CompareError):
    """A comparator group that cannot be formed (one line, for the command line)."""


@dataclass
class Member:
    """One partnership of a comparator group."""

    partnership_id: str
    partnership: str
    population: int | None
    basis: str | None = None  # nearest: population ratio to the partnership compared


@dataclass
class Group:
    """The partnerships one partnership is compared with (itself first)."""

    partnership_id: str
    comparator: str
    members: list[Member] = field(default_factory=list)
    basis: str | None = None  # the county council, force or council type they share

    @property
    def title(self) -> str:
        shared = f" ({self.basis.replace('_', ' ')})" if self.basis else ""
        return f"{GROUP_TITLES[self.comparator]}{shared}"


@dataclass
class Benchmark:
    """One measure of one partnership within its group."""

    measure: str
    label: str
    is_share: bool
    value: float | None
    rank: int | None  # 1 = highest value; ties share the best rank
    tied: bool
    of: int  # partnerships of the group with a value
    rank_label: str | None  # "=2 of 5"
    lowest: float | None
    q1: float | None
    median: float | None
    q3: float | None
    highest: float | None


def group(db: sqlite_utils.Database, partnership_id: str, comparator: str,
          members: list[str] | None = None) -> Group:
    """The comparator group of ``partnership_id``; PeerError when it cannot be formed."""
    if comparator not in GROUPS:
        raise PeerError(f"unknown group {comparator!r}; one of: {', '.join(GROUPS)}")
    area = db.execute(_AREA, [partnership_id]).fetchone()
    if comparator == "list":
        if not members:
            raise PeerError("--group list needs --members a,b,c (partnerships to compare with)")
        ids = list(dict.fromkeys([partnership_id, *members]))
        rows = {
            r[0]: r for r in db.execute(
                "SELECT id, name, population FROM partnerships WHERE id IN "
                f"({', '.join('?' * len(ids))})", ids)
        }
        return Group(partnership_id, "list",
                     [Member(i, rows[i][1], rows[i][2]) for i in ids if i in rows])
    if comparator != "all" and area is not None and all(v is None for v in area):
        raise PeerError(
            f"{partnership_id} has no county, force, council type or population recorded "
            "(a database from an older cspipe): run `cspipe orgs rematch` to fill them in")
    found = [Member(r[0], r[1], r[2], r[3]) for r in
             db.execute(_GROUP_SQL, {"partnership_id": partnership_id, "comparator": comparator})]
    if not found and comparator == "all":
        raise PeerError(f"no documents for partnership {partnership_id!r}")
    if not found:
        missing = {"county": "is not under a county council (a unitary, metropolitan, London "
                             "or Welsh area)",
                   "force": "has no single police force area recorded",
                   "type": "has no council type recorded",
                   "nearest": "has no population figure"}.get(comparator, "has no group")
        others = ", ".join(g for g in COMPARATORS if g != comparator)
        raise PeerError(f"{partnership_id} {missing}; try --group {others.replace(', ', '|')}")
    shared = None if comparator in ("all", "nearest") else found[0].basis
    if comparator in ("county", "force") and shared:
        row = db.execute("SELECT name FROM organisations WHERE id = ?", [shared]).fetchone()
        shared = row[0] if row else shared.replace("-", " ").title()
    if comparator == "nearest":
        found[0].basis = None
    return Group(partnership_id, comparator, found, shared)


def benchmark(db: sqlite_utils.Database, grp: Group, theme: str | None = None) -> list[Benchmark]:
    """Every measure of the group's partnership: value, quartiles, median and rank in it."""
    params: dict[str, Any] = {"partnership_id": grp.partnership_id, "comparator": grp.comparator}
    if grp.comparator == "list":
        peers = list_peers_sql()
        params["members"] = ",".join(m.partnership_id for m in grp.members)
    else:
        peers = ("SELECT partnership_id, comparator, group_key, peer_id FROM comparator_groups "
                 "WHERE partnership_id = :partnership_id AND comparator = :comparator")
    if theme is not None:
        params["theme"] = theme
    sql = benchmark_sql(peers, measures_sql(":theme") if theme else None)
    rows = db.query(f"SELECT * FROM ({sql}) ORDER BY position", params)
    return [
        Benchmark(r["measure"], r["label"], bool(r["is_share"]), r["value"], r["rank"],
                  bool(r["tied"]), r["of"], r["rank_label"], r["lowest"], r["q1"], r["median"],
                  r["q3"], r["highest"])
        for r in rows
    ]


# ---- rendering -------------------------------------------------------------------------------


def fmt(value: float | None, is_share: bool) -> str:
    """A share as a percentage, a count or sum with thousands separators, '–' for none."""
    if value is None:
        return "–"
    if is_share:
        return f"{value:.0%}" if abs(value * 100 - round(value * 100)) < 0.05 else f"{value:.1%}"
    if value == int(value) or abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0")


def members_line(grp: Group) -> str:
    """'east-suffolk-csp (pop. 250,373), western-suffolk-csp (pop. 374,894; ×1.50)'."""
    out = []
    for m in grp.members:
        notes = [f"pop. {m.population:,}"] if m.population else []
        if grp.comparator == "nearest" and m.basis:
            notes.append(f"×{m.basis}")
        out.append(f"{m.partnership_id}" + (f" ({'; '.join(notes)})" if notes else ""))
    return ", ".join(out)


def print_benchmark(grp: Group, bench: list[Benchmark], console: Console, name: str,
                    theme: str | None = None) -> None:
    """The benchmark as a table: value, group median, quartiles and rank for every measure."""
    scope = f" – theme {theme}" if theme else ""
    t = Table(title=f"{name} against {grp.title}{scope}",
              caption=f"{len(grp.members)} in the group: {members_line(grp)}. Group median, "
                      "lower (Q1) and upper (Q3) quartiles of the group's values, itself "
                      "included; rank 1 = highest, '=' shared with another.")
    t.add_column("measure", ratio=1)
    for col in ("value", "median", "Q1", "Q3"):
        t.add_column(col, justify="right", no_wrap=True)
    t.add_column("rank", justify="right", no_wrap=True, min_width=7)
    for b in bench:
        t.add_row(b.label, fmt(b.value, b.is_share), fmt(b.median, b.is_share),
                  fmt(b.q1, b.is_share), fmt(b.q3, b.is_share), b.rank_label or "–")
    console.print(t)


def bench_json(grp: Group, bench: list[Benchmark]) -> dict[str, Any]:
    """The group and its benchmark as plain data (the JSON output)."""
    return {
        "partnership_id": grp.partnership_id,
        "group": grp.comparator,
        "group_title": grp.title,
        "members": [asdict(m) for m in grp.members],
        "measures": [asdict(b) for b in bench],
    }


def bench_csv(grp: Group, bench: list[Benchmark]) -> str:
    """One row per measure, for spreadsheets."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["partnership_id", "group", "measure", "label", "value", "median", "q1", "q3",
                "lowest", "highest", "rank", "tied", "of", "rank_label"])
    for b in bench:
        w.writerow([grp.partnership_id, grp.comparator, b.measure, b.label, b.value, b.median,
                    b.q1, b.q3, b.lowest, b.highest, b.rank, int(b.tied), b.of, b.rank_label])
    return buf.getvalue()
