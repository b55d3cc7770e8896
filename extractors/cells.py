"""Cell texts of a pdfplumber table, with each page char looked at a handful of times.

pdfplumber's ``Table.extract`` tests every char of the page against every row and then
every cell (``char_in_bbox``), which is O(cells x chars) and most of the table time on a
dense plan page. ``table_text`` gives the same cells: a char belongs to a cell when its
midpoint lies in the cell's half-open box ``[x0, x1) x [top, bottom)``, exactly as
pdfplumber decides. Chars are sorted once by vertical midpoint; each row band takes its
chars by bisection, sorts them by horizontal midpoint, and each cell bisects again. A
cell's chars keep page order and are laid out as ``pdfplumber.utils.extract_text`` lays them
out inside ``Table.extract`` (``page_text.text_of_chars``: same text, same ``None`` for a
merged-away cell, same ``""`` for an empty one).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from pdfplumber import utils

from cspipe.extractors.bullets import normalise_glyphs
from cspipe.extractors.page_text import text_of_chars

Bbox = tuple[float, float, float, float]

#: ``extract_text`` options ``page_text.text_of_chars`` takes too
_PLAIN_TEXT = frozenset({"x_tolerance", "y_tolerance"})


class CharIndex:
    """A page's chars indexed by midpoint, built once and shared by that page's tables."""

    def __init__(self, chars: list[dict[str, Any]]) -> None:
        self.chars = chars
        self.vmid = [(c["top"] + c["bottom"]) / 2 for c in chars]
        self.hmid = [(c["x0"] + c["x1"]) / 2 for c in chars]
        self.order = sorted(range(len(chars)), key=self.vmid.__getitem__)
        self.vkeys = [self.vmid[i] for i in self.order]

    def band(self, top: float, bottom: float) -> list[int]:
        """Indices of chars whose vertical midpoint is in ``[top, bottom)``."""
        return self.order[bisect_left(self.vkeys, top):bisect_left(self.vkeys, bottom)]


def _row_cells(index: CharIndex, cells: list[Bbox | None]) -> list[list[int]]:
    """Page-ordered char indices of each (non-None) cell of one row."""
    boxes = [c for c in cells if c is not None]
    if not boxes:
        return [[] for _ in cells]
    band = index.band(min(c[1] for c in boxes), max(c[3] for c in boxes))
    hmid, vmid = index.hmid, index.vmid
    band.sort(key=hmid.__getitem__)
    hkeys = [hmid[i] for i in band]
    out: list[list[int]] = []
    for cell in cells:
        if cell is None:
            out.append([])
            continue
        x0, top, x1, bottom = cell
        inside = [i for i in band[bisect_left(hkeys, x0):bisect_left(hkeys, x1)]
                  if top <= vmid[i] < bottom]
        inside.sort()
        out.append(inside)
    return out


def table_text(table: Any, index: CharIndex | None = None, *, rows: list[Any] | None = None,
               **kwargs: Any) -> list[list[str | None]]:
    """``table.extract(**kwargs)`` without the all-chars-per-cell scan.

    ``index`` may be given to share one page's ``CharIndex`` between its tables; it must
    index ``table.page.chars``. ``rows`` (some of ``table.rows``) reads only those rows,
    to test a table's first rows before reading the rest.
    """
    if index is None:
        index = CharIndex(table.page.chars)
    chars = index.chars
    out: list[list[str | None]] = []
    for row in table.rows if rows is None else rows:
        arr: list[str | None] = []
        for cell, members in zip(row.cells, _row_cells(index, row.cells), strict=True):
            if cell is None:
                arr.append(None)
            elif not members:
                arr.append("")
            else:
                if "layout" in kwargs:
                    kwargs["layout_width"] = cell[2] - cell[0]
                    kwargs["layout_height"] = cell[3] - cell[1]
                    kwargs["layout_bbox"] = cell
                cell_chars = [chars[i] for i in members]
                plain = kwargs.keys() <= _PLAIN_TEXT  # not laid out: one word pass does it
                arr.append(normalise_glyphs(text_of_chars(cell_chars, **kwargs) if plain
                                            else utils.extract_text(cell_chars, **kwargs)))
        out.append(arr)
    return out
