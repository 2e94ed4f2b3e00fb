"""Loading the course's tables from ``data/`` and checking them against the contract.

``load_tables()`` is what a notebook calls. Every problem a teacher's edit can
cause (a missing column, an unknown side, a quote no longer in the article, a
dangling id, a non-numeric value) raises one :class:`DataContractError` whose
message names the file, the line, the column, the bad value and what is allowed.

Each file is read, typed and checked on its own by :mod:`critical_reading.files`
(with pandera for the column rules); the checks that span tables (offsets,
quotes, ids) are written here, because pandera checks one table at a time.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .contract import SIDES_FILE, TABLES, TRANSLATIONS_FILE
from .errors import AssumptionError, DataContractError
from .files import ARTICLE_FILE, data_dir, load_article, load_translations, location, read_table
from .intervals import ABOUT_TOLERANCE, Interval, interval_for, row_interval
from .messages import language, learn_data_translations, say
from .vietnamese import resolve_time_expression, value_is_written_in


def article_folder(name: str | Path) -> Path:
    """The folder of an article: a name in ``articles/`` (e.g. ``"practice"``), or any path to one.

    ``articles/`` is the folder beside the course's ``data/`` (see :func:`data_dir`), so the name
    works from any working folder; a name with a ``/`` in it is a path, used as it is.
    """
    text = str(name)
    if "/" in text or "\\" in text or Path(text).is_absolute():
        return Path(text)
    return data_dir().parent / "articles" / text

# --------------------------------------------------------------------------- all tables

@dataclass(frozen=True)
class Tables:
    """The article and every table, typed and cross-checked."""

    article: str
    sentences: pd.DataFrame
    paragraphs: pd.DataFrame
    sources: pd.DataFrame
    claims: pd.DataFrame
    figures: pd.DataFrame
    estimates: pd.DataFrame
    cues_vi: pd.DataFrame
    time_expressions: pd.DataFrame
    translation_drift: pd.DataFrame
    verdict_evidence: pd.DataFrame
    #: The folder's translations of its English (:func:`~critical_reading.files.load_translations`).
    translations: dict = field(default_factory=dict, repr=False)

    def shown(self, table: str, column: str, english: object) -> object:
        """A value of a ``translated`` column as the learner's language shows it.

        The English itself in English, or where the folder has no translation of it; empty
        values and non-text pass through. Logic keeps reading the English in the tables.
        """
        if not isinstance(english, str) or not english:
            return english
        words = self.translations.get(language(), {}).get(f"{table}.{column}", {})
        return words.get(english, english)

    @property
    def source_names(self) -> dict[str, str]:
        """``source_id`` → ``name_en`` (as the learner's language shows it), for showing who speaks in words."""
        return {sid: self.shown("sources", "name_en", name)
                for sid, name in zip(self.sources["source_id"], self.sources["name_en"])}

    def _row(self, table: str, id_column: str, wanted: str, what: str) -> pd.Series:
        frame = getattr(self, table)
        rows = frame[frame[id_column] == wanted]
        if rows.empty:
            raise AssumptionError(say("tables.unknown_row", what=say(f"tables.what_{what}"), wanted=wanted,
                                      first=frame[id_column].iloc[0], last=frame[id_column].iloc[-1],
                                      table=table))
        return rows.iloc[0]

    def figure(self, figure_id: str) -> pd.Series:
        """The row of ``figures.csv`` with this ``figure_id`` (an unknown id raises one line)."""
        return self._row("figures", "figure_id", figure_id, "figure")

    def estimate(self, estimate_id: str) -> pd.Series:
        """The row of ``estimates.csv`` with this ``estimate_id``."""
        return self._row("estimates", "estimate_id", estimate_id, "estimate")

    def claim(self, claim_id: str) -> pd.Series:
        """The row of ``claims.csv`` with this ``claim_id``."""
        return self._row("claims", "claim_id", claim_id, "claim")

    def sentence(self, sentence_id: str) -> pd.Series:
        """The row of ``sentences.csv`` with this ``sentence_id``."""
        return self._row("sentences", "sentence_id", sentence_id, "sentence")

    def source(self, source_id: str) -> pd.Series:
        """The row of ``sources.csv`` with this ``source_id``."""
        return self._row("sources", "source_id", source_id, "source")

    def source_name(self, source_id: str) -> str:
        """How the course names a source (``sources.name_en``, as the learner's language shows it)."""
        return str(self.shown("sources", "name_en", self.source(source_id)["name_en"]))

    @staticmethod
    def interval(row: pd.Series, about_tolerance: float = ABOUT_TOLERANCE) -> Interval:
        """The interval a row of ``figures`` or ``estimates`` allows (:func:`~critical_reading.intervals.row_interval`)."""
        return row_interval(row, about_tolerance)

    @property
    def publication_date(self) -> dt.date:
        """The date in the article's source line (the last sentence)."""
        return _source_line_date(self)


_cache: dict[Path, tuple[tuple, Tables]] = {}


def _fingerprint(folder: Path) -> tuple:
    files = [folder / ARTICLE_FILE, folder / SIDES_FILE, *(folder / f"{name}.csv" for name in TABLES),
             *sorted(folder.glob(TRANSLATIONS_FILE.format(lang="*")))]
    return tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) if f.exists() else (f.name,) for f in files)


