"""Settings for the whole test run (every worker and every process it starts).

Offline: "no lesson needs the network at run time" is tested, not assumed. Every Python
process the tests start inherits ``COURSE_OFFLINE=1`` and finds ``tests/offline`` first on
``PYTHONPATH``; its ``sitecustomize.py`` then installs a socket guard that refuses any
connection or name lookup beyond this machine (``tests/offline/offline_guard.py``). The
Jupyter kernels in which nbval and the browser test run the lessons are such processes.
The pytest process itself is left alone. ``tests/test_offline.py`` proves the guard works.

To run a lesson test *with* the network (to tell whether a failure is a network one):
``COURSE_OFFLINE=0 make test``.
"""

import os
from pathlib import Path

OFFLINE_DIR = Path(__file__).resolve().parent / "tests" / "offline"

# The guard's own folder holds a sitecustomize.py: never import it into pytest itself.
collect_ignore = ["tests/offline"]

os.environ.setdefault("COURSE_OFFLINE", "1")
_path = os.environ.get("PYTHONPATH", "")
if str(OFFLINE_DIR) not in _path.split(os.pathsep):
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(OFFLINE_DIR), _path) if p)
