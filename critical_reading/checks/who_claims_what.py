"""Checks for exercise set 02 · Who claims what."""

from __future__ import annotations

import numbers

import pandas as pd

from ..claims import claims_with_sources as _claims_with_sources
from ..claims import with_chains
from ..messages import code, say
from .answers import Hint, as_ids, as_mapping, as_number, as_table, compare_rows, kind, plural, vi
from .answers import tables as course_tables
from .core import Item, exercise_set, practice, question, same_value

ATTRIBUTION_KINDS = ("own_voice", "named", "unnamed")


def expected_claims_with_sources(tables=None) -> pd.DataFrame:
    """Every claim with its claimant's name and side (a merge of claims and sources)."""
    merged = _claims_with_sources(tables or course_tables())
    return merged[["claim_id", "source_id", "name_en", "side"]].reset_index(drop=True)


@question(say("checks_02.claims_with_sources.wants"))
def claims_with_sources(answer):
    """Claims joined with their claimants: who says each thing, and on which side."""
    t = course_tables()
    want = expected_claims_with_sources(t)
    frame = as_table(answer, list(want.columns), claims_with_sources.wants)
    if len(frame) == len(t.sources) and len(frame) != len(want):
        raise Hint(say("checks_02.claims_with_sources.m1", len=len(frame), len2=len(want)))
    compare_rows(frame, want, "claim_id", "claim",
                  missing_hint=lambda ks: say("checks_02.claims_with_sources.missing", claims=plural(len(ks), "claim")))
    return say("checks_02.claims_with_sources.m2", len=len(want))


def expected_claims_per_side(tables=None) -> dict[str, int]:
    """How many claims each side's claimants make (sides with no claims left out)."""
    merged = expected_claims_with_sources(tables)
    return {str(k): int(v) for k, v in merged["side"].value_counts().items()}


@question(say("checks_02.claims_per_side.wants"))
def claims_per_side(answer):
    """The number of claims whose claimant is on each side."""
    t = course_tables()
    want = expected_claims_per_side(t)
    if isinstance(answer, pd.DataFrame):
        if "side" in answer.columns and answer.shape[1] == 2:  # value_counts().reset_index()
            answer = answer.set_index("side").iloc[:, 0]
        else:
            raise Hint(say("checks_02.claims_per_side.m1"))
    if not isinstance(answer, (pd.Series, dict)):
        raise Hint(say("checks_02.claims_per_side.m2", wants=claims_per_side.wants, kind=kind(answer)))
    got = answer.to_dict() if isinstance(answer, pd.Series) else dict(answer)
    got = {str(k): v for k, v in got.items() if not (isinstance(v, numbers.Number) and v == 0)}
    kinds = set(t.sources["kind"])
    if got and set(got) <= kinds and not set(got) & set(want):
        raise Hint(say("checks_02.claims_per_side.m3"))
    for key, value in got.items():
        as_number(value, say("checks_02.claims_per_side.count_for", key=key))
    per_source = {str(k): int(v) for k, v in t.sources["side"].value_counts().items()}
    if {k: int(v) for k, v in got.items()} == per_source and per_source != want:
        raise Hint(say("checks_02.claims_per_side.m4", len=len(t.sources)))
    unknown = [k for k in got if k not in want]
    if unknown:
        raise Hint(say("checks_02.claims_per_side.m5", value=unknown[0]))
    total = sum(float(v) for v in got.values())
    if total != sum(want.values()):
        raise Hint(say("checks_02.claims_per_side.m6", total=total, sum=sum(want.values())))
    for side, count in want.items():
        if float(got.get(side, 0)) != count:
            raise Hint(say("checks_02.claims_per_side.m7", side=side))
    return ", ".join(f"{code('side', side)}: {count}" for side, count in want.items()) + "."


def expected_strong_attribution(min_strength: int = 3, tables=None) -> list[str]:
    """Claims whose attribution verb has at least ``min_strength`` on the course's ladder."""
    t = tables or course_tables()
    cues = t.cues_vi[t.cues_vi["category"] == "attribution_verb"]
    strength = dict(zip(cues["cue_vi"].str.lower(), cues["strength"]))
    levels = t.claims["cue_vi"].str.lower().map(strength)
    return list(t.claims.loc[levels.fillna(0) >= min_strength, "claim_id"])


