# Two commands do all the set-up on a fresh machine:
#   make lab   - create .venv if missing, install, open JupyterLab on lesson 00
#   make test  - create .venv if missing, install, run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: lab test lint setup clean student-copies browser-test benchmark hub-link

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

# Lint (ruff, configured in pyproject.toml) before the tests.
lint: $(STAMP)
	$(BIN)/ruff check critical_reading tests scripts conftest.py

test: lint
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

# Capstone: make new-article NAME=my-article (never overwrites), then paste the article and
# make article-sentences NAME=my-article (writes sentences.csv with offsets).
.PHONY: new-article article-sentences class-report assessment-copies
new-article: $(STAMP)
	@$(BIN)/python scripts/new_article.py "$(NAME)" $(if $(ARTICLES),--articles "$(ARTICLES)",)

article-sentences: $(STAMP)
	@$(BIN)/python scripts/new_article.py "$(NAME)" --split $(if $(ARTICLES),--articles "$(ARTICLES)",)

# Regenerate assessment/release/ from the masters in assessment/source/ (forms A and B).
assessment-copies: $(STAMP)
	$(BIN)/python scripts/assessment_copies.py

# Per-skill pre/post results of the assessment: make class-report [GRADES=grades.csv] [OUT=...] [NAMES=1]
class-report: $(STAMP)
	$(BIN)/python scripts/class_report.py $(if $(GRADES),--grades "$(GRADES)",) $(if $(OUT),--out "$(OUT)",) $(if $(NAMES),--names,)
