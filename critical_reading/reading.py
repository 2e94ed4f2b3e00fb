"""Close reading (lessons 00 and 01): the article paragraph by paragraph, who speaks where,
the chain of publication, dates, and the differences the translation introduced.

Every function takes the :class:`~critical_reading.data.Tables` from ``load_tables()`` and
returns either a pandas DataFrame (to compute with and test) or an object that a notebook
displays (HTML in JupyterLab, plain text anywhere else, so nbval can compare it).

Terms, as in ``CONTRIBUTING.md`` and the lessons: the *claimant* is who makes a claim
(``claims.source_id``); the *conduits* are who passed it on: those in ``claims.relayed_by``
(ending with Fox News), then the unnamed Vietnamese outlet (``vn_outlet``), the last conduit
of every claim. A claim's *chain* is the claimant followed by its conduits; its *hands* are
everyone in the chain, so a claim has one hand more than it has conduits.
"""

from __future__ import annotations

import calendar
import datetime as dt
import textwrap
from collections.abc import Iterable

import pandas as pd

from .data import Tables
from .errors import AssumptionError
from .messages import code, format_date, say, translating_the_article
from .render import MARKERS, PALETTE, Card, Chart, ParallelText, Quote, Stack, TableView, interactive_view, new_figure
from .render import translation_label as _translation
from .vietnamese import resolve_time_expression

#: The last hand of every chain: the Vietnamese outlet, which the article never names.
LAST_HAND = "vn_outlet"
#: What :func:`article_view` can show.
LANGUAGES = ("both", "vi", "en")
#: Colour and marker for each side of the conflict, so a side never rests on colour alone.
SIDE_STYLE = {
    "russia": (PALETTE["vermillion"], MARKERS[1]),
    "ukraine": (PALETTE["blue"], MARKERS[0]),
    "north_korea": (PALETTE["purple"], MARKERS[3]),
    "unknown": (PALETTE["orange"], MARKERS[2]),
    "none": (PALETTE["black"], MARKERS[4]),
}
#: Colours and markers for the parties of another article (sides not in :data:`SIDE_STYLE`).
_SPARE_STYLES = ((PALETTE["green"], MARKERS[5]), (PALETTE["sky_blue"], MARKERS[6]), (PALETTE["yellow"], MARKERS[7]))


