"""Checks for exercise set 01 · Close reading (lists, text and dicts: no pandas needed)."""

from __future__ import annotations

import datetime as dt
import math
import numbers

import pandas as pd

from .answers import (Hint, as_date, as_ids, as_interval, as_mapping, as_number, as_table, close, compare_rows,
                      figure_en, kind, name_of, plural, quoted, vi)
from .answers import tables as course_tables
from .core import Item, exercise_set, question


def expected_chain(claim_id: str = "c08", tables=None) -> list[str]:
    """Who passed the claim on, from its claimant to the Vietnamese outlet, as source ids."""
    from ..reading import chain_of

    return chain_of(tables or course_tables(), claim_id)


@question("a list of source ids in order, like ['first_id', 'second_id', …]")
def chain_of_publication(answer, claim_id: str = "c08"):
    """The chain of publication of one claim: claimant first, the Vietnamese outlet last."""
    t = course_tables()
    if isinstance(answer, str) and ">" in answer:
        raise Hint("write the chain as a list of ids, ['a', 'b', …], not as one text joined by '>'.")
    chain = as_ids(answer, "source ids", t.sources["source_id"], "source_id")
    want = expected_chain(claim_id, t)
    if chain == want:
        return f"{len(want)} hands, from the claimant to the text you read: {' > '.join(want)}."
    if set(chain) == set(want):
        if chain == want[::-1]:
            raise Hint("right sources, reversed: start with who makes the claim (the claimant) and end "
                       "with the outlet whose text you are reading.")
        raise Hint("right sources, wrong order: follow the claim from its claimant, through each conduit "
                   "in relayed_by, to the text you are reading.")
    stray = [s for s in chain if s not in want]
    if stray:
        raise Hint(f"{stray[0]!r} has no part in passing on claim {claim_id}: look at its row in "
                   "tables.claims (source_id, then relayed_by).")
    if chain and chain[0] != want[0]:
        raise Hint(f"start with who makes claim {claim_id} (its claimant, the column source_id), not "
                   "with the first outlet that passed it on.")
    if want[-1] not in chain:
        raise Hint("the chain should end with the outlet whose text you are reading: the unnamed "
                   "Vietnamese outlet has a source_id too.")
    raise Hint(f"{plural(len(want) - len(chain), 'hand')} missing between the claimant and the end: "
               f"read relayed_by for {claim_id}.")


def expected_claims_through(conduit: str = "reuters", tables=None) -> list[str]:
    """Claims that a conduit passed on (it appears in relayed_by), as claim ids."""
    t = tables or course_tables()
    c = t.claims
    through = c["relayed_by"].fillna("").str.split(">").apply(lambda hands: conduit in hands)
    return list(c.loc[through, "claim_id"])


@question("a list of claim ids, like ['c01', 'c02']")
def claims_through(answer, conduit: str = "reuters"):
    """The claims that reached Fox through a conduit (default Reuters): no pandas needed."""
    t = course_tables()
    got = as_ids(answer, "claim ids", t.claims["claim_id"], "claim_id")
    want = expected_claims_through(conduit, t)
    name = name_of(conduit, t)
    if set(got) == set(want):
        return f"{len(want)} claims reached Fox through {name}: {', '.join(want)}."
    claims = t.claims.set_index("claim_id")
    for claim_id in got:
        if claim_id in want:
            continue
        if claims.at[claim_id, "source_id"] == conduit:
            raise Hint(f"{claim_id} is a statement by {name} itself ({name} is its claimant, not a conduit): "
                       f"keep the claims {name} passed on from someone else.")
        raise Hint(f"{claim_id} did not pass through {name}: its relayed_by is "
                   f"{claims.at[claim_id, 'relayed_by'] if isinstance(claims.at[claim_id, 'relayed_by'], str) else 'empty'}.")
    missing = [c for c in want if c not in got]
    raise Hint(f"{plural(len(missing), 'claim')} that passed through {name} "
               f"{'is' if len(missing) == 1 else 'are'} missing; '{conduit}' can appear anywhere in "
               f"relayed_by, e.g. '{conduit}>fox_news'.")


RELATIVE_RULES = ("previous_year", "previous_month", "latest_month")


