"""The exercise checks: a right answer passes with ✓; anything else gets one specific line.

For every check in ``critical_reading.checks.QUESTIONS``:

- right answers (written as a student would, and in the other accepted shapes) print one ✓ line;
- the stub ``...`` says "Not answered yet";
- None, a string, a list, a dict, a number, a DataFrame with missing or with extra columns, and
  odd objects each give a one-line hint (never a traceback, never a warning, since nbgrader scores
  a check cell that writes to stderr as failed);
- near misses give the specific hint written for them.
"""

import datetime as dt
import math
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from critical_reading import LearnerError, checks, interval_for, load_tables

from .conftest import ROOT

VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
TABLE_CHECKS = ["claims_with_sources", "disclaimers", "key_figures", "killed_estimates"]


def _by(table, key):
    return table.set_index(key)


# ----------------------------------------------------------------------------- right answers
# Written the way a student would (pandas on `tables`), independently of checks.expected_*.

def _claims_through(t):
    return list(t.claims.loc[t.claims["relayed_by"].str.contains("reuters", na=False), "claim_id"])


def _claims_with_sources(t):
    return t.claims[["claim_id", "source_id"]].merge(t.sources[["source_id", "name_en", "side"]],
                                                     on="source_id", how="left")


def _killed(t):
    return t.estimates[t.estimates["quantity"] == "killed"].sort_values("value", kind="stable")[
        ["estimate_id", "date", "source", "value"]]


def _key_figures(t):
    return (t.figures.merge(t.claims[["claim_id", "verification"]], on="claim_id")
            .merge(t.sources[["source_id", "name_en", "side"]], on="source_id")
            [["figure_id", "quantity", "text_vi", "name_en", "side", "verification"]])


def _claim_review(t):
    return {
        "claimReviewed": _by(t.claims, "claim_id").at["c08", "quote_vi"],
        "itemReviewed": {"author": _by(t.sources, "source_id").at["sk_ua_western_sources", "name_en"],
                         "datePublished": "2025-11-14"},
        "reviewRating": "Unverified",
        "author": "Class 11A",
        "datePublished": "2025-12-01",
    }


