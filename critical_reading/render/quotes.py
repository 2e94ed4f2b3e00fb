"""Quotations: one style for every Vietnamese quotation, and one way to mark words in it.

Every quotation is shown with its labelled English working translation. Marked words have a
mark *and* a label, never colour alone: on screen they are highlighted, bold and underlined;
in plain text they stand between « and ».
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from ..errors import AssumptionError
from ..messages import say, translating_the_article
from .base import MAX_ROWS

#: Plain-text brackets around marked words.
MARK_OPEN, MARK_CLOSE = "«", "»"
_MARK_STYLE = "background:#F0E442;font-weight:bold;text-decoration:underline"

Span = tuple[int, int]


def translation_label() -> str:
    """The label of the course's own English translations."""
    return say("render.translation_label")


def spans_of(text: str, marks: Iterable[str | Span]) -> list[Span]:
    """Character spans of ``marks`` in ``text``: each a ``(start, end)`` pair or a substring (its first place)."""
    spans = []
    for mark in marks:
        if isinstance(mark, str):
            start = text.find(mark)
            if start < 0:
                raise AssumptionError(say("render.not_in_quotation", mark=mark))
            spans.append((start, start + len(mark)))
        else:
            spans.append((int(mark[0]), int(mark[1])))
    return spans


def _segments(text: str, spans: Sequence[Span]) -> list[tuple[str, bool]]:
    inside = [False] * len(text)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(text))):
            inside[i] = True
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and inside[j] == inside[i]:
            j += 1
        out.append((text[i:j], inside[i]))
        i = j
    return out


def marked_html(text: str, spans: Sequence[Span] = ()) -> str:
    """``text`` escaped, with the characters inside ``spans`` highlighted, bold and underlined."""
    return "".join(f'<mark style="{_MARK_STYLE}">{html.escape(piece)}</mark>' if inside else html.escape(piece)
                   for piece, inside in _segments(text, spans))


def marked_text(text: str, spans: Sequence[Span] = ()) -> str:
    """``text`` with the characters inside ``spans`` between « and »."""
    return "".join(f"{MARK_OPEN}{piece}{MARK_CLOSE}" if inside else piece for piece, inside in _segments(text, spans))


class Quote:
    """A Vietnamese quotation with its labelled English working translation, some words perhaps marked.

    ``marks`` are substrings of ``text_vi`` or ``(start, end)`` spans; ``label`` (e.g.
    ``▶ [c07 · zelensky]``) says in words why they are marked. Displays as HTML in a
    notebook and as two plain lines elsewhere (``repr``), so the translation is never lost.
    A learner reading in the article's own language sees the Vietnamese alone.
    """

    def __init__(self, text_vi: str, text_en: str, attribution: str = "",
                 marks: Iterable[str | Span] = (), label: str = ""):
        self.text_vi, self.text_en, self.attribution, self.label = text_vi, text_en, attribution, label
        self.spans = spans_of(text_vi, marks)

    def __repr__(self) -> str:
        who = f" — {self.attribution}" if self.attribution else ""
        label = f"{self.label} " if self.label else ""
        english = f"\nEN ({translation_label()}): {self.text_en}" if translating_the_article() else ""
        tag = "VI: " if english else ""  # a language tag only beside the translation
        return f"{label}{tag}{marked_text(self.text_vi, self.spans)}{who}{english}"

    def _repr_html_(self) -> str:
        who = f"<br><small>— {html.escape(self.attribution)}</small>" if self.attribution else ""
        label = f"<strong>{html.escape(self.label)}</strong><br>" if self.label else ""
        english = (f'<p style="margin:0 0 0.8em 2.5em"><em>{translation_label()}:</em> '
                   f'<span lang="en">{html.escape(self.text_en)}</span></p>' if translating_the_article() else "")
        return (f'<blockquote lang="vi" style="margin:0.3em 0">{label}{marked_html(self.text_vi, self.spans)}'
                f'{who}</blockquote>{english}')


