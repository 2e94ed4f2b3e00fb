"""Lesson 03's outside estimates: the dated estimates, their timeline, and the reconciliation widget.

- :func:`estimates_table`, :func:`estimate_details` and :func:`after_publication` — the dated
  outside estimates with their links;
- :func:`check_assumptions`, :func:`agreement_table` and :func:`nearest_in_time` — the learner's
  assumptions (share of casualties killed, sources, as-of date) and what follows from them;
- :func:`timeline_chart` — the estimates and the article's figures on one accessible chart;
- :func:`reconcile` and :func:`reconciliation_widget` — the lesson's widget.

Sources are ``source_id`` values of ``sources.csv`` (``estimates.source_id``); the display
name is ``estimates.source``. Every sentence a learner sees is in ``catalogue/en/estimates.toml``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from .data import Tables
from .errors import AssumptionError
from .figures import (
    _date,
    _estimate_item,
    _iso,
    _num,
    add_intervals,
    check_share,
    describe_people,
    describe_share,
    estimate_text,
    implied_killed,
    share_range,
)
from .intervals import ABOUT_TOLERANCE, Interval, format_number, qualified, row_interval
from .messages import code, format_date, listed, say
from .render import MARKERS, PALETTE, Chart, Paragraph, Rendered, Stack, TableView, interactive_view, new_figure

#: The one way a learner writes a date as text: ``2025-11-14``.
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

#: Sources a learner chooses: ``source_id`` values, one as a string, or ``None`` for all.
Sources = Sequence[str] | str | None

#: Estimate quantities that count losses: the two measures the timeline shows.
LOSS_QUANTITIES = ("killed", "casualties")

#: How each measure is drawn: colour (Okabe–Ito), marker and hatch, so meaning never
#: rests on colour alone.
STYLE = {
    "killed": {"color": PALETTE["vermillion"], "marker": MARKERS[0], "hatch": "///"},
    "casualties": {"color": PALETTE["blue"], "marker": MARKERS[1], "hatch": "..."},
    "implied": {"color": PALETTE["green"], "marker": MARKERS[2], "hatch": "xx"},
    "article": {"marker": MARKERS[7]},
}

#: Definitions of troop counts that cover only the first deployment, not all troops sent
#: (``estimates.csv``: "troops sent (first deployment)", "troops sent initially").


def _estimate_frame(tables: Tables, rows: pd.DataFrame, about_tolerance: float) -> pd.DataFrame:
    out = []
    for _, row in rows.iterrows():
        interval = row_interval(row, about_tolerance)
        out.append({"id": row["estimate_id"], "date": _date(row["date"]), "source": estimate_text(tables, row, "source"),
                    "via": estimate_text(tables, row, "via") if pd.notna(row["via"]) else "", "side": row["side"],
                    "quantity": row["quantity"], "definition": estimate_text(tables, row, "definition"),
                    "low": interval.low, "best": float(row["value"]), "high": interval.high,
                    "range": describe_people(interval), "url": row["url"]})
    return pd.DataFrame(out, columns=["id", "date", "source", "via", "side", "quantity", "definition",
                                      "low", "best", "high", "range", "url"])


def loss_sources(tables: Tables) -> list[str]:
    """The sources (``source_id``) with an outside estimate of killed or casualties, in order of first date."""
    e = tables.estimates[tables.estimates["quantity"].isin(LOSS_QUANTITIES)].sort_values("date", kind="stable")
    return list(dict.fromkeys(e["source_id"]))


def in_sentence(tables: Tables, source_id: str, name: str) -> str:
    """A source's name inside a sentence: an unnamed one ("Unnamed … sources") starts lower case."""
    return name if bool(tables.source(source_id)["named"]) else name[0].lower() + name[1:]


