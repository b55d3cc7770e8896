"""The report's bar charts, drawn by matplotlib's SVG backend and inlined in the page.

Every bar or segment links (``set_url``) to the rows it counts and carries a tooltip;
sizes are in CSS pixels so the charts sit beside the HTML tables at the scale they had
when they were hand-written SVG. Nothing here reads the database.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.axes import Axes

from cspipe.pipeline.outputs.compare import PROFILE_MEASURES, Comparison, short_name
from cspipe.pipeline.outputs.report.grids import pct
from cspipe.pipeline.outputs.report.links import MEASURE_FLAGS, rows_link
from cspipe.pipeline.outputs.report.svg import drawing, frame, inline_svg
from cspipe.pipeline.store.views import STATUS_GROUPS

PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
)
STATUS_COLOURS = {
    "complete": "#1a7f37",
    "on_track": "#5bb85d",
    "in_progress": "#9fd49c",
    "at_risk": "#f0ad4e",
    "off_track": "#d9534f",
    "not_started": "#8e9bb0",
    "other": "#c7b8e0",
    "not_stated": "#e4e7ec",
}
TRACK = "#f1f3f7"  # the unfilled part of a 0-100% bar
BARS = {"clip_on": False}  # bars lie inside their axes by construction: no clip paths
MUTED = "#5b6475"
#: Profile measures drawn as bars (shares only; the status shares have their own chart).
BAR_MEASURES = [
    (m, label)
    for m, label, share in PROFILE_MEASURES
    if share and m not in ("share_complete", "share_on_track", "share_at_risk")
]


def money(v: float) -> str:
    """£ at the precision an axis needs: £1.2m, £25k, £900."""
    if v >= 1_000_000:
        return f"£{v / 1_000_000:,.1f}m"
    if v >= 10_000:
        return f"£{v / 1000:,.0f}k"
    return f"£{v:,.0f}"


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def _link(mark: Artist, href: str, tip: str, tips: dict[str, str]) -> None:
    """Make a bar (or text) a link to the rows behind it, with its tooltip."""
    if href:
        mark.set_url(href)
    gid = f"tip-{len(tips)}"
    mark.set_gid(gid)
    tips[gid] = tip


def _top_down(ax: Axes, rows: int) -> None:
    """Row i spans y = i..i+1, the first on top (an empty chart keeps a valid scale)."""
    ax.set_ylim(max(rows, 1), 0)


def _label_rows(ax: Axes, names: Sequence[str], px: float) -> None:
    """Partnership (or row) names right-aligned 8 px left of the plot, one per row."""
    for i, name in enumerate(names):
        ax.text(-8 * px, i + 0.5, name, ha="right", va="center")


def profile_panels(comparisons: Sequence[Comparison]) -> list[str]:
    """Small multiples: one panel per profile measure, one 0-100% bar per partnership."""
    panels = []
    for k, (measure, label) in enumerate(BAR_MEASURES):
        rows = []
        for c in comparisons:
            share = c.profile.get(measure)
            count = round((share or 0) * (c.profile.get("activities") or 0))
            name = short_name(c.partnership)
            href = rows_link("act", c.partnership_id, **{MEASURE_FLAGS[measure]: "1"})
            tip = f"{name}: {count} of {c.profile.get('activities')} activities {label}"
            rows.append((name, share, href, tip))
        panels.append(_hbar_panel(f"Share {label}", rows, colour(k)))
    return panels


def _hbar_panel(title: str, rows: list[tuple[str, float | None, str, str]], fill: str) -> str:
    """One panel of horizontal 0-100% bars: rows of (label, share, href, tooltip)."""
    width, label_w, right, top, row_h = 330, 120, 44, 22, 20
    height = top + row_h * len(rows) + 6
    px = 1 / (width - label_w - right)  # one pixel in data units (x runs 0..1)
    tips: dict[str, str] = {}
    with drawing(title):
        fig, ax = frame(width, height, label_w, top, right, 6)
        ax.set_xlim(0, 1)
        _top_down(ax, len(rows))
        fig.text(0, 1 - 13 / height, title, fontweight="bold")
        for i, (label, share, href, tip) in enumerate(rows):
            y = i + 0.5
            ax.text(-6 * px, y, label, ha="right", va="center")
            ax.barh(y, 1, height=0.7, color=TRACK, **BARS)
            if share is None:
                ax.text(4 * px, y, "no activities", va="center", color=MUTED)
                continue
            if not share:
                _link(ax.text(1 + 4 * px, y, "0%", va="center"), "", tip, tips)
                continue
            (bar,) = ax.barh(y, max(share, 1.5 * px), height=0.7, color=fill, **BARS)
            _link(bar, href, tip, tips)
            ax.text(1 + 4 * px, y, pct(share), va="center")
        return inline_svg(fig, None, title, tips)


def status_chart(comparisons: Sequence[Comparison]) -> str:
    """One 100% stacked bar per partnership: its activities by status group."""
    label_w, bar_w, row_h = 170, 520, 22
    height = 6 + row_h * len(comparisons) + 6
    px = 1 / bar_w
    tips: dict[str, str] = {}
    with drawing("chart-status"):
        fig, ax = frame(label_w + bar_w + 10, height, label_w, 6, 10, 6)
        ax.set_xlim(0, 1)
        _top_down(ax, len(comparisons))
        _label_rows(ax, [short_name(c.partnership) for c in comparisons], px)
        for i, c in enumerate(comparisons):
            left = 0.0
            for group in STATUS_GROUPS:
                share = c.status_mix.get(group)
                if not share:
                    continue
                (seg,) = ax.barh(
                    i + 0.5,
                    share,
                    left=left,
                    height=16 / row_h,
                    color=STATUS_COLOURS[group],
                    **BARS,
                )
                tip = f"{short_name(c.partnership)}: {group.replace('_', ' ')} {pct(share)}"
                _link(seg, rows_link("act", c.partnership_id, status=group), tip, tips)
                left += share
            if not c.status_mix:
                ax.text(4 * px, i + 0.5, "no activities", va="center")
        return inline_svg(fig, "chart-status", "Status mix", tips)


def funding_years(comparisons: Sequence[Comparison]) -> list[str]:
    """Financial years with any funding, in order ('unknown' last)."""
    years = {f["financial_year"] for c in comparisons for f in c.funding}
    return sorted(years, key=lambda y: (y == "unknown", y))


def funding_chart(comparisons: Sequence[Comparison]) -> str | None:
    """Grouped bars: financial year on x, one bar per partnership, log-scaled pounds on y."""
    years = funding_years(comparisons)
    if not years:
        return None
    amounts = [f["amount_gbp"] for c in comparisons for f in c.funding if f["amount_gbp"] > 0]
    lo = 10 ** (math.ceil(math.log10(min(amounts))) - 1) if amounts else 1
    hi = max(10 ** math.ceil(math.log10(max(amounts))) if amounts else 10, lo * 10)
    bar, gap, plot_h = 14, 18, 240
    group_w = bar * len(comparisons) + gap
    lowest = lo * (hi / lo) ** (1.5 / plot_h)  # a bar is at least 1.5 px tall
    tips: dict[str, str] = {}
    with drawing("chart-funding"):
        fig, ax = frame(64 + group_w * len(years) + 10, 10 + plot_h + 40, 64, 10, 10, 40)
        ax.set_axis_on()
        ax.patch.set_visible(False)
        ax.set_yscale("log")
        ax.set_ylim(lo, hi)
        ax.set_xlim(0, group_w * len(years))
        decades = [lo * 10**k for k in range(round(math.log10(hi / lo)) + 1)]
        ax.set_yticks(decades, [money(t) for t in decades])
        ax.minorticks_off()
        centres = [gap / 2 + j * group_w + bar * len(comparisons) / 2 for j in range(len(years))]
        ax.set_xticks(centres, years)
        ax.tick_params(length=0, pad=6)
        ax.grid(axis="y", color="#eceff4", linewidth=1, **BARS)
        ax.set_axisbelow(True)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        for i, c in enumerate(comparisons):
            by_year = {f["financial_year"]: f for f in c.funding}
            for j, year in enumerate(years):
                f = by_year.get(year)
                if f is None or f["amount_gbp"] <= 0:
                    continue
                x = gap / 2 + j * group_w + i * bar
                top = max(f["amount_gbp"], lowest)
                (rect,) = ax.bar(
                    x, top - lo, bottom=lo, width=bar - 2, align="edge", color=colour(i), **BARS
                )
                tip = f"{short_name(c.partnership)} {year}: £{f['amount_gbp']:,.0f} ({f['items']} items)"
                _link(rect, rows_link("fund", c.partnership_id, fy=year), tip, tips)
        return inline_svg(fig, "chart-funding", "Funding by financial year", tips)


def lead_kinds(comparisons: Sequence[Comparison]) -> list[str]:
    """Kinds of lead organisation present, 'all partners' and 'unmatched' last."""
    kinds = {k for c in comparisons for k in c.lead_mix}
    return sorted(kinds, key=lambda k: (k in ("all_partners", "unmatched"), k))


def lead_mix_chart(comparisons: Sequence[Comparison]) -> str | None:
    """Partnership x kind of lead organisation: a bar per cell, length = share of activities."""
    kinds = lead_kinds(comparisons)
    if not kinds:
        return None
    cell_w, row_h, track = 84, 24, 54  # px; a cell's bar track is 54 of its 84
    px = 1 / cell_w  # x runs in cells
    tips: dict[str, str] = {}
    with drawing("chart-leads"):
        width = 170 + cell_w * len(kinds) + 10
        fig, ax = frame(width, 60 + row_h * len(comparisons) + 6, 170, 60, 10, 6)
        ax.set_xlim(0, len(kinds))
        _top_down(ax, len(comparisons))
        for j, kind in enumerate(kinds):
            ax.text(
                j + 8 * px,
                -6 / row_h,
                kind.replace("_", " "),
                rotation=30,
                rotation_mode="anchor",
                ha="left",
                va="baseline",
            )
        _label_rows(ax, [short_name(c.partnership) for c in comparisons], px)
        for i, c in enumerate(comparisons):
            y = i + 0.5
            for j, kind in enumerate(kinds):
                bar = {"left": j + 2 * px, "height": 16 / row_h, **BARS}
                ax.barh(y, track * px, color=TRACK, **bar)
                share = c.lead_mix.get(kind)
                if not share:
                    continue
                (rect,) = ax.barh(y, max(share * track, 1.5) * px, color=colour(j), **bar)
                tip = (
                    f"{short_name(c.partnership)}: {pct(share)} of activities led by "
                    f"{kind.replace('_', ' ')}"
                )
                _link(rect, rows_link("lead", c.partnership_id, kind=kind), tip, tips)
                ax.text(j + (cell_w - 26) * px, y, pct(share), va="center")
        return inline_svg(fig, "chart-leads", "Lead mix", tips)
