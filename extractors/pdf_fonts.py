"""The few facts about a page's fonts that place a glyph as pdfminer places it.

PDFium gives each glyph's origin and advance; pdfminer, whose boxes every extractor was built
on, puts a glyph's bottom at the baseline plus the font descriptor's /Descent, names it by the
descriptor's /FontName, and advances a standard-14 font (Helvetica with no program of its
own) by the AFM widths it ships. This module reads those facts from the page's resources
(its fonts and the fonts of the forms it draws), without interpreting any content.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral

#: how deep forms may nest inside forms before the walk stops (a hostile file loops)
MAX_DEPTH = 8


@dataclass(frozen=True)
class FontInfo:
    """A font as pdfminer sees it."""

    fontname: str
    descent: float  # in text space (1 = an em), <= 0
    widths: dict[str, float] | None = None  # AFM widths of a standard-14 font, 1/1000 em


class Type3Font(Exception):
    """A Type 3 font draws glyphs with its own matrix; pdfminer reads such a page."""


def _name(value: Any) -> str:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        value = value.name
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return str(value) if value is not None else ""


def _number(value: Any) -> float:
    value = resolve1(value)
    return float(value) if isinstance(value, int | float) else 0.0


def _dict(value: Any) -> dict:
    value = resolve1(value)
    return value if isinstance(value, dict) else {}


def font_info(spec: dict) -> tuple[str, FontInfo]:
    """The font's /BaseFont and what pdfminer makes of it."""
    subtype = _name(spec.get("Subtype"))
    if subtype == "Type3":
        raise Type3Font("Type 3 font")
    base = _name(spec.get("BaseFont")) or "unknown"
    if subtype in ("Type1", "MMType1", "TrueType") and base in FONT_METRICS:
        descriptor, widths = FONT_METRICS[base]
        descent = -abs(_number(descriptor.get("Descent", 0)))
        return base, FontInfo(str(descriptor.get("FontName", base)), descent * 0.001,
                              {str(k): float(v) for k, v in widths.items()})
    if subtype == "Type0":
        descendants = resolve1(spec.get("DescendantFonts")) or []
        descriptor = _dict(_dict(descendants[0] if descendants else {}).get("FontDescriptor"))
    else:
        descriptor = _dict(spec.get("FontDescriptor"))
    fontname = _name(descriptor.get("FontName")) or "unknown"
    descent = -abs(_number(descriptor.get("Descent", 0)))
    return base, FontInfo(fontname, descent * 0.001)


def font_key(name: str) -> str:
    """A font's name without its subset tag: PDFium gives "ABCDEF+Arial" or "Arial" by font type."""
    return name[7:] if name[6:7] == "+" else name


def font_table(resources: Any) -> dict[str, FontInfo | None]:
    """Every font a page's resources (and its forms') name, by /BaseFont and by its
    ``font_key``; None where two different fonts share a name.

    Raises ``Type3Font`` when one is a Type 3 font.
    """
    out: dict[str, FontInfo | None] = {}
    seen: set[int] = set()

    def walk(res: Any, depth: int) -> None:
        res = _dict(res)
        if not res or id(res) in seen or depth > MAX_DEPTH:
            return
        seen.add(id(res))
        for spec in _dict(res.get("Font")).values():
            spec = _dict(spec)
            if spec:
                base, info = font_info(spec)
                for key in {base, font_key(base)}:
                    if out.setdefault(key, info) != info:
                        out[key] = None
        for xobject in _dict(res.get("XObject")).values():
            stream = resolve1(xobject)
            attrs = getattr(stream, "attrs", None)
            if isinstance(attrs, dict) and _name(attrs.get("Subtype")) == "Form":
                walk(attrs.get("Resources"), depth + 1)

    walk(resources, 0)
    return out