RIGHT = {
    # name: (extra args, [right answers in every accepted shape])
    "chain_of_publication": (("c08",), [
        lambda t: ["sk_ua_western_sources", "reuters", "fox_news", "vn_outlet"],
        lambda t: ("sk_ua_western_sources", "reuters", "fox_news", "vn_outlet"),
        lambda t: pd.Series(["sk_ua_western_sources", "reuters", "fox_news", "vn_outlet"]),
    ]),
    "claims_through": (("reuters",), [
        _claims_through,
        lambda t: _claims_through(t)[::-1],                                     # any order
        lambda t: tuple(_claims_through(t)),
    ]),
    "relative_periods": ((), [
        lambda t: {"s06": ("2024-01-01", "2024-12-31"), "s23": ("2025-04-01", "2025-04-30"),
                   "s24": ("2025-10-01", "2025-10-31")},
        lambda t: {"s06": [dt.date(2024, 1, 1), dt.date(2024, 12, 31)],
                   "s23": (pd.Timestamp("2025-04-01"), pd.Timestamp("2025-04-30")),
                   "s24": (dt.datetime(2025, 10, 1), "2025-10-31")},
    ]),
    "chronological_order": ((["s22", "s23", "s24", "s25"],), [
        lambda t: ["s22", "s23", "s24", "s25"],
        lambda t: list(_by(t.time_expressions, "sentence_id").loc[["s25", "s24", "s23", "s22"]]
                       .sort_values("resolved_start").index),
    ]),
    "claims_with_sources": ((), [
        _claims_with_sources,
        lambda t: _claims_with_sources(t).set_index("name_en").reset_index(),
    ]),
    "claims_per_side": ((), [
        lambda t: _claims_with_sources(t)["side"].value_counts(),
        lambda t: dict(_claims_with_sources(t).groupby("side").size()),
        lambda t: {str(k): int(v) for k, v in _claims_with_sources(t)["side"].value_counts().items()},
        lambda t: _claims_with_sources(t)["side"].value_counts().reset_index(),
    ]),
    "strong_attribution": ((), [
        lambda t: list(t.claims.merge(t.cues_vi[["cue_vi", "strength"]], on="cue_vi", how="left")
                       .query("strength >= 3")["claim_id"]),
        lambda t: set(t.claims.loc[t.claims["cue_vi"] == "tuyên bố", "claim_id"]),
    ]),
    "attribution_kinds": ((["s02", "s04", "s09", "s13", "s15", "s16"],), [
        lambda t: {"s02": "own_voice", "s04": "unnamed", "s09": "named", "s13": "unnamed",
                   "s15": "named", "s16": "named"},
    ]),
    "figure_interval": (("f01",), [
        lambda t: interval_for(14000, "about"),
        lambda t: (12600, 15400),
        lambda t: [12600.0, 15400.0],
    ]),
    "implied_interval": (("f06", "f07"), [
        lambda t: interval_for(4000, "more_than").scale(2 / 3),
        lambda t: (4000 * _by(t.figures, "figure_id").at["f07", "value"], math.inf),
        lambda t: (2666.67, float("inf")),
    ]),
    "killed_estimates": ((), [
        _killed,
        lambda t: _killed(t).assign(date=lambda d: d["date"].dt.strftime("%Y-%m-%d")),
    ]),
    "overlapping_estimates": (("f02", ["killed", "casualties"]), [
        lambda t: list(t.estimates[t.estimates["quantity"].isin(["killed", "casualties"])
                                   & (t.estimates["date"] < pd.Timestamp(t.publication_date))
                                   & ((t.estimates["high"] >= 6000) | t.estimates["high"].isna())]["estimate_id"]),
        lambda t: ["e17", "e03"],
    ]),
    "disclaimers": ((), [
        lambda t: t.claims.loc[t.claims["claim_type"] == "disclaimer", ["claim_id", "sentence_id", "source_id"]],
    ]),
    "disclaimer_scope": ((), [
        lambda t: {d: list(t.claims.loc[t.claims["flagged_by"] == d, "claim_id"])
                   for d in t.claims.loc[t.claims["claim_type"] == "disclaimer", "claim_id"]},
        lambda t: {"c09": "c08", "c23": ("c22", "c21"), "c26": ["c24", "c25"], "c29": ["c28"]},
    ]),
    "unflagged_figures": ((), [
        lambda t: list(t.claims.loc[(t.claims["claim_type"] == "figure")
                                    & (t.claims["verification"] == "unflagged"), "claim_id"]),
    ]),
    "unflagged_party_claims": ((), [
        lambda t: list(t.claims.merge(t.sources[["source_id", "side"]], on="source_id")
                       .query("side in ['russia', 'ukraine', 'north_korea'] and verification == 'unflagged'")
                       ["claim_id"]),
    ]),
    "key_figures": ((), [
        _key_figures,
        lambda t: _key_figures(t).sort_values("side"),
    ]),
    "latest_estimates": ((["f01", "f02", "f06"],), [
        lambda t: {"f01": "e13", "f02": "e23", "f06": "e17"},  # e13, as lesson 03: e16 counts one deployment
    ]),
    "claim_review": (("c08",), [
        _claim_review,
        lambda t: {**_claim_review(t), "reviewRating": {"@type": "Rating", "alternateName": "Unverified"},
                   "author": {"@type": "Person", "name": "A. Student"}, "url": "https://example.org"},
    ]),
}

# ----------------------------------------------------------------------------- near misses
# name: [(answer builder, words the one-line hint must contain)]

def _replace(mapping, **changes):
    return {**mapping, **changes}


PERIODS = {"s06": ("2024-01-01", "2024-12-31"), "s23": ("2025-04-01", "2025-04-30"),
           "s24": ("2025-10-01", "2025-10-31")}
KINDS = {"s02": "own_voice", "s04": "unnamed", "s09": "named", "s13": "unnamed", "s15": "named", "s16": "named"}
SCOPE = {"c09": ["c08"], "c23": ["c21", "c22"], "c26": ["c24", "c25"], "c29": ["c28"]}

