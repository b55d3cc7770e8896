"""The comparison as one self-contained HTML file: inline CSS, JS and SVG charts, no CDN.

Every chart element links to the table rows behind it (``#<tbody id>?<attr>=<value>``;
a few lines of inline JS show only those rows), and every row links to its
document and page (``source#page=N``). Charts are drawn here as SVG, so the
file opens offline and in any browser.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import os
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlite_utils

from cspipe.models.vocab import THEMES
from cspipe.pipeline.outputs.compare import PROFILE_MEASURES, Comparison, load, short_name
from cspipe.pipeline.store.views import STATUS_GROUPS

TEMPLATES = Path(__file__).parent / "templates"

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
#: Profile measures drawn as bars (shares only).
BAR_MEASURES = [
    (m, label)
    for m, label, share in PROFILE_MEASURES
    if share and m not in ("share_complete", "share_on_track", "share_at_risk")
]

_e = html.escape


@dataclass
class ReportStats:
    """What went into the report (for the command's summary line and tests)."""

    partnerships: int
    documents: int
    priorities: int
    activities: int
    funding_rows: int
    bytes: int


def _anchor(*parts: str) -> str:
    return "-".join(re.sub(r"[^a-z0-9_-]+", "-", p.lower()) for p in parts)


def _link(tbody: str, **filters: str) -> str:
    query = "&".join(f"{k}={quote(str(v), safe='')}" for k, v in filters.items())
    return "#" + tbody + (f"?{query}" if query else "")


def source_href(source: str, out_dir: Path, page: int | None = None) -> str:
    """Link to a document (and page): URLs as they are, local files relative to the report."""
    if re.match(r"^https?://", source, re.I):
        base = source
    else:
        path = Path(source)
        if not path.is_absolute():
            path = Path.cwd() / path
        if path.exists():
            try:
                base = quote(Path(os.path.relpath(path, out_dir)).as_posix())
            except ValueError:  # another drive
                base = path.as_uri()
        else:
            base = path.as_uri() if path.is_absolute() else quote(source)
    return f"{base}#page={page}" if page else base


def _money(v: float) -> str:
    if v >= 1_000_000:
        return f"£{v / 1_000_000:,.1f}m"
    if v >= 10_000:
        return f"£{v / 1000:,.0f}k"
    return f"£{v:,.0f}"


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.0%}"


def _blend(share: float) -> str:
    """Light grey-blue (0) to dark blue (1)."""
    lo, hi = (238, 242, 248), (31, 78, 156)
    return "#" + "".join(f"{round(a + (b - a) * share):02x}" for a, b in zip(lo, hi, strict=True))


# ---- charts ----------------------------------------------------------------------------------


def heatmap(comparisons: Sequence[Comparison], matrix: Iterable[dict[str, Any]]) -> str:
    """Partnership x theme: shade = share of its documents naming the theme; dot = latest."""
    cells = {(r["partnership_id"], r["theme"]): r for r in matrix}
    cw, ch, left, top = 40, 26, 170, 118
    w, h = left + cw * len(THEMES) + 10, top + ch * len(comparisons) + 10
    out = [
        f'<svg id="chart-priorities" role="img" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" aria-label="Priority themes by partnership">'
    ]
    for j, theme in enumerate(THEMES):
        x = left + j * cw + cw / 2
        out.append(
            f'<text transform="translate({x + 4},{top - 6}) rotate(-55)">'
            f"{_e(theme.replace('_', ' '))}</text>"
        )
    for i, c in enumerate(comparisons):
        y = top + i * ch
        out.append(
            f'<text x="{left - 8}" y="{y + ch / 2 + 4}" text-anchor="end">'
            f"{_e(short_name(c.partnership))}</text>"
        )
        for j, theme in enumerate(THEMES):
            r = cells.get((c.partnership_id, theme))
            x = left + j * cw
            docs = r["documents"] if r else 0
            if not docs:
                out.append(
                    f'<rect x="{x + 1}" y="{y + 1}" width="{cw - 2}" height="{ch - 2}" '
                    f'fill="#f6f7f9"><title>{_e(short_name(c.partnership))}: '
                    f"{_e(theme)} not named</title></rect>"
                )
                continue
            share = r["share"] or 0.0
            tip = (
                f"{short_name(c.partnership)}: {theme} named in {docs} of {r['of_documents']} "
                f"documents{' (and the latest)' if r['in_latest'] else ''} – {r['labels']}"
            )
            dot = (
                f'<circle cx="{x + cw / 2}" cy="{y + ch / 2}" r="4" '
                f'fill="{"#fff" if share > 0.5 else "#1f4e9c"}"/>'
                if r["in_latest"]
                else ""
            )
            out.append(
                f'<a href="{_link(_anchor("pri", c.partnership_id), theme=theme)}">'
                f'<rect x="{x + 1}" y="{y + 1}" width="{cw - 2}" height="{ch - 2}" '
                f'fill="{_blend(share)}"/>{dot}<title>{_e(tip)}</title></a>'
            )
    out.append("</svg>")
    return "".join(out)


