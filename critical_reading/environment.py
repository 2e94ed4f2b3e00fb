"""The check at the top of every notebook: right packages, readable data.

In the spirit of *Hands-On Machine Learning*'s first cell: fail early, with one
clear sentence saying what to do, instead of a confusing error ten cells later.

This module imports no third-party package at import time, so it can explain a
missing, broken or half-loaded pandas (or numpy, pandera, matplotlib, ipywidgets)
in one line.
"""

from __future__ import annotations

import importlib
import os
import sys
from importlib import metadata
from pathlib import Path

from .errors import SetupError
from .messages import say

#: The oldest versions the lessons are known to work with (requirements.txt pins newer ones).
MINIMUM_VERSIONS = {"numpy": "1.26", "pandas": "2.2", "ipywidgets": "8.0", "matplotlib": "3.8",
                    "pandera": "0.20"}
#: For each package: the module to import and a name a fully loaded module has.
IMPORTS = {"numpy": ("numpy", "ndarray"), "pandas": ("pandas", "DataFrame"),
           "ipywidgets": ("ipywidgets", "Dropdown"), "matplotlib": ("matplotlib", "rcParams"),
           "pandera": ("pandera", "DataFrameSchema")}
MINIMUM_PYTHON = (3, 11)


def _as_tuple(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def _importable(package: str) -> None:
    """Import ``package``; raise a one-line :class:`SetupError` if it is missing, broken or half-loaded."""
    module_name, needed = IMPORTS.get(package, (package, None))
    loaded = sys.modules.get(module_name)
    if loaded is not None and needed and not hasattr(loaded, needed):
        raise SetupError(say("setup.half_imported", package=package))
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise SetupError(say("setup.cannot_import", package=package, reason=str(error).splitlines()[0],
                             fix=say("setup.fix"))) from None
    except Exception:  # a partly initialised module fails in many ways (AttributeError, …)
        raise SetupError(say("setup.half_imported", package=package)) from None
    if needed and not hasattr(module, needed):
        raise SetupError(say("setup.half_imported", package=package))


def shown_folder(folder: Path) -> str:
    """A folder as a learner can find it: relative to the working folder when it is near, else in full."""
    relative = os.path.relpath(folder, Path.cwd())
    return relative if not relative.startswith(os.path.join("..", "..")) else str(folder)


def check_setup(*, verbose: bool = True) -> dict[str, str]:
    """Check Python, the packages and the data; return the versions found.

    Raises :class:`SetupError` with a one-line fix (``make lab`` re-creates the
    environment; a kernel restart clears a half-loaded package) when something is
    missing, too old or broken, and :class:`~critical_reading.errors.DataContractError`
    when a table is broken.
    """
    fix = say("setup.fix")
    if sys.version_info < MINIMUM_PYTHON:
        raise SetupError(say("setup.python_too_old", found=sys.version.split()[0],
                             needed=".".join(map(str, MINIMUM_PYTHON))))
    found = {"python": sys.version.split()[0]}
    for package, minimum in MINIMUM_VERSIONS.items():
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            raise SetupError(say("setup.not_installed", package=package, fix=fix)) from None
        if _as_tuple(version) < _as_tuple(minimum):
            raise SetupError(say("setup.too_old", package=package, found=version, needed=minimum, fix=fix))
        _importable(package)
        found[package] = version
    from .data import data_dir, load_tables  # imported late: the checks above explain a broken pandas

    tables = load_tables()
    from .friendly import install  # h11: friendly errors for the usual beginner mistakes, in every notebook
    install()
    if verbose:
        print(say("setup.setup_ok", versions=", ".join(f"{k} {v}" for k, v in found.items())))
        print(say("setup.data_ok", folder=shown_folder(data_dir()), sentences=len(tables.sentences),
                  claims=len(tables.claims), sources=len(tables.sources), figures=len(tables.figures),
                  estimates=len(tables.estimates)))
    return found
