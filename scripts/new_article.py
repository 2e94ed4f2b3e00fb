#!/usr/bin/env python3
"""Start annotating an article of your own: a folder with the article and empty tables.

    .venv/bin/python scripts/new_article.py my-article            # make articles/my-article/
    .venv/bin/python scripts/new_article.py my-article --split    # then: sentences.csv from the article

The first command creates ``articles/<name>/`` with a placeholder ``article.vi.txt``, one
empty table (header row only) for each table of the data contract
(``critical_reading/contract.py``, documented in ``data/README.md``), a ``sides.csv`` naming
the article's parties, and a ``README.md`` saying how to annotate. It refuses to touch a
folder that already exists, so nobody's annotations are ever overwritten.

After pasting the article into ``article.vi.txt``, ``--split`` writes ``sentences.csv``: one
row per sentence with its paragraph and offsets, ``text_en`` left for you to translate. It
only writes into a ``sentences.csv`` that has no rows yet.

Then the learning loop is: annotate a table, run ``load_tables(folder)`` (the capstone
notebook does), read the one-line error, fix, look again.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"
sys.path.insert(0, str(ROOT))

from critical_reading.contract import NOT_PARTIES, SIDES_FILE, TABLES  # noqa: E402
from critical_reading.data import ARTICLE_FILE  # noqa: E402

NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")
PLACEHOLDER = """\
Dán bài báo vào đây, thay cho hai dòng này: mỗi đoạn một dòng, dòng nguồn (ví dụ "Theo tin từ ... ngày 3 tháng 10 năm 2026") ở cuối.
Paste the article here, replacing these two lines: one paragraph per line, the source line (e.g. "Theo tin từ ... ngày 3 tháng 10 năm 2026") last.
"""
# A sentence ends with . ! ? or … (and any closing quotation mark), before a space and a capital
# letter or an opening quotation mark. Numbers such as 14.000 are not split.
SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’)]?\s+(?=[\"“(]?[A-ZÀ-Ỹ0-9])")

README = """\
# {name}: an article to annotate

Made by `make new-article NAME={name}`. Every file here follows the course's data contract,
documented in `data/README.md` (column by column) and checked by `load_tables(folder)`.

## How to annotate (the loop: annotate, validate, look)

1. **The article.** Paste it into `article.vi.txt`, verbatim: one paragraph per line, the source
   line (who published it, and when: `Theo tin từ … ngày 3 tháng 10 năm 2026`) last.
2. **Sentences.** Run `make article-sentences NAME={name}`: it writes `sentences.csv` with the
   offsets. Add your English working translation in `text_en`, and one row per paragraph in
   `paragraphs.csv` (`topic_en`: what the paragraph is about).
3. **Sides.** In `sides.csv`, one row per party to the conflict (`side` in lowercase, e.g.
   `valdoria`). `none` (not a party: news outlets, monitors) and `unknown` are always allowed.
4. **Sources.** In `sources.csv`, everyone who speaks or passes the text on, including the
   outlet whose text you read (`vn_outlet` if it is not named) and the agency it translates.
5. **Claims.** In `claims.csv`, one row per claim: the verbatim `quote_vi`, who makes it
   (`source_id`), who passed it on (`relayed_by`, e.g. `kna>northwind`), the disclaimer that
   covers it (`flagged_by`).
6. **Figures, time expressions, cues**, then, if you find outside estimates, `estimates.csv`
   and `verdict_evidence.csv`. Empty tables are allowed.

After each step, run the first cells of `notebooks/06-capstone-your-own-article.ipynb` with
`ARTICLE = "{name}"`. A mistake gives one line naming the file, the line, the column,
what is wrong and what is allowed. Fix it and run again. (Messages name every table as
`data/<table>.csv`: read that as the file of the same name in this folder.)

The worked example is `articles/practice/`: an invented article, fully annotated.
"""


def create(name: str, articles: Path = ARTICLES) -> Path:
    """Create ``articles/<name>/`` with the placeholder article and empty tables; return it.

    Raises ``FileExistsError`` if the folder exists and ``ValueError`` for a bad name.
    """
    if not NAME.fullmatch(name):
        raise ValueError(f"{name!r} is not a usable folder name: use lowercase letters, digits and -, "
                         "e.g. my-article")
    folder = articles / name
    if folder.exists():
        raise FileExistsError(f"{folder} already exists: nothing was changed. Choose another NAME, "
                              "or keep annotating the folder you have.")
    folder.mkdir(parents=True)
    (folder / ARTICLE_FILE).write_text(PLACEHOLDER, encoding="utf-8")
    for table, columns in TABLES.items():
        _write(folder / f"{table}.csv", [c.name for c in columns], [])
    _write(folder / SIDES_FILE, ["side", "name_en"], [])
    (folder / "README.md").write_text(README.format(name=name), encoding="utf-8")
    return folder


def _write(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def split_sentences(article: str) -> list[tuple[int, int, int, str]]:
    """``(paragraph, start, end, text)`` for each sentence; paragraphs are the non-empty lines."""
    found, offset, paragraph = [], 0, 0
    for line in article.split("\n"):
        if line.strip():
            paragraph += 1
            start = offset + len(line) - len(line.lstrip())
            text = line.strip()
            pieces = SENTENCE_END.split(text)
            cursor = 0
            for piece in pieces:
                at = text.index(piece, cursor)
                found.append((paragraph, start + at, start + at + len(piece), piece))
                cursor = at + len(piece)
        offset += len(line) + 1
    return found


def write_sentences(folder: Path) -> int:
    """Fill an empty ``sentences.csv`` from ``article.vi.txt``; return the number of sentences."""
    from critical_reading.data import load_article

    target = folder / "sentences.csv"
    with target.open(encoding="utf-8") as handle:
        if len(list(csv.reader(handle))) > 1:
            raise FileExistsError(f"{target} already has rows: nothing was changed (delete the rows "
                                  "below the header to split again).")
    article = load_article(folder)
    if article.startswith(PLACEHOLDER.split(",")[0]):
        raise ValueError(f"{folder / ARTICLE_FILE} still holds the placeholder: paste the article first.")
    rows = [[f"s{i:02d}", paragraph, start, end, text, ""]
            for i, (paragraph, start, end, text) in enumerate(split_sentences(article), start=1)]
    _write(target, [c.name for c in TABLES["sentences"]], rows)
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("name", help="the folder's name under articles/, e.g. my-article")
    parser.add_argument("--split", action="store_true",
                        help="write sentences.csv from the article already pasted into the folder")
    parser.add_argument("--articles", type=Path, default=ARTICLES,
                        help="the folder that holds the articles (default: articles/)")
    args = parser.parse_args(argv)
    try:
        if args.split:
            folder = args.articles / args.name
            if not folder.is_dir():
                raise FileNotFoundError(f"{folder} does not exist: run `make new-article NAME={args.name}` first.")
            count = write_sentences(folder)
            print(f"Wrote {count} sentences to {folder / 'sentences.csv'}: check where each one ends, "
                  "then add text_en.")
        else:
            folder = create(args.name, args.articles)
            print(f"Created {folder}: paste the article into {ARTICLE_FILE}, then read {folder / 'README.md'}.")
            print(f"Parties: list them in {SIDES_FILE}; {' and '.join(NOT_PARTIES)} are always allowed.")
    except (FileExistsError, FileNotFoundError, ValueError) as problem:
        print(f"Problem: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
