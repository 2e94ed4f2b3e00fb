"""The Vietnamese edition stays in step with the English masters (scripts/translations.py).

Both editions have the same cells with the same ids and the same code; every Markdown cell of
the lessons and exercise masters is translated and reviewed; the committed notebooks under vi/ are exactly what `build` makes
from the catalogues; the glossary's chosen words are used and its rejected ones are not; and
code run from the Vietnamese edition speaks Vietnamese.
"""

import csv
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest

from critical_reading import messages

from . import test_lesson_facts as lesson_facts
from .conftest import ROOT, script

SCRIPT = ROOT / "scripts" / "translations.py"


def load():
    return script("translations")


translations = load()
MASTERS = translations.masters()
LESSONS = [m for m in MASTERS if m.parts[0] == "notebooks"]
GLOSSARY = list(csv.DictReader((ROOT / "translations" / "glossary.csv").open(encoding="utf-8")))


def _read(path):
    return nbformat.read(path, as_version=4)


def _vietnamese_markdown() -> str:
    return "\n".join(
        cell.source
        for master in MASTERS
        for cell in _read(ROOT / translations.edition_path(master)).cells
        if cell.cell_type == "markdown"
    )


@pytest.mark.parametrize("master", MASTERS, ids=str)
def test_same_cells_and_same_code_in_both_editions(master):
    english = _read(ROOT / master)
    vietnamese = _read(ROOT / translations.edition_path(master))
    assert [(c.id, c.cell_type) for c in vietnamese.cells] == [(c.id, c.cell_type) for c in english.cells]
    code = [(c.id, c.source, c.metadata) for c in english.cells if c.cell_type == "code"]
    assert [(c.id, c.source, c.metadata) for c in vietnamese.cells if c.cell_type == "code"] == code


@pytest.mark.parametrize("master", MASTERS, ids=str)
def test_the_committed_edition_is_what_build_makes(master, tmp_path):
    """No hand edits under vi/: edit the .po catalogue, then `make translations`."""
    built = translations.build_notebook(master)
    path = tmp_path / "built.ipynb"
    nbformat.write(built, path)
    committed = ROOT / translations.edition_path(master)
    assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
        f"{committed.relative_to(ROOT)} differs from its catalogue: run `make translations`")


def test_vietnamese_student_copies_are_what_nbgrader_makes_from_the_translated_masters(capsys):
    assert translations.student_copies(check=True) == 0, capsys.readouterr().out
    for english in sorted((ROOT / "exercises" / "release").rglob("*.ipynb")):
        copy = _read(ROOT / translations.LANG / english.relative_to(ROOT))
        assert [(c.id, c.cell_type, c.source) for c in copy.cells if c.cell_type == "code"] == [
            (c.id, c.cell_type, c.source) for c in _read(english).cells if c.cell_type == "code"]


def test_every_lesson_and_exercise_set_is_translated_and_reviewed():
    assert translations.problems() == []


@pytest.mark.parametrize("master", MASTERS, ids=lambda m: m.name)
def test_vietnamese_quoted_in_the_vietnamese_edition_is_verbatim(master):
    """Quotation marks around Vietnamese mean the article's words, in this edition too."""
    lesson_facts.test_vietnamese_quoted_in_prose_is_verbatim(ROOT / translations.edition_path(master))


@pytest.mark.parametrize("row", GLOSSARY, ids=lambda r: r["term_en"])
def test_glossary_term_is_used_and_its_rejected_alternatives_are_not(row):
    text = _vietnamese_markdown().lower()
    assert row["vi"].lower() in text, f"glossary: {row['vi']!r} ({row['term_en']}) is never used"
    used = [word for word in row["rejected_vi"].split("|") if word and word.lower() in text]
    assert not used, f"glossary: {row['term_en']} is {row['vi']!r}, but the edition uses {used}"


