"""Resolving the article's time expressions against the source line's date.

The article is dated by its last line, "Theo tin từ Fox News ngày 14 tháng 11
năm 2025". Relative expressions ("năm ngoái", "tháng 4", "tháng trước") only
mean something against that date; :func:`resolve_time_expression` turns each into
an absolute period and names the rule it used.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

_DATE = re.compile(r"(?:ngày (?P<day>\d{1,2}) )?tháng (?P<month>\d{1,2})(?: năm (?P<year>\d{4}))?")


class Period(NamedTuple):
    """An absolute period (``start``..``end`` inclusive) and the rule that gave it."""

    start: dt.date | None
    end: dt.date | None
    rule: str


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def resolve_time_expression(text_vi: str, reference: dt.date) -> Period:
    """Turn a Vietnamese time expression into an absolute period.

    - ``""`` (no expression): ``undated``, with no start or end.
    - ``"năm ngoái"`` (last year): the whole previous calendar year.
    - ``"tháng trước"`` (last month): the previous calendar month.
    - ``"tháng 4"`` (a month without a year): the latest such month before ``reference``.
    - ``"tháng 8 năm 2024"`` or ``"ngày 14 tháng 11 năm 2025"``: itself.

    Raises ``ValueError`` for an expression it does not know.
    """
    text = text_vi.strip().lower()
    if not text:
        return Period(None, None, "undated")
    if text == "năm ngoái":
        year = reference.year - 1
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "previous_year")
    if text == "tháng trước":
        year, month = (reference.year, reference.month - 1) if reference.month > 1 else (reference.year - 1, 12)
        return Period(*_month(year, month), "previous_month")
    match = _DATE.fullmatch(text)
    if not match:
        raise ValueError(f"cannot read the time expression {text_vi!r}")
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise ValueError(f"{text_vi!r} names month {month}, which does not exist")
    if match["year"]:
        year = int(match["year"])
        if match["day"]:
            day = dt.date(year, month, int(match["day"]))
            return Period(day, day, "absolute")
        return Period(*_month(year, month), "absolute")
    year = reference.year if month < reference.month else reference.year - 1
    return Period(*_month(year, month), "latest_month")
