"""Checks for exercise set 03 · Casualty figures."""

from __future__ import annotations

import datetime as dt
import math
import numbers

import pandas as pd

from .answers import (Hint, as_date, as_ids, as_interval, as_mapping, as_number, as_table, close, compare_rows,
                      figure_en, kind, name_of, plural, quoted, vi)
from .answers import tables as course_tables
from ..intervals import Interval, interval_for
from ..messages import say
from .answers import thousands_slip
from .core import Item, exercise_set, question


def _figure_interval(row) -> Interval:
    def num(x):
        return None if pd.isna(x) else float(x)
    return interval_for(num(row["value"]), row["qualifier"], low=num(row["low"]), high=num(row["high"]))


def expected_figure_interval(figure_id: str = "f01", tables=None) -> Interval:
    """The interval a figure allows, by the course's qualifier rules."""
    t = tables or course_tables()
    return _figure_interval(t.figures.set_index("figure_id").loc[figure_id])


def _interval_text(interval: Interval) -> str:
    return interval.describe()


@question("an interval: Interval(low, high) or a pair (low, high)")
def figure_interval(answer, figure_id: str = "f01"):
    """The interval a figure of the article allows (qualifier rules in critical_reading.intervals)."""
    t = course_tables()
    row = t.figures.set_index("figure_id").loc[figure_id]
    want = expected_figure_interval(figure_id, t)
    got = as_interval(answer)
    words = f"{figure_id} ({figure_en(row, t)})"
    if close(got.low, want.low) and close(got.high, want.high):
        return f"{words} allows {_interval_text(want)}."
    if thousands_slip(got.low, want.low):
        raise Hint(say("checks_core.thousands", got=f"{got.low:g}"))
    if got.low == got.high == row["value"] and row["qualifier"] != "exact":
        raise Hint(f"{words} is not an exact number: its qualifier is '{row['qualifier']}'; "
                   "apply that rule (see critical_reading.intervals).")
    if want.is_open and not got.is_open:
        raise Hint(f"{words} sets no upper bound: the high end is math.inf.")
    if got.is_open and not want.is_open:
        raise Hint(f"{words} does have an upper bound; math.inf is not right here.")
    raise Hint(f"not the interval the '{row['qualifier']}' rule gives for {row['value']:g}; "
               "check the rule in critical_reading.intervals (for 'about': value ± 10 %).")


def expected_implied_interval(figure_id: str = "f06", share_id: str = "f07", tables=None) -> Interval:
    """A figure's interval scaled by a share stated with it (e.g. two-thirds of the casualties)."""
    t = tables or course_tables()
    figures = t.figures.set_index("figure_id")
    share = float(figures.at[share_id, "value"])
    return expected_figure_interval(figure_id, t).scale(share)


@question("an interval: Interval(low, high) or a pair (low, high), with math.inf for no upper bound")
def implied_interval(answer, figure_id: str = "f06", share_id: str = "f07"):
    """The number implied by a share of a figure (Zelensky: two-thirds of 'more than 4,000')."""
    t = course_tables()
    figures = t.figures.set_index("figure_id")
    base, share = expected_figure_interval(figure_id, t), float(figures.at[share_id, "value"])
    want = base.scale(share)
    got = as_interval(answer)
    whole = f"{figure_id} ({figure_en(figures.loc[figure_id], t)})"
    part = f"{share_id} ({share:.4g})"
    if close(got.low, want.low) and close(got.high, want.high):
        whole_people = Interval(round(want.low), want.high)  # people come whole: 2,666.8 reads 2,667
        return f"the share {part} of {whole} allows {whole_people.describe()}."
    if thousands_slip(got.low, want.low):
        raise Hint(say("checks_core.thousands", got=f"{got.low:g}"))
    if close(got.low, base.low):
        raise Hint(f"{got.low:g} is the whole figure {whole}; the question asks for the share {part} of it.")
    if close(got.low, base.low * (1 - share)):
        raise Hint(f"that is the other part ({1 - share:.2g} of the figure); the share stated is {part}.")
    if not got.is_open and want.is_open:
        raise Hint(f"{whole} sets no upper bound, so neither does a share of it: the high end is math.inf.")
    if close(got.low, want.low, rel=0.03):
        raise Hint(f"close: {got.low:g} looks rounded; multiply without rounding (the share is "
                   f"{share:.4g} in tables.figures).")
    raise Hint(f"multiply the low end of {whole} by the share {part} (Interval.scale does it).")


