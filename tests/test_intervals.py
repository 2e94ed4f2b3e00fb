"""Unit tests of the interval rules (critical_reading.intervals)."""

import math

import pytest

from critical_reading.intervals import Interval, interval_for


@pytest.mark.parametrize("value,qualifier,low,high", [
    (14000, "exact", 14000, 14000),
    (14000, "about", 12600, 15400),
    (6000, "more_than", 6000, math.inf),
    (12000, "up_to", 0, 12000),
])
def test_rules(value, qualifier, low, high):
    interval = interval_for(value, qualifier)
    assert interval.low == pytest.approx(low)
    assert interval.high == pytest.approx(high)


def test_about_tolerance_is_adjustable():
    assert interval_for(100, "about", about_tolerance=0.2) == Interval(80, 120)
    with pytest.raises(ValueError):
        interval_for(100, "about", about_tolerance=1.5)


def test_vague_uses_the_table_bounds():
    assert interval_for(None, "vague", low=2000, high=9999) == Interval(2000, 9999)
    with pytest.raises(ValueError, match="low and high"):
        interval_for(None, "vague")


def test_bad_inputs():
    with pytest.raises(ValueError, match="not a qualifier the course knows"):
        interval_for(1, "roughly")
    with pytest.raises(ValueError, match="needs a value"):
        interval_for(None, "about")
    with pytest.raises(ValueError, match="above high"):
        Interval(5, 1)
    with pytest.raises(ValueError):
        Interval(float("nan"), 1)


def test_open_interval_scaled_stays_open():
    killed = interval_for(4000, "more_than").scale(2 / 3)
    assert killed.low == pytest.approx(2666.67, rel=1e-3)
    assert killed.is_open
    assert 3000 in killed
    assert interval_for(4000, "more_than").scale(0).high == 0


def test_scale_by_a_range_and_reject_negative():
    assert Interval(10, 20).scale(0.5, 1) == Interval(5, 20)
    with pytest.raises(ValueError):
        Interval(1, 2).scale(-1)
    with pytest.raises(ValueError):
        Interval(1, 2).scale(1, 0.5)


def test_overlap_and_intersection():
    nis = interval_for(2000, "about")  # 1,800–2,200
    reuters = interval_for(6000, "more_than")
    uk = interval_for(6000, "more_than")
    assert not nis.overlaps(reuters)
    assert nis.intersection(reuters) is None
    assert reuters.intersection(uk) == Interval(6000, math.inf)
    assert Interval(0, 12000).intersection(Interval(10000, math.inf)) == Interval(10000, 12000)


def test_describe():
    assert interval_for(14000, "about").describe("people") == "12,600 to 15,400 people"
    assert interval_for(6000, "more_than").describe() == "more than 6,000 (no upper bound given)"
    assert interval_for(37, "exact").describe() == "37"
    assert Interval(0.5, 0.75).describe() == "0.5 to 0.75"
