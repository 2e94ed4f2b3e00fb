"""Show sentences of the article, each with its labelled English working translation."""

from __future__ import annotations

from ..messages import say
from ..render import Quote, Stack
from .answers import Hint, tables


def show_sentences(*sentence_ids: str) -> Stack:
    """Show sentences of the article (by id, e.g. ``"s07"``), each with its English working translation."""
    sentences = tables().sentences.set_index("sentence_id")
    unknown = [s for s in sentence_ids if s not in sentences.index]
    if unknown:
        raise Hint(say("checks_answers.show_sentences.m1",
                       value=unknown[0], value2=sentences.index[0], value3=sentences.index[-1]))
    return Stack([Quote(sentences.at[s, "text_vi"], sentences.at[s, "text_en"], label=s) for s in sentence_ids])


