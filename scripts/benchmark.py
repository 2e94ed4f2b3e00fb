#!/usr/bin/env python3
"""Print the numbers a teacher and CI care about. Measures; asserts nothing.

    python3 scripts/benchmark.py            # everything (about 5-10 minutes)
    python3 scripts/benchmark.py --quick    # skip the fresh set-ups; time tests in .venv

Reports:
- seconds for a fresh set-up (`make setup`) in a clean clone of HEAD;
- seconds for the test command (`make test`) in that clone;
- the size of that environment next to a bare jupyterlab+pandas+ipywidgets environment
  (the same pins as requirements.txt), and their ratio.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    return time.perf_counter() - start


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="no fresh set-ups; time the tests in this checkout")
    args = parser.parse_args()
    results: list[tuple[str, str]] = []
    if args.quick:
        results.append(("test command in this checkout (s)", f"{timed(['make', 'test'], ROOT):.1f}"))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            clone = Path(tmp, "clone")
            subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
            results.append(("fresh set-up from a clean clone, `make setup` (s)", f"{timed(['make', 'setup'], clone):.1f}"))
            results.append(("test command, `make test` (s)", f"{timed(['make', 'test'], clone):.1f}"))
            course = size_mb(clone / ".venv")
            bare = Path(tmp, "bare")
            subprocess.run([sys.executable, "-m", "venv", str(bare)], check=True)
            started = time.perf_counter()
            subprocess.run([str(bare / "bin/python"), "-m", "pip", "install", "--quiet",
                            *pins("jupyterlab", "pandas", "ipywidgets")], check=True)
            results.append(("bare jupyterlab+pandas+ipywidgets set-up (s)", f"{time.perf_counter() - started:.1f}"))
            bare_mb = size_mb(bare)
            lessons = Path(tmp, "lessons")
            subprocess.run([sys.executable, "-m", "venv", str(lessons)], check=True)
            subprocess.run([str(lessons / "bin/python"), "-m", "pip", "install", "--quiet", "-r",
                            str(clone / "requirements.txt")], check=True, cwd=clone)
            lessons_mb = size_mb(lessons)
            results += [
                ("course environment with test tools, .venv (MB)", f"{course:.0f}"),
                ("lesson environment, requirements.txt only, as Binder builds it (MB)", f"{lessons_mb:.0f}"),
                ("bare jupyterlab+pandas+ipywidgets environment (MB)", f"{bare_mb:.0f}"),
                ("lesson environment / bare", f"{lessons_mb / bare_mb:.2f}x"),
                ("course environment / bare", f"{course / bare_mb:.2f}x"),
            ]
            shutil.rmtree(clone / ".venv", ignore_errors=True)
    width = max(len(k) for k, _ in results)
    for key, value in results:
        print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