def _hbar_panel(
    title: str,
    rows: list[tuple[str, float | None, str, str]],
    colour: str,
    width: int = 330,
    label_w: int = 120,
) -> str:
    """One small-multiple panel of horizontal 0-100% bars: (label, share, href, tooltip)."""
    bh, top = 20, 22
    h = top + bh * len(rows) + 6
    bw = width - label_w - 44
    out = [
        f'<svg role="img" width="{width}" height="{h}" viewBox="0 0 {width} {h}" '
        f'aria-label="{_e(title)}"><text x="0" y="13" font-weight="600">{_e(title)}</text>'
    ]
    for i, (label, share, href, tip) in enumerate(rows):
        y = top + i * bh
        out.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{_e(label)}</text>')
        out.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{bw}" height="{bh - 6}" fill="#f1f3f7"/>'
        )
        if share is None:
            out.append(f'<text x="{label_w + 4}" y="{y + 14}" class="muted">no activities</text>')
            continue
        if not share:
            out.append(
                f'<text x="{label_w + bw + 4}" y="{y + 14}">0%<title>{_e(tip)}</title></text>'
            )
            continue
        out.append(
            f'<a href="{href}"><rect x="{label_w}" y="{y + 3}" '
            f'width="{max(share * bw, 1.5):.1f}" height="{bh - 6}" fill="{colour}"/>'
            f"<title>{_e(tip)}</title></a>"
            f'<text x="{label_w + bw + 4}" y="{y + 14}">{_pct(share)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def profile_bars(comparisons: Sequence[Comparison]) -> str:
    """Small multiples: one panel per profile measure, one bar per partnership."""
    flag = {
        "share_kpi": "kpi",
        "share_target": "target",
        "share_lead_org": "lead_org",
        "share_all_partners": "all_partners",
        "share_any_lead": "lead",
        "share_due_date": "due",
        "share_status_stated": "status_stated",
    }
    panels = []
    for k, (measure, label) in enumerate(BAR_MEASURES):
        rows = []
        for c in comparisons:
            share = c.profile.get(measure)
            count = round((share or 0) * (c.profile.get("activities") or 0))
            rows.append(
                (
                    short_name(c.partnership),
                    share,
                    _link(_anchor("act", c.partnership_id), **{flag[measure]: "1"}),
                    f"{short_name(c.partnership)}: {count} of {c.profile.get('activities')} "
                    f"activities {label}",
                )
            )
        panels.append(_hbar_panel(f"Share {label}", rows, PALETTE[k % len(PALETTE)]))
    return (
        '<div id="chart-profile" style="display:flex;flex-wrap:wrap;gap:6px 18px">'
        + "".join(panels)
        + "</div>"
    )


def status_bars(comparisons: Sequence[Comparison]) -> str:
    """One 100% stacked bar per partnership: its activities by status group."""
    label_w, bw, bh, top = 170, 520, 22, 6
    h = top + bh * len(comparisons) + 6
    w = label_w + bw + 10
    out = [
        f'<svg id="chart-status" role="img" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        f'aria-label="Status mix">'
    ]
    for i, c in enumerate(comparisons):
        y = top + i * bh
        out.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">'
            f"{_e(short_name(c.partnership))}</text>"
        )
        x = float(label_w)
        for group in STATUS_GROUPS:
            share = c.status_mix.get(group)
            if not share:
                continue
            seg = share * bw
            out.append(
                f'<a href="{_link(_anchor("act", c.partnership_id), status=group)}">'
                f'<rect x="{x:.1f}" y="{y + 3}" width="{seg:.1f}" height="{bh - 6}" '
                f'fill="{STATUS_COLOURS[group]}"/><title>{_e(short_name(c.partnership))}: '
                f"{_e(group.replace('_', ' '))} {_pct(share)}</title></a>"
            )
            x += seg
        if not c.status_mix:
            out.append(f'<text x="{label_w + 4}" y="{y + 15}">no activities</text>')
    out.append("</svg>")
    return "".join(out)


