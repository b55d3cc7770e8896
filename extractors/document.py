"""One PDF in, one ``cspipe.models.Extraction`` out: every extractor run over the right pages.

Each page's text, words and tables are read once. An agenda pack is split into its items
first and each item is read as its own kind (priorities from a plan, activities from a
delivery plan, nothing from an attendance list). The same priority, output or sum stated
twice is kept once.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cspipe.extractors import (
    action_lists,
    actionplan,
    agenda,
    blocks,
    bullets,
    field_actions,
    funding_text,
    furniture,
    kpi_text,
    metadata,
    narrative,
    nlp,
    privacy,
    scanned,
)
from cspipe.extractors.dedupe import (
    dedupe_funding,
    dedupe_kpis,
    dedupe_priorities,
    header_text,
    same_activity,
)
from cspipe.extractors.pdf import PageView, PdfError, open_pdf
from cspipe.extractors.table_join import build_logical_tables
from cspipe.extractors.table_model import PageTable
from cspipe.extractors.tables import (
    continued_tables,
    find_page_tables,
)
from cspipe.extractors.themes import theme_of
from cspipe.models import (
    ActivityRecord,
    Extraction,
    FundingRecord,
    KpiRecord,
    PageFailure,
    PriorityRecord,
    Section,
)


@dataclass
class PageData:
    """What one page holds, read once."""

    view: PageView
    text: str = ""
    words: list[dict] = field(default_factory=list)
    tables: list[PageTable] = field(default_factory=list)
    lines: list[blocks.Line] = field(default_factory=list)
    ok: bool = True
    #: the running header/footer text removed from the page (metadata still reads it)
    furniture: list[str] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.view.number


def _read_page(view: PageView, failures: list[PageFailure]) -> PageData:
    """A page's text and words (its tables and lines come once the furniture is known)."""
    data = PageData(view)
    try:
        data.text = view.text
        data.words = view.words
    except Exception as exc:  # a broken content stream must not lose the other pages
        failures.append(PageFailure(page=view.number, reason=_one_line(exc)))
        data.ok = False
    return data


def _read_layout(pages: list[PageData]) -> None:
    """Drop the running headers and footers, then read each page's tables and lines."""
    keys = furniture.furniture_keys([(p.words, p.view.height) for p in pages if p.ok])
    for data in pages:
        if not data.ok:
            continue
        view = data.view
        body = furniture.without_furniture(data.words, view.height, keys)
        kept = {id(w) for w in body}
        data.furniture = [" ".join(str(w["text"]) for w in data.words if id(w) not in kept)] \
            if len(body) < len(data.words) else []
        body = bullets.words_with_glyphs(body)
        data.words = view.words = body  # the table readers see the same words
        try:
            data.tables = find_page_tables(view)
        except Exception:  # tables are optional; the text is still usable
            data.tables = []
        data.words = bullets.with_drawn_bullets(body, view.plumber)
        data.lines = blocks.page_lines(_without_page_furniture(data.words, view.height),
                                       view.number)


_FOLIO = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)


def _without_page_furniture(words: list[dict[str, Any]], height: float) -> list[dict[str, Any]]:
    """Drop a page number standing alone in the top or bottom margin ("17", "Page 3 of 12"),
    so it is not read as the end of the last label/value block on the page."""
    margin = height * 0.07
    edge = [w for w in words if w["top"] > height - margin or w["bottom"] < margin]
    drop: set[int] = set()
    rows: dict[int, list[dict[str, Any]]] = {}
    for w in edge:
        rows.setdefault(round(w["top"] / 3), []).append(w)
    for row in rows.values():
        if _FOLIO.match(" ".join(w["text"] for w in sorted(row, key=lambda w: w["x0"]))):
            drop.update(id(w) for w in row)
    return [w for w in words if id(w) not in drop] if drop else words


def _continue_unruled(pages: list[PageData]) -> None:
    """Re-read pages that go on with an unruled table from the page before (its header is
    not repeated, so the page alone shows no header to find the columns by)."""
    carry: list[float] | None = None
    for p in pages:
        if p.ok and carry is not None and not any(t.source == "ruled" for t in p.tables):
            more = continued_tables(p.view, carry)
            if more:
                p.tables = more
        last = p.tables[-1] if p.tables else None
        carry = last.xs if last is not None and last.source == "gridless" \
            and last.bbox[3] > 0.7 * p.view.height else None


