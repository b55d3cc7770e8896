"""The figures that are HTML tables: the theme heat map, the profile and participation grids.

A heat map of partnerships x themes reads best as a table (one shaded, linked cell each,
labels that wrap and scale with the page), so it is built here as data for the template
rather than drawn as a chart.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from cspipe.models.vocab import THEMES
from cspipe.pipeline.outputs.compare import PROFILE_MEASURES, short_name
from cspipe.pipeline.outputs.report.links import rows_link
from cspipe.pipeline.outputs.report.queries import ReportData


def pct(v: float | None) -> str:
    """A share as a whole percentage; a dash for none."""
    return "–" if v is None else f"{v:.0%}"


def blend(share: float) -> str:
    """Light grey-blue (0) to dark blue (1)."""
    lo, hi = (238, 242, 248), (31, 78, 156)
    return "#" + "".join(f"{round(a + (b - a) * share):02x}" for a, b in zip(lo, hi, strict=True))


@dataclass
class HeatCell:
    """One partnership x theme cell; ``href`` is None when no document names the theme."""

    tip: str
    href: str | None = None
    fill: str = "#f6f7f9"
    dot: str | None = None  # colour of the 'named in the latest document' dot


@dataclass
class GridRow:
    """A labelled row of a grid."""

    label: str
    cells: list
    href: str | None = None
    muted: str = ""  # a second, muted label cell (participation: the organisation's kind)


def heatmap(data: ReportData) -> list[GridRow]:
    """Partnership x theme: shade = share of its documents naming the theme; dot = latest."""
    found = {(r["partnership_id"], r["theme"]): r for r in data.matrix}
    rows = []
    for c in data.comparisons:
        name = short_name(c.partnership)
        cells = []
        for theme in THEMES:
            r = found.get((c.partnership_id, theme))
            if not (r and r["documents"]):
                cells.append(HeatCell(f"{name}: {theme} not named"))
                continue
            share = r["share"] or 0.0
            latest = " (and the latest)" if r["in_latest"] else ""
            cells.append(
                HeatCell(
                    tip=f"{name}: {theme} named in {r['documents']} of {r['of_documents']} "
                    f"documents{latest} – {r['labels']}",
                    href=rows_link("pri", c.partnership_id, theme=theme),
                    fill=blend(share),
                    dot=("#fff" if share > 0.5 else "#1f4e9c") if r["in_latest"] else None,
                )
            )
        rows.append(GridRow(name, cells))
    return rows


def profile_grid(data: ReportData) -> list[GridRow]:
    """Every profile measure per partnership, then the median row (cells are display text)."""
    rows = []
    for c in data.comparisons:
        cells = [
            pct(c.profile.get(m)) if share else c.profile.get(m) for m, _, share in PROFILE_MEASURES
        ]
        href = rows_link("act", c.partnership_id) if c.profile.get("activities") else None
        rows.append(GridRow(short_name(c.partnership), cells, href))
    medians = []
    for m, _, share in PROFILE_MEASURES:
        vals = [v for c in data.comparisons if (v := c.profile.get(m)) is not None]
        v = statistics.median(vals) if vals else None
        medians.append(pct(v) if share else ("–" if v is None else f"{v:g}"))
    rows.append(GridRow("median", medians))
    return rows


@dataclass
class Participation:
    """Documents mentioning / activities led, linked to the mentions (else the leads)."""

    documents: int
    activities: int
    href: str


def participation_grid(data: ReportData) -> list[GridRow]:
    """Organisation x partnership: a cell wherever the organisation appears."""
    found: dict[str, dict[str, dict]] = {}
    orgs: dict[str, tuple[str, str]] = {}
    for r in data.participation:
        found.setdefault(r["organisation_id"], {})[r["partnership_id"]] = r
        orgs[r["organisation_id"]] = (r["organisation"], r["kind"])
    rows = []
    for oid, (name, kind) in orgs.items():
        cells: list[Participation | None] = []
        for c in data.comparisons:
            r = found[oid].get(c.partnership_id)
            if r is None:
                cells.append(None)
                continue
            prefix = "men" if r["documents_mentioning"] else "lead"
            href = rows_link(prefix, c.partnership_id, org=oid)
            cells.append(Participation(r["documents_mentioning"], r["activities_led"], href))
        rows.append(GridRow(name, cells, muted=kind))
    return rows
