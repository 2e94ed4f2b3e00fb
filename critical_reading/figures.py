"""Lesson 03: the article's casualty figures as intervals, and comparisons between figures.

Everything here works on the course's tables (``load_tables()``) and on the interval
rules of :mod:`critical_reading.intervals`, which it reuses rather than restates:

- :func:`article_figures` and :func:`figure_interval` — each figure of the article
  as an interval, with who says it and when (or ``undated``);
- :func:`implied_killed` and :func:`share_range` — implied quantities, such as
  two-thirds of "more than 4,000", or deaths as a share of the troops sent;
- :func:`item` and :func:`compare` — put any figure (``f02``), outside estimate
  (``e23``) or sum of estimates (``["e10", "e11"]``) side by side: do the ranges
  overlap, how far apart are the dates, and what would make them agree.

The outside estimates, the timeline and the reconciliation widget are in
:mod:`critical_reading.estimates`; the generated statement in :mod:`critical_reading.statements`.
Impossible assumptions (a share above 1, an unknown id) raise
:class:`~critical_reading.errors.AssumptionError`, which a notebook shows as one line.
Every sentence shown to a learner is in the catalogue (``catalogue/en/figures.toml``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from .data import Tables
from .errors import AssumptionError
from .intervals import ABOUT_TOLERANCE, Interval, format_number, qualified, row_interval
from .messages import DEFAULT_LANGUAGE, catalogue, format_date, language, listed, say, translating_the_article
from .reading import sentence_quote
from .render import Bullets, Stack
from .vietnamese import NUMBER_WORDS, parse_vi_number, vi_number_pattern

#: The quantities of ``figures.csv`` and ``estimates.csv``; quantities with the same words in the
#: catalogue (``figures.measure.*``) count the same thing (``troops_additional`` adds to ``troops_sent``).
MEASURES = ("troops_sent", "troops_additional", "troops_planned", "deminers", "military_builders",
            "engineers_arrived", "engineers", "killed", "wounded", "casualties", "share_killed",
            "settlements_closed", "settlements_total")

#: Definitions of troop counts that cover only the first deployment, not all troops sent
#: (``estimates.csv``: "troops sent (first deployment)", "troops sent initially").
FIRST_DEPLOYMENT = re.compile(r"first deployment|\binitially\b")

#: Counts that can only grow over time (a later, lower figure must count a different group).
CUMULATIVE = ("troops_sent", "killed", "wounded", "casualties")

#: Vietnamese words for losses that the lesson looks for in the article (source notes §3).
CASUALTY_WORDS = ("thương vong", "thiệt mạng", "chết")

# --------------------------------------------------------------------------- numbers

def describe_people(interval: Interval, unit: str = "") -> str:
    """An interval of people in words, rounded to whole people.

    >>> describe_people(Interval(2666.8, math.inf))
    'more than 2,667 (no upper bound given)'
    """
    rounded = Interval(round(interval.low), interval.high if interval.is_open else round(interval.high))
    return rounded.describe(unit)


def describe_share(interval: Interval, span: bool = False) -> str:
    """A range of shares (0 to 1) as whole percentages.

    With ``span=True`` both ends are always written ("39% to 100%"), for tables
    whose reader should see the upper end too.

    >>> describe_share(Interval(0.3896, 1.0))
    'at least 39%'
    >>> describe_share(Interval(0.3896, 1.0), span=True)
    '39% to 100%'
    >>> describe_share(Interval(0.0, 0.3667))
    'at most 37%'
    """
    low, high = round(interval.low * 100), round(interval.high * 100)
    if low == high:
        key = "share_exact"
    elif span:
        key, high = "share_span", min(high, 100)
    elif high >= 100 and low > 0:
        key = "share_at_least"
    elif low <= 0 and high < 100:
        key = "share_at_most"
    elif low <= 0 and high >= 100:
        key = "share_any"
    else:
        key = "share_span"
    return say(f"figures.{key}", low=low, high=high)


def add_intervals(*intervals: Interval) -> Interval:
    """The range of a sum of counts: lows add up, highs add up (open if any is open).

    >>> add_intervals(Interval(9900, 12100), Interval(2700, 3300)).describe()
    '12,600 to 15,400'
    """
    if not intervals:
        raise ValueError("add_intervals needs at least one interval")
    return Interval(sum(i.low for i in intervals), sum(i.high for i in intervals))


def check_share(share: object) -> float:
    """Return ``share`` as a float, or raise :class:`AssumptionError` unless 0 ≤ share ≤ 1."""
    if isinstance(share, bool) or not isinstance(share, (int, float)) or math.isnan(share):
        raise AssumptionError(say("figures.share_not_number", share=share))
    if not 0 <= share <= 1:
        raise AssumptionError(say("figures.share_impossible_value", share=share))
    return float(share)


def implied_killed(casualties: Interval, share: float | tuple[float, float]) -> Interval:
    """The killed implied by a casualty range if ``share`` of the casualties were killed.

    ``share`` is one number or a ``(low, high)`` pair, each between 0 and 1. An open
    casualty range (``more than``) gives an open killed range.

    >>> describe_people(implied_killed(Interval(4000, math.inf), 2 / 3))
    'more than 2,667 (no upper bound given)'
    """
    low, high = share if isinstance(share, (tuple, list)) else (share, share)
    low, high = check_share(low), check_share(high)
    if high < low:
        raise AssumptionError(say("figures.share_upside_down", low=low, high=high))
    return casualties.scale(low, high)


def share_range(part: Interval, whole: Interval) -> Interval | None:
    """What share of ``whole`` the count ``part`` can be, given both ranges, within 0 to 1.

    Used for deaths as a share of the troops sent, and for the share of casualties
    that must be killed for a killed figure and a casualty figure to fit together.
    A part cannot exceed its whole, so the share stops at 1; an open whole lets the
    share fall to 0. Returns ``None`` when no share fits (the part is larger than the
    whole can be).

    >>> describe_share(share_range(Interval(6000, math.inf), Interval(12600, 15400)))
    'at least 39%'
    >>> share_range(Interval(500, 600), Interval(100, 200)) is None
    True
    """
    if whole.high == 0:
        return Interval(0.0, 1.0) if part.low == 0 else None
    low = 0.0 if whole.is_open else part.low / whole.high
    high = math.inf if whole.low == 0 or part.is_open else part.high / whole.low
    if low > 1:
        return None
    return Interval(low, min(high, 1.0))


# --------------------------------------------------------------------------- the article's figures

def _num(x: object) -> float | None:
    return None if pd.isna(x) else float(x)


def _date(x: object) -> dt.date | None:
    return None if pd.isna(x) else pd.Timestamp(x).date()


def _iso(d: dt.date | None) -> str:
    return say("figures.undated_word") if d is None else format_date(d)


def measure(quantity: str) -> str:
    """What a quantity (or a ``+``-joined sum of quantities) measures, in words."""
    return " + ".join(dict.fromkeys(say(f"figures.measure.{q}") if q in MEASURES else q.replace("_", " ")
                                    for q in quantity.split("+")))


def figure_interval(tables: Tables, figure_id: str, about_tolerance: float = ABOUT_TOLERANCE) -> Interval:
    """The interval a figure of the article allows, by the qualifier rules of ``intervals.py``."""
    return row_interval(tables.figure(figure_id), about_tolerance)


def figure_value(tables: Tables, figure_id: str) -> float:
    """The number a figure states (e.g. ``f07``, "hai phần ba", is 0.6667)."""
    value = _num(tables.figure(figure_id)["value"])
    if value is None:
        raise AssumptionError(say("figures.vague_figure", figure_id=figure_id))
    return value


def figure_in_english(tables: Tables, text_vi: str) -> str:
    """An English working translation of a figure as the article writes it.

    The qualifier word comes from ``cues_vi.csv`` (``khoảng`` → about), numbers are
    rewritten the English way (``14.000`` → 14,000) and number words translated.

    >>> from critical_reading import load_tables
    >>> figure_in_english(load_tables(), "khoảng 14.000")
    'about 14,000'
    """
    text = text_vi.strip()
    lowered = text.lower()
    if lowered in NUMBER_WORDS:  # English whatever the learner's language: this is the English translation
        return catalogue(DEFAULT_LANGUAGE)[f"figures.number_word.{lowered}"]
    cues = tables.cues_vi[tables.cues_vi["category"] == "quantity_qualifier"]
    for cue, gloss in sorted(zip(cues["cue_vi"], cues["gloss_en"]), key=lambda c: -len(c[0])):
        if lowered == cue.lower() or lowered.startswith(cue.lower() + " "):
            text = gloss + text[len(cue):]
            break
    return vi_number_pattern().sub(lambda m: f"{parse_vi_number(m.group()):,.0f}", text)


def figure_as_said(tables: Tables, text_vi: str) -> str:
    """A figure in the learner's language: the article's own words in Vietnamese, else :func:`figure_in_english`."""
    return text_vi.strip() if language() == "vi" else figure_in_english(tables, text_vi)


def figure_words(tables: Tables, figure: pd.Series) -> str:
    """A figure as the article gives it (:func:`figure_as_said`), with the speaker's hedge if the data records one.

    ``figure`` is a row of ``figures.csv``; the hedge is ``hedge_vi`` where that column exists.
    """
    words = figure_as_said(tables, figure["text_vi"])
    hedge = figure.get("hedge_vi")
    return say("figures.hedged", figure=words, hedge_vi=hedge) if isinstance(hedge, str) and hedge else words


def article_figures(tables: Tables, with_intervals: bool = True, about_tolerance: float = ABOUT_TOLERANCE) -> pd.DataFrame:
    """One row per figure of the article: what it says, who says it, when, and its interval.

    Columns: ``figure``, ``as written`` (the Vietnamese words), ``English working
    translation``, ``quantity``,
    ``qualifier``, ``who says it``, ``when`` (a date, or ``undated``), ``interval``
    (in words), ``low`` and ``high`` (``inf`` = no upper bound). With ``with_intervals=False``
    the last three are left out (to predict them first).
    """
    names = tables.source_names
    rows = []
    for _, row in tables.figures.iterrows():
        interval = row_interval(row, about_tolerance)
        words = (describe_share(interval) if row["unit"] == "share"
                 else describe_people(interval) if row["unit"] == "people" else interval.describe())
        rows.append({"figure": row["figure_id"], "as written": row["text_vi"],
                     "English working translation": figure_in_english(tables, row["text_vi"]),
                     "quantity": row["quantity"],
                     "qualifier": row["qualifier"], "who says it": names[row["source_id"]],
                     "when": _iso(_date(row["as_of"])), "interval": words,
                     "low": interval.low, "high": interval.high})
    table = pd.DataFrame(rows)
    return table if with_intervals else table.drop(columns=["interval", "low", "high"])


def figure_quotes(tables: Tables, figure_ids: Iterable[str] | None = None) -> Stack:
    """The sentences that hold the given figures (all by default), each with its translation.

    Each sentence appears once, attributed to who says it and when.
    """
    ids = list(tables.figures["figure_id"]) if figure_ids is None else list(figure_ids)
    names = tables.source_names
    claims = tables.claims.set_index("claim_id")
    quotes, seen = [], set()
    for figure_id in ids:
        row = tables.figure(figure_id)
        sentence_id = claims.at[row["claim_id"], "sentence_id"]
        if sentence_id in seen:
            continue
        seen.add(sentence_id)
        attribution = say("figures.quote_attribution", who=names[row["source_id"]], date=_iso(_date(row["as_of"])),
                          sentence_id=sentence_id)
        quotes.append(sentence_quote(tables, sentence_id, attribution))
    return Stack(quotes)


def drift_for(tables: Tables, figure_id: str) -> Stack:
    """The documented differences between the English chain and the Vietnamese text, for the
    sentence that holds a figure.

    Raises :class:`AssumptionError` when none is recorded for that sentence.
    """
    row = tables.figure(figure_id)
    sentence_id = tables.claims.set_index("claim_id").at[row["claim_id"], "sentence_id"]
    rows = tables.translation_drift[tables.translation_drift["sentence_id"] == sentence_id]
    if rows.empty:
        raise AssumptionError(say("figures.no_drift", sentence_id=sentence_id, figure_id=figure_id))
    from .reading import drift_cards

    return drift_cards(tables, list(rows["drift_id"]))


def word_use(tables: Tables, words: Sequence[str] = CASUALTY_WORDS) -> pd.DataFrame:
    """Where each Vietnamese word occurs in the article, sentence by sentence.

    Columns: ``word``, ``sentence``, ``text_vi`` and ``English working translation``
    (the sentence's). Matches whole words, ignoring case.
    """
    rows = []
    for word in words:
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        for _, s in tables.sentences.iterrows():
            if pattern.search(s["text_vi"]):
                rows.append({"word": word, "sentence": s["sentence_id"], "text_vi": s["text_vi"],
                             "English working translation": s["text_en"]})
    columns = ["word", "sentence", "text_vi", *(["English working translation"] if translating_the_article() else [])]
    return pd.DataFrame(rows, columns=columns)


def death_rates(tables: Tables, about_tolerance: float = ABOUT_TOLERANCE) -> pd.DataFrame:
    """Deaths as a share of the troops sent, for each claimant who gives both, as ranges.

    Each share is written with both ends ("39% to 100%"): no more soldiers can die than were
    sent, so 100% is the ceiling when the deaths have no upper bound.

    For the unnamed sources: "more than 6,000" killed of "about 14,000" sent. For
    Zelensky: two-thirds of "more than 4,000" casualties, of "up to 12,000" sent.
    The pairs are found in ``figures.csv`` by claimant, not typed in.
    """
    f = tables.figures
    names = tables.source_names
    rows = []
    for source_id in dict.fromkeys(f["source_id"]):
        mine = f[f["source_id"] == source_id].set_index("quantity")
        if "troops_sent" not in mine.index:
            continue
        troops = row_interval(mine.loc["troops_sent"], about_tolerance)
        if "killed" in mine.index:
            killed = row_interval(mine.loc["killed"], about_tolerance)
            basis = say("figures.killed_as_said", figure=figure_as_said(tables, mine.at["killed", "text_vi"]))
        elif {"casualties", "share_killed"} <= set(mine.index):
            killed = implied_killed(row_interval(mine.loc["casualties"], about_tolerance),
                                    float(mine.at["share_killed", "value"]))
            basis = say("figures.share_of_casualties", share=figure_words(tables, mine.loc["share_killed"]),
                        casualties=figure_as_said(tables, mine.at["casualties", "text_vi"]))
        else:
            continue
        rate = share_range(killed, troops)
        rows.append({"who says it": names[source_id], "killed (as said)": basis,
                     "killed (interval)": describe_people(killed),
                     "troops sent": (f"{figure_as_said(tables, mine.at['troops_sent', 'text_vi'])}: "
                                     f"{describe_people(troops)}"),
                     "share of troops killed": describe_share(rate, span=True) if rate else say("figures.impossible")})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- items and comparisons

@dataclass(frozen=True)
class Item:
    """A figure of the article, an outside estimate, or a sum of estimates, ready to compare."""

    ids: tuple[str, ...]
    who: str
    quantity: str
    interval: Interval
    date: dt.date | None
    definition: str
    as_said: str
    urls: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The ids, joined with +, e.g. ``e10+e11``."""
        return "+".join(self.ids)

    def describe(self) -> str:
        """One line: ids, who, what, the interval and the date."""
        said = " ".join(x for x in (self.as_said, self.definition) if x)
        return say("figures.item", label=self.label, who=self.who, date=_iso(self.date), said=said,
                   interval=describe_people(self.interval))


#: What :func:`item` resolves: a figure or estimate id, ids to add up, or an :class:`Item`.
Ref = str | Sequence[str] | Item


def _figure_item(tables: Tables, figure_id: str, about_tolerance: float) -> Item:
    row = tables.figure(figure_id)
    return Item((figure_id,), tables.source_names[row["source_id"]], row["quantity"],
                row_interval(row, about_tolerance), _date(row["as_of"]), measure(row["quantity"]),
                figure_as_said(tables, row["text_vi"]))


def short_value(row: pd.Series) -> str:
    """A row's qualifier and number in words (``about 14,000``), or its number alone if vague."""
    value = _num(row["value"])
    return "" if value is None else qualified(row["qualifier"], value)


def estimate_text(tables: Tables, row: pd.Series, column: str) -> str:
    """An estimate's ``source``, ``via``, ``definition`` or ``note_en`` as the learner's language shows it."""
    return tables.shown("estimates", column, row[column])


def _estimate_item(tables: Tables, estimate_id: str, about_tolerance: float) -> Item:
    row = tables.estimate(estimate_id)
    via = say("figures.via", via=estimate_text(tables, row, "via")) if pd.notna(row["via"]) else ""
    return Item((estimate_id,), estimate_text(tables, row, "source") + via, row["quantity"],
                row_interval(row, about_tolerance), _date(row["date"]), estimate_text(tables, row, "definition"),
                short_value(row), (row["url"],))


def item(tables: Tables, ref: Ref, about_tolerance: float = ABOUT_TOLERANCE) -> Item:
    """Resolve ``ref`` to an :class:`Item`.

    ``ref`` is a figure id (``"f02"``), an estimate id (``"e23"``), a list of ids whose
    counts are added up (``["e10", "e11"]``: about 11,000 plus about 3,000), or an
    :class:`Item` already made (returned as it is).
    """
    if isinstance(ref, Item):
        return ref
    if isinstance(ref, str):
        if ref in set(tables.figures["figure_id"]):
            return _figure_item(tables, ref, about_tolerance)
        return _estimate_item(tables, ref, about_tolerance)
    parts = [item(tables, r, about_tolerance) for r in ref]
    if not parts:
        raise AssumptionError(say("figures.no_ids"))
    if len(parts) == 1:
        return parts[0]
    measures = list(dict.fromkeys(measure(p.quantity) for p in parts))
    dates = [p.date for p in parts]
    return Item(tuple(i for p in parts for i in p.ids), listed(list(dict.fromkeys(p.who for p in parts))),
                parts[0].quantity if len(measures) == 1 else "+".join(p.quantity for p in parts),
                add_intervals(*(p.interval for p in parts)), None if None in dates else max(dates),
                " + ".join(f"{p.as_said} {p.definition}" for p in parts), say("figures.together"),
                tuple(dict.fromkeys(u for p in parts for u in p.urls)))


def implied_item(tables: Tables, casualties_ref: Ref, share: float | None = None, share_ref: str | None = None,
                 about_tolerance: float = ABOUT_TOLERANCE) -> Item:
    """The killed implied by a casualty figure or estimate at a share killed.

    Give the share as a number (``share=0.1``) or as a figure id that states it
    (``share_ref="f07"``, Zelensky's "hai phần ba").
    """
    base = item(tables, casualties_ref, about_tolerance)
    if base.quantity != "casualties":
        raise AssumptionError(say("figures.not_casualties", label=base.label, quantity=base.quantity))
    if share_ref is not None:
        share = figure_value(tables, share_ref)
        as_said = say("figures.share_of", share=figure_words(tables, tables.figure(share_ref)))
        ids = base.ids + (share_ref,)
    else:
        share = check_share(share)
        as_said, ids = say("figures.share_times", share=share), base.ids
    return Item(ids, base.who, "killed", implied_killed(base.interval, share), base.date,
                say("figures.implied", share=as_said, base=base.as_said), "", base.urls)


@dataclass(frozen=True)
class Comparison:
    """Two items side by side: overlap, dates, and what would make them agree.

    Displays as a few plain sentences (from the catalogue, ``figures.toml``).
    """

    first: Item
    second: Item

    @property
    def overlap(self) -> bool:
        """True when the two ranges share at least one value."""
        return self.first.interval.overlaps(self.second.interval)

    @property
    def common(self) -> Interval | None:
        """The values both ranges allow, or ``None``."""
        return self.first.interval.intersection(self.second.interval)

    @property
    def gap(self) -> float:
        """How far apart the ranges are at their closest (0 when they overlap)."""
        a, b = self.first.interval, self.second.interval
        return max(0.0, a.low - b.high, b.low - a.high)

    @property
    def days_apart(self) -> int | None:
        """Days from the earlier to the later date; ``None`` if either is undated."""
        if self.first.date is None or self.second.date is None:
            return None
        return abs((self.second.date - self.first.date).days)

    @property
    def share_needed(self) -> Interval | None:
        """For killed against casualties: the share killed that lets them fit (else ``None``)."""
        pair = {self.first.quantity: self.first, self.second.quantity: self.second}
        if set(pair) != {"killed", "casualties"}:
            return None
        return share_range(pair["killed"].interval, pair["casualties"].interval)

    @property
    def same_measure(self) -> bool:
        """True when both count the same thing (e.g. killed and killed)."""
        return measure(self.first.quantity) == measure(self.second.quantity)

    def sentences(self) -> list[str]:
        """The comparison in plain sentences."""
        a, b = self.first, self.second
        out = [a.describe(), b.describe()]
        quantities = {a.quantity, b.quantity}
        if self.same_measure:
            out.append(say("figures.same_measure", quantity=measure(a.quantity)))
        elif quantities == {"killed", "casualties"}:
            killed, casualties = (a, b) if a.quantity == "killed" else (b, a)
            out.append(say("figures.killed_in_casualties", killed=killed.label, casualties=casualties.label))
        else:
            out.append(say("figures.other_measures", first=a.label, second=b.label,
                                                     q1=measure(a.quantity), q2=measure(b.quantity)))
        if self.overlap:
            out.append(say("figures.overlap", common=describe_people(self.common)))
        else:
            out.append(say("figures.no_overlap", gap=format_number(self.gap, whole=True)))
        if self.days_apart is None:
            which = listed([x.label for x in (a, b) if x.date is None])
            out.append(say("figures.undated", which=which))
        elif self.days_apart == 0:
            out.append(say("figures.same_day", d1=_iso(a.date)))
        else:
            out.append(say("figures.dates", first=a.label, second=b.label, d1=_iso(a.date), d2=_iso(b.date),
                                            days=self.days_apart))
        if self.same_measure and not self.overlap and _cumulative(a.quantity):
            if self.days_apart == 0:
                out.append(say("figures.same_day_clash"))
            elif self.days_apart is not None:
                earlier, later = (a, b) if a.date < b.date else (b, a)
                if later.interval.low > earlier.interval.high:
                    out.append(say("figures.grow", gap=format_number(self.gap, whole=True), days=self.days_apart))
                else:
                    out.append(say("figures.shrink"))
        if quantities == {"killed", "casualties"}:
            share = self.share_needed
            out.append(say("figures.share_fits", share=describe_share(share)) if share
                       else say("figures.share_impossible"))
        return out

    def __repr__(self) -> str:
        return "\n".join(self.sentences())

    def _repr_html_(self) -> str:
        lines = self.sentences()
        return Bullets(lines[:2], lines[2:])._repr_html_()


def _cumulative(quantity: str) -> bool:
    """True for counts that can only grow over time (a later, lower figure counts another group)."""
    return all(q in CUMULATIVE or q == "troops_additional" for q in quantity.split("+"))


def compare(tables: Tables, first: Ref, second: Ref, about_tolerance: float = ABOUT_TOLERANCE) -> Comparison:
    """Compare two figures or estimates (ids, lists of ids to add up, or :class:`Item`).

    >>> from critical_reading import load_tables
    >>> compare(load_tables(), "f02", "e23").overlap
    False
    """
    return Comparison(item(tables, first, about_tolerance), item(tables, second, about_tolerance))
