#!/usr/bin/env python3
"""Execute lesson notebooks in place, so their committed outputs are fresh, and clean them.

    .venv/bin/python scripts/run_notebooks.py                 # every lesson
    .venv/bin/python scripts/run_notebooks.py notebooks/03-*.ipynb

Each notebook runs top to bottom in a fresh kernel from its own folder, like nbval
does. Afterwards the widget state and per-cell timing metadata are dropped: they
change on every run and are not part of the lesson. Outputs are kept, because
nbval compares the cells tagged ``nbval-check-output`` against them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


class ChangedWhileRunning(RuntimeError):
    """The notebook was saved by someone else while it ran, so its outputs are not written."""


def clean(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop run-specific metadata (widget state, timings) from a notebook, in place."""
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
    return notebook


def run(path: Path, timeout: int = 300) -> None:
    """Execute one notebook in place (fresh kernel, its own folder as working directory).

    If the file is saved by someone else while it runs (a teacher editing it in JupyterLab), it
    is not written: :class:`ChangedWhileRunning` says so, and the edit is kept.
    """
    before = path.read_bytes()
    notebook = nbformat.reads(before.decode("utf-8"), as_version=4)
    NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    if path.read_bytes() != before:
        raise ChangedWhileRunning(f"{path.name} was saved by someone else while it ran; not written (run it again)")
    nbformat.write(clean(notebook), path)


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted((ROOT / "notebooks").glob("[0-9][0-9]*.ipynb"))
    skipped = 0
    for path in paths:
        print(f"running {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}", flush=True)
        try:
            run(path.resolve())
        except ChangedWhileRunning as error:
            print(f"Problem: {error}", file=sys.stderr)
            skipped += 1
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
