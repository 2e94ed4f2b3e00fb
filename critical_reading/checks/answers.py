"""Answer shapes: turn a learner's value into a list, table, dict, number, interval or date, or say why not."""

from __future__ import annotations

import datetime as dt
import math
import numbers
from typing import Callable, Iterable

import pandas as pd

from ..data import load_tables
from ..intervals import Interval
from .core import Hint, NotAnswered, kind, thousands_slip

__all__ = ["Hint", "NotAnswered", "as_date", "as_ids", "as_interval", "as_mapping", "as_number", "as_table",
           "close", "compare_rows", "figure_en", "kind", "name_of", "plural", "quoted", "tables",
           "thousands_slip", "vi"]



def tables():  # noqa: D401 - a function, so a teacher's edit to data/ is seen
    """The course's tables; :func:`load_tables` reloads them when a file in data/ changes."""
    return load_tables()


def close(a: float, b: float, rel: float = 1e-3) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def quoted(items: Iterable) -> str:
    return ", ".join(repr(str(x)) for x in items)


def vi(text_vi: str, text_en: str) -> str:
    """Vietnamese words in a hint, always with their labelled English working translation."""
    return f"“{text_vi}” (English working translation: “{text_en}”)"


def figure_en(row, tables) -> str:
    """A figure in English words, e.g. 'about 14,000', built from the qualifier's gloss in cues_vi."""
    cues = tables.cues_vi[tables.cues_vi["category"] == "quantity_qualifier"]
    gloss = dict(zip(cues["qualifier"], cues["gloss_en"]))
    if row["qualifier"] == "vague":
        return gloss.get("vague", "a vague number")
    value = float(row["value"])
    number = f"{value:,.0f}" if value >= 1 and value == round(value) else f"{value:.4g}"
    return number if row["qualifier"] == "exact" else f"{gloss.get(row['qualifier'], row['qualifier'])} {number}"


def name_of(source_id: str, tables) -> str:
    return tables.source_names.get(source_id, source_id)


# ---- answer shapes -----------------------------------------------------------------

def as_table(answer, columns: list[str], wants: str) -> pd.DataFrame:
    """Check that ``answer`` is a DataFrame with exactly ``columns``; return it re-indexed."""
    if isinstance(answer, pd.Series):
        raise Hint(f"your answer is a single column (Series); this question wants a table with the "
                   f"columns {', '.join(columns)}: select them with double brackets, table[[...]].")
    if not isinstance(answer, pd.DataFrame):
        raise Hint(f"this question wants {wants}, but your answer is {kind(answer)}.")
    frame = answer
    index_names = [n for n in frame.index.names if n is not None]
    in_index = [c for c in columns if c not in frame.columns and c in index_names]
    if in_index:
        raise Hint(f"'{in_index[0]}' is the index of your table, not a column: add .reset_index().")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise Hint(f"your table has no column {quoted(missing)}; it should have exactly the columns "
                   f"{', '.join(columns)}.")
    extra = [str(c) for c in frame.columns if c not in columns]
    if extra:
        raise Hint(f"your table has extra column{'s' if len(extra) > 1 else ''} {quoted(extra)}; "
                   f"keep only {', '.join(columns)} (table[[...]] with those names).")
    if frame.columns.duplicated().any():
        raise Hint(f"your table has the column {quoted(frame.columns[frame.columns.duplicated()][:1])} twice.")
    return frame[columns].reset_index(drop=True)


def as_ids(answer, what: str, known: Iterable[str], column: str) -> list[str]:
    """Check that ``answer`` is a list of ids (list, tuple, set or column); return it as a list."""
    known = set(known)
    example = sorted(known)[0] if known else "id"
    if isinstance(answer, str):
        if answer in known:
            raise Hint(f"put the id in a list, in square brackets: ['{answer}'].")
        raise Hint(f"this question wants a list of {what}, like ['{example}', …], not one piece of text.")
    if isinstance(answer, pd.DataFrame):
        if column in answer.columns:
            raise Hint(f"this question wants a list of {what}, not a table: take the column with "
                       f"list(table['{column}']).")
        raise Hint(f"this question wants a list of {what}, like ['{example}', …], not a table.")
    if isinstance(answer, dict):
        raise Hint(f"this question wants a list of {what}, like ['{example}', …], not a dict.")
    if isinstance(answer, (pd.Series, pd.Index)):
        items = list(answer.dropna())
    elif isinstance(answer, (list, tuple, set, frozenset)):
        items = list(answer)
    else:
        raise Hint(f"this question wants a list of {what}, like ['{example}', …], but your answer is "
                   f"{kind(answer)}.")
    for item in items:
        if not isinstance(item, str):
            raise Hint(f"every item should be one of the {what}, in quotes like '{example}'; "
                       f"{item!r} is {kind(item)}.")
        if item not in known:
            raise Hint(f"{item!r} is not one of the {what} (see the column '{column}'); "
                       "check the spelling.")
    seen = set()
    for item in items:
        if item in seen:
            raise Hint(f"{item!r} is in your list twice.")
        seen.add(item)
    return items


