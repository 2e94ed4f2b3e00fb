"""The teacher pack: answer key and handouts are built from what is in the course, and kept private."""

import csv
import html
import re
import subprocess

import nbformat

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
