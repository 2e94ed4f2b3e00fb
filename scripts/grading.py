#!/usr/bin/env python3
"""Grade the exercise sets with nbgrader, one step at a time (docs/exercises.md explains each).

    make release     SET=01-close-reading   # register the set, put the student copy in the exchange
    make collect     SET=01-close-reading   # fetch what students submitted through the exchange
    make zip-collect SET=01-close-reading   # or: file an LMS download from exercises/downloaded/<SET>/archive/
    make autograde   SET=01-close-reading   # run every submission, score the checks
    make teach                              # JupyterLab in exercises/: the Formgrader, to mark written answers
    make feedback    SET=01-close-reading   # feedback HTML per student, hidden tests removed
                                            # (RETURN=1: also return it through the exchange)
    make grades                             # exercises/grades.csv and exercises/grades-lms.csv

Each step runs nbgrader's own command in the course directory (``exercises/``) with
``exercises/nbgrader_config.py``, with this environment's ``bin`` first on PATH (nbgrader needs
it). ``--exchange PATH`` (or NBGRADER_EXCHANGE) sets the exchange folder; ``--course-dir`` another
course directory (the tests use a copy).

``grades`` writes nbgrader's ``grades.csv`` and, beside it, ``grades-lms.csv``: one row per
student and set with the columns ``student_id,assignment,score,max_score``, which a learning
management system's grade import reads.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COURSE_DIR = ROOT / "exercises"
LMS_COLUMNS = ("student_id", "assignment", "score", "max_score")
# nbgrader warns that a check cell's checksum "has changed" for every cell with hidden tests: the
# student copy never held them, the autograder puts them back. The warning is expected, not tampering.
FALSE_WARNING = "has changed!"


class GradingError(RuntimeError):
    """An nbgrader step failed; the message gives its last lines."""


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
        raise GradingError(f"nbgrader {' '.join(args)} failed:\n" + "\n".join(shown[-25:]))
    if hidden:
        shown.append(f"(left out {len(hidden)} 'checksum has changed' warnings: expected for check cells "
                     "with hidden tests, see docs/exercises.md)")
    return "\n".join(shown)


def lms_rows(grades_csv: Path) -> list[dict[str, str]]:
    """The LMS import rows (student_id, assignment, score, max_score) of nbgrader's grades.csv."""
    with grades_csv.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    number = lambda text: f"{float(text or 0):g}"  # noqa: E731 -- 7.0 -> "7", 6.5 -> "6.5"
    return [{"student_id": row["student_id"], "assignment": row["assignment"],
             "score": number(row["score"]), "max_score": number(row["max_score"])}
            for row in sorted(rows, key=lambda row: (row["assignment"], row["student_id"]))]


def export(course_dir: Path) -> tuple[Path, Path]:
    """Write grades.csv (nbgrader export) and grades-lms.csv in ``course_dir``; return both paths."""
    grades = course_dir / "grades.csv"
    nbgrader(course_dir, "export", f"--CsvExportPlugin.to={grades.name}")
    lms = course_dir / "grades-lms.csv"
    with lms.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=LMS_COLUMNS)
        writer.writeheader()
        writer.writerows(lms_rows(grades))
    return grades, lms


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
    # release/<SET>/ with exactly the committed student copy.
    "release": [["generate_assignment", "{set}", "--force"], ["release_assignment", "{set}", "--force"]],
    "collect": [["collect", "{set}", "--update"]],
    "zip-collect": [["zip_collect", "{set}", "--force"]],
    "autograde": [["autograde", "{set}", "--create"]],
    "feedback": [["generate_feedback", "{set}", "--force"]],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=[*STEPS, "export"])
    parser.add_argument("set", nargs="?", help="the exercise set, e.g. 01-close-reading")
    parser.add_argument("--course-dir", type=Path, default=COURSE_DIR, help="default: exercises/")
    parser.add_argument("--exchange", default=os.environ.get("NBGRADER_EXCHANGE"),
                        help="the exchange folder (default: exercises/nbgrader_config.py's)")
    parser.add_argument("--release-feedback", action="store_true",
                        help="with feedback: also return it to students through the exchange")
    args = parser.parse_intermixed_args(argv)
    course_dir = args.course_dir.resolve()
    try:
        if args.step == "export":
            for path in export(course_dir):
                print(f"wrote {path}")
            return 0
        sets = sorted(p.name for p in (course_dir / "source").iterdir() if p.is_dir())
        if args.set not in sets:
            raise GradingError(f"give the set: SET=<one of {', '.join(sets)}> (got {args.set!r})")
        if args.release_feedback and args.step != "feedback":
            raise GradingError("--release-feedback goes with the feedback step only")
        for command in STEPS[args.step]:
            print(nbgrader(course_dir, *[part.format(set=args.set) for part in command], exchange=args.exchange))
        if args.release_feedback:
            print(release_feedback(course_dir, args.set, args.exchange))
    except GradingError as error:
        print(f"grading.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
