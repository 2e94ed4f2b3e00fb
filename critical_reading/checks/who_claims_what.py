"""Checks for exercise set 02 · Who claims what."""

from __future__ import annotations

import datetime as dt
import math
import numbers

import pandas as pd

from .answers import (Hint, as_date, as_ids, as_interval, as_mapping, as_number, as_table, close, compare_rows,
                      figure_en, kind, name_of, plural, quoted, vi)
from .answers import tables as course_tables
from ..claims import claims_with_sources as _claims_with_sources
from .core import Item, exercise_set, question

ATTRIBUTION_KINDS = ("own_voice", "named", "unnamed")


def expected_claims_with_sources(tables=None) -> pd.DataFrame:
    """Every claim with its claimant's name and side (a merge of claims and sources)."""
    merged = _claims_with_sources(tables or course_tables())
    return merged[["claim_id", "source_id", "name_en", "side"]].reset_index(drop=True)


@question("a table (DataFrame) with the columns claim_id, source_id, name_en, side: one row per claim")
def claims_with_sources(answer):
    """Claims joined with their claimants: who says each thing, and on which side."""
    t = course_tables()
    want = expected_claims_with_sources(t)
    frame = as_table(answer, list(want.columns), claims_with_sources.wants)
    if len(frame) == len(t.sources) and len(frame) != len(want):
        raise Hint(f"your table has {len(frame)} rows, one per source; it needs one row per claim "
                   f"({len(want)}): start from tables.claims and merge tables.sources into it.")
    compare_rows(frame, want, "claim_id", "claim",
                  missing_hint=lambda ks: (f"{plural(len(ks), 'claim')} missing: keep every claim "
                                           "(a left merge on source_id keeps them all)."))
    return f"{len(want)} claims, each with its claimant's name and side."


def expected_claims_per_side(tables=None) -> dict[str, int]:
    """How many claims each side's claimants make (sides with no claims left out)."""
    merged = expected_claims_with_sources(tables)
    return {str(k): int(v) for k, v in merged["side"].value_counts().items()}


@question("counts per side: a Series from value_counts(), or a dict like {'russia': 1, …}")
def claims_per_side(answer):
    """The number of claims whose claimant is on each side."""
    t = course_tables()
    want = expected_claims_per_side(t)
    if isinstance(answer, pd.DataFrame):
        if "side" in answer.columns and answer.shape[1] == 2:  # value_counts().reset_index()
            answer = answer.set_index("side").iloc[:, 0]
        else:
            raise Hint("this question wants counts per side (a Series, e.g. table['side'].value_counts()), "
                       "not a whole table.")
    if not isinstance(answer, (pd.Series, dict)):
        raise Hint(f"this question wants {claims_per_side.wants}, but your answer is {kind(answer)}.")
    got = answer.to_dict() if isinstance(answer, pd.Series) else dict(answer)
    got = {str(k): v for k, v in got.items() if not (isinstance(v, numbers.Number) and v == 0)}
    kinds = set(t.sources["kind"])
    if got and set(got) <= kinds and not set(got) & set(want):
        raise Hint("those are kinds of source (government, news_agency, …), not sides: count the column 'side'.")
    for key, value in got.items():
        as_number(value, f"the count for {key!r}")
    per_source = {str(k): int(v) for k, v in t.sources["side"].value_counts().items()}
    if {k: int(v) for k, v in got.items()} == per_source and per_source != want:
        raise Hint(f"these are counts of sources ({len(t.sources)} in all), not of claims: count the "
                   "rows of the claims table merged with the sources.")
    unknown = [k for k in got if k not in want]
    if unknown:
        raise Hint(f"{unknown[0]!r} is not a side that any claimant has; the sides are in the column 'side'.")
    total = sum(float(v) for v in got.values())
    if total != sum(want.values()):
        raise Hint(f"your counts add up to {total:g}, but there are {sum(want.values())} claims: "
                   "count every claim once.")
    for side, count in want.items():
        if float(got.get(side, 0)) != count:
            raise Hint(f"the count for {side!r} is not right; count the claims whose claimant's side is {side!r}.")
    return ", ".join(f"{side}: {count}" for side, count in want.items()) + "."


