"""Checks for exercise set 03 · Casualty figures."""

from __future__ import annotations

import pandas as pd

from ..intervals import Interval, interval_for
from ..messages import listed, say
from .answers import Hint, as_ids, as_interval, as_table, close, compare_rows, figure_en, plural, thousands_slip
from .answers import tables as course_tables
from .core import Item, exercise_set, practice, question, same_value


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


@question(say("checks_03.figure_interval.wants"))
def figure_interval(answer, figure_id: str = "f01"):
    """The interval a figure of the article allows (qualifier rules in critical_reading.intervals)."""
    t = course_tables()
    row = t.figures.set_index("figure_id").loc[figure_id]
    want = expected_figure_interval(figure_id, t)
    got = as_interval(answer)
    words = f"{figure_id} ({figure_en(row, t)})"
    if close(got.low, want.low) and close(got.high, want.high):
        return say("checks_03.figure_interval.m1", words=words, interval_text=_interval_text(want))
    if thousands_slip(got.low, want.low):
        raise Hint(say("checks_core.thousands", got=f"{got.low:g}"))
    if got.low == got.high == row["value"] and row["qualifier"] != "exact":
        raise Hint(say("checks_03.figure_interval.m2", words=words, qualifier=row['qualifier']))
    if want.is_open and not got.is_open:
        raise Hint(say("checks_03.figure_interval.m3", words=words))
    if got.is_open and not want.is_open:
        raise Hint(say("checks_03.figure_interval.m4", words=words))
    raise Hint(say("checks_03.figure_interval.m5", qualifier=row['qualifier'], value=row['value']))


def expected_implied_interval(figure_id: str = "f06", share_id: str = "f07", tables=None) -> Interval:
    """A figure's interval scaled by a share stated with it (e.g. two-thirds of the casualties)."""
    t = tables or course_tables()
    figures = t.figures.set_index("figure_id")
    share = float(figures.at[share_id, "value"])
    return expected_figure_interval(figure_id, t).scale(share)


@question(say("checks_03.implied_interval.wants"))
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
        return say("checks_03.implied_interval.m1", part=part, whole=whole, describe=whole_people.describe())
    if thousands_slip(got.low, want.low):
        raise Hint(say("checks_core.thousands", got=f"{got.low:g}"))
    if close(got.low, base.low):
        raise Hint(say("checks_03.implied_interval.m2", low=got.low, whole=whole, part=part))
    if close(got.low, base.low * (1 - share)):
        raise Hint(say("checks_03.implied_interval.m3", value=1 - share, part=part))
    if not got.is_open and want.is_open:
        raise Hint(say("checks_03.implied_interval.m4", whole=whole))
    if close(got.low, want.low, rel=0.03):
        raise Hint(say("checks_03.implied_interval.m5", low=got.low, share=share))
    raise Hint(say("checks_03.implied_interval.m6", whole=whole, part=part))


def expected_killed_estimates(tables=None) -> pd.DataFrame:
    """The outside estimates of deaths (quantity 'killed'), smallest count first."""
    t = tables or course_tables()
    e = t.estimates[t.estimates["quantity"] == "killed"]
    return e.sort_values("value", kind="stable")[["estimate_id", "date", "source", "value"]].reset_index(drop=True)


@question(say("checks_03.killed_estimates.wants"))
def killed_estimates(answer):
    """Outside estimates of the number killed, smallest count first."""
    t = course_tables()
    want = expected_killed_estimates(t)
    frame = as_table(answer, list(want.columns), killed_estimates.wants)
    quantity = t.estimates.set_index("estimate_id")["quantity"]

    def extra_hint(estimate_id):
        q = quantity.get(estimate_id)
        if q in ("casualties", "wounded"):
            return (say("checks_03.extra_hint.m1", estimate_id=estimate_id, q=q))
        return None

    compare_rows(frame, want, "estimate_id", "estimate", extra_hint, ordered_by="value")
    return say("checks_03.killed_estimates.m1", len=len(want), min=want['date'].min(), max=want['date'].max())