NEAR = {
    "chain_of_publication": [
        (lambda t: ["reuters", "fox_news", "vn_outlet"], "start with who makes claim c08"),
        (lambda t: ["sk_ua_western_sources", "reuters", "fox_news"], "end with the outlet"),
        (lambda t: ["vn_outlet", "fox_news", "reuters", "sk_ua_western_sources"], "reversed"),
        (lambda t: ["sk_ua_western_sources", "fox_news", "reuters", "vn_outlet"], "wrong order"),
        (lambda t: ["sk_ua_western_sources", "fox_news", "vn_outlet"], "missing"),
        (lambda t: ["sk_ua_western_sources", "reuters", "zelensky", "fox_news", "vn_outlet"], "'zelensky'"),
        (lambda t: "sk_ua_western_sources>reuters>fox_news", "not as one text"),
        (lambda t: ["sk_ua_western_sources", "Reuters", "fox_news", "vn_outlet"], "spelling"),
    ],
    "claims_through": [
        (lambda t: list(t.claims.loc[t.claims["relayed_by"].str.contains("reuters", na=False)
                                     | (t.claims["source_id"] == "reuters"), "claim_id"]),
         "claimant, not a conduit"),
        (lambda t: _claims_through(t)[:2], "anywhere in relayed_by"),
        (lambda t: _claims_through(t)[0], "in a list"),
        (lambda t: _claims_through(t) + _claims_through(t)[:1], "twice"),
        (lambda t: t.claims.loc[t.claims["relayed_by"].str.contains("reuters", na=False)], "list(table['claim_id'])"),
    ],
    "relative_periods": [
        (lambda t: _replace(PERIODS, s23=("2024-04-01", "2024-04-30")), "gives no year"),
        (lambda t: _replace(PERIODS, s24=("2025-11-01", "2025-11-30")), "calendar month before"),
        (lambda t: _replace(PERIODS, s06=("2025-01-01", "2025-12-31")), "calendar year before"),
        (lambda t: _replace(PERIODS, s23=("2025-04-01", "2025-04-31")), "not a real date"),
        (lambda t: _replace(PERIODS, s23=("2025-04-01", "2025-04-29")), "last day"),
        (lambda t: _replace(PERIODS, s23=("2025-04-02", "2025-04-30")), "first day"),
        (lambda t: _replace(PERIODS, s23=("01/04/2025", "30/04/2025")), "YYYY-MM-DD"),
        (lambda t: _replace(PERIODS, s23="2025-04"), "pair"),
        (lambda t: {"s06": PERIODS["s06"], "s23": PERIODS["s23"]}, "no entry for 's24'"),
        (lambda t: _replace(PERIODS, s25=("2025-11-14", "2025-11-14")), "does not ask about"),
    ],
    "chronological_order": [
        (lambda t: ["s23", "s22", "s24", "s25"], "too early"),
        (lambda t: ["s25", "s24", "s23", "s22"], "latest first"),
        (lambda t: ["s22", "s24", "s23", "s25"], "not yet in order"),
        (lambda t: ["s22", "s23", "s24"], "all 4"),
        (lambda t: ["s22", "s23", "s24", "s25", "s06"], "not one of the sentences"),
    ],
    "claims_with_sources": [
        (lambda t: t.sources[["source_id", "name_en", "side"]].assign(claim_id=t.sources["source_id"]),
         "one per source"),
        (lambda t: _claims_with_sources(t).iloc[:-3], "3 claims missing"),
        (lambda t: _claims_with_sources(t).assign(side="russia"), "column 'side'"),
        (lambda t: _claims_with_sources(t).drop(columns="name_en"), "no column 'name_en'"),
    ],
    "claims_per_side": [
        (lambda t: t.sources["side"].value_counts(), "counts of sources"),
        (lambda t: _claims_with_sources(t).merge(t.sources[["source_id", "kind"]], on="source_id")["kind"]
         .value_counts(), "kinds of source"),
        (lambda t: _claims_with_sources(t)["side"].value_counts().iloc[:-1], "add up to"),
        (lambda t: {**dict(_claims_with_sources(t)["side"].value_counts()), "russia": 13, "none": 8},
         "count for 'russia'"),
        (lambda t: {**dict(_claims_with_sources(t)["side"].value_counts()), "moscow": 0, "usa": 1}, "'usa'"),
        (lambda t: _claims_with_sources(t), "not a whole table"),
        (lambda t: {**dict(_claims_with_sources(t)["side"].value_counts()), "russia": "14"}, "without quotes"),
    ],
    "strong_attribution": [
        (lambda t: ["c10", "c15", "c31", "c05"], "“nhận xét” (English working translation: “remarked”)"),
        (lambda t: ["c10", "c15"], "1 claim missing"),
        (lambda t: ["c10", "c15", "c31", "c02"], "no attribution cue"),
        (lambda t: ["c10", "c15", "c31", "c10"], "twice"),
        (lambda t: ["c10", "c15", 31], "in quotes"),
        (lambda t: "c10", "in a list"),
    ],
    "attribution_kinds": [
        (lambda t: _replace(KINDS, s04="named"), "English working translation: “A Russian commander”"),
        (lambda t: _replace(KINDS, s16="unnamed"), "names its source"),
        (lambda t: _replace(KINDS, s02="named"), "own voice"),
        (lambda t: _replace(KINDS, s13="anonymous"), "not one of the labels"),
    ],
    "figure_interval": [
        (lambda t: (14000, 14000), "not an exact number"),
        (lambda t: (13000, 15000), "± 10 %"),
        (lambda t: (12600, math.inf), "does have an upper bound"),
        (lambda t: (15400, 12600), "above the high end"),
        (lambda t: 14000, "single number"),
        (lambda t: (12600, 15400, 14000), "yours has 3"),
        (lambda t: ("12600", "15400"), "without quotes"),
    ],
    "implied_interval": [
        (lambda t: (2700, math.inf), "rounded"),
        (lambda t: (4000, math.inf), "whole figure"),
        (lambda t: (4000 * 2 / 3, 4000 * 2 / 3), "no upper bound"),
        (lambda t: (4000 / 3, math.inf), "other part"),
        (lambda t: (2666.67, None), "math.inf"),
        (lambda t: (1000, math.inf), "multiply the low end"),
    ],
    "killed_estimates": [
        (lambda t: _killed(t).iloc[::-1], "not in order"),
        (lambda t: t.estimates[t.estimates["quantity"].isin(["killed", "casualties"])].sort_values("value")[
            ["estimate_id", "date", "source", "value"]], "counts casualties, not deaths"),
        (lambda t: _killed(t).drop(columns="estimate_id"), "no column 'estimate_id'"),
        (lambda t: _killed(t).iloc[1:], "1 estimate missing"),
        (lambda t: _killed(t).assign(value=1.0), "column 'value'"),
    ],
    "overlapping_estimates": [
        (lambda t: ["e17"], "no upper bound"),
        (lambda t: ["e03"], "missing"),
        (lambda t: ["e03", "e17", "e25"], "article's own date"),
        (lambda t: ["e03", "e17", "e26"], "after the article"),
        (lambda t: ["e03", "e17", "e23"], "does not overlap"),
        (lambda t: ["e03", "e17", "e13"], "counts troops_sent"),
    ],
    "disclaimers": [
        (lambda t: t.claims.loc[t.claims["claim_type"].isin(["disclaimer", "background"]),
                                ["claim_id", "sentence_id", "source_id"]], "not a disclaimer"),
        (lambda t: t.claims.loc[t.claims["claim_type"] == "disclaimer", ["claim_id", "sentence_id"]],
         "no column 'source_id'"),
        (lambda t: t.claims.loc[t.claims["claim_type"] == "disclaimer",
                                ["claim_id", "sentence_id", "source_id", "quote_vi"]], "extra column"),
        (lambda t: t.claims.loc[t.claims["claim_id"].isin(["c09", "c23"]), ["claim_id", "sentence_id", "source_id"]],
         "2 disclaimers missing"),
    ],
    "disclaimer_scope": [
        (lambda t: _replace(SCOPE, c09=["c07", "c08"]), "c07"),
        (lambda t: _replace(SCOPE, c23=["c20", "c21", "c22"]), "c20"),
        (lambda t: _replace(SCOPE, c26=["c24"]), "covers 2 claims"),
        (lambda t: _replace(SCOPE, c26=["c24", "c25", "c28"]), "another disclaimer"),
        (lambda t: _replace(SCOPE, c29=["c28", "c26"]), "itself a disclaimer"),
        (lambda t: {k: v for k, v in SCOPE.items() if k != "c29"}, "no entry for 'c29'"),
    ],
    "unflagged_figures": [
        (lambda t: ["c07", "c17", "c19", "c20", "c27", "c08"], "covered by the disclaimer c09"),
        (lambda t: ["c07", "c17", "c19", "c20", "c27", "c06"], "not 'figure'"),
        (lambda t: ["c07", "c17", "c19"], "2 figures missing"),
    ],
    "unflagged_party_claims": [
        (lambda t: checks.expected_unflagged_party_claims(t) + ["c17"], "side 'unknown'"),
        (lambda t: checks.expected_unflagged_party_claims(t) + ["c21"], "covered by a disclaimer"),
        (lambda t: checks.expected_unflagged_party_claims(t)[:-1], "1 claim missing"),
    ],
    "key_figures": [
        (lambda t: _key_figures(t).iloc[:-1], "1 figure missing"),
        (lambda t: _key_figures(t).drop(columns="verification"), "no column 'verification'"),
        (lambda t: _key_figures(t).assign(note=""), "extra column"),
        (lambda t: _key_figures(t).assign(side="none"), "column 'side'"),
    ],
    "latest_estimates": [
        (lambda t: {"f01": "e16", "f02": "e23", "f06": "e17"}, "counts only part"),
        (lambda t: {"f01": "e13", "f02": "e25", "f06": "e17"}, "not published before"),
        (lambda t: {"f01": "e13", "f02": "e14", "f06": "e17"}, "not the latest"),
        (lambda t: {"f01": "e13", "f02": "e17", "f06": "e17"}, "compare like with like"),
        (lambda t: {"f01": "e13", "f02": ["e23"], "f06": "e17"}, "one estimate id"),
        (lambda t: {"f01": "e13", "f02": "e99", "f06": "e17"}, "not an estimate_id"),
    ],
    "claim_review": [
        (lambda t: {k: v for k, v in _claim_review(t).items() if k != "reviewRating"}, "no key 'reviewRating'"),
        (lambda t: {("claimreviewed" if k == "claimReviewed" else k): v for k, v in _claim_review(t).items()},
         "capitals matter"),
        (lambda t: _replace(_claim_review(t), claimReviewed="More than 6,000 have been killed."), "copied"),
        (lambda t: _replace(_claim_review(t), claimReviewed=_by(t.sentences, "sentence_id").at["s07", "text_vi"]),
         "whole sentence"),
        (lambda t: _replace(_claim_review(t), itemReviewed={"author": "Reuters", "datePublished": "2025-11-14"}),
         "not the outlet"),
        (lambda t: _replace(_claim_review(t), itemReviewed={"author": "Unnamed South Korean, Ukrainian and "
                                                            "Western sources", "datePublished": "2025-11-13"}),
         "when the claim was published"),
        (lambda t: _replace(_claim_review(t), itemReviewed="Reuters"), "itself be a dict"),
        (lambda t: _replace(_claim_review(t), reviewRating=""), "short text"),
        (lambda t: _replace(_claim_review(t), datePublished="yesterday"), "YYYY-MM-DD"),
    ],
}


