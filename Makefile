# Every target sets up what it needs on first use (virtual environment, npm packages, Chromium).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
PORT ?= 8000
export SITE_URL

.PHONY: build validate report outreach template-files check-links new test test-fast serve edit bench schemas lock clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

validate: $(STAMP)
	$(PY) -m scripts.check $(ARGS)

report: $(STAMP)
	$(PY) -m scripts.report $(ARGS)

outreach: $(STAMP)
	$(PY) -m scripts.outreach $(ARGS)

template-files: $(STAMP)
	$(PY) -m scripts.template_files $(ARGS)

check-links: $(STAMP)
	$(PY) -m scripts.check_links $(ARGS)

new: $(STAMP)
	@test -n "$(KIND)" -a -n "$(ID)" || { echo 'usage: make new KIND=organisation|dossier|template ID=my-id'; exit 2; }
	$(PY) -m scripts.new $(KIND) $(ID)

build: $(STAMP) $(NODE_STAMP)
	$(PY) -m scripts.build $(ARGS)

serve: $(STAMP) $(NODE_STAMP)
	$(PY) -m scripts.serve --port $(PORT)

edit: $(STAMP) $(NODE_STAMP)
	$(PY) -m scripts.edit --port $(PORT)

test: $(STAMP) $(NODE_STAMP)
	bash scripts/devtools/setup_debian_packages.sh
	$(PY) -m ruff check scripts schemas tests
	$(PY) -m schemas.export --check
	$(PY) -m pytest $(ARGS)

# The edit loop: lint, schemas and every test that needs no browser (the whole suite stays `make test`).
test-fast: $(STAMP) $(NODE_STAMP)
	$(PY) -m ruff check scripts schemas tests
	$(PY) -m schemas.export --check
	$(PY) -m pytest -m "not browser" $(ARGS)

$(VENV)/.bench-installed: $(STAMP) requirements-bench.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

bench: $(STAMP) $(NODE_STAMP) $(VENV)/.bench-installed
	bash scripts/devtools/setup_debian_packages.sh
	$(PY) -m scripts.bench $(ARGS)

schemas: $(STAMP)
	$(PY) -m schemas.export

lock:
	rm -rf /tmp/brusano-lock && $(PYTHON) -m venv /tmp/brusano-lock
	/tmp/brusano-lock/bin/pip install --quiet -r requirements.in
	{ echo "# Pinned from requirements.in with pip freeze in a clean venv (Python 3.11). Regenerate: make lock"; \
	  /tmp/brusano-lock/bin/pip freeze; } > requirements.txt

clean:
	rm -rf build $(VENV) node_modules
