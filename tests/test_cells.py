"""Cell texts read by bucketing chars once must equal pdfplumber's ``Table.extract``;
the cheap gate before the aligned-table (text strategy) reader must keep real headers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cspipe.extractors.cells import CharIndex, table_text
from cspipe.extractors.columns import map_header
from cspipe.extractors.pdf import open_pdf
from cspipe.extractors.tables import (
    _LINES,
    _TEXT,
    _aligned_tables,
    _has_header_line,
    find_page_tables,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PDFS = sorted(CORPUS.glob("*.pdf")) + sorted((CORPUS / "variants").glob("*.pdf"))
#: tables compared per PDF (the first ones found, page by page), to keep the test fast
SAMPLE = 3


def _first_tables(pdf: Path, settings: dict[str, Any], limit: int) -> list[tuple[Any, Any]]:
    """(page, table) for the first ``limit`` tables pdfplumber finds with ``settings``."""
    out: list[tuple[Any, Any]] = []
    with open_pdf(pdf) as pages:
        for page in pages:
            for t in page.plumber.find_tables(settings):
                out.append((page, t))
                if len(out) == limit:
                    return out
    return out


@pytest.mark.skipif(not PDFS, reason="corpus not built")
@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_ruled_cells_equal_pdfplumber(pdf: Path) -> None:
    found = _first_tables(pdf, _LINES, SAMPLE)
    for page, t in found:
        expected = t.extract(x_tolerance=1.5)
        assert table_text(t, x_tolerance=1.5) == expected, f"page {page.number}"
        # one index shared by a page's tables, and reading the first rows alone
        index = CharIndex(page.plumber.chars)
        assert table_text(t, index, x_tolerance=1.5) == expected
        assert table_text(t, index, rows=t.rows[:2], x_tolerance=1.5) == expected[:2]
    if not found:
        pytest.skip("no ruled table")


@pytest.mark.skipif(not PDFS, reason="corpus not built")
def test_text_strategy_cells_equal_pdfplumber() -> None:
    """The aligned-table reader uses the same cell reader on text-strategy grids."""
    for page, t in _first_tables(PDFS[0], _TEXT, 1):
        assert table_text(t, x_tolerance=1.5) == t.extract(x_tolerance=1.5), f"page {page.number}"


def test_merged_and_empty_cells_keep_pdfplumber_markers(tmp_path: Path) -> None:
    """A merged cell reads as None and an empty one as "" (carry-down depends on the difference)."""
    from corpus.render import build_pdf, cell, ruled_table

    rows: list[list[Any]] = [[cell("Priority", True), cell("Action", True), cell("Lead", True)]]
    rows += [[cell("Fraud" if i == 0 else None), cell(f"Action {i}"), cell("" if i % 2 else "Police")]
             for i in range(4)]
    pdf = tmp_path / "merged.pdf"
    build_pdf(pdf, [ruled_table(rows, [120, 200, 100], spans=[((0, 1), (0, 4))])])
    (page, t), = _first_tables(pdf, _LINES, 1)
    got = table_text(t, x_tolerance=1.5)
    assert got == t.extract(x_tolerance=1.5)
    assert any(c is None for r in got for c in r) and any(c == "" for r in got for c in r)


def _word(text: str, x0: float, top: float, size: float = 8.0) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x0 + 0.5 * size * len(text), "top": top,
            "bottom": top + size, "size": size, "fontname": "Helvetica"}


def _line(top: float, *texts: tuple[str, float]) -> list[dict[str, Any]]:
    """Words of ``texts`` placed at their x, each word 0.25 em after the one before it."""
    out = []
    for text, x in texts:
        for w in text.split():
            out.append(_word(w, x, top))
            x = out[-1]["x1"] + 2.0
    return out


def test_gate_finds_header_lines() -> None:
    header = _line(100, ("Ref", 40), ("Action", 80), ("Lead officer", 260), ("Target date", 360))
    assert _has_header_line(header)
    # header cells wrapped over two lines whose first words alone name nothing
    wrapped = _line(100, ("Project", 40), ("By", 260), ("Success", 360)) \
        + _line(110, ("whom", 260), ("measures", 360))
    assert _has_header_line(wrapped)


def test_gate_skips_prose_and_single_labels() -> None:
    prose = _line(100, ("The partnership agreed the action plan and the lead officer will report "
                        "progress on each action by the target date", 40))
    assert not _has_header_line(prose)
    label = _line(100, ("Lead", 40), ("Jo Bloggs, Community Safety Officer", 120))
    assert not _has_header_line(label)


def test_aligned_table_found_and_prose_page_skipped(tmp_path: Path) -> None:
    from corpus.render import PageBreak, build_pdf, cell, para, ruled_table

    header = ["Ref", "Action", "Lead officer", "Target date", "Progress update"]
    rows: list[list[Any]] = [[cell(h, True) for h in header]]
    rows += [[cell(f"{i}"), cell(f"Deliver awareness sessions in area {i}"), cell("Police"),
              cell("March 2024"), cell(f"Sessions booked for quarter {i}")] for i in range(1, 6)]
    prose = "The partnership reviewed its priorities and agreed to publish a new plan next year. " * 8
    pdf = tmp_path / "unruled.pdf"
    build_pdf(pdf, [ruled_table(rows, [30, 150, 90, 70, 150], grid=False, header_fill=None),
                    PageBreak(), para(prose), para(prose)])
    with open_pdf(pdf) as pages:
        assert find_page_tables(pages[0])  # read by one unruled-table reader or the other
        tables = _aligned_tables(pages[0])
        assert [t.source for t in tables] == ["aligned"]
        head = " | ".join(c for c in tables[0].rows[0] if c)
        assert map_header(tables[0].rows[0]) is not None
        assert all(h in head for h in header)
        assert sum(1 for r in tables[0].rows if r[0] and r[0].isdigit()) == 5
        assert not _has_header_line(pages[1].words)
        assert _aligned_tables(pages[1]) == []
