"""Every committed notebook is clean and follows the lesson structure."""

import re
import subprocess

import nbformat
import pytest

from critical_reading import checks

from .conftest import ROOT

LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ALL_NOTEBOOKS = LESSONS + sorted((ROOT / "exercises").rglob("*.ipynb"))


def test_lessons_are_named_in_reading_order():
    names = [p.stem for p in LESSONS]
    assert names == sorted(names)
    for name in names:
        assert re.match(r"\d\d[a-z]?-", name), name  # NN-title, or NNa-title when a lesson spans two periods


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_clean(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert "widgets" not in notebook.metadata, "widget state is committed; run scripts/run_notebooks.py"
    assert notebook.metadata.get("kernelspec", {}).get("name") == "python3"
    for cell in notebook.cells:
        assert "execution" not in cell.metadata, "timing metadata is committed"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_structure(path):
    notebook = nbformat.read(path, as_version=4)
    first = notebook.cells[0].source
    for heading in ("Questions", "Objectives", "Prerequisites", "Time"):
        assert heading in first, f"{path.name}: the first cell has no '{heading}'"
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert "check_setup()" in code[0].source, f"{path.name}: the first code cell must call check_setup()"
    last = notebook.cells[-1].source
    assert "Key points" in last and "Further questions" in last, path.name
    checked = [c for c in code if "nbval-check-output" in c.metadata.get("tags", [])]
    assert checked, f"{path.name}: no output-checked key result (cell tag nbval-check-output)"
    for cell in checked:
        assert cell.outputs, f"{path.name}: a checked cell has no committed output"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_code_cell_carries_a_test_marker(path):
    """Output checks are cell tags: nothing in a learner's code exists only for the tests."""
    notebook = nbformat.read(path, as_version=4)
    marked = [i for i, c in enumerate(notebook.cells) if c.cell_type == "code" and "NBVAL" in c.source]
    assert not marked, f"{path.name}: cells {marked} carry an NBVAL marker; use the nbval-check-output tag"


def test_no_junk_is_tracked():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    junk = [p for p in tracked if ".ipynb_checkpoints" in p or "__pycache__" in p or p.endswith(".pyc")]
    assert not junk, junk


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_cells_survive_being_run_twice(path):
    """A learner may press Shift-Enter twice: each code cell runs twice in a row, then the next.

    A cell that rebuilds a variable from itself (``claims = claims.merge(...)``) fails here
    instead of giving a learner a pandas traceback three cells later.
    """
    import matplotlib

    matplotlib.use("Agg")
    notebook = nbformat.read(path, as_version=4)
    namespace = {"display": lambda *objects: [repr(o) for o in objects]}
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        for run in (1, 2):
            try:
                exec(compile(cell.source, f"cell [{index}], run {run}", "exec"), namespace)
            except (checks.Hint, checks.NotAnswered):
                pass  # a practice check on the committed stub answer: outside IPython it raises by design
            except Exception as error:  # pragma: no cover - the message is the point
                pytest.fail(f"{path.name} cell [{index}] fails on run {run}: {error!r}")


_DETAILS = re.compile(r"<details.*?</details>", re.S)
_ROW = re.compile(r"<tr[ >]")
MAX_ROWS_SHOWN = 20


SHOWN_NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "vi" / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", SHOWN_NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_table_output_shows_more_than_twenty_rows(path):
    """A table fits a laptop screen: at most 20 rows at once; the rest sit under "show all" (a <details>)."""
    notebook = nbformat.read(path, as_version=4)
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            shown = _DETAILS.sub("", "".join(output.get("data", {}).get("text/html", "")))
            for table in re.findall(r"<table.*?</table>", shown, re.S):
                rows = len(_ROW.findall(table.split("<tbody", 1)[-1]))
                assert rows <= MAX_ROWS_SHOWN, f"{path.name} cell [{index}] shows a table of {rows} rows"
