# Two commands do all the set-up on a fresh machine:
#   make lab   - create .venv if missing, install, open JupyterLab on lesson 00 (the students' lab)
#   make test  - create .venv if missing, install, run every test
# and one for teachers:
#   make teach - the same JupyterLab with nbgrader's tools, its formgrader working on exercises/
# `make clean` deletes .venv; the next `make lab` builds it again.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: lab test lint setup clean student-copies browser-test benchmark hub-link \
	release collect zip-collect autograde feedback grades answer-key handouts site hub-proxy \
	lab-vi translations
.PHONY: teach

# The course's Python, written once: runtime.txt (Binder reads it too).
PYTHON_VERSION := $(patsubst python-%,%,$(strip $(shell cat runtime.txt)))
PYTHON_IS_NEW_ENOUGH := import sys; sys.exit(sys.version_info[:2] < tuple(map(int, "$(PYTHON_VERSION)".split("."))))

setup: $(STAMP)

# Check the interpreter before building .venv, and rebuild a .venv an older Python made.
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml runtime.txt
	@$(PYTHON) -c '$(PYTHON_IS_NEW_ENOUGH)' 2>/dev/null || { \
	  echo "make: the course needs Python $(PYTHON_VERSION) or newer, and $(PYTHON) is $$($(PYTHON) --version 2>&1 || echo missing)." \
	       "Install Python $(PYTHON_VERSION) (python.org, or your system's package manager), then run: make PYTHON=python$(PYTHON_VERSION) $(or $(MAKECMDGOALS),setup)"; \
	  exit 1; }
	@if test -e $(BIN)/python && ! $(BIN)/python -c '$(PYTHON_IS_NEW_ENOUGH)' 2>/dev/null; then \
	  echo "make: $(VENV) was made by another Python; building it again with $(PYTHON)"; rm -rf $(VENV); fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# JupyterLab refuses to run as root without --allow-root (containers, some lab machines).
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
LAB_FLAGS  := $(ALLOW_ROOT) --ServerApp.root_dir="$(CURDIR)" --LabApp.news_url=None \
              --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate
# LAB_ARGS: more JupyterLab options, e.g. make lab LAB_ARGS="--port=8899 --no-browser"

# Students: the course folder as root (notebooks/ and exercises/ both reachable), lesson 00 open,
# and none of nbgrader's extensions: .jupyter/student/ turns them off for this server only.
# `make lab LANG=vi` (or a Vietnamese system locale) opens the Vietnamese edition (vi/) with
# JupyterLab's own menus in Vietnamese.
EDITION := $(if $(filter vi vi_%,$(LANG)),vi/,)
lab: $(STAMP)
	JUPYTER_CONFIG_PATH="$(CURDIR)/.jupyter/student" $(BIN)/jupyter lab $(LAB_FLAGS) $(if $(EDITION),$(LAB_VI_FLAGS)) \
	  --LabApp.default_url=/lab/tree/$(EDITION)notebooks/00-start-here.ipynb $(LAB_ARGS)

# Teachers: nbgrader's extensions on, started in exercises/ so that the formgrader (menu Nbgrader >
# Formgrader) finds exercises/nbgrader_config.py; the whole course folder stays browsable.
# $(call formgrader,<course folder>): the same lab for another nbgrader course (make assessment-teach).
define formgrader
	@echo "make: grading tools on; open them with the menu Nbgrader > Formgrader (course folder: $(1)/)"
	cd $(1) && PATH="$(abspath $(BIN)):$$PATH" $(if $(EXCHANGE),NBGRADER_EXCHANGE="$(abspath $(EXCHANGE))") \
	  jupyter lab $(LAB_FLAGS) --LabApp.default_url=/lab/tree/$(1) $(LAB_ARGS)
endef
teach: $(STAMP)
	$(call formgrader,exercises)

# Lint (ruff, configured in pyproject.toml) before the tests.
lint: $(STAMP)
	$(BIN)/ruff check critical_reading tests scripts conftest.py

# The Vietnamese edition (vi/), with JupyterLab's own menus in Vietnamese: the language pack is
# selected by the `locale` setting in translations/lab-vi/overrides.json (a default, so a
# learner can still switch language in Settings -> Language).
LAB_VI_FLAGS := --LabApp.app_settings_dir=translations/lab-vi

lab-vi:
	$(MAKE) lab LANG=vi

# English masters changed? Refresh translations/vi/*.po (changed cells become fuzzy), rebuild
# the Vietnamese notebooks under vi/ and their exercise student copies (vi/exercises/release/).
# `check` lists what still needs a translator: cells, table values, and guides (vi/docs, vi/README.md)
# whose English changed since they were reviewed.
translations: $(STAMP)
	$(BIN)/python scripts/translations.py update
	$(BIN)/python scripts/translations.py build
	$(BIN)/python scripts/translations.py student-copies
	-$(BIN)/python scripts/translations.py check

