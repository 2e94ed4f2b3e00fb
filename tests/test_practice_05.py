"""Lessons 05a and 05b: the "Your turn" practice checks pass the model answer, hint at near misses.

The model answers are the ones each lesson's "Show the answer" gives, written here with pandas as a
learner would; expected values come from the tables, never typed in.
"""

import pandas as pd
import pytest

from critical_reading import checks, verdicts

practice = checks.putting_it_together


def test_the_latest_estimate_before_the_article(tables, capsys):
    published = pd.Timestamp(tables.publication_date)
    e = tables.estimates
    wounded = e[(e["quantity"] == "wounded") & (e["date"] < published)]
    practice.latest_estimate(wounded.sort_values("date")["estimate_id"].iloc[-1], "wounded")
    assert capsys.readouterr().out.startswith("✓ Correct. The latest a reader could know on the day")
    oldest = wounded.sort_values("date")["estimate_id"].iloc[0]
    with pytest.raises(checks.Hint, match=r"is not the latest: sort by date"):
        practice.latest_estimate(oldest, "wounded")
    killed = e.loc[e["quantity"] == "killed", "estimate_id"].iloc[0]
    with pytest.raises(checks.Hint, match="counts killed, not wounded"):
        practice.latest_estimate(killed, "wounded")
    with pytest.raises(checks.Hint, match="not before the article"):
        practice.latest_estimate(e.loc[e["date"] > published, "estimate_id"].iloc[0], "killed")
    with pytest.raises(checks.Hint, match="as text"):
        practice.latest_estimate(wounded.tail(1), "wounded")
    with pytest.raises(checks.NotAnswered):
        practice.latest_estimate(..., "wounded")


def test_one_verdict(tables, capsys):
    table = verdicts.verdicts(tables)
    practice.verdict_of(table.at["c21", "verdict"], "c21")
    assert capsys.readouterr().out.startswith("✓ Correct. The verdict on c21")
    other = next(v for v in table["verdict"] if v != table.at["c21", "verdict"])
    with pytest.raises(checks.Hint, match="another claim"):
        practice.verdict_of(other, "c21")
    with pytest.raises(checks.Hint, match="more than one cell"):
        practice.verdict_of(table.loc["c21"], "c21")


def test_the_claim_reviewed_and_its_claimant(tables, capsys):
    claims = tables.claims.set_index("claim_id")
    sources = tables.sources.set_index("source_id")
    practice.quote_of(claims.at["c21", "quote_vi"], "c21")
    practice.claimant_of(sources.at[claims.at["c21", "source_id"], "name_en"], "c21")
    assert capsys.readouterr().out.count("✓ Correct.") == 2
    with pytest.raises(checks.Hint, match="English working translation"):
        practice.quote_of(claims.at["c21", "claim_en"], "c21")
    with pytest.raises(checks.Hint, match="claimant's id"):
        practice.claimant_of(claims.at["c21", "source_id"], "c21")
    assert {"latest_estimate", "verdict_of", "quote_of", "claimant_of"} <= set(checks.PRACTICE)