@question(say("checks_02.strong_attribution.wants"))
def strong_attribution(answer, min_strength: int = 3):
    """Claims introduced by a strong attribution verb (strength ≥ 3 in tables.cues_vi)."""
    t = course_tables()
    got = as_ids(answer, say("checks_answers.words.claim_ids"), t.claims["claim_id"], "claim_id")
    want = expected_strong_attribution(min_strength, t)
    gloss = dict(zip(t.cues_vi["cue_vi"].str.lower(), t.cues_vi["gloss_en"]))
    cue = t.claims.set_index("claim_id")["cue_vi"]

    def said(claim_id):
        words = cue[claim_id]
        if pd.isna(words):
            return say("checks_02.strong_attribution.no_cue")
        return vi(words, gloss.get(words.lower(), say("checks_02.strong_attribution.not_a_cue")))

    if set(got) == set(want):
        verbs = sorted({said(c) for c in want})
        return say("checks_02.strong_attribution.m1", len=len(want), min_strength=min_strength, items=', '.join(verbs))
    extra = [c for c in got if c not in want]
    if extra:
        raise Hint(say("checks_02.strong_attribution.m2", value=extra[0], said=said(extra[0]), min_strength=min_strength))
    raise Hint(say("checks_02.strong_attribution.m3", claims=plural(len(want) - len(got), 'claim')))


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


@question(say("checks_02.attribution_kinds.wants"))
def attribution_kinds(answer, sentence_ids=("s02", "s04", "s09", "s13", "s15", "s16")):
    """Classify sentences by how their claim is attributed."""
    t = course_tables()
    want = expected_attribution_kinds(sentence_ids, t)
    got = as_mapping(answer, list(want), attribution_kinds.wants, "sentence")
    for sid, label in got.items():
        if label not in ATTRIBUTION_KINDS:
            raise Hint(say("checks_02.attribution_kinds.m1", sid=sid, label=label, items=', '.join(map(repr, ATTRIBUTION_KINDS))))
    claimant = t.claims.drop_duplicates("sentence_id").set_index("sentence_id")["source_id"]
    names = t.sources.set_index("source_id")
    for sid in want:
        if got[sid] == want[sid]:
            continue
        source = claimant[sid]
        said = vi(names.at[source, "name_vi"], names.at[source, "name_en"]) \
            if pd.notna(names.at[source, "name_vi"]) else names.at[source, "name_en"]
        if want[sid] == "own_voice":
            raise Hint(say("checks_02.attribution_kinds.m2", sid=sid))
        if want[sid] == "unnamed":
            raise Hint(say("checks_02.attribution_kinds.m3", sid=sid, said=said))
        raise Hint(say("checks_02.attribution_kinds.m4", sid=sid, said=said))
    return say("checks_02.attribution_kinds.m5")


# --------------------------------------------------------------------------- lesson 02 practice ("Your turn")

MINISTRY = ("russia_mod", "zvezda", "krasnaya_zvezda")


def _claim_ids(answer: object, want: list[str], missing: str, extra: str, empty: str | None = None) -> list[str]:
    """Compare a list of claim ids with ``want`` (order free): one hint for a missing id, one for an extra,
    and (if ``empty`` is given) one for an empty list, where the filter matched nothing."""
    t = course_tables()
    got = as_ids(answer, say("checks_answers.words.claim_ids"), t.claims["claim_id"], "claim_id")
    if not got and want and empty:
        raise Hint(say(empty))
    wrong = [c for c in got if c not in want]
    if wrong:
        raise Hint(say(extra, value=wrong[0]))
    if len(got) < len(want):
        raise Hint(say(missing, claims=plural(len(want) - len(got), "claim")))
    return got


def expected_zelensky_claims(tables=None) -> pd.DataFrame:
    """Zelensky's claims, with the columns claim_id and claim_type."""
    claims = (tables or course_tables()).claims
    return claims.loc[claims["source_id"] == "zelensky", ["claim_id", "claim_type"]]


@practice(say("checks_02.practice.zelensky_claims.wants"))
def zelensky_claims(answer):
    """02a, Your turn 1: filter rows and select two columns."""
    same_value(answer, expected_zelensky_claims(), hint=say("checks_02.practice.zelensky_claims.hint"))
    return say("checks_02.practice.zelensky_claims.done", len=len(answer))


