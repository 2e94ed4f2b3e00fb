"""Keep the Vietnamese edition in step with the English notebooks, which stay the masters.

One gettext catalogue per English notebook, ``translations/<lang>/<notebook path>.po``, holds
one entry per Markdown cell: ``msgctxt`` is the cell id, ``msgid`` the English source, ``msgstr``
the translation. Code cells are never translated: both editions run the same code.

    python scripts/translations.py update   # English changed: refresh every catalogue
    python scripts/translations.py build    # write the Vietnamese notebooks under vi/
    python scripts/translations.py check    # list untranslated and fuzzy entries, stale guides; exit 1 if any
    python scripts/translations.py student-copies [--check]   # vi/exercises/release/, by nbgrader
    python scripts/translations.py reviewed vi/docs/teacher-guide.md   # a guide matches its English now

``update`` reuses any translation whose English text is translated anywhere in the language's
catalogues (a translation memory), so a cell moved to another notebook, or a notebook split in
two, keeps its translation. An English cell that changed keeps its old translation marked
"fuzzy" (with the old English as ``#| msgid``) until a translator reviews it.

A translator updating a changed English cell (translations/README.md says more):
(1) ``make translations``; (2) in the ``.po`` file it lists, correct the entry marked
``#, fuzzy`` (or with an empty ``msgstr``) and delete the ``fuzzy`` flag; (3) ``make translations``
again, then commit the ``.po`` file and the rebuilt notebooks under ``vi/``.

The tables' learner-facing English (the columns the contract marks ``translated``: names,
definitions, notes, the course's reasoning) is translated beside the data, in each data folder's
``translations.<lang>.toml``: ``update`` adds every new English value with an empty translation,
``check`` lists the empty ones and those whose English is no longer in the table.

The guides (``vi/docs/*.md``, ``vi/README.md``, and the teacher-only model answers in
``vi/teacher/*.md``) are translated by hand, whole. The first line of each records the English it
translates and the first 12 hex digits of that English file's SHA-256,
``<!-- translation of docs/teacher-guide.md, English sha256 1a2b3c4d5e6f -->`` (an HTML comment:
Markdown renderers do not show it, and the course site drops it). ``check`` lists every guide whose
English has changed since; once the translation follows the English again, ``reviewed <guide>``
records the English's hash as it is now.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import posixpath
import re
import sys
import tempfile
import tomllib
from collections.abc import Iterable
from pathlib import Path

import nbformat
import polib

ROOT = Path(__file__).resolve().parent.parent
LANG = "vi"
MASTER_GLOBS = ("notebooks/*.ipynb", "exercises/source/*/*.ipynb")
HEADER = {
    "Project-Id-Version": "critical-reading course",
    "Language": LANG,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}
# nbgrader's placeholder in a written answer's cell; the header of every exercise set tells the
# student to look for "YOUR ANSWER HERE", so those words stay. Code stubs stay English (code is
# the same in both editions).
TEXT_STUB = {"vi": "YOUR ANSWER HERE (nhấp đúp vào ô để viết; viết xong thì nhấn Shift-Enter)"}
# Markdown links and images ](target), and HTML href="target" / src="target".
LINK = re.compile(r"(\]\(|\b(?:href|src)=\")([^)\"\s]+)")


def masters(root: Path = ROOT) -> list[Path]:
    """The English notebooks, as paths relative to ``root``."""
    return sorted(p.relative_to(root) for pattern in MASTER_GLOBS for p in root.glob(pattern))


def catalogue_path(master: Path, lang: str = LANG) -> Path:
    """``notebooks/00-start-here.ipynb`` -> ``translations/vi/notebooks/00-start-here.po``."""
    return Path("translations") / lang / master.with_suffix(".po")


def edition_path(master: Path, lang: str = LANG) -> Path:
    """``notebooks/00-start-here.ipynb`` -> ``vi/notebooks/00-start-here.ipynb``."""
    return Path(lang) / master


def _markdown_cells(notebook: nbformat.NotebookNode) -> Iterable[nbformat.NotebookNode]:
    return (cell for cell in notebook.cells if cell.cell_type == "markdown")


def _new_catalogue() -> polib.POFile:
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = dict(HEADER)
    return catalogue


def _load(path: Path) -> polib.POFile:
    return polib.pofile(str(path), wrapwidth=0) if path.exists() else _new_catalogue()


def memory(root: Path = ROOT, lang: str = LANG) -> dict[str, str]:
    """English -> translation, from every reviewed entry of every catalogue of ``lang``."""
    found: dict[str, str] = {}
    for path in sorted((root / "translations" / lang).rglob("*.po")):
        for entry in _load(path).translated_entries():
            found.setdefault(entry.msgid, entry.msgstr)
    return found


def update(root: Path = ROOT, lang: str = LANG) -> dict[Path, polib.POFile]:
    """Refresh every catalogue from its English notebook; drop catalogues of deleted notebooks.

    For each Markdown cell, in order: its own reviewed translation; any reviewed translation of
    the same English (the memory); else the last translation of the same cell id, marked fuzzy,
    from its own catalogue or, for a cell moved to another notebook, from the one catalogue that
    held that id (ids such as ``q1`` that several notebooks use are not carried across).
    """
    remembered = memory(root, lang)
    before_update = {
        path: {entry.msgctxt: entry for entry in _load(path) if not entry.obsolete}
        for path in sorted((root / "translations" / lang).rglob("*.po"))
    }
    holders: dict[str, list[polib.POEntry]] = {}
    for entries in before_update.values():
        for cell_id, entry in entries.items():
            holders.setdefault(cell_id, []).append(entry)
    written: dict[Path, polib.POFile] = {}
    for master in masters(root):
        path = root / catalogue_path(master, lang)
        old = before_update.get(path, {})
        catalogue = _new_catalogue()
        for cell in _markdown_cells(nbformat.read(root / master, as_version=4)):
            entry = polib.POEntry(msgctxt=cell.id, msgid=cell.source, occurrences=[(master.as_posix(), "")])
            moved = holders.get(cell.id, [])
            before = old.get(cell.id) or (moved[0] if len(moved) == 1 else None)
            if before is not None and before.translated() and before.msgid == cell.source:
                entry.msgstr = before.msgstr
            elif cell.source in remembered:
                entry.msgstr = remembered[cell.source]
            elif before is not None and before.msgstr:  # the English changed: keep, flag for review
                entry.msgstr = before.msgstr
                entry.flags = ["fuzzy"]
                entry.previous_msgid = before.previous_msgid if before.fuzzy and before.previous_msgid else before.msgid
            catalogue.append(entry)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalogue.save(str(path))
        written[path] = catalogue
    for stale in set(before_update) - set(written):
        stale.unlink()
    return written


def rewrite_links(text: str, master: Path, lang: str = LANG, root: Path = ROOT) -> str:
    """Make relative links in ``master``'s prose resolve from its copy under ``lang/``.

    A link to another English notebook points to its translated copy, and a link to a guide that
    has a translated counterpart under ``lang/`` (``docs/source-notes.md`` -> ``vi/docs/source-notes.md``,
    see ``guides``) points to that counterpart, its #anchor kept: the link stays as written, since
    the edition mirrors the tree. Any other relative link climbs out of ``lang/`` to the English file.
    """
    translated = {m.as_posix() for m in masters(root)}
    translated |= {guide.relative_to(lang).as_posix() for guide in guides(root, lang)}
    here = master.parent.as_posix()

    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if re.match(r"[a-z][a-z0-9+.-]*:|#|/", target, re.I):
            return match.group(0)
        path, _, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(here, path))
        if resolved in translated:
            return match.group(0)
        new = posixpath.relpath(resolved, posixpath.join(lang, here)) + (f"#{fragment}" if fragment else "")
        return match.group(1) + new

    return LINK.sub(fix, text)


def build_notebook(master: Path, root: Path = ROOT, lang: str = LANG) -> nbformat.NotebookNode:
    """The translated notebook: same cells and ids, Markdown from the catalogue (English if missing).

    Code cells are the master's. Their outputs are the edition's own where it has run the same
    code (``scripts/run_notebooks.py vi/notebooks/...`` refreshes them in Vietnamese), else the
    master's, so rebuilding never throws away checked outputs.
    """
    notebook = nbformat.read(root / master, as_version=4)
    entries = {entry.msgctxt: entry for entry in _load(root / catalogue_path(master, lang))}
    existing = root / edition_path(master, lang)
    ran = {cell.id: cell for cell in nbformat.read(existing, as_version=4).cells} if existing.exists() else {}
    for cell in notebook.cells:
        before = ran.get(cell.id)
        if cell.cell_type == "code" and before is not None and before.get("source") == cell.source:
            cell.outputs, cell.execution_count = before.outputs, before.execution_count
    for cell in _markdown_cells(notebook):
        entry = entries.get(cell.id)
        if entry is not None and entry.translated() and entry.msgid == cell.source:
            cell.source = rewrite_links(entry.msgstr, master, lang, root)
        else:
            cell.source = rewrite_links(cell.source, master, lang, root)
    notebook.metadata["critical_reading"] = {"edition": lang, "master": master.as_posix()}
    return notebook


def build(root: Path = ROOT, lang: str = LANG, out: Path | None = None) -> list[Path]:
    """Write every translated notebook under ``out`` (default: ``root/lang``)."""
    out = root if out is None else out
    written = []
    for master in masters(root):
        target = out / edition_path(master, lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(build_notebook(master, root, lang), target)
        written.append(target)
    # an English master that was removed or renamed (a re-cut lesson) takes its edition with it
    for pattern in MASTER_GLOBS:
        for stale in (out / lang).glob(pattern):
            if stale not in written:
                stale.unlink()
    return written


def student_copies(root: Path = ROOT, lang: str = LANG, check: bool = False) -> int:
    """Generate ``lang/exercises/release/`` from the translated masters, exactly as the English
    student copies are generated (scripts/generate_student_copies.py, same nbgrader settings but
    the answer placeholder in ``lang``). Never overwrites a copy that holds a student's work.
    With ``check``, only lists differences. Returns the number of problems."""
    spec = importlib.util.spec_from_file_location("student_copies", root / "scripts" / "generate_student_copies.py")
    copies = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(copies)
    release = root / lang / "exercises" / "release"
    with tempfile.TemporaryDirectory(prefix="nbgrader-config-") as tmp:
        config = Path(tmp) / "nbgrader_config.py"
        english = (root / "exercises" / "nbgrader_config.py").read_text(encoding="utf-8")
        config.write_text(f"{english}\nc.ClearSolutions.text_stub = {TEXT_STUB[lang]!r}\n", encoding="utf-8")
        generated = copies.generate(source=root / lang / "exercises" / "source", config=config)

    def log(line: str) -> None:
        print(line.replace("exercises/release/", f"{lang}/exercises/release/"))

    if check:
        lines = copies.differences(generated, release)
        for line in lines:
            log(line)
        return len(lines)
    return copies.update(generated, release, log=log)


def data_folders(root: Path = ROOT) -> list[Path]:
    """The course's data folder and every article folder beside it."""
    articles = root / "articles"
    found = sorted(p for p in articles.iterdir() if (p / "claims.csv").exists()) if articles.is_dir() else []
    return [folder for folder in [root / "data", *found] if (folder / "claims.csv").exists()]


