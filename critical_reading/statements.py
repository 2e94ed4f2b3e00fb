"""Lesson 03's reconciled statement: one careful paragraph generated from the data.

The statement sets the article's troop and loss figures against the outside estimates a learner
chose, as of a date, and says what would make them agree. It is built from small templates
(``catalogue/en/statements.toml``) filled from the tables: no figure id, claim id or claimant's
name is written here, so the same function works on another article's tables.

Rules it follows (each tested):

- a statement "as of" a date names only sources with an estimate on or before that date;
- "more than" is worded "more than", never "at least";
- that an outside casualty count follows the NATO definition is labelled an inference;
- troop counts of the first deployment only are set aside, not compared with a total;
- a figure the speaker hedged is shown with its hedge (where the data records one).
"""

from __future__ import annotations

import pandas as pd

from .data import Tables
from .estimates import Sources, check_assumptions, estimate_text, in_sentence, nearest_in_time, source_label
from .figures import (
    FIRST_DEPLOYMENT,
    _date,
    _estimate_item,
    _figure_item,
    _iso,
    compare,
    describe_people,
    describe_share,
    figure_words,
    implied_killed,
    item,
    share_range,
    short_value,
)
from .intervals import ABOUT_TOLERANCE, Interval, format_number, qualified, row_interval
from .messages import format_date, listed, local_number, say
from .render import Bullets, Paragraph, Stack


def _range_words(interval: Interval) -> str:
    """A range in words; an open one as "more than N" (never "at least")."""
    if interval.is_open:
        return qualified("more_than", round(interval.low))
    return describe_people(interval)


def _latest(frame: pd.DataFrame) -> pd.Series | None:
    return None if frame.empty else frame.sort_values(["date", "estimate_id"], kind="stable").iloc[-1]


def _first(frame: pd.DataFrame, quantity: str, dated_first: bool = False) -> pd.Series | None:
    rows = frame[frame["quantity"] == quantity]
    if dated_first:
        rows = rows.sort_values("as_of", kind="stable", na_position="last")
    return None if rows.empty else rows.iloc[0]


def _claimant(tables: Tables, source_id: str) -> str:
    return in_sentence(tables, source_id, tables.source_name(source_id))


def _article_hands(tables: Tables) -> set[str]:
    """Every source in the chains of the claims that carry the article's figures (claimants and conduits)."""
    claims = tables.claims[tables.claims["claim_id"].isin(tables.figures["claim_id"])]
    hands = set(claims["source_id"])
    hands |= {p for chain in claims["relayed_by"].dropna() for p in chain.split(">")}
    return hands


