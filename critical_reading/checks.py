"""Instant feedback for the exercises: one check per question, one line per hint.

Every exercise notebook (``exercises/``) puts a check cell after each answer cell::

    checks.chain_of_publication(answer_q1, "c08")

A check does one of three things, and never shows a traceback:

- the answer is still the stub ``...`` (three dots): it raises :class:`NotAnswered`,
  shown as ``Not answered yet: …``;
- the answer is wrong, or has the wrong shape (wrong type, missing or extra
  columns, wrong number of rows, a near miss): it raises :class:`Hint`, shown as one
  line, ``Not yet: …``, that says what to look at;
- the answer is right: it prints one line starting with ``✓``.

Both errors derive from :class:`~critical_reading.errors.LearnerError` (IPython
shows them as one line) and from ``AssertionError`` (a test failure, which is
how nbgrader's autograder scores a check cell: no error, full points).

Expected answers are computed from ``data/`` each time (never typed in), so a
teacher who edits a table gets checks that agree with the edit. The functions
``expected_*`` return them; the masters' hidden tests compute the same answers a
second time, independently, with pandas in the notebook. ``QUESTIONS`` lists every
check by name (``tests/test_checks.py`` proves each one against right answers,
wrong shapes and near misses).

A check never reveals the whole answer at once, but it is specific: it names the
row, the key or the rule that is off, so a learner knows where to look.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import math
import numbers
from typing import Callable, Iterable

import pandas as pd

from .claims import claims_with_sources as _claims_with_sources
from .contract import PARTIES
from .data import load_tables
from .errors import LearnerError
from .intervals import Interval, interval_for

__all__ = [
    "Hint", "NotAnswered", "QUESTIONS", "show_sentences",
    # 01 close reading
    "chain_of_publication", "claims_through", "relative_periods", "chronological_order",
    # 02 who claims what
    "claims_with_sources", "claims_per_side", "strong_attribution", "attribution_kinds",
    # 03 casualty figures
    "figure_interval", "implied_interval", "killed_estimates", "overlapping_estimates",
    # 04 unverified statements
    "disclaimers", "disclaimer_scope", "unflagged_figures", "unflagged_party_claims",
    # 05 putting it together
    "key_figures", "latest_estimates", "claim_review",
]

ATTRIBUTION_KINDS = ("own_voice", "named", "unnamed")
CLAIM_REVIEW_KEYS = ("claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished")


class NotAnswered(LearnerError, AssertionError):
    """The answer is still the stub ``...``: shown as ``Not answered yet: …``."""

    prefix = "Not answered yet"


class Hint(LearnerError, AssertionError):
    """The answer is not right yet; the message says where to look (one line)."""

    prefix = "Not yet"


#: Every check, by name, with what it wants (used by the tests and the docs).
QUESTIONS: dict[str, Callable] = {}


# --------------------------------------------------------------------------- plumbing

def _tables():
    """The course's tables; :func:`load_tables` reloads them when a file in data/ changes."""
    return load_tables()


def _kind(answer) -> str:
    """A learner's answer described in plain words: 'a list', 'None', 'a table (DataFrame)'."""
    if answer is None:
        return "None"
    if isinstance(answer, pd.DataFrame):
        return "a table (DataFrame)"
    if isinstance(answer, pd.Series):
        return "a single column (Series)"
    if isinstance(answer, bool):
        return "True/False"
    if isinstance(answer, str):
        return "a piece of text (string)"
    if isinstance(answer, numbers.Number):
        return "a number"
    for kind, name in ((dict, "a dict"), (list, "a list"), (tuple, "a tuple"), (set, "a set"),
                       (Interval, "an Interval"), (dt.date, "a date")):
        if isinstance(answer, kind):
            return name
    return f"a {type(answer).__name__}"


def _none_hint(wants: str) -> Hint:
    return Hint("your answer is None: print(...) and methods called with inplace=True give back None, "
                f"so assign the result itself. This question wants {wants}.")


def _question(wants: str):
    """Turn ``func(answer, ...) -> feedback`` into a check: stub, hint or ✓, never a traceback."""

    def wrap(func):
        @functools.wraps(func)
        def check(answer=..., *args, **kwargs):
            if answer is ...:
                raise NotAnswered(f"the answer cell above still holds ... (three dots). Replace them with "
                                  f"{wants}; run that cell (fix any error it shows), then this one.")
            if answer is None:
                raise _none_hint(wants)
            try:
                feedback = func(answer, *args, **kwargs)
            except LearnerError:
                raise
            except Exception:  # a shape nobody foresaw: still one line, never a traceback
                raise Hint(f"your answer ({_kind(answer)}) could not be checked; "
                           f"this question wants {wants}.") from None
            feedback = (feedback or "").strip()
            print(f"✓ Correct. {feedback[:1].upper()}{feedback[1:]}".rstrip())

        check.wants = wants
        QUESTIONS[func.__name__] = check
        return check

    return wrap


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _quoted(items: Iterable) -> str:
    return ", ".join(repr(str(x)) for x in items)


def _vi(text_vi: str, text_en: str) -> str:
    """Vietnamese words in a hint, always with their labelled English working translation."""
    return f"“{text_vi}” (English working translation: “{text_en}”)"


def _figure_en(row, tables) -> str:
    """A figure in English words, e.g. 'about 14,000', built from the qualifier's gloss in cues_vi."""
    cues = tables.cues_vi[tables.cues_vi["category"] == "quantity_qualifier"]
    gloss = dict(zip(cues["qualifier"], cues["gloss_en"]))
    if row["qualifier"] == "vague":
        return gloss.get("vague", "a vague number")
    value = float(row["value"])
    number = f"{value:,.0f}" if value >= 1 and value == round(value) else f"{value:.4g}"
    return number if row["qualifier"] == "exact" else f"{gloss.get(row['qualifier'], row['qualifier'])} {number}"


