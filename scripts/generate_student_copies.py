#!/usr/bin/env python3
"""Generate the student copies of the exercises from the masters, with nbgrader itself.

    .venv/bin/python scripts/generate_student_copies.py           # update exercises/release/
    .venv/bin/python scripts/generate_student_copies.py --check   # only compare; exit 1 on drift
    .venv/bin/python scripts/generate_student_copies.py --force   # replace copies even if edited

The masters live in ``exercises/source/<assignment>/`` (solutions, hidden tests, points); the
student copies in ``exercises/release/<assignment>/`` are what students open. This script runs
``nbgrader generate_assignment`` (with ``exercises/nbgrader_config.py``) in a temporary copy of the
course directory, so no ``gradebook.db`` or log file ever lands in the repository, and the output
carries no timestamps or random ids: the same masters always give the same bytes. That makes
``--check`` (run by ``tests/test_exercises.py``) a real drift check: it fails when someone edits
a master and not its student copy, or the other way round.

Students' work is never overwritten, committed to git or not. Each generation records the
SHA-256 of every copy it writes in ``exercises/release/.generated.sha256`` (``sha256sum`` format,
committed with the copies). A copy is replaced only if it is still exactly what the last
generation wrote; a copy without a record is replaced only if it is pristine (no outputs, every
cell as nbgrader generated it, no added cells). Any other copy is left alone, with a one-line
message saying why: move it elsewhere (it may hold someone's answers) and run the script again,
or pass ``--force`` to replace it. Files in ``exercises/release/`` that no master generates are
reported, never deleted.
"""

from __future__ import annotations

import argparse
import hashlib
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
#: In the release folder: the checksum of each copy as the last generation wrote it.
MANIFEST = ".generated.sha256"


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


def checksum(content: bytes) -> str:
    """The SHA-256 of a file's bytes, as ``sha256sum`` writes it."""
    return hashlib.sha256(content).hexdigest()


def read_manifest(release: Path = RELEASE) -> dict[str, str]:
    """{relative path: checksum} of the copies the last generation wrote (empty before the first)."""
    path = release / MANIFEST
    if not path.exists():
        return {}
    records = (line.split(maxsplit=1) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {name.lstrip("*"): digest for digest, name in records}


def _write_manifest(records: dict[str, str], release: Path) -> None:
    release.mkdir(parents=True, exist_ok=True)
    lines = [f"{digest}  {name}\n" for name, digest in sorted(records.items())]
    (release / MANIFEST).write_text("".join(lines), encoding="utf-8")


def student_work_in(path: Path) -> str | None:
    """Why ``path`` may hold a student's work, or None if it is a pristine generated copy."""
    if path.suffix != ".ipynb":
        return "it is not a notebook, so whether it was edited cannot be told"
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


def update(generated: dict[str, bytes], release: Path = RELEASE, log=print, *, force: bool = False) -> int:
    """Write the generated copies into ``release``; never overwrite someone's work unless ``force``.

    Returns how many copies were kept because they may hold someone's work.
    """
    recorded = read_manifest(release)
    kept = 0
    for name, content in sorted(generated.items()):
        target = release / name
        shown = f"exercises/release/{name}"
        if target.exists():
            current = target.read_bytes()
            if current == content:
                recorded[name] = checksum(content)
                log(f"unchanged: {shown}")
                continue
            if name in recorded:
                reason = None if checksum(current) == recorded[name] else \
                    f"it differs from what the masters generated last time ({MANIFEST})"
            else:
                reason = student_work_in(target)
            if reason and not force:
                kept += 1
                log(f"kept: {shown} may hold someone's answers ({reason}); move it elsewhere and run again, "
                    "or use --force to replace it")
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        recorded[name] = checksum(content)
        log(f"written: {shown}")
    _write_manifest(recorded, release)
    for name in sorted(set(_visible_files(release)) - set(generated)):
        log(f"left alone: exercises/release/{name} is not generated from any master (delete it if it is stale)")
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="only compare the committed student copies with a fresh generation")
    parser.add_argument("--force", action="store_true",
                        help="replace student copies even if they differ from the last generation (work is lost)")
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
    kept = update(generated, force=args.force)
    return 1 if kept else 0


if __name__ == "__main__":
    sys.exit(main())
