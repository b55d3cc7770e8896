# cspipe: two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DB ?= csp.db

.PHONY: demo test bench heldout realworld lint corpus clean install fuzz killnine

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,serve,dask]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/cspipe ingest corpus/*.pdf --db $(DB)
	$(BIN)/cspipe summary --db $(DB)

test: $(STAMP)
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

corpus: $(STAMP)
	$(BIN)/python corpus/build.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache .ruff_cache
