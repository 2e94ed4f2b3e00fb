"""Unit tests of critical_reading.figures: lesson 03's intervals, comparisons and reconciliation."""

import dataclasses
import datetime as dt
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from critical_reading import AssumptionError, load_tables
from critical_reading import estimates as E
from critical_reading import figures as F
from critical_reading import statements as S
from critical_reading.intervals import Interval

OPEN = math.inf


# --------------------------------------------------------------------------- numbers in words

@pytest.mark.parametrize("interval,words", [
    (Interval(2666.8, OPEN), "more than 2,667 (no upper bound given)"),
    (Interval(12600, 15400), "12,600 to 15,400"),
    (Interval(9, 9), "9"),
    (Interval(2412.2, 2948.4), "2,412 to 2,948"),
])
def test_describe_people_rounds_to_whole_people(interval, words):
    assert F.describe_people(interval) == words


@pytest.mark.parametrize("interval,words", [
    (Interval(0.3896, 1.0), "at least 39%"),
    (Interval(0.0, 0.3667), "at most 37%"),
    (Interval(0.0818, 0.1196), "8% to 12%"),
    (Interval(0.6667, 0.6667), "67%"),
    (Interval(0.0, 1.0), "any share (0% to 100%)"),
])
def test_describe_share(interval, words):
    assert F.describe_share(interval) == words


def test_describe_share_span_writes_both_ends():
    assert F.describe_share(Interval(0.3896, 1.0), span=True) == "39% to 100%"
    assert F.describe_share(Interval(0.0, 0.3667), span=True) == "0% to 37%"
    assert F.describe_share(Interval(0.6667, 0.6667), span=True) == "67%"


def test_add_intervals_closed_and_open():
    assert F.add_intervals(Interval(9900, 12100), Interval(2700, 3300)) == Interval(12600, 15400)
    total = F.add_intervals(Interval(100, OPEN), Interval(900, 1100))
    assert total.low == 1000 and total.is_open
    with pytest.raises(ValueError):
        F.add_intervals()


# --------------------------------------------------------------------------- shares

@pytest.mark.parametrize("share", [0, 0.5, 1, 2 / 3])
def test_check_share_accepts_0_to_1(share):
    assert F.check_share(share) == pytest.approx(share)


@pytest.mark.parametrize("share,words", [
    (1.5, "impossible"), (-0.1, "impossible"), (float("nan"), "between 0 and 1"),
    ("half", "between 0 and 1"), (True, "between 0 and 1"), (None, "between 0 and 1"),
])
def test_check_share_rejects_impossible_shares_in_one_line(share, words):
    with pytest.raises(AssumptionError, match=words) as caught:
        F.check_share(share)
    assert "\n" not in caught.value.message
    assert caught.value._render_traceback_() == [f"Check your choice: {caught.value.message}"]


def test_implied_killed_keeps_open_intervals_open():
    killed = F.implied_killed(Interval(4000, OPEN), 2 / 3)
    assert killed.low == pytest.approx(2666.67, rel=1e-4) and killed.is_open
    assert F.implied_killed(Interval(3600, 4400), 0.5) == Interval(1800, 2200)
    assert F.implied_killed(Interval(4000, OPEN), 0) == Interval(0, 0)


def test_implied_killed_takes_a_range_of_shares():
    assert F.implied_killed(Interval(4000, 4000), (0.1, 0.5)) == Interval(400, 2000)
    with pytest.raises(AssumptionError, match="upside down"):
        F.implied_killed(Interval(4000, 4000), (0.5, 0.1))
    with pytest.raises(AssumptionError, match="impossible"):
        F.implied_killed(Interval(4000, 4000), (0.5, 1.2))


def test_share_range_closed_open_and_impossible():
    # more than 6,000 killed of about 14,000 sent: at least 39 %, at most all
    rate = F.share_range(Interval(6000, OPEN), Interval(12600, 15400))
    assert rate.low == pytest.approx(6000 / 15400) and rate.high == 1
    # about 2,000 killed of more than 6,000 casualties: the open whole lets the share fall to 0
    nis_uk = F.share_range(Interval(1800, 2200), Interval(6000, OPEN))
    assert nis_uk.low == 0 and nis_uk.high == pytest.approx(2200 / 6000)
    # "up to 12,000" starts at 0: the share is capped at 1
    assert F.share_range(Interval(2667, OPEN), Interval(0, 12000)).high == 1
    assert F.share_range(Interval(500, 600), Interval(100, 200)) is None
    assert F.share_range(Interval(0, 5), Interval(0, 0)) == Interval(0, 1)
    assert F.share_range(Interval(1, 5), Interval(0, 0)) is None


