"""Vietnamese as the article writes it: numbers and dates.

Numbers: Vietnamese groups thousands with a dot and uses a comma for decimals, so
``14.000`` is fourteen thousand and ``0,5`` is one half. A few number words matter in
the article too, such as ``hai phần ba`` (two-thirds).

Dates: the article is dated by its last line, "Theo tin từ Fox News ngày 14 tháng 11
năm 2025". Relative expressions ("năm ngoái", "tháng 4", "tháng trước") only mean
something against that date; :func:`resolve_time_expression` turns each into an
absolute period and names the rule it used.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

# --------------------------------------------------------------------------- numbers

#: Number words that occur in the article, with the value they stand for.
NUMBER_WORDS = {
    "hai phần ba": 2 / 3,
    "một nửa": 1 / 2,
    "một phần ba": 1 / 3,
    "ba phần tư": 3 / 4,
}

_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def parse_vi_number(text: str) -> float:
    """Return the value of one number written the Vietnamese way.

    >>> parse_vi_number("14.000")
    14000.0
    >>> parse_vi_number("hai phần ba")  # doctest: +ELLIPSIS
    0.666...

    Raises ``ValueError`` when ``text`` is not a number or a known number word.
    """
    cleaned = text.strip().lower()
    if cleaned in NUMBER_WORDS:
        return NUMBER_WORDS[cleaned]
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(f"{text!r} is not a number written the Vietnamese way (e.g. 14.000)")
    return float(cleaned.replace(".", "").replace(",", "."))


def numbers_in(text: str) -> list[float]:
    """Return every number in ``text``: digits (``14.000``) and known number words."""
    lowered = text.lower()
    found = [parse_vi_number(m.group()) for m in _NUMBER.finditer(lowered)]
    found += [value for word, value in NUMBER_WORDS.items() if word in lowered]
    return found


def value_is_written_in(value: float, text: str, tolerance: float = 1e-3) -> bool:
    """True when ``value`` is one of the numbers written in ``text``.

    ``tolerance`` is relative, so that 0.6667 matches ``hai phần ba``.
    """
    return any(abs(found - value) <= tolerance * max(1.0, abs(value)) for found in numbers_in(text))


# --------------------------------------------------------------------------- dates

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


def vi_number_pattern() -> re.Pattern[str]:
    """The regular expression of a number written the Vietnamese way (``14.000``, ``0,5``)."""
    return _NUMBER
