"""A real browser: JupyterLab in headless Chromium runs every lesson and every student exercise copy.

For each notebook (``notebooks/[0-9][0-9]*.ipynb`` and ``exercises/release/**/*.ipynb``, found
when the tests are collected; ``tests/test_browser_vi.py`` does the same for the Vietnamese edition
under ``vi/``) the test opens a *copy* in JupyterLab, clicks Run > Run All
Cells, waits for the kernel to go idle and then reads what the learner would see:

- no cell shows an error (a check's "Not yet" or "Not answered yet" is a hint box, with a mark and
  a word, never an error box: counted in ``hint_boxes``). As in
  class, Run All stops at the first error; the test then carries on from the next cell not
  yet run (Run > Run Selected Cell and All Below), as a student who skips a question does,
  so that every cell runs and one error does not hide another;
- every widget output renders, and every course widget (``.course-interactive``, built by
  ``critical_reading.render.interactive_view``) answers a change of its control with a new output;
- the page asks for nothing outside this machine (offline classrooms), and the copy is never saved.

A screenshot of each notebook, whole, goes to ``artifacts/browser/``. A control notebook with a
known error and a widget that ignores its control proves that the checks can fail.

Needs Debian's Chromium (``apt-get install chromium chromium-driver``); ``.ci/run`` installs it.
Without it the module is skipped, except under ``CI=true``, where it fails.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Where the notebooks come from (the repository; another folder with the same layout for a dry run).
SOURCE = Path(os.environ.get("COURSE_BROWSER_SOURCE", ROOT)).resolve()
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM = os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"
HOW_TO_ENABLE = ("the browser test needs Debian's Chromium: run `apt-get install chromium chromium-driver` "
                 "(as root; `.ci/run` does it when CI=true), then `make test` again")
EXPECTED_HINT = "not answered yet"
CONTROL = "browser-selftest/control.ipynb"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
                 "--disable-default-apps", "--disable-extensions", "--mute-audio",
                 # No name lookups at all (a lesson's links would otherwise be prefetched): the
                 # server is addressed as 127.0.0.1, and anything else fails inside the browser.
                 "--dns-prefetch-disable", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]
#: JupyterLab settings for the test (the user-settings folder of a fresh profile).
LAB_SETTINGS = {
    # no news, no update check: nothing fetched from the internet, no pop-up over the notebook
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    # the copy is never saved
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # every cell in the page, so the test sees every output (the default renders only what is visible)
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}
#: Server settings: nothing fetched from the internet; the app is reachable from the test's script.
SERVER_CONFIG = {"LabApp": {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
                            "extension_manager": "readonly", "expose_app_in_browser": True},
                 "ServerApp": {"open_browser": False, "ip": "127.0.0.1"}}


def discover(source: Path = SOURCE, edition: str = "") -> list[str]:
    """Lesson notebooks, then student exercise copies, as paths relative to ``source``.

    ``edition`` is the folder of a language edition (``"vi/"``), or ``""`` for the English one.
    """
    lessons = sorted(source.glob(f"{edition}notebooks/[0-9][0-9]*.ipynb"))
    exercises = sorted(p for p in source.glob(f"{edition}exercises/release/**/*.ipynb")
                       if ".ipynb_checkpoints" not in p.parts)
    return [p.relative_to(source).as_posix() for p in lessons + exercises]


def checked_questions(path: str) -> int:
    """How many questions of an exercise copy a check grades (each shows a hint box when unanswered)."""
    notebook = nbformat.read(SOURCE / path, as_version=4)
    return sum(1 for cell in notebook.cells
               if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"))


def browser_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


if browser_missing() and not IN_CI:
    pytest.skip(f"{browser_missing()}; {HOW_TO_ENABLE}", allow_module_level=True)


# --------------------------------------------------------------------------- the server

@dataclass
class Lab:
    base: str
    token: str
    root: Path
    log: Path
    process: subprocess.Popen


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_course(target: Path) -> None:
    """Copy what the notebooks need into ``target`` (JupyterLab's root folder for the test)."""
    skip = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    for folder in ("notebooks", "exercises/release", "data", "articles", "vi/notebooks", "vi/exercises/release"):
        source = SOURCE / folder if (SOURCE / folder).exists() else ROOT / folder
        if source.exists():
            shutil.copytree(source, target / folder, ignore=skip)
    write_control_notebook(target / CONTROL)


def write_control_notebook(path: Path) -> None:
    """A notebook the checks must fail on: an unexpected error, and a widget that ignores its control."""
    cell = nbformat.v4.new_code_cell
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Control notebook for the browser test (not course material)"),
        cell("import ipywidgets as widgets\n"
             "from critical_reading import LearnerError\n"
             "from critical_reading.render import interactive_view\n"
             "class NotAnswered(LearnerError):\n    prefix = 'Not answered yet'"),
        cell("raise NotAnswered('an expected hint; the test carries on after it')"),
        cell("from critical_reading import checks\nchecks.chain_of_publication(['reuters'], 'c08')"),
        cell("interactive_view(lambda n: f'n = {n}', n=widgets.IntSlider(value=3, min=0, max=10))"),
        cell("interactive_view(lambda kind: 'always the same', kind=widgets.Dropdown(options=['a', 'b']))"),
        cell("1 / 0"),
        cell("print('after the error')"),
    ])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """One JupyterLab server for the module, on loopback, over copies of the notebooks."""
    if browser_missing():
        pytest.fail(f"CI=true and {browser_missing()}: {HOW_TO_ENABLE}")
    base_dir = tmp_path_factory.mktemp("browser")
    shutil.rmtree(ARTIFACTS, ignore_errors=True)  # screenshots of this run only
    root = base_dir / "course"
    copy_course(root)
    config, settings = base_dir / "config", base_dir / "settings"
    config.mkdir()
    (config / "jupyter_server_config.json").write_text(json.dumps(SERVER_CONFIG))
    for name, values in LAB_SETTINGS.items():
        file = settings / f"{name}.jupyterlab-settings"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps(values))
    env = {**os.environ,
           "JUPYTER_CONFIG_DIR": str(config), "JUPYTER_DATA_DIR": str(base_dir / "data-dir"),
           "JUPYTER_RUNTIME_DIR": str(base_dir / "runtime"), "IPYTHONDIR": str(base_dir / "ipython"),
           "JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(base_dir / "workspaces"),
           "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    port, token = free_port(), secrets.token_hex(16)
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.port={port}", f"--ServerApp.root_dir={root}",
               f"--IdentityProvider.token={token}", "--ServerApp.port_retries=0"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = base_dir / "jupyterlab.log"
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = Lab(f"http://127.0.0.1:{port}", token, root, log, process)
    try:
        wait_for_server(server)
        yield server
    finally:
        stop(process)


def wait_for_server(server: Lab, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"JupyterLab exited ({server.process.returncode}):\n{server.log.read_text()[-3000:]}")
        try:
            request = urllib.request.Request(f"{server.base}/api/status",
                                             headers={"Authorization": f"token {server.token}"})
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"JupyterLab did not answer within {timeout:.0f} s:\n{server.log.read_text()[-3000:]}")


