"""``cspipe inspect``: what cspipe saw on a page, for a user meeting a new council template."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table


def _print_page(console: Console, info: dict[str, Any], records: dict[str, list[dict]]) -> None:
    orient = "landscape" if info["landscape"] else "portrait"
    console.rule(f"page {info['page']} ({orient}): {len(info['tables'])} table(s)")
    for n, t in enumerate(info["tables"], start=1):
        cols = t["columns"] or []
        mapping = ", ".join(f"{c['header'] or '?'}={c['role']}" for c in cols) if cols \
            else "no recognised header"
        console.print(f"[bold]table {n}[/] ({t['source']}, kind {t['kind']}) bbox {t['bbox']}")
        console.print(f"  columns: {mapping}")
        if t.get("default_lead"):
            console.print(f"  default lead from header: {t['default_lead']}")
        for note in t.get("notes") or []:
            console.print(f"  note: {note}")
        grid = Table(show_header=False, show_lines=True, pad_edge=False)
        for row in t["rows"][:40]:
            grid.add_row(row["kind"], *[(c or "")[:60] for c in row["cells"]])
        console.print(grid)
    for kind, rows in records.items():
        if rows:
            console.print(f"[bold]{kind} extracted on this page:[/] {len(rows)}")
            for r in rows[:30]:
                console.print("  - " + (r.get("description") or r.get("label") or "")[:110])
    for s in info["skipped"]:
        console.print(f"[yellow]skipped[/] page {s['page']}: {s['reason']}")


def inspect(
    file: Annotated[Path, typer.Argument(help="A PDF.")],
    page: Annotated[int | None, typer.Option("--page", help="1-based page; all pages if omitted.")] = None,
    png: Annotated[Path | None, typer.Option(
        "--png", help="Write the page with detected table cells drawn on it to this PNG.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Show the tables found on a page, their column mapping, the rows extracted and what was skipped."""
    from cspipe.extractors.actionplan import explain_page
    from cspipe.extractors.document import extract
    from cspipe.extractors.pdf import PdfError, open_pdf

    console = Console()
    try:
        extraction = extract(file)
        with open_pdf(file) as pages:
            chosen = [p for p in pages if page is None or p.number == page]
            if not chosen:
                typer.echo(f"{file} has no page {page} (it has {len(pages)})", err=True)
                raise typer.Exit(2)
            out = []
            for p in chosen:
                records = {
                    "activities": [a.model_dump() for a in extraction.activities if a.page == p.number],
                    "priorities": [x.model_dump() for x in extraction.priorities if x.page == p.number],
                    "kpis": [k.model_dump() for k in extraction.kpis if k.page == p.number],
                    "funding": [f.model_dump() for f in extraction.funding if f.page == p.number],
                }
                info = explain_page(p)
                out.append({**info, "records": records})
                if not as_json:
                    _print_page(console, info, records)
            if png is not None:
                image = chosen[0].plumber.to_image(resolution=110)
                image.debug_tablefinder()
                image.save(str(png))
                console.print(f"wrote {png}")
    except PdfError as exc:
        typer.echo(f"{file}: {exc}", err=True)
        raise typer.Exit(1) from exc
    if as_json:
        print(json.dumps(out, indent=2, default=str))
