"""The tables' English, in the Vietnamese edition: translated beside the data and shown in Vietnamese.

Each data folder's ``translations.vi.toml`` translates every value of the columns the contract
marks ``translated`` (names, definitions, notes, the course's reasoning), and nothing that is no
longer in the tables. What the package writes for a Vietnamese learner (the reconciled
statement, the timeline's description, the verdict cards, the chain and drift cards) then holds
no English from those columns; the tables a learner queries with pandas keep the data's English.
"""

import tomllib

import pytest

from critical_reading import estimates, reading, statements, verdicts
from critical_reading.contract import TABLES
from critical_reading.data import load_tables
from critical_reading.errors import DataContractError
from critical_reading.messages import set_language

from .conftest import ROOT, script
from .test_translations import GLOSSARY

translations = script("translations")
FOLDERS = translations.data_folders(ROOT)


@pytest.fixture
def vi():
    set_language("vi")
    yield
    set_language(None)


def test_every_folder_and_every_translated_column_has_its_catalogue():
    assert [f.relative_to(ROOT).as_posix() for f in FOLDERS] == ["data", "articles/practice"]
    marked = {f"{t}.{c.name}" for t, cols in TABLES.items() for c in cols if c.translated}
    assert {"sources.name_en", "estimates.definition", "verdict_evidence.note_en"} <= marked
    for folder in FOLDERS:
        assert translations.data_catalogue_path(folder).exists(), folder


def test_every_english_value_is_translated_and_none_is_stale():
    assert translations.data_problems(ROOT) == []


def test_check_lists_a_changed_english_value(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for path in (ROOT / "data").iterdir():
        if path.is_file():
            (folder / path.name).write_bytes(path.read_bytes())
    csv = folder / "estimates.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",killed,https", ",killed in action,https", 1), encoding="utf-8")
    problems = translations.data_problems(tmp_path)
    assert any("'killed in action' is not translated" in line for line in problems), problems
    total, empty, stale = translations.update_data(folder)
    assert empty == 1 and stale == 0  # "killed" is still used by other rows, so nothing is stale
    assert '"killed in action" = ""' in (folder / "translations.vi.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_translations_use_the_glossary(folder):
    text = translations.data_catalogue_path(folder).read_text(encoding="utf-8")
    translated = " ".join(v for section in tomllib.loads(text).values() for words in section.values()
                          for v in words.values()).lower()
    used = [(row["term_en"], word) for row in GLOSSARY for word in row["rejected_vi"].split("|")
            if word and word.lower() in translated]
    assert not used, f"rejected glossary words (term, word): {used}"


def test_shown_translates_in_vietnamese_and_keeps_english_otherwise(tables, vi):
    assert tables.source_name("sk_ua_western_sources").startswith("Các nguồn tin")
    assert tables.shown("estimates", "definition", "killed") != "killed"
    assert tables.shown("estimates", "definition", "no such English") == "no such English"
    assert tables.sources["name_en"].str.contains("Unnamed").any()  # the table itself keeps its English
    set_language("en")
    assert tables.shown("estimates", "definition", "killed") == "killed"


def test_a_broken_translation_file_gives_one_line(edited_data):
    folder = edited_data("translations.vi.toml", '"killed" = "', '"killed" = ')
    with pytest.raises(DataContractError) as error:
        load_tables(folder)
    message = str(error.value)
    assert "\n" not in message and "translations.vi.toml, line" in message and "Fix:" in message


def _english_values(tables) -> list[str]:
    """The English of the translated columns that a sentence could carry: longer than a word or two,
    and not the same in Vietnamese (a person's name is)."""
    found = []
    for table, columns in TABLES.items():
        for column in columns:
            if column.translated and column.name in getattr(tables, table):
                words = tables.translations["vi"][f"{table}.{column.name}"]
                found += [v for v in getattr(tables, table)[column.name].dropna().unique()
                          if len(v) > 14 and words.get(v, v) != v]
    return found


def test_generated_vietnamese_holds_no_english_from_the_tables(tables, vi):
    texts = {
        "reconciled statement": repr(statements.reconciled_statement(tables)),
        "statement as of 2025-12-13": repr(statements.reconciled_statement(tables, as_of="2025-12-13")),
        "timeline description": estimates.timeline_chart(tables).alt_text,
        "agreement table": estimates.agreement_table(tables).to_string(),
        "verdict card": repr(verdicts.explain(tables, "c08")),
        "drift cards": repr(reading.drift_cards(tables)),
        "provenance": reading.provenance(tables).frame.to_string(),
        "paragraph map": reading.paragraph_map(tables).to_string(),
        "chain diagram": reading.chain_diagram(tables).alt_text,
        "claim card": repr(reading.claim_card(tables, "c27")),
    }
    for chain in tables.translation_drift["english_chain_en"]:  # the foreign text, shown with its translation
        texts["drift cards"] = texts["drift cards"].replace(chain, "")
    english = _english_values(tables)
    leaks = {name: [e for e in english if e in text] for name, text in texts.items()}
    assert not {name: found for name, found in leaks.items() if found}
    assert "EN (" not in texts["claim card"]  # no working translation of the article in its own language


def test_show_gives_the_courses_prose_in_vietnamese_and_keeps_names_and_codes(tables, vi):
    from critical_reading.render import show
    from critical_reading.verification import claimant_stakes

    stakes = claimant_stakes(tables)
    frame = show(stakes).frame
    label = [c for c in frame.columns if str(c).startswith("stake_en (")]
    assert label == ["stake_en (bản tiếng Việt của khoá học)"]
    assert "(suy luận)" in " ".join(frame[label[0]]) and "(inference)" not in " ".join(frame[label[0]])
    assert list(frame["side"]) == list(stakes["side"])  # codes stay what code filters on
    assert "(inference)" in " ".join(stakes["stake_en"])  # the data itself is unchanged
    set_language("en")
    assert "stake_en" in show(stakes).frame.columns


def test_lesson_views_work_the_same_in_vietnamese(tables, vi):
    """Views that read their own display tables must not be thrown by the translated labels."""
    from critical_reading import claimreview

    vietnamese = reading.voices_by_side(tables)
    later = reading.dates_if_read_later(tables, 3).frame
    assert reading.language_menu().value == "vi" and reading.article_view(tables).language == "vi"
    found = reading.find_in_article(tables, "Reuters").frame
    record = claimreview.claim_reviews(tables, claim_ids=["c08"])[0]
    set_language("en")
    english = reading.voices_by_side(tables)
    assert list(vietnamese["paragraphs"]) == list(english["paragraphs"]) and english["paragraphs"].sum() > 0
    assert len(later) == len(reading.dates_if_read_later(tables, 3).frame)
    assert len(found.columns) == len(reading.find_in_article(tables, "Reuters").frame.columns) - 1
    assert record["inLanguage"] == "vi" and record["itemReviewed"]["author"]["name"].startswith("Các nguồn tin")


def test_table_views_translate_reading_headers_but_never_a_data_column(tables, vi):
    from critical_reading.messages import catalogue
    from critical_reading.render.tables import header_text

    data_columns = {c.name for columns in TABLES.values() for c in columns}
    headers = {k.removeprefix("headers.") for k in catalogue("en") if k.startswith("headers.")}
    assert headers and not headers & data_columns
    shown = repr(reading.provenance(tables))
    assert "số nhận định đã chuyển" in shown and "claims carried" not in shown
    assert header_text("side") == "side" and "claims carried" in reading.provenance(tables).frame.columns
