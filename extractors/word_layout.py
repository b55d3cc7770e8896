"""A Word file laid out as pages, section by section, for the PDF readers.

Paragraphs are placed with their spacing and moved to the next page as pages fill; each Word
table becomes a ``PageTable`` per page it runs over, as pdfplumber reads a ruled table: the
text of a merged cell at its top-left position and None under it, header rows repeated, a tall
row broken over the page. Each paragraph and table row placed is remembered with its location.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from cspipe.extractors.word_guard import WordError
from cspipe.extractors.word_styles import PT_PER_TWIP, Styles, W, toggle, val
from cspipe.extractors.word_text import Laid, breaks_page, lay_paragraph, runs

#: pages one document may lay out to
MAX_WORD_PAGES = 2000
PT_PER_EMU = 1 / 12700
CELL_PAD = 5.4  # Word's default left/right cell margin (0.19 cm)


@dataclass
class WordPage:
    """One laid-out page, standing in for ``cspipe.extractors.pdf.PageView``."""

    number: int
    width: float
    height: float
    words: list[dict[str, Any]] = field(default_factory=list)
    tables: list[Any] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    #: (top, bottom, location, text) of each paragraph and table row placed on the page
    spots: list[tuple[float, float, str, str]] = field(default_factory=list)
    plumber: Any = None

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def text(self) -> str:
        """The page's text line by line, as pdfplumber reads a page."""
        rows: list[list[dict[str, Any]]] = []
        for w in sorted(self.words, key=lambda w: (round(w["top"], 1), w["x0"])):
            if rows and abs(rows[-1][0]["top"] - w["top"]) <= 3:
                rows[-1].append(w)
            else:
                rows.append([w])
        return "\n".join(" ".join(w["text"] for w in sorted(r, key=lambda w: w["x0"])) for r in rows)


@dataclass
class _SectionGeometry:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    header_xml: Any = None
    footer_xml: Any = None


