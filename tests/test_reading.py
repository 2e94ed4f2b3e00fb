"""Unit tests of critical_reading.reading: the helpers behind lessons 00 and 01."""

import datetime as dt

import pandas as pd
import pytest

from critical_reading import AssumptionError, load_tables, reading
from critical_reading.render import Chart, Quote, Rendered, TableView, translation_label

TRANSLATION_LABEL = translation_label()

# --------------------------------------------------------------------------- display helpers

def test_rendered_has_html_and_text():
    shown = Rendered("<b>x</b>", "x")
    assert repr(shown) == "x" and shown._repr_html_() == "<b>x</b>"


def test_text_table_never_shortens_cells_and_escapes_html():
    long = "chữ " * 40
    table = TableView(pd.DataFrame({"Vietnamese (the article)": [long], "n": [1]}), caption="one row")
    assert long.strip() in repr(table) and repr(table).startswith("one row")
    page = table._repr_html_()
    assert long in page and 'lang="vi"' in page and "<caption" in page
    assert "&lt;i&gt;" in TableView(pd.DataFrame({"a": ["<i>"]}))._repr_html_()


def test_text_table_marks_only_the_vietnamese_columns():
    page = TableView(pd.DataFrame({"a": ["x"], "b": ["y"]}), vietnamese=("b",))._repr_html_()
    assert page.count('lang="vi"') == 1


def test_highlighted_quote_marks_the_part_and_keeps_the_label():
    quote = Quote("Theo báo cáo, 37 khu", "According to reports, 37 areas", marks=["Theo báo cáo"])
    assert ">Theo báo cáo</mark>" in quote._repr_html_()
    assert "«Theo báo cáo»" in repr(quote) and TRANSLATION_LABEL in repr(quote)
    with pytest.raises(AssumptionError, match="not part of the quotation"):
        Quote("một câu", "a sentence", marks=["không có"])


# --------------------------------------------------------------------------- lesson 00

def test_article_paragraphs_are_the_article_lines(tables):
    paragraphs = reading.article_paragraphs(tables)
    assert list(paragraphs["paragraph"]) == list(range(1, 13))
    assert list(paragraphs["text_vi"]) == tables.article.strip("\n").split("\n")
    assert paragraphs.loc[0, "text_en"].startswith(tables.sentences.loc[0, "text_en"])


@pytest.mark.parametrize("language,vi,en", [("both", True, True), ("vi", True, False), ("en", False, True)])
def test_article_view_languages(tables, language, vi, en):
    view = reading.article_view(tables, language)
    first = tables.sentences.loc[0]
    assert (first["text_vi"] in repr(view)) is vi and (first["text_vi"] in view._repr_html_()) is vi
    assert (first["text_en"] in repr(view)) is en and (TRANSLATION_LABEL in view._repr_html_()) is en
    assert "¶12 (source line)" in repr(view) and "¶1" in view._repr_html_()


def test_article_view_rejects_an_unknown_language(tables):
    with pytest.raises(AssumptionError, match="both, vi, en"):
        reading.article_view(tables, "fr")


def test_language_menu_offers_every_language_both_first():
    menu = reading.language_menu()
    assert menu.value == "both" and [value for _, value in menu.options] == list(reading.LANGUAGES)


def test_the_article_explorer_is_an_interactive_view_driven_by_the_language_menu(tables):
    box = reading.article_explorer(tables)
    menu = box.children[0]
    assert menu.value == "both" and "course-interactive" in box._dom_classes
    menu.value = "en"  # must not raise


def test_find_in_article(tables):
    found = reading.find_in_article(tables, "reuters")
    assert list(found.frame["sentence_id"]) == ["s06", "s07", "s19", "s21", "s24"]
    assert found.caption.startswith("5 of 25")
    assert list(reading.find_in_article(tables, "Pyongyang").frame["sentence_id"]) == ["s02", "s11"]  # English too
    for word in ("", "   "):
        with pytest.raises(AssumptionError, match="write a word"):
            reading.find_in_article(tables, word)
    with pytest.raises(AssumptionError, match="does not occur"):
        reading.find_in_article(tables, "Hanoi")


# --------------------------------------------------------------------------- chains

