# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# A second environment with every dependency at exactly the floor pyproject.toml states
# (pins from tools/floors.py), to prove the floors; rebuilt from scratch when they change.
FLOOR_VENV ?= .venv-floor
FLOOR_STAMP := $(FLOOR_VENV)/.installed
# The whole suite by default: the floors' failures so far were all in the slow tests.
FLOOR_PYTEST_ARGS ?=
# Examples per Hypothesis property (profiles in tests/conftest.py): `make test` tries
# dev's, `make test-fast` fast's; CI exports HYPOTHESIS_PROFILE=ci (.ci/run).
HYPOTHESIS_PROFILE ?= dev

.PHONY: demo test test-fast test-floor lint bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m mocksite.demo --db output/demo.db

# Both run on every core (pytest-xdist, -n auto in pyproject.toml).
test: $(STAMP)
	$(BIN)/python -m pytest --hypothesis-profile=$(HYPOTHESIS_PROFILE)

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" --hypothesis-profile=fast

$(FLOOR_STAMP): pyproject.toml tools/floors.py
	rm -rf $(FLOOR_VENV)
	$(PYTHON) -m venv $(FLOOR_VENV)
	$(FLOOR_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PYTHON) tools/floors.py > $(FLOOR_VENV)/floors.txt
	$(FLOOR_VENV)/bin/python -m pip install --quiet -e '.[dev]' -r $(FLOOR_VENV)/floors.txt
	@touch $(FLOOR_STAMP)

# FLOOR_PYTEST_ARGS: e.g. -m "not slow" for the fast part only
test-floor: $(FLOOR_STAMP)
	$(FLOOR_VENV)/bin/python tools/floors.py --verify
	$(FLOOR_VENV)/bin/python -m pytest --hypothesis-profile=$(HYPOTHESIS_PROFILE) $(FLOOR_PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# BENCH_ARGS: e.g. --quick (a tiny board), --only crawl, --json output/bench.json; see bench/README.md
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(FLOOR_VENV) .pytest_cache .ruff_cache output/*.db output/*.db-* output/*.lock
