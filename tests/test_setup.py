"""Set-up that never surprises: which data folder is read, one Python version, the student's lab.

- The data folder next to the notebooks wins over the one beside the installed package (a hub
  image installs the package with ``pip install -e`` from another copy of the course).
- The supported Python version is written once (``runtime.txt``) and every other place agrees.
- ``make lab`` serves the repository root, so ``exercises/`` is reachable, and loads none of
  nbgrader's extensions; ``make teach`` is the teacher's lab, with them.
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from critical_reading import data_dir, environment, load_tables

from .conftest import ROOT, script

# ----------------------------------------------------------------------------- which data folder

@pytest.fixture
def other_copy(tmp_path, monkeypatch):
    """A second copy of the course's data with one row changed, as a teacher's copy on a hub."""
    monkeypatch.delenv("CRITICAL_READING_DATA", raising=False)
    course = tmp_path / "my-course"
    shutil.copytree(ROOT / "data", course / "data")
    sources = course / "data" / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace(",Reuters,", ",Reuters (edited),", 1),
                       encoding="utf-8")
    for folder in ("notebooks", "exercises/release/01-close-reading"):
        (course / folder).mkdir(parents=True)
    return course


@pytest.mark.parametrize("where", ["notebooks", "exercises/release/01-close-reading", "."])
def test_the_data_next_to_the_notebooks_wins_over_the_package(other_copy, monkeypatch, where):
    monkeypatch.chdir(other_copy / where)
    assert data_dir() == other_copy.resolve() / "data"
    assert load_tables().source_names["reuters"] == "Reuters (edited)"


def test_without_a_data_folder_nearby_the_package_data_is_read(tmp_path, monkeypatch):
    monkeypatch.delenv("CRITICAL_READING_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    assert data_dir() == ROOT / "data"
    assert load_tables().source_names["reuters"] == "Reuters"


def test_the_environment_variable_wins_over_everything(other_copy, monkeypatch):
    monkeypatch.chdir(ROOT / "notebooks")
    monkeypatch.setenv("CRITICAL_READING_DATA", str(other_copy / "data"))
    assert data_dir() == other_copy.resolve() / "data"


# ----------------------------------------------------------------------------- one Python version

def _course_python() -> tuple[int, ...]:
    text = (ROOT / "runtime.txt").read_text(encoding="utf-8").strip()
    assert text.startswith("python-"), text  # the form Binder (repo2docker) reads
    return tuple(int(part) for part in text.removeprefix("python-").split("."))


def test_the_python_version_is_written_once_and_every_place_agrees():
    version = _course_python()
    words = ".".join(map(str, version))
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["requires-python"] == f">={words}"
    assert version == environment.MINIMUM_PYTHON
    assert sys.version_info[:2] >= version
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "shell cat runtime.txt" in makefile and words not in makefile  # the Makefile reads it
    for doc in ("README.md", "docs/teacher-guide.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        assert f"Python {words} or newer" in text, doc
        stated = set(re.findall(r"[Pp]ython ?(3\.\d+)", text))  # "Python 3.11", "python3.11"
        assert stated <= {words}, (doc, stated)


FAKE_PYTHON = """#!/bin/sh
# A stand-in for Python {version}: enough of `python -c`, `-m venv` and `-m pip` for the Makefile.
case "$1" in
  --version) echo "Python {version}" ;;
  -c) exit {status} ;;
  -m) if [ "$2" = venv ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; fi ;;
esac
"""


def _fake_python(path: Path, version: str, new_enough: bool) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(FAKE_PYTHON.format(version=version, status=0 if new_enough else 1))
    path.chmod(0o755)
    return path


@pytest.fixture
def makefile_copy(tmp_path):
    """The Makefile and the files its set-up depends on, in a folder of their own."""
    if shutil.which("make") is None:
        pytest.fail("make is not installed: the README's commands need it")
    for name in ("Makefile", "runtime.txt", "requirements.txt", "requirements-dev.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def _clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without the outer make's (when run by `make test`) or Jupyter's settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS", "JUPYTER"))}
    return {**env, **extra}


def _make(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=folder, env=_clean_env(), capture_output=True,
                          text=True, timeout=120)


def test_make_refuses_an_old_python_in_one_line(makefile_copy):
    old = _fake_python(makefile_copy / "bin" / "python3", "3.10.12", new_enough=False)
    result = _make(makefile_copy, "setup", f"PYTHON={old}")
    assert result.returncode != 0
    words = ".".join(map(str, _course_python()))
    assert result.stdout.strip() == (
        f"make: the course needs Python {words} or newer, and {old} is Python 3.10.12. Install Python {words} "
        f"(python.org, or your system's package manager), then run: make PYTHON=python{words} setup")
    assert not (makefile_copy / ".venv").exists()


def test_make_rebuilds_a_venv_an_older_python_made(makefile_copy):
    _fake_python(makefile_copy / ".venv" / "bin" / "python", "3.10.12", new_enough=False)
    good = _fake_python(makefile_copy / "bin" / "python3.11", "3.11.9", new_enough=True)
    result = _make(makefile_copy, "setup", f"PYTHON={good}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "make: .venv was made by another Python; building it again" in result.stdout
    assert "3.11.9" in (makefile_copy / ".venv" / "bin" / "python").read_text()
    assert (makefile_copy / ".venv" / ".installed").exists()


# ----------------------------------------------------------------------------- the students' and the teachers' lab

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    base: str
    token: str

    def get(self, path: str) -> tuple[int, str]:
        request = urllib.request.Request(self.base + path, headers={"Authorization": f"token {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""

    def landing_page(self) -> str:
        """Where the server sends a browser that opens its address (what `make lab` opens)."""

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        request = urllib.request.Request(f"{self.base}/?token={self.token}")
        try:
            urllib.request.build_opener(NoRedirect).open(request, timeout=60)
        except urllib.error.HTTPError as redirect:
            assert redirect.code in (301, 302, 303, 307), redirect.code
            return redirect.headers["Location"].split("?")[0]
        raise AssertionError("the server's address does not redirect to a page")

    def page_config(self) -> dict:
        status, html = self.get("/lab")
        assert status == 200
        found = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, re.S)
        return json.loads(found.group(1))


IGNORED = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", ".pytest_cache", "artifacts",
                                 "build", "gradebook.db", ".ipynb_checkpoints")


def _serve(target: str, tmp_path: Path):
    """Run `make <target>` (the exact command a teacher types) on loopback, in a copy of the course."""
    course = tmp_path / "course"
    shutil.copytree(ROOT, course, ignore=IGNORED)
    port, token = _free_port(), secrets.token_hex(16)
    env = _clean_env(JUPYTER_CONFIG_DIR=str(tmp_path / "user-config"), JUPYTER_DATA_DIR=str(tmp_path / "user-data"),
                     JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    lab_args = (f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} --ServerApp.port_retries=0 "
                f"--IdentityProvider.token={token}")
    stamp = ".venv/.installed"  # the environment is this checkout's: make must not build one in the copy
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen(["make", "--no-print-directory", "-o", stamp, target, f"BIN={Path(sys.executable).parent}",
                                f"LAB_ARGS={lab_args}"], cwd=course, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    server = Server(f"http://127.0.0.1:{port}", token)
    try:
        deadline = time.monotonic() + 240
        while True:
            assert process.poll() is None, (tmp_path / "server.log").read_text()
            try:
                if server.get("/api/status")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, (tmp_path / "server.log").read_text()
            time.sleep(0.5)
        yield server, course
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # make and the server it started, nothing else
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="module")
def student_lab(tmp_path_factory):
    yield from _serve("lab", tmp_path_factory.mktemp("lab"))


@pytest.fixture(scope="module")
def teacher_lab(tmp_path_factory):
    yield from _serve("teach", tmp_path_factory.mktemp("teach"))


def _names(server: Server, path: str) -> set[str]:
    status, body = server.get(f"/api/contents/{path}")
    assert status == 200, path
    return {item["name"] for item in json.loads(body)["content"]}


NBGRADER_ROUTES = ("/formgrader", "/formgraders", "/nbgrader_version?version=0")


def test_make_lab_serves_the_course_folder_and_opens_lesson_00(student_lab):
    server, course = student_lab
    assert {"notebooks", "exercises", "data"} <= _names(server, "")
    assert _names(server, "exercises/release") == {p.name for p in (course / "exercises" / "release").glob("[!.]*")}
    config = server.page_config()
    assert config["serverRoot"] == str(course)
    assert server.get("/api/contents/notebooks/00-start-here.ipynb?content=0")[0] == 200
    assert server.landing_page() == "/lab/tree/notebooks/00-start-here.ipynb"


def test_students_see_none_of_nbgrader(student_lab):
    server, _ = student_lab
    config = server.page_config()
    assert "@jupyter/nbgrader" in {ext["name"] for ext in config["federated_extensions"]}  # installed...
    assert "@jupyter/nbgrader" in config["disabledExtensions"]  # ...but switched off: no menu, panel or button
    for route in NBGRADER_ROUTES:  # and no server extension answers
        assert server.get(route)[0] == 404, route


def test_make_teach_has_the_formgrader_on_the_exercises(teacher_lab):
    server, course = teacher_lab
    config = server.page_config()
    assert config["serverRoot"] == str(course)
    assert server.landing_page() == "/lab/tree/exercises"
    assert not any("nbgrader" in name for name in config["disabledExtensions"])
    for route in NBGRADER_ROUTES:
        assert server.get(route)[0] == 200, route
    status, body = server.get("/formgrader/api/assignments")
    assert status == 200
    assert {a["name"] for a in json.loads(body)} == {p.name for p in (course / "exercises" / "source").iterdir()}


# ----------------------------------------------------------------------------- nothing overwrites work

def _script(name: str):
    return script(name)


def test_the_checksums_of_the_student_copies_are_those_of_the_committed_copies():
    script = _script("generate_student_copies")
    recorded = script.read_manifest()
    copies = {p.relative_to(script.RELEASE).as_posix(): p for p in script.RELEASE.glob("*/*.ipynb")}
    assert recorded == {name: script.checksum(path.read_bytes()) for name, path in copies.items()}, \
        "run `make student-copies` and commit exercises/release/.generated.sha256"


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Student", "-c", "user.email=student@example.org", *args],
                   cwd=folder, check=True, capture_output=True)


def test_a_committed_student_copy_with_answers_is_never_regenerated(tmp_path):
    script = _script("generate_student_copies")
    release = tmp_path / "exercises" / "release"
    first = {name: (script.RELEASE / name).read_bytes() for name in sorted(script.read_manifest())}
    answered, untouched = sorted(first)[:2]
    assert script.update(first, release, log=[].append) == 0  # the first generation records checksums

    notebook = nbformat.read(release / answered, as_version=4)
    cell = next(c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution"))
    cell.source = "my answer"  # a student answers, and commits the work
    nbformat.write(notebook, release / answered)
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "my answers"]):
        _git(tmp_path, *command)
    mine = (release / answered).read_bytes()

    changed = {name: content.replace(b"Question 1", b"Question one", 1) for name, content in first.items()}
    assert all(changed[name] != first[name] for name in (answered, untouched))
    log: list[str] = []
    assert script.update(changed, release, log=log.append) == 1
    assert (release / answered).read_bytes() == mine
    assert f"kept: exercises/release/{answered} may hold someone's answers (it differs from what the masters " \
           "generated last time (.generated.sha256)); move it elsewhere and run again, or use --force to replace it" in log
    assert (release / untouched).read_bytes() == changed[untouched]  # an untouched copy is brought up to date
    assert f"written: exercises/release/{untouched}" in log

    assert script.update(changed, release, log=log.append, force=True) == 0
    assert (release / answered).read_bytes() == changed[answered]
    assert script.read_manifest(release)[answered] == script.checksum(changed[answered])


def test_refreshing_a_lesson_never_overwrites_an_edit_made_while_it_runs(tmp_path, monkeypatch, capsys):
    script = _script("run_notebooks")
    lesson = tmp_path / "00-lesson.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), lesson)

    class TeacherSavesMeanwhile:
        def __init__(self, notebook, **_):
            self.notebook = notebook

        def execute(self):
            edited = nbformat.read(lesson, as_version=4)
            edited.cells.append(nbformat.v4.new_markdown_cell("the teacher's new note"))
            nbformat.write(edited, lesson)

    monkeypatch.setattr(script, "NotebookClient", TeacherSavesMeanwhile)
    assert script.main([str(lesson)]) == 1
    assert "the teacher's new note" in lesson.read_text(encoding="utf-8")
    assert "Problem: 00-lesson.ipynb was saved by someone else while it ran" in capsys.readouterr().err
