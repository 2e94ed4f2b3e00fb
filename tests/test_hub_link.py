"""scripts/hub_link.py writes nbgitpuller links a JupyterHub understands, and refuses bad ones clearly."""

import contextlib
import io
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import ROOT, script

SCRIPT = ROOT / "scripts" / "hub_link.py"


def load():
    return script("hub_link")


hub_link = load()
REPO = "https://github.com/example-org/war-report-course"


@pytest.fixture
def course(tmp_path):
    """A small course folder, with awkward names, standing in for the checkout."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "00-start-here.ipynb").write_text("{}")
    (tmp_path / "exercises" / "release" / "set one").mkdir(parents=True)
    (tmp_path / "exercises" / "release" / "set one" / "bài tập & câu hỏi.ipynb").write_text("{}")
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.course]\nrepository = "{REPO}"\nbranch = "main"\nfirst_lesson = "notebooks/00-start-here.ipynb"\n')
    return tmp_path


def query(link):
    parts = urlsplit(link)
    return parts, {key: values[0] for key, values in parse_qs(parts.query, strict_parsing=True).items()}


def test_link_has_nbgitpullers_format(course):
    link = hub_link.nbgitpuller_link("https://hub.example.edu", REPO, "main", "notebooks/00-start-here.ipynb", course)
    assert link == ("https://hub.example.edu/hub/user-redirect/git-pull"
                    "?repo=https%3A%2F%2Fgithub.com%2Fexample-org%2Fwar-report-course&branch=main"
                    "&urlpath=lab%2Ftree%2Fwar-report-course%2Fnotebooks%2F00-start-here.ipynb")


def test_awkward_names_survive_the_round_trip(course):
    path = "exercises/release/set one/bài tập & câu hỏi.ipynb"
    link = hub_link.nbgitpuller_link("https://hub.example.edu/", REPO + ".git/", "autumn/term 2", path, course)
    parts, fields = query(link)
    assert " " not in link and "&câu" not in link
    assert parts.path == "/hub/user-redirect/git-pull"
    assert fields == {"repo": REPO, "branch": "autumn/term 2", "urlpath": f"lab/tree/war-report-course/{path}"}


@pytest.mark.parametrize("pasted, base", [
    ("https://hub.example.edu", "https://hub.example.edu"),
    ("https://hub.example.edu/", "https://hub.example.edu"),
    ("https://hub.example.edu/hub/home", "https://hub.example.edu"),
    ("https://hub.example.edu/user/ana/lab/tree/x.ipynb", "https://hub.example.edu"),
    ("https://school.example.org/jupyter/hub/login?next=%2F", "https://school.example.org/jupyter"),
    ("  http://localhost:8000/hub  ", "http://localhost:8000"),
])
def test_hub_address_as_pasted(pasted, base):
    assert hub_link.normalise_hub(pasted) == base


@pytest.mark.parametrize("bad", ["hub.example.edu", "ftp://hub.example.edu", "https://", ""])
def test_bad_hub_address(bad):
    with pytest.raises(hub_link.LinkError, match="must start with https://"):
        hub_link.normalise_hub(bad)


def test_a_folder_opens_in_the_file_browser(course):
    _, fields = query(hub_link.nbgitpuller_link("https://h.example", REPO, "main", "exercises/release/", course))
    assert fields["urlpath"] == "lab/tree/war-report-course/exercises/release"


@pytest.mark.parametrize("path", ["notebooks/99-missing.ipynb", "../outside.ipynb", "/etc/passwd", ""])
def test_path_not_in_the_course(course, path):
    with pytest.raises(hub_link.LinkError, match="is not in the course"):
        hub_link.nbgitpuller_link("https://h.example", REPO, "main", path, course)


def run_cli(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60)


def test_cli_defaults_to_the_first_lesson_and_the_configured_branch():
    settings = hub_link.course_settings()
    result = run_cli("https://hub.example.edu", "--repository", REPO)
    assert result.returncode == 0, result.stderr
    _, fields = query(result.stdout.strip())
    assert fields["repo"] == REPO
    assert fields["branch"] == settings["branch"]
    assert fields["urlpath"].endswith("/" + settings["first_lesson"])


def test_cli_options_in_any_order():
    """The README's and the docstring's own example: an option between the hub and the path."""
    orders = [
        ("https://hub.example", "--branch", "spring-term", "exercises/release/", "--repository", REPO),
        ("--repository", REPO, "--branch", "spring-term", "https://hub.example", "exercises/release/"),
        ("https://hub.example", "exercises/release/", "--repository", REPO, "--branch", "spring-term"),
    ]
    links = set()
    for args in orders:
        result = run_cli(*args)
        assert result.returncode == 0, (args, result.stderr)
        links.add(result.stdout.strip())
    assert len(links) == 1
    _, fields = query(links.pop())
    assert fields["branch"] == "spring-term"
    assert fields["urlpath"] == "lab/tree/war-report-course/exercises/release"


def test_binder_badge_takes_a_path():
    default = run_cli("--binder-badge", "--repository", REPO)
    lesson = run_cli("--repository", REPO, "--binder-badge", "notebooks/03c-reconciliation.ipynb")
    assert default.returncode == lesson.returncode == 0, default.stderr + lesson.stderr
    assert "urlpath=lab/tree/notebooks/00-start-here.ipynb)" in default.stdout
    assert "urlpath=lab/tree/notebooks/03c-reconciliation.ipynb)" in lesson.stdout
    missing = run_cli("--repository", REPO, "--binder-badge", "notebooks/99-none.ipynb")
    assert missing.returncode == 2 and "is not in the course" in missing.stderr


@pytest.mark.parametrize("args", [("--binder-badge",), ("https://hub.example.edu",),
                                  ("https://hub.example.edu", "--all")])
def test_placeholder_repository_is_refused(args):
    """An unpublished fork must not hand out dead links: one line, non-zero exit, no link printed."""
    placeholder = "https://github.com/PLACEHOLDER-OWNER/reading-a-war-report"
    result = run_cli(*args, "--repository", placeholder)
    assert result.returncode == 3
    assert result.stdout == ""
    assert "placeholder" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_missing_path_is_one_clear_line():
    result = run_cli("https://hub.example.edu", "notebooks/99-no-such-lesson.ipynb", "--repository", REPO)
    assert result.returncode == 2
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if not line.startswith("warning:")]
    assert len(errors) == 1 and "'notebooks/99-no-such-lesson.ipynb' is not in the course" in errors[0]
    assert "Traceback" not in result.stderr


def test_cli_all_lists_every_lesson_and_exercise_copy(course):
    with contextlib.redirect_stdout(io.StringIO()) as buffer, contextlib.redirect_stderr(io.StringIO()):
        assert hub_link.main(["https://hub.example.edu", "--all"], root=course) == 0
    out = [line.split("\t")[0] for line in buffer.getvalue().splitlines()]
    assert out == ["notebooks/00-start-here.ipynb", "exercises/release/set one/bài tập & câu hỏi.ipynb"]


def test_settings_readable_without_tomllib(course, monkeypatch):
    """Python 3.10 has no tomllib (the README promises 3.10): the fallback reads the same values."""
    with_tomllib = hub_link.course_settings(ROOT)
    monkeypatch.setitem(sys.modules, "tomllib", None)
    assert hub_link.course_settings(course) == {"repository": REPO, "branch": "main",
                                                "first_lesson": "notebooks/00-start-here.ipynb"}
    assert hub_link.course_settings(ROOT) == with_tomllib


@pytest.mark.parametrize("repository, start", [
    ("https://github.com/org/course", "https://mybinder.org/v2/gh/org/course/main?"),
    ("https://gitlab.com/org/sub/course.git", "https://mybinder.org/v2/gl/org%2Fsub%2Fcourse/main?"),
    ("https://git.example.edu/course", "https://mybinder.org/v2/git/https%3A%2F%2Fgit.example.edu%2Fcourse/main?"),
])
def test_binder_url(repository, start):
    url = hub_link.binder_url(repository, "main", "notebooks/00-start-here.ipynb")
    assert url == start + "urlpath=lab/tree/notebooks/00-start-here.ipynb"
