"""Timescales, funding dates and financial years as council papers write them."""

import pytest

from cspipe.extractors.dates import due_date, financial_period, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Q1 2023/24", "2023-06-30"),
        ("Q2 23/24", "2023-09-30"),
        ("Qrt 4 2022/23", "2023-03-31"),
        ("Qrt 4 2022/2023", "2023-03-31"),
        ("September 2023", "2023-09-30"),
        ("Sept 23", "2023-09-30"),
        ("Febuary 2024", "2024-02-29"),
        ("Yearly March 2024", "2024-03-31"),
        ("2023/24", "2024-03-31"),
        ("June 2023 onwards", "2023-06-30"),
        ("Ongoing March 2024", "2024-03-31"),
        ("14-21st October 2023", "2023-10-21"),
        ("April 2023 to March 2024", "2024-03-31"),
        ("By 31 March 2024", "2024-03-31"),
        ("As required", None),
        ("Ongoing", None),
        ("TBC", None),
        ("Quarterly", None),
        ("Yearly presented at the June board meeting", None),
        (None, None),
        ("", None),
    ],
)
def test_due_date(text: str | None, expected: str | None) -> None:
    assert due_date(text) == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("28/07/2019", None, "2019-07-28"),
        ("April 2023", None, "2023-04"),
        ("Thursday, 20 July 2023", None, "2023-07-20"),
        ("16 September 2021", None, "2021-09-16"),
        ("20th June", None, None),
        ("20th June", 2021, "2021-06-20"),
        ("2023-07-20", None, "2023-07-20"),
        ("no date here", None, None),
    ],
)
def test_parse_date(text: str, year: int | None, expected: str | None) -> None:
    assert parse_date(text, year=year) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021/2022", "2021/22"),
        ("2016 -17", "2016/17"),
        ("in 2019/20 and 2020/21", "2019/20"),
        ("2016-2018", None),
        ("nothing", None),
    ],
)
def test_financial_period(text: str, expected: str | None) -> None:
    assert financial_period(text) == expected
