#!/usr/bin/env python3
"""Build the teacher's print-ready pack: the answer key and the handouts (HTML, offline).

    .venv/bin/python scripts/teacher_pack.py answer-key   # build/teacher/answer-key.html   (make answer-key)
    .venv/bin/python scripts/teacher_pack.py handouts     # build/handouts/*.html           (make handouts)
    ... --pdf                                             # also a PDF of each, with Chromium if installed
    ... --lang vi                                         # the Vietnamese edition's, in build/vi/ (LANG=vi)

Everything is read at build time from what is there: every lesson in ``notebooks/`` (by glob,
in file-name order), every exercise master in ``exercises/source/``, ``data/sentences.csv``,
and the teacher-only model answers in ``teacher/further-questions.md``. Nothing lists the
lessons by hand, so a re-cut course rebuilds the same way. The output goes to ``build/``,
which git ignores and the course site never reads: the answer key is never committed to the
student-facing tree nor published.

``--lang vi`` builds the same pack from the Vietnamese edition (``vi/notebooks/``,
``vi/exercises/source/``, ``vi/teacher/further-questions.md``), in ``build/vi/``. The pack's own
words (titles, headings, "Your prediction", the paper rewording) are the messages catalogue's,
``teacher_pack.*`` in ``critical_reading/catalogue/<lang>/``; everything else is the lessons' own
text, and the model answers are the edition's own translation of ``teacher/further-questions.md``,
which quotes the edition's lessons' questions (a translated guide: ``scripts/translations.py check``).
"""

from __future__ import annotations

import argparse
import contextlib
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

from critical_reading import messages
from critical_reading.messages import say, translating_the_article

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
FURTHER = ROOT / "teacher" / "further-questions.md"
#: The language of the masters: the lessons every edition's lessons are generated from.
MASTER_LANGUAGE = "en"
MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table")
WORDS = MarkdownIt("commonmark", {"html": False})  # the catalogue's words: Markdown, never raw HTML
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


@contextlib.contextmanager
def speaking(lang: str):
    """The pack's words in ``lang`` for the duration (the catalogue's language before is restored)."""
    before = messages._chosen
    messages.set_language(lang)
    try:
        yield
    finally:
        messages.set_language(before)


class Html(str):
    """A field of :func:`words` that is HTML already (inserted as it is, not escaped)."""


class _Field:
    """A field of a catalogue message, kept out of its Markdown: it stands in as a token, then comes
    back formatted (``{points:g}``) and escaped, so a title with ``*`` or ``_`` in it prints as it is."""

    def __init__(self, value: object, filled: list[str]):
        self.value, self.filled = value, filled

    def __format__(self, spec: str) -> str:
        text = self.value if isinstance(self.value, Html) else html.escape(format(self.value, spec), quote=False)
        self.filled.append(text)
        return f"\ue000{len(self.filled) - 1}\ue001"


def words(key: str, /, **fields: object) -> str:
    """The pack's own words ``teacher_pack.<key>`` in the current language, as inline HTML: the
    catalogue's Markdown rendered, its ``{fields}`` filled in as text (or as :class:`Html`)."""
    filled: list[str] = []
    rendered = WORDS.renderInline(say(f"teacher_pack.{key}", **{k: _Field(v, filled) for k, v in fields.items()}))
    return re.sub("\ue000(\\d+)\ue001", lambda m: filled[int(m.group(1))], rendered)


def plain(key: str, /, **fields: object) -> str:
    """The same words as plain text (a page title, the terminal)."""
    return html.unescape(re.sub(r"<[^>]+>", "", words(key, **fields)))


