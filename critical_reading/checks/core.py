"""The answer-checking core that every exercise set (and any lesson's "Your turn" cell) shares.

A check is a function ``check(answer, ...)`` made with :func:`question` (graded exercises) or
:func:`practice` (a lesson's small checked cell). It ends in one of four ways, each its own
mark and word, never a traceback:

- ``✓ Correct`` and a short look at the learner's value (the first rows of a table);
- ``➜ Not yet`` and one line saying where to look (:class:`Hint`);
- ``○ Not answered yet`` when the answer is still the stub ``...`` (:class:`NotAnswered`);
- ``⚠ Your answer cell stopped with an error`` when the cell that assigns the answer raised the
  last time it ran: the variable still holds an older value, which is not graded.

In a notebook a check *shows* these as a feedback box and the cell finishes normally, so a hint
never looks like a crash. When nbgrader runs the notebook (it sets ``NBGRADER_EXECUTION`` to
``autograde`` or ``validate``), outside IPython (plain Python, pytest), or with
``COURSE_CHECKS_STRICT=1``, the check *raises* instead: :class:`Hint` and :class:`NotAnswered` are
``AssertionError``s, so the autograder scores the cell 0, and their ``_render_traceback_`` keeps
the graded copy to one line.

Every check records its result in :data:`RESULTS`; :func:`check_all` prints where a learner
stands in an exercise set.

Declaring a practice check in a lesson (one function, no points)::

    from critical_reading import checks

    @checks.practice("the list of column names, like ['claim_id', 'source_id']")
    def pick_columns(answer):
        checks.same_value(answer, ["claim_id", "source_id"], hint="keep the two id columns only")
        return "two columns picked"

or, for a fixed value, in one line: ``checks.expect(answer, expected, wants="...")``.
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import math
import numbers
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import LearnerError
from ..messages import say

#: Every graded check, by name (used by the tests and the docs).
QUESTIONS: dict[str, Callable] = {}
#: Every lesson practice check, by name.
PRACTICE: dict[str, Callable] = {}

CORRECT, NOT_YET, NOT_ANSWERED, STALE = "correct", "not_yet", "not_answered", "stale"


class _CheckFeedback(LearnerError, AssertionError):
    """A check's verdict as an exception: one line in IPython, a test failure for nbgrader."""

    status = NOT_YET

    @property
    def prefix(self) -> str:
        """The verdict's word (``Not yet``...), in the learner's language."""
        return say(f"checks_core.word.{self.status}")

    def _render_traceback_(self) -> list[str]:
        return [f"{say(f'checks_core.mark.{self.status}')} {self.prefix}: {self.message}"]


class Hint(_CheckFeedback):
    """The answer is not right yet; the message says where to look (one line)."""

    status = NOT_YET


class NotAnswered(_CheckFeedback):
    """The answer is still the stub ``...``."""

    status = NOT_ANSWERED


class StaleAnswer(_CheckFeedback):
    """The cell that assigns the answer stopped with an error; its old value is not graded."""

    status = STALE


@dataclass
class Result:
    """The last verdict of one check in this kernel, and how to give it again for a new value.

    ``answer_name`` is the variable the check cell passed (``answer_q1``), ``recheck`` the same check
    as a function of the value (status, message): :func:`check_all` re-checks the variable's current
    value, so a summary never reports a stale verdict.
    """

    status: str
    message: str
    answer_name: str | None = None
    recheck: Callable[[object], tuple[str, str]] | None = None


#: check name -> its last result in this kernel (a notebook has one kernel: one record).
RESULTS: dict[str, Result] = {}


def strict() -> bool:
    """Raise instead of showing: under nbgrader, outside IPython, or when asked."""
    if os.environ.get("NBGRADER_EXECUTION") or os.environ.get("COURSE_CHECKS_STRICT") == "1":
        return True
    return _shell() is None


def _shell() -> Any:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return None
    return get_ipython()


# --------------------------------------------------------------------------- describing values