# --------------------------------------------------------------------------- the article's figures

@pytest.mark.parametrize("figure_id,low,high", [
    ("f01", 12600, 15400),   # khoảng 14.000: about
    ("f02", 6000, OPEN),     # hơn 6.000: more than, open
    ("f03", 2000, 9999),     # hàng ngàn: vague, the table's reading
    ("f04", 6000, 6000),     # 6.000: exact
    ("f05", 0, 12000),       # tới 12.000: up to
    ("f06", 4000, OPEN),     # hơn 4.000: more than, open
])
def test_figure_interval_follows_the_qualifier(tables, figure_id, low, high):
    interval = F.figure_interval(tables, figure_id)
    assert interval.low == pytest.approx(low) and interval.high == pytest.approx(high)


def test_figure_interval_about_tolerance(tables):
    assert F.figure_interval(tables, "f01", about_tolerance=0.2) == Interval(11200, 16800)


def test_figure_value_and_unknown_ids(tables):
    assert F.figure_value(tables, "f07") == pytest.approx(2 / 3, rel=1e-3)
    with pytest.raises(AssumptionError, match="vague"):
        F.figure_value(tables, "f03")
    with pytest.raises(AssumptionError, match="no figure 'f99'"):
        F.figure_interval(tables, "f99")
    with pytest.raises(AssumptionError, match="no outside estimate 'e99'"):
        F.item(tables, "e99")


@pytest.mark.parametrize("text_vi,english", [
    ("khoảng 14.000", "about 14,000"), ("hơn 6.000", "more than 6,000"), ("hàng ngàn", "thousands"),
    ("tới 12.000", "up to 12,000"), ("hai phần ba", "two-thirds"), ("6.000", "6,000"), ("37", "37"),
])
def test_figure_in_english(tables, text_vi, english):
    assert F.figure_in_english(tables, text_vi) == english


def test_article_figures_table(tables):
    table = F.article_figures(tables)
    assert list(table["figure"]) == list(tables.figures["figure_id"])
    row = table.set_index("figure").loc["f02"]
    assert row["as written"] == "hơn 6.000" and row["English working translation"] == "more than 6,000"
    assert row["when"] == "2025-11-14" and row["high"] == OPEN
    assert table.set_index("figure").loc["f05", "when"] == "undated"
    assert table.set_index("figure").loc["f07", "interval"] == "67%"
    assert table.set_index("figure").loc["f06", "who says it"].startswith("Volodymyr Zelensky")


def test_figure_quotes_show_each_sentence_once_with_its_translation(tables):
    quotes = F.figure_quotes(tables, ["f01", "f02", "f05", "f06", "f07"])
    assert len(quotes.items) == 2  # s07 and s16
    text = repr(quotes)
    assert "khoảng 14.000" in text and "English working translation" in text and "undated" in text
    assert quotes._repr_html_().count('lang="vi"') == 2


def test_word_use_finds_the_casualty_words(tables):
    use = F.word_use(tables)
    where = use.groupby("word")["sentence"].apply(list).to_dict()
    assert where == {"thương vong": ["s08", "s16", "s17"], "thiệt mạng": ["s07"], "chết": ["s16"]}
    assert "English working translation" in use.columns


def test_death_rates_from_the_article(tables):
    rates = F.death_rates(tables).set_index("killed (as said)")["share of troops killed"].to_dict()
    # both ends shown: with no upper bound on deaths, the ceiling is all the troops sent
    assert rates == {"more than 6,000 killed": "39% to 100%",
                     "two-thirds (hedged: “Tôi nghĩ”) of more than 4,000 casualties": "22% to 100%"}


# --------------------------------------------------------------------------- comparisons

def test_troops_about_14000_equal_jcs_11000_plus_3000(tables):
    comparison = F.compare(tables, "f01", ["e10", "e11"])
    assert comparison.second.interval == Interval(12600, 15400)
    assert comparison.same_measure and comparison.overlap
    assert comparison.common == Interval(12600, 15400)
    assert comparison.days_apart == 232


