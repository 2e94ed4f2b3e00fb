#!/usr/bin/env python3
"""Build the teacher's print-ready pack: the answer key and the handouts (HTML, offline).

    .venv/bin/python scripts/teacher_pack.py answer-key   # build/teacher/answer-key.html   (make answer-key)
    .venv/bin/python scripts/teacher_pack.py handouts     # build/handouts/*.html           (make handouts)
    ... --pdf                                             # also a PDF of each, with Chromium if installed

Everything is read at build time from what is there: every lesson in ``notebooks/`` (by glob,
in file-name order), every exercise master in ``exercises/source/``, ``data/sentences.csv``,
and the teacher-only model answers in ``teacher/further-questions.md``. Nothing lists the
lessons by hand, so a re-cut course rebuilds the same way. The output goes to ``build/``,
which git ignores and the course site never reads: the answer key is never committed to the
student-facing tree nor published.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
FURTHER = ROOT / "teacher" / "further-questions.md"
MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table")
DETAILS = re.compile(r"<details>\s*<summary>(.*?)</summary>(.*?)</details>", re.S)
HIDDEN = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[ \t]*\n?", re.S | re.M)
STYLE = """
body { font: 11pt/1.45 "DejaVu Serif", Georgia, serif; max-width: 50em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; border-bottom: 1px solid #999; } h3 { font-size: 1.1em; }
pre { background: #f4f4f4; padding: .5em; white-space: pre-wrap; font-size: 9.5pt; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #999; padding: .3em .5em; vertical-align: top; }
.question { border-left: 4px solid #36c; padding-left: .8em; margin: 1em 0; }
.answer { border-left: 4px solid #393; padding-left: .8em; margin: 1em 0; }
.missing { color: #b00; font-weight: bold; }
.lines { border-bottom: 1px solid #bbb; height: 2em; }
h4 { font-size: 1em; margin: .8em 0 .3em; }
.answer-box { border: 1px solid #555; padding: .2em .8em .8em; margin: .6em 0 1.4em; }
.answer-box p { margin: .2em 0 0; font-weight: bold; font-size: .9em; }
.prediction { break-inside: avoid; }
.output { margin: .5em 0; font-size: 7.5pt; } .output td, .output th { padding: .15em .3em !important; }
.output a { word-break: break-all; } .output td:has(> a) { min-width: 10em; }
.teacher-only { color: #b00; font-weight: bold; }
@page { size: A4; margin: 15mm; }
@media print { .page { break-after: page; } body { margin: 0; max-width: none; } }
"""


def page(title: str, body: str, note: str = "") -> str:
    """A complete, self-contained print-ready HTML page."""
    banner = f'<p class="teacher-only">{html.escape(note)}</p>' if note else ""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{STYLE}</style></head><body>\n<h1>{html.escape(title)}</h1>{banner}\n{body}\n</body></html>\n")


def render(markdown: str) -> str:
    return MARKDOWN.render(markdown)


def title_of(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The notebook's first ``# `` heading (the lesson's title), else ``fallback``."""
    for cell in nb.cells:
        match = re.search(r"^# (.+)$", cell.source, re.M) if cell.cell_type == "markdown" else None
        if match:
            return match.group(1).strip()
    return fallback


def lessons(root: Path = ROOT) -> list[Path]:
    return sorted(root.glob("notebooks/[0-9]*.ipynb"))


def masters(root: Path = ROOT) -> list[Path]:
    return sorted(p for p in root.glob("exercises/source/*/*.ipynb") if ".ipynb_checkpoints" not in p.parts)


# --- Further questions: the lessons ask them, teacher/further-questions.md answers them ---------

@dataclass
class ModelAnswer:
    question: str  # as quoted in further-questions.md ("" for a section without a quoted question)
    heading: str   # the lesson heading it sits under
    answer: str    # Markdown


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def model_answers(path: Path = FURTHER) -> list[ModelAnswer]:
    """The quoted questions of further-questions.md, each with the Markdown that follows it."""
    answers: list[ModelAnswer] = []
    heading, current = "", None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading, current = line[3:].strip(), None
        elif line.startswith("> "):
            current = ModelAnswer(normalise(line[2:]), heading, "")
            answers.append(current)
        elif line.startswith("### ") and heading:
            current = ModelAnswer("", line[4:].strip(), "")
            answers.append(current)
        elif current is not None:
            current.answer += line + "\n"
    return answers


def further_questions(nb: nbformat.NotebookNode) -> list[str]:
    """The bullets under a lesson's "## Further questions" heading, whitespace normalised."""
    questions = []
    for cell in nb.cells:
        if cell.cell_type != "markdown" or "## Further questions" not in cell.source:
            continue
        section = cell.source.split("## Further questions", 1)[1].split("\n#", 1)[0]
        items = [normalise(item) for item in re.split(r"^- ", section, flags=re.M)[1:]]
        questions += [item for item in items if not item.startswith("Next, in ")]  # a pointer, not a question
    return questions


# --- The answer key ----------------------------------------------------------------------------

def exercise_section(path: Path) -> str:
    """Every question of one master with its solution, model answer and marking notes."""
    nb = nbformat.read(path, as_version=4)
    parts = [f'<section class="page"><h2>{html.escape(title_of(nb, path.stem))}</h2>',
             f"<p><em>Master: {html.escape(path.relative_to(ROOT).as_posix())}</em></p>"]
    for cell in nb.cells:
        grade = cell.metadata.get("nbgrader", {})
        grade_id = grade.get("grade_id", "")
        if grade_id in ("header", "setup", "finish"):
            continue
        if cell.cell_type == "markdown":
            css = "answer" if grade.get("solution") else "question"
            points = f"<p><strong>{grade['points']:g} points, marked by hand.</strong></p>" if grade.get("grade") else ""
            parts.append(f'<div class="{css}">{points}{render(cell.source)}</div>')
        elif grade.get("solution"):
            code = "\n".join(line for line in cell.source.splitlines() if "SOLUTION" not in line)
            parts.append(f'<div class="answer"><p><strong>Solution</strong></p><pre>{html.escape(code)}</pre></div>')
        elif grade.get("grade"):
            check = HIDDEN.sub("", cell.source).strip()
            parts.append(f"<p>Checked by <code>{html.escape(check)}</code> "
                         f"({grade.get('points', 0):g} points; hidden tests recompute the answer from data/).</p>")
    return "\n".join(parts) + "</section>"


def lesson_section(path: Path, answers: list[ModelAnswer]) -> tuple[str, list[str]]:
    """A lesson's "Show the answer" blocks and its Further questions with model answers.

    Returns the HTML and the Further questions that have no model answer yet."""
    nb = nbformat.read(path, as_version=4)
    parts = [f'<section class="page"><h2>Lesson · {html.escape(title_of(nb, path.stem))}</h2>',
             f"<p><em>{html.escape(path.relative_to(ROOT).as_posix())}</em></p>"]
    shown = [(cell.source[:match.start()], match.group(2)) for cell in nb.cells if cell.cell_type == "markdown"
             for match in DETAILS.finditer(cell.source)]
    if shown:
        parts.append("<h3>Questions in the lesson (its “Show the answer” blocks)</h3>")
    for question, answer in shown:
        parts.append(f'<div class="question">{render(question)}</div><div class="answer">{render(answer)}</div>')
    missing = []
    by_question = {answer.question: answer for answer in answers if answer.question}
    questions = further_questions(nb)
    if questions:
        parts.append("<h3>Further questions: model answers</h3>")
    for question in questions:
        found = by_question.get(question)
        parts.append(f'<div class="question">{render(question)}</div>')
        if found:
            parts.append(f'<div class="answer">{render(found.answer)}</div>')
        else:
            missing.append(question)
            parts.append('<p class="missing">No model answer yet: add one to teacher/further-questions.md.</p>')
    return "\n".join(parts) + "</section>", missing


def answer_key(root: Path = ROOT, out: Path = BUILD / "teacher") -> tuple[Path, list[str]]:
    """Write the answer key; return its path and the Further questions still without an answer."""
    answers = model_answers(root / "teacher" / "further-questions.md")
    sections, missing = [], []
    for path in lessons(root):
        section, lacking = lesson_section(path, answers)
        sections.append(section)
        missing += lacking
    asked = {question for path in lessons(root) for question in further_questions(nbformat.read(path, as_version=4))}
    extra = [a for a in answers if not a.question or a.question not in asked]
    if extra:
        sections.append('<section class="page"><h2>More model answers (teacher/further-questions.md)</h2>' + "".join(
            f"<h3>{html.escape(a.heading)}</h3>" + (f'<div class="question">{render(a.question)}</div>' if a.question else "")
            + f'<div class="answer">{render(a.answer)}</div>' for a in extra) + "</section>")
    sections += [exercise_section(path) for path in masters(root)]
    contents = "".join(f"<li>{re.search(r'<h2>(.*?)</h2>', s).group(1)}</li>" for s in sections)  # already escaped
    out.mkdir(parents=True, exist_ok=True)
    target = out / "answer-key.html"
    target.write_text(page("Answer key · Reading a war report critically", f"<ol>{contents}</ol>" + "\n".join(sections),
                           "Teachers only: holds the solutions. Do not share or publish."), encoding="utf-8")
    return target, missing


# --- Handouts ----------------------------------------------------------------------------------

def article_sheet(root: Path = ROOT) -> str:
    """The article, one numbered sentence a row: Vietnamese beside the English working translation."""
    with (root / "data" / "sentences.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    body = ["<p>The article as published in Vietnamese (left) and the course's <strong>English working "
            "translation</strong> (right), one numbered sentence per row; ¶ is the paragraph.</p>",
            "<table><thead><tr><th>#</th><th>¶</th><th>Vietnamese (as published)</th>"
            "<th>English working translation</th></tr></thead><tbody>"]
    for number, row in enumerate(rows, 1):
        body.append(f"<tr><td>{number}</td><td>{html.escape(row['paragraph'])}</td><td lang=\"vi\">"
                    f"{html.escape(row['text_vi'])}</td><td>{html.escape(row['text_en'])}</td></tr>")
    return page("The article: Vietnamese and English working translation", "".join(body) + "</tbody></table>")


# A prediction sheet is for a period without computers: a student holding paper cannot double-click,
# run a cell or see an output that only a running notebook shows. The sheet is built from the lessons'
# own Markdown and committed outputs (no copy of the lesson text), and these rules make it read
# right on paper: sentences that only make sense in a notebook are dropped, a few phrases that
# point at the screen are reworded, and each prediction gets a box to write in.

HEADING = re.compile(r"^#{1,6} ", re.M)
# A sentence that tells the reader to work the notebook (double-click, Shift-Enter, run or edit a
# cell), or that names code to run: an inline code span with a call, an index or a comparison in it.
NOTEBOOK_ONLY = re.compile(r"double-click|shift-enter|\bcells?\b", re.I)
CODE_TO_RUN = re.compile(r"^\.|[(\[=]")
# Phrases that point at something on the screen, and what they say on paper instead.
PAPER_WORDING = {
    "the marked paragraphs above": "the sentences with a disclaimer on your article sheet",
    "The package looks for": "The course looks for",
}
SENTENCE = re.compile(r"(?<=[.?!])([*_”\"’)]*)\s+(?=[*_“\"(]*[A-Z¶`])")


def sentences(text: str) -> list[str]:
    """``text`` (one paragraph or list item, unwrapped) cut into sentences, each with its end marks."""
    return [part for part in SENTENCE.sub(lambda m: m.group(1) + "\n", text).split("\n") if part.strip()]


def notebook_only(sentence: str) -> bool:
    """Whether ``sentence`` makes sense only inside a running notebook (see NOTEBOOK_ONLY, CODE_TO_RUN)."""
    return bool(NOTEBOOK_ONLY.search(sentence)) or any(CODE_TO_RUN.search(span) for span in re.findall(r"`([^`]+)`", sentence))


def for_paper(markdown: str) -> str:
    """A lesson's Markdown as it reads on paper: notebook-only sentences dropped, screen words reworded,
    headings made small (the sheet has its own). Tables and headings are kept whole."""
    for phrase, paper in PAPER_WORDING.items():
        markdown = markdown.replace(phrase, paper)
    blocks = []
    for block in re.split(r"\n[ \t]*\n", DETAILS.sub("", markdown).strip()):
        if block.lstrip().startswith(("|", "#")):
            blocks.append(re.sub(r"^#{1,6} ", "#### ", block, flags=re.M))
            continue
        items = re.split(r"\n(?=[ \t]*(?:[-*]|\d+[.)]) )", block)  # list items, or the paragraph itself
        kept = []
        for item in items:
            marker = re.match(r"[ \t]*(?:(?:[-*]|\d+[.)]) )?", item).group(0)
            text = " ".join(line.strip() for line in item[len(marker):].splitlines())
            words = " ".join(s for s in sentences(text) if not notebook_only(s))
            if words.strip(" *_"):
                kept.append(marker + words)
        if kept:
            blocks.append("\n".join(kept))
    return "\n\n".join(blocks)


def lead_in(cells: list, index: int) -> list:
    """The cells a Predict cell leans on ("these cues", "this rule"): back to its section's heading,
    unless the cell opens its own section. Stops at an earlier prediction or answer, never shows them."""
    if HEADING.search(cells[index].source):
        return []
    taken: list = []
    for cell in reversed(cells[:index]):
        if cell.cell_type == "markdown" and ("**Predict" in cell.source or DETAILS.search(cell.source)):
            return []  # an earlier prediction or answer in this section: the question prints alone
        taken.insert(0, cell)
        if cell.cell_type == "markdown" and HEADING.search(cell.source):
            return taken
    return []


def output_html(cell: nbformat.NotebookNode) -> str:
    """A code cell's committed outputs as they print (never its code): the course's own HTML, a chart, or text."""
    parts = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "application/vnd.jupyter.widget-view+json" in data:
            continue  # a live widget: the static result before it is what prints
        if "text/html" in data:
            parts.append(data["text/html"])
        elif "image/png" in data:
            parts.append(f'<img alt="" src="data:image/png;base64,{data["image/png"]}">')
        elif "text/plain" in data:
            parts.append(f"<pre>{html.escape(data['text/plain'])}</pre>")
        elif output.get("output_type") == "stream":
            parts.append(f"<pre>{html.escape(output['text'])}</pre>")
    return f'<div class="output">{"".join(parts)}</div>' if parts else ""


def prediction_item(cells: list, index: int) -> str:
    """One prediction as it prints: what it leans on, the question, and a box to write the answer in."""
    context = "".join(render(for_paper(cell.source)) if cell.cell_type == "markdown" else output_html(cell)
                      for cell in lead_in(cells, index))
    box = '<div class="answer-box"><p>Your prediction</p>' + '<div class="lines"></div>' * 3 + "</div>"
    return f'<li class="item">{context}<div class="prediction">{render(for_paper(cells[index].source))}{box}</div></li>'


def prediction_sheets(root: Path = ROOT) -> str:
    """Each lesson's "Predict" questions, ready for paper, with a box to write in: one page per lesson."""
    sections = []
    for path in lessons(root):
        nb = nbformat.read(path, as_version=4)
        indices = [i for i, cell in enumerate(nb.cells) if cell.cell_type == "markdown" and "**Predict" in cell.source]
        if not indices:
            continue
        items = "".join(prediction_item(nb.cells, i) for i in indices)
        sections.append(f'<section class="page"><h2>{html.escape(title_of(nb, path.stem))}</h2>'
                        f"<p>Name: ______________________ Date: __________</p>"
                        f"<p>Write each prediction in its box before you see the result.</p><ol>{items}</ol></section>")
    return page("Prediction sheets", "\n".join(sections))


def handouts(root: Path = ROOT, out: Path = BUILD / "handouts") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("article-sheet.html", article_sheet(root)), ("prediction-sheets.html", prediction_sheets(root))):
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written


def to_pdf(page_path: Path) -> Path | None:
    """Print ``page_path`` to PDF with headless Chromium, if it is installed (offline); else None."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        return None
    pdf = page_path.with_suffix(".pdf")
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page_path.as_uri()],
                   capture_output=True, timeout=180, check=False)
    return pdf if pdf.exists() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["answer-key", "handouts"])
    parser.add_argument("--pdf", action="store_true", help="also print each page to PDF with Chromium")
    args = parser.parse_args(argv)
    if args.what == "answer-key":
        path, missing = answer_key()
        written = [path]
        for question in missing:
            print(f"warning: no model answer in teacher/further-questions.md for: {question}", file=sys.stderr)
    else:
        written = handouts()
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
        pdf = to_pdf(path) if args.pdf else None
        if pdf:
            print(f"wrote {pdf.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
