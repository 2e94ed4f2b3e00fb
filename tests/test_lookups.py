"""Typed lookups on Tables, and estimates.csv naming its source by id (checked like every other reference)."""

import pytest

from critical_reading import AssumptionError, DataContractError, Interval, load_tables


def test_lookups_return_rows_and_names(tables):
    assert tables.figure("f01")["text_vi"] == "khoảng 14.000"
    assert tables.estimate("e23")["source_id"] == "sk_nis"
    assert tables.claim("c08")["sentence_id"] == "s07"
    assert tables.source_name("zelensky").startswith("Volodymyr Zelensky")
    assert tables.interval(tables.figure("f01")) == Interval(12600, 15400)


@pytest.mark.parametrize("lookup, wanted", [("figure", "f99"), ("estimate", "e99"), ("claim", "c99"),
                                            ("source", "nobody"), ("sentence", "s99")])
def test_an_unknown_id_is_one_line(tables, lookup, wanted):
    with pytest.raises(AssumptionError) as info:
        getattr(tables, lookup)(wanted)
    assert wanted in info.value.message and "\n" not in info.value.message


def test_every_estimate_names_a_known_source(tables):
    assert set(tables.estimates["source_id"]) <= set(tables.sources["source_id"])


def test_an_unknown_estimate_source_is_one_line(edited_data):
    folder = edited_data("estimates.csv", ",UK Defence Intelligence,uk_defence_intelligence,",
                         ",UK Defence Intelligence,uk_di,")
    with pytest.raises(DataContractError) as info:
        load_tables(folder)
    message = info.value.message
    assert message.startswith("data/estimates.csv, line 17 (estimate_id e16), column 'source_id': 'uk_di'")
    assert "data/sources.csv" in message