def test_engineers_6000_equal_1000_deminers_plus_5000_builders(tables):
    comparison = F.compare(tables, "f04", ["e19", "e20"])
    assert comparison.overlap and comparison.second.interval == Interval(6000, 6000)
    assert not comparison.same_measure  # engineers against deminers + military builders
    assert "deminers + military builders" in repr(comparison)


def test_killed_6000_against_nis_2000(tables):
    comparison = F.compare(tables, "f02", "e23")
    assert not comparison.overlap and comparison.common is None
    assert comparison.gap == 3800 and comparison.days_apart == 73
    text = repr(comparison)
    assert "do not overlap" in text and "grew by at least 3,800 in the 73 days" in text


def test_killed_against_casualties_gives_the_share_needed(tables):
    uk = F.compare(tables, "f02", "e17")
    assert "part of the casualties" in repr(uk)
    assert uk.share_needed == Interval(0, 1)  # both open: any share fits
    nis_uk = F.compare(tables, "e23", "e17")
    assert F.describe_share(nis_uk.share_needed) == "at most 37%"
    assert "at most 37% of the casualties" in repr(nis_uk)


def test_a_later_lower_count_points_to_different_groups(tables):
    text = repr(F.compare(tables, "e26", "e23"))
    assert "The later figure is lower" in text and "528th engineer regiment" in text


def test_undated_figures_cannot_be_ordered(tables):
    comparison = F.compare(tables, "f06", "e07")
    assert comparison.days_apart is None and comparison.overlap
    assert "f06 is undated" in repr(comparison)
    assert "<ul" in comparison._repr_html_()


def test_open_intervals_overlap_each_other(tables):
    comparison = F.compare(tables, "f02", "e25")  # the same report: more than 6,000 killed
    assert comparison.overlap and comparison.common.is_open
    assert "Both are dated 2025-11-14" in repr(comparison)


def test_implied_item(tables):
    zelensky = F.implied_item(tables, "f06", share_ref="f07")
    assert zelensky.quantity == "killed" and zelensky.interval.is_open
    assert round(zelensky.interval.low) == 2667
    assert "two-thirds (hedged: “Tôi nghĩ”) of more than 4,000" in zelensky.describe()
    assert not F.compare(tables, zelensky, "e08").overlap
    assert F.implied_item(tables, "e12", share=0.5).interval == Interval(1800, 2200)
    with pytest.raises(AssumptionError, match="not casualties"):
        F.implied_item(tables, "f02", share=0.5)
    with pytest.raises(AssumptionError, match="impossible"):
        F.implied_item(tables, "e12", share=2)


def test_item_sums_need_at_least_one_id(tables):
    with pytest.raises(AssumptionError, match="at least one"):
        F.item(tables, [])
    assert F.item(tables, ["e23"]).ids == ("e23",)


# --------------------------------------------------------------------------- assumptions

def test_check_assumptions_defaults(tables):
    a = E.check_assumptions(tables)
    assert a.share is None and a.as_of == tables.publication_date
    assert a.sources == tuple(E.loss_sources(tables))
    assert E.loss_sources(tables)[0] == "sk_nis" and "kim_jong_un" in E.loss_sources(tables)


@pytest.mark.parametrize("kwargs,words", [
    ({"share": 1.2}, "impossible"),
    ({"share": -0.5}, "impossible"),
    ({"sources": ()}, "no source is selected"),
    ({"sources": []}, "no source is selected"),
    ({"sources": ["Fox News"]}, "not a source of loss estimates"),
    ({"as_of": "2023-01-01"}, "outside the data: choose a date from 2024-10-18 to 2025-12-13"),
    ({"as_of": "2026-02-01"}, "outside the data"),
    ({"as_of": "next week"}, "is not a date"),
    ({"as_of": 2025}, "is not a date"),
    ({"as_of": pd.NaT}, "no as-of date"),
])
def test_check_assumptions_rejects_impossible_choices(tables, kwargs, words):
    with pytest.raises(AssumptionError, match=words) as caught:
        E.check_assumptions(tables, **kwargs)
    assert "\n" not in caught.value.message


