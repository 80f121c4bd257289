# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
SAMPLE ?= samples/harbor-point-pacs/breach.yaml
OUT    ?= out/harbor-point-pacs
ROSTER ?= samples/harbor-point-pacs/roster.csv

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
	rm -rf $(OUT)  # a fresh folder: its manifest records this run's copies only
	$(VENV)/bin/noticegen render $(SAMPLE) -o $(OUT) --as-of 2025-03-14 --preview --roster $(ROSTER) --draft
	# Harbor Point in all 17 locales (README, Languages): the translations are drafts, not yet reviewed by a
	# qualified translator, so they render only with --draft, watermarked "translation not reviewed"
	rm -rf out/harbor-point-languages
	$(VENV)/bin/noticegen render samples/harbor-point-languages/breach.yaml -o out/harbor-point-languages --as-of 2025-03-14 --draft

test: $(VENV)/.installed-test
	$(PY) -m pytest

# Refresh the translation catalogs after changing template text (translators: see README).
catalogs: $(VENV)/.installed
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -o locales/noticegen.pot --no-location --sort-output \
		--project noticegen --version 0.1 --msgid-bugs-address privacy-tools@noticegen.example .
	$(PY) scripts/update_catalogs.py  # pybabel update, keeping each catalog's X-Review-Status header

clean:
	rm -rf $(VENV) out dist build