def expected_strong_attribution(min_strength: int = 3, tables=None) -> list[str]:
    """Claims whose attribution verb has at least ``min_strength`` on the course's ladder."""
    t = tables or course_tables()
    cues = t.cues_vi[t.cues_vi["category"] == "attribution_verb"]
    strength = dict(zip(cues["cue_vi"].str.lower(), cues["strength"]))
    levels = t.claims["cue_vi"].str.lower().map(strength)
    return list(t.claims.loc[levels.fillna(0) >= min_strength, "claim_id"])


@question("a list of claim ids, like ['c01', 'c02']")
def strong_attribution(answer, min_strength: int = 3):
    """Claims introduced by a strong attribution verb (strength ≥ 3 in tables.cues_vi)."""
    t = course_tables()
    got = as_ids(answer, "claim ids", t.claims["claim_id"], "claim_id")
    want = expected_strong_attribution(min_strength, t)
    gloss = dict(zip(t.cues_vi["cue_vi"].str.lower(), t.cues_vi["gloss_en"]))
    cue = t.claims.set_index("claim_id")["cue_vi"]

    def said(claim_id):
        words = cue[claim_id]
        if pd.isna(words):
            return "no attribution cue at all"
        return vi(words, gloss.get(words.lower(), "not in tables.cues_vi"))

    if set(got) == set(want):
        verbs = sorted({said(c) for c in want})
        return f"{len(want)} claims use a verb of strength {min_strength} or more: {', '.join(verbs)}."
    extra = [c for c in got if c not in want]
    if extra:
        raise Hint(f"{extra[0]} is introduced by {said(extra[0])}, whose strength in tables.cues_vi is "
                   f"below {min_strength} (or which is not an attribution verb).")
    raise Hint(f"{plural(len(want) - len(got), 'claim')} missing: look up every claim's cue_vi in "
               "tables.cues_vi (merge on the cue).")


def expected_attribution_kinds(sentence_ids=("s02", "s04", "s09", "s13", "s15", "s16"), tables=None) -> dict:
    """For each sentence: 'own_voice' (the outlet speaking unattributed), 'named' or 'unnamed' claimant."""
    t = tables or course_tables()
    named = dict(zip(t.sources["source_id"], t.sources["named"]))
    result = {}
    for sid in sentence_ids:
        rows = t.claims[t.claims["sentence_id"] == sid]
        if len(rows) == 0:
            raise ValueError(f"sentence {sid} holds no claim")
        own = rows["relayed_by"].isna() & (rows["source_id"] == "fox_news")
        if own.all():
            result[sid] = "own_voice"
        else:
            result[sid] = "named" if all(named[s] for s in rows["source_id"]) else "unnamed"
    return result


@question("a dict like {'sXX': 'named', …} with one of 'own_voice', 'named', 'unnamed' per sentence")
def attribution_kinds(answer, sentence_ids=("s02", "s04", "s09", "s13", "s15", "s16")):
    """Classify sentences by how their claim is attributed."""
    t = course_tables()
    want = expected_attribution_kinds(sentence_ids, t)
    got = as_mapping(answer, list(want), attribution_kinds.wants, "sentence")
    for sid, label in got.items():
        if label not in ATTRIBUTION_KINDS:
            raise Hint(f"{sid}: {label!r} is not one of the labels {', '.join(map(repr, ATTRIBUTION_KINDS))}.")
    claimant = t.claims.drop_duplicates("sentence_id").set_index("sentence_id")["source_id"]
    names = t.sources.set_index("source_id")
    for sid in want:
        if got[sid] == want[sid]:
            continue
        source = claimant[sid]
        said = vi(names.at[source, "name_vi"], names.at[source, "name_en"]) \
            if pd.notna(names.at[source, "name_vi"]) else names.at[source, "name_en"]
        if want[sid] == "own_voice":
            raise Hint(f"{sid}: nobody is quoted or named as saying this; the outlet states it in its own voice.")
        if want[sid] == "unnamed":
            raise Hint(f"{sid}: the article calls its source only {said}: is a specific body or person named?")
        raise Hint(f"{sid}: the article names its source, {said}: that counts as 'named', whatever you "
                   "think of the source.")
    return "named, unnamed and the outlet's own voice told apart."


QUESTIONS_02 = exercise_set("02", [
    Item("Question 1", 'claims_with_sources', 2),
    Item("Question 2", 'claims_per_side', 2),
    Item("Question 3", 'strong_attribution', 2),
    Item("Question 4", 'attribution_kinds', 2),
    Item("Question 5", None, 3),
    Item("Question 6", None, 2),
])