def expected_overlapping_estimates(figure_id: str = "f02", quantities=("killed", "casualties"),
                                   tables=None) -> list[str]:
    """Outside estimates published before the article whose interval overlaps the figure's."""
    t = tables or course_tables()
    figure = expected_figure_interval(figure_id, t)
    published = pd.Timestamp(t.publication_date)
    e = t.estimates[t.estimates["quantity"].isin(quantities) & (t.estimates["date"] < published)]
    return [row["estimate_id"] for _, row in e.iterrows() if _figure_interval(row).overlaps(figure)]


@question(say("checks_03.overlapping_estimates.wants"))
def overlapping_estimates(answer, figure_id: str = "f02", quantities=("killed", "casualties")):
    """Which outside estimates, published before the article, are compatible with a figure."""
    t = course_tables()
    got = as_ids(answer, say("checks_answers.words.estimate_ids"), t.estimates["estimate_id"], "estimate_id")
    want = expected_overlapping_estimates(figure_id, quantities, t)
    if set(got) == set(want):
        return (say("checks_03.overlapping_estimates.m1",
                    estimates=plural(len(want), 'estimate'), describe=expected_figure_interval(figure_id, t).describe(),
                    items=', '.join(want)))
    e = t.estimates.set_index("estimate_id")
    published = pd.Timestamp(t.publication_date)
    for estimate_id in got:
        if estimate_id in want:
            continue
        row = e.loc[estimate_id]
        if row["quantity"] not in quantities:
            raise Hint(say("checks_03.overlapping_estimates.m2",
                           estimate_id=estimate_id, quantity=row['quantity'], items=listed(quantities)))
        if row["date"] == published:
            raise Hint(say("checks_03.overlapping_estimates.m3", estimate_id=estimate_id, source=row['source']))
        if row["date"] > published:
            raise Hint(say("checks_03.overlapping_estimates.m4", estimate_id=estimate_id, date=row['date']))
        raise Hint(say("checks_03.overlapping_estimates.m5", estimate_id=estimate_id))
    for estimate_id in want:
        if estimate_id not in got and pd.isna(e.at[estimate_id, "high"]):
            raise Hint(say("checks_03.overlapping_estimates.m6"))
    raise Hint(say("checks_03.overlapping_estimates.m7",
                   estimates=plural(len(set(want) - set(got)), 'estimate'), items=', '.join(quantities)))


QUESTIONS_03 = exercise_set("03", [
    Item("Question 1", 'figure_interval', 2),
    Item("Question 2", 'implied_interval', 2),
    Item("Question 3", 'killed_estimates', 2),
    Item("Question 4", 'overlapping_estimates', 2),
    Item("Question 5", None, 3),
    Item("Question 6", None, 2),
])


# --------------------------------------------------------------------------- lesson practice ("Your turn")

@practice(say("checks_03.value_of_figure.wants"))
def value_of_figure(answer, figure_id: str = "f06"):
    """Lesson 03a: one figure's number, read with ``.set_index("figure_id").at[...]``."""
    t = course_tables()
    want = float(t.figures.set_index("figure_id").at[figure_id, "value"])
    same_value(answer, want, hint=say("checks_03.value_of_figure.hint", figure_id=figure_id))
    return say("checks_03.value_of_figure.done", figure_id=figure_id, value=f"{want:,.0f}")


@practice(say("checks_03.interval_of_figure.wants"))
def interval_of_figure(answer, figure_id: str = "f05"):
    """Lesson 03a: the interval one figure allows, made with ``interval_for(value, qualifier)``."""
    t = course_tables()
    want = expected_figure_interval(figure_id, t)
    got = as_interval(answer)
    if close(got.low, want.low) and close(got.high, want.high):
        return say("checks_03.interval_of_figure.done", figure_id=figure_id, describe=want.describe())
    if thousands_slip(got.high, want.high):
        raise Hint(say("checks_core.thousands", got=f"{got.high:g}"))
    raise Hint(say("checks_03.interval_of_figure.hint", figure_id=figure_id))


