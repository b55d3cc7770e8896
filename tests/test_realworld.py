"""Accuracy on real papers of other councils (``../shared/realworld``), with their own scorer.

The set's papers and gold were written by other hands, so this is the test of what cspipe
does on papers it was not built from. It is skipped, saying why, where the set is absent.
Each floor is the figure reached when it was set: a fall below it is a regression.
"""

from __future__ import annotations

import json

import pytest

from benchmarks.realworld import REALWORLD, score

#: F1 floors per figure (the scorer's names) and overall
FLOORS = {"activities": 0.95, "lead_orgs": 0.95, "kpis": 0.95, "funding": 0.95,
          "priorities": 0.95, "organisations": 0.90}
OVERALL = 0.95
#: accuracy floors for document-level fields: every paper's type and partnership right
ACCURACY = {"doc_type": 1.0, "partnership": 1.0}


@pytest.mark.skipif(not (REALWORLD / "score.py").exists(),
                    reason=f"no real-world set at {REALWORLD}")
def test_realworld_accuracy(capsys: pytest.CaptureFixture[str]) -> None:
    result = json.loads(score(as_json=True))
    with capsys.disabled():
        print("\nreal-world papers (../shared/realworld):")
        for d in result["per_document"]:
            print(f"  {d['file'][:44]:44} " + " ".join(f"{k}={d[k]:.3f}" for k in FLOORS))
        print("  overall F1", result["overall_f1"], "accuracy", result["accuracy"])
    totals = result["totals"]
    low = [f"{k} {totals[k]['f1']:.3f} < {floor}" for k, floor in FLOORS.items()
           if totals[k]["f1"] < floor]
    low += [f"{k} {result['accuracy'][k]} < {floor}" for k, floor in ACCURACY.items()
            if (result["accuracy"][k] or 0) < floor]
    if result["overall_f1"] < OVERALL:
        low.append(f"overall {result['overall_f1']:.3f} < {OVERALL}")
    assert not low, "real-world accuracy fell:\n" + "\n".join(low)
