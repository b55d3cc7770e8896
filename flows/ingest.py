"""The ingest flow: a Prefect task per document (prepare, then load), one writer, a summary.

- ``prepare_document`` reads, extracts and matches one document in a worker (thread,
  process or Dask worker); its result is cached by the file's sha256 (with the extractor
  version and options), transient read / download errors are retried with back-off, and a
  per-document timeout plus a page limit keep one hostile PDF from stalling the batch.
- ``load_document`` writes a document's rows in one SQLite transaction; it runs in the
  flow's own process, one document at a time (WAL, one writer), so parallel tasks lose no row.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from cspipe.pipeline.fetch import inputs as fetch
from cspipe.pipeline.ingest.documents import IngestResult, Options, already_loaded
from cspipe.pipeline.ingest.scrape import IngestItem, prepare_item
from cspipe.pipeline.match.rows import EXTRACTOR_VERSION, DocumentBundle, failed_document
from cspipe.pipeline.store.load import open_db, write_document


class _ThreadTimeoutNotice(logging.Filter):
    """Drop Prefect's per-task notice that thread timeouts cannot interrupt blocking calls.

    Known and documented (docs/scheduling.md): extraction is Python code, which the timeout
    does interrupt; the notice would otherwise be logged once per document.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and "running in a worker thread" in record.msg)


logging.getLogger("prefect.task_runs").addFilter(_ThreadTimeoutNotice())


class TransientError(Exception):
    """A read or download that may work if tried again (timeouts, 429 / 5xx, I/O errors)."""


