"""Lesson 03: do the article's casualty figures agree, and what would make them agree?

Everything here works on the course's tables (``load_tables()``) and on the interval
rules of :mod:`critical_reading.intervals`, which it reuses rather than restates:

- :func:`article_figures` and :func:`figure_interval` — each figure of the article
  as an interval, with who says it and when (or ``undated``);
- :func:`implied_killed` and :func:`share_range` — implied quantities, such as
  two-thirds of "more than 4,000", or deaths as a share of the troops sent;
- :func:`item` and :func:`compare` — put any figure (``f02``), outside estimate
  (``e23``) or sum of estimates (``["e10", "e11"]``) side by side: do the ranges
  overlap, how far apart are the dates, and what would make them agree;
- :func:`estimates_table`, :func:`evidence` and :func:`timeline_chart` — the dated
  outside estimates, with their links, as a table and as an accessible chart;
- :func:`reconcile` (behind the lesson's widget) and :func:`reconciled_statement` —
  the learner's assumptions (the share of casualties killed, the sources, an as-of
  date) and what follows from them.

Impossible assumptions (a share above 1, no source, a date outside the data) raise
:class:`~critical_reading.errors.AssumptionError`, which a notebook shows as one line.

Learner-facing sentences that code generates are kept in two dictionaries, :data:`TEXT`
(comparisons) and :data:`STATEMENT` (the reconciled statement), so that a Vietnamese
edition can replace them in one place.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import pandas as pd

from .display import MARKERS, PALETTE, Chart, Quote, new_figure
from .errors import AssumptionError
from .intervals import ABOUT_TOLERANCE, Interval, interval_for

#: Estimate quantities that count losses: the two measures the timeline shows.
LOSS_QUANTITIES = ("killed", "casualties")

#: How each measure is drawn: colour (Okabe–Ito), marker and hatch, so meaning never
#: rests on colour alone.
STYLE = {
    "killed": {"color": PALETTE["vermillion"], "marker": MARKERS[0], "hatch": "///"},
    "casualties": {"color": PALETTE["blue"], "marker": MARKERS[1], "hatch": "..."},
    "implied": {"color": PALETTE["green"], "marker": MARKERS[2], "hatch": "xx"},
    "article": {"marker": MARKERS[7]},
}

#: Short labels for the chart; any source not listed is labelled by its full name.
SHORT_NAMES = {
    "South Korea NIS": "NIS", "South Korea JCS": "JCS", "UK Defence Intelligence": "UK DI",
    "Volodymyr Zelensky": "Zelensky", "Kim Jong Un": "Kim", "Sergei Shoigu (Russia)": "Shoigu",
}

#: What each quantity measures, in words; quantities with the same words count the same thing
#: (``troops_additional`` adds to ``troops_sent``: both are troops sent).
MEASURES = {
    "troops_sent": "troops sent", "troops_additional": "troops sent", "troops_planned": "troops planned",
    "deminers": "deminers", "military_builders": "military builders", "engineers_arrived": "engineers arrived",
    "engineers": "engineers", "killed": "killed", "wounded": "wounded", "casualties": "casualties",
    "share_killed": "share killed", "settlements_closed": "settlements closed",
    "settlements_total": "settlements in all",
}

#: Definitions of troop counts that cover only the first deployment, not all troops sent
#: (``estimates.csv``: "troops sent (first deployment)", "troops sent initially").
FIRST_DEPLOYMENT = re.compile(r"first deployment|\binitially\b")

#: Counts that can only grow over time (a later, lower figure must count a different group).
CUMULATIVE = ("troops sent", "killed", "wounded", "casualties")

#: English for the number words of the article (the qualifier words come from ``cues_vi.csv``).
NUMBER_WORDS_EN = {"hai phần ba": "two-thirds", "một nửa": "one half", "một phần ba": "one third",
                   "ba phần tư": "three quarters"}

#: Vietnamese words for losses that the lesson looks for in the article (dossier §3).
CASUALTY_WORDS = ("thương vong", "thiệt mạng", "chết")

#: Every sentence this module generates for learners, in one place for translation.
TEXT = {
    "same_measure": "Both count {quantity}.",
    "killed_in_casualties": ("Different measures: {killed} counts the killed, {casualties} counts "
                             "casualties (killed, wounded, missing and captured), so the killed "
                             "are part of the casualties."),
    "other_measures": "Different measures: {first} counts {q1}, {second} counts {q2}.",
    "overlap": "The ranges overlap: both allow {common}.",
    "no_overlap": "The ranges do not overlap: they are at least {gap} apart.",
    "dates": "{first} is dated {d1}, {second} {d2}: {days} days apart.",
    "same_day": "Both are dated {d1}.",
    "undated": "{which} is undated, so the two cannot be put in time order.",
    "grow": ("Counts like this only grow, so both can be right only if the count grew by at least {gap} "
             "in the {days} days between them, or if they count different groups."),
    "shrink": ("The later figure is lower, but counts like this only grow: both can be right only "
               "if they count different groups (compare the definitions)."),
    "same_day_clash": "Both can be right only if they count different groups (compare the definitions).",
    "share_fits": "They fit together if the killed are {share} of the casualties.",
    "share_impossible": "They cannot fit together: the killed would outnumber the casualties.",
}


# --------------------------------------------------------------------------- numbers

def describe_people(interval: Interval, unit: str = "") -> str:
    """An interval of people in words, rounded to whole people.

    >>> describe_people(Interval(2666.8, math.inf))
    'at least 2,667 (no upper bound given)'
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
        return f"{low}%"
    if span:
        return f"{low}% to {min(high, 100)}%"
    if high >= 100 and low > 0:
        return f"at least {low}%"
    if low <= 0 and high < 100:
        return f"at most {high}%"
    if low <= 0 and high >= 100:
        return "any share (0% to 100%)"
    return f"{low}% to {high}%"


def add_intervals(*intervals: Interval) -> Interval:
    """The range of a sum of counts: lows add up, highs add up (open if any is open).

    >>> add_intervals(Interval(9900, 12100), Interval(2700, 3300)).describe()
    '12,600 to 15,400'
    """
    if not intervals:
        raise ValueError("add_intervals needs at least one interval")
    return Interval(sum(i.low for i in intervals), sum(i.high for i in intervals))


def check_share(share) -> float:
    """Return ``share`` as a float, or raise :class:`AssumptionError` unless 0 ≤ share ≤ 1."""
    if isinstance(share, bool) or not isinstance(share, (int, float)) or math.isnan(share):
        raise AssumptionError(f"the share killed must be a number between 0 and 1, not {share!r}.")
    if not 0 <= share <= 1:
        raise AssumptionError(f"a share killed of {share:g} is impossible: the killed are part of the "
                              "casualties, so the share is between 0 (none) and 1 (all).")
    return float(share)


def implied_killed(casualties: Interval, share) -> Interval:
    """The killed implied by a casualty range if ``share`` of the casualties were killed.

    ``share`` is one number or a ``(low, high)`` pair, each between 0 and 1. An open
    casualty range (``more than``) gives an open killed range.

    >>> describe_people(implied_killed(Interval(4000, math.inf), 2 / 3))
    'at least 2,667 (no upper bound given)'
    """
    low, high = share if isinstance(share, (tuple, list)) else (share, share)
    low, high = check_share(low), check_share(high)
    if high < low:
        raise AssumptionError(f"the share range {low:g} to {high:g} is upside down: put the smaller first.")
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

