# One place for every check. `make demo` sets up from a fresh clone and runs the seed demo;
# `make test` sets up (if needed) and runs the test suite.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= wirecoder.db
SEED := ../shared/seed/article.txt

.PHONY: setup demo test docs bench eval serve browser clean gazetteer

$(BIN)/wirecoder: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

# Front-end libraries for the web UI, from npm (never a CDN at run time; not committed).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(BIN)/wirecoder node_modules/.package-lock.json

# Debian's chromium for the browser tests (Playwright drives it through executable_path).
browser:
	@command -v chromium >/dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium)

serve: setup
	$(BIN)/wirecoder serve --db $(DB)

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

# The documentation site (mkdocs.yml, docs/) into site/: MkDocs with Material, pinned in the
# `docs` extra; --strict turns every warning (a broken link, a page left out) into a failure.
$(BIN)/mkdocs: pyproject.toml $(BIN)/wirecoder
	$(BIN)/pip install --quiet -e '.[test,docs]'
	@touch $@

docs: $(BIN)/mkdocs
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

# Every annotated set under ../shared/data (those present), one table: docs/scoreboard.md
eval: setup
	$(BIN)/wirecoder evaluate all ../shared/data --seed ../shared/seed --scoreboard docs/scoreboard.md

# The UCDP actor gazetteer (src/wirecoder/resources/actors_ucdp.yaml, committed) from the UCDP
# Actor Dataset v22.1, Uppsala Conflict Data Program (CC BY 4.0)
UCDP_ACTORS ?= ../shared/data/ucdp-actors/ucdp-actor-221.csv
gazetteer: setup
	$(BIN)/python scripts/build_ucdp_gazetteer.py $(UCDP_ACTORS)

bench: setup
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) node_modules $(DB) $(DB)-wal $(DB)-shm artifacts site