@pytest.mark.parametrize("claim_id,chain", [
    ("c08", ["sk_ua_western_sources", "reuters", "fox_news", "vn_outlet"]),
    ("c02", ["fox_news", "vn_outlet"]),           # Fox's own voice
    ("c26", ["reuters", "fox_news", "vn_outlet"]),  # Reuters' disclaimer
    ("c33", ["vn_outlet"]),                       # the source line: not repeated
])
def test_chain_of(tables, claim_id, chain):
    assert reading.chain_of(tables, claim_id) == chain


def test_chain_of_unknown_claim(tables):
    with pytest.raises(AssumptionError, match="no claim 'c99'"):
        reading.chain_of(tables, "c99")


def test_chain_text(tables):
    assert reading.chain_text(tables, "c32") == ("Kim Jong Un, leader of North Korea → Reuters → "
                                                 "Fox News Digital → Unnamed Vietnamese outlet")


def test_conduit_order(tables):
    assert reading.conduit_order(tables) == ["reuters", "fox_news", "vn_outlet"]


def test_conduit_order_detects_contradictory_chains(edited_data):
    folder = edited_data("claims.csv", "kim_jong_un,reuters>fox_news", "kim_jong_un,fox_news>reuters")
    with pytest.raises(AssumptionError, match="contradictory"):
        reading.conduit_order(load_tables(folder))


def test_provenance(tables):
    frame = reading.provenance(tables).frame
    assert list(frame["who"]) == ["Reuters", "Fox News Digital", "Unnamed Vietnamese outlet"]
    assert list(frame["date given in the article"]) == ["none", "2025-11-14", "none"]
    claims = tables.claims[tables.claims["claim_type"] != "disclaimer"]  # a disclaimer is not a claim carried
    assert frame["claims carried"].iloc[-1] == len(claims) < len(tables.claims)
    through_reuters = claims["relayed_by"].str.contains("reuters").fillna(False)
    by_reuters = claims["source_id"] == "reuters"
    assert frame["claims carried"].iloc[0] == (through_reuters | by_reuters).sum()


# --------------------------------------------------------------------------- lesson 01: paragraphs

def test_paragraph_map_carries_every_claimant(tables):
    table = reading.paragraph_map(tables)
    assert list(table["paragraph"]) == list(range(1, 13))
    names = dict(zip(tables.sources["source_id"], tables.sources["name_en"]))
    paragraph_of = dict(zip(tables.sentences["sentence_id"], tables.sentences["paragraph"]))
    for claim in tables.claims.itertuples():
        row = table[table["paragraph"] == paragraph_of[claim.sentence_id]].iloc[0]
        assert names[claim.source_id] in row["voices"] and claim.claim_id in row["claims"]
    assert table.loc[2, "passed on by"] == "Reuters, Fox News Digital"
    assert table.loc[11, "voices"] == "Unnamed Vietnamese outlet" and table.loc[11, "passed on by"] == ""


def test_voices_by_side(tables):
    counts = reading.voices_by_side(tables)
    assert counts["paragraphs"].is_monotonic_decreasing
    by_side = dict(zip(counts["side"], counts["paragraphs"]))
    assert by_side["russia"] == 7 and by_side["ukraine"] == 2 and by_side["north_korea"] == 1
    assert dict(zip(counts["side"], counts["which"]))["ukraine"] == "6, 7"


def test_main_claims_are_the_news_and_the_figures(tables):
    main = reading.main_claims(tables)
    assert set(tables.figures["claim_id"]) <= set(main)
    assert main[:2] == ["c01", "c02"] and main == sorted(main)


def test_chain_routes_group_claims_by_route(tables):
    routes = reading.chain_routes(tables)
    assert routes["route"].is_unique
    assert sum(len(c.split(", ")) for c in routes["claims"]) == len(reading.main_claims(tables))
    sk = routes[routes["claims"] == "c07, c08"].iloc[0]
    assert sk["hands"] == 4 and sk["side"] == "unknown" and " → Reuters → " in sk["route"]
    assert len(reading.chain_routes(tables, tables.claims["claim_id"])) == 16
    with pytest.raises(AssumptionError, match="at least one"):
        reading.chain_routes(tables, [])


def test_describe_routes_names_every_route(tables):
    routes = reading.chain_routes(tables)
    text = reading.describe_routes(routes)
    assert text.startswith(f"Chains of publication of 10 claims, along {len(routes)} routes")
    for route in routes["route"]:
        assert route in text


