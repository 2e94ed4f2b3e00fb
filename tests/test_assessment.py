"""The pre/post assessment: parallel forms, clean runs, a real nbgrader round trip, the class report."""

import asyncio
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from critical_reading import assessment
from critical_reading.class_report import ReportError, class_report, example_class, item_skills, read_grades

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "assessment"
FORMS = ("assessment-a", "assessment-b")


def _master(form: str) -> nbformat.NotebookNode:
    return nbformat.read(COURSE / "source" / form / f"{form}.ipynb", as_version=4)


def _graded(notebook) -> list:
    return [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade")]


def _nbgrader(workdir: Path, *args: str) -> str:
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(workdir / "jupyter-config"))
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=workdir, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


# ----------------------------------------------------------------------------- the forms

def test_forms_are_parallel_and_cover_every_skill():
    a, b = (_master(f) for f in FORMS)
    shape = [[(c.id, c.metadata["assessment"]["skill"], c.metadata["assessment"]["kind"],
               c.metadata["nbgrader"]["points"]) for c in _graded(nb)] for nb in (a, b)]
    assert shape[0] == shape[1], "same items, skills, kinds and points in both forms"
    assert {skill for _, skill, _, _ in shape[0]} == set(assessment.SKILLS)
    assert {kind for _, _, kind, _ in shape[0]} == {"auto", "written"}
    snippets = [[c.source for c in nb.cells if c.id.startswith("snippet-")] for nb in (a, b)]
    assert len(snippets[0]) == len(snippets[1]) and not set(snippets[0]) & set(snippets[1]), "different snippets"
    for notebook in (a, b):
        assert all("Invented for this test" in s for s in (c.source for c in notebook.cells if c.id.startswith("snippet-")))


def test_every_written_item_has_a_three_level_rubric_with_samples():
    for form in FORMS:
        for cell in _graded(_master(form)):
            if cell.metadata["assessment"]["kind"] == "written":
                for level, points in assessment.LEVELS.items():
                    line = next(text for text in cell.source.splitlines() if text.startswith(f"- **{level.capitalize()} ("))
                    assert f"({points} point" in line and "*Sample:*" in line, (form, cell.id, level)
    guide = (ROOT / "docs" / "assessment.md").read_text(encoding="utf-8")
    assert all(level in guide.lower() for level in assessment.LEVELS)


def test_answers_need_no_python_beyond_a_letter_a_list_or_a_number():
    for form in FORMS:
        for cell in _master(form).cells:
            if cell.id.endswith("-answer") and cell.cell_type == "code":
                answer = re.search(r"### BEGIN SOLUTION\n\s*(.*)\n\s*### END SOLUTION", cell.source).group(1)
                assert re.fullmatch(r"[A-D](, [A-D])*|\d+", answer), (form, cell.id, answer)


@pytest.mark.parametrize("value,expected", [(" b ", "B"), ("(c)", "C")])
def test_a_letter_is_read_kindly(value, expected):
    assert assessment.as_letter(value) == expected


@pytest.mark.parametrize("value,expected", [("a, c", ["A", "C"]), (("C", "A"), ["A", "C"]), ("CA", ["A", "C"])])
def test_letters_are_read_kindly(value, expected):
    assert assessment.as_letters(value) == expected


@pytest.mark.parametrize("value,expected", [(4, 4.0), ("1.500", 1500.0), ("1,500", 1500.0), (" 8 ", 8.0)])
def test_numbers_are_read_kindly(value, expected):
    assert assessment.as_number(value) == expected


@pytest.mark.parametrize("call", [lambda: assessment.letter(...), lambda: assessment.letter("E"),
                                  lambda: assessment.letters("A, A"), lambda: assessment.number("four"),
                                  lambda: assessment.number(13, 1, 12), lambda: assessment.letters([])])
def test_an_answer_of_the_wrong_form_gets_one_line_and_no_verdict(call):
    with pytest.raises(AssertionError) as caught:
        call()
    message = str(caught.value)
    assert "\n" not in message and "correct" not in message.lower()


# ----------------------------------------------------------------------------- nbgrader, end to end

