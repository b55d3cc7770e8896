"""Every document in a box: parsing runs in a worker process with a time and a memory limit.

A hostile PDF can make pdfminer spin forever (an object that refers to itself), inflate a
small file to gigabytes (a decompression bomb) or crash the interpreter; none of that may
stop the batch. So each document is parsed in a child process (``python -m cspipe.pipeline.extract.box``)
whose address space is capped with ``RLIMIT_AS``, and the parent kills it when the
wall-clock limit passes. Workers are kept and reused (loading spaCy and the registry costs
seconds), and replaced after a kill. Child and parent talk over pipes in length-prefixed
pickles; the child may send ``notify`` messages (the document's page count) before its
result, so a document that breaks a limit keeps what was learnt about it, or
``notify(extend_timeout=seconds)`` when it learns it needs more time (scanned pages to OCR).

``subprocess`` rather than ``multiprocessing``: a Dask or Prefect worker may be a daemonic
process, which ``multiprocessing`` does not allow to have children.
"""

from __future__ import annotations

import atexit
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY_MB = 2048
DEFAULT_MAX_PAGES = 2000
#: Seconds a new worker may take to import and warm up before the first document.
STARTUP_TIMEOUT = 600.0

_HEADER = struct.Struct("!Q")


@dataclass(frozen=True)
class Limits:
    """Per-document limits; ``None`` switches one off."""

    timeout: float | None = DEFAULT_TIMEOUT  # seconds of wall clock
    max_memory: int | None = DEFAULT_MEMORY_MB  # MiB of address space per worker process
    max_pages: int | None = DEFAULT_MAX_PAGES


class LimitExceeded(Exception):
    """A document broke a limit (or killed its worker); ``str`` is the one-line reason."""

    def __init__(self, reason: str, info: dict[str, Any]) -> None:
        super().__init__(reason)
        self.info = info  # what the worker said before it stopped (e.g. pages)


@dataclass
class Outcome:
    value: Any
    info: dict[str, Any] = field(default_factory=dict)


# -- parent side -------------------------------------------------------------------------------

class _Worker:
    """One child process, reused for many documents."""

    def __init__(self, max_memory: int | None, warm_up: str) -> None:
        env = dict(os.environ)
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            env.setdefault(var, "1")  # thread stacks count against RLIMIT_AS
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "cspipe.pipeline.extract.box", str(max_memory or 0), warm_up],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True)
        self.peak_rss_kb = 0
        # loading libraries and models is the worker's cost, not the first document's
        self._receive(time.monotonic() + STARTUP_TIMEOUT, STARTUP_TIMEOUT, max_memory, {})

    def alive(self) -> bool:
        return self.proc.poll() is None

    def run(self, fn: Callable[..., Any], args: tuple[Any, ...], timeout: float | None,
            max_memory: int | None) -> Outcome:
        deadline = time.monotonic() + timeout if timeout else None
        info: dict[str, Any] = {}
        try:
            _send(self.proc.stdin, (fn, args))
        except (BrokenPipeError, OSError) as exc:
            self.kill()
            raise LimitExceeded(f"worker process could not start: {exc}", info) from exc
        while True:
            message = self._receive(deadline, timeout, max_memory, info)
            kind = message[0]
            if kind == "info":
                info.update(message[1])
                # a step that learns its document needs more time (OCR of scanned pages) says so
                extra = float(message[1].get("extend_timeout") or 0)
                if extra > 0 and deadline is not None and timeout is not None:
                    deadline, timeout = deadline + extra, timeout + extra
            elif kind == "result":
                self.peak_rss_kb = max(self.peak_rss_kb, message[2])
                return Outcome(message[1], info)
            elif kind == "memory":
                self.kill()
                raise LimitExceeded(_memory_reason(max_memory), info)
            else:  # "error": an exception the job did not handle
                raise LimitExceeded(message[1], info)

    def _receive(self, deadline: float | None, timeout: float | None, max_memory: int | None,
                 info: dict[str, Any]) -> Any:
        (length,) = _HEADER.unpack(self._read(_HEADER.size, deadline, timeout, max_memory, info))
        return pickle.loads(self._read(length, deadline, timeout, max_memory, info))

    def _read(self, n: int, deadline: float | None, timeout: float | None, max_memory: int | None,
              info: dict[str, Any]) -> bytes:
        """Exactly ``n`` bytes from the child, or ``LimitExceeded`` at the deadline or its death."""
        fd = self.proc.stdout.fileno()  # type: ignore[union-attr]
        parts: list[bytes] = []
        got = 0
        while got < n:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                self.kill()
                raise LimitExceeded(f"timed out after {timeout:g}s", info)
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, min(n - got, 1 << 20))
            if not chunk:
                code = self.proc.wait()
                self.kill()
                raise LimitExceeded(_death_reason(code, max_memory), info)
            parts.append(chunk)
            got += len(chunk)
        return b"".join(parts)

    def kill(self) -> None:
        if self.alive():
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                if stream:
                    stream.close()
            except OSError:
                pass


