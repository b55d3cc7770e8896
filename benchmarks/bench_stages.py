"""Per-stage CPU of cspipe's own path, run by ``bench.py`` in a fresh child interpreter.

The whole real path runs once, in this process (``ingest(..., Options(boxed=False))``: read,
extract, match, load, no worker), with a few boundaries hooked. Hooks rather than calling
the steps one by one: the steps inside ``extractors/document.py`` change as the extractors
are reworked, but these boundaries stay (pdfplumber's page parse, ``PageView.words`` and
``.text``, the table finders, the matcher, the SQLite write). Every CPU tick goes to
exactly one stage, that of the innermost hooked call running at the time (an
exclusive-time stack), so the stages never overlap and add up to the whole; what no hook
covers inside ``extract_document`` is the text extractors.

"read" is made explicit where the extractor opens the PDF: as ``open_pdf`` yields the pages,
each page's objects (``PageView.plumber.chars``, ``.lines``, ``.rects``, ``.curves``) are
built at once, so whichever reader builds them (pdfminer, PDFium) and however lazily, that
CPU is read, not the first stage to touch a page.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import inspect
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: stages in print order; "other" is ingest's glue (file read, hashing, results)
STAGES = ("read", "words+text", "tables", "text extractors", "entities/match", "load", "other")

#: (stage, module, attribute): what each stage is; a missing one is reported, not fatal
HOOKS = (
    ("text extractors", "cspipe.pipeline.ingest.parse", "extract_document"),
    ("read", "pdfplumber", "open"),
    ("read", "pdfplumber.pdf", "PDF.pages"),
    ("read", "pdfplumber.page", "Page.layout"),
    ("read", "pdfplumber.page", "Page.parse_objects"),
    ("read", "cspipe.extractors.pdfguard", "page_cost"),
    ("read", "cspipe.extractors.pdf", "page_count"),
    ("read", "cspipe.extractors.scanned", "pages_to_ocr"),
    ("words+text", "cspipe.extractors.pdf", "PageView.words"),
    ("words+text", "cspipe.extractors.pdf", "PageView.text"),
    ("tables", "cspipe.extractors.tables", "find_page_tables"),
    ("tables", "cspipe.extractors.tables", "continued_tables"),
    ("tables", "cspipe.extractors.table_join", "build_logical_tables"),
    ("entities/match", "cspipe.extractors.nlp", "entities"),
    ("entities/match", "cspipe.pipeline.ingest.parse", "assemble_document"),
    ("load", "cspipe.pipeline.store.load", "write_document"),
)

#: the page objects built as the extractor opens a PDF (pdfplumber's names for them)
PAGE_OBJECTS = ("chars", "lines", "rects", "curves")

#: modules whose ``from x import f`` copies of a hooked function are replaced too
_OWNERS = ("cspipe", "pdfplumber")


class StageClock:
    """CPU seconds per stage: the running stage is the top of a stack of hooked calls."""

    def __init__(self) -> None:
        self.cpu = dict.fromkeys(STAGES, 0.0)
        self._stack = ["other"]
        self._mark = time.process_time()

    def _switch(self) -> None:
        """Count the CPU since the last switch to the stage running until now."""
        now = time.process_time()
        self.cpu[self._stack[-1]] += now - self._mark
        self._mark = now

    def stop(self) -> None:
        """Count the running slice (the stack is back at "other" between calls)."""
        self._switch()

    def reset(self) -> None:
        """Forget what was counted so far (the warm-up document)."""
        self._switch()
        self.cpu = dict.fromkeys(STAGES, 0.0)

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """``fn`` with its CPU (less that of hooked calls inside it) counted to ``stage``."""

        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._switch()
            self._stack.append(stage)
            try:
                return fn(*args, **kwargs)
            finally:
                self._switch()
                self._stack.pop()

        return timed


def _hook_attribute(clock: StageClock, stage: str, cls: type, name: str) -> bool:
    """Hook a method, property or cached property of ``cls``; False when it is none of them."""
    raw = inspect.getattr_static(cls, name, None)
    if isinstance(raw, functools.cached_property):
        new = functools.cached_property(clock.wrap(stage, raw.func))
        new.__set_name__(cls, name)
        setattr(cls, name, new)
    elif isinstance(raw, property):
        setattr(cls, name, property(clock.wrap(stage, raw.fget), raw.fset, raw.fdel, raw.__doc__))
    elif inspect.isfunction(raw):
        setattr(cls, name, clock.wrap(stage, raw))
    else:
        return False
    return True


def _hook_function(clock: StageClock, stage: str, fn: Callable[..., Any]) -> None:
    """Replace ``fn`` in every cspipe/pdfplumber module that holds it (``from x import fn``)."""
    timed = clock.wrap(stage, fn)
    for mod in list(sys.modules.values()):
        if mod is None or not getattr(mod, "__name__", "").startswith(_OWNERS):
            continue
        for key, value in list(vars(mod).items()):
            if value is fn:
                setattr(mod, key, timed)


def _build_objects(views: list[Any]) -> None:
    """Build every page's objects now (a page over its work limit is left to the extractor)."""
    for view in views:
        try:
            if hasattr(view, "check_budget"):
                view.check_budget()
            for kind in PAGE_OBJECTS:
                getattr(view.plumber, kind, None)
        except Exception:  # noqa: BLE001 - the extractor reads the page again and reports it
            continue


