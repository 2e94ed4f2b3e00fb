"""Answer shapes: turn a learner's value into a list, table, dict, number, interval or date, or say why not."""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Callable, Iterable

import pandas as pd

from ..data import load_tables
from ..intervals import Interval
from ..messages import say, translating_the_article
from .core import Hint, NotAnswered, decimal_comma, kind, thousands_slip

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
    """``n`` and a noun from the catalogue (``checks_answers.noun.<word>.one`` or ``.other``)."""
    return say(f"checks_answers.noun.{word}.{'one' if n == 1 else 'other'}", n=n)


def quoted(items: Iterable) -> str:
    return ", ".join(repr(str(x)) for x in items)


def vi(text_vi: str, text_en: str) -> str:
    """Vietnamese words in a hint, with their labelled English working translation (none in the article's own language)."""
    return say("checks_answers.vi.m1", text_vi=text_vi, text_en=text_en)


def figure_en(row, tables) -> str:
    """A figure in English words, e.g. 'about 14,000', built from the qualifier's gloss in cues_vi.

    A learner reading in the article's language gets the article's own words (``khoảng 14.000``).
    """
    if not translating_the_article():
        return row["text_vi"]
    cues = tables.cues_vi[tables.cues_vi["category"] == "quantity_qualifier"]
    gloss = dict(zip(cues["qualifier"], cues["gloss_en"]))
    if row["qualifier"] == "vague":
        return gloss.get("vague", say("checks_answers.words.vague_number"))
    value = float(row["value"])
    number = f"{value:,.0f}" if value >= 1 and value == round(value) else f"{value:.4g}"
    return number if row["qualifier"] == "exact" else f"{gloss.get(row['qualifier'], row['qualifier'])} {number}"


def name_of(source_id: str, tables) -> str:
    return tables.source_names.get(source_id, source_id)


# ---- answer shapes -----------------------------------------------------------------

def as_table(answer, columns: list[str], wants: str) -> pd.DataFrame:
    """Check that ``answer`` is a DataFrame with exactly ``columns``; return it re-indexed."""
    if isinstance(answer, pd.Series):
        raise Hint(say("checks_answers.as_table.m1", items=', '.join(columns)))
    if not isinstance(answer, pd.DataFrame):
        raise Hint(say("checks_answers.as_table.m2", wants=wants, kind=kind(answer)))
    frame = answer
    index_names = [n for n in frame.index.names if n is not None]
    in_index = [c for c in columns if c not in frame.columns and c in index_names]
    if in_index:
        raise Hint(say("checks_answers.as_table.m3", value=in_index[0]))
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise Hint(say("checks_answers.as_table.m4", quoted=quoted(missing), items=', '.join(columns)))
    extra = [str(c) for c in frame.columns if c not in columns]
    if extra:
        raise Hint(say("checks_answers.as_table.m5" + ("_other" if len(extra) > 1 else ""), quoted=quoted(extra),
                       items=", ".join(columns)))
    if frame.columns.duplicated().any():
        raise Hint(say("checks_answers.as_table.m6", quoted=quoted(frame.columns[frame.columns.duplicated()][:1])))
    return frame[columns].reset_index(drop=True)


def as_ids(answer, what: str, known: Iterable[str], column: str) -> list[str]:
    """Check that ``answer`` is a list of ids (list, tuple, set or column); return it as a list."""
    known = set(known)
    example = sorted(known)[0] if known else "id"
    if isinstance(answer, str):
        if answer in known:
            raise Hint(say("checks_answers.as_ids.m1", answer=answer))
        raise Hint(say("checks_answers.as_ids.m2", what=what, example=example))
    if isinstance(answer, pd.DataFrame):
        if column in answer.columns:
            raise Hint(say("checks_answers.as_ids.m3", what=what, column=column))
        raise Hint(say("checks_answers.as_ids.m4", what=what, example=example))
    if isinstance(answer, dict):
        raise Hint(say("checks_answers.as_ids.m5", what=what, example=example))
    if isinstance(answer, (pd.Series, pd.Index)):
        items = list(answer.dropna())
    elif isinstance(answer, (list, tuple, set, frozenset)):
        items = list(answer)
    else:
        raise Hint(say("checks_answers.as_ids.m6", what=what, example=example, kind=kind(answer)))
    for item in items:
        if not isinstance(item, str):
            raise Hint(say("checks_answers.as_ids.m7", what=what, example=example, item=item, kind=kind(item)))
        if item not in known:
            raise Hint(say("checks_answers.as_ids.m8", item=item, what=what, column=column))
    seen = set()
    for item in items:
        if item in seen:
            raise Hint(say("checks_answers.as_ids.m9", item=item))
        seen.add(item)
    return items


