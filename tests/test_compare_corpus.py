"""`cspipe compare --format json` on the five seed papers, checked against their gold files."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def gold_by_partnership() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for path in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out[gold["document"]["partnership_id"]].append(gold)
    return out


def named_lead(activity: dict) -> bool:
    return any(lead.get("organisation") not in (None, "All partners") for lead in activity["leads"])


def test_compare_json_matches_the_gold(seeds_db: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "cspipe.cli", "compare", "--format", "json",
                           "--db", str(seeds_db)], capture_output=True, text=True, cwd=ROOT, check=True)
    got = {p["partnership_id"]: p for p in json.loads(proc.stdout)["partnerships"]}
    golds = gold_by_partnership()
    assert set(got) == set(golds) == {"east-suffolk-csp", "western-suffolk-csp",
                                      "east-cambridgeshire-csp", "norfolk-csp"}
    for pid, docs in golds.items():
        mine = got[pid]
        themes = {p["theme"] for d in docs for p in d["priorities"]}
        activities = [a for d in docs for a in d["activities"]]
        assert {t["theme"] for t in mine["themes"] if t["documents"]} == themes, pid
        profile = mine["profile"]
        assert profile["activities"] == len(activities), pid
        assert profile["with_kpi"] == sum(1 for a in activities if a["kpis"]), pid
        assert profile["with_lead_org"] == sum(1 for a in activities if named_lead(a)), pid
        assert profile["with_due_date"] == sum(1 for a in activities if a["due_date"]), pid
        # funding: every gold sum is there; the view counts a sum restated in one paper once
        stated = sorted(f["amount_gbp"] for d in docs for f in d["funding"])
        total = mine["funding_gbp"]
        assert (not stated and total == 0) or (max(stated) <= total <= sum(stated)), pid


def test_benchmark_table_for_one_partnership(seeds_db: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "cspipe.cli", "compare", "--partnership",
                           "east-suffolk-csp", "--db", str(seeds_db)],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    assert "median" in proc.stdout.lower() and "rank" in proc.stdout.lower()
    assert "East Suffolk" in proc.stdout