def reconciled_statement(tables: Tables, share: float | None = None, sources: Sources = None,
                         as_of: object = None, about_tolerance: float = ABOUT_TOLERANCE,
                         bullets: bool = False) -> Paragraph | Stack:
    """One careful paragraph, generated from the data: ranges, definitions, dates, conditions.

    It sets the article's troop and loss figures against the outside estimates that the chosen
    ``sources`` (``source_id`` values; default: all) had published by ``as_of`` (default: the
    article's date), leaving out the report the article itself relays. Troop counts are
    compared like with like: counts of all troops sent against the article's total (an older,
    lower total is not a contradiction, since troops sent only grow), while counts of the first
    deployment alone (:data:`~critical_reading.figures.FIRST_DEPLOYMENT`) are set aside. A
    casualty estimate is paired with the estimate of deaths nearest to it in time
    (:func:`~critical_reading.estimates.nearest_in_time`). With ``share``, it adds what the latest
    casualty estimate implies at that share of casualties killed. Estimates published after the
    article are reported as later information once ``as_of`` reaches them. With ``bullets``, the
    same sentences are shown as a lead line and one short bullet per sentence.
    """
    a = check_assumptions(tables, share, sources, as_of)
    pub, pub_day = tables.publication_date, pd.Timestamp(tables.publication_date)
    e = tables.estimates
    chosen = e[e["source_id"].isin(a.sources) & (e["date"] <= pd.Timestamp(a.as_of))]
    own = chosen["source_id"].isin(_article_hands(tables)) & (chosen["date"] == pub_day)
    before = chosen[~own & (chosen["date"] <= pub_day)]
    later = chosen[chosen["date"] > pub_day]
    figures = tables.figures

    def est(row: pd.Series) -> str:
        i = _estimate_item(tables, row["estimate_id"], about_tolerance)
        shown = f"{_range_words(i.interval)}; " if row["qualifier"] == "about" else ""
        return say("statements.estimate", source=estimate_text(tables, row, "source"), said=i.as_said,
                   definition=estimate_text(tables, row, "definition"),
                   range=shown, date=_iso(i.date))

    when = (say("statements.when_article") if a.as_of == pub
            else say("statements.when_other", date=format_date(pub)))
    published = [in_sentence(tables, s, source_label(tables, s))
                 for s in dict.fromkeys(chosen[~own].sort_values("date", kind="stable")["source_id"])]
    if published:
        out = [say("statements.lead", sources=listed(published), as_of=format_date(a.as_of), when=when)]
    else:
        out = [say("statements.lead_none", as_of=format_date(a.as_of), when=when)]
    if own.any():
        relayed = chosen[own].drop_duplicates("source_id")
        def relayed_by(r: pd.Series) -> str:
            who = in_sentence(tables, r["source_id"], estimate_text(tables, r, "source"))
            has_via = isinstance(r["via"], str) and r["via"]
            return say("statements.own_via", source=who, via=estimate_text(tables, r, "via")) if has_via else who

        out[-1] += say("statements.own", source=listed([relayed_by(r) for _, r in relayed.iterrows()]))
    out[-1] += ":"
    out.append(say("statements.definitions", tolerance=f"{about_tolerance:.0%}"))

    troops_row = _first(figures, "troops_sent", dated_first=True)
    if troops_row is not None:
        out += _troop_sentences(tables, before, troops_row, about_tolerance)

    killed_row = _first(figures, "killed")
    if killed_row is not None:
        out += _loss_sentences(tables, before, killed_row, est, about_tolerance)

    out += _speaker_share_sentences(tables, before, pub, about_tolerance)

    cas = before[before["quantity"] == "casualties"]
    latest_cas = _latest(cas)
    if a.share is not None and latest_cas is not None:
        implied = implied_killed(row_interval(latest_cas, about_tolerance), a.share)
        out.append(say("statements.your_share", share=local_number(f"{a.share:.2f}"), estimate=est(latest_cas),
                       killed=_range_words(implied)))
    covered = tables.claims[tables.claims["claim_id"].isin(figures["claim_id"])
                            & (tables.claims["verification"] == "flagged_unverified")]
    flagged = figures[figures["claim_id"].isin(covered["claim_id"])]
    if len(flagged):
        out.append(say("statements.unverified", n=len(flagged), total=len(figures),
                       ids=listed(list(flagged["figure_id"]))))
    for _, row in later.iterrows():
        said = estimate_text(tables, row, "note_en") if pd.notna(row["note_en"]) else ""
        note = f": {said[0].lower()}{said[1:].rstrip('.')}" if said else ""
        out.append(say("statements.later", days=(_date(row["date"]) - pub).days, estimate=est(row), note=note))
    if bullets:
        return Stack([Paragraph(out[0]), Bullets(out[1:])])
    return Paragraph(" ".join(out))


