"""Reading numbers as Vietnamese writes them.

Vietnamese groups thousands with a dot and uses a comma for decimals:
``14.000`` is fourteen thousand and ``0,5`` is one half. A few number words
matter in the article too, such as ``hai phần ba`` (two-thirds).
"""

import re

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