def expected_ministry_events(tables=None) -> list[str]:
    """The event claims of the Russian Ministry of Defence and the two outlets it owns."""
    claims = (tables or course_tables()).claims
    return list(claims.loc[claims["source_id"].isin(MINISTRY) & (claims["claim_type"] == "event"), "claim_id"])


@practice(say("checks_02.practice.ministry_events.wants"))
def ministry_events(answer):
    """02a, Your turn 2: `.isin` and `&` together, then `list(...)`."""
    got = _claim_ids(answer, expected_ministry_events(), "checks_02.practice.ministry_events.missing",
                     "checks_02.practice.ministry_events.extra", "checks_02.practice.ministry_events.empty")
    return say("checks_02.practice.ministry_events.done", len=len(got))


def expected_unnamed_figures(tables=None) -> list[str]:
    """Figure claims whose claimant the article does not name."""
    merged = _claims_with_sources(tables or course_tables())
    unnamed = ~merged["named"].astype(bool)
    return list(merged.loc[unnamed & (merged["claim_type"] == "figure"), "claim_id"])


@practice(say("checks_02.practice.unnamed_figures.wants"))
def unnamed_figures(answer):
    """02b, Your turn 1: `~` and `&` on the claims merged with their claimants."""
    t = course_tables()
    got = _claim_ids(answer, expected_unnamed_figures(t), "checks_02.practice.unnamed_figures.missing",
                     "checks_02.practice.unnamed_figures.extra")
    return say("checks_02.practice.unnamed_figures.done", len=len(got))


def expected_long_chains(tables=None) -> list[str]:
    """The claims that passed through the most conduits."""
    t = tables or course_tables()
    chains = with_chains(t, t.claims)
    return list(chains.loc[chains["conduits"] == chains["conduits"].max(), "claim_id"])


@practice(say("checks_02.practice.long_chains.wants"))
def long_chains(answer):
    """02b, Your turn 2: filter the table of chains by its number of conduits."""
    got = _claim_ids(answer, expected_long_chains(), "checks_02.practice.long_chains.missing",
                     "checks_02.practice.long_chains.extra")
    return say("checks_02.practice.long_chains.done", len=len(got))


def expected_neutral_claims(tables=None) -> list[str]:
    """Claims introduced by an attribution verb of strength 1 on the course's ladder."""
    t = tables or course_tables()
    verbs = t.cues_vi[t.cues_vi["category"] == "attribution_verb"]
    return list(t.claims.loc[t.claims["cue_vi"].isin(verbs.loc[verbs["strength"] == 1, "cue_vi"]), "claim_id"])


@practice(say("checks_02.practice.neutral_claims.wants"))
def neutral_claims(answer):
    """02c, Your turn 1: `.query` on the claims merged with their cues."""
    got = _claim_ids(answer, expected_neutral_claims(), "checks_02.practice.neutral_claims.missing",
                     "checks_02.practice.neutral_claims.extra")
    return say("checks_02.practice.neutral_claims.done", len=len(got))


def expected_sentences_with(words: str = "tuyên bố", tables=None) -> list[str]:
    """The sentences whose Vietnamese text contains ``words``."""
    sentences = (tables or course_tables()).sentences
    return list(sentences.loc[sentences["text_vi"].str.contains(words), "sentence_id"])


@practice(say("checks_02.practice.sentences_with.wants"))
def sentences_with(answer, words: str = "tuyên bố"):
    """02c, Your turn 2: `.str.contains` on the sentences."""
    t = course_tables()
    want = expected_sentences_with(words, t)
    got = as_ids(answer, say("checks_02.practice.sentences_with.what"), t.sentences["sentence_id"], "sentence_id")
    wrong = [s for s in got if s not in want]
    if wrong:
        raise Hint(say("checks_02.practice.sentences_with.extra", value=wrong[0], words=words))
    if len(got) < len(want):
        raise Hint(say("checks_02.practice.sentences_with.missing", n=len(want) - len(got), words=words))
    return say("checks_02.practice.sentences_with.done", items=", ".join(want), words=words)


QUESTIONS_02 = exercise_set("02", [
    Item("Question 1", 'claims_with_sources', 2),
    Item("Question 2", 'claims_per_side', 2),
    Item("Question 3", 'strong_attribution', 2),
    Item("Question 4", 'attribution_kinds', 2),
    Item("Question 5", None, 3),
    Item("Question 6", None, 2),
])