def stop(process: subprocess.Popen) -> None:
    """Stop the server we started (and the kernels it started), by its own process group."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


class Tab:
    """One JupyterLab page, reused from notebook to notebook (a new one only after a failure)."""

    def __init__(self, context, lab: Lab):
        self.context, self.lab, self._page = context, lab, None
        self.outside: list[str] = []

    def page(self):
        if self._page is None:
            page = self.context.new_page()
            # A lesson must not need the internet: record and refuse anything not on this machine.
            page.route(lambda url: not url.startswith((self.lab.base, "data:", "blob:")), self._refuse)
            # A fresh workspace, so that JupyterLab restores no earlier tabs.
            page.goto(f"{self.lab.base}/lab/workspaces/t{secrets.token_hex(4)}?token={self.lab.token}")
            page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell", timeout=60_000)
            page.evaluate("async () => { await window.jupyterapp.restored; }")  # every plugin is active
            self._page = page
        return self._page

    def _refuse(self, route):
        self.outside.append(route.request.url)
        route.abort()

    def discard(self):
        if self._page is not None:
            self._page.close()
            self._page = None


@pytest.fixture(scope="module")
def browser(lab):
    """One headless Chromium for the module (Playwright gives it a fresh, empty profile) and one tab."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(30_000)
        tab = Tab(context, lab)
        try:
            yield tab
        finally:
            tab.discard()
            context.close()
            chromium.close()


# --------------------------------------------------------------------------- one notebook

@dataclass
class Report:
    path: str
    problems: list[str] = field(default_factory=list)
    hints: int = 0
    hint_boxes: int = 0
    cells_run: int = 0
    widgets_changed: int = 0
    seconds: float = 0.0
    phases: dict = field(default_factory=dict)

    def lap(self, name: str, since: float) -> float:
        now = time.monotonic()
        self.phases[name] = round(now - since, 1)
        return now


