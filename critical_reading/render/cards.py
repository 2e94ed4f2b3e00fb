"""Cards: one item (a claim, a translation difference, a verdict) with its quotation, facts and sources."""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..messages import say
from .base import links, to_html
from .charts import PALETTE


class Card:
    """A titled card: ``parts`` are display objects (a :class:`~.quotes.Quote`, say) shown in order;
    ``facts`` are ``(label, text)`` lines; ``lists`` are ``(heading, [(text, urls), …])`` with links;
    ``sources`` are URLs."""

    def __init__(self, title: str, parts: Sequence[object] = (), facts: Sequence[tuple[str, str]] = (),
                 lists: Sequence[tuple[str, Sequence[tuple[str, str]]]] = (), sources: Sequence[str] = ()):
        self.title, self.parts, self.facts = title, list(parts), list(facts)
        self.lists, self.sources = list(lists), list(sources)

    def __repr__(self) -> str:
        lines = [self.title, *(repr(p) for p in self.parts), *(f"{k}: {v}" for k, v in self.facts)]
        for heading, items in self.lists:
            lines.append(f"{heading}:")
            lines += [f"  - {text}" + (f" <{urls}>" if urls else "") for text, urls in items] or ["  —"]
        if self.sources:
            lines.append(f"{say('render.sources')}: " + " ".join(self.sources))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        parts = "".join(to_html(p) for p in self.parts)
        facts = "".join(f'<p style="margin:0.2em 0"><strong>{html.escape(k)}:</strong> {html.escape(v)}</p>'
                        for k, v in self.facts)
        lists = ""
        for heading, items in self.lists:
            lis = "".join(f"<li>{html.escape(text)} {links(urls) if urls else ''}</li>" for text, urls in items)
            lists += f'<p style="margin:0.3em 0 0"><strong>{html.escape(heading)}:</strong></p><ul>{lis or "<li>—</li>"}</ul>'
        sources = (f'<p style="margin:0.2em 0"><strong>{say("render.sources")}:</strong> {links(self.sources)}</p>'
                   if self.sources else "")
        return (f'<div style="border-left:4px solid {PALETTE["blue"]};padding:0.1em 0.8em;margin:1em 0">'
                f'<p style="margin:0.2em 0"><strong>{html.escape(self.title)}</strong></p>'
                f"{parts}{facts}{lists}{sources}</div>")
