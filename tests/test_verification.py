"""Unit tests of critical_reading.verification: disclaimers, their scope, unflagged claims, verdicts."""

import dataclasses

import pandas as pd
import pytest

from critical_reading import AssumptionError, DataContractError, load_tables
from critical_reading import verdicts as V
from critical_reading import verification as v
from critical_reading.render import Chart, show, translation_label

from .conftest import SOURCE_NOTES

TRANSLATION_LABEL = translation_label()

DISCLAIMER_SENTENCES = ["s08", "s17", "s19", "s21"]


# --------------------------------------------------------------------------- finding cues

def test_disclaimer_finder_returns_the_sentences_of_the_recorded_disclaimers(tables):
    found = v.find_cues(tables, "disclaimer")
    assert list(found.sentence_id) == DISCLAIMER_SENTENCES
    recorded = tables.claims.loc[tables.claims.claim_type == "disclaimer", "sentence_id"]
    assert set(found.sentence_id) == set(recorded)
    for row in found.itertuples():
        assert tables.article[row.start:row.end] == row.cue_vi


def test_find_cues_ignores_case_and_needs_whole_words(tables):
    cues = tables.cues_vi.copy()
    cues.loc[cues.cue_id == "q11", "cue_vi"] = "theo BÁO cáo"  # case differs from the article
    extra = pd.DataFrame([{"cue_id": "q99", "cue_vi": "ng", "gloss_en": "-", "category": "hedge"}])
    edited = dataclasses.replace(tables, cues_vi=pd.concat([cues, extra], ignore_index=True))
    vague = v.find_cues(edited, "vague_attribution")
    assert list(vague.sentence_id) == ["s13", "s20", "s21"]
    assert vague.cue_vi.iloc[0] == "Theo báo cáo"  # as written in the article
    assert "q99" not in set(v.find_cues(edited, "hedge").cue_id)  # "ng" only occurs inside words


def test_find_cues_rejects_an_unknown_category(tables):
    with pytest.raises(AssumptionError, match="'disclaimers' is not a cue category.*disclaimer"):
        v.find_cues(tables, "disclaimers")


def test_find_disclaimers_names_each_disclaimer_and_its_verifier(tables):
    found = v.find_disclaimers(tables)
    assert list(found.disclaimer) == ["c09", "c23", "c26", "c29"]
    assert list(found.voice) == ["Fox News Digital", "Fox News Digital", "Reuters", "Reuters"]
    assert list(found.names_verifier) == [False, True, True, True]  # s08 is passive


def test_mark_in_text_marks_the_cue_and_translates_each_paragraph(tables):
    marked = v.mark_in_text(tables, v.find_disclaimers(tables))
    assert [q.attribution for q in marked.items] == ["¶3", "¶7", "¶8", "¶9"]
    text = repr(marked)
    assert "«chưa được kiểm chứng độc lập»" in text and "«không thể xác nhận»" in text
    assert text.count(TRANSLATION_LABEL) == 4
    html = marked._repr_html_()
    assert html.count("<mark") == 4 and 'lang="vi"' in html and "text-decoration:underline" in html
    for quote in marked.items:  # the marked paragraph is the article's text
        paragraph = tables.article.split("\n")[int(quote.attribution[1:]) - 1]
        assert quote.text_vi == paragraph


def test_mark_in_text_needs_something_to_mark(tables):
    with pytest.raises(AssumptionError, match="nothing to mark"):
        v.mark_in_text(tables, v.find_cues(tables, "disclaimer").iloc[0:0])


def test_claim_spans_mark_the_quotes_of_claims(tables):
    spans = v.claim_spans(tables, ["c02", "c27"])
    quotes = tables.claims.set_index("claim_id").quote_vi
    for row in spans.itertuples():
        assert tables.article[row.start:row.end] == quotes[row.claim_id]
    assert list(spans.paragraph) == [1, 9]
    assert "«Đây là dấu hiệu mới nhất" in repr(v.mark_in_text(tables, v.claim_spans(tables, "c02")))
    with pytest.raises(AssumptionError, match="no claim 'c34'"):
        v.claim_spans(tables, ["c34"])


# --------------------------------------------------------------------------- scope

