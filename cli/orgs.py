"""``cspipe orgs``: curating organisation matches from the command line."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

orgs_app = typer.Typer(help="See and curate how organisation names are matched to the registry.",
                       no_args_is_help=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]


def _context(authority: str | None, date: str | None = None):  # -> MatchContext
    """The matching context a paper published by ``authority`` (a council's name) on ``date`` gives."""
    from cspipe.models import DocumentMeta, Extraction
    from cspipe.pipeline.match.partnerships import build_context

    meta = DocumentMeta(authority_text=authority, meeting_date=date)
    return build_context(Extraction(pages=0, meta=meta))[0]


def match_line(text: str, authority: str | None, cache: dict, date: str | None = None) -> dict:
    """One bulk-matching answer: {"text", "organisation_id", "name", "score"}."""
    from cspipe.pipeline.match.matcher import match_org

    if (authority, date) not in cache:
        cache[(authority, date)] = _context(authority, date)
    found = match_org(text, cache[(authority, date)])
    return {"text": text, "organisation_id": found.organisation_id if found else None,
            "name": found.name if found else None, "score": round(found.score, 1) if found else None}


@orgs_app.command("match")
def match_cmd(
    text: Annotated[str | None, typer.Argument(help="A name as a paper writes it, e.g. 'XCC'.")] = None,
    authority: Annotated[str | None, typer.Option(help="The publishing council's name (context).")] = None,
    date: Annotated[str | None, typer.Option(
        help="The paper's date, YYYY-MM-DD: chooses among bodies of other periods.")] = None,
    jsonl: Annotated[Path | None, typer.Option(
        "--jsonl", help='File (or - for stdin) of lines {"text": ..., "authority": ..., "date": ...}.')] = None,
) -> None:
    """Show how one string would match; with --jsonl, match many and write JSON lines to stdout."""
    cache: dict = {}
    if jsonl is not None:
        stream = sys.stdin if str(jsonl) == "-" else jsonl.open(encoding="utf-8")
        for n, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                typer.echo(f"line {n}: not JSON ({exc.msg})", err=True)
                raise typer.Exit(2) from exc
            answer = match_line(item["text"], item.get("authority"), cache, item.get("date") or date)
            print(json.dumps(answer), flush=False)
        return
    if text is None:
        typer.echo("give TEXT or --jsonl FILE", err=True)
        raise typer.Exit(2)
    answer = match_line(text, authority, cache, date)
    if answer["organisation_id"]:
        typer.echo(f"{text!r} -> {answer['name']} ({answer['organisation_id']}, score {answer['score']})")
    else:
        typer.echo(f"{text!r} -> no match")


@orgs_app.command("unmatched")
def unmatched(db: DbOption = Path("csp.db"),
              limit: Annotated[int, typer.Option(help="How many to show.")] = 50,
              as_json: Annotated[bool, typer.Option(
                  "--json", help="One JSON object per line, for scripts.")] = False) -> None:
    """Names that looked like organisations but matched nothing, most frequent first."""
    from rich.console import Console
    from rich.table import Table

    from cspipe.pipeline.store.load import open_readonly

    conn = open_readonly(db)
    rows = conn.execute(
        "SELECT text, sum(count) AS n, count(DISTINCT document_id) AS docs, "
        "max(best_guess) AS guess, max(score) AS score FROM org_candidates "
        "GROUP BY lower(text) ORDER BY n DESC, docs DESC, text LIMIT ?", [limit]).fetchall()
    conn.close()
    if as_json:
        for text, n, docs, guess, score in rows:
            print(json.dumps({"text": text, "times": n, "documents": docs, "best_guess": guess,
                              "score": score}))
        return
    table = Table(title="Unmatched organisation names")
    for col in ("text", "times", "documents", "best guess", "score"):
        table.add_column(col)
    for text, n, docs, guess, score in rows:
        table.add_row(text, str(n), str(docs), guess or "", f"{score:.0f}" if score else "")
    Console().print(table)


@orgs_app.command("alias")
def alias(text: Annotated[str, typer.Argument(help="The name as papers write it.")],
          organisation_id: Annotated[str, typer.Argument(help="Registry id it should match.")]) -> None:
    """Add an alias in your own alias file; later ingests and `orgs rematch` use it."""
    from cspipe.pipeline.match.registry import Registry, user_aliases_path

    if Registry.load().get(organisation_id) is None:
        typer.echo(f"unknown organisation id: {organisation_id}", err=True)
        raise typer.Exit(2)
    path = user_aliases_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    with path.open("a", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        if new:
            writer.writerow(["id", "alias", "abbreviation"])
        is_abbr = text.isupper() and " " not in text and len(text) <= 8
        writer.writerow([organisation_id, "" if is_abbr else text, text if is_abbr else ""])
    typer.echo(f"{text!r} -> {organisation_id} (saved in {path})")


@orgs_app.command("rematch")
def rematch(db: DbOption = Path("csp.db")) -> None:
    """Re-run organisation matching over every stored document, without parsing PDFs again."""
    from rich.console import Console
    from rich.progress import track

    from cspipe.pipeline.match.registry import Registry
    from cspipe.pipeline.match.resolve import resolve
    from cspipe.pipeline.match.rows import bundle
    from cspipe.pipeline.store.load import open_db, stored_extractions, write_document

    conn = open_db(db, create=False)
    registry = Registry.load()
    changed = 0
    try:
        stored = stored_extractions(conn)
        for doc_id, source, extraction in track(stored, description="rematch", transient=True,
                                                console=Console(stderr=True),
                                                disable=not sys.stderr.isatty()):
            before = _matches(conn, doc_id)
            write_document(conn, bundle(doc_id, source, extraction, resolve(extraction, registry)))
            changed += _matches(conn, doc_id) != before
    finally:
        conn.close()
    typer.echo(f"re-matched {len(stored)} documents ({changed} changed)")


def _matches(conn, document_id: str) -> list[tuple]:  # conn: sqlite_utils.Database
    """What matching decided for one document: its leads' and mentions' organisations."""
    leads = conn.execute(
        "SELECT l.raw, l.organisation_id FROM activity_leads l JOIN activities a "
        "ON a.id = l.activity_id WHERE a.document_id = ? ORDER BY a.id, l.raw", [document_id]).fetchall()
    mentions = conn.execute("SELECT organisation_id, page FROM org_mentions WHERE document_id = ? "
                            "ORDER BY organisation_id, page", [document_id]).fetchall()
    return [*map(tuple, leads), *map(tuple, mentions)]
