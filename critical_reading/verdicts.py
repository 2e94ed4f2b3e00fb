"""Verdicts (lesson 05): what the course's outside sources say about each key claim.

:func:`evidence` fills in every row of ``verdict_evidence.csv`` (source, side, date, URL,
figure, independence); :func:`verdicts` applies the course's documented rule; :func:`explain`
shows one claim's verdict with everything behind it; :func:`verdict_chart` and
:func:`verdict_counts` summarise them.
"""

from __future__ import annotations

import pandas as pd

from .contract import NOT_PARTIES
from .data import Tables
from .errors import AssumptionError
from .figures import estimate_text
from .intervals import qualified
from .messages import code, format_date, say, translating_the_article
from .reading import sentence_quote
from .render import PALETTE, Card, Chart, new_figure
from .verification import _EMPTY, _join, _positions

#: Which parties fight on the same side: the course's judgement, open to discussion (lesson 05).
#: The article reports, from unnamed sources, that North Korea sent its soldiers "under a
#: mutual defence treaty" (sentence s07) without naming the other party; that the treaty is
#: with Russia is the course's inference. The article, reporting Zelensky (s16), describes the
#: North Koreans as sent "to support Russia's war effort".
CAMPS = {"russia": "russia_north_korea", "north_korea": "russia_north_korea", "ukraine": "ukraine"}

#: Claim types that get a verdict: statements of fact that outside sources could check.
KEY_CLAIM_TYPES = ("event", "figure", "background")

#: The four verdicts, in the order the rule tries them. The last is a statement about the
#: course, not about the claim: the course's sources hold nothing independent that confirms
#: or contradicts it (the claim may well be true).
VERDICTS = tuple(say(f"verdicts.verdict.{key}") for key in ("contested", "corroborated", "established", "unverified"))
_CONTESTED, _CORROBORATED, _ESTABLISHED, _UNVERIFIED = VERDICTS

#: Why a claim got its verdict: one line per outcome of the rule in :func:`verdicts`.
WHY = {key: say(f"verdicts.why.{key}") for key in ("contested", "corroborated", "background", "same_side_only",
                                                  "context_only", "background_unsourced", "flagged_unsourced",
                                                  "unsourced")}

# --------------------------------------------------------------------------- verdicts (lesson 05)

def independent(claimant_side: str, evidence_side: str) -> bool:
    """Whether a source on ``evidence_side`` counts as independent of a claimant on ``claimant_side``.

    Not independent: two parties that fight on the same side (:data:`CAMPS`: Russia
    and North Korea; Ukraine), or two sources whose side is unknown (nothing shows
    they are not the same). Independent: everything else, including any source
    that is not a party to the conflict (``none``). Both the sides (``sources.side``,
    ``estimates.side``) and the pairing in :data:`CAMPS` are the course's judgement
    (``data/README.md``): a teacher may draw them differently.

    The rule cannot see every link: unnamed "South Korean sources" might be South
    Korea's NIS itself. The notes of ``verdict_evidence.csv`` say so where it matters.

    >>> independent("ukraine", "none"), independent("ukraine", "russia")
    (True, True)
    >>> independent("russia", "north_korea"), independent("unknown", "unknown")
    (False, False)
    """
    if claimant_side == "unknown" and evidence_side == "unknown":
        return False
    if claimant_side in NOT_PARTIES or evidence_side in NOT_PARTIES:
        return True
    # a party missing from CAMPS (another article's) is a camp of its own
    return CAMPS.get(claimant_side, claimant_side) != CAMPS.get(evidence_side, evidence_side)


def _quantity_text(tables: Tables, row: pd.Series) -> str:
    return say("verdicts.quantity", figure=qualified(row["qualifier"], float(row["value"])),
               definition=estimate_text(tables, row, "definition"))


def _evidence_source(tables: Tables, row: pd.Series) -> str:
    """Who gave a piece of evidence, with the conduit, as the learner's language names them."""
    if pd.isna(row["estimate_id"]):
        return str(tables.shown("verdict_evidence", "source_en", row["source_en"]))
    est = tables.estimate(row["estimate_id"])
    source = estimate_text(tables, est, "source")
    return say("verdicts.via", source=source, via=estimate_text(tables, est, "via")) if pd.notna(est["via"]) \
        else source


