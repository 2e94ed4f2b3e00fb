"""The real-browser test of the Vietnamese edition: every lesson and exercise copy under ``vi/``.

The same test as ``tests/test_browser.py`` (its fixtures and checks), over the notebooks that
``scripts/translations.py build`` writes; a module of its own so that pytest-xdist runs the two
editions on two workers at once.
"""

from __future__ import annotations

import pytest

from .test_browser import IN_CI, browser, checked_questions, describe, discover, lab, run_notebook  # noqa: F401 (fixtures)

NOTEBOOKS = discover(edition="vi/")


@pytest.mark.parametrize("path", NOTEBOOKS or ["(none)"])
def test_vietnamese_notebook_runs_in_jupyterlab(path, lab, browser):  # noqa: F811 (fixtures)
    if path == "(none)":
        message = "no Vietnamese notebooks under vi/: run make translations"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    report = run_notebook(browser, path)
    print(describe(report))
    if path.startswith("vi/exercises/"):  # every unanswered question shows its hint box, none an error
        assert report.hint_boxes >= checked_questions(path) and report.hints == 0, report
    assert not report.problems, f"{path} in JupyterLab:\n- " + "\n- ".join(report.problems)