def expected_killed_estimates(tables=None) -> pd.DataFrame:
    """The outside estimates of deaths (quantity 'killed'), smallest count first."""
    t = tables or course_tables()
    e = t.estimates[t.estimates["quantity"] == "killed"]
    return e.sort_values("value", kind="stable")[["estimate_id", "date", "source", "value"]].reset_index(drop=True)


@question("a table (DataFrame) with the columns estimate_id, date, source, value, smallest count first")
def killed_estimates(answer):
    """Outside estimates of the number killed, smallest count first."""
    t = course_tables()
    want = expected_killed_estimates(t)
    frame = as_table(answer, list(want.columns), killed_estimates.wants)
    quantity = t.estimates.set_index("estimate_id")["quantity"]

    def extra_hint(estimate_id):
        q = quantity.get(estimate_id)
        if q in ("casualties", "wounded"):
            return (f"{estimate_id} counts {q}, not deaths: the article's figure counts the killed only, "
                    "so keep the quantity 'killed'.")
        return None

    compare_rows(frame, want, "estimate_id", "estimate", extra_hint, ordered_by="value")
    return f"{len(want)} outside estimates of deaths, from {want['date'].min():%b %Y} to {want['date'].max():%b %Y}."


def expected_overlapping_estimates(figure_id: str = "f02", quantities=("killed", "casualties"),
                                   tables=None) -> list[str]:
    """Outside estimates published before the article whose interval overlaps the figure's."""
    t = tables or course_tables()
    figure = expected_figure_interval(figure_id, t)
    published = pd.Timestamp(t.publication_date)
    e = t.estimates[t.estimates["quantity"].isin(quantities) & (t.estimates["date"] < published)]
    return [row["estimate_id"] for _, row in e.iterrows() if _figure_interval(row).overlaps(figure)]


@question("a list of estimate ids, like ['e01', 'e02']")
def overlapping_estimates(answer, figure_id: str = "f02", quantities=("killed", "casualties")):
    """Which outside estimates, published before the article, are compatible with a figure."""
    t = course_tables()
    got = as_ids(answer, "estimate ids", t.estimates["estimate_id"], "estimate_id")
    want = expected_overlapping_estimates(figure_id, quantities, t)
    if set(got) == set(want):
        return (f"{plural(len(want), 'estimate')} overlap{'s' if len(want) == 1 else ''} "
                f"{expected_figure_interval(figure_id, t).describe()}: {', '.join(want)}.")
    e = t.estimates.set_index("estimate_id")
    published = pd.Timestamp(t.publication_date)
    for estimate_id in got:
        if estimate_id in want:
            continue
        row = e.loc[estimate_id]
        if row["quantity"] not in quantities:
            raise Hint(f"{estimate_id} counts {row['quantity']}; this question compares only "
                       f"{' and '.join(quantities)}.")
        if row["date"] == published:
            raise Hint(f"{estimate_id} was published on the article's own date ({row['source']}, the report "
                       "the article relies on): keep estimates published before it.")
        if row["date"] > published:
            raise Hint(f"{estimate_id} was published after the article ({row['date']:%d %B %Y}): keep "
                       "estimates published before it.")
        raise Hint(f"{estimate_id}'s interval does not overlap the figure's: compare their low and high ends.")
    for estimate_id in want:
        if estimate_id not in got and pd.isna(e.at[estimate_id, "high"]):
            raise Hint("one is missing: an estimate with no upper bound ('at least …') overlaps any "
                       "interval above its low end.")
    raise Hint(f"{plural(len(set(want) - set(got)), 'estimate')} missing: look at every quantity the "
               f"question names ({', '.join(quantities)}).")


QUESTIONS_03 = exercise_set("03", [
    Item("Question 1", 'figure_interval', 2),
    Item("Question 2", 'implied_interval', 2),
    Item("Question 3", 'killed_estimates', 2),
    Item("Question 4", 'overlapping_estimates', 2),
    Item("Question 5", None, 3),
    Item("Question 6", None, 2),
])
