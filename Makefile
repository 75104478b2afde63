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

## test: the whole suite (pytest) and the docs site built with --strict
test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q
	$(BIN)/mkdocs build --strict --quiet --site-dir $(VENV)/site

docs: $(VENV)/.installed-dev
	$(BIN)/mkdocs build --strict --site-dir site

## bench: quality and speed side by side (numbers go to docs/benchmarks.md by hand, with the machine)
bench: $(VENV)/.installed-bench
	$(BIN)/python -m bench.aeb --passes 3
