"""The capstone runs on any folder that follows the contract: the practice article and a copy of the course's."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CAPSTONE = ROOT / "notebooks" / "06-capstone-your-own-article.ipynb"


def _nbval(folder: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, CAPSTONE_ARTICLE=str(folder))
    return subprocess.run([sys.executable, "-m", "pytest", str(CAPSTONE), "-q", "-p", "no:cacheprovider",
                           "-p", "no:xdist"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("which", ["practice", "course-copy"])
def test_every_view_runs_under_nbval(which, tmp_path):
    if which == "practice":
        folder = ROOT / "articles" / "practice"
    else:  # the course's own tables, copied elsewhere: nothing may depend on where data/ is
        folder = tmp_path / "kursk"
        shutil.copytree(ROOT / "data", folder)
    done = _nbval(folder)
    assert done.returncode == 0, done.stdout[-3000:]


def test_a_broken_folder_stops_at_the_first_cell_with_one_line(tmp_path):
    folder = tmp_path / "broken"
    shutil.copytree(ROOT / "articles" / "practice", folder)
    claims = folder / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8").replace("c05,s05,Northwind", "c05,s05,Northwnd", 1),
                      encoding="utf-8")
    done = _nbval(folder)
    assert done.returncode != 0
    assert "Data problem: data/claims.csv, line 6 (claim_id c05), column 'quote_vi'" in done.stdout
