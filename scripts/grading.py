#!/usr/bin/env python3
"""Grade the exercise sets, or the pre/post assessment, with nbgrader, one step at a time.

The exercise sets (docs/exercises.md explains each step), course folder ``exercises/``:

    make release     SET=01-close-reading   # register the set, put the student copy in the exchange
    make collect     SET=01-close-reading   # fetch what students submitted through the exchange
    make zip-collect SET=01-close-reading   # or: file an LMS download from exercises/downloaded/<SET>/archive/
    make autograde   SET=01-close-reading   # run every submission, score the checks
    make teach                              # JupyterLab in exercises/: the Formgrader, to mark written answers
    make feedback    SET=01-close-reading   # feedback HTML per student, hidden tests removed
                                            # (RETURN=1: also return it through the exchange)
    make grades                             # exercises/grades.csv and exercises/grades-lms.csv

The pre/post assessment (docs/assessment.md), course folder ``assessment/``, the same steps
with ``--course assessment``; ``FORM=A`` is ``assessment-a``:

    make assessment-release     FORM=A      # and the same for collect, zip-collect, autograde
    make assessment-teach                   # the Formgrader in assessment/: mark items 9 and 10
    make assessment-grades                  # grades.csv, grades-lms.csv and item_grades.csv (per item)
    make assessment-report                  # the per-skill pre/post class report (scripts/class_report.py)

The assessment has no feedback step: feedback shows which answers scored, and a class that sees
that after form A has been taught by the test before form B.

Each step runs nbgrader's own command in the course folder, with its ``nbgrader_config.py``,
with this environment's ``bin`` first on PATH (nbgrader needs it). ``--exchange PATH`` (or
NBGRADER_EXCHANGE) sets the exchange folder; ``--course-dir`` another course folder (the tests
use a copy). A step that cannot do anything yet (no submissions, a form not released, nothing
graded) says so in one line, naming the command to run first, and exits with status 1.

``grades`` writes nbgrader's ``grades.csv`` and, beside it, ``grades-lms.csv``: one row per
student and set with the columns ``student_id,assignment,score,max_score``, which a learning
management system's grade import reads.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LMS_COLUMNS = ("student_id", "assignment", "score", "max_score")
ITEM_EXPORTER = "critical_reading.assessment_export.ItemExporter"
# nbgrader warns that a check cell's checksum "has changed" for every cell with hidden tests: the
# student copy never held them, the autograder puts them back. The warning is expected, not tampering.
FALSE_WARNING = "has changed!"


@dataclass(frozen=True)
class Course:
    """One of the repository's nbgrader courses, and how a teacher names its parts at the make prompt."""

    folder: str  #: its folder (also the ``--course`` value): exercises, assessment
    course_id: str  #: ``CourseDirectory.course_id`` of its nbgrader_config.py (a test keeps them equal)
    thing: str  #: what one assignment is called: set, form
    variable: str  #: the make variable that names one: SET, FORM
    prefix: str = ""  #: of its make targets: "" (make release), "assessment-" (make assessment-release)
    short: str = ""  #: ``FORM=A`` stands for ``<short>a``
    feedback: bool = True  #: has a feedback step
    item_grades: bool = False  #: grades also writes item_grades.csv, and there is a report step

    def shown(self, name: str) -> str:
        """An assignment as the teacher types it: ``assessment-a`` -> ``A``."""
        return name.removeprefix(self.short).upper() if self.short and name.startswith(self.short) else name

    def make(self, step: str, name: str | None = None, placeholder: str = "") -> str:
        """The make command of a step, e.g. ``make assessment-autograde FORM=A``."""
        target = self.prefix + {"export": "grades"}.get(step, step)
        value = self.shown(name) if name else placeholder
        return f"make {target}" + (f" {self.variable}={value}" if value else "")


COURSES = {course.folder: course for course in (
    Course("exercises", "critical-reading", "set", "SET"),
    Course("assessment", "critical-reading-assessment", "form", "FORM", prefix="assessment-", short="assessment-",
           feedback=False, item_grades=True),
)}


class GradingError(RuntimeError):
    """A step cannot go on; the message says why, and what to run first, in one line."""


