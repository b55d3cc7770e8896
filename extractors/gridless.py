"""Tables drawn without ruling lines: columns from a header row, rows from line spacing.

An unruled plan table is text laid out in columns: a header line whose cells name known
column meanings ("Action", "Owner", "Target date"), cells left-aligned under their header,
wrapped lines of one row closer together than two rows, and full-width sub-heading lines
("Priority 2 - Anti-social behaviour") between groups of rows. Words are put in columns by
where they start, so columns with narrow gutters are read as well as wide ones. A page
whose table goes on from the previous page without repeating its header is read with the
previous page's columns (``continuation``).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Any

from cspipe.extractors.columns import header_role, map_header
from cspipe.extractors.table_model import PageTable

#: a gap wider than this (in font sizes) between two words separates two cells of a line
CELL_GAP_EM = 0.6
#: a line this much further below the previous one (in line pitches) starts a new row
ROW_GAP = 1.3
#: a list item's marker: a bulleted line is running text, never a row group's name
_BULLET = re.compile(r"^\s*(?:[-•▪●◦○■➢►*·–]|\d{1,2}[.)])\s")
#: words starting this close (points) to the left of a column start still belong to it
START_TOL = 2.5


@dataclass
class Word:
    """A word's box, text and font facts."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    bold: bool
    size: float


@dataclass
class TextLine:
    """Words on one baseline, left to right."""

    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.size for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class HeaderCell:
    x0: float
    x1: float
    text: str


def _word(w: dict[str, Any]) -> Word:
    size = float(w.get("size") or (float(w["bottom"]) - float(w["top"])))
    return Word(float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]),
                str(w["text"]), "bold" in str(w.get("fontname", "")).lower(), size)


def text_lines(words: list[dict[str, Any]]) -> list[TextLine]:
    """Words grouped into lines by vertical position, top to bottom."""
    lines: list[list[Word]] = []
    for w in sorted((_word(w) for w in words), key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1][0].top - w.top) <= max(2.0, 0.3 * w.size):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [TextLine(sorted(ln, key=lambda w: w.x0)) for ln in lines]


def _chunks(line: TextLine) -> list[list[Word]]:
    """A line split into runs of words at gaps wider than an ordinary word space."""
    out: list[list[Word]] = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:], strict=False):
        if w.x0 - prev.x1 > CELL_GAP_EM * max(w.size, 1.0):
            out.append([w])
        else:
            out[-1].append(w)
    return out


def _known(words: list[Word]) -> bool:
    return header_role(" ".join(w.text for w in words)) != "unknown"


def _split_known(run: list[Word]) -> list[list[Word]]:
    """A run of header words split into column names when every part names a column.

    Narrow gutters leave "Owner Target date" as one run; "Activity update" (one name) stays
    whole because the longest name wins.
    """
    if _known(run) or len(run) == 1:
        return [run]
    parts: list[list[Word]] = []
    i = 0
    while i < len(run):
        for j in range(min(len(run), i + 5), i, -1):
            if _known(run[i:j]):
                parts.append(run[i:j])
                i = j
                break
        else:
            return [run]
    return parts


def header_cells(line: TextLine) -> list[HeaderCell] | None:
    """The line's cells when it reads as a table header row (three or more cells)."""
    if len(line.words) < 3 or len(line.words) > 30:
        return None
    cells: list[HeaderCell] = []
    for run in _chunks(line):
        for part in _split_known(run):
            cells.append(HeaderCell(part[0].x0, part[-1].x1, " ".join(w.text for w in part)))
    if len(cells) < 3 or map_header([c.text for c in cells]) is None:
        return None
    # a header names its columns: every cell (one may be left unnamed in a wide table),
    # never a sentence run on from the text beside a label ("... schools. | Priority | Date")
    unknown = sum(1 for c in cells if header_role(c.text) == "unknown")
    if unknown > (1 if len(cells) >= 4 else 0) or any(c.text.endswith(".") for c in cells):
        return None
    return cells


def _column(x0: float, starts: list[float]) -> int:
    """The column a word starting at ``x0`` falls in."""
    col = 0
    for i, s in enumerate(starts):
        if x0 >= s - START_TOL:
            col = i
    return col


