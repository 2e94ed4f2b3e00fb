"""The Vietnamese edition's guides (vi/docs/) and front page (vi/README.md) stay usable and in step.

Their relative links resolve; they use the glossary's words, never its rejected ones; Vietnamese in
quotation marks is the article's (or the cue lexicon's) exact words; the front page's course
map is what scripts/course_map.py prints for vi/notebooks/ now; and each records, on its first line,
the English it translates and that English's hash, which must be the English's hash now (so a
change to an English guide fails here until its translation is brought in step and reviewed).
"""

import hashlib
import json
import re
from pathlib import Path

import nbformat
import pytest

from .conftest import ROOT, SOURCE_NOTES, script
from .test_lesson_facts import VIETNAMESE
from .test_translations import GLOSSARY, translations

PAGES = (sorted((ROOT / "vi" / "docs").glob("*.md")) + [ROOT / "vi" / "README.md"]
         + sorted((ROOT / "vi" / "teacher").glob("*.md")))
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
VI_SOURCE_NOTES = ROOT / "vi" / "docs" / "source-notes.md"
ANCHOR = re.compile(r'<a id="([^"]+)"></a>')
URL = re.compile(r"<(https?://[^>\s]+)>")


def _load_course_map():
    return script("course_map")


def _prose(page) -> str:
    return CODE.sub(" ", page.read_text(encoding="utf-8"))


