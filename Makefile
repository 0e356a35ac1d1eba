# sdr_analysis: `make report` regenerates reports/ from the seed, `make test` runs every test.
# Both create .venv and install the package with its test extras on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LAB_STAMP := $(VENV)/.installed-lab
REPORT ?= seeds/dalian-shahekou-2022.txt
DEFAULT_CORPUS := ../shared/corpus
CORPUS ?= $(DEFAULT_CORPUS)
# the default corpus's pages are committed in reports/; any other corpus builds into a
# folder of its own, so that it never rewrites them
CORPUS_OUT ?= $(if $(filter $(abspath $(DEFAULT_CORPUS)),$(abspath $(CORPUS))),reports,build/corpus-$(notdir $(abspath $(CORPUS))))
# the folder `make lab` opens: copies of the notebooks (ignored by git), so that a
# notebook saved there is not one the package ships
LAB_DIR ?= work
LANGS ?= en,zh
FORCE ?=
BUILD_FLAGS := $(if $(FORCE),--force)
SHOTS ?= build/screenshots
# extra options for `make lab`, e.g. LAB_FLAGS="--ip=0.0.0.0 --no-browser" in a container
LAB_FLAGS ?=
# JupyterLab refuses to run as root unless told to: told only when the user is root
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

#: What ruff checks (the notebooks are data: their code is the library's calls).
LINTED := sdr_analysis tests bench

.DEFAULT_GOAL := help

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

$(LAB_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,lab]'
	touch $(LAB_STAMP)

.PHONY: help install report corpus test test-fast bench lab screenshots

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

install: $(STAMP) ## create .venv and install the package (done by report and test when needed)

report: $(STAMP) ## regenerate reports/ from the report (REPORT=path, default: the seed; FORCE=1 runs every notebook)
	$(BIN)/sdr-analysis build $(REPORT) --out reports --lang $(LANGS) $(BUILD_FLAGS)

corpus: $(STAMP) ## compare the reports in CORPUS (default ../shared/corpus, into reports/; another into build/corpus-<name>/): each place over the years, each year's places
	$(BIN)/sdr-analysis build $(CORPUS) --out $(CORPUS_OUT) --lang $(LANGS) --only comparisons $(BUILD_FLAGS)

test: $(STAMP) ## run every check: lint, types, library, command line, builds and nbval on reports/
	$(BIN)/ruff check $(LINTED)
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto --dist loadfile

test-fast: $(STAMP) ## lint, types, and the tests that do not execute notebooks (without loading nbval)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/mypy
	$(BIN)/python -m pytest -m "not notebooks" -n auto --dist loadfile -o addopts=-ra -p no:nbval

bench: $(STAMP) ## measure extraction speed, import time, scaling, real-report throughput, build time, the panel against corpus, and every parse stage on hostile input
	$(BIN)/python bench/bench_extraction.py
	$(BIN)/python bench/bench_scaling.py
	$(BIN)/python bench/bench_build.py
	$(BIN)/python bench/bench_panel.py
	$(BIN)/python bench/bench_pathological.py

screenshots: $(STAMP) ## PNGs of the index, a section page and the overview, en and zh, 390 and 1280 px wide, into SHOTS (default build/screenshots)
	$(BIN)/sdr-analysis build $(REPORT) --out build/pages --lang $(LANGS)
	$(BIN)/python tests/browser.py build/pages/$(basename $(notdir $(REPORT))) $(SHOTS)

lab: $(LAB_STAMP) ## open JupyterLab on copies of the notebooks in LAB_DIR (default work/; copies made where missing; installs the lab extra on first use; LAB_FLAGS=... passes options)
	mkdir -p $(LAB_DIR)
	for nb in notebooks/*.ipynb; do [ -e "$(LAB_DIR)/$${nb##*/}" ] || cp "$$nb" "$(LAB_DIR)/"; done
	$(BIN)/jupyter lab $(LAB_DIR)/ $(ALLOW_ROOT) $(LAB_FLAGS)
