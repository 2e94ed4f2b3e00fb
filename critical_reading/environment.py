"""The check at the top of every notebook: right packages, readable data.

In the spirit of *Hands-On Machine Learning*'s first cell: fail early, with one
clear sentence saying what to do, instead of a confusing error ten cells later.
"""

from __future__ import annotations

import sys
from importlib import metadata

from .errors import SetupError

#: The oldest versions the lessons are known to work with (requirements.txt pins newer ones).
MINIMUM_VERSIONS = {"pandas": "2.2", "ipywidgets": "8.0", "matplotlib": "3.8", "pandera": "0.20"}
MINIMUM_PYTHON = (3, 11)


def _as_tuple(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def check_setup(*, verbose: bool = True) -> dict[str, str]:
    """Check Python, the packages and the data; return the versions found.

    Raises :class:`SetupError` with a one-line fix (``make lab`` re-creates the
    environment) when something is missing or too old, and
    :class:`~critical_reading.errors.DataContractError` when a table is broken.
    """
    if sys.version_info < MINIMUM_PYTHON:
        raise SetupError(f"Python {sys.version.split()[0]} is too old; the lessons need "
                         f"{'.'.join(map(str, MINIMUM_PYTHON))} or newer. Run `make lab` from the course folder.")
    found = {"python": sys.version.split()[0]}
    for package, minimum in MINIMUM_VERSIONS.items():
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            raise SetupError(f"the package {package} is not installed. Run `make lab` from the "
                             "course folder, or `pip install -r requirements.txt`.") from None
        if _as_tuple(version) < _as_tuple(minimum):
            raise SetupError(f"{package} {version} is too old (need {minimum} or newer). "
                             "Run `make lab` from the course folder, or `pip install -r requirements.txt`.")
        found[package] = version
    from .data import load_tables  # imported late: the check above explains a missing pandas

    tables = load_tables()
    if verbose:
        print("Setup OK: " + ", ".join(f"{k} {v}" for k, v in found.items()))
        print(f"Data OK: {len(tables.sentences)} sentences, {len(tables.claims)} claims, "
              f"{len(tables.sources)} sources, {len(tables.figures)} figures, "
              f"{len(tables.estimates)} outside estimates")
    return found
