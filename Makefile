PYTHON3 ?= python3
VENV := .venv
PYTHON := $(VENV)/bin/python

.PHONY: run serve worker test lint bench clean

# $(call require-env,NAMES): stop with one clear line when any of these environment variables is unset.
require-env = @missing=""; for name in $(1); do [ -n "$$(printenv $$name)" ] || missing="$$missing $$name"; done; \
	if [ -n "$$missing" ]; then echo "make $@: set$$missing in the environment (see docs/deployment.md)" >&2; exit 1; fi

$(VENV)/.installed-run: pyproject.toml
	$(PYTHON3) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e .
	touch $@

# The Nu HTML checker (tests/test_html_checker.py) comes from npm; without npm that test skips outside CI.
VNU_VERSION := 26.9.27

$(VENV)/.installed-test: $(VENV)/.installed-run
	$(PYTHON) -m pip install --quiet -e '.[test]'
	if command -v npm >/dev/null; then npm install --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION) --no-audit --no-fund --silent; \
	else echo "npm not found: the HTML checker test will be skipped"; fi
	touch $@

$(VENV)/.installed-bench: $(VENV)/.installed-run
	$(PYTHON) -m pip install --quiet -e '.[bench]'
	touch $@

# The development site, with the background worker beside it (Ctrl+C stops both).
run: $(VENV)/.installed-run
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py seed_demo
	trap 'kill 0' EXIT; $(PYTHON) manage.py worker --interval 0.5 & $(PYTHON) manage.py runserver 127.0.0.1:8000

# Production mode: refuses to start without its settings, then collects static files, migrates and
# runs gunicorn (workbench/gunicorn.conf.py; docs/deployment.md).
serve: $(VENV)/.installed-run
	$(call require-env,SECRET_KEY ALLOWED_HOSTS DATABASE_URL)
	DEBUG=0 $(PYTHON) manage.py collectstatic --noinput --verbosity 0
	DEBUG=0 $(PYTHON) manage.py migrate --noinput
	DEBUG=0 exec $(VENV)/bin/gunicorn --config workbench/gunicorn.conf.py workbench.wsgi

# The background worker for big imports, exports of several articles and fresh suggestion runs; as many
# as wanted, on any machine that reaches the database (docs/deployment.md).
worker: $(VENV)/.installed-run
	$(call require-env,SECRET_KEY DATABASE_URL)
	DEBUG=0 exec $(PYTHON) manage.py worker --no-reload

test: lint
	$(PYTHON) -m pytest

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: $(VENV)/.installed-bench $(VENV)/.installed-test
	$(PYTHON) bench/import_bench.py
	$(PYTHON) bench/export_bench.py
	$(PYTHON) bench/attribution_eval.py
	$(PYTHON) bench/suggestions_bench.py
	$(PYTHON) bench/workspace_bench.py
	$(PYTHON) bench/public_bench.py
	$(PYTHON) bench/matching_eval.py
	DATABASE_URL=$${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres} $(PYTHON) bench/search_bench.py
	$(PYTHON) bench/load_bench.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
