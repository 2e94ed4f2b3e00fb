"""Checks for exercise set 05 · Putting it together."""

from __future__ import annotations

import datetime as dt
import math
import numbers

import pandas as pd

from .answers import (Hint, as_date, as_ids, as_interval, as_mapping, as_number, as_table, close, compare_rows,
                      figure_en, kind, name_of, plural, quoted, vi)
from .answers import tables as course_tables
from .core import Item, exercise_set, question

CLAIM_REVIEW_KEYS = ("claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished")


KEY_FIGURE_COLUMNS = ["figure_id", "quantity", "text_vi", "name_en", "side", "verification"]


def expected_key_figures(tables=None) -> pd.DataFrame:
    """Every figure with what it counts, its words, its claimant and its verification status."""
    t = tables or course_tables()
    merged = (t.figures[["figure_id", "claim_id", "quantity", "text_vi", "source_id"]]
              .merge(t.claims[["claim_id", "verification"]], on="claim_id", how="left")
              .merge(t.sources[["source_id", "name_en", "side"]], on="source_id", how="left"))
    return merged[KEY_FIGURE_COLUMNS].reset_index(drop=True)


@question("a table (DataFrame) with the columns " + ", ".join(KEY_FIGURE_COLUMNS) + ": one row per figure")
def key_figures(answer):
    """The article's figures with claimant, side and verification: three tables joined."""
    t = course_tables()
    want = expected_key_figures(t)
    frame = as_table(answer, KEY_FIGURE_COLUMNS, key_figures.wants)
    compare_rows(frame, want, "figure_id", "figure",
                  missing_hint=lambda ks: f"{plural(len(ks), 'figure')} missing: keep every row of tables.figures.")
    return f"{len(want)} figures, each with who states it and whether a disclaimer covers it."


#: Words in an estimate's definition that mark a partial count (lesson 03 sets these aside).
PARTIAL_COUNT = ("first deployment", "initially")


def _partial(definition: object) -> bool:
    return isinstance(definition, str) and any(word in definition for word in PARTIAL_COUNT)


def expected_latest_estimates(figure_ids=("f01", "f02", "f06"), tables=None) -> dict[str, list[str]]:
    """For each figure: the latest outside estimates of the same quantity published before the article."""
    t = tables or course_tables()
    published = pd.Timestamp(t.publication_date)
    figures = t.figures.set_index("figure_id")
    result = {}
    for fid in figure_ids:
        e = t.estimates[(t.estimates["quantity"] == figures.at[fid, "quantity"]) & (t.estimates["date"] < published)
                        & ~t.estimates["definition"].map(_partial)]
        if len(e) == 0:
            raise ValueError(f"no outside estimate of {figures.at[fid, 'quantity']} before the article")
        result[fid] = list(e.loc[e["date"] == e["date"].max(), "estimate_id"])
    return result


@question("a dict like {'fXX': 'eYY', …}: figure id → estimate id")
def latest_estimates(answer, figure_ids=("f01", "f02", "f06")):
    """For each figure, the most recent outside estimate of the same quantity before the article."""
    t = course_tables()
    want = expected_latest_estimates(figure_ids, t)
    got = as_mapping(answer, list(want), latest_estimates.wants, "figure")
    e = t.estimates.set_index("estimate_id")
    figures = t.figures.set_index("figure_id")
    published = pd.Timestamp(t.publication_date)
    for fid, ids in want.items():
        value = got[fid]
        if not isinstance(value, str):
            raise Hint(f"{fid}: give one estimate id in quotes, like 'e01'; yours is {kind(value)}.")
        if value not in e.index:
            raise Hint(f"{fid}: {value!r} is not an estimate_id in tables.estimates.")
        if value in ids:
            continue
        row, quantity = e.loc[value], figures.at[fid, "quantity"]
        if row["quantity"] != quantity:
            raise Hint(f"{fid} counts {quantity}, but {value} counts {row['quantity']}: compare like with like.")
        if _partial(row["definition"]):
            raise Hint(f"{fid}: {value} counts only part ({row['definition']}); lesson 03 compares the article's "
                       "figure with counts of every deployment, so set it aside.")
        if row["date"] >= published:
            raise Hint(f"{fid}: {value} was not published before the article ({row['date']:%d %B %Y}); "
                       "a reader on the day could not have known it.")
        raise Hint(f"{fid}: {value} ({row['date']:%B %Y}) is not the latest: there is a later estimate of "
                   f"{quantity} before the article.")
    return "; ".join(f"{fid} → {', '.join(ids)}" for fid, ids in want.items()) + "."


