"""How long a lesson notebook takes a student with no Python: the course's reading-time model.

A model, stated once and used by `make benchmark` and the tests:

- prose (Markdown, hidden answers included) at 150 words a minute;
- 1.5 minutes for each code cell (read it, run it, read what it shows);
- 3 minutes for each prediction ("**Predict:**": think, write a guess, compare);
- 5 minutes for each "Your turn" task (write a line of code or a sentence, run its check, fix);
- 2 minutes for each "Check for understanding" question.

Budget for one notebook (one 45-minute period): at most about 1,500 words of prose and about
20 code cells, and a stated time of at most 50 minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

WORDS_PER_MINUTE = 150
MINUTES_PER_CODE_CELL = 1.5
MINUTES_PER_PREDICTION = 3.0
MINUTES_PER_TASK = 5.0
MINUTES_PER_QUESTION = 2.0
BUDGET_WORDS = 1500
BUDGET_CODE_CELLS = 20
BUDGET_MINUTES = 50

_TAG = re.compile(r"<[^>]+>")
_URL = re.compile(r"\(?https?://\S+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STATED = re.compile(r"\*\*Time\*\*\s*(?:\n+\s*)?(?:About\s+)?(\d+)\s+minutes", re.I)


@dataclass(frozen=True)
class LessonTime:
    path: Path
    words: int
    code_cells: int
    predictions: int
    tasks: int
    questions: int
    stated: int | None

    @property
    def estimate(self) -> float:
        return (self.words / WORDS_PER_MINUTE + self.code_cells * MINUTES_PER_CODE_CELL
                + self.predictions * MINUTES_PER_PREDICTION + self.tasks * MINUTES_PER_TASK
                + self.questions * MINUTES_PER_QUESTION)


def prose_words(markdown: str) -> int:
    text = _URL.sub(" ", _TAG.sub(" ", markdown))
    return len(_WORD.findall(text))


def measure(path: Path) -> LessonTime:
    nb = nbformat.read(path, as_version=4)
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    code = [c for c in nb.cells if c.cell_type == "code"]
    stated = next((int(m.group(1)) for text in markdown for m in [_STATED.search(text)] if m), None)
    return LessonTime(
        path=path,
        words=sum(prose_words(text) for text in markdown),
        code_cells=len(code),
        predictions=sum(text.count("**Predict") for text in markdown),
        tasks=sum(text.count("Your turn") for text in markdown if text.lstrip().startswith("#")),
        questions=sum(text.count("Check for understanding") for text in markdown),
        stated=stated,
    )
