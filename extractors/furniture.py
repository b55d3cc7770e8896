"""Running headers and footers, found by repetition across pages and removed.

A council paper repeats its title, the council's name and a page number at the top or foot
of every page ("East X CSP Action Plan 2023/24  Page 7"). Read as text, that line glues
itself onto the last action or lead of the page. A line in the top or bottom band of the
page that recurs, at the same height, on most pages (numbers allowed to change) is furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

#: how much of the page height, from the top and from the foot, furniture may sit in
BAND = 0.075
#: a line is furniture when it recurs on at least this share of the pages (and on two)
SHARE = 0.5

_DIGITS = re.compile(r"\d+")


def _rows(words: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    rows: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (float(w["top"]), float(w["x0"]))):
        if rows and abs(float(rows[-1][0]["top"]) - float(w["top"])) <= 2.5:
            rows[-1].append(w)
        else:
            rows.append([w])
    return rows


def _key(row: list[dict[str, Any]], height: float) -> tuple[str, int, str] | None:
    top = float(row[0]["top"])
    bottom = max(float(w["bottom"]) for w in row)
    text = " ".join(str(w["text"]) for w in sorted(row, key=lambda w: float(w["x0"])))
    shape = _DIGITS.sub("#", " ".join(text.lower().split()))
    if not shape.strip("# "):
        shape = "#"  # a bare page number
    if top < BAND * height:
        return ("top", round(top / 4), shape)
    if bottom > (1 - BAND) * height:
        return ("foot", round((height - bottom) / 4), shape)
    return None


def furniture_keys(pages: Sequence[tuple[Sequence[dict[str, Any]], float]]) -> set[tuple[str, int, str]]:
    """The header/footer lines that recur over ``pages`` (each: its words and its height)."""
    if len(pages) < 2:
        return set()
    seen: dict[tuple[str, int, str], int] = {}
    for words, height in pages:
        keys = {k for row in _rows(words) if (k := _key(row, height)) is not None}
        for k in keys:
            seen[k] = seen.get(k, 0) + 1
    need = max(2, SHARE * len(pages))
    return {k for k, n in seen.items() if n >= need and k[2] != "#" or k[2] == "#" and n >= 2}


def without_furniture(words: list[dict[str, Any]], height: float,
                      keys: set[tuple[str, int, str]]) -> list[dict[str, Any]]:
    """``words`` less the lines whose position and shape are in ``keys``."""
    if not keys:
        return words
    drop: set[int] = set()
    for row in _rows(words):
        k = _key(row, height)
        if k is not None and (k in keys or any(
                (k[0], k[1] + d, k[2]) in keys for d in (-1, 1))):
            drop.update(id(w) for w in row)
    return [w for w in words if id(w) not in drop] if drop else words
