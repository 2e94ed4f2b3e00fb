"""What is verified, what is flagged, what is not: lessons 04 and 05.

Lesson 04 asks what the article itself says is unverified, and what is unverified
but not flagged:

- :func:`find_cues` and :func:`find_disclaimers` find the article's own
  disclaimers (and any other category of the cue lexicon, ``cues_vi.csv``) and
  return the sentences they occur in; :func:`mark_in_text` shows them (or the
  quotes of chosen claims, :func:`claim_spans`) in the text.
- :func:`disclaimer_scope` lists, for each disclaimer, the claims it covers
  (``claims.flagged_by``, the course's reading) and the claims next to it that it
  does not; :func:`scope_by_position` and :func:`compare_scope` set a mechanical
  rule ("a disclaimer covers what comes just before it") against that reading.
- :func:`reasons_for_caution` and :func:`unflagged_claims` find claims that are
  unverified but carry no disclaimer; :func:`verification_table`,
  :func:`paragraph_summary`, :func:`status_counts` and :func:`verification_map`
  map each claim's status.
- :func:`claimant_stakes` lists what each claimant stands to gain.

Lesson 05's verdicts are in :mod:`critical_reading.verdicts`.
Cue matching reuses lesson 02's :func:`critical_reading.claims.cue_occurrences`; tables are
shown with :func:`critical_reading.render.show`.

Short English labels that a learner sees (statuses, verdicts, reasons) are kept in
the dictionaries at the top of this module, so a translated edition can replace
them in one place.
"""

from __future__ import annotations

import pandas as pd

from .claims import cue_occurrences
from .contract import CUE_CATEGORIES, NOT_PARTIES
from .data import Tables
from .errors import AssumptionError
from .messages import say
from .render import MARKERS, PALETTE, Chart, Quote, Stack, interactive_view, new_figure, show

#: A claim's status on the verification map: its ``verification``, or ``disclaimer``.
STATUS_LABELS = {key: say(f"verification.status.{key}") for key in
                 ("flagged_unverified", "unflagged", "background_fact", "disclaimer")}
_STATUS_STYLE = {  # colour and marker: never colour alone
    "flagged_unverified": (PALETTE["vermillion"], MARKERS[6]),
    "unflagged": (PALETTE["sky_blue"], MARKERS[0]),
    "background_fact": (PALETTE["green"], MARKERS[1]),
    "disclaimer": (PALETTE["black"], MARKERS[3]),
}

#: Reasons for caution about a claim that no disclaimer covers (see :func:`reasons_for_caution`).
REASON_LABELS = {key: say(f"verification.reason.{key}") for key in ("party", "unnamed", "outlet_own", "undated")}

_EMPTY = "—"


# --------------------------------------------------------------------------- finding cues

def find_cues(tables: Tables, category: str) -> pd.DataFrame:
    """Every place in the article where a cue of ``category`` occurs.

    The cues are the rows of ``cues_vi.csv`` in that category (``disclaimer``,
    ``vague_attribution``, ``hedge`` …). The matching is
    :func:`critical_reading.claims.cue_occurrences`: whole words, upper and lower
    case alike, the longer cue first where two overlap. Returns one row per match,
    in reading order: ``sentence_id``, ``paragraph``, ``cue_id``, ``cue_vi`` (as
    written in the article), ``gloss_en``, and ``start``/``end``, offsets into the
    article as in ``sentences.csv``.

    Raises :class:`~critical_reading.errors.AssumptionError` for an unknown category.
    """
    if category not in CUE_CATEGORIES:
        raise AssumptionError(say("verification.unknown_category", category=category,
                                  allowed=", ".join(CUE_CATEGORIES)))
    found = cue_occurrences(tables)
    found = found[found["category"] == category].sort_values("start", kind="stable")
    found = found.assign(cue_vi=found["as_written"])
    return found[["sentence_id", "paragraph", "cue_id", "cue_vi", "gloss_en", "start", "end"]].reset_index(drop=True)


