# kaznews: `make demo` and `make test` are the whole set-up on a fresh machine (only Python 3.11+ needed).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip

.PHONY: demo test docs bench install clean-out

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(PIP) install -q -e '.[dev,bench]'
	touch $@ $(VENV)/.installed-dev $(VENV)/.installed

install: $(VENV)/.installed

## demo: crawl every bundled mirror (served on 127.0.0.1) into out/articles.jsonl; a second run adds nothing
demo: $(VENV)/.installed
	$(BIN)/kaznews crawl all --mirror -o out/articles.jsonl

## system-deps: redis-server from the distribution, for the Redis backend tests (docs/scaling.md).
## Needs apt-get and root (or passwordless sudo); otherwise it says why and the Redis tests skip.
.PHONY: system-deps redis
system-deps:
	@if command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "system-deps: no apt-get: install redis-server yourself (the Redis tests skip without it)"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	else echo "system-deps: not root and no passwordless sudo: run 'sudo apt-get install redis-server' (the Redis tests skip without it)"; exit 0; fi; \
	echo "system-deps: installing redis-server with apt-get"; \
	( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null ) \
	  || echo "system-deps: apt-get could not install redis-server (the Redis tests skip without it)"

## redis: install redis-server (see system-deps); `python -m scrapers.localredis` then runs a throw-away one
redis: system-deps

## typecheck: mypy over cleaners, scrapers and bench ([tool.mypy] in pyproject.toml)
.PHONY: typecheck
typecheck: $(VENV)/.installed-dev
	$(BIN)/python -m mypy

## lint: ruff's lint rules and its format check ([tool.ruff] in pyproject.toml; `ruff format .` fixes the layout)
.PHONY: lint
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check --quiet .
	$(BIN)/ruff format --check --quiet .

## test: ruff, mypy, the whole suite (pytest) and the docs site built with --strict
test: lint typecheck $(VENV)/.installed-dev system-deps
	$(BIN)/python -m pytest -q
	$(BIN)/mkdocs build --strict --quiet --site-dir $(VENV)/site

docs: $(VENV)/.installed-dev
	$(BIN)/mkdocs build --strict --site-dir site

## bench: every benchmark (public sets from ../shared/benchmarks or $KAZNEWS_BENCHMARKS, Kazakh fixtures, crawl);
## rewrites the tables, the plot and the machine in docs/benchmarks.md; BENCH_ARGS="--data DIR" etc. are passed on
bench: $(VENV)/.installed-bench
	$(BIN)/python -m bench --write-docs $(BENCH_ARGS)
