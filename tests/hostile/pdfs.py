"""Hostile PDFs written byte by byte, and mutations of real ones: the fuzz corpus.

Each builder returns the bytes of one PDF meant to break a reader in one way: an object
that refers to itself, a decompression bomb, a page with tens of thousands of rules,
rectangles or characters, a broken cross-reference table. ``mutations`` derives damaged
copies (byte flips, truncations, spliced garbage) from seed PDFs. Everything is seeded,
so a corpus is the same bytes on every run.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable, Iterator

Object = bytes


def write_pdf(objects: list[Object], *, root: int = 1, xref: bool = True) -> bytes:
    """A PDF from numbered object bodies (object i + 1 is ``objects[i]``) with a correct xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, start)
    return bytes(out)


def stream(content: bytes, *, flate: bool = False, extra: bytes = b"") -> Object:
    data = zlib.compress(content, 9) if flate else content
    filt = b" /Filter /FlateDecode" if flate else b""
    return b"<< /Length %d%s%s >>\nstream\n" % (len(data), filt, extra) + data + b"\nendstream"


def one_page(content: bytes, *, flate: bool = False, mediabox: bytes = b"[0 0 612 792]",
             extra_objects: list[Object] | None = None) -> bytes:
    """Catalog, pages, one page with Helvetica and the given content stream."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + mediabox
        + b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content, flate=flate),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return write_pdf(objects + list(extra_objects or []))


def text_lines(lines: list[str], size: int = 10) -> bytes:
    ops = [b"BT /F1 %d Tf" % size]
    for i, line in enumerate(lines):
        safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"1 0 0 1 50 %d Tm (%s) Tj" % (760 - i * (size + 2), safe.encode("latin-1")))
    ops.append(b"ET")
    return b"\n".join(ops)


PLAIN_TEXT = ["Community Safety Partnership action plan 2024/25",
              "Priority: anti-social behaviour. Lead: District Council.",
              "Contact officer: Jane Example, 01234 567890, jane.example@council.gov.uk"]


# -- hostile builders ----------------------------------------------------------------------------

def self_referencing_mediabox() -> bytes:
    """/MediaBox is object 6, whose value is a reference to object 6: resolve1 spins forever."""
    return one_page(text_lines(PLAIN_TEXT), mediabox=b"6 0 R", extra_objects=[b"6 0 R"])


def reference_cycle() -> bytes:
    """/MediaBox 6 -> 7 -> 6."""
    return one_page(text_lines(PLAIN_TEXT), mediabox=b"6 0 R", extra_objects=[b"7 0 R", b"6 0 R"])


def self_referencing_pages() -> bytes:
    """The page tree lists itself as its own kid."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               stream(text_lines(PLAIN_TEXT))]
    return write_pdf(objects)