def find_disclaimers(tables: Tables) -> pd.DataFrame:
    """The article's own disclaimers, found with the cue lexicon, and who makes each.

    Adds to :func:`find_cues`'s columns the ``disclaimer`` (the claim_id of the
    disclaimer row in that sentence), ``voice`` (who makes the disclaimer: the
    claimant's English name) and ``names_verifier`` (True when the sentence names
    who tried to verify; a passive disclaimer names no one).
    """
    found = find_cues(tables, "disclaimer")
    claims = tables.claims[tables.claims["claim_type"] == "disclaimer"]
    sources = tables.sources.set_index("source_id")
    by_sentence = {row.sentence_id: row for row in claims.itertuples(index=False)}
    disclaimer, voice, names = [], [], []
    for sentence_id in found["sentence_id"]:
        row = by_sentence.get(sentence_id)
        disclaimer.append(row.claim_id if row is not None else pd.NA)
        voice.append(sources.at[row.source_id, "name_en"] if row is not None else pd.NA)
        name_vi = sources.at[row.source_id, "name_vi"] if row is not None else pd.NA
        names.append(bool(pd.notna(name_vi) and name_vi in row.quote_vi))
    return found.assign(disclaimer=pd.Series(disclaimer, dtype="string"),
                        voice=pd.Series(voice, dtype="string"), names_verifier=names)


def mark_in_text(tables: Tables, found: pd.DataFrame) -> Stack:
    """Show the paragraphs that hold the passages in ``found`` (``start``/``end`` offsets), marked.

    ``found`` is what :func:`find_cues` or :func:`find_disclaimers` returns. Each
    paragraph comes with the English working translation of its sentences.
    """
    if found.empty:
        raise AssumptionError(say("verification.nothing_to_mark"))
    sentences = tables.sentences
    quotes = []
    for number in sorted(found["paragraph"].unique()):
        own = sentences[sentences["paragraph"] == number]
        start, end = int(own["start"].min()), int(own["end"].max())
        spans = [(int(a) - start, int(b) - start) for a, b in found.loc[found["paragraph"] == number, ["start", "end"]].values]
        quotes.append(Quote(tables.article[start:end], " ".join(own["text_en"]), f"¶{int(number)}", marks=spans))
    return Stack(quotes)


def claim_spans(tables: Tables, claim_ids: str | list[str]) -> pd.DataFrame:
    """Where the quotes of the given claims stand in the article, ready for :func:`mark_in_text`.

    Returns ``claim_id``, ``sentence_id``, ``paragraph``, ``start``, ``end`` (article offsets).
    Raises :class:`~critical_reading.errors.AssumptionError` for an unknown claim_id.
    """
    ids = [claim_ids] if isinstance(claim_ids, str) else list(claim_ids)
    c = _positions(tables)
    unknown = [i for i in ids if i not in c.index]
    if unknown:
        raise AssumptionError(say("verification.unknown_claim", claim_id=unknown[0], first=c.index[0], last=c.index[-1]))
    start = dict(zip(tables.sentences["sentence_id"], tables.sentences["start"]))
    rows = [{"claim_id": i, "sentence_id": c.at[i, "sentence_id"], "paragraph": c.at[i, "paragraph"],
             "start": start[c.at[i, "sentence_id"]] + c.at[i, "place"],
             "end": start[c.at[i, "sentence_id"]] + c.at[i, "place"] + len(c.at[i, "quote_vi"])} for i in ids]
    return pd.DataFrame(rows, columns=["claim_id", "sentence_id", "paragraph", "start", "end"])


# --------------------------------------------------------------------------- scope

def _positions(tables: Tables) -> pd.DataFrame:
    """Claims with their paragraph, sentence order and place within the sentence."""
    s = tables.sentences.reset_index(drop=True)
    order = {sid: i for i, sid in enumerate(s["sentence_id"])}
    text = dict(zip(s["sentence_id"], s["text_vi"]))
    paragraph = dict(zip(s["sentence_id"], s["paragraph"]))
    c = tables.claims.copy()
    c["paragraph"] = c["sentence_id"].map(paragraph).astype(int)
    c["order"] = c["sentence_id"].map(order).astype(int)
    c["place"] = [text[sid].find(quote) for sid, quote in zip(c["sentence_id"], c["quote_vi"])]
    return c.set_index("claim_id")


def _join(values) -> str:
    values = list(values)
    return ", ".join(values) if values else _EMPTY