def _name(source_id: str, tables) -> str:
    return tables.source_names.get(source_id, source_id)


# ---- answer shapes -----------------------------------------------------------------

def _as_table(answer, columns: list[str], wants: str) -> pd.DataFrame:
    """Check that ``answer`` is a DataFrame with exactly ``columns``; return it re-indexed."""
    if isinstance(answer, pd.Series):
        raise Hint(f"your answer is a single column (Series); this question wants a table with the "
                   f"columns {', '.join(columns)}: select them with double brackets, table[[...]].")
    if not isinstance(answer, pd.DataFrame):
        raise Hint(f"this question wants {wants}, but your answer is {_kind(answer)}.")
    frame = answer
    index_names = [n for n in frame.index.names if n is not None]
    in_index = [c for c in columns if c not in frame.columns and c in index_names]
    if in_index:
        raise Hint(f"'{in_index[0]}' is the index of your table, not a column: add .reset_index().")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise Hint(f"your table has no column {_quoted(missing)}; it should have exactly the columns "
                   f"{', '.join(columns)}.")
    extra = [str(c) for c in frame.columns if c not in columns]
    if extra:
        raise Hint(f"your table has extra column{'s' if len(extra) > 1 else ''} {_quoted(extra)}; "
                   f"keep only {', '.join(columns)} (table[[...]] with those names).")
    if frame.columns.duplicated().any():
        raise Hint(f"your table has the column {_quoted(frame.columns[frame.columns.duplicated()][:1])} twice.")
    return frame[columns].reset_index(drop=True)


def _as_ids(answer, what: str, known: Iterable[str], column: str) -> list[str]:
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
                   f"{_kind(answer)}.")
    for item in items:
        if not isinstance(item, str):
            raise Hint(f"every item should be one of the {what}, in quotes like '{example}'; "
                       f"{item!r} is {_kind(item)}.")
        if item not in known:
            raise Hint(f"{item!r} is not one of the {what} (see the column '{column}'); "
                       "check the spelling.")
    seen = set()
    for item in items:
        if item in seen:
            raise Hint(f"{item!r} is in your list twice.")
        seen.add(item)
    return items


def _as_mapping(answer, keys: list[str], wants: str, key_what: str) -> dict:
    """Check that ``answer`` is a dict (or a Series) with exactly ``keys``; return it as a dict."""
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if not isinstance(answer, dict):
        raise Hint(f"this question wants {wants}, but your answer is {_kind(answer)}.")
    got = {str(k): v for k, v in answer.items()}
    missing = [k for k in keys if k not in got]
    if missing:
        raise Hint(f"your answer has no entry for {_quoted(missing)}; it needs one for each {key_what}: "
                   f"{', '.join(keys)}.")
    extra = [k for k in got if k not in keys]
    if extra:
        raise Hint(f"your answer has an entry for {_quoted(extra[:3])}, which this question does not ask "
                   f"about; keep only {', '.join(keys)}.")
    return got


