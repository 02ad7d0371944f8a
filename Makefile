# Entry points for people and CI. `make serve` and `make test` are all a fresh machine needs.
SHELL := /bin/bash
PY_SYS ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := $(VENV)/bin/mkdocs
HOST ?= 127.0.0.1:8000
# Material 9.x prints an end-of-life banner on every build; it says nothing about our site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build site downloads test test-unit test-browser lint clean bench audit

help:
	@echo "make serve   - serve the guide on http://$(HOST)/ with live reload"
	@echo "make build   - strict build of the publishable site/ (downloads included)"
	@echo "make test    - lint, unit, integration and browser tests"
	@echo "make lint    - ruff and the pre-commit checks"
	@echo "make clean   - remove site/, caches and .venv"

# The venv is rebuilt whenever requirements.txt changes (the stamp is older than it).
$(VENV)/.stamp: requirements.txt
	test -x $(PY) || $(PY_SYS) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

venv: $(VENV)/.stamp

serve: $(VENV)/.stamp
	$(MKDOCS) serve --dev-addr $(HOST)

# The HTML site alone: the per-page path that `mkdocs serve` also runs.
site: $(VENV)/.stamp
	$(MKDOCS) build --strict --clean --site-dir site

# Everything published: the site plus the downloads built from it.
build: site downloads

downloads: site

test: $(VENV)/.stamp lint build
	$(PY) -m pytest

lint: $(VENV)/.stamp
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf site .pytest_cache .ruff_cache $(VENV)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
