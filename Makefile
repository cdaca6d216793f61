# One target per check. `make run` and `make test` each work on a fresh machine on their own.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test test-fast fuzz lint typecheck bench setup clean

$(INSTALLED): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

setup: $(INSTALLED)

run: $(INSTALLED)  ## serve the app on http://localhost:8501
	$(BIN)/streamlit run app.py

test: lint typecheck  ## everything: lint, types, unit, property, AppTest and the browser test
	$(BIN)/pytest

test-fast: $(INSTALLED)  ## everything but the real-browser test
	$(BIN)/pytest -m "not browser"

fuzz: $(INSTALLED)  ## only the fuzz tests (also part of test and test-fast); prints the case count
	$(BIN)/pytest -m fuzz

lint: $(INSTALLED)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports

typecheck: $(INSTALLED)
	$(BIN)/mypy .

bench: $(INSTALLED)  ## speed, accuracy and validity figures, printed (see the README's Benchmarks section)
	$(BIN)/python -m bench
	$(BIN)/python -m bench.app
	$(BIN)/python -m bench.deck
	$(BIN)/python -m bench.tactics
	$(BIN)/python -m bench.validity
	$(BIN)/python -m bench.rerun
	$(BIN)/python -m bench.load
	$(BIN)/python -m bench.plan

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache artifacts
