"""Checks for exercise set 05 · Putting it together."""

from __future__ import annotations

import pandas as pd

from ..figures import FIRST_DEPLOYMENT
from ..messages import say
from .answers import Hint, as_date, as_mapping, as_table, compare_rows, kind, plural
from .answers import tables as course_tables
from .core import Item, exercise_set, practice, question

CLAIM_REVIEW_KEYS = ("claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished")


KEY_FIGURE_COLUMNS = ["figure_id", "quantity", "text_vi", "name_en", "side", "verification"]


def expected_key_figures(tables=None) -> pd.DataFrame:
    """Every figure with what it counts, its words, its claimant and its verification status."""
    t = tables or course_tables()
    merged = (t.figures[["figure_id", "claim_id", "quantity", "text_vi", "source_id"]]
              .merge(t.claims[["claim_id", "verification"]], on="claim_id", how="left")
              .merge(t.sources[["source_id", "name_en", "side"]], on="source_id", how="left"))
    return merged[KEY_FIGURE_COLUMNS].reset_index(drop=True)


@question(say("checks_05.key_figures.wants", columns=", ".join(KEY_FIGURE_COLUMNS)))
def key_figures(answer):
    """The article's figures with claimant, side and verification: three tables joined."""
    t = course_tables()
    want = expected_key_figures(t)
    frame = as_table(answer, KEY_FIGURE_COLUMNS, key_figures.wants)
    compare_rows(frame, want, "figure_id", "figure",
                  missing_hint=lambda ks: say("checks_05.key_figures.missing", figures=plural(len(ks), "figure")))
    return say("checks_05.key_figures.m1", len=len(want))


def _partial(definition: object) -> bool:
    """A definition that marks a partial count (lesson 03 sets these aside)."""
    return isinstance(definition, str) and bool(FIRST_DEPLOYMENT.search(definition))


def latest_before_article(quantity: str, tables=None) -> list[str]:
    """The latest estimates of ``quantity`` published before the article (counts of part set aside)."""
    t = tables or course_tables()
    e = t.estimates[(t.estimates["quantity"] == quantity) & (t.estimates["date"] < pd.Timestamp(t.publication_date))
                    & ~t.estimates["definition"].map(_partial)]
    if len(e) == 0:
        raise ValueError(f"no outside estimate of {quantity} before the article")
    return list(e.loc[e["date"] == e["date"].max(), "estimate_id"])


def expected_latest_estimates(figure_ids=("f01", "f02", "f06"), tables=None) -> dict[str, list[str]]:
    """For each figure: the latest outside estimates of the same quantity published before the article."""
    t = tables or course_tables()
    figures = t.figures.set_index("figure_id")
    return {fid: latest_before_article(figures.at[fid, "quantity"], t) for fid in figure_ids}


@question(say("checks_05.latest_estimates.wants"))
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
            raise Hint(say("checks_05.latest_estimates.m1", fid=fid, kind=kind(value)))
        if value not in e.index:
            raise Hint(say("checks_05.latest_estimates.m2", fid=fid, value=value))
        if value in ids:
            continue
        row, quantity = e.loc[value], figures.at[fid, "quantity"]
        if row["quantity"] != quantity:
            raise Hint(say("checks_05.latest_estimates.m3", fid=fid, quantity=quantity, value=value, quantity2=row['quantity']))
        if _partial(row["definition"]):
            raise Hint(say("checks_05.latest_estimates.m4", fid=fid, value=value, definition=row['definition']))
        if row["date"] >= published:
            raise Hint(say("checks_05.latest_estimates.m5", fid=fid, value=value, date=row['date']))
        raise Hint(say("checks_05.latest_estimates.m6", fid=fid, value=value, date=row['date'], quantity=quantity))
    return "; ".join(f"{fid} → {', '.join(ids)}" for fid, ids in want.items()) + "."


@question(say("checks_05.claim_review.wants", keys=", ".join(CLAIM_REVIEW_KEYS)))
def claim_review(answer, claim_id: str = "c08"):
    """A ClaimReview-style record (schema.org) for one claim: its structure and its facts."""
    t = course_tables()
    if not isinstance(answer, dict):
        raise Hint(say("checks_05.claim_review.m1", wants=claim_review.wants, kind=kind(answer)))
    missing = [k for k in CLAIM_REVIEW_KEYS if k not in answer]
    if missing:
        near = [k for k in answer if str(k).lower() == missing[0].lower()]
        if near:
            raise Hint(say("checks_05.claim_review.m2", value=near[0], value2=missing[0]))
        raise Hint(say("checks_05.claim_review.m3", value=missing[0], items=', '.join(CLAIM_REVIEW_KEYS)))
    claim = t.claims.set_index("claim_id").loc[claim_id]
    source = t.sources.set_index("source_id").loc[claim["source_id"]]
    reviewed = answer["claimReviewed"]
    if not isinstance(reviewed, str):
        raise Hint(say("checks_05.claim_review.m4", kind=kind(reviewed)))
    if reviewed.strip().strip("“”\"'") != claim["quote_vi"]:
        sentence = t.sentences.set_index("sentence_id").at[claim["sentence_id"], "text_vi"]
        if reviewed.strip() == sentence:
            raise Hint(say("checks_05.claim_review.m5", claim_id=claim_id))
        raise Hint(say("checks_05.claim_review.m6", claim_id=claim_id))
    item = answer["itemReviewed"]
    if not isinstance(item, dict):
        raise Hint(say("checks_05.claim_review.m7", kind=kind(item)))
    for key in ("author", "datePublished"):
        if key not in item:
            raise Hint(say("checks_05.claim_review.m8", key=key))
    author = item["author"]
    names = {str(source["name_en"]), str(source["name_vi"]), str(claim["source_id"])}
    if not isinstance(author, str) or author.strip() not in names:
        raise Hint(say("checks_05.claim_review.m9", claim_id=claim_id))
    published = as_date(item["datePublished"], say("checks_05.claim_review.item_date"))
    as_of = t.figures.loc[t.figures["claim_id"] == claim_id, "as_of"].dropna()
    want_date = as_of.iloc[0].date() if len(as_of) else t.publication_date
    if published != want_date:
        raise Hint(say("checks_05.claim_review.m10", published=published))
    for key in ("reviewRating", "author"):
        value = answer[key]
        text = value.get("alternateName", value.get("name")) if isinstance(value, dict) else value
        if not isinstance(text, str) or not text.strip():
            raise Hint(say("checks_05.claim_review.m11", key=key, kind=kind(value)))
    as_date(answer["datePublished"], say("checks_05.claim_review.review_date"))
    return say("checks_05.claim_review.m12")


