"""Binder builds the course as intended: Python build pack, pinned Python, pinned requirements.

Binder turns the repository into an image with repo2docker. The tests run the real
repo2docker on this checkout. ``repo2docker --no-build`` needs no Docker daemon (none runs
here, and CI has none): it picks the build pack and prints the Dockerfile it would build,
without contacting Docker or the network. The tests read that Dockerfile and repo2docker's
own choice of build pack.

The README's badge is checked against the one place the repository's address is written,
``[tool.course]`` in pyproject.toml (see ``scripts/hub_link.py``).
"""

import os
import re
import subprocess
import sys
import warnings
from contextlib import contextmanager

import pytest

from .conftest import ROOT, script


@contextmanager
def chdir(path):
    """Run repo2docker's detection from the repository's folder, as repo2docker does."""
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


@pytest.fixture(scope="module")
def dockerfile():
    """The Dockerfile repo2docker would build for this repository (its --no-build output)."""
    result = subprocess.run(
        [sys.executable, "-m", "repo2docker", "--no-build", "--user-id", "1000", "--user-name", "jovyan", str(ROOT)],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, f"repo2docker --no-build failed:\n{result.stderr[-3000:]}"
    assert "FROM " in result.stdout, result.stdout[-2000:]
    return result.stdout, result.stderr


def picked_buildpack():
    """The build pack repo2docker's own detection picks for the repository (as ``build()`` does)."""
    from repo2docker.app import Repo2Docker

    app = Repo2Docker()
    with chdir(ROOT):
        for buildpack_class in app.buildpacks:
            buildpack = buildpack_class(base_image=app.base_image)
            if buildpack.detect():
                return buildpack
    return None


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # repo2docker's logging dependency
def test_python_buildpack_with_the_pinned_python():
    from repo2docker.buildpacks import PythonBuildPack

    runtime = (ROOT / "runtime.txt").read_text().strip()
    assert re.fullmatch(r"python-3\.\d+", runtime), f"runtime.txt should pin python-3.X, not {runtime!r}"
    buildpack = picked_buildpack()
    assert type(buildpack) is PythonBuildPack, (
        f"repo2docker would use {type(buildpack).__name__}: an environment.yml, Pipfile, Dockerfile, "
        "binder/ or .binder/ folder changes how Binder builds the course")
    with chdir(ROOT):
        assert buildpack.python_version == runtime.removeprefix("python-")


def test_dockerfile_installs_pinned_python_and_requirements(dockerfile):
    text, log = dockerfile
    version = (ROOT / "runtime.txt").read_text().strip().removeprefix("python-")
    assert f"Building conda environment for python={version}" in log
    # repo2docker copies in its conda lock file for that Python. Names are escaped ("-2e" is ".")
    # and end with "-" and a short hash.
    copied = [re.sub(r"-([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), name.rsplit("-", 1)[0]).rsplit("/", 1)[-1]
              for name in re.findall(r"COPY \S+ build_script_files/(\S+)", text)]
    assert f"environment.py-{version}-linux-64.lock" in copied, f"the image would not get the pinned Python: {copied}"
    assert 'COPY --chown=1000:1000 src/requirements.txt ${REPO_DIR}/requirements.txt' in text
    assert '${KERNEL_PYTHON_PREFIX}/bin/pip install --no-cache-dir -r "requirements.txt"' in text
    # One environment for the server and the kernel: the pinned JupyterLab and ipywidgets
    # (whose front-end extension must sit beside the server) are the ones Binder runs.
    assert "ENV KERNEL_PYTHON_PREFIX=${NB_PYTHON_PREFIX}" in text


def test_requirements_are_pinned():
    """Binder installs exactly these versions; a range would drift from what the tests ran."""
    loose = []
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and line != "-e ." and not re.fullmatch(r"[A-Za-z0-9_.\[\],-]+==[A-Za-z0-9_.+!-]+", line):
            loose.append(line)
    assert not loose, f"requirements.txt has unpinned lines: {loose}"


def load_hub_link():
    return script("hub_link")


def test_readme_badge_matches_the_repository():
    hub_link = load_hub_link()
    settings = hub_link.course_settings()
    assert (ROOT / settings["first_lesson"]).exists(), f"the badge would open a missing file: {settings['first_lesson']}"
    badge = hub_link.binder_badge(settings)
    assert "urlpath=lab/tree/notebooks/00-start-here.ipynb" in badge
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert badge in readme, (f"README.md should carry the Binder badge for {settings['repository']}; "
                             f"put this line under the title:\n{badge}")
    others = set(re.findall(r"https://mybinder\.org/v2/[^)\s]+", readme)) - {hub_link.binder_url(
        settings["repository"], settings["branch"], settings["first_lesson"])}
    assert not others, f"README.md has Binder links that do not match [tool.course]: {others}"
    if hub_link.PLACEHOLDER in settings["repository"]:
        warnings.warn(f"[tool.course] repository is still a placeholder: {settings['repository']}")



def test_vietnamese_readme_badge_opens_the_vietnamese_lesson_00():
    hub_link = load_hub_link()
    settings = hub_link.course_settings()
    url = hub_link.binder_url(settings["repository"], settings["branch"], "vi/notebooks/00-start-here.ipynb")
    assert (ROOT / "vi" / "notebooks" / "00-start-here.ipynb").exists()
    assert f"]({url})" in (ROOT / "vi" / "README.md").read_text(encoding="utf-8")
