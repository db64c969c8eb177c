# civicdesk: `make run` serves the demo, `make test` runs every test. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEV_ENV := DJANGO_DEBUG=1

.PHONY: run test test-python bench lint format messages screenshot clean help

help:
	@echo "make run    - install, migrate, load the demo data, serve on http://$(HOST):$(PORT)"
	@echo "make test   - install what tests need and run the whole suite"
	@echo "make bench  - run the benchmarks, writing bench/results.json"
	@echo "make lint   - ruff and the import layers"

# --- installation -----------------------------------------------------------------------------
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages the tests drive: the browser, gettext for the catalogue check, PostgreSQL,
# dovecot as the IMAP server of the mail tests, pango and a font for the monthly report's PDF
# (WeasyPrint; production needs those two as well).
SYSTEM_TEST_TOOLS := /usr/bin/chromium /usr/bin/msgfmt /usr/sbin/dovecot \
	/usr/share/doc/libpangoft2-1.0-0/copyright
$(SYSTEM_TEST_TOOLS):
	@echo "Installing Debian packages for the tests (chromium, gettext, dovecot-imapd, pango)..."
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium gettext dovecot-imapd \
		libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null

# --- running ----------------------------------------------------------------------------------
run: $(VENV)/.installed node_modules/.installed
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEV_ENV) $(BIN)/python manage.py load_demo
	@echo "Serving on http://$(HOST):$(PORT)/ (agent UI), /admin/, /api/docs  -  Ctrl-C stops."
	@trap 'kill 0' EXIT INT TERM; \
	$(DEV_ENV) $(BIN)/python manage.py run_worker & \
	$(DEV_ENV) $(BIN)/python manage.py run_scheduler & \
	$(DEV_ENV) $(BIN)/uvicorn civicdesk.asgi:application --host $(HOST) --port $(PORT) \
		--reload --reload-dir civicdesk --log-level warning

# --- quality ----------------------------------------------------------------------------------
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The suite runs on SQLite unless DATABASE_URL points elsewhere (.ci/run does both).
test: $(VENV)/.installed-test node_modules/.installed $(SYSTEM_TEST_TOOLS) lint test-python

# Browser tests run in their own session: Playwright keeps an event loop running in the test
# thread, under which Django's test client cannot adapt async middleware.
test-python: $(VENV)/.installed-test node_modules/.installed
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q --ignore=tests/e2e
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q tests/e2e

# SCALE=small (20,000 customers) for a quick look; full is the figure the issues ask for.
SCALE ?= full
bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py --scale $(SCALE)
	$(BIN)/python bench/run.py --scale $(SCALE) --postgres

messages: $(VENV)/.installed
	$(DEV_ENV) $(BIN)/python manage.py makemessages --all --no-obsolete --no-location \
		--ignore=node_modules --ignore=.venv --ignore=bench
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules

screenshot: $(VENV)/.installed-test node_modules/.installed /usr/bin/chromium
	$(BIN)/python docs/make_screenshot.py

clean:
	rm -rf $(VENV) node_modules var/static
