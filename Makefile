# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
SAMPLE ?= samples/harbor-point-pacs/breach.yaml
OUT    ?= out/harbor-point-pacs

.PHONY: demo test clean catalogs

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(VENV)/bin/noticegen validate $(SAMPLE)
	$(VENV)/bin/noticegen plan $(SAMPLE) --as-of 2025-03-14
	$(VENV)/bin/noticegen render $(SAMPLE) -o $(OUT) --as-of 2025-03-14 --preview

test: $(VENV)/.installed-test
	$(PY) -m pytest

# Refresh the translation catalogs after changing template text (translators: see README).
catalogs: $(VENV)/.installed
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -o locales/noticegen.pot --no-location --sort-output \
		--project noticegen --version 0.1 --msgid-bugs-address privacy-tools@noticegen.example .
	$(VENV)/bin/pybabel update -i locales/noticegen.pot -d locales -D noticegen --no-fuzzy-matching

clean:
	rm -rf $(VENV) out dist build