class MarkedSentences:
    """Sentences of the article in a table (heading, Vietnamese, English), some words marked and labelled.

    ``rows`` are dicts with ``heading`` (e.g. ``¶3 s07``), ``text_vi``, ``text_en``, ``spans``
    and ``label`` (empty for an unmarked sentence); ``summary`` opens the view.
    """

    def __init__(self, summary: str, rows: Sequence[dict]):
        self.summary, self.rows = summary, list(rows)

    def __repr__(self) -> str:
        lines = [self.summary]
        for row in self.rows:
            lines.append(f"{row['label']} {row['heading']}" if row["label"] else f"  {row['heading']}")
            lines.append(f"    {'VI: ' if translating_the_article() else ''}{marked_text(row['text_vi'], row['spans'])}")
            if translating_the_article():
                lines.append(f"    EN ({translation_label()}): {row['text_en']}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        pad = "padding:0.25em 0.6em;text-align:left;vertical-align:top"

        def table(rows: Sequence[dict]) -> str:
            body = []
            for row in rows:
                label = (f'<strong style="white-space:nowrap">{html.escape(row["label"])}</strong><br>'
                         if row["label"] else "")
                style = "border-left:6px solid #000;background:#fdf8d8" if row["label"] else "color:#444"
                body.append(f'<tr style="{style}"><th scope="row" style="font-weight:normal;white-space:nowrap;{pad}">'
                            f'{html.escape(row["heading"])}</th><td lang="vi" style="{pad}">{label}'
                            f'{marked_html(row["text_vi"], row["spans"])}</td>'
                            + (f'<td lang="en" style="{pad}">{html.escape(row["text_en"])}</td>' if english else "")
                            + '</tr>')
            english_head = f'<th scope="col" style="text-align:left">{translation_label()}</th>' if english else ""
            return (f'<table style="border-collapse:collapse"><thead><tr><th scope="col">{say("render.sentence")}</th>'
                    f'<th scope="col" style="text-align:left">{say("render.vietnamese_label")}</th>'
                    f'{english_head}</tr></thead><tbody>{"".join(body)}</tbody></table>')

        english = translating_the_article()

        intro = f'<p>{html.escape(self.summary)} {html.escape(say("render.mark_note"))}</p>'
        marked = [row for row in self.rows if row["label"]]
        if len(self.rows) <= MAX_ROWS or not marked:
            return f'<div class="claim-highlight">{intro}{table(self.rows)}</div>'
        # a long text: the marked sentences first, the whole text (marks included) one click away
        control = say("render.show_whole_text", n=len(self.rows))
        return (f'<div class="claim-highlight">{intro}{table(marked)}<details><summary>{html.escape(control)}'
                f'</summary>{table(self.rows)}</details></div>')


class ParallelText:
    """Numbered passages in Vietnamese, English (working translation) or both side by side.

    ``passages`` are ``(heading, text_vi, text_en)``; ``language`` is ``"both"``, ``"vi"`` or
    ``"en"``. Side by side on a wide screen, one under the other on a narrow one.
    """

    def __init__(self, passages: Sequence[tuple[str, str, str]], language: str = "both"):
        self.passages, self.language = list(passages), language

    def __repr__(self) -> str:
        lines = []
        for heading, text_vi, text_en in self.passages:
            lines.append(heading)
            if self.language in ("both", "vi"):
                lines.append(f"VI: {text_vi}" if self.language == "both" else text_vi)
            if self.language in ("both", "en"):
                lines.append(f"EN ({translation_label()}): {text_en}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        blocks = []
        for heading, text_vi, text_en in self.passages:
            vi = f'<div lang="vi" style="flex:1 1 22em;margin:0.1em 0">{html.escape(text_vi)}</div>'
            en = (f'<div lang="en" style="flex:1 1 22em;margin:0.1em 0;color:#333"><em>{translation_label()}:</em> '
                  f"{html.escape(text_en)}</div>")
            shown = {"both": vi + en, "vi": vi, "en": en}[self.language]
            blocks.append(f'<div style="margin:0.7em 0"><strong>{html.escape(heading)}</strong>'
                          f'<div style="display:flex;flex-wrap:wrap;gap:0.4em 1.5em">{shown}</div></div>')
        return "".join(blocks)