def page(title: str, body: str, note: str = "") -> str:
    """A complete, self-contained print-ready HTML page, in the current language."""
    banner = f'<p class="teacher-only">{html.escape(note)}</p>' if note else ""
    return (f'<!DOCTYPE html>\n<html lang="{messages.language()}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title>"
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


def edition(root: Path = ROOT, lang: str = "en") -> Path:
    """The folder of ``lang``'s edition: the course itself for English, ``vi/`` for Vietnamese."""
    return root if lang == "en" else root / lang


def lessons(root: Path = ROOT, lang: str = "en") -> list[Path]:
    return sorted(edition(root, lang).glob("notebooks/[0-9]*.ipynb"))


def masters(root: Path = ROOT, lang: str = "en") -> list[Path]:
    return sorted(p for p in edition(root, lang).glob("exercises/source/*/*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts)


def english_of(path: Path, root: Path = ROOT, lang: str = "en") -> Path:
    """The English master a notebook of ``lang``'s edition is generated from (same cells, same ids)."""
    return root / path.relative_to(edition(root, lang))


def course_title(root: Path = ROOT, lang: str = "en") -> str:
    """The course's name as the first lesson's header gives it, in italics: *Reading a war report critically*."""
    header = nbformat.read(lessons(root, lang)[0], as_version=4).cells[0].source
    return re.search(r"^\*([^*\n]+)\*", header, re.M).group(1)


def output_folder(what: str, lang: str = "en") -> Path:
    """Where ``what`` (``teacher`` or ``handouts``) is built: ``build/<what>``, or ``build/<lang>/<what>``."""
    return BUILD / what if lang == "en" else BUILD / lang / what


def predict_mark() -> str:
    """How a prediction cell starts in the current language: ``**Predict``, ``**Dự đoán``."""
    return "**" + say("teacher_pack.lessons.predict")


def is_prediction(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "markdown" and predict_mark() in cell.source


# --- Further questions: the lessons ask them, teacher/further-questions.md answers them ---------

@dataclass
class ModelAnswer:
    question: str  # as quoted in further-questions.md ("" for a section without a quoted question)
    heading: str   # the lesson heading it sits under
    answer: str    # Markdown


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def further_path(root: Path = ROOT, lang: str = "en") -> Path:
    """``lang``'s model answers: ``teacher/further-questions.md``, or its translation under ``<lang>/``."""
    return edition(root, lang) / "teacher" / "further-questions.md"


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
    """The bullets under a lesson's "## Further questions" heading (in the current language), whitespace normalised."""
    heading, pointer = "## " + say("teacher_pack.lessons.further_heading"), say("teacher_pack.lessons.next_pointer")
    questions = []
    for cell in nb.cells:
        if cell.cell_type != "markdown" or heading not in cell.source:
            continue
        section = cell.source.split(heading, 1)[1].split("\n#", 1)[0]
        items = [normalise(item) for item in re.split(r"^- ", section, flags=re.M)[1:]]
        questions += [item for item in items if not item.startswith(pointer)]  # a pointer, not a question
    return questions


def asked_in_english(path: Path, root: Path = ROOT, lang: str = "en") -> list[tuple[str, str]]:
    """A lesson's Further questions as it asks them, each with the English master's wording of it
    (which teacher/further-questions.md quotes). A translated lesson asks them in the same order;
    if its count differs, its questions are paired with "" (the tests name the lesson)."""
    asked = further_questions(nbformat.read(path, as_version=4))
    with speaking(MASTER_LANGUAGE):
        english = further_questions(nbformat.read(english_of(path, root, lang), as_version=4))
    return list(zip(asked, english)) if len(asked) == len(english) else [(question, "") for question in asked]


# --- The answer key ----------------------------------------------------------------------------

def exercise_section(path: Path, root: Path = ROOT) -> str:
    """Every question of one master with its solution, model answer and marking notes."""
    nb = nbformat.read(path, as_version=4)
    parts = [f'<section class="page"><h2>{html.escape(title_of(nb, path.stem))}</h2>',
             f"<p><em>{words('answer_key.master', path=path.relative_to(root).as_posix())}</em></p>"]
    for cell in nb.cells:
        grade = cell.metadata.get("nbgrader", {})
        grade_id = grade.get("grade_id", "")
        if grade_id in ("header", "setup", "finish"):
            continue
        if cell.cell_type == "markdown":
            css = "answer" if grade.get("solution") else "question"
            points = f"<p><strong>{words('answer_key.points_by_hand', points=grade['points'])}</strong></p>" \
                if grade.get("grade") else ""
            parts.append(f'<div class="{css}">{points}{render(cell.source)}</div>')
        elif grade.get("solution"):
            code = "\n".join(line for line in cell.source.splitlines() if "SOLUTION" not in line)
            parts.append(f'<div class="answer"><p><strong>{words("answer_key.solution")}</strong></p>'
                         f"<pre>{html.escape(code)}</pre></div>")
        elif grade.get("grade"):
            check = HIDDEN.sub("", cell.source).strip()
            checked = words("answer_key.checked_by", check=Html(f"<code>{html.escape(check)}</code>"),
                            points=grade.get("points", 0))
            parts.append(f"<p>{checked}</p>")
    return "\n".join(parts) + "</section>"


def model_answer(answer: str) -> str:
    """A model answer as the key prints it (in the key's language: the edition's further-questions.md)."""
    return f'<div class="answer">{render(answer)}</div>'


def lesson_section(path: Path, answers: list[ModelAnswer], root: Path = ROOT, lang: str = "en") -> tuple[str, list[str]]:
    """A lesson's "Show the answer" blocks and its Further questions with model answers.

    Returns the HTML and the Further questions that have no model answer yet."""
    nb = nbformat.read(path, as_version=4)
    parts = [f'<section class="page"><h2>{words("answer_key.lesson", title=title_of(nb, path.stem))}</h2>',
             f"<p><em>{html.escape(path.relative_to(root).as_posix())}</em></p>"]
    shown = [(cell.source[:match.start()], match.group(2)) for cell in nb.cells if cell.cell_type == "markdown"
             for match in DETAILS.finditer(cell.source)]
    if shown:
        parts.append(f"<h3>{words('answer_key.shown', show_the_answer=say('teacher_pack.lessons.show_the_answer'))}</h3>")
    for question, answer in shown:
        parts.append(f'<div class="question">{render(question)}</div><div class="answer">{render(answer)}</div>')
    missing = []
    by_question = {answer.question: answer for answer in answers if answer.question}
    questions = further_questions(nb)  # as the edition's further-questions.md quotes them
    if questions:
        parts.append(f"<h3>{words('answer_key.further', further_heading=say('teacher_pack.lessons.further_heading'))}"
                     "</h3>")
    for question in questions:
        found = by_question.get(question)
        parts.append(f'<div class="question">{render(question)}</div>')
        if found:
            parts.append(model_answer(found.answer))
        else:
            missing.append(question)
            parts.append(f'<p class="missing">{words("answer_key.no_model_answer")}</p>')
    return "\n".join(parts) + "</section>", missing


def answer_key(root: Path = ROOT, out: Path | None = None, lang: str = "en") -> tuple[Path, list[str]]:
    """Write ``lang``'s answer key; return its path and the Further questions still without an answer."""
    with speaking(lang):
        answers = model_answers(further_path(root, lang))
        sections, missing, asked = [], [], set()
        for path in lessons(root, lang):
            section, lacking = lesson_section(path, answers, root, lang)
            sections.append(section)
            missing += lacking
            asked |= set(further_questions(nbformat.read(path, as_version=4)))
        extra = [a for a in answers if not a.question or a.question not in asked]
        if extra:
            sections.append(f'<section class="page"><h2>{words("answer_key.more")}</h2>' + "".join(
                f"<h3>{html.escape(a.heading)}</h3>" + (f'<div class="question">{render(a.question)}</div>'
                                                        if a.question else "")
                + model_answer(a.answer) for a in extra) + "</section>")
        sections += [exercise_section(path, root) for path in masters(root, lang)]
        contents = "".join(f"<li>{re.search(r'<h2>(.*?)</h2>', s).group(1)}</li>" for s in sections)  # already escaped
        out = out or output_folder("teacher", lang)
        out.mkdir(parents=True, exist_ok=True)
        target = out / "answer-key.html"
        target.write_text(page(plain("answer_key.title", course=course_title(root, lang)),
                               f"<ol>{contents}</ol>" + "\n".join(sections), plain("answer_key.teachers_only")),
                          encoding="utf-8")
    return target, missing


# --- Handouts ----------------------------------------------------------------------------------

def article_sheet(root: Path = ROOT) -> str:
    """The article, one numbered sentence a row: Vietnamese beside the English working translation, or
    alone for a reader of the article's own language (:func:`~critical_reading.messages.translating_the_article`)."""
    with (root / "data" / "sentences.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    english = translating_the_article()
    columns = ["number", "paragraph", "vietnamese"] + (["english"] if english else [])
    body = [f"<p>{words('handouts.article_lead')}</p>",
            "<table><thead><tr>" + "".join(f"<th>{words(f'handouts.{c}')}</th>" for c in columns) + "</tr></thead><tbody>"]
    for number, row in enumerate(rows, 1):
        body.append(f"<tr><td>{number}</td><td>{html.escape(row['paragraph'])}</td><td lang=\"vi\">"
                    f"{html.escape(row['text_vi'])}</td>" + (f"<td>{html.escape(row['text_en'])}</td>" if english else "")
                    + "</tr>")
    return page(plain("handouts.article_title"), "".join(body) + "</tbody></table>")


# A prediction sheet is for a period without computers: a student holding paper cannot double-click,
# run a cell or see an output that only a running notebook shows. The sheet is built from the lessons'
# own Markdown and committed outputs (no copy of the lesson text), and these rules make it read
# right on paper: sentences that only make sense in a notebook are dropped, a few phrases that
# point at the screen are reworded, and each prediction gets a box to write in. The words of these
# rules are the language's own (catalogue teacher_pack.paper: notebook_only, and wording).

HEADING = re.compile(r"^#{1,6} ", re.M)
# Code to run: an inline code span with a call, an index or a comparison in it.
CODE_TO_RUN = re.compile(r"^\.|[(\[=]")
# A sentence ends at . ? or ! (and its closing marks) before the capital, ¶ or code that opens the next.
SENTENCE = re.compile(r"(?<=[.?!])([*_”\"’)]*)\s+(?=[*_“\"(]*([^\s*_“\"(]))")


def notebook_wording() -> re.Pattern:
    """What tells the reader to work the notebook, in the current language (double-click, Shift-Enter,
    run or edit a cell): the catalogue's ``teacher_pack.paper.notebook_only``."""
    return re.compile(say("teacher_pack.paper.notebook_only"), re.I)


def paper_wording() -> dict[str, str]:
    """Phrases of the lessons that point at something on the screen, and what they say on paper
    instead, in the current language (the catalogue's ``teacher_pack.paper.wording.*``)."""
    entries = sorted({key.rsplit(".", 1)[0] for key in messages.catalogue(messages.DEFAULT_LANGUAGE)
                      if key.startswith("teacher_pack.paper.wording.")})
    return {say(f"{entry}.screen"): say(f"{entry}.paper") for entry in entries}


def sentences(text: str) -> list[str]:
    """``text`` (one paragraph or list item, unwrapped) cut into sentences, each with its end marks."""
    def cut(match: re.Match) -> str:
        opens = match.group(2)
        return match.group(1) + "\n" if opens.isupper() or opens in "¶`" else match.group(0)
    return [part for part in SENTENCE.sub(cut, text).split("\n") if part.strip()]


def notebook_only(sentence: str) -> bool:
    """Whether ``sentence`` makes sense only inside a running notebook (see notebook_wording, CODE_TO_RUN)."""
    return bool(notebook_wording().search(sentence)) or any(
        CODE_TO_RUN.search(span) for span in re.findall(r"`([^`]+)`", sentence))


def for_paper(markdown: str) -> str:
    """A lesson's Markdown as it reads on paper: notebook-only sentences dropped, screen words reworded,
    headings made small (the sheet has its own). Tables and headings are kept whole."""
    for phrase, paper in paper_wording().items():
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
        if is_prediction(cell) or (cell.cell_type == "markdown" and DETAILS.search(cell.source)):
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
    box = f'<div class="answer-box"><p>{words("handouts.your_prediction")}</p>' + '<div class="lines"></div>' * 3 + "</div>"
    return f'<li class="item">{context}<div class="prediction">{render(for_paper(cells[index].source))}{box}</div></li>'


def prediction_sheets(root: Path = ROOT, lang: str = "en") -> str:
    """Each lesson's "Predict" questions, ready for paper, with a box to write in: one page per lesson."""
    sections = []
    for path in lessons(root, lang):
        nb = nbformat.read(path, as_version=4)
        indices = [i for i, cell in enumerate(nb.cells) if is_prediction(cell)]
        if not indices:
            continue
        items = "".join(prediction_item(nb.cells, i) for i in indices)
        sections.append(f'<section class="page"><h2>{html.escape(title_of(nb, path.stem))}</h2>'
                        f"<p>{words('handouts.name_date')}</p>"
                        f"<p>{words('handouts.instruction')}</p><ol>{items}</ol></section>")
    return page(plain("handouts.predictions_title"), "\n".join(sections))


def handouts(root: Path = ROOT, out: Path | None = None, lang: str = "en") -> list[Path]:
    """Write ``lang``'s article sheet and prediction sheets; return their paths."""
    out = out or output_folder("handouts", lang)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with speaking(lang):
        for name, text in (("article-sheet.html", article_sheet(root)),
                           ("prediction-sheets.html", prediction_sheets(root, lang))):
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
    parser.add_argument("--lang", choices=[lang for lang in messages.languages() if edition(ROOT, lang).is_dir()],
                        default="en", help="the edition: en (notebooks/), vi (vi/notebooks/, built into build/vi/)")
    args = parser.parse_args(argv)
    if args.what == "answer-key":
        path, missing = answer_key(lang=args.lang)
        written = [path]
    else:
        written, missing = handouts(lang=args.lang), []
    with speaking(args.lang):
        for question in missing:
            print(plain("answer_key.missing", question=question), file=sys.stderr)
        for path in written:
            print(plain("terminal.wrote", path=path.relative_to(ROOT).as_posix()))
            pdf = to_pdf(path) if args.pdf else None
            if pdf:
                print(plain("terminal.wrote", path=pdf.relative_to(ROOT).as_posix()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
