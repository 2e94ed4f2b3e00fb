"""Fixtures shared by the test modules."""

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from critical_reading import load_tables

ROOT = Path(__file__).resolve().parent.parent
SOURCE_NOTES = ROOT / "docs" / "source-notes.md"


def script(name: str) -> ModuleType:
    """``scripts/<name>.py`` loaded afresh as a module (``scripts/`` is not a package).

    It is registered in ``sys.modules`` first, since dataclasses look their module up there.
    """
    spec = importlib.util.spec_from_file_location(f"script_under_test_{name}", ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def tables():
    """The course's tables, loaded and cross-checked once."""
    return load_tables()


@pytest.fixture
def edited_data(tmp_path):
    """A copy of data/ and a function that edits one file in it, as a teacher might."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)

    def edit(filename: str, old: str, new: str, count: int = 1) -> Path:
        path = folder / filename
        text = path.read_text(encoding="utf-8")
        assert old in text, f"test set-up: {old!r} not in {filename}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")
        return folder

    return edit