class _Weird:
    """An object that breaks everything a check might try on it."""

    def __eq__(self, other):
        raise RuntimeError("boom")

    def __len__(self):
        raise RuntimeError("boom")

    def __iter__(self):
        raise RuntimeError("boom")

    __hash__ = object.__hash__


def _generic_bad(name, t):
    """None, a string, lists, a dict, numbers, DataFrames with missing / extra columns, odd objects."""
    _, rights = RIGHT[name]
    right = rights[0](t)
    table = right if isinstance(right, pd.DataFrame) else t.claims
    return {
        "None": None,
        "string": "I think it is Reuters",
        "empty string": "",
        "list of numbers": [1, 2, 3],
        "list of unknown ids": ["x1", "x2"],
        "empty list": [],
        "dict": {"a": 1},
        "number": 42,
        "nan": math.nan,
        "bool": True,
        "numpy array": np.array([1.0, 2.0]),
        "DataFrame, missing columns": table.iloc[:, :1],
        "DataFrame, extra columns": table.assign(extra_column=1),
        "empty DataFrame": pd.DataFrame(),
        "Series": pd.Series([1, 2]),
        "weird object": _Weird(),
        "a function": len,
    }


def _assert_one_line(error, prefix):
    assert isinstance(error, LearnerError)
    assert isinstance(error, AssertionError)  # nbgrader's autograder counts it as a failed test
    assert "\n" not in error.message and error.message.strip()
    assert error._render_traceback_()[0].endswith(f"{prefix}: {error.message}")


