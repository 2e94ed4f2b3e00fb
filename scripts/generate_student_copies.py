#!/usr/bin/env python3
"""Generate the student copies of the exercises from the masters, with nbgrader itself.

    .venv/bin/python scripts/generate_student_copies.py           # update exercises/release/
    .venv/bin/python scripts/generate_student_copies.py --check   # only compare; exit 1 on drift

The masters live in ``exercises/source/<assignment>/`` (solutions, hidden tests, points); the
student copies in ``exercises/release/<assignment>/`` are what students open. This script runs
``nbgrader generate_assignment`` (with ``exercises/nbgrader_config.py``) in a temporary copy of the
course directory, so no ``gradebook.db`` or log file ever lands in the repository, and the output
carries no timestamps or random ids: the same masters always give the same bytes. That makes
``--check`` (run by ``tests/test_exercises.py``) a real drift check: it fails when someone edits
a master and not its student copy, or the other way round.

Students' work is never overwritten. A student copy is replaced only if it is exactly what git
has committed, or if it is still pristine (no outputs, every cell as nbgrader generated it, no
added cells). Otherwise it is left alone, with a one-line message saying why; move it elsewhere
(it holds someone's answers) and run the script again. Files in ``exercises/release/`` that no
master generates are reported, never deleted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
SOURCE = EXERCISES / "source"
RELEASE = EXERCISES / "release"
CONFIG = EXERCISES / "nbgrader_config.py"
IGNORED = shutil.ignore_patterns(".*", "__pycache__", "*.pyc")


class GenerationError(RuntimeError):
    """nbgrader could not generate the student copies (the message says why, in one line)."""


def _visible_files(folder: Path) -> dict[str, Path]:
    """Every file under ``folder`` (relative path → path), skipping hidden files and folders."""
    if not folder.exists():
        return {}
    files = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
            files[relative.as_posix()] = path
    return files


def generate(source: Path = SOURCE, config: Path = CONFIG) -> dict[str, bytes]:
    """Run ``nbgrader generate_assignment`` on every master; return {relative path: bytes}.

    Paths are relative to the release folder, e.g. ``01-close-reading/01-close-reading-exercises.ipynb``.
    """
    try:
        import nbgrader  # noqa: F401  -- only to give a clear message when it is missing
    except ImportError:
        raise GenerationError("nbgrader is not installed here: run `make setup` (or "
                              "`pip install -r requirements-dev.txt`) first.") from None
    if not any(p.is_dir() for p in source.iterdir()):
        raise GenerationError(f"no assignment folders in {source}")
    with tempfile.TemporaryDirectory(prefix="student-copies-") as tmp:
        course = Path(tmp) / "course"
        shutil.copytree(source, course / "source", ignore=IGNORED)
        shutil.copy(config, course / "nbgrader_config.py")
        # Only the course's own config counts: a teacher's ~/.jupyter/nbgrader_config.py must not
        # change what is generated (exercises/nbgrader_config.py also sets every option that matters).
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(Path(tmp) / "jupyter-config"))
        env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
        command = [sys.executable, "-m", "nbgrader", "generate_assignment", "*",
                   "--no-db", "--force", "--log-level=ERROR"]
        result = subprocess.run(command, cwd=course, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            lines = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
            detail = next((line for line in lines if "ERROR" in line or "Error" in line), lines[-1] if lines else "")
            raise GenerationError(f"nbgrader generate_assignment failed: {detail.strip()}")
        return {name: path.read_bytes() for name, path in _visible_files(course / "release").items()}


def differences(generated: dict[str, bytes], release: Path = RELEASE) -> list[str]:
    """One line per difference between freshly generated copies and those in ``release``."""
    committed = _visible_files(release)
    problems = []
    for name in sorted(set(generated) | set(committed)):
        if name not in committed:
            problems.append(f"missing: exercises/release/{name} (its master has no committed student copy)")
        elif name not in generated:
            problems.append(f"extra: exercises/release/{name} is not generated from any master in exercises/source/")
        elif committed[name].read_bytes() != generated[name]:
            problems.append(f"differs: exercises/release/{name} is not what its master generates")
    return problems


def _committed_bytes(path: Path) -> bytes | None:
    """The file as git has committed it (HEAD), or None when git or the file is not there."""
    try:
        relative = path.resolve().relative_to(ROOT).as_posix()
        result = subprocess.run(["git", "show", f"HEAD:{relative}"], cwd=ROOT, capture_output=True)
    except (OSError, ValueError):
        return None
    return result.stdout if result.returncode == 0 else None


def student_work_in(path: Path) -> str | None:
    """Why ``path`` may hold a student's work, or None if it is a pristine generated copy."""
    if _committed_bytes(path) == path.read_bytes():
        return None
    if path.suffix != ".ipynb":
        return "it differs from the committed version"
    import nbformat
    from nbgrader.utils import compute_checksum

    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception:  # noqa: BLE001 -- an unreadable notebook is kept, whatever the reason
        return "it cannot be read as a notebook"
    for cell in notebook.cells:
        name = cell.get("id", "?")
        grading = cell.metadata.get("nbgrader")
        if not grading or "checksum" not in grading:
            return f"it has a cell that nbgrader did not generate ({name})"
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
            return f"it has been run (cell {name} has output)"
        if compute_checksum(cell) != grading["checksum"]:
            return f"cell {name} has been edited"
    return None


def update(generated: dict[str, bytes], release: Path = RELEASE, log=print) -> int:
    """Write the generated copies into ``release``; never overwrite a copy holding student work."""
    kept = 0
    for name, content in sorted(generated.items()):
        target = release / name
        shown = f"exercises/release/{name}"
        if target.exists():
            if target.read_bytes() == content:
                log(f"unchanged: {shown}")
                continue
            reason = student_work_in(target)
            if reason:
                kept += 1
                log(f"kept: {shown} may hold someone's answers ({reason}); move it elsewhere and run again")
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        log(f"written: {shown}")
    for name in sorted(set(_visible_files(release)) - set(generated)):
        log(f"left alone: exercises/release/{name} is not generated from any master (delete it if it is stale)")
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="only compare the committed student copies with a fresh generation")
    args = parser.parse_args(argv)
    try:
        generated = generate()
    except GenerationError as error:
        print(f"Problem: {error}", file=sys.stderr)
        return 2
    if args.check:
        problems = differences(generated)
        for line in problems:
            print(line)
        if problems:
            print("Run `make student-copies` (scripts/generate_student_copies.py) and commit the result.")
            return 1
        print(f"OK: {len(generated)} student copies match their masters.")
        return 0
    kept = update(generated)
    return 1 if kept else 0


if __name__ == "__main__":
    sys.exit(main())