def test_chain_diagram_is_a_chart_described_by_its_routes(tables):
    chart = reading.chain_diagram(tables, ["c08", "c32", "c33"])
    assert isinstance(chart, Chart)
    assert chart.alt_text == reading.describe_routes(reading.chain_routes(tables, ["c08", "c32", "c33"]))
    assert chart.png_bytes().startswith(b"\x89PNG")
    assert reading.chain_diagram(tables).alt_text.count("Route ") == len(reading.chain_routes(tables))


def test_claim_menu_and_card(tables):
    menu = reading.claim_menu(tables)
    assert [value for _, value in menu.options] == list(tables.claims["claim_id"])
    assert menu.value == "c01" and reading.claim_menu(tables, "c08").value == "c08"
    with pytest.raises(AssumptionError):
        reading.claim_menu(tables, "c99")
    card = reading.claim_card(tables, "c08")
    assert ">hơn 6.000 người đã thiệt mạng</mark>" in card._repr_html_()
    assert reading.chain_text(tables, "c08") in repr(card) and TRANSLATION_LABEL in repr(card)
    assert "Hands: 4 (the claimant and 3 conduits)" in repr(card)
    assert "Hands: 1 (the claimant only: no conduit)" in repr(reading.claim_card(tables, "c33"))


def test_hands_text_counts_the_claimant_and_its_conduits():
    assert reading.hands_text(4) == "4 (the claimant and 3 conduits)"
    assert reading.hands_text(2) == "2 (the claimant and 1 conduit)"
    assert reading.hands_text(1) == "1 (the claimant only: no conduit)"
    with pytest.raises(AssumptionError):
        reading.hands_text(0)


# --------------------------------------------------------------------------- lesson 01: dates

def test_resolve_dates_agrees_with_the_table(tables):
    dates = reading.resolve_dates(tables)
    assert dates["agrees_with_data"].all()
    undated = dates.loc[dates["rule"] == "undated"]
    assert {"t06", "t07", "t08"} <= set(undated["time_id"]) and len(undated) == 15  # every side's undated statements
    april = dates[dates["time_id"] == "t03"].iloc[0]
    assert (april["from"], april["to"]) == ("2025-04-01", "2025-04-30")
    assert "Zelensky" in dates[dates["time_id"] == "t08"].iloc[0]["speaker"]


def test_resolve_dates_against_another_reference(tables):
    dates = reading.resolve_dates(tables, dt.date(2026, 2, 14))
    moved = set(dates.loc[~dates["agrees_with_data"], "time_id"])
    assert moved == {"t01", "t04"}


def test_undated_statements(tables):
    frame = reading.undated_statements(tables).frame
    assert {"s01", "s10", "s14", "s15", "s16", "s18", "s20"} <= set(frame["sentence_id"])  # not one side only
    assert {"Vietnamese (the article)", TRANSLATION_LABEL} <= set(frame.columns)


@pytest.mark.parametrize("day,months,expected", [
    (dt.date(2025, 11, 14), 0, dt.date(2025, 11, 14)),
    (dt.date(2025, 11, 14), 2, dt.date(2026, 1, 14)),
    (dt.date(2025, 11, 30), 3, dt.date(2026, 2, 28)),
    (dt.date(2025, 11, 14), 12, dt.date(2026, 11, 14)),
])
def test_months_after(day, months, expected):
    assert reading.months_after(day, months) == expected


def test_months_after_rejects_negative():
    with pytest.raises(AssumptionError, match="negative"):
        reading.months_after(dt.date(2025, 11, 14), -1)


def test_dates_if_read_later(tables):
    now = reading.dates_if_read_later(tables, 0)
    assert now.frame["agrees_with_data"].all() and now.caption.endswith("2025-11-14")
    later = reading.dates_if_read_later(tables, 6)
    assert set(later.frame.loc[~later.frame["agrees_with_data"], "time_id"]) == {"t01", "t03", "t04"}
    assert "undated" not in set(later.frame["rule"])


def test_months_slider_starts_at_the_source_line():
    slider = reading.months_slider()
    assert (slider.value, slider.min) == (0, 0)


# --------------------------------------------------------------------------- lesson 01: translation drift

def test_drift_cards_show_each_case_with_its_sources(tables):
    cards = reading.drift_cards(tables)
    page, text = cards._repr_html_(), repr(cards)
    for row in tables.translation_drift.itertuples():
        assert row.drift_id in text and f">{row.quote_vi}</mark>" in page
        for url in row.source_urls.split():
            assert f'href="{url}"' in page.replace("&amp;", "&")
    assert text.count(TRANSLATION_LABEL) == len(tables.translation_drift)
