"""Extraction accuracy on the corpus against the hand-checked gold files; fails when it regresses.

Thresholds hold overall and for every document type; a layout variant may not score
more than ``VARIANT_SLACK`` below the original it varies, on any figure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.scoring import Count, format_scores, gold_files, score_database

#: Lowest acceptable F1, per figure (overall and per document type).
THRESHOLDS = {
    "activities": 0.95,
    "lead_organisations": 0.95,
    "kpis": 0.90,
    "funding": 0.98,
    "priorities": 0.90,
    "organisations": 0.90,
}
VARIANT_SLACK = 0.05


def test_corpus_accuracy(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    golds = gold_files()
    assert len(golds) >= 10, "corpus/ and corpus/variants/ must hold their gold files"
    total, docs = score_database(corpus_db, golds)
    gold_by_name = {g.name.replace(".gold.json", ".pdf"): json.loads(g.read_text()) for g in golds}

    by_type: dict[str, dict[str, Count]] = {}
    for d in docs:
        kind = gold_by_name[d.name]["document"]["doc_type"]
        for k, c in d.counts.items():
            by_type.setdefault(kind, {}).setdefault(k, Count()).add(c)
    with capsys.disabled():
        print("\n" + format_scores(total, docs))
        for kind, counts in sorted(by_type.items()):
            print(f"{kind:22}" + "".join(f"{k}={counts[k].f1:.3f} " for k in THRESHOLDS))

    problems = [f"overall {k} {total[k].f1:.3f} < {floor}"
                for k, floor in THRESHOLDS.items() if total[k].f1 < floor]
    problems += [f"{kind} {k} {counts[k].f1:.3f} < {floor}"
                 for kind, counts in by_type.items() for k, floor in THRESHOLDS.items()
                 if counts[k].f1 < floor]
    scores = {d.name: d for d in docs}
    for d in docs:
        original = gold_by_name[d.name].get("varies")
        if not original:
            continue
        base = scores[original.replace(".gold.json", ".pdf")]
        problems += [f"{d.name} {k} {d.counts[k].f1:.3f} is more than {VARIANT_SLACK} below "
                     f"{base.name} ({base.counts[k].f1:.3f})"
                     for k in THRESHOLDS if d.counts[k].f1 < base.counts[k].f1 - VARIANT_SLACK]
    assert not problems, "accuracy below threshold:\n" + "\n".join(problems)
