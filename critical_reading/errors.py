"""Errors that a learner or teacher may meet, shown as one plain line.

IPython calls ``_render_traceback_()`` on an exception, if it has one, and shows
the lines it returns instead of a traceback. Every error the project raises on
purpose derives from :class:`LearnerError`, so a notebook shows one readable
line (``Problem: ...``) rather than a wall of pandas internals.
"""


class LearnerError(Exception):
    """An error with a one-line, human message and no traceback in notebooks."""

    kind = "problem"  # the catalogue key of the word that opens the line (catalogue errors.toml)

    @property
    def prefix(self) -> str:
        from .messages import say  # light: the standard library only

        return say(f"errors.{self.kind}")

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def _render_traceback_(self):  # IPython hook: replaces the traceback
        return [f"{self.prefix}: {self.message}"]


class DataContractError(LearnerError, ValueError):
    """A table in ``data/`` breaks the data contract (see ``data/README.md``)."""

    kind = "data_problem"


class SetupError(LearnerError, RuntimeError):
    """The Python environment cannot run the lessons (wrong or missing package)."""

    kind = "setup_problem"


class AssumptionError(LearnerError, ValueError):
    """An impossible assumption, such as a share above 1 or an empty selection."""

    kind = "check_your_choice"
