"""Fuzz: hundreds of hostile and mutated PDFs each end as a row with a reason; none hangs the batch.

The corpus is built by ``tests/hostile`` (seeded: the same bytes every run); ``make fuzz``
runs the larger version (benchmarks/fuzz.py).
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from cspipe.pipeline.ingest.documents import Options, ingest
from tests.hostile.corpus import build


def test_every_hostile_or_mutated_pdf_ends_as_a_row(tmp_path: Path) -> None:
    files = build(tmp_path / "in", 200, seed=7)
    assert len(files) >= 200
    db = tmp_path / "fuzz.db"
    results = ingest([str(f) for f in files], db, Options(timeout=30), workers=2)
    assert len(results) == len(files)
    conn = sqlite3.connect(db)
    rows = {src: (status, error, pages) for src, status, error, pages in
            conn.execute("SELECT source, status, error, pages FROM documents")}
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    ids = {r[0] for r in sqlite3.connect(db).execute("SELECT id FROM documents")}
    for f in files:  # every file a row (files with the same bytes share one)
        assert str(f) in rows or hashlib.sha256(f.read_bytes()).hexdigest() in ids, f
    for src, (status, error, _pages) in rows.items():
        assert status in ("ok", "partial", "failed"), src
        if status == "failed":
            assert error and "\n" not in error, src
            assert not error.startswith("extraction error"), (src, error)  # no extractor crash
            assert "worker" not in error, (src, error)  # no worker died
    by_name = {Path(s).name: v for s, v in rows.items()}
    # each hostile file fails for the reason it was built to provoke, fast
    assert "reference cycle" in by_name["hostile-self-ref-mediabox.pdf"][1]
    assert "reference cycle" in by_name["hostile-ref-cycle.pdf"][1]
    assert "decompression bomb" in by_name["hostile-bomb-1gib.pdf"][1]
    for name in ("rules-40k", "rects-150k", "chars-200k"):
        assert "work limit" in by_name[f"hostile-{name}.pdf"][1], name
    # 3000 pages: read up to the page limit (or stopped by the time limit), page count kept
    status, error, pages = by_name["hostile-pages-3000.pdf"]
    assert pages == 3000 and ("page limit" in error or "timed out after 30s" in error), error


def test_a_document_over_the_time_limit_is_a_failed_row_naming_it(tmp_path: Path) -> None:
    from tests.hostile import pdfs

    slow, ok = tmp_path / "slow.pdf", tmp_path / "ok.pdf"
    slow.write_bytes(pdfs.many_pages(8000))  # about 13 s of reading on an idle core: four times the limit
    ok.write_bytes(pdfs.one_page(pdfs.text_lines(pdfs.PLAIN_TEXT)))
    results = {r.source: r for r in ingest([str(slow), str(ok)], tmp_path / "t.db",
                                           Options(timeout=3, max_pages=None))}
    assert results[str(slow)].status == "failed"
    assert results[str(slow)].error == "timed out after 3s"
    assert results[str(slow)].pages == 8000  # learnt before the limit struck
    assert results[str(ok)].status == "ok"


def test_a_document_over_the_memory_limit_is_a_failed_row_naming_it(tmp_path: Path) -> None:
    from tests.hostile import pdfs

    big = tmp_path / "big.pdf"
    big.write_bytes(pdfs.decompression_bomb(120))  # inflates to 120 MiB, under the stream cap
    # a warmed worker (registry, spaCy patterns) takes about 370 MiB of address space
    results = ingest([str(big)], tmp_path / "m.db", Options(max_memory=480, timeout=60))
    assert results[0].status == "failed"
    assert "memory limit (480 MiB)" in (results[0].error or ""), results[0].error