def disclaimer_scope(tables: Tables) -> pd.DataFrame:
    """For each disclaimer: who it names as verifier, which claims it covers, which it leaves out.

    ``covers`` comes from ``claims.flagged_by`` (the course's reading of the scope).
    ``where`` says where the covered claims stand (the same sentence, the sentence
    before …). ``not_covered_nearby`` lists the other claims of the same paragraph
    that come before the disclaimer and that it does not cover: the places where a
    reader must decide how far the disclaimer reaches.
    """
    c = _positions(tables)
    names = tables.source_names
    found = find_disclaimers(tables).drop_duplicates("disclaimer").set_index("disclaimer")
    rows = []
    for claim_id, d in c[c["claim_type"] == "disclaimer"].iterrows():
        covered = c[c["flagged_by"] == claim_id]
        distance = sorted(set(d["order"] - covered["order"]))
        where = [say("verification.same_sentence") if n == 0 else say("verification.sentence_before") if n == 1
                 else say("verification.sentences_before", n=n) for n in distance]
        before = c[(c["paragraph"] == d["paragraph"]) & (c["claim_type"] != "disclaimer")
                   & ((c["order"] < d["order"]) | ((c["order"] == d["order"]) & (c["place"] < d["place"])))]
        left_out = [i for i in before.index if i not in covered.index]
        named = claim_id in found.index and bool(found.at[claim_id, "names_verifier"])
        rows.append({"disclaimer": claim_id, "sentence_id": d["sentence_id"], "paragraph": d["paragraph"],
                     "cue_vi": found.at[claim_id, "cue_vi"] if claim_id in found.index else _EMPTY,
                     "gloss_en": found.at[claim_id, "gloss_en"] if claim_id in found.index else _EMPTY,
                     "verifier_named": names[d["source_id"]] if named else _EMPTY,
                     "covers": _join(covered.index), "where": _join(where),
                     "claimants_covered": _join(dict.fromkeys(names[s] for s in covered["source_id"])),
                     "not_covered_nearby": _join(left_out)})
    return pd.DataFrame(rows).set_index("disclaimer")


def scope_by_position(tables: Tables, reach: int = 1) -> pd.Series:
    """A mechanical scope rule: which disclaimer would cover each claim by position alone.

    A disclaimer covers every claim before it in its own sentence and in the
    ``reach`` sentences before it, within its paragraph; a claim within reach of
    two disclaimers goes to the nearer (the first one after it). Disclaimers cover
    no other disclaimer. Returns, for every claim that is not a disclaimer, the
    claim_id of its disclaimer, or ``<NA>``.

    The rule reads position only, not meaning: compare it with the course's reading
    (``claims.flagged_by``) using :func:`compare_scope`.
    """
    if isinstance(reach, bool) or not isinstance(reach, int) or reach < 0:
        raise AssumptionError(say("verification.bad_reach", reach=reach))
    c = _positions(tables)
    claims = c[c["claim_type"] != "disclaimer"]
    scope = pd.Series(pd.NA, index=claims.index, dtype="string", name="by_position")
    for claim_id, d in c[c["claim_type"] == "disclaimer"].sort_values(["order", "place"]).iterrows():
        same = (claims["order"] == d["order"]) & (claims["place"] < d["place"])
        earlier = (claims["order"] < d["order"]) & (claims["order"] >= d["order"] - reach)
        reached = claims.index[(claims["paragraph"] == d["paragraph"]) & (same | earlier)]
        free = [i for i in reached if pd.isna(scope[i])]
        scope[free] = claim_id
    return scope


def compare_scope(tables: Tables, reach: int = 1) -> pd.DataFrame:
    """The mechanical scope rule (:func:`scope_by_position`) beside the course's reading.

    One row for every claim that either covers; ``agree`` is False where they differ.
    """
    by_position = scope_by_position(tables, reach)
    c = tables.claims.set_index("claim_id").loc[by_position.index]
    names = tables.source_names
    reading = c["flagged_by"].astype("string")
    keep = by_position.notna() | reading.notna()
    table = pd.DataFrame({
        "sentence_id": c["sentence_id"], "claimant": c["source_id"].map(names), "claim_en": c["claim_en"],
        f"by_position_reach_{reach}": by_position.fillna(_EMPTY), "course_reading": reading.fillna(_EMPTY),
    })[keep]
    table["agree"] = table.iloc[:, 3] == table["course_reading"]
    return table


def scope_view(tables: Tables, reach: int = 1) -> object:
    """A slider for the reach of the mechanical scope rule, above :func:`compare_scope`'s table."""
    import ipywidgets as widgets

    slider = widgets.IntSlider(value=reach, min=0, max=3, description="reach")
    return interactive_view(lambda reach: show(compare_scope(tables, reach)), reach=slider)


