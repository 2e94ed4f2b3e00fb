# Two commands do all the set-up on a fresh machine:
#   make lab   - create .venv if missing, install, open JupyterLab on lesson 00
#   make test  - create .venv if missing, install, run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: lab test setup clean student-copies browser-test benchmark hub-link lab-vi translations

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# JupyterLab refuses to run as root without --allow-root (containers, some lab machines).
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(STAMP)
	$(BIN)/jupyter lab $(ALLOW_ROOT) --LabApp.news_url=None \
	  --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate notebooks/00-start-here.ipynb

# The Vietnamese edition (vi/), with JupyterLab's own menus in Vietnamese: the language pack is
# selected by the `locale` setting in translations/lab-vi/overrides.json (a default, so a
# learner can still switch language in Settings -> Language).
LAB_VI_FLAGS := --LabApp.app_settings_dir=translations/lab-vi

lab-vi: $(STAMP)
	$(BIN)/jupyter lab $(ALLOW_ROOT) --LabApp.news_url=None \
	  --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate $(LAB_VI_FLAGS) vi/notebooks/00-start-here.ipynb

# English masters changed? Refresh translations/vi/*.po (changed cells become fuzzy), rebuild
# the Vietnamese notebooks under vi/ and their exercise student copies (vi/exercises/release/).
# `check` lists what still needs a translator.
translations: $(STAMP)
	$(BIN)/python scripts/translations.py update
	$(BIN)/python scripts/translations.py build
	$(BIN)/python scripts/translations.py student-copies
	-$(BIN)/python scripts/translations.py check

test: $(STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile

# Regenerate exercises/release/ from the masters in exercises/source/ (nbgrader generate_assignment).
student-copies: $(STAMP)
	$(BIN)/python scripts/generate_student_copies.py

browser-test: $(STAMP)
	$(BIN)/python -m pytest tests/test_browser.py

benchmark: $(STAMP)
	$(BIN)/python scripts/benchmark.py

# make hub-link HUB=https://hub.example.org [NOTEBOOK=notebooks/03-casualty-figures.ipynb]
hub-link:
	@python3 scripts/hub_link.py $(HUB) $(NOTEBOOK)

clean:
	rm -rf $(VENV)
