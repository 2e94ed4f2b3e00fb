"""The look of feedback: a check's verdict box and a friendly error's collapsible traceback.

A verdict is a mark and a word (never colour alone) in a box with a coloured left edge; a hint is
amber or blue, never the red of an error, so "Not yet" does not look like a crash.
"""

from __future__ import annotations

import html

from ..messages import say

#: status -> (edge colour, background): not the red of an error box.
_COLOURS = {
    "correct": ("#2e7d32", "#f1f8f1"),
    "not_yet": ("#b26a00", "#fff8e6"),
    "not_answered": ("#546e7a", "#f4f6f7"),
    "stale": ("#6a4c93", "#f6f2fb"),
}


class FeedbackBox:
    """One check's verdict: ``✓ Correct``, ``➜ Not yet``, ``○ Not answered yet`` or ``⚠ ...``."""

    def __init__(self, status: str, message: str, preview: object | None = None):
        self.status, self.message, self.preview = status, message, preview

    def _head(self) -> tuple[str, str]:
        return say(f"checks_core.mark.{self.status}"), say(f"checks_core.word.{self.status}")

    def __repr__(self) -> str:
        mark, word = self._head()
        text = f"{mark} {word}{'.' if self.status == 'correct' else ':'} {self.message}".rstrip()
        if self.preview is not None:
            text += f"\n{say('checks_core.preview')}\n{self.preview!r}"
        return text

    def _repr_html_(self) -> str:
        mark, word = self._head()
        edge, background = _COLOURS[self.status]
        preview = ""
        if self.preview is not None:
            inner = self.preview.to_html(max_rows=5) if hasattr(self.preview, "to_html") else \
                f"<pre>{html.escape(repr(self.preview))}</pre>"
            preview = (f"<div style='margin-top:0.4em'><em>{html.escape(say('checks_core.preview'))}</em>"
                       f"{inner}</div>")
        return (f"<div class='cr-feedback cr-feedback-{self.status}' role='status' "
                f"style='border-left:6px solid {edge};background:{background};padding:0.5em 0.8em;"
                f"margin:0.3em 0;color:#1a1a1a'>"
                f"<strong><span aria-hidden='true'>{mark}</span> {html.escape(word)}</strong>"
                f"{'.' if self.status == 'correct' else ':'} {html.escape(self.message)}{preview}</div>")


class ErrorDetails:
    """The full traceback of a friendly error, one click away (an HTML ``<details>`` block)."""

    def __init__(self, traceback_text: str):
        self.traceback_text = traceback_text

    def __repr__(self) -> str:  # a text view may run this on from the one-line message: keep a space
        return " " + say("friendly.details_plain")

    def _repr_html_(self) -> str:
        return (f"<details class='cr-error-details'><summary>{html.escape(say('friendly.details_summary'))}"
                f"</summary><pre style='font-size:85%;white-space:pre-wrap'>"
                f"{html.escape(self.traceback_text)}</pre></details>")
