"""The exercises: masters pass, student copies fail kindly, and copies match a fresh generation.

- every master passes all its tests (``nbgrader validate``);
- every student copy, as released, passes none (``nbgrader validate --invert``), and run like
  nbval does (nbclient, errors allowed) it shows only one-line hints: no traceback from the
  project's code, no NotImplementedError; with wrong answers filled in, the same;
- regenerating the student copies from the masters gives exactly the committed bytes;
- regeneration never overwrites a copy that holds a student's work;
- the notebooks' structure (points, questions, stubs, hidden tests) is consistent.

The slow parts (nbgrader and kernels) run once per module, side by side, in the ``runs`` fixture.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from critical_reading import checks

from .conftest import ROOT, script

EXERCISES = ROOT / "exercises"
MASTERS = sorted((EXERCISES / "source").glob("*/*.ipynb"))
COPIES = sorted((EXERCISES / "release").glob("*/*.ipynb"))
ASSIGNMENTS = sorted(p.parent.name for p in MASTERS)
STUB = "...  # YOUR ANSWER HERE"
PROJECT_TRACES = ("Traceback", "NotImplementedError", "critical_reading/", "critical_reading\\", 'File "')


def _script():
    return script("generate_student_copies")


def _grading(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def _nbgrader(workdir: Path, *args: str) -> str:
    """Run an nbgrader command in a scratch folder (no gradebook or log in the repository)."""
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(workdir / "jupyter-config"))
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=workdir, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _execute(path: Path, wrong_answer: str = "'not an answer'") -> nbformat.NotebookNode:
    """Run a student copy top to bottom in a fresh kernel, errors allowed (as nbval does).

    After the copy's own cells, every question is asked again with a wrong answer: its answer
    cell with ``wrong_answer`` and a copy of its check cell (marked ``metadata.wrong``).
    """
    notebook = nbformat.read(path, as_version=4)
    again = []
    for cell in notebook.cells:
        if cell.cell_type == "code" and _grading(cell).get("solution"):
            name = cell.source.split("=", 1)[0].strip()
            again.append(nbformat.v4.new_code_cell(f"{name} = {wrong_answer}", metadata={"appended": True}))
        elif cell.cell_type == "code" and _grading(cell).get("grade"):
            again.append(nbformat.v4.new_code_cell(cell.source, metadata={"appended": True, "wrong": True}))
    notebook.cells += again
    client = NotebookClient(notebook, timeout=180, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    asyncio.run(client.async_execute())  # its own event loop, closed afterwards (this runs in a thread)
    return notebook


def _solution(source: str) -> str:
    return re.sub(r"\s*### (BEGIN|END) SOLUTION", "", source)


#: The usual beginner mistakes, each as an answer cell's code, with words the course's message uses
#: (None: not a usual mistake, so IPython's normal traceback stays).
MISTAKES = [
    ('tables.claims["claim_idd"]', "Did you mean 'claim_id'?"),
    ('tables.claims["claim_id", "source_id"]', "two pairs of square brackets"),
    ('tables.claims[tables.claims["claim_type"] == "figure" & tables.claims["verification"] == "unflagged"]',
     "in its own parentheses"),
    ("reuters", "put text in quotes"),
    ('tables.claims.merge(tables.sources, on="source_id").merge(tables.sources, on="source_id")["side"]',
     "'side_x' and 'side_y'"),
    ("1 / 0", None),
]


def _drive(copy: Path, master: Path) -> nbformat.NotebookNode:
    """A learner's session on a student copy, in a fresh kernel (as after Kernel → Restart).

    For each code question: the check before any answer (the answer is undefined), the right answer
    and its check, an answer cell that raises (one of MISTAKES) and the check again, the right answer,
    the setup cell re-run, the check again; then the summary. Cells carry ``metadata.step``.
    """
    notebook = nbformat.read(copy, as_version=4)
    solutions = {c.id: _solution(c.source) for c in nbformat.read(master, as_version=4).cells}
    by_id = {c.id: c for c in notebook.cells}
    new = nbformat.v4.new_code_cell
    cells = [new(by_id["setup"].source, metadata={"step": "setup"})]
    offset = ASSIGNMENTS.index(copy.parent.name)
    numbers = [int(c.id[1:-6]) for c in notebook.cells if c.id.endswith("-check")]
    for number in numbers:
        check, name = by_id[f"q{number}-check"].source, f"answer_q{number}"
        code, words = MISTAKES[(number - 1 + offset) % len(MISTAKES)]
        cells += [new(check, metadata={"step": "undefined"}),
                  new(solutions[f"q{number}-answer"], metadata={"step": "answer"}),
                  new(check, metadata={"step": "right"}),
                  new(f"{name} = {code}", metadata={"step": "mistake", "words": words}),
                  new(check, metadata={"step": "stale"}),
                  new(solutions[f"q{number}-answer"], metadata={"step": "answer"}),
                  new(by_id["setup"].source, metadata={"step": "setup"}),
                  new(check, metadata={"step": "right"})]
    cells.append(new(by_id["summary"].source, metadata={"step": "summary"}))
    notebook.cells = cells
    client = NotebookClient(notebook, timeout=180, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(copy.parent)}})
    asyncio.run(client.async_execute())
    return notebook


def _generate_broken(folder: Path):
    """Generate from a master with an unclosed solution region; return the error raised."""
    script = _script()
    (folder / "source" / "broken").mkdir(parents=True)
    master = nbformat.read(MASTERS[0], as_version=4)
    answer = next(c for c in master.cells if c.id == "q1-answer")
    answer.source = answer.source.replace("### END SOLUTION", "")
    nbformat.write(master, folder / "source" / "broken" / "broken.ipynb")
    try:
        script.generate(folder / "source", EXERCISES / "nbgrader_config.py")
    except script.GenerationError as error:
        return error
    return None


def _autograde(course: Path, assignment: str = "04-unverified-statements") -> dict:
    """The nbgrader route end to end: generate, submit (one full answer, one blank), autograde."""
    from nbgrader.api import Gradebook

    shutil.copytree(EXERCISES / "source" / assignment, course / "source" / assignment)
    shutil.copy(EXERCISES / "nbgrader_config.py", course / "nbgrader_config.py")
    _nbgrader(course, "generate_assignment", assignment, "--log-level=ERROR")
    master = {c.id: c.source for c in nbformat.read(course / "source" / assignment / f"{assignment}-exercises.ipynb", 4).cells}
    for student, answers in (("full", True), ("blank", False), ("wrong", "'not an answer'")):
        _nbgrader(course, "db", "student", "add", student, "--log-level=ERROR")
        notebook = nbformat.read(course / "release" / assignment / f"{assignment}-exercises.ipynb", 4)
        for cell in notebook.cells:
            if answers is True and _grading(cell).get("solution"):
                cell.source = _solution(master[cell.id]) if cell.cell_type == "code" else "A written answer."
            elif answers and _grading(cell).get("solution") and cell.cell_type == "code":
                cell.source = f"{cell.source.split('=', 1)[0].strip()} = {answers}"
        folder = course / "submitted" / student / assignment
        folder.mkdir(parents=True)
        nbformat.write(notebook, folder / f"{assignment}-exercises.ipynb")
    _nbgrader(course, "autograde", assignment, "--log-level=ERROR")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {student: (gradebook.find_submission(assignment, student).code_score,
                          gradebook.find_submission(assignment, student).max_code_score)
                for student in ("full", "blank", "wrong")}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("nbgrader")
    shutil.copy(EXERCISES / "nbgrader_config.py", workdir / "nbgrader_config.py")
    with ThreadPoolExecutor(max_workers=4) as pool:
        masters = pool.submit(_nbgrader, workdir, "validate", *map(str, MASTERS))
        inverted = pool.submit(_nbgrader, workdir, "validate", "--invert", *map(str, COPIES))
        generated = pool.submit(_script().generate)
        executed = {p.parent.name: pool.submit(_execute, p) for p in COPIES}
        driven = {c.parent.name: pool.submit(_drive, c, m) for c, m in zip(COPIES, MASTERS)}
        broken = pool.submit(_generate_broken, tmp_path_factory.mktemp("broken"))
        autograded = pool.submit(_autograde, tmp_path_factory.mktemp("course"))
        return {
            "autograded": autograded.result(),
            "broken": broken.result(),
            "masters": masters.result(),
            "inverted": inverted.result(),
            "generated": generated.result(),
            "executed": {name: future.result() for name, future in executed.items()},
            "driven": {name: future.result() for name, future in driven.items()},
        }


# ----------------------------------------------------------------------------- nbgrader

def test_there_is_one_exercise_set_per_lesson():
    assert ASSIGNMENTS == ["01-close-reading", "02-who-claims-what", "03-casualty-figures",
                           "04-unverified-statements", "05-putting-it-together"]
    assert [p.relative_to(EXERCISES / "release") for p in COPIES] == \
        [p.relative_to(EXERCISES / "source") for p in MASTERS]


def test_every_master_passes_its_tests(runs):
    out = runs["masters"]
    assert out.count("Success! Your notebook passes all the tests.") == len(MASTERS), out
    assert "FAILED" not in out and "fatal error" not in out, out


def test_every_student_copy_passes_none_of_its_tests(runs):
    out = runs["inverted"]
    assert out.count("Success! The notebook does not pass any tests.") == len(COPIES), out
    assert "PASSED ON" not in out, out


def test_the_nbgrader_route_grades_a_submission(runs):
    """generate_assignment → submission → autograde: hidden tests restored, full marks for right code."""
    scores = runs["autograded"]
    full, maximum = scores["full"]
    assert full == maximum > 0, scores
    assert scores["blank"] == (0, maximum), scores
    assert scores["wrong"] == (0, maximum), scores  # a hint is shown kindly, yet scores 0 under nbgrader


# ----------------------------------------------------------------------------- kind failure

def _errors(cell):
    return [o for o in cell.get("outputs", []) if o.output_type == "error"]


def _all_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts += output.get("traceback", []) + [output.get("text", "")]
        parts += [str(v) for v in output.get("data", {}).values()]
    return "\n".join(parts)


def _shown(cell) -> list[str]:
    return [o.data.get("text/plain", "") for o in cell.get("outputs", []) if o.output_type == "display_data"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_student_copies_show_hints_not_errors(runs, assignment):
    """Run as a student does: a stub or a wrong answer gets a hint box (a mark and a word), not an error."""
    notebook = runs["executed"][assignment]
    checked = {"○ Not answered yet: ": 0, "➜ Not yet: ": 0}
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        text = _all_text(cell)
        assert not any(trace in text for trace in PROJECT_TRACES), (cell.id, text)
        assert not [o for o in cell.outputs if o.get("name") == "stderr"], (cell.id, text)
        assert not _errors(cell), (cell.id, text)
        if _grading(cell).get("grade") or cell.metadata.get("wrong", False):
            prefix = "➜ Not yet: " if cell.metadata.get("wrong", False) else "○ Not answered yet: "
            shown = _shown(cell)
            assert len(shown) == 1 and shown[0].startswith(prefix) and "\n" not in shown[0], (cell.id, shown)
            checked[prefix] += 1
    assert checked["○ Not answered yet: "] == checked["➜ Not yet: "] >= 3, checked
    summary = next(c for c in notebook.cells if c.id == "summary")
    assert "Points so far: 0 of" in _all_text(summary)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_a_learner_session_never_grades_a_stale_value(runs, assignment):
    """Undefined answer, right answer, a raising answer cell, setup re-run: each gets its own short message."""
    steps = {"undefined": 0, "right": 0, "mistake": 0, "stale": 0}
    for cell in runs["driven"][assignment].cells:
        step, text, errors, shown = cell.metadata["step"], _all_text(cell), _errors(cell), _shown(cell)
        if step in steps:
            steps[step] += 1
        if step in ("setup", "answer"):
            assert not errors, (step, cell.source, text)
        elif step == "undefined":  # after a restart, before the answer cell ran: one line, the fix
            assert len(errors) == 1 and errors[0].ename == "NameError", text
            assert len(errors[0].traceback) == 1 and "run the answer cell of this question" in errors[0].traceback[0]
        elif step == "right":
            assert not errors and len(shown) == 1 and shown[0].startswith("✓ Correct."), (cell.source, text)
        elif step == "mistake":
            assert len(errors) == 1, text
            words = cell.metadata["words"]
            if words is None:  # not a usual mistake: IPython's own traceback stays
                assert "Traceback" in "".join(errors[0].traceback), text
            else:
                assert len(errors[0].traceback) == 1 and words in errors[0].traceback[0], (cell.source, text)
                assert not any(trace in "\n".join(shown) for trace in PROJECT_TRACES), shown
        elif step == "stale":
            assert not errors and len(shown) == 1, text
            assert shown[0].startswith("⚠ Your answer cell stopped with an error:"), shown
            assert "\n" not in shown[0]
        elif step == "summary":
            assert "✓ Correct" in text and "Not yet" not in text and "Not answered" not in text, text
    assert steps["undefined"] == steps["mistake"] == steps["stale"] == steps["right"] / 2 >= 3, steps


def test_setup_cells_run_cleanly(runs):
    for assignment, notebook in runs["executed"].items():
        setup = next(c for c in notebook.cells if c.id == "setup")
        printed = "".join(o.get("text", "") for o in setup.outputs)
        assert "Setup OK" in printed and "Data OK" in printed, (assignment, printed)


# ----------------------------------------------------------------------------- drift

def test_student_copies_match_a_fresh_generation(runs):
    problems = _script().differences(runs["generated"])
    assert not problems, "\n".join(problems + ["Run `make student-copies` and commit the result."])


def test_the_drift_check_notices_an_edit(runs, tmp_path):
    script, generated = _script(), runs["generated"]
    for name, content in generated.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    assert script.differences(generated, tmp_path) == []
    first = sorted(generated)[0]
    (tmp_path / first).write_bytes(generated[first].replace(b"Question 1", b"Question one", 1))
    (tmp_path / "extra.ipynb").write_text("{}")
    problems = script.differences(generated, tmp_path)
    assert any(p.startswith("differs:") and first in p for p in problems)
    assert any(p.startswith("extra:") for p in problems)
    (tmp_path / sorted(generated)[-1]).unlink()
    assert any(p.startswith("missing:") for p in script.differences(generated, tmp_path))


def test_regeneration_never_overwrites_student_work(runs, tmp_path):
    script, generated = _script(), runs["generated"]
    names = sorted(generated)
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(generated[name])
    answered, executed, added, pristine = names[0], names[1], names[2], names[3]

    notebook = nbformat.read(tmp_path / answered, as_version=4)
    next(c for c in notebook.cells if c.id == "q1-answer").source = "answer_q1 = ['my', 'work']"
    nbformat.write(notebook, tmp_path / answered)
    ran = runs["executed"][executed.split("/")[0]]
    nbformat.write(nbformat.from_dict({**ran, "cells": [c for c in ran.cells if "appended" not in c.metadata]}),
                   tmp_path / executed)
    notebook = nbformat.read(tmp_path / added, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("my_scratch = 1"))
    nbformat.write(notebook, tmp_path / added)
    (tmp_path / names[0]).parent.joinpath("Untitled.ipynb").write_text("{}")
    before = {name: (tmp_path / name).read_bytes() for name in names}

    # The masters changed: every copy would be rewritten, but only the pristine one may be.
    changed = {name: content.replace(b"Question 1", b"Question one", 1) for name, content in generated.items()}
    log = []
    kept = script.update(changed, tmp_path, log=log.append)
    assert kept == 3, log
    for name in (answered, executed, added):
        assert (tmp_path / name).read_bytes() == before[name], name
        assert any(line.startswith(f"kept: exercises/release/{name}") for line in log), log
    assert (tmp_path / pristine).read_bytes() == changed[pristine]
    assert (tmp_path / names[0]).parent.joinpath("Untitled.ipynb").exists()
    assert any(line.startswith("left alone:") and "Untitled.ipynb" in line for line in log)


def test_the_script_reports_a_broken_master_in_one_line(runs):
    error = runs["broken"]
    assert isinstance(error, _script().GenerationError) or type(error).__name__ == "GenerationError", error
    assert "\n" not in str(error) and "generate_assignment failed" in str(error)


# ----------------------------------------------------------------------------- structure

def _notebooks(paths):
    return [(p.parent.name, nbformat.read(p, as_version=4)) for p in paths]


@pytest.mark.parametrize("assignment,notebook", _notebooks(MASTERS), ids=ASSIGNMENTS)
def test_master_structure(assignment, notebook):
    from nbgrader.nbgraderformat import MetadataValidator

    MetadataValidator().validate_nb(notebook)
    ids = [c.id for c in notebook.cells]
    assert len(ids) == len(set(ids))
    for cell in notebook.cells:  # every cell is nbgrader's: a student's added cell is then detectable
        grading = _grading(cell)
        assert grading and grading["grade_id"] == cell.id, cell.id
        assert grading["locked"] or grading["solution"] or grading["grade"], cell.id

    header = notebook.cells[0].source
    total, auto, manual = map(int, re.search(r"\*\*Points:\*\* (\d+)\s*\((\d+) checked as you go, (\d+) marked",
                                             header).groups())
    questions = int(re.search(r"\*\*Questions:\*\* (\d+)", header).group(1))
    code_points = sum(_grading(c)["points"] for c in notebook.cells if c.cell_type == "code" and _grading(c)["grade"])
    text_points = sum(_grading(c)["points"] for c in notebook.cells if c.cell_type == "markdown" and _grading(c)["grade"])
    assert (code_points, text_points, code_points + text_points) == (auto, manual, total)
    headings = re.findall(r"^## Question (\d+) · .*\((\d+) points?", "\n".join(c.source for c in notebook.cells), re.M)
    assert [int(n) for n, _ in headings] == list(range(1, questions + 1))
    assert 4 <= questions <= 8

    setup = next(c for c in notebook.cells if c.id == "setup").source
    assert "check_setup()" in setup and "tables = load_tables()" in setup
    for number, points in headings:
        answer = next(c for c in notebook.cells if c.id == f"q{number}-answer")
        assert _grading(answer)["solution"]
        if answer.cell_type == "code":
            check = next(c for c in notebook.cells if c.id == f"q{number}-check")
            assert answer.source.startswith(f"answer_q{number} = (\n") and "### BEGIN SOLUTION" in answer.source
            assert f"answer_q{number} = " not in setup  # re-running the setup cell never resets an answer
            name = re.match(rf"checks\.(\w+)\(answer_q{number}\b", check.source).group(1)
            assert name in checks.QUESTIONS
            assert "### BEGIN HIDDEN TESTS" in check.source and "### END HIDDEN TESTS" in check.source
            assert _grading(check)["points"] == int(points)
        else:
            assert _grading(answer)["grade"] and _grading(answer)["points"] == int(points)
            assert "**Model answer.**" in answer.source and "**Notes for markers.**" in answer.source
            guide = "\n".join(c.source for c in notebook.cells[:notebook.cells.index(answer)][-3:])
            assert "**How this is marked" in guide, number


@pytest.mark.parametrize("assignment,notebook", _notebooks(COPIES), ids=ASSIGNMENTS)
def test_student_copy_is_clean(assignment, notebook):
    text = nbformat.writes(notebook)
    for secret in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS", "Model answer", "Notes for markers"):
        assert secret not in text, secret
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.id
        if _grading(cell).get("solution"):
            if cell.cell_type == "code":
                assert STUB in cell.source, cell.id
            else:
                assert cell.source.startswith("YOUR ANSWER HERE"), cell.id
        assert "checksum" in _grading(cell), cell.id
