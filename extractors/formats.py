"""What a file is, from its first bytes: a PDF, a Word file (.docx, .doc), an OpenDocument text, RTF.

Councils link papers under names that say nothing ("Document.ashx?ID=12"), serve them as
``application/octet-stream``, or save a Word file under a ``.pdf`` name; so the kind is read
from the bytes, never from the name. A .docx and an .odt are both zip files: the members say
which (a .docx has ``word/document.xml``; an .odt's first member ``mimetype`` names its type).
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

Kind = Literal["pdf", "docx", "doc", "odt", "rtf", "unknown"]

#: the kinds cspipe reads: a PDF as it is, a .docx natively, the others through LibreOffice
DOCUMENT_KINDS: tuple[Kind, ...] = ("pdf", "docx", "doc", "odt", "rtf")
#: file name endings of the kinds above, for picking documents out of a folder
SUFFIXES = (".pdf", ".docx", ".doc", ".odt", ".rtf")
#: HTTP content types that announce one of the kinds (a server may also say octet-stream)
CONTENT_TYPES: dict[str, Kind] = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/msword": "doc",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
}

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a Compound File: .doc (also .xls, .ppt, .msg)
_ODT = b"application/vnd.oasis.opendocument.text"


def sniff(data: bytes) -> Kind:
    """The kind of document ``data`` holds, from its leading bytes (and a zip's member names)."""
    head = data[:1024]
    if b"%PDF-" in head:  # PDF readers accept the header anywhere in the first KiB
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_OLE2):
        return "doc" if _ole_is_word(data) else "unknown"
    if head.startswith(b"PK\x03\x04"):
        if head[30:38] == b"mimetype" and _ODT in head[38:38 + 80]:
            return "odt"
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
                mimetype = z.open("mimetype").read(100) if "mimetype" in names else b""
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError,
                RuntimeError):
            # a .docx cut short still says what it is in its first local header
            return "docx" if b"word/" in head or b"[Content_Types].xml" in head else "unknown"
        if "word/document.xml" in names:
            return "docx"
        if mimetype.strip() == _ODT:  # not a spreadsheet, a database or a drawing
            return "odt"
    return "unknown"


def _ole_is_word(data: bytes) -> bool:
    """A Compound File holding a Word document (its "WordDocument" stream is named in UTF-16)."""
    return "WordDocument".encode("utf-16-le") in data[:1 << 20]


def kind_of_content_type(value: str | None) -> Kind | None:
    """The document kind an HTTP ``Content-Type`` announces, or None."""
    if not value:
        return None
    return CONTENT_TYPES.get(value.split(";")[0].strip().lower())


def describe(data: bytes) -> str:
    """A few words for a failure line: what the bytes look like when they are no document."""
    if not data:
        return "empty file"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    if head.startswith(b"pk\x03\x04"):
        return "a zip file that is no Word or OpenDocument text"
    if data[:8] == _OLE2:
        return "an Office file that is no Word document"
    return "no PDF, Word or OpenDocument header"
