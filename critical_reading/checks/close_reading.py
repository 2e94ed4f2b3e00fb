"""Checks for exercise set 01 · Close reading (lists, text and dicts: no pandas needed)."""

from __future__ import annotations

import datetime as dt

from ..messages import say
from ..vietnamese import resolve_time_expression
from .answers import Hint, as_date, as_ids, as_mapping, kind, name_of, plural, vi
from .answers import tables as course_tables
from .core import Item, exercise_set, practice, question


def expected_chain(claim_id: str = "c08", tables=None) -> list[str]:
    """Who passed the claim on, from its claimant to the Vietnamese outlet, as source ids."""
    from ..reading import chain_of

    return chain_of(tables or course_tables(), claim_id)


def _judge_chain(answer, claim_id: str) -> str:
    """Feedback on a chain of publication given as source ids (a :class:`Hint` if it is not right)."""
    t = course_tables()
    if isinstance(answer, str) and ">" in answer:
        raise Hint(say("checks_01.chain_of_publication.m1"))
    chain = as_ids(answer, say("checks_answers.words.source_ids"), t.sources["source_id"], "source_id")
    want = expected_chain(claim_id, t)
    if chain == want:
        return say("checks_01.chain_of_publication.m2", len=len(want), items=' > '.join(want))
    if set(chain) == set(want):
        if chain == want[::-1]:
            raise Hint(say("checks_01.chain_of_publication.m3"))
        raise Hint(say("checks_01.chain_of_publication.m4"))
    stray = [s for s in chain if s not in want]
    if stray:
        raise Hint(say("checks_01.chain_of_publication.m5", value=stray[0], claim_id=claim_id))
    if chain and chain[0] != want[0]:
        raise Hint(say("checks_01.chain_of_publication.m6", claim_id=claim_id))
    if want[-1] not in chain:
        raise Hint(say("checks_01.chain_of_publication.m7"))
    raise Hint(say("checks_01.chain_of_publication.m8", hands=plural(len(want) - len(chain), 'hand'), claim_id=claim_id))


@question(say("checks_01.chain_of_publication.wants"))
def chain_of_publication(answer, claim_id: str = "c08"):
    """The chain of publication of one claim: claimant first, the Vietnamese outlet last."""
    return _judge_chain(answer, claim_id)


@practice(say("checks_01.chain_of_publication.wants"))
def chain_of_claim(answer, claim_id: str):
    """Lesson 01a's practice: the chain of any claim, judged like Question 1 of set 01.

    >>> chain_of_claim(["russia", "reuters", "fox_news", "vn_outlet"], "c06")
    ✓ Correct. 4 hands, from the claimant to the text you read: russia > reuters > fox_news > vn_outlet.
    >>> chain_of_claim(["russia", "fox_news", "vn_outlet"], "c06")
    Traceback (most recent call last):
    critical_reading.checks.core.Hint: 1 hand missing between the claimant and the end: read relayed_by for c06.
    """
    return _judge_chain(answer, claim_id)


def expected_claims_through(conduit: str = "reuters", tables=None) -> list[str]:
    """Claims that a conduit passed on (it appears in relayed_by), as claim ids."""
    t = tables or course_tables()
    c = t.claims
    through = c["relayed_by"].fillna("").str.split(">").apply(lambda hands: conduit in hands)
    return list(c.loc[through, "claim_id"])


@question(say("checks_01.claims_through.wants"))
def claims_through(answer, conduit: str = "reuters"):
    """The claims that reached Fox through a conduit (default Reuters): no pandas needed."""
    t = course_tables()
    got = as_ids(answer, say("checks_answers.words.claim_ids"), t.claims["claim_id"], "claim_id")
    want = expected_claims_through(conduit, t)
    name = name_of(conduit, t)
    if set(got) == set(want):
        return say("checks_01.claims_through.m1", len=len(want), name=name, items=', '.join(want))
    claims = t.claims.set_index("claim_id")
    for claim_id in got:
        if claim_id in want:
            continue
        if claims.at[claim_id, "source_id"] == conduit:
            raise Hint(say("checks_01.claims_through.m2", claim_id=claim_id, name=name))
        hands = claims.at[claim_id, "relayed_by"]
        raise Hint(say("checks_01.claims_through.m3", claim_id=claim_id, name=name,
                       value=hands if isinstance(hands, str) else say("checks_01.claims_through.empty")))
    missing = [c for c in want if c not in got]
    raise Hint(say("checks_01.claims_through.m4", claims=plural(len(missing), 'claim'), name=name, conduit=conduit))


RELATIVE_RULES = ("previous_year", "previous_month", "latest_month")
#: What the task's template holds where a date goes (Question 3 gives it to copy).
PLACEHOLDER = "YYYY-MM-DD"


def expected_relative_periods(tables=None) -> dict[str, tuple[dt.date, dt.date]]:
    """Sentence id → (first day, last day) for each relative time expression."""
    t = tables or course_tables()
    te = t.time_expressions[t.time_expressions["rule"].isin(RELATIVE_RULES)]
    return {row.sentence_id: (row.resolved_start.date(), row.resolved_end.date()) for row in te.itertuples()}