CURRENT = "window.jupyterapp.shell.currentWidget"
IDLE_JS = f"""() => {{
  const panel = {CURRENT};
  const kernel = panel && panel.sessionContext.session && panel.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') return false;
  return !Array.from(panel.content.node.querySelectorAll('.jp-InputPrompt')).some(p => p.textContent.includes('*'));
}}"""
CELLS_JS = f"""() => {CURRENT}.content.widgets.map((cell, index) => {{
  const model = cell.model, code = model.type === 'code';
  return {{index, type: model.type, empty: model.sharedModel.getSource().trim() === '',
    count: code ? model.executionCount : null,
    outputs: code ? model.outputs.toJSON().map(o => ({{
      type: o.output_type, name: o.name || '', ename: o.ename || '', evalue: o.evalue || '',
      text: o.output_type === 'error' ? [o.ename, o.evalue, ...(o.traceback || [])].join('\\n')
            : (o.output_type === 'stream' ? String(o.text) : '')}})) : []}};
}})"""


#: The checks' hint boxes as the learner sees them, and how many sit inside an error (stderr) output.
HINT_BOXES_JS = f"""() => {{
  const boxes = Array.from({CURRENT}.content.node.querySelectorAll('.cr-feedback-not_yet, .cr-feedback-not_answered'));
  const asError = boxes.filter(b => b.closest('[data-mime-type="application/vnd.jupyter.stderr"]'));
  const marked = boxes.filter(b => /^[➜○] \\p{{L}}/u.test(b.textContent.trim()));  // a mark, then a word (any language)
  return {{boxes: boxes.length, asError: asError.length, marked: marked.length}};
}}"""


def check_hint_boxes(page, report: Report) -> None:
    """A hint is shown as its own box, with a mark and a word, and never rendered as an error."""
    found = page.evaluate(HINT_BOXES_JS)
    report.hint_boxes = found["boxes"]
    if found["asError"]:
        report.problems.append(f"{found['asError']} hint boxes rendered as errors")
    if found["marked"] != found["boxes"]:
        report.problems.append(f"{found['boxes'] - found['marked']} hint boxes without their mark and word")