def kind(answer: object) -> str:
    """A learner's answer described in plain words: 'a list', 'None', 'a table (DataFrame)'."""
    import pandas as pd

    from ..intervals import Interval

    if answer is None:
        return say("checks_core.kind.none")
    for cls, key in ((pd.DataFrame, "table"), (pd.Series, "series"), (bool, "bool"), (str, "text"),
                     (dict, "dict"), (list, "list"), (tuple, "tuple"), (set, "set"),
                     (Interval, "interval"), (dt.date, "date")):
        if isinstance(answer, cls):
            return say(f"checks_core.kind.{key}")
    if isinstance(answer, numbers.Number):
        return say("checks_core.kind.number")
    return say("checks_core.kind.other", name=type(answer).__name__)


def thousands_slip(got: float, want: float) -> bool:
    """True when ``got`` is ``want`` read with a Vietnamese thousands dot (12.600 → 12.6)."""
    if not (math.isfinite(got) and math.isfinite(want)) or want == 0:
        return False
    return math.isclose(got * 1000, want, rel_tol=1e-6)


# --------------------------------------------------------------------------- stale answers

_ASSIGN = re.compile(r"^\s*([A-Za-z_]\w*)\s*(?:[-+*/]?=)(?!=)", re.MULTILINE)


def assigned_names(source: str) -> set[str]:
    """Names a cell assigns at the top level (``answer_q1 = ...``), even if it does not parse."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set(_ASSIGN.findall(source))
    names: set[str] = set()
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda,
              ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, scopes):
                continue
            if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
                names.add(child.id)
            visit(child)

    visit(tree)
    return names


class CellWatch:
    """Remembers, per variable, whether the last run of the cell that assigns it raised.

    Registered on IPython's ``pre_run_cell``/``post_run_cell`` events by :func:`watch_cells`.
    """

    def __init__(self) -> None:
        self.failed: dict[str, str] = {}
        self.current_cell = ""

    def pre_run_cell(self, info: Any) -> None:
        self.current_cell = getattr(info, "raw_cell", "") or ""

    def post_run_cell(self, result: Any) -> None:
        error = result.error_before_exec or result.error_in_exec
        source = getattr(result.info, "raw_cell", "") or ""
        for name in assigned_names(source):
            if error is not None and not isinstance(error, _CheckFeedback):
                self.failed[name] = type(error).__name__
            else:
                self.failed.pop(name, None)

    def answer_name(self, check_name: str) -> str | None:
        """The variable the running cell passes to ``check_name`` (``checks.q(answer_q1)`` → answer_q1)."""
        try:
            tree = ast.parse(self.current_cell)
        except SyntaxError:
            return None
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args or not isinstance(node.args[0], ast.Name):
                continue
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if called == check_name:
                return node.args[0].id
        return None


WATCH = CellWatch()


def watch_cells() -> None:
    """Start watching cells (idempotent: re-running the setup cell registers nothing twice)."""
    shell = _shell()
    if shell is None:
        return
    callbacks = shell.events.callbacks
    for event in ("pre_run_cell", "post_run_cell"):
        for callback in list(callbacks[event]):
            if getattr(callback, "__self__", None).__class__.__name__ == "CellWatch" and callback.__self__ is not WATCH:
                shell.events.unregister(event, callback)
        if getattr(WATCH, event) not in callbacks[event]:
            shell.events.register(event, getattr(WATCH, event))


# --------------------------------------------------------------------------- showing a verdict

def _preview(answer: object) -> object | None:
    """The learner's value, briefly: the first rows of a table, or the value itself if short."""
    import pandas as pd

    if isinstance(answer, (pd.DataFrame, pd.Series)):
        return answer.head(5)
    text = repr(answer)
    return answer if len(text) <= 300 else None


def _show(status: str, message: str, answer: object = None) -> None:
    from IPython.display import display

    from ..render.feedback import FeedbackBox

    preview = _preview(answer) if status == CORRECT else None
    display(FeedbackBox(status, message, preview))