def _num(x) -> float | None:
    return None if pd.isna(x) else float(x)


def _date(x) -> dt.date | None:
    return None if pd.isna(x) else pd.Timestamp(x).date()


def _iso(d: dt.date | None) -> str:
    return "undated" if d is None else d.isoformat()


def _figure_row(tables, figure_id: str):
    rows = tables.figures[tables.figures["figure_id"] == figure_id]
    if rows.empty:
        known = ", ".join(tables.figures["figure_id"])
        raise AssumptionError(f"there is no figure {figure_id!r}; figures: {known}.")
    return rows.iloc[0]


def _estimate_row(tables, estimate_id: str):
    rows = tables.estimates[tables.estimates["estimate_id"] == estimate_id]
    if rows.empty:
        raise AssumptionError(f"there is no outside estimate {estimate_id!r}; estimates run from "
                              f"{tables.estimates['estimate_id'].iloc[0]} to {tables.estimates['estimate_id'].iloc[-1]}.")
    return rows.iloc[0]


def _row_interval(row, about_tolerance: float) -> Interval:
    """The row's interval by the rules of ``intervals.py``, cleaned of float noise (15400.000000000002)."""
    raw = interval_for(_num(row["value"]), row["qualifier"], low=_num(row["low"]), high=_num(row["high"]),
                       about_tolerance=about_tolerance)
    return Interval(round(raw.low, 6), raw.high if raw.is_open else round(raw.high, 6))


def figure_interval(tables, figure_id: str, about_tolerance: float = ABOUT_TOLERANCE) -> Interval:
    """The interval a figure of the article allows, by the qualifier rules of ``intervals.py``."""
    return _row_interval(_figure_row(tables, figure_id), about_tolerance)


def figure_value(tables, figure_id: str) -> float:
    """The number a figure states (e.g. ``f07``, "hai phần ba", is 0.6667)."""
    value = _num(_figure_row(tables, figure_id)["value"])
    if value is None:
        raise AssumptionError(f"figure {figure_id} is vague: it states no single number, only a range.")
    return value


def _source_names(tables) -> dict[str, str]:
    return tables.source_names


def figure_in_english(tables, text_vi: str) -> str:
    """An English working translation of a figure as the article writes it.

    The qualifier word comes from ``cues_vi.csv`` (``khoảng`` → about), numbers are
    rewritten the English way (``14.000`` → 14,000) and number words translated.

    >>> from critical_reading import load_tables
    >>> figure_in_english(load_tables(), "khoảng 14.000")
    'about 14,000'
    """
    from .vietnamese import _NUMBER, parse_vi_number

    text = text_vi.strip()
    lowered = text.lower()
    if lowered in NUMBER_WORDS_EN:
        return NUMBER_WORDS_EN[lowered]
    cues = tables.cues_vi[tables.cues_vi["category"] == "quantity_qualifier"]
    for cue, gloss in sorted(zip(cues["cue_vi"], cues["gloss_en"]), key=lambda c: -len(c[0])):
        if lowered == cue.lower() or lowered.startswith(cue.lower() + " "):
            text = gloss + text[len(cue):]
            break
    return _NUMBER.sub(lambda m: f"{parse_vi_number(m.group()):,.0f}", text)


def article_figures(tables, with_intervals: bool = True, about_tolerance: float = ABOUT_TOLERANCE) -> pd.DataFrame:
    """One row per figure of the article: what it says, who says it, when, and its interval.

    Columns: ``figure``, ``as written`` (the Vietnamese words), ``English working
    translation``, ``quantity``,
    ``qualifier``, ``who says it``, ``when`` (a date, or ``undated``), ``interval``
    (in words), ``low`` and ``high`` (``inf`` = no upper bound). With ``with_intervals=False``
    the last three are left out (to predict them first).
    """
    names = _source_names(tables)
    rows = []
    for _, row in tables.figures.iterrows():
        interval = _row_interval(row, about_tolerance)
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


class Quotes:
    """Several :class:`~critical_reading.display.Quote` objects displayed together."""

    def __init__(self, quotes: Sequence[Quote]):
        self.quotes = list(quotes)

    def __repr__(self) -> str:
        return "\n\n".join(repr(q) for q in self.quotes)

    def _repr_html_(self) -> str:
        return "".join(q._repr_html_() for q in self.quotes)


def figure_quotes(tables, figure_ids: Iterable[str] | None = None) -> Quotes:
    """The sentences that hold the given figures (all by default), each with its translation.

    Each sentence appears once, attributed to who says it and when.
    """
    ids = list(tables.figures["figure_id"]) if figure_ids is None else list(figure_ids)
    names = _source_names(tables)
    claims = tables.claims.set_index("claim_id")
    sentences = tables.sentences.set_index("sentence_id")
    quotes, seen = [], set()
    for figure_id in ids:
        row = _figure_row(tables, figure_id)
        sentence_id = claims.at[row["claim_id"], "sentence_id"]
        if sentence_id in seen:
            continue
        seen.add(sentence_id)
        sentence = sentences.loc[sentence_id]
        attribution = f"{names[row['source_id']]} · {_iso(_date(row['as_of']))} · sentence {sentence_id}"
        quotes.append(Quote(sentence["text_vi"], sentence["text_en"], attribution))
    return Quotes(quotes)


class DriftNote:
    """A documented difference between the English chain and the Vietnamese text, beside its sentence.

    The rows come from ``translation_drift.csv``. Where in the chain (Reuters, Fox, other
    English rewrites, or the Vietnamese translation) each change happened is not always known.
    """

    def __init__(self, quote: Quote, rows: pd.DataFrame):
        self.quote, self.rows = quote, rows

    def __repr__(self) -> str:
        lines = [repr(self.quote)]
        for _, r in self.rows.iterrows():
            lines += [f"{r['drift_id']} · English chain: {r['english_chain_en']}", f"What changed: {r['change_en']}",
                      "Sources: " + " ".join(r["source_urls"].split())]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        parts = [self.quote._repr_html_()]
        for _, r in self.rows.iterrows():
            links = " ".join(f'<a href="{html.escape(u, quote=True)}">{html.escape(u)}</a>'
                             for u in r["source_urls"].split())
            parts.append(f"<p><strong>{html.escape(r['drift_id'])} · English chain:</strong> "
                         f"{html.escape(r['english_chain_en'])}<br><strong>What changed:</strong> "
                         f"{html.escape(r['change_en'])}<br><small>Sources: {links}</small></p>")
        return "".join(parts)


def drift_for(tables, figure_id: str) -> DriftNote:
    """The documented differences between the English chain and the Vietnamese text, for the
    sentence that holds a figure.

    Raises :class:`AssumptionError` when none is recorded for that sentence.
    """
    row = _figure_row(tables, figure_id)
    sentence_id = tables.claims.set_index("claim_id").at[row["claim_id"], "sentence_id"]
    rows = tables.translation_drift[tables.translation_drift["sentence_id"] == sentence_id]
    if rows.empty:
        raise AssumptionError(f"no difference from the English chain is recorded for sentence {sentence_id} "
                              f"({figure_id}).")
    quote = figure_quotes(tables, [figure_id]).quotes[0]
    return DriftNote(quote, rows)


