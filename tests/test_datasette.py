"""Datasette over a cspipe database with the metadata file ``cspipe metadata`` writes: full-text
search on tables and views, every canned query, facets, hidden internal tables, licence and
source. Datasette runs in-process through its Python API (no network, no server); one test
starts ``cspipe serve --metadata`` to show it serves the file it is given.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
from pathlib import Path

import pytest

from cspipe.pipeline.outputs.datasette_metadata import QUERIES, TABLE_SETTINGS
from cspipe.pipeline.store import descriptions
from tests.test_serve import _APP, _free_port, _get
from tests.test_views import build_fixture_db

datasette = pytest.importorskip("datasette.app", reason="the serve extra (datasette) is not installed")

ROOT = Path(__file__).resolve().parent.parent
#: values for every parameter a canned query takes, on the fixture database
PARAMS = {"theme": "vawg", "partnership_id": "alpha-csp", "query": "patrol OR grant OR vawg",
          "comparator": "county", "members": "beta-csp"}


def cspipe(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cspipe.cli", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The fixture database, its metadata file written as a user writes it, and Datasette's
    answers to every request the tests make (one event loop for all)."""
    folder = tmp_path_factory.mktemp("datasette")
    db = build_fixture_db(folder / "csp.db")
    proc = cspipe("metadata", "--db", str(db), "--out", str(folder / "metadata.json"), cwd=folder)
    assert proc.returncode == 0, proc.stderr
    assert "metadata.json: Datasette metadata for" in proc.stdout
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    paths = {
        "activities": "/csp/activities.json?_search=patrols&_shape=objects",
        "facts": "/csp/activity_facts.json?_search=patrols&_shape=objects",
        "funding": "/csp/funding_items.json?_search=grant&_shape=objects",
        "priorities": "/csp/priorities.json?_search=violence&_shape=objects",
        "database": "/csp.json",
        "metadata": "/-/metadata.json",
        "home": "/",
        "activities_page": "/csp/activities",
        "facts_page": "/csp/activity_facts",
        **{f"query:{name}": f"/csp/{name}.json?_shape=objects&" + "&".join(
            f"{k}={v.replace(' ', '+')}" for k, v in PARAMS.items()) for name in QUERIES},
        **{f"facets:{name}": f"/csp/{name}.json?_size=0" for name in TABLE_SETTINGS},
    }

    async def fetch() -> dict:
        ds = datasette.Datasette([str(db)], metadata=json.loads(json.dumps(meta)))  # it edits it
        await ds.invoke_startup()
        out = {}
        for key, path in paths.items():
            response = await ds.client.get(path)
            body = response.json() if path.endswith(".json") or ".json?" in path else response.text
            out[key] = (response.status_code, body)
        return out

    return {"db": db, "meta": meta, "answers": asyncio.run(fetch()), "folder": folder}


def test_the_search_box_searches_activities_through_fts(site: dict) -> None:
    status, body = site["answers"]["activities"]
    assert status == 200
    assert [(r["id"], r["description"]) for r in body["rows"]] == [(1, "Patrol hotspots")]  # stemmed
    status, body = site["answers"]["facts"]  # a view, searched through its table's index
    assert status == 200 and [r["activity_id"] for r in body["rows"]] == [1]
    status, body = site["answers"]["funding"]
    assert [r["description"].strip() for r in body["rows"]] == ["PCC grant", "PCC grant"]
    status, body = site["answers"]["priorities"]
    assert [r["label"] for r in body["rows"]] == ["Violence against women"]
    for page in ("activities_page", "facts_page"):
        status, html = site["answers"][page]
        assert status == 200 and 'name="_search"' in html, page


def test_every_canned_query_runs(site: dict) -> None:
    assert "search" in QUERIES and len(QUERIES) >= 11
    for name in QUERIES:
        status, body = site["answers"][f"query:{name}"]
        assert status == 200 and body.get("ok", True) is not False, (name, body)
        assert body["rows"], name
    status, body = site["answers"]["query:search"]
    assert {(r["table"], r["text"]) for r in body["rows"]} >= {
        ("activities", "Patrol hotspots"), ("funding", "PCC grant")}
    assert all(r["document_id"] and r["page"] for r in body["rows"])


