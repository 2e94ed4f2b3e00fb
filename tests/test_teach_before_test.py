"""Teach before testing: every technique an exercise solution uses appears in a lesson code cell
at or before that exercise set (issue: lessons that fit a class period).

A technique is read off the solution's syntax tree: a method or attribute (`.merge`, `.loc`,
`.isin`), a function called by name (`interval_for`, `list`), an operator that beginners trip on
(`&`, `|`, `~`), a comparison, a keyword argument (`how=`), two-bracket column selection
(`table[["a", "b"]]`), `.loc[rows, cols]` and comprehensions.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]*.ipynb"))
MASTERS = sorted((ROOT / "exercises" / "source").glob("[0-9][0-9]*/*.ipynb"))
_OPS = {ast.BitAnd: "&", ast.BitOr: "|", ast.Invert: "~", ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<",
        ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.In: "in", ast.NotIn: "not in"}
_IGNORED = {"answer_q1", "answer_q2", "answer_q3", "answer_q4", "answer_q5", "answer_q6", "print", "display"}


def techniques(source: str) -> set[str]:
    """The techniques a piece of code uses (see the module docstring)."""
    source = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            found.add("." + node.attr)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            found.add(node.func.id + "()")
        elif isinstance(node, (ast.BinOp, ast.UnaryOp)) and type(node.op) in _OPS:
            found.add(_OPS[type(node.op)])
        elif isinstance(node, ast.Compare):
            found.update(_OPS[type(op)] for op in node.ops if type(op) in _OPS)
        elif isinstance(node, ast.keyword) and node.arg:
            found.add(node.arg + "=")
        elif isinstance(node, ast.Subscript):
            if isinstance(node.slice, ast.List):
                found.add('[["column", ...]]')
            if isinstance(node.value, ast.Attribute) and node.value.attr == "loc" and isinstance(node.slice, ast.Tuple):
                found.add(".loc[rows, columns]")
        elif isinstance(node, (ast.ListComp, ast.DictComp, ast.SetComp, ast.GeneratorExp)):
            found.add("comprehension")
    return {t for t in found if t.rstrip("()") not in _IGNORED}


def _number(path: Path) -> str:
    return re.match(r"\d+", path.name if path.suffix == ".ipynb" and path.parent.name != path.stem else path.name).group(0)


def _solutions(master: Path) -> str:
    nb = nbformat.read(master, as_version=4)
    return "\n".join(c.source for c in nb.cells
                     if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution"))


def _taught_up_to(number: str) -> set[str]:
    taught: set[str] = set()
    for lesson in LESSONS:
        if re.match(r"\d+", lesson.name).group(0) <= number:
            nb = nbformat.read(lesson, as_version=4)
            for cell in nb.cells:
                if cell.cell_type == "code":
                    taught |= techniques(cell.source)
    return taught


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.parent.name)
def test_every_technique_is_taught_before_the_set(master):
    number = re.match(r"\d+", master.parent.name).group(0)
    missing = techniques(_solutions(master)) - _taught_up_to(number)
    assert not missing, f"set {master.parent.name} uses techniques no lesson up to {number} shows: {sorted(missing)}"


def test_the_technique_reader_sees_what_beginners_trip_on():
    found = techniques('t.loc[(t["a"] == 1) & t["b"].isin(["x"]), ["a", "b"]]')
    assert {".loc[rows, columns]", "&", "==", ".isin"} <= found
    assert '[["column", ...]]' in techniques('t[["a", "b"]]')