def side_styles(sides: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Colour and marker for each of ``sides``: :data:`SIDE_STYLE`'s, then spare ones in order."""
    sides = list(dict.fromkeys(sides))
    spare = iter(_SPARE_STYLES * (1 + len(sides) // len(_SPARE_STYLES)))
    return {side: SIDE_STYLE[side] if side in SIDE_STYLE else next(spare) for side in sides}

ARROW = " → "


# --------------------------------------------------------------------------- lesson 00: the article

def article_paragraphs(tables: Tables) -> pd.DataFrame:
    """One row per paragraph (12 is the source line): ``paragraph, text_vi, text_en``.

    ``text_vi`` is the article's own text for the paragraph, sliced from the first
    sentence's start to the last sentence's end; ``text_en`` joins the sentences'
    English working translations.
    """
    s = tables.sentences
    rows = []
    for paragraph, group in s.groupby("paragraph", sort=True):
        rows.append({"paragraph": int(paragraph),
                     "text_vi": tables.article[int(group["start"].min()):int(group["end"].max())],
                     "text_en": " ".join(group["text_en"])})
    return pd.DataFrame(rows)


def article_view(tables: Tables, language: str | None = None) -> ParallelText:
    """The whole article, numbered by paragraph, in ``"both"`` languages, ``"vi"`` or ``"en"``.

    With ``"both"``, each Vietnamese paragraph has its labelled English working
    translation beside it (side by side on a wide screen, below it on a narrow one).
    The default is ``"both"``, or ``"vi"`` for a learner reading in the article's language.
    Raises :class:`AssumptionError` for another ``language``.
    """
    if language is None:
        language = "both" if translating_the_article() else "vi"
    if language not in LANGUAGES:
        raise AssumptionError(say("reading.bad_language", allowed=", ".join(LANGUAGES), given=language))
    last = int(tables.paragraphs["paragraph"].max())
    passages = [(f"¶{row.paragraph}" + (f" {say('reading.source_line')}" if row.paragraph == last else ""),
                 row.text_vi, row.text_en) for row in article_paragraphs(tables).itertuples(index=False)]
    return ParallelText(passages, language)


def language_menu() -> object:
    """The drop-down menu that chooses what :func:`article_view` shows (first: as :func:`article_view` defaults)."""
    import ipywidgets as widgets

    choices = [(say(f"reading.language_{value}"), value) for value in LANGUAGES]
    first = "both" if translating_the_article() else "vi"
    return widgets.Dropdown(options=choices, value=first, description=say("reading.language_menu"))


def article_explorer(tables: Tables) -> object:
    """The article with :func:`language_menu` above it: the menu redraws :func:`article_view`."""
    return interactive_view(lambda language: article_view(tables, language), language=language_menu())


def find_in_article(tables: Tables, word: str) -> TableView:
    """The sentences whose Vietnamese or English working translation contains ``word``.

    Case is ignored. Returns a :class:`~critical_reading.render.TableView` (its ``frame`` has one row per
    sentence: ``paragraph, sentence_id``, the Vietnamese and the English working
    translation). Raises :class:`AssumptionError` if ``word`` is empty or absent.
    """
    wanted = str(word).strip().casefold()
    if not wanted:
        raise AssumptionError(say("reading.empty_word"))
    s = tables.sentences
    hit = s["text_vi"].str.casefold().str.contains(wanted, regex=False)
    if translating_the_article():  # the translation is searched only where it is shown
        hit |= s["text_en"].str.casefold().str.contains(wanted, regex=False)
    if not hit.any():
        raise AssumptionError(say("reading.word_absent", word=word))
    shown = ["paragraph", "sentence_id", "text_vi", *(["text_en"] if translating_the_article() else [])]
    frame = s.loc[hit, shown].rename(columns={"text_vi": say("render.vietnamese_label"), "text_en": _translation()})
    return TableView(frame.reset_index(drop=True), caption=say("reading.sentences_found", found=len(frame),
                                                               total=len(s)))


# --------------------------------------------------------------------------- chains of publication

def chain_of(tables: Tables, claim_id: str) -> list[str]:
    """The chain of a claim as source ids: claimant, then conduits, then the Vietnamese outlet.

    >>> from critical_reading import load_tables
    >>> chain_of(load_tables(), "c08")
    ['sk_ua_western_sources', 'reuters', 'fox_news', 'vn_outlet']

    The Vietnamese outlet is not repeated when it is itself the claimant (the source line).
    Raises :class:`AssumptionError` for an unknown claim id.
    """
    claim = tables.claim(claim_id)
    chain = [claim["source_id"]]
    if pd.notna(claim["relayed_by"]):
        chain += claim["relayed_by"].split(">")
    if chain[-1] != LAST_HAND:
        chain.append(LAST_HAND)
    return chain


def chain_text(tables: Tables, claim_id: str) -> str:
    """A claim's chain in words, e.g. ``Reuters → Fox News Digital → Unnamed Vietnamese outlet``."""
    names = tables.source_names
    return ARROW.join(names[hand] for hand in chain_of(tables, claim_id))


def conduit_order(tables: Tables) -> list[str]:
    """Every conduit, in the order a claim passes through them (the Vietnamese outlet last).

    Derived from the chains of all claims: a conduit comes before another if some
    chain passes it first. Raises :class:`AssumptionError` if the chains contradict
    each other (A before B in one chain, B before A in another).
    """
    chains = [chain_of(tables, claim_id) for claim_id in tables.claims["claim_id"]]
    conduits: list[str] = []
    for chain in chains:
        for hand in chain[1:]:
            if hand not in conduits:
                conduits.append(hand)
    before = {c: set() for c in conduits}
    for chain in chains:
        inside = [hand for hand in chain if hand in before]
        for first, second in zip(inside, inside[1:]):
            before[second].add(first)
    order: list[str] = []
    while len(order) < len(conduits):
        ready = [c for c in conduits if c not in order and before[c] <= set(order)]
        if not ready:
            raise AssumptionError(say("reading.contradictory_chains"))
        order.append(ready[0])
    return order


def provenance(tables: Tables) -> TableView:
    """Where the article's text came from: each conduit, from first to last, with what is known.

    Columns: ``step``, ``who``, ``kind``, ``claims carried`` (how many of the
    article's claims went through this hand; disclaimers are not claims about the
    world, so they are not counted), ``date given in the article`` (only the
    hand named by the source line has one) and ``what the course knows``
    (``sources.notes``).
    """
    order = conduit_order(tables)
    carried = tables.claims.loc[tables.claims["claim_type"] != "disclaimer", "claim_id"]
    chains = [chain_of(tables, claim_id) for claim_id in carried]
    dated = order[-2] if len(order) > 1 else None  # the source line names the hand before the outlet
    rows = []
    for step, hand in enumerate(order, start=1):
        source = tables.source(hand)
        rows.append({"step": step, "who": tables.source_name(hand), "kind": source["kind"],
                     "claims carried": sum(hand in chain for chain in chains),
                     "date given in the article": format_date(tables.publication_date) if hand == dated
                     else say("reading.no_date_given"),
                     "what the course knows": tables.shown("sources", "notes", source["notes"])})
    return TableView(pd.DataFrame(rows))


# --------------------------------------------------------------------------- lesson 01: who speaks where

def paragraph_map(tables: Tables) -> pd.DataFrame:
    """One row per paragraph: its topic and the voices it carries.

    Columns: ``paragraph``, ``topic`` (``paragraphs.topic_en``), ``voices`` (the
    claimants of its claims, in order of first appearance, ``"; "``-joined),
    ``sides`` (their sides in the conflict), ``passed on by`` (the conduits of its
    claims) and ``claims`` (claim ids).
    """
    names = tables.source_names
    side = dict(zip(tables.sources["source_id"], tables.sources["side"]))
    paragraph_of = dict(zip(tables.sentences["sentence_id"], tables.sentences["paragraph"]))
    claims = tables.claims.assign(paragraph=tables.claims["sentence_id"].map(paragraph_of))
    rows = []
    for row in tables.paragraphs.sort_values("paragraph").itertuples(index=False):
        mine = claims[claims["paragraph"] == row.paragraph]
        voices = list(dict.fromkeys(mine["source_id"]))
        conduits = list(dict.fromkeys(hand for c in mine["claim_id"] for hand in chain_of(tables, c)[1:-1]))
        rows.append({"paragraph": int(row.paragraph), "topic": tables.shown("paragraphs", "topic_en", row.topic_en),
                     "voices": "; ".join(names[v] for v in voices),
                     "sides": ", ".join(dict.fromkeys(code("side", side[v]) for v in voices)),
                     "passed on by": ", ".join(names[c] for c in conduits),
                     "claims": ", ".join(mine["claim_id"])})
    return pd.DataFrame(rows)


def voices_by_side(tables: Tables) -> pd.DataFrame:
    """For each side of the conflict: in how many paragraphs, and which, a claimant of that side speaks.

    Sides follow ``sources.side`` (``none`` = not a party: the news outlets). Sorted by
    the number of paragraphs, most first; ties in the order of the contract's sides.
    """
    from .contract import SIDES

    table = paragraph_map(tables)
    rows = []
    listed = table["sides"].str.split(", ")
    present = list(dict.fromkeys(tables.sources["side"]))
    for side in SIDES if set(present) <= set(SIDES) else present:  # another article: its own sides
        having = table[[code("side", side) in sides for sides in listed]]  # the map shows each side's label
        rows.append({"side": side, "paragraphs": len(having),
                     "which": ", ".join(str(p) for p in having["paragraph"])})
    return pd.DataFrame(rows).sort_values("paragraphs", ascending=False, kind="stable").reset_index(drop=True)


def main_claims(tables: Tables) -> list[str]:
    """The article's main claims: those of its first paragraph (the news) and those carrying a figure.

    Returned in reading order. This is the course's selection, made by a rule so
    that it follows the data.
    """
    first = tables.sentences.loc[tables.sentences["paragraph"] == tables.sentences["paragraph"].min(), "sentence_id"]
    wanted = set(tables.claims.loc[tables.claims["sentence_id"].isin(first), "claim_id"]) | \
        set(tables.figures["claim_id"])
    return [c for c in tables.claims["claim_id"] if c in wanted]


def chain_routes(tables: Tables, claim_ids: list[str] | None = None) -> pd.DataFrame:
    """The distinct chains ("routes") the given claims travel, in order of first appearance.

    Columns: ``route`` (names joined by →), ``claimant``, ``side`` (the claimant's),
    ``hands`` (how many, claimant included), ``claims`` (ids, comma-joined).
    ``claim_ids`` defaults to :func:`main_claims`.
    """
    claim_ids = main_claims(tables) if claim_ids is None else list(claim_ids)
    if not claim_ids:
        raise AssumptionError(say("reading.no_claim_chosen"))
    names = tables.source_names
    side = dict(zip(tables.sources["source_id"], tables.sources["side"]))
    routes: dict[tuple[str, ...], list[str]] = {}
    for claim_id in claim_ids:
        routes.setdefault(tuple(chain_of(tables, claim_id)), []).append(claim_id)
    return pd.DataFrame([{"route": ARROW.join(names[h] for h in chain), "claimant": names[chain[0]],
                          "side": side[chain[0]], "hands": len(chain), "claims": ", ".join(ids)}
                         for chain, ids in routes.items()])


def describe_routes(routes: pd.DataFrame) -> str:
    """A text description of :func:`chain_routes` output: the alt text of :func:`chain_diagram`."""
    n_claims = sum(len(c.split(", ")) for c in routes["claims"])
    parts = [say("reading.routes_lead", claims=n_claims, routes=len(routes))]
    for number, row in enumerate(routes.itertuples(index=False), start=1):
        parts.append(say("reading.route", number=number, side=code("side", row.side), hands=row.hands, claims=row.claims,
                         route=row.route))
    return " ".join(parts)


def chain_diagram(tables: Tables, claim_ids: list[str] | None = None) -> Chart:
    """The chains of the given claims as a diagram (default: :func:`main_claims`).

    One row per route; the claimant on the left, each conduit in its own column (in
    :func:`conduit_order`), arrows in the direction the text travelled. Claimants are
    coloured *and* marked by side (see :data:`SIDE_STYLE`); the right margin names the
    claims on each route. Returns a :class:`~critical_reading.render.Chart` whose alt
    text is :func:`describe_routes`.
    """
    claim_ids = main_claims(tables) if claim_ids is None else list(claim_ids)
    routes = chain_routes(tables, claim_ids)
    chains: dict[tuple[str, ...], None] = {}
    for claim_id in claim_ids:
        chains.setdefault(tuple(chain_of(tables, claim_id)), None)
    order = conduit_order(tables)
    column = {hand: i + 1 for i, hand in enumerate(order)}
    names, side = tables.source_names, dict(zip(tables.sources["source_id"], tables.sources["side"]))
    style = side_styles(tables.sources["side"])

    n = len(chains)
    figure, axes = new_figure(width=11, height=0.85 * n + 1.3)
    axes.grid(False)
    axes.set_axis_off()
    axes.set_xlim(-0.7, len(order) + 1.25)
    axes.set_ylim(n - 0.4, -1.0)
    axes.text(0, -0.75, say("reading.diagram_claimant"), ha="center", fontsize=9, fontweight="bold")
    axes.text((1 + len(order)) / 2, -0.75, say("reading.diagram_conduits"), ha="center", fontsize=9,
              fontweight="bold")
    axes.text(len(order) + 0.62, -0.75, say("reading.diagram_claims"), ha="left", fontsize=9, fontweight="bold")
    seen_sides = []
    for y, (chain, row) in enumerate(zip(chains, routes.itertuples(index=False))):
        xs = [column.get(hand, 0) for hand in chain]
        boxes = []
        for hand, x in zip(chain, xs):
            claimant = hand == chain[0]
            colour, marker = style[side[hand]]
            boxes.append(axes.text(x, y, textwrap.fill(names[hand], 22), ha="center", va="center", fontsize=7.5,
                                   bbox={"boxstyle": "round,pad=0.3", "facecolor": "white" if claimant else "#eeeeee",
                                         "edgecolor": colour if claimant else "#777777",
                                         "linewidth": 2 if claimant else 1}))
            if claimant:
                axes.plot([x - 0.56], [y], marker=marker, color=colour, markersize=8, linestyle="none")
                if side[hand] not in seen_sides:
                    seen_sides.append(side[hand])
        for box_from, box_to in zip(boxes, boxes[1:]):  # from the right edge of one box to the left of the next
            axes.annotate("", xy=(0, 0.5), xycoords=box_to, xytext=(1, 0.5), textcoords=box_from,
                          arrowprops={"arrowstyle": "-|>", "color": "#555555", "lw": 1.2,
                                      "shrinkA": 4, "shrinkB": 4})
        axes.text(len(order) + 0.62, y, textwrap.fill(row.claims, 20), ha="left", va="center", fontsize=8)
    for s in seen_sides:
        colour, marker = style[s]
        axes.plot([], [], marker=marker, color=colour, linestyle="none", label=say("reading.diagram_side", side=code("side", s)))
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=len(seen_sides), fontsize=8, frameon=False)
    return Chart(figure, describe_routes(routes))


def claim_menu(tables: Tables, value: str | None = None) -> object:
    """A drop-down menu of every claim (label: id and English paraphrase), for :func:`claim_card`.

    ``value`` is the claim selected at first (default: the first claim).
    """
    import ipywidgets as widgets

    options = [(f"{row.claim_id}: {textwrap.shorten(tables.shown('claims', 'claim_en', row.claim_en), 70, placeholder='…')}",
                row.claim_id)
               for row in tables.claims.itertuples(index=False)]
    value = options[0][1] if value is None else tables.claim(value)["claim_id"]
    return widgets.Dropdown(options=options, value=value, description=say("reading.claim_menu"),
                            layout=widgets.Layout(width="95%"))


def hands_text(hands: int) -> str:
    """How many hands a chain has, in the course's words: the claimant plus its conduits.

    >>> hands_text(4)
    '4 (the claimant and 3 conduits)'
    >>> hands_text(1)
    '1 (the claimant only: no conduit)'
    """
    if hands < 1:
        raise AssumptionError(say("reading.hands_none"))
    conduits = hands - 1
    if conduits == 0:
        return say("reading.hands_one")
    return say("reading.hands_many", hands=hands, conduits=conduits, plural="s" if conduits > 1 else "")


def claim_card(tables: Tables, claim_id: str) -> Card:
    """One claim: its sentence (claim marked, with the English working translation) and its chain.

    The card ends with the chain's number of hands: the claimant and its conduits.
    """
    claim = tables.claim(claim_id)
    source = tables.source(claim["source_id"])
    chain = chain_text(tables, claim_id)
    facts = [(say("reading.card_claimant"), say("reading.card_claimant_text", name=tables.source_name(claim["source_id"]),
                                                kind=code("kind", source["kind"]), side=code("side", source["side"]))),
             (say("reading.card_chain"), chain),
             (say("reading.card_hands"), hands_text(len(chain_of(tables, claim_id))))]
    return Card(claim_id, [sentence_quote(tables, claim["sentence_id"], marks=[claim["quote_vi"]])], facts)


def sentence_quote(tables: Tables, sentence_id: str, attribution: str = "", marks: list | tuple = (),
                   label: str = "") -> Quote:
    """Sentence ``sentence_id`` of the article as a :class:`~critical_reading.render.Quote`.

    The Vietnamese is the verbatim sentence, shown with the course's English working
    translation; ``marks`` (words of the sentence) are marked. The attribution defaults to
    where the sentence stands. An unknown id raises a one-line
    :class:`~critical_reading.errors.AssumptionError`.
    """
    row = tables.sentence(sentence_id)
    where = attribution or say("reading.card_where", sentence_id=sentence_id, paragraph=row["paragraph"])
    return Quote(row["text_vi"], row["text_en"], where, marks=marks, label=label)


# --------------------------------------------------------------------------- lesson 01: dates

def resolve_dates(tables: Tables, reference: dt.date | None = None) -> pd.DataFrame:
    """Every time expression (and undated statement) resolved to an absolute period.

    Resolves each ``time_expressions.text_vi`` with
    :func:`~critical_reading.dates.resolve_time_expression` against ``reference``
    (default: the source line's date, ``tables.publication_date``) and compares the
    result with the period recorded in ``time_expressions.csv``
    (``agrees_with_data``). Undated statements get rule ``undated`` and no period.
    ``speaker`` names the claimants of the sentence.
    """
    reference = reference or tables.publication_date
    names = tables.source_names
    paragraph_of = dict(zip(tables.sentences["sentence_id"], tables.sentences["paragraph"]))
    rows = []
    for row in tables.time_expressions.itertuples(index=False):
        text_vi = "" if pd.isna(row.text_vi) else row.text_vi
        period = resolve_time_expression(text_vi, reference)
        recorded = tuple(None if pd.isna(v) else v.date() for v in (row.resolved_start, row.resolved_end))
        speakers = tables.claims.loc[tables.claims["sentence_id"] == row.sentence_id, "source_id"]
        rows.append({"time_id": row.time_id, "sentence_id": row.sentence_id,
                     "paragraph": int(paragraph_of[row.sentence_id]),
                     "speaker": "; ".join(names[s] for s in dict.fromkeys(speakers)),
                     "expression (Vietnamese)": text_vi or "—",
                     **({_translation(): "—" if pd.isna(row.text_en) else row.text_en}
                        if translating_the_article() else {}),
                     "rule": period.rule,
                     "from": period.start.isoformat() if period.start else "undated",
                     "to": period.end.isoformat() if period.end else "undated",
                     "agrees_with_data": (period.start, period.end) == recorded and period.rule == row.rule})
    return pd.DataFrame(rows)


def undated_statements(tables: Tables) -> TableView:
    """The statements the article gives no date for, as a :class:`~critical_reading.render.TableView`.

    Its ``frame`` has ``sentence_id, paragraph, speaker``, and the sentence in
    Vietnamese with its English working translation.
    """
    dates = resolve_dates(tables)
    undated = dates[dates["rule"] == "undated"][["sentence_id", "paragraph", "speaker"]]
    text = tables.sentences.set_index("sentence_id")
    shown = {say("render.vietnamese_label"): undated["sentence_id"].map(text["text_vi"])}
    if translating_the_article():
        shown[_translation()] = undated["sentence_id"].map(text["text_en"])
    return TableView(undated.assign(**shown).reset_index(drop=True))


def months_after(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months later (the day clamped to the month's length).

    >>> months_after(dt.date(2025, 11, 30), 3)
    datetime.date(2026, 2, 28)
    """
    if months < 0:
        raise AssumptionError(say("reading.negative_months"))
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def dates_if_read_later(tables: Tables, months_later: int = 0) -> TableView:
    """The dates a reader would work out taking "today" to be ``months_later`` months after the source line.

    ``agrees_with_data`` turns false for every expression whose meaning moves: the
    relative ones. With ``months_later=0`` this is :func:`resolve_dates`.
    """
    reference = months_after(tables.publication_date, int(months_later))
    frame = resolve_dates(tables, reference)
    shown = ["time_id", "expression (Vietnamese)", *([_translation()] if translating_the_article() else []),
             "rule", "from", "to", "agrees_with_data"]
    frame = frame[frame["rule"] != "undated"][shown]
    return TableView(frame.reset_index(drop=True), caption=say("reading.reference_date", date=reference.isoformat()))


def months_slider() -> object:
    """The slider behind :func:`dates_if_read_later`: 0 to 12 months after the source line's date."""
    import ipywidgets as widgets

    return widgets.IntSlider(value=0, min=0, max=12, step=1, description=say("reading.months_slider"),
                             style={"description_width": "initial"})


# --------------------------------------------------------------------------- lesson 01: translation drift

def drift_cards(tables: Tables, drift_ids: tuple[str, ...] | list[str] | None = None) -> Stack:
    """Documented translation differences (``translation_drift.csv``), one card each.

    For each: the Vietnamese sentence with the words in question marked and its English
    working translation; what the English chain says; what changed; and the source links.
    ``drift_ids`` picks some (e.g. ``["T1"]``, in the order asked; default: all); an unknown
    id raises a one-line :class:`AssumptionError`.
    """
    drift = tables.translation_drift.set_index("drift_id", drop=False)
    wanted = list(drift.index) if drift_ids is None else list(drift_ids)
    unknown = [d for d in wanted if d not in drift.index]
    if unknown or not wanted:
        raise AssumptionError(say("reading.unknown_drift", given=unknown[0] if unknown else "",
                                  allowed=", ".join(drift.index)))
    cards = []
    for row in drift.loc[wanted].itertuples(index=False):
        english = [(say("reading.drift_chain"), row.english_chain_en)]
        if not translating_the_article():  # the English chain is the foreign text: give its working translation
            english.append((say("reading.drift_chain_translated"),
                            tables.shown("translation_drift", "english_chain_en", row.english_chain_en)))
        facts = [*english, (say("reading.drift_changed"), tables.shown("translation_drift", "change_en", row.change_en))]
        cards.append(Card(row.drift_id, [sentence_quote(tables, row.sentence_id, marks=[row.quote_vi])], facts,
                          sources=row.source_urls.split()))
    return Stack(cards)
