"""A small document model, so the same paper can be typeset the ways councils typeset it.

A corpus document written once as a ``Document`` is rendered by reportlab
(``corpus/render_rl.py``), by Word-via-LibreOffice (``corpus/render_docx.py``)
and by HTML printed in Chromium (``corpus/render_html.py``): the content (and so
the gold) is the same, only the typesetting differs. Text may hold ``**bold**``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Orientation = Literal["portrait", "landscape"]
Paper = Literal["a4", "letter"]
Align = Literal["left", "center", "right"]


@dataclass
class Heading:
    text: str
    level: int = 1  # 1 = document title size, 2 = section, 3 = sub-section
    align: Align = "left"


@dataclass
class Paragraph:
    """A paragraph; ``number`` hangs it (council papers' "2.1.4  text" paragraphs, "a)" list items).

    With ``number`` set the number sits in the margin of the paragraph's text, which starts at
    ``HANG + STEP * level`` (level 0: the number at the page margin; level 1: a list item whose
    marker lines up with level-0 text; ...). ``number=""`` is a continuation paragraph aligned
    with the numbered text above it. The number may hold ``**bold**``.
    """

    text: str
    small: bool = False
    indent: bool = False
    align: Align = "left"
    number: str | None = None
    level: int = 0


#: Hanging-number geometry in mm: level-0 text indent, and each further level's step.
HANG_MM, STEP_MM = 15.0, 9.0


def text_indent_mm(level: int) -> float:
    """Where a numbered paragraph's text starts, from the text margin."""
    return HANG_MM + STEP_MM * level


def marker_indent_mm(level: int) -> float:
    """Where a numbered paragraph's number starts."""
    return 0.0 if level == 0 else text_indent_mm(level - 1)


@dataclass
class Bullets:
    """A bulleted (or 1., 2., ... numbered) list; ``level`` 2 is a sub-list, indented further."""

    items: list[str]
    numbered: bool = False
    level: int = 1


@dataclass
class Figure:
    """A picture with no text layer (a chart or diagram whose words are in the image)."""

    height: float  # pt
    width: float = 0.9  # fraction of the text width
    seed: int = 0  # varies the boxes drawn, so figures differ


FIGURE_FILLS = ("#DEEBF7", "#FBE5D6", "#E2F0D9", "#FFF2CC", "#EDE7F6")


def figure_boxes(width: float, height: float, seed: int) -> list[tuple[float, float, float, float, str]]:
    """The tinted boxes a figure shows (x, y from the bottom, w, h, fill), the same in every renderer."""
    n = 3 + seed % 3
    bw = (width - 20 - (n - 1) * 10) / n
    out = []
    for i in range(n):
        bh = height * (0.35 + 0.1 * ((i + seed) % 4))
        out.append((10 + i * (bw + 10), (height - bh) / 2, bw, bh, FIGURE_FILLS[(i + seed) % len(FIGURE_FILLS)]))
    return out


@dataclass
class PageBreak:
    pass


@dataclass
class Space:
    """Blank vertical space (a title page sets its title a third of the way down)."""

    mm: float


Block = Heading | Paragraph | Bullets | PageBreak | Space | Figure


@dataclass
class Cell:
    """One table cell; ``rowspan``/``colspan`` > 1 is a merged cell (Word merge, HTML span)."""

    blocks: list[Block]
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False
    fill: str | None = None  # "#RRGGBB"
    align: Align = "left"  # amounts are often set flush right


def cell(content: str | list[Block] | None, *, rowspan: int = 1, colspan: int = 1,
         bold: bool = False, fill: str | None = None, align: Align = "left") -> Cell:
    """A cell from text (blank lines part paragraphs, lines opening "• " are bullets) or blocks."""
    if isinstance(content, list):
        return Cell(content, rowspan, colspan, bold, fill, align)
    blocks: list[Block] = []
    for chunk in (content or "").split("\n\n"):
        items = [x[2:] for x in chunk.split("\n") if x.startswith("• ")]
        lines = [x for x in chunk.split("\n") if x and not x.startswith("• ")]
        blocks += [Paragraph(x) for x in lines]
        if items:
            blocks.append(Bullets(items))
    return Cell(blocks, rowspan, colspan, bold, fill, align)


#: A grid position covered by a merged cell above or to the left.
COVERED = None


@dataclass
class Table:
    """Rows of a full grid: every position holds a ``Cell`` or ``COVERED``.

    ``widths`` are relative column widths. ``header_rows`` rows are the header;
    ``repeat_header`` repeats them on each page (Word's "repeat as header row",
    HTML ``<thead>``). ``ruled``: "grid" (all lines), "header" (one rule under the
    header, no others), "none". ``split_rows``: a tall row may break over a page (Word's
    "allow row to break across pages"); False keeps each row whole, as spreadsheet exports
    and many Word tables do.
    """

    rows: list[list[Cell | None]]
    widths: list[float]
    header_rows: int = 1
    repeat_header: bool = True
    ruled: Literal["grid", "header", "none"] = "grid"
    header_fill: str | None = "#D9E2F3"
    size: float | None = None  # cell font size in pt (default: the document's, less 1.5)
    split_rows: bool = True

    def __post_init__(self) -> None:
        self.check()

    def check(self) -> None:
        """Fail at once when a span and the COVERED positions disagree."""
        n = len(self.widths)
        covered: set[tuple[int, int]] = set()
        for r, row in enumerate(self.rows):
            if len(row) != n:
                raise ValueError(f"table row {r} has {len(row)} cells for {n} columns")
            for c, x in enumerate(row):
                if x is None:
                    continue
                if (r, c) in covered:
                    raise ValueError(f"cell ({r}, {c}) lies under a merged cell")
                if r + x.rowspan > len(self.rows) or c + x.colspan > n:
                    raise ValueError(f"cell ({r}, {c}) spans past the table")
                covered |= {(r + i, c + j) for i in range(x.rowspan) for j in range(x.colspan)
                            if i or j}
        holes = {(r, c) for r, row in enumerate(self.rows) for c, x in enumerate(row) if x is None}
        if holes != covered:
            raise ValueError(f"COVERED positions {sorted(holes ^ covered)[:3]} do not match the spans")


def grid(header: list[str], body: list[list[Cell | str | None]], widths: list[float],
         **kw: object) -> Table:
    """A table from a header row of strings and body rows of cells or strings."""
    rows: list[list[Cell | None]] = [[cell(h, bold=True) for h in header]]
    rows += [[cell(x) if isinstance(x, str) else x for x in r] for r in body]
    return Table(rows, widths, **kw)  # type: ignore[arg-type]


Flow = Block | Table


@dataclass
class Section:
    """A run of pages with one orientation and one running header and footer.

    ``header``/``footer`` may hold ``{page}`` for the page number. A new section
    starts on a new page (Word's "section break, next page"). ``size`` sets the body
    font size of this section (an agenda pack joins papers typeset at different sizes,
    printed slides use large type); None keeps the document's.
    """

    blocks: list[Flow]
    orientation: Orientation = "portrait"
    header: str | None = None
    footer: str | None = None
    size: float | None = None


@dataclass
class Document:
    title: str
    author: str
    sections: list[Section]
    font: Literal["arial", "calibri", "verdana", "times"] = "arial"
    size: float = 11.0
    margin_mm: float = 20.0
    paper: Paper = "a4"
    meta: dict[str, str] = field(default_factory=dict)


def texts(flows: list[Flow]) -> list[str]:
    """Every text the flows print, in order (for checks and page location)."""
    out: list[str] = []
    for f in flows:
        if isinstance(f, Heading | Paragraph):
            out.append(f.text)
        elif isinstance(f, Bullets):
            out += f.items
        elif isinstance(f, Table):
            for row in f.rows:
                for x in row:
                    if x is not None:
                        out += texts(list(x.blocks))
    return out
