"""Extraction accuracy on the corpus against the hand-checked gold files; fails when it regresses."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scoring import format_scores, gold_files, score_database

#: Lowest acceptable F1 over the corpus, per figure.
THRESHOLDS = {
    "activities": 0.90,
    "lead_organisations": 0.80,
    "kpis": 0.80,
    "funding": 0.95,
    "priorities": 0.80,
    "organisations": 0.80,
}


def test_corpus_accuracy(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    golds = gold_files()
    assert golds, "no gold files in corpus/"
    total, docs = score_database(corpus_db, golds)
    with capsys.disabled():
        print("\n" + format_scores(total, docs))
    low = {k: round(total[k].f1, 3) for k, floor in THRESHOLDS.items() if total[k].f1 < floor}
    assert not low, f"accuracy below threshold: {low}"
