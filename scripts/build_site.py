#!/usr/bin/env python3
"""Build the course site: every lesson with its stored outputs, the exercises, the guides (make site).

    .venv/bin/python scripts/build_site.py            # build/site/_build/html/index.html

Jupyter Book 1 (Sphinx) builds it offline, without running any notebook (the lessons' stored
outputs are shown as they are), with Sphinx warnings as errors, then checks every internal link
of the built pages. The table of contents is generated at build time from what is in the course:
``notebooks/[0-9]*.ipynb``, the student copies in ``exercises/release/``, every guide in
``docs/`` (``docs/source-notes.md`` included when present), ``data/README.md``, and the Vietnamese
edition's front page, lessons and guides (``vi/``; the first-line note that records which
English a guide translates is left out). Nothing is listed by hand, so re-cut lessons appear on
the next build.

What is never published: the exercise masters (``exercises/source/``, the solutions), the
teacher-only model answers (``teacher/``) and the answer key (``build/teacher/``). Only the
folders above are copied into the site's source (``build/site-src/``); a link in a guide to a
file that is not published is turned into the file's path in plain text.

While ``[tool.course]`` repository is the unpublished placeholder, the home page shows a warning
where the Binder badge would be, and the build says so (it still builds).
"""

from __future__ import annotations

import argparse
import html.parser
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
FIRST_GUIDES = ["docs/student-guide.md", "docs/teacher-guide.md", "docs/exercises.md"]
LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s]+)\)")
# A translated guide's first line records which English it translates, and that English's hash
# (scripts/translations.py): a note for the translators' tools, not for readers of the site.
TRANSLATION_NOTE = re.compile(r"\A<!-- translation of [^\n]*-->\r?\n")


def hub_link_module() -> ModuleType:
    """scripts/hub_link.py, loaded as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("hub_link_for_site", ROOT / "scripts" / "hub_link.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def published(root: Path = ROOT) -> dict[str, list[str]]:
    """The site's pages by part, as repository-relative paths, found by glob."""
    lessons = sorted(p.relative_to(root).as_posix() for p in root.glob("notebooks/[0-9]*.ipynb"))
    exercises = sorted(p.relative_to(root).as_posix() for p in root.glob("exercises/release/*/*.ipynb"))
    docs = sorted(p.relative_to(root).as_posix() for p in root.glob("docs/*.md"))
    guides = [d for d in FIRST_GUIDES if d in docs] + [d for d in docs if d not in FIRST_GUIDES]
    if (root / "data" / "README.md").exists():
        guides.append("data/README.md")
    vietnamese = ([p for p in ["vi/README.md"] if (root / p).exists()]
                  + sorted(p.relative_to(root).as_posix() for p in root.glob("vi/notebooks/[0-9]*.ipynb"))
                  + sorted(p.relative_to(root).as_posix() for p in root.glob("vi/docs/*.md")))
    return {"Lessons": lessons, "Exercises (student copies)": exercises, "Guides": guides,
            "Tiếng Việt (the Vietnamese edition)": vietnamese}


def rewrite_links(markdown: str, page: str, pages: set[str]) -> str:
    """Keep a relative link whose target is published; turn any other into its path in plain text."""
    def replace(match: re.Match) -> str:
        text, target = match.groups()
        parts = urlsplit(target)
        if parts.scheme or target.startswith(("#", "mailto:")):
            return match.group(0)
        resolved = (Path(page).parent / unquote(parts.path)).as_posix()
        normal = Path(resolved)
        stack: list[str] = []
        for part in normal.parts:
            if part == "..":
                if stack:
                    stack.pop()
            elif part != ".":
                stack.append(part)
        resolved = "/".join(stack)
        if resolved in pages:
            return match.group(0)
        return f"{text} (`{resolved}` in the course folder)" if text.strip("`") != resolved else f"`{resolved}`"
    return LINK.sub(replace, markdown)


def home_page(root: Path = ROOT) -> tuple[str, str | None]:
    """The site's index.md, and the warning when the Binder badge cannot be shown."""
    hub_link = hub_link_module()
    settings = hub_link.course_settings(root)
    warning = None
    if hub_link.is_placeholder(settings.get("repository")):
        warning = ("the course's repository is still the unpublished placeholder "
                   f"({settings.get('repository')}): no Binder badge on the site until `repository` "
                   "in [tool.course] of pyproject.toml is set")
        badge = (":::{warning}\n**No Binder badge yet.** The course's repository is still the unpublished "
                 f"placeholder `{settings.get('repository')}`. Set `repository` in `[tool.course]` of "
                 "`pyproject.toml` to the course's public address and rebuild the site "
                 "(`make site`); the badge then appears here.\n:::\n")
    else:
        badge = hub_link.binder_badge(settings) + "\n"
    text = ["# Reading a war report critically\n", badge,
            "One real news article (a Vietnamese translation of a Fox News Digital report of 14 November 2025 "
            "about North Korean soldiers clearing mines in Russia's Kursk region), read critically in a series "
            "of Jupyter notebooks. This site shows every lesson with its stored outputs, for reading and "
            "projecting; nothing here runs code. Use the download button (top right of each page) to get a "
            "notebook, or open the course on Binder or your school's JupyterHub to run it.\n"]
    return "\n".join(text), warning


