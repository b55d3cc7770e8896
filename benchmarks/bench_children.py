"""Code that ``bench.py`` runs in fresh child interpreters, one figure per process.

A fresh interpreter per figure, so no figure pays for or profits from another's imports,
caches or memory. Each prints one JSON line last. The reading passes time only their loop
(``time.process_time()`` after the imports): CPU seconds, user + system.
"""

from __future__ import annotations

PLUMBER = """
import json, sys, time, pdfplumber
t = time.process_time(); pages = 0
for f in sys.argv[1:]:
    with pdfplumber.open(f) as pdf:
        for p in pdf.pages:
            p.extract_text(); pages += 1
print(json.dumps({"pages": pages, "cpu": time.process_time() - t}))
"""

MUPDF = """
import json, sys, time
try:
    import pymupdf
except ImportError:
    try:
        import fitz as pymupdf
    except ImportError:
        print(json.dumps({"missing": True})); raise SystemExit
t = time.process_time(); pages = 0
for f in sys.argv[1:]:
    with pymupdf.open(f) as doc:
        for page in doc:
            page.get_text(); pages += 1
print(json.dumps({"pages": pages, "cpu": time.process_time() - t}))
"""

PDFIUM = """
import json, sys, time, pypdfium2 as pdfium
t = time.process_time(); pages = 0
for f in sys.argv[1:]:
    pdf = pdfium.PdfDocument(f)
    for i in range(len(pdf)):
        page = pdf[i]; text = page.get_textpage()
        text.get_text_range(); text.close(); page.close(); pages += 1
    pdf.close()
print(json.dumps({"pages": pages, "cpu": time.process_time() - t}))
"""

# cspipe ingest parses each document in a boxed worker process (pipeline/extract/box.py) and
# writes to SQLite in this one. The figure is this process's CPU during ingest(files) (hashing,
# pickling, SQLite writes) plus the worker's CPU for those files (parse, extract, match).
# A worker's CPU reaches RUSAGE_CHILDREN only when it exits, and it is kept for reuse, so
# box.close_all() (the module's atexit hook) is called to end it. Its one-time cost (start-up:
# imports, registry, spaCy; one small warm-up file; exit) is measured first by a worker that
# does only that, then subtracted from a worker that does that and then the files. A first,
# throwaway worker compiles any stale .pyc and fills the file cache, which would otherwise
# land in the one-time cost and make the files look cheaper than they are.
CSPIPE = """
import json, resource, sys, time
from pathlib import Path
from cspipe.pipeline.extract import box
from cspipe.pipeline.ingest.documents import Options, ingest
from cspipe.pipeline.store.load import open_db

def children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN); return r.ru_utime + r.ru_stime

tmp, warm, files = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
opts = Options(force=True)
for _ in range(2):
    c = children()
    ingest([warm], tmp / "calibrate.db", opts); box.close_all()
    overhead = children() - c
open_db(tmp / "bench.db").close()  # the schema is written before the clock starts
c = children()
ingest([warm], tmp / "warm.db", opts)
t = time.process_time()
results = ingest(files, tmp / "bench.db", opts)
parent = time.process_time() - t
box.close_all()
worker = children() - c - overhead
print(json.dumps({"pages": sum(r.pages for r in results), "cpu": parent + worker,
                  "parent": parent, "worker": worker, "overhead": overhead,
                  "failed": [r.source for r in results if r.status == "failed"]}))
"""

STAGES = """
import sys
sys.path.insert(0, "benchmarks")
from bench_stages import main
main(sys.argv[1:])
"""

# What a worker pays before its first document, in parts. The interpreter's own start-up is
# what RUSAGE_SELF shows before the first line runs.
STARTUP = """
import json, resource
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF); return r.ru_utime + r.ru_stime
marks = [("interpreter", cpu())]
import cspipe.cli.main
marks.append(("import cspipe.cli", cpu()))
from cspipe.pipeline.match.registry import Registry
Registry.load()
marks.append(("Registry.load()", cpu()))
from cspipe.extractors import nlp
nlp.get_nlp()
marks.append(("nlp.get_nlp()", cpu()))
parts, last = {}, 0.0
for name, at in marks:
    parts[name], last = at - last, at
print(json.dumps(parts))
"""

# A worker really runs `python -m cspipe.pipeline.extract.box` then parse.warm_up():
# the registry, and spaCy with the registry's names as ORG patterns (a bigger pipeline).
WORKER_STARTUP = """
import json, resource
from cspipe.pipeline.extract import box
from cspipe.pipeline.ingest import parse
parse.warm_up()
r = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"cpu": r.ru_utime + r.ru_stime}))
"""

# One batch through the real CLI, in this process so the workers are its children: after
# box.close_all() (the atexit hook, run now) every worker has exited and RUSAGE_CHILDREN's
# ru_maxrss is the largest worker's peak; RUSAGE_SELF's is the CLI process's own.
BATCH = """
import contextlib, io, json, resource, sys, time
from cspipe.cli.main import main
from cspipe.pipeline.extract import box
folder, db, workers = sys.argv[1:4]
sys.argv = ["cspipe", "ingest", folder, "--db", db, "--workers", workers, "--json"]
out = io.StringIO()
t = time.perf_counter()
with contextlib.redirect_stdout(out):
    try:
        main()
    except SystemExit:
        pass
box.close_all()
wall = time.perf_counter() - t
summary = json.loads(out.getvalue().strip().splitlines()[-1])
print(json.dumps({"wall": wall, "documents": summary.get("documents", 0),
                  "pages": summary.get("pages", 0), "failed": summary.get("failed", 0),
                  "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
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
