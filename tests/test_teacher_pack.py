"""The teacher pack: answer key and handouts are built from what is in the course, and kept private."""

import csv
import html
import re
import subprocess

import nbformat
import pytest

from .conftest import ROOT, script


def load():
    return script("teacher_pack")


pack = load()


def text_of(page: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def test_every_further_question_has_a_model_answer():
    """A new or re-cut lesson's Further question without a model answer fails here, by name."""
    asked = [q for path in pack.lessons() for q in pack.further_questions(nbformat.read(path, as_version=4))]
    assert len(asked) >= 6
    answered = {answer.question for answer in pack.model_answers()}
    missing = [q for q in asked if q not in answered]
    assert not missing, ("add each of these Further questions to teacher/further-questions.md, quoted on one "
                         "line starting '> ', with a model answer under it:\n" + "\n".join(missing))
    assert all(len(answer.answer.split()) >= 20 for answer in pack.model_answers())


def test_answer_key_holds_every_question_and_answer(tmp_path):
    path, missing = pack.answer_key(out=tmp_path)
    assert missing == []
    key = text_of(path.read_text(encoding="utf-8"))
    for lesson in pack.lessons():
        nb = nbformat.read(lesson, as_version=4)
        assert pack.title_of(nb, "") in key
        for cell in nb.cells:
            for match in pack.DETAILS.finditer(cell.source if cell.cell_type == "markdown" else ""):
                assert text_of(pack.render(match.group(2)))[:80] in key
    for master in pack.masters():
        for cell in nbformat.read(master, as_version=4).cells:
            grade = cell.metadata.get("nbgrader", {})
            if grade.get("solution") and cell.cell_type == "markdown":
                assert text_of(pack.render(cell.source))[:80] in key, (master.name, grade["grade_id"])
            if grade.get("solution") and cell.cell_type == "code":
                solution = [line.strip() for line in cell.source.splitlines() if line.strip() and "SOLUTION" not in line]
                assert all(html.unescape(line) in key for line in solution), (master.name, grade["grade_id"])
    assert "calibrated summary" in key.lower()


def test_answer_key_and_handouts_stay_out_of_git():
    for built in ("build/teacher/answer-key.html", "build/handouts/article-sheet.html"):
        result = subprocess.run(["git", "check-ignore", "-q", built], cwd=ROOT)
        assert result.returncode == 0, f"{built} is not git-ignored"
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [path for path in tracked if "answer-key" in path and path.endswith((".html", ".pdf"))]


def test_article_sheet_numbers_every_sentence_side_by_side(tmp_path):
    article, predictions = pack.handouts(out=tmp_path)
    sheet = article.read_text(encoding="utf-8")
    with (ROOT / "data" / "sentences.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    cells = re.findall(r"<tr><td>(\d+)</td><td>(\d+)</td><td lang=\"vi\">(.*?)</td><td>(.*?)</td></tr>", sheet)
    assert [(int(n), html.unescape(vi), html.unescape(en)) for n, _, vi, en in cells] == [
        (i, row["text_vi"], row["text_en"]) for i, row in enumerate(rows, 1)]
    sheets = text_of(predictions.read_text(encoding="utf-8"))
    for lesson in pack.lessons():
        for cell in nbformat.read(lesson, as_version=4).cells:
            if cell.cell_type == "markdown" and "**Predict" in cell.source:
                question = text_of(pack.render(cell.source)).split("Predict:", 1)[-1]
                said = [part.strip() for part in re.findall(r"[^.?!]+[.?!]", question) if "double-click" not in part.lower()]
                asked = said[-1]  # its last sentence, as the lesson words it
                assert asked in sheets, (lesson.name, cell.id)


def test_exercise_copies_link_nowhere_outside_their_folder():
    """A fetched or downloaded exercise copy has no ../ links: they would point outside its folder."""
    for copy in sorted(ROOT.glob("exercises/*/*/*.ipynb")):
        for cell in nbformat.read(copy, as_version=4).cells:
            if cell.cell_type == "markdown":
                climbing = re.findall(r"\]\((\.\./[^)]*)\)", cell.source)
                assert not climbing, f"{copy.relative_to(ROOT)} cell {cell.id}: {climbing} (name the lesson instead)"


# --- Handouts on paper: nothing a student holding paper cannot do or see ------------------------

# Wording that only makes sense inside a running notebook, written independently of the generator's
# own rules: working the notebook, code, and pointers at something elsewhere on a screen.
NOTEBOOK_WORDING = re.compile(
    r"double[- ]?click|shift[-+ ]?enter|\bcells?\b|\bnotebooks?\b|\bclick|\bpress\b|\bkernel\b|\bruns?\b|\brunning\b"
    r"|\bcode\b|\bscroll|\bwidget|\bslider|\bmenu\b|\btype (?:your|it|in)\b|\bpackage\b"
    r"|\b(?:the|this|these) (?:\w+ ){0,2}(?:above|below)\b", re.I)
CODE_TO_RUN = re.compile(r"<code>(?:\.|[^<]*[(\[=])")


@pytest.fixture(scope="module")
def handout_pages(tmp_path_factory):
    """Both handouts, built once for these tests: {file name: HTML}."""
    return {path.name: path.read_text(encoding="utf-8") for path in pack.handouts(out=tmp_path_factory.mktemp("handouts"))}


@pytest.mark.parametrize("name", ["article-sheet.html", "prediction-sheets.html"])
def test_handouts_carry_no_notebook_only_wording(handout_pages, name):
    """A student holding paper cannot double-click, run a cell or look at an output above: no handout asks."""
    page = handout_pages[name]
    text = text_of(re.sub(r"<style>.*?</style>", "", page, flags=re.S))
    found = [text[max(0, m.start() - 60):m.end() + 60] for m in NOTEBOOK_WORDING.finditer(text)]
    assert not found, f"{name} says what only makes sense in a notebook:\n" + "\n".join(found)
    assert not CODE_TO_RUN.findall(page), f"{name} shows code to run: {CODE_TO_RUN.findall(page)}"


def test_paper_wording_drops_instructions_and_keeps_the_question():
    assert pack.for_paper("**Predict:** How many? *Double-click this cell and write your guess here, then run the next "
                          "cell.*") == "**Predict:** How many?"
    assert pack.for_paper("**Predict:** Which one? *Write your guess here (double-click) before you run the\nnext "
                          "cell.*") == "**Predict:** Which one?"
    assert pack.for_paper("A few words. `f(tables)` returns a table. Then more.\n\n## Part 2\n\nRun the next cell "
                          "(Shift-Enter).") == "A few words. Then more.\n\n#### Part 2"
    assert pack.for_paper("- one `column`;\n- two `t.loc[rows]`.\n\n| a | b |\n|---|---|\n| `x` | y |") == \
        "- one `column`;\n\n| a | b |\n|---|---|\n| `x` | y |"
    for phrase, paper in pack.PAPER_WORDING.items():
        assert pack.for_paper(f"Look at {phrase} now.") == f"Look at {paper} now."


def test_paper_wording_is_small_and_every_entry_is_used():
    """Each rewording matches a lesson's text today (no dead entries), and none says something notebook-only."""
    lessons = " ".join(cell.source for path in pack.lessons() for cell in nbformat.read(path, as_version=4).cells
                       if cell.cell_type == "markdown")
    assert len(pack.PAPER_WORDING) <= 10
    for phrase, paper in pack.PAPER_WORDING.items():
        assert phrase in lessons, f"PAPER_WORDING: no lesson says {phrase!r} any more; drop the entry"
        assert not NOTEBOOK_WORDING.search(paper), paper


def test_every_prediction_has_a_box_and_what_it_leans_on(handout_pages):
    """Each prediction is printed after its section's opening and the outputs shown there ("these cues",
    "this rule"), never after an answer, and gets a box to write in."""
    sheets = handout_pages["prediction-sheets.html"]
    predictions = 0
    for lesson in pack.lessons():
        cells = nbformat.read(lesson, as_version=4).cells
        for index, cell in enumerate(cells):
            if cell.cell_type != "markdown" or "**Predict" not in cell.source:
                continue
            predictions += 1
            if re.search(r"^#", cell.source, re.M):
                continue  # it opens its own section: what it leans on is in the cell itself
            start = max(i for i in range(index) if cells[i].cell_type == "markdown" and re.search(r"^#", cells[i].source, re.M))
            between = cells[start:index]
            if any("**Predict" in c.source or "<details>" in c.source for c in between if c.cell_type == "markdown"):
                continue
            rendered = pack.render(pack.for_paper(cell.source))
            item = next(item for item in sheets.split('<li class="item">') if rendered in item)
            before = item.split(rendered)[0]
            heading = re.sub(r"[*_`]", "", re.findall(r"^#+ (.+)$", cells[start].source, re.M)[-1])
            assert heading in text_of(before), (lesson.name, cell.id, heading)
            for output in (out for c in between if c.cell_type == "code" for out in c.outputs):
                shown = output.get("data", {}).get("text/html")
                assert shown is None or shown in before, (lesson.name, cell.id, "an output it leans on is not shown")
    assert sheets.count('class="answer-box"') == predictions >= 14
