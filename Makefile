# The two commands a newcomer needs: `make run` and `make test` (ruff and mypy first, then pytest). Both install into .venv first:
# `make run` the runtime dependencies only (no Ray, no test tools); `make test` adds the test extra
# and Ray (the suite checks that the Ray engine writes the same files). Ray for your own runs:
# `pip install 'qatool[ray]'`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: install browser lint run test bench golden mutation clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUN_STAMP)

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,ray]'
	touch $(RUN_STAMP) $(TEST_STAMP)

## install: everything a developer needs (runtime, test extra, Ray)
install: $(TEST_STAMP)

## run: parse, lint, dedup and export corpus/ into out/
run: $(RUN_STAMP)
	$(BIN)/qatool run

## browser: Debian's chromium + chromium-driver for the review page's browser test (skipped without them,
## unless QATOOL_REQUIRE_BROWSER=1, as in CI)
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif command -v apt-get >/dev/null; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null \
	  || echo "warning: could not install chromium; the browser test will be skipped" >&2; \
	else echo "warning: no apt-get; install chromium and chromedriver for the browser test" >&2; fi

## lint: ruff (pyflakes, pycodestyle, import order, complexity) and mypy, configured in pyproject.toml
lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

## test: the linters, then the whole test suite (QATOOL_RUN_SLOW=1 adds the slow packaging test, as
## CI does); pytest's own exit status is passed through
test: lint $(TEST_STAMP) browser
	$(BIN)/python -m pytest

## golden: rewrite tests/lint/golden/corpus_findings.txt from the current linter (a deliberate, human-run
## step: the test only compares; review the printed diff line by line before committing)
golden: $(TEST_STAMP)
	$(BIN)/python -m tests.lint.update_golden --update

## mutation: mutmut over the modules that decide what reaches a training set (split, accounting, canonical
## policy, thresholds, suppressions, renderers, rule kinds), against the fast tests that cover them; prints the
## score per module (tests/mutation/score.py names the functions; equivalent mutants in tests/mutation/equivalent.txt)
mutation: $(TEST_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[mutation]'
	$(BIN)/python -m tests.mutation.score --run --max-children 2

## bench: throughput per stage on synthetic corpora (see Performance in README.md)
bench: $(TEST_STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf out .pytest_cache .hypothesis
