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

import re
from collections.abc import Iterable

from cspipe.extractors.word_guard import WordError, check_zip, open_docx
from cspipe.extractors.word_layout import WordPage, lay_out
from cspipe.models import Extraction, PageFailure

__all__ = ["WordError", "WordPage", "check_zip", "extract_docx", "locate", "open_docx", "read_docx"]


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
    from cspipe.extractors import blocks, bullets, nlp
    from cspipe.extractors.document import PageData, extract_pages
    from cspipe.extractors.tables import _add_headings

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
