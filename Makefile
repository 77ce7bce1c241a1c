# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export ZICHT_DATA_DIR ?= $(CURDIR)/data
# Playwright drives Debian's Chromium; never let it download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test demo bench lint clean

run: $(BIN)/.installed static/vendor/.stamp
	@test -f "$(ZICHT_DATA_DIR)/current" || $(BIN)/zicht demo
	$(BIN)/streamlit run app.py

# Import contracts and types first ([tool.importlinter], [tool.mypy] in pyproject.toml): a broken
# layer fails the run before the tests start.
test: $(BIN)/.installed-test static/vendor/.stamp /usr/bin/chromium
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest

demo: $(BIN)/.installed
	$(BIN)/zicht demo

# Side-by-side benchmark (bench/README.md); not part of `make test`. It installs its own peers:
# geopandas and psycopg into the venv, Debian's PostgreSQL + PostGIS when missing.
# Arguments: make bench BENCH_ARGS="--scales demo,provincie".
bench: $(BIN)/.installed
	$(BIN)/pip install --quiet -c constraints.txt geopandas==1.2.0 'psycopg[binary]==3.3.9'
	@ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgis >/dev/null)
	$(BIN)/python -m bench $(BENCH_ARGS)

lint: $(BIN)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(BIN)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(BIN)/.installed-test: $(BIN)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

# Leaflet and its plugins come from npm, pinned by package-lock.json, into the folder Streamlit
# serves at /app/static/ (server.enableStaticServing). They are installed, never committed.
static/vendor/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	rm -rf static/vendor && mkdir -p static/vendor
	cp -r node_modules/leaflet/dist static/vendor/leaflet
	cp -r node_modules/leaflet.markercluster/dist static/vendor/leaflet.markercluster
	cp -r node_modules/leaflet-draw/dist static/vendor/leaflet-draw
	mkdir -p static/vendor/axe-core && cp node_modules/axe-core/axe.min.js static/vendor/axe-core/
	touch $@

/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

clean:
	rm -rf $(VENV) node_modules static/vendor