def word_use(tables, words: Sequence[str] = CASUALTY_WORDS) -> pd.DataFrame:
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
    return pd.DataFrame(rows, columns=["word", "sentence", "text_vi", "English working translation"])


def death_rates(tables, about_tolerance: float = ABOUT_TOLERANCE) -> pd.DataFrame:
    """Deaths as a share of the troops sent, for each claimant who gives both, as ranges.

    Each share is written with both ends ("39% to 100%"): no more soldiers can die than were
    sent, so 100% is the ceiling when the deaths have no upper bound.

    For the unnamed sources: "more than 6,000" killed of "about 14,000" sent. For
    Zelensky: two-thirds of "more than 4,000" casualties, of "up to 12,000" sent.
    The pairs are found in ``figures.csv`` by claimant, not typed in.
    """
    f = tables.figures
    names = _source_names(tables)
    rows = []
    for source_id in dict.fromkeys(f["source_id"]):
        mine = f[f["source_id"] == source_id].set_index("quantity")
        if "troops_sent" not in mine.index:
            continue
        troops = _row_interval(mine.loc["troops_sent"], about_tolerance)
        if "killed" in mine.index:
            killed = _row_interval(mine.loc["killed"], about_tolerance)
            basis = f"{figure_in_english(tables, mine.at['killed', 'text_vi'])} killed"
        elif {"casualties", "share_killed"} <= set(mine.index):
            killed = implied_killed(_row_interval(mine.loc["casualties"], about_tolerance),
                                    float(mine.at["share_killed", "value"]))
            basis = (f"{figure_in_english(tables, mine.at['share_killed', 'text_vi'])} of "
                     f"{figure_in_english(tables, mine.at['casualties', 'text_vi'])} casualties")
        else:
            continue
        rate = share_range(killed, troops)
        rows.append({"who says it": names[source_id], "killed (as said)": basis,
                     "killed (interval)": describe_people(killed),
                     "troops sent": (f"{figure_in_english(tables, mine.at['troops_sent', 'text_vi'])}: "
                                     f"{describe_people(troops)}"),
                     "share of troops killed": describe_share(rate, span=True) if rate else "impossible"})
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
        return f"{self.label} ({self.who}, {_iso(self.date)}): {said} = {describe_people(self.interval)}"


def _figure_item(tables, figure_id, about_tolerance) -> Item:
    row = _figure_row(tables, figure_id)
    return Item((figure_id,), _source_names(tables)[row["source_id"]], row["quantity"],
                _row_interval(row, about_tolerance), _date(row["as_of"]), MEASURES[row["quantity"]],
                figure_in_english(tables, row["text_vi"]))


def _short_value(row) -> str:
    value = _num(row["value"])
    number = f"{value:,.0f}" if value is not None else ""
    return {"about": f"about {number}", "more_than": f"more than {number}", "up_to": f"up to {number}",
            "exact": number}.get(row["qualifier"], number)


def _estimate_item(tables, estimate_id, about_tolerance) -> Item:
    row = _estimate_row(tables, estimate_id)
    who = row["source"] + (f" via {row['via']}" if pd.notna(row["via"]) else "")
    return Item((estimate_id,), who, row["quantity"], _row_interval(row, about_tolerance), _date(row["date"]),
                row["definition"], _short_value(row), (row["url"],))


def item(tables, ref, about_tolerance: float = ABOUT_TOLERANCE) -> Item:
    """Resolve ``ref`` to an :class:`Item`.

    ``ref`` is a figure id (``"f02"``), an estimate id (``"e23"``), a list of ids whose
    counts are added up (``["e10", "e11"]``: about 11,000 plus about 3,000), or an
    :class:`Item` already made (returned as it is).
    """
    if isinstance(ref, Item):
        return ref
    if isinstance(ref, str):
        if ref.startswith("f"):
            return _figure_item(tables, ref, about_tolerance)
        return _estimate_item(tables, ref, about_tolerance)
    parts = [item(tables, r, about_tolerance) for r in ref]
    if not parts:
        raise AssumptionError("give at least one figure or estimate id to add up.")
    if len(parts) == 1:
        return parts[0]
    measures = list(dict.fromkeys(MEASURES[p.quantity] for p in parts))
    dates = [p.date for p in parts]
    return Item(tuple(i for p in parts for i in p.ids), " and ".join(dict.fromkeys(p.who for p in parts)),
                parts[0].quantity if len(measures) == 1 else "+".join(p.quantity for p in parts),
                add_intervals(*(p.interval for p in parts)), None if None in dates else max(dates),
                " + ".join(f"{p.as_said} {p.definition}" for p in parts), "together:",
                tuple(dict.fromkeys(u for p in parts for u in p.urls)))


def implied_item(tables, casualties_ref, share=None, share_ref: str | None = None,
                 about_tolerance: float = ABOUT_TOLERANCE) -> Item:
    """The killed implied by a casualty figure or estimate at a share killed.

    Give the share as a number (``share=0.1``) or as a figure id that states it
    (``share_ref="f07"``, Zelensky's "hai phần ba").
    """
    base = item(tables, casualties_ref, about_tolerance)
    if base.quantity != "casualties":
        raise AssumptionError(f"{base.label} counts {base.quantity}, not casualties: "
                              "only a casualty figure implies a number killed.")
    if share_ref is not None:
        share, as_said = figure_value(tables, share_ref), f"{item(tables, share_ref).as_said} of"
        ids = base.ids + (share_ref,)
    else:
        share = check_share(share)
        as_said, ids = f"{share:.2f} ×", base.ids
    return Item(ids, base.who, "killed", implied_killed(base.interval, share), base.date,
                f"killed (implied: {as_said} {base.as_said} casualties)", "", base.urls)


