"""Benchmarks: ingest speed and memory on the corpus, against raw pdfplumber text extraction.

Prints pages/second for a full ``cspipe ingest`` (extract + match + load) and for
``pdfplumber``'s ``extract_text`` alone over the same files, their ratio, the
peak resident memory of each, the organisation matcher's time for 10,000
mentions, OCR pages/second on the scanned renderings (OCRmyPDF + Tesseract, one core;
``cspipe[ocr]``) and the native reading of the Word renderings. Run with ``make bench``.
Timings are printed, never asserted.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _child(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh interpreter so each figure has its own peak memory."""
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


RAW = """
import json, resource, sys, time, pdfplumber
files = sys.argv[1:]
t = time.perf_counter(); pages = 0
for f in files:
    with pdfplumber.open(f) as pdf:
        for p in pdf.pages:
            p.extract_text(); pages += 1
s = time.perf_counter() - t
print(json.dumps({"pages": pages, "seconds": s,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

INGEST = """
import json, resource, sys, time
from cspipe.pipeline.ingest.documents import ingest, Options
db, files = sys.argv[1], sys.argv[2:]
from cspipe.pipeline.match.registry import Registry; Registry.load()  # registry load is per process, not per page
t = time.perf_counter()
results = ingest(files, db, Options(force=True))
s = time.perf_counter() - t
print(json.dumps({"pages": sum(r.pages for r in results), "seconds": s,
                  "failed": [r.source for r in results if r.status == "failed"],
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

OCR = """
import json, sys, time
from pathlib import Path
from cspipe.extractors.scanned import pages_to_ocr
from cspipe.pipeline.extract import ocr
reason = ocr.missing()
if reason:
    print(json.dumps({"missing": reason})); raise SystemExit
pages = seconds = 0.0
for f in sys.argv[1:]:
    data = Path(f).read_bytes()
    todo = pages_to_ocr(data)
    result = ocr.run(data, todo, timeout=3600)
    pages += len(todo); seconds += result.seconds
print(json.dumps({"pages": pages, "seconds": seconds}))
"""

WORD = """
import json, sys, time
from pathlib import Path
from cspipe.extractors.word import extract_docx
from cspipe.extractors import nlp
nlp.get_nlp()
t = time.perf_counter(); pages = 0
for f in sys.argv[1:]:
    pages += extract_docx(Path(f).read_bytes()).pages
print(json.dumps({"pages": pages, "seconds": time.perf_counter() - t}))
"""

MATCH = """
import json, time
from tests.test_match import bench_match
print(json.dumps({"seconds": bench_match(10000)}))
"""


def main() -> int:
    files = [str(p) for p in sorted(CORPUS.glob("*.pdf")) + sorted((CORPUS / "variants").glob("*.pdf"))]
    if not files:
        print("no PDFs in corpus/", file=sys.stderr)
        return 1
    raw = _child(RAW, *files)
    with tempfile.TemporaryDirectory() as tmp:
        full = _child(INGEST, str(Path(tmp) / "bench.db"), *files)
    print(f"files: {len(files)}, pages: {raw['pages']}")
    print(f"pdfplumber extract_text only : {raw['pages'] / raw['seconds']:8.1f} pages/s  "
          f"({raw['seconds']:.2f} s, peak {raw['peak_mb']:.0f} MB)")
    print(f"cspipe ingest (extract+load) : {full['pages'] / full['seconds']:8.1f} pages/s  "
          f"({full['seconds']:.2f} s, peak {full['peak_mb']:.0f} MB)")
    print(f"ratio cspipe / raw text      : {full['seconds'] / raw['seconds']:8.2f} x the time")
    if full["failed"]:
        print(f"failed during bench: {full['failed']}")
    try:
        m = _child(MATCH)
        print(f"organisation matching        : 10,000 mentions in {m['seconds']:.2f} s")
    except subprocess.CalledProcessError as exc:
        print(f"organisation matching        : not available ({exc.stderr.strip().splitlines()[-1]})")
    scans = [str(p) for p in sorted((CORPUS / "renderings" / "scanned").glob("*.pdf"))]
    o = _child(OCR, *scans)
    if "missing" in o:
        print(f"OCR of scanned pages         : not available ({o['missing']})")
    else:
        print(f"OCR of scanned pages         : {o['pages'] / o['seconds']:8.2f} pages/s  "
              f"({o['pages']:.0f} pages in {o['seconds']:.1f} s, OCRmyPDF + Tesseract, one core)")
    words = [str(p) for p in sorted((CORPUS / "renderings" / "word").glob("*.docx"))]
    w = _child(WORD, *words)
    print(f"Word files read natively     : {w['pages'] / w['seconds']:8.1f} pages/s  "
          f"({w['pages']} laid-out pages in {w['seconds']:.2f} s)")
    print(f"bench process peak           : {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