class NbgraderFailed(GradingError):
    """An nbgrader command failed: the message gives its last lines, ``reason`` the one that says why."""

    def __init__(self, args: tuple[str, ...], lines: list[str]):
        self.log, self.reason = "\n".join(lines), _reason(lines)
        super().__init__(f"nbgrader {' '.join(args)} failed: {self.reason}\n" + "\n".join(lines[-25:]))


def _reason(lines: list[str]) -> str:
    """The line of an nbgrader log that says why it failed, without the log's prefix."""
    for pattern in (r"\| CRITICAL\] (.+)", r"^(\w+(?:Error|Exception): .+)", r"\| ERROR\] (?!nbgrader \w+ failed)(.+)"):
        found = [match.group(1).strip() for line in lines if (match := re.search(pattern, line))]
        if found:
            return found[-1]
    return lines[-1].strip() if lines else "no message"


def nbgrader(course_dir: Path, *args: str, exchange: str | None = None) -> str:
    """Run ``nbgrader ARGS`` in ``course_dir``; return its log without the false checksum warnings."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    if exchange:  # nbgrader runs inside the course folder: a relative path is the caller's
        env["NBGRADER_EXCHANGE"] = str(Path(exchange).resolve())
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course_dir, env=env,
                            capture_output=True, text=True)
    lines = (result.stdout + result.stderr).splitlines()
    hidden = [line for line in lines if FALSE_WARNING in line and "ecksum" in line]
    shown = [line for line in lines if line not in hidden]
    if result.returncode != 0:
        raise NbgraderFailed(args, shown)
    if hidden:
        shown.append(f"(left out {len(hidden)} 'checksum has changed' warnings: expected for check cells "
                     "with hidden tests, see docs/exercises.md)")
    return "\n".join(shown)


def _where(path: Path) -> str:
    """``path`` as the teacher sees it from the repository's top folder."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def gradebook(course_dir: Path) -> dict[str, int]:
    """The assignments recorded in the course's gradebook, each with its number of graded submissions.

    Read-only: nbgrader's own ``Gradebook`` would add a course to the file."""
    path = course_dir / "gradebook.db"
    if not path.exists():
        return {}
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
        try:
            rows = db.execute("SELECT a.name, COUNT(s.id) FROM assignment a LEFT JOIN submitted_assignment s "
                              "ON s.assignment_id = a.id GROUP BY a.name").fetchall()
        except sqlite3.DatabaseError:  # created but never written, or not nbgrader's
            return {}
    return dict(rows)


def lms_rows(grades_csv: Path) -> list[dict[str, str]]:
    """The LMS import rows (student_id, assignment, score, max_score) of nbgrader's grades.csv."""
    with grades_csv.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    number = lambda text: f"{float(text or 0):g}"  # noqa: E731 -- 7.0 -> "7", 6.5 -> "6.5"
    return [{"student_id": row["student_id"], "assignment": row["assignment"],
             "score": number(row["score"]), "max_score": number(row["max_score"])}
            for row in sorted(rows, key=lambda row: (row["assignment"], row["student_id"]))]


def export(course_dir: Path, course: Course = COURSES["exercises"]) -> list[Path]:
    """Write grades.csv (nbgrader export) and grades-lms.csv in ``course_dir``, and, for a course
    with ``item_grades``, item_grades.csv (one row per student and graded item); return their paths."""
    if not any(gradebook(course_dir).values()):
        raise GradingError(f"nothing graded yet in {_where(course_dir)}/: run "
                           f"{course.make('autograde', placeholder=_choices(course, course_dir))} first")
    grades = course_dir / "grades.csv"
    nbgrader(course_dir, "export", f"--CsvExportPlugin.to={grades.name}")
    lms = course_dir / "grades-lms.csv"
    with lms.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=LMS_COLUMNS)
        writer.writeheader()
        writer.writerows(lms_rows(grades))
    written = [grades, lms]
    if course.item_grades:
        items = course_dir / "item_grades.csv"
        nbgrader(course_dir, "export", f"--exporter={ITEM_EXPORTER}", "--to", items.name)
        written.append(items)
    return written


