"""Unit tests of critical_reading.claimreview: verdicts exported as schema.org ClaimReview (JSON-LD)."""

import copy
import dataclasses
import datetime as dt
import json

import pytest

from critical_reading import DataContractError, LearnerError
from critical_reading import claimreview as cr
from critical_reading import verdicts as v

from .conftest import SOURCE_NOTES

DAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def records(tables):
    return cr.claim_reviews(tables, date_published=DAY, reviewer="Test Learner")


def _urls(value):
    if isinstance(value, dict):
        return [u for item in value.values() for u in _urls(item)]
    if isinstance(value, list):
        return [u for item in value for u in _urls(item)]
    return [value] if isinstance(value, str) and value.startswith("http") else []


def test_one_valid_record_per_key_claim(tables, records):
    assert [r["identifier"] for r in records] == list(v.verdicts(tables).index)
    for record in records:
        assert cr.problems(record) == [], record["identifier"]
    summary = cr.check_claim_reviews(records)
    assert summary.startswith(f"{len(records)} ClaimReview records") and "\n" not in summary


def test_records_hold_the_fields_the_dossier_names(records):
    """Dossier §4: claimReviewed, itemReviewed (author, datePublished), reviewRating, author, datePublished, url."""
    for record in records:
        assert record["@context"] == "https://schema.org" and record["@type"] == "ClaimReview"
        for field in ("claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished", "url"):
            assert record[field], field
        assert record["itemReviewed"]["author"]["name"]


def test_records_say_what_the_tables_say(tables, records):
    claims = tables.claims.set_index("claim_id")
    names = dict(zip(tables.sources.source_id, tables.sources.name_en))
    table = v.verdicts(tables)
    for record in records:
        claim_id = record["identifier"]
        assert record["claimReviewed"] == claims.at[claim_id, "quote_vi"]  # verbatim, as the article words it
        assert record["itemReviewed"]["description"] == claims.at[claim_id, "claim_en"]
        assert record["itemReviewed"]["author"]["name"] == names[claims.at[claim_id, "source_id"]]
        said_on = cr.statement_date(tables, claim_id)
        assert record["itemReviewed"].get("datePublished") == (said_on.isoformat() if said_on else None)
        assert record["reviewRating"]["alternateName"] == table.at[claim_id, "verdict"]
        assert record["reviewRating"]["ratingExplanation"] == table.at[claim_id, "why"]
        assert "ratingValue" not in record["reviewRating"]  # the verdicts are not points on a scale


def test_the_reviewer_is_the_learner_and_the_date_is_the_reviews(tables, records):
    for record in records:
        assert record["author"] == {"@type": "Person", "name": "Test Learner"}
        assert record["datePublished"] == DAY.isoformat()
    default = cr.claim_reviews(tables, claim_ids=["c08"])[0]
    assert default["author"]["name"] == cr.DEFAULT_REVIEWER
    assert default["datePublished"] == dt.date.today().isoformat()
    assert default["url"] == cr.REVIEW_URL


def test_no_url_is_invented(tables, records):
    known = set(tables.estimates.url) | set(tables.verdict_evidence.url.dropna()) | {"https://schema.org"}
    found = {u for record in records for u in _urls(record)}
    assert found <= known
    assert cr.original_report(tables)["url"] in found
    notes = SOURCE_NOTES.read_text(encoding="utf-8")
    assert all(u in notes for u in found - {"https://schema.org"})
    for record in records:
        assert not record["url"].startswith("http")  # the review is not on the web: it points at the lesson


def test_appearances_are_the_fox_report_and_the_unnamed_translation(records):
    record = records[0]
    fox, vietnamese = record["itemReviewed"]["appearance"]
    assert fox["url"].startswith("https://www.foxnews.com/") and fox["publisher"]["name"] == "Fox News Digital"
    assert vietnamese["inLanguage"] == "vi" and "url" not in vietnamese
    assert vietnamese["publisher"]["name"] == "Unnamed Vietnamese outlet"


def test_citations_are_the_evidence_behind_the_verdict(tables):
    record = cr.claim_reviews(tables, claim_ids=["c08"], date_published=DAY)[0]
    cited = {c["url"] for c in record["citation"]}
    ev = v.evidence(tables)
    assert cited == set(ev.loc[ev.claim_id == "c08", "url"])
    assert "Kim Jong Un (via KCNA), 2025-12-13" in {c["name"] for c in record["citation"]}
    no_evidence = cr.claim_reviews(tables, claim_ids=["c30"], date_published=DAY)[0]
    assert "citation" not in no_evidence


