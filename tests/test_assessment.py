"""The pre/post assessment: parallel forms, clean runs, a real nbgrader round trip, the class report."""

import asyncio
import csv
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

from .conftest import script

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "assessment"
COURSE_ID = "critical-reading-assessment"
FORMS = ("assessment-a", "assessment-b")
SCRIPT = ROOT / "scripts" / "grading.py"


def _master(form: str) -> nbformat.NotebookNode:
    return nbformat.read(COURSE / "source" / form / f"{form}.ipynb", as_version=4)


def _graded(notebook) -> list:
    return [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade")]


def _env(workdir: Path, exchange: Path) -> dict[str, str]:
    """The environment of a teacher's or a student's nbgrader: no user settings, this environment's bin first."""
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(workdir / "jupyter-config"), NBGRADER_EXCHANGE=str(exchange))
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return env


def _call(*args: str, cwd: Path, env: dict[str, str], ok: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert (result.returncode == 0) == ok, f"{args}:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result


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

def _answered(copy: Path, master, answers: str) -> nbformat.NotebookNode:
    """The student copy ``copy`` with the master's answers ("right"), three of them ("half"), answers
    of a wrong form ("wrong") or none ("blank")."""
    notebook = nbformat.read(copy, as_version=4)
    source = {c.id: c.source for c in master.cells}
    for cell in notebook.cells:
        if not cell.metadata.get("nbgrader", {}).get("solution"):
            continue
        if answers == "right" or (answers == "half" and cell.id in ("q1-answer", "q3-answer", "q5-answer")):
            cell.source = (re.sub(r"\s*### (BEGIN|END) SOLUTION", "", source[cell.id])
                           if cell.cell_type == "code" else "A written answer.")
        elif answers == "wrong" and cell.cell_type == "code":
            cell.source = cell.source.replace("...  #", "'Z'  #")  # a wrong form: scored 0, no error elsewhere
    return notebook


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A generated class takes both forms, and the teacher grades them with the make targets' own steps
    (scripts/grading.py --course assessment, as make assessment-… runs it): release both forms (into an
    exchange), zip-collect form A's notebooks downloaded from the LMS, autograde, grades (per item too).
    The assessment's one nbgrader round trip; the exchange's collect is the exercises' (test_grading.py)."""
    tmp = tmp_path_factory.mktemp("assessment-course")
    course, exchange = tmp / "assessment", tmp / "exchange"
    shutil.copytree(COURSE, course, ignore=shutil.ignore_patterns(
        "gradebook.db", "submitted", "autograded", "feedback", "downloaded", "exchange", "*.csv", ".*"))
    (tmp / "exercises").mkdir()  # assessment/nbgrader_config.py loads the exercises' settings from ../exercises
    shutil.copy(ROOT / "exercises" / "nbgrader_config.py", tmp / "exercises" / "nbgrader_config.py")
    env = _env(tmp, exchange)
    students = {"s1": ("blank", "right"), "s2": ("half", "right"), "s3": ("wrong", "half")}
    for student, answers in students.items():
        for form, given in zip(FORMS, answers):
            folder = course / "downloaded" / form / "archive"  # form A: downloaded from the LMS, zip-collected
            name = f"{student}_{form}.ipynb" if student != "s2" else f"{student}_4410_{form} (1).ipynb"  # LMS, browser
            if form == "assessment-b":  # form B: put in place by hand (saves an nbgrader run; the filing is form A's)
                folder, name = course / "submitted" / student / form, f"{form}.ipynb"
            folder.mkdir(parents=True, exist_ok=True)
            copy = course / "release" / form / f"{form}.ipynb"
            nbformat.write(_answered(copy, _master(form), given), folder / name)
    for step, form in (("release", "A"), ("release", "b"), ("zip-collect", "A"), ("autograde", "A"), ("autograde", "B"),
                       ("export", None)):
        _call(sys.executable, str(SCRIPT), "--course", "assessment", "--course-dir", str(course), step,
              *([form] if form else []), cwd=ROOT, env=env)
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


def test_the_teachers_steps_take_both_forms_from_release_to_grades(graded):
    assert (graded.parent / "exchange" / COURSE_ID / "outbound" / "assessment-b" / "assessment-b.ipynb").exists()
    for form in FORMS:
        assert sorted(p.parent.name for p in graded.glob(f"submitted/*/{form}")) == ["s1", "s2", "s3"]
    with (graded / "grades-lms.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["student_id", "assignment", "score", "max_score"]
    assert [row[:2] for row in rows[1:]] == [[s, f] for f in FORMS for s in ("s1", "s2", "s3")]
    assert {row[3] for row in rows[1:]} == {"12"}


def test_make_assessment_report_writes_the_class_report(graded, tmp_path, capsys):
    argv = ["--course", "assessment", "--course-dir", str(graded), "report", "--out", str(tmp_path)]
    assert script("grading").main(argv) == 0, capsys.readouterr().err
    assert "3 students took both" in (tmp_path / "class-report.md").read_text(encoding="utf-8")
    assert not re.search(r"\bs\d\b", (tmp_path / "class-report.md").read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- the make targets, without nbgrader

TARGETS = ("assessment-release", "assessment-collect", "assessment-zip-collect", "assessment-autograde",
           "assessment-teach", "assessment-grades", "assessment-report")


def _make(*args: str) -> subprocess.CompletedProcess:
    """make in the course folder with this environment, never rebuilding it; no outer make's flags."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    return subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", f"BIN={Path(sys.executable).parent}",
                           *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_each_assessment_target_runs_its_grading_step_for_the_assessment():
    dry = {target: _make("-n", target, "FORM=A").stdout for target in TARGETS}
    for step in ("release", "collect", "zip-collect", "autograde"):
        assert re.search(rf"scripts/grading\.py +--course assessment {step} A$", dry[f"assessment-{step}"], re.M), step
    assert re.search(r"scripts/grading\.py +--course assessment export$", dry["assessment-grades"], re.M)
    assert re.search(r"scripts/grading\.py +--course assessment report +$", dry["assessment-report"], re.M)
    assert '--course assessment report --out "x" --names' in _make("-n", "assessment-report", "OUT=x", "NAMES=1").stdout
    assert f"--exchange {ROOT}/ex " in _make("-n", "assessment-collect", "FORM=A", "EXCHANGE=ex").stdout
    teach = dry["assessment-teach"]
    assert "cd assessment &&" in teach and "--LabApp.default_url=/lab/tree/assessment" in teach
    assert "cd exercises &&" in _make("-n", "teach").stdout


def test_a_target_given_no_form_says_so_in_one_line():
    done = _make("assessment-autograde")
    lines = [line for line in (done.stdout + done.stderr).splitlines() if not line.startswith("make: ***")]
    assert done.returncode != 0 and lines == ["grading.py: give the form: FORM=<A or B>"]


@pytest.fixture
def untouched(tmp_path):
    """The assessment's course folder as committed: nothing released, collected or graded yet."""
    course = tmp_path / "assessment"
    for folder in ("source", "release"):
        shutil.copytree(COURSE / folder, course / folder)
    return course


def _says(course: Path, capsys, *argv: str) -> str:
    """What the step prints, checked to be one line on a failing exit."""
    code = script("grading").main(["--course", "assessment", "--course-dir", str(course), *argv])
    said = capsys.readouterr().err
    assert code == 1 and said.count("\n") == 1 and said.startswith("grading.py: "), said
    return said


@pytest.mark.parametrize("argv,expected", [
    (["autograde", "C"], "give the form: FORM=<A or B> (got 'C')"),
    (["autograde", "a"], "assessment-a is not in the gradebook yet: run make assessment-release FORM=A first"),
    (["zip-collect", "B"], "downloaded/assessment-b/archive/ first, each named <student id>_assessment-b.ipynb"),
    (["export"], "nothing graded yet in "),
    (["report"], "no grades to report on yet"),
    (["feedback", "A"], "no feedback step"),
    (["autograde", "01-close-reading"], "01-close-reading is a set of exercises/, not a form: use make <step> SET="),
])
def test_a_step_with_nothing_to_work_on_says_what_to_run_first(untouched, capsys, argv, expected):
    assert expected in _says(untouched, capsys, *argv)


def test_autograde_before_any_submission_and_a_report_before_form_b(untouched, capsys, monkeypatch):
    from nbgrader.api import Gradebook

    monkeypatch.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))  # its alembic
    with Gradebook(f"sqlite:///{untouched / 'gradebook.db'}", course_id=COURSE_ID) as book:
        book.add_assignment("assessment-a")  # what make assessment-release FORM=A records
    said = _says(untouched, capsys, "autograde", "A")
    assert "no submissions of assessment-a yet" in said
    assert "make assessment-collect FORM=A (exchange) or make assessment-zip-collect FORM=A (LMS, e-mail) first" in said
    assert "nothing graded yet" in _says(untouched, capsys, "export")
    example_class(students=3)[lambda f: f["assignment"] == "assessment-a"].to_csv(untouched / "item_grades.csv", index=False)
    said = _says(untouched, capsys, "report")
    assert "no grades of form B yet: after make assessment-autograde FORM=B, run make assessment-grades again" in said


def test_the_guide_gives_the_targets_and_the_course_id_is_the_configs():
    doc = (ROOT / "docs" / "assessment.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in TARGETS:
        assert re.search(rf"^[\w -]*\b{target}\b[\w -]*:", makefile, re.M), f"no make target {target}"
        assert f"make {target}" in doc, target
    for step in ("release", "collect", "zip-collect", "autograde"):
        assert f"make assessment-{step} FORM=A" in doc, step
    config = (COURSE / "nbgrader_config.py").read_text(encoding="utf-8")
    assert f'course_id = "{COURSE_ID}"' in config and script("grading").COURSES["assessment"].course_id == COURSE_ID
    assert f"--course {COURSE_ID}" in doc


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
