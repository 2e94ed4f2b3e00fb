"""Unit tests of critical_reading.claims: joins, conduit chains, cue matching, the ladder, the highlighter."""

import dataclasses

import pandas as pd
import pytest

from critical_reading import AssumptionError
from critical_reading.claims import (
    ANY,
    Highlighted,
    attribution_ladder,
    claim_highlighter,
    claims_with_sources,
    cue_matches,
    cue_occurrences,
    highlight_claims,
    highlighter_options,
    ladder_alt_text,
    ladder_chart,
    with_chains,
)
from critical_reading.reading import drift_cards, sentence_quote
from critical_reading.render import Chart, Quote, labelled, translation_label

TRANSLATION_LABEL = translation_label()

# --------------------------------------------------------------------------- display helpers

def test_labelled_marks_translation_columns_and_index_levels_only():
    frame = pd.DataFrame({"cue_vi": ["cho biết"], "gloss_en": ["said"], "claim_en": ["x"], "n": [1]})
    shown = labelled(frame)
    assert list(shown.columns) == ["cue_vi", f"gloss_en ({TRANSLATION_LABEL})", f"claim_en ({TRANSLATION_LABEL})", "n"]
    assert list(frame.columns) == ["cue_vi", "gloss_en", "claim_en", "n"]  # the original is untouched
    counts = frame[["cue_vi", "gloss_en"]].value_counts()
    assert labelled(counts).index.names == ["cue_vi", f"gloss_en ({TRANSLATION_LABEL})"]
    assert labelled(counts).tolist() == counts.tolist()


def test_sentence_quote_is_verbatim_with_translation(tables):
    quote = sentence_quote(tables, "s07")
    row = tables.sentences.set_index("sentence_id").loc["s07"]
    assert isinstance(quote, Quote)
    assert quote.text_vi == row["text_vi"] and quote.text_en == row["text_en"]
    assert quote.text_vi in tables.article
    assert "paragraph 3" in quote.attribution
    assert sentence_quote(tables, "s07", "Reuters").attribution == "Reuters"


def test_sentence_quote_unknown_id_is_one_clear_line(tables):
    with pytest.raises(AssumptionError, match="no sentence 's99'.*s01 to s25"):
        sentence_quote(tables, "s99")


# --------------------------------------------------------------------------- claimants and conduits

def test_claims_with_sources_keeps_every_claim_once(tables):
    joined = claims_with_sources(tables)
    assert list(joined["claim_id"]) == list(tables.claims["claim_id"])
    assert {"name_en", "kind", "side", "named"} <= set(joined.columns)
    assert joined["side"].notna().all()
    row = joined.set_index("claim_id").loc["c08"]
    assert row["side"] == "unknown" and row["kind"] == "anonymous" and not row["named"]


def test_with_chains_counts_conduits_and_hands(tables):
    chained = with_chains(tables).set_index("claim_id")
    assert chained.loc["c08", "chain"] == "sk_ua_western_sources → reuters → fox_news → vn_outlet"
    assert chained.loc["c08", "conduits"] == 3 and chained.loc["c08", "hands"] == 4
    assert chained.loc["c02", "conduits"] == 1  # Fox's own voice: only the Vietnamese outlet after it
    assert chained.loc["c33", "conduits"] == 0 and chained.loc["c33", "hands"] == 1  # the source line
    assert chained["chain"].str.endswith("vn_outlet").all()
    assert (chained["chain"].str.count(" → ") == chained["conduits"]).all()
    assert (chained["hands"] == chained["conduits"] + 1).all()
    assert "chain" not in tables.claims.columns  # a copy, not an edit


def test_with_chains_keeps_the_learners_selection_and_columns(tables):
    joined = claims_with_sources(tables)
    some = joined[joined["side"] == "ukraine"]
    chained = with_chains(tables, some)
    assert list(chained["claim_id"]) == list(some["claim_id"])
    assert "side" in chained.columns and chained.index.equals(some.index)


def test_with_chains_needs_claim_ids(tables):
    with pytest.raises(AssumptionError, match="no column 'claim_id'"):
        with_chains(tables, tables.claims[["source_id", "relayed_by"]])


def test_drift_cards_show_the_chosen_rows_with_sources(tables):
    notes = drift_cards(tables, ["T5", "T1"])
    text = repr(notes)
    assert text.index("T5") < text.index("T1") and "T3" not in text
    drift = tables.translation_drift.set_index("drift_id")
    for url in (drift.loc["T1", "source_urls"] + " " + drift.loc["T5", "source_urls"]).split():
        assert url in text and url in notes._repr_html_()
    assert TRANSLATION_LABEL in text
    with pytest.raises(AssumptionError, match="no translation difference 'T9'"):
        drift_cards(tables, ["T9"])
    with pytest.raises(AssumptionError):
        drift_cards(tables, [])


