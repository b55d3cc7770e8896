"""How a long command reports: a rich progress bar on a terminal (documents, pages, rate), plain
lines when output goes to a file or a pipe, only failures with ``--quiet``, JSON lines with
``--json``. Failed and skipped documents always say why."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
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