@pytest.fixture(scope="module")
def t():
    return checks._tables()


def test_every_check_is_covered():
    assert set(RIGHT) == set(checks.QUESTIONS) == set(NEAR)
    assert sorted(n for n, check in checks.QUESTIONS.items() if "table (DataFrame)" in check.wants) == TABLE_CHECKS
    for name in checks.QUESTIONS:
        assert name in checks.__all__
        assert checks.QUESTIONS[name].__doc__, name
        assert checks.QUESTIONS[name].wants, name


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_right_answers_pass_with_one_tick(name, t, capsys):
    args, rights = RIGHT[name]
    for build in rights:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            result = checks.QUESTIONS[name](build(t), *args)
        assert result is None  # nothing displayed: nbgrader would read a value as partial credit
        captured = capsys.readouterr()
        assert captured.err == ""
        lines = captured.out.splitlines()
        assert len(lines) == 1 and lines[0].startswith("✓ Correct."), (name, captured.out)


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_the_stub_says_not_answered_yet(name):
    args, _ = RIGHT[name]
    with pytest.raises(checks.NotAnswered) as caught:
        checks.QUESTIONS[name](..., *args)
    _assert_one_line(caught.value, "Not answered yet")
    assert "three dots" in caught.value.message
    with pytest.raises(checks.NotAnswered):
        checks.QUESTIONS[name]()


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_wrong_shapes_get_one_line_hints(name, t, capsys):
    args, _ = RIGHT[name]
    for label, answer in _generic_bad(name, t).items():
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(checks.Hint) as caught:
                checks.QUESTIONS[name](answer, *args)
        _assert_one_line(caught.value, "Not yet")
        assert capsys.readouterr().out == "", (name, label)