def source_label(tables: Tables, source_id: str) -> str:
    """How the estimates table names a source (``estimates.source``), else its ``sources.name_en``."""
    shown = tables.estimates.loc[tables.estimates["source_id"] == source_id, "source"]
    return str(tables.shown("estimates", "source", shown.iloc[0])) if len(shown) else tables.source_name(source_id)


def estimate_dates(tables: Tables) -> list[dt.date]:
    """Every date on which an outside estimate was published, in order."""
    return sorted({_date(d) for d in tables.estimates["date"]})


@dataclass(frozen=True)
class Assumptions:
    """A checked set of choices: share killed (or ``None``), sources, as-of date."""

    share: float | None
    sources: tuple[str, ...]
    as_of: dt.date


def check_assumptions(tables: Tables, share: float | None = None, sources: Sources = None, as_of: object = None) -> Assumptions:
    """Check the learner's choices and return them tidied, or raise :class:`AssumptionError`.

    - ``share``: the share of casualties killed, between 0 and 1 (``None``: no assumption);
    - ``sources``: ``source_id`` values from :func:`loss_sources` (``None``: all of them; empty: refused);
    - ``as_of``: a date (``date``, ``Timestamp`` or ``"YYYY-MM-DD"``) within the estimates'
      dates (``None``: the article's date).
    """
    share = None if share is None else check_share(share)
    allowed = loss_sources(tables)
    if sources is None:
        chosen = tuple(allowed)
    else:
        chosen = (sources,) if isinstance(sources, str) else tuple(sources)
        if not chosen:
            raise AssumptionError(say("estimates.no_source"))
        unknown = [s for s in chosen if s not in allowed]
        if unknown:
            raise AssumptionError(say("estimates.unknown_source", source=unknown[0], allowed=", ".join(allowed)))
    if as_of is None:
        day = tables.publication_date
    else:
        if isinstance(as_of, (bool, int, float)) or (isinstance(as_of, str) and not ISO_DATE.fullmatch(as_of.strip())):
            # "01/12/2025" would be read month first (12 January): only YYYY-MM-DD is unambiguous
            raise AssumptionError(say("estimates.not_a_date", value=as_of, example=tables.publication_date.isoformat()))
        try:
            stamp = pd.Timestamp(as_of)
        except (ValueError, TypeError):
            raise AssumptionError(say("estimates.not_a_date", value=as_of, example=tables.publication_date.isoformat())) from None
        if pd.isna(stamp):
            raise AssumptionError(say("estimates.no_date", example=tables.publication_date.isoformat()))
        day = stamp.date()
    first, last = estimate_dates(tables)[0], estimate_dates(tables)[-1]
    if not first <= day <= last:
        raise AssumptionError(say("estimates.outside_data", day=day.isoformat(), first=first.isoformat(),
                                  last=last.isoformat()))
    return Assumptions(share, chosen, day)


def _selected(tables: Tables, a: Assumptions, quantities: Sequence[str] = LOSS_QUANTITIES) -> pd.DataFrame:
    e = tables.estimates
    mask = (e["quantity"].isin(quantities) & e["source_id"].isin(a.sources)
            & (e["date"] <= pd.Timestamp(a.as_of)))
    return e[mask].sort_values(["date", "estimate_id"], kind="stable")


def estimates_table(tables: Tables, quantities: Sequence[str] = LOSS_QUANTITIES, sources: Sources = None, as_of: object = None,
                    about_tolerance: float = ABOUT_TOLERANCE) -> TableView:
    """The dated outside estimates of the given quantities, low / best / high, with links.

    ``best`` is the number the source gave; ``low`` and ``high`` follow from its qualifier
    (``inf``: no upper bound), in the spirit of UCDP's low / best / high. ``as_of`` defaults
    to the last date in the data, so every estimate is listed.
    """
    a = check_assumptions(tables, None, sources, as_of if as_of is not None else estimate_dates(tables)[-1])
    return TableView(_estimate_frame(tables, _selected(tables, a, tuple(quantities)), about_tolerance))


