# Two entry points: `make run` (main job) and `make test` (every test).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: run test lint typecheck typecheck-all check install install-dev data bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEVSTAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev,build]'
	touch $@ $(STAMP)

install: $(STAMP)
install-dev: $(DEVSTAMP)

run: $(STAMP)
	$(BIN)/pactscope run

test: $(DEVSTAMP)
	$(BIN)/python -m pytest

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports --no-cache

typecheck: $(DEVSTAMP)
	$(BIN)/mypy

# The upper layers too (not yet clean; informational).
typecheck-all: $(DEVSTAMP)
	-$(BIN)/mypy src/pactscope

check: lint typecheck test

data: $(DEVSTAMP)
	$(BIN)/pactscope data build

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_panels.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
