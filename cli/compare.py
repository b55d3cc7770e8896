"""The read-side commands: ``compare`` and ``report`` here; ``search``, ``serve``, ``metadata``
and ``export`` from ``cspipe.cli.share``.

``register(app)`` adds them all to the main ``cspipe`` typer app (cli/main.py).
They only read the database; each refuses a path that holds no database rather
than creating an empty one.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database written by `cspipe ingest`.")]


class CompareFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def _existing(db: Path) -> Path:
    if not db.is_file():
        typer.echo(f"No database at {db}; run `cspipe ingest ... --db {db}` first.", err=True)
        raise typer.Exit(2)
    return db


class GroupKind(StrEnum):
    all = "all"
    county = "county"
    force = "force"
    type = "type"
    nearest = "nearest"
    list = "list"


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(2)


def compare(
    partnership: Annotated[
        str | None,
        typer.Option("--partnership", help="Benchmark this partnership (its id, name or area, "
                                           "e.g. 'East Suffolk') against its comparator group."),
    ] = None,
    group: Annotated[
        GroupKind | None,
        typer.Option("--group", help="Comparator group for --partnership: all (default), "
                                     "county, force (police force area), type (council type), "
                                     "nearest (closest population) or list (--members)."),
    ] = None,
    members: Annotated[
        str | None,
        typer.Option("--members", help="With --group list: the partnerships to compare with, "
                                       "comma-separated (ids or names as printed)."),
    ] = None,
    over_time: Annotated[
        str | None,
        typer.Option("--over-time", help="Show one partnership across its documents: themes "
                                         "added and dropped, activities, KPIs, funding per year."),
    ] = None,
    theme: Annotated[
        str | None,
        typer.Option(
            "--theme", help="Only this theme, as the tables print it (e.g. 'domestic abuse'): "
                            "themes and activity profile narrow to it."
        ),
    ] = None,
    fmt: Annotated[
        CompareFormat, typer.Option("--format", help="table, csv or json.")
    ] = CompareFormat.table,
    db: DbOption = Path("csp.db"),
) -> None:
    """Compare partnerships: priority themes, activity profile, lead mix, funding by year;
    one against its peers (--partnership, --group); one over time (--over-time)."""
    if over_time is not None and (partnership or group or members or theme):
        raise _fail("--over-time shows one partnership on its own: drop --partnership, "
                    "--group, --members and --theme")
    if (group or members) and not partnership:
        raise _fail("--group and --members need --partnership (the partnership to benchmark)")
    if members and group not in (None, GroupKind.list):
        raise _fail("--members goes with --group list")
    if over_time is not None:
        _over_time(_existing(db), over_time, fmt)
    else:
        kind = GroupKind.list if members else (group or GroupKind.all)
        _compare(_existing(db), partnership, kind, members, theme, fmt)


def _over_time(db: Path, name: str, fmt: CompareFormat) -> None:
    from rich.console import Console

    from cspipe.pipeline.outputs import over_time
    from cspipe.pipeline.outputs.names import UnknownName, partnership_id
    from cspipe.pipeline.store.load import open_readonly

    database = open_readonly(db)
    try:
        timeline = over_time.load(database, partnership_id(database, name))
    except UnknownName as exc:
        raise _fail(str(exc)) from exc
    finally:
        database.close()
    if fmt is CompareFormat.json:
        typer.echo(over_time.to_json(timeline))
    elif fmt is CompareFormat.csv:
        typer.echo(over_time.to_csv(timeline), nl=False)
    else:
        over_time.print_timeline(timeline, Console())


def _compare(db: Path, partnership: str | None, kind: GroupKind, members: str | None,
             theme: str | None, fmt: CompareFormat) -> None:
    from rich.console import Console

    from cspipe.pipeline.outputs import peers
    from cspipe.pipeline.outputs.compare import CompareError, load, print_tables, to_csv, to_json
    from cspipe.pipeline.outputs.names import UnknownName, partnership_id, theme_key
    from cspipe.pipeline.store.load import open_readonly

    database = open_readonly(db)
    grp = bench = None
    try:
        theme = theme_key(theme) if theme else None
        comparisons = load(database, theme)
        if partnership:
            pid = partnership_id(database, partnership)
            named = [partnership_id(database, m) for m in (members or "").split(",") if m.strip()]
            grp = peers.group(database, pid, kind.value, named)
            bench = peers.benchmark(database, grp, theme)
    except (CompareError, UnknownName, peers.PeerError) as exc:
        raise _fail(str(exc)) from exc
    finally:
        database.close()
    if fmt is CompareFormat.json:
        typer.echo(to_json(comparisons, theme, peers.bench_json(grp, bench) if grp else None))
    elif fmt is CompareFormat.csv:
        typer.echo(peers.bench_csv(grp, bench) if grp and bench else to_csv(comparisons), nl=False)
    else:
        console = Console()
        if grp and bench:
            name = next(c.partnership for c in comparisons if c.partnership_id == grp.partnership_id)
            peers.print_benchmark(grp, bench, console, name, theme)
        print_tables(comparisons, console, theme)


def report(
    out: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("report.html"),
    db: DbOption = Path("csp.db"),
) -> None:
    """Write one self-contained HTML report (charts and tables, links to each page)."""
    from cspipe.pipeline.outputs.report.html import build_report

    stats = build_report(_existing(db), out)
    typer.echo(
        f"{out}: {stats.partnerships} partnerships, {stats.documents} documents, "
        f"{stats.activities} activities ({stats.bytes / 1024:.0f} KiB)"
    )


def register(app: typer.Typer) -> None:
    """Add compare and report, and the search-and-share commands, to the ``cspipe`` app."""
    from cspipe.cli.share import register as register_share

    app.command("compare")(compare)
    app.command("report")(report)
    register_share(app)
