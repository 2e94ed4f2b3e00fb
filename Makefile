# Two commands do all the set-up on a fresh machine:
#   make lab   - create .venv if missing, install, open JupyterLab on lesson 00
#   make test  - create .venv if missing, install, run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: lab test setup clean student-copies browser-test benchmark hub-link \
	release collect zip-collect autograde feedback grades answer-key handouts site hub-proxy

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

test: $(STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile

# Regenerate exercises/release/ from the masters in exercises/source/ (nbgrader generate_assignment).
student-copies: $(STAMP)
	$(BIN)/python scripts/generate_student_copies.py

browser-test: $(STAMP)
	$(BIN)/python -m pytest tests/test_browser.py

benchmark: $(STAMP)
	$(BIN)/python scripts/benchmark.py

# make hub-link HUB=https://hub.example.org [NOTEBOOK=notebooks/03-casualty-figures.ipynb] [BRANCH=…] [REPOSITORY=…]
hub-link:
	@python3 scripts/hub_link.py $(HUB) $(NOTEBOOK) $(if $(BRANCH),--branch $(BRANCH),) \
	  $(if $(REPOSITORY),--repository $(REPOSITORY),)

# configurable-http-proxy (npm) for tests/test_hub.py's real JupyterHub, into ./node_modules (git-ignored).
CHP_VERSION := 5.3.0
hub-proxy: node_modules/.bin/configurable-http-proxy
node_modules/.bin/configurable-http-proxy:
	npm install --no-save --no-audit --no-fund --prefix . configurable-http-proxy@$(CHP_VERSION)

# Grading with nbgrader, step by step (docs/exercises.md): make release SET=01-close-reading, then
# collect (or zip-collect), autograde, the Formgrader (make teach), feedback, grades.
# EXCHANGE=/path sets nbgrader's exchange folder (default: exercises/nbgrader_config.py's).
GRADING = $(BIN)/python scripts/grading.py $(if $(EXCHANGE),--exchange $(EXCHANGE),)
release collect zip-collect autograde: $(STAMP)
	$(GRADING) $@ $(SET)
feedback: $(STAMP)
	$(GRADING) $@ $(SET) $(if $(RETURN),--release-feedback,)
grades: $(STAMP)
	$(GRADING) export

# Teacher-only answer key (build/teacher/answer-key.html, + PDF with Chromium); never committed or published.
answer-key: $(STAMP)
	$(BIN)/python scripts/teacher_pack.py answer-key --pdf

# Printable handouts: article sheet (Vietnamese beside English) and prediction sheets, in build/handouts/.
handouts: $(STAMP)
	$(BIN)/python scripts/teacher_pack.py handouts --pdf

# The course site (Jupyter Book 1, offline, stored outputs, warnings as errors, internal links checked):
# build/site/_build/html/index.html. Never holds the masters, teacher/ or the answer key.
site: $(STAMP)
	$(BIN)/python scripts/build_site.py

clean:
	rm -rf $(VENV)
