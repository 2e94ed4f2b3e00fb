"""The data contract: every table's columns, types and allowed values, in one place.

``data/README.md`` documents the same contract for people; a test checks that the
two agree. :mod:`critical_reading.data` turns these specifications into pandera
schemas and into the one-line messages a teacher sees when a table is edited.
"""

from __future__ import annotations

from dataclasses import dataclass

from .messages import say

KINDS = ("government", "military", "state_media", "news_agency", "news_outlet",
         "official", "anonymous", "unspecified")
SIDES = ("russia", "ukraine", "north_korea", "none", "unknown")
#: The sides that are parties to the conflict (the rest: ``none`` and ``unknown``).
PARTIES = ("russia", "ukraine", "north_korea")
#: The sides that are not a party, in every article.
NOT_PARTIES = ("none", "unknown")
#: Optional file in an article's folder naming that article's parties (one row each:
#: ``side``, ``name_en``). Without it, the parties are :data:`PARTIES` (the course's article).
SIDES_FILE = "sides.csv"
CLAIM_TYPES = ("event", "figure", "characterisation", "interpretation", "background", "disclaimer")
VERIFICATIONS = ("flagged_unverified", "unflagged", "background_fact")
QUALIFIERS = ("exact", "about", "more_than", "up_to", "vague")
FIGURE_QUANTITIES = ("troops_sent", "killed", "casualties", "share_killed", "engineers",
                     "settlements_closed", "settlements_total")
ESTIMATE_QUANTITIES = ("troops_sent", "troops_additional", "troops_planned", "deminers",
                       "military_builders", "engineers_arrived", "killed", "wounded", "casualties")
UNITS = ("people", "share", "settlements")
CUE_CATEGORIES = ("attribution_verb", "vague_attribution", "perception", "hedge", "disclaimer",
                  "quantity_qualifier")
TIME_RULES = ("absolute", "previous_year", "previous_month", "latest_month", "undated")
#: Where the date of a statement comes from; ``undated``: nowhere, so it may be old.
DATED_BY = ("source_line", "time_expression", "source_notes", "undated")
#: Optional file in a data folder: the learner-facing English of its tables (the columns marked
#: ``translated``) in another language, ``{lang}`` being the language's code (``translations.vi.toml``).
TRANSLATIONS_FILE = "translations.{lang}.toml"


@dataclass(frozen=True)
class Column:
    """One column: its type, whether it may be empty, and what values are allowed.

    ``kind`` is one of ``id`` (unique text), ``text``, ``int``, ``float``, ``bool``
    (``true``/``false``), ``date`` (``YYYY-MM-DD``) or ``date_or_undated``.
    """

    name: str
    kind: str = "text"
    required: bool = True
    allowed: tuple[str, ...] | None = None
    meaning: str = ""
    #: Learner-facing English the other editions show in their own language, from the folder's
    #: :data:`TRANSLATIONS_FILE` (a value with no translation is shown in English).
    translated: bool = False

    def describe_allowed(self) -> str:
        """What a valid value looks like, in words."""
        what = (say("files.allowed.one_of", values=", ".join(self.allowed)) if self.allowed
                else say(f"files.allowed.{self.kind}"))
        return what if self.required else say("files.allowed.or_empty", what=what)


def _cols(*columns: Column) -> tuple[Column, ...]:
    return columns