def _english(folder: Path) -> dict[str, list[str]]:
    """``"table.column"`` → the column's distinct English values, in row order, for every translated column."""
    import pandas as pd

    from critical_reading.contract import TABLES
    found = {}
    for table, columns in TABLES.items():
        path = folder / f"{table}.csv"
        if not path.exists():
            continue
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in columns:
            if column.translated and column.name in frame:
                found[f"{table}.{column.name}"] = list(dict.fromkeys(v for v in frame[column.name] if v.strip()))
    return found


def data_catalogue_path(folder: Path, lang: str = LANG) -> Path:
    from critical_reading.contract import TRANSLATIONS_FILE
    return folder / TRANSLATIONS_FILE.format(lang=lang)


def _read_data_catalogue(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    sections = tomllib.loads(path.read_text(encoding="utf-8"))
    return {f"{table}.{column}": dict(words) for table, by_column in sections.items()
            for column, words in by_column.items()}


def update_data(folder: Path, lang: str = LANG) -> tuple[int, int, int]:
    """Add every new English value of the folder's tables to its catalogue; keep every translation.

    Returns (entries, untranslated, no longer in the table). Stale entries stay, under a comment,
    until a translator deletes them.
    """
    path = data_catalogue_path(folder, lang)
    old = _read_data_catalogue(path)
    english = _english(folder)
    lines = [f"# The {lang} of the English in {folder.name}/'s tables (the columns data/README.md marks",
             "# translated). One section per column; each line is \"English, exactly as in the table\" =",
             "# \"translation\". An empty translation shows the English. `make translations` adds new",
             "# English and lists what is left to do; keep the same wording for the same thing (translations/glossary.csv).",
             ""]
    total = empty = stale = 0
    for key in [*english, *(k for k in old if k not in english)]:
        current, known = english.get(key, []), old.get(key, {})
        gone = [en for en in known if en not in current]
        if not current and not gone:
            continue
        lines.append(f"[{key}]")
        for en in current:
            lines.append(f"{json.dumps(en, ensure_ascii=False)} = {json.dumps(known.get(en, ''), ensure_ascii=False)}")
            total += 1
            empty += not known.get(en, "").strip()
        if gone:
            lines.append("# No longer in the table (the English changed): move the translation up, then delete these.")
            lines += [f"{json.dumps(en, ensure_ascii=False)} = {json.dumps(known[en], ensure_ascii=False)}" for en in gone]
            stale += len(gone)
        lines.append("")
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    return total, empty, stale


def data_problems(root: Path = ROOT, lang: str = LANG) -> list[str]:
    """One line per English table value with no translation, and per translation of English that is gone."""
    lines = []
    for folder in data_folders(root):
        path = data_catalogue_path(folder, lang)
        shown = path.relative_to(root)
        known = _read_data_catalogue(path)
        english = _english(folder)
        for key, values in english.items():
            lines += [f"{shown}: [{key}] {en!r} is not translated" for en in values
                      if not known.get(key, {}).get(en, "").strip()]
        for key, words in known.items():
            lines += [f"{shown}: [{key}] {en!r} is no longer in the table; move its translation to the new English"
                      for en in words if en not in english.get(key, [])]
    return lines


def problems(root: Path = ROOT, lang: str = LANG, only: Iterable[Path] | None = None) -> list[str]:
    """One line per cell that is not translated, not reviewed, or whose catalogue is out of date."""
    lines = []
    for master in masters(root) if only is None else only:
        path = catalogue_path(master, lang)
        entries = {entry.msgctxt: entry for entry in _load(root / path)}
        for cell in _markdown_cells(nbformat.read(root / master, as_version=4)):
            entry = entries.get(cell.id)
            if entry is None or entry.msgid != cell.source:
                lines.append(f"{path}: cell {cell.id} changed in English; run `make translations`")
            elif entry.fuzzy:
                lines.append(f"{path}: cell {cell.id} is fuzzy (the English changed; review it)")
            elif not entry.msgstr:
                lines.append(f"{path}: cell {cell.id} is not translated")
    return lines


# --------------------------------------------------------------------------- the guides

# A translated guide is a Markdown page under <lang>/ that mirrors an English one.
GUIDE_GLOBS = ("docs/*.md", "README.md", "teacher/*.md")
# Its first line: which English it translates, and that English's hash when it was last reviewed.
GUIDE_NOTE = re.compile(r"\A<!-- translation of (?P<english>\S+), English sha256 (?P<sha>[0-9a-f]{12}) -->\r?\n")


def guides(root: Path = ROOT, lang: str = LANG) -> list[Path]:
    """The translated guides, as paths relative to ``root``: ``vi/docs/*.md``, ``vi/README.md`` and
    ``vi/teacher/*.md`` (the teacher-only model answers)."""
    return sorted(p.relative_to(root) for pattern in GUIDE_GLOBS for p in (root / lang).glob(pattern))


def english_sha(path: Path) -> str:
    r"""The first 12 hex digits of the SHA-256 of a file's text, lines ending in ``\n`` (as git stores it),
    so that a checkout with Windows line endings does not look changed."""
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()[:12]


def _guide_places(lang: str = LANG) -> str:
    return ", ".join(f"{lang}/{pattern}" for pattern in GUIDE_GLOBS)


def guide_note(english: Path, root: Path = ROOT) -> str:
    """The first line of a guide that translates ``english`` as it is now."""
    return f"<!-- translation of {english.as_posix()}, English sha256 {english_sha(root / english)} -->"


def recorded_english(guide: Path, root: Path = ROOT, lang: str = LANG) -> tuple[Path, str | None]:
    """The English ``guide`` translates, and the hash its first line records (None if it records none:
    the English is then taken to be the same path outside ``lang/``)."""
    match = GUIDE_NOTE.match((root / guide).read_text(encoding="utf-8"))
    if match:
        return Path(match["english"]), match["sha"]
    return Path(guide).relative_to(lang), None


def guide_problems(root: Path = ROOT, lang: str = LANG, only: Iterable[Path] | None = None) -> list[str]:
    """One line per guide whose English changed since it was reviewed, or that records no English."""
    lines, known = [], guides(root, lang)
    for guide in known if only is None else map(Path, only):
        if guide not in known:
            lines.append(f"{guide.as_posix()}: not a translated guide ({_guide_places(lang)})")
            continue
        english, sha = recorded_english(guide, root, lang)
        reviewed = f"`python scripts/translations.py reviewed {guide.as_posix()}`"
        if not (root / english).is_file():
            lines.append(f"{guide.as_posix()}: its English, {english.as_posix()}, does not exist; "
                         f"name the English it translates on its first line (see scripts/translations.py)")
        elif sha is None:
            lines.append(f"{guide.as_posix()}: its first line does not record which English it translates; "
                         f"once it follows {english.as_posix()}, run {reviewed}")
        elif sha != english_sha(root / english):
            lines.append(f"{guide.as_posix()}: {english.as_posix()} changed since it was translated; "
                         f"update the translation, then run {reviewed}")
    return lines


def review_guide(guide: Path, root: Path = ROOT, lang: str = LANG) -> str:
    """Record on ``guide``'s first line that it translates its English as that is now; return the line.

    The rest of the guide is left byte for byte as it was."""
    if Path(guide) not in guides(root, lang):
        raise ValueError(f"{Path(guide).as_posix()} is not a translated guide ({_guide_places(lang)})")
    english, _ = recorded_english(guide, root, lang)
    if not (root / english).is_file():
        raise ValueError(f"{Path(guide).as_posix()}: its English, {english.as_posix()}, does not exist")
    path = root / guide
    note = guide_note(english, root)
    text = GUIDE_NOTE.sub("", path.read_bytes().decode("utf-8"), count=1)
    path.write_bytes(f"{note}\n{text}".encode())
    return note


def _in_course(path: Path, root: Path = ROOT) -> Path:
    """A path given on the command line, relative to ``root`` (it may be given from anywhere)."""
    try:
        return (Path.cwd() / path).resolve().relative_to(root.resolve())
    except ValueError:
        return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["update", "build", "check", "student-copies", "reviewed"])
    parser.add_argument("paths", nargs="*", type=Path,
                        help="check: only these English notebooks and translated guides; reviewed: the guides")
    parser.add_argument("--check", action="store_true", help="student-copies: only compare, write nothing")
    args = parser.parse_args(argv)
    if args.command == "update":
        for path, catalogue in update(ROOT).items():
            print(f"{path.relative_to(ROOT)}: {catalogue.percent_translated()}% translated, "
                  f"{len(catalogue.fuzzy_entries())} fuzzy, {len(catalogue.untranslated_entries())} untranslated")
        for folder in data_folders(ROOT):
            total, empty, stale = update_data(folder)
            print(f"{data_catalogue_path(folder).relative_to(ROOT)}: {total} entries, {empty} untranslated, "
                  f"{stale} no longer in the table")
    elif args.command == "build":
        for path in build(ROOT):
            print(f"wrote {path.relative_to(ROOT)}")
    elif args.command == "student-copies":
        return 1 if student_copies(ROOT, check=args.check) else 0
    elif args.command == "reviewed":
        if not args.paths:
            parser.error("reviewed: name the guides, e.g. vi/docs/teacher-guide.md")
        for guide in (_in_course(path, ROOT) for path in args.paths):
            try:
                print(f"{guide.as_posix()}: {review_guide(guide, ROOT)}")
            except ValueError as problem:
                print(f"reviewed: {problem}", file=sys.stderr)
                return 2
    else:
        paths = [_in_course(path, ROOT) for path in args.paths]
        notebooks = [path for path in paths if path.suffix == ".ipynb"]
        guides_named = [path for path in paths if path.suffix != ".ipynb"]
        lines = []
        if notebooks or not paths:
            lines += problems(ROOT, only=notebooks or None)
        if guides_named or not paths:
            lines += guide_problems(ROOT, only=guides_named or None)
        if not paths:
            lines += data_problems(ROOT)
        print("\n".join(lines) if lines else
              f"every cell, table value and guide is translated and reviewed ({LANG})")
        return 1 if lines else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
