"""cspipe export: one file per contract table and view, CSV or JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

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
                     "description,amount_gbp,funder_id,funder,recipient_id,recipient,page"]


def test_export_json(tmp_path: Path) -> None:
    out = _export(tmp_path, "json")
    docs = json.loads((out / "documents.json").read_text())
    assert len(docs) == 5 and {"id", "source", "status"} <= set(docs[0])
    profile = json.loads((out / "activity_profile.json").read_text())
    assert {p["partnership_id"] for p in profile} == {"alpha-csp", "beta-csp", "gamma-csp"}
