"""Data integrity: the tables say exactly what the article says (design, testing layer 2)."""

import hashlib
import re

import pandas as pd
import pytest

from critical_reading import contract, interval_for
from critical_reading.vietnamese import value_is_written_in

from .conftest import ROOT, SOURCE_NOTES

#: SHA-256 of the article exactly as the project received it (the original, outside the repository).
ORIGINAL_ARTICLE_SHA256 = "4a5dbcb3257694593180138d2b7b72ccfb35004034142262fa9b2b51e9266bb1"


def test_article_is_the_original_byte_for_byte():
    ours = (ROOT / "data" / "article.vi.txt").read_bytes()
    assert hashlib.sha256(ours).hexdigest() == ORIGINAL_ARTICLE_SHA256


def test_article_has_eleven_paragraphs_and_a_source_line(tables):
    lines = tables.article.rstrip("\n").split("\n")
    assert len(lines) == 12
    assert lines[-1].startswith("Theo tin từ Fox News")


def test_every_sentence_is_its_article_slice(tables):
    for row in tables.sentences.itertuples():
        assert tables.article[row.start:row.end] == row.text_vi, row.sentence_id


def test_sentences_cover_the_whole_article_in_order(tables):
    s = tables.sentences
    assert list(s["sentence_id"]) == [f"s{i:02d}" for i in range(1, len(s) + 1)]
    covered, position = [], 0
    for row in s.itertuples():
        assert tables.article[position:row.start].strip() == "", f"text left out before {row.sentence_id}"
        position = row.end
    assert tables.article[position:].strip() == ""
    assert sorted(s["paragraph"].unique()) == list(range(1, 13))


def test_paragraph_numbers_match_the_line_of_each_sentence(tables):
    for row in tables.sentences.itertuples():
        assert tables.article.count("\n", 0, row.start) + 1 == row.paragraph, row.sentence_id


def test_every_quote_is_a_verbatim_substring_of_its_sentence(tables):
    text = dict(zip(tables.sentences.sentence_id, tables.sentences.text_vi))
    for row in tables.claims.itertuples():
        assert row.quote_vi in text[row.sentence_id], row.claim_id
    for row in tables.translation_drift.itertuples():
        assert row.quote_vi in text[row.sentence_id], row.drift_id


def test_every_vietnamese_quotation_mark_span_is_covered_by_a_claim(tables):
    """Every “…” quotation in the article is part of some claim's quote."""
    quotes = " ".join(tables.claims.quote_vi)
    for sentence in tables.sentences.itertuples():
        for quoted in re.findall(r"“([^”]+)”", sentence.text_vi):
            for part in re.split(r"(?<=\.) ", quoted):  # a quotation may hold two sentences
                assert part.rstrip(".") in quotes, (sentence.sentence_id, part)


def test_every_sentence_holds_at_least_one_claim(tables):
    assert set(tables.sentences.sentence_id) == set(tables.claims.sentence_id)


def test_every_figure_value_is_written_in_its_quote(tables):
    quote = dict(zip(tables.claims.claim_id, tables.claims.quote_vi))
    for row in tables.figures.itertuples():
        assert row.text_vi in quote[row.claim_id], row.figure_id
        if pd.notna(row.value):
            assert value_is_written_in(row.value, row.text_vi), row.figure_id


def test_every_number_in_the_article_about_people_or_places_is_a_figure(tables):
    """14.000, 6.000, 12.000, 4.000, 37, 64 and the number words all appear in figures.csv."""
    recorded = " ".join(tables.figures.text_vi)
    for number in ["14.000", "6.000", "12.000", "4.000", "37", "64", "hai phần ba", "hàng ngàn"]:
        assert number in tables.article
        assert number in recorded, number


def test_figure_qualifier_matches_the_vietnamese_cue(tables):
    cues = tables.cues_vi[tables.cues_vi.category == "quantity_qualifier"]
    for row in tables.figures.itertuples():
        signalled = [c.qualifier for c in cues.itertuples() if row.text_vi.lower().startswith(c.cue_vi)]
        expected = signalled[0] if signalled else None
        if expected is None:
            assert row.qualifier == "exact", row.figure_id
        else:
            assert row.qualifier == expected, row.figure_id


def test_figure_bounds_follow_the_interval_rules(tables):
    for frame in (tables.figures, tables.estimates):
        for row in frame.itertuples():
            value = None if pd.isna(row.value) else row.value
            expected = interval_for(value, row.qualifier, low=row.low, high=row.high)
            assert expected.low == pytest.approx(row.low, rel=1e-3)
            if pd.isna(row.high):
                assert expected.is_open
            else:
                assert expected.high == pytest.approx(row.high, rel=1e-3)


@pytest.mark.parametrize("table,column,vocabulary", [
    ("sources", "kind", contract.KINDS), ("sources", "side", contract.SIDES),
    ("claims", "claim_type", contract.CLAIM_TYPES), ("claims", "verification", contract.VERIFICATIONS),
    ("figures", "qualifier", contract.QUALIFIERS), ("estimates", "qualifier", contract.QUALIFIERS),
    ("estimates", "side", contract.SIDES), ("cues_vi", "category", contract.CUE_CATEGORIES),
])
def test_controlled_vocabularies(tables, table, column, vocabulary):
    assert set(getattr(tables, table)[column]) <= set(vocabulary)


