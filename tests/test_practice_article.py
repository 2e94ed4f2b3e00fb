"""The worked practice article (articles/practice/) follows the data contract and exercises every view."""

from pathlib import Path

import pytest

from critical_reading import DataContractError, load_tables
from critical_reading.files import sides_of

ROOT = Path(__file__).resolve().parent.parent
PRACTICE = ROOT / "articles" / "practice"


@pytest.fixture(scope="module")
def practice():
    return load_tables(PRACTICE)


def test_loads_with_its_own_parties(practice):
    assert sides_of(PRACTICE) == ("valdoria", "kestria", "none", "unknown")
    assert set(practice.sources["side"]) <= set(sides_of(PRACTICE))
    assert practice.publication_date.isoformat() == "2026-10-03"


def test_has_what_every_view_needs(practice):
    claims, sources, figures = practice.claims, practice.sources.set_index("source_id"), practice.figures
    assert (claims["claim_type"] == "disclaimer").any() and claims["flagged_by"].notna().any()
    assert (~sources["named"] & (sources["kind"] == "anonymous")).any(), "an unnamed source"
    assert (figures["as_of"].isna()).any(), "an undated figure"
    assert (figures["qualifier"] == "more_than").any()
    assert claims["relayed_by"].fillna("").str.contains(">").any(), "a claim relayed through two conduits"
    assert len(practice.estimates) and len(practice.verdict_evidence)
    assert 9 <= len(practice.sentences) - 1 <= 12, "about ten sentences plus the source line"


def test_is_labelled_invented():
    readme = (PRACTICE / "README.md").read_text(encoding="utf-8")
    assert "invented" in readme.lower()


def test_an_undeclared_party_gives_one_line(tmp_path):
    copy = tmp_path / "practice"
    copy.mkdir()
    for path in PRACTICE.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    sources = copy / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace(",valdoria,true,", ",valdria,true,", 1),
                       encoding="utf-8")
    with pytest.raises(DataContractError) as caught:
        load_tables(copy)
    message = str(caught.value)
    assert "'side'" in message and "'valdria'" in message and "valdoria, kestria" in message
    assert "\n" not in message
