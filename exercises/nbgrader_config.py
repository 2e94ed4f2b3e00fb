"""nbgrader configuration for the course's exercises: this folder is an nbgrader course directory.

    exercises/
        nbgrader_config.py      this file
        source/<assignment>/    the masters: solutions, hidden tests, points (teachers only)
        release/<assignment>/   the student copies, generated from the masters (committed)

Run nbgrader commands from this folder (``cd exercises``). To regenerate the committed student
copies, use ``scripts/generate_student_copies.py`` (``make student-copies``), which runs
``nbgrader generate_assignment`` with this file in a temporary copy, so that no gradebook or log
lands in the repository. See docs/exercises.md.

Everything that shapes the student copies is set here explicitly, so that a teacher's own
nbgrader settings elsewhere do not change what is generated.
"""

c = get_config()  # noqa: F821 -- provided by nbgrader when it loads this file

c.CourseDirectory.course_id = "critical-reading"

# An unanswered question assigns the stub ``...`` (Ellipsis) inside the answer's brackets, so the
# check cell below it says "Not answered yet: …" in one line instead of raising NotImplementedError.
c.ClearSolutions.code_stub = {"python": "...  # YOUR ANSWER HERE: replace the three dots with your answer"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE (double-click to write; Shift-Enter when done)"
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
c.ClearHiddenTests.begin_test_delimeter = "BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "END HIDDEN TESTS"

# No header or footer notebook; prose, set-up and answers keep nbgrader's default locks.
c.IncludeHeaderFooter.header = ""
c.IncludeHeaderFooter.footer = ""
c.LockCells.lock_solution_cells = True
c.LockCells.lock_grade_cells = True
c.LockCells.lock_readonly_cells = True
c.LockCells.lock_all_cells = False

# Validation and autograding: a check cell loads the tables once; two minutes is generous.
c.Execute.timeout = 120

# --- Grading (docs/exercises.md, scripts/grading.py) ------------------------------------------

# The exchange: where `release_assignment` puts the student copies and students `submit`. nbgrader's
# default is /srv/nbgrader/exchange (on a hub its administrator creates it, writable by everyone);
# set NBGRADER_EXCHANGE to use another folder. Students need the same root and the course id
# (`--course critical-reading`) in their own nbgrader settings: see docs/exercises.md.
import os  # noqa: E402
import re  # noqa: E402

c.Exchange.root = os.environ.get("NBGRADER_EXCHANGE", "/srv/nbgrader/exchange")

# zip_collect: notebooks downloaded from a learning management system, in
# downloaded/<assignment>/archive/ (loose, or in .zip files), named
#     <student id>_<notebook name>.ipynb                e.g. ana_01-close-reading-exercises.ipynb
#     <student id>_<anything>_<notebook name>.ipynb     e.g. Canvas: ana_1234_5678_01-close-reading-exercises.ipynb
# The student id is the part before the first "_"; a browser's " (1)" copy suffix is ignored.
c.FileNameCollectorPlugin.named_regexp = (
    r".*/(?P<student_id>[^/_]+)_(?:[^/]*_)?(?P<file_id>[^/_]+?)(?: ?\(\d+\))?\.ipynb$")


def _feedback_preprocessors():
    """Feedback without the hidden tests: nbgrader's own feedback copies every cell as autograded,
    hidden tests included, and a failed hidden test's traceback quotes its code. Both would give
    the answers away, so the feedback shows the visible check and its result only."""
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import GetGrades, NbGraderPreprocessor

    hidden = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[ \t]*\n?", re.S | re.M)
    ansi = re.compile(r"\x1b\[[0-9;]*m")

    class RemoveHiddenTests(NbGraderPreprocessor):
        """Remove hidden tests, and any error message quoting them, from a feedback notebook."""

        def preprocess_cell(self, cell, resources, index):
            if cell.cell_type != "code" or "BEGIN HIDDEN TESTS" not in cell.source:
                return cell, resources
            test_lines = {line.strip() for block in hidden.findall(cell.source)
                          for line in block.splitlines() if line.strip() and "HIDDEN TESTS" not in line}
            cell.source = hidden.sub("", cell.source).rstrip()
            for output in cell.get("outputs", []):
                if output.get("output_type") != "error":
                    continue
                shown = ansi.sub("", "\n".join(output.get("traceback", [])) + "\n" + str(output.get("evalue", "")))
                if any(line in shown for line in test_lines):
                    output.evalue = "a hidden test did not pass (hidden tests are not shown)"
                    output.traceback = [f"{output.ename}: {output.evalue}"]
            return cell, resources

    return [GetGrades, RemoveHiddenTests, CSSHTMLHeaderPreprocessor]


c.GenerateFeedback.preprocessors = _feedback_preprocessors()
