# Every target creates the virtual environment it needs, so a fresh clone needs only Python 3.10+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test check lint types catalogs clean

$(BIN)/kzsupport: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# The main job on the bundled data: the national lines and the services of one region.
run: $(BIN)/kzsupport
	$(BIN)/kzsupport hotlines
	$(BIN)/kzsupport find --region almaty

# Lint, types and the whole test suite: what CI runs.
test: $(BIN)/kzsupport
	$(BIN)/ruff check kzsupport tests scripts benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

check: test

clean:
	rm -rf $(VENV) build dist *.egg-info

# Re-extract messages (ours and Click's), update kk and ru, generate kk_Latn, compile .mo.
catalogs: $(BIN)/kzsupport
	$(BIN)/python scripts/catalogs.py