def test_check_assumptions_accepts_other_forms(tables):
    a = E.check_assumptions(tables, 0.5, "sk_nis", dt.date(2025, 12, 13))
    assert a.sources == ("sk_nis",) and a.as_of == dt.date(2025, 12, 13)
    assert E.check_assumptions(tables, as_of=pd.Timestamp("2025-06-15")).as_of == dt.date(2025, 6, 15)


# --------------------------------------------------------------------------- outside estimates

def test_estimates_table_low_best_high(tables):
    table = E.estimates_table(tables)
    data = table.data
    assert list(data["id"]) == ["e03", "e06", "e07", "e08", "e12", "e14", "e17", "e23", "e25", "e26"]
    nis = data.set_index("id").loc["e23"]
    assert (nis["low"], nis["best"], nis["high"]) == (1800, 2000, 2200)
    assert data.set_index("id").loc["e17", "high"] == OPEN
    page = table._repr_html_()
    assert '<a href="https://www.donga.com/en/article/all/20250617/5666191/1"' in page and len(table) == 10
    assert "https:/<wbr>/<wbr>www.donga.com/<wbr>en" in page  # long links may wrap
    assert "no upper bound" in page and "South Korea NIS" in page


def test_estimates_table_filters(tables):
    assert "e26" not in list(E.estimates_table(tables, as_of="2025-11-14").data["id"])
    only = E.estimates_table(tables, quantities=["troops_sent"], sources=["sk_jcs"]).data
    assert list(only["id"]) == ["e10"]


def test_evidence_keeps_order_links_and_notes(tables):
    table = E.estimate_details(tables, ["e11", "e10"])
    assert list(table.data["id"]) == ["e11", "e10"]
    assert table.data["url"].str.startswith("https://").all()
    assert "reports the JCS figures" in repr(table)
    assert list(E.estimate_details(tables, "e26").data["id"]) == ["e26"]


def test_after_publication(tables):
    later = E.after_publication(tables).data
    assert list(later["id"]) == ["e26"] and list(later["days after the article"]) == [29]


def test_shares_from_killed_and_wounded(tables):
    table = E.shares_from_killed_and_wounded(tables)
    shares = table.set_index("date")["share killed"].to_dict()
    assert {str(k): v for k, v in shares.items()} == {"2024-12-19": "at least 8%", "2025-01-13": "8% to 12%",
                                                    "2025-04-30": "11% to 15%"}
    assert list(table["ids"]) == ["e03+e04", "e08+e09", "e14+e15"]


def test_nearest_in_time(tables):
    killed = tables.estimates[tables.estimates["quantity"] == "killed"]
    assert E.nearest_in_time(killed, pd.Timestamp("2025-06-15"))["estimate_id"] == "e14"  # 46 days, not 79
    assert E.nearest_in_time(killed, "2025-09-01")["estimate_id"] == "e23"
    assert E.nearest_in_time(killed.iloc[0:0], "2025-09-01") is None


def test_agreement_table(tables):
    table = E.agreement_table(tables)
    assert len(table) == 4 and "agree if share killed is" in table
    assert list(table["agree if share killed is"]) == ["7% to 9%", "7% to 8%", "12% to 18%", "at most 11%"]
    with_share = E.agreement_table(tables, share=0.15)
    assert list(with_share["agrees at this share?"]) == ["no", "no", "yes", "no"]
    with pytest.raises(AssumptionError, match="no casualty estimate"):
        E.agreement_table(tables, sources=["kim_jong_un"])
    no_deaths = E.agreement_table(tables, share=0.5, sources=["uk_defence_intelligence"])
    assert no_deaths.loc[0, "nearest estimate of deaths"] == "none chosen"


# --------------------------------------------------------------------------- chart, widget, statement

def test_timeline_chart_alt_text_lists_every_point(tables):
    chart = E.timeline_chart(tables)
    for words in ("2025-09-02 South Korea NIS 1,800 to 2,200", "UK Defence Intelligence more than 6,000",
                  "f02 killed", "f06 casualties", "undated", "2025-11-14"):
        assert words in chart.alt_text, words
    assert "Kim Jong Un 9" not in chart.alt_text  # published after the default as-of date
    assert chart.png_bytes().startswith(b"\x89PNG")


