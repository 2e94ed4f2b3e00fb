"""A teacher's edit that breaks a table gives one clear error, never a pandas traceback.

Two kinds of edit: a value the contract does not allow (``CASES``, one text replacement each),
and a file that Excel, LibreOffice or a text editor saved in another shape (``FILE_CASES``:
other encodings, separators, commas, empty files). Each gives ONE line naming the file, the line
where there is one, what is wrong and the fix.
"""

import csv
import io
import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest

from critical_reading import DataContractError, load_tables, read_table
from critical_reading.files import load_article

from .conftest import ROOT

CASES = [
    # (file, old text, new text, words the message must contain)
    ("sources.csv", ",russia,true,", ",moscow,true,",
     ["data/sources.csv", "line 6", "source_id russia_mod", "'side'", "'moscow'", "north_korea"]),
    ("claims.csv", "hơn 6.000 người đã thiệt mạng", "hơn 7.000 người đã thiệt mạng",
     ["data/claims.csv", "line 9", "'quote_vi'", "hơn 7.000", "not in sentence s07"]),
    ("sources.csv", "source_id,name_en", "id,name_en",
     ["data/sources.csv", "'source_id' is missing", "Allowed: the columns"]),
    ("figures.csv", "f01,c07,", "f01,c99,",
     ["data/figures.csv", "line 2", "'claim_id'", "'c99'", "claims.csv"]),
    ("claims.csv", "reuters>fox_news", "reuter>fox_news",
     ["data/claims.csv", "'relayed_by'", "'reuter'", "sources.csv"]),
    ("figures.csv", "c07,troops_sent,14000", "c07,troops_sent,fourteen thousand",
     ["data/figures.csv", "line 2", "'value'", "'fourteen thousand'", "a number"]),
    ("estimates.csv", "2025-09-02", "2025-13-02",
     ["data/estimates.csv", "'date'", "'2025-13-02'", "YYYY-MM-DD"]),
    ("figures.csv", "c07,troops_sent,14000", "c07,troops_sent,15000",
     ["data/figures.csv", "'value'", "not written in 'khoảng 14.000'"]),
    ("figures.csv", "14000,about,12600", "14000,about,10000",
     ["data/figures.csv", "'low'", "12,600 to 15,400"]),
    ("claims.csv", "flagged_unverified,c09", "flagged_unverified,c07",
     ["data/claims.csv", "'flagged_by'", "not a disclaimer"]),
    ("claims.csv", "flagged_unverified,c09", "unflagged,c09",
     ["data/claims.csv", "'verification'", "flagged_unverified exactly when"]),
    ("sentences.csv", "s02,1,135", "s02,1,136",
     ["data/sentences.csv", "line 3", "'text_vi'", "exact slice"]),
    ("sources.csv", "named,notes", "named,notes,extra", ["'extra' is not part of the contract"]),
    ("sources.csv", "named,notes", "named,named", ["data/sources.csv", "'named' appears twice"]),
    ("estimates.csv", "e02,", "e01,", ["data/estimates.csv", "'estimate_id'", "only once"]),
    ("time_expressions.csv", "2025-10-01,2025-10-31", "2025-09-01,2025-09-30",
     ["data/time_expressions.csv", "previous_month 2025-10-01..2025-10-31"]),
    ("sources.csv", ",true,", ",yes,", ["data/sources.csv", "'named'", "'yes'", "true or false"]),
    ("paragraphs.csv", '12,"The source line', '13,"The source line',
     ["data/paragraphs.csv", "paragraph numbers differ", "one row for each paragraph"]),
    ("claims.csv", ",cho biết,event,", ",khẳng định,event,", ["'cue_vi'", "'khẳng định' is not in sentence"]),
    ("time_expressions.csv", "t03,s23,tháng 4,", "t03,s23,vào tháng 4,",
     ["data/time_expressions.csv", "line 4", "'text_vi'", "'vào tháng 4'", "not a time expression", "tháng N năm YYYY"]),
    ("time_expressions.csv", "2025-10-01,2025-10-31", "2025-09-01,2025-09-30",
     ["previous_month 2025-09-01..2025-09-30 does not match"]),
]


def _one_line(error: DataContractError) -> str:
    message = str(error)
    assert "\n" not in message, message
    assert error._render_traceback_() == [f"Data problem: {message}"]  # what a notebook shows instead of a traceback
    return message


@pytest.mark.parametrize("filename,old,new,expected", CASES, ids=[f"{c[0]}:{c[2][:20]}" for c in CASES])
def test_one_clear_error(edited_data, filename, old, new, expected):
    folder = edited_data(filename, old, new)
    with pytest.raises(DataContractError) as caught:
        load_tables(folder)
    message = _one_line(caught.value)
    for words in expected:
        assert words in message, (words, message)


# ----------------------------------------------------------------------------- files saved in another shape

SAVE_CSV = 'save it again as CSV UTF-8 (comma delimited): in Excel, File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)"'


def _lines(text: str, edit) -> str:
    return "".join(edit(number, line) for number, line in enumerate(text.splitlines(keepends=True), start=1))