def _submit(course: Path, form: str, student: str, master, answers: str) -> None:
    notebook = nbformat.read(course / "release" / form / f"{form}.ipynb", as_version=4)
    source = {c.id: c.source for c in master.cells}
    for cell in notebook.cells:
        if not cell.metadata.get("nbgrader", {}).get("solution"):
            continue
        if answers == "right" or (answers == "half" and cell.id in ("q1-answer", "q3-answer", "q5-answer")):
            cell.source = (re.sub(r"\s*### (BEGIN|END) SOLUTION", "", source[cell.id])
                           if cell.cell_type == "code" else "A written answer.")
        elif answers == "wrong" and cell.cell_type == "code":
            cell.source = cell.source.replace("...  #", "'Z'  #")  # a wrong form: scored 0, no error elsewhere
    folder = course / "submitted" / student / form
    folder.mkdir(parents=True)
    nbformat.write(notebook, folder / f"{form}.ipynb")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Generate both forms, submit for a generated class, autograde, export per item."""
    course = tmp_path_factory.mktemp("assessment-course")
    shutil.copytree(COURSE / "source", course / "source")
    shutil.copy(ROOT / "exercises" / "nbgrader_config.py", course / "nbgrader_config.py")
    students = {"s1": ("blank", "right"), "s2": ("half", "right"), "s3": ("wrong", "half")}
    for form in FORMS:
        _nbgrader(course, "generate_assignment", form, "--log-level=ERROR")
    for student, answers in students.items():
        for form, given in zip(FORMS, answers):
            _submit(course, form, student, _master(form), given)
    for form in FORMS:
        _nbgrader(course, "autograde", form, "--log-level=ERROR")
    _nbgrader(course, "export", "--exporter=critical_reading.assessment_export.ItemExporter",
              "--to", "item_grades.csv", "--log-level=ERROR")
    _nbgrader(course, "export", "--to", "grades.csv", "--log-level=ERROR")
    return course


def test_both_forms_autograde_on_a_generated_class(graded):
    items = read_grades(graded / "item_grades.csv")
    auto = items[items["grade_id"].str.endswith("-check")]
    score = auto.groupby(["student_id", "assignment"])["score"].sum().to_dict()
    assert score[("s1", "assessment-a")] == 0 and score[("s1", "assessment-b")] == 8
    assert score[("s2", "assessment-a")] == 3 and score[("s3", "assessment-b")] == 3
    assert score[("s3", "assessment-a")] == 0
    written = items[items["grade_id"].str.match(r"q(9|10)-answer")]
    assert len(written) == 12 and set(written["max_score"]) == {2.0}


def test_the_class_report_reads_the_real_exports(graded):
    items = read_grades(graded / "item_grades.csv")
    report = class_report(items, source="item_grades.csv")
    assert len(report.table) == len(assessment.SKILLS)
    chain = report.table.set_index("skill").loc[assessment.skill_name("chain")]
    assert chain["before (%)"] == pytest.approx(100 / 6) and chain["after (%)"] == pytest.approx(100 * 5 / 6)
    assert any("Not yet marked" in note for note in report.notes)
    totals = class_report(read_grades(graded / "grades.csv"), source="grades.csv")
    assert list(totals.table["skill"]) == ["Overall"] and any("one total per student" in n for n in totals.notes)


# ----------------------------------------------------------------------------- make class-report

def test_make_class_report_on_the_example_class(tmp_path):
    done = subprocess.run(["make", "--no-print-directory", "class-report", f"OUT={tmp_path}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "class-report.md").read_text(encoding="utf-8")
    table = pd.read_csv(tmp_path / "class-report.csv")
    assert len(table) == len(assessment.SKILLS) and (table["after (%)"] > table["before (%)"]).all()
    assert "**Chart description.**" in text and (tmp_path / "class-report.png").stat().st_size > 5000
    assert not re.search(r"student\d+", text), "no student ids without --names"


def test_names_only_on_request(tmp_path):
    grades = tmp_path / "items.csv"
    example_class(students=5).to_csv(grades, index=False)
    script = [sys.executable, str(ROOT / "scripts" / "class_report.py"), "--grades", str(grades)]
    subprocess.run([*script, "--out", str(tmp_path / "a")], check=True, capture_output=True)
    subprocess.run([*script, "--out", str(tmp_path / "b"), "--names"], check=True, capture_output=True)
    assert "student01" not in (tmp_path / "a" / "class-report.md").read_text(encoding="utf-8")
    assert "student01" in (tmp_path / "b" / "class-report.md").read_text(encoding="utf-8")


def test_a_bad_grades_file_gets_one_line(tmp_path):
    grades = tmp_path / "grades.csv"
    grades.write_text("assignment,student_id,score,max_score\nassessment-a,x,lots,12\n", encoding="utf-8")
    with pytest.raises(ReportError, match="line 2, column 'score'"):
        read_grades(grades)
    grades.write_text("assignment,student_id,score,max_score\nassessment-a,x,3,12\n", encoding="utf-8")
    with pytest.raises(ReportError, match="no rows for 'assessment-b'"):
        class_report(read_grades(grades), source="grades.csv")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "class_report.py"), "--grades",
                           str(tmp_path / "missing.csv")], capture_output=True, text=True)
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "does not exist" in done.stderr


def test_example_items_match_the_masters():
    items = item_skills()
    assert set(items["assignment"]) == set(FORMS) and len(items) == 20


# ----------------------------------------------------------------------------- the notebooks run

def _run(path: Path) -> nbformat.NotebookNode:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=180, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    asyncio.run(client.async_execute())
    return notebook


@pytest.mark.parametrize("form", FORMS)
def test_the_master_runs_clean_and_the_student_copy_says_not_answered(form):
    master = _run(COURSE / "source" / form / f"{form}.ipynb")
    errors = [o for c in master.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors[:1]
    copy = _run(COURSE / "release" / form / f"{form}.ipynb")
    for cell in _graded(copy):
        if cell.cell_type == "code":
            (error,) = [o for o in cell.outputs if o.output_type == "error"]
            assert error.ename == "NotAnswered", cell.id


def test_student_copies_match_their_masters():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "assessment_copies.py"), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
