"""Make a LibreOffice or Chromium PDF the same bytes on every rebuild, where the tools allow.

Both write the time of export (Info ``/CreationDate``, ``/ModDate``, XMP dates) and
LibreOffice a random document ``/ID`` and a ``/DocChecksum`` over them. Each is overwritten in place with a fixed
value of the same length, so the cross-reference offsets stay valid.
"""

from __future__ import annotations

import re

FIXED_DATE = b"20240101000000"


def _date(match: re.Match[bytes]) -> bytes:
    digits = match.group(2)
    return match.group(1) + (FIXED_DATE * 2)[: len(digits)]


def _zeros(match: re.Match[bytes]) -> bytes:
    return b"<" + b"0" * (len(match.group(0)) - 2) + b">"


def _xmp(match: re.Match[bytes]) -> bytes:
    size = len(match.group(2))
    return match.group(1) + (b"2024-01-01T00:00:00Z" + b" " * size)[:size]


def normalise(data: bytes) -> bytes:
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d+)", _date, data)
    data = re.sub(rb"(/ID\s*\[\s*)(<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>)",
                  lambda mt: mt.group(1) + re.sub(rb"<[0-9A-Fa-f]+>", _zeros, mt.group(2)), data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda mt: mt.group(1) + b"0" * len(mt.group(2)), data)
    return re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]+)", _xmp, data)
