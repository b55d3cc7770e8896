"""Shared fixtures: the corpus ingested once per test session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Tests never read or write the user's own alias file.
os.environ["CSPIPE_ALIASES"] = str(Path(__file__).resolve().parent / "data" / "no-user-aliases.csv")
# ... nor the user's cache folder (the gazetteer's phrase keys, ``pipeline.ingest.phrase_cache``)
os.environ["CSPIPE_CACHE_DIR"] = tempfile.mkdtemp(prefix="cspipe-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the whole corpus (originals and variants), ingested once."""
    from cspipe.pipeline.ingest.documents import ingest

    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    pdfs = sorted(CORPUS.glob("*.pdf")) + sorted((CORPUS / "variants").glob("*.pdf"))
    ingest([str(p) for p in pdfs], db, workers=2)
    return db


@pytest.fixture(scope="session")
def renderings_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding every rendering in ``corpus/renderings/`` (reportlab, LibreOffice, Chromium)."""
    from cspipe.pipeline.ingest.documents import ingest

    db = tmp_path_factory.mktemp("renderings") / "renderings.db"
    ingest([str(p) for p in sorted((CORPUS / "renderings").glob("*.pdf"))], db, workers=2)
    return db


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seed papers of ``corpus/`` ingested once (read-only tests share it)."""
    from cspipe.pipeline.ingest.documents import ingest

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    ingest([str(p) for p in sorted(CORPUS.glob("*.pdf"))], db, workers=2)
    return db
