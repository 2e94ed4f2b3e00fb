"""Figures as intervals: what a qualifier such as "about" or "more than" allows.

The rules, documented once here and applied by :func:`interval_for`:

=============  ==================  ==============================================
qualifier      Vietnamese cue      interval
=============  ==================  ==============================================
``exact``      (none)              ``[value, value]``
``about``      ``khoảng``          ``[value × (1 − t), value × (1 + t)]``, t = 10 %
``more_than``  ``hơn``             ``[value, open]`` — no upper bound is given
``up_to``      ``tới``             ``[0, value]`` — counts cannot be negative
``vague``      ``hàng ngàn``       the ``low`` and ``high`` written in the table,
                                   a reading of the phrase (``hàng ngàn``:
                                   2,000–9,999)
=============  ==================  ==============================================

The 10 % tolerance for "about" is this course's convention, not a rule of
journalism; every function that uses it takes ``about_tolerance`` so a class can
try another. An open bound is ``math.inf``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .contract import QUALIFIERS
from .errors import AssumptionError
from .messages import local_number, say

ABOUT_TOLERANCE = 0.10


@dataclass(frozen=True)
class Interval:
    """A closed range of plausible values; ``high`` may be ``math.inf`` (open)."""

    low: float
    high: float

    def __post_init__(self):
        if math.isnan(self.low) or math.isnan(self.high):
            raise ValueError("an interval needs two numbers, not NaN")
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")

    @property
    def is_open(self) -> bool:
        """True when there is no upper bound."""
        return math.isinf(self.high)

    def __contains__(self, value: float) -> bool:
        return self.low <= value <= self.high

    def scale(self, low_factor: float, high_factor: float | None = None) -> Interval:
        """Multiply by a factor, or by a range of factors ``[low_factor, high_factor]``.

        Used for implied quantities, e.g. two-thirds of "more than 4,000".
        Factors must be non-negative.
        """
        high_factor = low_factor if high_factor is None else high_factor
        if low_factor < 0 or high_factor < low_factor:
            raise ValueError("factors must satisfy 0 <= low_factor <= high_factor")
        high = (math.inf if high_factor > 0 else 0.0) if self.is_open else self.high * high_factor
        return Interval(self.low * low_factor, high)

    def overlaps(self, other: Interval) -> bool:
        """True when the two intervals share at least one value."""
        return self.low <= other.high and other.low <= self.high

    def intersection(self, other: Interval) -> Interval | None:
        """The values both intervals allow, or ``None`` when they do not overlap."""
        if not self.overlaps(other):
            return None
        return Interval(max(self.low, other.low), min(self.high, other.high))

    def describe(self, unit: str = "") -> str:
        """In words, e.g. ``"12,600 to 15,400 people"`` or ``"more than 6,000 (no upper bound given)"``.

        An open interval comes from "more than" (``hơn``), so it is worded "more than", never
        "at least".
        """
        suffix = f" {unit}" if unit else ""
        low, high = format_number(self.low), format_number(self.high)
        key = "open" if self.is_open else "point" if self.low == self.high else "range"
        return say(f"intervals.interval.{key}", low=low, high=high, unit=suffix)


def format_number(x: float, *, whole: bool = False) -> str:
    """A number as the learner's language writes it: ``14,000``, ``0.6667``; ``math.inf`` is "no upper bound".

    With ``whole=True`` it is rounded to a whole number first. In Vietnamese the separators
    swap (``14.000``, ``0,6667``; see :func:`~critical_reading.messages.local_number`).

    >>> format_number(14000.0), format_number(2 / 3), format_number(math.inf), format_number(6000.4, whole=True)
    ('14,000', '0.6667', 'no upper bound', '6,000')
    """
    if math.isinf(x):
        return say("intervals.interval.no_upper_bound")
    if whole or (abs(x - round(x)) < 1e-9 and abs(x) >= 1):
        return local_number(f"{x:,.0f}")
    return local_number(f"{x:,.2f}" if abs(x) >= 1 else f"{x:.4g}")


def qualified(qualifier: str, value: float, *, symbol: bool = False) -> str:
    """The one wording of a qualifier and its number: ``about 14,000``, ``more than 6,000``, ``up to 12,000``.

    With ``symbol=True`` the short form of chart labels: ``~14,000``, ``>6,000``, ``≤12,000``.

    >>> qualified("more_than", 6000), qualified("about", 14000, symbol=True)
    ('more than 6,000', '~14,000')
    """
    if qualifier not in QUALIFIERS:
        raise AssumptionError(say("intervals.unknown_qualifier", qualifier=qualifier, allowed=", ".join(QUALIFIERS)))
    number = format_number(value, whole=abs(value) >= 1)
    return say(f"intervals.{'symbol' if symbol else 'qualified'}.{qualifier}", number=number)


def interval_for(value: float | None, qualifier: str, *, low: float | None = None,
                 high: float | None = None, about_tolerance: float = ABOUT_TOLERANCE) -> Interval:
    """Return the interval a figure allows, following the rules in this module's docstring.

    ``low`` and ``high`` are used only for ``vague`` figures, which have no single value.
    """
    if qualifier not in QUALIFIERS:
        raise AssumptionError(say("intervals.unknown_qualifier", qualifier=qualifier, allowed=", ".join(QUALIFIERS)))
    if qualifier == "vague":
        if low is None or high is None or _missing(low) or _missing(high):
            raise ValueError(say("intervals.needs_bounds"))
        return Interval(float(low), float(high))
    if value is None or _missing(value):
        raise ValueError(say("intervals.needs_value", qualifier=qualifier))
    if not 0 <= about_tolerance < 1:
        raise ValueError("about_tolerance must be between 0 and 1")
    value = float(value)
    if qualifier == "exact":
        return Interval(value, value)
    if qualifier == "about":
        return Interval(value * (1 - about_tolerance), value * (1 + about_tolerance))
    if qualifier == "more_than":
        return Interval(value, math.inf)
    return Interval(0.0, value)  # up_to


def row_interval(row: Mapping[str, object], about_tolerance: float = ABOUT_TOLERANCE) -> Interval:
    """The interval of a row of ``figures.csv`` or ``estimates.csv`` (``value``, ``qualifier``, ``low``,
    ``high``), by :func:`interval_for`, cleaned of float noise (15400.000000000002 → 15400)."""
    def number(x):
        return None if _missing(x) else float(x)

    raw = interval_for(number(row["value"]), row["qualifier"], low=number(row["low"]), high=number(row["high"]),
                       about_tolerance=about_tolerance)
    return Interval(round(raw.low, 6), raw.high if raw.is_open else round(raw.high, 6))


def _missing(x) -> bool:
    if x is None:
        return True
    try:
        return math.isnan(float(x))
    except (TypeError, ValueError):
        return True