def _memory_reason(max_memory: int | None) -> str:
    return f"over the memory limit ({max_memory} MiB)" if max_memory else "out of memory"


def _death_reason(code: int, max_memory: int | None) -> str:
    if code < 0:
        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
        if -code in (signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS) and max_memory:
            return f"worker crashed ({name}), likely over the memory limit ({max_memory} MiB)"
        return f"worker killed ({name})"
    return f"worker exited with code {code}"


class Box:
    """A set of reusable workers with one memory limit; thread-safe, grows to the concurrency used."""

    def __init__(self, max_memory: int | None, warm_up: str = "") -> None:
        self.max_memory = max_memory
        self.warm_up = warm_up  # "module:function" each worker runs once at start
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self.peak_rss_kb = 0

    def run(self, fn: Callable[..., Any], *args: Any, timeout: float | None) -> Outcome:
        """``fn(*args)`` in a worker; raises ``LimitExceeded`` on timeout, memory or a crash."""
        try:
            worker = self._acquire()
        except LimitExceeded as exc:
            raise LimitExceeded(f"worker process could not start: {exc}", {}) from exc
        try:
            return worker.run(fn, args, timeout, self.max_memory)
        finally:
            self.peak_rss_kb = max(self.peak_rss_kb, worker.peak_rss_kb)
            self._release(worker)

    def _acquire(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.alive():
                    return worker
        return _Worker(self.max_memory, self.warm_up)

    def _release(self, worker: _Worker) -> None:
        if worker.alive():
            with self._lock:
                self._idle.append(worker)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            try:
                worker.proc.stdin.close()  # type: ignore[union-attr]  # EOF: the child exits
                worker.proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                worker.kill()


_boxes: dict[tuple[int | None, str], Box] = {}
_boxes_lock = threading.Lock()


def box_for(max_memory: int | None, warm_up: str = "") -> Box:
    """The process-wide box for this memory limit (workers are shared across batches)."""
    with _boxes_lock:
        key = (max_memory, warm_up)
        if key not in _boxes:
            _boxes[key] = Box(max_memory, warm_up)
        return _boxes[key]


@atexit.register
def close_all() -> None:
    with _boxes_lock:
        boxes = list(_boxes.values())
        _boxes.clear()
    for b in boxes:
        b.close()


def _send(stream: Any, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


# -- child side --------------------------------------------------------------------------------

_channel: Any = None
#: Libraries a worker never needs that its imports would load when installed (see ``_child``).
_NOT_IN_WORKERS = ("pandas", "pyarrow")


def notify(**info: Any) -> None:
    """Tell the parent something about the current document (no-op outside a worker)."""
    if _channel is not None:
        _send(_channel, ("info", info))


def _read_job(stream: Any) -> Any:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (length,) = _HEADER.unpack(header)
    return pickle.loads(stream.read(length))


def _child(max_memory: int, warm_up: str = "") -> None:
    import gc
    import logging
    import resource

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # broken files: one reason, not 1000 lines
    # sqlite-utils imports pandas when it is installed (and pandas pyarrow): some 200 MiB of
    # address space a worker never uses, counted against its limit. Workers go without.
    for unused in _NOT_IN_WORKERS:
        sys.modules.setdefault(unused, None)  # type: ignore[assignment]
    global _channel
    if max_memory > 0:
        limit = max_memory * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # the pipe is ours alone: anything a library prints goes to stderr
    _channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    if warm_up:
        import importlib

        module, _, name = warm_up.partition(":")
        try:
            getattr(importlib.import_module(module), name)()
        except MemoryError:
            _send(_channel, ("memory",))
            return
    # what start-up built (modules, registry, spaCy) lives as long as the worker: the
    # collector need not walk it again at every full collection of a document's objects
    # (raising the collector's thresholds as well was tried: a document's pages hold
    # reference cycles, and the worker's peak went from 243 to 510 MB over 1,000 papers)
    gc.freeze()
    _send(_channel, ("ready",))
    jobs = sys.stdin.buffer
    while True:
        job = _read_job(jobs)
        if job is None:
            return
        fn, args = job
        try:
            value = fn(*args)
        except MemoryError:
            _send(_channel, ("memory",))
            return
        except Exception as exc:  # noqa: BLE001 - reported to the parent as the document's reason
            first = str(exc).splitlines()[0] if str(exc) else ""
            _send(_channel, ("error", f"{type(exc).__name__}: {first}"))
            continue
        try:
            _send(_channel, ("result", value, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
        except MemoryError:
            _send(_channel, ("memory",))
            return


if __name__ == "__main__":
    from cspipe.pipeline.extract import (
        box as _box,  # the importable module, so ``notify`` sees the channel
    )

    _box._child(int(sys.argv[1]) if len(sys.argv) > 1 else 0, sys.argv[2] if len(sys.argv) > 2 else "")