def estimate_details(tables: Tables, estimate_ids: Sequence[str] | str,
                     about_tolerance: float = ABOUT_TOLERANCE) -> TableView:
    """The given outside estimates, each with its date, source, definition, range and link."""
    ids = [estimate_ids] if isinstance(estimate_ids, str) else list(estimate_ids)
    rows = pd.concat([tables.estimate(i).to_frame().T for i in ids])
    rows = rows.astype({"value": "Float64", "low": "Float64", "high": "Float64"})
    frame = _estimate_frame(tables, rows, about_tolerance).drop(columns=["low", "best", "high"])
    notes = [("" if pd.isna(row["note_en"]) else estimate_text(tables, row, "note_en")) for _, row in rows.iterrows()]
    return TableView(frame.assign(note=notes))


def after_publication(tables: Tables) -> TableView:
    """Outside estimates published after the article's date, with how many days after."""
    e = tables.estimates[tables.estimates["date"] > pd.Timestamp(tables.publication_date)]
    frame = _estimate_frame(tables, e, ABOUT_TOLERANCE).drop(columns=["low", "best", "high"])
    days = [(_date(d) - tables.publication_date).days for d in e["date"]]
    return TableView(frame.assign(**{say("estimates.days_after"): days}))


def shares_from_killed_and_wounded(tables: Tables, about_tolerance: float = ABOUT_TOLERANCE) -> pd.DataFrame:
    """Where one source gives killed and wounded on the same date: the share killed.

    The share is of killed + wounded, which leaves out the missing and captured, so it
    is at most the share of all casualties. Columns: ``date``, ``source``, ``ids``,
    ``killed``, ``wounded``, ``share killed``.
    """
    e = tables.estimates
    rows = []
    for (day, source), group in e.groupby(["date", "source"], sort=True):
        by_quantity = group.set_index("quantity")
        if not {"killed", "wounded"} <= set(by_quantity.index):
            continue
        killed = row_interval(by_quantity.loc["killed"], about_tolerance)
        wounded = row_interval(by_quantity.loc["wounded"], about_tolerance)
        share = share_range(killed, add_intervals(killed, wounded))
        # the killed and wounded vary independently, so take the extremes of k / (k + w)
        low = killed.low / (killed.low + wounded.high)
        high = 1.0 if killed.is_open else killed.high / (killed.high + wounded.low)
        share = Interval(max(low, share.low), min(high, share.high))
        rows.append({"date": _date(day), "source": tables.shown("estimates", "source", source),
                     "ids": f"{by_quantity.at['killed', 'estimate_id']}+{by_quantity.at['wounded', 'estimate_id']}",
                     "killed": describe_people(killed),
                     "wounded": describe_people(wounded), "share killed": describe_share(share)})
    return pd.DataFrame(rows)


def nearest_in_time(frame: pd.DataFrame, day: object) -> pd.Series | None:
    """The row of ``frame`` whose ``date`` is nearest to ``day`` (the earlier one on a tie).

    The course's one rule for pairing a casualty estimate with an estimate of deaths,
    used by :func:`agreement_table` and :func:`reconciled_statement`. Returns ``None``
    for an empty frame.
    """
    if frame.empty:
        return None
    ordered = frame.sort_values(["date", "estimate_id"], kind="stable")
    gaps = (ordered["date"] - pd.Timestamp(day)).abs()
    return ordered.loc[gaps.idxmin()]


