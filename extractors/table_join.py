"""Logical tables rebuilt across page breaks.

Council action plans are Word tables that run over many pages: the header may or may
not repeat, a merged Priority cell runs down (and over) pages, a tall row is cut by the
page break, and pdfplumber may drop or merge an empty column on a continuation page.
So a table at the top of a page continues the one at the bottom of the previous page
when its column *boundaries* line up (x positions, not column counts); a first row
whose key cells are empty joins the row above; merged cells are carried down only for
the columns that name a priority, objective or theme. Every row keeps its start page.
"""

from __future__ import annotations

from collections.abc import Sequence

from cspipe.extractors.columns import ColumnMap, header_role, map_header, subheading
from cspipe.extractors.pdf import PageView
from cspipe.extractors.table_model import (
    CARRY_ROLES,
    MERGED_CARRY_ROLES,
    SHORT_CELL,
    LogicalTable,
    PageTable,
    Row,
    clean,
    empty,
)
from cspipe.extractors.tables import (
    _aligned,
    _header_key,
    _join_cells,
    _key_index,
    _leading_subheadings,
    _lines,
    _project,
    _remap,
    find_page_tables,
    segment,
)


def _is_repeat_header(row: Sequence[str | None], header: list[str] | None) -> bool:
    if not header:
        return False
    return _header_key(row) == _header_key(header)






def continues_row(prev: Row, row: list[str | None], cmap: ColumnMap | None) -> bool:
    """Is ``row`` (first row after a page break) the second half of ``prev``?"""
    if not any(not empty(c) for c in row):
        return False
    if len(row) >= 3 and not empty(row[0]) and all(c is None for c in row[1:]):
        return False  # one cell spanning the table: a sub-heading row, never half a data row
    key = _key_index(cmap)
    if key is not None:
        return empty(row[key]) and not empty(prev.cells[key])
    if cmap is None:
        return empty(row[0]) and not empty(prev.cells[0])
    act = cmap.index("activity")
    if act is not None:
        text = clean(row[act])
        if not text:
            return True  # a new row always states its action
        if text[0].islower():
            return True
    short = [i for i in (cmap.indices("lead") + cmap.indices("status") + cmap.indices("timescale"))
             if not empty(prev.cells[i]) and len(clean(prev.cells[i])) <= SHORT_CELL]
    # a new row names its own lead / status / date; the cut half of a row leaves them empty
    return bool(short) and all(empty(row[i]) for i in short)


def _header_of(rows: list[list[str | None]]) -> tuple[int, ColumnMap | None]:
    """Index of the header row (a title row may sit above it) and its column map."""
    for i, r in enumerate(rows[:3]):
        cmap = map_header(r, rows[i + 1:i + 13])
        if cmap is not None:
            return i, cmap
    return -1, None


def _carry_down(table: LogicalTable) -> None:
    """Fill merged Priority / Objective cells from above.

    A merged cell reads as None below its first row, and as an empty ruled cell where a page
    break or a cut row redraws it; under a filled priority neither means "no priority".
    A new priority ends the objectives merged under the old one; a sub-heading ends both.
    """
    if table.cmap is None:
        return
    roles = table.cmap.roles
    cols = [i for i, r in enumerate(roles) if r in CARRY_ROLES]
    merged_only = [i for i, r in enumerate(roles) if r in MERGED_CARRY_ROLES]
    if roles.count("lead") != 1:
        merged_only = [i for i in merged_only if roles[i] != "lead"]
    pri = table.cmap.index("priority")
    last: dict[int, str | None] = {}
    runs: dict[int, list[Row]] = {}  # the rows the current merged value of a column covers
    prev: Row | None = None
    for row in table.rows:
        if row.kind == "subheading":
            last, runs = {}, {}
            prev = None
            continue
        after_break = prev is not None and row.page > prev.page
        prev = row
        for i in cols:
            if after_break and i in last and _overflows(row.cells[i]):
                # Word flows a merged cell's text on over the page break: the rest of the label
                last[i] = f"{clean(last[i])} {clean(row.cells[i])}"
                for r in runs.get(i, []):
                    r.cells[i] = last[i]
                row.cells[i] = None
        if pri is not None and not empty(row.cells[pri]) \
                and clean(row.cells[pri]) != clean(last.get(pri)):
            last, runs = {}, {}
        for i in cols:
            if empty(row.cells[i]):
                if i in last:
                    row.cells[i] = last[i]
                    runs[i].append(row)
            else:
                last[i] = row.cells[i]
                runs[i] = [row]
        for i in merged_only:
            if row.cells[i] is None and i in last:
                row.cells[i] = last[i]
            elif row.cells[i] is not None:
                last[i] = row.cells[i]



def _overflows(text: str | None) -> bool:
    """Text that goes on from a cell above it: it starts in the middle of a sentence."""
    words = clean(text).lstrip("(\"'\u2018\u201c").split()
    return bool(words) and words[0][0].islower()


