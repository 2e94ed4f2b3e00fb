"""The class report of the pre/post assessment: per-skill results, a chart, its description, a table.

Input: an nbgrader export. The per-item export (``critical_reading.assessment_export``) gives
results per skill; nbgrader's standard ``grades.csv`` (one total per student and form) gives the
overall result only. Each graded item's skill comes from the masters' cell metadata
(``assessment/source/*/*.ipynb``, ``metadata["assessment"]["skill"]``), so the report and the
forms cannot disagree. Students appear only as counts unless the teacher asks (``names=True``).

``scripts/class_report.py`` (``make class-report``) writes the report; :func:`example_class`
makes a synthetic class to try it on.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd

from .assessment import METADATA_KEY, SKILLS, skill_name
from .errors import LearnerError
from .messages import say
from .render import PALETTE, Chart, new_figure

ROOT = Path(__file__).resolve().parent.parent
MASTERS = ROOT / "assessment" / "source"
PRE, POST = "assessment-a", "assessment-b"


class ReportError(LearnerError):
    """The grades file cannot be reported on; the message says why, in one line."""


def item_skills(masters: Path = MASTERS) -> pd.DataFrame:
    """One row per graded item of every form: ``assignment, grade_id, skill, kind, points``."""
    rows = []
    for path in sorted(masters.glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            grading, tag = cell.metadata.get("nbgrader", {}), cell.metadata.get(METADATA_KEY)
            if grading.get("grade") and tag:
                rows.append({"assignment": path.parent.name, "grade_id": grading["grade_id"],
                             "skill": tag["skill"], "kind": tag["kind"], "points": float(grading["points"])})
    return pd.DataFrame(rows, columns=["assignment", "grade_id", "skill", "kind", "points"])


def read_grades(path: Path) -> pd.DataFrame:
    """An nbgrader export (per item, or nbgrader's own totals), checked; numbers as floats."""
    if not path.exists():
        raise ReportError(say("assessment.problem.missing_file", path=path))
    grades = pd.read_csv(path, dtype=str, keep_default_na=False)
    for column in ("assignment", "student_id", "score", "max_score"):
        if column not in grades.columns:
            raise ReportError(say("assessment.problem.columns", path=path, column=column))
    for column in ("score", "max_score"):
        numbers = pd.to_numeric(grades[column].str.strip().replace("", "0"), errors="coerce")
        if numbers.isna().any():
            index = numbers[numbers.isna()].index[0]
            raise ReportError(say("assessment.problem.number", path=path, line=index + 2, column=column,
                                  value=grades.at[index, column]))
        grades[column] = numbers.astype(float)
    return grades


def example_class(items: pd.DataFrame | None = None, students: int = 24, seed: int = 2031,
                  pre: str = PRE, post: str = POST) -> pd.DataFrame:
    """A synthetic per-item grades file: ``students`` invented students, better after than before.

    Deterministic for a given ``seed``. Ids are ``student01``…; one student missed the post-test.
    """
    items = item_skills() if items is None else items
    chance = random.Random(seed)
    base = {skill: 0.25 + 0.05 * i for i, skill in enumerate(SKILLS)}
    rows = []
    for n in range(1, students + 1):
        ability = chance.uniform(-0.15, 0.15)
        for form, gain in ((pre, 0.0), (post, 0.3)):
            if form == post and n == students:
                continue
            for item in items[items["assignment"] == form].itertuples(index=False):
                p = min(max(base[item.skill] + gain + ability, 0.02), 0.98)
                if item.kind == "written":
                    score = sum(chance.random() < p for _ in range(int(item.points)))
                else:
                    score = item.points if chance.random() < p else 0.0
                rows.append({"assignment": form, "student_id": f"student{n:02d}", "notebook": form,
                             "grade_id": item.grade_id, "score": float(score), "max_score": item.points,
                             "needs_manual_grade": False})
    return pd.DataFrame(rows)


@dataclass
class ClassReport:
    """The report: ``table`` per skill (or overall), the chart, and the lines of text around them."""

    table: pd.DataFrame
    chart: Chart | None
    notes: list[str]
    students: pd.DataFrame | None = None

    def markdown(self) -> str:
        """The report as Markdown: title, notes, chart (as ``class-report.png``) and its description, table."""
        lines = [f"# {say('assessment.report.title')}", "", *[f"{n}\n" for n in self.notes]]
        if self.chart is not None:
            lines += [f"![{say('assessment.report.image_alt')}](class-report.png)", "",
                      f"**{say('render.chart_description')}.** {self.chart.alt_text}", ""]
        lines += [_markdown_table(self.table), ""]
        if self.students is not None:
            lines += [say("assessment.report.names_note"), "", _markdown_table(self.students), ""]
        return "\n".join(lines)


def _markdown_table(frame: pd.DataFrame) -> str:
    def cell(value, column: str) -> str:
        if isinstance(value, float):
            return "" if pd.isna(value) else f"{value:+.0f}" if column.startswith("change") else f"{value:.0f}"
        return str(value)
    head = "| " + " | ".join(map(str, frame.columns)) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    body = ["| " + " | ".join(cell(v, str(c)) for v, c in zip(row, frame.columns)) + " |"
            for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def _percent(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    sums = frame.groupby(by, sort=False)[["score", "max_score"]].sum()
    return (100 * sums["score"] / sums["max_score"]).rename("percent").reset_index()


def class_report(grades: pd.DataFrame, items: pd.DataFrame | None = None, pre: str = PRE, post: str = POST,
                 names: bool = False, source: str = "grades") -> ClassReport:
    """Per-skill pre/post results of a class from an nbgrader export (see :func:`read_grades`)."""
    items = item_skills() if items is None else items
    found = sorted(set(grades["assignment"]))
    for form in (pre, post):
        if form not in found:
            raise ReportError(say("assessment.problem.form", path=source, form=form, found=", ".join(found) or "none"))
    grades = grades[grades["assignment"].isin([pre, post])]
    took = grades.groupby("assignment")["student_id"].apply(set)
    both = took.get(pre, set()) & took.get(post, set())
    notes = [say("assessment.report.intro", pre=_form(pre), post=_form(post), matched=len(both))]
    matched = grades[grades["student_id"].isin(both)]
    if "grade_id" not in grades.columns:
        notes.append(say("assessment.report.totals_only"))
        per_student = _percent(matched, ["student_id", "assignment"])
        per_student["skill"] = "overall"
    else:
        known = items.set_index(["assignment", "grade_id"])["skill"]
        keys = list(zip(matched["assignment"], matched["grade_id"]))
        unknown = [i for i, key in zip(matched.index, keys) if key not in known.index]
        if unknown:
            raise ReportError(say("assessment.problem.item", path=source, line=unknown[0] + 2,
                                  grade_id=matched.at[unknown[0], "grade_id"],
                                  form=matched.at[unknown[0], "assignment"], masters=MASTERS.relative_to(ROOT)))
        matched = matched.assign(skill=[known[key] for key in keys])
        if "needs_manual_grade" in matched.columns:
            waiting = matched["needs_manual_grade"].astype(str).str.lower().isin(["true", "1"]).sum()
            if waiting:
                notes.append(say("assessment.report.unmarked", count=int(waiting)))
        per_student = _percent(matched, ["student_id", "assignment", "skill"])
    wide = per_student.pivot_table(index=["skill", "student_id"], columns="assignment", values="percent").reset_index()
    order = [s for s in SKILLS if s in set(wide["skill"])] or ["overall"]
    rows = []
    for skill in order:
        part = wide[wide["skill"] == skill]
        change = part[post] - part[pre]
        rows.append({"skill": skill_name(skill) if skill in SKILLS else say("assessment.report.overall"),
                     "before (%)": part[pre].mean(), "after (%)": part[post].mean(),
                     "change (points)": change.mean(), "students improved": int((change > 0).sum()),
                     "same": int((change == 0).sum()), "lower": int((change < 0).sum())})
    table = pd.DataFrame(rows)
    chart = skill_chart(table, pre, post) if len(table) else None
    students = None
    if names:
        overall = _percent(matched, ["student_id", "assignment"]).pivot(index="student_id", columns="assignment",
                                                                        values="percent")
        students = pd.DataFrame({"student": overall.index, "before (%)": overall[pre].values,
                                 "after (%)": overall[post].values})
    return ClassReport(table, chart, notes, students)


def _form(assignment: str) -> str:
    return assignment.rsplit("-", 1)[-1].upper()


def describe(table: pd.DataFrame, pre: str = PRE, post: str = POST) -> str:
    """The chart's text description, generated from the same table."""
    details = " ".join(say("assessment.report.skill_line", skill=r["skill"], before=r["before (%)"],
                           after=r["after (%)"], change=r["change (points)"]) for _, r in table.iterrows())
    text = say("assessment.report.chart_alt", pre=_form(pre), post=_form(post), details=details)
    if len(table) > 1:
        top, low = table.loc[table["change (points)"].idxmax()], table.loc[table["change (points)"].idxmin()]
        text += " " + say("assessment.report.largest", skill=top["skill"], change=top["change (points)"],
                          low_skill=low["skill"], low_change=low["change (points)"])
    return text


def skill_chart(table: pd.DataFrame, pre: str = PRE, post: str = POST) -> Chart:
    """Paired horizontal bars per skill, before (hatched) and after (solid), each with its number."""
    figure, axes = new_figure(8, 0.7 * len(table) + 1.4)
    axes.grid(True, axis="x", color="#dddddd", linewidth=0.8)
    axes.grid(False, axis="y")
    positions = range(len(table))
    for offset, column, style in ((-0.18, "before (%)", {"color": "white", "edgecolor": PALETTE["blue"], "hatch": "///"}),
                                  (0.18, "after (%)", {"color": PALETTE["blue"], "edgecolor": PALETTE["blue"]})):
        label = (say("assessment.report.legend_before", form=_form(pre)) if column.startswith("before")
                 else say("assessment.report.legend_after", form=_form(post)))
        bars = axes.barh([p + offset for p in positions], table[column], height=0.34, label=label, **style)
        axes.bar_label(bars, labels=[f"{v:.0f}%" for v in table[column]], padding=3, fontsize=8)
    axes.set_yticks(list(positions), table["skill"])
    axes.invert_yaxis()
    axes.set_xlim(0, 110)
    axes.set_xlabel(say("assessment.report.chart_xlabel"))
    axes.set_title(say("assessment.report.chart_title"))
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=8, frameon=False)
    return Chart(figure, describe(table, pre, post))
