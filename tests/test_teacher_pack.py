"""The teacher pack: answer key and handouts are built from what is in the course, and kept private.

Both editions have one: English (``notebooks/``, ``build/``) and Vietnamese (``vi/notebooks/``,
``build/vi/``), the pack's own words from the messages catalogue (``teacher_pack.*``).
"""

import csv
import html
import re
import shutil
import subprocess

import nbformat
import pytest

from critical_reading.messages import catalogue

from .conftest import ROOT, script

LANGS = ["en", "vi"]
#: How each edition's prediction cells tell the reader to write in them (its last, notebook-only sentence).
INSTRUCTION = {"en": "double-click", "vi": "nhấp đúp"}


def load():
    return script("teacher_pack")


pack = load()


def text_of(page: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


@pytest.mark.parametrize("lang", LANGS)
def test_every_further_question_has_a_model_answer(lang):
    """A new or re-cut lesson's Further question without a model answer fails here, by name: in
    teacher/further-questions.md for the English lessons, vi/teacher/further-questions.md for the Vietnamese."""
    with pack.speaking(lang):
        asked = [q for path in pack.lessons(lang=lang) for q in pack.further_questions(nbformat.read(path, as_version=4))]
    assert len(asked) >= 6
    further = pack.further_path(lang=lang)
    answers = pack.model_answers(further)
    answered = {answer.question for answer in answers}
    missing = [q for q in asked if q not in answered]
    assert not missing, (f"add each of these Further questions to {further.relative_to(ROOT).as_posix()}, quoted "
                         "on one line starting '> ', with a model answer under it:\n" + "\n".join(missing))
    assert all(len(answer.answer.split()) >= 20 for answer in answers)


def test_the_vietnamese_model_answers_answer_every_english_one():
    """vi/teacher/further-questions.md is teacher/further-questions.md translated: the same sections and
    answers in the same order, each quoting the Vietnamese lessons' wording of the English question."""
    with pack.speaking("vi"):
        vietnamese_of = {en: vi for path in pack.lessons(lang="vi") for vi, en in pack.asked_in_english(path, lang="vi")}
    english, vietnamese = pack.model_answers(), pack.model_answers(pack.further_path(lang="vi"))
    assert len(vietnamese) == len(english) >= 6
    for en, vi in zip(english, vietnamese):
        if en.question:
            assert en.question in vietnamese_of, f"no lesson asks this English question: {en.question}"
            assert vi.question == vietnamese_of[en.question], (
                f"the Vietnamese answer to {en.question!r} is missing or out of order")
        else:
            assert not vi.question and vi.heading, f"the section {en.heading!r} has no Vietnamese counterpart"
        assert vi.answer.count("**") == en.answer.count("**"), f"{vi.question or vi.heading}: model answer and marking notes"


def test_every_translated_further_question_meets_its_english_one():
    """The Vietnamese lessons ask the English lessons' Further questions, in the same order, so each
    finds its model answer (teacher/further-questions.md quotes the English)."""
    with pack.speaking("vi"):
        pairs = [pair for path in pack.lessons(lang="vi") for pair in pack.asked_in_english(path, lang="vi")]
    with pack.speaking("en"):
        english = [q for path in pack.lessons() for q in pack.further_questions(nbformat.read(path, as_version=4))]
    assert [en for _, en in pairs] == english, "a Vietnamese lesson asks more or fewer Further questions than its master"
    assert all(vi != en for vi, en in pairs), "a Vietnamese lesson's Further question is still in English"


def test_the_editions_mark_the_same_prediction_cells():
    """A translated prediction cell keeps its marker (catalogue teacher_pack.lessons.predict), so no
    prediction goes missing from the Vietnamese sheets, and no other cell is taken for one."""
    def predictions(lang):
        with pack.speaking(lang):
            return [(path.name, cell.id) for path in pack.lessons(lang=lang)
                    for cell in nbformat.read(path, as_version=4).cells if pack.is_prediction(cell)]
    assert predictions("vi") == predictions("en")
    def shown(lang):  # the answer key's heading names the lessons' own "Show the answer" blocks
        summary = f"<summary>{catalogue(lang)['teacher_pack.lessons.show_the_answer']}</summary>"
        return [(path.name, cell.id) for path in pack.lessons(lang=lang)
                for cell in nbformat.read(path, as_version=4).cells
                if cell.cell_type == "markdown" and summary in cell.source]
    assert shown("vi") == shown("en") and len(shown("en")) >= 40
    assert [pack.course_title(lang=lang) for lang in LANGS] == [
        "Reading a war report critically", "Đọc một bản tin chiến sự với con mắt phản biện"]


def test_every_word_the_pack_asks_for_is_in_the_catalogue():
    source = (ROOT / "scripts" / "teacher_pack.py").read_text(encoding="utf-8")
    asked = set(re.findall(r"""\b(?:words|plain)\(\s*["']([\w.]+)["']""", source))
    asked |= set(re.findall(r"""\bsay\(\s*["'](teacher_pack\.[\w.]+)["']""", source))
    known = catalogue("en")
    missing = [key for key in asked if key not in known and f"teacher_pack.{key}" not in known]
    assert len(asked) >= 20 and not missing, missing


@pytest.mark.parametrize("lang", LANGS)
def test_answer_key_holds_every_question_and_answer(tmp_path, lang):
    path, missing = pack.answer_key(out=tmp_path, lang=lang)
    assert missing == []
    key = text_of(path.read_text(encoding="utf-8"))
    assert pack.course_title(lang=lang) in key
    for lesson in pack.lessons(lang=lang):
        nb = nbformat.read(lesson, as_version=4)
        assert pack.title_of(nb, "") in key
        for cell in nb.cells:
            for match in pack.DETAILS.finditer(cell.source if cell.cell_type == "markdown" else ""):
                assert text_of(pack.render(match.group(2)))[:80] in key
    for master in pack.masters(lang=lang):
        for cell in nbformat.read(master, as_version=4).cells:
            grade = cell.metadata.get("nbgrader", {})
            if grade.get("solution") and cell.cell_type == "markdown":
                assert text_of(pack.render(cell.source))[:80] in key, (master.name, grade["grade_id"])
            if grade.get("solution") and cell.cell_type == "code":
                solution = [line.strip() for line in cell.source.splitlines() if line.strip() and "SOLUTION" not in line]
                assert all(html.unescape(line) in key for line in solution), (master.name, grade["grade_id"])
    answers = pack.model_answers(pack.further_path(lang=lang))
    for answer in answers:  # every model answer of the edition's own further-questions.md, and its question
        assert text_of(pack.render(answer.answer)) in key, (lang, answer.question or answer.heading)
        assert text_of(pack.render(answer.question)) in key
    assert {"en": "calibrated summary", "vi": "bản tóm tắt có hiệu chỉnh"}[lang] in key.lower()
    if lang == "vi":  # the key's own words and its model answers are Vietnamese
        english = ["Answer key", "Teachers only", "Lesson ·", "Questions in the lesson", "Master:", "marked by hand",
                   "Solution", "Checked by", "No model answer", "More model answers", "Further questions",
                   "Model answer.", "Marking notes.", "in English"]
        assert not [words for words in english if words in key]
        assert not [a.answer for a in pack.model_answers() if text_of(pack.render(a.answer))[:80] in key]


def test_answer_key_and_handouts_stay_out_of_git():
    built = [pack.output_folder(what, lang) / name for lang in LANGS
             for what, name in (("teacher", "answer-key.html"), ("handouts", "article-sheet.html"))]
    assert {path.relative_to(ROOT).as_posix() for path in built} >= {
        "build/teacher/answer-key.html", "build/vi/teacher/answer-key.html", "build/vi/handouts/article-sheet.html"}
    for path in built:
        result = subprocess.run(["git", "check-ignore", "-q", path.relative_to(ROOT).as_posix()], cwd=ROOT)
        assert result.returncode == 0, f"{path} is not git-ignored"
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [path for path in tracked if "answer-key" in path and path.endswith((".html", ".pdf"))]


def test_article_sheet_numbers_every_sentence_side_by_side(handout_pages):
    sheet = handout_pages["en"]["article-sheet.html"]
    with (ROOT / "data" / "sentences.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    cells = re.findall(r"<tr><td>(\d+)</td><td>(\d+)</td><td lang=\"vi\">(.*?)</td><td>(.*?)</td></tr>", sheet)
    assert [(int(n), html.unescape(vi), html.unescape(en)) for n, _, vi, en in cells] == [
        (i, row["text_vi"], row["text_en"]) for i, row in enumerate(rows, 1)]


def test_vietnamese_article_sheet_is_the_article_alone(handout_pages):
    """The Vietnamese edition shows the article without the course's English working translation."""
    sheet = handout_pages["vi"]["article-sheet.html"]
    with (ROOT / "data" / "sentences.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    cells = re.findall(r"<tr><td>(\d+)</td><td>(\d+)</td><td lang=\"vi\">(.*?)</td></tr>", sheet)
    assert [(int(n), int(p), html.unescape(vi)) for n, p, vi in cells] == [
        (i, int(row["paragraph"]), row["text_vi"]) for i, row in enumerate(rows, 1)]
    assert not [row["text_en"] for row in rows if html.escape(row["text_en"], quote=False) in sheet]
    assert '<html lang="vi">' in sheet


@pytest.mark.parametrize("lang", LANGS)
def test_prediction_sheets_ask_every_prediction(handout_pages, lang):
    sheets = text_of(handout_pages[lang]["prediction-sheets.html"])
    marker = catalogue(lang)["teacher_pack.lessons.predict"] + ":"
    asked = 0
    for lesson in pack.lessons(lang=lang):
        for cell in nbformat.read(lesson, as_version=4).cells:
            if cell.cell_type == "markdown" and f"**{marker[:-1]}" in cell.source:
                question = text_of(pack.render(cell.source)).split(marker, 1)[-1]
                said = [part for part in re.split(r"(?<=[.?!])\s+", question.strip())
                        if INSTRUCTION[lang] not in part.lower()]
                assert said[-1] in sheets, (lesson.name, cell.id)  # its last sentence, as the lesson words it
                asked += 1
    assert asked >= 14


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
NOTEBOOK_WORDING = {
    "en": re.compile(
        r"double[- ]?click|shift[-+ ]?enter|\bcells?\b|\bnotebooks?\b|\bclick|\bpress\b|\bkernel\b|\bruns?\b|\brunning\b"
        r"|\bcode\b|\bscroll|\bwidget|\bslider|\bmenu\b|\btype (?:your|it|in)\b|\bpackage\b"
        r"|\b(?:the|this|these) (?:\w+ ){0,2}(?:above|below)\b", re.I),
    # The same in the Vietnamese edition's words: click (nhấp, bấm, nhấn), cell (ô), run (chạy), code
    # (mã as code, not as an id: ô mã, đoạn mã…), scroll (cuộn), slider, menu (trình đơn), type (gõ),
    # package (gói), and "above/below" as a pointer (ở trên, phía dưới…).
    "vi": re.compile(
        r"nhấp|\bbấm\b|\bnhấn\b|shift[-+ ]?enter|\bô\b|\bnotebook|\bkernel\b|\bchạy\b"
        r"|\b(?:ô|đoạn|dòng|viết|chạy|sửa) mã\b|\bmã (?:python|lệnh|nguồn)\b|\bcuộn\b|widget|thanh trượt"
        r"|trình đơn|\bmenu\b|\bgõ\b|\bgói\b|\b(?:ở|phía|bên) (?:trên|dưới)\b|\btrên đây\b", re.I),
}
CODE_TO_RUN = re.compile(r"<code>(?:\.|[^<]*[(\[=])")


@pytest.fixture(scope="module")
def handout_pages(tmp_path_factory):
    """Both editions' handouts, built once for these tests: {language: {file name: HTML}}."""
    return {lang: {path.name: path.read_text(encoding="utf-8")
                   for path in pack.handouts(out=tmp_path_factory.mktemp(f"handouts-{lang}"), lang=lang)}
            for lang in LANGS}


@pytest.mark.parametrize("name", ["article-sheet.html", "prediction-sheets.html"])
@pytest.mark.parametrize("lang", LANGS)
def test_handouts_carry_no_notebook_only_wording(handout_pages, lang, name):
    """A student holding paper cannot double-click, run a cell or look at an output above: no handout asks."""
    page = handout_pages[lang][name]
    text = text_of(re.sub(r"<style>.*?</style>", "", page, flags=re.S))
    found = [text[max(0, m.start() - 60):m.end() + 60] for m in NOTEBOOK_WORDING[lang].finditer(text)]
    assert not found, f"{lang} {name} says what only makes sense in a notebook:\n" + "\n".join(found)
    assert not CODE_TO_RUN.findall(page), f"{lang} {name} shows code to run: {CODE_TO_RUN.findall(page)}"


def test_vietnamese_handouts_say_the_packs_own_words_in_vietnamese(handout_pages):
    """Titles, headers, "Your prediction", the name line: the Vietnamese catalogue's, none left in English."""
    english, vietnamese = ({key: value for key, value in catalogue(lang).items() if key.startswith("teacher_pack.handouts.")}
                           for lang in ("en", "vi"))
    pages = " ".join(text_of(page) for page in handout_pages["vi"].values())
    for key in ("article_title", "article_lead", "vietnamese", "predictions_title", "name_date", "instruction",
                "your_prediction"):
        assert text_of(pack.WORDS.renderInline(vietnamese[f"teacher_pack.handouts.{key}"])) in pages, key
        assert text_of(pack.WORDS.renderInline(english[f"teacher_pack.handouts.{key}"])) not in pages, key


def test_paper_wording_drops_instructions_and_keeps_the_question():
    with pack.speaking("en"):
        assert pack.for_paper("**Predict:** How many? *Double-click this cell and write your guess here, then run "
                              "the next cell.*") == "**Predict:** How many?"
        assert pack.for_paper("**Predict:** Which one? *Write your guess here (double-click) before you run the\nnext "
                              "cell.*") == "**Predict:** Which one?"
        assert pack.for_paper("A few words. `f(tables)` returns a table. Then more.\n\n## Part 2\n\nRun the next cell "
                              "(Shift-Enter).") == "A few words. Then more.\n\n#### Part 2"
        assert pack.for_paper("- one `column`;\n- two `t.loc[rows]`.\n\n| a | b |\n|---|---|\n| `x` | y |") == \
            "- one `column`;\n\n| a | b |\n|---|---|\n| `x` | y |"
        for phrase, paper in pack.paper_wording().items():
            assert pack.for_paper(f"Look at {phrase} now.") == f"Look at {paper} now."


def test_vietnamese_paper_wording_drops_instructions_and_keeps_the_question():
    with pack.speaking("vi"):
        assert pack.for_paper("**Dự đoán:** Bao nhiêu câu? *Nhấp đúp vào ô này và ghi dự đoán của bạn vào đây, rồi "
                              "chạy ô tiếp theo.*") == "**Dự đoán:** Bao nhiêu câu?"
        assert pack.for_paper("**Dự đoán:** Câu nào? *Ghi dự đoán của bạn vào đây (nhấp đúp) trước khi chạy ô\ntiếp "
                              "theo.*") == "**Dự đoán:** Câu nào?"
        # a sentence may open with a Vietnamese capital (Đ, Ô) and hold a number's dot (6.000)
        assert pack.for_paper("Hơn 6.000 người. `f(tables)` trả về một bảng. Đoạn sau.\n\n## Phần 2\n\nÔ tiếp theo "
                              "cho thấy kết quả. Hãy nhấn Shift-Enter.") == "Hơn 6.000 người. Đoạn sau.\n\n#### Phần 2"
        for phrase, paper in pack.paper_wording().items():
            assert pack.for_paper(f"Hãy xem {phrase} lúc này.") == f"Hãy xem {paper} lúc này."


@pytest.mark.parametrize("lang", LANGS)
def test_paper_wording_is_small_and_every_entry_is_used(lang):
    """Each rewording matches a lesson's text today (no dead entries), and none says something notebook-only."""
    lessons = " ".join(cell.source for path in pack.lessons(lang=lang) for cell in nbformat.read(path, as_version=4).cells
                       if cell.cell_type == "markdown")
    with pack.speaking(lang):
        wording = pack.paper_wording()
    assert 1 <= len(wording) <= 10
    for phrase, paper in wording.items():
        assert phrase in lessons, f"teacher_pack.paper.wording ({lang}): no lesson says {phrase!r} any more; drop the entry"
        assert not NOTEBOOK_WORDING[lang].search(paper), paper


@pytest.mark.parametrize("lang", LANGS)
def test_every_prediction_has_a_box_and_what_it_leans_on(handout_pages, lang):
    """Each prediction is printed after its section's opening and the outputs shown there ("these cues",
    "this rule"), never after an answer, and gets a box to write in."""
    sheets = handout_pages[lang]["prediction-sheets.html"]
    predictions = 0
    marker = "**" + catalogue(lang)["teacher_pack.lessons.predict"]
    for lesson in pack.lessons(lang=lang):
        cells = nbformat.read(lesson, as_version=4).cells
        for index, cell in enumerate(cells):
            if cell.cell_type != "markdown" or marker not in cell.source:
                continue
            predictions += 1
            if re.search(r"^#", cell.source, re.M):
                continue  # it opens its own section: what it leans on is in the cell itself
            start = max(i for i in range(index) if cells[i].cell_type == "markdown" and re.search(r"^#", cells[i].source, re.M))
            between = cells[start:index]
            if any(marker in c.source or "<details>" in c.source for c in between if c.cell_type == "markdown"):
                continue
            with pack.speaking(lang):
                rendered = pack.render(pack.for_paper(cell.source))
            item = next(item for item in sheets.split('<li class="item">') if rendered in item)
            before = item.split(rendered)[0]
            heading = re.sub(r"[*_`]", "", re.findall(r"^#+ (.+)$", cells[start].source, re.M)[-1])
            assert heading in text_of(before), (lesson.name, cell.id, heading)
            for output in (out for c in between if c.cell_type == "code" for out in c.outputs):
                shown = output.get("data", {}).get("text/html")
                assert shown is None or shown in before, (lesson.name, cell.id, "an output it leans on is not shown")
    assert sheets.count('class="answer-box"') == predictions >= 14


@pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")
@pytest.mark.parametrize(("lang", "edition"), [("vi", "vi"), ("vi_VN.UTF-8", "vi"), ("en_GB.UTF-8", "en"), ("C", "en")])
def test_make_builds_the_pack_of_the_edition_make_lab_opens(lang, edition):
    """`make handouts LANG=vi` and `make answer-key LANG=vi`, as `make lab LANG=vi` (or a Vietnamese locale)."""
    commands = subprocess.run(["make", "-n", "handouts", "answer-key", f"LANG={lang}"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.splitlines()
    pack_commands = [line for line in commands if "scripts/teacher_pack.py" in line]
    assert len(pack_commands) == 2 and all(line.endswith(f"--lang {edition}") for line in pack_commands), commands
