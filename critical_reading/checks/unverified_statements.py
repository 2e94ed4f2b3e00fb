"""Checks for exercise set 04 · Unverified statements."""

from __future__ import annotations

import pandas as pd

from ..claims import claims_with_sources as _claims_with_sources
from ..contract import PARTIES
from ..messages import say
from .answers import Hint, as_ids, as_mapping, as_table, compare_rows, plural
from .answers import tables as course_tables
from .core import Item, exercise_set, practice, question


def expected_disclaimers(tables=None) -> pd.DataFrame:
    """The article's disclaimers: claim id, sentence and who disclaims."""
    t = tables or course_tables()
    c = t.claims
    return c.loc[c["claim_type"] == "disclaimer", ["claim_id", "sentence_id", "source_id"]].reset_index(drop=True)


@question(say("checks_04.disclaimers.wants"))
def disclaimers(answer):
    """The disclaimers in the article."""
    t = course_tables()
    want = expected_disclaimers(t)
    frame = as_table(answer, list(want.columns), disclaimers.wants)
    kind = t.claims.set_index("claim_id")["claim_type"]
    compare_rows(frame, want, "claim_id", "claim",
                  extra_hint=lambda cid: say("checks_04.disclaimers.not_a_disclaimer", cid=cid, claim_type=kind.get(cid)),
                  missing_hint=lambda ks: say("checks_04.disclaimers.missing", disclaimers=plural(len(ks), "disclaimer")))
    return say("checks_04.disclaimers.m1", len=len(want), items=', '.join(sorted(set(want['source_id']))))


def expected_disclaimer_scope(tables=None) -> dict[str, list[str]]:
    """Disclaimer id → the claims it covers (from flagged_by)."""
    t = tables or course_tables()
    c = t.claims
    scope = {cid: [] for cid in c.loc[c["claim_type"] == "disclaimer", "claim_id"]}
    for _, row in c[c["flagged_by"].notna()].iterrows():
        scope[row["flagged_by"]].append(row["claim_id"])
    return scope


@question(say("checks_04.disclaimer_scope.wants"))
def disclaimer_scope(answer):
    """Match each disclaimer to the claims its scope covers."""
    t = course_tables()
    want = expected_disclaimer_scope(t)
    got = as_mapping(answer, list(want), disclaimer_scope.wants, "disclaimer")
    c = t.claims.set_index("claim_id")
    for disclaimer, covered in want.items():
        value = got[disclaimer]
        if isinstance(value, str):
            value = [value]
        ids = as_ids(value, say("checks_answers.words.claim_ids"), c.index, "claim_id")
        if set(ids) == set(covered):
            continue
        extra = [x for x in ids if x not in covered]
        if extra:
            x = extra[0]
            if c.at[x, "claim_type"] == "disclaimer":
                raise Hint(say("checks_04.disclaimer_scope.m1", disclaimer=disclaimer, x=x))
            if pd.notna(c.at[x, "flagged_by"]):
                raise Hint(say("checks_04.disclaimer_scope.m2", disclaimer=disclaimer, x=x))
            raise Hint(say("checks_04.disclaimer_scope.m3", disclaimer=disclaimer, x=x, claim_en=c.at[x, 'claim_en']))
        raise Hint(say("checks_04.disclaimer_scope.m4",
                       disclaimer=disclaimer, claims=plural(len(covered), 'claim'), len=len(ids)))
    return say("checks_04.disclaimer_scope.m5")


def expected_unflagged_figures(tables=None) -> list[str]:
    """Figure claims that no disclaimer covers."""
    t = tables or course_tables()
    c = t.claims
    return list(c.loc[(c["claim_type"] == "figure") & (c["verification"] == "unflagged"), "claim_id"])


