"""Showing things to a learner: quotations with translations, charts with alt text, widgets.

Three rules of the course live here so that every lesson follows them:

- every Vietnamese quotation is shown with its English *working translation*, labelled;
- every chart uses a colour-blind-safe palette, carries meaning by marker or pattern as
  well as colour, and is shown with a text description (its alt text);
- every widget is shown with a note that it works only when the notebook runs live,
  after a static result that still makes sense when it is not live.
"""

from __future__ import annotations

import base64
import functools
import html
import io

#: Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
PALETTE = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
}
#: Marker shapes to pair with colours, so that meaning never rests on colour alone.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")

TRANSLATION_LABEL = "English working translation"
LIVE_NOTE = ("Interactive: this control works only when the notebook runs live (JupyterLab, "
             "Binder or JupyterHub). The result above shows its default setting.")


class Quote:
    """A Vietnamese quotation with its labelled English working translation.

    Displays as HTML in a notebook and as two plain lines elsewhere (``repr``),
    so the translation is never lost, whatever renders it.
    """

    def __init__(self, text_vi: str, text_en: str, attribution: str = ""):
        self.text_vi, self.text_en, self.attribution = text_vi, text_en, attribution

    def __repr__(self) -> str:
        who = f" — {self.attribution}" if self.attribution else ""
        return f"VI: {self.text_vi}{who}\nEN ({TRANSLATION_LABEL}): {self.text_en}"

    def _repr_html_(self) -> str:
        who = f"<br><small>— {html.escape(self.attribution)}</small>" if self.attribution else ""
        return (f'<blockquote lang="vi" style="margin:0.3em 0">{html.escape(self.text_vi)}{who}</blockquote>'
                f'<p style="margin:0 0 0.8em 2.5em"><em>{TRANSLATION_LABEL}:</em> '
                f'<span lang="en">{html.escape(self.text_en)}</span></p>')


class Chart:
    """A matplotlib figure and its text description, displayed together.

    In a notebook it renders as a PNG whose ``alt`` attribute is the description,
    followed by the description as visible text (a screen reader and a printed
    page both get it). ``repr`` gives the description alone.
    """

    def __init__(self, figure, alt_text: str):
        if not alt_text.strip():
            raise ValueError("a chart needs a text description (alt text)")
        self.figure, self.alt_text = figure, alt_text

    def __repr__(self) -> str:
        return f"Chart description: {self.alt_text}"

    def png_bytes(self) -> bytes:
        """The figure as PNG bytes."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=96, bbox_inches="tight")
        return buffer.getvalue()

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png_bytes()).decode("ascii")
        alt = html.escape(self.alt_text, quote=True)
        return (f'<figure style="margin:0"><img src="data:image/png;base64,{data}" alt="{alt}">'
                f"<figcaption><strong>Chart description:</strong> {html.escape(self.alt_text)}"
                "</figcaption></figure>")


def new_figure(width: float = 8, height: float = 4):
    """A matplotlib figure and axes in the course's style, without showing it twice.

    Uses the non-interactive ``Agg`` backend's ``Figure`` directly, so a notebook shows
    the figure only through :class:`Chart`, with its description.
    """
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    axes = figure.add_subplot()
    axes.grid(True, axis="y", color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    return figure, axes


def live_note():
    """The note shown under every widget (as HTML in a notebook, text elsewhere)."""
    from IPython.display import HTML

    class _Note(HTML):
        def __repr__(self):
            return LIVE_NOTE

    return _Note(f'<p style="font-size:90%;color:#444">ⓘ {html.escape(LIVE_NOTE)}</p>')


def interactive_view(render, **controls):
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

    from .errors import LearnerError

    output = widgets.Output()

    def refresh(_change=None):
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


STATIC_WIDGET_TEXT = ("[Interactive view: its controls work only when the notebook runs live "
                      "(JupyterLab, Binder or JupyterHub). The result above shows the default setting.]")


@functools.cache
def _interactive_box_class():
    """A VBox whose plain-text form is a sentence, not ``VBox(children=(…``.

    A page that cannot run widgets (GitHub, nbviewer, a printed copy) shows that
    plain text in place of the controls.
    """
    import ipywidgets as widgets

    class InteractiveBox(widgets.VBox):
        def __repr__(self):
            return STATIC_WIDGET_TEXT

    return InteractiveBox
