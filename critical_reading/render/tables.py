"""The one table view: every cell in full, numbers and dates formatted, a long table folded.

pandas shortens long cells ("…") and prints ``inf`` and dtype lines; a learner reading a
quotation or a URL needs the whole cell, and "no upper bound" rather than ``inf``. The view
shows the first rows with a "show all" control (a note in plain text), formats numbers
(14,000) and intervals (12,600–15,400), writes dates as dates, and makes URLs clickable.
"""

from __future__ import annotations

import datetime as dt
import html
import math

import pandas as pd

from ..intervals import Interval, format_number
from ..messages import data_text, format_date, say, say_if_known, translating_the_article
from .base import links
from .quotes import translation_label

#: Columns that hold the course's English working translations, labelled as such when shown.
TRANSLATION_COLUMNS = ("text_en", "claim_en", "gloss_en")
#: Columns of the course's own English (paraphrases, notes, reasoning, and the names of sources),
#: which a learner reads and does not filter on: shown in the learner's language where the data
#: translates them, and labelled as such. Definitions, ids and codes stay as the tables hold them,
#: since the learner's code filters on them.
READING_COLUMNS = ("claim_en", "note_en", "notes", "stake_en", "topic_en", "change_en",
                   "name_en", "source", "via", "source_en")
#: How many rows a table shows before the rest are folded under "show all".
FIRST_ROWS = 12


def cell_text(value: object) -> str:
    """One cell as a learner reads it: ``14,000``, ``12,600–15,400``, ``no upper bound``, ``2025-11-14``.

    In Vietnamese: ``14.000``, ``12.600–15.400``, ``không có cận trên``, ``14/11/2025``.
    """
    if isinstance(value, Interval):
        low, high = format_number(value.low), format_number(value.high)
        return f"{low}–{high}" if value.low != value.high else low
    if isinstance(value, (list, tuple)):
        return ", ".join(cell_text(v) for v in value)
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, pd.Timestamp):
        return format_date(value.date()) if value == value.normalize() else value.isoformat()
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, float):
        return "" if math.isnan(value) else format_number(value)
    return str(value)


def header_text(column: object) -> str:
    """A column's header as a table view shows it: a header of several words in the learner's language.

    Only the view changes: the frame keeps its column names, which code uses (``catalogue/*/headers.toml``).
    """
    return str(say_if_known(f"headers.{column}", str(column)))


def labelled(frame: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    """A copy of ``frame`` for display, whose English columns say what they are.

    Columns (and index levels) named ``text_en``, ``claim_en`` or ``gloss_en`` hold
    the course's own English working translations; shown beside Vietnamese text they
    must say so. A learner reading in the article's language sees the :data:`READING_COLUMNS`
    in that language, labelled as translated. The data are not changed, only the copy shown:

    >>> frame = pd.DataFrame({"cue_vi": ["cho biết"], "gloss_en": ["said"]})
    >>> list(labelled(frame).columns)
    ['cue_vi', 'gloss_en (English working translation)']
    """
    shown = frame.copy()
    translated = []
    if isinstance(shown, pd.DataFrame) and not translating_the_article():
        for column in (c for c in shown.columns if c in READING_COLUMNS):
            values = [data_text(column, v) for v in shown[column]]
            if any(new is not old for new, old in zip(values, shown[column])):
                shown[column], translated = values, [*translated, column]

    def label(name: object) -> object:
        if name in translated:
            return f"{name} ({say('render.data_translated')})"
        return f"{name} ({translation_label()})" if name in TRANSLATION_COLUMNS else name

    if isinstance(shown, pd.DataFrame):
        shown.columns = [label(c) for c in shown.columns]
    shown.index = shown.index.set_names([label(n) for n in shown.index.names])
    return shown


class TableView:
    """A DataFrame shown in full cells, its first rows at once and the rest under "show all".

    ``frame`` keeps the data (to compute with); ``vietnamese`` names the columns marked
    ``lang="vi"`` for screen readers (default: columns ending ``_vi`` or naming Vietnamese);
    ``caption`` is shown above.
    """

    def __init__(self, frame: pd.DataFrame, caption: str = "", vietnamese: tuple[str, ...] | None = None,
                 first_rows: int = FIRST_ROWS):
        self.frame, self.caption, self.first_rows = frame, caption, first_rows
        if vietnamese is None:
            vietnamese = tuple(c for c in frame.columns if str(c).endswith("_vi") or "Vietnamese" in str(c))
        self.vietnamese = tuple(vietnamese)

    @property
    def data(self) -> pd.DataFrame:
        """The table's data (the same as ``frame``)."""
        return self.frame

    def __len__(self) -> int:
        return len(self.frame)

    def _cells(self) -> pd.DataFrame:
        return self.frame.astype(object).map(cell_text)

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", None, "display.width", 10_000,
                               "display.max_rows", None):
            cells = self._cells()
            cells.columns = [header_text(c) for c in cells.columns]
            body = cells.to_string(index=False) if len(self.frame.columns) else ""
        return f"{self.caption}\n{body}" if self.caption else body

    def _rows_html(self, cells: pd.DataFrame) -> str:
        style = 'style="text-align:left;vertical-align:top;padding:0.25em 0.6em"'
        rows = []
        for values in cells.itertuples(index=False):
            tds = []
            for column, value in zip(cells.columns, values):
                lang = ' lang="vi"' if column in self.vietnamese else ""
                shown = links(value) if str(column) in ("url", "source_urls") and value else html.escape(value)
                tds.append(f"<td{lang} {style}>{shown}</td>")
            rows.append("<tr>" + "".join(tds) + "</tr>")
        return "".join(rows)

    def _repr_html_(self) -> str:
        cells = self._cells()
        style = 'style="text-align:left;vertical-align:top;padding:0.25em 0.6em"'
        head = "<thead><tr>" + "".join(f"<th {style}>{html.escape(header_text(c))}</th>" for c in cells.columns) + \
            "</tr></thead>"
        caption = f'<caption style="text-align:left">{html.escape(self.caption)}</caption>' if self.caption else ""
        first = f'<table class="course-table">{caption}{head}<tbody>' \
                f"{self._rows_html(cells.iloc[:self.first_rows])}</tbody></table>"
        if len(cells) <= self.first_rows:
            return first
        control = say("render.show_all", n=len(cells))
        note = say("render.rows_shown", shown=self.first_rows, n=len(cells), control=control)
        return (f"{first}<p><small>{html.escape(note)}</small></p><details><summary>{html.escape(control)}"
                f'</summary><table class="course-table">{head}<tbody>{self._rows_html(cells)}</tbody></table>'
                "</details>")


def show(frame: pd.DataFrame | pd.Series, caption: str = "") -> TableView:
    """Show a table in full cells, with its index as the first column (if it is named).

    Columns of English working translations are labelled as such (:func:`labelled`).
    """
    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    shown = labelled(frame.reset_index(drop=frame.index.name is None and frame.index.names[0] is None))
    return TableView(shown, caption)