def _legend(items: Iterable[tuple[str, str]]) -> str:
    return (
        '<div class="legend">'
        + "".join(f'<span style="--c:{colour}">{_e(label)}</span>' for label, colour in items)
        + "</div>"
    )


def funding_chart(comparisons: Sequence[Comparison]) -> str:
    """Grouped bars: financial year on x, one bar per partnership, log-scaled pounds on y."""
    years = sorted(
        {f["financial_year"] for c in comparisons for f in c.funding},
        key=lambda y: (y == "unknown", y),
    )
    if not years:
        return '<p class="note">No funding stated.</p>'
    amounts = [f["amount_gbp"] for c in comparisons for f in c.funding if f["amount_gbp"] > 0]
    lo = 10 ** (math.ceil(math.log10(min(amounts))) - 1) if amounts else 1
    hi = 10 ** math.ceil(math.log10(max(amounts))) if amounts else 10
    hi = max(hi, lo * 10)
    n = len(comparisons)
    bar, gap, left, top, plot_h = 14, 18, 64, 10, 240
    group_w = bar * n + gap
    w, h = left + group_w * len(years) + 10, top + plot_h + 40

    def y_of(v: float) -> float:
        v = max(v, lo)
        return (
            top
            + plot_h
            - plot_h * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
        )

    out = [
        f'<svg id="chart-funding" role="img" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        f'aria-label="Funding by financial year">'
    ]
    tick = lo
    while tick <= hi:
        y = y_of(tick)
        out.append(
            f'<line class="grid" x1="{left}" x2="{w - 10}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_money(tick)}</text>'
        )
        tick *= 10
    out.append(
        f'<line class="axis" x1="{left}" x2="{w - 10}" y1="{top + plot_h}" y2="{top + plot_h}"/>'
    )
    for j, year in enumerate(years):
        gx = left + gap / 2 + j * group_w
        out.append(
            f'<text x="{gx + bar * n / 2:.1f}" y="{top + plot_h + 16}" '
            f'text-anchor="middle">{_e(year)}</text>'
        )
        for i, c in enumerate(comparisons):
            f = next((f for f in c.funding if f["financial_year"] == year), None)
            if f is None or f["amount_gbp"] <= 0:
                continue
            y = y_of(f["amount_gbp"])
            out.append(
                f'<a href="{_link(_anchor("fund", c.partnership_id), fy=year)}">'
                f'<rect x="{gx + i * bar:.1f}" y="{y:.1f}" width="{bar - 2}" '
                f'height="{max(top + plot_h - y, 1.5):.1f}" fill="{PALETTE[i % len(PALETTE)]}"/>'
                f"<title>{_e(short_name(c.partnership))} {_e(year)}: "
                f"£{f['amount_gbp']:,.0f} ({f['items']} items)</title></a>"
            )
    out.append("</svg>")
    legend = _legend(
        (short_name(c.partnership), PALETTE[i % len(PALETTE)]) for i, c in enumerate(comparisons)
    )
    return legend + out[0] + "".join(out[1:])


