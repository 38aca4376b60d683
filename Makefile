# Rasd: two commands set everything up on a fresh machine with Python 3.11 and make.
#   make demo   create .venv, install Rasd, run it on the bundled examples
#   make test   install the dev extras and run the whole test suite (with the eval gate)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test test-all bench install dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
dev: $(VENV)/.dev-installed

demo: $(VENV)/.installed
	@mkdir -p out
	$(BIN)/rasd --version
	$(BIN)/rasd extract examples/seed-minusma.json --format pretty
	rm -f out/rasd.db
	$(BIN)/rasd extract examples/seed-minusma.json examples/*.txt --format jsonl --store out/rasd.db > out/demo.jsonl
	@echo "wrote out/demo.jsonl ($$(wc -l < out/demo.jsonl) documents) and the SQLite store out/rasd.db"

test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest -q

# Slow tests too (whole-corpus offsets, retraining smoke tests).
test-all: $(VENV)/.dev-installed
	$(BIN)/python -m pytest -q -m ''

bench: $(VENV)/.dev-installed
	$(BIN)/python bench/text_speed.py

clean:
	rm -rf $(VENV) out .pytest_cache build *.egg-info src/*.egg-info
