"""The comparison as one self-contained HTML file: Jinja templates fed by the query layer.

``queries`` reads the rows, ``grids``/``tables`` shape them, ``charts`` draws the bars
with matplotlib; the templates in ``pipeline/outputs/templates`` lay it all out with
report.css and report.js inlined, so the file opens offline in any browser. Every chart
mark links to the table rows behind it and every row to its document's published URL at
its page (a document read from a local file gets a note instead: a relative path would
break as soon as the file is moved or sent).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from cspipe.models.vocab import THEMES
from cspipe.pipeline.outputs.compare import PROFILE_MEASURES, short_name
from cspipe.pipeline.outputs.report import charts
from cspipe.pipeline.outputs.report.grids import heatmap, participation_grid, profile_grid
from cspipe.pipeline.outputs.report.links import LOCAL_NOTE
from cspipe.pipeline.outputs.report.queries import ReportData, fetch
from cspipe.pipeline.outputs.report.sections import comparator_panels, documents, timeline_panels
from cspipe.pipeline.outputs.report.tables import row_tables

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
TITLE = "Community Safety Partnerships compared"


@dataclass
class ReportStats:
    """What went into the report (for the command's summary line and tests)."""

    partnerships: int
    documents: int
    priorities: int
    activities: int
    funding_rows: int
    bytes: int


def environment() -> Environment:
    """Templates autoescaped; a missing name is an error, not an empty string."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["spaced"] = lambda s: str(s).replace("_", " ")
    return env


def _svg(svg: str | None) -> Markup | None:
    """matplotlib's SVG, already escaped where it holds text, as markup for the template."""
    return None if svg is None else Markup(svg)


def context(data: ReportData, title: str) -> dict[str, Any]:
    """Everything the template shows, as plain values and SVG strings."""
    comparisons = data.comparisons
    stats = ReportStats(
        len(comparisons),
        data.documents,
        len(data.priorities),
        len(data.activities),
        len(data.funding),
        0,
    )
    return {
        "title": title,
        "stats": stats,
        "generated": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "themes": THEMES,
        "heat": heatmap(data),
        "profile_panels": [Markup(p) for p in charts.profile_panels(comparisons)],
        "status_legend": [(g.replace("_", " "), c) for g, c in charts.STATUS_COLOURS.items()],
        "status_chart": _svg(charts.status_chart(comparisons)),
        "profile_measures": PROFILE_MEASURES,
        "profile": profile_grid(data),
        "tables": row_tables(data),
        "documents": documents(data),
        "local_note": LOCAL_NOTE,
        "peer_panels": comparator_panels(data),
        "timelines": timeline_panels(data),
        "lead_chart": _svg(charts.lead_mix_chart(comparisons)),
        "funding_chart": _svg(charts.funding_chart(comparisons)),
        "funding_legend": [
            (short_name(c.partnership), charts.colour(i)) for i, c in enumerate(comparisons)
        ],
        "partnerships": [short_name(c.partnership) for c in comparisons],
        "participation": participation_grid(data),
    }


def render(db: sqlite_utils.Database, title: str = TITLE) -> tuple[str, ReportStats]:
    """The report's HTML and what it holds (links to published documents only, so the file
    works wherever it is opened)."""
    values = context(fetch(db), title)
    page = environment().get_template("report.html.j2").render(values)
    stats: ReportStats = values["stats"]
    stats.bytes = len(page.encode("utf-8"))
    return page, stats


def build_report(db_path: str | Path, out: str | Path) -> ReportStats:
    """Write the report for ``db_path`` to ``out``."""
    from cspipe.pipeline.store.load import open_readonly

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    db = open_readonly(db_path)
    try:
        page, stats = render(db)
    finally:
        db.close()
    out.write_text(page, encoding="utf-8")
    return stats