def test_referential_integrity(tables):
    sources = set(tables.sources.source_id)
    claims = tables.claims.set_index("claim_id")
    assert set(tables.claims.source_id) <= sources
    for chain in tables.claims.relayed_by.dropna():
        assert set(chain.split(">")) <= sources
    assert set(tables.figures.claim_id) <= set(claims.index)
    for flagged in tables.claims.flagged_by.dropna():
        assert claims.at[flagged, "claim_type"] == "disclaimer"
    assert set(tables.time_expressions.sentence_id) <= set(tables.sentences.sentence_id)


def test_reuters_and_fox_are_sources_and_every_source_is_used(tables):
    used = set(tables.claims.source_id)
    for chain in tables.claims.relayed_by.dropna():
        used |= set(chain.split(">"))
    used |= set(tables.estimates.source_id)  # outside estimators (estimates.source_id)
    assert {"reuters", "fox_news", "vn_outlet"} <= used
    estimators = set(tables.sources.source_id[tables.sources.name_en.isin(tables.estimates.source)])
    assert {"sk_nis", "sk_jcs", "uk_defence_intelligence"} <= estimators  # asked "who gains?" too
    assert used | estimators == set(tables.sources.source_id)


def test_disclaimers_are_claims_with_a_scope(tables):
    disclaimers = tables.claims[tables.claims.claim_type == "disclaimer"]
    assert len(disclaimers) == 4
    covered = set(tables.claims.flagged_by.dropna())
    assert covered == set(disclaimers.claim_id)


def test_every_estimate_is_dated_and_sourced(tables):
    e = tables.estimates
    assert e.date.notna().all()
    assert e.url.str.match(r"https?://").all()
    notes = SOURCE_NOTES.read_text(encoding="utf-8")
    for url in e.url:
        assert url in notes, url
    for urls in tables.translation_drift.source_urls:
        for url in urls.split():
            assert url in notes, url


def test_estimate_dates_are_in_the_source_notes_timeline(tables):
    notes = SOURCE_NOTES.read_text(encoding="utf-8")
    for date in tables.estimates.date.dt.strftime("%Y-%m-%d").unique():
        assert f"| {date} |" in notes, date


def test_relative_dates_are_resolved_against_the_source_line(tables):
    te = tables.time_expressions.set_index("text_vi", drop=False)
    assert tables.publication_date.isoformat() == "2025-11-14"
    assert te.loc["năm ngoái", "resolved_start"].year == 2024
    assert te.loc["tháng 4", "resolved_start"].strftime("%Y-%m") == "2025-04"
    assert te.loc["tháng trước", "resolved_start"].strftime("%Y-%m") == "2025-10"
    undated = tables.time_expressions[tables.time_expressions.rule == "undated"]
    assert "s16" in set(undated.sentence_id)  # Zelensky's quotation


def test_undated_figures_are_marked_undated(tables):
    zelensky = tables.figures[tables.figures.source_id == "zelensky"]
    assert zelensky.as_of.isna().all()


def test_every_side_may_be_undated_and_the_two_records_agree(tables):
    """No side is singled out: claims.dated_by and the undated rows of time_expressions agree."""
    c = tables.claims[tables.claims.claim_type != "disclaimer"]
    undated_sentences = set(tables.time_expressions.sentence_id[tables.time_expressions.rule == "undated"])
    assert set(c.sentence_id[c.dated_by == "undated"]) == undated_sentences
    undated_sources = set(c.source_id[c.dated_by == "undated"])
    assert {"russia_mod", "zvezda", "krasnaya_zvezda", "unnamed_report", "east_to_west", "budanov",
            "zelensky"} <= undated_sources
    dated_in_text = set(tables.time_expressions.sentence_id[tables.time_expressions.rule != "undated"])
    assert set(c.sentence_id[c.dated_by == "time_expression"]) <= dated_in_text
    assert tables.figures.set_index("figure_id").loc[["f01", "f02"], "claim_id"].map(
        tables.claims.set_index("claim_id").dated_by).eq("source_notes").all()  # the Reuters report dates them


def test_hedged_figure_records_its_hedge(tables):
    f07 = tables.figures.set_index("figure_id").loc["f07"]
    assert f07.hedge_vi == "Tôi nghĩ" and tables.figures.hedge_vi.notna().sum() == 1


def test_corroborating_evidence_overlaps_the_figure(edited_data):
    from critical_reading import DataContractError, load_tables
    folder = edited_data("verdict_evidence.csv", "v20,c21,context,e06", "v20,c21,corroborates,e06")
    with pytest.raises(DataContractError, match=r"verdict_evidence.csv.*v20.*e06 lies outside"):
        load_tables(folder)


def test_undated_figure_needs_an_undated_claim(edited_data):
    from critical_reading import DataContractError, load_tables
    folder = edited_data("figures.csv", "settlements,undated,unnamed_report,,37", "settlements,2025-11-14,unnamed_report,,37")
    with pytest.raises(DataContractError, match=r"figures.csv.*f08.*dated_by 'undated'"):
        load_tables(folder)