def agreement_table(tables: Tables, share: float | None = None, sources: Sources = None, as_of: object = None,
                    about_tolerance: float = ABOUT_TOLERANCE) -> pd.DataFrame:
    """Each casualty estimate beside the estimate of deaths nearest to it in time.

    For each pair: the share killed that would make them agree; and, when ``share`` is
    given, the killed it implies and whether that agrees. Uses only the chosen
    ``sources`` and estimates published by ``as_of`` (see :func:`check_assumptions`).
    """
    a = check_assumptions(tables, share, sources, as_of)
    chosen = _selected(tables, a)
    killed = chosen[chosen["quantity"] == "killed"]
    rows = []
    for _, cas in chosen[chosen["quantity"] == "casualties"].iterrows():
        c_item = _estimate_item(tables, cas["estimate_id"], about_tolerance)
        row = {say("estimates.col_casualties"): say("estimates.pair", label=c_item.label,
                                                    source=estimate_text(tables, cas, "source"),
                                                    date=_iso(c_item.date), interval=describe_people(c_item.interval))}
        if killed.empty:
            row.update({say("estimates.col_nearest"): say("estimates.none_chosen"), say("estimates.col_days"): None,
                        say("estimates.col_agree_if"): ""})
        else:
            k = nearest_in_time(killed, cas["date"])
            k_item = _estimate_item(tables, k["estimate_id"], about_tolerance)
            needed = share_range(k_item.interval, c_item.interval)
            row.update({say("estimates.col_nearest"): say("estimates.pair", label=k_item.label,
                                                          source=estimate_text(tables, k, "source"),
                                                          date=_iso(k_item.date),
                                                          interval=describe_people(k_item.interval)),
                        say("estimates.col_days"): abs((k["date"] - cas["date"]).days),
                        say("estimates.col_agree_if"): describe_share(needed) if needed else say("estimates.never")})
        if a.share is not None:
            implied = implied_killed(c_item.interval, a.share)
            row[say("estimates.killed_at_share", share=a.share)] = describe_people(implied)
            row[say("estimates.col_agrees")] = ("" if killed.empty else say("estimates.yes")
                                            if implied.overlaps(k_item.interval) else say("estimates.no"))
        rows.append(row)
    if not rows:
        raise AssumptionError(say("estimates.no_casualty_estimate", as_of=format_date(a.as_of)))
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- the chart

def _value_label(tables: Tables, row: pd.Series) -> str:
    return say("estimates.value_label", source=estimate_text(tables, row, "source"),
               value=qualified(row["qualifier"], float(row["value"]), symbol=True))