@pytest.mark.parametrize("name", TABLE_CHECKS)
def test_table_checks_name_the_missing_or_extra_column(name, t):
    args, rights = RIGHT[name]
    right = rights[0](t)
    assert isinstance(right, pd.DataFrame)
    column = right.columns[-1]
    with pytest.raises(checks.Hint, match=f"no column '{column}'"):
        checks.QUESTIONS[name](right.drop(columns=column), *args)
    with pytest.raises(checks.Hint, match="extra column .notes."):
        checks.QUESTIONS[name](right.assign(notes="x"), *args)
    with pytest.raises(checks.Hint, match="has .* rows?; the answer has"):
        checks.QUESTIONS[name](pd.concat([right, right.iloc[:0]]).iloc[:-1], *args)


@pytest.mark.parametrize("name,case", [(n, i) for n in sorted(NEAR) for i in range(len(NEAR[n]))],
                         ids=lambda x: str(x))
def test_near_misses_get_their_specific_hint(name, case, t, capsys):
    args, _ = RIGHT[name]
    build, words = NEAR[name][case]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(checks.Hint) as caught:
            checks.QUESTIONS[name](build(t), *args)
    _assert_one_line(caught.value, "Not yet")
    assert words in caught.value.message, caught.value.message
    assert capsys.readouterr().out == ""


def test_vietnamese_in_hints_comes_with_its_working_translation(t):
    """Every hint that quotes Vietnamese (in “…”) labels an English working translation."""
    for name, cases in NEAR.items():
        args, _ = RIGHT[name]
        for build, _words in cases:
            try:
                checks.QUESTIONS[name](build(t), *args)
            except checks.Hint as hint:
                if VIETNAMESE.search(hint.message):
                    assert "English working translation" in hint.message, hint.message


def test_expected_answers_follow_a_teachers_data_edit(edited_data, monkeypatch, capsys):
    """A teacher who edits a table gets checks that agree with the edit (nothing is typed in)."""
    folder = edited_data("sources.csv", "news_agency,unknown,true,A photo/news agency",
                         "news_agency,russia,true,A photo/news agency")
    monkeypatch.setenv("CRITICAL_READING_DATA", str(folder))
    before = checks.expected_unflagged_party_claims(load_tables(ROOT / "data"))
    after = checks.expected_unflagged_party_claims()
    assert set(after) - set(before) == {"c17", "c18"}
    checks.unflagged_party_claims(after)
    assert capsys.readouterr().out.startswith("✓")
    with pytest.raises(checks.Hint):
        checks.unflagged_party_claims(before)


def test_show_sentences_labels_the_translation(t):
    shown = checks.show_sentences("s07", "s08")
    text = repr(shown)
    assert t.sentences.set_index("sentence_id").at["s07", "text_vi"] in text
    assert "English working translation" in text and "English working translation" in shown._repr_html_()
    with pytest.raises(checks.Hint, match="not a sentence_id"):
        checks.show_sentences("s99")


@pytest.fixture
def shell():
    """An in-process IPython shell, cleared afterwards (outside it, checks raise as under nbgrader)."""
    from IPython.core.interactiveshell import InteractiveShell

    yield InteractiveShell.instance()
    InteractiveShell.clear_instance()


def test_hints_render_as_one_line_in_ipython(shell, monkeypatch):
    """In a notebook a hint is shown, not raised; under nbgrader it is raised and shown as one line."""
    shell.run_cell("from critical_reading import checks")
    result = shell.run_cell("checks.figure_interval((1, 2), 'f01')")
    assert result.error_in_exec is None  # the cell finishes: a hint is not a crash
    assert checks.RESULTS["figure_interval"].status == "not_yet"
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    result = shell.run_cell("checks.figure_interval((1, 2), 'f01')")
    assert isinstance(result.error_in_exec, checks.Hint)
    assert result.error_in_exec._render_traceback_()[0].startswith("➜ Not yet: ")


