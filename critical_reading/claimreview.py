"""Verdicts as schema.org ClaimReview records (JSON-LD), the format fact-checkers publish in.

:func:`claim_reviews` turns lesson 05a's verdicts (:func:`critical_reading.verdicts.verdicts`)
into one record per key claim; :func:`problems` and :func:`check_claim_reviews`
check the fields that make a record usable; :func:`to_jsonld` writes them out and
:func:`jsonld_view` shows them folded, one line per record (lesson 05b).

What goes where (schema.org ``ClaimReview``, with the properties the course
source notes name, §4):

- ``claimReviewed``: the claim as the article words it, verbatim (``claims.quote_vi``);
  the course's paraphrase (``claims.claim_en``, in the learner's language) goes in ``itemReviewed.description``;
- ``itemReviewed``: a ``Claim`` whose ``author`` is the claimant (``sources.name_en``, as the learner's
  language names it); the record's ``inLanguage`` is the learner's language.
  Its ``datePublished`` is the statement's own date, only when the article dates the
  statement to a day (:func:`statement_date`); otherwise it is left out, since the claim
  may be older than the report that carries it. Its ``appearance`` is the Fox News report
  (its URL and date, from the source notes) and the Vietnamese translation (no URL: the
  outlet is not named);
- ``reviewRating``: a ``Rating`` whose ``alternateName`` is the verdict and whose
  ``ratingExplanation`` is the reason the rule gives; no number, because the four
  verdicts are not points on one scale. A record travels without the lesson, so the
  verdict says what it rests on: "unverified by the course's sources" is a statement
  about this course's sources, not about the claim;
- ``author``: the reviewer, a person: the learner (no organisation is invented);
- ``datePublished``: the day of the review;
- ``url``: where the review is published. A learner's review is not on the web, so
  it points at the lesson notebook, relative to the course folder; change it if
  you publish your reviews;
- ``citation``: the outside sources behind the verdict, with their URLs from the source notes;
  each is named with the date of its statement (not of the page, which the source notes do not record).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd

from .data import Tables
from .errors import DataContractError, LearnerError
from .messages import language, say
from .render import Folded
from .verdicts import evidence, verdicts
from .vietnamese import resolve_time_expression

#: Where a learner's review lives until it is published: the lesson, relative to the course folder.
REVIEW_URL = "notebooks/05b-reporting-what-we-know.ipynb"
#: The reviewer when none is given: the learner, not an organisation.
DEFAULT_REVIEWER = "A learner of the course Reading a war report critically"
#: Fields every record must have (dotted paths into the record).
REQUIRED_FIELDS = ("@context", "@type", "claimReviewed", "url", "datePublished", "author.name",
                   "reviewRating.@type", "reviewRating.alternateName", "itemReviewed.@type",
                   "itemReviewed.author.name")
_TYPES = {"@type": "ClaimReview", "reviewRating.@type": "Rating", "itemReviewed.@type": "Claim"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PEOPLE = ("official", "military")  # sources.kind values that are persons


def original_report(tables: Tables, evidence_table: pd.DataFrame | None = None) -> dict:
    """The English original of the article, as the source notes record it, and who translated it.

    ``url``, ``publisher`` and ``date`` come from the evidence that corroborates
    the source line (the article's last sentence) in ``verdict_evidence.csv``;
    ``translator`` is the source line's claimant (the unnamed Vietnamese outlet).
    ``evidence_table`` is :func:`~critical_reading.verdicts.evidence`'s table
    (computed if not given).
    """
    ev = evidence(tables) if evidence_table is None else evidence_table
    last = tables.sentences["sentence_id"].iloc[-1]
    line = set(tables.claims.loc[tables.claims["sentence_id"] == last, "claim_id"])
    rows = ev[ev["claim_id"].isin(line) & (ev["relation"] == "corroborates")]
    if rows.empty:
        raise DataContractError(say("claimreview.no_original"))
    row = rows.iloc[0]
    speaker = tables.claims.set_index("claim_id").at[row["claim_id"], "source_id"]
    return {"url": row["url"], "publisher": row["source_en"], "date": row["date"].date().isoformat(),
            "translator": tables.source_name(speaker)}


def statement_date(tables: Tables, claim_id: str) -> dt.date | None:
    """The day the article gives for a claim's statement, or ``None``.

    Only a time expression in the claim's own sentence that resolves to a single day counts
    (``ngày 14 tháng 11 năm 2025``); a month (``tháng 4``: some day in April) or no
    expression at all gives ``None``. The date of the report that carries a claim is not the
    date of the statement.
    """
    sentence_id = tables.claim(claim_id)["sentence_id"]
    rows = tables.time_expressions[tables.time_expressions["sentence_id"] == sentence_id]
    for text in rows["text_vi"].dropna():
        period = resolve_time_expression(text, tables.publication_date)
        if period.start is not None and period.start == period.end:
            return period.start
    return None


def _get(record: dict, path: str) -> object:
    value = record
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def claim_reviews(tables: Tables, *, reviewer: str = DEFAULT_REVIEWER, date_published: dt.date | None = None,
                  url: str = REVIEW_URL, claim_ids: list[str] | None = None) -> list[dict]:
    """ClaimReview records (dicts ready for JSON), one per key claim in reading order.

    ``claim_ids`` picks some key claims (default: all of them, as
    :func:`~critical_reading.verdicts.verdicts` lists them);
    ``date_published`` (the day of the review) defaults to today.
    """
    ev = evidence(tables)
    table = verdicts(tables, ev)
    wanted = list(table.index) if claim_ids is None else list(claim_ids)
    unknown = [i for i in wanted if i not in table.index]
    if unknown:
        raise LearnerError(say("claimreview.no_verdict", claim_id=unknown[0], claims=", ".join(table.index)))
    original = original_report(tables, ev)
    claims = tables.claims.set_index("claim_id")
    sources = tables.sources.set_index("source_id")
    day = (date_published or dt.date.today()).isoformat()
    records = []
    for claim_id in wanted:
        claim, verdict = claims.loc[claim_id], table.loc[claim_id]
        source = sources.loc[claim["source_id"]]
        record = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": claim_id,
            "url": url,
            "datePublished": day,
            "inLanguage": language(),
            "author": {"@type": "Person", "name": reviewer},
            "claimReviewed": claim["quote_vi"],
            "reviewRating": {"@type": "Rating", "alternateName": verdict["verdict"],
                             "ratingExplanation": verdict["why"]},
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person" if source["kind"] in _PEOPLE else "Organization",
                           "name": tables.source_name(claim["source_id"])},
                "description": tables.shown("claims", "claim_en", claim["claim_en"]),
                "appearance": [
                    {"@type": "NewsArticle", "url": original["url"], "datePublished": original["date"],
                     "publisher": {"@type": "Organization", "name": original["publisher"]}},
                    {"@type": "NewsArticle", "inLanguage": "vi", "isBasedOn": original["url"],
                     "publisher": {"@type": "Organization", "name": original["translator"]}},
                ],
            },
        }
        said_on = statement_date(tables, claim_id)
        if said_on is not None:
            record["itemReviewed"]["datePublished"] = said_on.isoformat()
        cited = ev[ev["claim_id"] == claim_id].drop_duplicates("url")
        if len(cited):
            record["citation"] = [{"@type": "CreativeWork", "url": row.url,
                                   "name": f"{row.source_en}, {row.date.date().isoformat()}"}
                                  for row in cited.itertuples(index=False)]
        records.append(record)
    return records


def problems(record: dict) -> list[str]:
    """What is wrong with one record: missing required fields, wrong types, badly written dates.

    An empty list means the record has every field in :data:`REQUIRED_FIELDS`.

    >>> problems({"@type": "ClaimReview"})[:2]
    ['missing @context', 'missing claimReviewed']
    """
    found = []
    for path in REQUIRED_FIELDS:
        value = _get(record, path)
        if value is None or (isinstance(value, str) and not value.strip()):
            found.append(say("claimreview.missing", path=path))
        elif path in _TYPES and value != _TYPES[path]:
            found.append(say("claimreview.wrong_type", path=path, value=value, want=_TYPES[path]))
        elif path.endswith("datePublished") and not _DATE.fullmatch(str(value)):
            found.append(say("claimreview.bad_date", path=path, value=value))
    return found


def check_claim_reviews(records: list[dict]) -> str:
    """Check every record; return a one-line summary, or raise a one-line LearnerError at the first problem."""
    if not records:
        raise LearnerError(say("claimreview.no_records"))
    for number, record in enumerate(records, start=1):
        found = problems(record)
        if found:
            name = record.get("identifier") or say("claimreview.record", number=number)
            raise LearnerError(say("claimreview.bad_record", name=name, problem=found[0],
                                   fields=", ".join(REQUIRED_FIELDS)))
    return say("claimreview.valid", n=len(records), m=len(REQUIRED_FIELDS), fields=", ".join(REQUIRED_FIELDS))


def to_jsonld(records: list[dict]) -> str:
    """The records as JSON-LD text (a JSON list, UTF-8, indented)."""
    return json.dumps(records, ensure_ascii=False, indent=2)


def jsonld_view(records: list[dict]) -> Folded:
    """The records folded: one line each (claim id, verdict, claimant, claim), its JSON-LD one click away."""
    return Folded([(f"{r.get('identifier', '?')} · {_get(r, 'reviewRating.alternateName')} · "
                    f"{_get(r, 'itemReviewed.author.name')}: “{r.get('claimReviewed', '')}”",
                    json.dumps(r, ensure_ascii=False, indent=2)) for r in records])


def save_jsonld(records: list[dict], path: str | Path, *, overwrite: bool = False) -> Path:
    """Check the records and write them to ``path`` as JSON-LD; return the path.

    An existing file is never replaced unless ``overwrite=True``: it may hold earlier reviews.
    """
    check_claim_reviews(records)
    path = Path(path)
    try:
        with path.open("w" if overwrite else "x", encoding="utf-8") as handle:
            handle.write(to_jsonld(records) + "\n")
    except FileExistsError:
        raise LearnerError(say("files.exists", file=path.name)) from None
    return path
