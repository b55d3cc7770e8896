"""Ingest end to end: bad inputs recorded and the batch goes on, re-runs change nothing, writes atomic."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cspipe.pipeline.ingest.documents import Options, ingest
from cspipe.pipeline.match.rows import DocumentBundle
from cspipe.pipeline.store.load import open_db, write_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BAD = CORPUS / "bad"
TABLES = [
    "documents",
    "priorities",
    "activities",
    "activity_leads",
    "kpis",
    "funding",
    "org_mentions",
    "organisations",
    "partnerships",
]


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def smallest_good_pdf() -> Path:
    return min(CORPUS.glob("*.pdf"), key=lambda p: p.stat().st_size)


def test_bad_inputs_fail_alone_with_reasons(tmp_path: Path) -> None:
    scanned = BAD / "scanned.pdf"  # read by OCR (issue 16); without the extra it fails with the
    # install hint and "no text layer": tests/test_word_scan.py
    bad = sorted(p for p in BAD.iterdir() if p.suffix == ".pdf" and p != scanned)
    assert len(bad) >= 4 and scanned.exists(), \
        "corpus/bad must hold truncated, encrypted, empty, text and scanned PDFs"
    good = smallest_good_pdf()
    db = tmp_path / "t.db"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "cspipe.cli",
            "ingest",
            *map(str, bad),
            str(scanned),
            str(good),
            str(tmp_path / "missing.pdf"),
            "--db",
            str(db),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    conn = sqlite3.connect(db)
    rows = dict(conn.execute("SELECT source, status FROM documents").fetchall())
    errors = dict(
        conn.execute("SELECT source, error FROM documents WHERE status = 'failed'").fetchall()
    )
    assert rows[str(good)] == "ok"
    assert rows[str(scanned)] == "ok"
    for path in [*bad, tmp_path / "missing.pdf"]:
        assert rows[str(path)] == "failed", path.name
        reason = errors[str(path)]
        assert reason and "\n" not in reason and len(reason) < 200, reason
        assert str(path) in proc.stderr  # one line on stderr per failure
    assert (
        conn.execute("SELECT count(*) FROM activities").fetchone()[0]
        + conn.execute("SELECT count(*) FROM priorities").fetchone()[0]
        > 0
    )
    # the reasons say what is wrong, one kind each
    joined = " | ".join(errors.values()).lower()
    for word in ["empty", "not a pdf", "encrypted", "corrupt", "no such file"]:
        assert word in joined, f"no failure says {word!r}: {joined}"


def test_rerun_changes_nothing(corpus_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    shutil.copy(corpus_db, db)
    before = counts(db)
    pdfs = [str(p) for p in sorted(CORPUS.glob("*.pdf")) + sorted((CORPUS / "variants").glob("*.pdf"))]
    second = ingest(pdfs, db)
    assert counts(db) == before
    assert {r.status for r in second} == {"skipped"}
    # forcing re-extraction replaces rows instead of adding to them
    ingest([str(smallest_good_pdf())], db, Options(force=True))
    assert counts(db) == before


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path = tmp_path / "t.db"
    good = smallest_good_pdf()
    ingest([str(good)], db_path)
    before = counts(db_path)
    db = open_db(db_path)
    doc_id = db.execute("SELECT id FROM documents").fetchone()[0]
    from cspipe.pipeline.ingest.parse import assemble_document, extract_document

    bundle: DocumentBundle = assemble_document(
        doc_id, str(good), extract_document(good.read_bytes(), Options())
    )
    assert bundle.activities or bundle.priorities

    class Boom(Exception):
        pass

    original = db["funding"].insert_all

    def explode(*args: object, **kwargs: object) -> None:
        raise Boom("disk full")

    monkeypatch.setattr(type(db["funding"]), "insert_all", explode)
    bundle.funding = bundle.funding or []
    if not bundle.funding:  # make sure the failing step runs
        monkeypatch.setattr(type(db["priorities"]), "insert_all", explode)
    with pytest.raises(Boom):
        write_document(db, bundle)
    monkeypatch.setattr(type(db["funding"]), "insert_all", original)
    db.close()
    assert counts(db_path) == before  # the old rows are all still there, nothing half-written


def test_no_contact_details_stored_by_default(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    ingest([str(p) for p in sorted(CORPUS.glob("*.pdf"))], db)
    conn = sqlite3.connect(db)
    text = " ".join(
        str(v)
        for t in ["documents", "activities", "kpis", "funding", "priorities", "activity_leads"]
        for row in conn.execute(f"SELECT * FROM {t}")
        for v in row
        if isinstance(v, str)
    )
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), "an e-mail address was stored"
    assert not re.search(r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b", text), "a phone number was stored"


def test_parallel_workers_take_the_largest_files_first(tmp_path: Path) -> None:
    """Longest first, so a batch does not end with one worker on a long pack: the papers of
    the corpus by size, a URL and a missing file after them, ties in the inputs' order."""
    from cspipe.pipeline.fetch.inputs import Source
    from cspipe.pipeline.ingest.documents import largest_first

    small, large, tie = tmp_path / "small.pdf", tmp_path / "large.pdf", tmp_path / "tie.pdf"
    small.write_bytes(b"%PDF-1.4 " + b"x" * 10)
    large.write_bytes(b"%PDF-1.4 " + b"x" * 1000)
    tie.write_bytes(small.read_bytes())
    given = [Source(str(small)), Source("https://example.org/a.pdf"), Source(str(large)),
             Source(str(tmp_path / "gone.pdf")), Source(str(tie))]
    assert [Path(s.location).name for s in largest_first(given)] == [
        "large.pdf", "small.pdf", "tie.pdf", "a.pdf", "gone.pdf"]
    # and a batch ingested so still loads every document, the same rows as one worker
    papers = sorted(CORPUS.glob("*.pdf"))[:4]
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    ingest([str(p) for p in papers], one, workers=1)
    results = ingest([str(p) for p in papers], two, workers=2)
    sizes = [Path(r.source).stat().st_size for r in results]
    assert sizes == sorted(sizes, reverse=True)

    def rows(db: Path) -> list[tuple[object, ...]]:
        conn = sqlite3.connect(db)
        try:
            return sorted(conn.execute(
                "SELECT document_id, page, description, timescale, status FROM activities").fetchall(),
                key=repr)
        finally:
            conn.close()

    assert rows(one) == rows(two) and len(rows(one)) > 20


def test_default_workers_one_per_cpu_never_more_than_documents() -> None:
    import os

    from cspipe.pipeline.ingest.documents import default_workers

    cpus = len(os.sched_getaffinity(0))
    assert default_workers(1) == 1  # one paper: no second worker to start
    assert default_workers(0) == 1
    assert default_workers(10_000) == cpus
    assert default_workers(2) == min(2, cpus)