class _TimedContext:
    """A context manager whose enter and exit count to one stage."""

    def __init__(self, clock: StageClock, stage: str, inner: Any) -> None:
        self._enter = clock.wrap(stage, inner.__enter__)
        self._exit = clock.wrap(stage, inner.__exit__)

    def __enter__(self) -> Any:
        return self._enter()

    def __exit__(self, *exc: Any) -> Any:
        return self._exit(*exc)


def _hook_open_pdf(clock: StageClock) -> bool:
    """The extractor's ``open_pdf``: opening, building page objects and closing are read."""
    document = importlib.import_module("cspipe.extractors.document")
    original = getattr(document, "open_pdf", None)
    if original is None:
        return False
    build = clock.wrap("read", _build_objects)

    @contextlib.contextmanager
    def open_pdf(*args: Any, **kwargs: Any) -> Any:
        with _TimedContext(clock, "read", original(*args, **kwargs)) as views:
            build(views)
            yield views

    document.open_pdf = open_pdf  # type: ignore[attr-defined]
    return True


def _hook_page_classes(clock: StageClock) -> None:
    """A cspipe subclass of pdfplumber's ``Page`` that builds its own objects (PDFium's): read."""
    import pdfplumber.page

    todo = list(pdfplumber.page.Page.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if not cls.__module__.startswith("cspipe"):
            continue  # pdfplumber's own cropped and filtered pages are the table readers' work
        for name in ("parse_objects", "objects", "layout"):
            if name in vars(cls):
                _hook_attribute(clock, "read", cls, name)


def install(clock: StageClock) -> list[str]:
    """Hook every boundary in ``HOOKS``; returns the ones not found (refactored away)."""
    # modules that copy hooked names at import time must be loaded before the scan
    for name in ("cspipe.pipeline.ingest.documents", "cspipe.pipeline.extract.readers",
                 "cspipe.extractors.document", "cspipe.extractors.actionplan"):
        importlib.import_module(name)
    missing = [] if _hook_open_pdf(clock) else ["cspipe.extractors.document.open_pdf"]
    for stage, module, attr in HOOKS:
        try:
            mod = importlib.import_module(module)
        except ImportError:
            missing.append(f"{module}.{attr}")
            continue
        owner, _, name = attr.rpartition(".")
        if owner:
            cls = getattr(mod, owner, None)
            if not isinstance(cls, type) or not _hook_attribute(clock, stage, cls, name):
                missing.append(f"{module}.{attr}")
        elif callable(getattr(mod, name, None)):
            _hook_function(clock, stage, getattr(mod, name))
        else:
            missing.append(f"{module}.{attr}")
    _hook_page_classes(clock)
    return missing


def main(args: list[str]) -> None:
    """``warm.pdf db file...``: print per-stage CPU of ingesting the files as one JSON line."""
    from cspipe.pipeline.ingest import documents

    warm, db, files = args[0], Path(args[1]), args[2:]
    options = documents.Options(force=True, boxed=False)
    clock = StageClock()
    missing = install(clock)
    # registry, spaCy and lazy imports load on the first document: start-up, not a stage
    documents.ingest([warm], db, options)
    clock.reset()
    start = time.process_time()
    results = documents.ingest(files, db, options)
    total = time.process_time() - start
    clock.stop()
    print(json.dumps({"stages": clock.cpu, "total": total, "missing": missing,
                      "pages": sum(r.pages for r in results),
                      "failed": [r.source for r in results if r.status == "failed"]}))


if __name__ == "__main__":
    main(sys.argv[1:])
