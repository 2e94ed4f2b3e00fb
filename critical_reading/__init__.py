"""critical_reading: the helpers behind the notebooks of "Reading a war report critically".

Notebooks stay narrative and call these in a line or two:

>>> from critical_reading import load_tables
>>> tables = load_tables()
>>> tables.claims.shape[0] > 0
True

The package's layout, one job per module:

- ``environment`` — the setup check at the top of every notebook;
- ``errors`` — the one-line errors a learner or teacher may meet;
- ``messages`` (and ``catalogue/<lang>/*.toml``) — every sentence code shows a learner;
- ``contract`` — every table's columns, types and allowed values;
- ``data`` — loading the tables, checking them, and typed lookups on :class:`Tables`;
- ``intervals`` — what a qualifier allows, and the one way a qualifier and number are worded;
- ``vietnamese`` — numbers and dates as the article writes them;
- ``render`` — every display primitive (quotations, tables, cards, links, charts, widgets); the
  only place HTML is built;
- lesson logic: ``reading`` (00, 01), ``claims`` (02), ``figures``, ``estimates`` and
  ``statements`` (03), ``verification`` (04), ``verdicts`` and ``claimreview`` (05);
- ``checks`` — the exercise checks.

This file imports nothing heavy: pandas is imported only when a name that needs it is first
used, so :func:`check_setup` can explain a missing or broken pandas in one line.
"""

from __future__ import annotations

import importlib

from .environment import check_setup
from .errors import AssumptionError, DataContractError, LearnerError, SetupError

#: Names loaded on first use, and the module each comes from.
_LAZY = {"Tables": "data", "article_folder": "data", "data_dir": "data", "load_article": "data", "load_tables": "data",
         "read_table": "data", "Interval": "intervals", "interval_for": "intervals"}

__all__ = ["AssumptionError", "DataContractError", "LearnerError", "SetupError", "check_setup", *_LAZY]


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
