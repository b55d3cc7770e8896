"""Column and view meanings are written once (descriptions.yaml) and used everywhere.

Checked against a database built by the schema code, against the contract (docs/CONTRACT.md),
against the committed generated pages, and through Datasette metadata and the export.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from cspipe.pipeline.outputs import columns_doc
from cspipe.pipeline.outputs.datasette_metadata import metadata
from cspipe.pipeline.outputs.export import DICTIONARY, export
from cspipe.pipeline.store import descriptions
from cspipe.pipeline.store.load import open_db
from cspipe.pipeline.store.views import VIEWS
from tests.test_views import build_fixture_db

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _columns(db, name: str) -> list[str]:
    return [c[1] for c in db.execute(f"PRAGMA table_info([{name}])").fetchall()]


def test_every_table_view_and_column_of_a_fresh_database_is_described(tmp_path: Path) -> None:
    db = open_db(tmp_path / "fresh.db")
    assert descriptions.check(db) == []
    described = descriptions.described()
    assert [d.name for d in described.values() if d.is_view] == list(VIEWS)  # creation order
    for name in db.table_names() + db.view_names():
        entry = described[name]
        assert entry.description.strip(), name
        assert all(entry.meanings[c].strip() for c in _columns(db, name)), name
    db.close()


def test_check_reports_an_undescribed_column_and_a_stale_one(tmp_path: Path) -> None:
    db = open_db(tmp_path / "fresh.db")
    db.execute("ALTER TABLE kpis ADD COLUMN baseline TEXT")
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    problems = descriptions.check(db)
    assert any(p.startswith("kpis.baseline:") for p in problems)
    assert any(p.startswith("notes:") for p in problems)
    with pytest.raises(ValueError, match="kpis.baseline"):
        columns_doc.columns_page(db)
    db.close()


def _contract() -> dict[str, dict[str, str]]:
    """docs/CONTRACT.md's tables: name -> column -> meaning (backticks removed)."""
    tables: dict[str, dict[str, str]] = {}
    current = None
    for line in (DOCS / "CONTRACT.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^### (\w+)$", line)
        if heading:
            current = tables.setdefault(heading.group(1), {})
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if (current is not None and line.startswith("|") and len(cells) == 3
                and cells[0] not in ("column", "---")):
            current[cells[0]] = cells[2].replace("`", "")
    return tables


def test_contract_tables_and_meanings_follow_the_contract() -> None:
    contract = _contract()
    assert len(contract) == 9 and contract["funding"]["amount_gbp"].startswith("the amount")
    assert descriptions.tables("contract") == tuple(contract)
    for table, columns in contract.items():
        entry = descriptions.describe(table)
        assert list(entry.columns) == list(columns), table
        for column, meaning in columns.items():
            # the contract's words up to an example or an aside ("(list below)") must begin ours
            words = re.split(r"e\.g\.|\(", meaning)[0].rstrip(" ,")
            assert entry.columns[column].startswith(words), f"{table}.{column}"


def test_committed_pages_are_current() -> None:
    for path, text in columns_doc.pages(DOCS).items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run make docs"


def test_columns_page_gives_real_types_and_marks_additions(tmp_path: Path) -> None:
    db = open_db(tmp_path / "fresh.db")
    page = columns_doc.columns_page(db)
    db.close()
    assert "| id | TEXT PK | sha256 hex of the PDF bytes |" in page
    assert "| activity_id | INTEGER NULL -> activities.id | the activity it measures" in page
    assert "| match_score | REAL NULL | *addition:* rapidfuzz score" in page
    assert "| labels | the priorities as written, ' \\| '-separated |" in page
    assert "### organisation_reach" in page


def test_view_index_replaces_only_its_block() -> None:
    text = f"intro\n{columns_doc.INDEX_START}\nold table\n{columns_doc.INDEX_END}\ndefinitions\n"
    new = columns_doc.with_view_index(text)
    assert new.startswith("intro\n") and new.endswith("\ndefinitions\n")
    assert "old table" not in new and "[`lead_mix`](columns.md#lead_mix)" in new
    with pytest.raises(ValueError):
        columns_doc.with_view_index("no markers here")


def test_datasette_metadata_comes_from_the_descriptions() -> None:
    tables = metadata("csp")["databases"]["csp"]["tables"]
    leads = descriptions.describe("activity_leads")
    assert tables["activity_leads"]["columns"]["raw"] == leads.columns["raw"]
    assert tables["activity_leads"]["columns"]["match_score"] == (
        "addition: " + leads.additions["match_score"]
    )
    assert tables["org_candidates"]["description"].startswith("Addition: ")
    assert tables["schema_migrations"]["hidden"] is True
    assert not any(t.get("hidden") for n, t in tables.items() if n != "schema_migrations")
    assert tables["lead_mix"]["description"] == descriptions.describe("lead_mix").description


def _dictionary_rows(out: Path, fmt: str) -> list[dict[str, str]]:
    path = out / f"{DICTIONARY}.{fmt}"
    if fmt == "json":
        return json.loads(path.read_text(encoding="utf-8"))
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_writes_a_data_dictionary_for_every_file_and_column(
    tmp_path: Path, fmt: str
) -> None:
    db_path = build_fixture_db(tmp_path / "fixture.db")
    written = export(db_path, tmp_path / fmt, fmt)
    rows = _dictionary_rows(tmp_path / fmt, fmt)
    by_key = {(r["name"], r["column"]): r for r in rows}
    db = open_db(db_path)
    for path, _ in written:
        if path.stem == DICTIONARY:
            continue
        assert by_key[(path.stem, "")]["description"], path.stem
        for column in _columns(db, path.stem):
            assert by_key[(path.stem, column)]["description"], f"{path.stem}.{column}"
    db.close()
    assert len(rows) == sum(1 + len(descriptions.describe(p.stem).meanings)
                            for p, _ in written if p.stem != DICTIONARY)
    assert by_key[("documents", "id")] == {
        "name": "documents", "column": "id", "origin": "contract",
        "description": "sha256 hex of the PDF bytes",
    }
    assert by_key[("kpis", "value")]["origin"] == "addition"
    assert by_key[("fetches", "url")]["origin"] == "addition"
    assert by_key[("priority_matrix", "")]["origin"] == "view"
    assert ("schema_migrations", "") not in by_key