def as_mapping(answer, keys: list[str], wants: str, key_what: str) -> dict:
    """Check that ``answer`` is a dict (or a Series) with exactly ``keys``; return it as a dict."""
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if not isinstance(answer, dict):
        raise Hint(say("checks_answers.as_mapping.m1", wants=wants, kind=kind(answer)))
    got = {str(k): v for k, v in answer.items()}
    missing = [k for k in keys if k not in got]
    if missing:
        raise Hint(say("checks_answers.as_mapping.m2", quoted=quoted(missing), key_what=key_what, items=', '.join(keys)))
    extra = [k for k in got if k not in keys]
    if extra:
        raise Hint(say("checks_answers.as_mapping.m3", quoted=quoted(extra[:3]), items=', '.join(keys)))
    return got


def as_number(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        if isinstance(value, str):
            raise Hint(say("checks_answers.as_number.m1", what=what, value=value))
        raise Hint(decimal_comma(value) or say("checks_answers.as_number.m2", what=what, kind=kind(value)))
    value = float(value)
    if math.isnan(value):
        raise Hint(say("checks_answers.as_number.m3", what=what))
    return value


def as_interval(answer) -> Interval:
    """An :class:`Interval`, or a pair ``(low, high)``; ``math.inf`` for no upper bound."""
    if isinstance(answer, Interval):
        return answer
    if isinstance(answer, numbers.Number) and not isinstance(answer, bool):
        raise Hint(say("checks_answers.as_interval.m1"))
    if isinstance(answer, (pd.DataFrame, pd.Series, dict, str, set)) or not hasattr(answer, "__len__"):
        raise Hint(say("checks_answers.as_interval.m2", kind=kind(answer)))
    if len(answer) != 2:
        raise Hint(say("checks_answers.as_interval.m3", len=len(answer)))
    low, high = answer
    if high is None:
        raise Hint(say("checks_answers.as_interval.m4"))
    low, high = as_number(low, say("checks_answers.words.low_end")), as_number(high, say("checks_answers.words.high_end"))
    if low > high:
        raise Hint(say("checks_answers.as_interval.m5", low=low, high=high))
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
                raise Hint(say("checks_answers.as_date.m1", what=what, value=value)) from None
            raise Hint(say("checks_answers.as_date.m2", what=what, value=value)) from None
    raise Hint(say("checks_answers.as_date.m3", what=what, kind=kind(value)))


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
        raise Hint(say("checks_answers.compare_rows.m1", row_word=row_word, value=duplicated[0], count=keys.count(duplicated[0])))
    rows = say("checks_answers.compare_rows.rows", rows=plural(len(keys), "row"), want=len(want))
    extra = [k for k in keys if k not in want]
    if extra:
        hint = extra_hint(extra[0])
        raise Hint(say("checks_answers.compare_rows.extra", rows=rows, hint=hint or say(
            "checks_answers.compare_rows.extra_default", row_word=row_word, key=extra[0])))
    missing = [k for k in want if k not in keys]
    if missing:
        hint = missing_hint(missing)
        raise Hint(say("checks_answers.compare_rows.missing", rows=rows, hint=hint or say(
            "checks_answers.compare_rows.missing_default", missing=plural(len(missing), row_word))))
    by_key = expected.set_index(expected[key].astype(str))
    for _, row in frame.iterrows():
        for column in expected.columns:
            if not _same(row[column], by_key.at[str(row[key]), column]):
                raise Hint(say("checks_answers.compare_rows.m2",
                               row_word=row_word, value=row[key], column=column, value2=row[column]))
    if ordered_by and keys != want:
        raise Hint(say("checks_answers.compare_rows.m3", ordered_by=ordered_by))


