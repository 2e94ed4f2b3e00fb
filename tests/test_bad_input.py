"""A teacher's edit that breaks a table gives one clear error, never a pandas traceback."""

import pytest

from critical_reading import DataContractError, load_tables

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
    ("estimates.csv", "e02,", "e01,", ["data/estimates.csv", "'estimate_id'", "only once"]),
    ("time_expressions.csv", "2025-10-01,2025-10-31", "2025-09-01,2025-09-30",
     ["data/time_expressions.csv", "previous_month 2025-10-01..2025-10-31"]),
    ("sources.csv", ",true,", ",yes,", ["data/sources.csv", "'named'", "'yes'", "true or false"]),
    ("paragraphs.csv", '12,"The source line', '13,"The source line',
     ["data/paragraphs.csv", "paragraph numbers differ", "one row for each paragraph"]),
    ("claims.csv", ",cho biết,event,", ",khẳng định,event,", ["'cue_vi'", "'khẳng định' is not in sentence"]),
]


@pytest.mark.parametrize("filename,old,new,expected", CASES, ids=[f"{c[0]}:{c[2][:20]}" for c in CASES])
def test_one_clear_error(edited_data, filename, old, new, expected):
    folder = edited_data(filename, old, new)
    with pytest.raises(DataContractError) as caught:
        load_tables(folder)
    message = str(caught.value)
    for words in expected:
        assert words in message, (words, message)
    assert "\n" not in message
    assert caught.value._render_traceback_() == [f"Data problem: {message}"]


def test_missing_file(edited_data):
    folder = edited_data("cues_vi.csv", "cue_id", "cue_id")
    (folder / "cues_vi.csv").unlink()
    with pytest.raises(DataContractError, match="data/cues_vi.csv is missing"):
        load_tables(folder)


def test_not_utf8(edited_data):
    folder = edited_data("sources.csv", "source_id", "source_id")
    (folder / "sources.csv").write_bytes("source_id,name_en\nx,\xff\n".encode("latin-1"))
    with pytest.raises(DataContractError, match="cannot be read as UTF-8 CSV"):
        load_tables(folder)


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