def test_disclaimer_scope_follows_flagged_by(tables):
    scope = v.disclaimer_scope(tables)
    assert scope.covers.to_dict() == {"c09": "c08", "c23": "c21, c22", "c26": "c24, c25", "c29": "c28"}
    assert scope.at["c09", "verifier_named"] == "—" and scope.at["c26", "verifier_named"] == "Reuters"
    assert scope.at["c09", "not_covered_nearby"] == "c06, c07"
    assert scope.at["c23", "not_covered_nearby"] == "c20"
    assert scope.at["c29", "not_covered_nearby"] == "c27"
    assert scope.at["c29", "where"] == "same sentence" and scope.at["c09", "where"] == "sentence before"


def test_scope_by_position_reach_one(tables):
    scope = v.scope_by_position(tables, reach=1)
    assert "c09" not in scope.index  # disclaimers are not covered
    assert scope.dropna().to_dict() == {
        "c07": "c09", "c08": "c09", "c20": "c23", "c21": "c23", "c22": "c23",
        "c24": "c26", "c25": "c26", "c27": "c29", "c28": "c29"}


def test_scope_by_position_reach_zero_covers_only_its_own_sentence(tables):
    assert v.scope_by_position(tables, reach=0).dropna().to_dict() == {"c28": "c29"}


def test_scope_stays_within_the_paragraph(tables):
    scope = v.scope_by_position(tables, reach=3)
    assert set(scope.dropna().index) >= {"c06", "c07", "c08"}
    assert pd.isna(scope["c19"])  # paragraph 6 has no disclaimer, though s17's reach spans it


def test_a_claim_goes_to_the_nearer_disclaimer(tables):
    claims = tables.claims.copy()
    claims.loc[claims.claim_id == "c21", "claim_type"] = "disclaimer"  # pretend: a disclaimer mid-sentence
    scope = v.scope_by_position(dataclasses.replace(tables, claims=claims), reach=1)
    assert scope["c20"] == "c21" and scope["c22"] == "c23"


@pytest.mark.parametrize("reach", [-1, 1.5, True, "1"])
def test_scope_by_position_rejects_an_impossible_reach(tables, reach):
    with pytest.raises(AssumptionError, match="whole number"):
        v.scope_by_position(tables, reach=reach)


def test_compare_scope_shows_where_position_and_reading_differ(tables):
    table = v.compare_scope(tables, reach=1)
    assert set(table.index[~table.agree]) == {"c07", "c20", "c27"}
    assert "by_position_reach_1" in table.columns
    zero = v.compare_scope(tables, reach=0)
    assert set(zero.index[~zero.agree]) == {"c08", "c21", "c22", "c24", "c25"}


def test_scope_view_is_an_interactive_view(tables):
    box = v.scope_view(tables)
    assert "course-interactive" in box._dom_classes
    box.children[0].value = 0  # moving the slider re-renders without error


# --------------------------------------------------------------------------- unflagged claims

def test_reasons_for_caution(tables):
    reasons = v.reasons_for_caution(tables)
    assert "c09" not in reasons.index  # disclaimers are left out
    assert reasons.loc["c02", list(v.REASON_LABELS)].tolist() == [False, False, True, False]
    assert reasons.at["c07", "unnamed"] and not reasons.at["c07", "party"]
    assert reasons.at["c16", "unnamed"] and reasons.at["c27", "unnamed"]  # "Theo báo cáo"
    assert reasons.at["c11", "party"]  # Zvezda: state media of a party
    assert reasons.at["c20", "undated"] and reasons.at["c19", "undated"] and not reasons.at["c07", "undated"]
    assert (reasons.reasons == reasons[list(v.REASON_LABELS)].sum(axis=1)).all()


def test_unflagged_claims_are_exactly_the_unflagged_non_disclaimers(tables):
    table = v.unflagged_claims(tables)
    c = tables.claims
    expected = c.loc[(c.verification == "unflagged") & (c.claim_type != "disclaimer"), "claim_id"]
    assert list(table.index) == list(expected)
    assert (table.reasons >= 1).all()  # in this article every unflagged claim has a reason for caution


def test_verification_table_and_paragraph_summary(tables):
    table = v.verification_table(tables)
    assert len(table) == len(tables.claims)
    assert table.at["c08", "covered_by"] == "c09: have not been independently verified"
    assert table.at["c09", "status"] == "disclaimer" and table.at["c09", "reasons_for_caution"] == "—"
    summary = v.paragraph_summary(tables)
    assert list(summary.index) == list(range(1, 13))
    assert summary.at[3, "flagged as unverified"] == "c08" and summary.at[10, "presented as background"] == "c30"