def decompression_bomb(mib: int = 1024) -> bytes:
    """A Flate content stream of ``mib`` MiB of spaces (about 1 MiB compressed per GiB)."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(comp.compress(chunk) for _ in range(mib)) + comp.flush()
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>", body]
    return write_pdf(objects)


def many_rules(n: int = 40_000) -> bytes:
    """A grid of ``n`` short ruling lines, half vertical, half horizontal."""
    rng = random.Random(n)
    ops = [b"0.2 w"]
    for i in range(n):
        x, y = rng.uniform(20, 590), rng.uniform(20, 770)
        ops.append(b"%.1f %.1f m %.1f %.1f l S" % ((x, y, x, y + 12) if i % 2 else (x, y, x + 12, y)))
    return one_page(b"\n".join(ops) + b"\n" + text_lines(PLAIN_TEXT), flate=True)


def many_rects(n: int = 150_000) -> bytes:
    """``n`` tiny filled rectangles."""
    rng = random.Random(n)
    ops = [b"%.1f %.1f 1 1 re f" % (rng.uniform(0, 611), rng.uniform(0, 791)) for _ in range(n)]
    return one_page(b"\n".join(ops) + b"\n" + text_lines(PLAIN_TEXT), flate=True)


def many_chars(n: int = 200_000) -> bytes:
    """``n`` characters in tiny type on one page."""
    rows = []
    per_row = 400
    for r in range(n // per_row):
        rows.append(b"1 0 0 1 2 %.2f Tm (%s) Tj" % (790 - r * 1.5, b"x" * per_row))
    return one_page(b"BT /F1 1 Tf\n" + b"\n".join(rows) + b"\nET", flate=True)


def many_pages(n: int = 3000) -> bytes:
    """``n`` pages of one short line each."""
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n]
    for i in range(n):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (3 + 2 * n, 4 + 2 * i))
        objects.append(stream(text_lines([f"Page {i + 1}: community safety"])))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return write_pdf(objects)


def huge_page_count_claim() -> bytes:
    """/Count says a billion pages; there is one."""
    return one_page(text_lines(PLAIN_TEXT)).replace(b"/Count 1", b"/Count 1000000000")


def broken_xref() -> bytes:
    """Every xref offset points at garbage; the reader must fall back to scanning."""
    data = one_page(text_lines(PLAIN_TEXT))
    head, _, tail = data.partition(b"xref\n")
    lines = tail.split(b"\n")
    lines = [b"%010d 00000 n " % (9_999_999 - i) if ln.endswith(b" n ") else ln for i, ln in enumerate(lines)]
    return head + b"xref\n" + b"\n".join(lines)


def no_xref() -> bytes:
    return one_page(text_lines(PLAIN_TEXT)).replace(b"xref", b"xfer")


def deep_nesting(depth: int = 50_000) -> bytes:
    """An array nested ``depth`` deep in the page dictionary."""
    return one_page(text_lines(PLAIN_TEXT), extra_objects=[b"[" * depth + b"]" * depth])


def endless_string() -> bytes:
    """A string that never closes, then junk to the end."""
    return one_page(b"BT /F1 10 Tf 50 700 Td (never closed " + b"x" * 200_000)


def lzw_bomb() -> bytes:
    """A content stream filtered through a long chain of filters."""
    content = text_lines(PLAIN_TEXT)
    data = content
    for _ in range(30):
        data = zlib.compress(data)
    filters = b"[" + b" ".join([b"/FlateDecode"] * 30) + b"]"
    body = b"<< /Length %d /Filter %s >>\nstream\n" % (len(data), filters) + data + b"\nendstream"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>", body,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return write_pdf(objects)


def negative_mediabox() -> bytes:
    return one_page(text_lines(PLAIN_TEXT), mediabox=b"[0 0 -1e30 1e30]")


def huge_numbers() -> bytes:
    return one_page(b"BT /F1 1e308 Tf 1e308 1e308 Td (big) Tj ET " + text_lines(PLAIN_TEXT))


HOSTILE: dict[str, Callable[[], bytes]] = {
    "self-ref-mediabox": self_referencing_mediabox,
    "ref-cycle": reference_cycle,
    "self-ref-pages": self_referencing_pages,
    "bomb-1gib": decompression_bomb,
    "rules-40k": many_rules,
    "rects-150k": many_rects,
    "chars-200k": many_chars,
    "pages-3000": many_pages,
    "count-claim": huge_page_count_claim,
    "broken-xref": broken_xref,
    "no-xref": no_xref,
    "deep-nesting": deep_nesting,
    "endless-string": endless_string,
    "filter-chain": lzw_bomb,
    "negative-mediabox": negative_mediabox,
    "huge-numbers": huge_numbers,
}


# -- mutations -----------------------------------------------------------------------------------

def mutations(seed_pdf: bytes, n: int, seed: int = 0) -> Iterator[tuple[str, bytes]]:
    """``n`` damaged copies of ``seed_pdf``: byte flips, truncations, splices, zeroed runs."""
    rng = random.Random(seed)
    size = len(seed_pdf)
    for i in range(n):
        data = bytearray(seed_pdf)
        kind = ("flip", "truncate", "splice", "zero", "dup")[i % 5]
        if kind == "flip":
            for _ in range(rng.randint(1, 64)):
                data[rng.randrange(size)] = rng.randrange(256)
        elif kind == "truncate":
            del data[rng.randrange(16, size):]
        elif kind == "splice":
            at = rng.randrange(size)
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4096)))
        elif kind == "zero":
            at = rng.randrange(size)
            data[at:at + rng.randint(16, 8192)] = b"\0" * min(8192, size - at)
        else:  # a region copied over another: plausible-looking but wrong offsets
            a, b = rng.randrange(size), rng.randrange(size)
            ln = rng.randint(64, 16384)
            data[b:b + ln] = data[a:a + ln]
        yield f"{kind}-{seed}-{i}", bytes(data)
