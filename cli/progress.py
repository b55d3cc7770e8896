"""How a long command reports: a rich progress bar on a terminal (documents, pages, rate; a scrape's
read from the database it writes), plain
lines when output goes to a file or a pipe, only failures with ``--quiet``, JSON lines with
``--json``. Failed and skipped documents always say why."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cspipe.pipeline.ingest.documents import IngestResult


class Reporter:
    """One per command run; ``expect`` gives the total, calling it with a result reports one."""

    def __init__(self, *, quiet: bool = False, as_json: bool = False, verb: str = "ingest") -> None:
        self.quiet, self.as_json, self.verb = quiet, as_json, verb
        self.err = Console(stderr=True)
        self.bar: Progress | None = None
        self.task: Any = None
        self.pages = 0

    def __enter__(self) -> Reporter:
        if not (self.quiet or self.as_json) and self.err.is_terminal:
            self.bar = Progress(TextColumn(f"{self.verb} [progress.description]{{task.description}}"),
                                BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[pages]}"),
                                TimeElapsedColumn(), console=self.err, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("", total=None, pages="0 pages")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def expect(self, total: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, total=total)

    def __call__(self, result: IngestResult) -> None:
        self.pages += result.pages
        if self.as_json:
            print(json.dumps({"type": "document", **asdict(result)}), flush=True)
            return
        if self.bar is not None:
            rate = self.bar.tasks[0].elapsed or 0
            speed = f", {self.pages / rate:.1f} pages/s" if rate else ""
            self.bar.update(self.task, advance=1, pages=f"{self.pages} pages{speed}",
                            description=result.source.rsplit("/", 1)[-1][:40])
            if result.status in ("failed", "skipped", "partial"):
                self.bar.console.print(result.line(), markup=False, highlight=False)
            return
        if result.status == "failed":
            print(result.line(), file=sys.stderr, flush=True)
        elif not self.quiet:
            print(result.line(), flush=True)

    def summary(self, line: str, **fields: Any) -> None:
        """The closing line (or object, with ``--json``)."""
        if self.as_json:
            print(json.dumps({"type": "summary", **fields}), flush=True)
        else:
            print(line, flush=True)


def scrape_counts(db_path: Path, since: str) -> tuple[int, int, int]:
    """(papers downloaded, documents ingested, their pages) written to ``db_path`` since ``since``
    (ISO UTC, as the store writes it); read-only, so it can watch a run that is writing."""
    from cspipe.pipeline.store.load import DatabaseError, open_readonly

    try:
        db = open_readonly(db_path)
    except DatabaseError:
        return 0, 0, 0
    try:
        fetched = db.execute("SELECT count(*) FROM fetches WHERE status = 'ok' AND fetched_at >= ?",
                             [since]).fetchone()[0]
        docs, pages = db.execute("SELECT count(*), coalesce(sum(pages), 0) FROM documents "
                                 "WHERE ingested_at >= ?", [since]).fetchone()
    finally:
        db.close()
    return fetched, docs, pages


class ScrapeWatch:
    """A progress bar for a scrape on a terminal: papers downloaded, documents ingested, pages and
    rate, read from the database the run writes (the Prefect flow and the plain steps alike)."""

    def __init__(self, db_path: Path, every: float = 0.5) -> None:
        import threading
        from datetime import UTC, datetime

        self.db_path, self.every = db_path, every
        self.since = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.err = Console(stderr=True)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.bar: Progress | None = None

    def __enter__(self) -> ScrapeWatch:
        if self.err.is_terminal:
            self.bar = Progress(TextColumn("scrape {task.description}"), TextColumn("{task.fields[counts]}"),
                                TimeElapsedColumn(), console=self.err, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("", total=None, counts="0 papers downloaded")
            self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        if self.bar is not None:
            self.thread.join(timeout=2)
            self.bar.stop()

    def _watch(self) -> None:
        while not self.stop.wait(self.every):
            fetched, docs, pages = scrape_counts(self.db_path, self.since)
            elapsed = self.bar.tasks[0].elapsed or 0 if self.bar else 0
            rate = f", {pages / elapsed:.1f} pages/s" if elapsed and pages else ""
            if self.bar is not None:
                self.bar.update(self.task, counts=f"{fetched} papers downloaded, {docs} documents "
                                                  f"ingested ({pages} pages{rate})")