def timeline_chart(tables: Tables, share: float | None = None, sources: Sources = None, as_of: object = None,
                   about_tolerance: float = ABOUT_TOLERANCE) -> Chart:
    """The outside estimates of killed and casualties as a dated timeline, with the article's figures.

    Each estimate is a band from low to high with its best value marked (an arrow:
    no upper bound). Killed: vermillion circles, hatched ///; casualties: blue squares,
    dotted. The article's loss figures are stars: dated ones at the article's date,
    undated ones in a separate "undated" strip. With ``share``, green triangles show
    the killed each casualty figure implies at that share. The alt text lists every
    point, made from the same rows.
    """
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    a = check_assumptions(tables, share, sources, as_of)
    chosen = _selected(tables, a)
    pub = tables.publication_date
    article = tables.figures[tables.figures["quantity"].isin(LOSS_QUANTITIES)]
    share_row = tables.figures[tables.figures["quantity"] == "share_killed"]

    def num(day: dt.date) -> float:
        return mdates.date2num(day)

    finite = [v for _, r in chosen.iterrows() for v in (_num(r["low"]), _num(r["high"])) if v is not None]
    finite += [float(v) for v in article["low"]]
    top = max(finite) * 1.25
    start = min([_date(d) for d in chosen["date"]] + [pub]) - dt.timedelta(days=25)
    end = max(a.as_of, pub) + dt.timedelta(days=25)
    undated_x = num(end) + 45
    fig, ax = new_figure(9.5, 5)
    ax.axvspan(num(end) + 15, undated_x + 40, color="#eeeeee", zorder=0)
    ax.text(undated_x, top * 1.16, say("estimates.undated_strip"), ha="center", va="top", fontsize=8)
    ax.axvline(num(pub), color=PALETTE["black"], linestyle=":", linewidth=1)
    ax.text(num(pub), top * 1.16, say("estimates.published"), ha="right", va="top", fontsize=8)
    if a.as_of != pub:
        ax.axvline(num(a.as_of), color=PALETTE["black"], linestyle="-.", linewidth=1)
        ax.text(num(a.as_of), top * 0.03, say("estimates.as_of_line", as_of=format_date(a.as_of)), ha="left",
                va="bottom", fontsize=8)

    def band(x, interval, style, best=None, hollow=False, width=9.0, label=None, label_side="right"):
        high = top if interval.is_open else interval.high
        ax.bar(x, max(high - interval.low, top * 0.004), bottom=interval.low, width=width,
               color=style["color"], alpha=0.18, hatch=style["hatch"], edgecolor=style["color"],
               linestyle="--" if hollow else "-", linewidth=0.8, zorder=2)
        if interval.is_open:
            ax.annotate("", xy=(x, top), xytext=(x, top * 0.93),
                        arrowprops={"arrowstyle": "-|>", "color": style["color"], "lw": 1.2}, zorder=3)
        y = interval.low if best is None else best
        ax.plot([x], [y], marker=style["marker"], markersize=7, linestyle="none", zorder=4,
                markerfacecolor="white" if hollow else style["color"], markeredgecolor=PALETTE["black"])
        if label:
            ax.annotate(label, (x, y), xytext=(6 if label_side == "right" else -6, 0),
                        textcoords="offset points", ha="left" if label_side == "right" else "right",
                        va="center", fontsize=7.5, zorder=5,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})

    alt_points = {"killed": [], "casualties": [], "implied": [], "article": []}
    previous = {}
    for _, row in chosen.iterrows():
        q, day = row["quantity"], _date(row["date"])
        interval = row_interval(row, about_tolerance)
        near = previous.get(q)
        side = "left" if near is not None and (day - near).days < 20 else "right"
        previous[q] = day
        band(num(day), interval, STYLE[q], best=float(row["value"]), label=_value_label(tables, row), label_side=side)
        alt_points[q].append(say("estimates.alt_point", date=format_date(day), source=estimate_text(tables, row, "source"),
                                 interval=describe_people(interval)))
        if q == "casualties" and a.share is not None:
            implied = implied_killed(interval, a.share)
            band(num(day) + 8, implied, STYLE["implied"], hollow=True, width=7)
            alt_points["implied"].append(say("estimates.alt_implied_point", date=format_date(day),
                                             source=estimate_text(tables, row, "source"),
                                             interval=describe_people(implied)))

    for _, row in article.iterrows():
        q, day = row["quantity"], _date(row["as_of"])
        interval = row_interval(row, about_tolerance)
        x = undated_x - 12 if day is None else num(day)
        style = {**STYLE[q], **STYLE["article"]}
        band(x, interval, style, best=float(row["value"]), width=7)
        ax.plot([x], [float(row["value"])], marker=style["marker"], markersize=15, linestyle="none", zorder=6,
                markerfacecolor=style["color"], markeredgecolor=PALETTE["black"])
        ax.annotate(say("estimates.article_point", figure_id=row["figure_id"]), (x, float(row["value"])), xytext=(0, -14),
                    textcoords="offset points", ha="center", va="top", fontsize=7.5, zorder=6)
        alt_points["article"].append(say("estimates.alt_article_point", figure_id=row["figure_id"], quantity=code("quantity", q),
                                         interval=describe_people(interval), date=_iso(day)))
        if q == "casualties":
            implied_share = a.share if a.share is not None else (float(share_row["value"].iloc[0])
                                                                 if not share_row.empty else None)
            if implied_share is not None:
                implied = implied_killed(interval, implied_share)
                band(x + 16, implied, STYLE["implied"], hollow=True, width=7)
                alt_points["implied"].append(say("estimates.alt_article_implied", figure_id=row["figure_id"],
                                                 share=implied_share, interval=describe_people(implied)))

    ax.set_xlim(num(start), undated_x + 40)
    ax.set_ylim(0, top * 1.17)
    ticks = [dt.date(y, m, 1) for y in range(start.year, end.year + 1) for m in (1, 4, 7, 10)]
    ticks = [d for d in ticks if start <= d <= end]
    ax.set_xticks([num(d) for d in ticks] + [undated_x], [d.strftime("%Y-%m") for d in ticks] + [say("estimates.undated_tick")])
    ax.set_yticks([v for v in ax.get_yticks() if v <= top])
    ax.yaxis.set_major_formatter(lambda v, _pos: format_number(v, whole=True))
    ax.set_ylabel(say("estimates.people"))
    shown = "" if a.share is None else say("estimates.title_share", share=a.share)
    ax.set_title(say("estimates.title", as_of=format_date(a.as_of), shown=shown),
                 fontsize=10, loc="left")
    implied_label = (say("estimates.implied_label_share", share=a.share) if a.share is not None
                     else say("estimates.implied_label_article",
                              figure_id=share_row["figure_id"].iloc[0] if not share_row.empty else "—"))
    handles = [
        Patch(facecolor=STYLE["killed"]["color"], alpha=0.5, hatch="///", label=say("estimates.legend_killed")),
        Patch(facecolor=STYLE["casualties"]["color"], alpha=0.5, hatch="...", label=say("estimates.legend_casualties")),
        Line2D([], [], marker=MARKERS[7], markersize=11, linestyle="none", color=PALETTE["black"],
               label=say("estimates.legend_article")),
        Line2D([], [], marker=MARKERS[2], markersize=8, linestyle="none", markerfacecolor="white",
               markeredgecolor=PALETTE["black"], color=STYLE["implied"]["color"], label=implied_label),
        Line2D([], [], marker="$\\uparrow$", markersize=10, linestyle="none", color=PALETTE["black"],
               label=say("estimates.legend_open")),
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=8, frameon=False)

    if len(chosen):  # name only the sources with an estimate on or before the as-of date
        named = [in_sentence(tables, s, source_label(tables, s)) for s in dict.fromkeys(chosen["source_id"])]
        parts = [say("estimates.alt_lead", n=len(chosen), first=_iso(_date(chosen["date"].min())),
                     as_of=format_date(a.as_of), sources=listed(named))]
    else:
        parts = [say("estimates.alt_none", as_of=format_date(a.as_of))]
    if alt_points["killed"]:
        parts.append(say("estimates.alt_killed", points="; ".join(alt_points["killed"])))
    if alt_points["casualties"]:
        parts.append(say("estimates.alt_casualties", points="; ".join(alt_points["casualties"])))
    parts.append(say("estimates.alt_article", points="; ".join(alt_points["article"])))
    if alt_points["implied"]:
        parts.append(say("estimates.alt_implied", points="; ".join(alt_points["implied"])))
    parts.append(say("estimates.alt_tail", date=format_date(pub)))
    return Chart(fig, " ".join(parts))