class Layout:
    """Places a document's blocks on pages, section by section."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.pages: list[WordPage] = []
        self.geometry: _SectionGeometry | None = None
        self.y = 0.0
        self.section = 1
        self.paragraph = 0
        self.table = 0

    # -- pages
    def new_page(self) -> WordPage:
        g = self.geometry
        assert g is not None
        if len(self.pages) >= MAX_WORD_PAGES:
            raise WordError(f"Word file lays out past {MAX_WORD_PAGES} pages")
        page = WordPage(len(self.pages) + 1, g.width, g.height)
        for part in (g.header_xml, g.footer_xml):
            if part is not None:
                text = " ".join(
                    "".join(pc.text for pc in runs(p, self.styles, page.number)).strip()
                    for p in part.iter(f"{W}p"))
                if text.strip():
                    page.furniture.append(" ".join(text.split()))
        self.pages.append(page)
        self.y = g.top
        return page

    @property
    def page(self) -> WordPage:
        return self.pages[-1] if self.pages else self.new_page()

    def room(self) -> float:
        assert self.geometry is not None
        return self.geometry.height - self.geometry.bottom - self.y

    def start_section(self, g: _SectionGeometry, first: bool) -> None:
        self.geometry = g
        if not first:
            self.section += 1
        self.new_page()

    # -- paragraphs
    def paragraph_block(self, p: Any) -> None:
        self.paragraph += 1
        g = self.geometry
        assert g is not None
        breaks = breaks_page(p)
        before_text = breaks and _starts_with_break(p)
        if before_text and self.y > g.top + 1:
            self.new_page()
        laid = self.lay(p, g.width - g.left - g.right)
        before, after, _ = self.styles.spacing(p)
        if laid.lines:
            if self.y > g.top + 1:
                self.y += before
            text = " ".join(w["text"] for ln in laid.lines for w in ln)
            self.place(laid, g.left, f"section {self.section}, paragraph {self.paragraph}", text)
            self.y += after
        elif self.y > g.top + 1:  # an empty paragraph still takes a line
            self.y += min(self.styles.size(p, None) * 1.15 + after, 30.0)
        if breaks and not before_text:
            self.new_page()

    def lay(self, p: Any, width: float) -> Laid:
        styles = self.styles
        left, first = styles.indent(p)
        num = styles.num(p)
        marker = styles.numbering.marker(*num) if num else None
        if num and left == 0:
            left, first = 18.0 * (num[1] + 1), -18.0
        pieces = runs(p, styles)
        if not "".join(pc.text for pc in pieces).strip():
            return Laid()
        _, _, factor = styles.spacing(p)
        return lay_paragraph(pieces, width, left, first, marker, factor)

    def place(self, laid: Laid, x: float, location: str, text: str) -> None:
        """Put laid lines at the current y, moving to a new page line by line as pages fill."""
        top = None
        base = self.y
        offset = 0.0
        for line in laid.lines:
            line_top = min(w["top"] for w in line)
            line_bottom = max(w["bottom"] for w in line)
            if base + line_bottom - offset > self.geometry.height - self.geometry.bottom \
                    and base - offset + line_top > self.geometry.top + 1:
                if top is not None:
                    self.page.spots.append((top, base + line_top - offset, location, text))
                self.new_page()
                base, offset, top = self.y, line_top, None
            for w in line:
                placed = dict(w, x0=w["x0"] + x, x1=w["x1"] + x, top=base + w["top"] - offset,
                              bottom=base + w["bottom"] - offset)
                self.page.words.append(placed)
            if top is None:
                top = base + line_top - offset
        self.y = base + laid.height - offset
        if top is not None:
            self.page.spots.append((top, self.y, location, text))

    # -- tables
    def table_block(self, tbl: Any) -> None:
        from cspipe.extractors.tables import PageTable

        self.table += 1
        g = self.geometry
        assert g is not None
        grid = _Grid(tbl, self, g.width - g.left - g.right)
        if not grid.rows:
            return
        xs = [g.left + x for x in grid.xs]
        header_rows = grid.header_rows
        current: list[list[str | None]] = []
        top = self.y
        fragment_start = 0

        def flush() -> None:
            if current:
                t = PageTable(page=self.page.number, bbox=(xs[0], top, xs[-1], self.y), xs=list(xs),
                              rows=[list(r) for r in current], source="ruled")
                self.page.tables.append(t)

        limit = g.height - g.bottom

        def next_page() -> None:
            nonlocal current, top
            flush()
            self.new_page()
            current, top = [], self.y
            for h in range(header_rows):
                self.put_row(grid, h, xs, repeat=True)
                current.append(grid.cells_of(h, fragment_start=h))

        for r in range(len(grid.rows)):
            cells, laid, height = grid.cells_of(r, fragment_start=fragment_start), grid.laid[r], \
                grid.heights[r]
            fresh = False  # at the top of a page that cannot take more than it has
            while True:
                room = limit - self.y
                if height <= room or fresh:
                    self.put_row(grid, r, xs, laid=laid, height=height)
                    current.append(cells)
                    break
                if r >= header_rows and grid.splittable(r) and room >= 40:
                    head, tail, tail_height = _split_row(laid, room - 4)  # Word breaks tall rows
                    if head:
                        self.put_row(grid, r, xs, laid=head, height=room)
                        current.append(_row_cells(cells, laid, head))
                        cells = _row_cells(cells, laid, tail, blank=None)
                        laid, height = tail, tail_height
                        next_page()
                        fresh = True
                        continue
                if r < header_rows or (not current and self.y <= g.top + 1):
                    fresh = True
                    continue
                next_page()
                fragment_start = r
                cells = grid.cells_of(r, fragment_start=r) if laid is grid.laid[r] else cells
                fresh = True
        flush()
        self.y += 6.0

    def put_row(self, grid: _Grid, r: int, xs: list[float], repeat: bool = False,
                laid: dict[int, Laid | None] | None = None, height: float | None = None) -> None:
        top = self.y
        for c, cell in (grid.laid[r] if laid is None else laid).items():
            if cell is None:
                continue
            for line in cell.lines:
                for w in line:
                    self.page.words.append(dict(w, x0=w["x0"] + xs[c] + CELL_PAD,
                                                x1=w["x1"] + xs[c] + CELL_PAD,
                                                top=w["top"] + top + 3, bottom=w["bottom"] + top + 3))
        self.y = top + (grid.heights[r] if height is None else height)
        if not repeat:
            location = f"section {self.section}, table {self.table}, row {r + 1}"
            self.page.spots.append((top, self.y, location, grid.row_text(r)))


def _split_row(laid: dict[int, Laid | None], room: float
               ) -> tuple[dict[int, Laid | None], dict[int, Laid | None], float]:
    """A row cut at ``room`` points: the lines that fit, the rest (moved up), the rest's height."""
    head: dict[int, Laid | None] = {}
    tail: dict[int, Laid | None] = {}
    tail_height = 0.0
    for c, cell in laid.items():
        if cell is None:
            continue
        fit = [ln for ln in cell.lines if max(w["bottom"] for w in ln) + 3 <= room]
        rest = cell.lines[len(fit):]
        if fit:
            head[c] = Laid(fit, max(w["bottom"] for w in fit[-1]))
        if rest:
            shift = min(w["top"] for w in rest[0])
            moved = [[dict(w, top=w["top"] - shift, bottom=w["bottom"] - shift) for w in ln]
                     for ln in rest]
            tail[c] = Laid(moved, cell.height - shift)
            tail_height = max(tail_height, cell.height - shift)
    if not any(head.values()):
        return {}, laid, 0.0
    return head, tail, max(tail_height + 6.0, 14.0)