@dataclass(frozen=True)
class Comparison:
    """Two items side by side: overlap, dates, and what would make them agree.

    Displays as a few plain sentences (made from :data:`TEXT`).
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
        return _measure(self.first.quantity) == _measure(self.second.quantity)

    def sentences(self) -> list[str]:
        """The comparison in plain sentences."""
        a, b = self.first, self.second
        out = [a.describe(), b.describe()]
        quantities = {a.quantity, b.quantity}
        if self.same_measure:
            out.append(TEXT["same_measure"].format(quantity=_measure(a.quantity)))
        elif quantities == {"killed", "casualties"}:
            killed, casualties = (a, b) if a.quantity == "killed" else (b, a)
            out.append(TEXT["killed_in_casualties"].format(killed=killed.label, casualties=casualties.label))
        else:
            out.append(TEXT["other_measures"].format(first=a.label, second=b.label,
                                                     q1=_measure(a.quantity), q2=_measure(b.quantity)))
        if self.overlap:
            out.append(TEXT["overlap"].format(common=describe_people(self.common)))
        else:
            out.append(TEXT["no_overlap"].format(gap=f"{self.gap:,.0f}"))
        if self.days_apart is None:
            which = " and ".join(x.label for x in (a, b) if x.date is None)
            out.append(TEXT["undated"].format(which=which))
        elif self.days_apart == 0:
            out.append(TEXT["same_day"].format(d1=_iso(a.date)))
        else:
            out.append(TEXT["dates"].format(first=a.label, second=b.label, d1=_iso(a.date), d2=_iso(b.date),
                                            days=self.days_apart))
        if self.same_measure and not self.overlap and _measure(a.quantity) in CUMULATIVE:
            if self.days_apart == 0:
                out.append(TEXT["same_day_clash"])
            elif self.days_apart is not None:
                earlier, later = (a, b) if a.date < b.date else (b, a)
                if later.interval.low > earlier.interval.high:
                    out.append(TEXT["grow"].format(gap=f"{self.gap:,.0f}", days=self.days_apart))
                else:
                    out.append(TEXT["shrink"])
        if quantities == {"killed", "casualties"}:
            share = self.share_needed
            out.append(TEXT["share_fits"].format(share=describe_share(share)) if share
                       else TEXT["share_impossible"])
        return out

    def __repr__(self) -> str:
        return "\n".join(self.sentences())

    def _repr_html_(self) -> str:
        lines = self.sentences()
        head = "".join(f"<li>{html.escape(s)}</li>" for s in lines[:2])
        return f'<ul style="margin:0">{head}</ul><p>{html.escape(" ".join(lines[2:]))}</p>'


def _measure(quantity: str) -> str:
    return " + ".join(dict.fromkeys(MEASURES.get(q, q.replace("_", " ")) for q in quantity.split("+")))


def compare(tables, first, second, about_tolerance: float = ABOUT_TOLERANCE) -> Comparison:
    """Compare two figures or estimates (ids, lists of ids to add up, or :class:`Item`).

    >>> from critical_reading import load_tables
    >>> compare(load_tables(), "f02", "e23").overlap
    False
    """
    return Comparison(item(tables, first, about_tolerance), item(tables, second, about_tolerance))


# --------------------------------------------------------------------------- outside estimates

class Paragraph(str):
    """A string that a notebook shows as a wrapped paragraph (HTML) and as itself in plain text."""

    def __repr__(self) -> str:
        return str.__str__(self)

    def _repr_html_(self) -> str:
        return f'<p style="max-width:60em">{html.escape(self)}</p>'


def _link(url: str) -> str:
    """A clickable URL whose text may wrap after / ? & = (``<wbr>``), so a table stays narrow."""
    text = re.sub(r"([/?&=])", r"\1<wbr>", html.escape(url))
    return f'<a href="{html.escape(url, quote=True)}" title="{html.escape(url, quote=True)}">{text}</a>'


class LinkedTable:
    """A table whose ``url`` column shows as clickable links; ``.data`` is the DataFrame."""

    def __init__(self, data: pd.DataFrame):
        self.data = data

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", 120, "display.width", 200):
            return self.data.to_string(index=False)

    def _repr_html_(self) -> str:
        shown = self.data.astype(object).map(lambda v: "" if v is None or v is pd.NA else html.escape(str(v)))
        if "url" in self.data:
            shown["url"] = [_link(u) for u in self.data["url"]]
        return shown.to_html(index=False, escape=False, border=0)

    def __len__(self) -> int:
        return len(self.data)


def _estimate_frame(tables, rows: pd.DataFrame, about_tolerance: float) -> pd.DataFrame:
    out = []
    for _, row in rows.iterrows():
        interval = _row_interval(row, about_tolerance)
        out.append({"id": row["estimate_id"], "date": _iso(_date(row["date"])), "source": row["source"],
                    "via": row["via"] if pd.notna(row["via"]) else "", "side": row["side"],
                    "quantity": row["quantity"], "definition": row["definition"],
                    "low": interval.low, "best": float(row["value"]), "high": interval.high,
                    "range": describe_people(interval), "url": row["url"]})
    return pd.DataFrame(out, columns=["id", "date", "source", "via", "side", "quantity", "definition",
                                      "low", "best", "high", "range", "url"])


def loss_sources(tables) -> list[str]:
    """The sources with an outside estimate of killed or casualties, in order of first date."""
    e = tables.estimates[tables.estimates["quantity"].isin(LOSS_QUANTITIES)].sort_values("date", kind="stable")
    return list(dict.fromkeys(e["source"]))


def estimate_dates(tables) -> list[dt.date]:
    """Every date on which an outside estimate was published, in order."""
    return sorted({_date(d) for d in tables.estimates["date"]})


@dataclass(frozen=True)
class Assumptions:
    """A checked set of choices: share killed (or ``None``), sources, as-of date."""

    share: float | None
    sources: tuple[str, ...]
    as_of: dt.date


def check_assumptions(tables, share=None, sources=None, as_of=None) -> Assumptions:
    """Check the learner's choices and return them tidied, or raise :class:`AssumptionError`.

    - ``share``: the share of casualties killed, between 0 and 1 (``None``: no assumption);
    - ``sources``: names from :func:`loss_sources` (``None``: all of them; empty: refused);
    - ``as_of``: a date (``date``, ``Timestamp`` or ``"YYYY-MM-DD"``) within the estimates'
      dates (``None``: the article's date).
    """
    share = None if share is None else check_share(share)
    allowed = loss_sources(tables)
    if sources is None:
        chosen = tuple(allowed)
    else:
        chosen = (sources,) if isinstance(sources, str) else tuple(sources)
        if not chosen:
            raise AssumptionError("no source is selected: choose at least one source of estimates.")
        unknown = [s for s in chosen if s not in allowed]
        if unknown:
            raise AssumptionError(f"{unknown[0]!r} is not a source of loss estimates; "
                                  f"choose from: {', '.join(allowed)}.")
    if as_of is None:
        day = tables.publication_date
    else:
        if isinstance(as_of, (bool, int, float)):
            raise AssumptionError(f"{as_of!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-11-14.")
        try:
            stamp = pd.Timestamp(as_of)
        except (ValueError, TypeError):
            raise AssumptionError(f"{as_of!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-11-14.") from None
        if pd.isna(stamp):
            raise AssumptionError("no as-of date is chosen: pick a date, e.g. 2025-11-14.")
        day = stamp.date()
    first, last = estimate_dates(tables)[0], estimate_dates(tables)[-1]
    if not first <= day <= last:
        raise AssumptionError(f"{day.isoformat()} is outside the data: choose a date from "
                              f"{first.isoformat()} to {last.isoformat()}.")
    return Assumptions(share, chosen, day)


def _selected(tables, a: Assumptions, quantities=LOSS_QUANTITIES) -> pd.DataFrame:
    e = tables.estimates
    mask = (e["quantity"].isin(quantities) & e["source"].isin(a.sources)
            & (e["date"] <= pd.Timestamp(a.as_of)))
    return e[mask].sort_values(["date", "estimate_id"], kind="stable")


def estimates_table(tables, quantities: Sequence[str] = LOSS_QUANTITIES, sources=None, as_of=None,
                    about_tolerance: float = ABOUT_TOLERANCE) -> LinkedTable:
    """The dated outside estimates of the given quantities, low / best / high, with links.

    ``best`` is the number the source gave; ``low`` and ``high`` follow from its qualifier
    (``inf``: no upper bound), in the spirit of UCDP's low / best / high. ``as_of`` defaults
    to the last date in the data, so every estimate is listed.
    """
    a = check_assumptions(tables, None, sources, as_of if as_of is not None else estimate_dates(tables)[-1])
    return LinkedTable(_estimate_frame(tables, _selected(tables, a, tuple(quantities)), about_tolerance))


def evidence(tables, estimate_ids: Sequence[str], about_tolerance: float = ABOUT_TOLERANCE) -> LinkedTable:
    """The given outside estimates, each with its date, source, definition, range and link."""
    ids = [estimate_ids] if isinstance(estimate_ids, str) else list(estimate_ids)
    rows = pd.concat([_estimate_row(tables, i).to_frame().T for i in ids])
    rows = rows.astype({"value": "Float64", "low": "Float64", "high": "Float64"})
    frame = _estimate_frame(tables, rows, about_tolerance).drop(columns=["low", "best", "high"])
    notes = [("" if pd.isna(n) else n) for n in rows["note_en"]]
    return LinkedTable(frame.assign(note=notes))


def after_publication(tables) -> LinkedTable:
    """Outside estimates published after the article's date, with how many days after."""
    e = tables.estimates[tables.estimates["date"] > pd.Timestamp(tables.publication_date)]
    frame = _estimate_frame(tables, e, ABOUT_TOLERANCE).drop(columns=["low", "best", "high"])
    days = [(_date(d) - tables.publication_date).days for d in e["date"]]
    return LinkedTable(frame.assign(**{"days after the article": days}))


def shares_from_killed_and_wounded(tables, about_tolerance: float = ABOUT_TOLERANCE) -> pd.DataFrame:
    """Where one source gives killed and wounded on the same date: the share killed.

    The share is of killed + wounded, which leaves out the missing and captured, so it
    is at most the share of all casualties. Columns: ``date``, ``source``, ``ids``,
    ``killed``, ``wounded``, ``share killed``.
    """
    e = tables.estimates
    rows = []
    for (day, source), group in e.groupby(["date", "source"], sort=True):
        by_quantity = group.set_index("quantity")
        if not {"killed", "wounded"} <= set(by_quantity.index):
            continue
        killed = _row_interval(by_quantity.loc["killed"], about_tolerance)
        wounded = _row_interval(by_quantity.loc["wounded"], about_tolerance)
        share = share_range(killed, add_intervals(killed, wounded))
        # the killed and wounded vary independently, so take the extremes of k / (k + w)
        low = killed.low / (killed.low + wounded.high)
        high = 1.0 if killed.is_open else killed.high / (killed.high + wounded.low)
        share = Interval(max(low, share.low), min(high, share.high))
        rows.append({"date": _iso(_date(day)), "source": source,
                     "ids": f"{by_quantity.at['killed', 'estimate_id']}+{by_quantity.at['wounded', 'estimate_id']}",
                     "killed": describe_people(killed),
                     "wounded": describe_people(wounded), "share killed": describe_share(share)})
    return pd.DataFrame(rows)


def nearest_in_time(frame: pd.DataFrame, day) -> pd.Series | None:
    """The row of ``frame`` whose ``date`` is nearest to ``day`` (the earlier one on a tie).

    The course's one rule for pairing a casualty estimate with an estimate of deaths,
    used by :func:`agreement_table` and :func:`reconciled_statement`. Returns ``None``
    for an empty frame.
    """
    if frame.empty:
        return None
    ordered = frame.sort_values(["date", "estimate_id"], kind="stable")
    gaps = (ordered["date"] - pd.Timestamp(day)).abs()
    return ordered.loc[gaps.idxmin()]


def agreement_table(tables, share=None, sources=None, as_of=None,
                    about_tolerance: float = ABOUT_TOLERANCE) -> pd.DataFrame:
    """Each casualty estimate beside the estimate of deaths nearest to it in time.

    For each pair: the share killed that would make them agree; and, when ``share`` is
    given, the killed it implies and whether that agrees. Uses only the chosen
    ``sources`` and estimates published by ``as_of`` (see :func:`check_assumptions`).
    """
    a = check_assumptions(tables, share, sources, as_of)
    chosen = _selected(tables, a)
    killed = chosen[chosen["quantity"] == "killed"]
    rows = []
    for _, cas in chosen[chosen["quantity"] == "casualties"].iterrows():
        c_item = _estimate_item(tables, cas["estimate_id"], about_tolerance)
        row = {"casualties": f"{c_item.label} {_short(cas['source'])} {_iso(c_item.date)}: "
                             f"{describe_people(c_item.interval)}"}
        if killed.empty:
            row.update({"nearest estimate of deaths": "none chosen", "days apart": None,
                        "agree if share killed is": ""})
        else:
            k = nearest_in_time(killed, cas["date"])
            k_item = _estimate_item(tables, k["estimate_id"], about_tolerance)
            needed = share_range(k_item.interval, c_item.interval)
            row.update({"nearest estimate of deaths": f"{k_item.label} {_short(k['source'])} {_iso(k_item.date)}: "
                                                      f"{describe_people(k_item.interval)}",
                        "days apart": abs((k["date"] - cas["date"]).days),
                        "agree if share killed is": describe_share(needed) if needed else "never"})
        if a.share is not None:
            implied = implied_killed(c_item.interval, a.share)
            row[f"killed at share {a.share:.2f}"] = describe_people(implied)
            row["agrees at this share?"] = ("" if killed.empty
                                            else "yes" if implied.overlaps(k_item.interval) else "no")
        rows.append(row)
    if not rows:
        raise AssumptionError(f"the chosen sources had published no casualty estimate by {a.as_of.isoformat()}: "
                              "choose more sources or a later date.")
    return pd.DataFrame(rows)


def _short(source: str) -> str:
    return SHORT_NAMES.get(source, source)


# --------------------------------------------------------------------------- the chart

def _value_label(row) -> str:
    value = float(row["value"])
    sign = {"about": "~", "more_than": ">", "up_to": "≤"}.get(row["qualifier"], "")
    return f"{_short(row['source'])} {sign}{value:,.0f}"


def timeline_chart(tables, share=None, sources=None, as_of=None,
                   about_tolerance: float = ABOUT_TOLERANCE) -> Chart:
    """The outside estimates of killed and casualties as a dated timeline, with the article's figures.

    Each estimate is a band from low to high with its best value marked (an arrow:
    no upper bound). Killed: vermillion circles, hatched ///; casualties: blue squares,
    dotted. The article's loss figures are stars: dated ones at the article's date,
    undated ones in a separate "undated" strip. With ``share``, green triangles show
    the killed each casualty figure implies at that share. The alt text lists every
    point, made from the same rows.
    """
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    a = check_assumptions(tables, share, sources, as_of)
    chosen = _selected(tables, a)
    pub = tables.publication_date
    article = tables.figures[tables.figures["quantity"].isin(LOSS_QUANTITIES)]
    share_row = tables.figures[tables.figures["quantity"] == "share_killed"]

    def num(day: dt.date) -> float:
        return mdates.date2num(day)

    finite = [v for _, r in chosen.iterrows() for v in (_num(r["low"]), _num(r["high"])) if v is not None]
    finite += [float(v) for v in article["low"]]
    top = max(finite) * 1.25
    start = min([_date(d) for d in chosen["date"]] + [pub]) - dt.timedelta(days=25)
    end = max(a.as_of, pub) + dt.timedelta(days=25)
    undated_x = num(end) + 45
    fig, ax = new_figure(9.5, 5)
    ax.axvspan(num(end) + 15, undated_x + 40, color="#eeeeee", zorder=0)
    ax.text(undated_x, top * 1.16, "undated\n(in the article)", ha="center", va="top", fontsize=8)
    ax.axvline(num(pub), color=PALETTE["black"], linestyle=":", linewidth=1)
    ax.text(num(pub), top * 1.16, "article published ", ha="right", va="top", fontsize=8)
    if a.as_of != pub:
        ax.axvline(num(a.as_of), color=PALETTE["black"], linestyle="-.", linewidth=1)
        ax.text(num(a.as_of), top * 0.03, f" as of {a.as_of.isoformat()}", ha="left", va="bottom", fontsize=8)

    def band(x, interval, style, best=None, hollow=False, width=9.0, label=None, label_side="right"):
        high = top if interval.is_open else interval.high
        ax.bar(x, max(high - interval.low, top * 0.004), bottom=interval.low, width=width,
               color=style["color"], alpha=0.18, hatch=style["hatch"], edgecolor=style["color"],
               linestyle="--" if hollow else "-", linewidth=0.8, zorder=2)
        if interval.is_open:
            ax.annotate("", xy=(x, top), xytext=(x, top * 0.93),
                        arrowprops={"arrowstyle": "-|>", "color": style["color"], "lw": 1.2}, zorder=3)
        y = interval.low if best is None else best
        ax.plot([x], [y], marker=style["marker"], markersize=7, linestyle="none", zorder=4,
                markerfacecolor="white" if hollow else style["color"], markeredgecolor=PALETTE["black"])
        if label:
            ax.annotate(label, (x, y), xytext=(6 if label_side == "right" else -6, 0),
                        textcoords="offset points", ha="left" if label_side == "right" else "right",
                        va="center", fontsize=7.5, zorder=5,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})

    alt_points = {"killed": [], "casualties": [], "implied": [], "article": []}
    previous = {}
    for _, row in chosen.iterrows():
        q, day = row["quantity"], _date(row["date"])
        interval = _row_interval(row, about_tolerance)
        near = previous.get(q)
        side = "left" if near is not None and (day - near).days < 20 else "right"
        previous[q] = day
        band(num(day), interval, STYLE[q], best=float(row["value"]), label=_value_label(row), label_side=side)
        alt_points[q].append(f"{day.isoformat()} {row['source']} {describe_people(interval)}")
        if q == "casualties" and a.share is not None:
            implied = implied_killed(interval, a.share)
            band(num(day) + 8, implied, STYLE["implied"], hollow=True, width=7)
            alt_points["implied"].append(f"{day.isoformat()} from {row['source']}: {describe_people(implied)}")

    for _, row in article.iterrows():
        q, day = row["quantity"], _date(row["as_of"])
        interval = _row_interval(row, about_tolerance)
        x = undated_x - 12 if day is None else num(day)
        style = {**STYLE[q], **STYLE["article"]}
        band(x, interval, style, best=float(row["value"]), width=7)
        ax.plot([x], [float(row["value"])], marker=style["marker"], markersize=15, linestyle="none", zorder=6,
                markerfacecolor=style["color"], markeredgecolor=PALETTE["black"])
        ax.annotate(f"article {row['figure_id']}", (x, float(row["value"])), xytext=(0, -14),
                    textcoords="offset points", ha="center", va="top", fontsize=7.5, zorder=6)
        alt_points["article"].append(f"{row['figure_id']} {q} {describe_people(interval)}, {_iso(day)}")
        if q == "casualties":
            implied_share = a.share if a.share is not None else (float(share_row["value"].iloc[0])
                                                                 if not share_row.empty else None)
            if implied_share is not None:
                implied = implied_killed(interval, implied_share)
                band(x + 16, implied, STYLE["implied"], hollow=True, width=7)
                alt_points["implied"].append(f"undated from {row['figure_id']} at {implied_share:.2f}: "
                                             f"{describe_people(implied)}")

    ax.set_xlim(num(start), undated_x + 40)
    ax.set_ylim(0, top * 1.17)
    ticks = [dt.date(y, m, 1) for y in range(start.year, end.year + 1) for m in (1, 4, 7, 10)]
    ticks = [d for d in ticks if start <= d <= end]
    ax.set_xticks([num(d) for d in ticks] + [undated_x], [d.strftime("%Y-%m") for d in ticks] + ["undated"])
    ax.set_yticks([v for v in ax.get_yticks() if v <= top])
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
    ax.set_ylabel("people")
    shown = "" if a.share is None else f" · killed implied at a share of {a.share:.2f}"
    ax.set_title(f"Estimates of North Korean losses published by {a.as_of.isoformat()}{shown}",
                 fontsize=10, loc="left")
    implied_label = (f"killed implied: {a.share:.2f} × casualties (hollow triangle, band xx)" if a.share is not None
                     else "killed implied by the article's two-thirds, f07 (hollow triangle)")
    handles = [
        Patch(facecolor=STYLE["killed"]["color"], alpha=0.5, hatch="///", label="killed: circle, band ///"),
        Patch(facecolor=STYLE["casualties"]["color"], alpha=0.5, hatch="...", label="casualties: square, band ..."),
        Line2D([], [], marker=MARKERS[7], markersize=11, linestyle="none", color=PALETTE["black"],
               label="the article's figure: star (colour = what it counts)"),
        Line2D([], [], marker=MARKERS[2], markersize=8, linestyle="none", markerfacecolor="white",
               markeredgecolor=PALETTE["black"], color=STYLE["implied"]["color"], label=implied_label),
        Line2D([], [], marker="$\\uparrow$", markersize=10, linestyle="none", color=PALETTE["black"],
               label="arrow: no upper bound given"),
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=8, frameon=False)

    parts = [f"Timeline of {len(chosen)} outside estimates of North Korean losses published from "
             f"{_iso(_date(chosen['date'].min())) if len(chosen) else '-'} to {a.as_of.isoformat()}, "
             f"sources chosen: {', '.join(a.sources)}."]
    if alt_points["killed"]:
        parts.append("Killed (circles): " + "; ".join(alt_points["killed"]) + ".")
    if alt_points["casualties"]:
        parts.append("Casualties (squares): " + "; ".join(alt_points["casualties"]) + ".")
    parts.append("The article's figures (stars): " + "; ".join(alt_points["article"]) + ".")
    if alt_points["implied"]:
        parts.append("Killed implied (hollow triangles): " + "; ".join(alt_points["implied"]) + ".")
    parts.append(f"A dotted line marks the article's date, {pub.isoformat()}; open ranges end in an arrow.")
    return Chart(fig, " ".join(parts))


