#!/usr/bin/env python3
"""Write the class report of the pre/post assessment: per-skill results, chart, description, table.

    make class-report                                  # the example class (synthetic)
    make class-report GRADES=assessment/item_grades.csv [OUT=reports] [NAMES=1]

``GRADES`` is an nbgrader export: per item (``nbgrader export --exporter=
critical_reading.assessment_export.ItemExporter --to item_grades.csv``, run in ``assessment/``)
for results per skill, or nbgrader's standard ``grades.csv`` for the overall result only. The
report (``class-report.md``, ``class-report.png``, ``class-report.csv``) names no student unless
``--names`` is given. See docs/assessment.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from critical_reading.class_report import POST, PRE, ReportError, class_report, example_class, read_grades  # noqa: E402
from critical_reading.messages import say  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grades", type=Path, help="an nbgrader export; without it, a synthetic example class")
    parser.add_argument("--out", type=Path, default=ROOT / "artifacts" / "class-report", help="folder for the report")
    parser.add_argument("--pre", default=PRE, help=f"the form given first (default {PRE})")
    parser.add_argument("--post", default=POST, help=f"the form given last (default {POST})")
    parser.add_argument("--names", action="store_true", help="add each student's id and results (keep private)")
    args = parser.parse_args(argv)
    try:
        if args.grades:
            grades, source = read_grades(args.grades), str(args.grades)
        else:
            grades, source = example_class(pre=args.pre, post=args.post), "example class"
        report = class_report(grades, pre=args.pre, post=args.post, names=args.names, source=source)
    except ReportError as problem:
        print(f"Problem: {problem}", file=sys.stderr)
        return 1
    if not args.grades:
        report.notes.insert(0, say("assessment.report.example"))
    args.out.mkdir(parents=True, exist_ok=True)
    if report.chart is not None:
        (args.out / "class-report.png").write_bytes(report.chart.png_bytes())
    (args.out / "class-report.md").write_text(report.markdown(), encoding="utf-8")
    report.table.round(1).to_csv(args.out / "class-report.csv", index=False)
    print(f"Wrote {args.out / 'class-report.md'} (with class-report.png and class-report.csv).")
    print(report.markdown().split("\n\n![", 1)[0] if report.chart else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
