"""A .docx opened safely: a zip file checked before python-docx sees it.

A corrupt file, one cut short, or a zip bomb (parts that inflate past a sane size) fails with
one line (``WordError``); python-docx parses the XML without expanding entities.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from cspipe.extractors.pdf import PdfError

#: most bytes all members of a .docx may inflate to, and most members (a zip bomb has more)
MAX_UNZIPPED = 256 * 1024 * 1024
MAX_MEMBERS = 5000
#: most inflated bytes per compressed byte in one member (XML compresses ~10-30x)
MAX_RATIO = 200


class WordError(PdfError):
    """A Word file that cannot be read; ``str`` is the one-line reason (a ``PdfError``, so the
    pipeline records it as it records an unreadable PDF)."""




def check_zip(data: bytes) -> None:
    """Refuse a .docx that is no zip, is cut short, or inflates past the limits (a zip bomb)."""
    if not data:
        raise WordError("empty file")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if len(infos) > MAX_MEMBERS:
                raise WordError(f"Word file with {len(infos)} parts (limit {MAX_MEMBERS}): zip bomb?")
            total = 0
            for info in infos:
                total += info.file_size
                if total > MAX_UNZIPPED:
                    raise WordError(f"Word file inflates past {MAX_UNZIPPED >> 20} MiB (zip bomb?)")
                if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(1, info.compress_size):
                    raise WordError(f"Word file part {info.filename[:40]} inflates "
                                    f"{info.file_size // max(1, info.compress_size)}x (zip bomb?)")
            if "word/document.xml" not in {i.filename for i in infos}:
                raise WordError("corrupt Word file: no word/document.xml")
            bad = z.testzip()
            if bad:
                raise WordError(f"corrupt Word file: part {bad[:40]} is damaged")
    except zipfile.BadZipFile as exc:
        raise WordError(f"corrupt Word file: {exc}") from exc
    except (ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise WordError(f"corrupt Word file: {exc}") from exc


def open_docx(data: bytes) -> Any:
    """The python-docx ``Document``; ``WordError`` for anything that is not a readable .docx."""
    check_zip(data)
    import docx  # python-docx, a dependency

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - lxml, zipfile and python-docx each raise their own
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise WordError(f"corrupt Word file: {text[:150]}") from exc
