#!/usr/bin/env python3
"""Generate the assessment's student copies (assessment/release/) from its masters, with nbgrader.

    .venv/bin/python scripts/assessment_copies.py           # update assessment/release/
    .venv/bin/python scripts/assessment_copies.py --check   # only compare; exit 1 on drift

The same machinery as the exercises' copies (``scripts/generate_student_copies.py``, with the
exercises' nbgrader settings), pointed at ``assessment/``: reproducible bytes, and a student's
copy that holds work is never overwritten.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import generate_student_copies as copies  # noqa: E402

SOURCE = ROOT / "assessment" / "source"
RELEASE = ROOT / "assessment" / "release"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare the committed copies with a fresh generation")
    args = parser.parse_args(argv)
    try:
        generated = copies.generate(SOURCE, copies.CONFIG)
    except copies.GenerationError as error:
        print(f"Problem: {error}", file=sys.stderr)
        return 2
    def log(line: str) -> None:
        print(line.replace("exercises/release/", "assessment/release/"))
    if args.check:
        problems = copies.differences(generated, RELEASE)
        for line in problems:
            log(line)
        if problems:
            print("Run `make assessment-copies` (scripts/assessment_copies.py) and commit the result.")
        return 1 if problems else 0
    return 1 if copies.update(generated, RELEASE, log=log) else 0


if __name__ == "__main__":
    sys.exit(main())
