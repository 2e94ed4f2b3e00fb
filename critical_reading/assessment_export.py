"""An nbgrader exporter that writes one row per student and graded item (nbgrader's own has totals).

``nbgrader export`` writes ``grades.csv`` with one row per student and assignment: the total
score only, which cannot say which skills a class gained. Run, from ``assessment/``::

    nbgrader export --exporter=critical_reading.assessment_export.ItemExporter --to item_grades.csv

to get ``assignment, student_id, notebook, grade_id, score, max_score, needs_manual_grade``, the
input of ``make class-report``. It writes no names or e-mail addresses, only the ids nbgrader
knows the students by. Needs nbgrader (a teacher tool, in requirements-dev.txt).
"""

from __future__ import annotations

import csv

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import ExportPlugin

COLUMNS = ("assignment", "student_id", "notebook", "grade_id", "score", "max_score", "needs_manual_grade")


class ItemExporter(ExportPlugin):
    """Per-item grades: one CSV row for each graded cell of each submission."""

    def export(self, gradebook: Gradebook) -> None:
        destination = self.to or "item_grades.csv"
        wanted_assignments = {str(a) for a in self.assignment}
        wanted_students = {str(s) for s in self.student}
        with open(destination, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(COLUMNS)
            for assignment in gradebook.assignments:
                if wanted_assignments and assignment.name not in wanted_assignments:
                    continue
                for student in gradebook.students:
                    if wanted_students and student.id not in wanted_students:
                        continue
                    try:
                        submission = gradebook.find_submission(assignment.name, student.id)
                    except MissingEntry:
                        continue  # not taken: left out, not scored 0
                    for notebook in submission.notebooks:
                        for grade in sorted(notebook.grades, key=lambda g: g.name):
                            writer.writerow([assignment.name, student.id, notebook.name, grade.name,
                                             grade.score, grade.max_score, grade.needs_manual_grade])
        self.log.info("Exported per-item grades to %s", destination)