@dataclass
class IngestSummary:
    """What a run did: one result per document, and how fast."""

    results: list[IngestResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def counts(self) -> dict[str, int]:
        tally = {"ok": 0, "partial": 0, "failed": 0, "skipped": 0}
        for r in self.results:
            tally[r.status] = tally.get(r.status, 0) + 1
        return tally

    @property
    def pages(self) -> int:
        return sum(r.pages for r in self.results if r.status != "skipped")

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        parts = ", ".join(f"{n} {s}" for s, n in self.counts.items())
        return (f"{len(self.results)} documents: {parts} ({self.pages} pages in {self.seconds:.1f}s, "
                f"{self.pages_per_second:.1f} pages/s)")


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _cache_key(_context: Any, parameters: dict[str, Any]) -> str | None:
    """Same bytes, same source, same extractor and options: same result. URLs are not cached."""
    item: IngestItem = parameters["item"]
    options: Options = parameters["options"]
    if not item.sha256:
        return None
    parts = (item.sha256, item.source, item.committee, item.meeting_date, EXTRACTOR_VERSION,
             options.max_pages, options.keep_contacts)
    return "prepare-" + hashlib.sha256(repr(parts).encode()).hexdigest()


def _retry_transient(_task: Any, _task_run: Any, state: Any) -> bool:
    try:
        state.result()
    except TransientError:
        return True
    except BaseException:  # noqa: BLE001 - anything else is not worth retrying
        return False
    return False


@task(name="prepare-document", cache_key_fn=_cache_key, cache_expiration=timedelta(days=30),
      retries=2, retry_delay_seconds=[1, 4], retry_jitter_factor=0.5,
      retry_condition_fn=_retry_transient)
def prepare_document(item: IngestItem, options: Options) -> tuple[IngestResult, DocumentBundle | None]:
    """Read + extract + match one document (no database access)."""
    if not fetch.Source(item.location).is_url:
        path = Path(item.location)
        if path.is_file():
            try:
                with open(path, "rb") as f:
                    f.read(1)
            except OSError as exc:
                raise TransientError(f"cannot read {path}: {exc.strerror or exc}") from exc
        return prepare_item(item, options)
    from cspipe.pipeline.fetch.http import HttpError, fetch_pdf

    try:
        data = fetch_pdf(item.location)
    except HttpError as exc:
        if exc.transient:
            raise TransientError(str(exc)) from exc
        doc_id = fetch.failure_id(fetch.Source(item.source))
        return IngestResult(item.source, doc_id, "failed", str(exc)), failed_document(doc_id, item.source, str(exc))
    fd, tmp = tempfile.mkstemp(suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        local = IngestItem(tmp, item.source, fetch.sha256(data), item.committee, item.meeting_date)
        return prepare_item(local, options)
    finally:
        os.unlink(tmp)


_writers: dict[str, tuple[Any, threading.Lock]] = {}
_writers_lock = threading.Lock()


def _writer(db_path: str) -> tuple[Any, threading.Lock]:
    """One connection and one lock per database per process: the single writer."""
    key = str(Path(db_path).resolve())
    with _writers_lock:
        if key not in _writers:
            _writers[key] = (open_db(key), threading.Lock())
        return _writers[key]


def close_writers() -> None:
    with _writers_lock:
        for db, _lock in _writers.values():
            db.close()
        _writers.clear()


@task(name="load-document", cache_policy=NO_CACHE, retries=3, retry_delay_seconds=[0.5, 2, 5])
def load_document(db_path: str, bundle: DocumentBundle) -> str:
    """Write one document's rows atomically; retried if another process holds the write lock."""
    db, lock = _writer(db_path)
    with lock:
        write_document(db, bundle)
    return bundle.document.id


def _failure(item: IngestItem, reason: str) -> tuple[IngestResult, DocumentBundle]:
    doc_id = item.sha256 or fetch.failure_id(fetch.Source(item.source))
    return IngestResult(item.source, doc_id, "failed", reason), failed_document(doc_id, item.source, reason)


def _reason(exc: BaseException, timeout: float | None) -> str:
    if isinstance(exc, TimeoutError):
        return f"timed out after {timeout:g}s" if timeout else "timed out"
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if not isinstance(exc, TransientError) else text


def items_for(inputs: Iterable[str]) -> list[IngestItem]:
    """Files, folders (recursively) and URLs as ``cspipe.pipeline.fetch.inputs.expand`` resolves them."""
    return [IngestItem(s.location, s.location) for s in fetch.expand(list(inputs))]


@flow(name="cspipe-ingest", log_prints=True)
def ingest_flow(inputs: list[str] | None = None, db: str = "csp.db", items: list[IngestItem] | None = None,
                force: bool = False, keep_contacts: bool = False, max_pages: int | None = 500,
                timeout: float | None = 120.0, max_memory: int | None = 2048) -> IngestSummary:
    """Ingest files, folders and URLs (or prepared ``items``) into ``db``; bad inputs recorded as failed.

    Each document is parsed in a boxed worker process (``cspipe.pipeline.extract.box``) with ``timeout``
    and ``max_memory``; the task's own timeout is a backstop that also covers the download.
    """
    start = time.perf_counter()
    options = Options(force=force, keep_contacts=keep_contacts, max_pages=max_pages,
                      timeout=timeout, max_memory=max_memory)
    todo = list(items or []) + items_for(inputs or [])
    db_path = str(Path(db).resolve())
    writer, lock = _writer(db_path)
    summary = IngestSummary()
    submitted = {}
    backstop = timeout + 60 if timeout else None  # the box stops parsing at ``timeout``
    prepare = prepare_document.with_options(timeout_seconds=backstop, refresh_cache=force)
    for item in todo:
        if not fetch.Source(item.location).is_url and Path(item.location).is_file():
            if item.sha256 is None:
                item = IngestItem(item.location, item.source, file_sha256(item.location),
                                  item.committee, item.meeting_date)
            with lock:
                loaded = already_loaded(writer, item.sha256)  # type: ignore[arg-type]
            if loaded and not force:
                summary.results.append(IngestResult(item.source, item.sha256, "skipped"))
                continue
        submitted[prepare.submit(item, options)] = item
    for future in as_completed(list(submitted)):
        item = submitted[future]
        try:
            result, bundle = future.result()
        except Exception as exc:  # a task that failed or timed out: record it, go on
            result, bundle = _failure(item, _reason(exc, timeout))
        if bundle is not None:
            load_document(db_path, bundle)
        summary.results.append(result)
        print(result.line())
    summary.seconds = time.perf_counter() - start
    print(summary.line())
    return summary


def task_runner(concurrency: int = 4, *, processes: bool = False, dask_address: str | None = None,
                dask_workers: int | None = None, worker_memory: int | None = 2048) -> Any:
    """Threads (default), processes, or Dask: an existing cluster at ``dask_address``, or a
    local cluster of ``dask_workers`` worker processes of ``worker_memory`` MiB each (Dask's
    nanny restarts one that grows past it; each document's parser has its own box)."""
    if dask_address or dask_workers:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        kwargs: dict[str, Any] = {"n_workers": dask_workers, "threads_per_worker": 1,
                                  "processes": True, "host": "127.0.0.1",
                                  "dashboard_address": "127.0.0.1:0"}
        if worker_memory:
            kwargs["memory_limit"] = f"{worker_memory}MiB"
        return DaskTaskRunner(cluster_kwargs=kwargs)
    if processes:
        return ProcessPoolTaskRunner(max_workers=concurrency)
    return ThreadPoolTaskRunner(max_workers=concurrency)


def run_ingest(inputs: list[str] | None, db: str | Path, *, items: list[IngestItem] | None = None,
               concurrency: int = 4, processes: bool = False, dask_address: str | None = None,
               dask_workers: int | None = None, **params: Any) -> IngestSummary:
    """Run the ingest flow once with the chosen task runner (in-process Prefect, no server needed).

    On a local Dask cluster the workers report to the flow's own Prefect API: without one
    configured, a single temporary server is started here and its address handed to the
    workers, instead of each worker process starting its own.
    """
    runner = task_runner(concurrency, processes=processes, dask_address=dask_address,
                         dask_workers=dask_workers, worker_memory=params.get("max_memory", 2048))
    try:
        with _one_api(enabled=bool(dask_workers) or processes):
            return ingest_flow.with_options(task_runner=runner)(
                inputs=inputs, db=str(db), items=items, **params)
    finally:
        close_writers()


@contextmanager
def _one_api(*, enabled: bool) -> Iterator[None]:
    """Share one Prefect API with worker processes (they inherit ``PREFECT_API_URL``)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if not enabled or PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # one per process: the flow's client reuses it
    server.start()
    before = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings({PREFECT_API_URL: server.api_url}):
            yield
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before