def _first_data_row_plus(extra: str):
    return lambda text: _lines(text, lambda n, line: line.rstrip("\n") + extra + "\n" if n == 2 else line).encode()


def _semicolons(text: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(csv.reader(io.StringIO(text)))
    return out.getvalue().encode("utf-8-sig")


def _garble(text: str) -> bytes:
    """UTF-8 read as Windows-1252 (its five unused bytes kept as control characters), saved as UTF-8."""
    raw = text.encode("utf-8")
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw).encode("utf-8")


def _xlsx(text: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as workbook:
        workbook.writestr("[Content_Types].xml", "<Types/>")
        workbook.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def _first_cp1252_line(text: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1)
                if any(not c.isascii() and c.encode("cp1252", errors="ignore") for c in line))


FIGURES = (ROOT / "data" / "figures.csv").read_text(encoding="utf-8")
CLAIMS = (ROOT / "data" / "claims.csv").read_text(encoding="utf-8")
ARTICLE = (ROOT / "data" / "article.vi.txt").read_text(encoding="utf-8")
N = FIGURES.splitlines()[0].count(",") + 1  # fields in figures.csv's header

FILE_CASES = {
    # id: (file, new bytes from the committed text, the exact start of the message, words it must also hold)
    "trailing comma on the first data row": (
        "figures.csv", _first_data_row_plus(","),
        f"data/figures.csv, line 2 has {N + 1} fields, the header has {N} (a trailing comma?). "
        "Fix: delete the comma at the end of line 2", []),
    "unquoted 14,000 on the first data row": (
        "figures.csv", lambda t: t.replace("troops_sent,14000,", "troops_sent,14,000,", 1).encode(),
        f"data/figures.csv, line 2 has {N + 1} fields, the header has {N} (14,000 is split in two at its comma). "
        "Fix: write the number without its comma (14000)", []),
    "a comma in unquoted text": (
        "figures.csv", lambda t: t.replace(",khoảng 14.000", ",khoảng, 14.000", 1).encode(),
        f"data/figures.csv, line 2 has {N + 1} fields, the header has {N}. Fix: check the commas on that line",
        ["double quotes"]),
    "a row with a field missing": (
        "figures.csv", lambda t: t.replace("c08,killed,6000,more_than,", "c08,killed,6000,", 1).encode(),
        f"data/figures.csv, line 3 has {N - 1} fields, the header has {N}. Fix: check the commas", []),
    "empty file": ("figures.csv", lambda t: b"", "data/figures.csv is empty. Fix: restore it", ["git checkout"]),
    "only the header": (
        "figures.csv", lambda t: t.splitlines(keepends=True)[0].encode(),
        "data/figures.csv has no rows (only its header), and the lessons need them. Fix: restore it", []),
    "semicolon-separated (Excel in many languages)": (
        "figures.csv", _semicolons,
        "data/figures.csv, line 1: the columns are separated by semicolons (;), not commas", [SAVE_CSV]),
    "tab-separated": (
        "figures.csv", lambda t: t.replace(",", "\t").encode(),
        "data/figures.csv, line 1: the columns are separated by tabs, not commas", [SAVE_CSV]),
    "trailing comma on every line": (
        "figures.csv", lambda t: _lines(t, lambda n, line: line.rstrip("\n") + ",\n").encode(),
        "data/figures.csv, line 1: every line ends with a comma, which makes an extra column with no name", [SAVE_CSV]),
    "trailing comma on the header only": (
        "figures.csv", lambda t: t.replace("text_vi\n", "text_vi,\n", 1).encode(),
        "data/figures.csv, line 1: the header ends with a comma", ["Fix: delete the comma at the end of line 1"]),
    "saved as Windows-1252": (
        "claims.csv", lambda t: t.encode("cp1252", errors="replace"),
        f"data/claims.csv, line {_first_cp1252_line(CLAIMS)}: the file is saved as Windows-1252", [SAVE_CSV]),
    "saved as UTF-16": ("claims.csv", lambda t: t.encode("utf-16"),
                        "data/claims.csv is saved as UTF-16", [SAVE_CSV]),
    "saved as UTF-16 without a byte-order mark": ("claims.csv", lambda t: t.encode("utf-16-le"),
                                                  "data/claims.csv is saved as UTF-16", [SAVE_CSV]),
    "an Excel workbook renamed .csv": (
        "claims.csv", _xlsx, "data/claims.csv is an Excel workbook with a .csv name, not a CSV file", [SAVE_CSV]),
    "garbled by a Windows-1252 round trip": (
        "claims.csv", _garble, "data/claims.csv, line 2: the Vietnamese text is garbled",
        ["should read 'Đoạn'", "Fix: restore it (git checkout -- data/claims.csv)", "65001"]),
    "a quote left open": (
        "figures.csv", lambda t: t.replace(",khoảng 14.000", ',"khoảng 14.000', 1).encode(),
        "data/figures.csv, line 2: a double quote", ["Fix: add the closing quote"]),
    "article saved as Windows-1252": (
        "article.vi.txt", lambda t: t.encode("cp1252", errors="replace"),
        "data/article.vi.txt, line 1: the file is saved as Windows-1252",
        ["Fix: save it again as plain text in UTF-8"]),
    "article emptied": ("article.vi.txt", lambda t: b"\n\n", "data/article.vi.txt is empty. Fix: restore it", []),
}


