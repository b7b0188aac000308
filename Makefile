# Two commands do all the set-up on a fresh machine (Python 3.11+ and make):
#   make report   build tables, executed notebooks and the HTML site
#   make test     lint, unit tests, notebook validation (nbval)
# Both create .venv when needed and are fast when nothing changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
RAW    := $(wildcard data/raw/*.txt)
SRC    := $(shell find briefing -name '*.py' -o -name '*.yml' -o -name '*.txt' -o -name '*.html' -o -name '*.css' -o -name '*.j2' | sort)
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))
NOTEBOOKS += $(wildcard notebooks/primer.ipynb)

.PHONY: pdf
.PHONY: all install constraints typecheck report tables notebooks site test lint unit unit-core unit-slow nbval quick lab bench clean

all: report

# --- environment -----------------------------------------------------------
# constraints.txt pins every package (and pip and setuptools) to the version that made the committed
# notebooks and tables, so `make report` and `make test` run with exactly those versions. Packages not
# listed there (a dependency just added to pyproject.toml) install unpinned until `make constraints`.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -c constraints.txt --upgrade pip setuptools
	$(BIN)/python -m pip install -q -c constraints.txt --build-constraint constraints.txt \
		-e '.[notebooks,test,book]'
	@touch $@

install: $(STAMP)

# Refresh constraints.txt from the environment (pip freeze, the project itself left out): run it after
# changing dependencies in pyproject.toml, then re-execute the notebooks and commit both.
constraints: $(STAMP)
	@{ echo "# Exact versions of the environment that made the committed notebooks and tables."; \
	   echo "# Written by 'make constraints' (pip freeze --all, without the project); used by 'make install'."; \
	   $(BIN)/python -m pip freeze --all --exclude-editable --exclude briefing; } > constraints.txt.tmp
	@mv constraints.txt.tmp constraints.txt
	@echo "constraints.txt: $$(grep -c '==' constraints.txt) packages pinned"

# Static types (mypy, configured in pyproject.toml); part of `make test`.
typecheck: $(STAMP)
	$(BIN)/mypy

# --- build -----------------------------------------------------------------
data/processed/.stamp: $(STAMP) $(SRC) $(RAW)
	$(BIN)/briefing tables --out data/processed -q
	$(BIN)/briefing check --out data/processed -q
	@touch $@

tables: data/processed/.stamp

notebooks/.stamp: data/processed/.stamp $(NOTEBOOKS)
ifneq ($(NOTEBOOKS),)
	$(BIN)/python -m briefing.notebooks execute $(NOTEBOOKS)
endif
	$(BIN)/python -m briefing.provenance
	@touch $@

notebooks: notebooks/.stamp

BOOK := $(sort $(wildcard book/*.md book/*.py book/_templates/* book/_static/*))

# The book (Sphinx + MyST-NB + sphinx-book-theme): the executed notebooks rendered as committed, never
# re-executed (nb_execution_mode = "off"). Everything it caches stays inside site/ (site/.doctrees).
site/index.html: notebooks/.stamp $(BOOK) $(SRC)
	$(BIN)/python -m sphinx -b html -q -c book -d site/.doctrees . site
	@touch $@

site: site/index.html

# The whole book as one PDF: Chromium's print of each built page (book/_static/print.css), page count printed.
site/briefing-book.pdf: site/index.html book/_pdf.py
	$(BIN)/python book/_pdf.py site $@

pdf: site/briefing-book.pdf

report: tables notebooks site pdf

# JupyterLab renders the notebooks' MyST markup (exercises, folded solutions) with jupyterlab-myst.
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

# --- test ------------------------------------------------------------------
lint: $(STAMP)
	$(BIN)/ruff check briefing tests benchmarks
	$(BIN)/ruff format --check briefing tests benchmarks

PYTEST := $(BIN)/pytest -q -p no:cacheprovider

# Everything: lint, then types, the tests (book and browser included) and the notebooks under nbval, as
# three processes side by side (two cores: mypy and nbval share one while the tests take the other).
# Four jobs side by side: the browser, book and wheel tests spend much of their time waiting on Chromium,
# Sphinx and pip, so they run beside the other tests instead of after them.
SLOW_TESTS := tests/test_site.py tests/test_report.py tests/test_wheel.py

test: lint
	@$(MAKE) --no-print-directory -j4 --output-sync=target typecheck unit-core unit-slow nbval

unit: unit-core unit-slow

unit-core: $(STAMP)
	$(PYTEST) tests $(addprefix --ignore=,$(SLOW_TESTS))

unit-slow: $(STAMP)
	$(PYTEST) $(SLOW_TESTS)

nbval: $(STAMP)
ifneq ($(NOTEBOOKS),)
	$(PYTEST) --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg $(NOTEBOOKS)
endif

# For iterating: lint and the tests without the wheel build, the book and the browser (about a minute).
quick: lint
	$(PYTEST) tests $(addprefix --ignore=,$(SLOW_TESTS))

bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python benchmarks/bench_parse.py
	$(BIN)/python benchmarks/bench_figures.py
	$(BIN)/python benchmarks/bench_report.py

clean:
	rm -rf site data/processed/.stamp notebooks/.stamp
