"""Every sentence a learner reads that code produces, looked up by key.

The sentences live in catalogues, one folder per language
(``critical_reading/catalogue/<lang>/*.toml``, one file per concern), so a second language is a
second catalogue, not a code change. Code asks for a sentence by its dotted key and fills in its
fields::

    >>> say("demo.greeting", name="Lan")
    'Hello, Lan.'

The language is, in order: :func:`set_language`, the ``COURSE_LANG`` environment variable, the
edition of the notebook running the code (see :func:`edition`), then English. A key missing from
the chosen language falls back to English; a key missing everywhere is a bug and raises
``KeyError``.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import tomllib
from pathlib import Path

CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue"
DEFAULT_LANGUAGE = "en"
#: The language every article is written in (``article.vi.txt``). A learner reading in it needs
#: no working translation of the article: :func:`translating_the_article`.
ARTICLE_LANGUAGE = "vi"
_chosen: str | None = None


def set_language(lang: str | None) -> None:
    """Choose the language of every later message (``None`` goes back to the default)."""
    global _chosen
    if lang is not None and not (CATALOGUE_DIR / lang).is_dir():
        raise ValueError(f"no message catalogue for language {lang!r}; have {sorted(languages())}")
    _chosen = lang


def language() -> str:
    """The language messages are given in now."""
    return _chosen or os.environ.get("COURSE_LANG") or edition() or DEFAULT_LANGUAGE


def translating_the_article() -> bool:
    """Whether the course shows its working translation of the article (not in the article's own language)."""
    return language() != ARTICLE_LANGUAGE


def edition(folder: Path | None = None) -> str | None:
    """The language edition ``folder`` (default: the working folder) belongs to, if any.

    An edition is a folder named after a catalogue's language beside the course's
    ``notebooks/`` (``vi/notebooks/...`` in the Vietnamese edition). A kernel starts in its
    notebook's folder, so code run by a Vietnamese notebook speaks Vietnamese unasked.
    """
    here = (folder or Path.cwd()).resolve()
    known = languages()
    for parent in (here, *here.parents):
        if parent.name in known and (parent.parent / "notebooks").is_dir():
            return parent.name
    return None


def languages() -> list[str]:
    """The languages that have a catalogue."""
    return sorted(p.name for p in CATALOGUE_DIR.iterdir() if p.is_dir())


#: How a language writes a number's separators, where it differs from English (14,000.5).
_SEPARATORS = {"vi": str.maketrans(",.", ".,")}
#: How a language writes a date, where it differs from ISO (2025-11-14).
_DATE_FORMATS = {"vi": "%d/%m/%Y"}


def local_number(english: str) -> str:
    """A number written the English way (``14,000.5``) as the current language writes it.

    Vietnamese groups thousands with a dot and marks decimals with a comma: ``14.000,5``.
    English (and any language without its own rule) is returned unchanged.
    """
    table = _SEPARATORS.get(language())
    return english.translate(table) if table else english


def format_date(day: dt.date) -> str:
    """A date as the learner's language writes it: ``2025-11-14`` in English, ``14/11/2025`` in Vietnamese."""
    pattern = _DATE_FORMATS.get(language())
    return day.strftime(pattern) if pattern else day.isoformat()


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, full + "."))
        else:
            flat[full] = value
    return flat


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """All messages of one language, keyed ``file.section.key`` (the file's stem comes first)."""
    folder = CATALOGUE_DIR / lang
    messages: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as handle:
            messages.update(_flatten(tomllib.load(handle), path.stem + "."))
    return messages


def say(key: str, /, **fields: object) -> str:
    """The message ``key`` in the current language, with ``{fields}`` filled in."""
    text = catalogue(language()).get(key)
    if text is None:
        text = catalogue(DEFAULT_LANGUAGE)[key]
    return text.format(**fields) if fields else text


def say_if_known(key: str, default: str) -> str:
    """The message ``key`` if the catalogue has it, else ``default`` (for keys made from data)."""
    return say(key) if key in catalogue(DEFAULT_LANGUAGE) else default


def code(group: str, value: object) -> str:
    """A code of the tables (``group`` is its column: ``side``, ``kind``, ``quantity``…) as a sentence shows it.

    English shows the code itself; other languages their word for it (``catalogue/<lang>/codes.toml``).
    A value with no entry, such as a practice article's own side, is shown as it is.
    """
    return say_if_known(f"codes.{group}.{value}", str(value))


def listed(parts: list[str], conjunction: str = "and") -> str:
    """``a, b and c`` in the current language (``conjunction``: ``and`` or ``or``)."""
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {say(f'words.{conjunction}')} " + parts[-1]


#: The translations of the tables' English that the data loaded so far carries:
#: language → column name → English → text (filled by :func:`~critical_reading.data.load_tables`).
_DATA_WORDS: dict[str, dict[str, dict[str, str]]] = {}


def learn_data_translations(translations: dict[str, dict[str, dict[str, str]]]) -> None:
    """Remember a data folder's translations (``language → "table.column" → English → text``) for display."""
    for lang, columns in translations.items():
        for key, words in columns.items():
            _DATA_WORDS.setdefault(lang, {}).setdefault(key.split(".", 1)[1], {}).update(words)


def data_text(column: str, english: object) -> object:
    """A value of the tables' column ``column`` in the learner's language, if the loaded data translates it."""
    words = _DATA_WORDS.get(language(), {}).get(column, {})
    return words.get(english, english) if isinstance(english, str) else english
