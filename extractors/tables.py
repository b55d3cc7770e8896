"""Tables on one page: ruled tables (pdfplumber), unruled ones (``gridless``), aligned text, and
the headings and labels above them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

from cspipe.extractors.cells import CharIndex, table_text
from cspipe.extractors.columns import ColumnMap, header_role, map_header, subheading
from cspipe.extractors.gridless import find_tables
from cspipe.extractors.pdf import PageView
from cspipe.extractors.table_model import (
    CARRY_ROLES,
    X_TOL,
    PageTable,
    clean,
    empty,
)

_LINES = {"vertical_strategy": "lines", "horizontal_strategy": "lines",
          "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3}
_TEXT = {"vertical_strategy": "text", "horizontal_strategy": "text",
         "min_words_vertical": 3, "min_words_horizontal": 2, "text_x_tolerance": 2}


# --------------------------------------------------------------------------- per page


def _boundaries(xs_raw: Sequence[float], right: float) -> list[float]:
    xs: list[float] = []
    for x in sorted([*xs_raw, right]):
        if not xs or x - xs[-1] > X_TOL:
            xs.append(float(x))
    return xs


def _from_plumber(page: PageView, table: Any, source: str,
                  index: CharIndex | None = None) -> PageTable | None:
    """A pdfplumber table as a ``PageTable`` (cells as ``Table.extract`` reads them, faster)."""
    rows = table_text(table, index, x_tolerance=1.5)
    if not rows or len(rows) < 1:
        return None
    cells = table.cells
    x0s = sorted({c[0] for c in cells})
    xs = _boundaries(x0s, table.bbox[2])
    # pdfplumber aligns every row to the same x0 set; keep that width
    ncols = max(len(r) for r in rows)
    if len(xs) - 1 != ncols:
        xs = [*x0s[:ncols], table.bbox[2]]
    rows = [list(r) + [None] * (ncols - len(r)) for r in rows]
    if ncols < 2 or not any(any(not empty(c) for c in r) for r in rows):
        return None
    return PageTable(page=page.number, bbox=tuple(table.bbox), xs=xs, rows=rows, source=source)


def _open_ends(page: PageView) -> list[float]:
    """y of vertical rules' ends that no horizontal rule closes (a table cut at a page top/bottom
    often loses its border there); closing them lets the cut cells be found.

    Sort and sweep, not every end against every rule: a hostile page holds tens of thousands
    of rules, and the per-end work is a binary search plus the few rules at that height.
    """
    try:
        edges = page.plumber.edges
    except Exception:
        return []
    vertical = sorted((e for e in edges if e.get("orientation") == "v" and e["bottom"] - e["top"] > 5),
                      key=lambda e: e["top"])
    # a rule drawn as a thin filled rectangle (browsers draw borders so) has ends of its own:
    # the stub across a vertical rule's end is not a horizontal rule closing it
    horizontal = sorted((e for e in edges if e.get("orientation") == "h" and e["x1"] - e["x0"] > 5),
                        key=lambda e: e["top"])
    h_tops = [h["top"] for h in horizontal]
    v_tops = [v["top"] for v in vertical]
    reach = list(accumulate((v["bottom"] for v in vertical), max))  # lowest bottom so far
    pieces = _pieces(vertical)
    ends: set[float] = set()
    for v in vertical:
        for y in (v["top"], v["bottom"]):
            if _crossed(v_tops, reach, y) or _closed(horizontal, h_tops, y, v["x0"]) or _joined(pieces, v, y):
                continue
            ends.add(round(y, 1))
    ends.update(_open_spans(vertical, horizontal, h_tops))
    return sorted(ends)


def _open_spans(vertical: list[dict[str, Any]], horizontal: list[dict[str, Any]],
                h_tops: list[float]) -> set[float]:
    """The page's lowest rule bottom and highest rule top where a cell between two rules is left open.

    A merged cell cut by the page break (a Priority cell spanning rows on both pages) is
    printed without its edge at the break while its neighbours are closed there, so each
    rule's end is closed but the span between two rules is not.
    """
    out: set[float] = set()
    if not vertical:
        return out
    for y, end in ((max(v["bottom"] for v in vertical), "bottom"), (min(v["top"] for v in vertical), "top")):
        xs = sorted(v["x0"] for v in vertical if abs(v[end] - y) <= 2)
        if any(b - a > 5 and not _closed(horizontal, h_tops, y, (a + b) / 2)
               for a, b in zip(xs, xs[1:], strict=False)):
            out.add(round(y, 1))
    return out


def _crossed(v_tops: list[float], reach: list[float], y: float) -> bool:
    """Some vertical rule starts above ``y - 2`` and ends below ``y + 2``."""
    i = bisect_left(v_tops, y - 2)  # rules [0, i) start strictly above y - 2
    return i > 0 and reach[i - 1] > y + 2


def _closed(horizontal: list[dict[str, Any]], h_tops: list[float], y: float, x: float) -> bool:
    """A horizontal rule within 2 pt of ``y`` spans ``x`` (2 pt slack each side)."""
    lo, hi = bisect_left(h_tops, y - 2), bisect_right(h_tops, y + 2)
    return any(h["x0"] - 2 <= x <= h["x1"] + 2 for h in horizontal[lo:hi])


def _pieces(vertical: list[dict[str, Any]]) -> set[tuple[str, int, int]]:
    """Where each vertical rule starts and ends ("top"/"bottom", x, y to the point)."""
    return {(end, round(v["x0"]), round(v[end])) for v in vertical for end in ("top", "bottom")}


def _joined(pieces: set[tuple[str, int, int]], v: dict[str, Any], y: float) -> bool:
    """A rule drawn in pieces, one per row (a browser's borders of a merged cell), goes on where
    one piece ends and the next starts: that is no end."""
    other = "bottom" if y == v["top"] else "top"
    return any((other, round(v["x0"]) + dx, round(y) + dy) in pieces for dx in (-1, 0, 1) for dy in (-1, 0, 1))


def find_page_tables(page: PageView) -> list[PageTable]:
    """Ruled tables on a page (top to bottom); an aligned-text table when there are none."""
    found: list[PageTable] = []
    settings = dict(_LINES)
    ends = _open_ends(page)
    if ends:
        settings["explicit_horizontal_lines"] = ends
    try:
        tables = page.plumber.find_tables(settings)
    except Exception:  # pdfplumber on odd geometry: treat as no tables
        tables = []
    for t in tables:
        pt = _from_plumber(page, t, "ruled")
        if pt is not None and len(pt.rows) >= 1:
            found.append(pt)
    if not found:
        found.extend(_gridless(page) or _aligned_tables(page))
    found.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    _add_headings(page, found)
    return found


def _gridless(page: PageView, carry: list[float] | None = None) -> list[PageTable]:
    """Unruled tables read from a header row and the words' start positions."""
    try:
        return find_tables(page.words, page.number, page.width, page.height, carry)
    except Exception:  # odd geometry: no unruled table rather than no page
        return []


def continued_tables(page: PageView, carry: list[float]) -> list[PageTable]:
    """A page without ruled tables whose top lines go on with the previous page's unruled table."""
    tables = _gridless(page, carry)
    _add_headings(page, tables)
    return tables


def _lines(words: list[dict[str, Any]]) -> list[tuple[float, float, str, bool]]:
    """Words grouped into lines: (top, bottom, text, all bold)."""
    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [(ln[0]["top"], max(w["bottom"] for w in ln), " ".join(w["text"] for w in ln),
             all("bold" in str(w.get("fontname", "")).lower() for w in ln)) for ln in lines]


def _add_headings(page: PageView, tables: list[PageTable]) -> None:
    """The last bold short heading between the previous table (or page top) and each table.

    A heading wrapped over two bold lines is one heading; a running header in the top margin
    (a logo text repeated on every page) is not a heading.
    """
    try:
        lines = _lines(page.words)
        margin = 0.06 * float(page.height)
    except Exception:
        return
    above = 0.0
    for t in tables:
        cands: list[tuple[float, float, str]] = []
        for top, bottom, text, bold in lines:
            if not (bold and above - 1 <= top and bottom <= t.bbox[1] + 1 and top > margin):
                continue
            if len(text.split()) > 14 or text.rstrip().endswith((".", ":", ";")) \
                    or re.match(r"^(?:priority|appendix|page|table)\b\s*\w*\.?$", text, re.I):
                continue
            if cands and 0 <= top - cands[-1][1] < 0.6 * (bottom - top) + 2 \
                    and len(cands[-1][2].split()) + len(text.split()) <= 20:
                cands[-1] = (cands[-1][0], bottom, f"{cands[-1][2]} {text}")
            else:
                cands.append((top, bottom, text))
        if cands:
            t.heading = cands[-1][2]
        t.labels = _labels([ln for ln in lines if above - 1 <= ln[0] and ln[1] <= t.bbox[1] + 1
                            and ln[0] > margin])
        above = t.bbox[3]


#: a line above a plan table that labels what its rows serve: "Priority: ...", "Outcome 2: ..."
_LABEL_LINE = re.compile(
    r"^(?:(?:strategic|csp|partnership|key)\s+)?(?P<kind>priority(?:\s+area)?|theme|outcome|objective|aim)"
    r"\s*(?:\d{1,2}|[A-Z])?\s*[:–-]\s*(?P<text>\S.*)$", re.I)
_LABEL_ROLE = {"priority": "priority", "priority area": "priority", "theme": "priority",
               "outcome": "objective", "objective": "objective", "aim": "objective"}


def _labels(lines: list[tuple[float, float, str, bool]]) -> dict[str, str]:
    """Priority / objective named by labelled lines above a table (the last of each kind),
    a label wrapped onto the next line read whole."""
    out: dict[str, str] = {}
    current: str | None = None
    prev_bottom = 0.0
    for top, bottom, text, _bold in lines:
        m = _LABEL_LINE.match(text.strip())
        if m:
            current = _LABEL_ROLE[" ".join(m.group("kind").lower().split())]
            out[current] = m.group("text").strip()
        elif current and top - prev_bottom < 0.6 * (bottom - top) + 2 and len(text.split()) <= 14 \
                and not out[current].rstrip().endswith((".", ":")):
            out[current] = f"{out[current]} {text.strip()}"
        else:
            current = None
        prev_bottom = bottom
    return out


def _aligned_tables(page: PageView) -> list[PageTable]:
    """Whitespace-aligned columns: accepted only when a row reads as a table header.

    Only called on pages with no ruled table. The text strategy was the slowest step on a
    page of prose, so it runs only when some line looks like a header row (``_has_header_line``),
    and a table whose first rows hold no header is dropped before the rest of its cells are read.
    """
    try:
        if not _has_header_line(page.words):
            return []
        tables = page.plumber.find_tables(_TEXT)
    except Exception:
        return []
    out: list[PageTable] = []
    index: CharIndex | None = None
    for t in tables:
        grid = t.rows
        # the checks below on geometry alone: ncols == distinct cell x0s, one row per grid row
        if len({c[0] for c in t.cells}) < 3 or len(grid) < 3:
            continue
        index = index or CharIndex(page.plumber.chars)
        head = table_text(t, index, rows=grid[:4], x_tolerance=1.5)
        if not any(map_header(r) is not None for r in head):
            continue
        pt = _from_plumber(page, t, "aligned", index)
        if pt is None or pt.ncols < 3 or len(pt.rows) < 3:
            continue
        start = next((i for i, r in enumerate(pt.rows[:4]) if map_header(r) is not None), None)
        if start is None:
            continue
        pt.rows = _merge_text_lines(pt.rows[start:], map_header(pt.rows[start]))
        pt.bbox = (pt.bbox[0], pt.bbox[1], pt.bbox[2], pt.bbox[3])
        out.append(pt)
    return out


#: a gap between two words wider than this (in ems) separates two cells of a line
_CELL_GAP_EM = 0.45


def _line_cells(words: list[dict[str, Any]]) -> list[list[tuple[float, float, float, float, str]]]:
    """Lines of words split into cells at wide gaps: per line, (x0, x1, top, bottom, text)."""
    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    out = []
    for ln in lines:
        ln.sort(key=lambda w: w["x0"])
        cells: list[list[dict[str, Any]]] = [[ln[0]]]
        for prev, w in zip(ln, ln[1:], strict=False):
            size = float(w.get("size") or (w["bottom"] - w["top"]))
            if w["x0"] - prev["x1"] > _CELL_GAP_EM * size:
                cells.append([w])
            else:
                cells[-1].append(w)
        out.append([(c[0]["x0"], c[-1]["x1"], min(w["top"] for w in c), max(w["bottom"] for w in c),
                     " ".join(w["text"] for w in c)) for c in cells])
    return out


def _names_column(text: str) -> bool:
    """A header cell's text, or its first word or two (a wide cell may run into the next)."""
    words = text.split()
    return any(header_role(t) != "unknown" for t in (text, *words[:1], " ".join(words[:2])))


def _has_header_line(words: list[dict[str, Any]]) -> bool:
    """Does a line have two or more cells that name a known column?

    A header cell wrapped over lines ("By" over "whom") is read with the cells right below it.
    This is the cheap test before the text strategy; it must not miss a header row, so it
    errs on the side of yes.
    """
    lines = _line_cells(words)
    for i, cells in enumerate(lines):
        if len(cells) < 2:
            continue
        below = [c for ln in lines[i + 1:i + 3] for c in ln
                 if c[2] - cells[0][3] < 2.5 * (cells[0][3] - cells[0][2])]
        known = 0
        for x0, x1, _top, _bottom, text in cells:
            stacked = " ".join([text, *(b[4] for b in below if b[0] < x1 and b[1] > x0)])
            if _names_column(text) or _names_column(stacked):
                known += 1
        if known >= 2:
            return True
    return False


def _merge_text_lines(rows: list[list[str | None]], cmap: ColumnMap | None) -> list[list[str | None]]:
    """Text-strategy rows are lines; a line with an empty key cell continues the row above."""
    if not rows or cmap is None:
        return rows
    key = _key_index(cmap)
    if key is None:
        key = next((i for i, r in enumerate(cmap.roles) if r not in CARRY_ROLES), 0)
    out = [rows[0]]
    for r in rows[1:]:
        if len(out) > 1 and empty(r[key]):
            out[-1] = _join_cells(out[-1], r)
        else:
            out.append(r)
    return out


def _fits(row: list[str | None], c0: int, c1: int) -> bool:
    """Does a row belong to a table nested in columns c0..c1 (nothing outside, not one spanning cell)?"""
    if any(not empty(c) for j, c in enumerate(row) if j < c0 or j > c1):
        return False
    inside = row[c0:c1 + 1]
    if c1 > c0 and inside[0] is not None and all(c is None for c in inside[1:]):
        return False
    return any(not empty(c) for c in inside)


def _sub(pt: PageTable, rows: list[list[str | None]], c0: int, c1: int) -> PageTable:
    return PageTable(page=pt.page, bbox=pt.bbox, xs=pt.xs[c0:c1 + 2],
                     rows=[r[c0:c1 + 1] for r in rows], source=pt.source)


def segment(pt: PageTable) -> list[PageTable]:
    """Split a page table where a header row starts another table inside it.

    Word users nest tables (a funding table inside a numbered-paragraph table) or stack
    several tables in one grid; each header row with known column meanings starts one.
    """
    out: list[PageTable] = []
    start, i = 0, 1
    first = _header_key(pt.rows[0]) if pt.rows else ""
    if not pt.rows:
        return [pt]
    while i < len(pt.rows):
        row = pt.rows[i]
        cmap = map_header(row)
        if cmap is None or _header_key(row) == first:
            i += 1
            continue
        filled = [j for j, c in enumerate(row) if not empty(c)]
        c0, c1 = filled[0], filled[-1]
        # sub-heading rows right above the header ("Fraud" over "N | Action | ...") open it
        k = i
        while k > start and c0 == 0 and c1 == pt.ncols - 1 \
                and _leading_subheadings([pt.rows[k - 1]], pt.ncols):
            k -= 1
        if start < k:
            out.append(PageTable(page=pt.page, bbox=pt.bbox, xs=pt.xs, rows=pt.rows[start:k],
                                 source=pt.source))
        j = i + 1
        while j < len(pt.rows) and _fits(pt.rows[j], c0, c1):
            j += 1
        if c0 == 0 and c1 == pt.ncols - 1:
            j = len(pt.rows)
        out.append(_sub(pt, pt.rows[k:j], c0, c1))
        start, i = j, j + 1
    if start < len(pt.rows):
        out.append(PageTable(page=pt.page, bbox=pt.bbox, xs=pt.xs, rows=pt.rows[start:],
                             source=pt.source))
    if out:
        out[0].heading = pt.heading
        out[0].labels = pt.labels
    return out


def _project(pt: PageTable, xs: list[float]) -> tuple[PageTable, PageTable | None] | None:
    """The leading rows of ``pt`` that continue a table nested in columns ``xs``, and the rest."""
    c0 = next((k for k, x in enumerate(pt.xs) if abs(x - xs[0]) <= X_TOL), None)
    c1 = next((k for k, x in enumerate(pt.xs) if abs(x - xs[-1]) <= X_TOL), None)
    if c0 is None or c1 is None or c1 - c0 < 2 or (c0 == 0 and c1 == pt.ncols):
        return None
    j = 0
    while j < len(pt.rows) and _fits(pt.rows[j], c0, c1 - 1):
        j += 1
    if j == 0:
        return None
    rest = PageTable(page=pt.page, bbox=pt.bbox, xs=pt.xs, rows=pt.rows[j:], source=pt.source) \
        if j < len(pt.rows) else None
    return _sub(pt, pt.rows[:j], c0, c1 - 1), rest


# --------------------------------------------------------------------------- across pages


def _aligned(prev: list[float], cur: list[float]) -> bool:
    """Do ``cur``'s column boundaries line up with ``prev``'s (allowing dropped boundaries)?"""
    if abs(prev[-1] - cur[-1]) > X_TOL * 2:
        return False
    # a leading column merged down from the page before may not be drawn on this page (a
    # browser prints a cut rowspan so): the fragment then starts at an inner boundary
    if abs(prev[0] - cur[0]) > X_TOL * 2 and not any(abs(cur[0] - p) <= X_TOL for p in prev[1:-2]):
        return False
    inner = cur[1:-1]
    matched = sum(1 for x in inner if any(abs(x - p) <= X_TOL for p in prev))
    return matched == len(inner) and len(cur) >= max(3, (len(prev) + 1) // 2)


def _remap(row: list[str | None], cur: list[float], prev: list[float]) -> list[str | None]:
    """Put a continuation row's cells under the previous fragment's columns by x position."""
    out: list[str | None] = [None] * (len(prev) - 1)
    for j, text in enumerate(row):
        a, b = cur[j], cur[j + 1]
        targets = [i for i in range(len(prev) - 1)
                   if a - X_TOL <= (prev[i] + prev[i + 1]) / 2 <= b + X_TOL]
        if targets:
            out[targets[0]] = text
    return out


def _header_key(row: Sequence[str | None]) -> str:
    return "|".join(clean(c).lower() for c in row)


def _key_index(cmap: ColumnMap | None) -> int | None:
    if cmap is None:
        return None
    for role in ("number", "date"):
        i = cmap.index(role)
        if i is not None:
            return i
    return None


def _join_cells(a: list[str | None], b: list[str | None]) -> list[str | None]:
    out: list[str | None] = []
    for x, y in zip(a, b, strict=False):
        if empty(y):
            out.append(x)
        elif empty(x):
            out.append(y)
        else:
            out.append(f"{x}\n{y}")
    return out


#: a row above the header that titles the table rather than naming a group of its rows
_TITLE_WORDS = re.compile(r"\b(?:plans?|appendix|annex|table|programme|report|(?:19|20)\d\d)\b", re.I)


def _leading_subheadings(rows: list[list[str | None]], ncols: int) -> list[list[str | None]]:
    """Rows above a header that are sub-headings ("Fraud" drawn above "N | Action | ...")."""
    out = []
    for r in rows:
        cells = list(r[:ncols]) + [None] * (ncols - len(r))
        text = subheading(cells, ncols)
        if text and not _TITLE_WORDS.search(text):
            out.append(cells)
    return out
