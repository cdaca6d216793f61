# One target per check. `make run` and `make test` each work on a fresh machine on their own.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# rank-batch's scenario loop (smmfit/ranking/compiled.py) is compiled by numba on first use and
# cached beside its source, in smmfit/ranking/__pycache__, keyed by the source's time and size.
# Ranking one persona here writes that cache, so a user's first batch finds it instead of
# compiling in each worker (about 4 s of CPU each); again after any change to compiled.py.
COMPILED := smmfit/ranking/__pycache__/compiled-ahead.stamp

.PHONY: run test test-fast fuzz lint typecheck bench setup clean

$(INSTALLED): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(COMPILED): $(INSTALLED) smmfit/ranking/compiled.py
	printf 'age_min,age_max,region\n25,44,RU\n' | $(BIN)/python -m smmfit rank-batch /dev/stdin > /dev/null
	touch $@

setup: $(COMPILED)

run: $(COMPILED)  ## serve the app on http://localhost:8501
	$(BIN)/streamlit run app.py

test: lint typecheck  ## everything: lint, types, unit, property, AppTest and the browser test
	$(BIN)/pytest

test-fast: $(COMPILED)  ## everything but the real-browser test
	$(BIN)/pytest -m "not browser"

fuzz: $(COMPILED)  ## only the fuzz tests (also part of test and test-fast); prints the case count
	$(BIN)/pytest -m fuzz

lint: $(COMPILED)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports

typecheck: $(COMPILED)
	$(BIN)/mypy .

bench: $(COMPILED)  ## speed, accuracy and validity figures, printed (see the README's Benchmarks section)
	$(BIN)/python -m bench
	$(BIN)/python -m bench.app
	$(BIN)/python -m bench.deck
	$(BIN)/python -m bench.tactics
	$(BIN)/python -m bench.validity
	$(BIN)/python -m bench.margins
	$(BIN)/python -m bench.rerun
	$(BIN)/python -m bench.load
	$(BIN)/python -m bench.plan

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache artifacts smmfit/ranking/__pycache__
