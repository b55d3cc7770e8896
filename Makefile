# cspipe: two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DB ?= csp.db

.PHONY: demo test test-debs bench heldout realworld lint docs corpus clean install fuzz killnine screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,serve,dask,ocr,bench]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/cspipe ingest corpus/*.pdf --db $(DB)
	$(BIN)/cspipe summary --db $(DB)

# Debian packages the tests use beyond Python: Tesseract for scanned pages (with cspipe[ocr]),
# LibreOffice for .doc/.odt/.rtf files; installed when run as root, as .ci/run installs Chromium
TEST_DEBS := tesseract-ocr tesseract-ocr-eng libreoffice-writer-nogui

test-debs:
	@missing=$$(for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $$missing >/dev/null) \
	    || echo "could not install $$missing; the OCR and conversion tests will say so"; \
	  else echo "the OCR and conversion tests need: sudo apt-get install $$missing"; fi; fi

test: $(STAMP) test-debs
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

heldout: $(STAMP)
	$(BIN)/python benchmarks/heldout.py

realworld: $(STAMP)
	$(BIN)/python benchmarks/realworld.py

fuzz: $(STAMP)
	$(BIN)/python benchmarks/fuzz.py 1000

killnine: $(STAMP)
	$(BIN)/python benchmarks/killnine.py 20

lint: $(STAMP)
	$(BIN)/ruff check .

# docs/columns.md and the view index of docs/views.md, from pipeline/store/descriptions.yaml
docs: $(STAMP)
	$(BIN)/python -m cspipe.pipeline.outputs.columns_doc docs

# docs/report-*.png: the report of the seed corpus in headless Chromium (needs chromium)
screenshots: $(STAMP)
	d=$$(mktemp -d) && $(BIN)/cspipe ingest corpus/*.pdf --db $$d/csp.db >/dev/null && \
	$(BIN)/cspipe report --db $$d/csp.db --out $$d/report.html && \
	$(BIN)/python -m tests.report_browser $$d/report.html docs east-suffolk-csp && rm -rf $$d

# Debian packages the corpus renderings need (LibreOffice for the .lo.pdf, Chromium for the .cr.pdf)
CORPUS_DEBS := libreoffice-writer-nogui chromium fonts-liberation fonts-crosextra-carlito fonts-dejavu-core

corpus: $(STAMP)
	@missing=$$(for p in $(CORPUS_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "make corpus needs: sudo apt-get install $$missing"; exit 1; fi; fi
	$(BIN)/python corpus/build.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache .ruff_cache