def evidence(tables: Tables) -> pd.DataFrame:
    """``verdict_evidence.csv`` with every row's source, side, date, url and figure filled in.

    For a row that names an estimate these come from ``estimates.csv``.
    ``independent`` applies :func:`independent` to the claimant's side and the
    evidence's side; ``after_article`` is True for evidence published after the
    article's date.
    """
    ev = tables.verdict_evidence.copy()
    est = tables.estimates.set_index("estimate_id")
    has = ev["estimate_id"].notna()
    ids = ev.loc[has, "estimate_id"]
    ev["source_en"] = [_evidence_source(tables, row) for _, row in ev.iterrows()]
    for column, origin in (("side", "side"), ("date", "date"), ("url", "url")):
        ev.loc[has, column] = est.loc[ids, origin].to_numpy()
    ev["figure"] = _EMPTY
    ev.loc[has, "figure"] = [_quantity_text(tables, est.loc[i]) for i in ids]
    claimant_side = ev["claim_id"].map(tables.claims.set_index("claim_id")["source_id"]).map(
        tables.sources.set_index("source_id")["side"])
    ev["independent"] = [independent(a, b) for a, b in zip(claimant_side, ev["side"])]
    ev["after_article"] = ev["date"].dt.date > tables.publication_date
    return ev[["evidence_id", "claim_id", "relation", "estimate_id", "source_en", "side", "date", "figure",
               "independent", "after_article", "url", "note_en"]]