# --------------------------------------------------------------------------- lesson 05a/05b practice

@practice(say("checks_05.latest_estimate.wants"))
def latest_estimate(answer, quantity: str = "wounded"):
    """Lesson 05a: the id of the latest estimate of ``quantity`` published before the article."""
    t = course_tables()
    want = latest_before_article(quantity, t)
    if not isinstance(answer, str):
        raise Hint(say("checks_05.latest_estimate.not_text", kind=kind(answer)))
    e = t.estimates.set_index("estimate_id")
    if answer not in e.index:
        raise Hint(say("checks_05.latest_estimate.unknown", value=answer))
    if answer not in want:
        row = e.loc[answer]
        if row["quantity"] != quantity:
            raise Hint(say("checks_05.latest_estimate.quantity", value=answer, got=row["quantity"], quantity=quantity))
        if row["date"] >= pd.Timestamp(t.publication_date):
            raise Hint(say("checks_05.latest_estimate.after", value=answer, date=row["date"]))
        raise Hint(say("checks_05.latest_estimate.older", value=answer, date=row["date"]))
    row = e.loc[answer]
    return say("checks_05.latest_estimate.done", value=answer, source=row["source"], date=row["date"])


@practice(say("checks_05.verdict_of.wants"))
def verdict_of(answer, claim_id: str = "c21"):
    """Lesson 05a: one cell of the verdict table, the verdict on ``claim_id``."""
    from ..verdicts import VERDICTS, verdicts

    want = verdicts(course_tables()).at[claim_id, "verdict"]
    if isinstance(answer, (pd.Series, pd.DataFrame)):
        raise Hint(say("checks_05.verdict_of.whole", kind=kind(answer), claim_id=claim_id))
    if answer in VERDICTS and answer != want:
        raise Hint(say("checks_05.verdict_of.other_row", claim_id=claim_id))
    if answer != want:
        raise Hint(say("checks_05.verdict_of.not_verdict", claim_id=claim_id))
    return say("checks_05.verdict_of.done", claim_id=claim_id, verdict=want)


@practice(say("checks_05.quote_of.wants"))
def quote_of(answer, claim_id: str = "c21"):
    """Lesson 05b: a claim's ``claimReviewed``, the article's words verbatim (``quote_vi``)."""
    claim = course_tables().claims.set_index("claim_id").loc[claim_id]
    if not isinstance(answer, str):
        raise Hint(say("checks_05.quote_of.not_text", kind=kind(answer)))
    if answer == claim["claim_en"]:
        raise Hint(say("checks_05.quote_of.english"))
    if answer != claim["quote_vi"]:
        raise Hint(say("checks_05.quote_of.other", claim_id=claim_id))
    return say("checks_05.quote_of.done", claim_id=claim_id)


@practice(say("checks_05.claimant_of.wants"))
def claimant_of(answer, claim_id: str = "c21"):
    """Lesson 05b: who makes a claim, as ``tables.sources`` names it (``itemReviewed.author``)."""
    t = course_tables()
    source_id = t.claims.set_index("claim_id").at[claim_id, "source_id"]
    want = t.sources.set_index("source_id").at[source_id, "name_en"]
    if answer == source_id:
        raise Hint(say("checks_05.claimant_of.id", value=source_id))
    if answer == t.source_name(source_id) != want:  # the name as the learner's language shows it
        answer = want
    if not isinstance(answer, str) or answer != want:
        raise Hint(say("checks_05.claimant_of.other", claim_id=claim_id))
    return say("checks_05.claimant_of.done", claim_id=claim_id, name=want)


QUESTIONS_05 = exercise_set("05", [
    Item("Question 1", 'key_figures', 2),
    Item("Question 2", 'latest_estimates', 2),
    Item("Question 3", 'claim_review', 2),
    Item("Question 4", None, 3),
    Item("Question 5", None, 3),
    Item("Question 6", None, 2),
])
