"""The course site: built offline by `make site`, opened in Chromium, and free of answers.

The site is built once (Jupyter Book 1, warnings as errors, internal links checked by the
build itself). Headless Chromium then opens every lesson page from disk and finds the lesson's
title and the alt text of each chart stored in the lesson; no page of the site holds a model
answer, a solution or a Further-questions answer.
"""

import html
import re

import nbformat
import pytest

from .conftest import ROOT, script
from .test_browser import CHROMIUM, CHROMIUM_ARGS, IN_CI, browser_missing


def load(name):
    return script(name)


site, pack = load("build_site"), load("teacher_pack")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return site.build(out=tmp_path_factory.mktemp("site") / "site")


def answer_snippets() -> list[str]:
    """Text only the answer key holds: masters' model answers and solutions, the Further-questions answers."""
    snippets = []
    for master in pack.masters():
        for cell in nbformat.read(master, as_version=4).cells:
            if cell.metadata.get("nbgrader", {}).get("solution"):
                lines = [line.strip() for line in cell.source.splitlines()
                         if len(line.strip()) > 25 and "SOLUTION" not in line and "answer_q" not in line]
                snippets += lines[:2]
    for lang, label in (("en", "Model answer"), ("vi", "Câu trả lời mẫu")):  # and the Vietnamese edition's
        for answer in pack.model_answers(pack.further_path(lang=lang)):
            text = re.sub(r"[*_`]", "", answer.answer).split(label)[-1].strip(" .:*\n")
            snippets.append(text.split(".")[0][:60])
    # text a lesson itself shows (a model answer under "Show a model answer") is public by design
    lessons = " ".join(re.sub(r"[*_`]", "", path.read_text(encoding="utf-8"))
                       for lang in ("en", "vi") for path in pack.lessons(lang=lang))
    return [snippet for snippet in snippets if snippet and snippet not in lessons]


def chart_alts(lesson) -> list[str]:
    nb = nbformat.read(lesson, as_version=4)
    return [html.unescape(alt) for cell in nb.cells for output in cell.get("outputs", [])
            for alt in re.findall(r'<img[^>]*\balt="([^"]+)"', "".join(output.get("data", {}).get("text/html", "")))]


def test_every_page_is_free_of_answers(built):
    snippets = answer_snippets()
    assert len(snippets) > 30
    for page in built.rglob("*"):
        if page.suffix in (".html", ".ipynb", ".md", ".txt", ".js") and page.is_file():
            text = html.unescape(page.read_text(encoding="utf-8", errors="replace"))
            leaked = [snippet for snippet in snippets if snippet in text]
            assert not leaked, f"{page.relative_to(built)} holds answer-key content: {leaked[:3]}"
    assert not list(built.rglob("*answer-key*")) and not (built / "exercises" / "source").exists()


def test_placeholder_repository_shows_a_warning_instead_of_the_badge(built):
    index = (built / "index.html").read_text(encoding="utf-8")
    if "PLACEHOLDER" in site.hub_link_module().course_settings()["repository"]:
        assert "No Binder badge yet" in index and "mybinder.org/v2" not in index
    else:
        assert "mybinder.org/v2" in index


def test_pages_in_chromium_show_titles_and_chart_descriptions(built):
    if browser_missing():
        if IN_CI:
            pytest.fail(browser_missing())
        pytest.skip(browser_missing())
    from playwright.sync_api import sync_playwright

    lessons = pack.lessons()
    assert lessons
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for lesson in lessons:
            url = (built / "notebooks" / f"{lesson.stem}.html").as_uri()
            page.goto(url)
            title = pack.title_of(nbformat.read(lesson, as_version=4), "")
            shown = page.locator("h1").first.inner_text().replace("\u2019", "'")  # Sphinx's smart quotes
            assert title in shown, (lesson.name, title)
            alts = [page.locator("img").nth(i).get_attribute("alt") for i in range(page.locator("img").count())]
            for alt in chart_alts(lesson):
                assert alt in alts, f"{lesson.name}: chart description missing on the site: {alt[:80]}"
            assert page.locator("a[href$='.ipynb']").count() >= 1, f"{lesson.name}: no download link"
        page.goto((built / "index.html").as_uri())
        assert page.locator("nav").first.is_visible()
        browser.close()


def test_link_check_finds_missing_pages_and_anchors(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "index.html").write_text('<a href="docs/a.html#here">ok</a> <a href="docs/gone.html">x</a>')
    (tmp_path / "docs" / "a.html").write_text('<h2 id="here">A</h2><a href="a.html#nowhere">y</a>'
                                              '<a href="https://example.org/">external</a>')
    assert site.broken_links(tmp_path) == ["docs/a.html -> a.html#nowhere (no such anchor)",
                                           "index.html -> docs/gone.html"]


def test_links_to_unpublished_files_become_plain_paths():
    pages = {"docs/exercises.md", "exercises/release/01-x/01-x-exercises.ipynb"}
    text = ("[student copy](../exercises/release/01-x/01-x-exercises.ipynb) · "
            "[master](../exercises/source/01-x/01-x-exercises.ipynb) · [web](https://example.org) · [here](#top)")
    assert site.rewrite_links(text, "docs/exercises.md", pages) == (
        "[student copy](../exercises/release/01-x/01-x-exercises.ipynb) · "
        "master (`exercises/source/01-x/01-x-exercises.ipynb` in the course folder) · "
        "[web](https://example.org) · [here](#top)")


def test_the_vietnamese_edition_is_a_section_of_the_site(built):
    pages = sorted((built / "vi" / "notebooks").glob("*.html"))
    assert len(pages) == len(list((ROOT / "vi" / "notebooks").glob("[0-9]*.ipynb")))
    first = (built / "vi" / "notebooks" / "00-start-here.html").read_text(encoding="utf-8")
    assert 'lang="vi"' in first or "Bắt đầu" in first or "bài báo" in first
    assert "Tiếng Việt" in (built / "index.html").read_text(encoding="utf-8")


def test_the_vietnamese_source_notes_are_in_the_vietnamese_section():
    """The Vietnamese lessons link vi/docs/source-notes.md#s1…; the site must publish it there."""
    parts = site.published()
    assert "vi/docs/source-notes.md" in parts["Tiếng Việt (the Vietnamese edition)"]
    assert "docs/source-notes.md" in parts["Guides"]


def test_a_translated_guides_first_line_note_is_left_off_the_site(tmp_path):
    """The note that records which English a guide translates is for scripts/translations.py only."""
    source, _ = site.stage(out=tmp_path / "site-src")
    staged = sorted(source.glob("vi/docs/*.md")) + [source / "vi" / "README.md"]
    assert len(staged) == len(list((ROOT / "vi" / "docs").glob("*.md"))) + 1
    for page in staged:
        assert (ROOT / page.relative_to(source)).read_text(encoding="utf-8").startswith("<!-- translation of ")
        text = page.read_text(encoding="utf-8")
        assert "English sha256" not in text and text.startswith("# "), page.relative_to(source)


def test_the_vietnamese_guides_on_the_site_show_no_translation_note(built):
    pages = sorted((built / "vi" / "docs").glob("*.html")) + [built / "vi" / "README.html"]
    assert len(pages) == len(list((ROOT / "vi" / "docs").glob("*.md"))) + 1
    for page in pages:
        assert "English sha256" not in page.read_text(encoding="utf-8"), page.relative_to(built)
