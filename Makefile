# Frivillig: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test test-postgres test-redis lint format bench messages install clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

## make run: install, migrate, load demo data into an empty database, serve on :8000
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --if-empty
	@echo "Serving on http://127.0.0.1:8000/ (English: http://127.0.0.1:8000/en/, admin: /admin/)"
	$(PY) manage.py runserver 127.0.0.1:8000

## make test: the whole suite; browser tests run where Chromium is installed
test: install
	$(PY) -m pytest

## make test-postgres: the suite against a local PostgreSQL (started and set up if needed)
test-postgres: install
	bash .ci/postgres.sh $(PY) -m pytest

## make test-redis: the suite with Redis as the shared cache store (started and installed if
## needed; its database 13 is flushed)
test-redis: install
	bash .ci/redis.sh $(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## make bench: gunicorn + load on the key pages; prints a table
bench: install
	$(PY) bench/run.py

## make messages: update the da/en catalogues from the code and compile them
messages: install
	$(PY) manage.py makemessages --locale da --locale en --no-obsolete \
		--ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=static/vendor
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