# --------------------------------------------------------------------------- the widget and the statement

_CHART_CACHE: dict = {}


def _content_key(tables: Tables) -> tuple:
    """A fingerprint of the tables a reconciliation chart is drawn from."""
    return tuple(int(pd.util.hash_pandas_object(frame, index=True).sum())
                 for frame in (tables.estimates, tables.figures, tables.claims, tables.sources))


class Reconciliation:
    """What follows from a set of assumptions: a chart, a table and a summary line.

    Made by :func:`reconcile`. In a notebook it shows the chart (with its alt text),
    then the table; as text (``repr``) it shows the summary and the table only, so
    its plain output is deterministic.
    """

    def __init__(self, tables: Tables, assumptions: Assumptions, table: pd.DataFrame, about_tolerance: float):
        self.tables, self.assumptions, self.table = tables, assumptions, table
        self.about_tolerance = about_tolerance

    def summary(self) -> Paragraph:
        """One line: the assumptions and how many casualty estimates agree under them."""
        a = self.assumptions
        published = _selected(self.tables, a)["source_id"]
        named = [source_label(self.tables, s) for s in dict.fromkeys(published)]
        line = say("estimates.summary", as_of=format_date(a.as_of), sources=", ".join(named))
        if a.share is not None and say("estimates.col_agrees") in self.table:
            agree = int((self.table[say("estimates.col_agrees")] == say("estimates.yes")).sum())
            line += say("estimates.summary_share", share=a.share, agree=agree, n=len(self.table))
        return Paragraph(line)

    def chart(self) -> Chart:
        """The timeline under these assumptions."""
        a = self.assumptions
        return timeline_chart(self.tables, a.share, a.sources, a.as_of, self.about_tolerance)

    def _chart_html(self) -> str:
        # The static default and the widget's first view show the same chart: draw it once.
        # Keyed on the tables' content, not id(): a new Tables object can reuse a freed id.
        key = (_content_key(self.tables), self.assumptions, self.about_tolerance)
        if key not in _CHART_CACHE:
            if len(_CHART_CACHE) >= 16:
                _CHART_CACHE.pop(next(iter(_CHART_CACHE)))
            _CHART_CACHE[key] = self.chart()._repr_html_()
        return _CHART_CACHE[key]

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", 80, "display.width", 250):
            return self.summary() + "\n" + self.table.to_string(index=False)

    def _repr_html_(self) -> str:
        chart = Rendered(self._chart_html(), "")
        return Stack([chart, self.summary(), TableView(self.table)])._repr_html_()


