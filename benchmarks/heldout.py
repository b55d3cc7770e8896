"""Held-out accuracy: extraction on two CSP papers it was never developed or tuned on.

Ingests ``corpus/heldout/*.pdf`` into a temporary database and prints the
per-document and overall F1 table (``tests/scoring.py``) and the gold items
missed per category. Then the same papers written in the document model and
typeset three ways (``corpus/heldout/renderings/``: reportlab, LibreOffice,
Chromium) are ingested into a database of their own (their names are the
originals') and scored, each document's renderings side by side. It reports and
never asserts: the figures say how well extraction generalises, and no extractor
rule may be tuned to raise them.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "corpus" / "heldout"
RENDERINGS = HELDOUT / "renderings"
sys.path.insert(0, str(ROOT))
# Never read or write the user's own alias file: the score must not depend on local curation.
os.environ.setdefault("CSPIPE_ALIASES", str(ROOT / "tests" / "data" / "no-user-aliases.csv"))


def _metadata_and_blobs(db: Path, golds: list[Path]) -> list[str]:
    """Metadata fields that differ from the gold, and run-on KPI descriptions.

    A KPI description that swallowed a whole table still pairs with every gold KPI it
    contains under the scorer's fuzzy token-set match, so long ones are flagged here.
    """
    conn = sqlite3.connect(str(db))
    conn.row_factory = sqlite3.Row
    out = []
    try:
        for path in golds:
            gold = json.loads(path.read_text(encoding="utf-8"))
            row = dict(conn.execute("SELECT * FROM documents WHERE source LIKE ?",
                                    [f"%{gold['pdf']}"]).fetchone())
            out.append(f"\nmetadata of {gold['pdf']}:")
            out += [f"  {k:14} got {row.get(k)!r}, gold {v!r}"
                    for k, v in gold["document"].items() if str(row.get(k)) != str(v)]
            long = [r[0] for r in conn.execute(
                "SELECT description FROM kpis WHERE document_id = ? AND length(description) > 200",
                [row["id"]])]
            if long:
                out.append(f"  {len(long)} KPI descriptions over 200 characters (run-on text), "
                           f"e.g. {long[0][:90]!r}")
    finally:
        conn.close()
    return out


def main() -> int:
    from cspipe.pipeline.ingest.documents import ingest
    from tests.scoring import format_scores, score_database

    pdfs = sorted(HELDOUT.glob("*.pdf"))
    golds = sorted(HELDOUT.glob("*.gold.json"))
    if not pdfs or not golds:
        print("no held-out PDFs or gold files; run: python corpus/build.py heldout", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "heldout.db"
        results = ingest([str(p) for p in pdfs], db)
        failed = [r.source for r in results if r.status == "failed"]
        total, docs = score_database(db, golds)
        notes = _metadata_and_blobs(db, golds)
    print(format_scores(total, docs))
    print("\ncounts (tp/fp/fn):")
    for k, c in total.items():
        print(f"  {k:20} {c.tp:4}/{c.fp:<4}/{c.fn:<4} F1 {c.f1:.3f}")
    for d in docs:
        print(f"\nmisses in {d.name}:")
        for category, items in d.misses.items():
            for item in items:
                print(f"  {category:14} {item}")
    for line in notes:
        print(line)
    if failed:
        print(f"\nfailed to ingest: {failed}")
    renderings()
    return 0


def renderings() -> None:
    """Score the held-out renderings and print each document's three side by side."""
    from cspipe.pipeline.ingest.documents import ingest
    from tests.scoring import format_scores, overall, score_database

    pdfs = sorted(RENDERINGS.glob("*.pdf"))
    golds = sorted(RENDERINGS.glob("*.gold.json"))
    if not pdfs or not golds:
        print("\nno held-out renderings; run: python corpus/build.py renderings")
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "renderings.db"
        results = ingest([str(p) for p in pdfs], db)
        total, docs = score_database(db, golds)
    meta = {g.name.replace(".gold.json", ".pdf"): json.loads(g.read_text(encoding="utf-8")) for g in golds}
    print("\nheld-out renderings (corpus/heldout/renderings/):")
    print(format_scores(total, docs))
    by_doc: dict[str, dict[str, float]] = {}
    for d in docs:
        by_doc.setdefault(meta[d.name]["document_of"], {})[meta[d.name]["rendering"]] = overall(d.counts)
    kinds = ("reportlab", "libreoffice", "chromium")
    print(f"{'document':52}" + "".join(f"{k:>13}" for k in kinds) + "       spread")
    for name, scores in sorted(by_doc.items()):
        print(f"{name[:52]:52}" + "".join(f"{scores.get(k, float('nan')):13.3f}" for k in kinds)
              + f"{max(scores.values()) - min(scores.values()):13.3f}")
    print(f"overall F1 {overall(total):.3f}")
    for d in docs:
        for category, items in d.misses.items():
            for item in items:
                print(f"  {d.name}: {category:14} {item}")
    failed = [r.source for r in results if r.status == "failed"]
    if failed:
        print(f"failed to ingest: {failed}")


if __name__ == "__main__":
    raise SystemExit(main())