def release_feedback(course_dir: Path, assignment: str, exchange: str | None) -> str:
    """Return the feedback through the exchange to the students who submitted through it.

    A notebook collected from an LMS download has no submission time stamp, and nbgrader's
    ``release_feedback`` stops at the first such student; those students get their HTML file
    another way, and the log names them."""
    folders = sorted((course_dir / "feedback").glob(f"*/{assignment}"))
    through_exchange = [f.parent.name for f in folders if (f / "timestamp.txt").exists()]
    other = [f.parent.name for f in folders if f.parent.name not in through_exchange]
    if not other:
        return nbgrader(course_dir, "release_feedback", assignment, exchange=exchange)
    log = [nbgrader(course_dir, "release_feedback", assignment, f"--student={student}", exchange=exchange)
           for student in through_exchange]
    log.append(f"not returned through the exchange (handed in another way; send them their HTML file from "
               f"feedback/): {', '.join(other)}")
    return "\n".join(log)


STEPS: dict[str, list[list[str]]] = {
    # generate_assignment registers the set (and its hidden tests) in the gradebook; it rewrites
    # release/<SET>/ with exactly the committed student copy. (Without --force it skips a set whose
    # release/ folder exists, as every committed one does, and records nothing.)
    "release": [["generate_assignment", "{set}", "--force"], ["release_assignment", "{set}", "--force"]],
    "collect": [["collect", "{set}", "--update"]],
    "zip-collect": [["zip_collect", "{set}", "--force"]],
    "autograde": [["autograde", "{set}", "--create"]],
    "feedback": [["generate_feedback", "{set}", "--force"]],
}


def _choices(course: Course, course_dir: Path) -> str:
    shown = [course.shown(p.name) for p in sorted((course_dir / "source").iterdir()) if p.is_dir()]
    return "<" + (" or ".join(shown) if len(shown) <= 2 else "one of " + ", ".join(shown)) + ">"


def assignment(course: Course, course_dir: Path, given: str | None) -> str:
    """The folder name of the set or form the teacher gave (``A`` -> ``assessment-a``), or one line why not."""
    names = sorted(p.name for p in (course_dir / "source").iterdir() if p.is_dir())
    for name in ([given, course.short + given.lower()] if given else []):
        if name in names:
            return name
    wrong_course = [other for other in COURSES.values() if other is not course and given
                    and any((ROOT / other.folder / "source" / name).is_dir() for name in (given, other.short + given.lower()))]
    if wrong_course:
        other = wrong_course[0]
        raise GradingError(f"{given} is a {other.thing} of {other.folder}/, not a {course.thing}: "
                           f"use {other.make('STEP', given).replace('STEP', '<step>')}")
    got = f" (got {given!r})" if given else ""
    raise GradingError(f"give the {course.thing}: {course.variable}={_choices(course, course_dir)}{got}")


def check_ready(step: str, course: Course, course_dir: Path, name: str) -> None:
    """Stop, in one line, a step that has nothing to work on yet."""
    if step == "feedback" and not course.feedback:
        raise GradingError(f"the {course.folder} has no feedback step: a student who sees which answers scored "
                           "learns from the test itself (see docs/assessment.md)")
    if step == "zip-collect":
        archive = course_dir / "downloaded" / name / "archive"
        if not archive.is_dir() or not any(p.is_file() for p in archive.rglob("*")):
            notebooks = ", ".join(p.name for p in sorted((course_dir / "release" / name).glob("*.ipynb")))
            raise GradingError(f"nothing to file: put the students' notebooks (or the .zip from your LMS) in "
                               f"{_where(archive)}/ first, each named <student id>_{notebooks or '<notebook>'}")
    if step == "autograde":
        if name not in gradebook(course_dir):
            raise GradingError(f"{name} is not in the gradebook yet: run {course.make('release', name)} first "
                               f"(it records the {course.thing} and its hidden tests)")
        if not list((course_dir / "submitted").glob(f"*/{name}")):
            raise GradingError(f"no submissions of {name} yet in {_where(course_dir / 'submitted')}/: run "
                               f"{course.make('collect', name)} (exchange) or {course.make('zip-collect', name)} "
                               "(LMS, e-mail) first")
    if step == "feedback" and not list((course_dir / "autograded").glob(f"*/{name}")):
        raise GradingError(f"nothing autograded for {name} yet: run {course.make('autograde', name)} first")