def default_share(tables: Tables) -> float | None:
    """The share of casualties killed that the article itself gives (its first ``share_killed`` figure), if any."""
    rows = tables.figures[tables.figures["quantity"] == "share_killed"]
    return None if rows.empty else float(rows["value"].iloc[0])


def reconcile(tables: Tables, share: float | None = None, sources: Sources = None, as_of: object = None,
              about_tolerance: float = ABOUT_TOLERANCE) -> Reconciliation:
    """Apply a set of assumptions; the function behind the lesson's widget.

    ``share`` is the share of casualties killed (``None``: the share the article itself gives,
    :func:`default_share`); ``sources`` and ``as_of`` as in :func:`check_assumptions`.
    Raises :class:`AssumptionError` for an impossible choice.
    """
    if share is None:
        share = default_share(tables)
    a = check_assumptions(tables, share, sources, as_of)
    table = agreement_table(tables, a.share, a.sources, a.as_of, about_tolerance)
    return Reconciliation(tables, a, table, about_tolerance)


def reconciliation_widget(tables: Tables) -> object:
    """The lesson's widget: a share slider, a source list and an as-of date slider.

    Built with :func:`critical_reading.render.interactive_view`, so it shows the
    default at once and shows an impossible choice (no source selected) as one line.
    """
    import ipywidgets as widgets

    style = {"description_width": "initial"}
    wide = widgets.Layout(width="34em")
    share = widgets.FloatSlider(value=default_share(tables) or 0.0, min=0.0, max=1.0, step=0.01,
                                description=say("estimates.widget_share"), readout_format=".2f",
                                continuous_update=False, style=style, layout=wide)
    ids = loss_sources(tables)
    sources = widgets.SelectMultiple(options=[(source_label(tables, s), s) for s in ids], value=tuple(ids),
                                     rows=len(ids), description=say("estimates.widget_sources"),
                                     style=style, layout=wide)
    dates = [(format_date(d), d) for d in estimate_dates(tables)]
    as_of = widgets.SelectionSlider(options=dates, value=tables.publication_date, description=say("estimates.widget_as_of"),
                                    continuous_update=False, style=style, layout=wide)
    return interactive_view(lambda share, sources, as_of: reconcile(tables, share, sources, as_of),
                            share=share, sources=sources, as_of=as_of)


