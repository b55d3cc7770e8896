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
    # an empty table still has its header
    header = (out / "org_candidates.csv").read_text().splitlines()
    assert header and header[0].startswith("text,document_id")


def test_export_json(tmp_path: Path) -> None:
    out = _export(tmp_path, "json")
    docs = json.loads((out / "documents.json").read_text())
    assert len(docs) == 5 and {"id", "source", "status"} <= set(docs[0])
    profile = json.loads((out / "activity_profile.json").read_text())
    assert {p["partnership_id"] for p in profile} == {"alpha-csp", "beta-csp", "gamma-csp"}