def test_a_failed_answer_cell_is_not_graded(shell):
    """The check names the error of the answer cell's last run instead of grading its old value."""
    from critical_reading.checks.core import WATCH

    checks.watch_cells()
    shell.run_cell("from critical_reading import checks, load_tables\ntables = load_tables()")
    shell.run_cell("answer_q1 = ['sk_ua_western_sources', 'reuters', 'fox_news', 'vn_outlet']")
    shell.run_cell("checks.chain_of_publication(answer_q1, 'c08')")
    assert checks.RESULTS["chain_of_publication"].status == "correct"
    shell.run_cell("answer_q1 = tables.claims['claim_idd']")
    assert WATCH.failed["answer_q1"] == "KeyError"
    shell.run_cell("checks.chain_of_publication(answer_q1, 'c08')")
    assert checks.RESULTS["chain_of_publication"].status == "stale"
    shell.run_cell("answer_q1 = ['sk_ua_western_sources', 'reuters', 'fox_news', 'vn_outlet']")
    shell.run_cell("checks.chain_of_publication(answer_q1, 'c08')")
    assert checks.RESULTS["chain_of_publication"].status == "correct"


def test_check_all_rechecks_the_answer_as_it_is_now(shell, capsys):
    """An answer changed after its check cell ran is summed up as it is now, not as it was checked."""
    checks.RESULTS.clear()
    checks.watch_cells()
    shell.run_cell("from critical_reading import checks")
    shell.run_cell("answer_q1 = ['sk_ua_western_sources', 'reuters', 'fox_news', 'vn_outlet']")
    shell.run_cell("checks.chain_of_publication(answer_q1, 'c08')")
    assert checks.RESULTS["chain_of_publication"].status == "correct"
    shell.run_cell("answer_q1 = ['reuters']")  # changed, its check cell not run again
    checks.check_all("01")
    assert "Question 1  ➜ Not yet" in capsys.readouterr().out
    shell.run_cell("answer_q1 = ['sk_ua_western_sources', 'reuters', 'fox_news', 'vn_outlet']")
    checks.check_all("01")
    assert "Question 1  ✓ Correct" in capsys.readouterr().out


def test_assigned_names_even_when_a_cell_does_not_parse():
    from critical_reading.checks.core import assigned_names

    assert assigned_names("answer_q1 = (\n  [1, 2]\n)\n_x = [y for y in z]") == {"answer_q1", "_x"}
    assert assigned_names("answer_q2 = tables.claims[['a', 'b']") == {"answer_q2"}


def test_check_all_counts_points(capsys):
    checks.RESULTS.clear()
    checks.chain_of_publication(["sk_ua_western_sources", "reuters", "fox_news", "vn_outlet"])
    with pytest.raises(checks.Hint):
        checks.relative_periods({"s06": 1})
    checks.check_all("01")
    out = capsys.readouterr().out
    assert "Question 1  ✓ Correct" in out and "➜ Not yet" in out and "○ Not answered yet" in out
    assert "Points so far: 2 of 7 checked as you go (plus 5 marked by your teacher)." in out
    with pytest.raises(checks.Hint, match="no exercise set"):
        checks.check_all("99")


def test_a_practice_check_for_a_lesson(capsys):
    checks.expect(["claim_id", "source_id"], ["claim_id", "source_id"], wants="a list of two column names",
                  name="pick_columns", done="two columns")
    assert capsys.readouterr().out.startswith("✓ Correct. Two columns")
    with pytest.raises(checks.Hint, match="not the expected value"):
        checks.expect(["claim_id"], ["claim_id", "source_id"], wants="a list", name="pick_columns")
    with pytest.raises(checks.Hint, match="12600"):
        checks.expect(12.6, 12600, wants="a number", name="thousands")
    with pytest.raises(checks.NotAnswered):
        checks.expect(..., 1, wants="a number", name="stub")

    @checks.practice("a number")
    def double_four(answer):
        checks.same_value(answer, 8, hint="4 times 2")
        return "eight"

    assert "double_four" in checks.PRACTICE and "double_four" not in checks.QUESTIONS
    with pytest.raises(checks.Hint, match="4 times 2"):
        double_four(9)


