"""Lesson prose states no number and no Vietnamese quotation the data does not hold.

Numbers a lesson shows should come from data/ through code. Where Markdown does
mention one (an answer in a hidden block, say), it must be a number that data/,
the article or the course's source notes (docs/source-notes.md) contain, so nothing invented slips into prose.
"""

import csv
import re

import nbformat
import pytest

from .conftest import ROOT, SOURCE_NOTES

LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").rglob("*.ipynb"))
VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,]\d{3})+(?![\d])|(?<![\w.,])\d+(?:\.\d+)?(?![\d\w])")


def _normal(number: str) -> str:
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", number):
        return number.replace(",", "").replace(".", "")
    return number


def _known_numbers() -> set[str]:
    texts = []
    for path in (ROOT / "data").glob("*.csv"):  # cell by cell: "…,900,1100,…" holds 900 and 1100
        with path.open(encoding="utf-8", newline="") as handle:
            texts += [cell for row in csv.reader(handle) for cell in row]
    texts.append((ROOT / "data" / "article.vi.txt").read_text(encoding="utf-8"))
    texts.append(SOURCE_NOTES.read_text(encoding="utf-8"))
    return {_normal(n) for text in texts for n in NUMBER.findall(text)}


def _prose(path):
    notebook = nbformat.read(path, as_version=4)
    cells = [c.source for c in notebook.cells if c.cell_type == "markdown"]
    return cells[1:] if path in LESSONS else cells  # a lesson's header holds its timings


@pytest.mark.parametrize("path", LESSONS + EXERCISES, ids=lambda p: p.name)
def test_numbers_in_prose_come_from_the_data_or_source_notes(path):
    known = _known_numbers() | {str(n) for n in range(0, 13)}  # small counts, paragraph numbers
    unknown = []
    for text in _prose(path):
        text = re.sub(r"\b\d+\s*(?:min(?:ute)?s?|seconds?|s)\b", "", text)  # durations
        text = re.sub(r"\b(?:lesson|notebook|exercise|question|step|Q)\s*\d+", "", text, flags=re.I)
        text = re.sub(r"`[^`]*`|https?://\S+|\([^)]*\.ipynb[^)]*\)", "", text)  # code, links
        unknown += [n for n in NUMBER.findall(text) if _normal(n) not in known]
    assert not unknown, f"{path.name}: numbers in prose that data/ and docs/source-notes.md do not hold: {unknown}"


@pytest.mark.parametrize("path", LESSONS + EXERCISES, ids=lambda p: p.name)
def test_vietnamese_quoted_in_prose_is_verbatim(path):
    article = (ROOT / "data" / "article.vi.txt").read_text(encoding="utf-8")
    lexicon = (ROOT / "data" / "cues_vi.csv").read_text(encoding="utf-8")
    bad = []
    for text in _prose(path):
        for quoted in re.findall(r"“([^”]+)”|\"([^\"\n]+)\"", text):
            segment = (quoted[0] or quoted[1]).strip().rstrip(".,")
            if VIETNAMESE.search(segment) and segment not in article and segment.lower() not in lexicon.lower():
                bad.append(segment)
    assert not bad, f"{path.name}: Vietnamese quoted in prose but not in the article: {bad}"


def _sections() -> set[str]:
    return set(re.findall(r"^## §(\d+) ", SOURCE_NOTES.read_text(encoding="utf-8"), flags=re.M))


def _citing_files():
    """Every text a learner or teacher reads in the repository, except the notes themselves."""
    for pattern in ("notebooks/*.ipynb", "exercises/**/*.ipynb", "data/*", "docs/*.md", "*.md",
                    "critical_reading/**/*.py", "critical_reading/**/*.toml"):
        for path in ROOT.glob(pattern):
            if path.is_file() and path != SOURCE_NOTES:
                yield path


def test_every_section_cited_resolves_to_the_source_notes():
    sections = _sections()
    assert sections == {"1", "2", "3", "4"}
    bad, cited = [], 0
    for path in _citing_files():
        for number in re.findall(r"§\s*(\d+)", path.read_text(encoding="utf-8")):
            cited += 1
            if number not in sections:
                bad.append(f"{path.relative_to(ROOT)}: §{number}")
    assert cited > 40 and not bad, bad


def test_no_lesson_cites_a_dossier_outside_the_repository():
    """The course cites its own source notes, and links them so a learner can open them."""
    for path in LESSONS + EXERCISES:
        prose = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
        assert "dossier" not in prose.lower(), path.name
        if "§" in prose and path in LESSONS:
            assert "../docs/source-notes.md" in prose, path.name


def test_source_notes_links_resolve_from_the_notebooks():
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', SOURCE_NOTES.read_text(encoding="utf-8")))
    for path in LESSONS + EXERCISES:
        for cell in nbformat.read(path, as_version=4).cells:
            for target, anchor in re.findall(r"\]\(([^)#\s]*source-notes\.md)(?:#([^)\s]+))?\)", cell.source):
                assert (path.parent / target).resolve() == SOURCE_NOTES, (path.name, target)
                assert not anchor or anchor in anchors, (path.name, anchor)
