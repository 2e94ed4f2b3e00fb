"""Widgets: every control is shown with a note that it works only live, above a static result.

The result of an interactive view is filled at once, so it still makes sense on a page that
cannot run widgets (GitHub, nbviewer, print).
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable

from ..errors import LearnerError
from ..messages import say


def live_note() -> object:
    """The note shown under every widget (as HTML in a notebook, text elsewhere)."""
    from IPython.display import HTML

    text = say("render.live_note")

    class _Note(HTML):
        def __repr__(self) -> str:
            return text

    return _Note(f'<p style="font-size:90%;color:#444">ⓘ {html.escape(text)}</p>')


def interactive_view(render: Callable[..., object], **controls: object) -> object:
    """Controls above an output area that shows ``render(**values)`` after every change.

    ``controls`` are ipywidgets (Dropdown, SelectMultiple, FloatSlider, …) keyed by the
    name of ``render``'s argument. The output is filled once straight away, so the
    default setting is visible before anyone touches a control. A
    :class:`~critical_reading.errors.LearnerError` raised by ``render`` (an impossible
    assumption, say) is shown as its one-line message, not a traceback.

    The returned box carries the CSS class ``course-interactive``; the browser test
    finds every interactive view by it, changes a control, and expects the output to change.
    """
    import ipywidgets as widgets
    from IPython.display import display

    output = widgets.Output()

    def refresh(_change: object = None) -> None:
        values = {name: control.value for name, control in controls.items()}
        output.clear_output(wait=True)
        with output:
            try:
                display(render(**values))
            except LearnerError as error:
                print(f"{error.prefix}: {error.message}")

    for control in controls.values():
        control.observe(refresh, names="value")
    refresh()
    box = _interactive_box_class()([*controls.values(), output])
    box.add_class("course-interactive")
    return box


@functools.cache
def _interactive_box_class() -> type:
    """A VBox whose plain-text form is a sentence, not ``VBox(children=(…``."""
    import ipywidgets as widgets

    class InteractiveBox(widgets.VBox):
        def __repr__(self) -> str:
            return say("render.static_widget")

    return InteractiveBox