def _as_number(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        if isinstance(value, str):
            raise Hint(f"{what} should be a number without quotes, but it is the text {value!r}.")
        raise Hint(f"{what} should be a number, but it is {_kind(value)}.")
    value = float(value)
    if math.isnan(value):
        raise Hint(f"{what} is NaN (not a number): a missing value crept in.")
    return value


def _as_interval(answer) -> Interval:
    """An :class:`Interval`, or a pair ``(low, high)``; ``math.inf`` for no upper bound."""
    if isinstance(answer, Interval):
        return answer
    if isinstance(answer, numbers.Number) and not isinstance(answer, bool):
        raise Hint("that is a single number; an interval needs two, (low, high).")
    if isinstance(answer, (pd.DataFrame, pd.Series, dict, str, set)) or not hasattr(answer, "__len__"):
        raise Hint(f"this question wants an interval, Interval(low, high) or a pair (low, high), but "
                   f"your answer is {_kind(answer)}.")
    if len(answer) != 2:
        raise Hint(f"an interval has two numbers, (low, high); yours has {len(answer)}.")
    low, high = answer
    if high is None:
        raise Hint("for 'no upper bound' write math.inf (after import math), not None.")
    low, high = _as_number(low, "the low end"), _as_number(high, "the high end")
    if low > high:
        raise Hint(f"the low end ({low:g}) is above the high end ({high:g}): write (low, high).")
    return Interval(low, high)


def _as_date(value, what: str) -> dt.date:
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
    raise Hint(f"{what} should be a date written 'YYYY-MM-DD', but it is {_kind(value)}.")


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


def _compare_rows(frame: pd.DataFrame, expected: pd.DataFrame, key: str, row_word: str,
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
    rows = f"your table has {_plural(len(keys), 'row')}; the answer has {len(want)}"
    extra = [k for k in keys if k not in want]
    if extra:
        hint = extra_hint(extra[0])
        raise Hint(f"{rows}. " + (hint or f"For example, {row_word} {extra[0]} does not belong: check your filter."))
    missing = [k for k in want if k not in keys]
    if missing:
        hint = missing_hint(missing)
        raise Hint(f"{rows}: " + (hint or f"{_plural(len(missing), row_word)} missing. Check your filter."))
    by_key = expected.set_index(expected[key].astype(str))
    for _, row in frame.iterrows():
        for column in expected.columns:
            if not _same(row[column], by_key.at[str(row[key]), column]):
                raise Hint(f"{row_word} {row[key]}: the column '{column}' holds {row[column]!r}, which "
                           "is not what the course's tables say; check how you built that column.")
    if ordered_by and keys != want:
        raise Hint(f"the rows are right, but not in order: sort them by '{ordered_by}' "
                   f"(.sort_values('{ordered_by}')).")


# --------------------------------------------------------------------------- displaying

class _Sentences:
    """Sentences of the article with their labelled English working translations."""

    def __init__(self, rows):
        self.rows = rows

    def __repr__(self):
        from .render import translation_label
        return "\n".join(f"{sid} VI: {vi}\n{sid} EN ({translation_label()}): {en}" for sid, vi, en in self.rows)

    def _repr_html_(self):
        from .render import Quote
        return "".join(f"<p style='margin:0.6em 0 0'><strong>{html.escape(sid)}</strong></p>"
                       f"{Quote(vi, en)._repr_html_()}" for sid, vi, en in self.rows)


def show_sentences(*sentence_ids: str) -> _Sentences:
    """Show sentences of the article (by id, e.g. ``"s07"``), each with its English working translation."""
    sentences = _tables().sentences.set_index("sentence_id")
    unknown = [s for s in sentence_ids if s not in sentences.index]
    if unknown:
        raise Hint(f"{unknown[0]!r} is not a sentence_id; they run from "
                   f"{sentences.index[0]} to {sentences.index[-1]}.")
    return _Sentences([(s, sentences.at[s, "text_vi"], sentences.at[s, "text_en"]) for s in sentence_ids])


# =========================================================================== 01 close reading

def expected_chain(claim_id: str = "c08", tables=None) -> list[str]:
    """Who passed the claim on, from its claimant to the Vietnamese outlet, as source ids."""
    from .reading import chain_of

    return chain_of(tables or _tables(), claim_id)


@_question("a list of source ids in order, like ['first_id', 'second_id', …]")
def chain_of_publication(answer, claim_id: str = "c08"):
    """The chain of publication of one claim: claimant first, the Vietnamese outlet last."""
    t = _tables()
    if isinstance(answer, str) and ">" in answer:
        raise Hint("write the chain as a list of ids, ['a', 'b', …], not as one text joined by '>'.")
    chain = _as_ids(answer, "source ids", t.sources["source_id"], "source_id")
    want = expected_chain(claim_id, t)
    if chain == want:
        return f"{len(want)} hands, from the claimant to the text you read: {' > '.join(want)}."
    if set(chain) == set(want):
        if chain == want[::-1]:
            raise Hint("right sources, reversed: start with who makes the claim (the claimant) and end "
                       "with the outlet whose text you are reading.")
        raise Hint("right sources, wrong order: follow the claim from its claimant, through each conduit "
                   "in relayed_by, to the text you are reading.")
    stray = [s for s in chain if s not in want]
    if stray:
        raise Hint(f"{stray[0]!r} has no part in passing on claim {claim_id}: look at its row in "
                   "tables.claims (source_id, then relayed_by).")
    if chain and chain[0] != want[0]:
        raise Hint(f"start with who makes claim {claim_id} (its claimant, the column source_id), not "
                   "with the first outlet that passed it on.")
    if want[-1] not in chain:
        raise Hint("the chain should end with the outlet whose text you are reading: the unnamed "
                   "Vietnamese outlet has a source_id too.")
    raise Hint(f"{_plural(len(want) - len(chain), 'hand')} missing between the claimant and the end: "
               f"read relayed_by for {claim_id}.")


def expected_claims_through(conduit: str = "reuters", tables=None) -> pd.DataFrame:
    """Claims that a conduit passed on (it appears in relayed_by), with claimant and chain."""
    t = tables or _tables()
    c = t.claims
    through = c["relayed_by"].fillna("").str.split(">").apply(lambda hands: conduit in hands)
    return c.loc[through, ["claim_id", "source_id", "relayed_by"]].reset_index(drop=True)


@_question("a table (DataFrame) with the columns claim_id, source_id, relayed_by")
def claims_through(answer, conduit: str = "reuters"):
    """The claims that reached Fox through a conduit (default Reuters)."""
    t = _tables()
    want = expected_claims_through(conduit, t)
    frame = _as_table(answer, list(want.columns), claims_through.wants)
    own = set(t.claims.loc[t.claims["source_id"] == conduit, "claim_id"])
    name = _name(conduit, t)

    def extra_hint(claim_id):
        if claim_id in own:
            return (f"{claim_id} is a statement by {name} itself ({name} is its claimant, not a conduit): "
                    f"keep the claims {name} passed on from someone else.")
        return None

    def missing_hint(missing):
        return (f"{_plural(len(missing), 'claim')} that passed through {name} "
                f"{'is' if len(missing) == 1 else 'are'} missing; '{conduit}' can appear anywhere in "
                f"relayed_by, e.g. '{conduit}>fox_news'.")

    _compare_rows(frame, want, "claim_id", "claim", extra_hint, missing_hint)
    return f"{len(want)} claims reached Fox through {name}."


RELATIVE_RULES = ("previous_year", "previous_month", "latest_month")


def expected_relative_periods(tables=None) -> dict[str, tuple[dt.date, dt.date]]:
    """Sentence id → (first day, last day) for each relative time expression."""
    t = tables or _tables()
    te = t.time_expressions[t.time_expressions["rule"].isin(RELATIVE_RULES)]
    return {row.sentence_id: (row.resolved_start.date(), row.resolved_end.date()) for row in te.itertuples()}


@_question("a dict like {'s06': ('YYYY-MM-DD', 'YYYY-MM-DD'), …}: sentence id → (first day, last day)")
def relative_periods(answer):
    """The absolute period each relative time expression refers to."""
    t = _tables()
    want = expected_relative_periods(t)
    got = _as_mapping(answer, list(want), relative_periods.wants, "sentence with a relative date")
    te = t.time_expressions.set_index("sentence_id")
    published = t.publication_date
    for sid, (start, end) in want.items():
        value = got[sid]
        if isinstance(value, (str, dt.date)) or not isinstance(value, (tuple, list)) or len(value) != 2:
            raise Hint(f"{sid}: give the period as a pair (first day, last day), e.g. "
                       f"('YYYY-MM-DD', 'YYYY-MM-DD'); yours is {_kind(value)}.")
        first, last = (_as_date(v, f"{sid}: the {w} day") for v, w in zip(value, ("first", "last")))
        if (first, last) == (start, end):
            continue
        rule, said = te.at[sid, "rule"], _vi(te.at[sid, "text_vi"], te.at[sid, "text_en"])
        if first.year != start.year and rule == "latest_month":
            raise Hint(f"{sid}: {said} gives no year, so take the most recent such month before the "
                       f"article's date ({published:%d %B %Y}).")
        if rule == "previous_year" and first.year != start.year:
            raise Hint(f"{sid}: {said} means the calendar year before the year of the "
                       f"article's date ({published:%Y}).")
        if rule == "previous_month" and (first.year, first.month) != (start.year, start.month):
            raise Hint(f"{sid}: {said} means the calendar month before the month of the "
                       f"article's date ({published:%B %Y}).")
        if first != start:
            raise Hint(f"{sid}: the period starts on the first day of the "
                       f"{'year' if rule == 'previous_year' else 'month'}; yours starts on {first}.")
        raise Hint(f"{sid}: the period ends on the last day of the "
                   f"{'year' if rule == 'previous_year' else 'month'}; {last} is not it (count the days).")
    return "each relative expression is anchored to the source line's date."


def expected_chronological_order(sentence_ids=("s22", "s23", "s24", "s25"), tables=None) -> list[str]:
    """The given sentences ordered by the start of the period their time expression refers to."""
    t = tables or _tables()
    te = t.time_expressions.set_index("sentence_id").loc[list(sentence_ids)]
    return list(te.sort_values(["resolved_start", "resolved_end"]).index)


@_question("a list of sentence ids, earliest event first, like ['s01', 's02', …]")
def chronological_order(answer, sentence_ids=("s22", "s23", "s24", "s25")):
    """Dated sentences ordered by when the events they date happened."""
    t = _tables()
    order = _as_ids(answer, "sentence ids", t.sentences["sentence_id"], "sentence_id")
    want = expected_chronological_order(sentence_ids, t)
    stray = [s for s in order if s not in want]
    if stray:
        raise Hint(f"{stray[0]} is not one of the sentences to order: {', '.join(sentence_ids)}.")
    if len(order) != len(want):
        raise Hint(f"order all {len(want)} sentences: {', '.join(sentence_ids)}.")
    if order == want:
        return "earliest first: " + " < ".join(want) + "."
    te = t.time_expressions.set_index("sentence_id")
    for sid in order:
        if te.at[sid, "rule"] == "latest_month" and order.index(sid) < want.index(sid):
            raise Hint(f"{sid} is too early: {_vi(te.at[sid, 'text_vi'], te.at[sid, 'text_en'])} gives no "
                       "year, so it is the most recent such month before the article's date.")
    if order == want[::-1]:
        raise Hint("you have the latest first: put the earliest event first.")
    raise Hint("not yet in order: write down the absolute date of each sentence first, then sort.")


# =========================================================================== 02 who claims what

def expected_claims_with_sources(tables=None) -> pd.DataFrame:
    """Every claim with its claimant's name and side (a merge of claims and sources)."""
    merged = _claims_with_sources(tables or _tables())
    return merged[["claim_id", "source_id", "name_en", "side"]].reset_index(drop=True)


@_question("a table (DataFrame) with the columns claim_id, source_id, name_en, side: one row per claim")
def claims_with_sources(answer):
    """Claims joined with their claimants: who says each thing, and on which side."""
    t = _tables()
    want = expected_claims_with_sources(t)
    frame = _as_table(answer, list(want.columns), claims_with_sources.wants)
    if len(frame) == len(t.sources) and len(frame) != len(want):
        raise Hint(f"your table has {len(frame)} rows, one per source; it needs one row per claim "
                   f"({len(want)}): start from tables.claims and merge tables.sources into it.")
    _compare_rows(frame, want, "claim_id", "claim",
                  missing_hint=lambda ks: (f"{_plural(len(ks), 'claim')} missing: keep every claim "
                                           "(a left merge on source_id keeps them all)."))
    return f"{len(want)} claims, each with its claimant's name and side."


def expected_claims_per_side(tables=None) -> dict[str, int]:
    """How many claims each side's claimants make (sides with no claims left out)."""
    merged = expected_claims_with_sources(tables)
    return {str(k): int(v) for k, v in merged["side"].value_counts().items()}


@_question("counts per side: a Series from value_counts(), or a dict like {'russia': 1, …}")
def claims_per_side(answer):
    """The number of claims whose claimant is on each side."""
    t = _tables()
    want = expected_claims_per_side(t)
    if isinstance(answer, pd.DataFrame):
        if "side" in answer.columns and answer.shape[1] == 2:  # value_counts().reset_index()
            answer = answer.set_index("side").iloc[:, 0]
        else:
            raise Hint("this question wants counts per side (a Series, e.g. table['side'].value_counts()), "
                       "not a whole table.")
    if not isinstance(answer, (pd.Series, dict)):
        raise Hint(f"this question wants {claims_per_side.wants}, but your answer is {_kind(answer)}.")
    got = answer.to_dict() if isinstance(answer, pd.Series) else dict(answer)
    got = {str(k): v for k, v in got.items() if not (isinstance(v, numbers.Number) and v == 0)}
    kinds = set(t.sources["kind"])
    if got and set(got) <= kinds and not set(got) & set(want):
        raise Hint("those are kinds of source (government, news_agency, …), not sides: count the column 'side'.")
    for key, value in got.items():
        _as_number(value, f"the count for {key!r}")
    per_source = {str(k): int(v) for k, v in t.sources["side"].value_counts().items()}
    if {k: int(v) for k, v in got.items()} == per_source and per_source != want:
        raise Hint(f"these are counts of sources ({len(t.sources)} in all), not of claims: count the "
                   "rows of the claims table merged with the sources.")
    unknown = [k for k in got if k not in want]
    if unknown:
        raise Hint(f"{unknown[0]!r} is not a side that any claimant has; the sides are in the column 'side'.")
    total = sum(float(v) for v in got.values())
    if total != sum(want.values()):
        raise Hint(f"your counts add up to {total:g}, but there are {sum(want.values())} claims: "
                   "count every claim once.")
    for side, count in want.items():
        if float(got.get(side, 0)) != count:
            raise Hint(f"the count for {side!r} is not right; count the claims whose claimant's side is {side!r}.")
    return ", ".join(f"{side}: {count}" for side, count in want.items()) + "."


def expected_strong_attribution(min_strength: int = 3, tables=None) -> list[str]:
    """Claims whose attribution verb has at least ``min_strength`` on the course's ladder."""
    t = tables or _tables()
    cues = t.cues_vi[t.cues_vi["category"] == "attribution_verb"]
    strength = dict(zip(cues["cue_vi"].str.lower(), cues["strength"]))
    levels = t.claims["cue_vi"].str.lower().map(strength)
    return list(t.claims.loc[levels.fillna(0) >= min_strength, "claim_id"])


@_question("a list of claim ids, like ['c01', 'c02']")
def strong_attribution(answer, min_strength: int = 3):
    """Claims introduced by a strong attribution verb (strength ≥ 3 in tables.cues_vi)."""
    t = _tables()
    got = _as_ids(answer, "claim ids", t.claims["claim_id"], "claim_id")
    want = expected_strong_attribution(min_strength, t)
    gloss = dict(zip(t.cues_vi["cue_vi"].str.lower(), t.cues_vi["gloss_en"]))
    cue = t.claims.set_index("claim_id")["cue_vi"]

    def said(claim_id):
        words = cue[claim_id]
        if pd.isna(words):
            return "no attribution cue at all"
        return _vi(words, gloss.get(words.lower(), "not in tables.cues_vi"))

    if set(got) == set(want):
        verbs = sorted({said(c) for c in want})
        return f"{len(want)} claims use a verb of strength {min_strength} or more: {', '.join(verbs)}."
    extra = [c for c in got if c not in want]
    if extra:
        raise Hint(f"{extra[0]} is introduced by {said(extra[0])}, whose strength in tables.cues_vi is "
                   f"below {min_strength} (or which is not an attribution verb).")
    raise Hint(f"{_plural(len(want) - len(got), 'claim')} missing: look up every claim's cue_vi in "
               "tables.cues_vi (merge on the cue).")


def expected_attribution_kinds(sentence_ids=("s02", "s04", "s09", "s13", "s15", "s16"), tables=None) -> dict:
    """For each sentence: 'own_voice' (the outlet speaking unattributed), 'named' or 'unnamed' claimant."""
    t = tables or _tables()
    named = dict(zip(t.sources["source_id"], t.sources["named"]))
    result = {}
    for sid in sentence_ids:
        rows = t.claims[t.claims["sentence_id"] == sid]
        if len(rows) == 0:
            raise ValueError(f"sentence {sid} holds no claim")
        own = rows["relayed_by"].isna() & (rows["source_id"] == "fox_news")
        if own.all():
            result[sid] = "own_voice"
        else:
            result[sid] = "named" if all(named[s] for s in rows["source_id"]) else "unnamed"
    return result


@_question("a dict like {'sXX': 'named', …} with one of 'own_voice', 'named', 'unnamed' per sentence")
def attribution_kinds(answer, sentence_ids=("s02", "s04", "s09", "s13", "s15", "s16")):
    """Classify sentences by how their claim is attributed."""
    t = _tables()
    want = expected_attribution_kinds(sentence_ids, t)
    got = _as_mapping(answer, list(want), attribution_kinds.wants, "sentence")
    for sid, label in got.items():
        if label not in ATTRIBUTION_KINDS:
            raise Hint(f"{sid}: {label!r} is not one of the labels {', '.join(map(repr, ATTRIBUTION_KINDS))}.")
    claimant = t.claims.drop_duplicates("sentence_id").set_index("sentence_id")["source_id"]
    names = t.sources.set_index("source_id")
    for sid in want:
        if got[sid] == want[sid]:
            continue
        source = claimant[sid]
        said = _vi(names.at[source, "name_vi"], names.at[source, "name_en"]) \
            if pd.notna(names.at[source, "name_vi"]) else names.at[source, "name_en"]
        if want[sid] == "own_voice":
            raise Hint(f"{sid}: nobody is quoted or named as saying this; the outlet states it in its own voice.")
        if want[sid] == "unnamed":
            raise Hint(f"{sid}: the article calls its source only {said}: is a specific body or person named?")
        raise Hint(f"{sid}: the article names its source, {said}: that counts as 'named', whatever you "
                   "think of the source.")
    return "named, unnamed and the outlet's own voice told apart."


# =========================================================================== 03 casualty figures

def _figure_interval(row) -> Interval:
    def num(x):
        return None if pd.isna(x) else float(x)
    return interval_for(num(row["value"]), row["qualifier"], low=num(row["low"]), high=num(row["high"]))


def expected_figure_interval(figure_id: str = "f01", tables=None) -> Interval:
    """The interval a figure allows, by the course's qualifier rules."""
    t = tables or _tables()
    return _figure_interval(t.figures.set_index("figure_id").loc[figure_id])


def _interval_text(interval: Interval) -> str:
    return interval.describe()


@_question("an interval: Interval(low, high) or a pair (low, high)")
def figure_interval(answer, figure_id: str = "f01"):
    """The interval a figure of the article allows (qualifier rules in critical_reading.intervals)."""
    t = _tables()
    row = t.figures.set_index("figure_id").loc[figure_id]
    want = expected_figure_interval(figure_id, t)
    got = _as_interval(answer)
    words = f"{figure_id} ({_figure_en(row, t)})"
    if _close(got.low, want.low) and _close(got.high, want.high):
        return f"{words} allows {_interval_text(want)}."
    if got.low == got.high == row["value"] and row["qualifier"] != "exact":
        raise Hint(f"{words} is not an exact number: its qualifier is '{row['qualifier']}'; "
                   "apply that rule (see critical_reading.intervals).")
    if want.is_open and not got.is_open:
        raise Hint(f"{words} sets no upper bound: the high end is math.inf.")
    if got.is_open and not want.is_open:
        raise Hint(f"{words} does have an upper bound; math.inf is not right here.")
    raise Hint(f"not the interval the '{row['qualifier']}' rule gives for {row['value']:g}; "
               "check the rule in critical_reading.intervals (for 'about': value ± 10 %).")


def _close(a: float, b: float, rel: float = 1e-3) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)


def expected_implied_interval(figure_id: str = "f06", share_id: str = "f07", tables=None) -> Interval:
    """A figure's interval scaled by a share stated with it (e.g. two-thirds of the casualties)."""
    t = tables or _tables()
    figures = t.figures.set_index("figure_id")
    share = float(figures.at[share_id, "value"])
    return expected_figure_interval(figure_id, t).scale(share)


@_question("an interval: Interval(low, high) or a pair (low, high), with math.inf for no upper bound")
def implied_interval(answer, figure_id: str = "f06", share_id: str = "f07"):
    """The number implied by a share of a figure (Zelensky: two-thirds of 'more than 4,000')."""
    t = _tables()
    figures = t.figures.set_index("figure_id")
    base, share = expected_figure_interval(figure_id, t), float(figures.at[share_id, "value"])
    want = base.scale(share)
    got = _as_interval(answer)
    whole = f"{figure_id} ({_figure_en(figures.loc[figure_id], t)})"
    part = f"{share_id} ({share:.4g})"
    if _close(got.low, want.low) and _close(got.high, want.high):
        return f"the share {part} of {whole} allows {_interval_text(want)}."
    if _close(got.low, base.low):
        raise Hint(f"{got.low:g} is the whole figure {whole}; the question asks for the share {part} of it.")
    if _close(got.low, base.low * (1 - share)):
        raise Hint(f"that is the other part ({1 - share:.2g} of the figure); the share stated is {part}.")
    if not got.is_open and want.is_open:
        raise Hint(f"{whole} sets no upper bound, so neither does a share of it: the high end is math.inf.")
    if _close(got.low, want.low, rel=0.03):
        raise Hint(f"close: {got.low:g} looks rounded; multiply without rounding (the share is "
                   f"{share:.4g} in tables.figures).")
    raise Hint(f"multiply the low end of {whole} by the share {part} (Interval.scale does it).")


def expected_killed_estimates(tables=None) -> pd.DataFrame:
    """The dated outside estimates of deaths (quantity 'killed'), oldest first."""
    t = tables or _tables()
    e = t.estimates[t.estimates["quantity"] == "killed"]
    return e.sort_values("date", kind="stable")[["estimate_id", "date", "source", "value"]].reset_index(drop=True)


@_question("a table (DataFrame) with the columns estimate_id, date, source, value, oldest first")
def killed_estimates(answer):
    """Outside estimates of the number killed, in date order."""
    t = _tables()
    want = expected_killed_estimates(t)
    frame = _as_table(answer, list(want.columns), killed_estimates.wants)
    quantity = t.estimates.set_index("estimate_id")["quantity"]

    def extra_hint(estimate_id):
        q = quantity.get(estimate_id)
        if q in ("casualties", "wounded"):
            return (f"{estimate_id} counts {q}, not deaths: the article's figure counts the killed only, "
                    "so keep the quantity 'killed'.")
        return None

    _compare_rows(frame, want, "estimate_id", "estimate", extra_hint, ordered_by="date")
    return f"{len(want)} outside estimates of deaths, from {want['date'].min():%b %Y} to {want['date'].max():%b %Y}."


def expected_overlapping_estimates(figure_id: str = "f02", quantities=("killed", "casualties"),
                                   tables=None) -> list[str]:
    """Outside estimates published before the article whose interval overlaps the figure's."""
    t = tables or _tables()
    figure = expected_figure_interval(figure_id, t)
    published = pd.Timestamp(t.publication_date)
    e = t.estimates[t.estimates["quantity"].isin(quantities) & (t.estimates["date"] < published)]
    return [row["estimate_id"] for _, row in e.iterrows() if _figure_interval(row).overlaps(figure)]


@_question("a list of estimate ids, like ['e01', 'e02']")
def overlapping_estimates(answer, figure_id: str = "f02", quantities=("killed", "casualties")):
    """Which outside estimates, published before the article, are compatible with a figure."""
    t = _tables()
    got = _as_ids(answer, "estimate ids", t.estimates["estimate_id"], "estimate_id")
    want = expected_overlapping_estimates(figure_id, quantities, t)
    if set(got) == set(want):
        return (f"{_plural(len(want), 'estimate')} overlap{'s' if len(want) == 1 else ''} "
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
    raise Hint(f"{_plural(len(set(want) - set(got)), 'estimate')} missing: look at every quantity the "
               f"question names ({', '.join(quantities)}).")


# =========================================================================== 04 unverified statements

def expected_disclaimers(tables=None) -> pd.DataFrame:
    """The article's disclaimers: claim id, sentence and who disclaims."""
    t = tables or _tables()
    c = t.claims
    return c.loc[c["claim_type"] == "disclaimer", ["claim_id", "sentence_id", "source_id"]].reset_index(drop=True)


@_question("a table (DataFrame) with the columns claim_id, sentence_id, source_id")
def disclaimers(answer):
    """The disclaimers in the article."""
    t = _tables()
    want = expected_disclaimers(t)
    frame = _as_table(answer, list(want.columns), disclaimers.wants)
    kind = t.claims.set_index("claim_id")["claim_type"]
    _compare_rows(frame, want, "claim_id", "claim",
                  extra_hint=lambda cid: f"{cid} is a claim of type '{kind.get(cid)}', not a disclaimer.",
                  missing_hint=lambda ks: (f"{_plural(len(ks), 'disclaimer')} missing: keep every row whose "
                                           "claim_type is 'disclaimer'."))
    return f"{len(want)} disclaimers, from {', '.join(sorted(set(want['source_id'])))}."


def expected_disclaimer_scope(tables=None) -> dict[str, list[str]]:
    """Disclaimer id → the claims it covers (from flagged_by)."""
    t = tables or _tables()
    c = t.claims
    scope = {cid: [] for cid in c.loc[c["claim_type"] == "disclaimer", "claim_id"]}
    for _, row in c[c["flagged_by"].notna()].iterrows():
        scope[row["flagged_by"]].append(row["claim_id"])
    return scope


@_question("a dict like {'cXX': ['cYY', …], …}: disclaimer id → list of the claim ids it covers")
def disclaimer_scope(answer):
    """Match each disclaimer to the claims its scope covers."""
    t = _tables()
    want = expected_disclaimer_scope(t)
    got = _as_mapping(answer, list(want), disclaimer_scope.wants, "disclaimer")
    c = t.claims.set_index("claim_id")
    for disclaimer, covered in want.items():
        value = got[disclaimer]
        if isinstance(value, str):
            value = [value]
        ids = _as_ids(value, "claim ids", c.index, "claim_id")
        if set(ids) == set(covered):
            continue
        extra = [x for x in ids if x not in covered]
        if extra:
            x = extra[0]
            if c.at[x, "claim_type"] == "disclaimer":
                raise Hint(f"{disclaimer}: {x} is itself a disclaimer; nothing flags a disclaimer.")
            if pd.notna(c.at[x, "flagged_by"]):
                raise Hint(f"{disclaimer}: {x} is covered by another disclaimer, the one nearest to it "
                           "whose words fit it.")
            raise Hint(f"{disclaimer}: does its wording cover {x} (“{c.at[x, 'claim_en']}”)? Read what the "
                       "disclaimer says it could not verify.")
        raise Hint(f"{disclaimer}: it covers {_plural(len(covered), 'claim')}; you have {len(ids)}. Read the "
                   "sentence just before it, and the start of its own sentence.")
    return "each disclaimer matched to the claims its words cover."


def expected_unflagged_figures(tables=None) -> list[str]:
    """Figure claims that no disclaimer covers."""
    t = tables or _tables()
    c = t.claims
    return list(c.loc[(c["claim_type"] == "figure") & (c["verification"] == "unflagged"), "claim_id"])


@_question("a list of claim ids, like ['c01', 'c02']")
def unflagged_figures(answer):
    """Claims of type figure that carry no disclaimer."""
    t = _tables()
    got = _as_ids(answer, "claim ids", t.claims["claim_id"], "claim_id")
    want = expected_unflagged_figures(t)
    if set(got) == set(want):
        return f"{len(want)} figures in the article carry no disclaimer."
    c = t.claims.set_index("claim_id")
    extra = [x for x in got if x not in want]
    if extra:
        x = extra[0]
        if c.at[x, "claim_type"] != "figure":
            raise Hint(f"{x} is of type '{c.at[x, 'claim_type']}', not 'figure'.")
        raise Hint(f"{x} is covered by the disclaimer {c.at[x, 'flagged_by']}: keep only figures with "
                   "verification 'unflagged'.")
    raise Hint(f"{_plural(len(want) - len(got), 'figure')} missing: filter on both claim_type and verification.")


def expected_unflagged_party_claims(tables=None) -> list[str]:
    """Claims by a party to the conflict (Russia, Ukraine, North Korea) that no disclaimer covers."""
    merged = _claims_with_sources(tables or _tables())
    keep = merged["side"].isin(PARTIES) & (merged["verification"] == "unflagged")
    return list(merged.loc[keep, "claim_id"])


@_question("a list of claim ids, like ['c01', 'c02']")
def unflagged_party_claims(answer):
    """Unverified but not flagged: claims by a party to the conflict with no disclaimer."""
    t = _tables()
    got = _as_ids(answer, "claim ids", t.claims["claim_id"], "claim_id")
    want = expected_unflagged_party_claims(t)
    if set(got) == set(want):
        return f"{len(want)} claims by parties to the conflict reach the reader without any disclaimer."
    merged = _claims_with_sources(t).set_index("claim_id")
    extra = [x for x in got if x not in want]
    if extra:
        x = extra[0]
        if merged.at[x, "side"] not in PARTIES:
            raise Hint(f"{x}'s claimant ({merged.at[x, 'source_id']}) has side '{merged.at[x, 'side']}', "
                       f"not a party to the conflict ({', '.join(PARTIES)}).")
        raise Hint(f"{x} is covered by a disclaimer ({merged.at[x, 'flagged_by']}); keep verification 'unflagged'.")
    missing = [x for x in want if x not in got]
    sides = sorted(set(merged.loc[missing, "side"]))
    raise Hint(f"{_plural(len(missing), 'claim')} missing, from claimants on the side(s) {', '.join(sides)}: "
               "a party is any of russia, ukraine, north_korea.")


# =========================================================================== 05 putting it together

KEY_FIGURE_COLUMNS = ["figure_id", "quantity", "text_vi", "name_en", "side", "verification"]


def expected_key_figures(tables=None) -> pd.DataFrame:
    """Every figure with what it counts, its words, its claimant and its verification status."""
    t = tables or _tables()
    merged = (t.figures[["figure_id", "claim_id", "quantity", "text_vi", "source_id"]]
              .merge(t.claims[["claim_id", "verification"]], on="claim_id", how="left")
              .merge(t.sources[["source_id", "name_en", "side"]], on="source_id", how="left"))
    return merged[KEY_FIGURE_COLUMNS].reset_index(drop=True)


@_question("a table (DataFrame) with the columns " + ", ".join(KEY_FIGURE_COLUMNS) + ": one row per figure")
def key_figures(answer):
    """The article's figures with claimant, side and verification: three tables joined."""
    t = _tables()
    want = expected_key_figures(t)
    frame = _as_table(answer, KEY_FIGURE_COLUMNS, key_figures.wants)
    _compare_rows(frame, want, "figure_id", "figure",
                  missing_hint=lambda ks: f"{_plural(len(ks), 'figure')} missing: keep every row of tables.figures.")
    return f"{len(want)} figures, each with who states it and whether a disclaimer covers it."


def expected_latest_estimates(figure_ids=("f01", "f02", "f06"), tables=None) -> dict[str, list[str]]:
    """For each figure: the latest outside estimates of the same quantity published before the article."""
    t = tables or _tables()
    published = pd.Timestamp(t.publication_date)
    figures = t.figures.set_index("figure_id")
    result = {}
    for fid in figure_ids:
        e = t.estimates[(t.estimates["quantity"] == figures.at[fid, "quantity"]) & (t.estimates["date"] < published)]
        if len(e) == 0:
            raise ValueError(f"no outside estimate of {figures.at[fid, 'quantity']} before the article")
        result[fid] = list(e.loc[e["date"] == e["date"].max(), "estimate_id"])
    return result


@_question("a dict like {'fXX': 'eYY', …}: figure id → estimate id")
def latest_estimates(answer, figure_ids=("f01", "f02", "f06")):
    """For each figure, the most recent outside estimate of the same quantity before the article."""
    t = _tables()
    want = expected_latest_estimates(figure_ids, t)
    got = _as_mapping(answer, list(want), latest_estimates.wants, "figure")
    e = t.estimates.set_index("estimate_id")
    figures = t.figures.set_index("figure_id")
    published = pd.Timestamp(t.publication_date)
    for fid, ids in want.items():
        value = got[fid]
        if not isinstance(value, str):
            raise Hint(f"{fid}: give one estimate id in quotes, like 'e01'; yours is {_kind(value)}.")
        if value not in e.index:
            raise Hint(f"{fid}: {value!r} is not an estimate_id in tables.estimates.")
        if value in ids:
            continue
        row, quantity = e.loc[value], figures.at[fid, "quantity"]
        if row["quantity"] != quantity:
            raise Hint(f"{fid} counts {quantity}, but {value} counts {row['quantity']}: compare like with like.")
        if row["date"] >= published:
            raise Hint(f"{fid}: {value} was not published before the article ({row['date']:%d %B %Y}); "
                       "a reader on the day could not have known it.")
        raise Hint(f"{fid}: {value} ({row['date']:%B %Y}) is not the latest: there is a later estimate of "
                   f"{quantity} before the article.")
    return "; ".join(f"{fid} → {', '.join(ids)}" for fid, ids in want.items()) + "."


@_question("a dict with the keys " + ", ".join(CLAIM_REVIEW_KEYS) + " (itemReviewed itself a dict with author "
           "and datePublished)")
def claim_review(answer, claim_id: str = "c08"):
    """A ClaimReview-style record (schema.org) for one claim: its structure and its facts."""
    t = _tables()
    if not isinstance(answer, dict):
        raise Hint(f"this question wants {claim_review.wants}, but your answer is {_kind(answer)}.")
    missing = [k for k in CLAIM_REVIEW_KEYS if k not in answer]
    if missing:
        near = [k for k in answer if str(k).lower() == missing[0].lower()]
        if near:
            raise Hint(f"the key {near[0]!r} should be spelled exactly {missing[0]!r} (capitals matter).")
        raise Hint(f"your record has no key {missing[0]!r}; a record needs {', '.join(CLAIM_REVIEW_KEYS)}.")
    claim = t.claims.set_index("claim_id").loc[claim_id]
    source = t.sources.set_index("source_id").loc[claim["source_id"]]
    reviewed = answer["claimReviewed"]
    if not isinstance(reviewed, str):
        raise Hint(f"claimReviewed should be text (the claim in quotes), but it is {_kind(reviewed)}.")
    if reviewed.strip().strip("“”\"'") != claim["quote_vi"]:
        sentence = t.sentences.set_index("sentence_id").at[claim["sentence_id"], "text_vi"]
        if reviewed.strip() == sentence:
            raise Hint(f"claimReviewed is the whole sentence; use only the claim: quote_vi of {claim_id}.")
        raise Hint(f"claimReviewed should be the claim exactly as the article states it (quote_vi of "
                   f"{claim_id} in tables.claims), copied, not retyped or translated.")
    item = answer["itemReviewed"]
    if not isinstance(item, dict):
        raise Hint(f"itemReviewed should itself be a dict, {{'author': …, 'datePublished': …}}, but it is {_kind(item)}.")
    for key in ("author", "datePublished"):
        if key not in item:
            raise Hint(f"itemReviewed has no key {key!r}: who made the claim, and when it was published.")
    author = item["author"]
    names = {str(source["name_en"]), str(source["name_vi"]), str(claim["source_id"])}
    if not isinstance(author, str) or author.strip() not in names:
        raise Hint(f"itemReviewed's author should be the claimant of {claim_id} as tables.sources names it "
                   "(name_en), not the outlet that passed the claim on.")
    published = _as_date(item["datePublished"], "itemReviewed's datePublished")
    as_of = t.figures.loc[t.figures["claim_id"] == claim_id, "as_of"].dropna()
    want_date = as_of.iloc[0].date() if len(as_of) else t.publication_date
    if published != want_date:
        raise Hint(f"itemReviewed's datePublished should be when the claim was published (the article's "
                   f"source line gives it), not {published}.")
    for key in ("reviewRating", "author"):
        value = answer[key]
        text = value.get("alternateName", value.get("name")) if isinstance(value, dict) else value
        if not isinstance(text, str) or not text.strip():
            raise Hint(f"{key} should be a short text (your verdict, or your name/class); it is {_kind(value)}.")
    _as_date(answer["datePublished"], "datePublished (the date of your review)")
    return "the record's structure and facts are right; your reviewRating is marked by your teacher."