def expected_relative_periods(tables=None) -> dict[str, tuple[dt.date, dt.date]]:
    """Sentence id → (first day, last day) for each relative time expression."""
    t = tables or course_tables()
    te = t.time_expressions[t.time_expressions["rule"].isin(RELATIVE_RULES)]
    return {row.sentence_id: (row.resolved_start.date(), row.resolved_end.date()) for row in te.itertuples()}


@question("a dict like {'s06': ('YYYY-MM-DD', 'YYYY-MM-DD'), …}: sentence id → (first day, last day)")
def relative_periods(answer):
    """The absolute period each relative time expression refers to."""
    t = course_tables()
    want = expected_relative_periods(t)
    got = as_mapping(answer, list(want), relative_periods.wants, "sentence with a relative date")
    te = t.time_expressions.set_index("sentence_id")
    published = t.publication_date
    for sid, (start, end) in want.items():
        value = got[sid]
        if isinstance(value, (str, dt.date)) or not isinstance(value, (tuple, list)) or len(value) != 2:
            raise Hint(f"{sid}: give the period as a pair (first day, last day), e.g. "
                       f"('YYYY-MM-DD', 'YYYY-MM-DD'); yours is {kind(value)}.")
        first, last = (as_date(v, f"{sid}: the {w} day") for v, w in zip(value, ("first", "last")))
        if (first, last) == (start, end):
            continue
        rule, said = te.at[sid, "rule"], vi(te.at[sid, "text_vi"], te.at[sid, "text_en"])
        if first.year != start.year and rule == "latest_month":
            raise Hint(f"{sid}: {said} gives no year, so take the most recent such month before the "
                       f"article's date ({published:%d %B %Y}).")
        if rule == "previous_year" and first.year != start.year:
            raise Hint(f"{sid}: {said} means the calendar year before the year of the "
                       f"article's date ({published:%Y}).")
        if rule == "previous_month" and (first.year, first.month) != (start.year, start.month):
            raise Hint(f"{sid}: {said} means the calendar month before the month of the "
                       f"article's date ({published:%B %Y}).")
        if first != start:
            raise Hint(f"{sid}: the period starts on the first day of the "
                       f"{'year' if rule == 'previous_year' else 'month'}; yours starts on {first}.")
        raise Hint(f"{sid}: the period ends on the last day of the "
                   f"{'year' if rule == 'previous_year' else 'month'}; {last} is not it (count the days).")
    return "each relative expression is anchored to the source line's date."


def expected_chronological_order(sentence_ids=("s22", "s23", "s24", "s25"), tables=None) -> list[str]:
    """The given sentences ordered by the start of the period their time expression refers to."""
    t = tables or course_tables()
    te = t.time_expressions.set_index("sentence_id").loc[list(sentence_ids)]
    return list(te.sort_values(["resolved_start", "resolved_end"]).index)


@question("a list of sentence ids, earliest event first, like ['s01', 's02', …]")
def chronological_order(answer, sentence_ids=("s22", "s23", "s24", "s25")):
    """Dated sentences ordered by when the events they date happened."""
    t = course_tables()
    order = as_ids(answer, "sentence ids", t.sentences["sentence_id"], "sentence_id")
    want = expected_chronological_order(sentence_ids, t)
    stray = [s for s in order if s not in want]
    if stray:
        raise Hint(f"{stray[0]} is not one of the sentences to order: {', '.join(sentence_ids)}.")
    if len(order) != len(want):
        raise Hint(f"order all {len(want)} sentences: {', '.join(sentence_ids)}.")
    if order == want:
        return "earliest first: " + " < ".join(want) + "."
    te = t.time_expressions.set_index("sentence_id")
    for sid in order:
        if te.at[sid, "rule"] == "latest_month" and order.index(sid) < want.index(sid):
            raise Hint(f"{sid} is too early: {vi(te.at[sid, 'text_vi'], te.at[sid, 'text_en'])} gives no "
                       "year, so it is the most recent such month before the article's date.")
    if order == want[::-1]:
        raise Hint("you have the latest first: put the earliest event first.")
    raise Hint("not yet in order: write down the absolute date of each sentence first, then sort.")


QUESTIONS_01 = exercise_set("01", [
    Item("Question 1", 'chain_of_publication', 2),
    Item("Question 2", 'claims_through', 2),
    Item("Question 3", 'relative_periods', 2),
    Item("Question 4", 'chronological_order', 1),
    Item("Question 5", None, 3),
    Item("Question 6", None, 2),
])