def test_links_resolve_from_the_edition():
    for master in MASTERS:
        folder = (ROOT / translations.edition_path(master)).parent
        for cell in _read(ROOT / translations.edition_path(master)).cells:
            if cell.cell_type != "markdown":
                continue
            for _, target in translations.LINK.findall(cell.source):
                if "://" in target or target.startswith(("#", "mailto:")):
                    continue
                assert (folder / target.partition("#")[0]).exists(), f"{master}: broken link {target}"


def test_links_to_notebooks_stay_in_the_edition_and_others_climb_out():
    text = "[01](01a-who-speaks-and-the-chain.ipynb), [data](../data/README.md#claims), <img src=\"../docs/x.png\">"
    assert translations.rewrite_links(text, LESSONS[0]) == (
        "[01](01a-who-speaks-and-the-chain.ipynb), [data](../../data/README.md#claims), <img src=\"../../docs/x.png\">")


def test_a_link_to_a_translated_guide_goes_to_its_copy_and_one_to_an_untranslated_page_climbs_out(tmp_path):
    root = _course(tmp_path, a=[("a1", "Hello.")])
    (root / "docs").mkdir()
    (root / "vi" / "docs").mkdir(parents=True)
    for page in ("docs/notes.md", "vi/docs/notes.md", "docs/english-only.md"):
        (root / page).write_text("# Page\n", encoding="utf-8")
    text = "[§2](../docs/notes.md#s2), [all](../docs/notes.md), <a href=\"../docs/english-only.md#x\">"
    assert translations.rewrite_links(text, translations.Path("notebooks/a.ipynb"), root=root) == (
        "[§2](../docs/notes.md#s2), [all](../docs/notes.md), <a href=\"../../docs/english-only.md#x\">")


def _course(tmp_path, **notebooks):
    """A tiny course: notebooks/<name>.ipynb, each a list of (cell id, Markdown) cells."""
    (tmp_path / "notebooks").mkdir(exist_ok=True)
    for name, cells in notebooks.items():
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_markdown_cell(text, id=cell_id) for cell_id, text in cells]
        notebook.cells.append(nbformat.v4.new_code_cell("print(1)", id=f"{name}-code"))
        nbformat.write(notebook, tmp_path / "notebooks" / f"{name}.ipynb")
    return tmp_path


def _translate(root, name, **by_id):
    path = root / "translations" / "vi" / "notebooks" / f"{name}.po"
    catalogue = translations.polib.pofile(str(path))
    for entry in catalogue:
        if entry.msgctxt in by_id:
            entry.msgstr, entry.flags = by_id[entry.msgctxt], []
    catalogue.save(str(path))


def _entries(root, name):
    path = root / "translations" / "vi" / "notebooks" / f"{name}.po"
    return {entry.msgctxt: entry for entry in translations.polib.pofile(str(path))}


def test_update_keeps_moved_cells_and_marks_edited_ones_fuzzy(tmp_path):
    root = _course(tmp_path, a=[("a1", "Hello."), ("a2", "Moving cell."), ("a3", "Gone soon.")])
    translations.update(root)
    _translate(root, "a", a1="Xin chào.", a2="Ô sẽ chuyển đi.", a3="Sắp bị xoá.")
    assert translations.problems(root) == []

    # The re-cut: a1 edited, a2 moved to a new notebook b under a new id, a3 moved to b and
    # trimmed (its id kept), a4 new.
    _course(root, a=[("a1", "Hello, class."), ("a4", "New.")], b=[("b1", "Moving cell."), ("a3", "Gone.")])
    translations.update(root)
    a, b = _entries(root, "a"), _entries(root, "b")
    assert set(a) == {"a1", "a4"} and a["a1"].fuzzy and a["a1"].previous_msgid == "Hello."
    assert a["a1"].msgstr == "Xin chào."  # kept for the translator to review
    assert a["a4"].msgstr == "" and not a["a4"].fuzzy
    assert b["b1"].msgstr == "Ô sẽ chuyển đi." and not b["b1"].fuzzy
    assert b["a3"].msgstr == "Sắp bị xoá." and b["a3"].fuzzy and b["a3"].previous_msgid == "Gone soon."
    assert translations.problems(root) == [
        "translations/vi/notebooks/a.po: cell a1 is fuzzy (the English changed; review it)",
        "translations/vi/notebooks/a.po: cell a4 is not translated",
        "translations/vi/notebooks/b.po: cell a3 is fuzzy (the English changed; review it)",
    ]
    _translate(root, "a", a1="Xin chào cả lớp.", a4="Mới.")
    _translate(root, "b", a3="Đã xoá.")
    assert translations.problems(root) == []

    built = translations.build_notebook(translations.Path("notebooks/b.ipynb"), root)
    assert [cell.source for cell in built.cells] == ["Ô sẽ chuyển đi.", "Đã xoá.", "print(1)"]
    assert built.metadata["critical_reading"] == {"edition": "vi", "master": "notebooks/b.ipynb"}


