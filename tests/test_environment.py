"""The notebooks' setup check fails with one clear sentence."""

import os
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest

from critical_reading import SetupError, check_setup, environment

ROOT = Path(__file__).resolve().parent.parent


def test_setup_ok(capsys):
    found = check_setup()
    assert "pandas" in found
    assert "Setup OK" in capsys.readouterr().out


def test_missing_package(monkeypatch):
    monkeypatch.setitem(environment.MINIMUM_VERSIONS, "no-such-package-xyz", "1.0")
    with pytest.raises(SetupError, match="no-such-package-xyz is not installed.*make lab"):
        check_setup(verbose=False)


def test_too_old(monkeypatch):
    monkeypatch.setitem(environment.MINIMUM_VERSIONS, "pandas", "999.0")
    with pytest.raises(SetupError, match=r"pandas .* is too old \(need 999.0"):
        check_setup(verbose=False)
    assert metadata.version("pandas")


def test_render_is_one_line():
    assert SetupError("x")._render_traceback_() == ["Setup problem: x"]


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_package_import_loads_no_pandas():
    result = _run("""
        import sys
        import critical_reading
        from critical_reading import check_setup
        print(sorted(m for m in ("pandas", "numpy", "pandera", "matplotlib") if m in sys.modules))
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_unimportable_pandas_gives_one_line():
    result = _run("""
        import sys
        sys.modules["pandas"] = None  # makes `import pandas` fail, as a broken install does
        from critical_reading import SetupError, check_setup
        try:
            check_setup()
        except SetupError as error:
            print(error._render_traceback_())
    """)
    assert result.returncode == 0, result.stderr
    lines = eval(result.stdout)
    assert len(lines) == 1 and "\\n" not in lines[0]
    assert lines[0].startswith("Setup problem: the package pandas is installed but cannot be imported")
    assert "make lab" in lines[0]


def test_half_imported_pandas_asks_for_a_restart():
    result = _run("""
        import sys, types
        sys.modules["pandas"] = types.ModuleType("pandas")  # what an interrupted import leaves behind
        from critical_reading import SetupError, check_setup
        try:
            check_setup()
        except SetupError as error:
            print(error.message)
    """)
    assert result.returncode == 0, result.stderr
    assert "pandas" in result.stdout
    assert "restart the kernel (Kernel → Restart), then run this cell again" in result.stdout


def test_data_line_names_the_folder(capsys):
    from critical_reading import data_dir

    check_setup()
    data_line = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Data OK")][0]
    assert f"Data OK ({os.path.relpath(data_dir())})" in data_line  # the folder, as found from here
