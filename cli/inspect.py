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


def _stored_extraction(file: Path, db: Path | None):  # -> Extraction | None
    """The extraction ``cspipe ingest`` kept for this file's bytes, when ``db`` holds it."""
    import hashlib

    from cspipe.models import Extraction
    from cspipe.pipeline.store.load import DatabaseError, open_readonly

    if db is None or not db.is_file():
        return None
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    try:
        database = open_readonly(db)
    except DatabaseError:
        return None
    try:
        row = database.execute("SELECT json FROM extractions WHERE document_id = ?", [digest]).fetchone()
    finally:
        database.close()
    return Extraction.model_validate_json(row[0]) if row else None


def _draw(view: Any, info: dict[str, Any], png: Path) -> None:
    """The page with cspipe's own tables drawn on it: each table's box, its column boundaries,
    and the role cspipe gave each column written at the column's head."""
    from PIL import ImageDraw

    resolution = 110
    scale = resolution / 72
    image = view.plumber.to_image(resolution=resolution)
    for n, table in enumerate(info["tables"]):
        colour = COLOURS[n % len(COLOURS)]
        x0, top, x1, bottom = table["bbox"]
        image.draw_rect((x0, top, x1, bottom), fill=None, stroke=colour, stroke_width=3)
        for x in table["column_x"]:
            image.draw_line([(x, top), (x, bottom)], stroke=colour, stroke_width=1)
    picture = image.annotated.convert("RGB")
    pen = ImageDraw.Draw(picture)
    for n, table in enumerate(info["tables"]):
        xs, top = table["column_x"], table["bbox"][1]
        for i, column in enumerate(table["columns"] or []):
            if i < len(xs):
                pen.text((xs[i] * scale + 3, max(top * scale - 13, 0)), column["role"],
                         fill=COLOURS[n % len(COLOURS)])
    picture.save(str(png))


#: one colour per table on the page, in order
COLOURS = ("#d62728", "#1f77b4", "#2ca02c", "#9467bd")


def inspect(
    file: Annotated[Path, typer.Argument(help="A PDF.")],
    page: Annotated[int | None, typer.Option("--page", help="1-based page; all pages if omitted.")] = None,
    png: Annotated[Path | None, typer.Option(
        "--png", help="Write the page with cspipe's own tables (boxes, column boundaries) drawn on it.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    db: Annotated[Path | None, typer.Option(
        "--db", help="Take the records from this database's stored extraction of the file "
                     "(fast: only the page itself is read); default csp.db when it exists.")] = None,
) -> None:
    """Show the tables found on a page, their column roles, the rows extracted and what was skipped."""
    from cspipe.extractors.actionplan import explain_page
    from cspipe.extractors.document import extract
    from cspipe.extractors.pdf import PdfError, open_pdf

    console = Console()
    if not file.is_file():
        typer.echo(f"no such file: {file}", err=True)
        raise typer.Exit(2)
    try:
        extraction = _stored_extraction(file, db or Path("csp.db"))
        if extraction is None:
            extraction = extract(file)
            if not as_json:
                console.print("[dim]records from reading the whole document (ingest it and pass "
                              "--db to read only the page)[/]")
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
                _draw(chosen[0], out[0], png)
                if not as_json:
                    console.print(f"wrote {png}")
    except PdfError as exc:
        typer.echo(f"{file}: {exc}", err=True)
        raise typer.Exit(2) from exc
    if as_json:
        print(json.dumps(out, indent=2, default=str))