# --------------------------------------------------------------------------- the widget and the statement

_CHART_CACHE: dict = {}


def _content_key(tables) -> tuple:
    """A fingerprint of the tables a reconciliation chart is drawn from."""
    return tuple(int(pd.util.hash_pandas_object(frame, index=True).sum())
                 for frame in (tables.estimates, tables.figures, tables.claims, tables.sources))


class Reconciliation:
    """What follows from a set of assumptions: a chart, a table and a summary line.

    Made by :func:`reconcile`. In a notebook it shows the chart (with its alt text),
    then the table; as text (``repr``) it shows the summary and the table only, so
    its plain output is deterministic.
    """

    def __init__(self, tables, assumptions: Assumptions, table: pd.DataFrame, about_tolerance: float):
        self.tables, self.assumptions, self.table = tables, assumptions, table
        self.about_tolerance = about_tolerance

    def summary(self) -> Paragraph:
        """One line: the assumptions and how many casualty estimates agree under them."""
        a = self.assumptions
        line = f"As of {a.as_of.isoformat()}, sources: {', '.join(a.sources)}."
        if a.share is not None and "agrees at this share?" in self.table:
            agree = int((self.table["agrees at this share?"] == "yes").sum())
            line += (f" At a share killed of {a.share:.2f}, {agree} of {len(self.table)} casualty estimates "
                     "agree with the estimate of deaths nearest in time.")
        return Paragraph(line)

    def chart(self) -> Chart:
        """The timeline under these assumptions."""
        a = self.assumptions
        return timeline_chart(self.tables, a.share, a.sources, a.as_of, self.about_tolerance)

    def _chart_html(self) -> str:
        # The static default and the widget's first view show the same chart: draw it once.
        # Keyed on the tables' content, not id(): a new Tables object can reuse a freed id.
        key = (_content_key(self.tables), self.assumptions, self.about_tolerance)
        if key not in _CHART_CACHE:
            if len(_CHART_CACHE) >= 16:
                _CHART_CACHE.pop(next(iter(_CHART_CACHE)))
            _CHART_CACHE[key] = self.chart()._repr_html_()
        return _CHART_CACHE[key]

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", 80, "display.width", 250):
            return self.summary() + "\n" + self.table.to_string(index=False)

    def _repr_html_(self) -> str:
        return (self._chart_html() + f"<p>{html.escape(self.summary())}</p>"
                + self.table.to_html(index=False, border=0, na_rep=""))