test: lint
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile --durations=12

# Regenerate exercises/release/ from the masters in exercises/source/ (nbgrader generate_assignment).
student-copies: $(STAMP)
	$(BIN)/python scripts/generate_student_copies.py

browser-test: $(STAMP)
	$(BIN)/python -m pytest tests/test_browser.py

benchmark: $(STAMP)
	$(BIN)/python scripts/benchmark.py

# make hub-link HUB=https://hub.example.org [NOTEBOOK=notebooks/03c-reconciliation.ipynb] [BRANCH=…] [REPOSITORY=…]
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
# (A relative EXCHANGE is taken from this folder, wherever nbgrader itself runs.)
GRADING = $(BIN)/python scripts/grading.py $(if $(EXCHANGE),--exchange $(abspath $(EXCHANGE)),)
release collect zip-collect autograde: $(STAMP)
	@$(GRADING) $@ $(SET)
feedback: $(STAMP)
	@$(GRADING) $@ $(SET) $(if $(RETURN),--release-feedback,)
grades: $(STAMP)
	@$(GRADING) export

# The teacher pack of the edition `make lab` would open: `LANG=vi` (or a Vietnamese system locale)
# builds the Vietnamese edition's from vi/, into build/vi/ (LANG=en for the English one).
PACK_LANG := --lang $(or $(EDITION:/=),en)

# Teacher-only answer key (build/teacher/answer-key.html, + PDF with Chromium); never committed or published.
answer-key: $(STAMP)
	$(BIN)/python scripts/teacher_pack.py answer-key --pdf $(PACK_LANG)

# Printable handouts: article sheet (Vietnamese beside English; the article alone in the Vietnamese
# edition) and prediction sheets, in build/handouts/ (build/vi/handouts/ with LANG=vi).
handouts: $(STAMP)
	$(BIN)/python scripts/teacher_pack.py handouts --pdf $(PACK_LANG)

# The course site (Jupyter Book 1, offline, stored outputs, warnings as errors, internal links checked):
# build/site/_build/html/index.html. Never holds the masters, teacher/ or the answer key.
site: $(STAMP)
	$(BIN)/python scripts/build_site.py

clean:
	rm -rf $(VENV)

# Capstone: make new-article NAME=my-article (never overwrites), then paste the article and
# make article-sentences NAME=my-article (writes sentences.csv with offsets).
.PHONY: new-article article-sentences class-report assessment-copies assessment-release assessment-collect \
	assessment-zip-collect assessment-autograde assessment-teach assessment-grades assessment-report
new-article: $(STAMP)
	@$(BIN)/python scripts/new_article.py "$(NAME)" $(if $(ARTICLES),--articles "$(ARTICLES)",)

article-sentences: $(STAMP)
	@$(BIN)/python scripts/new_article.py "$(NAME)" --split $(if $(ARTICLES),--articles "$(ARTICLES)",)

# Regenerate assessment/release/ from the masters in assessment/source/ (forms A and B).
assessment-copies: $(STAMP)
	$(BIN)/python scripts/assessment_copies.py

# Grading the pre/post assessment (docs/assessment.md), the exercises' steps for its own nbgrader
# course (assessment/, course id critical-reading-assessment); FORM=A (before lesson 00) or FORM=B:
# make assessment-release FORM=A, then assessment-collect (or assessment-zip-collect),
# assessment-autograde, assessment-teach (mark items 9 and 10), assessment-grades, assessment-report.
# No feedback step: it would show which answers scored before form B. EXCHANGE=/path as above.
ASSESSMENT_GRADING = $(GRADING) --course assessment
assessment-release assessment-collect assessment-zip-collect assessment-autograde: $(STAMP)
	@$(ASSESSMENT_GRADING) $(patsubst assessment-%,%,$@) $(FORM)
assessment-grades: $(STAMP)
	@$(ASSESSMENT_GRADING) export
assessment-teach: $(STAMP)
	$(call formgrader,assessment)
# The per-skill pre/post report of assessment/item_grades.csv (make class-report, with GRADES set): [OUT=...] [NAMES=1]
assessment-report: $(STAMP)
	@$(ASSESSMENT_GRADING) report $(if $(OUT),--out "$(OUT)",) $(if $(NAMES),--names,)

# Per-skill pre/post results of the assessment: make class-report [GRADES=grades.csv] [OUT=...] [NAMES=1]
class-report: $(STAMP)
	$(BIN)/python scripts/class_report.py $(if $(GRADES),--grades "$(GRADES)",) $(if $(OUT),--out "$(OUT)",) $(if $(NAMES),--names,)