def _row_cells(cells: list[str | None], laid: dict[int, Laid | None], part: dict[int, Laid | None],
               blank: str | None = "") -> list[str | None]:
    """The cells of one part of a row cut by a page break: each laid cell's lines in ``part``
    ("" where none fall in it); positions no cell starts at are ``blank`` below the break."""
    out: list[str | None] = [x if blank == "" else None for x in cells]
    for c, cell in laid.items():
        if cell is not None:
            kept = part.get(c)
            out[c] = "\n".join(" ".join(w["text"] for w in ln) for ln in kept.lines) if kept else ""
    return out


def _starts_with_break(p: Any) -> bool:
    """The page break comes before any text in the paragraph (or is "page break before")."""
    if toggle(p.find(f"{W}pPr"), "pageBreakBefore"):
        return True
    for el in p.iter(f"{W}t", f"{W}br"):
        if el.tag == f"{W}t" and (el.text or "").strip():
            return False
        if el.tag == f"{W}br" and el.get(f"{W}type") == "page":
            return True
    return False


class _Grid:
    """A Word table as a full grid: the text of each cell at its top-left position, None under
    a merged cell (as pdfplumber reads a merged cell), and each cell laid out in its width."""

    def __init__(self, tbl: Any, layout: Layout, width: float) -> None:
        grid_el = tbl.find(f"{W}tblGrid")
        cols = [int(c.get(f"{W}w") or 0) * PT_PER_TWIP
                for c in (grid_el.findall(f"{W}gridCol") if grid_el is not None else [])]
        trs = tbl.findall(f"{W}tr")
        if not cols:
            n = max((sum(int(val(tc.find(f"{W}tcPr"), f"{W}gridSpan") or 1)
                         for tc in tr.findall(f"{W}tc")) for tr in trs), default=0)
            cols = [width / max(1, n)] * n
        total = sum(cols) or 1.0
        if total > width * 1.02:  # wider than the text area: Word fits it
            cols = [c * width / total for c in cols]
        self.xs = [0.0]
        for c in cols:
            self.xs.append(self.xs[-1] + c)
        n = len(cols)
        self.rows: list[list[str | None]] = []
        self.laid: list[dict[int, Laid | None]] = []
        self.span_rows: dict[tuple[int, int], int] = {}  # (row, col) of a merge start -> rows
        self.header_rows = 0
        open_merge: dict[int, tuple[int, int]] = {}  # col -> (start row, colspan)
        for r, tr in enumerate(trs):
            trpr = tr.find(f"{W}trPr")
            if r == self.header_rows and trpr is not None and toggle(trpr, "tblHeader"):
                self.header_rows += 1
            row: list[str | None] = [None] * n
            laid: dict[int, Laid | None] = {}
            c = 0
            for tc in tr.findall(f"{W}tc"):
                tcpr = tc.find(f"{W}tcPr")
                span = int(val(tcpr, f"{W}gridSpan") or 1)
                vmerge_el = tcpr.find(f"{W}vMerge") if tcpr is not None else None
                vmerge = None if vmerge_el is None else (vmerge_el.get(f"{W}val") or "continue")
                if c >= n:
                    break
                if vmerge == "continue" and c in open_merge:
                    start, _ = open_merge[c]
                    self.span_rows[(start, c)] = r - start + 1
                    c += span
                    continue
                cell_width = self.xs[min(n, c + span)] - self.xs[c] - 2 * CELL_PAD
                laid_cell = _lay_cell(tc, layout, max(20.0, cell_width))
                row[c] = "\n".join(" ".join(w["text"] for w in ln) for ln in laid_cell.lines)
                laid[c] = laid_cell
                if vmerge == "restart":
                    open_merge[c] = (r, span)
                    self.span_rows[(r, c)] = 1
                else:
                    open_merge.pop(c, None)
                c += span
            self.rows.append(row)
            self.laid.append(laid)
        self.heights = self._heights()

    def _heights(self) -> list[float]:
        heights = []
        for r, laid in enumerate(self.laid):
            h = 0.0
            for c, cell in laid.items():
                if cell is not None and self.span_rows.get((r, c), 1) == 1:
                    h = max(h, cell.height)
            heights.append(max(h + 6.0, 14.0))
        for (r, c), span in self.span_rows.items():
            cell = self.laid[r].get(c)
            if cell is None or span <= 1:
                continue
            need = cell.height + 6.0 - sum(heights[r:r + span])
            if need > 0:
                heights[r + span - 1] += need
        return heights

    def cells_of(self, r: int, *, fragment_start: int) -> list[str | None]:
        """Row ``r``'s cells as pdfplumber reads them on a page whose table fragment starts at
        row ``fragment_start``: a merge begun on an earlier page shows as an empty cell."""
        row = list(self.rows[r])
        if r == fragment_start:
            for (start, c), span in self.span_rows.items():
                if start < r < start + span and row[c] is None:
                    row[c] = ""
        return row

    def splittable(self, r: int) -> bool:
        """A row no vertical merge starts in or runs through (those move whole)."""
        return not any(start <= r < start + span and span > 1
                       for (start, _c), span in self.span_rows.items())

    def row_text(self, r: int) -> str:
        return " ".join(t for t in self.rows[r] if t)


