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
