"""Ingesting documents end to end: read, extract, match, load. Plain Python; flows/ wraps it.

Each document is independent: a bad one is recorded as failed with its reason
and the batch goes on. Documents are keyed by the sha256 of their bytes, so
re-running skips what is already loaded by the same extractor version.
Parsing runs in a worker process with a time, memory and page limit (``cspipe.pipeline.extract.box``),
so a hostile PDF costs at most its limits: it gets a failed row naming the limit.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import sqlite_utils

from cspipe.pipeline.extract import box
from cspipe.pipeline.fetch import inputs as fetch
from cspipe.pipeline.fetch.errors import FetchError
from cspipe.pipeline.ingest.parse import (
    WARM_UP,
    IngestResult,
    Options,
    failed,
    parse_document,
)
from cspipe.pipeline.match.rows import EXTRACTOR_VERSION, DocumentBundle
from cspipe.pipeline.store.load import loaded_version, open_db, write_document

#: why a document is skipped: said on every skipped line, so a second run explains itself
SKIPPED = "already loaded: these bytes were ingested before (--force extracts them again)"


def prepare(
    source: fetch.Source, options: Options, is_loaded: Callable[[str], bool] = lambda _id: False
) -> tuple[IngestResult, DocumentBundle | None]:
    """Everything but the write, so it can run in a worker: read, hash, extract, match.

    Reading and hashing happen here; parsing happens in a boxed worker process, which
    reports the page count first so a document stopped by a limit keeps it.
    """
    start = time.perf_counter()
    try:
        data = fetch.read(source)
    except FetchError as exc:
        return failed(source.location, fetch.failure_id(source), str(exc))
    doc_id = fetch.sha256(data)
    if not options.force and is_loaded(doc_id):
        return IngestResult(source.location, doc_id, "skipped", SKIPPED), None
    if not options.boxed:
        return parse_document(data, doc_id, source.location, options, start)
    try:
        outcome = box.box_for(options.max_memory, WARM_UP).run(
            parse_document, data, doc_id, source.location, options, start, timeout=options.timeout)
    except box.LimitExceeded as exc:
        return failed(source.location, doc_id, str(exc), int(exc.info.get("pages") or 0), start)
    return outcome.value


def already_loaded(db: sqlite_utils.Database, document_id: str) -> bool:
    """Loaded before, by this extractor version, and not failed (failures are retried)."""
    found = loaded_version(db, document_id)
    return found is not None and found[0] != "failed" and found[1] == EXTRACTOR_VERSION


def loaded_ids(db: sqlite_utils.Database) -> frozenset[str]:
    """Ids of documents ``already_loaded`` would skip."""
    return frozenset(
        row[0]
        for row in db.execute(
            "SELECT id FROM documents WHERE status != 'failed' AND extractor_version = ?",
            [EXTRACTOR_VERSION],
        ).fetchall()
    )


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity where the system says, else all)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def default_workers(documents: int) -> int:
    """Parallel by default where it pays: a worker per CPU this process may use, no more
    workers than documents (one paper starts one worker: a second would only cost its
    start-up)."""
    return max(1, min(available_cpus(), documents))


def largest_first(sources: list[fetch.Source]) -> list[fetch.Source]:
    """The order parallel workers take documents in: the largest files first.

    A batch ends when its last document does; a 300-page pack taken last keeps one worker
    busy while the others have nothing left (a batch's wall time is its longest tail). Taken
    first, the batch ends on short papers that even out across the workers (longest
    processing time first). Bytes stand for the work; a URL, whose size is not known before
    it is fetched, keeps its place after the files.
    """
    def size(source: fetch.Source) -> int:
        if source.is_url:
            return -1
        try:
            return os.path.getsize(source.location)
        except OSError:
            return -1  # a missing file fails at once, wherever it stands

    return sorted(sources, key=size, reverse=True)


def ingest(
    inputs: Iterable[str],
    db_path: str | Path,
    options: Options | None = None,
    *,
    workers: int | None = 1,
    report: Callable[[IngestResult], None] | None = None,
    expect: Callable[[int], None] | None = None,
) -> list[IngestResult]:
    """Ingest every input into ``db_path``; the database is the single writer (this process).

    ``expect`` is told how many documents the inputs hold before the first is read (a progress
    bar's total); ``report`` is called with each document's result as it is written: in the
    inputs' order with one worker, largest file first with more (``largest_first``).
    ``workers=None`` chooses (``default_workers``).
    """
    options = options or Options()
    db = open_db(db_path)
    sources = list(fetch.expand(list(inputs)))
    if expect:
        expect(len(sources))
    results: list[IngestResult] = []

    def finish(result: IngestResult, b: DocumentBundle | None) -> None:
        if b is not None:
            write_document(db, b)
        results.append(result)
        if report:
            report(result)

    try:
        if workers is None:
            workers = default_workers(len(sources))
        if workers <= 1 or len(sources) <= 1:
            for source in sources:
                finish(*prepare(source, options, lambda doc_id: already_loaded(db, doc_id)))
        else:
            skip = frozenset() if options.force else loaded_ids(db)
            # threads only wait: each parses in its own boxed worker process (N workers)
            with ThreadPoolExecutor(max_workers=workers) as pool:
                futures = deque(pool.submit(prepare, s, options, skip.__contains__)
                                for s in largest_first(sources))
                while futures:  # a written document's future is let go, and its rows with it
                    finish(*futures.popleft().result())
    finally:
        db.close()
    return results
