# One place for every check. `make demo` sets up from a fresh clone and runs the seed demo;
# `make test` sets up (if needed) and runs the test suite.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= wirecoder.db
SEED := ../shared/seed/article.txt

.PHONY: setup demo test bench clean

$(BIN)/wirecoder: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

setup: $(BIN)/wirecoder

demo: setup
	@rm -f $(DB) $(DB)-wal $(DB)-shm
	@if [ -f $(SEED) ]; then \
	  $(BIN)/wirecoder ingest $(SEED) --db $(DB) --published 2018-02-07 --outlet Reuters \
	    --title "Al Qaeda trying to regroup in Tunisia after Islamic State setbacks" --dateline "TUNIS/ALGIERS" --report; \
	else \
	  echo "(../shared/seed not found: running on examples/)"; \
	  $(BIN)/wirecoder ingest examples --db $(DB) --report; \
	fi

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm artifacts
