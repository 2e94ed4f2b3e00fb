"""Every display primitive of the course, and the only place its HTML is built.

- :mod:`.base` — :class:`Rendered`, :class:`Paragraph`, :class:`Stack`, :class:`Folded`, links;
- :mod:`.quotes` — :class:`Quote` (one quotation style, one way to mark words: a mark and a
  label), :class:`MarkedSentences`;
- :mod:`.tables` — :func:`show` and :class:`TableView`, the one table view;
- :mod:`.cards` — :class:`Card`;
- :mod:`.charts` — the palette, markers, :class:`Chart` with its alt text, :func:`new_figure`;
- :mod:`.widgets` — :func:`interactive_view` and :func:`live_note`.
"""

from .base import Bullets, Folded, Paragraph, Rendered, Stack, link, links
from .cards import Card
from .charts import MARKERS, PALETTE, Chart, new_figure
from .quotes import MarkedSentences, ParallelText, Quote, marked_html, marked_text, translation_label
from .tables import TableView, cell_text, labelled, show
from .widgets import interactive_view, live_note

__all__ = ["MARKERS", "PALETTE", "Bullets", "Card", "Chart", "Folded", "MarkedSentences", "Paragraph", "ParallelText", "Quote",
           "Rendered", "Stack", "TableView", "cell_text", "interactive_view", "labelled", "link", "links", "live_note",
           "marked_html", "marked_text", "new_figure", "show", "translation_label"]