def test_verification_map_is_an_accessible_chart(tables):
    chart = v.verification_map(tables)
    assert isinstance(chart, Chart)
    for claim_id in tables.claims.claim_id:
        assert f"{claim_id} in ¶" in chart.alt_text
    collections = chart.figure.axes[0].collections
    assert len(collections) == len(v.STATUS_LABELS)
    markers = {c.get_paths()[0].vertices.round(3).tobytes() for c in collections}
    assert len(markers) == len(v.STATUS_LABELS)  # a different marker shape for each status


def test_claimant_stakes(tables):
    stakes = v.claimant_stakes(tables)
    assert stakes.index[0] == "Russian Ministry of Defence"  # order of first appearance
    assert set(stakes.index) == set(tables.sources.set_index("source_id").loc[tables.claims.source_id.unique(),
                                                                               "name_en"])
    assert stakes.stake_en.str.len().gt(0).all()
    assert stakes.at["Reuters", "disclaimers"] == 2 and stakes.at["Reuters", "claims_excluding_disclaimers"] == 0
    fox = stakes.loc["Fox News Digital"]
    assert [fox.claims_excluding_disclaimers, fox.flagged, fox.unflagged_non_background, fox.background,
            fox.disclaimers] == [2, 0, 1, 1, 2]  # c02 unflagged, c30 background; c09 and c23 disclaimers
    parts = stakes.flagged + stakes.unflagged_non_background + stakes.background
    assert (parts == stakes.claims_excluding_disclaimers).all()
    # lesson 02 counts disclaimers among the claims: the two columns add up to its count
    per_source = tables.claims.source_id.map(dict(zip(tables.sources.source_id, tables.sources.name_en)))
    assert (stakes.claims_excluding_disclaimers + stakes.disclaimers).to_dict() == per_source.value_counts().to_dict()
    assert stakes.unflagged_non_background.sum() == len(v.unflagged_claims(tables))


def test_status_counts(tables):
    counts = v.status_counts(tables)
    assert list(counts.index) == list(v.STATUS_LABELS.values()) and counts.claims.sum() == len(tables.claims)
    assert counts.at["disclaimer", "claims"] == 4 and counts.at["flagged as unverified", "claims"] == 6
    assert counts.at["flagged as unverified", "claim_ids"] == ", ".join(
        tables.claims.loc[tables.claims.flagged_by.notna(), "claim_id"])


# --------------------------------------------------------------------------- verdicts

@pytest.mark.parametrize("claimant,source,expected", [
    ("ukraine", "none", True), ("ukraine", "russia", True), ("russia", "north_korea", False),
    ("ukraine", "ukraine", False), ("unknown", "unknown", False), ("unknown", "none", True),
    ("none", "none", True), ("unknown", "russia", True),
])
def test_independent(claimant, source, expected):
    assert V.independent(claimant, source) is expected


def test_evidence_fills_in_estimates(tables):
    ev = V.evidence(tables)
    assert ev.source_en.notna().all() and ev.url.str.match(r"https?://").all() and ev.date.notna().all()
    assert set(ev.loc[ev.after_article, "estimate_id"]) == {"e26"}
    row = ev.set_index("evidence_id").loc["v08"]
    assert row.figure == "about 2,000 (killed)" and row.independent
    assert not ev.set_index("evidence_id").at["v16", "independent"]  # Zelensky confirming Zelensky


def test_evidence_urls_are_in_the_source_notes(tables):
    notes = SOURCE_NOTES.read_text(encoding="utf-8")
    for url in V.evidence(tables).url:
        assert url in notes, url


def test_verdicts_follow_the_rule(tables):
    table = V.verdicts(tables)
    key = tables.claims[tables.claims.claim_type.isin(V.KEY_CLAIM_TYPES)]
    assert list(table.index) == list(key.claim_id)
    assert set(table.verdict) <= set(V.VERDICTS)
    assert table.at["c07", "verdict"] == "corroborated elsewhere"
    assert table.at["c08", "verdict"] == "contested" and table.at["c08", "article_flag"] == "c09"
    assert table.at["c22", "verdict"] == "contested"
    assert table.at["c21", "verdict"] == "corroborated elsewhere" and table.at["c21", "not_counted"] == "v20, v21"
    assert table.at["c33", "verdict"] == "established background"
    assert table.at["c01", "verdict"] == "unverified by the course's sources"
    assert table.at["c01", "why"] == V.WHY["same_side_only"]
    assert table.at["c24", "why"] == V.WHY["flagged_unsourced"]
    # v12 and v13 only give context: the "thousands" of engineers are neither confirmed nor contradicted
    assert table.at["c17", "verdict"] == V.VERDICTS[-1] and table.at["c17", "why"] == V.WHY["context_only"]
    assert table.at["c17", "counted"] == "—" and table.at["c17", "not_counted"] == "v12, v13"


