"""Print the course map (a Markdown table) for one edition's lesson notebooks.

Each row comes from a lesson's first cell: its title (``# 01 · Title``), its first question
(the first bullet under **Questions** / **Câu hỏi**) and its stated time (**Time** / **Thời
lượng**: "About 45 minutes" / "Khoảng 45 phút"). The exercise set of a lesson number is linked on
the last notebook of that number, so a re-cut lesson (01a, 01b) links its set once.

    python3 scripts/course_map.py notebooks --lang en          # for README.md
    python3 scripts/course_map.py vi/notebooks --lang vi       # for vi/README.md

Links are relative to the notebooks folder's parent (the edition's root, where its README is).
Paste the output over the old table after the lessons change.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

LABELS = {
    "en": {"header": ("#", "lesson", "question it answers", "time", "exercises"),
           "minutes": "min", "set": "set"},
    "vi": {"header": ("#", "bài", "câu hỏi chính", "thời lượng", "bài tập"),
           "minutes": "phút", "set": "bộ"},
}
_TITLE = re.compile(r"^#\s+(\S+)\s+·\s+(.+)$", re.M)
_QUESTION = re.compile(r"\*\*(?:Questions|Câu hỏi)\*\*\s*\n+\s*-\s+(.+)")
_TIME = re.compile(r"\*\*(?:Time|Thời lượng)\.?\*\*\.?\s*(?:About|Khoảng)?\s*(\d+)", re.I)


def first_cell(path: Path) -> str:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    source = notebook["cells"][0]["source"]
    return source if isinstance(source, str) else "".join(source)


def lesson_row(path: Path) -> tuple[str, str, str, str]:
    """(number, title, first question, stated minutes) of one lesson notebook."""
    text = first_cell(path)
    title, question, time = _TITLE.search(text), _QUESTION.search(text), _TIME.search(text)
    if not (title and question and time):
        missing = [n for n, m in (("title", title), ("question", question), ("time", time)) if not m]
        raise SystemExit(f"{path}: the first cell has no {', no '.join(missing)}")
    return title.group(1), title.group(2).strip(), question.group(1).strip(), time.group(1)


def course_map(folder: Path, lang: str) -> str:
    """The Markdown table of the lessons in `folder`, with links relative to its parent."""
    labels = LABELS[lang]
    root = folder.parent
    lessons = sorted(folder.glob("[0-9][0-9]*.ipynb"))
    last_of_number = {path.name[:2]: path for path in lessons}
    header = labels["header"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for path in lessons:
        number, title, question, minutes = lesson_row(path)
        exercises = "—"
        sets = sorted((root / "exercises" / "release").glob(f"{path.name[:2]}-*/*.ipynb"))
        if sets and last_of_number[path.name[:2]] == path:
            exercises = f"[{labels['set']} {path.name[:2]}]({sets[0].relative_to(root).as_posix()})"
        link = path.relative_to(root).as_posix()
        lines.append(f"| {number} | [{title}]({link}) | {question} | "
                     f"{minutes} {labels['minutes']} | {exercises} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the lesson notebooks, e.g. vi/notebooks")
    parser.add_argument("--lang", choices=sorted(LABELS), default="en")
    args = parser.parse_args()
    print(course_map(args.folder, args.lang))


if __name__ == "__main__":
    main()