# --------------------------------------------------------------------------- cue words

CUES = pd.DataFrame({"cue_id": ["q01", "q12", "q11", "x1"],
                     "cue_vi": ["cho biết", "Báo cáo cũng cho biết", "Theo báo cáo", "tin"]})


def test_find_cues_prefers_the_longer_cue():
    found = cue_matches("Báo cáo cũng cho biết X, và Nga cho biết Y.", CUES)
    assert [m.cue_id for m in found] == ["q12", "q01"]
    assert found[0].start == 0 and found[0].end == len("Báo cáo cũng cho biết")


def test_find_cues_matches_whole_words_only_and_ignores_case():
    text = "theo báo cáo, tinh thần và tin tức."
    found = cue_matches(text, CUES)
    assert [(m.cue_id, text[m.start:m.end]) for m in found] == [("q11", "theo báo cáo"), ("x1", "tin")]


def test_find_cues_compares_in_nfc_form():
    import unicodedata

    decomposed = pd.DataFrame({"cue_id": ["q01"], "cue_vi": [unicodedata.normalize("NFD", "cho biết")]})
    assert [m.cue_id for m in cue_matches("Nga cho biết", decomposed)] == ["q01"]
    assert cue_matches("anything", CUES.iloc[0:0]) == []


def test_cue_occurrences_are_slices_of_the_article(tables):
    found = cue_occurrences(tables)
    assert len(found) > 0
    for row in found.itertuples():
        assert tables.article[row.start:row.end] == row.as_written
        assert row.as_written.casefold() == row.cue_vi.casefold()
    # the "cho biết" inside "Báo cáo cũng cho biết" is one vague attribution, not also a bare verb
    in_report = found[found["sentence_id"] == "s21"]
    assert "q12" in set(in_report["cue_id"]) and "q01" not in set(in_report["cue_id"])


def test_cue_occurrences_never_overlap(tables):
    found = cue_occurrences(tables).sort_values("start")
    assert (found["start"].iloc[1:].to_numpy() >= found["end"].iloc[:-1].to_numpy()).all()


# --------------------------------------------------------------------------- the ladder

def test_ladder_lists_every_attribution_verb_weakest_first(tables):
    ladder = attribution_ladder(tables)
    verbs = tables.cues_vi[tables.cues_vi["category"] == "attribution_verb"]
    assert sorted(ladder["cue_id"]) == sorted(verbs["cue_id"])
    assert ladder["strength"].is_monotonic_increasing
    assert list(ladder.columns) == ["strength", "cue_id", "cue_vi", "gloss_en", "claims", "in_text"]


def test_ladder_counts_claims_and_whole_word_uses(tables):
    ladder = attribution_ladder(tables).set_index("cue_vi")
    by_claims = tables.claims["cue_vi"].value_counts()
    for verb in ladder.index:
        assert ladder.loc[verb, "claims"] == by_claims.get(verb, 0)
    naive = tables.sentences["text_vi"].str.count("cho biết").sum()
    inside_longer = tables.sentences["text_vi"].str.count("Báo cáo cũng cho biết").sum()
    assert ladder.loc["cho biết", "in_text"] == naive - inside_longer
    assert ladder.loc["tuyên bố", "in_text"] == tables.article.count("tuyên bố")


def test_ladder_counts_from_a_small_made_up_article(tables):
    sentences = pd.DataFrame({"sentence_id": ["s01", "s02"], "paragraph": [1, 1], "start": [0, 20],
                              "end": [19, 44], "text_vi": ["A cho biết B và C.", "Báo cáo cũng cho biết D."],
                              "text_en": ["A said B and C.", "The report also said D."]})
    claims = pd.DataFrame({"claim_id": ["c1", "c2", "c3"], "sentence_id": ["s01", "s01", "s02"],
                           "cue_vi": ["cho biết", "Cho biết", "Báo cáo cũng cho biết"]})
    small = dataclasses.replace(tables, sentences=sentences, claims=claims)
    ladder = attribution_ladder(small).set_index("cue_vi")
    assert ladder.loc["cho biết", "claims"] == 2  # case does not matter; one verb, two claims
    assert ladder.loc["cho biết", "in_text"] == 1  # the one inside the longer cue is not counted
    assert ladder.loc["tuyên bố", "claims"] == 0 and ladder.loc["tuyên bố", "in_text"] == 0