def run_menu(page, command: str) -> None:
    """Click Run > <item> in JupyterLab's menu bar, as a teacher would."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.locator(f'.lm-Menu-item[data-command="{command}"]').click()


def wait_idle(page, timeout: float = 180) -> None:
    """Until the kernel is idle and no cell waits to run, twice in a row."""
    deadline, calm = time.monotonic() + timeout, 0
    while calm < 2:
        if time.monotonic() > deadline:
            raise AssertionError(f"the notebook was still running after {timeout:.0f} s")
        calm = calm + 1 if page.evaluate(IDLE_JS) else 0
        time.sleep(0.25)


def run_all(page) -> list[dict]:
    """Run > Run All Cells; after each stop on an error, carry on from the next cell not yet run."""
    run_menu(page, "runmenu:run-all")
    wait_idle(page)
    start = -1
    while True:
        cells = page.evaluate(CELLS_JS)
        pending = [c["index"] for c in cells
                   if c["type"] == "code" and not c["empty"] and c["count"] is None and c["index"] > start]
        if not pending:
            return cells
        start = pending[0]
        page.evaluate(f"() => {{ const nb = {CURRENT}.content; nb.activeCellIndex = {start}; nb.deselectAll(); }}")
        # JupyterLab greys out "… and All Below" on the last cell: there, run just that cell
        last = start == len(cells) - 1
        run_menu(page, "notebook:run-cell" if last else "notebook:run-all-below")
        wait_idle(page)


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def read_outputs(cells: list[dict], report: Report) -> None:
    for cell in cells:
        if cell["type"] != "code":
            continue
        report.cells_run += cell["count"] is not None
        for output in cell["outputs"]:
            text = ANSI.sub("", output["text"])
            if output["type"] == "error":
                if EXPECTED_HINT in text.lower():
                    report.hints += 1
                else:
                    report.problems.append(f"cell {cell['index'] + 1} (In [{cell['count']}]): "
                                           f"{output['ename']}: {ANSI.sub('', output['evalue'])[:300]}")
            elif output["type"] == "stream" and output["name"] == "stderr" and "Traceback" in text:
                report.problems.append(f"cell {cell['index'] + 1}: traceback on stderr: {text.strip()[-300:]}")


WIDGETS_RENDERED_JS = """() => {
  const outs = Array.from(document.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.widget-view+json"]'));
  return outs.every(o => o.querySelector('.jupyter-widgets') && !/Loading widget|Error displaying widget/.test(o.textContent));
}"""
BROKEN_WIDGETS_JS = """() => Array.from(document.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.widget-view+json"]'))
  .filter(o => !o.querySelector('.jupyter-widgets') || /Loading widget|Error displaying widget/.test(o.textContent))
  .map(o => o.textContent.trim().slice(0, 200))"""


def check_widgets_render(page, report: Report) -> None:
    try:
        page.wait_for_function(WIDGETS_RENDERED_JS, timeout=15_000)
    except Exception:
        for text in page.evaluate(BROKEN_WIDGETS_JS):
            report.problems.append(f"a widget did not render: {text or '(empty)'}")


def change_control(control) -> str:
    """Change an ipywidgets control once, with the mouse or keyboard; say what was done."""
    if control.locator("select[multiple]").count():
        select = control.locator("select")
        options = select.evaluate("s => Array.from(s.options).map(o => [o.value, o.selected])")
        unselected = [value for value, selected in options if not selected]
        # one option not chosen before; if all were chosen, the first alone (or none, if it is the only one)
        choice = unselected[:1] if unselected else [options[0][0]] if len(options) > 1 else []
        select.select_option(choice)
        return "selected other options"
    if control.locator("select").count():
        select = control.locator("select")
        current = select.input_value()
        other = [v for v in select.evaluate("s => Array.from(s.options).map(o => o.value)") if v != current]
        select.select_option(other[0])
        return f"chose {other[0]!r}"
    if control.locator(".noUi-handle").count():
        handle = control.locator(".noUi-handle").first
        now, high = (float(handle.get_attribute(a)) for a in ("aria-valuenow", "aria-valuemax"))
        handle.focus()
        handle.press("ArrowLeft" if now >= high else "ArrowRight")
        return "moved the slider one step"
    if control.locator("input[type=checkbox]").count():
        control.locator("input[type=checkbox]").first.click()
        return "ticked the box"
    if control.locator("button").count():
        control.locator("button:not(.mod-active)").first.click()
        return "pressed another button"
    if control.locator("input[type=radio]").count():
        control.locator("input[type=radio]:not(:checked)").first.click()
        return "chose another option"
    if control.locator("input[type=number]").count():
        box = control.locator("input[type=number]")
        low, high, value = (box.get_attribute(a) for a in ("min", "max", "value"))
        value = float(box.input_value() or value or 0)
        new = value - 1 if high is not None and value + 1 > float(high) else value + 1
        if low is not None and new < float(low):
            new = value
        box.fill(f"{new:g}")
        box.press("Enter")
        return f"typed {new:g}"
    if control.locator("input[type=text], textarea").count():
        box = control.locator("input[type=text], textarea").first
        box.fill((box.input_value() or "") + " changed")
        box.press("Enter")
        return "typed text"
    raise LookupError(f"the browser test does not know how to change this control: "
                      f"{control.evaluate('el => el.className')}")


def expected_views(file: Path) -> int:
    """How many interactive views the notebook shows at least: each is followed by ``live_note()``
    (CONTRIBUTING.md, rule 8), so count the code cells that call it."""
    notebook = nbformat.read(file, as_version=4)
    return sum(cell.source.count("live_note(") for cell in notebook.cells if cell.cell_type == "code")


def check_interactive_views(page, report: Report, timeout: float, expected: int = 0) -> None:
    views = page.locator(".course-interactive")
    if views.count() < expected:
        report.problems.append(f"{expected} interactive views expected (one per live_note()), "
                               f"{views.count()} rendered")
    for i in range(views.count()):
        view = views.nth(i)
        view.scroll_into_view_if_needed()
        output = view.locator(":scope > .widget-output").last
        controls = view.locator(":scope > :not(.widget-output)")
        if not output.count() or not controls.count():
            report.problems.append(f"interactive view {i + 1}: no control or no output area")
            continue
        before = output.evaluate(SIGNATURE_JS)
        try:
            action = change_control(controls.first)
        except LookupError as error:
            report.problems.append(f"interactive view {i + 1}: {error}")
            continue
        if settled_change(page, output, before, timeout):
            report.widgets_changed += 1
        else:
            report.problems.append(f"interactive view {i + 1}: {action}, but its output did not change "
                                   f"within {timeout:.0f} s")


#: What a learner sees in an output area: its text and its pictures.
SIGNATURE_JS = "node => node.textContent + '|' + Array.from(node.querySelectorAll('img')).map(i => i.src).join('|')"


def settled_change(page, output, before: str, timeout: float) -> bool:
    """Whether the output area shows something new once the kernel is idle and the page is still."""
    deadline, last, calm = time.monotonic() + timeout, None, 0
    while time.monotonic() < deadline:
        now = output.evaluate(SIGNATURE_JS) if page.evaluate(IDLE_JS) else None
        calm = calm + 1 if now is not None and now == last else 0
        if calm >= 2 and now != before and now.strip("|"):
            return True
        last = now
        time.sleep(0.2)
    return False


SCROLLER = f"{CURRENT}.node.querySelector('.jp-WindowedPanel-outer')"


def screenshot(page, path: str) -> None:
    """The whole notebook in one picture: the window grows by what the notebook would scroll."""
    hidden = page.evaluate(f"() => {{ const s = {SCROLLER}; s.scrollTop = 0; return s.scrollHeight - s.clientHeight; }}")
    page.set_viewport_size({"width": 1280, "height": int(min(900 + max(hidden, 0), 40000))})
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / (path.replace("/", "__").removesuffix(".ipynb") + ".png")))
    page.set_viewport_size({"width": 1280, "height": 900})


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


OPEN_JS = """async (path) => { await window.jupyterapp.commands.execute('docmanager:open', {path}); }"""
CLOSE_JS = f"""async () => {{
  const panel = {CURRENT};
  await panel.sessionContext.shutdown();
  panel.context.model.dirty = false;  // close without saving and without asking
  panel.dispose();
}}"""


def run_notebook(tab: Tab, path: str, widget_timeout: float = 15) -> Report:
    """Open ``path`` (relative to the server's root), run it, check it, close it without saving."""
    report, started, file = Report(path), time.monotonic(), tab.lab.root / path
    before = digest(file)
    tab.outside.clear()
    page = tab.page()
    ok = False
    try:
        lap = report.lap("page", started)
        page.evaluate(OPEN_JS, path)  # what File > Open and a double-click in the file browser do
        page.wait_for_function(f"(path) => {CURRENT} && {CURRENT}.context && {CURRENT}.context.path === path",
                               arg=path, timeout=60_000)
        page.wait_for_function(IDLE_JS, timeout=60_000)  # the kernel has started
        lap = report.lap("open", lap)
        cells = run_all(page)
        read_outputs(cells, report)
        check_hint_boxes(page, report)
        check_widgets_render(page, report)
        lap = report.lap("run", lap)
        check_interactive_views(page, report, widget_timeout, expected_views(file))
        lap = report.lap("widgets", lap)
        screenshot(page, path)
        report.lap("screenshot", lap)
        page.evaluate(CLOSE_JS)
        ok = True
    finally:
        if not ok:
            tab.discard()  # a fresh page for the next notebook
    if tab.outside:
        report.problems.append(f"the page asked for addresses outside this machine: {sorted(set(tab.outside))}")
    if digest(file) != before:
        report.problems.append("the notebook file was modified (it must never be saved)")
    report.seconds = time.monotonic() - started
    return report


def describe(report: Report) -> str:
    return (f"{report.path}: {report.cells_run} cells run, {report.hints} expected hints, "
            f"{report.widgets_changed} widgets responded, {report.seconds:.1f} s {report.phases}")


# --------------------------------------------------------------------------- the tests

def test_control_notebook_fails_the_checks(lab, browser):
    """The checks can fail: an unexpected error and an unresponsive widget are caught, a hint is not."""
    report = run_notebook(browser, CONTROL, widget_timeout=3)
    print(describe(report))
    assert report.hints == 1, report
    assert report.widgets_changed == 1, report
    assert len(report.problems) == 2, report.problems
    assert any("did not change" in p for p in report.problems), report.problems
    assert any("ZeroDivisionError" in p for p in report.problems), report.problems
    assert report.hint_boxes == 1, report  # a check's "Not yet": a box of its own, not an error
    assert report.cells_run == 7, "the test did not carry on after the hint and the error"


NOTEBOOKS = discover()


def assert_runs_clean(path: str, browser, missing: str) -> None:
    """Run one notebook in JupyterLab and fail on anything a learner would see go wrong.

    ``path`` is ``"(none)"`` when discovery found nothing: a failure in CI, a skip (saying
    ``missing``) elsewhere. An exercise copy shows one hint box per checked question and no error.
    """
    if path == "(none)":
        if IN_CI:
            pytest.fail(missing)
        pytest.skip(missing)
    report = run_notebook(browser, path)
    print(describe(report))
    if "exercises/" in path:  # every unanswered question shows its hint box, none an error
        assert report.hint_boxes >= checked_questions(path) and report.hints == 0, report
    assert not report.problems, f"{path} in JupyterLab:\n- " + "\n- ".join(report.problems)


@pytest.mark.parametrize("path", NOTEBOOKS or ["(none)"])
def test_notebook_runs_in_jupyterlab(path, lab, browser):
    assert_runs_clean(path, browser, "no lesson notebooks (notebooks/NN-*.ipynb) or exercise copies "
                                     "(exercises/release/) found")
