"""cspipe export: one tidy file per contract table and view (CSV, JSON or Parquet), with a
Frictionless datapackage.json that validates; every mistake one line."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cspipe.cli.compare import register
from cspipe.pipeline.outputs.export import CONTRACT_TABLES
from cspipe.pipeline.store.views import VIEWS
from tests.test_views import build_fixture_db


def _export(tmp_path: Path, fmt: str) -> Path:
    db = build_fixture_db(tmp_path / "fixture.db")
    app = typer.Typer()
    register(app)
    out = tmp_path / fmt
    result = CliRunner().invoke(
        app, ["export", "--db", str(db), "--format", fmt, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


def test_export_csv(tmp_path: Path) -> None:
    out = _export(tmp_path, "csv")
    names = {p.stem for p in out.glob("*.csv")}
    assert set(CONTRACT_TABLES) | set(VIEWS) <= names
    with (out / "activities.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 6 and rows[0]["description"] == "Patrol hotspots"
    with (out / "funding_by_year.csv").open(newline="") as fh:
        years = {(r["partnership_id"], r["financial_year"]) for r in csv.DictReader(fh)}
    assert ("alpha-csp", "2019/20") in years
    # cspipe's own tables are not exported
    assert not names & {"org_candidates", "extractions", "sources", "fetches", "schema_migrations"}
    assert not any("_fts" in n for n in names)


def test_an_empty_table_still_has_its_header(tmp_path: Path) -> None:
    from cspipe.pipeline.store.load import open_db

    open_db(tmp_path / "empty.db").close()
    app = typer.Typer()
    register(app)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["export", "--db", str(tmp_path / "empty.db"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = (out / "funding.csv").read_text().splitlines()
    assert lines == ["id,document_id,document_title,partnership_id,partnership,date,period,"
                     "description,amount_gbp,funder_id,funder,recipient_id,recipient,page,"
                     "location,ocr_confidence"]


def test_export_json(tmp_path: Path) -> None:
    out = _export(tmp_path, "json")
    docs = json.loads((out / "documents.json").read_text())
    assert len(docs) == 5 and {"id", "source", "status"} <= set(docs[0])
    profile = json.loads((out / "activity_profile.json").read_text())
    assert {p["partnership_id"] for p in profile} == {"alpha-csp", "beta-csp", "gamma-csp"}


def cspipe(*args: str, cwd: Path, code: str | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it (``code``: Python run first, in the same process)."""
    run = [sys.executable, "-m", "cspipe.cli"] if code is None else [
        sys.executable, "-c", f"{code}; import sys; sys.argv[0] = 'cspipe'; "
                              "from cspipe.cli.main import main; main()"]
    return subprocess.run([*run, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def _validate(package: Path) -> list[str]:
    """frictionless's errors for the package: schema types, keys, foreign keys, the descriptor."""
    from frictionless import Package

    report = Package(str(package)).validate()
    return [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors] + [
        e.message for e in report.errors]


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_export_of_the_corpus_validates_with_frictionless(fmt: str, seeds_db: Path,
                                                          tmp_path: Path) -> None:
    pytest.importorskip("frictionless")
    proc = cspipe("export", "--db", str(seeds_db), "--format", fmt, "--out", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("datapackage.json -> out")
    out = tmp_path / "out"
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in package["resources"]]
    assert set(CONTRACT_TABLES) | set(VIEWS) | {"priority_matrix_labels", "data_dictionary"} <= set(names)
    assert package["licenses"][0]["name"] == "OGL-UK-3.0" and package["sources"]
    keys = {r["name"]: r["schema"].get("foreignKeys", []) for r in package["resources"]}
    assert {"fields": "document_id", "reference": {"resource": "documents", "fields": "id"}} in keys[
        "activities"]
    errors = _validate(out / "datapackage.json")
    if fmt == "json":  # frictionless cannot read an empty JSON array as a table (nothing to see)
        empty = {p.stem for p in out.glob("*.json") if p.read_text(encoding="utf-8").strip() == "[]"}
        errors = [e for e in errors if not (e.split(":")[0] in empty and "cannot extract" in e)]
    assert errors == []


def test_export_is_tidy(tmp_path: Path) -> None:
    """One value per cell, the views' lists in long form, names beside ids (fixture answers)."""
    out = _export(tmp_path, "csv")

    def rows(name: str) -> list[dict[str, str]]:
        with (out / f"{name}.csv").open(newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    patrol = next(r for r in rows("activities") if r["description"] == "Patrol hotspots")
    assert (patrol["document_title"], patrol["partnership_id"], patrol["partnership"]) == (
        "Alpha scrutiny 2023", "alpha-csp", "Alpha Community Safety Partnership")
    leads = {(r["activity_id"], r["organisation"]) for r in rows("activity_leads")}
    assert ("1", "Shire Constabulary") in leads and ("6", "") in leads  # unmatched: no name
    assert "labels" not in rows("priority_matrix")[0]
    labels = {(r["partnership"], r["theme"], r["label"]) for r in rows("priority_matrix_labels")}
    assert labels == {
        ("Alpha Community Safety Partnership", "asb", "ASB"),
        ("Alpha Community Safety Partnership", "asb", "Anti-social behaviour"),
        ("Alpha Community Safety Partnership", "fraud", "Fraud and scams"),
        ("Alpha Community Safety Partnership", "vawg", "VAWG"),
        ("Beta Community Safety Partnership", "domestic_abuse", "Domestic abuse"),
        ("Beta Community Safety Partnership", "vawg", "Violence against women"),
        ("Gamma Community Safety Partnership", "prevent", "Prevent"),
    }
    facts_leads = {(r["activity_id"], r["lead"]) for r in rows("activity_facts_leads")}
    assert facts_leads == {("1", "Police"), ("1", "AC"), ("2", "AC: Jo Bloggs"), ("3", "All"),
                           ("5", "SCC"), ("6", "Sam Smith")}
    reach = {(r["organisation_id"], r["partnership_id"]) for r in rows("organisation_reach_partnerships")}
    assert ("alpha-council", "alpha-csp") in reach and "partnership_ids" not in rows(
        "organisation_reach")[0]
    statuses = {(r["partnership_id"], r["status_group"], r["status"])
                for r in rows("activity_status_mix_statuses")}
    assert ("beta-csp", "off_track", "RAG: red") in statuses
    for path in out.glob("*.csv"):  # no list left in a cell
        text = path.read_text(encoding="utf-8")
        if path.stem not in ("data_dictionary", "activity_leads"):
            assert " | " not in text, path.stem


def test_parquet_holds_what_csv_holds(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    csv_out, parquet_out = _export(tmp_path / "a", "csv"), _export(tmp_path / "b", "parquet")
    for name in ("activities", "funding_items", "priority_matrix_labels", "documents"):
        from_csv = pd.read_csv(csv_out / f"{name}.csv", dtype=str, keep_default_na=False)
        from_parquet = pd.read_parquet(parquet_out / f"{name}.parquet").astype(str)
        from_parquet = from_parquet.replace({"<NA>": "", "nan": "", "None": ""})
        assert list(from_parquet.columns) == list(from_csv.columns), name
        assert len(from_parquet) == len(from_csv) > 0, name
    amounts = pd.read_parquet(parquet_out / "funding.parquet")["amount_gbp"]
    assert str(amounts.dtype) == "float64" and amounts.max() == 16100000.0
    pages = pd.read_parquet(parquet_out / "activities.parquet")["page"]
    assert str(pages.dtype) == "Int64"


@pytest.mark.parametrize(("args", "says", "code"), [
    (["export", "--db", "{db}", "--out", "{file}"], "is a file, not a folder to export into", 2),
    (["export", "--db", "{db}", "--out", "o", "--format", "xlsx"], "'xlsx' is not one of", 2),
    (["export", "--db", "missing.db", "--out", "o"], "No database at missing.db", 2),
    (["export", "--db", "{db}"], "Missing option '--out'", 2),
])
def test_an_export_mistake_is_one_line(args: list[str], says: str, code: int,
                                       tmp_path: Path) -> None:
    db = build_fixture_db(tmp_path / "fixture.db")
    (tmp_path / "taken").write_text("x")
    argv = [a.format(db=db, file=tmp_path / "taken") for a in args]
    proc = cspipe(*argv, cwd=tmp_path)
    assert proc.returncode == code, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], proc.stderr
    assert not (tmp_path / "missing.db").exists() and not (tmp_path / "o").exists()


def test_parquet_without_pyarrow_says_how_to_install(tmp_path: Path) -> None:
    db = build_fixture_db(tmp_path / "fixture.db")
    proc = cspipe("export", "--db", str(db), "--out", "o", "--format", "parquet", cwd=tmp_path,
                  code="import sys; sys.modules['pyarrow'] = None")
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        "--format parquet needs pyarrow and pandas: pip install 'cspipe[parquet]' "
        "(or: pip install pyarrow pandas)")
    assert not (tmp_path / "o").exists()