@pytest.mark.parametrize("case", FILE_CASES, ids=list(FILE_CASES))
def test_a_file_saved_in_another_shape_gets_one_line(edited_data, case):
    filename, new_bytes, start, also = FILE_CASES[case]
    folder = edited_data(filename, "", "")
    path = folder / filename
    path.write_bytes(new_bytes(path.read_text(encoding="utf-8")))
    with pytest.raises(DataContractError) as caught:
        load_tables(folder)
    message = _one_line(caught.value)
    assert message.startswith(start), message
    for words in also:
        assert words in message, (words, message)
    assert "Fix:" in message
    if filename == "article.vi.txt":
        assert "sentences.csv" not in message  # an article problem is reported as one


def test_another_article_may_have_no_translation_differences_but_needs_every_other_table(tmp_path):
    """An article being annotated (articles/<name>/) gets "add its rows", not "restore it"."""
    folder = tmp_path / "articles" / "my-article"
    shutil.copytree(ROOT / "data", folder)
    drift = folder / "translation_drift.csv"
    drift.write_text(drift.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert read_table("translation_drift", folder).empty
    figures = folder / "figures.csv"
    figures.write_text(FIGURES.splitlines()[0] + "\n", encoding="utf-8")
    with pytest.raises(DataContractError) as caught:
        read_table("figures", folder)
    assert _one_line(caught.value) == ("my-article/figures.csv has no rows (only its header), and the lessons "
                                       "need them. Fix: add its rows below the header (data/README.md says "
                                       "what each column holds).")


def test_missing_file(edited_data):
    folder = edited_data("cues_vi.csv", "", "")
    (folder / "cues_vi.csv").unlink()
    with pytest.raises(DataContractError) as caught:
        load_tables(folder)
    assert _one_line(caught.value).startswith("data/cues_vi.csv is missing. Fix: restore it")


# ----------------------------------------------------------------------------- harmless differences are accepted

def _save(folder: Path, filename: str, data: bytes) -> Path:
    (folder / filename).write_bytes(data)
    return folder


def test_excel_csv_utf8_is_read_as_it_comes(edited_data):
    """Excel's CSV UTF-8 adds a byte-order mark and Windows line ends; a blank last row is common."""
    folder = edited_data("figures.csv", "", "")
    _save(folder, "figures.csv", ("\ufeff" + FIGURES.replace("\n", "\r\n") + ",,,,,,,,,,\r\n\r\n").encode())
    assert read_table("figures", folder).equals(read_table("figures"))


def test_decomposed_unicode_is_read_as_composed(edited_data):
    """A Mac or some editors write Vietnamese letters decomposed (NFD): they look the same, and they are."""
    folder = edited_data("claims.csv", "", "")
    _save(folder, "claims.csv", unicodedata.normalize("NFD", CLAIMS).encode())
    _save(folder, "article.vi.txt", unicodedata.normalize("NFD", ARTICLE).encode())
    tables = load_tables(folder)
    assert tables.claims.equals(load_tables().claims)
    assert unicodedata.is_normalized("NFC", tables.article)


def test_the_article_is_read_with_a_byte_order_mark_and_windows_line_ends(edited_data):
    folder = edited_data("article.vi.txt", "", "")
    _save(folder, "article.vi.txt", ("\ufeff" + ARTICLE.replace("\n", "\r\n")).encode())
    assert load_article(folder) == load_article()
    load_tables(folder)  # the sentences' offsets still match: sentences.csv is not blamed


def test_a_folder_may_be_given_as_text(edited_data, monkeypatch):
    folder = edited_data("figures.csv", "", "")
    (folder.parent / "notebooks").mkdir()
    monkeypatch.chdir(folder.parent / "notebooks")
    assert len(load_tables("../data").figures) == len(read_table("figures", "../data")) > 0


def test_an_unknown_table_is_named(edited_data):
    with pytest.raises(DataContractError) as caught:
        read_table("figure")
    assert _one_line(caught.value).startswith("there is no table called 'figure'; tables: sentences")


# ----------------------------------------------------------------------------- loading and caching

def test_an_edit_is_picked_up_and_copies_are_independent(edited_data):
    folder = edited_data("sources.csv", "source_id", "source_id")
    first = load_tables(folder)
    first.sources.loc[0, "name_en"] = "changed in a notebook"
    assert load_tables(folder).sources.loc[0, "name_en"] != "changed in a notebook"
    text = (folder / "sources.csv").read_text(encoding="utf-8").replace(",russia,true,", ",moscow,true,", 1)
    (folder / "sources.csv").write_text(text + "\n", encoding="utf-8")  # size changes too
    with pytest.raises(DataContractError, match="moscow"):
        load_tables(folder)


def test_source_names(tables):
    assert tables.source_names["reuters"] == "Reuters"
    assert len(tables.source_names) == len(tables.sources)
