"""Every lesson fits one 45-minute class period for a student with no Python (issue #12).

The model is scripts/lesson_time.py (its docstring states it); `make benchmark` prints each
lesson's estimate next to its stated time. The capstone, a project over several periods, is
not a lesson and has no such budget.
"""

from __future__ import annotations

import pytest

from .conftest import ROOT, script

lesson_time = script("lesson_time")

LESSONS = [p for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]*.ipynb")) if "capstone" not in p.name]
SLACK = 1.1  # "about" 1,500 words and "about" 20 code cells


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_the_lesson_fits_a_class_period(path):
    m = lesson_time.measure(path)
    assert m.stated is not None, f"{path.name}: no '**Time**' with 'About N minutes' in its header"
    assert m.stated <= lesson_time.BUDGET_MINUTES, f"{path.name} states {m.stated} minutes"
    assert m.words <= lesson_time.BUDGET_WORDS * SLACK, f"{path.name}: {m.words} words of prose"
    assert m.code_cells <= lesson_time.BUDGET_CODE_CELLS * SLACK, f"{path.name}: {m.code_cells} code cells"
    assert m.estimate <= m.stated * 1.2, f"{path.name}: the model estimates {m.estimate:.0f} min, it states {m.stated}"


def test_the_model_counts_what_it_says():
    assert lesson_time.prose_words("Two words <b>here</b> (https://example.org/x y)") == 4
