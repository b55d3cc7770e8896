"""Cross-partnership comparison: the views read into one record per partnership, benchmarks.

``cspipe compare`` prints these; the HTML report and the JSON/CSV output use the
same records, so every surface shows the same numbers.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlite_utils
from rich.console import Console
from rich.table import Table

from cspipe.models.vocab import THEMES
from cspipe.pipeline.store.benchmarks import EXTRA_MEASURES, PROFILE_MEASURES

__all__ = ["EXTRA_MEASURES", "PROFILE_MEASURES", "CompareError", "Comparison", "load"]

def short_name(name: str) -> str:
    """'Anytown Community Safety Partnership' -> 'Anytown' (for narrow labels)."""
    short = re.sub(r"\s*\b(community safety partnership|csp)\b\s*$", "", name, flags=re.I)
    return short or name


class CompareError(ValueError):
    """A partnership or theme the database does not know."""


@dataclass
class Comparison:
    """Everything compared about one partnership."""

    partnership_id: str
    partnership: str
    themes: list[dict[str, Any]] = field(default_factory=list)
    profile: dict[str, Any] = field(default_factory=dict)
    status_mix: dict[str, float] = field(default_factory=dict)
    lead_mix: dict[str, float] = field(default_factory=dict)
    funding: list[dict[str, Any]] = field(default_factory=list)

    @property
    def funding_gbp(self) -> float:
        return sum(f["amount_gbp"] for f in self.funding)

    def measure(self, name: str) -> float | None:
        if name == "themes_named":
            return float(len(self.themes))
        if name == "funding_gbp":
            return self.funding_gbp
        value = self.profile.get(name)
        return None if value is None else float(value)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["funding_gbp"] = self.funding_gbp
        return out


def load(db: sqlite_utils.Database, theme: str | None = None) -> list[Comparison]:
    """One Comparison per partnership with documents; ``theme`` narrows themes and profile."""
    if theme is not None and theme not in THEMES:
        raise CompareError(f"unknown theme {theme!r}; one of: {', '.join(THEMES)}")
    out: dict[str, Comparison] = {}
    for r in db.query("SELECT * FROM activity_profile ORDER BY partnership"):
        profile = {c: r[c] for c, _, _ in PROFILE_MEASURES}
        profile.update(
            with_kpi=r["with_kpi"],
            with_target=r["with_target"],
            with_lead_org=r["with_lead_org"],
            with_due_date=r["with_due_date"],
        )
        out[r["partnership_id"]] = Comparison(
            r["partnership_id"], r["partnership"], profile=profile
        )
    if theme is not None:
        by_theme = {
            r["partnership_id"]: r
            for r in db.query("SELECT * FROM activity_profile_by_theme WHERE theme = ?", [theme])
        }
        for pid, c in out.items():
            r = by_theme.get(pid)
            c.profile = {
                k: (r[k] if r else (0 if k.startswith("with_") or k == "activities" else None))
                for k in c.profile
            }
    theme_sql = "SELECT * FROM priority_matrix WHERE documents > 0"
    args: list[Any] = []
    if theme is not None:
        theme_sql += " AND theme = ?"
        args.append(theme)
    order = {t: i for i, t in enumerate(THEMES)}
    for r in sorted(db.query(theme_sql, args), key=lambda r: order[r["theme"]]):
        if r["partnership_id"] in out:
            out[r["partnership_id"]].themes.append(
                {k: r[k] for k in ("theme", "documents", "of_documents", "in_latest", "labels")}
            )
    status_sql = (
        "SELECT partnership_id, status_group, count(*) AS n FROM activity_facts"
        + (" WHERE theme = ?" if theme else "")
        + " GROUP BY 1, 2"
    )
    for r in db.query(status_sql, [theme] if theme else []):
        c = out.get(r["partnership_id"])
        if c and c.profile["activities"]:
            c.status_mix[r["status_group"]] = round(r["n"] / c.profile["activities"], 3)
    if theme is None:
        for r in db.query("SELECT * FROM lead_mix ORDER BY share DESC, kind"):
            if r["partnership_id"] in out:
                out[r["partnership_id"]].lead_mix[r["kind"]] = r["share"]
    else:
        for r in db.query(_THEME_LEAD_MIX, [theme]):
            c = out.get(r["partnership_id"])
            if c and c.profile["activities"]:
                c.lead_mix[r["kind"]] = round(r["n"] / c.profile["activities"], 3)
    for r in db.query("SELECT * FROM funding_by_year ORDER BY financial_year"):
        if r["partnership_id"] in out:
            out[r["partnership_id"]].funding.append(
                {
                    "financial_year": r["financial_year"],
                    "amount_gbp": r["amount_gbp"],
                    "items": r["items"],
                }
            )
    return list(out.values())


_THEME_LEAD_MIX = """
    SELECT f.partnership_id,
           CASE WHEN l.organisation_id = 'all-partners' THEN 'all_partners'
                WHEN l.organisation_id IS NULL THEN 'unmatched'
                ELSE coalesce(o.kind, 'other') END AS kind,
           count(DISTINCT f.activity_id) AS n
    FROM activity_facts f JOIN activity_leads l ON l.activity_id = f.activity_id
    LEFT JOIN organisations o ON o.id = l.organisation_id
    WHERE f.theme = ? GROUP BY 1, 2 ORDER BY n DESC, kind