def test_timeline_chart_follows_the_assumptions(tables):
    chart = E.timeline_chart(tables, share=0.1, sources=["sk_nis", "kim_jong_un"], as_of="2025-12-13")
    assert "2025-12-13 Kim Jong Un 9" in chart.alt_text
    assert "Zelensky" not in chart.alt_text.split("The article's figures")[0]
    assert "Killed implied" in chart.alt_text and "at 0.10" in chart.alt_text
    with pytest.raises(AssumptionError):
        E.timeline_chart(tables, sources=[])


def test_reconcile_default_and_text(tables):
    result = E.reconcile(tables)
    assert result.assumptions.share == pytest.approx(F.figure_value(tables, "f07"))
    text = repr(result)
    assert text.startswith("As of 2025-11-14") and "0 of 4 casualty estimates agree" in text
    assert "alt=" in result._repr_html_()
    assert "1 of 4" in E.reconcile(tables, share=0.15).summary()


@pytest.mark.parametrize("kwargs", [{"share": 1.01}, {"sources": ()}, {"as_of": "2027-01-01"}])
def test_reconcile_rejects_impossible_assumptions(tables, kwargs):
    with pytest.raises(AssumptionError):
        E.reconcile(tables, **kwargs)


def test_reconciliation_widget_shows_a_bad_choice_as_one_line(tables, capsys):
    box = E.reconciliation_widget(tables)
    assert "course-interactive" in box._dom_classes
    share, sources, as_of = box.children[:3]
    assert share.value == pytest.approx(F.figure_value(tables, "f07"))
    assert as_of.value == tables.publication_date
    capsys.readouterr()
    sources.value = ()
    out = capsys.readouterr().out.strip()
    assert out.endswith("Check your choice: no source is selected: choose at least one source of estimates.")


def test_reconciled_statement_default(tables):
    text = S.reconciled_statement(tables)
    assert "\n" not in text and repr(text) == str(text) and text._repr_html_().startswith("<p")
    for words in ("published by 2025-11-14 (the date of the article)", "leaving out the figures the article itself relays "
                  "(from unnamed South Korean, Ukrainian and Western sources, via Reuters)",
                  "killed, wounded, missing and captured", "within 10% either way",
                  "overlaps 3 of the 3 counts of all troops sent", "South Korea JCS's about 11,000 + about 3,000",
                  "set aside: Volodymyr Zelensky's 12,000 (troops sent (first deployment; the course's reading); 2025-01-05)",
                  "first deployment only are not expected to match the article's total",
                  "more than 6,000 killed", "South Korea NIS's about 2,000 killed (1,800 to 2,200; 2025-09-02)",
                  "grew by at least 3,800 in the 73 days", "UK Defence Intelligence's more than 6,000 casualties",
                  "an inference, not proven", "the estimate of deaths nearest to it in time",
                  "South Korea NIS's about 600 killed (540 to 660; 2025-04-30), 46 days apart",
                  "at most 11% of casualties", "imply more than 2,667 killed",
                  "309 days before the article", "3 of its 9 figures (f02, f06 and f07)"):
        assert words in text, words
    assert "Later information" not in text and "If a share" not in text
    assert "Western sources had published" not in text  # the relayed figures are left out, not named as used
    assert "does not overlap Volodymyr Zelensky" not in text  # an older, lower total is no mismatch
    assert "does not overlap UK Defence Intelligence's about 11,000" not in text  # a first-deployment count


def test_reconciled_statement_pairs_like_the_agreement_table(tables):
    """The statement's share for a casualty estimate is the agreement table's for the same pair."""
    text = S.reconciled_statement(tables)
    row = E.agreement_table(tables).set_index("days apart").loc[46]
    assert row["nearest estimate of deaths"].startswith("e14 South Korea NIS 2025-04-30")
    assert f"fits only if {row['agree if share killed is']} of casualties" in text


def test_reconciled_statement_other_troop_counts_and_no_fit(tables):
    e = tables.estimates.copy()
    e.loc[e["estimate_id"] == "e13", ["value", "low", "high"]] = 20000  # a later, higher total
    e.loc[e["estimate_id"] == "e17", ["qualifier", "high"]] = ["exact", 6000]  # a closed casualty count
    e.loc[e["estimate_id"] == "e14", ["value", "low", "high"]] = 7000  # more deaths than casualties
    e.loc[e["estimate_id"] == "e14", "qualifier"] = "exact"
    text = S.reconciled_statement(dataclasses.replace(tables, estimates=e))
    assert "overlaps 2 of the 3 counts" in text and "it does not overlap South Korea NIS's 20,000" in text
    assert "South Korea NIS's 7,000 killed (2025-04-30), 46 days apart, cannot fit" in text


