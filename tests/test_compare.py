"""cspipe compare: the comparison records, the benchmark, and the three output formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cspipe.cli.compare import register
from cspipe.pipeline.outputs.compare import CompareError, load
from cspipe.pipeline.outputs.peers import benchmark, group
from cspipe.pipeline.store.load import open_db
from tests.test_views import build_fixture_db


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return build_fixture_db(tmp_path / "fixture.db")


@pytest.fixture()
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def _run(app: typer.Typer, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_load_and_benchmark(db_path: Path) -> None:
    db = open_db(db_path)
    comparisons = load(db)
    assert [c.partnership_id for c in comparisons] == ["alpha-csp", "beta-csp", "gamma-csp"]
    alpha = comparisons[0]
    assert [t["theme"] for t in alpha.themes] == ["asb", "vawg", "fraud"]
    assert alpha.funding_gbp == 16_101_000
    assert alpha.lead_mix["district_council"] == 0.5
    bench = {b.measure: b for b in benchmark(db, group(db, "beta-csp", "all"))}
    assert (
        bench["activities"].value,
        bench["activities"].median,
        bench["activities"].rank,
        bench["activities"].of,
    ) == (2, 2, 2, 3)
    # gamma has no activities, so shares compare beta with alpha only
    assert (bench["share_target"].value, bench["share_target"].rank, bench["share_target"].of) == (
        0,
        2,
        2,
    )
    assert bench["share_any_lead"].rank == 1
    with pytest.raises(CompareError):
        benchmark(db, group(db, "idle-csp", "all"))
    db.close()


def test_theme_narrows_profile(db_path: Path) -> None:
    db = open_db(db_path)
    comparisons = {c.partnership_id: c for c in load(db, "vawg")}
    with pytest.raises(CompareError):
        load(db, "not-a-theme")
    db.close()
    assert comparisons["alpha-csp"].profile["activities"] == 2
    assert comparisons["beta-csp"].profile["activities"] == 1
    assert comparisons["gamma-csp"].profile["activities"] == 0
    assert [t["theme"] for t in comparisons["alpha-csp"].themes] == ["vawg"]
    assert comparisons["alpha-csp"].lead_mix == {"all_partners": 0.5}


def test_compare_table(app: typer.Typer, db_path: Path) -> None:
    code, out = _run(app, "compare", "--db", str(db_path))
    assert code == 0, out
    for title in ("Priority themes", "Activity profile", "Lead mix", "Funding stated"):
        assert title in out
    assert "£16,101,000" in out


def test_compare_partnership_benchmark(app: typer.Typer, db_path: Path) -> None:
    code, out = _run(
        app, "compare", "--db", str(db_path), "--partnership", "alpha-csp", "--format", "csv"
    )
    assert code == 0, out
    rows = {r["measure"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["activities"]["rank"] == "1" and rows["activities"]["of"] == "3"
    assert float(rows["share_kpi"]["median"]) == 0.5
    code, out = _run(app, "compare", "--db", str(db_path), "--partnership", "alpha-csp")
    assert code == 0 and "against the other partnerships" in out and "1 of 3" in out


def test_compare_json(app: typer.Typer, db_path: Path) -> None:
    code, out = _run(app, "compare", "--db", str(db_path), "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    beta = next(p for p in data["partnerships"] if p["partnership_id"] == "beta-csp")
    assert {t["theme"] for t in beta["themes"]} == {"domestic_abuse", "vawg"}
    assert beta["profile"]["share_kpi"] == 0.5
    assert beta["funding"] == [
        {"financial_year": "2022/23", "amount_gbp": 5000.0, "items": 1},
        {"financial_year": "unknown", "amount_gbp": 100.0, "items": 1},
    ]
    assert "benchmark" not in data


def test_compare_csv_and_theme(app: typer.Typer, db_path: Path) -> None:
    code, out = _run(app, "compare", "--db", str(db_path), "--format", "csv", "--theme", "vawg")
    assert code == 0, out
    rows = {r["partnership_id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["alpha-csp"]["themes"] == "vawg" and rows["alpha-csp"]["activities"] == "2"


def test_compare_errors(app: typer.Typer, db_path: Path, tmp_path: Path) -> None:
    code, out = _run(app, "compare", "--db", str(tmp_path / "missing.db"))
    assert code == 2 and "No database" in out
    assert not (tmp_path / "missing.db").exists()
    code, out = _run(app, "compare", "--db", str(db_path), "--partnership", "nowhere-csp")
    assert code == 2 and "alpha-csp" in out
    code, out = _run(app, "compare", "--db", str(db_path), "--theme", "knitting")
    assert code == 2 and "vawg" in out


def test_one_definition_for_compare_datasette_and_the_view(app: typer.Typer, db_path: Path) -> None:
    """`compare --group`, the canned queries and the benchmarks view give the same figures."""
    from cspipe.pipeline.outputs.datasette_metadata import QUERIES
    from cspipe.pipeline.store.benchmarks import LIST_QUERY

    assert QUERIES["benchmark_list"]["sql"] == LIST_QUERY
    db = open_db(db_path)
    keys = ("value", "rank_label", "of", "q1", "median", "q3")
    for kind, members, canned in (("county", "", "benchmark_group"),
                                   ("list", "gamma-csp", "benchmark_list")):
        args = ["--group", kind] + (["--members", members] if members else [])
        code, out = _run(app, "compare", "--db", str(db_path), "--partnership", "alpha-csp",
                         "--format", "csv", *args)
        assert code == 0, out
        printed = {r["measure"]: r for r in csv.DictReader(io.StringIO(out))}
        params = {"partnership_id": "alpha-csp", "comparator": kind, "members": members}
        served = {r["measure"]: r for r in db.query(QUERIES[canned]["sql"], params)}
        view = {r["measure"]: r for r in db.query(
            "SELECT * FROM benchmarks WHERE partnership_id = 'alpha-csp' AND comparator = ?",
            [kind])} if kind != "list" else served
        assert printed.keys() == served.keys() == view.keys() and len(printed) == 13
        for m in printed:
            for k in keys:
                p, s, v = printed[m][k], served[m][k], view[m][k]
                assert (p == "" and s is None) or p == str(s), (kind, m, k)
                assert s == v
    # by hand: county = alpha (4 activities) and beta (2): median 3, Q1 2.5, Q3 3.5, alpha 1st;
    # the list alpha + gamma (0 activities): median 2; any lead: alpha 3 of 4, gamma none
    county = {r["measure"]: r for r in db.query(QUERIES["benchmark_group"]["sql"],
              {"partnership_id": "alpha-csp", "comparator": "county"})}
    assert (county["activities"]["median"], county["activities"]["q1"],
            county["activities"]["q3"], county["activities"]["rank_label"]) == (3, 2.5, 3.5,
                                                                                "1 of 2")
    listed = {r["measure"]: r for r in db.query(QUERIES["benchmark_list"]["sql"],
              {"partnership_id": "alpha-csp", "members": "gamma-csp"})}
    assert listed["activities"]["median"] == 2 and listed["share_any_lead"]["of"] == 1
    db.close()


def test_reading_a_database_with_older_views_uses_todays_without_writing(
    app: typer.Typer, db_path: Path
) -> None:
    """Views change without a migration: a reader shadows stale ones, the file is untouched."""
    import hashlib
    import sqlite3

    with sqlite3.connect(db_path) as conn:  # as an older cspipe of the same schema left it
        conn.execute("DROP VIEW benchmarks")
        conn.execute("DROP VIEW comparator_groups")
        conn.execute("CREATE VIEW comparator_groups AS SELECT 1 AS stale")
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    code, out = _run(app, "compare", "--db", str(db_path), "--partnership", "alpha-csp",
                     "--group", "county", "--format", "csv")
    assert code == 0, out
    rows = {r["measure"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["activities"]["rank_label"] == "1 of 2" and rows["activities"]["median"] == "3.0"
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
