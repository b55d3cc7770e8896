"""Guards pdfminer against hostile files: reference cycles, decompression bombs, page cost.

pdfminer follows an indirect reference until it reaches a value (``resolve1``), so an object
that refers to itself spins forever; it inflates a Flate stream whole, so 1 MB of zeros
becomes 1 GB in memory; and it makes one Python object per path or character, so a page of
150,000 rectangles takes minutes. ``install`` makes reference resolution cycle-safe and caps
every decoded stream; ``page_cost`` estimates a page's work from its content streams before
anything interprets them. Patching is done once, on import of ``cspipe.extractors.pdf``.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from typing import Any

from pdfminer import pdftypes
from pdfminer.psparser import LIT, PSException

#: Largest stream pdfminer may inflate (bytes); a page's content is a few hundred KB.
MAX_STREAM_BYTES = 128 * 1024 * 1024
#: Longest chain of references followed (a legitimate chain is one or two long).
MAX_REF_CHAIN = 64


class HostilePdf(PSException):
    """A structure no honest PDF has (a reference cycle, a stream inflating past the cap)."""


_installed = False


def install() -> None:
    """Patch pdfminer once: cycle-safe ``PDFObjRef.resolve``, capped Flate decoding."""
    global _installed
    if _installed:
        return
    _installed = True
    original = pdftypes.PDFObjRef.resolve

    def resolve(self: pdftypes.PDFObjRef, default: object = None) -> Any:
        """The referenced value, following chains of references, refusing cycles."""
        seen = {self.objid}
        value = original(self, default)
        while isinstance(value, pdftypes.PDFObjRef):
            if value.objid in seen or len(seen) > MAX_REF_CHAIN:
                raise HostilePdf(f"reference cycle at object {value.objid}")
            seen.add(value.objid)
            value = original(value, default)
        return value

    pdftypes.PDFObjRef.resolve = resolve  # type: ignore[method-assign]
    pdftypes.zlib = _CappedZlib  # type: ignore[attr-defined]
    pdftypes.decompress_corrupted = _inflate_corrupted


def _inflate(data: bytes, *, lenient: bool) -> bytes:
    d = zlib.decompressobj()
    out = []
    size = 0
    chunk = data
    try:
        while chunk:
            part = d.decompress(chunk, MAX_STREAM_BYTES + 1 - size)
            size += len(part)
            out.append(part)
            if size > MAX_STREAM_BYTES:
                raise HostilePdf(f"stream inflates past {MAX_STREAM_BYTES >> 20} MiB "
                                 "(decompression bomb?)")
            chunk = d.unconsumed_tail
    except zlib.error:
        if not lenient:
            raise
    return b"".join(out)


def _inflate_corrupted(data: bytes) -> bytes:
    """pdfminer's fallback for a stream with a bad checksum: keep what inflates, capped."""
    return _inflate(data, lenient=True)


class _CappedZlib:
    """Stands in for the ``zlib`` module inside ``pdfminer.pdftypes``."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes) -> bytes:
        return _inflate(data, lenient=False)

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> Any:
        return zlib.decompressobj(*args, **kwargs)


@dataclass(frozen=True)
class PageCost:
    paths: int  # path-construction operators (m, l, c, v, y, re)
    chars: int  # bytes inside strings shown (an upper bound on characters)


_PATH_OPS = re.compile(rb"(?<![A-Za-z])(?:re|m|l|c|v|y)(?![A-Za-z*'\"])")
_STRING = re.compile(rb"\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]*>")
_DO = re.compile(rb"(?<![A-Za-z])Do(?![A-Za-z])")


def page_cost(page: Any) -> PageCost:
    """Estimate a pdfminer ``PDFPage``'s interpretation cost from its content streams.

    Form XObjects count once per ``Do`` that could invoke the largest of them.
    """
    paths = chars = 0
    for stream in page.contents or []:
        p, c, do = _stream_cost(stream)
        paths, chars = paths + p, chars + c
        if do:
            fp, fc = _forms_cost(page.resources)
            paths, chars = paths + do * fp, chars + do * fc
    return PageCost(paths, chars)


#: content-stream costs kept, by encoded bytes: a document is looked at twice (the scanned-page
#: check, then the extractor), and decoding (ASCII85 is pure Python) is most of the estimate
_COSTS: dict[bytes, tuple[int, int, int]] = {}
_COSTS_KEPT = 1024


def _stream_cost(stream: Any) -> tuple[int, int, int]:
    data = pdftypes.resolve1(stream)
    if not isinstance(data, pdftypes.PDFStream):
        return 0, 0, 0
    if data.rawdata is None:  # already decoded
        return _decoded_cost(data.get_data() or b"")
    key = hashlib.blake2b(repr(data.get_filters()).encode() + b"\0" + bytes(data.rawdata),
                          digest_size=16).digest()
    found = _COSTS.get(key)
    if found is None:
        found = _decoded_cost(data.get_data() or b"")
        if len(_COSTS) >= _COSTS_KEPT:
            del _COSTS[next(iter(_COSTS))]
        _COSTS[key] = found
    return found


def _decoded_cost(raw: bytes) -> tuple[int, int, int]:
    strings = sum(len(m) - 2 for m in _STRING.findall(raw))
    ops = _STRING.sub(b" ", raw)
    return len(_PATH_OPS.findall(ops)), strings, len(_DO.findall(ops))


def _forms_cost(resources: Any) -> tuple[int, int]:
    """Largest path and character counts among the page's form XObjects (one level)."""
    res = pdftypes.resolve1(resources)
    xobjects = pdftypes.resolve1(res.get("XObject")) if isinstance(res, dict) else None
    best_p = best_c = 0
    if isinstance(xobjects, dict):
        for ref in list(xobjects.values())[:256]:
            obj = pdftypes.resolve1(ref)
            if isinstance(obj, pdftypes.PDFStream) and obj.get("Subtype") is LIT("Form"):
                p, c, _ = _stream_cost(obj)
                best_p, best_c = max(best_p, p), max(best_c, c)
    return best_p, best_c