def load_tables(folder: str | Path | None = None) -> Tables:
    """Load the article and every table, and check them against each other.

    The checked tables are kept in memory until a file in the folder changes, so the
    setup cell's second load is free and a teacher's edit is still picked up on the
    next call. Each call returns its own copies: changing one in a notebook cannot
    change what the next call returns.
    """
    folder = Path(folder or data_dir()).resolve()
    fingerprint = _fingerprint(folder)
    cached = _cache.get(folder)
    if cached is None or cached[0] != fingerprint:
        tables = Tables(article=load_article(folder), translations=load_translations(folder),
                        **{name: read_table(name, folder) for name in TABLES})
        check_links(tables)
        learn_data_translations(tables.translations)
        _cache[folder] = (fingerprint, tables)
    tables = _cache[folder][1]
    return Tables(article=tables.article, translations=tables.translations,
                  **{name: getattr(tables, name).copy() for name in TABLES})


def _row_fail(name, df, index, column, message) -> DataContractError:
    row_id = f"{df.columns[0]} {df.at[index, df.columns[0]]}"
    return DataContractError(f"{location(f'data/{name}.csv', int(index) + 2, row_id, column)}: {message}")


def _check_ids(t: Tables, name: str, column: str, target: pd.Series, target_name: str):
    """Every id in ``name.column`` (each part of a ``>`` chain) exists in ``target``."""
    df = getattr(t, name)
    known = set(target)
    for index, value in df[column].items():
        if pd.isna(value) or value == "":
            continue
        parts = value.split(">") if column == "relayed_by" else [value]
        for part in parts:
            if part not in known:
                raise _row_fail(name, df, index, column, say("links.unknown_id", value=part, id_column=target_name,
                                                             table=_table_of(target_name)))


def _table_of(id_name: str) -> str:
    return {"sentence_id": "sentences", "source_id": "sources", "claim_id": "claims",
            "estimate_id": "estimates"}[id_name]


