"""The real-browser test of the Vietnamese edition: every lesson and exercise copy under ``vi/``.

The same test as ``tests/test_browser.py`` (its fixtures and checks), over the notebooks that
``scripts/translations.py build`` writes; a module of its own so that pytest-xdist runs the two
editions on two workers at once.
"""

from __future__ import annotations

import pytest

from .test_browser import assert_runs_clean, browser, discover, lab  # noqa: F401 (fixtures)

NOTEBOOKS = discover(edition="vi/")


@pytest.mark.parametrize("path", NOTEBOOKS or ["(none)"])
def test_vietnamese_notebook_runs_in_jupyterlab(path, lab, browser):  # noqa: F811 (fixtures)
    assert_runs_clean(path, browser, "no Vietnamese notebooks under vi/: run make translations")
