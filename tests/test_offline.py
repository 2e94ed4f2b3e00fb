"""The lessons run offline: the test run's kernels cannot reach beyond this machine.

The root ``conftest.py`` gives every process the tests start (nbval's and the browser
test's Jupyter kernels above all) a socket guard from ``tests/offline/``. These tests prove
that the guard is configured, that it refuses a public address *before* connecting (the
error is the guard's own, so nothing was sent), that it refuses name lookups, which would
send a DNS query, and that loopback, which Jupyter needs, stays open.

No test here sends anything beyond loopback: each probe first checks that the guard is
installed in its process and stops if it is not.
"""

import importlib.util
import os
import socket
import subprocess
import sys
import textwrap
import threading

import pytest

from .conftest import ROOT

OFFLINE_DIR = ROOT / "tests" / "offline"
# Documentation-only addresses (RFC 5737): never routed, and the guard refuses them anyway.
PUBLIC = ("192.0.2.1", 80)

PROBE = textwrap.dedent(f"""
    import socket, sys
    if not getattr(socket, "COURSE_OFFLINE_GUARD", False):
        print("NO-GUARD")
        sys.exit(3)  # stop before trying anything
    for what, attempt in [
        ("connect", lambda: socket.create_connection({PUBLIC!r}, timeout=2)),
        ("udp", lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("198.51.100.1", 53))),
        ("lookup", lambda: socket.getaddrinfo("example.org", 443)),
        ("http", lambda: __import__("urllib.request").request.urlopen("http://203.0.113.5/", timeout=2)),
    ]:
        try:
            attempt()
            print(what, "ALLOWED")
        except Exception as error:
            print(what, "BLOCKED" if "offline guard" in str(error) else "OTHER", type(error).__name__)
""")


def load_guard():
    spec = importlib.util.spec_from_file_location("offline_guard_under_test", OFFLINE_DIR / "offline_guard.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("host, local", [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("[::1]", True), ("::ffff:127.0.0.1", True),
    ("localhost", True), ("LOCALHOST.", True), pytest.param(b"localhost", True, id="bytes-localhost"),
    ("0.0.0.0", False), ("10.0.0.1", False), ("192.168.1.1", False), ("8.8.8.8", False),
    ("2001:db8::1", False), ("example.org", False), ("localhost.example.org", False), (None, False),
])
def test_is_loopback(host, local):
    assert load_guard().is_loopback(host) is local


def test_guard_is_configured_for_every_process_the_tests_start():
    assert os.environ.get("COURSE_OFFLINE") == "1", "root conftest.py did not switch the offline guard on"
    assert str(OFFLINE_DIR) in os.environ.get("PYTHONPATH", "").split(os.pathsep)
    assert (OFFLINE_DIR / "sitecustomize.py").exists()


def run_probe(code: str, **kwargs) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, **kwargs)
    assert "NO-GUARD" not in result.stdout, "the guard is not installed in a child process"
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_child_process_is_refused_before_any_traffic():
    out = run_probe(PROBE)
    assert out.split("\n")[:4] == ["connect BLOCKED NetworkBlockedError", "udp BLOCKED NetworkBlockedError",
                                   "lookup BLOCKED gaierror", "http BLOCKED URLError"], out


def test_guard_can_be_switched_off_for_a_diagnosis():
    env = {**os.environ, "COURSE_OFFLINE": "0"}
    out = run_probe("import socket; print(getattr(socket, 'COURSE_OFFLINE_GUARD', False))", env=env)
    assert out.strip() == "False"


def test_loopback_stays_open():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        received = []

        def serve():
            for _ in range(2):
                connection, _ = server.accept()
                with connection:
                    received.append(connection.recv(16))

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        out = run_probe(textwrap.dedent(f"""
            import socket
            assert socket.COURSE_OFFLINE_GUARD
            for host in ("127.0.0.1", "localhost"):
                with socket.create_connection((host, {port}), timeout=5) as s:
                    s.sendall(host.encode())
            print("ok")
        """))
        thread.join(10)
    assert out.strip() == "ok"
    assert sorted(received) == [b"127.0.0.1", b"localhost"]


def test_jupyter_kernel_is_offline():
    """A kernel started as nbval starts one (same environment) has the guard."""
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        lines = []
        reply = client.execute_interactive(
            PROBE.replace("sys.exit(3)", "raise SystemExit"), timeout=60,
            output_hook=lambda msg: lines.append(msg["content"].get("text", "")) if msg["msg_type"] == "stream" else None)
        assert reply["content"]["status"] == "ok", reply["content"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    out = "".join(lines)
    assert "NO-GUARD" not in out, "the kernel has no offline guard"
    assert out.split("\n")[:4] == ["connect BLOCKED NetworkBlockedError", "udp BLOCKED NetworkBlockedError",
                                   "lookup BLOCKED gaierror", "http BLOCKED URLError"], out
