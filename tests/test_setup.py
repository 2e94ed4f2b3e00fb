"""Set-up that never surprises: which data folder is read, one Python version, the student's lab.

- The data folder next to the notebooks wins over the one beside the installed package (a hub
  image installs the package with ``pip install -e`` from another copy of the course).
- The supported Python version is written once (``runtime.txt``) and every other place agrees.
- ``make lab`` serves the repository root, so ``exercises/`` is reachable, and loads none of
  nbgrader's extensions; ``make teach`` is the teacher's lab, with them.
"""

import shutil
from pathlib import Path

import pytest

from critical_reading import data_dir, load_tables

from .conftest import ROOT


# ----------------------------------------------------------------------------- which data folder

@pytest.fixture
def other_copy(tmp_path, monkeypatch):
    """A second copy of the course's data with one row changed, as a teacher's copy on a hub."""
    monkeypatch.delenv("CRITICAL_READING_DATA", raising=False)
    course = tmp_path / "my-course"
    shutil.copytree(ROOT / "data", course / "data")
    sources = course / "data" / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace(",Reuters,", ",Reuters (edited),", 1),
                       encoding="utf-8")
    for folder in ("notebooks", "exercises/release/01-close-reading"):
        (course / folder).mkdir(parents=True)
    return course


@pytest.mark.parametrize("where", ["notebooks", "exercises/release/01-close-reading", "."])
def test_the_data_next_to_the_notebooks_wins_over_the_package(other_copy, monkeypatch, where):
    monkeypatch.chdir(other_copy / where)
    assert data_dir() == other_copy.resolve() / "data"
    assert load_tables().source_names["reuters"] == "Reuters (edited)"


def test_without_a_data_folder_nearby_the_package_data_is_read(tmp_path, monkeypatch):
    monkeypatch.delenv("CRITICAL_READING_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    assert data_dir() == ROOT / "data"
    assert load_tables().source_names["reuters"] == "Reuters"


def test_the_environment_variable_wins_over_everything(other_copy, monkeypatch):
    monkeypatch.chdir(ROOT / "notebooks")
    monkeypatch.setenv("CRITICAL_READING_DATA", str(other_copy / "data"))
    assert data_dir() == other_copy.resolve() / "data"
