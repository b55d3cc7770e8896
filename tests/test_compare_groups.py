"""`cspipe compare --group ...` and `--over-time` on the five seed papers, as a user runs them.

Every expected figure below was worked out by hand from the gold files (corpus/*.gold.json)
and the population column of the reference data (mySociety pop-2020), never from cspipe's
own output:

- activities (gold ``activities``): East Suffolk 45, East Cambridgeshire 70, Norfolk 53,
  Western Suffolk 0 (neither of its papers sets out activities).
- activities with a KPI (gold: an activity whose ``kpis`` is not empty): East Suffolk 34 of 45
  = 75.6 %, East Cambridgeshire 5 of 70 = 7.1 %.
- priority themes (distinct gold ``priorities[].theme`` over a partnership's papers): East
  Suffolk 9, Western Suffolk 7 (2023: asb, criminal exploitation, fraud, hate crime, modern
  slavery, prevent, vawg; 2017: none), East Cambridgeshire 15, Norfolk 5.
- funding (gold ``funding``, each sum once): East Suffolk £224,376 (15 dated payments
  £26,527 + 3 x £9,783 + £16,500 + £2,000 + £120,000 + £30,000), Western Suffolk
  £2,000 + £7,000 + £875 = £9,875, Norfolk £500,000 (one sum stated three times), East
  Cambridgeshire £0.
- with any lead: East Suffolk 45/45, East Cambridgeshire 70/70, Norfolk 45/53 (84.9 %).
- population (mid-2020): East Suffolk 250,373; Western Suffolk = Babergh 92,735 + Mid
  Suffolk 104,857 + West Suffolk 177,302 = 374,894; East Cambridgeshire 90,172; Norfolk's
  seven districts 914,039.

Quartiles interpolate linearly between the sorted values x0..x(n-1) at position (n-1)p.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def cspipe(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "80"}  # a terminal's width: tables fold as a user sees
    return subprocess.run([sys.executable, "-m", "cspipe.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env)


def bench(db: Path, *args: str) -> dict[str, dict]:
    proc = cspipe("compare", "--db", str(db), "--format", "csv", *args)
    assert proc.returncode == 0, proc.stderr
    return {r["measure"]: r for r in csv.DictReader(io.StringIO(proc.stdout))}


def figures(row: dict) -> tuple:
    return tuple(None if row[k] == "" else float(row[k]) for k in ("value", "q1", "median", "q3"))


def test_county_group_prints_every_measure_with_median_quartiles_and_rank(seeds_db: Path) -> None:
    proc = cspipe("compare", "--partnership", "east-suffolk-csp", "--group", "county",
                  "--db", str(seeds_db))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    flat = " ".join(out.split())
    assert "against partnerships in the same county (Suffolk County Council)" in flat
    assert "east-suffolk-csp (pop. 250,373), western-suffolk-csp (pop. 374,894)" in flat
    for header in ("measure", "value", "median", "Q1", "Q3", "rank"):
        assert header in out
    lines = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
             for line in out.splitlines() if line.count("│") == 7}
    # activities: East Suffolk 45, Western Suffolk 0 -> median 22.5, Q1 11.25, Q3 33.75
    assert lines["activities"] == ["45", "22.5", "11.25", "33.75", "1 of 2"]
    # a share of no activities is unknown: Western Suffolk drops out, 1 of 1
    assert lines["with a KPI"] == ["75.6%", "75.6%", "75.6%", "75.6%", "1 of 1"]
    # themes 9 and 7 -> median 8; funding 224,376 and 9,875 -> median 117,125.5
    assert lines["priority themes named (all"] == ["9", "8", "7.5", "8.5", "1 of 2"]
    assert lines["funding stated, £ (repeats"][0] == "224,376"
    assert lines["funding stated, £ (repeats"][4] == "1 of 2"
    rows = bench(seeds_db, "--partnership", "East Suffolk", "--group", "county")
    assert len(rows) == 13  # every measure
    assert figures(rows["funding_gbp"]) == (224376, 63500.25, 117125.5, 170750.75)


def test_type_group_and_force_group(seeds_db: Path) -> None:
    # three non-metropolitan district partnerships: East Suffolk, Western Suffolk, East Cambs
    # (Norfolk's covers its whole county)
    rows = bench(seeds_db, "--partnership", "east-suffolk-csp", "--group", "type")
    assert figures(rows["activities"]) == (45, 22.5, 45, 57.5)  # 0, 45, 70
    assert rows["activities"]["rank_label"] == "2 of 3"
    assert figures(rows["themes_named"]) == (9, 8, 9, 12)  # 7, 9, 15
    assert figures(rows["funding_gbp"]) == (224376, 4937.5, 9875, 117125.5)  # 0, 9875, 224376
    assert rows["funding_gbp"]["rank_label"] == "1 of 3"
    # shares: 0.071 (5/70) and 0.756 (34/45) -> median 0.4135
    assert figures(rows["share_kpi"]) == (0.756, 0.24225, 0.4135, 0.58475)
    force = bench(seeds_db, "--partnership", "western-suffolk-csp", "--group", "force")
    assert force["themes_named"]["rank_label"] == "2 of 2" and force["themes_named"]["of"] == "2"
    assert force["share_kpi"]["value"] == "" and force["share_kpi"]["rank_label"] == ""


def test_ties_share_the_rank(seeds_db: Path) -> None:
    # all four: any lead 1.0 (East Suffolk), 1.0 (East Cambs), 0.849 (Norfolk): two level at 1
    rows = bench(seeds_db, "--partnership", "east-suffolk-csp")
    assert rows["share_any_lead"]["rank_label"] == "=1 of 3"
    assert rows["share_any_lead"]["tied"] == "1"
    # activities 0, 45, 53, 70: East Suffolk third, alone
    assert rows["activities"]["rank_label"] == "3 of 4"
    assert figures(rows["activities"]) == (45, 33.75, 49, 57.25)
    norfolk = bench(seeds_db, "--partnership", "norfolk-csp")
    assert norfolk["share_any_lead"]["rank_label"] == "3 of 3"


def test_a_named_list_and_nearest_neighbours(seeds_db: Path) -> None:
    rows = bench(seeds_db, "--partnership", "east-suffolk-csp", "--group", "list",
                 "--members", "Norfolk County,east-cambridgeshire-csp")
    assert figures(rows["activities"]) == (45, 49, 53, 61.5)  # 45, 53, 70
    assert rows["activities"]["rank_label"] == "3 of 3"
    assert figures(rows["funding_gbp"]) == (224376, 112188, 224376, 362188)  # 0, 224376, 500000
    assert rows["share_any_lead"]["rank_label"] == "=1 of 3"
    # --members alone means a list
    assert bench(seeds_db, "--partnership", "east-suffolk-csp", "--members",
                 "norfolk-csp,east-cambridgeshire-csp") == rows
    proc = cspipe("compare", "--partnership", "east-suffolk-csp", "--group", "nearest",
                  "--format", "json", "--db", str(seeds_db))
    assert proc.returncode == 0, proc.stderr
    group = json.loads(proc.stdout)["benchmark"]
    # ratios to 250,373: Western Suffolk 1.50, East Cambs 2.78, Norfolk 3.65 (all within 5)
    assert [(m["partnership_id"], m["population"], m["basis"]) for m in group["members"]] == [
        ("east-suffolk-csp", 250373, None),
        ("western-suffolk-csp", 374894, "1.50"),
        ("east-cambridgeshire-csp", 90172, "2.78"),
        ("norfolk-csp", 914039, "3.65"),
    ]


@pytest.mark.parametrize(("args", "words"), [
    (["--group", "county"], "need --partnership"),
    (["--partnership", "east-suffolk-csp", "--group", "list"], "needs --members"),
    (["--partnership", "east-suffolk-csp", "--group", "force", "--members", "norfolk-csp"],
     "--members goes with --group list"),
    (["--partnership", "east-suffolk-csp", "--group", "parish"], "Invalid value for '--group'"),
    (["--partnership", "east-suffolk-csp", "--members", "Norfolk Count"], "did you mean"),
    (["--over-time", "Westren Suffolk"], "did you mean 'Western Suffolk"),
    (["--over-time", "western-suffolk-csp", "--partnership", "east-suffolk-csp"],
     "--over-time shows one partnership"),
])
def test_mistakes_are_one_line_and_exit_2(seeds_db: Path, args: list[str], words: str) -> None:
    proc = cspipe("compare", "--db", str(seeds_db), *args)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert words in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_over_time_prints_the_changes_between_2017_and_2023(seeds_db: Path) -> None:
    proc = cspipe("compare", "--over-time", "western-suffolk-csp", "--db", str(seeds_db))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "over time: 2 documents" in out
    assert "Changes 2017-04-19 → 2023-09-21" in out
    # gold: the 2017 paper names no priorities, the 2023 one seven themes
    assert ("themes added (7): asb, criminal exploitation, fraud, hate crime, modern slavery, "
            "prevent, vawg") in " ".join(out.split())
    assert "themes dropped (0): none" in out
    assert "KPIs: 0 → 11 (+11)" in out  # gold kpis: 0 in 2017, 11 in 2023
    assert "funding stated, £" in out and "funding £: 9,875 → 0 (-9,875)" in out
    assert "names no priority themes" in out  # why 'added' is not 'adopted'
    data = json.loads(cspipe("compare", "--over-time", "Western Suffolk", "--format", "json",
                             "--db", str(seeds_db)).stdout)
    assert [d["meeting_date"] for d in data["documents"]] == ["2017-04-19", "2023-09-21"]
    (change,) = data["changes"]
    assert change["themes_dropped"] == [] and change["themes_kept"] == []
    assert change["counts"]["activities"] == {"before": 0, "after": 0}
    assert change["counts"]["priorities"] == {"before": 0, "after": 7}
    # 2017: £2,000 "each year 2016/17 and 2017/18" -> 2016/17; £7,000 and £875 undated
    first = data["documents"][0]["document_id"]
    assert data["funding_by_year"] == {"2016/17": {first: 2000.0}, "unknown": {first: 7875.0}}
    rows = list(csv.DictReader(io.StringIO(cspipe(
        "compare", "--over-time", "western-suffolk-csp", "--format", "csv",
        "--db", str(seeds_db)).stdout)))
    assert [r["kpis"] for r in rows] == ["0", "11"] and rows[1]["themes_added"].count("|") == 6


def test_over_time_of_a_single_document(seeds_db: Path) -> None:
    proc = cspipe("compare", "--over-time", "norfolk-csp", "--db", str(seeds_db))
    assert proc.returncode == 0, proc.stderr
    assert "Only one document" in proc.stdout


def test_an_older_database_is_told_how_to_fill_the_groups_in(seeds_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "older.db"
    shutil.copyfile(seeds_db, db)
    with sqlite3.connect(db) as conn:  # as a database written before comparator groups
        conn.execute("UPDATE partnerships SET county_id = NULL, force_id = NULL, "
                     "council_type = NULL, population = NULL, districts = NULL")
    proc = cspipe("compare", "--partnership", "east-suffolk-csp", "--group", "county",
                  "--db", str(db))
    assert proc.returncode == 2 and "cspipe orgs rematch" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert cspipe("orgs", "rematch", "--db", str(db)).returncode == 0
    rows = bench(db, "--partnership", "east-suffolk-csp", "--group", "county")
    assert rows["activities"]["rank_label"] == "1 of 2"
