"""Start-up hook for the test run: installs the offline guard when COURSE_OFFLINE=1.

Python imports ``sitecustomize`` from the first folder on ``sys.path`` that has one; the
root ``conftest.py`` puts this folder first on ``PYTHONPATH`` for every process the tests
start (Jupyter kernels included). Any other ``sitecustomize`` further along the path still runs.
"""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))

if os.environ.get("COURSE_OFFLINE") == "1":
    sys.path.insert(0, _HERE)
    try:
        import offline_guard

        offline_guard.install()
    finally:
        sys.path.remove(_HERE)


def _chain() -> None:
    """Run the next ``sitecustomize`` on the path (a distribution's own), if there is one."""
    from importlib.machinery import PathFinder
    from importlib.util import module_from_spec

    rest = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]
    spec = PathFinder.find_spec("sitecustomize", rest)
    if spec is not None and spec.loader is not None:
        module = module_from_spec(spec)
        spec.loader.exec_module(module)


_chain()
