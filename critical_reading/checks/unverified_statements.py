"""Checks for exercise set 04 · Unverified statements."""

from __future__ import annotations

import datetime as dt
import math
import numbers

import pandas as pd

from .answers import (Hint, as_date, as_ids, as_interval, as_mapping, as_number, as_table, close, compare_rows,
                      figure_en, kind, name_of, plural, quoted, vi)
from .answers import tables as course_tables
from ..claims import claims_with_sources as _claims_with_sources
from ..contract import PARTIES
from .core import Item, exercise_set, question


def expected_disclaimers(tables=None) -> pd.DataFrame:
    """The article's disclaimers: claim id, sentence and who disclaims."""
    t = tables or course_tables()
    c = t.claims
    return c.loc[c["claim_type"] == "disclaimer", ["claim_id", "sentence_id", "source_id"]].reset_index(drop=True)


@question("a table (DataFrame) with the columns claim_id, sentence_id, source_id")
def disclaimers(answer):
    """The disclaimers in the article."""
    t = course_tables()
    want = expected_disclaimers(t)
    frame = as_table(answer, list(want.columns), disclaimers.wants)
    kind = t.claims.set_index("claim_id")["claim_type"]
    compare_rows(frame, want, "claim_id", "claim",
                  extra_hint=lambda cid: f"{cid} is a claim of type '{kind.get(cid)}', not a disclaimer.",
                  missing_hint=lambda ks: (f"{plural(len(ks), 'disclaimer')} missing: keep every row whose "
                                           "claim_type is 'disclaimer'."))
    return f"{len(want)} disclaimers, from {', '.join(sorted(set(want['source_id'])))}."


def expected_disclaimer_scope(tables=None) -> dict[str, list[str]]:
    """Disclaimer id → the claims it covers (from flagged_by)."""
    t = tables or course_tables()
    c = t.claims
    scope = {cid: [] for cid in c.loc[c["claim_type"] == "disclaimer", "claim_id"]}
    for _, row in c[c["flagged_by"].notna()].iterrows():
        scope[row["flagged_by"]].append(row["claim_id"])
    return scope


@question("a dict like {'cXX': ['cYY', …], …}: disclaimer id → list of the claim ids it covers")
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
        ids = as_ids(value, "claim ids", c.index, "claim_id")
        if set(ids) == set(covered):
            continue
        extra = [x for x in ids if x not in covered]
        if extra:
            x = extra[0]
            if c.at[x, "claim_type"] == "disclaimer":
                raise Hint(f"{disclaimer}: {x} is itself a disclaimer; nothing flags a disclaimer.")
            if pd.notna(c.at[x, "flagged_by"]):
                raise Hint(f"{disclaimer}: {x} is covered by another disclaimer, the one nearest to it "
                           "whose words fit it.")
            raise Hint(f"{disclaimer}: does its wording cover {x} (“{c.at[x, 'claim_en']}”)? Read what the "
                       "disclaimer says it could not verify.")
        raise Hint(f"{disclaimer}: it covers {plural(len(covered), 'claim')}; you have {len(ids)}. Read the "
                   "sentence just before it, and the start of its own sentence.")
    return "each disclaimer matched to the claims its words cover."


def expected_unflagged_figures(tables=None) -> list[str]:
    """Figure claims that no disclaimer covers."""
    t = tables or course_tables()
    c = t.claims
    return list(c.loc[(c["claim_type"] == "figure") & (c["verification"] == "unflagged"), "claim_id"])


@question("a list of claim ids, like ['c01', 'c02']")
def unflagged_figures(answer):
    """Claims of type figure that carry no disclaimer."""
    t = course_tables()
    got = as_ids(answer, "claim ids", t.claims["claim_id"], "claim_id")
    want = expected_unflagged_figures(t)
    if set(got) == set(want):
        return f"{len(want)} figures in the article carry no disclaimer."
    c = t.claims.set_index("claim_id")
    extra = [x for x in got if x not in want]
    if extra:
        x = extra[0]
        if c.at[x, "claim_type"] != "figure":
            raise Hint(f"{x} is of type '{c.at[x, 'claim_type']}', not 'figure'.")
        raise Hint(f"{x} is covered by the disclaimer {c.at[x, 'flagged_by']}: keep only figures with "
                   "verification 'unflagged'.")
    raise Hint(f"{plural(len(want) - len(got), 'figure')} missing: filter on both claim_type and verification.")


def expected_unflagged_party_claims(tables=None) -> list[str]:
    """Claims by a party to the conflict (Russia, Ukraine, North Korea) that no disclaimer covers."""
    merged = _claims_with_sources(tables or course_tables())
    keep = merged["side"].isin(PARTIES) & (merged["verification"] == "unflagged")
    return list(merged.loc[keep, "claim_id"])


@question("a list of claim ids, like ['c01', 'c02']")
def unflagged_party_claims(answer):
    """Unverified but not flagged: claims by a party to the conflict with no disclaimer."""
    t = course_tables()
    got = as_ids(answer, "claim ids", t.claims["claim_id"], "claim_id")
    want = expected_unflagged_party_claims(t)
    if set(got) == set(want):
        return f"{len(want)} claims by parties to the conflict reach the reader without any disclaimer."
    merged = _claims_with_sources(t).set_index("claim_id")
    extra = [x for x in got if x not in want]
    if extra:
        x = extra[0]
        if merged.at[x, "side"] not in PARTIES:
            raise Hint(f"{x}'s claimant ({merged.at[x, 'source_id']}) has side '{merged.at[x, 'side']}', "
                       f"not a party to the conflict ({', '.join(PARTIES)}).")
        raise Hint(f"{x} is covered by a disclaimer ({merged.at[x, 'flagged_by']}); keep verification 'unflagged'.")
    missing = [x for x in want if x not in got]
    sides = sorted(set(merged.loc[missing, "side"]))
    raise Hint(f"{plural(len(missing), 'claim')} missing, from claimants on the side(s) {', '.join(sides)}: "
               "a party is any of russia, ukraine, north_korea.")


QUESTIONS_04 = exercise_set("04", [
    Item("Question 1", 'disclaimers', 2),
    Item("Question 2", 'disclaimer_scope', 3),
    Item("Question 3", 'unflagged_figures', 2),
    Item("Question 4", 'unflagged_party_claims', 2),
    Item("Question 5", None, 3),
    Item("Question 6", None, 2),
])