def reconcile(tables, share=None, sources=None, as_of=None,
              about_tolerance: float = ABOUT_TOLERANCE) -> Reconciliation:
    """Apply a set of assumptions; the function behind the lesson's widget.

    ``share`` is the share of casualties killed (``None``: Zelensky's "hai phần ba",
    figure ``f07``); ``sources`` and ``as_of`` as in :func:`check_assumptions`.
    Raises :class:`AssumptionError` for an impossible choice.
    """
    if share is None:
        share = figure_value(tables, "f07")
    a = check_assumptions(tables, share, sources, as_of)
    table = agreement_table(tables, a.share, a.sources, a.as_of, about_tolerance)
    return Reconciliation(tables, a, table, about_tolerance)


def reconciliation_widget(tables):
    """The lesson's widget: a share slider, a source list and an as-of date slider.

    Built with :func:`critical_reading.display.interactive_view`, so it shows the
    default at once and shows an impossible choice (no source selected) as one line.
    """
    import ipywidgets as widgets

    from .display import interactive_view

    style = {"description_width": "initial"}
    wide = widgets.Layout(width="34em")
    share = widgets.FloatSlider(value=figure_value(tables, "f07"), min=0.0, max=1.0, step=0.01,
                                description="Share of casualties killed", readout_format=".2f",
                                continuous_update=False, style=style, layout=wide)
    sources = widgets.SelectMultiple(options=loss_sources(tables), value=tuple(loss_sources(tables)),
                                     rows=len(loss_sources(tables)), description="Sources (Ctrl/⌘-click)",
                                     style=style, layout=wide)
    dates = [(d.isoformat(), d) for d in estimate_dates(tables)]
    as_of = widgets.SelectionSlider(options=dates, value=tables.publication_date, description="Published by",
                                    continuous_update=False, style=style, layout=wide)
    return interactive_view(lambda share, sources, as_of: reconcile(tables, share, sources, as_of),
                            share=share, sources=sources, as_of=as_of)


