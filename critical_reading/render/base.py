"""The building blocks every display object shares: HTML in a notebook, plain text everywhere else.

An object a notebook displays has ``_repr_html_`` (JupyterLab) and ``__repr__`` (nbval, GitHub,
a terminal); both say the same thing, so nothing is lost wherever it is shown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

#: The most rows any view shows at once, so it fits a laptop screen; the rest sit under "show all".
MAX_ROWS = 20


class Rendered:
    """Something to display: HTML in a notebook, the plain text everywhere else."""

    def __init__(self, html_text: str, plain_text: str):
        self.html, self.text = html_text, plain_text

    def __repr__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        return self.html


class Paragraph(str):
    """A string that a notebook shows as a wrapped paragraph (HTML) and as itself in plain text."""

    def __repr__(self) -> str:
        return str.__str__(self)

    def _repr_html_(self) -> str:
        return f'<p style="max-width:60em">{html.escape(self)}</p>'


class Stack:
    """Several display objects shown one after the other (``items`` keeps them)."""

    def __init__(self, items: Sequence[object], separator: str = "\n\n"):
        self.items, self.separator = list(items), separator

    def __repr__(self) -> str:
        return self.separator.join(repr(i) for i in self.items)

    def _repr_html_(self) -> str:
        return "".join(to_html(i) for i in self.items)

    def __len__(self) -> int:
        return len(self.items)


def to_html(thing: object) -> str:
    """The HTML of a display object, or of any other value as escaped text."""
    method = getattr(thing, "_repr_html_", None)
    return method() if method is not None else html.escape(str(thing))


def link(url: str) -> str:
    """A clickable URL whose text may wrap after / ? & = (``<wbr>``), so a table stays narrow."""
    text = "".join(html.escape(piece) + ("<wbr>" if piece[-1:] in "/?&=" else "")
                   for piece in re.split(r"(?<=[/?&=])", url) if piece)  # break after / ? & =, never inside &amp;
    return f'<a href="{html.escape(url, quote=True)}" title="{html.escape(url, quote=True)}">{text}</a>'


def links(urls: str | Iterable[str]) -> str:
    """Links for one URL, several space-separated URLs, or a list of them."""
    urls = urls.split() if isinstance(urls, str) else list(urls)
    return " ".join(link(u) for u in urls)


def escape(text: object) -> str:
    """Text made safe for HTML."""
    return html.escape(str(text))


class Bullets:
    """A few sentences: ``items`` as a bulleted list, then ``rest`` as one paragraph (one line each in text)."""

    def __init__(self, items: Sequence[str], rest: Sequence[str] = ()):
        self.items, self.rest = list(items), list(rest)

    def __repr__(self) -> str:
        return "\n".join([*self.items, *self.rest])

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(s)}</li>" for s in self.items)
        rest = f"<p>{html.escape(' '.join(self.rest))}</p>" if self.rest else ""
        return f'<ul style="margin:0">{items}</ul>{rest}'


class Folded:
    """Long items folded: one summary line each, the full text one click away (``<details>``).

    ``items`` are ``(summary, body)`` pairs; plain text shows the summaries only, one a line.
    """

    def __init__(self, items: Sequence[tuple[str, str]]):
        self.items = list(items)

    def __repr__(self) -> str:
        return "\n".join(summary for summary, _ in self.items)

    def _repr_html_(self) -> str:
        return "".join(f"<details><summary>{html.escape(summary)}</summary>"
                       f'<pre style="white-space:pre-wrap">{html.escape(body)}</pre></details>'
                       for summary, body in self.items)

    def __len__(self) -> int:
        return len(self.items)
