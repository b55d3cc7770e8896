"""The fast paths of reading a page give what the libraries they stand in for give.

``page_text.WordGrouper`` runs pdfplumber's word loop and line grouping inline, and
``nlp.sentences`` skips spaCy's sentencizer on blocks it could not split: each is checked
here against the library itself, page by page, on papers typeset by reportlab (the corpus),
Chromium and LibreOffice (the renderings) and the real-world papers of other councils.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pdfplumber.utils.text import WordExtractor

from cspipe.extractors import nlp
from cspipe.extractors.page_text import WordGrouper
from cspipe.extractors.pdf import open_pdf
from cspipe.extractors.pdfium_objects import CHAR_KEYS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [
    ROOT / "corpus" / "norfolk-ccsp-scrutiny-agenda-2021-09-16.pdf",
    ROOT / "corpus" / "variants" / "east-suffolk-actionplan-unruled.pdf",
    ROOT / "corpus" / "renderings" / "ashford-csp-action-tracker-2024-25.cr.pdf",
    ROOT / "corpus" / "renderings" / "norfolk-delivery-plan-2021-24.lo.pdf",
    ROOT.parent / "shared" / "realworld" / "pdfs" / "cr-cheshire-pcc-crime-disorder-grants.pdf",
]

#: the word settings cspipe uses, and the ones the inlined loop hands back to pdfplumber
SETTINGS: list[dict[str, Any]] = [
    {}, {"x_tolerance": 1.5}, {"extra_attrs": ["fontname", "size"]},
    {"keep_blank_chars": True}, {"split_at_punctuation": True}, {"x_tolerance_ratio": 0.2},
]


def _rounded(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Words with floats to 6 places: a word's doctop is summed in another order."""
    return [{k: round(v, 6) if isinstance(v, float) else v for k, v in w.items()} for w in words]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_words_are_pdfplumbers(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} not here")
    with open_pdf(path) as views:
        for view in views:
            chars = view.plumber.chars
            assert chars, f"page {view.number} has no characters"
            for settings in SETTINGS:
                ours = WordGrouper(**settings).extract_words(chars)
                theirs = WordExtractor(**settings).extract_words(chars)
                assert _rounded(ours) == _rounded(theirs), f"page {view.number}, {settings}"


def test_pdfium_glyphs_hold_the_read_keys() -> None:
    with open_pdf(SAMPLES[0]) as views:
        chars = views[0].plumber.chars
    assert views[0].plumber.read_by == "pdfium"
    assert {tuple(sorted(c)) for c in chars} == {tuple(sorted(CHAR_KEYS))}


def _sentencizer_sentences(text: str) -> list[str]:
    """What ``nlp.sentences`` gave before: the sentencizer run over every block."""
    pipeline = nlp.get_nlp()
    out = []
    with pipeline.select_pipes(enable=["sentencizer"]):
        for doc in pipeline.pipe(nlp.blocks(text)):
            out += [s.text.strip() for s in doc.sents if s.text.strip()]
    return out


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sentences_are_the_sentencizers(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} not here")
    with open_pdf(path) as views:
        texts = [v.text for v in views]
    split = 0
    for number, text in enumerate(texts, start=1):
        got = list(nlp.sentences(text))
        assert got == _sentencizer_sentences(text), f"page {number}"
        split += len(got) > len(nlp.blocks(text))
    assert split, "no page had a block of two sentences: the check would test nothing"
