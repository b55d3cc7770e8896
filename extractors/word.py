"""A Word file (.docx) read natively: its paragraphs, headings, lists and tables laid out as pages.

The PDF readers work on positioned words (headings by size and weight, lists by indent, a
"Lead:" block by its column) and on tables as grids whose merged cells read as None. So a
.docx is laid out the way Word would lay it out, roughly: each section's page size and
margins, paragraphs wrapped at the text width with the styles' font sizes and spacing,
list markers from the numbering definitions, and tables at their grid's column widths.
Tables are not looked for: each Word table is handed over as it is, merged cells exact
(``gridSpan`` and ``vMerge``), split over pages as rows fill them, header rows repeated
where Word repeats them. The same extractors then read these pages as a PDF's.

A page number is where the row falls in this layout (Word's own layout is not in the file,
and any other layout breaks pages elsewhere), so every record also gets ``location``: the
section, table and row (or paragraph) it came from, which is exact.

A .docx is a zip file: a corrupt one or a zip bomb (members that inflate past a sane size)
fails with one line before python-docx sees it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from extractors.pdf import PdfError
from models import Extraction, PageFailure

#: most bytes all members of a .docx may inflate to, and most members (a zip bomb has more)
MAX_UNZIPPED = 256 * 1024 * 1024
MAX_MEMBERS = 5000
#: most inflated bytes per compressed byte in one member (XML compresses ~10-30x)
MAX_RATIO = 200
#: pages one document may lay out to
MAX_WORD_PAGES = 2000

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PT_PER_TWIP = 1 / 20
PT_PER_EMU = 1 / 12700
CELL_PAD = 5.4  # Word's default left/right cell margin (0.19 cm)
#: body text size (points) when neither the style nor the document defaults name one
DEFAULT_SIZE = 11.0


class WordError(PdfError):
    """A Word file that cannot be read; ``str`` is the one-line reason (a ``PdfError``, so the
    pipeline records it as it records an unreadable PDF)."""


# ------------------------------------------------------------------------------ guard


def check_zip(data: bytes) -> None:
    """Refuse a .docx that is no zip, is cut short, or inflates past the limits (a zip bomb)."""
    if not data:
        raise WordError("empty file")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if len(infos) > MAX_MEMBERS:
                raise WordError(f"Word file with {len(infos)} parts (limit {MAX_MEMBERS}): zip bomb?")
            total = 0
            for info in infos:
                total += info.file_size
                if total > MAX_UNZIPPED:
                    raise WordError(f"Word file inflates past {MAX_UNZIPPED >> 20} MiB (zip bomb?)")
                if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(1, info.compress_size):
                    raise WordError(f"Word file part {info.filename[:40]} inflates "
                                    f"{info.file_size // max(1, info.compress_size)}x (zip bomb?)")
            if "word/document.xml" not in {i.filename for i in infos}:
                raise WordError("corrupt Word file: no word/document.xml")
            bad = z.testzip()
            if bad:
                raise WordError(f"corrupt Word file: part {bad[:40]} is damaged")
    except zipfile.BadZipFile as exc:
        raise WordError(f"corrupt Word file: {exc}") from exc
    except (ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise WordError(f"corrupt Word file: {exc}") from exc


def open_docx(data: bytes) -> Any:
    """The python-docx ``Document``; ``WordError`` for anything that is not a readable .docx."""
    check_zip(data)
    import docx  # python-docx, a dependency

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - lxml, zipfile and python-docx each raise their own
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise WordError(f"corrupt Word file: {text[:150]}") from exc


# ------------------------------------------------------------------------------ styles


def _val(el: Any, path: str, attr: str = "val") -> str | None:
    if el is None:
        return None
    found = el.find(path)
    return None if found is None else found.get(f"{W}{attr}")


def _on(el: Any, tag: str) -> bool | None:
    """A toggle property (``w:b``): True, False, or None when not set here."""
    if el is None:
        return None
    found = el.find(f"{W}{tag}")
    if found is None:
        return None
    return found.get(f"{W}val") not in ("0", "false", "off")


class Styles:
    """Effective paragraph and run properties: direct formatting, then the style chain, then
    the document defaults."""

    def __init__(self, document: Any) -> None:
        root = document.styles.element
        self.by_id = {s.get(f"{W}styleId"): s for s in root.findall(f"{W}style")}
        defaults = root.find(f"{W}docDefaults")
        self.default_rpr = defaults.find(f"{W}rPrDefault/{W}rPr") if defaults is not None else None
        self.default_ppr = defaults.find(f"{W}pPrDefault/{W}pPr") if defaults is not None else None
        self.numbering = _Numbering(document)

    def chain(self, style_id: str | None) -> Iterator[Any]:
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = _val(style, f"{W}basedOn")

    def style_name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        return (_val(style, f"{W}name") or "") if style is not None else ""

    def ppr_values(self, p: Any) -> Iterator[Any]:
        """pPr elements in order of precedence for paragraph ``p``."""
        ppr = p.find(f"{W}pPr")
        yield ppr
        for s in self.chain(_val(ppr, f"{W}pStyle")):
            yield s.find(f"{W}pPr")
        yield self.default_ppr

    def rpr_values(self, p: Any, r: Any | None) -> Iterator[Any]:
        if r is not None:
            rpr = r.find(f"{W}rPr")
            yield rpr
            for s in self.chain(_val(rpr, f"{W}rStyle")):
                yield s.find(f"{W}rPr")
        ppr = p.find(f"{W}pPr")
        for s in self.chain(_val(ppr, f"{W}pStyle")):
            yield s.find(f"{W}rPr")
        yield self.default_rpr

    def size(self, p: Any, r: Any | None) -> float:
        for rpr in self.rpr_values(p, r):
            v = _val(rpr, f"{W}sz")
            if v and v.isdigit():
                return int(v) / 2
        return DEFAULT_SIZE

    def bold(self, p: Any, r: Any | None) -> bool:
        for rpr in self.rpr_values(p, r):
            v = _on(rpr, "b")
            if v is not None:
                return v
        return False

    def spacing(self, p: Any) -> tuple[float, float, float]:
        """(space before, space after, line spacing factor) in points / lines."""
        before = after = line = None
        for ppr in self.ppr_values(p):
            sp = ppr.find(f"{W}spacing") if ppr is not None else None
            if sp is None:
                continue
            if before is None and sp.get(f"{W}before", "").isdigit():
                before = int(sp.get(f"{W}before")) * PT_PER_TWIP
            if after is None and sp.get(f"{W}after", "").isdigit():
                after = int(sp.get(f"{W}after")) * PT_PER_TWIP
            if line is None and sp.get(f"{W}line", "").isdigit() \
                    and sp.get(f"{W}lineRule", "auto") == "auto":
                line = int(sp.get(f"{W}line")) / 240
        return before or 0.0, after or 0.0, line or 1.0

    def indent(self, p: Any) -> tuple[float, float]:
        """(left indent, first-line offset: negative when hanging) in points."""
        left = hanging = None
        for ppr in self.ppr_values(p):
            ind = ppr.find(f"{W}ind") if ppr is not None else None
            if ind is None:
                continue
            for name in ("left", "start"):
                if left is None and re.fullmatch(r"-?\d+", ind.get(f"{W}{name}", "")):
                    left = int(ind.get(f"{W}{name}")) * PT_PER_TWIP
            if hanging is None and ind.get(f"{W}hanging", "").isdigit():
                hanging = -int(ind.get(f"{W}hanging")) * PT_PER_TWIP
            if hanging is None and ind.get(f"{W}firstLine", "").isdigit():
                hanging = int(ind.get(f"{W}firstLine")) * PT_PER_TWIP
        return left or 0.0, hanging or 0.0

    def num(self, p: Any) -> tuple[str, int] | None:
        """The list a paragraph belongs to: (numId, level), directly or through its style."""
        for ppr in self.ppr_values(p):
            numpr = ppr.find(f"{W}numPr") if ppr is not None else None
            if numpr is None:
                continue
            num_id = _val(numpr, f"{W}numId")
            if num_id and num_id != "0":
                return num_id, int(_val(numpr, f"{W}ilvl") or 0)
            return None
        return None

    def heading_level(self, p: Any) -> int | None:
        style_id = _val(p.find(f"{W}pPr"), f"{W}pStyle")
        for s in self.chain(style_id):
            name = (_val(s, f"{W}name") or "").lower()
            if name == "title":
                return 0
            m = re.fullmatch(r"heading (\d)", name)
            if m:
                return int(m.group(1))
        return None


class _Numbering:
    """List markers: "•" for a bullet level, the level's text ("1.", "a)") for a numbered one."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, AttributeError, NotImplementedError):
            return
        abstract = {a.get(f"{W}abstractNumId"): a for a in root.findall(f"{W}abstractNum")}
        for num in root.findall(f"{W}num"):
            a = abstract.get(_val(num, f"{W}abstractNumId"))
            if a is None:
                continue
            for lvl in a.findall(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl") or 0)
                start = _val(lvl, f"{W}start")
                self.levels[(num.get(f"{W}numId"), ilvl)] = (
                    _val(lvl, f"{W}numFmt") or "decimal", _val(lvl, f"{W}lvlText") or "%1.",
                    int(start) if start and start.isdigit() else 1)
        self.counters: dict[tuple[str, int], int] = {}

    def marker(self, num_id: str, level: int) -> str:
        fmt, text, start = self.levels.get((num_id, level), ("bullet", "•", 1))
        if fmt == "bullet" or fmt == "none":
            return "•" if fmt == "bullet" else ""
        key = (num_id, level)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for k in [k for k in self.counters if k[0] == num_id and k[1] > level]:
            del self.counters[k]
        out = text
        for i in range(level + 1):
            n = self.counters.get((num_id, i), 1)
            levels = self.levels.get((num_id, i), ("decimal", "", 1))
            out = out.replace(f"%{i + 1}", _format_number(n, levels[0]))
        return out


def _format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, m = "", n
        for v, s in vals:
            while m >= v:
                out, m = out + s, m - v
        return out if fmt == "lowerRoman" else out.upper()
    return str(n)


# ------------------------------------------------------------------------------ text runs


@dataclass
class Piece:
    """A run of text with one size and weight (a word may be made of several)."""

    text: str
    size: float
    bold: bool


def _runs(p: Any, styles: Styles, page_number: int | None = None) -> list[Piece]:
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


def _breaks_page(p: Any) -> bool:
    """A hard page break in the paragraph, or "page break before" on it."""
    if any(br.get(f"{W}type") == "page" for br in p.iter(f"{W}br")):
        return True
    return bool(_on(p.find(f"{W}pPr"), "pageBreakBefore"))


# ------------------------------------------------------------------------------ layout

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


# ------------------------------------------------------------------------------ pages


@dataclass
class WordPage:
    """One laid-out page, standing in for ``extractors.pdf.PageView``."""

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
                    "".join(pc.text for pc in _runs(p, self.styles, page.number)).strip()
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
        breaks = _breaks_page(p)
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
        pieces = _runs(p, styles)
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
        from extractors.tables import PageTable

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
    if _on(p.find(f"{W}pPr"), "pageBreakBefore"):
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
            n = max((sum(int(_val(tc.find(f"{W}tcPr"), f"{W}gridSpan") or 1)
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
            if r == self.header_rows and trpr is not None and _on(trpr, "tblHeader"):
                self.header_rows += 1
            row: list[str | None] = [None] * n
            laid: dict[int, Laid | None] = {}
            c = 0
            for tc in tr.findall(f"{W}tc"):
                tcpr = tc.find(f"{W}tcPr")
                span = int(_val(tcpr, f"{W}gridSpan") or 1)
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


# ------------------------------------------------------------------------------ extraction


def read_docx(data: bytes, *, max_pages: int | None = None) -> list[WordPage]:
    """The laid-out pages of a .docx; ``WordError`` when it cannot be read."""
    document = open_docx(data)
    try:
        pages = lay_out(document)
    except WordError:
        raise
    except RecursionError as exc:
        raise WordError("Word file nested too deep") from exc
    if max_pages:
        pages = pages[:max_pages]
    return pages


def extract_docx(data: bytes, *, gazetteer: Iterable[str] | None = None,
                 max_pages: int | None = None, keep_contacts: bool = False) -> Extraction:
    """Read a .docx into an ``Extraction``: the PDF extractors over its laid-out pages."""
    from extractors import blocks, bullets, nlp
    from extractors.document import PageData, extract_pages
    from extractors.tables import _add_headings

    if gazetteer:
        nlp.get_nlp(gazetteer)
    pages = read_docx(data, max_pages=max_pages)
    if not any(p.words for p in pages):
        raise WordError("Word file holds no text")
    datas = []
    for page in pages:
        page.words = bullets.words_with_glyphs(page.words)
        page.tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
        _add_headings(page, page.tables)  # type: ignore[arg-type]
        d = PageData(page, text=page.text, words=page.words, tables=page.tables,  # type: ignore[arg-type]
                     lines=blocks.page_lines(page.words, page.number), furniture=page.furniture)
        datas.append(d)
    failures: list[PageFailure] = []
    ex = extract_pages(datas, failures, keep_contacts=keep_contacts)
    return locate(ex, pages).model_copy(update={"source_format": "docx"})


# ------------------------------------------------------------------------------ location

_TOKEN = re.compile(r"[a-z0-9£]+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _where(text: str, page: int, spots: dict[int, list[tuple[str, set[str], str]]]) -> str | None:
    """The paragraph or table row holding most of ``text``: on its page first, then anywhere."""
    want = _tokens(text)[:24]
    if not want:
        return None
    best, best_score = None, 0.0
    for number in [page, *[n for n in spots if n != page]]:
        for location, tokens, _ in spots.get(number, []):
            score = sum(1 for t in want if t in tokens) / len(want)
            if score > best_score + 1e-9:
                best, best_score = location, score
        if best_score >= 0.8:
            return best
    return best if best_score >= 0.5 else None


def locate(ex: Extraction, pages: list[WordPage]) -> Extraction:
    """Each record given the section / table / row (or paragraph) it was read from."""
    spots = {p.number: [(loc, set(_tokens(text)), text) for _t, _b, loc, text in p.spots]
             for p in pages}

    def mark(record, text: str):  # noqa: ANN001, ANN202
        return record.model_copy(update={"location": _where(text, record.page, spots)})

    activities = []
    for a in ex.activities:
        kpis = [mark(k, k.description) for k in a.kpis]
        activities.append(mark(a, a.description).model_copy(update={"kpis": kpis}))
    return ex.model_copy(update={
        "activities": activities,
        "priorities": [mark(p, p.label) for p in ex.priorities],
        "kpis": [mark(k, k.description) for k in ex.kpis],
        "funding": [mark(f, f.description) for f in ex.funding],
    })