def _add_rows(table: LogicalTable, rows: list[list[str | None]], page: int, first_after_break: bool) -> None:
    ncols = len(table.xs) - 1
    for k, cells in enumerate(rows):
        cells = list(cells[:ncols]) + [None] * (ncols - len(cells))
        if not any(not empty(c) for c in cells):
            continue
        if k == 0 and first_after_break and table.rows and table.rows[-1].kind == "data" \
                and continues_row(table.rows[-1], cells, table.cmap):
            prev = table.rows[-1]
            prev.cells = _join_cells(prev.cells, cells)
            prev.pages.append(page)
            continue
        if table.header and _is_repeat_header(cells, table.header):
            continue  # the header drawn again inside the table
        label = _stacked_label(cells)
        if label is not None and table.rows:
            table.pending = label
            continue
        pending = table.pending
        if pending is not None and table.rows:
            role, col = pending
            table.pending = None
            filled = [j for j, c in enumerate(cells) if not empty(c)]
            if filled == [col] or (len(filled) == 1 and not table.rows[-1].extra.get(role)):
                prev = table.rows[-1]
                prev.extra[role] = " ".join(filter(None, [prev.extra.get(role), clean(cells[filled[0]])]))
                continue
        sub = subheading(cells, ncols) if table.cmap is not None else None
        table.rows.append(Row(cells=cells, page=page, kind="subheading" if sub else "data",
                              pages=[page]))


def _stacked_label(cells: list[str | None]) -> tuple[str, int] | None:
    """A row holding only a field label ("Lead") whose value sits in the row below."""

    filled = [(j, clean(c)) for j, c in enumerate(cells) if not empty(c)]
    if len(filled) != 1 or len(filled[0][1]) > 25:
        return None
    role = header_role(filled[0][1])
    return (role, filled[0][0]) if role in ("lead", "timescale", "status", "kpi", "progress") else None


def _next_page(open_page: int, page: int, blank_pages: frozenset[int] | set[int]) -> bool:
    """Is ``page`` the page after ``open_page``, blank pages between them not counting?"""
    return page > open_page and all(p in blank_pages for p in range(open_page + 1, page))






def build_logical_tables(page_tables: list[list[PageTable]],
                         blank_pages: frozenset[int] | set[int] = frozenset()) -> list[LogicalTable]:
    """Rebuild logical tables from each page's tables (``page_tables[i]`` = tables on one page).

    A table continues over ``blank_pages`` (an empty page left by a page break) as over a
    page break.
    """
    out: list[LogicalTable] = []
    open_table: LogicalTable | None = None
    open_page = -1
    for raw_tables in page_tables:
        tables = [seg for t in raw_tables for seg in segment(t)]
        if tables and open_table is not None and _next_page(open_page, tables[0].page, blank_pages) \
                and not _aligned(open_table.xs, tables[0].xs):
            projected = _project(tables[0], open_table.xs)
            if projected is not None:
                tables = [projected[0], *([projected[1]] if projected[1] else []), *tables[1:]]
        for n, pt in enumerate(tables):
            rows = pt.rows
            if (n == 0 and open_table is not None and _next_page(open_page, pt.page, blank_pages)
                    and _aligned(open_table.xs, pt.xs) and pt.source == open_table.source):
                if rows and _is_repeat_header(_remap(rows[0], pt.xs, open_table.xs), open_table.header):
                    rows = rows[1:]
                    new_table = False
                else:
                    hi, cm = _header_of(rows[:1])
                    # a different header row starts a different table with the same layout
                    new_table = cm is not None
                if not new_table:
                    mapped = [_remap(r, pt.xs, open_table.xs) for r in rows]
                    _add_rows(open_table, mapped, pt.page, first_after_break=True)
                    open_table.pages.append(pt.page)
                    open_page = pt.page
                    continue
            hi, cmap = _header_of(rows)
            header = [clean(c) for c in rows[hi]] if hi >= 0 else None
            table = LogicalTable(page=pt.page, xs=pt.xs, header=header, cmap=cmap,
                                 pages=[pt.page], source=pt.source, heading=pt.heading,
                                 labels=dict(pt.labels))
            lead: list[list[str | None]] = []
            if hi > 0:
                lead = _leading_subheadings(rows[:hi], len(pt.xs) - 1) if cmap is not None else []
                if not lead:
                    table.notes.append(f"title row above header: {clean(rows[0][0])[:60]!r}")
            _add_rows(table, [*lead, *rows[hi + 1:]] if hi >= 0 else rows, pt.page,
                      first_after_break=False)
            out.append(table)
            open_table, open_page = table, pt.page
    for t in out:
        _carry_down(t)
    return out


def _trailing_heading(page: PageView, below: float) -> str | None:
    """The last bold short line on a page below ``below`` (a heading for the next page's table)."""
    try:
        lines = _lines(page.words)
    except Exception:
        return None
    cands = [text for top, _bottom, text, bold in lines
             if bold and top >= below and len(text.split()) <= 14
             and not text.rstrip().endswith((".", ":", ";"))]
    return cands[-1] if cands else None


def logical_tables(pages: list[PageView]) -> list[LogicalTable]:
    """All logical tables of a document, in reading order.

    A table with no heading right above it takes the last heading seen before it, so plan
    tables under one heading (or a heading at the foot of the previous page) share it.
    """
    per_page: list[list[PageTable]] = []
    latest: str | None = None
    for p in pages:
        tables = find_page_tables(p)
        for t in tables:
            latest = t.heading = t.heading or latest
        trailing = _trailing_heading(p, tables[-1].bbox[3] if tables else 0.0)
        latest = trailing or latest
        per_page.append(tables)
    return build_logical_tables(per_page)
