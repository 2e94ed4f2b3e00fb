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
import html
import textwrap

import pandas as pd

from .dates import resolve_time_expression
from .display import MARKERS, PALETTE, TRANSLATION_LABEL, Chart, Quote, new_figure
from .errors import AssumptionError

#: The last hand of every chain: the Vietnamese outlet, which the article never names.
LAST_HAND = "vn_outlet"
#: What :func:`article_view` can show.
LANGUAGES = ("both", "vi", "en")
#: The choices of the language menu: (label, value).
LANGUAGE_CHOICES = (("Vietnamese and English", "both"), ("Vietnamese only", "vi"),
                    (f"{TRANSLATION_LABEL} only", "en"))
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


def side_styles(sides) -> dict[str, tuple[str, str]]:
    """Colour and marker for each of ``sides``: :data:`SIDE_STYLE`'s, then spare ones in order."""
    styles, spare = {}, iter(_SPARE_STYLES * (1 + len(list(sides)) // len(_SPARE_STYLES)))
    for side in dict.fromkeys(sides):
        styles[side] = SIDE_STYLE[side] if side in SIDE_STYLE else next(spare)
    return styles
ARROW = " → "


# --------------------------------------------------------------------------- display helpers

class Rendered:
    """Something to display: HTML in a notebook, the plain text everywhere else."""

    def __init__(self, html_text: str, plain_text: str):
        self.html, self.text = html_text, plain_text

    def __repr__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        return self.html


class TextTable:
    """A DataFrame shown in full: no cell cut short with "…", text aligned left.

    pandas shortens long cells when it displays a table, which would cut quotations
    in half. ``vietnamese`` names the columns that hold Vietnamese (marked
    ``lang="vi"`` for screen readers; default: every column whose name contains
    "Vietnamese"); ``caption`` is shown above the table.
    """

    def __init__(self, frame: pd.DataFrame, vietnamese: tuple[str, ...] | None = None, caption: str = ""):
        if vietnamese is None:
            vietnamese = tuple(c for c in frame.columns if "Vietnamese" in str(c))
        self.frame, self.vietnamese, self.caption = frame, tuple(vietnamese), caption

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", None, "display.width", 10_000):
            body = self.frame.to_string(index=False)
        return f"{self.caption}\n{body}" if self.caption else body

    def _repr_html_(self) -> str:
        cell = 'style="text-align:left;vertical-align:top;padding:0.25em 0.6em"'
        head = "".join(f"<th {cell}>{html.escape(str(c))}</th>" for c in self.frame.columns)
        rows = []
        for values in self.frame.itertuples(index=False):
            cells = []
            for column, value in zip(self.frame.columns, values):
                lang = ' lang="vi"' if column in self.vietnamese else ""
                shown = "" if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) else value
                cells.append(f"<td{lang} {cell}>{html.escape(str(shown))}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        caption = f"<caption style=\"text-align:left\">{html.escape(self.caption)}</caption>" if self.caption else ""
        return (f'<table class="course-table">{caption}<thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table>")


class HighlightedQuote(Quote):
    """A :class:`~critical_reading.display.Quote` with one part of the Vietnamese marked.

    The marked part (``highlight_vi``) must occur in ``text_vi``; it is shown with
    ``<mark>`` in a notebook and between « » in plain text.
    """

    def __init__(self, text_vi: str, text_en: str, highlight_vi: str, attribution: str = ""):
        if highlight_vi not in text_vi:
            raise AssumptionError(f"“{highlight_vi}” is not part of the quotation, so it cannot be highlighted.")
        super().__init__(text_vi, text_en, attribution)
        self.highlight_vi = highlight_vi

    def __repr__(self) -> str:
        return super().__repr__().replace(self.highlight_vi, f"«{self.highlight_vi}»", 1)

    def _repr_html_(self) -> str:
        marked = html.escape(self.highlight_vi)
        return super()._repr_html_().replace(marked, f"<mark>{marked}</mark>", 1)


def _names(tables) -> dict[str, str]:
    return tables.source_names


def _source_row(tables, source_id: str) -> pd.Series:
    return tables.sources.set_index("source_id").loc[source_id]


def _sentence(tables, sentence_id: str) -> pd.Series:
    return tables.sentences.set_index("sentence_id").loc[sentence_id]


def _claim(tables, claim_id: str) -> pd.Series:
    claims = tables.claims.set_index("claim_id")
    if claim_id not in claims.index:
        raise AssumptionError(f"there is no claim {claim_id!r}; claim ids run from "
                              f"{claims.index[0]} to {claims.index[-1]} (see data/claims.csv).")
    return claims.loc[claim_id]


# --------------------------------------------------------------------------- lesson 00: the article

def article_paragraphs(tables) -> pd.DataFrame:
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


def article_view(tables, language: str = "both") -> Rendered:
    """The whole article, numbered by paragraph, in ``"both"`` languages, ``"vi"`` or ``"en"``.

    With ``"both"``, each Vietnamese paragraph has its labelled English working
    translation beside it (side by side on a wide screen, below it on a narrow one). Raises :class:`AssumptionError` for another ``language``.
    """
    if language not in LANGUAGES:
        raise AssumptionError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}.")
    last = int(tables.paragraphs["paragraph"].max())
    blocks, lines = [], []
    for row in article_paragraphs(tables).itertuples(index=False):
        number = f"¶{row.paragraph}" + (" (source line)" if row.paragraph == last else "")
        vi = f'<div lang="vi" style="flex:1 1 22em;margin:0.1em 0">{html.escape(row.text_vi)}</div>'
        en = (f'<div lang="en" style="flex:1 1 22em;margin:0.1em 0;color:#333"><em>{TRANSLATION_LABEL}:</em> '
              f"{html.escape(row.text_en)}</div>")
        shown = {"both": vi + en, "vi": vi, "en": en}[language]
        # side by side on a wide screen, one under the other on a narrow one
        blocks.append(f'<div style="margin:0.7em 0"><strong>{number}</strong>'
                      f'<div style="display:flex;flex-wrap:wrap;gap:0.4em 1.5em">{shown}</div></div>')
        lines.append(number)
        if language in ("both", "vi"):
            lines.append(f"VI: {row.text_vi}")
        if language in ("both", "en"):
            lines.append(f"EN ({TRANSLATION_LABEL}): {row.text_en}")
    return Rendered("".join(blocks), "\n".join(lines))


def language_menu():
    """The drop-down menu that chooses what :func:`article_view` shows (both languages first)."""
    import ipywidgets as widgets

    return widgets.Dropdown(options=list(LANGUAGE_CHOICES), value="both", description="Show:")


def find_in_article(tables, word: str) -> TextTable:
    """The sentences whose Vietnamese or English working translation contains ``word``.

    Case is ignored. Returns a :class:`TextTable` (its ``frame`` has one row per
    sentence: ``paragraph, sentence_id``, the Vietnamese and the English working
    translation). Raises :class:`AssumptionError` if ``word`` is empty or absent.
    """
    wanted = str(word).strip().casefold()
    if not wanted:
        raise AssumptionError("write a word between the quotation marks, e.g. \"Reuters\".")
    s = tables.sentences
    hit = s["text_vi"].str.casefold().str.contains(wanted, regex=False) | \
        s["text_en"].str.casefold().str.contains(wanted, regex=False)
    if not hit.any():
        raise AssumptionError(f"“{word}” does not occur in the article or its translation. "
                              "Check the spelling, or try a name such as Reuters or Zvezda.")
    frame = s.loc[hit, ["paragraph", "sentence_id", "text_vi", "text_en"]].rename(
        columns={"text_vi": "Vietnamese (the article)", "text_en": TRANSLATION_LABEL})
    return TextTable(frame.reset_index(drop=True), caption=f"{len(frame)} of {len(s)} sentences")


# --------------------------------------------------------------------------- chains of publication

def chain_of(tables, claim_id: str) -> list[str]:
    """The chain of a claim as source ids: claimant, then conduits, then the Vietnamese outlet.

    >>> from critical_reading import load_tables
    >>> chain_of(load_tables(), "c08")
    ['sk_ua_western_sources', 'reuters', 'fox_news', 'vn_outlet']

    The Vietnamese outlet is not repeated when it is itself the claimant (the source line).
    Raises :class:`AssumptionError` for an unknown claim id.
    """
    claim = _claim(tables, claim_id)
    chain = [claim["source_id"]]
    if pd.notna(claim["relayed_by"]):
        chain += claim["relayed_by"].split(">")
    if chain[-1] != LAST_HAND:
        chain.append(LAST_HAND)
    return chain


def chain_text(tables, claim_id: str) -> str:
    """A claim's chain in words, e.g. ``Reuters → Fox News Digital → Unnamed Vietnamese outlet``."""
    names = _names(tables)
    return ARROW.join(names[hand] for hand in chain_of(tables, claim_id))


def conduit_order(tables) -> list[str]:
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
            raise AssumptionError("the relayed_by chains in data/claims.csv put conduits in "
                                  "contradictory orders, so no single order exists.")
        order.append(ready[0])
    return order


def provenance(tables) -> TextTable:
    """Where the article's text came from: each conduit, from first to last, with what is known.

    Columns: ``step``, ``who``, ``kind``, ``claims carried`` (how many of the
    article's claims went through this hand), ``date given in the article`` (only the
    hand named by the source line has one) and ``what the course knows``
    (``sources.notes``).
    """
    order = conduit_order(tables)
    chains = [chain_of(tables, claim_id) for claim_id in tables.claims["claim_id"]]
    dated = order[-2] if len(order) > 1 else None  # the source line names the hand before the outlet
    rows = []
    for step, hand in enumerate(order, start=1):
        source = _source_row(tables, hand)
        rows.append({"step": step, "who": source["name_en"], "kind": source["kind"],
                     "claims carried": sum(hand in chain for chain in chains),
                     "date given in the article": tables.publication_date.isoformat() if hand == dated else "none",
                     "what the course knows": source["notes"]})
    return TextTable(pd.DataFrame(rows))


# --------------------------------------------------------------------------- lesson 01: who speaks where

def paragraph_map(tables) -> pd.DataFrame:
    """One row per paragraph: its topic and the voices it carries.

    Columns: ``paragraph``, ``topic`` (``paragraphs.topic_en``), ``voices`` (the
    claimants of its claims, in order of first appearance, ``"; "``-joined),
    ``sides`` (their sides in the conflict), ``passed on by`` (the conduits of its
    claims) and ``claims`` (claim ids).
    """
    names = _names(tables)
    side = dict(zip(tables.sources["source_id"], tables.sources["side"]))
    paragraph_of = dict(zip(tables.sentences["sentence_id"], tables.sentences["paragraph"]))
    claims = tables.claims.assign(paragraph=tables.claims["sentence_id"].map(paragraph_of))
    rows = []
    for row in tables.paragraphs.sort_values("paragraph").itertuples(index=False):
        mine = claims[claims["paragraph"] == row.paragraph]
        voices = list(dict.fromkeys(mine["source_id"]))
        conduits = list(dict.fromkeys(hand for c in mine["claim_id"] for hand in chain_of(tables, c)[1:-1]))
        rows.append({"paragraph": int(row.paragraph), "topic": row.topic_en,
                     "voices": "; ".join(names[v] for v in voices),
                     "sides": ", ".join(dict.fromkeys(side[v] for v in voices)),
                     "passed on by": ", ".join(names[c] for c in conduits),
                     "claims": ", ".join(mine["claim_id"])})
    return pd.DataFrame(rows)


def voices_by_side(tables) -> pd.DataFrame:
    """For each side of the conflict: in how many paragraphs, and which, a claimant of that side speaks.

    Sides follow ``sources.side`` (``none`` = not a party: the news outlets). Sorted by
    the number of paragraphs, most first; ties in the order of the contract's sides.
    """
    from .contract import SIDES

    table = paragraph_map(tables)
    rows = []
    present = list(dict.fromkeys(tables.sources["side"]))
    for side in SIDES if set(present) <= set(SIDES) else present:  # another article: its own sides
        having = table[table["sides"].str.split(", ").apply(lambda sides: side in sides)]
        rows.append({"side": side, "paragraphs": len(having),
                     "which": ", ".join(str(p) for p in having["paragraph"])})
    return pd.DataFrame(rows).sort_values("paragraphs", ascending=False, kind="stable").reset_index(drop=True)


def main_claims(tables) -> list[str]:
    """The article's main claims: those of its first paragraph (the news) and those carrying a figure.

    Returned in reading order. This is the course's selection, made by a rule so
    that it follows the data.
    """
    first = tables.sentences.loc[tables.sentences["paragraph"] == tables.sentences["paragraph"].min(), "sentence_id"]
    wanted = set(tables.claims.loc[tables.claims["sentence_id"].isin(first), "claim_id"]) | \
        set(tables.figures["claim_id"])
    return [c for c in tables.claims["claim_id"] if c in wanted]


def chain_routes(tables, claim_ids: list[str] | None = None) -> pd.DataFrame:
    """The distinct chains ("routes") the given claims travel, in order of first appearance.

    Columns: ``route`` (names joined by →), ``claimant``, ``side`` (the claimant's),
    ``hands`` (how many, claimant included), ``claims`` (ids, comma-joined).
    ``claim_ids`` defaults to :func:`main_claims`.
    """
    claim_ids = main_claims(tables) if claim_ids is None else list(claim_ids)
    if not claim_ids:
        raise AssumptionError("choose at least one claim.")
    names = _names(tables)
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
    parts = [f"Chains of publication of {n_claims} claims, along {len(routes)} routes. Each route "
             "runs from the claimant on the left, through each conduit, to the reader."]
    for number, row in enumerate(routes.itertuples(index=False), start=1):
        parts.append(f"Route {number} ({row.side} side, {row.hands} hands, claims {row.claims}): {row.route}.")
    return " ".join(parts)


def chain_diagram(tables, claim_ids: list[str] | None = None) -> Chart:
    """The chains of the given claims as a diagram (default: :func:`main_claims`).

    One row per route; the claimant on the left, each conduit in its own column (in
    :func:`conduit_order`), arrows in the direction the text travelled. Claimants are
    coloured *and* marked by side (see :data:`SIDE_STYLE`); the right margin names the
    claims on each route. Returns a :class:`~critical_reading.display.Chart` whose alt
    text is :func:`describe_routes`.
    """
    claim_ids = main_claims(tables) if claim_ids is None else list(claim_ids)
    routes = chain_routes(tables, claim_ids)
    chains: dict[tuple[str, ...], None] = {}
    for claim_id in claim_ids:
        chains.setdefault(tuple(chain_of(tables, claim_id)), None)
    order = conduit_order(tables)
    column = {hand: i + 1 for i, hand in enumerate(order)}
    names, side = _names(tables), dict(zip(tables.sources["source_id"], tables.sources["side"]))
    style = side_styles(tables.sources["side"])

    n = len(chains)
    figure, axes = new_figure(width=11, height=0.85 * n + 1.3)
    axes.grid(False)
    axes.set_axis_off()
    axes.set_xlim(-0.7, len(order) + 1.25)
    axes.set_ylim(n - 0.4, -1.0)
    axes.text(0, -0.75, "claimant", ha="center", fontsize=9, fontweight="bold")
    axes.text((1 + len(order)) / 2, -0.75, "conduits (who passed it on) →", ha="center", fontsize=9,
              fontweight="bold")
    axes.text(len(order) + 0.62, -0.75, "claims", ha="left", fontsize=9, fontweight="bold")
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
        axes.plot([], [], marker=marker, color=colour, linestyle="none", label=f"claimant's side: {s}")
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=len(seen_sides), fontsize=8, frameon=False)
    return Chart(figure, describe_routes(routes))


def claim_menu(tables, value: str | None = None):
    """A drop-down menu of every claim (label: id and English paraphrase), for :func:`claim_card`.

    ``value`` is the claim selected at first (default: the first claim).
    """
    import ipywidgets as widgets

    options = [(f"{row.claim_id}: {textwrap.shorten(row.claim_en, 70, placeholder='…')}", row.claim_id)
               for row in tables.claims.itertuples(index=False)]
    value = options[0][1] if value is None else _claim(tables, value).name
    return widgets.Dropdown(options=options, value=value, description="Claim:",
                            layout=widgets.Layout(width="95%"))


def hands_text(hands: int) -> str:
    """How many hands a chain has, in the course's words: the claimant plus its conduits.

    >>> hands_text(4)
    '4 (the claimant and 3 conduits)'
    >>> hands_text(1)
    '1 (the claimant only: no conduit)'
    """
    if hands < 1:
        raise AssumptionError("a chain has at least one hand, its claimant.")
    conduits = hands - 1
    if conduits == 0:
        return "1 (the claimant only: no conduit)"
    return f"{hands} (the claimant and {conduits} conduit{'s' if conduits > 1 else ''})"


def claim_card(tables, claim_id: str) -> Rendered:
    """One claim: its sentence (claim highlighted, with the English working translation) and its chain.

    The card ends with the chain's number of hands: the claimant and its conduits.
    """
    claim = _claim(tables, claim_id)
    sentence = _sentence(tables, claim["sentence_id"])
    source = _source_row(tables, claim["source_id"])
    quote = HighlightedQuote(sentence["text_vi"], sentence["text_en"], claim["quote_vi"],
                             f"sentence {claim['sentence_id']}, paragraph {sentence['paragraph']}")
    chain = chain_text(tables, claim_id)
    facts = [("Claimant", f"{source['name_en']} (kind: {source['kind']}; side: {source['side']})"),
             ("Chain of publication", chain),
             ("Hands", hands_text(len(chain_of(tables, claim_id))))]
    html_facts = "".join(f"<p style=\"margin:0.2em 0\"><strong>{k}:</strong> {html.escape(v)}</p>" for k, v in facts)
    text_facts = "\n".join(f"{k}: {v}" for k, v in facts)
    return Rendered(quote._repr_html_() + html_facts, f"{claim_id}\n{quote!r}\n{text_facts}")


# --------------------------------------------------------------------------- lesson 01: dates

def resolve_dates(tables, reference: dt.date | None = None) -> pd.DataFrame:
    """Every time expression (and undated statement) resolved to an absolute period.

    Resolves each ``time_expressions.text_vi`` with
    :func:`~critical_reading.dates.resolve_time_expression` against ``reference``
    (default: the source line's date, ``tables.publication_date``) and compares the
    result with the period recorded in ``time_expressions.csv``
    (``agrees_with_data``). Undated statements get rule ``undated`` and no period.
    ``speaker`` names the claimants of the sentence.
    """
    reference = reference or tables.publication_date
    names = _names(tables)
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
                     TRANSLATION_LABEL: "—" if pd.isna(row.text_en) else row.text_en,
                     "rule": period.rule,
                     "from": period.start.isoformat() if period.start else "undated",
                     "to": period.end.isoformat() if period.end else "undated",
                     "agrees_with_data": (period.start, period.end) == recorded and period.rule == row.rule})
    return pd.DataFrame(rows)


