# The two commands a newcomer needs: `make run` and `make test`. Both install into .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install browser run test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,ray]'
	touch $(STAMP)

install: $(STAMP)

## run: parse, lint, dedup and export corpus/ into out/
run: $(STAMP)
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

## test: the whole test suite
test: $(STAMP) browser
	$(BIN)/python -m pytest

## bench: throughput per stage on synthetic corpora (see Performance in README.md)
bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf out .pytest_cache .hypothesis