def test_build_keeps_the_editions_own_outputs_while_its_code_is_unchanged(tmp_path):
    root = _course(tmp_path, a=[("a1", "Hello.")])
    translations.update(root)
    translations.build(root)
    path = root / "vi" / "notebooks" / "a.ipynb"
    ran = _read(path)
    ran.cells[1].outputs = [nbformat.v4.new_output("stream", text="Xin chào\n")]
    nbformat.write(ran, path)
    translations.build(root)
    assert _read(path).cells[1].outputs[0].text == "Xin chào\n"

    english = _read(root / "notebooks" / "a.ipynb")
    english.cells[1].source = "print(2)"
    nbformat.write(english, root / "notebooks" / "a.ipynb")
    translations.build(root)
    assert _read(path).cells[1].source == "print(2)" and _read(path).cells[1].outputs == []


def test_check_exits_non_zero_and_lists_untranslated_cells(tmp_path, capsys, monkeypatch):
    root = _course(tmp_path, a=[("a1", "Hello.")])
    monkeypatch.setattr(translations, "ROOT", root)
    assert translations.main(["update"]) == 0
    assert translations.main(["check"]) == 1
    assert "translations/vi/notebooks/a.po: cell a1 is not translated" in capsys.readouterr().out


def test_update_leaves_reviewed_catalogues_unchanged():
    before = {p: p.read_bytes() for p in (ROOT / "translations").rglob("*.po")}
    try:
        translations.update()
        after = {p: p.read_bytes() for p in (ROOT / "translations").rglob("*.po")}
        assert after == before, "`make translations` would change the committed catalogues"
    finally:
        for path, content in before.items():
            path.write_bytes(content)


def test_messages_follow_the_edition_of_the_calling_notebook(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSE_LANG", raising=False)
    messages.set_language(None)
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "vi" / "notebooks").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "vi" / "notebooks")
    assert messages.language() == "vi"
    assert messages.say("demo.greeting", name="Lan") == "Xin chào, Lan."
    monkeypatch.chdir(tmp_path / "notebooks")
    assert messages.say("demo.greeting", name="Lan") == "Hello, Lan."
    monkeypatch.setenv("COURSE_LANG", "vi")
    assert messages.language() == "vi"


def test_make_lab_vi_serves_jupyterlab_in_vietnamese(tmp_path):
    """Start JupyterLab with `make lab-vi`'s flags and ask its settings API for the locale."""
    flags = re.search(r"^LAB_VI_FLAGS := (.+)$", (ROOT / "Makefile").read_text(), re.M).group(1).split()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    token = secrets.token_hex(8)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "run")}
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", "--LabApp.news_url=None",
         f"--LabApp.user_settings_dir={tmp_path / 'user-settings'}", *flags],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def get(path):
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                plugin = get("/lab/api/settings/@jupyterlab/translation-extension:plugin")
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "JupyterLab did not start"
                time.sleep(0.5)
        assert plugin["schema"]["properties"]["locale"]["default"] == "vi_VN"
        assert "vi_VN" in get("/lab/api/translations/")["data"], "the Vietnamese language pack is not installed"
    finally:
        server.terminate()
        server.wait(timeout=30)