"""


# ---- rendering -------------------------------------------------------------------------------


def _fmt(value: float | None, is_share: bool) -> str:
    if value is None:
        return "–"
    if is_share:
        return f"{value:.0%}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _money(value: float) -> str:
    return f"£{value:,.0f}"


def print_tables(
    comparisons: list[Comparison], console: Console, theme: str | None = None
) -> None:
    """The comparison as rich tables: themes, activity profile, leads, funding."""
    scope = f" – theme {theme}" if theme else ""
    # Partnerships are columns and measures rows: a handful of partnerships fit a terminal,
    # eighteen themes side by side do not.
    names = [short_name(c.partnership) for c in comparisons]

    def table(title: str, first: str) -> Table:
        t = Table(title=title)
        t.add_column(first)
        for n in names:
            t.add_column(n, justify="right", overflow="fold")
        return t

    t = table(
        f"Priority themes (● named in latest document, ○ in earlier ones only){scope}", "theme"
    )
    cells = [{x["theme"]: ("●" if x["in_latest"] else "○") for x in c.themes} for c in comparisons]
    for th in THEMES:
        if any(th in row for row in cells):
            t.add_row(th.replace("_", " "), *[row.get(th, "") for row in cells])
    console.print(t)
    t = table(f"Activity profile (shares of activities){scope}", "measure")
    for m, label, is_share in PROFILE_MEASURES:
        t.add_row(label, *[_fmt(c.profile.get(m), is_share) for c in comparisons])
    console.print(t)
    kinds = sorted({k for c in comparisons for k in c.lead_mix})
    if kinds:
        t = table(f"Lead mix: share of activities led by each kind of organisation{scope}", "kind")
        for k in kinds:
            t.add_row(
                k.replace("_", " "),
                *[_fmt(c.lead_mix[k], True) if k in c.lead_mix else "" for c in comparisons],
            )
        console.print(t)
    years = sorted(
        {f["financial_year"] for c in comparisons for f in c.funding},
        key=lambda y: (y == "unknown", y),
    )
    if years and theme is None:
        t = table(
            "Funding stated per financial year (April–March; repeats counted once)",
            "financial year",
        )
        by = [{f["financial_year"]: f["amount_gbp"] for f in c.funding} for c in comparisons]
        for y in years:
            t.add_row(y, *[_money(row[y]) if y in row else "" for row in by])
        t.add_row("total", *[_money(c.funding_gbp) for c in comparisons], style="bold")
        console.print(t)


def to_json(
    comparisons: list[Comparison],
    theme: str | None = None,
    bench: dict[str, Any] | None = None,
) -> str:
    """For each partnership: its themes, activity profile, status and lead mix, funding;
    ``bench`` (``peers.bench_json``) adds one partnership's benchmark in its group."""
    out: dict[str, Any] = {"theme": theme, "partnerships": [c.to_json() for c in comparisons]}
    if bench is not None:
        out["benchmark"] = bench
    return json.dumps(out, indent=2, ensure_ascii=False)


def to_csv(comparisons: list[Comparison]) -> str:
    """One row per partnership, for spreadsheets."""
    buf = io.StringIO()
    kinds = sorted({k for c in comparisons for k in c.lead_mix})
    years = sorted({f["financial_year"] for c in comparisons for f in c.funding})
    header = (
        ["partnership_id", "partnership", "themes", "themes_latest"]
        + [m for m, _, _ in PROFILE_MEASURES]
        + [f"lead_{k}" for k in kinds]
        + ["funding_gbp"]
        + [f"funding_{y}" for y in years]
    )
    w = csv.writer(buf)
    w.writerow(header)
    for c in comparisons:
        by = {f["financial_year"]: f["amount_gbp"] for f in c.funding}
        w.writerow(
            [
                c.partnership_id,
                c.partnership,
                ";".join(x["theme"] for x in c.themes),
                ";".join(x["theme"] for x in c.themes if x["in_latest"]),
            ]
            + [c.profile.get(m) for m, _, _ in PROFILE_MEASURES]
            + [c.lead_mix.get(k, 0) for k in kinds]
            + [c.funding_gbp]
            + [by.get(y, 0) for y in years]
        )
    return buf.getvalue()