def _verdict(name: str, status: str, message: str, answer: object = None, *, answer_name: str | None = None,
             recheck: Callable[[object], tuple[str, str]] | None = None) -> None:
    RESULTS[name] = Result(status, message, answer_name, recheck)
    if status != CORRECT and strict():
        cls = {NOT_YET: Hint, NOT_ANSWERED: NotAnswered, STALE: StaleAnswer}[status]
        raise cls(message) from None
    if strict():
        print(f"{say('checks_core.mark.correct')} {say('checks_core.word.correct')}. {message}".rstrip())
        return
    _show(status, message, answer)


def _evaluate(func: Callable, wants: str, answer: object, args: tuple, kwargs: dict) -> tuple[str, str]:
    """The verdict of ``func`` on ``answer``: (status, message), shown nowhere."""
    if answer is ...:
        return NOT_ANSWERED, say("checks_core.stub", wants=wants)
    if answer is None:
        return NOT_YET, say("checks_core.none", wants=wants)
    try:
        feedback = func(answer, *args, **kwargs)
    except _CheckFeedback as verdict:
        return verdict.status, verdict.message
    except LearnerError:
        raise
    except Exception:  # a shape nobody foresaw: still one line, never a traceback
        return NOT_YET, say("checks_core.unforeseen", kind=kind(answer), wants=wants)
    feedback = (feedback or "").strip()
    starts_with_id = bool(re.match(r"[a-z]+\d", feedback))  # f01, e13: ids keep their case
    return CORRECT, feedback if starts_with_id else f"{feedback[:1].upper()}{feedback[1:]}"


def _run_check(func: Callable, name: str, wants: str, answer: object, args: tuple, kwargs: dict) -> None:
    answer_name = WATCH.answer_name(name)
    failed = WATCH.failed.get(answer_name or "")
    if failed:
        return _verdict(name, STALE, say("checks_core.stale", error=failed))

    def recheck(value: object) -> tuple[str, str]:
        try:
            return _evaluate(func, wants, value, args, kwargs)
        except LearnerError as error:
            return NOT_YET, str(error)

    status, message = _evaluate(func, wants, answer, args, kwargs)
    _verdict(name, status, message, answer, answer_name=answer_name, recheck=recheck)


def _make_check(wants: str, registry: dict[str, Callable]) -> Callable[[Callable], Callable]:
    def wrap(func: Callable) -> Callable:
        @functools.wraps(func)
        def check(answer: object = ..., *args: object, **kwargs: object) -> None:
            _run_check(func, func.__name__, wants, answer, args, kwargs)

        check.wants = wants
        registry[func.__name__] = check
        return check

    return wrap


def question(wants: str) -> Callable[[Callable], Callable]:
    """Turn ``func(answer, ...) -> feedback text`` into a graded check (raise :class:`Hint` to say 'not yet')."""
    return _make_check(wants, QUESTIONS)


def practice(wants: str) -> Callable[[Callable], Callable]:
    """The same for a lesson's "Your turn" cell: shown the same way, never graded, listed in PRACTICE."""
    return _make_check(wants, PRACTICE)


def decimal_comma(answer: object) -> str | None:
    """The hint for ``0,1`` (a decimal comma, which Python reads as a pair of numbers), else None."""
    if isinstance(answer, tuple) and len(answer) == 2 and all(type(x) is int for x in answer):
        whole, part = answer
        return say("checks_core.decimal_comma", whole=whole, part=part)
    return None


def same_value(answer: object, expected: object, *, hint: str | None = None) -> None:
    """Raise :class:`Hint` unless ``answer`` equals ``expected`` (tables by content, numbers with a tolerance)."""
    import pandas as pd

    if isinstance(expected, pd.DataFrame):
        if not isinstance(answer, pd.DataFrame):
            raise Hint(say("checks_core.want_kind", wants=kind(expected), kind=kind(answer)))
        if list(answer.columns) != list(expected.columns):
            if sorted(map(str, answer.columns)) == sorted(map(str, expected.columns)):
                raise Hint(say("checks_core.want_column_order", columns=", ".join(map(str, expected.columns))))
            raise Hint(say("checks_core.want_columns", columns=", ".join(map(str, expected.columns))))
        if len(answer) != len(expected):
            raise Hint(say("checks_core.want_rows", got=len(answer), want=len(expected)))
        if not answer.reset_index(drop=True).equals(expected.reset_index(drop=True)):
            raise Hint(hint or say("checks_core.want_values"))
        return
    if isinstance(expected, numbers.Number) and not isinstance(expected, bool):
        if isinstance(answer, bool) or not isinstance(answer, numbers.Number):
            raise Hint(decimal_comma(answer) or say("checks_core.want_kind", wants=kind(expected), kind=kind(answer)))
        if thousands_slip(float(answer), float(expected)):
            raise Hint(say("checks_core.thousands", got=f"{float(answer):g}"))
        if not math.isclose(float(answer), float(expected), rel_tol=1e-6, abs_tol=1e-9):
            raise Hint(hint or say("checks_core.want_values"))
        return
    if type(answer) is not type(expected) and not (isinstance(answer, (list, tuple)) and isinstance(expected, (list, tuple))):
        raise Hint(say("checks_core.want_kind", wants=kind(expected), kind=kind(answer)))
    if list(answer) != list(expected) if isinstance(expected, (list, tuple)) else answer != expected:
        raise Hint(hint or say("checks_core.want_values"))


def expect(answer: object, expected: object, *, wants: str, name: str = "practice", hint: str | None = None,
           done: str = "") -> None:
    """Check a lesson practice answer against a fixed value, in one line (see the module's docstring)."""
    def compare(value: object) -> str:
        same_value(value, expected, hint=hint)
        return done

    _run_check(compare, name, wants, answer, (), {})


# --------------------------------------------------------------------------- where do I stand?

@dataclass(frozen=True)
class Item:
    """One question of an exercise set: its label, its check's name (None if written) and points."""

    label: str
    check: str | None
    points: int


#: set id ("01") -> its questions, declared by each exercise-set module.
EXERCISE_SETS: dict[str, list[Item]] = {}


def exercise_set(set_id: str, items: list[Item]) -> list[Item]:
    """Declare the questions of an exercise set, for :func:`check_all`."""
    EXERCISE_SETS[set_id] = items
    return items


def _current_status(result: Result | None) -> str:
    """A check's status for the answer as it is now: re-checked if its answer variable is still there."""
    if result is None:
        return NOT_ANSWERED
    shell = _shell()
    namespace = getattr(shell, "user_ns", None) or {}
    if result.answer_name is None or result.recheck is None or result.answer_name not in namespace:
        return result.status
    if WATCH.failed.get(result.answer_name):
        return STALE
    return result.recheck(namespace[result.answer_name])[0]


def summary(set_id: str) -> list[tuple[str, str, str]]:
    """(question, status word, points) for each question of a set: its answer as it is now, re-checked."""
    if set_id not in EXERCISE_SETS:
        raise Hint(say("checks_core.unknown_set", set_id=set_id, known=", ".join(sorted(EXERCISE_SETS))))
    rows = []
    for item in EXERCISE_SETS[set_id]:
        label = say("checks_core.question", number=item.label.removeprefix("Question "))
        if item.check is None:
            rows.append((label, say("checks_core.word.teacher"), say("checks_core.points_teacher", points=item.points)))
            continue
        status = _current_status(RESULTS.get(item.check))
        got = item.points if status == CORRECT else 0
        rows.append((label, f"{say(f'checks_core.mark.{status}')} {say(f'checks_core.word.{status}')}",
                     say("checks_core.points", got=got, points=item.points)))
    return rows


def check_all(set_id: str) -> None:
    """Print where the learner stands: ✓ / not yet / not answered per question, and points so far."""
    rows = summary(set_id)
    items = EXERCISE_SETS[set_id]
    checked = sum(i.points for i in items if i.check)
    got = sum(i.points for i in items if i.check and _current_status(RESULTS.get(i.check)) == CORRECT)
    written = sum(i.points for i in items if not i.check)
    width = max(len(r[0]) for r in rows)
    for label, word, points in rows:
        print(f"{label:<{width}}  {word:<26} {points}")
    print(say("checks_core.total", got=got, checked=checked, written=written))