def expected_ids(tables, quantities: tuple[str, ...], *, before_article: bool = False,
                 after_article: bool = False, open_only: bool = False) -> list[str]:
    """Estimate ids of some quantities, chosen by date and by having no upper bound (practice answers)."""
    e = tables.estimates
    keep = e["quantity"].isin(quantities) if quantities else pd.Series(True, index=e.index)
    published = pd.Timestamp(tables.publication_date)
    if before_article:
        keep &= e["date"] < published
    if after_article:
        keep &= e["date"] > published
    if open_only:
        keep &= e["high"].isna()
    return list(e[keep]["estimate_id"])


def _same_ids(answer, want: list[str], hint_key: str, done_key: str) -> str:
    t = course_tables()
    got = as_ids(answer, say("checks_answers.words.estimate_ids"), t.estimates["estimate_id"], "estimate_id")
    if set(got) == set(want):
        return say(done_key, items=", ".join(want))
    e = t.estimates.set_index("estimate_id")
    extra = [i for i in got if i not in want]
    if extra:
        row = e.loc[extra[0]]
        raise Hint(say("checks_03.ids.extra", estimate_id=extra[0], quantity=row["quantity"],
                       date=row["date"], hint=say(hint_key)))
    raise Hint(say("checks_03.ids.missing", n=len(set(want) - set(got)), hint=say(hint_key)))


@practice(say("checks_03.ids.wants"))
def casualty_estimates_before(answer):
    """Lesson 03b: the casualty estimates published before the article (``&``, ``<``, ``pd.Timestamp``)."""
    want = expected_ids(course_tables(), ("casualties",), before_article=True)
    return _same_ids(answer, want, "checks_03.casualty_estimates_before.hint", "checks_03.casualty_estimates_before.done")


@practice(say("checks_03.ids.wants"))
def open_loss_estimates(answer):
    """Lesson 03b: estimates of killed or casualties with no upper bound (``|``, ``.isna()``)."""
    want = expected_ids(course_tables(), ("killed", "casualties"), open_only=True)
    return _same_ids(answer, want, "checks_03.open_loss_estimates.hint", "checks_03.open_loss_estimates.done")


def expected_share_killed(killed_id: str = "e08", wounded_id: str = "e09", tables=None) -> float:
    """The share killed among killed plus wounded, from two estimates of the same day."""
    t = tables or course_tables()
    e = t.estimates.set_index("estimate_id")
    killed, wounded = float(e.at[killed_id, "value"]), float(e.at[wounded_id, "value"])
    return killed / (killed + wounded)


@practice(say("checks_03.share_killed.wants"))
def share_killed(answer, killed_id: str = "e08", wounded_id: str = "e09"):
    """Lesson 03c: the NIS's share killed on one day, killed / (killed + wounded)."""
    want = expected_share_killed(killed_id, wounded_id)
    e = course_tables().estimates.set_index("estimate_id")
    of_wounded = float(e.at[killed_id, "value"]) / float(e.at[wounded_id, "value"])
    if isinstance(answer, (int, float)) and not isinstance(answer, bool) and close(float(answer), of_wounded):
        raise Hint(say("checks_03.share_killed.of_wounded"))
    same_value(answer, want, hint=say("checks_03.share_killed.hint", killed_id=killed_id, wounded_id=wounded_id))
    return say("checks_03.share_killed.done", share=f"{want:.0%}")


@practice(say("checks_03.ids.wants"))
def estimates_after_article(answer):
    """Lesson 03c: the estimates published after the article (``>``, ``pd.Timestamp``)."""
    want = expected_ids(course_tables(), (), after_article=True)
    return _same_ids(answer, want, "checks_03.estimates_after_article.hint", "checks_03.estimates_after_article.done")