def run_step(step: str, course: Course, course_dir: Path, name: str, exchange: str | None) -> None:
    """Run one step's nbgrader commands, printing their logs; a foreseeable failure becomes one line."""
    for command in STEPS[step]:
        args = [part.format(set=name) for part in command]
        try:
            log = nbgrader(course_dir, *args, exchange=exchange)
        except NbgraderFailed as failed:
            where = exchange or "set in nbgrader_config.py (default /srv/nbgrader/exchange)"
            if step == "collect" and "Course not found" in failed.log:
                log = "No submissions of"  # the course's inbox in the exchange does not exist yet
            elif step == "collect" and "Unwritable directory" in failed.log:
                raise GradingError(f"nothing to collect: the exchange folder ({where}) does not exist or cannot be "
                                   "read; set EXCHANGE= to the folder students submit to, or, for notebooks from your "
                                   f"LMS or e-mail, use {course.make('zip-collect', name)}") from None
            elif step == "release" and args[0] == "release_assignment":
                line = (f"recorded {name} in the gradebook (all autograde needs), but did not put it in the exchange "
                        f"({where}): {failed.reason}. Without an exchange, give students "
                        f"{_where(course_dir / 'release' / name)}/ another way (link, LMS); to use one, set "
                        "EXCHANGE=/a/folder/you/can/write, or ask the hub's administrator to create it")
                if exchange:
                    raise GradingError(line) from None
                print(f"note: {line}")
                continue
            else:
                raise
        if step == "collect" and "No submissions of" in log:
            raise GradingError(f"nothing to collect: nobody has submitted {name} through the exchange yet "
                               f"(students type `nbgrader submit {name} --course {course.course_id}`); for notebooks "
                               f"from your LMS or e-mail, use {course.make('zip-collect', name)}")
        print(log)


def report(course: Course, course_dir: Path, out: Path | None, names: bool) -> int:
    """The class report (scripts/class_report.py) of the course's item_grades.csv."""
    if not course.item_grades:
        raise GradingError(f"the {course.folder} has no class report")
    items = course_dir / "item_grades.csv"
    if not items.exists():
        raise GradingError(f"no grades to report on yet ({_where(items)}): run {course.make('export')} first")
    with items.open(newline="", encoding="utf-8") as handle:
        graded = {row["assignment"] for row in csv.DictReader(handle)}
    sys.path.insert(0, str(ROOT / "scripts"))
    import class_report

    pre, post = (course.shown(form) for form in (class_report.PRE, class_report.POST))
    missing = [form for form in (class_report.PRE, class_report.POST) if form not in graded]
    if missing:
        raise GradingError(f"the report compares form {pre} (before) with form {post} (after), and {_where(items)} has "
                           f"no grades of form {' or '.join(course.shown(f) for f in missing)} yet: after "
                           f"{course.make('autograde', missing[-1])}, run {course.make('export')} again")
    return class_report.main(["--grades", str(items), *(["--out", str(out)] if out else []), *(["--names"] if names else [])])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=[*STEPS, "export", "report"])
    parser.add_argument("set", nargs="?", help="the exercise set (01-close-reading) or the assessment's form (A or B)")
    parser.add_argument("--course", choices=COURSES, default="exercises", help="default: exercises")
    parser.add_argument("--course-dir", type=Path, help="the course folder (default: the --course's own)")
    parser.add_argument("--exchange", default=os.environ.get("NBGRADER_EXCHANGE"),
                        help="the exchange folder (default: the course's nbgrader_config.py's)")
    parser.add_argument("--release-feedback", action="store_true",
                        help="with feedback: also return it to students through the exchange")
    parser.add_argument("--out", type=Path, help="with report: the folder for it (default artifacts/class-report/)")
    parser.add_argument("--names", action="store_true", help="with report: add each student's results (keep private)")
    args = parser.parse_intermixed_args(argv)
    course = COURSES[args.course]
    course_dir = (args.course_dir or ROOT / course.folder).resolve()
    try:
        if args.step == "export":
            for path in export(course_dir, course):
                print(f"wrote {path}")
            return 0
        if args.step == "report":
            return report(course, course_dir, args.out, args.names)
        name = assignment(course, course_dir, args.set)
        if args.release_feedback and args.step != "feedback":
            raise GradingError("--release-feedback goes with the feedback step only")
        check_ready(args.step, course, course_dir, name)
        run_step(args.step, course, course_dir, name, args.exchange)
        if args.release_feedback:
            print(release_feedback(course_dir, name, args.exchange))
    except GradingError as error:
        print(f"grading.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
