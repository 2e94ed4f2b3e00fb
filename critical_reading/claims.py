"""Who claims what: claimants, conduits, attribution cues and the article highlighter.

The helpers behind lesson 02. The lesson itself teaches pandas on the claims
table (select, filter, ``value_counts``, ``groupby``, ``merge``); what is reused
by several cells or needs care lives here:

- :func:`claims_with_sources` joins each claim to its claimant's row in ``sources``;
- :func:`with_chains` adds each claim's chain of publication and counts its
  conduits and hands (with :func:`critical_reading.reading.chain_of`, which ends
  every chain with the unnamed Vietnamese outlet that ``relayed_by`` leaves implicit);
- :func:`cue_matches` and :func:`cue_occurrences` find the Vietnamese cue words of
  ``cues_vi.csv`` in the article as whole words, longest first, so that the
  ``cho biết`` inside ``Báo cáo cũng cho biết`` is not counted as a bare ``cho biết``;
- :func:`attribution_ladder` and :func:`ladder_chart` put the attribution verbs on
  the course's strength ladder (1 neutral … 4 loaded: the course's reading, not a
  rule of Vietnamese) with the article's own uses counted;
- :func:`highlight_claims` and :func:`claim_highlighter` show the article with the
  sentences of one claimant, side or claim type marked by ``▶`` and a text label.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from .contract import CLAIM_TYPES, SIDES
from .data import Tables
from .errors import AssumptionError
from .messages import code, say
from .reading import ARROW, chain_of
from .render import MARKERS, PALETTE, Chart, MarkedSentences, interactive_view, new_figure

#: The value a filter of :func:`highlight_claims` takes to mean "no filter".
ANY = "any"

#: Names of the steps of the strength ladder (``cues_vi.strength``; the course's reading).
STRENGTH_NAMES = {1: "claims.strength_1", 2: "", 3: "", 4: "claims.strength_4"}
_STRENGTH_COLOURS = {1: PALETTE["sky_blue"], 2: PALETTE["green"], 3: PALETTE["orange"], 4: PALETTE["vermillion"]}
_STRENGTH_HATCHES = {1: "", 2: "//", 3: "xx", 4: "**"}


# --------------------------------------------------------------------------- claimants and conduits

def claims_with_sources(tables: Tables) -> pd.DataFrame:
    """Each claim with its claimant's ``name_en``, ``kind``, ``side`` and ``named``.

    A left join of ``claims`` with ``sources`` on ``source_id``; every claim keeps
    exactly one row (the data checks guarantee each claimant exists).
    """
    who = tables.sources[["source_id", "name_en", "kind", "side", "named"]]
    return tables.claims.merge(who, on="source_id", how="left", validate="many_to_one")


def with_chains(tables: Tables, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """A copy of ``claims`` (default ``tables.claims``) with ``chain``, ``conduits`` and ``hands``.

    The chain comes from :func:`critical_reading.reading.chain_of`: the claimant,
    the conduits of ``relayed_by``, then the unnamed Vietnamese outlet, which
    ``relayed_by`` leaves implicit. ``chain`` is written with arrows
    (``zelensky → fox_news → vn_outlet``); ``conduits`` counts who passed the claim
    on (the Vietnamese outlet included); ``hands`` counts everyone who held it,
    claimant included, as lesson 01 does. So a claim in Fox's own voice has 1
    conduit and 2 hands, and the source line 0 and 1. ``claims`` needs ``claim_id``.
    """
    claims = tables.claims if claims is None else claims
    if "claim_id" not in claims.columns:
        raise AssumptionError(say("claims.no_claim_id"))
    chains = [chain_of(tables, claim_id) for claim_id in claims["claim_id"]]
    out = claims.copy()
    out["chain"] = pd.array([ARROW.join(chain) for chain in chains], dtype="string")
    out["conduits"] = pd.array([len(chain) - 1 for chain in chains], dtype="Int64")
    out["hands"] = pd.array([len(chain) for chain in chains], dtype="Int64")
    return out


# --------------------------------------------------------------------------- cue words

@dataclass(frozen=True)
class CueMatch:
    """One cue found in a text: where (``start``/``end``, end exclusive) and which (``cue_id``)."""

    start: int
    end: int
    cue_id: str


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def cue_matches(text: str, cues: pd.DataFrame) -> list[CueMatch]:
    """Every cue of ``cues`` (columns ``cue_id``, ``cue_vi``) written in ``text``.

    The search is careful in three ways a plain ``str.contains`` is not:

    - whole words only: a cue must not start or end inside a word;
    - longest first: where cues overlap, the longer one wins, so
      ``Báo cáo cũng cho biết`` (the report also said) is one vague attribution,
      not also a bare ``cho biết`` (said);
    - upper and lower case alike (``Theo báo cáo`` opens a sentence), with both
      sides compared in Unicode NFC form, the form of the course's data.

    Offsets are into ``text`` (which the course keeps in NFC form).

    >>> cues = pd.DataFrame({"cue_id": ["q01", "q12"], "cue_vi": ["cho biết", "Báo cáo cũng cho biết"]})
    >>> [m.cue_id for m in cue_matches("Báo cáo cũng cho biết X. Nga cho biết Y.", cues)]
    ['q12', 'q01']
    """
    if not len(cues):
        return []
    entries = sorted(zip(cues["cue_id"], cues["cue_vi"]), key=lambda e: -len(e[1]))
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(f"({re.escape(_nfc(cue))})" for _, cue in entries) + r")(?!\w)",
                         re.IGNORECASE)
    found = []
    for match in pattern.finditer(_nfc(text)):
        which = match.lastindex - 1  # the group that matched: alternatives are in entries' order
        found.append(CueMatch(match.start(), match.end(), entries[which][0]))
    return found


def cue_occurrences(tables: Tables) -> pd.DataFrame:
    """Every cue of ``cues_vi.csv`` written in the article: one row per occurrence.

    Columns: ``sentence_id``, ``paragraph``, ``start``, ``end`` (offsets into the
    article, so ``tables.article[start:end]`` is ``as_written``), ``as_written``
    (the words as the article writes them), then ``cue_id``, ``cue_vi``,
    ``gloss_en``, ``category`` and ``strength`` from ``cues_vi``. All categories
    are searched together (see :func:`cue_matches`), so filter the result by
    ``category`` afterwards rather than searching one category alone.
    """
    cues = tables.cues_vi
    rows = []
    for sentence in tables.sentences.itertuples(index=False):
        for match in cue_matches(sentence.text_vi, cues):
            rows.append({"sentence_id": sentence.sentence_id, "paragraph": sentence.paragraph,
                         "start": sentence.start + match.start, "end": sentence.start + match.end,
                         "as_written": sentence.text_vi[match.start:match.end], "cue_id": match.cue_id})
    found = pd.DataFrame(rows, columns=["sentence_id", "paragraph", "start", "end", "as_written", "cue_id"])
    found = found.astype({"sentence_id": "string", "paragraph": "Int64", "start": "Int64", "end": "Int64",
                          "as_written": "string", "cue_id": "string"})
    details = cues[["cue_id", "cue_vi", "gloss_en", "category", "strength"]]
    return found.merge(details, on="cue_id", how="left", validate="many_to_one")


def attribution_ladder(tables: Tables) -> pd.DataFrame:
    """The attribution verbs of ``cues_vi.csv``, weakest first, with the article's uses.

    One row per verb (``category == "attribution_verb"``), sorted by ``strength``
    (1 neutral … 4 loaded: the course's reading) and then by ``cue_id``. Columns:
    ``strength``, ``cue_id``, ``cue_vi``, ``gloss_en``, and two counts that answer
    different questions:

    - ``claims``: how many claims the claims table attributes with this verb
      (``claims.cue_vi``, compared without regard to case); one verb can
      introduce several claims;
    - ``in_text``: how many times the article writes the verb as a whole cue
      (:func:`cue_occurrences`), so a verb inside a longer cue is not counted.
    """
    cues = tables.cues_vi
    verbs = cues[cues["category"] == "attribution_verb"][["strength", "cue_id", "cue_vi", "gloss_en"]]
    written = tables.claims["cue_vi"].dropna().map(lambda c: _nfc(c).casefold())
    in_claims = written.value_counts()
    in_text = cue_occurrences(tables)["cue_id"].value_counts()
    ladder = verbs.copy()
    ladder["claims"] = [int(in_claims.get(_nfc(c).casefold(), 0)) for c in ladder["cue_vi"]]
    ladder["in_text"] = [int(in_text.get(i, 0)) for i in ladder["cue_id"]]
    ladder = ladder.astype({"claims": "Int64", "in_text": "Int64"})
    return ladder.sort_values(["strength", "cue_id"]).reset_index(drop=True)


def _strength_name(strength: int) -> str:
    key = STRENGTH_NAMES.get(strength, "")
    return say(key) if key else ""


def _plural(n: int) -> str:
    return "" if n == 1 else "s"


def ladder_alt_text(ladder: pd.DataFrame) -> str:
    """A text description of :func:`ladder_chart`, generated from the same table."""
    parts = []
    for strength, group in ladder.groupby("strength", sort=True):
        verbs = "; ".join(say("claims.ladder_verb", cue=r.cue_vi, gloss=r.gloss_en, claims=r.claims,
                              claims_plural=_plural(r.claims), times=r.in_text, times_plural=_plural(r.in_text))
                          for r in group.itertuples(index=False))
        name = _strength_name(int(strength))
        parts.append(say("claims.ladder_step", strength=strength, name=f" ({name})" if name else "", verbs=verbs))
    unused = ladder[(ladder["claims"] == 0) & (ladder["in_text"] == 0)]["cue_vi"].tolist()
    tail = say("claims.ladder_unused", cues=", ".join(unused)) if unused else ""
    return say("claims.ladder_alt", steps=" ".join(parts), unused=tail)


def ladder_chart(ladder: pd.DataFrame) -> Chart:
    """The strength ladder as a horizontal bar chart, with its text description.

    ``ladder`` is :func:`attribution_ladder`'s table. One row per verb, strength 1
    at the bottom and 4 at the top; the bar is the number of claims the verb
    introduces, a black diamond the number of times it is written. Each strength
    has its own Okabe–Ito colour *and* hatch, and every bar carries its numbers
    as text, so nothing rests on colour alone.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    figure, axes = new_figure(8, 0.45 * len(ladder) + 1.6)
    positions = list(range(len(ladder)))
    for y, row in zip(positions, ladder.itertuples(index=False)):
        level = int(row.strength)
        axes.barh(y, row.claims, color=_STRENGTH_COLOURS.get(level, PALETTE["black"]),
                  hatch=_STRENGTH_HATCHES.get(level, ""), edgecolor="#333333", height=0.7)
        axes.plot(row.in_text, y, marker=MARKERS[3], color=PALETTE["black"], linestyle="none", markersize=7)
        axes.annotate(say("claims.ladder_bar", claims=row.claims, plural=_plural(row.claims), times=row.in_text),
                      (max(row.claims, row.in_text), y),
                      xytext=(8, 0), textcoords="offset points", va="center", fontsize=9)
    axes.set_yticks(positions, [say("claims.ladder_tick", strength=int(r.strength), cue=r.cue_vi, gloss=r.gloss_en)
                                for r in ladder.itertuples()])
    axes.set_xlabel(say("claims.ladder_xlabel"))
    axes.set_title(say("claims.ladder_title"))
    axes.grid(True, axis="x", color="#dddddd", linewidth=0.8)
    axes.grid(False, axis="y")
    top = int(max(ladder["claims"].max(), ladder["in_text"].max(), 1))
    axes.set_xlim(0, top * 1.45 + 1)
    handles = [Patch(facecolor=_STRENGTH_COLOURS[s], hatch=_STRENGTH_HATCHES[s], edgecolor="#333333",
                     label=say("claims.ladder_legend_strength", strength=s,
                               name=f": {_strength_name(s)}" if _strength_name(s) else ""))
               for s in sorted(STRENGTH_NAMES)]
    handles.append(Line2D([], [], marker=MARKERS[3], color=PALETTE["black"], linestyle="none",
                          label=say("claims.ladder_legend_written")))
    axes.legend(handles=handles, loc="upper right", fontsize=8, frameon=True)
    axes.xaxis.get_major_locator().set_params(integer=True)
    return Chart(figure, ladder_alt_text(ladder))


# --------------------------------------------------------------------------- the highlighter

@dataclass
class Highlighted:
    """The article, sentence by sentence, with the chosen claims marked.

    ``rows`` has one dict per sentence (``sentence_id``, ``paragraph``, ``text_vi``,
    ``text_en``, ``marks``: a list of ``(claim_id, source_id, start, end)`` with
    offsets into the sentence). ``selection`` says in words what was chosen.

    In a notebook it shows as a table (Vietnamese, English working translation),
    each marked sentence opening with ``▶`` and a label such as
    ``[c08 · sk_ua_western_sources]`` and the claim's words marked (:mod:`critical_reading.render`);
    ``repr`` gives the same as plain text, so nothing rests on colour.
    """

    selection: str
    rows: list[dict] = field(default_factory=list)

    @property
    def claim_ids(self) -> list[str]:
        """The marked claims, in reading order."""
        return [m[0] for row in self.rows for m in row["marks"]]

    @property
    def sentence_ids(self) -> list[str]:
        """The sentences holding at least one marked claim."""
        return [row["sentence_id"] for row in self.rows if row["marks"]]

    def summary(self) -> str:
        """One line: what is marked, and how many claims in how many sentences."""
        n, s = len(self.claim_ids), len(self.sentence_ids)
        return say("claims.marked_summary", selection=self.selection, claims=n, claims_plural=_plural(n),
                   sentences=s, sentences_plural=_plural(s))

    @staticmethod
    def label(marks: list) -> str:
        """The text label of a marked sentence, e.g. ``▶ [c07 · sk_ua_western_sources] [c08 · …]``."""
        return "▶ " + " ".join(f"[{claim} · {source}]" for claim, source, _, _ in marks)

    def view(self) -> MarkedSentences:
        """The display: every sentence, its marked words highlighted and labelled."""
        rows = [{"heading": f"¶{row['paragraph']} {row['sentence_id']}", "text_vi": row["text_vi"],
                 "text_en": row["text_en"], "spans": [(start, end) for _, _, start, end in row["marks"]],
                 "label": self.label(row["marks"]) if row["marks"] else ""} for row in self.rows]
        return MarkedSentences(self.summary(), rows)

    def __repr__(self) -> str:
        return repr(self.view())

    def _repr_html_(self) -> str:
        return self.view()._repr_html_()


def _chosen(value) -> str | None:
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", ANY)):
        return None
    return str(value).strip()


def highlight_claims(tables: Tables, claimant: str | None = None, side: str | None = None,
                     claim_type: str | None = None) -> Highlighted:
    """The article with the claims of one claimant, side and/or claim type marked.

    Each filter is a value of ``claims.source_id``, ``sources.side`` or
    ``claims.claim_type``; ``None`` or ``"any"`` leaves it open, and the filters
    combine (a claim must match all of them). Raises
    :class:`~critical_reading.errors.AssumptionError` for an unknown value or
    when no claim matches, saying what would work.
    """
    claimant, side, claim_type = _chosen(claimant), _chosen(side), _chosen(claim_type)
    known = list(tables.sources["source_id"])
    sides = list(dict.fromkeys([*SIDES, *tables.sources["side"]]))
    for value, allowed, what in ((claimant, known, "claimant"), (side, sides, "side"),
                                 (claim_type, list(CLAIM_TYPES), "claim_type")):
        if value is not None and value not in allowed:
            raise AssumptionError(say("claims.not_a_choice", value=value, what=say(f"claims.what_{what}"),
                                      allowed=", ".join(allowed)))
    picked = claims_with_sources(tables)
    chosen = []
    for column, value, word in (("source_id", claimant, "claimant"), ("side", side, "side"),
                                ("claim_type", claim_type, "claim_type")):
        if value is not None:
            picked = picked[picked[column] == value]
            label = value if word == "claimant" else code(word, value)
            chosen.append(label if label != value else f"{say(f'claims.word_{word}')} = {value}")
    selection = ", ".join(chosen) or say("claims.no_filter")
    if picked.empty:
        raise AssumptionError(say("claims.nothing_matches", selection=selection))
    marks: dict[str, list] = {}
    for claim in picked.itertuples(index=False):
        sentence = tables.sentences.loc[tables.sentences["sentence_id"] == claim.sentence_id, "text_vi"].iloc[0]
        start = sentence.find(claim.quote_vi)
        marks.setdefault(claim.sentence_id, []).append((claim.claim_id, claim.source_id, start, start + len(claim.quote_vi)))
    rows = [{"sentence_id": s.sentence_id, "paragraph": int(s.paragraph), "text_vi": s.text_vi,
             "text_en": s.text_en, "marks": marks.get(s.sentence_id, [])}
            for s in tables.sentences.itertuples(index=False)]
    return Highlighted(selection, rows)


def highlighter_options(tables: Tables) -> dict[str, list[tuple[str, str]]]:
    """The choices of :func:`claim_highlighter`: ``(label, value)`` pairs per filter, ``"any"`` first.

    Only values that occur in the claims are offered, so every single choice marks something.
    """
    claims = claims_with_sources(tables)
    names = tables.source_names
    present = list(dict.fromkeys(claims["source_id"]))
    claimants = [(f"{names[s]} ({s})", s) for s in present]
    def choice(group: str, value: str) -> tuple[str, str]:  # "Nga (russia)": the code is what code cells use
        label = code(group, value)
        return (value if label == value else f"{label} ({value})"), value

    sides = [choice("side", s) for s in dict.fromkeys([*SIDES, *claims["side"]]) if s in set(claims["side"])]
    types = [choice("claim_type", t) for t in CLAIM_TYPES if t in set(claims["claim_type"])]
    return {"claimant": [(say("claims.any_claimant"), ANY), *claimants], "side": [(say("claims.any_side"), ANY), *sides],
            "claim_type": [(say("claims.any_type"), ANY), *types]}


def claim_highlighter(tables: Tables, claimant: str = ANY, side: str = ANY, claim_type: str = ANY) -> object:
    """Three drop-downs (claimant, side, claim type) above the highlighted article.

    Built with :func:`critical_reading.render.interactive_view`, so the default
    setting is rendered straight away and an empty combination shows one line.
    The defaults are the starting choices; the function behind it is
    :func:`highlight_claims`.
    """
    import ipywidgets as widgets

    options = highlighter_options(tables)
    style = {"description_width": "initial"}
    layout = widgets.Layout(width="32em")
    controls = {
        "claimant": widgets.Dropdown(options=options["claimant"], value=claimant, description=say("claims.menu_claimant"),
                                     style=style, layout=layout),
        "side": widgets.Dropdown(options=options["side"], value=side, description=say("claims.menu_side"), style=style,
                                 layout=layout),
        "claim_type": widgets.Dropdown(options=options["claim_type"], value=claim_type,
                                       description=say("claims.menu_claim_type"), style=style, layout=layout),
    }
    return interactive_view(lambda **chosen: highlight_claims(tables, **chosen), **controls)