def lead_mix_chart(comparisons: Sequence[Comparison]) -> str:
    """Partnership x kind of lead organisation: a bar per cell, length = share of activities."""
    kinds = sorted(
        {k for c in comparisons for k in c.lead_mix},
        key=lambda k: (k in ("all_partners", "unmatched"), k),
    )
    if not kinds:
        return '<p class="note">No activity leads recorded.</p>'
    cw, ch, left, top = 84, 24, 170, 60
    w, h = left + cw * len(kinds) + 10, top + ch * len(comparisons) + 6
    out = [
        f'<svg id="chart-leads" role="img" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        f'aria-label="Lead mix">'
    ]
    for j, kind in enumerate(kinds):
        out.append(
            f'<text transform="translate({left + j * cw + 8},{top - 6}) rotate(-30)">'
            f"{_e(kind.replace('_', ' '))}</text>"
        )
    for i, c in enumerate(comparisons):
        y = top + i * ch
        out.append(
            f'<text x="{left - 8}" y="{y + 16}" text-anchor="end">'
            f"{_e(short_name(c.partnership))}</text>"
        )
        for j, kind in enumerate(kinds):
            x = left + j * cw
            out.append(
                f'<rect x="{x + 2}" y="{y + 4}" width="{cw - 30}" height="{ch - 8}" '
                f'fill="#f1f3f7"/>'
            )
            share = c.lead_mix.get(kind)
            if not share:
                continue
            out.append(
                f'<a href="{_link(_anchor("lead", c.partnership_id), kind=kind)}">'
                f'<rect x="{x + 2}" y="{y + 4}" width="{max(share * (cw - 30), 1.5):.1f}" '
                f'height="{ch - 8}" fill="{PALETTE[j % len(PALETTE)]}"/>'
                f"<title>{_e(short_name(c.partnership))}: {_pct(share)} of activities "
                f"led by {_e(kind.replace('_', ' '))}</title></a>"
                f'<text x="{x + cw - 26}" y="{y + 16}">{_pct(share)}</text>'
            )
    out.append("</svg>")
    return "".join(out)


# ---- tables ----------------------------------------------------------------------------------


def _row_table(
    table_id: str,
    title: str,
    headers: Sequence[str],
    groups: dict[str, tuple[str, list[tuple[dict[str, str], list[str]]]]],
    numeric: Sequence[int] = (),
) -> str:
    """A table of rows grouped in tbodies (link targets); each row has data-* filter attrs."""
    head = "".join(
        f'<th class="{"num" if i in numeric else ""}">{_e(h)}</th>' for i, h in enumerate(headers)
    )
    bodies = []
    for gid, (label, rows) in groups.items():
        trs = []
        for attrs, cells in rows:
            data = "".join(f' data-{k}="{_e(v)}"' for k, v in attrs.items())
            tds = "".join(
                f'<td class="{"num" if i in numeric else ""}">{c}</td>' for i, c in enumerate(cells)
            )
            trs.append(f"<tr{data}>{tds}</tr>")
        bodies.append(f'<tbody id="{gid}" data-label="{_e(label)}">{"".join(trs)}</tbody>')
    total = sum(len(rows) for _, rows in groups.values())
    return (
        f'<h3>{_e(title)} <span class="muted">({total} rows)</span></h3>'
        f'<div class="tablebar" data-table="{table_id}"><span class="selection"></span>'
        f'<button type="button" data-show-all="1">show all rows</button></div>'
        f'<div class="scroll"><table class="rows" id="{table_id}"><thead><tr>{head}</tr>'
        f"</thead>{''.join(bodies)}</table></div>"
    )


def _page_link(source: str, page: int | None, out_dir: Path) -> str:
    return f'<a class="page" href="{_e(source_href(source, out_dir, page))}">p. {page}</a>'


def _doc_cell(r: dict[str, Any]) -> str:
    name = r.get("title") or Path(str(r["source"])).name
    date = f' <span class="muted">{_e(r["meeting_date"])}</span>' if r.get("meeting_date") else ""
    return _e(str(name)) + date


def _yes(v: Any) -> str:
    return '<span class="tick">✓</span>' if v else ""


def _grouped(
    rows: Iterable[dict[str, Any]], key: str, prefix: str, names: dict[str, str]
) -> dict[str, tuple[str, list[dict[str, Any]]]]:
    out: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    for r in rows:
        gid = _anchor(prefix, r[key])
        out.setdefault(gid, (short_name(names.get(r[key], r[key])), []))[1].append(r)
    return out


def _docs_join(alias: str = "d") -> str:
    return (
        f"JOIN documents {alias} ON {alias}.id = x.document_id "
        f"WHERE {alias}.partnership_id IS NOT NULL AND {alias}.status != 'failed'"
    )