@question(say("checks_01.relative_periods.wants"))
def relative_periods(answer):
    """The absolute period each relative time expression refers to."""
    t = course_tables()
    want = expected_relative_periods(t)
    got = as_mapping(answer, list(want), relative_periods.wants, say("checks_01.relative_periods.key_what"))
    te = t.time_expressions.set_index("sentence_id")
    published = t.publication_date
    for sid, (start, end) in want.items():
        value = got[sid]
        if isinstance(value, (str, dt.date)) or not isinstance(value, (tuple, list)) or len(value) != 2:
            raise Hint(say("checks_01.relative_periods.m1", sid=sid, kind=kind(value)))
        if PLACEHOLDER in value:
            raise Hint(say("checks_01.relative_periods.placeholder", sid=sid, placeholder=PLACEHOLDER))
        first, last = (as_date(v, say(f"checks_01.relative_periods.{w}_day", sid=sid))
                       for v, w in zip(value, ("first", "last")))
        if (first, last) == (start, end):
            continue
        rule, said = te.at[sid, "rule"], vi(te.at[sid, "text_vi"], te.at[sid, "text_en"])
        if first.year != start.year and rule == "latest_month":
            raise Hint(say("checks_01.relative_periods.m2", sid=sid, said=said, published=published))
        if rule == "previous_year" and first.year != start.year:
            raise Hint(say("checks_01.relative_periods.m3", sid=sid, said=said, published=published))
        if rule == "previous_month" and (first.year, first.month) != (start.year, start.month):
            raise Hint(say("checks_01.relative_periods.m4", sid=sid, said=said, published=published))
        if first != start:
            raise Hint(say("checks_01.relative_periods.m5",
                           sid=sid, value='year' if rule == 'previous_year' else 'month', first=first))
        raise Hint(say("checks_01.relative_periods.m6", sid=sid, value='year' if rule == 'previous_year' else 'month', last=last))
    return say("checks_01.relative_periods.m7")


def expected_last_month(day: dt.date, tables=None) -> dt.date:
    """The first day of what "last month" (the article's ``previous_month`` expression) means on ``day``."""
    t = tables or course_tables()
    te = t.time_expressions
    text_vi = te.loc[te["rule"] == "previous_month", "text_vi"].iloc[0]
    return resolve_time_expression(text_vi, day).start


@practice(say("checks_01.last_month_on.wants"))
def last_month_on(answer, day: str):
    """Lesson 01b's practice: the first day of "last month" for a reader who anchors it to ``day``.

    >>> last_month_on("2025-12-01", "2026-01-05")
    ✓ Correct. Read on 5 January 2026, “tháng trước” means December 2025; against the source line's date it means October 2025.
    >>> last_month_on("2026-12-01", "2026-01-05")
    Traceback (most recent call last):
    critical_reading.checks.core.Hint: right month, wrong year: the month before January 2026 may fall in another year.
    """
    t = course_tables()
    reading_day = dt.date.fromisoformat(day)
    got = as_date(answer, say("checks_01.last_month_on.what"))
    want = expected_last_month(reading_day, t)
    article = expected_last_month(t.publication_date, t)
    row = t.time_expressions.set_index("rule").loc["previous_month"]
    said = vi(row["text_vi"], row["text_en"])
    if (got.year, got.month) == (want.year, want.month):
        if got != want:
            raise Hint(say("checks_01.last_month_on.first_day", want=want))
        return say("checks_01.last_month_on.right", day=reading_day, text_vi=row["text_vi"], want=want,
                   article=article)
    if (got.year, got.month) == (article.year, article.month):
        raise Hint(say("checks_01.last_month_on.source_line", said=said, day=reading_day))
    if (got.year, got.month) == (reading_day.year, reading_day.month):
        raise Hint(say("checks_01.last_month_on.this_month", day=reading_day))
    if got.month == want.month:
        raise Hint(say("checks_01.last_month_on.year", day=reading_day))
    raise Hint(say("checks_01.last_month_on.other", said=said, day=reading_day))


def expected_chronological_order(sentence_ids=("s22", "s23", "s24", "s25"), tables=None) -> list[str]:
    """The given sentences ordered by the start of the period their time expression refers to."""
    t = tables or course_tables()
    te = t.time_expressions.set_index("sentence_id").loc[list(sentence_ids)]
    return list(te.sort_values(["resolved_start", "resolved_end"]).index)


@question(say("checks_01.chronological_order.wants"))
def chronological_order(answer, sentence_ids=("s22", "s23", "s24", "s25")):
    """Dated sentences ordered by when the events they date happened."""
    t = course_tables()
    order = as_ids(answer, say("checks_answers.words.sentence_ids"), t.sentences["sentence_id"], "sentence_id")
    want = expected_chronological_order(sentence_ids, t)
    stray = [s for s in order if s not in want]
    if stray:
        raise Hint(say("checks_01.chronological_order.m1", value=stray[0], items=', '.join(sentence_ids)))
    if len(order) != len(want):
        raise Hint(say("checks_01.chronological_order.m2", len=len(want), items=', '.join(sentence_ids)))
    if order == want:
        return say("checks_01.chronological_order.right", order=" < ".join(want))
    te = t.time_expressions.set_index("sentence_id")
    for sid in order:
        if te.at[sid, "rule"] == "latest_month" and order.index(sid) < want.index(sid):
            raise Hint(say("checks_01.chronological_order.m3", sid=sid, vi=vi(te.at[sid, 'text_vi'], te.at[sid, 'text_en'])))
    if order == want[::-1]:
        raise Hint(say("checks_01.chronological_order.m4"))
    raise Hint(say("checks_01.chronological_order.m5"))


QUESTIONS_01 = exercise_set("01", [
    Item("Question 1", 'chain_of_publication', 2),
    Item("Question 2", 'claims_through', 2),
    Item("Question 3", 'relative_periods', 2),
    Item("Question 4", 'chronological_order', 1),
    Item("Question 5", None, 3),
    Item("Question 6", None, 2),
])