def test_background_without_an_outside_source_is_not_established(tables):
    row = V.verdicts(tables).loc["c30"]
    assert row.verdict == "unverified by the course's sources" and row.counted == "—"
    assert "background" in row.why and "no outside source" in row.why


def test_contest_wins_over_corroboration(tables):
    ev = tables.verdict_evidence.copy()
    ev.loc[ev.evidence_id == "v22", "relation"] = "contests"
    table = V.verdicts(dataclasses.replace(tables, verdict_evidence=ev))
    assert table.at["c21", "verdict"] == "contested"


def test_verdict_counts_and_chart(tables):
    table = V.verdicts(tables)
    counts = V.verdict_counts(table)
    assert list(counts.index) == list(V.VERDICTS) and counts.claims.sum() == len(table)
    chart = V.verdict_chart(table)
    assert counts.at["contested", "claim_ids"] == "c08, c22"
    assert isinstance(chart, Chart) and "contested: 2 (c08, c22)" in chart.alt_text
    assert "unverified by the course's sources: 16 (" in chart.alt_text


def test_explain_shows_the_reasoning_with_sources(tables):
    card = V.explain(tables, "c08")
    text = repr(card)
    assert text.startswith("c08: contested")
    assert TRANSLATION_LABEL in text and "hơn 6.000 người đã thiệt mạng" in text
    assert "v11 context (not counted: context only)" in text and "after the article" in text
    assert "https://www.themoscowtimes.com/2025/09/02/" in text
    assert "T1:" in text  # the documented translation drift of the sentence
    assert "via Reuters > Fox News Digital" in text
    html = card._repr_html_()
    assert "<a href=" in html and 'lang="vi"' in html


def test_explain_rejects_unknown_and_non_key_claims(tables):
    with pytest.raises(AssumptionError, match="no claim 'c99'"):
        V.explain(tables, "c99")
    with pytest.raises(AssumptionError, match="c02 is 'interpretation'"):
        V.explain(tables, "c02")


# --------------------------------------------------------------------------- the evidence table's checks

def test_evidence_row_may_not_repeat_its_estimate(edited_data):
    folder = edited_data("verdict_evidence.csv", "v08,c08,contests,e23,,", "v08,c08,contests,e23,NIS,")
    with pytest.raises(DataContractError, match=r"verdict_evidence.csv, line 9 .*'source_en'.*repeats"):
        load_tables(folder)


def test_evidence_row_without_estimate_needs_its_own_url(edited_data):
    url = "https://www.foxnews.com/world/kim-jong-un-sends-troops-russia-clear-deadly-minefields-putins-war"
    folder = edited_data("verdict_evidence.csv", f",{url},", ",,")
    with pytest.raises(DataContractError, match=r"line 28 \(evidence_id v27\), column 'url'.*all filled"):
        load_tables(folder)


def test_evidence_row_must_point_at_a_real_estimate(edited_data):
    folder = edited_data("verdict_evidence.csv", "v08,c08,contests,e23", "v08,c08,contests,e99")
    with pytest.raises(DataContractError, match="'e99'.*estimates.csv"):
        load_tables(folder)


# --------------------------------------------------------------------------- showing tables

def test_show_keeps_long_cells_whole(tables):
    stakes = v.claimant_stakes(tables)
    longest = max(stakes.stake_en, key=len)
    table = show(stakes)
    assert longest in repr(table)
    assert longest[-25:] in table._repr_html_()  # the end of the longest cell is not cut off
    assert list(table.frame.columns[:2]) == ["claimant", "kind"]  # the index becomes the first column


def test_show_labels_translations_and_marks_vietnamese(tables):
    table = show(v.disclaimer_scope(tables))
    assert "gloss_en (English working translation)" in table.frame.columns
    assert '<td lang="vi"' in table._repr_html_()
    assert list(show(v.find_disclaimers(tables)).frame.columns)[0] == "sentence_id"  # no stray index