def check_links(t: Tables) -> None:
    """The checks that span tables. Raises :class:`DataContractError` on the first problem."""
    s = t.sentences
    if s.empty:
        raise DataContractError(say("links.no_sentences", file="data/sentences.csv"))
    for index, row in s.iterrows():
        if t.article[row["start"]:row["end"]] != row["text_vi"]:
            raise _row_fail("sentences", s, index, "text_vi", say("links.not_the_slice", text=row["text_vi"][:40],
                                                                  start=row["start"], end=row["end"]))
    if sorted(t.paragraphs["paragraph"]) != sorted(s["paragraph"].unique()):
        raise DataContractError(say("links.paragraphs_differ", file="data/paragraphs.csv",
                                    first=s["paragraph"].min(), last=s["paragraph"].max()))
    text_of = dict(zip(s["sentence_id"], s["text_vi"]))
    for name in ("claims", "time_expressions", "translation_drift"):
        _check_ids(t, name, "sentence_id", s["sentence_id"], "sentence_id")
    _check_ids(t, "claims", "source_id", t.sources["source_id"], "source_id")
    _check_ids(t, "claims", "relayed_by", t.sources["source_id"], "source_id")
    _check_ids(t, "claims", "flagged_by", t.claims["claim_id"], "claim_id")
    _check_ids(t, "figures", "claim_id", t.claims["claim_id"], "claim_id")
    _check_ids(t, "figures", "source_id", t.sources["source_id"], "source_id")
    _check_ids(t, "estimates", "source_id", t.sources["source_id"], "source_id")
    _check_ids(t, "verdict_evidence", "claim_id", t.claims["claim_id"], "claim_id")
    _check_ids(t, "verdict_evidence", "estimate_id", t.estimates["estimate_id"], "estimate_id")
    _check_evidence_sources(t.verdict_evidence)
    _check_dates_hedges_and_corroboration(t)

    for name, column in (("claims", "quote_vi"), ("translation_drift", "quote_vi"),
                         ("time_expressions", "text_vi")):
        df = getattr(t, name)
        for index, row in df.iterrows():
            quote = row[column]
            if pd.notna(quote) and quote not in text_of[row["sentence_id"]]:
                raise _row_fail(name, df, index, column,
                                say("links.quote_not_in_sentence", quote=quote[:60], sentence_id=row["sentence_id"]))
    c = t.claims
    claim_type = dict(zip(c["claim_id"], c["claim_type"]))
    for index, row in c.iterrows():
        cue = row["cue_vi"]
        if pd.notna(cue) and cue.lower() not in text_of[row["sentence_id"]].lower():
            raise _row_fail("claims", c, index, "cue_vi",
                            say("links.cue_not_in_sentence", cue=cue, sentence_id=row["sentence_id"]))
        flagged = pd.notna(row["flagged_by"])
        if flagged and claim_type[row["flagged_by"]] != "disclaimer":
            raise _row_fail("claims", c, index, "flagged_by", say("links.not_a_disclaimer", flagged_by=row["flagged_by"],
                                                                  claim_type=claim_type[row["flagged_by"]]))
        if flagged != (row["verification"] == "flagged_unverified"):
            raise _row_fail("claims", c, index, "verification", say("links.verification_mismatch",
                                                                    verification=row["verification"],
                                                                    flagged_by=row["flagged_by"]))

    f = t.figures
    quote_of = dict(zip(c["claim_id"], c["quote_vi"]))
    source_of = dict(zip(c["claim_id"], c["source_id"]))
    for index, row in f.iterrows():
        quote = quote_of[row["claim_id"]]
        if row["text_vi"] not in quote:
            raise _row_fail("figures", f, index, "text_vi",
                            say("links.figure_not_in_quote", text_vi=row["text_vi"], claim_id=row["claim_id"]))
        if pd.notna(row["value"]) and not value_is_written_in(row["value"], row["text_vi"]):
            raise _row_fail("figures", f, index, "value",
                            say("links.value_not_written", value=row["value"], text_vi=row["text_vi"]))
        if row["source_id"] != source_of[row["claim_id"]]:
            raise _row_fail("figures", f, index, "source_id", say("links.source_differs", source_id=row["source_id"],
                                                                  claim_source=source_of[row["claim_id"]]))
    for name in ("figures", "estimates"):
        _check_bounds(name, getattr(t, name))

    te = t.time_expressions
    reference = t.publication_date
    for index, row in te.iterrows():
        try:
            period = resolve_time_expression(row["text_vi"] if pd.notna(row["text_vi"]) else "", reference)
        except ValueError:  # an expression the rules do not know, or a month or day that does not exist
            raise _row_fail("time_expressions", te, index, "text_vi",
                            say("links.time_unreadable", text_vi=row["text_vi"])) from None
        recorded = tuple(None if pd.isna(row[k]) else row[k].date() for k in ("resolved_start", "resolved_end"))
        if period.rule != row["rule"] or (period.start, period.end) != recorded:
            raise _row_fail("time_expressions", te, index, "rule",
                            say("links.rule_mismatch", rule=row["rule"], recorded_start=recorded[0],
                                recorded_end=recorded[1], resolved_rule=period.rule, start=period.start, end=period.end))


def _source_line_date(t: Tables) -> dt.date:
    last = t.sentences["text_vi"].iloc[-1]
    for _, row in t.time_expressions.iterrows():
        if pd.notna(row["text_vi"]) and row["text_vi"] in last and row["rule"] == "absolute":
            return row["resolved_start"].date()
    raise DataContractError(say("links.no_source_line_date", file="data/time_expressions.csv"))


