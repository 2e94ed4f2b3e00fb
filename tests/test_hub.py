"""The JupyterHub route, with real parts: a hub on loopback, nbgitpuller, and `make hub-link`'s link.

A real JupyterHub (DummyAuthenticator, SimpleLocalProcessSpawner, configurable-http-proxy from npm,
installed by `make hub-proxy` into node_modules/) serves a student, Ana. The course is a local
``file://`` clone. The test logs Ana in, follows the link `make hub-link` prints, drives
nbgitpuller's own event stream (`git-pull/api`; its last redirect is JavaScript), and checks
through the Jupyter contents API that the course landed in Ana's folder and lesson 00 opens.
Then Ana edits lesson 00, the teacher pushes a change, Ana follows the link again, and both her
edit and the teacher's change are there (nbgitpuller's merge keeps the student's work).
Only 127.0.0.1 is used.
"""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import ROOT

PROXY = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
IN_CI = os.environ.get("CI", "").lower() == "true"
TOKEN = "course-hub-test-token-0123456789abcdef"
LESSON = "notebooks/00-start-here.ipynb"
CHANGED = "notebooks/01a-who-speaks-and-the-chain.ipynb"

if not PROXY.exists():
    message = "configurable-http-proxy is not installed: run `make hub-proxy` (npm), then the tests again"
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message, allow_module_level=True)

requests = pytest.importorskip("requests")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=Teacher", "-c", "user.email=teacher@example.org", *args],
                   cwd=cwd, check=True, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hub")
    origin = tmp / "war-report-course"  # the teacher's repository, reached as file://
    git("clone", "--quiet", "--no-hardlinks", str(ROOT), str(origin), cwd=tmp)
    git("checkout", "--quiet", "-B", "main", cwd=origin)
    port, api_port, hub_port = free_port(), free_port(), free_port()
    spawner_args = ["--allow-root"] if os.getuid() == 0 else []
    config = tmp / "jupyterhub_config.py"
    config.write_text(f"""
c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.spawner_class = "simple"
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.JupyterHub.db_url = "sqlite:///{tmp}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{tmp}/cookie_secret"
c.JupyterHub.pid_file = "{tmp}/jupyterhub.pid"
c.Spawner.cmd = [{str(Path(sys.executable).parent / "jupyterhub-singleuser")!r}]
c.Spawner.args = {spawner_args!r}
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.SimpleLocalProcessSpawner.home_dir_template = "{tmp}/home/{{username}}"
c.JupyterHub.services = [{{"name": "course-test", "api_token": {TOKEN!r}}}]
c.JupyterHub.load_roles = [{{"name": "course-test", "services": ["course-test"],
                            "scopes": ["admin:users", "admin:servers", "access:servers"]}}]
""")
    log = (tmp / "hub.log").open("w")
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    process = subprocess.Popen([str(Path(sys.executable).parent / "jupyterhub"), "-f", str(config)],
                               cwd=tmp, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if requests.get(f"{base}/hub/api", timeout=5).ok:
                    break
            except requests.ConnectionError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, (tmp / "hub.log").read_text()[-3000:]
            time.sleep(0.5)
        yield {"base": base, "origin": origin, "home": tmp / "home" / "ana", "log": tmp / "hub.log"}
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def hub_link(hub) -> str:
    result = subprocess.run(["make", "-s", "hub-link", f"HUB={hub['base']}", f"NOTEBOOK={LESSON}",
                             f"REPOSITORY=file://{hub['origin']}"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def pull(session, hub, link: str) -> None:
    """Follow the link as a browser does, then run the pull the status page's script would start."""
    page = session.get(link, timeout=180)
    assert page.ok and "/user/ana/git-pull" in page.url, (page.status_code, page.url)
    fields = {key: values[0] for key, values in parse_qs(urlsplit(link).query).items()}
    api = f"{hub['base']}/user/ana/git-pull/api"
    events = []
    with session.get(api, params={"repo": fields["repo"], "branch": fields["branch"]}, stream=True,
                     timeout=180) as stream:
        for line in stream.iter_lines(decode_unicode=True):
            if line and line.startswith("data:"):
                events.append(json.loads(line[5:]))
                if events[-1].get("phase") in ("finished", "error"):
                    break
    assert events and events[-1]["phase"] == "finished", events[-3:]


def contents(session, hub, path: str) -> dict:
    answer = session.get(f"{hub['base']}/user/ana/api/contents/war-report-course/{path}",
                         headers={"Authorization": f"token {TOKEN}"}, timeout=60)
    assert answer.ok, (answer.status_code, answer.text[:300])
    return answer.json()


def test_link_pulls_the_course_and_a_second_pull_keeps_the_students_edit(hub):
    session = requests.Session()
    login = session.get(f"{hub['base']}/hub/login", timeout=60)
    session.post(f"{hub['base']}/hub/login", timeout=120,
                 data={"username": "ana", "password": "any", "_xsrf": session.cookies.get("_xsrf", "")})
    started = session.post(f"{hub['base']}/hub/api/users/ana/server", headers={"Authorization": f"token {TOKEN}"},
                           timeout=180)
    assert started.status_code in (201, 202), (login.status_code, started.status_code, started.text)
    deadline = time.monotonic() + 180
    while not session.get(f"{hub['base']}/hub/api/users/ana", headers={"Authorization": f"token {TOKEN}"},
                          timeout=60).json().get("servers", {}).get("", {}).get("ready"):
        assert time.monotonic() < deadline, hub["log"].read_text()[-3000:]
        time.sleep(1)

    link = hub_link(hub)
    assert link.startswith(f"{hub['base']}/hub/user-redirect/git-pull?")
    pull(session, hub, link)
    lesson = contents(session, hub, LESSON)
    assert lesson["type"] == "notebook"
    assert lesson["content"]["cells"][0]["source"].startswith("# 00")
    assert (hub["home"] / "war-report-course" / LESSON).exists()

    # Ana writes her first impression into lesson 00 and saves it (the contents API, as JupyterLab does).
    notebook = lesson["content"]
    notebook["cells"].append({"cell_type": "markdown", "metadata": {}, "id": "ana-note",
                              "source": "Ana's first impression: the figures need dates."})
    saved = session.put(f"{hub['base']}/user/ana/api/contents/war-report-course/{LESSON}",
                        headers={"Authorization": f"token {TOKEN}"}, timeout=60,
                        data=json.dumps({"type": "notebook", "format": "json", "content": notebook}))
    assert saved.ok, saved.text[:300]

    # The teacher changes another lesson and commits it upstream.
    changed = hub["origin"] / CHANGED
    nb = json.loads(changed.read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "markdown", "metadata": {}, "id": "teacher-note",
                        "source": ["Teacher's note added after the first pull."]})
    changed.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    git("commit", "--quiet", "-am", "A note for the class", cwd=hub["origin"])

    pull(session, hub, link)
    sources = ["".join(cell["source"]) for cell in contents(session, hub, LESSON)["content"]["cells"]]
    assert "Ana's first impression: the figures need dates." in sources
    sources = ["".join(cell["source"]) for cell in contents(session, hub, CHANGED)["content"]["cells"]]
    assert "Teacher's note added after the first pull." in sources
