"""Friendly errors: the usual beginner mistakes in one or two lines, with the fix.

:func:`install` (called by the setup cell) asks IPython to pass ``KeyError``, ``NameError``,
``TypeError`` and ``ValueError`` to :func:`explain` first. A mistake it recognises is shown as
one or two lines in the learner's words, with the full traceback one click away; anything else
gets IPython's normal traceback. Either way the cell still fails (nbgrader and nbval see an
error). Recognised:

- a column that does not exist (``KeyError``): the columns that do, and the nearest match;
- several columns in single brackets, ``table["a", "b"]``;
- a column name lost in a merge (both tables had it: ``side_x`` and ``side_y``);
- ``&`` or ``|`` without parentheses around each condition, or ``and``/``or`` between columns;
- text without quotes (``NameError`` on a name that is a column or a value in the tables);
- a name that is not defined yet: run the cell that defines it (for ``answer_qN`` or ``your_turn_N``: its answer cell);
- ``table.at[row, column]`` with a label that is neither a row nor a column.
"""

from __future__ import annotations

import ast
import difflib
import re
import traceback
from typing import Any

from .messages import listed, say

HANDLED = (KeyError, NameError, TypeError, ValueError)
#: Names learners give their answers: ``answer_q1`` in the exercises, ``your_turn_1`` in the lessons.
ANSWER_NAMES = ("answer_", "your_turn_")
_PRECEDENCE = re.compile(r"truth value of a (Series|DataFrame) is ambiguous|unsupported operand type\(s\) for [&|]"
                         r"|Cannot perform '(r?and_|r?or_)'|operation '(r?and_|r?or_)' not supported"
                         r"|operands could not be broadcast")
_MISSING_LIST = re.compile(r"^\[(.*)\] not in index$", re.S)


def _frames(tb: Any) -> list[Any]:
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    return frames


def _table_in(tb: Any, loc: bool = False) -> Any:
    """The DataFrame whose lookup failed (pandas' own ``self``), if any; with ``loc``, also ``table.loc[...]``."""
    import pandas as pd

    for frame in reversed(_frames(tb)):
        owner = frame.f_locals.get("self")
        if frame.f_code.co_name != "__getitem__":
            continue
        if isinstance(owner, pd.DataFrame):
            return owner
        if loc and isinstance(getattr(owner, "obj", None), pd.DataFrame):  # pandas' _LocIndexer
            on_columns = any(f.f_code.co_name == "_getitem_axis" and f.f_locals.get("axis") == 1 for f in _frames(tb))
            return owner.obj if on_columns else None  # a missing row label is not a missing column
    return None


def _missing_columns(key: Any) -> list[str]:
    """The names in pandas' ``"['a', 'b'] not in index"`` (a list of columns with some missing), else []."""
    found = _MISSING_LIST.match(key) if isinstance(key, str) else None
    try:
        names = ast.literal_eval(f"[{found.group(1)}]") if found else []
    except (ValueError, SyntaxError):
        return []
    return [str(name) for name in names]


def _known_words(namespace: dict) -> set[str]:
    """Column names and short text values of the tables the learner has (to spot missing quotes)."""
    import pandas as pd

    frames = [v for v in namespace.values() if isinstance(v, pd.DataFrame)]
    for value in namespace.values():
        if type(value).__name__ == "Tables":
            frames += [getattr(value, a) for a in dir(value)
                       if not a.startswith("_") and isinstance(getattr(value, a, None), pd.DataFrame)]
    words: set[str] = set()
    for frame in frames:
        words.update(str(c) for c in frame.columns)
        for column in frame.columns:
            if not pd.api.types.is_string_dtype(frame[column]):
                continue
            values = frame[column].dropna()
            if len(values) <= 5000:
                words.update(v for v in values.unique() if isinstance(v, str) and v.isidentifier())
    return words


def _at_message(key: Any, tb: Any) -> str | None:
    """``table.at[row, column]`` with a label that is neither a row nor a column: say which is which."""
    import pandas as pd

    for frame in reversed(_frames(tb)):
        owner = frame.f_locals.get("self")
        if type(owner).__name__ == "_AtIndexer" and isinstance(getattr(owner, "obj", None), pd.DataFrame):
            table = owner.obj
            rows, columns = [str(r) for r in table.index], [str(c) for c in table.columns]
            near = _nearest(str(key), columns + rows)
            shown = ", ".join(columns[:15]) + (" …" if len(columns) > 15 else "")
            where = say("friendly.at_near", near=near) if near else ""
            return say("friendly.at_missing", key=key, first=rows[0] if rows else "", columns=shown, near=where)
    return None


def _nearest(word: str, choices: list[str]) -> str | None:
    same = [c for c in choices if c.casefold() == word.casefold()]  # 'C21' for 'c21'
    if same:
        return same[0]
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def explain(error: BaseException, tb: Any, namespace: dict | None = None) -> str | None:
    """The friendly one- or two-line message for ``error``, or None if it is not a usual mistake."""
    namespace = namespace or {}
    if isinstance(error, KeyError) and error.args:
        key = error.args[0]
        missing = _missing_columns(key)
        if missing:  # table[["a", "b"]] or table.loc[rows, ["a", "b"]] with a name that is not a column
            key = missing[0]
        table = _table_in(tb, loc=bool(missing))
        if table is None:
            return _at_message(key, tb)
        columns = [str(c) for c in table.columns]
        if isinstance(key, tuple) and all(str(k) in columns for k in key):
            return say("friendly.single_brackets", names=", ".join(repr(k) for k in key))
        if not isinstance(key, str):
            return None
        clashed = [c for c in columns if c in (f"{key}_x", f"{key}_y")]
        if clashed:
            return say("friendly.merge_clash", key=key, clashed=listed([repr(c) for c in clashed]))
        near = _nearest(key, columns)
        shown = ", ".join(columns[:15]) + (" …" if len(columns) > 15 else "")
        if near:
            return say("friendly.no_column_near", key=key, near=near, columns=shown)
        return say("friendly.no_column", key=key, columns=shown)
    if isinstance(error, NameError):
        name = getattr(error, "name", None) or (re.findall(r"'(\w+)'", str(error)) or [""])[0]
        if not name:
            return None
        if name.startswith(ANSWER_NAMES):
            from .checks.core import WATCH

            if name in WATCH.failed:
                return say("friendly.answer_failed", name=name, error=WATCH.failed[name])
            return say("friendly.answer_undefined", name=name)
        if name in _known_words(namespace):
            return say("friendly.quotes", name=name)
        near = _nearest(name, [n for n in namespace if not n.startswith("_")])
        if near:
            return say("friendly.undefined_near", name=name, near=near)
        return say("friendly.undefined", name=name)
    pandas_frames = any(type(f.f_locals.get("self")).__name__ in ("Series", "DataFrame") for f in _frames(tb))
    if isinstance(error, (TypeError, ValueError)) and _PRECEDENCE.search(str(error)) \
            and (pandas_frames or "truth value" in str(error)):
        return say("friendly.precedence")
    return None


def _handler(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None) -> list[str]:
    from IPython.display import display

    from .render.feedback import ErrorDetails

    try:
        message = explain(value, tb, shell.user_ns)
    except Exception:  # never let a friendly message hide the real error
        message = None
    if message is None:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        return []
    full = "".join(traceback.format_exception(etype, value, tb))
    shell._showtraceback(etype, value, [f"{etype.__name__}: {message}"])
    display(ErrorDetails(full))
    return []


def install() -> None:
    """Turn on friendly errors in the running IPython kernel (idempotent; nothing outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return
    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc(HANDLED, _handler)
