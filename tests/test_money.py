"""Sums of money as papers write them."""

from __future__ import annotations

import pytest

from cspipe.extractors.money import find_amounts, parse_amount


@pytest.mark.parametrize(("text", "want"), [
    ("£9,783", 9783.0),
    ("£16.1m", 16_100_000.0),
    ("£500k", 500_000.0),
    ("£30k", 30_000.0),
    ("£1.2 million", 1_200_000.0),
    ("just under £7,000", 7000.0),
    ("over £16 million pounds lost", 16_000_000.0),
    ("2,000 pounds", 2000.0),
    ("1,070", 1070.0),
    ("no money here", None),
    ("", None),
])
def test_parse_amount(text: str, want: float | None) -> None:
    assert parse_amount(text) == want


def test_find_amounts_spans() -> None:
    text = "a £10 top up and £875.50 contribution"
    found = find_amounts(text)
    assert [v for _, _, v in found] == [10.0, 875.5]
    assert text[found[1][0]:found[1][1]] == "£875.50"


def test_made_is_not_millions() -> None:
    assert find_amounts("£500 made available") == [(0, 4, 500.0)]
