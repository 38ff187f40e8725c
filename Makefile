# carbonfoot: `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
WHEEL_VENV := .venv-wheel
PIP_FLAGS := --disable-pip-version-check --quiet

.PHONY: demo test setup lint typecheck pytest docs wheel-check benchmark clean

$(STAMP): pyproject.toml requirements/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_FLAGS) -c requirements/constraints.txt -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/demo.py

test: lint typecheck pytest docs wheel-check
	@echo "make test: all checks passed"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

# Build the wheel, install it into a clean virtual environment (no source tree on the path)
# and check that it imports and reads the bundled factors/.
wheel-check: $(STAMP)
	rm -rf dist $(WHEEL_VENV)
	$(BIN)/python -m build --wheel --outdir dist . > /dev/null
	$(PYTHON) -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/python -m pip install $(PIP_FLAGS) -c requirements/constraints.txt dist/*.whl
	cd /tmp && $(CURDIR)/$(WHEEL_VENV)/bin/python $(CURDIR)/tests/installed_wheel_check.py

benchmark: $(STAMP)
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_resolve.py

clean:
	rm -rf $(VENV) $(WHEEL_VENV) dist site .mypy_cache .ruff_cache .pytest_cache .hypothesis

# The product-network benchmark against bw2calc, in its own environment: bw2calc is never a
# dependency of carbonfoot. pypardiso (bw2calc's recommended solver) is tried and may be absent.
BENCH_VENV  := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed-stamp
.PHONY: benchmark-product

$(BENCH_STAMP): pyproject.toml requirements/constraints.txt
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install $(PIP_FLAGS) -c requirements/constraints.txt -e ".[dev]" bw2calc bw-processing
	$(BENCH_VENV)/bin/python -m pip install $(PIP_FLAGS) -c requirements/constraints.txt pypardiso || echo "pypardiso did not install: bw2calc will use scipy"
	touch $(BENCH_STAMP)

benchmark-product: $(BENCH_STAMP)
	$(BENCH_VENV)/bin/python benchmarks/bench_product.py