def test_ladder_chart_describes_every_verb_from_the_data(tables):
    ladder = attribution_ladder(tables)
    chart = ladder_chart(ladder)
    assert isinstance(chart, Chart)
    assert chart.alt_text == ladder_alt_text(ladder)
    for row in ladder.itertuples():
        assert f"{row.cue_vi} ({row.gloss_en}) introduces {row.claims} claim" in chart.alt_text
    assert "Not used in the article" in chart.alt_text
    assert chart.png_bytes().startswith(b"\x89PNG")
    axes = chart.figure.axes[0]
    assert len(axes.patches) == len(ladder)  # one bar per verb
    assert {p.get_hatch() or "" for p in axes.patches} != {""}  # patterns as well as colours


# --------------------------------------------------------------------------- the highlighter

def test_highlight_by_claimant_marks_exactly_its_claims(tables):
    view = highlight_claims(tables, claimant="sk_ua_western_sources")
    assert view.claim_ids == ["c07", "c08"]
    assert view.sentence_ids == ["s07"]
    assert len(view.rows) == len(tables.sentences)  # the whole article is shown
    text = repr(view)
    assert "▶ [c07 · sk_ua_western_sources] [c08 · sk_ua_western_sources] ¶3 s07" in text
    assert f"EN ({TRANSLATION_LABEL}):" in text
    assert "«hơn 6.000 người đã thiệt mạng»" in text


def test_highlight_marks_are_the_claims_own_words(tables):
    view = highlight_claims(tables, side="russia")
    quotes = tables.claims.set_index("claim_id")["quote_vi"]
    for row in view.rows:
        for claim, _, start, end in row["marks"]:
            assert row["text_vi"][start:end] == quotes[claim]


def test_highlight_filters_combine_and_any_means_open(tables):
    joined = claims_with_sources(tables)
    both = highlight_claims(tables, side="ukraine", claim_type="figure")
    expected = joined[(joined["side"] == "ukraine") & (joined["claim_type"] == "figure")]["claim_id"]
    assert both.claim_ids == list(expected)
    assert highlight_claims(tables, claimant=ANY, side="ukraine").claim_ids == \
        highlight_claims(tables, side="ukraine").claim_ids
    assert highlight_claims(tables).claim_ids == list(tables.claims["claim_id"])


def test_highlight_html_marks_without_relying_on_colour(tables):
    page = highlight_claims(tables, claimant="zelensky")._repr_html_()
    assert "▶ [c20 · zelensky] [c21 · zelensky] [c22 · zelensky]" in page
    assert "<mark" in page and "text-decoration:underline" in page
    assert TRANSLATION_LABEL in page and 'lang="vi"' in page and 'lang="en"' in page
    assert "&lt;" not in page.replace("&lt;mark", "")  # nothing double-escaped


def test_highlight_escapes_html():
    view = Highlighted("test", [{"sentence_id": "s1", "paragraph": 1, "text_vi": "a <b> c", "text_en": "<i>",
                                 "marks": [("c1", "src", 2, 5)]}])
    page = view._repr_html_()
    assert "&lt;b&gt;" in page and "&lt;i&gt;" in page and "<b>" not in page


@pytest.mark.parametrize("kwargs, message", [
    ({"claimant": "nobody"}, "'nobody' is not a claimant"),
    ({"side": "france"}, "'france' is not a side"),
    ({"claim_type": "rumour"}, "'rumour' is not a claim type"),
    ({"claimant": "zelensky", "side": "russia"}, "no claim has claimant = zelensky, side = russia"),
])
def test_highlight_bad_choices_are_one_clear_line(tables, kwargs, message):
    with pytest.raises(AssumptionError, match=message):
        highlight_claims(tables, **kwargs)


def test_highlighter_options_offer_any_first_and_only_values_in_use(tables):
    options = highlighter_options(tables)
    for choices in options.values():
        assert choices[0][1] == ANY
    assert {value for _, value in options["claimant"][1:]} == set(tables.claims["source_id"])
    assert ("Volodymyr Zelensky, President of Ukraine (zelensky)", "zelensky") in options["claimant"]
    for _, side in options["side"][1:]:
        highlight_claims(tables, side=side)  # every single choice marks something


def test_claim_highlighter_renders_default_and_responds(tables, capsys):
    box = claim_highlighter(tables, side="russia")
    assert "course-interactive" in box._dom_classes
    claimant, side, claim_type = box.children[:3]
    assert side.value == "russia" and claimant.value == ANY and claim_type.value == ANY
    capsys.readouterr()
    side.value = ANY
    claimant.value = "sk_ua_western_sources"
    # outside a kernel the Output widget does not capture, so the view reaches stdout
    assert "▶ [c07 · sk_ua_western_sources]" in capsys.readouterr().out
    side.value = "russia"  # an empty combination: one line, not a traceback
    assert "Check your choice: no claim has" in capsys.readouterr().out