def test_a_vietnamese_thousands_separator_is_named():
    with pytest.raises(checks.Hint, match="Vietnamese number read as a decimal"):
        checks.figure_interval((12.6, 15.4), "f01")


def _raised(code: str, namespace: dict):
    try:
        exec(code, namespace)
    except Exception as error:  # noqa: BLE001 - the point is to catch what a learner's cell raises
        return error, error.__traceback__
    raise AssertionError(f"{code!r} did not raise")


@pytest.mark.parametrize("code,words", [
    ("tables.claims['claim_idd']", "Did you mean 'claim_id'?"),
    ("tables.claims['claim_id', 'source_id']", "two pairs of square brackets"),
    ("tables.claims[['claim_id', 'claimtype']]", "no column 'claimtype'. Did you mean 'claim_type'?"),
    ("tables.claims.loc[tables.claims['claim_id'] == 'c01', ['claim_id', 'claimtype']]",
     "no column 'claimtype'. Did you mean 'claim_type'?"),
    ("import pandas as pd; d = pd.DataFrame({'day': pd.to_datetime(['2025-01-01'])}); "
     "d[d['day'] > '2024' & d['day'] < '2026']", "in its own parentheses"),
    ("import pandas as pd; d = pd.DataFrame({'day': pd.to_datetime(['2025-01-01'])}); "
     "d[d['day'] > '2024' | d['day'] < '2026']", "in its own parentheses"),
    ("tables.claims.merge(tables.sources, on='source_id').merge(tables.sources, on='source_id')['side']",
     "renamed them 'side_x' and 'side_y'"),
    ("tables.claims[tables.claims['claim_type'] == 'figure' & tables.claims['verification'] == 'unflagged']",
     "in its own parentheses"),
    ("tables.claims[(tables.claims['claim_type'] == 'figure') and (tables.claims['verification'] == 'x')]",
     "in its own parentheses"),
    ("x = reuters", "put text in quotes, 'reuters'"),
    ("x = tabels", "Did you mean 'tables'?"),
    ("checks.relative_periods(answer_q3)", "run the answer cell of this question"),
    ("print(your_turn_1)", "run the answer cell of this question"),
    ("tables.estimates.set_index('estimate_id').at['e08', 'values']", "Did you mean 'value'?"),
    ("tables.estimates.set_index('estimate_id').at['E08', 'value']", "Did you mean 'e08'?"),
])
def test_friendly_errors_say_what_to_do(code, words):
    from critical_reading import friendly, load_tables

    namespace = {"tables": load_tables(), "checks": checks}
    error, tb = _raised(code, namespace)
    message = friendly.explain(error, tb, namespace)
    assert message and words in message, message
    assert "\n" not in message and len(message) < 400


def test_the_plain_text_note_is_spaced_from_the_message():
    from critical_reading.render.feedback import ErrorDetails

    assert repr(ErrorDetails("trace")).startswith(" (")


def test_other_errors_keep_their_traceback():
    from critical_reading import friendly, load_tables

    namespace = {"tables": load_tables()}
    for code in ("{}['a']", "1 / 0", "int('x')", "tables.claims.loc['c99']",
                 "tables.claims.set_index('claim_id').loc[['c01', 'c99']]"):
        error, tb = _raised(code, namespace)
        assert friendly.explain(error, tb, namespace) is None, code


def test_an_empty_ministry_list_points_at_parentheses_and_spelling_not_isin():
    from critical_reading.checks import who_claims_what

    with pytest.raises(checks.Hint, match="your list is empty") as empty:
        who_claims_what.ministry_events([])
    assert ".isin" not in str(empty.value)
    some = who_claims_what.expected_ministry_events()[:1]
    with pytest.raises(checks.Hint, match=r"\.isin"):
        who_claims_what.ministry_events(some)


def test_right_columns_in_another_order_are_named_in_order():
    from critical_reading.checks import who_claims_what

    swapped = who_claims_what.expected_zelensky_claims()[["claim_type", "claim_id"]]
    with pytest.raises(checks.Hint, match="in this order: claim_id, claim_type"):
        who_claims_what.zelensky_claims(swapped)


def test_a_decimal_comma_gets_its_own_hint():
    from critical_reading.checks.core import same_value

    with pytest.raises(checks.Hint, match=r"write 0\.1"):
        same_value((0, 1), 0.1)
    from critical_reading.checks.answers import as_number

    with pytest.raises(checks.Hint, match=r"write 0\.6667"):
        as_number((0, 6667), "the share")