def test_no_canned_query_takes_the_place_of_a_table_or_view(tmp_path: Path) -> None:
    from cspipe.pipeline.store.load import open_db

    db = open_db(tmp_path / "fresh.db")
    assert not set(QUERIES) & set(db.table_names() + db.view_names())
    db.close()


def test_facets_hidden_tables_licence_and_source(site: dict) -> None:
    for name, settings in TABLE_SETTINGS.items():
        status, body = site["answers"][f"facets:{name}"]
        assert status == 200, name
        assert set(settings.get("facets", [])) <= set(body.get("facet_results", {})), (name, body)
    status, body = site["answers"]["database"]
    hidden = {t["name"] for t in body["tables"] if t["hidden"]}
    shown = {t["name"] for t in body["tables"] if not t["hidden"]}
    assert {"extractions", "fetches", "sources", "schema_migrations", "activities_fts",
            "activities_fts_data", "kpis_fts_idx"} <= hidden
    assert set(descriptions.tables("contract")) | {"org_candidates"} <= shown
    status, meta = site["answers"]["metadata"]
    licences = descriptions.about()["licenses"]
    assert meta["license_url"] == licences[0]["path"]
    assert all(lic["title"] in meta["license"] for lic in licences)
    assert meta["source"].startswith("UK council committee papers")
    status, html = site["answers"]["home"]
    assert "Open Government Licence v3.0" in html
    assert meta["databases"]["csp"]["tables"]["activities"]["description"].startswith("One row")


def test_the_metadata_file_can_be_yaml_and_is_the_same(site: dict) -> None:
    import yaml

    proc = cspipe("metadata", "--db", str(site["db"]), "--out", "m.yaml", cwd=site["folder"])
    assert proc.returncode == 0, proc.stderr
    assert yaml.safe_load((site["folder"] / "m.yaml").read_text(encoding="utf-8")) == site["meta"]


def test_datasette_itself_takes_the_file_as_the_publish_recipe_does(site: dict) -> None:
    """The README's recipe hands the file to Datasette's own command line; --get answers one
    request without a server."""
    proc = subprocess.run(
        [sys.executable, "-m", "datasette", "serve", "--immutable", str(site["db"]), "--metadata",
         str(site["folder"] / "metadata.json"), "--get",
         "/csp/search.json?_shape=objects&query=patrol"],
        capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)["rows"]
    assert [(r["table"], r["text"], r["page"]) for r in rows] == [("activities", "Patrol hotspots", 5)]


def test_serve_serves_the_metadata_file_it_is_given(site: dict, tmp_path: Path) -> None:
    edited = dict(site["meta"], title="Our edited title")
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(edited), encoding="utf-8")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", _APP, "serve", "--db", str(site["db"]), "--port", str(port),
         "--metadata", str(path)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(150):
            try:
                status, meta = _get(f"http://127.0.0.1:{port}/-/metadata.json")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        else:
            pytest.fail("datasette did not start")
        assert status == 200 and meta["title"] == "Our edited title"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


@pytest.mark.parametrize(("args", "says"), [
    (["metadata", "--db", "{db}", "--out", "{folder}"], "is a folder; give a file name"),
    (["metadata", "--db", "missing.db"], "No database at missing.db"),
    (["serve", "--db", "{db}", "--metadata", "nothing.json"], "cannot read metadata nothing.json"),
    (["serve", "--db", "{db}", "--metadata", "{list}"], "is not Datasette metadata"),
])
def test_a_metadata_mistake_is_one_line_and_exit_2(args: list[str], says: str, site: dict,
                                                   tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    values = {"db": site["db"], "folder": tmp_path, "list": tmp_path / "list.json"}
    proc = cspipe(*[a.format(**values) for a in args], cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], proc.stderr
    assert not (tmp_path / "missing.db").exists()
