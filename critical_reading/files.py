"""Reading one file of the data folder.

One job: turn a file in a data folder into a clean DataFrame (or the article text), or raise
one :class:`DataContractError` line naming the file, the line, what is wrong and the fix.

A teacher edits ``data/`` with whatever is at hand: Excel in any language, LibreOffice, a text
editor. So before pandas sees a table, the bytes are checked for what those tools produce: an
Excel workbook renamed ``.csv``, UTF-16 or Windows-1252 instead of UTF-8, text garbled by a
round trip through Windows-1252, semicolons instead of commas, a trailing comma, an unquoted
``14,000``, an empty file or a header with no rows. A UTF-8 byte-order mark, Windows line ends,
blank lines and decomposed Unicode (NFD) are harmless, so they are accepted; all text is
normalised to NFC, the form the article and the quotes are compared in.

:func:`read_csv` reads any CSV file of a data folder this way, with the :mod:`csv` module, so
every row keeps its line number and pandas never guesses an index column; :func:`read_table`
then types each cell and checks it against the contract (:mod:`critical_reading.contract`),
with pandera for the column-by-column rules.

:func:`data_dir` says which folder is read: the ``data/`` folder next to the notebooks being
run wins over the one beside the installed package.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tomllib
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .contract import NOT_PARTIES, SIDES, SIDES_FILE, TABLES, TRANSLATIONS_FILE, Column
from .errors import DataContractError
from .messages import listed, say

ARTICLE_FILE = "article.vi.txt"
#: Set this environment variable to a folder to read the data from there, whatever else is found.
DATA_ENV = "CRITICAL_READING_DATA"
_PACKAGE_DATA = Path(__file__).resolve().parent.parent / "data"

_ZIP = b"PK\x03\x04"  # .xlsx, .ods (a zip archive)
_OLE = b"\xd0\xcf\x11\xe0"  # .xls (an OLE2 compound file)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = "\ufeff"
_SEPARATORS = {";": "semicolons", "\t": "tabs"}  # catalogue keys files.separator.<name>
_NUMBER_PART = re.compile(r"\d{1,3}")
_THOUSANDS = re.compile(r"\d{3}")
#: The folder name of the course's own data, which the lessons read: they need every table's rows.
COURSE_DATA = "data"
#: Tables that another article's folder (``articles/<name>/``) may leave with no rows: an article
#: that is not a translation has no translation differences.
MAY_BE_EMPTY = ("translation_drift",)
_WORD_BREAKS = re.compile(r'[ \t,;"]+')  # not str.split(): garbled text holds no-break spaces (\xa0)


# --------------------------------------------------------------------------- which folder

def data_dir() -> Path:
    """The data folder the lessons read, which the setup check names.

    In order: the folder in the ``CRITICAL_READING_DATA`` environment variable; the first
    ``data/`` holding ``article.vi.txt`` in the working folder or a folder above it (a notebook
    runs in ``notebooks/`` or ``exercises/…``, so this is the copy of the course it belongs to,
    even when the package was installed from another copy, as ``pip install -e`` on a hub
    image does); then ``data/`` beside the package.
    """
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / ARTICLE_FILE).is_file():
            return folder / "data"
    if (_PACKAGE_DATA / ARTICLE_FILE).is_file():
        return _PACKAGE_DATA
    raise DataContractError(say("files.no_folder", article=ARTICLE_FILE, here=here))


def _folder(folder: str | Path | None) -> Path:
    return data_dir() if folder is None else Path(folder)


# --------------------------------------------------------------------------- bytes to text

def _shown(path: Path) -> str:
    """The file as a teacher finds it: ``data/figures.csv``, or ``practice/figures.csv`` for another article."""
    return f"{path.parent.name}/{path.name}"


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _undo_cp1252(text: str) -> str | None:
    """``text`` read back as the UTF-8 it was before a Windows-1252 round trip, or None."""
    raw = bytearray()
    for char in text:
        try:
            raw += char.encode("cp1252")
        except UnicodeEncodeError:
            if not 0x80 <= ord(char) <= 0x9F:  # Windows keeps cp1252's five unused bytes as these
                return None
            raw.append(ord(char))
    try:
        repaired = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return repaired if repaired != text else None


def _garbled(text: str) -> tuple[int, str, str] | None:
    """The first line whose text is UTF-8 misread as Windows-1252: (line, garbled word, word)."""
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines(): it breaks at \x85
        if line.isascii():
            continue
        for word in _WORD_BREAKS.split(line):
            if not word.isascii() and (clean := _undo_cp1252(word)):
                return number, word, clean
    return None


def _read_text(path: Path, save_fix: str) -> str:
    """The file's text, NFC-normalised, or one line saying why it is not UTF-8 text."""
    file = _shown(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataContractError(say("files.missing", file=file, fix=say("files.fix.restore", file=file))) from None
    if not data.strip():
        raise DataContractError(say("files.empty", file=file, fix=say("files.fix.restore", file=file)))
    if data.startswith((_ZIP, _OLE)):
        raise DataContractError(say("files.excel", file=file, fix=save_fix))
    if data.startswith(_UTF16_BOMS) or data[:200].count(b"\x00") > len(data[:200]) // 4:
        raise DataContractError(say("files.utf16", file=file, fix=save_fix))
    if b"\x00" in data:
        raise DataContractError(say("files.not_text", file=file, fix=save_fix))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataContractError(say("files.windows", file=file, line=_line_of(data, error.start),
                                    fix=save_fix)) from None
    if found := _garbled(text):
        line, garbled, clean = found
        raise DataContractError(say("files.garbled", file=file, line=line, garbled=garbled, clean=clean,
                                    fix=say("files.fix.redo_utf8", file=file)))
    return unicodedata.normalize("NFC", text.removeprefix(_UTF8_BOM))


def load_article(folder: str | Path | None = None) -> str:
    """The article as the project keeps it (UTF-8, NFC, ``\\n`` line ends), with trailing blank lines trimmed."""
    text = _read_text(_folder(folder) / ARTICLE_FILE, say("files.fix.save_text"))
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n") + "\n"


def load_translations(folder: str | Path | None = None) -> dict[str, dict[str, dict[str, str]]]:
    """The folder's translations of its tables' English: language → ``"table.column"`` → English → text.

    Each language's file is :data:`~critical_reading.contract.TRANSLATIONS_FILE`, a TOML file
    with one section per translated column and one line per English value::

        [sources.name_en]
        "Russian Ministry of Defence" = "Bộ Quốc phòng Nga"

    An empty value is not yet translated. A folder without the file has no translations.
    """
    found: dict[str, dict[str, dict[str, str]]] = {}
    for path in sorted(_folder(folder).glob(TRANSLATIONS_FILE.format(lang="*"))):
        lang = path.name.split(".")[1]
        text = _read_text(path, say("files.fix.save_text"))
        try:
            sections = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            problem = str(error).split(" (at ")[0]
            line = getattr(error, "lineno", None) or 1
            raise DataContractError(say("files.bad_translations", file=_shown(path), line=line, problem=problem,
                                        fix=say("files.fix.translations"))) from None
        columns = {f"{table}.{column}": words for table, by_column in sections.items()
                   if isinstance(by_column, dict) for column, words in by_column.items() if isinstance(words, dict)}
        found[lang] = {key: {en: str(vi) for en, vi in words.items() if str(vi).strip()}
                       for key, words in columns.items()}
    return found


# --------------------------------------------------------------------------- text to rows

def _records(text: str) -> list[tuple[int, list[str]]]:
    """Every non-blank CSV record with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records, line = [], 1
    for fields in reader:
        if any(field.strip() for field in fields):
            records.append((line, fields))
        line = reader.line_num + 1
    return records


def _numbers_fit(numbers: Collection[str], header: list[str], fields: list[str]) -> bool:
    """Whether every number column of the row holds a number (or nothing)."""
    for column, cell in zip(header, fields):
        if column in numbers and cell.strip():
            try:
                float(cell)
            except ValueError:
                return False
    return True


def _field_count_problem(file: str, header: list[str], numbers: Collection[str], line: int, fields: list[str],
                         optional: Collection[str] = ()) -> str:
    """Why a row has the wrong number of fields: a trailing comma, a number such as 14,000, or a comma.

    An empty last field means a trailing comma only when the last column may not be empty;
    otherwise the extra comma may be anywhere on the line, and the message says so.
    """
    extra = len(fields) - len(header)
    hint, fix = "", say("files.fix.commas")
    if extra == 1 and fields[-1].strip() == "" and header[-1] not in optional:
        hint, fix = say("files.hint.trailing_comma"), say("files.fix.trailing_comma", line=line)
    for i in range(len(fields) - extra if extra > 0 and not hint else 0):
        parts = [part.strip() for part in fields[i:i + extra + 1]]
        merged = [*fields[:i], "".join(parts), *fields[i + extra + 1:]]
        if (_NUMBER_PART.fullmatch(parts[0]) and all(_THOUSANDS.fullmatch(p) for p in parts[1:])
                and _numbers_fit(numbers, header, merged)):
            hint = say("files.hint.thousands", number=",".join(parts))
            fix = say("files.fix.thousands", plain="".join(parts))
            break
    return say("files.fields", file=file, line=line, found=len(fields), expected=len(header), hint=hint, fix=fix)


def read_csv(path: str | Path, columns: Sequence[str], *, numbers: Collection[str] = (),
             optional: Collection[str] = (), may_be_empty: bool = False) -> tuple[pd.DataFrame, list[int]]:
    """A CSV file of a data folder as text cells (NFC), with the line each row is on.

    ``columns`` are the columns the file must have, in any order; ``numbers`` those holding numbers
    (to tell an unquoted ``14,000`` from a stray comma), ``optional`` those that may be empty (to tell
    a trailing comma from a stray one). Any other shape of file (see the module's
    docstring) raises one :class:`DataContractError` line; so does a file with no rows, unless
    ``may_be_empty``.
    """
    path = Path(path)
    file, save_fix = _shown(path), say("files.fix.save_csv")
    restore = say("files.fix.restore", file=file) if path.parent.name == COURSE_DATA else say("files.fix.add_rows")
    records = _records(_read_text(path, save_fix))
    if not records:
        raise DataContractError(say("files.empty", file=file, fix=restore))
    header = [cell.strip() for cell in records[0][1]]
    if len(header) == 1:
        separator = next((s for s in _SEPARATORS if s in header[0]), None)
        if separator:
            raise DataContractError(say("files.semicolons", file=file, separator=say(f"files.separator.{_SEPARATORS[separator]}"),
                                        fix=save_fix))
    body = records[1:]
    if header[-1] == "":
        every_line = body and all(len(f) == len(header) and f[-1].strip() == "" for _, f in body)
        raise DataContractError(say("files.every_line_comma", file=file, fix=save_fix) if every_line
                                else say("files.header_comma", file=file))
    listed = ", ".join(columns)
    for i, column in enumerate(header):
        if column in header[:i]:
            raise DataContractError(say("files.column_twice", file=file, column=column, columns=listed))
    for column in columns:
        if column not in header:
            raise DataContractError(say("files.column_missing", file=file, column=column, columns=listed))
    for column in header:
        if column not in columns:
            raise DataContractError(say("files.column_extra", file=file, column=column, columns=listed))
    for line, fields in body:
        if any("\n" in cell or "\r" in cell for cell in fields):
            raise DataContractError(say("files.unclosed_quote", file=file, line=line))
        if len(fields) != len(header):
            raise DataContractError(_field_count_problem(file, header, numbers, line, fields, optional))
    if not body and not may_be_empty:
        raise DataContractError(say("files.header_only", file=file, fix=restore))
    raw = pd.DataFrame([fields for _, fields in body], columns=header, dtype=object)
    return raw, [line for line, _ in body]


# --------------------------------------------------------------------------- rows to a typed table

def location(file: str, line: int | None, row_id: str | None = None, column: str | None = None) -> str:
    """Where a problem is, as a teacher finds it: ``data/x.csv, line 3 (x_id a), column 'c'``."""
    where = file
    if line is not None:
        where = say("files.where.row" if row_id else "files.where.line", file=file, line=line, row_id=row_id)
    if column:
        where = say("files.where.column", where=where, column=column)
    return where


def _pandera_type(col: Column) -> str:
    return {"int": "Int64", "float": "Float64", "bool": "boolean", "date": "datetime64[ns]",
            "date_or_undated": "datetime64[ns]"}.get(col.kind, "string")


def sides_of(folder: str | Path | None = None) -> tuple[str, ...]:
    """The sides allowed in ``folder``: its ``sides.csv`` parties, then ``none`` and ``unknown``.

    A folder without ``sides.csv`` (the course's own ``data/``) has the contract's :data:`SIDES`.
    """
    path = _folder(folder) / SIDES_FILE
    if not path.exists():
        return SIDES
    raw, lines = read_csv(path, ["side", "name_en"], may_be_empty=True)
    parties = [p.strip() for p in raw["side"]]
    for line, party in zip(lines, parties):
        if not party.isidentifier() or party != party.lower() or party in NOT_PARTIES:
            where = location(_shown(path), line, column="side")
            raise DataContractError(say("files.bad_side", where=where, value=party, not_parties=listed(list(NOT_PARTIES), "or")))
    return (*dict.fromkeys(parties), *NOT_PARTIES)


def _columns(name: str, sides: tuple[str, ...]) -> tuple[Column, ...]:
    """The contract's columns of ``name``, with the side columns allowing ``sides``."""
    return tuple(replace(c, allowed=sides) if c.allowed == SIDES else c for c in TABLES[name])


def _schema(spec: Sequence[Column]) -> pa.DataFrameSchema:
    columns = {}
    for col in spec:
        checks = []
        if col.allowed:
            checks.append(pa.Check.isin(list(col.allowed)))
        if col.kind in ("id", "text") and col.required:
            checks.append(pa.Check.str_length(min_value=1))
        nullable = not col.required or col.kind == "date_or_undated"
        columns[col.name] = pa.Column(_pandera_type(col), checks=checks, nullable=nullable,
                                      unique=col.kind == "id", coerce=False)
    return pa.DataFrameSchema(columns, strict=True, ordered=False)


def _fail(name: str, raw: pd.DataFrame, lines: list[int], index, column: str | None, value: object,
          allowed: str, extra: int = 0) -> DataContractError:
    line = row_id = None
    if index is not None and index in raw.index:
        line = lines[int(index)]
        first = raw.columns[0]
        row_id = f"{first} {raw.at[index, first]}"
    more = say("files.more_problems", count=extra) if extra > 1 else say("files.more_problem") if extra else ""
    where = location(f"data/{name}.csv", line, row_id, column)
    return DataContractError(say("files.not_allowed", where=where, value=value, allowed=allowed, more=more))


def _coerce(name: str, raw: pd.DataFrame, lines: list[int]) -> pd.DataFrame:
    """Turn the all-text table into typed columns, failing on the first bad cell."""
    df = raw.copy()
    for col in TABLES[name]:
        text = df[col.name].str.strip()
        empty = text == ""
        if col.kind in ("id", "text"):
            df[col.name] = raw[col.name].where(~empty, None).astype("string")
            continue
        if col.kind in ("int", "float"):
            converted = pd.to_numeric(text.where(~empty, None), errors="coerce")
            bad = converted.isna() & ~empty
            if col.kind == "int":
                bad |= converted.notna() & (converted % 1 != 0)
        elif col.kind == "bool":
            converted = text.str.lower().map({"true": True, "false": False})
            bad = converted.isna() & ~empty
        else:  # dates
            undated = text.str.lower() == "undated" if col.kind == "date_or_undated" else empty & False
            converted = pd.to_datetime(text.where(~empty & ~undated, None), format="%Y-%m-%d", errors="coerce")
            bad = converted.isna() & ~empty & ~undated
            if col.kind == "date_or_undated":
                bad |= empty
        if bad.any():
            index = bad[bad].index[0]
            raise _fail(name, raw, lines, index, col.name, raw.at[index, col.name], col.describe_allowed(),
                        int(bad.sum()) - 1)
        df[col.name] = converted.astype(_pandera_type(col))
    return df


def read_table(name: str, folder: str | Path | None = None) -> pd.DataFrame:
    """Read one table of the data folder, typed and checked on its own (no cross-table checks)."""
    if name not in TABLES:
        raise DataContractError(say("files.no_table", name=name, tables=", ".join(TABLES)))
    path = _folder(folder) / f"{name}.csv"
    spec = _columns(name, sides_of(folder))
    raw, lines = read_csv(path, [c.name for c in spec], numbers={c.name for c in spec if c.kind in ("int", "float")},
                          optional={c.name for c in spec if not c.required},
                          may_be_empty=name in MAY_BE_EMPTY and path.parent.name != COURSE_DATA)
    df = _coerce(name, raw, lines)
    try:
        _schema(spec).validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        first = cases.iloc[0]
        by_name = {c.name: c for c in spec}
        column = first["column"] if first["column"] in by_name else None
        index = first["index"] if pd.notna(first["index"]) else None
        value = first["failure_case"]
        if column is None:
            allowed = say("files.see_readme")
        elif "unique" in str(first["check"]):
            allowed = say("files.only_once")
        else:
            allowed = by_name[column].describe_allowed()
        if pd.isna(value):
            value = ""
        raise _fail(name, raw, lines, index, column, value, allowed, len(cases) - 1) from None
    return df[[c.name for c in TABLES[name]]]
