"""`make new-article` makes a folder a student can annotate; load_tables answers in one line."""

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from critical_reading import DataContractError, load_tables
from critical_reading.contract import TABLES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import new_article  # noqa: E402

PRACTICE = ROOT / "articles" / "practice"


def _problem(folder: Path) -> str:
    with pytest.raises(DataContractError) as caught:
        load_tables(folder)
    message = str(caught.value)
    assert "\n" not in message, "a contract error is one line"
    return message


def test_make_new_article_creates_the_contracts_tables(tmp_path):
    done = subprocess.run(["make", "--no-print-directory", "new-article", "NAME=my-article", f"ARTICLES={tmp_path}"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "my-article"
    for table, columns in TABLES.items():
        with (folder / f"{table}.csv").open(encoding="utf-8") as handle:
            assert list(csv.reader(handle)) == [[c.name for c in columns]], table
    assert (folder / "sides.csv").exists() and (folder / "README.md").exists()
    assert "Paste the article here" in (folder / "article.vi.txt").read_text(encoding="utf-8")
    assert "has no rows" in _problem(folder)


def test_never_overwrites_a_folder(tmp_path):
    folder = new_article.create("mine", tmp_path)
    (folder / "claims.csv").write_text("my annotations", encoding="utf-8")
    assert new_article.main(["mine", "--articles", str(tmp_path)]) == 1
    assert (folder / "claims.csv").read_text(encoding="utf-8") == "my annotations"
    with pytest.raises(ValueError):
        new_article.create("../escape", tmp_path)


def test_the_annotation_loop_gives_one_actionable_line_at_each_step(tmp_path):
    folder = new_article.create("loop", tmp_path)
    with pytest.raises(ValueError):  # the placeholder is not split into sentences
        new_article.write_sentences(folder)
    shutil.copy(PRACTICE / "article.vi.txt", folder / "article.vi.txt")
    assert new_article.write_sentences(folder) == 11
    with pytest.raises(FileExistsError):  # sentences.csv now has rows: never written again
        new_article.write_sentences(folder)
    # the splitter finds the same sentences and offsets the practice article records
    ours = (folder / "sentences.csv").read_text(encoding="utf-8").splitlines()
    theirs = (PRACTICE / "sentences.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[:4] for line in ours] == [line.split(",")[:4] for line in theirs]
    assert "column 'text_en'" in _problem(folder)
    # copy the practice annotations table by table: each step moves the error on, and the end loads
    shutil.copy(PRACTICE / "sentences.csv", folder / "sentences.csv")
    assert "paragraphs.csv" in _problem(folder)
    for name in ("paragraphs", "sources", "claims", "figures", "cues_vi", "time_expressions",
                 "estimates", "verdict_evidence"):
        shutil.copy(PRACTICE / f"{name}.csv", folder / f"{name}.csv")
    assert "sources.csv" in _problem(folder) and "'valdoria'" in _problem(folder)
    shutil.copy(PRACTICE / "sides.csv", folder / "sides.csv")
    assert len(load_tables(folder).claims) == len(load_tables(PRACTICE).claims)
