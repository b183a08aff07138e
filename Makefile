PYTHON3 ?= python3
VENV := .venv
PYTHON := $(VENV)/bin/python

.PHONY: run serve test lint bench clean

$(VENV)/.installed-run: pyproject.toml
	$(PYTHON3) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed-run
	$(PYTHON) -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-bench: $(VENV)/.installed-run
	$(PYTHON) -m pip install --quiet -e '.[bench]'
	touch $@

run: $(VENV)/.installed-run
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py seed_demo
	$(PYTHON) manage.py runserver 127.0.0.1:8000

# Production mode: refuses to start without its settings, then collects static files, migrates and
# runs gunicorn (workbench/gunicorn.conf.py; docs/deployment.md).
serve: $(VENV)/.installed-run
	@missing=""; for name in SECRET_KEY ALLOWED_HOSTS DATABASE_URL; do \
		[ -n "$$(printenv $$name)" ] || missing="$$missing $$name"; done; \
	if [ -n "$$missing" ]; then echo "make serve: set$$missing in the environment (see docs/deployment.md)" >&2; exit 1; fi
	DEBUG=0 $(PYTHON) manage.py collectstatic --noinput --verbosity 0
	DEBUG=0 $(PYTHON) manage.py migrate --noinput
	DEBUG=0 exec $(VENV)/bin/gunicorn --config workbench/gunicorn.conf.py workbench.wsgi

test: lint
	$(PYTHON) -m pytest

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: $(VENV)/.installed-bench $(VENV)/.installed-test
	$(PYTHON) bench/import_bench.py
	$(PYTHON) bench/export_bench.py
	$(PYTHON) bench/attribution_eval.py
	$(PYTHON) bench/workspace_bench.py
	$(PYTHON) bench/load_bench.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