def _one_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"{type(exc).__name__}: {text}"[:200]


# ---------------------------------------------------------------- narrative text


def _structured_boxes(pages: list[PageData], *, min_plan_rows: int = 0
                     ) -> dict[int, list[tuple[float, float, float, float]]]:
    """Boxes of tables that the table extractor reads (recognised headers), by page.

    ``min_plan_rows`` keeps only plan tables (an activity column) with that many rows or more.
    """
    logical = build_logical_tables([p.tables for p in pages])
    boxes: dict[int, list[tuple[float, float, float, float]]] = {}
    for lt in logical:
        if lt.cmap is None:
            continue
        if min_plan_rows and (not lt.cmap.has("activity") or len(lt.rows) < min_plan_rows):
            continue
        for p in pages:
            if p.number not in (lt.pages or [lt.page]):
                continue
            for t in p.tables:
                if len(t.xs) == len(lt.xs) and all(abs(a - b) < 6 for a, b in zip(t.xs, lt.xs,
                                                                                    strict=False)):
                    boxes.setdefault(p.number, []).append(t.bbox)
    return boxes


def _inside(line: blocks.Line, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    mid = (line.top + line.bottom) / 2
    return top - 1 <= mid <= bottom + 1 and x0 - 2 <= line.x0 <= x1


def narrative_lines(pages: list[PageData]) -> list[blocks.Line]:
    """Lines of running text: everything but the tables the table extractor reads."""
    boxes = _structured_boxes(pages)
    out: list[blocks.Line] = []
    for p in pages:
        page_boxes = boxes.get(p.number, [])
        height = p.view.height
        for line in blocks.reading_lines(p.words, p.number):
            if any(_inside(line, b) for b in page_boxes):
                continue
            # running headers/footers (page numbers, "Page 3 of 14") are not text
            if (line.top < 0.06 * height or line.bottom > 0.95 * height) and len(line.text) < 90:
                continue
            out.append(line)
    return out


def paragraphs(lines: list[blocks.Line]) -> list[tuple[str, int]]:
    """Lines joined into paragraphs (text, page) by vertical gaps, list markers and numbers."""
    out: list[tuple[str, int]] = []
    current: list[blocks.Line] = []

    def flush() -> None:
        if current:
            out.append((" ".join(ln.text for ln in current), current[0].page))
            current.clear()

    for line in lines:
        if current:
            prev = current[-1]
            gap = line.top - prev.bottom
            new_para = (
                line.page != prev.page and not _continues(prev, line)
                or line.page == prev.page and gap > max(prev.size, 6) * 0.9
                or _starts_item(line.text)
                or line.bold != prev.bold and len(prev.text) < 90
            )
            if new_para:
                flush()
        current.append(line)
    flush()
    return out


def _continues(prev: blocks.Line, line: blocks.Line) -> bool:
    """Text running over a page break: the previous page ended mid-sentence."""
    return not prev.text.rstrip().endswith((".", ":", "!", "?")) and line.text[:1].islower()


_ITEM_START = re.compile(
    r"^\s*(?:[-•▪●◦○■➢►*·]\s|\(?[a-z]\)\s|[a-z]\.\s|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)]\s|"
    r"[A-Z]?\d+(?:\.\d+)+\.?\s|\d{1,2}\.\s)"
)


def _starts_item(text: str) -> bool:
    return bool(_ITEM_START.match(text))


def sentences_of(paras: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for text, page in paras:
        for s in nlp.sentences(text):
            out.append((s, page))
    return out


# ---------------------------------------------------------------- per section


@dataclass
class Found:
    priorities: list[PriorityRecord] = field(default_factory=list)
    activities: list[ActivityRecord] = field(default_factory=list)
    kpis: list[KpiRecord] = field(default_factory=list)
    funding: list[FundingRecord] = field(default_factory=list)
    text_funding: list[FundingRecord] = field(default_factory=list)
    #: what the tables' total rows state
    totals: list[float] = field(default_factory=list)
    #: priorities only a plan table's sub-heading rows name; kept when nothing states priorities
    grouping_priorities: list[PriorityRecord] = field(default_factory=list)


#: what each kind of section is read for: minutes and slides report sums committed (an
#: enabling fund announced at the meeting) but their lists are attendance and talking points
_READS: dict[str, set[str]] = {
    "front_sheet": set(),
    "minutes": {"funding"},
    "slides": {"funding"},
    "consultation": {"funding"},
    "appendix": {"priorities", "outputs", "funding", "tables", "blocks", "lists"},
}
_ALL = {"priorities", "outputs", "funding", "tables", "blocks", "lists"}


def blank_pages(pages: list[PageData]) -> set[int]:
    """Pages with nothing but a running header and footer (a page break left empty)."""
    out = set()
    for p in pages:
        h = p.view.height
        body = [w for w in p.words if 0.08 * h < float(w["top"]) < 0.92 * h]
        if p.ok and not body and not p.tables:
            out.add(p.number)
    return out


def _extract_section(pages: list[PageData], kind: str) -> Found:
    reads = _READS.get(kind, _ALL)
    found = Found()
    if not reads:
        return found
    lines = narrative_lines(pages)
    block_acts: list[ActivityRecord] = []
    if "blocks" in reads:
        # a plan table's own header and cells are read by the table reader, not as blocks
        boxes = _structured_boxes(pages, min_plan_rows=3)
        loose = [[ln for ln in p.lines if not any(_inside(ln, b) for b in boxes.get(p.number, []))]
                 for p in pages]
        result = blocks.find_block_activities(loose)
        # a plan table's header row read as loose blocks ("Priority Objectives Activity ...")
        block_acts = [a for a in result.activities if not header_text(a.description)]
        found.activities += block_acts
        for h, page in result.headings:
            if not any(a.priority == h for a in block_acts) and any(
                    a.priority == h for a in result.activities):
                continue
            context = " ".join(a.description for a in block_acts if a.priority == h)
            found.priorities.append(PriorityRecord(label=h, theme=theme_of(h, context), page=page))
        fielded, fielded_priorities = field_actions.find_field_activities(loose)
        fielded = [a for a in fielded if not same_activity(a, found.activities)]
        if fielded:
            found.activities += fielded
            block_acts += fielded
            found.priorities += fielded_priorities
    if "tables" in reads:
        records = actionplan.records_from_tables(
            build_logical_tables([p.tables for p in pages], blank_pages(pages)))
        kept = [a for a in records.activities if not same_activity(a, block_acts)]
        dropped_priorities = {a.priority for a in records.activities if a not in kept}
        kept_priorities = {a.priority for a in kept}
        found.activities += kept
        found.priorities += [p for p in records.priorities
                             if p.label not in dropped_priorities or p.label in kept_priorities]
        found.grouping_priorities += records.grouping_priorities
        found.kpis += records.kpis
        found.funding += records.funding
        found.totals += records.totals
        # sums and outputs written inside table cells (an update, a project description)
        cell_text = [(a.progress, a.page) for a in kept if a.progress]
        found.text_funding += funding_text.find_funding(sentences_of(cell_text))
        found.kpis += kpi_text.find_outputs(
            sentences_of((f.description, f.page) for f in records.funding))
    if "lists" in reads:
        listed = action_lists.find_list_activities(lines)
        found.activities += [a for a in listed.activities
                             if not same_activity(a, found.activities)]
        found.priorities += listed.priorities
    if "priorities" in reads:
        found.priorities += narrative.find_priorities(lines)
    prose = lines
    if "outputs" in reads:
        measures, used = kpi_text.find_measures(lines)
        found.kpis += measures
        prose = [ln for i, ln in enumerate(lines) if i not in used]
    if {"outputs", "funding"} & reads:
        sents = sentences_of(paragraphs(prose))
        if "outputs" in reads:
            found.kpis += kpi_text.find_outputs(sents)
        if "funding" in reads:
            found.text_funding += funding_text.find_funding(sents)
    return found


# ---------------------------------------------------------------- entry point


def extract(
    src: Path | str | bytes,
    *,
    gazetteer: Iterable[str] | None = None,
    max_pages: int | None = None,
    keep_contacts: bool = False,
    ocr_pages: Iterable[int] = (),
) -> Extraction:
    """Read one PDF into an ``Extraction``; raise ``PdfError`` when it cannot be read at all.

    ``gazetteer`` holds organisation names and aliases the registry knows; they are given
    to the NLP pipeline as ORG patterns. ``ocr_pages`` are pages whose text layer an OCR
    engine wrote (``pipeline.ocr``): their stray rule glyphs are dropped before reading.
    """
    with open_pdf(src, max_pages=max_pages) as views:
        return extract_views(views, gazetteer=gazetteer, keep_contacts=keep_contacts,
                             ocr_pages=ocr_pages)


def extract_views(
    views: list[PageView],
    *,
    gazetteer: Iterable[str] | None = None,
    keep_contacts: bool = False,
    ocr_pages: Iterable[int] = (),
) -> Extraction:
    """``extract`` over a document already open (``open_pdf``), e.g. after its scan check."""
    if gazetteer:
        nlp.get_nlp(gazetteer)
    failures: list[PageFailure] = []
    scanned_pages = set(ocr_pages)
    for v in views:
        if v.number in scanned_pages:
            v.plumber = scanned.without_rule_glyphs(v.plumber)
            with contextlib.suppress(PdfError):
                v.check_budget()
                v.text = v.plumber.extract_text() or ""  # by position; the words keep OCR order
                v.words = scanned.ocr_words(v.plumber)
    pages = [_read_page(v, failures) for v in views]
    for p in pages:
        if p.number in scanned_pages and p.ok:
            p.words = scanned.misread_bullets(p.words)
    _read_layout(pages)
    if not any(p.text.strip() for p in pages):
        if failures and len(failures) == len(pages):
            raise PdfError(f"no page could be read ({failures[0].reason})")
        raise PdfError("no text layer (scanned image?)")
    _continue_unruled(pages)
    out = extract_pages(pages, failures, keep_contacts=keep_contacts)
    return out.model_copy(update={"ocr_pages": sorted(scanned_pages & {p.number for p in pages})})


def extract_pages(pages: list[PageData], failures: list[PageFailure], *,
                  keep_contacts: bool = False) -> Extraction:
    """Every extractor over pages already read (a PDF's, or a Word file's laid-out pages)."""
    readable = [p for p in pages if p.ok]
    sections = agenda.split_sections(
        [agenda.PageSignal(p.number, p.text, p.view.landscape, p.lines) for p in readable]
    )
    first = readable[0]
    cover_rows = [t.rows for p in readable[:2] for t in p.tables]
    hf = _header_footer_lines(readable)
    meta = metadata.extract_meta(
        [p.text for p in readable], first.words, cover_rows,
        n_sections=len(sections), header_footer_lines=hf,
        cover_lines=[ln for p in readable[:2] for ln in p.lines],
    )
    found = Found()
    by_number = {p.number: p for p in readable}
    for section in sections:
        sec_pages = [by_number[n] for n in range(section.first_page, section.last_page + 1)
                     if n in by_number]
        kind = str(section.kind)
        part = _extract_section(sec_pages, kind)
        found.priorities += part.priorities
        found.activities += part.activities
        found.kpis += part.kpis
        found.funding += part.funding
        found.text_funding += part.text_funding
        found.totals += part.totals
        found.grouping_priorities += part.grouping_priorities
    page_texts = [_page_text(p) for p in pages]
    if len(sections) == 1 and sections[0].kind == "document":
        sections = []
    funding = dedupe_funding(found.funding, found.text_funding, found.totals)
    activities = found.activities
    if not keep_contacts:
        activities = [_redact_activity(a) for a in activities]
        funding = [f.model_copy(update={"description": privacy.redact(f.description) or ""})
                   for f in funding]
    return Extraction(
        pages=len(pages),
        meta=meta,
        page_texts=page_texts,
        sections=sections,
        priorities=dedupe_priorities(found.priorities or found.grouping_priorities),
        activities=activities,
        kpis=dedupe_kpis(found.kpis),
        funding=funding,
        failed_pages=failures,
    )


def _page_text(p: PageData) -> str:
    """A page's text, then each table cell's text whole: a name wrapped inside a cell is run
    together with the next column's words in the page text ("Youth / Trust" beside another
    cell), and reads whole in the cell."""
    cells = [" ".join(c.split()) for t in p.tables for row in t.rows for c in row if c and c.strip()]
    return "\n".join([p.text, *cells]) if cells else p.text


def _redact_activity(a: ActivityRecord) -> ActivityRecord:
    return a.model_copy(update={
        "description": privacy.redact(a.description) or "",  # only a contact: dropped at loading
        "progress": privacy.redact(a.progress),
        "objective": privacy.redact(a.objective),
    })


def _header_footer_lines(pages: list[PageData]) -> list[str]:
    out = []
    for p in pages[:6]:
        h = p.view.height
        out += p.furniture
        out += [ln.text for ln in p.lines if ln.top < 0.08 * h or ln.bottom > 0.93 * h]
    return out


__all__ = ["Section", "extract"]