def _straddles(line: TextLine, starts: list[float]) -> bool:
    """Does a word, or a run of words set with ordinary spaces, cross a column start (running
    text, not a table row)?"""
    if any(w.x0 < s - START_TOL and w.x1 > s + START_TOL for w in line.words for s in starts[1:]):
        return True
    return any(_column(run[0].x0, starts) != _column(run[-1].x0, starts) for run in _chunks(line))


def _subheading(line: TextLine, starts: list[float], body_bold: bool) -> bool:
    """A line naming a group of rows: one run from the first column, across the columns or bold."""
    chunks = _chunks(line)
    if len(chunks) != 1 or abs(line.x0 - starts[0]) > 3 * START_TOL or _BULLET.match(line.text):
        return False
    if len(line.words) > 14 or line.text.rstrip().endswith((".", ";", ",")):
        return False
    return _straddles(line, starts) or (line.bold and not body_bold)


def _column_tops(line: TextLine, starts: list[float]) -> dict[int, float]:
    """Each column's own top on a line: lines of two columns set a point or two apart
    (a cell's paragraphs spaced, a different font) read as one line, and the gaps within a
    column are measured from its own words."""
    tops: dict[int, float] = {}
    for w in line.words:
        col = _column(w.x0, starts)
        tops[col] = min(tops.get(col, w.top), w.top)
    return tops


