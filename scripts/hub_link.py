#!/usr/bin/env python3
"""Print links that open the course for students: on your JupyterHub (nbgitpuller), or on Binder.

A JupyterHub link pulls the course's repository into each student's own server (a fresh
copy the first time, an update that keeps their edits afterwards) and opens a lesson or
an exercise in JupyterLab. Your hub needs the nbgitpuller extension (ask its administrator)
and the packages in requirements.txt.

    python3 scripts/hub_link.py https://hub.example.edu                # lesson 00
    python3 scripts/hub_link.py https://hub.example.edu notebooks/03c-reconciliation.ipynb
    python3 scripts/hub_link.py https://hub.example.edu --branch autumn-term exercises/release/
    python3 scripts/hub_link.py https://hub.example.edu --all          # every lesson and exercise
    python3 scripts/hub_link.py --binder-badge                         # the README's Binder badge
    python3 scripts/hub_link.py --binder-badge notebooks/03c-reconciliation.ipynb

Options and paths may come in any order. While the repository in ``[tool.course]`` is still the
unpublished placeholder, no link would work: the script says so and exits with status 3.

The repository's address and default branch are read from ``[tool.course]`` in
pyproject.toml (the one place they are written). Paths are checked against this checkout:
a path that is not in the course is an error, not a broken link for thirty students.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = "PLACEHOLDER"


class UnpublishedError(RuntimeError):
    """The repository address is still the placeholder: every link made from it would be dead."""


def is_placeholder(repository: str | None) -> bool:
    """Whether ``repository`` is the unpublished placeholder written in pyproject.toml."""
    return PLACEHOLDER in (repository or "")


def require_published(repository: str) -> None:
    """Raise UnpublishedError when ``repository`` is the placeholder."""
    if is_placeholder(repository):
        raise UnpublishedError(f"the course's repository is still the unpublished placeholder ({repository}): "
                               "set `repository` in [tool.course] of pyproject.toml to its public address "
                               "(or pass --repository URL); no link made from the placeholder would work")


class LinkError(ValueError):
    """A link cannot be made (bad hub address, path not in the course); the message says why."""


def course_settings(root: Path = ROOT) -> dict:
    """The ``[tool.course]`` table of pyproject.toml: repository, branch, first_lesson."""
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib
    except ImportError:  # Python 3.10: read the three plain `key = "value"` lines of the table
        table = text.split("[tool.course]", 1)[1].split("\n[", 1)[0] if "[tool.course]" in text else ""
        return dict(re.findall(r'^(\w+)\s*=\s*"([^"]*)"', table, re.M))
    return tomllib.loads(text).get("tool", {}).get("course", {})


def repository_name(repository: str) -> str:
    """The folder nbgitpuller clones into: the last part of the repository URL."""
    return normalise_repository(repository).rsplit("/", 1)[-1]


def normalise_repository(repository: str) -> str:
    """The repository URL without a trailing slash or ``.git``."""
    repository = repository.strip().rstrip("/")
    return repository[:-4] if repository.endswith(".git") else repository


def normalise_hub(hub: str) -> str:
    """The hub's base address, from whatever a teacher pastes (``…/hub/home``, ``…/user/ana/lab``…)."""
    parts = urlsplit(hub.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise LinkError(f"the hub address must start with https:// (got {hub!r}); "
                        "copy it from your browser's address bar, e.g. https://hub.example.edu")
    path = re.split(r"/(?:hub|user)(?:/|$)", parts.path, maxsplit=1)[0].rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def course_path(path: str, root: Path = ROOT) -> str:
    """``path`` relative to the course's root folder, checked to exist in this checkout."""
    clean, base = path.strip().replace("\\", "/"), root.resolve()
    target = (base / clean).resolve()
    if not clean or not target.exists() or (target != base and base not in target.parents):
        lessons = ", ".join(p.name for p in sorted(root.glob("notebooks/[0-9][0-9]*.ipynb")))
        raise LinkError(f"{path!r} is not in the course (lessons: {lessons or 'none found'}; "
                        "exercises are under exercises/release/)")
    relative = target.relative_to(base).as_posix()
    return "" if relative == "." else relative


def nbgitpuller_link(hub: str, repository: str, branch: str, path: str, root: Path = ROOT) -> str:
    """The nbgitpuller link that pulls ``repository`` at ``branch`` and opens ``path`` in JupyterLab.

    The query is the one nbgitpuller's own link generator writes (``repo``, ``branch``,
    ``urlpath``, form-encoded); ``urlpath`` starts with the folder the repository is
    cloned into, named after its last part.
    """
    repository = normalise_repository(repository)
    if not branch.strip():
        raise LinkError("the branch name is empty")
    urlpath = f"lab/tree/{repository_name(repository)}/{course_path(path, root)}".rstrip("/")
    query = urlencode({"repo": repository, "branch": branch.strip(), "urlpath": urlpath})
    return f"{normalise_hub(hub)}/hub/user-redirect/git-pull?{query}"


def binder_url(repository: str, branch: str, path: str) -> str:
    """The mybinder.org launch URL that opens ``path`` in JupyterLab."""
    repository = normalise_repository(repository)
    parts = urlsplit(repository)
    slug = parts.path.strip("/")
    if parts.netloc == "github.com":
        spec = f"gh/{slug}/{quote(branch, safe='')}"
    elif parts.netloc == "gitlab.com":
        spec = f"gl/{quote(slug, safe='')}/{quote(branch, safe='')}"
    else:
        spec = f"git/{quote(repository, safe='')}/{quote(branch, safe='')}"
    return f"https://mybinder.org/v2/{spec}?urlpath=lab/tree/{quote(path)}"


def binder_badge(settings: dict, path: str | None = None) -> str:
    """The Binder badge, in Markdown, opening ``path`` (default: the first lesson)."""
    url = binder_url(settings["repository"], settings["branch"], path or settings["first_lesson"])
    return f"[![Open the course on Binder](https://mybinder.org/badge_logo.svg)]({url})"


def committed(path: str, root: Path = ROOT) -> bool:
    """Whether git tracks ``path`` (a folder: anything in it); True where ``root`` is not a git checkout."""
    try:
        found = subprocess.run(["git", "ls-files", "--", course_path(path, root) or "."], cwd=root,
                               capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return True
    return found.returncode != 0 or bool(found.stdout.strip())


def all_paths(root: Path = ROOT) -> list[str]:
    lessons = sorted(root.glob("notebooks/[0-9][0-9]*.ipynb"))
    exercises = sorted(p for p in root.glob("exercises/release/**/*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    return [p.relative_to(root).as_posix() for p in lessons + exercises]


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    settings = course_settings(root)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="Details and limits: docs/teacher-guide.md (JupyterHub).")
    parser.add_argument("hub", nargs="?", help="your JupyterHub's address, e.g. https://hub.example.edu")
    parser.add_argument("paths", nargs="*", metavar="path",
                        help=f"lesson, exercise or folder to open (default: {settings.get('first_lesson')})")
    parser.add_argument("--branch", default=settings.get("branch", "main"),
                        help="branch to pull (default: %(default)s)")
    parser.add_argument("--repository", default=settings.get("repository"),
                        help="repository URL (default: [tool.course] in pyproject.toml)")
    parser.add_argument("--all", action="store_true", help="one link per lesson and exercise, with its path")
    parser.add_argument("--binder-badge", nargs="?", const="", default=None, metavar="PATH",
                        help="print a Binder badge opening PATH (default: the first lesson, the README's badge) "
                             "and stop")
    # Intermixed: `hub_link.py HUB --branch NAME PATH` works as well as `hub_link.py --branch NAME HUB PATH`.
    args = parser.parse_intermixed_args(argv)
    try:
        if not args.repository:
            raise LinkError("no repository address: set `repository` in [tool.course] of pyproject.toml, "
                            "or pass --repository URL")
        require_published(args.repository)
        if args.binder_badge is not None:
            path = course_path(args.binder_badge, root) if args.binder_badge else None
            print(binder_badge({**settings, "repository": args.repository, "branch": args.branch}, path))
            return 0
        if not args.hub:
            raise LinkError("give your hub's address, e.g. python3 scripts/hub_link.py https://hub.example.edu")
        paths = all_paths(root) if args.all else args.paths or [settings.get("first_lesson", "")]
        links = [(path, nbgitpuller_link(args.hub, args.repository, args.branch, path, root)) for path in paths]
    except LinkError as error:
        print(f"hub_link.py: {error}", file=sys.stderr)
        return 2
    except UnpublishedError as error:
        print(f"hub_link.py: {error}", file=sys.stderr)
        return 3
    warnings = [f"{path} is not committed: students get it only once it is pushed"
                for path, _ in links if not committed(path, root)]
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for path, link in links:
        print(f"{path}\t{link}" if args.all else link)
    return 0


if __name__ == "__main__":
    sys.exit(main())
