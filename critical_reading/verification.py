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

Lesson 05 turns the tables into a verdict per key claim with :func:`verdicts`
(the rule is documented there) and shows the reasoning with :func:`explain`.

:func:`show` displays any of these tables in full (pandas would cut long cells short).
Cue matching, full-width tables and sentence quotations reuse lesson 01's and 02's
helpers (:mod:`critical_reading.reading`, :mod:`critical_reading.claims`).

Short English labels that a learner sees (statuses, verdicts, reasons) are kept in
the dictionaries at the top of this module, so a translated edition can replace
them in one place.
"""

from __future__ import annotations

import html

import pandas as pd

from .claims import cue_occurrences, labelled, sentence_quote
from .contract import CUE_CATEGORIES, NOT_PARTIES
from .display import MARKERS, PALETTE, TRANSLATION_LABEL, Chart, interactive_view, new_figure
from .errors import AssumptionError
from .reading import TextTable

#: Which parties fight on the same side: the course's judgement, open to discussion (lesson 05).
#: The article reports, from unnamed sources, that North Korea sent its soldiers "under a
#: mutual defence treaty" (sentence s07) without naming the other party; that the treaty is
#: with Russia is the course's inference. The article, reporting Zelensky (s16), describes the
#: North Koreans as sent "to support Russia's war effort".
CAMPS = {"russia": "russia_north_korea", "north_korea": "russia_north_korea", "ukraine": "ukraine"}

#: A claim's status on the verification map: its ``verification``, or ``disclaimer``.
STATUS_LABELS = {
    "flagged_unverified": "flagged as unverified",
    "unflagged": "not flagged",
    "background_fact": "presented as background",
    "disclaimer": "disclaimer",
}
_STATUS_STYLE = {  # colour and marker: never colour alone
    "flagged_unverified": (PALETTE["vermillion"], MARKERS[6]),
    "unflagged": (PALETTE["sky_blue"], MARKERS[0]),
    "background_fact": (PALETTE["green"], MARKERS[1]),
    "disclaimer": (PALETTE["black"], MARKERS[3]),
}

#: Reasons for caution about a claim that no disclaimer covers (see :func:`reasons_for_caution`).
REASON_LABELS = {
    "party": "a party to the conflict or its state media",
    "unnamed": "unnamed source or vague attribution",
    "outlet_own": "the outlet's own unattributed statement",
    "undated": "undated statement",
}

#: Claim types that get a verdict: statements of fact that outside sources could check.
KEY_CLAIM_TYPES = ("event", "figure", "background")

#: The four verdicts, in the order the rule tries them. The last is a statement about the
#: course, not about the claim: the course's sources hold nothing independent that confirms
#: or contradicts it (the claim may well be true).
VERDICTS = ("contested", "corroborated elsewhere", "established background", "unverified by the course's sources")
_CONTESTED, _CORROBORATED, _ESTABLISHED, _UNVERIFIED = VERDICTS

#: Why a claim got its verdict: one line per outcome of the rule in :func:`verdicts`.
WHY = {
    "contested": "an independent outside source contradicts it",
    "corroborated": "independent outside sources agree with it and none contradicts it",
    "background": "presented as background, and an independent outside source confirms it",
    "same_side_only": "only sources on the claimant's side of the conflict, or sources whose "
                      "independence cannot be told, agree with it",
    "context_only": "the outside sources in the dossier bear on it but neither confirm nor contradict it",
    "background_unsourced": "presented as background, but the course dossier holds no outside source for it",
    "flagged_unsourced": "the article itself flags it as unverified, and the course dossier holds no "
                         "outside source for it",
    "unsourced": "the course dossier holds no outside source for it",
}

_EMPTY = "—"


# --------------------------------------------------------------------------- showing tables

def show(frame: pd.DataFrame) -> TextTable:
    """Show a table in full, with its index as the first column.

    pandas shortens long cells, which would hide the end of a claim, a stake or a
    URL; :class:`~critical_reading.reading.TextTable` shows everything. Columns of
    English working translations are labelled as such
    (:func:`~critical_reading.claims.labelled`), and columns ending in ``_vi`` are
    marked as Vietnamese for screen readers.
    """
    shown = labelled(frame.reset_index(drop=frame.index.name is None))
    return TextTable(shown, vietnamese=tuple(c for c in shown.columns if str(c).endswith("_vi")))


# --------------------------------------------------------------------------- finding cues

def find_cues(tables, category: str) -> pd.DataFrame:
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
        raise AssumptionError(f"{category!r} is not a cue category. Choose one of: {', '.join(CUE_CATEGORIES)}.")
    found = cue_occurrences(tables)
    found = found[found["category"] == category].sort_values("start", kind="stable")
    found = found.assign(cue_vi=found["as_written"])
    return found[["sentence_id", "paragraph", "cue_id", "cue_vi", "gloss_en", "start", "end"]].reset_index(drop=True)


def find_disclaimers(tables) -> pd.DataFrame:
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


class MarkedText:
    """Paragraphs of the article with some passages marked, each with its English working translation.

    Marked passages are bold and underlined in a notebook (and highlighted), and
    wrapped in ⟦ ⟧ in plain text, so the marking never rests on colour alone.
    """

    def __init__(self, paragraphs: list[tuple[int, list[tuple[str, bool]], str]]):
        self.paragraphs = paragraphs

    def __repr__(self) -> str:
        lines = []
        for number, segments, english in self.paragraphs:
            vietnamese = "".join(f"⟦{text}⟧" if marked else text for text, marked in segments)
            lines.append(f"¶{number} VI: {vietnamese}\n    EN ({TRANSLATION_LABEL}): {english}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        parts = []
        for number, segments, english in self.paragraphs:
            vietnamese = "".join(
                f'<mark style="background:{PALETTE["yellow"]}"><strong><u>{html.escape(text)}</u></strong></mark>'
                if marked else html.escape(text) for text, marked in segments)
            parts.append(f'<p style="margin:0.6em 0 0.2em"><strong>¶{number}</strong></p>'
                         f'<blockquote lang="vi" style="margin:0.2em 0">{vietnamese}</blockquote>'
                         f'<p style="margin:0 0 0.6em 2.5em"><em>{TRANSLATION_LABEL}:</em> '
                         f'<span lang="en">{html.escape(english)}</span></p>')
        return "".join(parts)


def mark_in_text(tables, found: pd.DataFrame) -> MarkedText:
    """Show the paragraphs that hold the passages in ``found`` (``start``/``end`` offsets), marked.

    ``found`` is what :func:`find_cues` or :func:`find_disclaimers` returns. Each
    paragraph comes with the English working translation of its sentences.
    """
    if found.empty:
        raise AssumptionError("there is nothing to mark: the search found no passage.")
    sentences = tables.sentences
    paragraphs = []
    for number in sorted(found["paragraph"].unique()):
        own = sentences[sentences["paragraph"] == number]
        start, end = int(own["start"].min()), int(own["end"].max())
        spans = sorted((int(a), int(b)) for a, b in found.loc[found["paragraph"] == number, ["start", "end"]].values)
        segments, position = [], start
        for a, b in spans:
            if a < position:  # overlapping matches: mark the union once
                a = position
            if a >= b:
                continue
            segments += [(tables.article[position:a], False), (tables.article[a:b], True)]
            position = b
        segments.append((tables.article[position:end], False))
        paragraphs.append((int(number), [s for s in segments if s[0]], " ".join(own["text_en"])))
    return MarkedText(paragraphs)


def claim_spans(tables, claim_ids) -> pd.DataFrame:
    """Where the quotes of the given claims stand in the article, ready for :func:`mark_in_text`.

    Returns ``claim_id``, ``sentence_id``, ``paragraph``, ``start``, ``end`` (article offsets).
    Raises :class:`~critical_reading.errors.AssumptionError` for an unknown claim_id.
    """
    ids = [claim_ids] if isinstance(claim_ids, str) else list(claim_ids)
    c = _positions(tables)
    unknown = [i for i in ids if i not in c.index]
    if unknown:
        raise AssumptionError(f"there is no claim {unknown[0]!r}; claim ids run from {c.index[0]} to {c.index[-1]}.")
    start = dict(zip(tables.sentences["sentence_id"], tables.sentences["start"]))
    rows = [{"claim_id": i, "sentence_id": c.at[i, "sentence_id"], "paragraph": c.at[i, "paragraph"],
             "start": start[c.at[i, "sentence_id"]] + c.at[i, "place"],
             "end": start[c.at[i, "sentence_id"]] + c.at[i, "place"] + len(c.at[i, "quote_vi"])} for i in ids]
    return pd.DataFrame(rows, columns=["claim_id", "sentence_id", "paragraph", "start", "end"])


# --------------------------------------------------------------------------- scope

def _positions(tables) -> pd.DataFrame:
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


def _names(tables) -> dict:
    return tables.source_names


def _join(values) -> str:
    values = list(values)
    return ", ".join(values) if values else _EMPTY


def disclaimer_scope(tables) -> pd.DataFrame:
    """For each disclaimer: who it names as verifier, which claims it covers, which it leaves out.

    ``covers`` comes from ``claims.flagged_by`` (the course's reading of the scope).
    ``where`` says where the covered claims stand (the same sentence, the sentence
    before …). ``not_covered_nearby`` lists the other claims of the same paragraph
    that come before the disclaimer and that it does not cover: the places where a
    reader must decide how far the disclaimer reaches.
    """
    c = _positions(tables)
    names = _names(tables)
    found = find_disclaimers(tables).drop_duplicates("disclaimer").set_index("disclaimer")
    rows = []
    for claim_id, d in c[c["claim_type"] == "disclaimer"].iterrows():
        covered = c[c["flagged_by"] == claim_id]
        distance = sorted(set(d["order"] - covered["order"]))
        where = [{0: "same sentence", 1: "sentence before"}.get(n, f"{n} sentences before") for n in distance]
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


def scope_by_position(tables, reach: int = 1) -> pd.Series:
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
        raise AssumptionError(f"reach must be a whole number of sentences, 0 or more, not {reach!r}.")
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


def compare_scope(tables, reach: int = 1) -> pd.DataFrame:
    """The mechanical scope rule (:func:`scope_by_position`) beside the course's reading.

    One row for every claim that either covers; ``agree`` is False where they differ.
    """
    by_position = scope_by_position(tables, reach)
    c = tables.claims.set_index("claim_id").loc[by_position.index]
    names = _names(tables)
    reading = c["flagged_by"].astype("string")
    keep = by_position.notna() | reading.notna()
    table = pd.DataFrame({
        "sentence_id": c["sentence_id"], "claimant": c["source_id"].map(names), "claim_en": c["claim_en"],
        f"by_position_reach_{reach}": by_position.fillna(_EMPTY), "course_reading": reading.fillna(_EMPTY),
    })[keep]
    table["agree"] = table.iloc[:, 3] == table["course_reading"]
    return table


def scope_view(tables, reach: int = 1):
    """A slider for the reach of the mechanical scope rule, above :func:`compare_scope`'s table."""
    import ipywidgets as widgets

    slider = widgets.IntSlider(value=reach, min=0, max=3, description="reach")
    return interactive_view(lambda reach: show(compare_scope(tables, reach)), reach=slider)


# --------------------------------------------------------------------------- unflagged claims

def claim_status(tables) -> pd.Series:
    """Each claim's status for the map: its ``verification``, or ``disclaimer`` for a disclaimer."""
    c = tables.claims.set_index("claim_id")
    status = c["verification"].where(c["claim_type"] != "disclaimer", "disclaimer")
    return status.rename("status")


def reasons_for_caution(tables) -> pd.DataFrame:
    """For each claim that is not a disclaimer, the reasons a careful reader has for caution.

    Each reason is a True/False column, worked out from the tables:

    - ``party``: the claimant is a party to the conflict (``sources.side``), which
      includes its state media;
    - ``unnamed``: the claimant is not named (``sources.named``) or the claim is
      attributed with a vague cue (``cues_vi`` category ``vague_attribution``);
    - ``outlet_own``: the outlet says it in its own voice, attributed to no one
      (no ``relayed_by``, claimant a news outlet or agency);
    - ``undated``: the article gives no date for the statement (``time_expressions``).

    ``reasons`` counts them. ``status`` is the claim's verification.
    """
    c = tables.claims[tables.claims["claim_type"] != "disclaimer"].set_index("claim_id")
    s = tables.sources.set_index("source_id")
    vague = {cue.casefold() for cue in tables.cues_vi.loc[tables.cues_vi["category"] == "vague_attribution", "cue_vi"]}
    undated = set(tables.time_expressions.loc[tables.time_expressions["rule"] == "undated", "sentence_id"])
    table = pd.DataFrame({
        "claimant": c["source_id"].map(s["name_en"]),
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


def unflagged_claims(tables) -> pd.DataFrame:
    """Claims that no disclaimer covers and that are not presented as background, with their reasons for caution."""
    table = reasons_for_caution(tables)
    return table[table["status"] == "unflagged"].drop(columns="status")


def verification_table(tables) -> pd.DataFrame:
    """One row per claim, in reading order: paragraph, claimant, claim, status, covering disclaimer, reasons.

    A table to project in class. ``covered_by`` gives the disclaimer's claim_id
    and the English gloss of its cue.
    """
    c = _positions(tables)
    names = _names(tables)
    gloss = find_disclaimers(tables).drop_duplicates("disclaimer").set_index("disclaimer")["gloss_en"]
    reasons = reasons_for_caution(tables)
    listed = {i: _join(REASON_LABELS[r] for r in REASON_LABELS if reasons.at[i, r]) for i in reasons.index}
    status = claim_status(tables)
    return pd.DataFrame({
        "paragraph": c["paragraph"], "claimant": c["source_id"].map(names), "claim_en": c["claim_en"],
        "status": status.map(STATUS_LABELS),
        "covered_by": [f"{d}: {gloss.get(d, _EMPTY)}" if pd.notna(d) else _EMPTY for d in c["flagged_by"]],
        "reasons_for_caution": [listed.get(i, _EMPTY) for i in c.index],
    })


def paragraph_summary(tables) -> pd.DataFrame:
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


def status_counts(tables) -> pd.DataFrame:
    """How many claims have each status on the verification map, and which, in the order of :data:`STATUS_LABELS`.

    The ``disclaimer`` row counts the disclaimers themselves; the
    ``flagged as unverified`` row counts the claims they cover.
    """
    status = claim_status(tables)
    rows = [{"status": label, "claims": int((status == key).sum()), "claim_ids": _join(status.index[status == key])}
            for key, label in STATUS_LABELS.items()]
    return pd.DataFrame(rows).set_index("status")


def verification_map(tables) -> Chart:
    """The verification map: one marker per claim, paragraph by paragraph, shaped and coloured by status.

    Returns a :class:`~critical_reading.display.Chart` whose description lists
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
        described.append(f"{label} ({len(own)}): " + _join(f"{i} in ¶{p}" for i, p in own["paragraph"].items()))
    axes.set_yticks(paragraphs, [f"¶{p}" for p in paragraphs])
    axes.set_ylim(max(paragraphs) + 0.7, min(paragraphs) - 0.7)
    axes.set_xlim(0.5, c["x"].max() + 0.9)
    axes.set_xticks(range(1, int(c["x"].max()) + 1))
    axes.set_xlabel("claims in reading order within the paragraph")
    axes.set_ylabel("paragraph")
    axes.set_title("Verification map of the article")
    axes.legend(loc="lower right", fontsize=8, frameon=True)
    alt = (f"Verification map: {len(c)} claims in {len(paragraphs)} paragraphs (¶{max(paragraphs)} is the source line), "
           "one marker per claim in reading order. " + "; ".join(described) + ".")
    return Chart(figure, alt)


def claimant_stakes(tables) -> pd.DataFrame:
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
        rows.append({"claimant": s.at[source_id, "name_en"], "kind": s.at[source_id, "kind"],
                     "side": s.at[source_id, "side"], "named": bool(s.at[source_id, "named"]),
                     "claims_excluding_disclaimers": len(ordinary),
                     "flagged": int((status == "flagged_unverified").sum()),
                     "unflagged_non_background": int((status == "unflagged").sum()),
                     "background": int((status == "background_fact").sum()),
                     "disclaimers": len(own) - len(ordinary), "stake_en": s.at[source_id, "stake_en"]})
    return pd.DataFrame(rows).set_index("claimant")


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


def _quantity_text(row) -> str:
    word = {"about": "about ", "more_than": "more than ", "up_to": "up to "}.get(row["qualifier"], "")
    return f"{word}{float(row['value']):,.0f} ({row['definition']})"


def evidence(tables) -> pd.DataFrame:
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
    source = est.loc[ids, "source"].to_numpy()
    via = est.loc[ids, "via"].to_numpy()
    ev.loc[has, "source_en"] = [f"{s} (via {v})" if pd.notna(v) else s for s, v in zip(source, via)]
    for column, origin in (("side", "side"), ("date", "date"), ("url", "url")):
        ev.loc[has, column] = est.loc[ids, origin].to_numpy()
    ev["figure"] = _EMPTY
    ev.loc[has, "figure"] = [_quantity_text(est.loc[i]) for i in ids]
    claimant_side = ev["claim_id"].map(tables.claims.set_index("claim_id")["source_id"]).map(
        tables.sources.set_index("source_id")["side"])
    ev["independent"] = [independent(a, b) for a, b in zip(claimant_side, ev["side"])]
    ev["after_article"] = ev["date"].dt.date > tables.publication_date
    return ev[["evidence_id", "claim_id", "relation", "estimate_id", "source_en", "side", "date", "figure",
               "independent", "after_article", "url", "note_en"]]


def verdicts(tables, evidence_table: pd.DataFrame | None = None) -> pd.DataFrame:
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
    names = _names(tables)
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
    axes.set_xlabel("key claims")
    axes.set_title("Verdicts on the article's key claims")
    alt = (f"Bar chart of verdicts on {len(table)} key claims: "
           + "; ".join(f"{v}: {n} ({ids})" for v, n, ids in counts.itertuples()) + ".")
    return Chart(figure, alt)


class VerdictCard:
    """One claim's verdict and the reasoning behind it, for a notebook (HTML) or plain text."""

    def __init__(self, claim_id, verdict, why, quote, flag, evidence_lines, drift_lines):
        self.claim_id, self.verdict, self.why, self.quote = claim_id, verdict, why, quote
        self.flag, self.evidence_lines, self.drift_lines = flag, evidence_lines, drift_lines

    def __repr__(self) -> str:
        lines = [f"{self.claim_id}: {self.verdict} — {self.why}", repr(self.quote), f"Article's own flag: {self.flag}"]
        lines += ["Outside evidence:"] + [f"  - {text} <{url}>" for text, url in self.evidence_lines]
        if not self.evidence_lines:
            lines.append(f"  {_EMPTY}")
        lines += [f"Translation drift: {text} <{url}>" for text, url in self.drift_lines]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        def item(text, url):
            links = " ".join(f'<a href="{html.escape(u, quote=True)}">{html.escape(u)}</a>' for u in url.split())
            return f"<li>{html.escape(text)} {links}</li>"

        items = "".join(item(t, u) for t, u in self.evidence_lines) or f"<li>{_EMPTY}</li>"
        drift = "".join(item(t, u) for t, u in self.drift_lines)
        return (f"<h4 style='margin:0.4em 0'>{self.claim_id}: {html.escape(self.verdict)}</h4>"
                f"<p style='margin:0'>{html.escape(self.why)}.</p>{self.quote._repr_html_()}"
                f"<p style='margin:0'><strong>Article's own flag:</strong> {html.escape(self.flag)}</p>"
                f"<p style='margin:0.3em 0 0'><strong>Outside evidence:</strong></p><ul>{items}</ul>"
                + (f"<p style='margin:0'><strong>Translation drift:</strong></p><ul>{drift}</ul>" if drift else ""))


def explain(tables, claim_id: str) -> VerdictCard:
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
    if claim_id not in claims.index:
        raise AssumptionError(f"there is no claim {claim_id!r}. Claims with a verdict: {', '.join(table.index)}.")
    if claim_id not in table.index:
        raise AssumptionError(f"{claim_id} is {claims.at[claim_id, 'claim_type']!r}, and only events, figures and "
                              f"background get a verdict. Try one of: {', '.join(table.index)}.")
    claim, row = claims.loc[claim_id], table.loc[claim_id]
    names = _names(tables)
    chain = claim["relayed_by"].split(">") if pd.notna(claim["relayed_by"]) else []
    who = row["claimant"] + (f" (via {' > '.join(names[i] for i in chain)})" if chain else "")
    quote = sentence_quote(tables, claim["sentence_id"], f"sentence {claim['sentence_id']}, {who}")
    if pd.notna(claim["flagged_by"]):
        d = claims.loc[claim["flagged_by"]]
        flag = f"{claim['flagged_by']}, {names[d['source_id']]}: {d['claim_en']}"
    else:
        flag = _EMPTY
    lines = []
    for e in ev.query("claim_id == @claim_id").itertuples(index=False):
        status = "counted" if e.independent and e.relation != "context" else (
            "not counted: context only" if e.relation == "context" else "not counted: not independent of the claimant")
        when = e.date.date().isoformat() + (", after the article" if e.after_article else "")
        figure = f", {e.figure}" if e.figure != _EMPTY else ""
        lines.append((f"{e.evidence_id} {e.relation} ({status}): {e.source_en}, {when}{figure}. {e.note_en}", e.url))
    drift = [(f"{d.drift_id}: {d.change_en}", d.source_urls)
             for d in tables.translation_drift.itertuples(index=False) if d.sentence_id == claim["sentence_id"]]
    return VerdictCard(claim_id, row["verdict"], row["why"], quote, flag, lines, drift)