# --------------------------------------------------------------------------- unflagged claims

def claim_status(tables: Tables) -> pd.Series:
    """Each claim's status for the map: its ``verification``, or ``disclaimer`` for a disclaimer."""
    c = tables.claims.set_index("claim_id")
    status = c["verification"].where(c["claim_type"] != "disclaimer", "disclaimer")
    return status.rename("status")


def reasons_for_caution(tables: Tables) -> pd.DataFrame:
    """For each claim that is not a disclaimer, the reasons a careful reader has for caution.

    Each reason is a True/False column, worked out from the tables:

    - ``party``: the claimant is a party to the conflict (``sources.side``), which
      includes its state media;
    - ``unnamed``: the claimant is not named (``sources.named``) or the claim is
      attributed with a vague cue (``cues_vi`` category ``vague_attribution``);
    - ``outlet_own``: the outlet says it in its own voice, attributed to no one
      (no ``relayed_by``, claimant a news outlet);
    - ``undated``: the article gives no date for the statement (``time_expressions``).

    ``reasons`` counts them. ``status`` is the claim's verification.
    """
    c = tables.claims[tables.claims["claim_type"] != "disclaimer"].set_index("claim_id")
    s = tables.sources.set_index("source_id")
    vague = {cue.casefold() for cue in tables.cues_vi.loc[tables.cues_vi["category"] == "vague_attribution", "cue_vi"]}
    undated = set(tables.time_expressions.loc[tables.time_expressions["rule"] == "undated", "sentence_id"])
    table = pd.DataFrame({
        "claimant": c["source_id"].map(tables.source_names),
        "claim_en": c["claim_en"],
        "status": c["verification"],
        "party": ~c["source_id"].map(s["side"]).isin(NOT_PARTIES),
        "unnamed": ~c["source_id"].map(s["named"]).astype(bool)
                   | c["cue_vi"].fillna("").str.casefold().isin(vague),
        "outlet_own": c["relayed_by"].isna() & c["source_id"].map(s["kind"]).isin(["news_outlet", "news_agency"]),
        "undated": c["sentence_id"].isin(undated),
    })
    table["reasons"] = table[list(REASON_LABELS)].sum(axis=1).astype(int)
    return table


def unflagged_claims(tables: Tables) -> pd.DataFrame:
    """Claims that no disclaimer covers and that are not presented as background, with their reasons for caution."""
    table = reasons_for_caution(tables)
    return table[table["status"] == "unflagged"].drop(columns="status")


def verification_table(tables: Tables) -> pd.DataFrame:
    """One row per claim, in reading order: paragraph, claimant, claim, status, covering disclaimer, reasons.

    A table to project in class. ``covered_by`` gives the disclaimer's claim_id
    and the English gloss of its cue.
    """
    c = _positions(tables)
    names = tables.source_names
    found = find_disclaimers(tables).drop_duplicates("disclaimer").set_index("disclaimer")
    cue = {d: say("verification.covered_by", disclaimer=d, cue=row.cue_vi, gloss=row.gloss_en)
           for d, row in found.iterrows()}
    reasons = reasons_for_caution(tables)
    listed = {i: _join(REASON_LABELS[r] for r in REASON_LABELS if reasons.at[i, r]) for i in reasons.index}
    status = claim_status(tables)
    return pd.DataFrame({
        "paragraph": c["paragraph"], "claimant": c["source_id"].map(names), "claim_en": c["claim_en"],
        "status": status.map(STATUS_LABELS),
        "covered_by": [cue.get(d, f"{d}: {_EMPTY}") if pd.notna(d) else _EMPTY for d in c["flagged_by"]],
        "reasons_for_caution": [listed.get(i, _EMPTY) for i in c.index],
    })


def paragraph_summary(tables: Tables) -> pd.DataFrame:
    """Per paragraph: its topic, then the claim_ids of each status (the verification map as a table)."""
    c = _positions(tables)
    status = claim_status(tables)
    rows = []
    for p in tables.paragraphs.sort_values("paragraph").itertuples(index=False):
        own = c.index[c["paragraph"] == p.paragraph]
        row = {"paragraph": int(p.paragraph), "topic_en": p.topic_en}
        for key, label in STATUS_LABELS.items():
            row[label] = _join(i for i in own if status[i] == key)
        rows.append(row)
    return pd.DataFrame(rows).set_index("paragraph")


