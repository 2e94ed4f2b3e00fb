"""Instant feedback for the exercises and the lessons' practice cells.

Every exercise notebook (``exercises/``) puts a check cell after each answer cell::

    checks.chain_of_publication(answer_q1, "c08")

and ends with ``checks.check_all("01")``, a summary of where the learner stands. The shared
answer-checking core is :mod:`.core` (verdicts, stale answers, the record, practice checks);
:mod:`.answers` turns a learner's value into a list, table, dict, number, interval or date, or says
why not; one module per exercise set holds that set's checks.

Expected answers are computed from ``data/`` each time (never typed in), so a teacher who edits a
table gets checks that agree with the edit. The functions ``expected_*`` return them; the masters'
hidden tests compute the same answers a second time, independently, with pandas in the notebook.
"""

from __future__ import annotations

from .answers import tables as _tables  # noqa: F401 - the tests and teachers' scripts use it
from .casualty_figures import (
                               casualty_estimates_before,
                               estimates_after_article,
                               expected_figure_interval,
                               expected_implied_interval,
                               expected_killed_estimates,
                               expected_overlapping_estimates,
                               figure_interval,
                               implied_interval,
                               interval_of_figure,
                               killed_estimates,
                               open_loss_estimates,
                               overlapping_estimates,
                               share_killed,
                               value_of_figure,
)
from .close_reading import (
                               chain_of_claim,
                               chain_of_publication,
                               chronological_order,
                               claims_through,
                               expected_chain,
                               expected_chronological_order,
                               expected_claims_through,
                               expected_relative_periods,
                               last_month_on,
                               relative_periods,
)
from .core import (
                               EXERCISE_SETS,
                               PRACTICE,
                               QUESTIONS,
                               RESULTS,
                               Hint,
                               NotAnswered,
                               StaleAnswer,
                               check_all,
                               expect,
                               practice,
                               question,
                               same_value,
                               summary,
                               watch_cells,
)
from .putting_it_together import claim_review, expected_key_figures, expected_latest_estimates, key_figures, latest_estimates
from .sentences import show_sentences
from .unverified_statements import (
                               covered_by,
                               disclaimer_scope,
                               disclaimers,
                               expected_disclaimer_scope,
                               expected_disclaimers,
                               expected_unflagged_figures,
                               expected_unflagged_party_claims,
                               figure_rows,
                               flagged_figures,
                               unflagged_figures,
                               unflagged_of_side,
                               unflagged_party_claims,
)
from .who_claims_what import (
                               attribution_kinds,
                               claims_per_side,
                               claims_with_sources,
                               expected_attribution_kinds,
                               expected_claims_per_side,
                               expected_claims_with_sources,
                               expected_strong_attribution,
                               strong_attribution,
)

__all__ = [
    "EXERCISE_SETS", "Hint", "NotAnswered", "PRACTICE", "QUESTIONS", "RESULTS", "StaleAnswer", "check_all", "expect",
    "practice", "question", "same_value", "show_sentences", "summary", "watch_cells",
    # 01 close reading
    "chain_of_publication", "claims_through", "relative_periods", "chronological_order",
    "chain_of_claim", "last_month_on",  # lesson 01a/01b practice
    # 02 who claims what
    "claims_with_sources", "claims_per_side", "strong_attribution", "attribution_kinds",
    # 03 casualty figures
    "figure_interval", "implied_interval", "killed_estimates", "overlapping_estimates",
    # 03 practice in the lessons
    "value_of_figure", "interval_of_figure", "casualty_estimates_before", "open_loss_estimates", "share_killed",
    "estimates_after_article",
    # 04 unverified statements
    "disclaimers", "disclaimer_scope", "unflagged_figures", "unflagged_party_claims",
    "figure_rows", "covered_by", "flagged_figures", "unflagged_of_side",  # lessons 04a/04b practice
    # 05 putting it together
    "key_figures", "latest_estimates", "claim_review",
    # the expected answers, computed from data/
    "expected_attribution_kinds", "expected_chain", "expected_chronological_order", "expected_claims_per_side",
    "expected_claims_through", "expected_claims_with_sources", "expected_disclaimer_scope", "expected_disclaimers",
    "expected_figure_interval", "expected_implied_interval", "expected_key_figures", "expected_killed_estimates",
    "expected_latest_estimates", "expected_overlapping_estimates", "expected_relative_periods",
    "expected_strong_attribution", "expected_unflagged_figures", "expected_unflagged_party_claims",
]

watch_cells()
