"""Show sentences of the article, each with its labelled English working translation."""

from __future__ import annotations

import html

from ..messages import say
from .answers import Hint, tables


class _Sentences:
    """Sentences of the article with their labelled English working translations."""

    def __init__(self, rows):
        self.rows = rows

    def __repr__(self):
        from ..display import TRANSLATION_LABEL
        return "\n".join(f"{sid} VI: {vi}\n{sid} EN ({TRANSLATION_LABEL}): {en}" for sid, vi, en in self.rows)

    def _repr_html_(self):
        from ..display import Quote
        return "".join(f"<p style='margin:0.6em 0 0'><strong>{html.escape(sid)}</strong></p>"
                       f"{Quote(vi, en)._repr_html_()}" for sid, vi, en in self.rows)


def show_sentences(*sentence_ids: str) -> _Sentences:
    """Show sentences of the article (by id, e.g. ``"s07"``), each with its English working translation."""
    sentences = tables().sentences.set_index("sentence_id")
    unknown = [s for s in sentence_ids if s not in sentences.index]
    if unknown:
        raise Hint(say("checks_answers.show_sentences.m1",
                       value=unknown[0], value2=sentences.index[0], value3=sentences.index[-1]))
    return _Sentences([(s, sentences.at[s, "text_vi"], sentences.at[s, "text_en"]) for s in sentence_ids])


