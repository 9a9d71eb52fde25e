# Every target installs what it needs into .venv first, so each works on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install run test eval bench fuzz clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,html]"
	touch $(INSTALLED)

install: $(INSTALLED)

run: install
	$(BIN)/claimtrack compare seeds/

test: install
	$(BIN)/python -m pytest -q

# Extraction accuracy on the annotated dev sets, and this build's compare on the cross-article clusters (scored
# by $(SHARED)/eval/score_clusters.py, about a minute); fails if a figure passes its limit in eval-floors.json.
eval: install
	$(BIN)/python scripts/eval.py --eval-dir $(SHARED)/eval --claimtrack $(BIN)/claimtrack \
		--json eval-results.json --floors eval-floors.json

# Speed and memory against a naive spaCy run on the shared BBC corpus (several minutes); not a test.
bench: install
	$(BIN)/python scripts/bench.py $(SHARED)/corpus/bbc-news-2225.jsonl --json bench-results.json

# Each pathological family at three sizes (time, memory, growth exponent; fails over 1.2), then 10,000
# generated hostile inputs through the whole pipeline, with the slowest per kilobyte; not part of make test.
fuzz: install
	$(BIN)/python scripts/fuzz.py --families
	$(BIN)/python scripts/fuzz.py --inputs 10000

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis fuzz-failures
