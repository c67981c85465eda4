# The two commands a newcomer needs: `make run` and `make test`. Both install into .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## run: parse, lint, dedup and export corpus/ into out/
run: $(STAMP)
	$(BIN)/qatool run

## test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## bench: throughput per stage on synthetic corpora (see bench/README.md)
bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf out .pytest_cache .hypothesis