def _check_bounds(name: str, df: pd.DataFrame) -> None:
    for index, row in df.iterrows():
        value = None if pd.isna(row["value"]) else float(row["value"])
        try:
            expected = interval_for(value, row["qualifier"],
                                    low=None if pd.isna(row["low"]) else row["low"],
                                    high=None if pd.isna(row["high"]) else row["high"])
        except ValueError as exc:
            raise _row_fail(name, df, index, "value", f"{exc}.") from None
        high = math.inf if pd.isna(row["high"]) else float(row["high"])
        if not (math.isclose(expected.low, row["low"], rel_tol=1e-3)
                and (math.isclose(expected.high, high, rel_tol=1e-3) or expected.high == high)):
            raise _row_fail(name, df, index, "low", say("links.bounds_mismatch", low=row["low"], high=row["high"],
                                                        qualifier=row["qualifier"], value=row["value"],
                                                        interval=expected.describe()))


def _check_dates_hedges_and_corroboration(t: Tables) -> None:
    """Accuracy rules that span tables (issue #10).

    A figure is ``undated`` exactly when its claim's ``dated_by`` is; a hedge is a
    ``hedge`` cue written in the claim's quote; and evidence that corroborates a
    claim with figures overlaps one of their intervals — on its own, or added to the
    other corroborating estimates from the same source and date (parts of one statement).
    """
    c, f, ev = t.claims.set_index("claim_id"), t.figures, t.verdict_evidence
    hedges = set(t.cues_vi.loc[t.cues_vi["category"] == "hedge", "cue_vi"])
    for index, row in f.iterrows():
        claim = c.loc[row["claim_id"]]
        if pd.isna(row["as_of"]) != (claim["dated_by"] == "undated"):
            raise _row_fail("figures", f, index, "as_of",
                            say("links.as_of_disagrees", as_of="undated" if pd.isna(row["as_of"]) else row["as_of"].date(),
                                claim_id=row["claim_id"], dated_by=claim["dated_by"]))
        hedge = row["hedge_vi"]
        if pd.notna(hedge) and (hedge not in hedges or hedge not in claim["quote_vi"]):
            raise _row_fail("figures", f, index, "hedge_vi",
                            say("links.hedge_not_allowed", hedge=hedge, claim_id=row["claim_id"]))
    e = t.estimates.set_index("estimate_id")
    span = pd.DataFrame({"low": e["low"], "high": e["high"].fillna(math.inf)})
    corroborating = ev[(ev["relation"] == "corroborates") & ev["estimate_id"].notna()]
    for index, row in corroborating.iterrows():
        figures = f[f["claim_id"] == row["claim_id"]]
        same = corroborating[(corroborating["claim_id"] == row["claim_id"])
                             & (e.loc[corroborating["estimate_id"], ["source", "date"]].values
                                == e.loc[row["estimate_id"], ["source", "date"]].values).all(axis=1)]
        top = figures["high"].fillna(math.inf)
        candidates = (span.loc[[row["estimate_id"]]].sum(), span.loc[list(same["estimate_id"])].sum())
        if figures.empty or any(((low <= top) & (high >= figures["low"])).any() for low, high in candidates):
            continue
        raise _row_fail("verdict_evidence", ev, index, "relation",
                        say("links.outside_every_figure", estimate_id=row["estimate_id"], claim_id=row["claim_id"]))


def _check_evidence_sources(df: pd.DataFrame) -> None:
    """Each piece of evidence is an estimate (estimate_id) or names its own source, side, date and url."""
    own = ("source_en", "side", "date", "url")
    for index, row in df.iterrows():
        if pd.notna(row["estimate_id"]):
            filled = [c for c in own if pd.notna(row[c])]
            if filled:
                raise _row_fail("verdict_evidence", df, index, filled[0],
                                say("links.repeats_estimate", value=row[filled[0]], estimate_id=row["estimate_id"]))
        else:
            empty = [c for c in own if pd.isna(row[c])]
            if empty:
                raise _row_fail("verdict_evidence", df, index, empty[0], say("links.own_source_missing"))