def test_the_guides_are_there():
    names = {page.name for page in PAGES}
    assert {"student-guide.md", "exercises.md", "assessment.md", "README.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve(page):
    broken = [target for _, target in translations.LINK.findall(_prose(page))
              if "://" not in target and not target.startswith(("#", "mailto:"))
              and not (page.parent / target.partition("#")[0]).exists()]
    assert not broken, f"{page.relative_to(ROOT)}: broken links {broken}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_rejected_glossary_alternative(page):
    text = re.sub(r"\s+", " ", page.read_text(encoding="utf-8").lower())  # a word may wrap to the next line
    used = [(row["term_en"], word) for row in GLOSSARY
            for word in row["rejected_vi"].split("|") if word and word.lower() in text]
    assert not used, f"{page.relative_to(ROOT)}: rejected glossary words (term, word): {used}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_vietnamese_in_quotation_marks_is_the_articles(page):
    article = (ROOT / "data" / "article.vi.txt").read_text(encoding="utf-8")
    lexicon = (ROOT / "data" / "cues_vi.csv").read_text(encoding="utf-8").lower()
    bad = [segment for quoted in re.findall(r"“([^”]+)”|\"([^\"\n]+)\"", _prose(page))
           for segment in [(quoted[0] or quoted[1]).strip().rstrip(".,")]
           if VIETNAMESE.search(segment) and segment not in article and segment.lower() not in lexicon]
    assert not bad, f"{page.relative_to(ROOT)}: quoted Vietnamese that the article does not hold: {bad}"


def test_the_course_map_is_current():
    table = _load_course_map().course_map(ROOT / "vi" / "notebooks", "vi")
    assert table in (ROOT / "vi" / "README.md").read_text(encoding="utf-8"), (
        "vi/README.md's course map is stale: paste the output of "
        "`python3 scripts/course_map.py vi/notebooks --lang vi` over it")


def test_the_course_map_links_a_re_cut_lessons_exercise_set_once(tmp_path):
    course_map = _load_course_map()
    lessons, sets = tmp_path / "notebooks", tmp_path / "exercises" / "release" / "01-x"
    lessons.mkdir()
    sets.mkdir(parents=True)
    (sets / "01-x-exercises.ipynb").write_text("{}", encoding="utf-8")
    for name, title in (("01a-x", "01a · Đọc kỹ"), ("01b-x", "01b · Đọc kỹ (tiếp)")):
        cell = f"# {title}\n\n**Câu hỏi**\n\n- Ai nói?\n\n**Thời lượng.** Khoảng 40 phút."
        (lessons / f"{name}.ipynb").write_text(
            json.dumps({"cells": [{"cell_type": "markdown", "source": cell}]}), encoding="utf-8")
    rows = course_map.course_map(lessons, "vi").splitlines()[2:]
    assert rows == [
        "| 01a | [Đọc kỹ](notebooks/01a-x.ipynb) | Ai nói? | 40 phút | — |",
        "| 01b | [Đọc kỹ (tiếp)](notebooks/01b-x.ipynb) | Ai nói? | 40 phút | "
        "[bộ 01](exercises/release/01-x/01-x-exercises.ipynb) |",
    ]


def test_translations_check_covers_every_guide():
    assert [ROOT / guide for guide in translations.guides()] == sorted(PAGES)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_guide_records_its_english_and_the_english_has_not_changed_since(page):
    guide = page.relative_to(ROOT)
    first = page.read_text(encoding="utf-8").partition("\n")[0]
    assert translations.GUIDE_NOTE.match(first + "\n"), (
        f"{guide}: its first line should record the English it translates, "
        f"`<!-- translation of {guide.relative_to('vi').as_posix()}, English sha256 <12 hex digits> -->`; "
        f"run `python scripts/translations.py reviewed {guide.as_posix()}` once it is in step")
    english, _ = translations.recorded_english(guide)
    assert english == guide.relative_to("vi"), f"{guide} should translate {guide.relative_to('vi')}, not {english}"
    assert translations.guide_problems(only=[guide]) == []


def _guides(root):
    """A tiny course: one English guide and its Vietnamese translation, which records nothing yet."""
    (root / "docs").mkdir()
    (root / "vi" / "docs").mkdir(parents=True)
    (root / "docs" / "guide.md").write_text("# Guide\n\nRun the cells.\n", encoding="utf-8")
    (root / "vi" / "docs" / "guide.md").write_text("# Hướng dẫn\n\nChạy các ô.\n", encoding="utf-8")
    return Path("vi/docs/guide.md")


def test_check_lists_a_guide_whose_english_changed_and_reviewed_clears_it(tmp_path, capsys, monkeypatch):
    guide = _guides(tmp_path)
    reviewed = "run `python scripts/translations.py reviewed vi/docs/guide.md`"
    assert translations.guide_problems(tmp_path) == [
        f"vi/docs/guide.md: its first line does not record which English it translates; "
        f"once it follows docs/guide.md, {reviewed}"]

    note = translations.review_guide(guide, tmp_path)
    sha = hashlib.sha256(b"# Guide\n\nRun the cells.\n").hexdigest()[:12]
    assert note == f"<!-- translation of docs/guide.md, English sha256 {sha} -->"
    assert (tmp_path / guide).read_text(encoding="utf-8") == note + "\n# Hướng dẫn\n\nChạy các ô.\n"
    assert translations.guide_problems(tmp_path) == []
    (tmp_path / "docs" / "guide.md").write_bytes(b"# Guide\r\n\r\nRun the cells.\r\n")  # a Windows checkout
    assert translations.guide_problems(tmp_path) == []

    (tmp_path / "docs" / "guide.md").write_text("# Guide\n\nRun the cells in order.\n", encoding="utf-8")
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    monkeypatch.chdir(tmp_path / "vi")  # paths on the command line may be given from anywhere
    assert translations.main(["check"]) == 1
    assert capsys.readouterr().out == (
        f"vi/docs/guide.md: docs/guide.md changed since it was translated; update the translation, then {reviewed}\n")

    (tmp_path / guide).write_text(note + "\n# Hướng dẫn\n\nChạy các ô theo thứ tự.\n", encoding="utf-8")
    assert translations.main(["check", "docs/guide.md"]) == 1  # translated, but not yet recorded as reviewed
    capsys.readouterr()
    assert translations.main(["reviewed", "docs/guide.md"]) == 0
    assert translations.main(["check"]) == 0
    assert "every cell, table value and guide is translated and reviewed" in capsys.readouterr().out
    text = (tmp_path / guide).read_text(encoding="utf-8")
    assert text.startswith("<!-- translation of docs/guide.md, English sha256 ")
    assert text.partition("\n")[2] == "# Hướng dẫn\n\nChạy các ô theo thứ tự.\n", "reviewed changed the translation"


def test_reviewed_refuses_a_file_that_is_not_a_translated_guide(tmp_path, capsys, monkeypatch):
    _guides(tmp_path)
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    monkeypatch.chdir(tmp_path)
    assert translations.main(["reviewed", "docs/guide.md"]) == 2
    assert "docs/guide.md is not a translated guide" in capsys.readouterr().err
    assert not (tmp_path / "docs" / "guide.md").read_text(encoding="utf-8").startswith("<!--")


def test_the_vietnamese_source_notes_have_the_english_anchors_and_links():
    """Lessons cite §1–§4 and T1–T5 by anchor, and every fact keeps its link."""
    english, vietnamese = SOURCE_NOTES.read_text(encoding="utf-8"), VI_SOURCE_NOTES.read_text(encoding="utf-8")
    assert ANCHOR.findall(vietnamese) == ANCHOR.findall(english)
    assert sorted(URL.findall(vietnamese)) == sorted(URL.findall(english))


def _vietnamese_edition_texts():
    """(where, Markdown) for every Markdown cell of the Vietnamese notebooks and exercises, and every guide."""
    for path in sorted((ROOT / "vi").rglob("*.ipynb")):
        if ".ipynb_checkpoints" not in path.parts:
            for cell in nbformat.read(path, as_version=4).cells:
                if cell.cell_type == "markdown":
                    yield path, cell.source
    for page in PAGES:
        yield page, page.read_text(encoding="utf-8")


def test_the_vietnamese_edition_sends_its_readers_to_the_vietnamese_source_notes():
    """Every link to the source notes opens vi/docs/source-notes.md at an anchor it has. A guide may
    link the English page only where the link names it (`[docs/source-notes.md](…)`), beside the
    Vietnamese one; a path written out in an exercise is the Vietnamese page's too."""
    anchors = set(ANCHOR.findall(VI_SOURCE_NOTES.read_text(encoding="utf-8")))
    links = re.compile(r"\[([^\]]*)\]\(([^)\s#]*source-notes\.md)(?:#([^)\s]*))?\)")
    bad, seen = [], 0
    for path, text in _vietnamese_edition_texts():
        where = path.relative_to(ROOT).as_posix()
        for label, target, anchor in links.findall(text):
            resolved = (path.parent / target).resolve()
            if resolved == SOURCE_NOTES and path in PAGES and label == "docs/source-notes.md" and not anchor:
                continue  # the English page, named as such
            seen += 1
            if resolved != VI_SOURCE_NOTES.resolve():
                bad.append(f"{where}: {target}")
            elif anchor and anchor not in anchors:
                bad.append(f"{where}: {target}#{anchor} (no such anchor)")
        bad += [f"{where}: `{p}`" for p in re.findall(r"`([\w./-]*source-notes\.md)`", text)
                if p != "vi/docs/source-notes.md"]
    assert seen > 20 and not bad, bad
