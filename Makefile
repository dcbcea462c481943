# The two Quick-start commands: `make demo` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-dev lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'

demo: install
	$(BIN)/speelveld compare --sector chemie

test: install-dev
	$(BIN)/ruff check speelveld tests $(wildcard benchmarks scripts)
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/ruff check speelveld tests $(wildcard benchmarks scripts)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
