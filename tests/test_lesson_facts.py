"""Lesson prose states no number and no Vietnamese quotation the data does not hold.

Numbers a lesson shows should come from data/ through code. Where Markdown does
mention one (an answer in a hidden block, say), it must be a number that data/,
the article or the dossier contains, so nothing invented slips into prose.
"""

import csv
import re

import nbformat
import pytest

from .conftest import ROOT, SHARED

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
    if SHARED.exists():
        texts.append((SHARED / "dossier.md").read_text(encoding="utf-8"))
    return {_normal(n) for text in texts for n in NUMBER.findall(text)}


def _prose(path):
    notebook = nbformat.read(path, as_version=4)
    cells = [c.source for c in notebook.cells if c.cell_type == "markdown"]
    return cells[1:] if path in LESSONS else cells  # a lesson's header holds its timings


@pytest.mark.parametrize("path", LESSONS + EXERCISES, ids=lambda p: p.name)
def test_numbers_in_prose_come_from_the_data_or_dossier(path):
    if not SHARED.exists():
        pytest.skip("../shared/dossier.md is not beside this checkout")
    known = _known_numbers() | {str(n) for n in range(0, 13)}  # small counts, paragraph numbers
    unknown = []
    for text in _prose(path):
        text = re.sub(r"\b\d+\s*(?:min(?:ute)?s?|seconds?|s)\b", "", text)  # durations
        text = re.sub(r"\b(?:lesson|notebook|exercise|question|step|Q)\s*\d+", "", text, flags=re.I)
        text = re.sub(r"`[^`]*`|https?://\S+|\([^)]*\.ipynb[^)]*\)", "", text)  # code, links
        unknown += [n for n in NUMBER.findall(text) if _normal(n) not in known]
    assert not unknown, f"{path.name}: numbers in prose that data/ and the dossier do not hold: {unknown}"


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