def as_mapping(answer, keys: list[str], wants: str, key_what: str) -> dict:
    """Check that ``answer`` is a dict (or a Series) with exactly ``keys``; return it as a dict."""
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if not isinstance(answer, dict):
        raise Hint(f"this question wants {wants}, but your answer is {kind(answer)}.")
    got = {str(k): v for k, v in answer.items()}
    missing = [k for k in keys if k not in got]
    if missing:
        raise Hint(f"your answer has no entry for {quoted(missing)}; it needs one for each {key_what}: "
                   f"{', '.join(keys)}.")
    extra = [k for k in got if k not in keys]
    if extra:
        raise Hint(f"your answer has an entry for {quoted(extra[:3])}, which this question does not ask "
                   f"about; keep only {', '.join(keys)}.")
    return got


def as_number(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        if isinstance(value, str):
            raise Hint(f"{what} should be a number without quotes, but it is the text {value!r}.")
        raise Hint(f"{what} should be a number, but it is {kind(value)}.")
    value = float(value)
    if math.isnan(value):
        raise Hint(f"{what} is NaN (not a number): a missing value crept in.")
    return value


def as_interval(answer) -> Interval:
    """An :class:`Interval`, or a pair ``(low, high)``; ``math.inf`` for no upper bound."""
    if isinstance(answer, Interval):
        return answer
    if isinstance(answer, numbers.Number) and not isinstance(answer, bool):
        raise Hint("that is a single number; an interval needs two, (low, high).")
    if isinstance(answer, (pd.DataFrame, pd.Series, dict, str, set)) or not hasattr(answer, "__len__"):
        raise Hint(f"this question wants an interval, Interval(low, high) or a pair (low, high), but "
                   f"your answer is {kind(answer)}.")
    if len(answer) != 2:
        raise Hint(f"an interval has two numbers, (low, high); yours has {len(answer)}.")
    low, high = answer
    if high is None:
        raise Hint("for 'no upper bound' write math.inf (after import math), not None.")
    low, high = as_number(low, "the low end"), as_number(high, "the high end")
    if low > high:
        raise Hint(f"the low end ({low:g}) is above the high end ({high:g}): write (low, high).")
    return Interval(low, high)


def as_date(value, what: str) -> dt.date:
    """A date, a datetime, a pandas Timestamp, or text 'YYYY-MM-DD'."""
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            if len(text) == 10 and text[4] == text[7] == "-" and text.replace("-", "").isdigit():
                raise Hint(f"{what}, {value!r}, is not a real date: check the month and the number of "
                           "days in it.") from None
            raise Hint(f"{what} should be a date written 'YYYY-MM-DD' (year, month, day), "
                       f"but it is {value!r}.") from None
    raise Hint(f"{what} should be a date written 'YYYY-MM-DD', but it is {kind(value)}.")


def _same(a, b) -> bool:
    """Compare two cell values leniently: numbers with a tolerance, dates as dates, text as text."""
    a_missing, b_missing = _is_missing(a), _is_missing(b)
    if a_missing or b_missing:
        return a_missing and b_missing
    if isinstance(b, (pd.Timestamp, dt.date)):
        try:
            return pd.Timestamp(a).normalize() == pd.Timestamp(b).normalize()
        except (ValueError, TypeError):
            return False
    if isinstance(b, numbers.Number) and not isinstance(b, bool):
        if isinstance(a, bool) or not isinstance(a, numbers.Number):
            return False
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    return str(a) == str(b)


def _is_missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def compare_rows(frame: pd.DataFrame, expected: pd.DataFrame, key: str, row_word: str,
                  extra_hint: Callable[[str], str | None] = lambda k: None,
                  missing_hint: Callable[[list[str]], str | None] = lambda ks: None,
                  ordered_by: str | None = None) -> None:
    """Compare a learner's table with the expected one, row by row, keyed by ``key``."""
    keys = [str(k) for k in frame[key]]
    want = [str(k) for k in expected[key]]
    duplicated = [k for k in set(keys) if keys.count(k) > 1]
    if duplicated:
        raise Hint(f"{row_word} {duplicated[0]} appears {keys.count(duplicated[0])} times in your table; "
                   "each should appear once (did a merge repeat rows?).")
    rows = f"your table has {plural(len(keys), 'row')}; the answer has {len(want)}"
    extra = [k for k in keys if k not in want]
    if extra:
        hint = extra_hint(extra[0])
        raise Hint(f"{rows}. " + (hint or f"For example, {row_word} {extra[0]} does not belong: check your filter."))
    missing = [k for k in want if k not in keys]
    if missing:
        hint = missing_hint(missing)
        raise Hint(f"{rows}: " + (hint or f"{plural(len(missing), row_word)} missing. Check your filter."))
    by_key = expected.set_index(expected[key].astype(str))
    for _, row in frame.iterrows():
        for column in expected.columns:
            if not _same(row[column], by_key.at[str(row[key]), column]):
                raise Hint(f"{row_word} {row[key]}: the column '{column}' holds {row[column]!r}, which "
                           "is not what the course's tables say; check how you built that column.")
    if ordered_by and keys != want:
        raise Hint(f"the rows are right, but not in order: sort them by '{ordered_by}' "
                   f"(.sort_values('{ordered_by}')).")