def status_counts(tables: Tables) -> pd.DataFrame:
    """How many claims have each status on the verification map, and which, in the order of :data:`STATUS_LABELS`.

    The ``disclaimer`` row counts the disclaimers themselves; the
    ``flagged as unverified`` row counts the claims they cover.
    """
    status = claim_status(tables)
    rows = [{"status": label, "claims": int((status == key).sum()), "claim_ids": _join(status.index[status == key])}
            for key, label in STATUS_LABELS.items()]
    return pd.DataFrame(rows).set_index("status")


def verification_map(tables: Tables) -> Chart:
    """The verification map: one marker per claim, paragraph by paragraph, shaped and coloured by status.

    Returns a :class:`~critical_reading.render.Chart` whose description lists
    every claim of every status, generated from the same data.
    """
    c = _positions(tables).sort_values(["order", "place"])
    status = claim_status(tables)
    c["x"] = c.groupby("paragraph").cumcount() + 1
    paragraphs = sorted(tables.paragraphs["paragraph"])
    figure, axes = new_figure(9, 5.5)
    described = []
    for key, label in STATUS_LABELS.items():
        own = c[status[c.index] == key]
        colour, marker = _STATUS_STYLE[key]
        axes.scatter(own["x"], own["paragraph"], s=90, color=colour, marker=marker, edgecolor="black",
                     linewidth=0.6, label=f"{label} ({len(own)})", zorder=3)
        for claim_id, row in own.iterrows():
            axes.annotate(claim_id, (row["x"], row["paragraph"]), xytext=(7, -3), textcoords="offset points",
                          fontsize=8)
        described.append(say("verification.map_part", status=label, count=len(own), claims=_join(
            say("verification.map_claim", claim_id=i, paragraph=p) for i, p in own["paragraph"].items())))
    axes.set_yticks(paragraphs, [f"¶{p}" for p in paragraphs])
    axes.set_ylim(max(paragraphs) + 0.7, min(paragraphs) - 0.7)
    axes.set_xlim(0.5, c["x"].max() + 0.9)
    axes.set_xticks(range(1, int(c["x"].max()) + 1))
    axes.set_xlabel(say("verification.map_xlabel"))
    axes.set_ylabel(say("verification.map_ylabel"))
    axes.set_title(say("verification.map_title"))
    axes.legend(loc="lower right", fontsize=8, frameon=True)
    alt = say("verification.map_alt", claims=len(c), paragraphs=len(paragraphs), last=max(paragraphs),
              parts="; ".join(described))
    return Chart(figure, alt)


def claimant_stakes(tables: Tables) -> pd.DataFrame:
    """Each claimant, in order of first appearance, with its side, its claims and what it stands to gain.

    ``stake_en`` comes from ``sources.csv``; most of it is the course's inference
    and says so. The counts, each named for exactly what it counts:

    - ``claims_excluding_disclaimers``: the claimant's claims other than disclaimers,
      which split into
    - ``flagged``: those a disclaimer covers (``flagged_unverified``),
    - ``unflagged_non_background``: those no disclaimer covers that are not
      presented as background (the claims of :func:`unflagged_claims`),
    - ``background``: those presented as background, which no disclaimer covers either;
    - ``disclaimers``: the disclaimers it makes.

    The claims table counts disclaimers as claims (lesson 02 does too), so a
    claimant's rows there number ``claims_excluding_disclaimers + disclaimers``.
    """
    c = _positions(tables).sort_values(["order", "place"])
    s = tables.sources.set_index("source_id")
    rows = []
    for source_id in dict.fromkeys(c["source_id"]):
        own = c[c["source_id"] == source_id]
        ordinary = own[own["claim_type"] != "disclaimer"]
        status = ordinary["verification"]
        rows.append({"claimant": tables.source_name(source_id), "kind": s.at[source_id, "kind"],
                     "side": s.at[source_id, "side"], "named": bool(s.at[source_id, "named"]),
                     "claims_excluding_disclaimers": len(ordinary),
                     "flagged": int((status == "flagged_unverified").sum()),
                     "unflagged_non_background": int((status == "unflagged").sum()),
                     "background": int((status == "background_fact").sum()),
                     "disclaimers": len(own) - len(ordinary), "stake_en": s.at[source_id, "stake_en"]})
    return pd.DataFrame(rows).set_index("claimant")
