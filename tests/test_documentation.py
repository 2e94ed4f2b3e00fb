"""The documentation names what the code does (no stale pointers)."""

import re

from critical_reading.contract import TABLES

from .conftest import ROOT, script


def test_data_readme_documents_every_table_and_column():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for table, columns in TABLES.items():
        section = readme.split(f"### `{table}.csv`", 1)
        assert len(section) == 2, f"data/README.md has no section for {table}.csv"
        body = section[1].split("### ", 1)[0]
        for column in columns:
            assert f"| `{column.name}`" in body, f"{table}.{column.name} is not documented"


def test_data_readme_row_counts_are_current(tables):
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        match = re.search(rf"\| `{table}\.csv` \|[^|]*\| (\d+) \|", readme)
        assert match, f"no row count for {table}.csv"
        assert int(match.group(1)) == len(getattr(tables, table)), table


def test_readme_paths_exist():
    """Every repository path the README mentions in backticks or links exists."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"\]\((?!https?:|#)([^)#]+)\)", readme))
    paths |= {p for p in re.findall(r"`([\w./-]+/[\w./-]*)`", readme) if not p.startswith(("http", "../"))}
    built = ("build/",)  # made by make site / answer-key / handouts, git-ignored
    missing = [p for p in sorted(paths) if not (ROOT / p).exists() and not p.startswith(built)]
    assert not missing, f"README points at missing paths: {missing}"


def test_readme_course_map_is_current():
    """The README's course map is what scripts/course_map.py prints for notebooks/ now."""
    table = script("course_map").course_map(ROOT / "notebooks", "en")
    assert table.strip() in (ROOT / "README.md").read_text(encoding="utf-8"), (
        "the README's course map is stale: paste `python3 scripts/course_map.py notebooks --lang en` over it")