def render(
    db: sqlite_utils.Database, out_dir: Path, title: str = "Community Safety Partnerships compared"
) -> tuple[str, ReportStats]:
    """The report's HTML and what it holds."""
    comparisons = load(db)
    names = {c.partnership_id: c.partnership for c in comparisons}
    order = {c.partnership_id: i for i, c in enumerate(comparisons)}
    matrix = list(db.query("SELECT * FROM priority_matrix"))
    pri = sorted(
        db.query(
            "SELECT d.partnership_id, x.theme, x.label, x.page, d.title, d.meeting_date, d.source "
            f"FROM priorities x {_docs_join()} ORDER BY x.theme, d.meeting_date, x.page"
        ),
        key=lambda r: order.get(r["partnership_id"], 99),
    )
    acts = list(
        db.query(
            "SELECT x.*, d.title, d.meeting_date FROM activity_facts x "
            "JOIN documents d ON d.id = x.document_id ORDER BY x.partnership_id, x.document_id, "
            "x.page, x.activity_id"
        )
    )
    leads = list(
        db.query(
            "SELECT f.partnership_id, l.organisation_id, o.name AS organisation, l.person, l.raw, "
            "CASE WHEN l.organisation_id = 'all-partners' THEN 'all_partners' "
            "WHEN l.organisation_id IS NULL THEN 'unmatched' ELSE coalesce(o.kind, 'other') END AS kind, "
            "f.description, f.source, f.page, f.title, f.meeting_date FROM activity_leads l "
            "JOIN (SELECT a.*, d.title, d.meeting_date FROM activity_facts a JOIN documents d "
            "ON d.id = a.document_id) f ON f.activity_id = l.activity_id "
            "LEFT JOIN organisations o ON o.id = l.organisation_id "
            "ORDER BY f.partnership_id, kind, organisation"
        )
    )
    funding = list(
        db.query(
            "SELECT x.*, d.title, d.meeting_date, fo.name AS funder, ro.name AS recipient "
            "FROM funding_items x JOIN documents d ON d.id = x.document_id "
            "LEFT JOIN organisations fo ON fo.id = x.funder_id "
            "LEFT JOIN organisations ro ON ro.id = x.recipient_id "
            "ORDER BY x.partnership_id, x.financial_year, x.page"
        )
    )
    participation = list(
        db.query("SELECT * FROM organisation_participation ORDER BY kind, organisation")
    )
    mentions = list(
        db.query(
            "SELECT d.partnership_id, x.organisation_id, o.name AS organisation, o.kind, x.text, "
            "x.page, d.title, d.meeting_date, d.source FROM org_mentions x "
            f"JOIN organisations o ON o.id = x.organisation_id {_docs_join()} "
            "ORDER BY o.name, d.meeting_date"
        )
    )
    documents = db.execute("SELECT count(*) FROM documents WHERE status != 'failed'").fetchone()[0]

    def groups(rows: list[dict[str, Any]], prefix: str, attrs: Any, cells: Any) -> dict[str, Any]:
        g = _grouped(rows, "partnership_id", prefix, names)
        return {
            gid: (label, [(attrs(r), cells(r)) for r in rs])
            for gid, (label, rs) in sorted(
                g.items(), key=lambda kv: order.get(kv[1][1][0]["partnership_id"], 99)
            )
        }

    pri_table = _row_table(
        "rows-priorities",
        "Priorities named",
        ["partnership", "theme", "priority as written", "document", "page"],
        groups(
            pri,
            "pri",
            lambda r: {"theme": r["theme"]},
            lambda r: [
                _e(short_name(names[r["partnership_id"]])),
                _e(r["theme"]),
                _e(r["label"]),
                _doc_cell(r),
                _page_link(r["source"], r["page"], out_dir),
            ],
        ),
    )
    act_table = _row_table(
        "rows-activities",
        "Activities",
        [
            "partnership",
            "theme",
            "activity",
            "leads",
            "KPI",
            "target",
            "due",
            "status",
            "document",
            "page",
        ],
        groups(
            acts,
            "act",
            lambda r: {
                "theme": r["theme"] or "",
                "status": r["status_group"],
                "kpi": str(r["has_kpi"]),
                "target": str(r["has_target"]),
                "lead_org": str(r["has_lead_org"]),
                "all_partners": str(r["led_by_all_partners"]),
                "lead": str(r["has_lead"]),
                "due": str(r["has_due_date"]),
                "status_stated": str(int(r["status_group"] != "not_stated")),
            },
            lambda r: [
                _e(short_name(names[r["partnership_id"]])),
                _e(r["theme"] or ""),
                _e(r["description"]),
                _e(r["leads"] or ""),
                _yes(r["has_kpi"]),
                _yes(r["has_target"]),
                _e(r["due_date"] or r["timescale"] or ""),
                _e(r["status"] or "") + f' <span class="muted">{_e(r["status_group"])}</span>',
                _doc_cell(r),
                _page_link(r["source"], r["page"], out_dir),
            ],
        ),
    )
    lead_table = _row_table(
        "rows-leads",
        "Activity leads",
        ["partnership", "kind", "organisation", "as written", "activity", "document", "page"],
        groups(
            leads,
            "lead",
            lambda r: {"kind": r["kind"], "org": r["organisation_id"] or ""},
            lambda r: [
                _e(short_name(names[r["partnership_id"]])),
                _e(r["kind"]),
                _e(r["organisation"] or ""),
                _e(r["raw"]),
                _e(r["description"]),
                _doc_cell(r),
                _page_link(r["source"], r["page"], out_dir),
            ],
        ),
    )
    fund_table = _row_table(
        "rows-funding",
        "Funding stated",
        [
            "partnership",
            "financial year",
            "from",
            "£",
            "what",
            "date",
            "period",
            "funder",
            "recipient",
            "document",
            "page",
        ],
        groups(
            funding,
            "fund",
            lambda r: {"fy": r["financial_year"]},
            lambda r: [
                _e(short_name(names[r["partnership_id"]])),
                _e(r["financial_year"]),
                _e(r["basis"]),
                f"{r['amount_gbp']:,.2f}",
                _e(r["description"]),
                _e(r["date"] or ""),
                _e(r["period"] or ""),
                _e(r["funder"] or ""),
                _e(r["recipient"] or ""),
                _doc_cell(r),
                _page_link(r["source"], r["page"], out_dir),
            ],
        ),
        numeric=(3,),
    )
    men_table = _row_table(
        "rows-mentions",
        "Organisation mentions",
        ["partnership", "organisation", "kind", "written as", "document", "first page"],
        groups(
            mentions,
            "men",
            lambda r: {"org": r["organisation_id"]},
            lambda r: [
                _e(short_name(names[r["partnership_id"]])),
                _e(r["organisation"]),
                _e(r["kind"]),
                _e(r["text"]),
                _doc_cell(r),
                _page_link(r["source"], r["page"], out_dir),
            ],
        ),
    )

    stats = ReportStats(len(comparisons), documents, len(pri), len(acts), len(funding), 0)
    body = [
        _section(
            "themes",
            "Priority themes",
            "Shade: share of a partnership's documents (those naming any priority) that name "
            "the theme; dot: named in its latest such document. Click a cell for the "
            "priorities behind it.",
            f"<figure>{heatmap(comparisons, matrix)}</figure>{pri_table}",
        ),
        _section(
            "profile",
            "Activity profile",
            "How specific each partnership's activities are. A 'named lead organisation' "
            "excludes 'All partners' (shown separately); a 'stated target' excludes "
            "placeholders such as TBC. Click a bar for the activities behind it.",
            f"<figure>{profile_bars(comparisons)}</figure>"
            f"<h3>Status mix</h3>{_legend((g.replace('_', ' '), c) for g, c in STATUS_COLOURS.items())}"
            f"<figure>{status_bars(comparisons)}</figure>"
            f"{_profile_table(comparisons)}{act_table}",
        ),
        _section(
            "leads",
            "Lead mix",
            "Share of each partnership's activities led by each kind of organisation "
            "(an activity with joint leads counts for each kind; 'unmatched' = a lead "
            "naming no known organisation, e.g. a person alone).",
            f"<figure>{lead_mix_chart(comparisons)}</figure>{lead_table}",
        ),
        _section(
            "funding",
            "Funding by financial year",
            "Sums stated in each partnership's documents, by UK financial year (April–March): "
            "the period the document names, else the date. Log scale; the same sum repeated "
            "with the same description in one year is counted once in the chart, listed "
            "every time below.",
            f"<figure>{funding_chart(comparisons)}</figure>{fund_table}",
        ),
        _section(
            "organisations",
            "Organisation participation",
            "Which organisations appear in which partnerships: documents mentioning them "
            "/ activities they lead.",
            _participation_table(comparisons, participation) + men_table,
        ),
    ]
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    generated = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{css}</style></head><body>"
        f"<header><h1>{_e(title)}</h1><p>{stats.partnerships} partnerships, {documents} documents, "
        f"{stats.priorities} priorities, {stats.activities} activities, {stats.funding_rows} "
        f"funding rows. Generated by cspipe on {generated}.</p></header>"
        '<nav><a href="#themes">Themes</a><a href="#profile">Activity profile</a>'
        '<a href="#leads">Lead mix</a><a href="#funding">Funding</a>'
        '<a href="#organisations">Organisations</a></nav>'
        f"<main>{''.join(body)}</main><script>{js}</script></body></html>\n"
    )
    stats.bytes = len(page.encode("utf-8"))
    return page, stats