def _troop_sentences(tables: Tables, before: pd.DataFrame, figure: pd.Series, about_tolerance: float) -> list[str]:
    """Counts of all troops sent against the article's total; counts of the first deployment set aside."""
    total_f = _figure_item(tables, figure["figure_id"], about_tolerance)
    troops = before[before["quantity"].isin(["troops_sent", "troops_additional"])]
    fits, older, misses, partial = [], [], [], []
    for (_day, _source), group in troops.groupby(["date", "source_id"], sort=True):
        total = item(tables, list(group["estimate_id"]), about_tolerance)
        text = say("statements.troop_count", source=estimate_text(tables, group.iloc[0], "source"),
                   values=" + ".join(short_value(r) for _, r in group.iterrows()),
                   definitions=listed([estimate_text(tables, r, "definition") for _, r in group.iterrows()]),
                   date=_iso(total.date))
        if all(FIRST_DEPLOYMENT.search(d) for d in group["definition"]):
            partial.append(text)
        elif total.interval.overlaps(total_f.interval):
            fits.append(text)
        elif (total_f.date is not None and total.date < total_f.date
              and total.interval.high < total_f.interval.low):
            older.append(text)
        else:
            misses.append(text)
    out = []
    m = len(fits) + len(older) + len(misses)
    if m:
        sentence = say("statements.troops", figure=total_f.as_said, range=_range_words(total_f.interval),
                       n=len(fits), m=m, counts=say("statements.count" if m == 1 else "statements.counts"))
        sentence += (": " + listed(fits)) if fits else ""
        sentence += say("statements.troops_older", counts=listed(older)) if older else ""
        sentence += say("statements.troops_apart", counts=listed(misses, "or")) if misses else ""
        out.append(sentence + ".")
    if partial:
        out.append(say("statements.troops_partial", counts=listed(partial)))
    return out


def _loss_sentences(tables: Tables, before: pd.DataFrame, figure: pd.Series, est: object,
                    about_tolerance: float) -> list[str]:
    """The article's killed figure against the latest estimate of deaths, and the casualty count it matches."""
    killed_f = _figure_item(tables, figure["figure_id"], about_tolerance)
    lead = say("statements.killed_lead", figure=killed_f.as_said, who=_claimant(tables, figure["source_id"]),
               date=_iso(killed_f.date))
    deaths = before[before["quantity"] == "killed"]
    k = _latest(deaths)
    if k is None:
        out = [lead + say("statements.no_deaths")]
    else:
        c = compare(tables, figure["figure_id"], k["estimate_id"], about_tolerance)
        out = [lead + (say("statements.deaths_overlap", estimate=est(k)) if c.overlap else
                       say("statements.deaths_apart", estimate=est(k), gap=format_number(c.gap, whole=True), days=c.days_apart))]
    cas = before[before["quantity"] == "casualties"]
    matching = cas[[row_interval(r, about_tolerance).overlaps(killed_f.interval) for _, r in cas.iterrows()]]
    m = _latest(matching)
    if m is not None:
        out.append(say("statements.slip", estimate=est(m)))
        near = nearest_in_time(deaths, m["date"])
        if near is not None:
            needed = share_range(row_interval(near, about_tolerance), row_interval(m, about_tolerance))
            out.append(say("statements.fit" if needed is not None else "statements.no_fit",
                           casualties=estimate_text(tables, m, "source"),
                           deaths=est(near), days=abs((near["date"] - m["date"]).days),
                           share=describe_share(needed) if needed is not None else ""))
    return out


def _speaker_share_sentences(tables: Tables, before: pd.DataFrame, pub: object,
                             about_tolerance: float) -> list[str]:
    """For a speaker who gives both a casualty figure and a share killed: the killed they imply."""
    out = []
    figures = tables.figures
    for source_id in dict.fromkeys(figures["source_id"]):
        mine = figures[figures["source_id"] == source_id]
        cas_row, share_row = _first(mine, "casualties"), _first(mine, "share_killed")
        if cas_row is None or share_row is None:
            continue
        cas_f = _figure_item(tables, cas_row["figure_id"], about_tolerance)
        sentence = say("statements.speaker_share", who=tables.source_name(source_id).split(",")[0],
                       date=_iso(cas_f.date) if cas_f.date else say("statements.undated"),
                       casualties=cas_f.as_said, share=figure_words(tables, share_row),
                       killed=_range_words(implied_killed(cas_f.interval, float(share_row["value"]))))
        dated = before[(before["quantity"] == "casualties") & (before["source_id"] == source_id)]
        if cas_f.date is None and not dated.empty:
            pieces = [say("statements.dated_figure", value=format_number(float(r["value"]), whole=True),
                          date=_iso(_date(r["date"])), days=(pub - _date(r["date"])).days) for _, r in dated.iterrows()]
            sentence += say("statements.speaker_dated", figures=listed(pieces))
        out.append(sentence + ".")
    return out