def _lay_cell(tc: Any, layout: Layout, width: float) -> Laid:
    """A cell's paragraphs (nested tables' too) stacked in its width."""
    out = Laid()
    y = 0.0
    paragraphs = list(tc.iter(f"{W}p"))
    for i, p in enumerate(paragraphs):
        laid = layout.lay(p, width)
        _, after, _ = layout.styles.spacing(p)
        for line in laid.lines:
            out.lines.append([dict(w, top=w["top"] + y, bottom=w["bottom"] + y) for w in line])
        y += laid.height + (min(after, 4.0) if i < len(paragraphs) - 1 else 0.0)
    out.height = y
    return out


def _geometry(section: Any) -> _SectionGeometry:
    def pt(value: Any, default: float) -> float:
        return float(value) * PT_PER_EMU if value is not None else default

    width, height = pt(section.page_width, 595.3), pt(section.page_height, 841.9)
    header_xml = footer_xml = None
    try:
        header_xml = section.header._element if not section.header.is_linked_to_previous else None
        footer_xml = section.footer._element if not section.footer.is_linked_to_previous else None
    except (AttributeError, KeyError, ValueError):
        pass
    return _SectionGeometry(width, height, pt(section.left_margin, 72), pt(section.right_margin, 72),
                            pt(section.top_margin, 72), pt(section.bottom_margin, 72),
                            header_xml, footer_xml)


def _body_blocks(document: Any) -> Iterator[tuple[str, Any]]:
    """("p" | "tbl" | "sect", element) in body order; "sect" after a section's last paragraph."""
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == f"{W}p":
            yield "p", child
            ppr = child.find(f"{W}pPr")
            if ppr is not None and ppr.find(f"{W}sectPr") is not None:
                yield "sect", child
        elif child.tag == f"{W}tbl":
            yield "tbl", child
        elif child.tag == f"{W}sdt":  # content controls: their paragraphs and tables
            content = child.find(f"{W}sdtContent")
            for inner in (content.iterchildren() if content is not None else ()):
                if inner.tag == f"{W}p":
                    yield "p", inner
                elif inner.tag == f"{W}tbl":
                    yield "tbl", inner


def lay_out(document: Any) -> list[WordPage]:
    """The document's pages as laid out here (see the module docstring)."""
    styles = Styles(document)
    layout = Layout(styles)
    sections = list(document.sections)
    if not sections:
        raise WordError("Word file has no sections")
    index = 0
    layout.start_section(_geometry(sections[0]), first=True)
    for kind, el in _body_blocks(document):
        if kind == "p":
            layout.paragraph_block(el)
        elif kind == "tbl":
            layout.table_block(el)
        elif kind == "sect" and index + 1 < len(sections):
            index += 1
            layout.start_section(_geometry(sections[index]), first=False)
    pages = layout.pages
    while len(pages) > 1 and not pages[-1].words:
        pages.pop()
    return pages