@question(say("checks_04.unflagged_figures.wants"))
def unflagged_figures(answer):
    """Claims of type figure that carry no disclaimer."""
    t = course_tables()
    got = as_ids(answer, say("checks_answers.words.claim_ids"), t.claims["claim_id"], "claim_id")
    want = expected_unflagged_figures(t)
    if set(got) == set(want):
        return say("checks_04.unflagged_figures.m1", len=len(want))
    c = t.claims.set_index("claim_id")
    extra = [x for x in got if x not in want]
    if extra:
        x = extra[0]
        if c.at[x, "claim_type"] != "figure":
            raise Hint(say("checks_04.unflagged_figures.m2", x=x, claim_type=c.at[x, 'claim_type']))
        raise Hint(say("checks_04.unflagged_figures.m3", x=x, flagged_by=c.at[x, 'flagged_by']))
    raise Hint(say("checks_04.unflagged_figures.m4", figures=plural(len(want) - len(got), 'figure')))


def expected_unflagged_party_claims(tables=None) -> list[str]:
    """Claims by a party to the conflict (Russia, Ukraine, North Korea) that no disclaimer covers."""
    merged = _claims_with_sources(tables or course_tables())
    keep = merged["side"].isin(PARTIES) & (merged["verification"] == "unflagged")
    return list(merged.loc[keep, "claim_id"])


@question(say("checks_04.unflagged_party_claims.wants"))
def unflagged_party_claims(answer):
    """Unverified but not flagged: claims by a party to the conflict with no disclaimer."""
    t = course_tables()
    got = as_ids(answer, say("checks_answers.words.claim_ids"), t.claims["claim_id"], "claim_id")
    want = expected_unflagged_party_claims(t)
    if set(got) == set(want):
        return say("checks_04.unflagged_party_claims.m1", len=len(want))
    merged = _claims_with_sources(t).set_index("claim_id")
    extra = [x for x in got if x not in want]
    if extra:
        x = extra[0]
        if merged.at[x, "side"] not in PARTIES:
            raise Hint(say("checks_04.unflagged_party_claims.m2",
                           x=x, source_id=merged.at[x, 'source_id'], side=merged.at[x, 'side'], items=', '.join(PARTIES)))
        raise Hint(say("checks_04.unflagged_party_claims.m3", x=x, flagged_by=merged.at[x, 'flagged_by']))
    missing = [x for x in want if x not in got]
    sides = sorted(set(merged.loc[missing, "side"]))
    raise Hint(say("checks_04.unflagged_party_claims.m4", claims=plural(len(missing), 'claim'), items=', '.join(sides)))


# --------------------------------------------------------------------------- lessons 04a and 04b: "Your turn"

_ROW_COLUMNS = ["claim_id", "sentence_id", "source_id"]


def _same_ids(answer, want: list[str], key: str, extra_hint, missing_hint, **fields: str) -> str:
    """Compare a learner's list of claim ids with ``want``; return the 'done' line or raise a hint."""
    t = course_tables()
    got = as_ids(answer, say("checks_answers.words.claim_ids"), t.claims["claim_id"], "claim_id")
    extra = [x for x in got if x not in want]
    if extra:
        raise Hint(extra_hint(extra[0]))
    missing = [x for x in want if x not in got]
    if missing:
        raise Hint(missing_hint(missing))
    return say(f"checks_04.{key}.done", len=len(want), **fields)


def expected_figure_rows(tables=None) -> pd.DataFrame:
    """Lesson 04a, Your turn 1: the figure claims, with the columns claim_id, sentence_id, source_id."""
    c = (tables or course_tables()).claims
    return c.loc[c["claim_type"] == "figure", _ROW_COLUMNS].reset_index(drop=True)


@practice(say("checks_04.figure_rows.wants"))
def figure_rows(answer) -> str:
    """Your turn: keep the rows of type 'figure' and three columns, with .loc[rows, columns]."""
    t = course_tables()
    want = expected_figure_rows(t)
    frame = as_table(answer, _ROW_COLUMNS, figure_rows.wants)
    kind = t.claims.set_index("claim_id")["claim_type"]
    compare_rows(frame, want, "claim_id", "claim",
                 extra_hint=lambda cid: say("checks_04.figure_rows.extra", x=cid, claim_type=kind.get(cid)),
                 missing_hint=lambda ks: say("checks_04.figure_rows.missing", figures=plural(len(ks), "figure")))
    return say("checks_04.figure_rows.done", len=len(want))