def _latest(frame: pd.DataFrame):
    return None if frame.empty else frame.sort_values(["date", "estimate_id"], kind="stable").iloc[-1]


def _range_words(interval: Interval) -> str:
    if interval.is_open:
        return f"{describe_people(Interval(interval.low, interval.low))} or more"
    return describe_people(interval)


def _claimant(tables, figure_id: str) -> str:
    row = tables.sources.set_index("source_id").loc[_figure_row(tables, figure_id)["source_id"]]
    name = row["name_en"]
    return name if bool(row["named"]) else name[0].lower() + name[1:]


def _estimates_of_claimant(tables, figure_id: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``frame`` whose source is the claimant of ``figure_id``."""
    full = _source_names(tables)[_figure_row(tables, figure_id)["source_id"]]
    return frame[[full.startswith(name) for name in frame["source"]]]


def reconciled_statement(tables, share=None, sources=None, as_of=None,
                         about_tolerance: float = ABOUT_TOLERANCE) -> Paragraph:
    """One careful paragraph, generated from the data: ranges, definitions, dates, conditions.

    It sets the article's troop and loss figures (``f01``, ``f02``, ``f06``, ``f07``)
    against the outside estimates that the chosen ``sources`` had published by
    ``as_of`` (default: all sources, the article's date), leaving out the report the
    article itself relays. Troop counts are compared like with like: counts of all troops
    sent against the article's total (an older, lower total is not a contradiction, since
    troops sent only grow), while counts of the first deployment alone (:data:`FIRST_DEPLOYMENT`)
    are set aside. A casualty estimate is paired with the estimate of deaths nearest to it in
    time (:func:`nearest_in_time`, the rule of :func:`agreement_table`). With ``share``, it
    adds what the latest casualty estimate implies at that share of casualties killed.
    Estimates published after the article are reported as later information once ``as_of``
    reaches them. The sentence patterns are in :data:`STATEMENT`.
    """
    a = check_assumptions(tables, share, sources, as_of)
    pub, pub_day = tables.publication_date, pd.Timestamp(tables.publication_date)
    names = _source_names(tables)
    e = tables.estimates
    chosen = e[e["source"].isin(a.sources) & (e["date"] <= pd.Timestamp(a.as_of))]
    relays = {names[p] for chain in tables.claims["relayed_by"].dropna() for p in chain.split(">")}
    own = chosen["source"].isin(relays) & (chosen["date"] == pub_day)
    before = chosen[~own & (chosen["date"] <= pub_day)]
    later = chosen[chosen["date"] > pub_day]

    def est(row, with_range: bool = True) -> str:
        i = _estimate_item(tables, row["estimate_id"], about_tolerance)
        shown = f"{_range_words(i.interval)}; " if with_range and row["qualifier"] == "about" else ""
        return f"{row['source']}'s {i.as_said} {row['definition']} ({shown}{_iso(i.date)})"

    def lst(parts: list[str], conjunction: str = "and") -> str:
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {conjunction} " + parts[-1]

    out = [STATEMENT["lead"].format(sources=lst(list(a.sources)), as_of=a.as_of.isoformat(),
                                    when="the date of the article" if a.as_of == pub
                                    else f"the article is dated {pub.isoformat()}")]
    if own.any():
        out[-1] += STATEMENT["own"].format(source=lst(list(dict.fromkeys(chosen[own]["source"]))))
    out[-1] += ":"
    out.append(STATEMENT["definitions"].format(tolerance=f"{about_tolerance:.0%}"))

    # Troop counts: totals are compared with the article's total; an older, lower total is no
    # contradiction (troops sent only grow); counts of the first deployment alone are set aside.
    troops_f = _figure_item(tables, "f01", about_tolerance)
    troops = before[before["quantity"].isin(["troops_sent", "troops_additional"])]
    fits, older, misses, partial = [], [], [], []
    for (_day, _source), group in troops.groupby(["date", "source"], sort=True):
        total = item(tables, list(group["estimate_id"]), about_tolerance)
        words = " + ".join(_short_value(r) for _, r in group.iterrows())
        text = f"{_source}'s {words} ({lst(list(group['definition']))}; {_iso(total.date)})"
        if all(FIRST_DEPLOYMENT.search(d) for d in group["definition"]):
            partial.append(text)
        elif total.interval.overlaps(troops_f.interval):
            fits.append(text)
        elif (troops_f.date is not None and total.date < troops_f.date
              and total.interval.high < troops_f.interval.low):
            older.append(text)
        else:
            misses.append(text)
    if fits or older or misses:
        sentence = STATEMENT["troops"].format(figure=troops_f.as_said, range=_range_words(troops_f.interval),
                                              n=len(fits), m=len(fits) + len(older) + len(misses),
                                              counts="count" if len(fits) + len(older) + len(misses) == 1
                                              else "counts")
        sentence += (": " + lst(fits)) if fits else ""
        sentence += STATEMENT["troops_older"].format(counts=lst(older)) if older else ""
        sentence += STATEMENT["troops_apart"].format(counts=lst(misses, "or")) if misses else ""
        out.append(sentence + ".")
    if partial:
        out.append(STATEMENT["troops_partial"].format(counts=lst(partial)))

    killed_f = _figure_item(tables, "f02", about_tolerance)
    k = _latest(before[before["quantity"] == "killed"])
    lead = STATEMENT["killed_lead"].format(figure=killed_f.as_said, who=_claimant(tables, "f02"),
                                           date=_iso(killed_f.date))
    if k is None:
        out.append(lead + STATEMENT["no_deaths"])
    else:
        c = compare(tables, "f02", k["estimate_id"], about_tolerance)
        if c.overlap:
            out.append(lead + STATEMENT["deaths_overlap"].format(estimate=est(k)))
        else:
            out.append(lead + STATEMENT["deaths_apart"].format(estimate=est(k), gap=f"{c.gap:,.0f}",
                                                               days=c.days_apart))
    cas = before[before["quantity"] == "casualties"]
    matching = cas[[_row_interval(r, about_tolerance).overlaps(killed_f.interval) for _, r in cas.iterrows()]]
    m = _latest(matching)
    if m is not None:
        out.append(STATEMENT["slip"].format(estimate=est(m)))
        near = nearest_in_time(before[before["quantity"] == "killed"], m["date"])
        if near is not None:
            needed = share_range(_row_interval(near, about_tolerance), _row_interval(m, about_tolerance))
            fit = STATEMENT["fit"] if needed is not None else STATEMENT["no_fit"]
            out.append(fit.format(casualties=m["source"], deaths=est(near),
                                  days=abs((near["date"] - m["date"]).days),
                                  share=describe_share(needed) if needed is not None else ""))

    cas_f = _figure_item(tables, "f06", about_tolerance)
    z_share = figure_value(tables, "f07")
    sentence = STATEMENT["zelensky"].format(who=names[_figure_row(tables, "f06")["source_id"]].split(",")[0],
                                            casualties=cas_f.as_said,
                                            share=figure_in_english(tables, _figure_row(tables, "f07")["text_vi"]),
                                            killed=_range_words(implied_killed(cas_f.interval, z_share)))
    dated = _estimates_of_claimant(tables, "f06", before[before["quantity"] == "casualties"])
    if not dated.empty:
        pieces = [f"{float(r['value']):,.0f} ({_iso(_date(r['date']))}, {(pub - _date(r['date'])).days} days "
                  "before the article)" for _, r in dated.iterrows()]
        sentence += STATEMENT["zelensky_dated"].format(figures=lst(pieces))
    out.append(sentence + ".")

    latest_cas = _latest(cas)
    if a.share is not None and latest_cas is not None:
        implied = implied_killed(_row_interval(latest_cas, about_tolerance), a.share)
        out.append(STATEMENT["your_share"].format(share=f"{a.share:.2f}", estimate=est(latest_cas),
                                                  killed=_range_words(implied)))
    covered = tables.claims[tables.claims["claim_id"].isin(tables.figures["claim_id"])
                            & (tables.claims["verification"] == "flagged_unverified")]
    flagged = tables.figures[tables.figures["claim_id"].isin(covered["claim_id"])]
    out.append(STATEMENT["unverified"].format(n=len(flagged), total=len(tables.figures),
                                              ids=lst(list(flagged["figure_id"]))))
    for _, row in later.iterrows():
        note = f": {row['note_en'][0].lower()}{row['note_en'][1:].rstrip('.')}" if pd.notna(row["note_en"]) else ""
        out.append(STATEMENT["later"].format(days=(_date(row["date"]) - pub).days, estimate=est(row), note=note))
    return Paragraph(" ".join(out))


#: The sentence patterns of :func:`reconciled_statement`, in one place for translation.
STATEMENT = {
    "lead": "Using the outside estimates that {sources} had published by {as_of} ({when})",
    "own": ", and leaving out the report of {source} that the article relays",
    "definitions": ("Casualties count the killed, wounded, missing and captured (the NATO definition), so the "
                    "killed are only part of them; “about” is read here as within {tolerance} either way, and "
                    "“more than” as having no upper bound."),
    "troops": "The article's {figure} troops sent ({range}) overlaps {n} of the {m} {counts} of all troops sent",
    "troops_older": ("; it is above {counts}, but troops sent can only grow, so an older, lower count does not "
                     "contradict it"),
    "troops_apart": "; it does not overlap {counts}",
    "troops_partial": ("Counts of the first deployment only are not expected to match the article's total, "
                       "and are set aside: {counts}."),
    "killed_lead": "The article's {figure} killed (from {who}, {date})",
    "no_deaths": " cannot be checked: no chosen source had published an estimate of deaths by then.",
    "deaths_overlap": " overlaps the latest estimate of deaths, {estimate}.",
    "deaths_apart": (" does not overlap the latest estimate of deaths, {estimate}: both can be right only if "
                     "the count grew by at least {gap} in the {days} days between."),
    "slip": ("It does match, in size, {estimate}, a count that also includes the wounded, missing and captured: "
             "a slip from casualties to killed somewhere up the chain would explain this (an inference, not "
             "proven)."),
    "fit": ("{casualties}'s casualty estimate, set against the estimate of deaths nearest to it in time "
            "(the course's pairing rule), {deaths}, {days} days apart, fits only if {share} of casualties "
            "were killed."),
    "no_fit": ("{casualties}'s casualty estimate, set against the estimate of deaths nearest to it in time "
               "(the course's pairing rule), {deaths}, {days} days apart, cannot fit: the deaths outnumber "
               "the casualties."),
    "zelensky": ("{who}'s undated {casualties} casualties, {share} of them dead in his estimate, imply "
                 "{killed} killed"),
    "zelensky_dated": ("; his dated casualty figures are {figures}, so the quotation may be that old "
                       "(an inference)"),
    "your_share": "If a share of {share} of casualties were killed, {estimate} would mean {killed} killed.",
    "unverified": ("The article itself says that its casualty figures were not independently verified: "
                   "{n} of its {total} figures ({ids}) are covered by such a disclaimer."),
    "later": "Later information, {days} days after the article: {estimate}{note}.",
}