def verdicts(tables: Tables, evidence_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """A verdict for each key claim (events, figures, background), by a documented rule.

    ``evidence_table`` is :func:`evidence`'s result, for a caller that already has it.

    The rule looks only at the evidence in ``verdict_evidence.csv`` that is
    independent of the claimant (:func:`independent`), and tries, in order:

    1. **contested**: an independent source contradicts the claim (``contests``);
    2. **corroborated elsewhere**: independent sources agree (``corroborates``) and
       none contradicts it; for a claim the article presents as background, the
       verdict is **established background**;
    3. **unverified by the course's sources**: otherwise, a statement about what the
       course's sources hold, not about the claim. ``why`` says which case: no
       outside source at all (and whether the article flags the claim, or presents
       it as background), only sources on the claimant's side, or only context.

    Columns: ``paragraph``, ``claimant``, ``claim_en``, ``article_flag`` (the
    covering disclaimer, if any), ``verdict``, ``why``, and ``counted`` / ``not_counted``
    (the evidence_ids the rule used and those it set aside).
    """
    c = _positions(tables)
    names = tables.source_names
    ev = evidence(tables) if evidence_table is None else evidence_table
    rows = []
    for claim_id, claim in c[c["claim_type"].isin(KEY_CLAIM_TYPES)].sort_values(["order", "place"]).iterrows():
        own = ev[ev["claim_id"] == claim_id]
        counted = own[own["independent"] & own["relation"].isin(["corroborates", "contests"])]
        background = claim["verification"] == "background_fact"
        if (counted["relation"] == "contests").any():
            verdict, why = _CONTESTED, "contested"
        elif (counted["relation"] == "corroborates").any():
            verdict, why = (_ESTABLISHED, "background") if background else (_CORROBORATED, "corroborated")
        else:
            verdict = _UNVERIFIED
            if (own["relation"] == "corroborates").any():
                why = "same_side_only"
            elif len(own):
                why = "context_only"
            elif background:
                why = "background_unsourced"
            elif claim["verification"] == "flagged_unverified":
                why = "flagged_unsourced"
            else:
                why = "unsourced"
        rows.append({"claim_id": claim_id, "paragraph": claim["paragraph"], "claimant": names[claim["source_id"]],
                     "claim_en": claim["claim_en"],
                     "article_flag": claim["flagged_by"] if pd.notna(claim["flagged_by"]) else _EMPTY,
                     "verdict": verdict, "why": WHY[why], "counted": _join(counted["evidence_id"]),
                     "not_counted": _join(i for i in own["evidence_id"] if i not in set(counted["evidence_id"]))})
    return pd.DataFrame(rows).set_index("claim_id")


def verdict_counts(table: pd.DataFrame) -> pd.DataFrame:
    """How many key claims got each verdict, and which, in the order of :data:`VERDICTS`."""
    rows = [{"verdict": v, "claims": int((table["verdict"] == v).sum()),
             "claim_ids": _join(table.index[table["verdict"] == v])} for v in VERDICTS]
    return pd.DataFrame(rows).set_index("verdict")


def verdict_chart(table: pd.DataFrame) -> Chart:
    """A bar per verdict (colour, hatch pattern and count label), with a generated description."""
    counts = verdict_counts(table)
    colours = [PALETTE["vermillion"], PALETTE["green"], PALETTE["blue"], PALETTE["orange"]]
    hatches = ["xx", "//", "..", ""]
    figure, axes = new_figure(8, 3.2)
    bars = axes.barh(counts.index, counts["claims"], color=colours, edgecolor="black", hatch=hatches)
    axes.bar_label(bars, padding=3)
    axes.invert_yaxis()
    axes.grid(False, axis="y")
    axes.grid(True, axis="x", color="#dddddd", linewidth=0.8)
    axes.set_xlabel(say("verdicts.chart_xlabel"))
    axes.set_title(say("verdicts.chart_title"))
    alt = say("verdicts.chart_alt", n=len(table),
              parts="; ".join(f"{v}: {n} ({ids})" for v, n, ids in counts.itertuples()))
    return Chart(figure, alt)


def explain(tables: Tables, claim_id: str) -> Card:
    """The verdict on one key claim with everything behind it.

    Shows the sentence (Vietnamese, with the English working translation), the
    article's own disclaimer if one covers the claim, every piece of outside
    evidence with its source, date, figure, the course's note, whether the rule
    counted it (and why not), and its URL, and any documented translation drift
    in the sentence.

    Raises :class:`~critical_reading.errors.AssumptionError` for an unknown
    claim_id or a claim that gets no verdict (an interpretation, say).
    """
    ev = evidence(tables)
    table = verdicts(tables, ev)
    claims = tables.claims.set_index("claim_id")
    allowed = ", ".join(table.index)
    if claim_id not in claims.index:
        raise AssumptionError(say("verdicts.unknown_claim", claim_id=claim_id, allowed=allowed))
    if claim_id not in table.index:
        raise AssumptionError(say("verdicts.no_verdict", claim_id=claim_id,
                                  claim_type=claims.at[claim_id, "claim_type"], allowed=allowed))
    claim, row = claims.loc[claim_id], table.loc[claim_id]
    names = tables.source_names
    chain = claim["relayed_by"].split(">") if pd.notna(claim["relayed_by"]) else []
    who = row["claimant"] + (say("verdicts.card_via", chain=" > ".join(names[i] for i in chain)) if chain else "")
    quote = sentence_quote(tables, claim["sentence_id"],
                           say("verdicts.card_attribution", sentence_id=claim["sentence_id"], who=who))
    if pd.notna(claim["flagged_by"]):
        d = claims.loc[claim["flagged_by"]]
        said = d["claim_en"] if translating_the_article() else f"“{d['quote_vi']}”"  # the article's own words
        flag = f"{claim['flagged_by']}, {names[d['source_id']]}: {said}"
    else:
        flag = _EMPTY
    lines = []
    for _, e in ev.query("claim_id == @claim_id").iterrows():
        status = say("verdicts.counted") if e.independent and e.relation != "context" else (
            say("verdicts.context_only") if e.relation == "context" else say("verdicts.not_independent"))
        when = format_date(e.date.date()) + (say("verdicts.after_article") if e.after_article else "")
        figure = f", {e.figure}" if e.figure != _EMPTY else ""
        lines.append((say("verdicts.evidence_line", evidence_id=e.evidence_id, relation=code("relation", e.relation),
                          status=status, source=_evidence_source(tables, e), when=when, figure=figure,
                          note=tables.shown("verdict_evidence", "note_en", e.note_en)), e.url))
    drift = [(f"{d.drift_id}: {tables.shown('translation_drift', 'change_en', d.change_en)}", d.source_urls)
             for d in tables.translation_drift.itertuples(index=False) if d.sentence_id == claim["sentence_id"]]
    lists = [(say("verdicts.card_evidence"), lines)] + ([(say("verdicts.card_drift"), drift)] if drift else [])
    return Card(say("verdicts.card_title", claim_id=claim_id, verdict=row["verdict"]),
                [say("verdicts.card_why", why=row["why"]), quote], [(say("verdicts.card_flag"), flag)], lists)
