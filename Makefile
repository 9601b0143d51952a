# The two commands a newcomer needs: `make demo` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test install browser lint

$(STAMP): pyproject.toml
	@echo "==> Creating $(VENV) and installing Catalign with its dependencies (first time: a few minutes)"
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --progress-bar off -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium drives the browser tests (no browser download is possible here).
browser:
	@command -v chromium >/dev/null 2>&1 || { echo "==> Installing Debian's chromium for browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

demo: install
	$(VENV)/bin/python manage.py demo

test: install browser
	$(VENV)/bin/python -m pytest

lint: install
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .
