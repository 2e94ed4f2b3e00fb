"""The pre/post assessment's answer checks: they record an answer's form, never its correctness.

The two parallel forms (``exercises/source/assessment-a/`` before lesson 00 and
``assessment-b/`` after the last lesson) ask for a letter, a few letters or a number. A
check cell after each answer calls one of :func:`letter`, :func:`letters` or :func:`number`:

- the stub ``...`` raises :class:`~critical_reading.checks.NotAnswered` (one line);
- an answer of the wrong form (``"Q"``, a word for a number) raises
  :class:`~critical_reading.checks.Hint` (one line, saying what form is wanted);
- otherwise it prints ``Recorded: …`` (the ``as_*`` functions give the canonical form).

Whether the answer is *right* is decided only by the master's hidden test, which nbgrader
strips from the student's copy, so neither form teaches while it measures. Both errors are
``AssertionError``s, so nbgrader scores an ill-formed answer 0, as in the exercises.

Each graded cell carries ``metadata["assessment"]["skill"]``, one of :data:`SKILLS`, so
``scripts/class_report.py`` can report results skill by skill.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .checks import Hint, NotAnswered
from .messages import say

#: The skills the course teaches, in the order of the lessons; each item is tagged with one.
SKILLS = ("chain", "dating", "qualifier", "casualties", "disclaimer_scope", "unflagged", "calibrated_rewrite")
#: The three levels of the rubric of a written item, and the points each gives.
LEVELS = {"beginning": 0, "developing": 1, "mastery": 2}
#: The metadata key on every graded cell of an assessment notebook.
METADATA_KEY = "assessment"

_GROUPED = re.compile(r"\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*")


def skill_name(skill: str) -> str:
    """A skill's name in words, e.g. ``"Casualties versus killed"``."""
    if skill not in SKILLS:
        raise ValueError(f"unknown skill {skill!r}; skills: {', '.join(SKILLS)}")
    return say(f"assessment.skill.{skill}")


def _options(options: str) -> str:
    return ", ".join(options)


def _stub(answer, wants: str) -> None:
    if answer is ...:
        raise NotAnswered(say("assessment.stub", wants=wants))
    if answer is None:
        raise Hint(say("assessment.none", wants=wants))


def _one_letter(item, options: str, wants: str) -> str:
    text = str(item).strip().strip("()").strip().upper() if isinstance(item, str) else None
    if text is None or len(text) != 1 or text not in options:
        raise Hint(say("assessment.hint.not_letter", given=repr(item), options=_options(options), wants=wants))
    return text


def as_letter(answer, options: str = "ABCD") -> str:
    """``answer`` as one capital letter of ``options``: ``" b "`` → ``"B"``."""
    wants = say("assessment.wants.letter", options=_options(options), example=options[-1])
    _stub(answer, wants)
    return _one_letter(answer, options, wants)


def as_letters(answer, options: str = "ABCD", ordered: bool = False) -> list[str]:
    """``answer`` as a list of capital letters: ``"a, c"``, ``["A", "C"]`` or ``("a", "c")``.

    Unless ``ordered``, the letters are sorted, so that the order in which they were
    written does not matter.
    """
    key = "ordered" if ordered else "letters"
    wants = say(f"assessment.wants.{key}", options=_options(options), example=f"{options[-1]}, {options[0]}")
    _stub(answer, wants)
    if isinstance(answer, str):
        parts = [p for p in re.split(r"[\s,;]+", answer.strip()) if p]
        if len(parts) == 1 and len(parts[0]) > 1 and parts[0].isalpha():
            parts = list(parts[0])  # "AC"
    elif isinstance(answer, Iterable) and not isinstance(answer, (bytes, dict)):
        parts = list(answer)
    else:
        parts = [answer]
    if not parts:
        raise Hint(say("assessment.hint.empty", wants=wants))
    letters = [_one_letter(p, options, wants) for p in parts]
    for letter in letters:
        if letters.count(letter) > 1:
            raise Hint(say("assessment.hint.repeated", letter=letter))
    return letters if ordered else sorted(letters)


def as_number(answer, low: float | None = None, high: float | None = None) -> float:
    """``answer`` as a number: ``4``, ``"4"``, ``"1.500"`` or ``"1,500"`` (grouped thousands).

    ``low`` and ``high``, when given, bound the answers that make sense (a month: 1–12).
    """
    wants = say("assessment.wants.number", example=int(low) if low is not None else 12)
    _stub(answer, wants)
    if isinstance(answer, bool):
        raise Hint(say("assessment.hint.not_number", given=repr(answer), wants=wants))
    if isinstance(answer, (int, float)):
        value = float(answer)
    else:
        text = str(answer).strip()
        grouped = _GROUPED.fullmatch(text)
        if grouped:
            text = re.sub(r"[.,\s]", "", text)
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            raise Hint(say("assessment.hint.not_number", given=repr(answer), wants=wants)) from None
    if (low is not None and value < low) or (high is not None and value > high):
        raise Hint(say("assessment.hint.out_of_range", given=repr(answer), low=low, high=high, wants=wants))
    return value


def _shown(value) -> str:
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value)


def letter(answer, options: str = "ABCD") -> None:
    """Check cell for a one-letter answer: record it, or say in one line what form is wanted."""
    print(say("assessment.recorded", answer=_shown(as_letter(answer, options))))


def letters(answer, options: str = "ABCD", ordered: bool = False) -> None:
    """Check cell for an answer of several letters (``ordered``: their order counts)."""
    print(say("assessment.recorded", answer=_shown(as_letters(answer, options, ordered))))


def number(answer, low: float | None = None, high: float | None = None) -> None:
    """Check cell for a number answer."""
    print(say("assessment.recorded", answer=_shown(as_number(answer, low, high))))
