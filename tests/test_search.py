"""Full-text search: the store's FTS5 indexes (migration 9) and ``cspipe search``, run as a user would.

The indexes must hold exactly the rows of their tables after writes, re-writes and an upgrade;
a search for a gold item's own wording must find it on its gold page; every mistake is one line
and exit 2.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cspipe.pipeline.outputs.search import fts_query, search
from cspipe.pipeline.store.load import open_db, open_readonly
from cspipe.pipeline.store.schema import SEARCH

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def cspipe(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CSPIPE_PREFECT_HOME": str(cwd / ".prefect")}
    return subprocess.run([sys.executable, "-m", "cspipe.cli", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=300)


def _in_step(db_path: Path) -> None:
    """Every index holds exactly its table's rows (FTS5's own check against the content table)."""
    conn = sqlite3.connect(db_path)
    for table in SEARCH:
        conn.execute(f"INSERT INTO {table}_fts({table}_fts, rank) VALUES ('integrity-check', 1)")
        rows = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        indexed = conn.execute(f"SELECT count(*) FROM {table}_fts_docsize").fetchone()[0]
        assert indexed == rows, table
    conn.close()


def test_the_indexes_follow_every_write_and_a_rerun_never_duplicates(tmp_path: Path) -> None:
    from cspipe.pipeline.ingest.documents import Options, ingest

    pdf = CORPUS / "east-suffolk-scrutiny-2023-07-20.pdf"
    db = tmp_path / "csp.db"
    ingest([str(pdf)], db)
    _in_step(db)
    first = [h.id for h in search(open_readonly(db), "skate park", ("funding",))]
    assert first
    ingest([str(pdf)], db, Options(force=True))  # every row deleted and written again
    _in_step(db)
    again = search(open_readonly(db), "skate park", ("funding",))
    assert len(again) == len(first)  # the old rows left the index with their rows
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM schema_migrations WHERE version = 9").fetchone()[0] == 1
    conn.close()


def test_an_older_database_gets_its_indexes_filled_once(tmp_path: Path) -> None:
    """A database written before migration 9: opening it for writing indexes the rows it holds."""
    from tests.test_views import build_fixture_db

    db_path = build_fixture_db(tmp_path / "old.db")
    conn = sqlite3.connect(db_path)
    for table in SEARCH:  # back to schema 8: no index, no triggers
        conn.execute(f"DROP TABLE {table}_fts")
        for suffix in ("ai", "ad", "au"):
            conn.execute(f"DROP TRIGGER {table}_{suffix}")
    conn.execute("DELETE FROM schema_migrations WHERE version = 9")
    conn.commit()
    conn.close()
    open_db(db_path).close()
    open_db(db_path).close()  # a second open changes nothing
    _in_step(db_path)
    hits = search(open_readonly(db_path), "patrols")  # stemmed: "Patrol hotspots"
    assert [(h.table, h.text, h.partnership_id, h.page) for h in hits] == [
        ("activities", "Patrol hotspots", "alpha-csp", 5)]


def test_every_stored_row_is_found_by_its_own_words(seeds_db: Path) -> None:
    db = open_readonly(seeds_db)
    for table, (column, *_rest) in SEARCH.items():
        rows = db.execute(f"SELECT rowid, [{column}] FROM {table}").fetchall()
        assert rows, table
        for rowid, text in rows:
            ids = {h.id for h in search(db, text, (table,), limit=10_000)}
            assert rowid in ids, (table, text)
    db.close()


def test_a_gold_items_wording_finds_it_on_its_gold_page(seeds_db: Path) -> None:
    """What a researcher does: search for a sentence read in the paper, expect that page."""
    db = open_readonly(seeds_db)
    found = total = 0
    for gold_file in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        pid = gold["document"].get("partnership_id")
        for table in SEARCH:
            for item in gold.get(table, []):
                hits = search(db, item.get("description") or item["label"], (table,), pid, 5)
                found += any(h.page == item["page"] for h in hits)
                total += 1
    db.close()
    print(f"gold items found on their page by their own wording: {found}/{total}")
    assert total > 300 and found / total >= 0.9  # measured 310/330


def test_fts_query_quotes_words_so_punctuation_is_not_syntax() -> None:
    assert fts_query('anti-social "behaviour" OR') == '"anti-social" """behaviour""" "OR"'
    assert fts_query("patrol*  hotspots") == '"patrol"* "hotspots"'
    with pytest.raises(ValueError, match="nothing to search for"):
        fts_query(" -- ")


def test_search_command_as_a_user_runs_it(seeds_db: Path, tmp_path: Path) -> None:
    table = cspipe("search", "domestic abuse", "--db", str(seeds_db), cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    assert "best matches for 'domestic abuse'" in table.stdout and "Norfolk County CSP" in table.stdout
    conn = sqlite3.connect(seeds_db)
    every = {t: conn.execute(f"SELECT count(*) FROM {t}_fts WHERE {t}_fts MATCH 'domestic abuse'"
                             ).fetchone()[0] for t in SEARCH}
    conn.close()
    as_json = cspipe("search", "domestic abuse", "--format", "json", "--limit", "1000",
                     "--db", str(seeds_db), cwd=tmp_path)
    hits = json.loads(as_json.stdout)
    assert {t: sum(h["table"] == t for h in hits) for t in SEARCH} == every
    assert sum(every.values()) > 20 and every["activities"] and every["kpis"]
    assert [h["rank"] for h in hits] == sorted(h["rank"] for h in hits)  # best first
    top = cspipe("search", "domestic abuse", "--format", "json", "--limit", "5",
                 "--db", str(seeds_db), cwd=tmp_path)
    assert json.loads(top.stdout) == hits[:5]
    for h in hits:  # every hit carries its source and shows why it matched
        assert h["document_id"] and h["page"] >= 1 and h["source"].endswith(".pdf")
        assert "**" in h["snippet"]
    only = cspipe("search", "hate crime", "--table", "priorities", "--partnership", "East Suffolk",
                  "--format", "csv", "--db", str(seeds_db), cwd=tmp_path)
    lines = only.stdout.splitlines()
    assert lines[0].startswith("table,id,text,detail,snippet,partnership_id")
    assert len(lines) == 2 and lines[1].startswith("priorities,") and "east-suffolk-csp" in lines[1]
    none = cspipe("search", "zebra crossing", "--db", str(seeds_db), cwd=tmp_path)
    assert none.returncode == 0 and "no matches for 'zebra crossing'" in none.stdout


@pytest.mark.parametrize(("args", "says"), [
    (["search", "...", "--db", "{db}"], "nothing to search for in '...'"),
    (["search", "x", "--table", "minutes", "--db", "{db}"], "'minutes' is not one of 'activities'"),
    (["search", "x", "--partnership", "East Sufolk", "--db", "{db}"],
     "unknown partnership 'East Sufolk'; did you mean"),
    (["search", "x", "--limit", "0", "--db", "{db}"], "Invalid value for '--limit'"),
    (["search", "x", "--db", "missing.db"], "No database at missing.db"),
])
def test_a_search_mistake_is_one_line_and_exit_2(args: list[str], says: str, seeds_db: Path,
                                                 tmp_path: Path) -> None:
    proc = cspipe(*[a.format(db=seeds_db) for a in args], cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], proc.stderr
    assert not (tmp_path / "missing.db").exists()
