"""PDFium reads pages as pdfminer did: same words in the same places, same ruling lines.

Every extractor and gold figure was built on pdfminer's reading, so the PDFium reader is
checked against pdfminer page by page on papers typeset by every engine we have: reportlab
(the corpus), LibreOffice and Chromium (the renderings), and the real-world papers of other
councils. Where PDFium is right and pdfminer is not, the test says so by name: pdfminer cannot
map the bullet glyph of some fonts ("(cid:127)"), and it reads a word that is painted twice
over itself (a fake bold) twice ("TTiimmeessccaallee").
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from cspipe.extractors.page_text import text_of_words
from cspipe.extractors.pdf import open_pdf

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = ROOT.parent / "shared" / "realworld" / "pdfs"

SAMPLES = [
    ROOT / "corpus" / "east-cambridgeshire-action-plan-2023-24.pdf",
    ROOT / "corpus" / "norfolk-ccsp-scrutiny-agenda-2021-09-16.pdf",
    ROOT / "corpus" / "west-suffolk-community-safety-2017-04-19.pdf",
    ROOT / "corpus" / "variants" / "east-suffolk-actionplan-unruled.pdf",
    ROOT / "corpus" / "renderings" / "ashford-csp-action-tracker-2024-25.cr.pdf",
    ROOT / "corpus" / "renderings" / "east-cambridgeshire-action-plan-2023-24.cr.pdf",
    ROOT / "corpus" / "renderings" / "norfolk-delivery-plan-2021-24.lo.pdf",
    ROOT / "corpus" / "renderings" / "bridgend-csp-plan-2024-25.cr.pdf",
    REALWORLD / "cr-cheshire-pcc-crime-disorder-grants.pdf",
    REALWORLD / "lo-milton-keynes-delivery-plan.pdf",
]


def _pdfminer_word(text: str) -> str:
    """A word as PDFium reads it, from pdfminer's reading (see the module docstring)."""
    text = text.replace("(cid:127)", "•")
    doubled = len(text) >= 4 and len(text) % 2 == 0 and text[::2] == text[1::2]
    return text[::2] if doubled else text


def _edges(page: Any) -> list[tuple]:
    return sorted((str(e.get("orientation")), float(e["x0"]), float(e["top"]), float(e["x1"]),
                   float(e["bottom"])) for e in page.edges)


def _same_edges(ours: list[tuple], theirs: list[tuple], tol: float = 0.5) -> bool:
    pool = list(theirs)
    for e in ours:
        match = next((j for j, t in enumerate(pool) if t[0] == e[0]
                      and all(abs(a - b) <= tol for a, b in zip(e[1:], t[1:], strict=True))), None)
        if match is None:
            return False
        pool.pop(match)
    return not pool


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_pdfium_reads_what_pdfminer_read(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} not here")
    layout_differs = 0
    with open_pdf(path) as views, pdfplumber.open(path) as pdf:
        assert len(views) == len(pdf.pages)
        for view, page in zip(views, pdf.pages, strict=True):
            theirs = page.extract_words(extra_attrs=["fontname", "size"])
            ours = view.words
            assert view.plumber.read_by == "pdfium", f"page {view.number} fell back to pdfminer"
            assert Counter(w["text"] for w in ours) == \
                Counter(_pdfminer_word(w["text"]) for w in theirs), f"page {view.number}"
            # the same word in the same place, the same font and size (float32 sums along a
            # justified line drift by a point or two at its end)
            placed: dict[tuple, list[dict]] = {}
            for w in theirs:
                placed.setdefault((_pdfminer_word(w["text"]), w["fontname"]), []).append(w)
            for w in ours:
                twins = placed.get((w["text"], w["fontname"]), [])
                assert any(abs(w["x0"] - t["x0"]) <= 2 and abs(w["top"] - t["top"]) <= 0.1
                           and abs(w["size"] - t["size"]) <= 0.01 for t in twins), (view.number, w)
            assert _same_edges(_edges(view.plumber), _edges(page)), f"page {view.number} rules"
            text = page.extract_text()
            assert Counter(view.text.split()) == Counter(map(_pdfminer_word, text.split()))
            layout_differs += view.text != "\n".join(map(_pdfminer_word, text.split("\n")))
    # lines whose tops are exactly 3 pt apart sit on pdfplumber's tolerance; float32 and
    # double arithmetic may put them on either side of it
    assert layout_differs <= max(2, len(views) // 5)


def test_text_of_words_lays_out_lines_as_extract_text_does() -> None:
    words = [
        {"text": "Lead", "x0": 10.0, "x1": 30.0, "top": 100.2},
        {"text": ":", "x0": 30.1, "x1": 32.0, "top": 100.0},  # same word, the colon not bold
        {"text": "Police", "x0": 36.0, "x1": 60.0, "top": 100.0},
        {"text": "Timescale", "x0": 10.0, "x1": 50.0, "top": 112.0},
        {"text": "earlier", "x0": 200.0, "x1": 230.0, "top": 99.0},  # read later, sits on line 1
    ]
    assert text_of_words(words) == "Lead: Police earlier\nTimescale"
    assert text_of_words([]) == ""


def test_turned_page_is_read_by_pdfminer(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "turned.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 12)
    c.drawString(72, 720, "Community Safety Partnership action plan")
    c.setPageRotation(90)
    c.showPage()
    c.save()
    with open_pdf(path) as views, pdfplumber.open(path) as pdf:
        assert views[0].text == pdf.pages[0].extract_text()
        assert views[0].plumber.read_by == "pdfminer"
        assert "Partnership" in views[0].text