def undated_statements(tables) -> TextTable:
    """The statements the article gives no date for, as a :class:`TextTable`.

    Its ``frame`` has ``sentence_id, paragraph, speaker``, and the sentence in
    Vietnamese with its English working translation.
    """
    dates = resolve_dates(tables)
    undated = dates[dates["rule"] == "undated"][["sentence_id", "paragraph", "speaker"]]
    text = tables.sentences.set_index("sentence_id")
    return TextTable(undated.assign(**{"Vietnamese (the article)": undated["sentence_id"].map(text["text_vi"]),
                                       TRANSLATION_LABEL: undated["sentence_id"].map(text["text_en"])})
                     .reset_index(drop=True))


def months_after(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months later (the day clamped to the month's length).

    >>> months_after(dt.date(2025, 11, 30), 3)
    datetime.date(2026, 2, 28)
    """
    if months < 0:
        raise AssumptionError("the number of months cannot be negative.")
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def dates_if_read_later(tables, months_later: int = 0) -> TextTable:
    """The dates a reader would work out taking "today" to be ``months_later`` months after the source line.

    ``agrees_with_data`` turns false for every expression whose meaning moves: the
    relative ones. With ``months_later=0`` this is :func:`resolve_dates`.
    """
    reference = months_after(tables.publication_date, int(months_later))
    frame = resolve_dates(tables, reference)
    frame = frame[frame["rule"] != "undated"][["time_id", "expression (Vietnamese)", TRANSLATION_LABEL,
                                               "rule", "from", "to", "agrees_with_data"]]
    return TextTable(frame.reset_index(drop=True), caption=f"Reference date: {reference.isoformat()}")


def months_slider():
    """The slider behind :func:`dates_if_read_later`: 0 to 12 months after the source line's date."""
    import ipywidgets as widgets

    return widgets.IntSlider(value=0, min=0, max=12, step=1, description="Months later:",
                             style={"description_width": "initial"})


# --------------------------------------------------------------------------- lesson 01: translation drift

def drift_cards(tables) -> Rendered:
    """Each documented translation difference (``translation_drift.csv``) side by side.

    For each: the Vietnamese sentence with the words in question highlighted and its
    English working translation; what the English chain says; what changed; and the
    source links from the course dossier.
    """
    blocks, lines = [], []
    for row in tables.translation_drift.itertuples(index=False):
        sentence = _sentence(tables, row.sentence_id)
        where = f"sentence {row.sentence_id}, paragraph {sentence['paragraph']}"
        quote = HighlightedQuote(sentence["text_vi"], sentence["text_en"], row.quote_vi, where)
        urls = row.source_urls.split()
        links = "<br>".join(f'<a href="{html.escape(u, quote=True)}">{html.escape(u)}</a>' for u in urls)
        # the Vietnamese (left) beside the English chain (right); one under the other on a narrow screen
        blocks.append(
            f'<div style="border-left:4px solid {PALETTE["blue"]};padding:0.1em 0.8em;margin:1em 0">'
            f'<p style="margin:0.2em 0"><strong>{html.escape(row.drift_id)}</strong></p>'
            f'<div style="display:flex;flex-wrap:wrap;gap:0.4em 1.5em">'
            f'<div style="flex:1 1 22em">{quote._repr_html_()}</div>'
            f'<div style="flex:1 1 22em">'
            f'<p style="margin:0.2em 0"><strong>English chain:</strong> {html.escape(row.english_chain_en)}</p>'
            f'<p style="margin:0.2em 0"><strong>What changed:</strong> {html.escape(row.change_en)}</p></div></div>'
            f'<p style="margin:0.2em 0"><strong>Sources:</strong><br>{links}</p></div>')
        lines += [row.drift_id, repr(quote), f"English chain: {row.english_chain_en}",
                  f"What changed: {row.change_en}", "Sources: " + " ".join(urls), ""]
    return Rendered("".join(blocks), "\n".join(lines).rstrip())
