"""nbgrader configuration of the pre/post assessment: this folder is an nbgrader course directory.

    assessment/
        nbgrader_config.py          this file: the exercises' settings, unchanged
        source/assessment-a/        form A (before lesson 00): answers, hidden tests, rubrics
        source/assessment-b/        form B (after the last lesson)
        release/assessment-?/       the student copies (make assessment-copies)

Run nbgrader commands from this folder (``cd assessment``); see docs/assessment.md.
"""

import os

c = get_config()  # noqa: F821 -- provided by nbgrader when it loads this file
load_subconfig(os.path.join(os.path.dirname(__file__), "..", "exercises", "nbgrader_config.py"))  # noqa: F821
c.CourseDirectory.course_id = "critical-reading-assessment"
