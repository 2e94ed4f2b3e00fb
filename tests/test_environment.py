"""The notebooks' setup check fails with one clear sentence."""

from importlib import metadata

import pytest

from critical_reading import SetupError, check_setup, environment


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