@question("a dict with the keys " + ", ".join(CLAIM_REVIEW_KEYS) + " (itemReviewed itself a dict with author "
           "and datePublished)")
def claim_review(answer, claim_id: str = "c08"):
    """A ClaimReview-style record (schema.org) for one claim: its structure and its facts."""
    t = course_tables()
    if not isinstance(answer, dict):
        raise Hint(f"this question wants {claim_review.wants}, but your answer is {kind(answer)}.")
    missing = [k for k in CLAIM_REVIEW_KEYS if k not in answer]
    if missing:
        near = [k for k in answer if str(k).lower() == missing[0].lower()]
        if near:
            raise Hint(f"the key {near[0]!r} should be spelled exactly {missing[0]!r} (capitals matter).")
        raise Hint(f"your record has no key {missing[0]!r}; a record needs {', '.join(CLAIM_REVIEW_KEYS)}.")
    claim = t.claims.set_index("claim_id").loc[claim_id]
    source = t.sources.set_index("source_id").loc[claim["source_id"]]
    reviewed = answer["claimReviewed"]
    if not isinstance(reviewed, str):
        raise Hint(f"claimReviewed should be text (the claim in quotes), but it is {kind(reviewed)}.")
    if reviewed.strip().strip("“”\"'") != claim["quote_vi"]:
        sentence = t.sentences.set_index("sentence_id").at[claim["sentence_id"], "text_vi"]
        if reviewed.strip() == sentence:
            raise Hint(f"claimReviewed is the whole sentence; use only the claim: quote_vi of {claim_id}.")
        raise Hint(f"claimReviewed should be the claim exactly as the article states it (quote_vi of "
                   f"{claim_id} in tables.claims), copied, not retyped or translated.")
    item = answer["itemReviewed"]
    if not isinstance(item, dict):
        raise Hint(f"itemReviewed should itself be a dict, {{'author': …, 'datePublished': …}}, but it is {kind(item)}.")
    for key in ("author", "datePublished"):
        if key not in item:
            raise Hint(f"itemReviewed has no key {key!r}: who made the claim, and when it was published.")
    author = item["author"]
    names = {str(source["name_en"]), str(source["name_vi"]), str(claim["source_id"])}
    if not isinstance(author, str) or author.strip() not in names:
        raise Hint(f"itemReviewed's author should be the claimant of {claim_id} as tables.sources names it "
                   "(name_en), not the outlet that passed the claim on.")
    published = as_date(item["datePublished"], "itemReviewed's datePublished")
    as_of = t.figures.loc[t.figures["claim_id"] == claim_id, "as_of"].dropna()
    want_date = as_of.iloc[0].date() if len(as_of) else t.publication_date
    if published != want_date:
        raise Hint(f"itemReviewed's datePublished should be when the claim was published (the article's "
                   f"source line gives it), not {published}.")
    for key in ("reviewRating", "author"):
        value = answer[key]
        text = value.get("alternateName", value.get("name")) if isinstance(value, dict) else value
        if not isinstance(text, str) or not text.strip():
            raise Hint(f"{key} should be a short text (your verdict, or your name/class); it is {kind(value)}.")
    as_date(answer["datePublished"], "datePublished (the date of your review)")
    return "structure and facts checked: claimReviewed, itemReviewed and the dates. reviewRating: recorded; your teacher marks this."


QUESTIONS_05 = exercise_set("05", [
    Item("Question 1", 'key_figures', 2),
    Item("Question 2", 'latest_estimates', 2),
    Item("Question 3", 'claim_review', 2),
    Item("Question 4", None, 3),
    Item("Question 5", None, 3),
    Item("Question 6", None, 2),
])