TABLES: dict[str, tuple[Column, ...]] = {
    "sentences": _cols(
        Column("sentence_id", "id", meaning="s01, s02, … in reading order"),
        Column("paragraph", "int", meaning="1–11 for the paragraphs, 12 for the source line"),
        Column("start", "int", meaning="offset of the first character in article.vi.txt"),
        Column("end", "int", meaning="offset just past the last character"),
        Column("text_vi", meaning="the sentence, exactly as article.vi.txt[start:end]"),
        Column("text_en", meaning="English working translation (the course's own)"),
    ),
    "paragraphs": _cols(
        Column("paragraph", "int", meaning="1–11, and 12 for the source line"),
        Column("topic_en", translated=True, meaning="what the paragraph is about (the course's summary)"),
    ),
    "sources": _cols(
        Column("source_id", "id"),
        Column("name_en", translated=True),
        Column("name_vi", required=False, meaning="how the article names it; empty if it does not"),
        Column("kind", allowed=KINDS),
        Column("side", allowed=SIDES, meaning="party to the conflict"),
        Column("named", "bool", meaning="true if the article names a specific body or person"),
        Column("notes", required=False, translated=True),
        Column("stake_en", translated=True, meaning="what the source stands to gain; mostly the course's inference, "
                                   "labelled as such"),
    ),
    "claims": _cols(
        Column("claim_id", "id"),
        Column("sentence_id", meaning="a sentence_id in sentences.csv"),
        Column("quote_vi", meaning="verbatim substring of the sentence"),
        Column("claim_en", translated=True, meaning="what is claimed, in English (a paraphrase)"),
        Column("source_id", meaning="the claimant: a source_id in sources.csv"),
        Column("relayed_by", required=False,
               meaning="conduits from claimant to Fox, joined by >, e.g. reuters>fox_news"),
        Column("cue_vi", required=False, meaning="the attribution cue, as written in the sentence"),
        Column("claim_type", allowed=CLAIM_TYPES),
        Column("verification", allowed=VERIFICATIONS),
        Column("flagged_by", required=False, meaning="claim_id of the disclaimer that covers it"),
        Column("note_en", required=False, translated=True),
        Column("dated_by", allowed=DATED_BY,
               meaning="where the date of the statement comes from; undated: nowhere, so it may be old"),
    ),
    "figures": _cols(
        Column("figure_id", "id"),
        Column("claim_id", meaning="a claim_id in claims.csv"),
        Column("quantity", allowed=FIGURE_QUANTITIES),
        Column("value", "float", required=False, meaning="the number stated; empty for vague figures"),
        Column("qualifier", allowed=QUALIFIERS),
        Column("low", "float", meaning="lower bound, from the qualifier rule"),
        Column("high", "float", required=False, meaning="upper bound; empty = no upper bound"),
        Column("unit", allowed=UNITS),
        Column("as_of", "date_or_undated", meaning="date of the statement, or undated"),
        Column("source_id", meaning="same as the claim's source_id"),
        Column("hedge_vi", required=False,
               meaning="the speaker's hedge on the figure as written in the quote, e.g. Tôi nghĩ; empty if none"),
        Column("text_vi", meaning="the figure as written in the quote, e.g. khoảng 14.000"),
    ),
    "estimates": _cols(
        Column("estimate_id", "id"),
        Column("date", "date", meaning="when the estimate was published"),
        Column("source", translated=True, meaning="who made the estimate, as the table shows it (a display name)"),
        Column("source_id", meaning="who made the estimate: a source_id in sources.csv"),
        Column("via", required=False, translated=True),
        Column("side", allowed=SIDES, meaning="the source's side in the conflict"),
        Column("quantity", allowed=ESTIMATE_QUANTITIES),
        Column("value", "float"),
        Column("qualifier", allowed=QUALIFIERS),
        Column("low", "float"),
        Column("high", "float", required=False, meaning="empty = no upper bound"),
        Column("definition", translated=True, meaning="what the number counts, as the source put it"),
        Column("url", meaning="where the estimate was found (from the source notes)"),
        Column("note_en", required=False, translated=True),
    ),
    "cues_vi": _cols(
        Column("cue_id", "id"),
        Column("cue_vi"),
        Column("gloss_en"),
        Column("category", allowed=CUE_CATEGORIES),
        Column("strength", "int", required=False,
               meaning="attribution verbs only: 1 neutral … 4 loaded (the course's reading)"),
        Column("qualifier", required=False, allowed=QUALIFIERS,
               meaning="quantity qualifiers only: the qualifier the cue signals"),
        Column("note_en", required=False, translated=True),
    ),
    "time_expressions": _cols(
        Column("time_id", "id"),
        Column("sentence_id"),
        Column("text_vi", required=False, meaning="the expression; empty for an undated statement"),
        Column("text_en", required=False),
        Column("rule", allowed=TIME_RULES),
        Column("resolved_start", "date", required=False),
        Column("resolved_end", "date", required=False),
        Column("note_en", required=False, translated=True),
    ),
    "translation_drift": _cols(
        Column("drift_id", "id"),
        Column("sentence_id"),
        Column("quote_vi", meaning="verbatim substring of the sentence"),
        Column("english_chain_en", translated=True, meaning="what the English chain says (source notes §2)"),
        Column("change_en", translated=True, meaning="what changed, and why it matters"),
        Column("source_urls", meaning="space-separated URLs from the source notes"),
    ),
    "verdict_evidence": _cols(
        Column("evidence_id", "id"),
        Column("claim_id", meaning="the claim the evidence bears on: a claim_id in claims.csv"),
        Column("relation", allowed=("corroborates", "contests", "context"),
               meaning="what the evidence does to the claim (the course's judgement)"),
        Column("estimate_id", required=False,
               meaning="an estimate_id in estimates.csv; empty when the evidence is not an estimate"),
        Column("source_en", required=False, translated=True, meaning="who, when there is no estimate_id"),
        Column("side", required=False, allowed=SIDES, meaning="the source's side, when there is no estimate_id"),
        Column("date", "date", required=False, meaning="when it was published, when there is no estimate_id"),
        Column("url", required=False, meaning="where it was found (from the source notes), when there is no estimate_id"),
        Column("note_en", translated=True, meaning="the reasoning: why it corroborates, contests or only gives context"),
    ),
}