def _section(sid: str, title: str, note: str, content: str) -> str:
    return (
        f'<section id="{sid}"><h2>{_e(title)}</h2><p class="note">{_e(note)}</p>{content}</section>'
    )


def _profile_table(comparisons: Sequence[Comparison]) -> str:
    head = "".join(f'<th class="num">{_e(label)}</th>' for _, label, _ in PROFILE_MEASURES)
    rows = []
    for c in comparisons:
        tds = "".join(
            f'<td class="num">{_pct(c.profile.get(m)) if s else c.profile.get(m)}</td>'
            for m, _, s in PROFILE_MEASURES
        )
        name = _e(short_name(c.partnership))
        if c.profile.get("activities"):
            name = f'<a href="{_link(_anchor("act", c.partnership_id))}">{name}</a>'
        rows.append(f"<tr><td>{name}</td>{tds}</tr>")
    med = []
    for m, _, s in PROFILE_MEASURES:
        vals = [v for c in comparisons if (v := c.profile.get(m)) is not None]
        v = statistics.median(vals) if vals else None
        med.append(f'<td class="num">{_pct(v) if s else ("–" if v is None else f"{v:g}")}</td>')
    rows.append(f'<tr class="muted"><td>median</td>{"".join(med)}</tr>')
    return (
        f'<h3>Profile table</h3><div class="wide"><table class="grid"><thead><tr><th>partnership</th>{head}'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _participation_table(comparisons: Sequence[Comparison], rows: list[dict[str, Any]]) -> str:
    cells: dict[str, dict[str, dict[str, Any]]] = {}
    orgs: dict[str, tuple[str, str]] = {}
    for r in rows:
        cells.setdefault(r["organisation_id"], {})[r["partnership_id"]] = r
        orgs[r["organisation_id"]] = (r["organisation"], r["kind"])
    head = "".join(f'<th class="num">{_e(short_name(c.partnership))}</th>' for c in comparisons)
    trs = []
    for oid, (name, kind) in orgs.items():
        tds = []
        for c in comparisons:
            r = cells[oid].get(c.partnership_id)
            if r is None:
                tds.append('<td class="num"></td>')
                continue
            target = (
                _link(_anchor("men", c.partnership_id), org=oid)
                if r["documents_mentioning"]
                else _link(_anchor("lead", c.partnership_id), org=oid)
            )
            tds.append(
                f'<td class="num"><a href="{target}">{r["documents_mentioning"]} / '
                f"{r['activities_led']}</a></td>"
            )
        trs.append(f'<tr><td>{_e(name)}</td><td class="muted">{_e(kind)}</td>{"".join(tds)}</tr>')
    return (
        f'<div class="scroll"><table class="grid" id="participation"><thead><tr>'
        f"<th>organisation</th><th>kind</th>{head}</tr></thead><tbody>{''.join(trs)}"
        f"</tbody></table></div>"
    )


def build_report(db_path: str | Path, out: str | Path) -> ReportStats:
    """Write the report for ``db_path`` to ``out`` (links to documents relative to it)."""
    from cspipe.pipeline.store.load import open_readonly

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    db = open_readonly(db_path)
    try:
        page, stats = render(db, out.parent.resolve())
    finally:
        db.close()
    out.write_text(page, encoding="utf-8")
    return stats
