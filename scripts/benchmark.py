#!/usr/bin/env python3
"""Print the numbers a teacher and CI care about. Measures; asserts nothing.

    .venv/bin/python scripts/benchmark.py            # everything (about 10-15 minutes)
    .venv/bin/python scripts/benchmark.py --quick    # no fresh set-ups; time the tests in this checkout
    .venv/bin/python scripts/benchmark.py --only lessons browser

Reports:
- lessons: each lesson's execution time in a fresh kernel (as nbval runs it) next to an
  empty notebook's on the same kernel, the floor (target: every lesson within floor + 2 s);
- browser: the browser test's time (JupyterLab in headless Chromium, every lesson and exercise);
- memory: each lesson's peak kernel memory (the kernel's peak resident set, run start to end),
  next to an empty notebook's: what a hub administrator sizes each student's server by;
- site: `make site`'s build time (Jupyter Book 1, no execution);
- tests: the test command's time (`make test`; target: under 10 minutes on 2 cores);
- setup: a fresh set-up (`make setup`) in a clean clone of HEAD, and the size of that
  environment next to a bare jupyterlab+pandas+ipywidgets environment (same pins as requirements.txt).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LESSON_TARGET_OVER_FLOOR = 2.0  # seconds
TEST_TARGET = 600.0  # seconds
SECTIONS = ("time", "lessons", "memory", "site", "browser", "tests", "setup")


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    return time.perf_counter() - start


def quiet(cmd: list[str], **kwargs) -> None:
    """Run ``cmd``; show its output only if it fails (pip's warnings would bury the numbers)."""
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise subprocess.CalledProcessError(result.returncode, cmd)


def size_mb(path: Path) -> float:
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            file = Path(folder, name)
            if not file.is_symlink():
                total += file.stat().st_size
    return total / 1e6


def pins(*names: str) -> list[str]:
    text = (ROOT / "requirements.txt").read_text()
    found = {m.group(1).lower(): m.group(0) for m in re.finditer(r"^([A-Za-z0-9_.-]+)==\S+", text, re.M)}
    return [found[n] for n in names]


def execute_seconds(notebook, folder: Path) -> float:
    """Wall time to run ``notebook`` (in memory, never saved) in a fresh kernel, start to shutdown."""
    from nbclient import NotebookClient

    started = time.perf_counter()
    NotebookClient(notebook, timeout=300, startup_timeout=60, kernel_name="python3", record_timing=True,
                   resources={"metadata": {"path": str(folder)}}).execute(stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def slowest_cells(notebook, count: int = 3) -> str:
    """The cells that took longest, from the timings nbclient records: "cell 7 2.1 s, …"."""
    from datetime import datetime

    timings = []
    for number, cell in enumerate(notebook.cells, 1):
        stamps = cell.get("metadata", {}).get("execution", {})
        if "iopub.execute_input" in stamps and "shell.execute_reply" in stamps:
            start, end = (datetime.fromisoformat(stamps[k].replace("Z", "+00:00"))
                          for k in ("iopub.execute_input", "shell.execute_reply"))
            timings.append(((end - start).total_seconds(), number))
    return ", ".join(f"cell {n} {t:.1f} s" for t, n in sorted(timings, reverse=True)[:count])


def reading_time() -> list[tuple[str, str]]:
    """Each lesson's estimate by the reading-time model (scripts/lesson_time.py) next to its stated time."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import lesson_time

    rows = [("reading-time model (words/150 per minute + 1.5 per code cell, 3 per prediction, "
             "5 per task, 2 per question)", "words  cells  tasks  estimate  stated (min)")]
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]*.ipynb")):
        m = lesson_time.measure(path)
        stated = "—" if m.stated is None else str(m.stated)
        rows.append((f"  {path.stem}", f"{m.words:5d}  {m.code_cells:5d}  {m.tasks:5d}  {m.estimate:8.1f}  {stated:>6}"))
    return rows


def lessons() -> list[tuple[str, str]]:
    import nbformat

    folder = ROOT / "notebooks"
    floor = statistics.median(execute_seconds(nbformat.v4.new_notebook(), folder) for _ in range(3))
    rows = [("empty notebook, fresh kernel: the floor (s, median of 3)", f"{floor:.1f}")]
    for path in sorted(folder.glob("[0-9][0-9]*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        seconds = execute_seconds(notebook, folder)
        over = seconds - floor
        verdict = "within" if over <= LESSON_TARGET_OVER_FLOOR else "OVER"
        rows.append((f"  {path.stem} (s)", f"{seconds:.1f}  floor + {over:.1f}: {verdict} target of floor + "
                                            f"{LESSON_TARGET_OVER_FLOOR:g}; slowest: {slowest_cells(notebook)}"))
    return rows


PEAK_MEMORY = "import resource\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"


def peak_kernel_mb(notebook, folder: Path) -> float:
    """The kernel's peak resident memory (MB) after running ``notebook`` (never saved) from the top."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.from_dict(notebook)
    notebook.cells.append(nbformat.v4.new_code_cell(PEAK_MEMORY))
    NotebookClient(notebook, timeout=300, startup_timeout=60, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute(stderr=subprocess.DEVNULL)
    return int(notebook.cells[-1].outputs[0]["text"].split()[-1]) / 1024  # Linux reports KiB


def memory() -> list[tuple[str, str]]:
    import nbformat

    folder = ROOT / "notebooks"
    rows = [("peak kernel memory, empty notebook (MB)", f"{peak_kernel_mb(nbformat.v4.new_notebook(), folder):.0f}")]
    for path in sorted(folder.glob("[0-9]*.ipynb")):
        rows.append((f"  peak kernel memory, {path.stem} (MB)",
                     f"{peak_kernel_mb(nbformat.read(path, as_version=4), folder):.0f}"))
    return rows


def site() -> list[tuple[str, str]]:
    seconds = timed([sys.executable, "scripts/build_site.py"], ROOT)
    return [("course site, `make site` (Jupyter Book 1, no execution) (s)", f"{seconds:.1f}")]


def browser() -> list[tuple[str, str]]:
    if not Path(os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium")).exists():
        return [("browser test", "skipped: no Chromium (apt-get install chromium chromium-driver)")]
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "tests/test_browser.py", "-q", "-p", "no:cacheprovider",
                             "-p", "no:randomly", "-o", "addopts=--import-mode=importlib"],
                            cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1].strip("= ")
    return [("browser test, every lesson and exercise in JupyterLab (s)", f"{seconds:.1f}  ({summary})")]


def test_command(cwd: Path, label: str) -> tuple[str, str]:
    """Time `make test` in ``cwd``; failing tests still give a time (and the closing line says so)."""
    started = time.perf_counter()
    result = subprocess.run(["make", "test"], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1].strip("= ")
    verdict = "within target" if seconds <= TEST_TARGET else f"OVER target ({TEST_TARGET:.0f} s)"
    return label, f"{seconds:.1f}  ({verdict}; {summary})"


def fresh_setup(tmp: str, with_tests: bool) -> list[tuple[str, str]]:
    results = []
    clone = Path(tmp, "clone")
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    results.append(("fresh set-up from a clean clone, `make setup` (s)", f"{timed(['make', 'setup'], clone):.1f}"))
    if with_tests:
        results.append(test_command(clone, "test command in that clone, `make test` (s)"))
    course = size_mb(clone / ".venv")
    bare = Path(tmp, "bare")
    subprocess.run([sys.executable, "-m", "venv", str(bare)], check=True)
    started = time.perf_counter()
    quiet([str(bare / "bin/python"), "-m", "pip", "install", "--quiet", *pins("jupyterlab", "pandas", "ipywidgets")])
    results.append(("bare jupyterlab+pandas+ipywidgets set-up (s)", f"{time.perf_counter() - started:.1f}"))
    bare_mb = size_mb(bare)
    lesson_env = Path(tmp, "lessons")
    subprocess.run([sys.executable, "-m", "venv", str(lesson_env)], check=True)
    quiet([str(lesson_env / "bin/python"), "-m", "pip", "install", "--quiet", "-r", str(clone / "requirements.txt")],
          cwd=clone)
    lessons_mb = size_mb(lesson_env)
    results += [
        ("course environment with test tools, .venv (MB)", f"{course:.0f}"),
        ("lesson environment, requirements.txt only, as Binder installs it (MB)", f"{lessons_mb:.0f}"),
        ("bare jupyterlab+pandas+ipywidgets environment (MB)", f"{bare_mb:.0f}"),
        ("lesson environment / bare", f"{lessons_mb / bare_mb:.2f}x"),
        ("course environment / bare", f"{course / bare_mb:.2f}x"),
    ]
    shutil.rmtree(clone / ".venv", ignore_errors=True)
    return results


def show(rows: list[tuple[str, str]]) -> None:
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="no fresh set-ups; time the tests in this checkout")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS), help="sections to run")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}", flush=True)
    if "time" in args.only:
        show(reading_time())
    if "lessons" in args.only:
        show(lessons())
    if "memory" in args.only:
        show(memory())
    if "site" in args.only:
        show(site())
    if "browser" in args.only:
        show(browser())
    if args.quick:
        if "tests" in args.only:
            show([test_command(ROOT, "test command in this checkout, `make test` (s)")])
    elif "setup" in args.only or "tests" in args.only:
        with tempfile.TemporaryDirectory() as tmp:
            show(fresh_setup(tmp, with_tests="tests" in args.only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
