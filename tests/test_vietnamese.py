"""Unit tests of critical_reading.vietnamese: numbers and dates as the article writes them."""

import datetime as dt

import pytest

from critical_reading.vietnamese import numbers_in, parse_vi_number, resolve_time_expression, value_is_written_in

PUBLISHED = dt.date(2025, 11, 14)


@pytest.mark.parametrize("text,value", [
    ("14.000", 14000), ("6.000", 6000), ("37", 37), ("1.234.567", 1234567), ("0,5", 0.5),
    ("hai phần ba", 2 / 3), (" Hai phần ba ", 2 / 3),
])
def test_parse(text, value):
    assert parse_vi_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["14,000.5", "fourteen", "", "14.00"])
def test_parse_rejects(text):
    with pytest.raises(ValueError):
        parse_vi_number(text)


def test_numbers_in_a_sentence():
    sentence = "khoảng 14.000 binh sĩ ... và hơn 6.000 người; Tôi nghĩ hai phần ba đã chết"
    assert numbers_in(sentence) == pytest.approx([14000, 6000, 2 / 3])
    assert value_is_written_in(0.6667, "hai phần ba")
    assert not value_is_written_in(14000, "khoảng 12.000")
    assert not value_is_written_in(140, "14.000")


@pytest.mark.parametrize("text,start,end,rule", [
    ("năm ngoái", "2024-01-01", "2024-12-31", "previous_year"),
    ("tháng trước", "2025-10-01", "2025-10-31", "previous_month"),
    ("tháng 4", "2025-04-01", "2025-04-30", "latest_month"),
    ("tháng 12", "2024-12-01", "2024-12-31", "latest_month"),
    ("tháng 8 năm 2024", "2024-08-01", "2024-08-31", "absolute"),
    ("ngày 14 tháng 11 năm 2025", "2025-11-14", "2025-11-14", "absolute"),
])
def test_resolve(text, start, end, rule):
    period = resolve_time_expression(text, PUBLISHED)
    assert (period.start.isoformat(), period.end.isoformat(), period.rule) == (start, end, rule)


def test_previous_month_in_january():
    period = resolve_time_expression("tháng trước", dt.date(2026, 1, 5))
    assert period.start == dt.date(2025, 12, 1)


def test_undated_and_unknown():
    assert resolve_time_expression("", PUBLISHED).rule == "undated"
    with pytest.raises(ValueError, match="cannot read"):
        resolve_time_expression("hôm qua", PUBLISHED)
    with pytest.raises(ValueError, match="does not exist"):
        resolve_time_expression("tháng 13", PUBLISHED)
