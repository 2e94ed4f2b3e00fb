"""Charts: a colour-blind-safe palette, markers to pair with colours, and a figure with its alt text.

Every chart uses the Okabe–Ito palette, carries meaning by marker or pattern as well as
colour, and is shown with a text description (its alt text).
"""

from __future__ import annotations

import base64
import html
import io

from ..messages import say

#: Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
PALETTE = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
}
#: Marker shapes to pair with colours, so that meaning never rests on colour alone.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


class Chart:
    """A matplotlib figure and its text description, displayed together.

    In a notebook it renders as a PNG whose ``alt`` attribute is the description,
    followed by the description as visible text (a screen reader and a printed
    page both get it). ``repr`` gives the description alone.
    """

    def __init__(self, figure: object, alt_text: str):
        if not alt_text.strip():
            raise ValueError("a chart needs a text description (alt text)")
        self.figure, self.alt_text = figure, alt_text

    def __repr__(self) -> str:
        return f"{say('render.chart_description')}: {self.alt_text}"

    def png_bytes(self) -> bytes:
        """The figure as PNG bytes."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=96, bbox_inches="tight")
        return buffer.getvalue()

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png_bytes()).decode("ascii")
        alt = html.escape(self.alt_text, quote=True)
        return (f'<figure style="margin:0"><img src="data:image/png;base64,{data}" alt="{alt}">'
                f"<figcaption><strong>{say('render.chart_description')}:</strong> "
                f"{html.escape(self.alt_text)}</figcaption></figure>")


def new_figure(width: float = 8, height: float = 4) -> tuple[object, object]:
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