def stage(root: Path = ROOT, out: Path = BUILD / "site-src") -> tuple[Path, str | None]:
    """Copy the published files into ``out`` with a generated _toc.yml and _config.yml."""
    if out.exists():
        shutil.rmtree(out)
    parts = published(root)
    pages = {page for group in parts.values() for page in group}
    for page in sorted(pages):
        target = out / page
        target.parent.mkdir(parents=True, exist_ok=True)
        if page.endswith(".ipynb"):
            nb = json.loads((root / page).read_text(encoding="utf-8"))
            for cell in nb["cells"]:
                if cell["cell_type"] == "markdown":
                    source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                    cell["source"] = rewrite_links(source, page, pages)
            target.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            text = TRANSLATION_NOTE.sub("", (root / page).read_text(encoding="utf-8"), count=1)
            target.write_text(rewrite_links(text, page, pages), encoding="utf-8")
    index, warning = home_page(root)
    (out / "index.md").write_text(index, encoding="utf-8")
    toc = ["format: jb-book", "root: index", "parts:"]
    for caption, group in parts.items():
        if group:
            toc += [f"  - caption: {json.dumps(caption)}", "    chapters:"]
            toc += [f"      - file: {json.dumps(page.rsplit('.', 1)[0])}" for page in group]
    (out / "_toc.yml").write_text("\n".join(toc) + "\n", encoding="utf-8")
    (out / "_config.yml").write_text(CONFIG, encoding="utf-8")
    return out, warning


CONFIG = """\
title: Reading a war report critically
author: the course's authors
only_build_toc_files: true
execute:
  execute_notebooks: "off"
html:
  use_download_button: true   # .ipynb (and .md) download on every page
  use_repository_button: false
  use_issues_button: false
  use_edit_page_button: false
  extra_footer: "Built with Jupyter Book 1 from the course's files; no code is run."
launch_buttons:
  notebook_interface: jupyterlab
sphinx:
  config:
    myst_heading_anchors: 3
    # A guide may skip a heading level (## then ####): legible, and not worth failing the build.
    # Anchors written as HTML (<a id="s3"></a>, which GitHub and JupyterLab also follow) are not
    # Sphinx labels; the built pages' own link check below proves every #anchor exists.
    suppress_warnings: ["myst.header", "myst.xref_missing"]
    html_show_copyright: false
    html_last_updated_fmt: ""
    language: en
"""


class Links(html.parser.HTMLParser):
    """Collect href and src attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.targets.append(value)


def broken_links(html_dir: Path) -> list[str]:
    """Internal links of the built pages whose file (or #anchor) does not exist: 'page -> target'."""
    ids: dict[Path, set[str]] = {}
    broken = []
    pages = sorted(p for p in html_dir.rglob("*.html") if not p.relative_to(html_dir).parts[0].startswith("_"))
    for page in pages:
        ids[page] = set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for target in parser.targets:
            parts = urlsplit(target)
            if parts.scheme or target.startswith(("//", "mailto:", "data:", "javascript:")):
                continue
            file = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if file.is_dir():
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{page.relative_to(html_dir)} -> {target}")
            elif parts.fragment and file.suffix == ".html" and file in ids and unquote(parts.fragment) not in ids[file]:
                broken.append(f"{page.relative_to(html_dir)} -> {target} (no such anchor)")
    return broken


def build(root: Path = ROOT, out: Path = BUILD / "site") -> Path:
    """Stage, build with warnings as errors, check internal links; return the html folder."""
    source, warning = stage(root, out.parent / "site-src")
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    if out.exists():
        shutil.rmtree(out)
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(source), "--path-output", str(out),
               "--builder", "html", "-W", "-n", "--keep-going", "-q"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
        raise SystemExit("make site: the build failed (warnings count as errors):\n" + "\n".join(lines[-40:]))
    html_dir = out / "_build" / "html"
    broken = broken_links(html_dir)
    if broken:
        raise SystemExit("make site: broken internal links:\n" + "\n".join(broken))
    return html_dir


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    start = time.perf_counter()
    html_dir = build()
    print(f"built {html_dir.relative_to(ROOT)}/index.html in {time.perf_counter() - start:.0f} s; "
          "internal links checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
