"""The grading route of docs/exercises.md, run for real on a class of two students.

Ana fetches set 01 from the exchange, answers every question right and submits; Bao answers
wrongly and hands in through the LMS (a zip in ``downloaded/``). The teacher's steps are the
make targets' own script (scripts/grading.py): release, collect, zip-collect, autograde,
feedback, export. The test checks the LMS CSV and that no feedback HTML reveals a hidden test.
"""

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from traitlets.config import Config

from .conftest import ROOT, script

SET = "01-close-reading"
NOTEBOOK = f"{SET}-exercises.ipynb"
COURSE = "critical-reading"
SCRIPT = ROOT / "scripts" / "grading.py"
MASTER = ROOT / "exercises" / "source" / SET / NOTEBOOK
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)


def run(*args, cwd, exchange):
    env = dict(os.environ, NBGRADER_EXCHANGE=str(exchange),
               PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{args} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result.stdout + result.stderr


def student(*args, home, exchange):
    """An nbgrader command as a student runs it: in their own folder, with the course id."""
    return run(sys.executable, "-m", "nbgrader", *args, "--course", COURSE, f"--Exchange.root={exchange}",
               cwd=home, exchange=exchange)


def teacher(step, course, exchange):
    return run(sys.executable, str(SCRIPT), step, SET, "--course-dir", str(course), cwd=ROOT, exchange=exchange)


def answered(copy: Path, right: bool) -> None:
    """Fill the student copy in place: the master's solutions, or a wrong answer to every question."""
    master = {cell.metadata.nbgrader["grade_id"]: cell for cell in nbformat.read(MASTER, as_version=4).cells}
    nb = nbformat.read(copy, as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if not cell.metadata["nbgrader"].get("solution"):
            continue
        if cell.cell_type == "markdown":
            cell.source = "The translator is not named, so nobody can check the choices." if right else "No idea."
        elif right:
            cell.source = "\n".join(line for line in master[grade_id].source.splitlines() if "SOLUTION" not in line)
        else:
            cell.source = re.sub(r"=\s*\(.*\)", '= (["reuters"])', cell.source, flags=re.S)
    nbformat.write(nb, copy)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("grading")
    course, exchange = tmp / "exercises", tmp / "exchange"
    shutil.copytree(ROOT / "exercises", course, ignore=shutil.ignore_patterns(
        "gradebook.db", "submitted", "autograded", "feedback", "downloaded", "grades*.csv", ".*"))
    exchange.mkdir()

    teacher("release", course, exchange)
    ana = tmp / "ana"
    ana.mkdir()
    student("fetch_assignment", SET, home=ana, exchange=exchange)
    answered(ana / SET / NOTEBOOK, right=True)
    student("submit", SET, "--student=ana", home=ana, exchange=exchange)
    teacher("collect", course, exchange)

    bao = tmp / "bao.ipynb"
    shutil.copy(course / "release" / SET / NOTEBOOK, bao)
    answered(bao, right=False)
    archive = course / "downloaded" / SET / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / "lms-download.zip", "w") as zipped:
        zipped.write(bao, f"bao_2291_{NOTEBOOK.replace('.ipynb', ' (1).ipynb')}")
    teacher("zip-collect", course, exchange)
    assert (course / "submitted" / "bao" / SET / NOTEBOOK).exists()

    log = teacher("autograde", course, exchange)
    run(sys.executable, str(SCRIPT), "feedback", SET, "--release-feedback", "--course-dir", str(course),
        cwd=ROOT, exchange=exchange)
    student("fetch_feedback", SET, "--student=ana", home=ana, exchange=exchange)
    assert list((ana / SET / "feedback").rglob("*.html")), "Ana did not get her feedback through the exchange"
    run(sys.executable, str(SCRIPT), "export", "--course-dir", str(course), cwd=ROOT, exchange=exchange)
    return course, log


def test_lms_csv_has_one_row_per_student(graded):
    course, _ = graded
    master = nbformat.read(MASTER, as_version=4)
    total = sum(cell.metadata.nbgrader.get("points", 0) for cell in master.cells)
    checked = sum(cell.metadata.nbgrader.get("points", 0) for cell in master.cells if cell.cell_type == "code")
    with (course / "grades-lms.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["student_id", "assignment", "score", "max_score"]
    # Written answers are not marked yet: Ana has every checked point, Bao none.
    assert rows[1:] == [["ana", SET, f"{checked:g}", f"{total:g}"], ["bao", SET, "0", f"{total:g}"]]
    assert (course / "grades.csv").exists()


def test_autograde_log_explains_the_checksum_warnings(graded):
    _, log = graded
    assert "has changed!" not in log
    assert "expected for check cells with hidden tests" in log


def test_feedback_reveals_no_hidden_test(graded):
    course, _ = graded
    hidden_lines = {line.strip() for cell in nbformat.read(MASTER, as_version=4).cells
                    for block in HIDDEN.findall(cell.source) for line in block.splitlines() if line.strip()}
    assert hidden_lines
    pages = sorted((course / "feedback").glob(f"*/{SET}/*.html"))
    assert [page.parts[-3] for page in pages] == ["ana", "bao"]
    pages += sorted((course.parent / "ana" / SET / "feedback").rglob("*.html"))  # as Ana fetched it
    for page in pages:
        html = page.read_text(encoding="utf-8")
        text = re.sub(r"<[^>]+>", "", html).replace("&quot;", '"').replace("&#34;", '"').replace("&amp;", "&")
        assert "checks.chain_of_publication" in text  # the visible check is still shown
        assert "HIDDEN TESTS" not in text
        leaked = [line for line in hidden_lines if line in text]
        assert not leaked, f"{page} shows hidden test code: {leaked}"


def test_a_failed_hidden_test_is_reported_without_its_code():
    """When only a hidden test fails, its traceback (which quotes it) is replaced by one line."""
    config = Config()
    namespace = {"get_config": lambda: config}
    exec(compile((ROOT / "exercises" / "nbgrader_config.py").read_text(), "nbgrader_config.py", "exec"), namespace)
    remover = [pp for pp in config.GenerateFeedback.preprocessors if pp.__name__ == "RemoveHiddenTests"][0]()
    cell = nbformat.v4.new_code_cell('check(x)\n### BEGIN HIDDEN TESTS\nassert x == 42\n### END HIDDEN TESTS\n')
    cell.outputs = [nbformat.v4.new_output("error", ename="AssertionError", evalue="",
                                           traceback=["\x1b[0;31mAssertionError\x1b[0m", "----> 2 assert x == 42"])]
    cell, _ = remover.preprocess_cell(cell, {}, 0)
    shown = json.dumps(cell)
    assert cell.source == "check(x)"
    assert "42" not in shown and "hidden tests are not shown" in shown


def test_the_doc_walks_through_every_step_the_test_runs():
    """docs/exercises.md gives each step of the route above as the make command the test ran."""
    doc = (ROOT / "docs" / "exercises.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for step in ("release", "collect", "zip-collect", "autograde", "feedback"):
        assert f"make {step} SET=01-close-reading" in doc
        assert re.search(rf"^[\w -]*\b{step}\b[\w -]*:", makefile, re.M), f"no make target {step}"
    assert "make grades" in doc and re.search(r"^grades:", makefile, re.M)
    for setting in ("--course critical-reading", "Exchange.root", "NBGRADER_EXCHANGE", "named_regexp",
                    "has changed!", "student_id,assignment,score,max_score", "make teach"):
        assert setting in doc, setting


# ----------------------------------------------------------------------------- the exchange, when it is not there

PERMISSION = ["[ReleaseAssignmentApp | WARNING] Creating exchange directory: /srv/nbgrader/exchange",
              "Traceback (most recent call last):", "PermissionError: [Errno 13] Permission denied: '/srv/nbgrader'"]


@pytest.mark.parametrize("course,name,shown", [("exercises", SET, SET), ("assessment", "assessment-a", "A")])
def test_an_exchange_that_is_not_there_gets_one_line(course, name, shown, tmp_path, monkeypatch, capsys):
    """No exchange: release still records the set or form (a note, not an error, unless EXCHANGE was
    given), and collect says there is nothing to collect, in one line each; nbgrader's own log is a traceback."""
    grading = script("grading")
    (tmp_path / "source" / name).mkdir(parents=True)

    def fake_nbgrader(course_dir, *args, exchange=None):
        logs = {"release_assignment": PERMISSION, "collect": ["[CollectApp | CRITICAL] Unwritable directory, please "
                                                              "contact your instructor: /srv/nbgrader/exchange"]}
        if args[0] in logs:
            raise grading.NbgraderFailed(args, logs[args[0]])
        return f"nbgrader {args[0]} done"

    monkeypatch.setattr(grading, "nbgrader", fake_nbgrader)
    monkeypatch.delenv("NBGRADER_EXCHANGE", raising=False)
    step = ["--course", course, "--course-dir", str(tmp_path)]
    prefix = "assessment-" if course == "assessment" else ""
    variable = "FORM" if course == "assessment" else "SET"

    assert grading.main([*step, "release", shown]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "nbgrader generate_assignment done" and len(out) == 2
    assert out[1].startswith(f"note: recorded {name} in the gradebook (all autograde needs), but did not put it in the "
                             "exchange (set in nbgrader_config.py (default /srv/nbgrader/exchange)): PermissionError")
    assert grading.main([*step, "release", shown, "--exchange", "/srv/nbgrader/exchange"]) == 1
    assert capsys.readouterr().err.count("\n") == 1

    assert grading.main([*step, "collect", shown]) == 1
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and "nothing to collect: the exchange folder" in said
    assert f"make {prefix}zip-collect {variable}={shown}" in said
