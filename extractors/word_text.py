"""A Word paragraph's text as positioned words: runs read, then wrapped into lines.

The PDF readers see words with x/y, size and a bold font name; a paragraph is wrapped at its
width with rough Arial-like advance widths, enough to break lines about where Word does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cspipe.extractors.word_styles import DEFAULT_SIZE, Styles, W, toggle


@dataclass
class Piece:
    """A run of text with one size and weight (a word may be made of several)."""

    text: str
    size: float
    bold: bool


def runs(p: Any, styles: Styles, page_number: int | None = None) -> list[Piece]:
    """The paragraph's text in pieces: runs, tabs as spaces, breaks as newlines, PAGE fields."""
    out: list[Piece] = []
    in_field = False
    field_code = ""
    for r in p.iter(f"{W}r"):
        size, bold = styles.size(p, r), styles.bold(p, r)
        for child in r:
            tag = child.tag
            if tag == f"{W}fldChar":
                kind = child.get(f"{W}fldCharType")
                if kind == "begin":
                    in_field, field_code = True, ""
                elif kind == "separate" and "PAGE" in field_code.split():
                    if page_number is not None:
                        out.append(Piece(str(page_number), size, bold))
                elif kind == "end":
                    in_field = False
            elif tag == f"{W}instrText":
                field_code += child.text or ""
            elif tag == f"{W}t":
                if not (in_field and "PAGE" in field_code.split()):
                    out.append(Piece(child.text or "", size, bold))
            elif tag == f"{W}tab":
                out.append(Piece(" ", size, bold))
            elif tag in (f"{W}br", f"{W}cr") and child.get(f"{W}type") not in ("page", "column"):
                out.append(Piece("\n", size, bold))
            elif tag == f"{W}noBreakHyphen":
                out.append(Piece("-", size, bold))
    return out


def breaks_page(p: Any) -> bool:
    """A hard page break in the paragraph, or "page break before" on it."""
    if any(br.get(f"{W}type") == "page" for br in p.iter(f"{W}br")):
        return True
    return bool(toggle(p.find(f"{W}pPr"), "pageBreakBefore"))



#: rough advance widths (em) of Arial-like faces, enough to wrap lines where Word would
_NARROW = set("il.,:;|!'`·ijtf()[]-/ ")
_WIDE = set("mwMW@%")


def text_width(text: str, size: float, bold: bool = False) -> float:
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.28
        elif ch in _WIDE:
            em += 0.85
        elif ch.isupper():
            em += 0.67
        elif ch.isdigit():
            em += 0.556
        else:
            em += 0.52
    return em * size * (1.06 if bold else 1.0)


def _font(bold: bool) -> str:
    return "Arial-BoldMT" if bold else "ArialMT"


@dataclass
class Laid:
    """Lines laid out in a box: words with x positions relative to the box, and the height."""

    lines: list[list[dict[str, Any]]] = field(default_factory=list)
    height: float = 0.0


def lay_paragraph(pieces: list[Piece], width: float, left: float, first: float,
                  marker: str | None, line_factor: float) -> Laid:
    """Wrap a paragraph's pieces into lines of ``width`` points; x relative to the box's left."""
    words: list[tuple[str, float, bool, bool]] = []  # text, size, bold, newline before
    newline = False
    for piece in pieces:
        for part in re.split(r"(\n| +)", piece.text):
            if part == "\n":
                newline = True
            elif part.strip() == "" and part:
                if words:
                    words.append(("", 0, False, False))  # a space: word boundary
            elif part:
                if words and words[-1][0] != "" and not newline:
                    t, s, b, nl = words[-1]  # runs split mid-word: one word
                    words[-1] = (t + part, max(s, piece.size), b or piece.bold, nl)
                else:
                    words.append((part, piece.size, piece.bold, newline))
                newline = False
    words = [w for w in words if w[0]]
    laid = Laid()
    size = max((w[1] for w in words), default=pieces[0].size if pieces else DEFAULT_SIZE)
    leading = size * 1.15 * line_factor
    x_start = left + (first if first > 0 else 0)
    line: list[dict[str, Any]] = []
    x = x_start
    if marker:
        mx = left + first if first < 0 else left
        line.append(_word(marker, mx, size, False))
        x = max(x, mx + text_width(marker + " ", size))
    y = 0.0
    for text, wsize, bold, nl in words:
        w = text_width(text, wsize, bold)
        if line and (nl or x + w > width + 0.5) and x > left + 0.5:
            laid.lines.append(_at(line, y))
            y += leading
            line, x = [], left
        line.append(_word(text, x, wsize, bold))
        x += w + text_width(" ", wsize)
    if line:
        laid.lines.append(_at(line, y))
        y += leading
    laid.height = y
    return laid


def _word(text: str, x: float, size: float, bold: bool) -> dict[str, Any]:
    return {"text": text, "x0": x, "x1": x + text_width(text, size, bold), "size": size,
            "fontname": _font(bold), "upright": True}


def _at(line: list[dict[str, Any]], y: float) -> list[dict[str, Any]]:
    size = max(w["size"] for w in line)
    for w in line:
        w["top"] = y + (size - w["size"]) * 0.8
        w["bottom"] = w["top"] + w["size"]
    return line
