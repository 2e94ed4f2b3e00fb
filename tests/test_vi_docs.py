"""The Vietnamese edition's guides (vi/docs/) and front page (vi/README.md) stay usable and in step.

Their relative links resolve; they use the glossary's words, never its rejected ones; Vietnamese in
quotation marks is the article's (or the cue lexicon's) exact words; and the front page's course
map is what scripts/course_map.py prints for vi/notebooks/ now.
"""

import json
import re

import pytest

from .conftest import ROOT, script
from .test_lesson_facts import VIETNAMESE
from .test_translations import GLOSSARY, translations

PAGES = sorted((ROOT / "vi" / "docs").glob("*.md")) + [ROOT / "vi" / "README.md"]
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


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
    text = page.read_text(encoding="utf-8").lower()
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