def _pitch(lines: list[TextLine], starts: list[float]) -> float:
    """The usual distance between wrapped lines of one cell (the smaller gaps within a column).

    Capped near the font size, so a table whose cells are all one line still splits into rows.
    """
    gaps: list[float] = []
    last: dict[int, float] = {}
    for ln in lines:
        for col, top in _column_tops(ln, starts).items():
            if col in last and top > last[col]:
                gaps.append(top - last[col])
            last[col] = top
    size = statistics.median(ln.size for ln in lines) if lines else 10.0
    if not gaps:
        return 1.2 * size
    gaps.sort()
    return min(gaps[: max(1, len(gaps) // 3)][-1], 1.25 * size)


def _body(lines: list[TextLine], starts: list[float], limit: int) -> list[TextLine]:
    """Lines that continue the table: up to the next header, running text or the footer."""
    out: list[TextLine] = []
    for line in lines[:limit]:
        if header_cells(line) is not None and out:
            break
        body_bold = bool(out) and sum(ln.bold for ln in out) > len(out) / 2
        if _straddles(line, starts) and not _subheading(line, starts, body_bold):
            # a heading line right above the running text heads that text, not table rows
            while out and _subheading(out[-1], starts, body_bold):
                out.pop()
            break
        out.append(line)
    # a table ends at a gap much wider than its row spacing (a heading, a paragraph below)
    if len(out) > 2:
        pitch = _pitch(out, starts)
        for k in range(1, len(out)):
            if out[k].top - out[k - 1].bottom > max(4 * pitch, 3 * out[k].size):
                return out[:k]
    return out


def _row_starts(lines: list[TextLine], starts: list[float], pitch: float) -> list[float]:
    """Tops where a row begins: where any column's text resumes after a gap wider than its
    wrapped lines (cells are top-aligned, so every cell of a row begins on the row's top)."""
    last: dict[int, float] = {}
    tops: list[float] = []
    for ln in lines:
        for col, top in sorted(_column_tops(ln, starts).items()):
            if col not in last or top - last[col] > ROW_GAP * pitch + 0.5:
                tops.append(ln.top)
            last[col] = top
    out: list[float] = []
    for t in sorted(tops):
        if not out or t - out[-1] > 1.0:
            out.append(t)
    return out


def _rows(lines: list[TextLine], starts: list[float]) -> list[list[str | None]]:
    """Lines grouped into table rows: a sub-heading line is a row of its own; between them a
    row starts where some column's text starts again after a gap."""
    if not lines:
        return []
    ncols = len(starts)
    pitch = _pitch(lines, starts)
    body_bold = sum(ln.bold for ln in lines) > len(lines) / 2
    out: list[list[str | None]] = []
    group: list[TextLine] = []

    def flush() -> None:
        if not group:
            return
        tops = _row_starts(group, starts, pitch)
        cells = [[[] for _ in range(ncols)] for _ in tops]
        for ln in group:
            k = max(i for i, t in enumerate(tops) if t <= ln.top + 1.0) if ln.top + 1.0 >= tops[0] else 0
            used = set()
            for w in ln.words:
                col = _column(w.x0, starts)
                cells[k][col].append(w.text)
                used.add(col)
            for col in used:
                cells[k][col].append("\n")
        out.extend([_cell_text(c) for c in row] for row in cells)
        group.clear()

    prev: TextLine | None = None
    for line in lines:
        # a bold first-column line close under the previous one is a wrapped cell, not a heading
        apart = prev is None or line.top - prev.top > ROW_GAP * pitch + 0.5
        if _subheading(line, starts, body_bold) and (apart or _straddles(line, starts)):
            flush()
            out.append([line.text, *([None] * (ncols - 1))])
        else:
            group.append(line)
        prev = line
    flush()
    return out


def _cell_text(parts: list[str]) -> str:
    """Words of one cell, a line break where a line of the cell ended."""
    text = " ".join(parts)
    text = re.sub(r" ?\n ?", "\n", text)
    return "\n".join(ln for ln in text.split("\n") if ln.strip())


def _header_block(lines: list[TextLine], i: int, cells: list[HeaderCell]) -> int:
    """Index of the first line after a header row, wrapped header lines included."""
    head = lines[i]
    starts = [c.x0 for c in cells]
    j = i + 1
    while j < len(lines):
        ln = lines[j]
        gap = ln.top - lines[j - 1].top
        if not (head.bold and ln.bold) or gap > 1.45 * head.size or _straddles(ln, starts):
            break
        for w in ln.words:
            cells[_column(w.x0, starts)].text += f" {w.text}"
        j += 1
    return j


def _aligned_starts(cells: list[HeaderCell], below: list[TextLine]) -> list[float]:
    """Column starts: each header cell's left edge, or, for a header centred over its column,
    the left edge that three or more lines below share between it and the header to its left."""
    starts = [c.x0 for c in cells]
    firsts: list[float] = [run[0].x0 for ln in below for run in _chunks(ln)]
    for j in range(1, len(cells)):
        lo = cells[j - 1].x1 + 2.0
        hi = cells[j].x0 - START_TOL
        cands = sorted(x for x in firsts if lo < x < hi)
        best: float | None = None
        for x in cands:
            if sum(1 for y in cands if abs(y - x) <= 1.5) >= 3:
                best = x
                break
        if best is not None:
            starts[j] = best
    return starts


def _table(page: int, right: float, starts: list[float], header: list[str | None] | None,
           body: list[TextLine], top: float) -> PageTable | None:
    rows = _rows(body, starts)
    if header is not None:
        rows = [header, *rows]
    if len(rows) < 2 and header is not None or not rows:
        return None
    bottom = body[-1].bottom if body else top
    xs = [*starts, right]
    return PageTable(page=page, bbox=(starts[0], top, right, bottom), xs=xs, rows=rows,
                     source="gridless")


def _margins(lines: list[TextLine], height: float) -> list[TextLine]:
    """Lines outside the running header and footer."""
    return [ln for ln in lines if 0.05 * height < ln.top and ln.bottom < 0.94 * height]


def find_tables(words: list[dict[str, Any]], page: int, width: float, height: float,
                carry: list[float] | None = None) -> list[PageTable]:
    """Unruled tables on a page, each from its header row to where its columns stop.

    ``carry`` (column boundaries of a table the previous page ended in) reads lines at the
    top of the page, above any header, as that table's continuation.
    """
    lines = _margins(text_lines(words), height)
    heads = [(i, cells) for i, ln in enumerate(lines) if (cells := header_cells(ln)) is not None]
    out: list[PageTable] = []
    if carry is not None and lines:
        first = heads[0][0] if heads else len(lines)
        starts = carry[:-1]
        body = _body(lines, starts, first)
        if body and all(not _straddles(ln, starts) or _subheading(ln, starts, False) for ln in body) \
                and any(len(_chunks(ln)) > 1 for ln in body):
            t = _table(page, carry[-1], starts, None, body, body[0].top)
            if t is not None:
                out.append(t)
    for n, (i, cells) in enumerate(heads):
        j = _header_block(lines, i, cells)
        if j == i + 1 and any(i < k < j for k, _ in heads):
            continue
        nxt = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        starts = _aligned_starts(cells, lines[j:nxt])
        body = _body(lines[j:], starts, max(0, nxt - j))
        right = max([width * 0.97, *(w.x1 for ln in body for w in ln.words)])
        right = min(right, width)
        t = _table(page, right, starts, [c.text for c in cells], body, lines[i].top)
        if t is not None and len(t.rows) >= 2:
            out.append(t)
    return out
