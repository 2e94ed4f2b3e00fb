"""The Vietnamese catalogue stays in step with the English one, and the code speaks Vietnamese with it.

Every English file has a Vietnamese one with exactly its keys, and every message the same
fields, except the English plural endings (``plural``, ``claims_plural``...: Vietnamese nouns
have none) and the English glosses of the article's own words (``gloss``, ``text_en``: a learner
reading the article's language needs none). A key the Vietnamese catalogue lacks falls back to English.
"""

import datetime as dt
import re
import shutil
import string
import tomllib
from pathlib import Path

import pytest

from critical_reading import messages
from critical_reading.environment import check_setup
from critical_reading.figures import figure_as_said, figure_in_english
from critical_reading.intervals import Interval, format_number, qualified
from critical_reading.messages import CATALOGUE_DIR, _flatten, say
from critical_reading.render.tables import cell_text

EN, VI = CATALOGUE_DIR / "en", CATALOGUE_DIR / "vi"
#: Fields that only carry an English plural ending ("s"), which Vietnamese leaves out.
PLURAL_ENDING = re.compile(r"(\w+_)?plural")
#: Fields that give the English of the article's Vietnamese, which the Vietnamese edition leaves out.
ARTICLE_GLOSS = {"gloss", "text_en"}
#: ... and may show the article's own words in their place.
ARTICLE_WORDS = {"cue", "text_vi"}


def _messages(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        return _flatten(tomllib.load(handle))


def _fields(text: str) -> set[str]:
    """The names of a message's fields; ``{day.day}`` and ``{day:%d/%m/%Y}`` both use ``day``."""
    return {re.split(r"[.\[]", name)[0] for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.fixture
def vi():
    messages.set_language("vi")
    yield
    messages.set_language(None)


def test_every_english_file_has_a_vietnamese_one():
    missing = {p.name for p in EN.glob("*.toml")} - {p.name for p in VI.glob("*.toml")}
    assert not missing, f"translate into critical_reading/catalogue/vi/: {sorted(missing)}"
    assert {p.name for p in VI.glob("*.toml")} <= {p.name for p in EN.glob("*.toml")}


@pytest.mark.parametrize("name", sorted(p.name for p in VI.glob("*.toml")))
def test_vietnamese_file_has_the_english_keys_and_fields(name):
    english, vietnamese = _messages(EN / name), _messages(VI / name)
    assert vietnamese.keys() == english.keys(), (
        f"only in en: {sorted(english.keys() - vietnamese.keys())}; only in vi: {sorted(vietnamese.keys() - english.keys())}")
    wrong = {}
    for key, text in english.items():
        want = {f for f in _fields(text) if not PLURAL_ENDING.fullmatch(f)}
        got = _fields(vietnamese[key])
        if got != want and not (want - got <= ARTICLE_GLOSS and got - want <= ARTICLE_WORDS):
            wrong[key] = (sorted(want), sorted(got))
    assert not wrong, wrong


def test_a_file_missing_in_vietnamese_falls_back_to_english(tmp_path, monkeypatch):
    """As while an English file is new or rewritten and its translation is not in yet."""
    shutil.copytree(EN, tmp_path / "en")
    (tmp_path / "vi").mkdir()
    shutil.copy(VI / "friendly.toml", tmp_path / "vi")
    monkeypatch.setattr(messages, "CATALOGUE_DIR", tmp_path)
    messages.catalogue.cache_clear()
    messages.set_language("vi")
    try:
        assert say("friendly.details_summary") == _messages(VI / "friendly.toml")["details_summary"]
        key = "chain_of_publication.wants"
        assert say(f"checks_01.{key}") == _messages(EN / "checks_01.toml")[key]
    finally:
        messages.set_language(None)
        messages.catalogue.cache_clear()


def test_a_hint_comes_out_in_vietnamese(vi):
    hint = say("friendly.no_column_near", key="claimant", near="claimant_id", columns="claim_id, claimant_id")
    assert hint == ("bảng này không có cột 'claimant'. Có phải ý bạn là 'claimant_id'? "
                    "Các cột của bảng: claim_id, claimant_id.")


def test_the_setup_lines_come_out_in_vietnamese(vi, capsys):
    check_setup(verbose=True)
    printed = capsys.readouterr().out
    assert "Cài đặt ổn:" in printed and "Dữ liệu ổn" in printed and "nhận định" in printed
    assert "Setup OK" not in printed


def test_numbers_and_dates_are_written_the_vietnamese_way(vi):
    assert format_number(14000.0) == "14.000"
    assert format_number(2 / 3) == "0,6667"
    assert format_number(1234.5) == "1.234,50"
    assert qualified("about", 14000) == "khoảng 14.000"
    assert qualified("more_than", 6000, symbol=True) == ">6.000"
    assert cell_text(Interval(12600.0, 15400.0)) == "12.600–15.400"
    assert cell_text(Interval(6000.0, float("inf"))) == "6.000–không có cận trên"
    assert Interval(6000.0, float("inf")).describe() == "hơn 6.000 (không có cận trên)"
    assert cell_text(dt.date(2025, 11, 14)) == "14/11/2025"
    assert messages.format_date(dt.date(2025, 1, 5)) == "05/01/2025"


def test_english_numbers_and_dates_are_unchanged(monkeypatch):
    monkeypatch.delenv("COURSE_LANG", raising=False)
    messages.set_language("en")
    try:
        assert format_number(14000.0) == "14,000" and format_number(2 / 3) == "0.6667"
        assert qualified("about", 14000) == "about 14,000"
        assert cell_text(Interval(12600.0, 15400.0)) == "12,600–15,400"
        assert cell_text(dt.date(2025, 11, 14)) == "2025-11-14"
    finally:
        messages.set_language(None)


def test_figures_keep_the_articles_words_in_vietnamese(tables, vi):
    assert figure_as_said(tables, "khoảng 14.000") == "khoảng 14.000"
    assert figure_in_english(tables, "khoảng 14.000") == "about 14,000"  # the labelled English column


def test_a_data_problem_comes_out_in_vietnamese(edited_data, vi):
    """Where the problem is, what is wrong and what is allowed: one line, all of it Vietnamese but the data's own words."""
    from critical_reading import DataContractError, load_tables
    from critical_reading.contract import Column

    folder = edited_data("claims.csv", "hơn 6.000 người đã thiệt mạng", "hơn 7.000 người đã thiệt mạng")
    with pytest.raises(DataContractError) as caught:
        load_tables(folder)
    assert caught.value._render_traceback_() == [
        "Lỗi dữ liệu: data/claims.csv, dòng 9 (claim_id c08), cột 'quote_vi': 'hơn 7.000 người đã thiệt mạng' "
        "không có trong câu s07. Giá trị hợp lệ: một phần nguyên văn của câu đó."]
    assert Column("n", "int", required=False).describe_allowed() == "một số nguyên (hoặc để trống)"