#: The disclaimer whose scope lesson 04a's second "Your turn" asks for.
PRACTICE_DISCLAIMER = "c23"


def expected_covered_by(tables=None, disclaimer: str = PRACTICE_DISCLAIMER) -> list[str]:
    """Lesson 04a, Your turn 2: the claims the course reads a disclaimer as covering (flagged_by)."""
    c = (tables or course_tables()).claims
    return list(c.loc[c["flagged_by"] == disclaimer, "claim_id"])


@practice(say("checks_04.covered_by.wants"))
def covered_by(answer) -> str:
    """Your turn: the claims that the disclaimer c23 covers, read off the column flagged_by."""
    c = course_tables().claims.set_index("claim_id")
    return _same_ids(
        answer, expected_covered_by(), "covered_by",
        lambda x: say("checks_04.covered_by.extra", x=x, disclaimer=PRACTICE_DISCLAIMER,
                      flagged_by=c.at[x, "flagged_by"] if pd.notna(c.at[x, "flagged_by"]) else "—"),
        lambda ks: say("checks_04.covered_by.missing", claims=plural(len(ks), "claim"), disclaimer=PRACTICE_DISCLAIMER),
        disclaimer=PRACTICE_DISCLAIMER)


def expected_flagged_figures(tables=None) -> list[str]:
    """Lesson 04b, Your turn 1: figure claims that a disclaimer covers (two conditions joined by &)."""
    c = (tables or course_tables()).claims
    return list(c.loc[(c["claim_type"] == "figure") & (c["verification"] == "flagged_unverified"), "claim_id"])


@practice(say("checks_04.flagged_figures.wants"))
def flagged_figures(answer) -> str:
    """Your turn: the ids of the figures whose verification is 'flagged_unverified'."""
    c = course_tables().claims.set_index("claim_id")

    def extra(x: str) -> str:
        if c.at[x, "claim_type"] != "figure":
            return say("checks_04.flagged_figures.not_figure", x=x, claim_type=c.at[x, "claim_type"])
        return say("checks_04.flagged_figures.not_flagged", x=x, verification=c.at[x, "verification"])

    return _same_ids(answer, expected_flagged_figures(), "flagged_figures", extra,
                     lambda ks: say("checks_04.flagged_figures.missing", figures=plural(len(ks), "figure")))


#: The side whose unflagged claims lesson 04b's second "Your turn" asks for.
PRACTICE_SIDE = "ukraine"


def expected_unflagged_of_side(tables=None, side: str = PRACTICE_SIDE) -> list[str]:
    """Lesson 04b, Your turn 2: claims by one side's claimants that no disclaimer covers (merge, then filter)."""
    merged = _claims_with_sources(tables or course_tables())
    return list(merged.loc[(merged["side"] == side) & (merged["verification"] == "unflagged"), "claim_id"])


@practice(say("checks_04.unflagged_of_side.wants"))
def unflagged_of_side(answer) -> str:
    """Your turn: claims by Ukrainian claimants with verification 'unflagged'."""
    merged = _claims_with_sources(course_tables()).set_index("claim_id")

    def extra(x: str) -> str:
        if merged.at[x, "side"] != PRACTICE_SIDE:
            return say("checks_04.unflagged_of_side.other_side", x=x, source_id=merged.at[x, "source_id"],
                       side=merged.at[x, "side"], want=PRACTICE_SIDE)
        return say("checks_04.unflagged_of_side.flagged", x=x, flagged_by=merged.at[x, "flagged_by"])

    return _same_ids(answer, expected_unflagged_of_side(), "unflagged_of_side", extra,
                     lambda ks: say("checks_04.unflagged_of_side.missing", claims=plural(len(ks), "claim")))


QUESTIONS_04 = exercise_set("04", [
    Item("Question 1", 'disclaimers', 2),
    Item("Question 2", 'disclaimer_scope', 3),
    Item("Question 3", 'unflagged_figures', 2),
    Item("Question 4", 'unflagged_party_claims', 2),
    Item("Question 5", None, 3),
    Item("Question 6", None, 2),
])