def test_the_verdict_says_it_rests_on_the_courses_sources(tables):
    """A record travels without the lesson: its verdict must not read as a judgement on the event."""
    record = cr.claim_reviews(tables, claim_ids=["c30"], date_published=DAY)[0]
    assert record["reviewRating"]["alternateName"] == "unverified by the course's sources"
    assert "no outside source" in record["reviewRating"]["ratingExplanation"]


def test_problems_finds_missing_fields_wrong_types_and_bad_dates(records):
    record = copy.deepcopy(records[0])
    del record["itemReviewed"]["author"]
    record["reviewRating"]["@type"] = "Review"
    record["datePublished"] = "15/01/2026"
    record["url"] = "  "
    found = cr.problems(record)
    assert "missing itemReviewed.author.name" in found
    assert "reviewRating.@type is 'Review', not 'Rating'" in found
    assert "datePublished '15/01/2026' is not a date written YYYY-MM-DD" in found
    assert "missing url" in found


def test_check_claim_reviews_gives_one_line(records):
    broken = copy.deepcopy(records)
    del broken[2]["claimReviewed"]
    with pytest.raises(LearnerError) as caught:
        cr.check_claim_reviews(broken)
    message = caught.value.message
    assert message.startswith(f"ClaimReview {broken[2]['identifier']}: missing claimReviewed") and "\n" not in message
    with pytest.raises(LearnerError, match="no ClaimReview records"):
        cr.check_claim_reviews([])


def test_to_jsonld_round_trips(records):
    text = cr.to_jsonld(records)
    assert json.loads(text) == records


def test_save_jsonld(tmp_path, records):
    path = cr.save_jsonld(records, tmp_path / "reviews.jsonld")
    assert json.loads(path.read_text(encoding="utf-8")) == records


def test_save_jsonld_never_replaces_a_file_unless_told(tmp_path, records):
    path = tmp_path / "reviews.jsonld"
    path.write_text("my earlier reviews", encoding="utf-8")
    with pytest.raises(LearnerError) as caught:
        cr.save_jsonld(records, path)
    assert str(caught.value) == ("reviews.jsonld already exists, so nothing was written. Fix: choose another "
                                 "file name, or pass overwrite=True to replace it.")
    assert path.read_text(encoding="utf-8") == "my earlier reviews"
    cr.save_jsonld(records, path, overwrite=True)
    assert json.loads(path.read_text(encoding="utf-8")) == records


def test_unknown_claim_is_a_learner_error(tables):
    with pytest.raises(LearnerError, match="'c02' has no verdict"):
        cr.claim_reviews(tables, claim_ids=["c02"])


def test_original_report_needs_the_source_line_evidence(tables):
    ev = tables.verdict_evidence[tables.verdict_evidence.claim_id != "c33"]
    with pytest.raises(DataContractError, match="no evidence corroborates the source line"):
        cr.original_report(dataclasses.replace(tables, verdict_evidence=ev))


def test_a_statement_dated_by_month_gets_no_day(tables, records):
    """The article's date is not the date of a statement it reports (Putin's "tháng 4", April)."""
    by_id = {r["identifier"]: r for r in records}
    te = tables.time_expressions
    month_only = te[te["rule"].isin(["latest_month", "previous_month", "previous_year"])]
    claims = tables.claims[tables.claims["sentence_id"].isin(month_only["sentence_id"])]
    reviewed = [c for c in claims["claim_id"] if c in by_id]
    assert reviewed
    for claim_id in reviewed:
        assert "datePublished" not in by_id[claim_id]["itemReviewed"], claim_id
    source_line = tables.claims.loc[tables.claims["sentence_id"] == tables.sentences["sentence_id"].iloc[-1], "claim_id"]
    assert by_id[source_line.iloc[0]]["itemReviewed"]["datePublished"] == tables.publication_date.isoformat()


def test_jsonld_view_folds_each_record_to_one_line(records):
    view = cr.jsonld_view(records)
    lines = repr(view).splitlines()
    assert len(lines) == len(records) and lines[0].startswith(f"{records[0]['identifier']} · ")
    assert view._repr_html_().count("<details>") == len(records)
    assert json.dumps(records[0]["claimReviewed"], ensure_ascii=False)[1:-1] in view._repr_html_()