def test_reconciled_statement_follows_the_assumptions(tables):
    text = S.reconciled_statement(tables, share=0.1, as_of="2025-12-13")
    assert "If a share of 0.10 of casualties were killed" in text and "more than 600 killed" in text
    assert "Later information, 29 days after the article: Kim Jong Un's 9 killed" in text
    narrow = S.reconciled_statement(tables, sources=["uk_defence_intelligence"])
    assert "cannot be checked" in narrow and "Reuters" not in narrow
    with pytest.raises(AssumptionError):
        S.reconciled_statement(tables, share=3)


def test_only_cumulative_counts_get_the_growth_condition(tables):
    plans = F.compare(tables, "e01", "e18")  # two plans to send troops, months apart: not a running count
    assert plans.same_measure and not plans.overlap
    assert "only grow" not in repr(plans)


def test_chart_cache_follows_the_data_not_the_object(tables):
    """Two Tables with the same content share a drawn chart; an edit to the estimates does not."""
    from critical_reading.estimates import _content_key

    same = load_tables()
    assert _content_key(same) == _content_key(tables)
    edited = load_tables()
    edited.estimates.loc[0, "value"] = edited.estimates.loc[0, "value"] + 1
    assert _content_key(edited) != _content_key(tables)


# --------------------------------------------------------------------------- the statement's rules (issue #10)

@pytest.mark.parametrize("as_of", ["2024-12-19", "2025-03-27", "2025-06-15", "2025-11-14", "2025-12-13"])
def test_statement_as_of_names_only_sources_published_by_then(tables, as_of):
    """A statement "as of" a date names only sources with an estimate on or before that date."""
    text = S.reconciled_statement(tables, as_of=as_of)
    lead = text.split(":")[0]
    e = tables.estimates[tables.estimates["source_id"].isin(E.loss_sources(tables))]  # the default sources
    day = pd.Timestamp(as_of)
    for source_id, shown in dict(zip(e["source_id"], e["source"])).items():
        published = bool(((e["source_id"] == source_id) & (e["date"] <= day)).any())
        assert (shown.casefold() in lead.casefold()) == published, (source_id, as_of, lead)


def test_statement_as_of_leaves_out_a_later_estimator(tables):
    lead = S.reconciled_statement(tables).split(":")[0]
    assert "Kim Jong Un" not in lead  # his only estimate is of 2025-12-13


def test_statement_labels_the_nato_reading_an_inference(tables):
    text = S.reconciled_statement(tables)
    for sentence in re.split(r"(?<=\.) ", text):
        if "NATO" in sentence:
            assert "inference" in sentence, sentence


def test_statement_says_more_than_never_at_least(tables):
    for kwargs in ({}, {"share": 0.1, "as_of": "2025-12-13"}):
        text = S.reconciled_statement(tables, **kwargs)
        assert "at least" not in text.replace("by at least", "")  # "grew by at least N" is a gap, not a figure
        assert "or more" not in text


def test_statement_sets_aside_every_count_of_the_first_deployment(tables):
    """A troop count whose definition says first deployment is never compared with the article's total."""
    e = tables.estimates.copy()
    e.loc[e["estimate_id"] == "e05", "definition"] = "troops sent (first deployment)"
    text = S.reconciled_statement(dataclasses.replace(tables, estimates=e))
    set_aside = text.split("are set aside:")[1].split(". ")[0]
    assert "Volodymyr Zelensky's 12,000" in set_aside
    assert "older, lower count" not in text


def test_statement_names_no_id_or_claimant_in_code():
    source = (Path(F.__file__).parent / "statements.py").read_text(encoding="utf-8")
    assert not re.search(r"\"[fce]\d\d\"|zelensky|Zelensky|Kim|NIS", source)


def test_a_date_written_day_first_is_refused_not_read_month_first(tables):
    with pytest.raises(AssumptionError, match="YYYY-MM-DD"):
        E.check_assumptions(tables, as_of="01/12/2025")
    assert E.check_assumptions(tables, as_of="2025-06-15").as_of.isoformat() == "2025-06-15"
