"""Sums of money as council papers write them: "£9,783", "£16.1m", "£500k", "£1.2 million".

Amounts are returned in pounds as floats so that "£16.1m" and "£16,100,000" compare equal.
Qualifiers ("just under", "over", "less than") are allowed before the sum and ignored: the
number stated is the amount.
"""

from __future__ import annotations

import re

#: multiplier words / suffixes after a number
_SCALE = {
    "k": 1_000.0,
    "thousand": 1_000.0,
    "m": 1_000_000.0,
    "mn": 1_000_000.0,
    "million": 1_000_000.0,
    "bn": 1_000_000_000.0,
    "billion": 1_000_000_000.0,
}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_RE = r"(?:\s*(?P<scale>k|m|mn|bn)\b|\s+(?P<scaleword>thousand|million|billion)\b)?"

#: "£9,783", "£ 16.1m", "£500k", "£1.2 million", "GBP 2,000"
_POUND_AMOUNT = re.compile(
    rf"(?:£|\bGBP\s?)\s?(?P<num>{_NUMBER}){_SCALE_RE}(?:\s+pounds\b)?",
    re.IGNORECASE,
)
#: "2,000 pounds", "16 million pounds" (no £ sign)
_WORD_AMOUNT = re.compile(
    rf"\b(?P<num>{_NUMBER}){_SCALE_RE}\s+pounds\b",
    re.IGNORECASE,
)


def _value(match: re.Match[str]) -> float | None:
    try:
        number = float(match.group("num").replace(",", ""))
    except ValueError:
        return None
    scale = match.group("scale") or match.group("scaleword")
    if scale:
        number *= _SCALE[scale.lower()]
    return round(number, 2)


def find_amounts(sentence: str) -> list[tuple[int, int, float]]:
    """Every sum of money in ``sentence`` as (start, end, pounds), in order, spans not overlapping."""
    found: list[tuple[int, int, float]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_POUND_AMOUNT, _WORD_AMOUNT):
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            value = _value(match)
            if value is None:
                continue
            found.append((start, end, value))
            taken.append((start, end))
    found.sort()
    return found


def parse_amount(text: str) -> float | None:
    """The first sum of money in ``text`` in pounds, or None when there is none.

    A bare number in a cell whose column is about money ("9783", "1,070.50") is read too,
    when the text holds nothing else but the number.
    """
    if not text:
        return None
    amounts = find_amounts(text)
    if amounts:
        return amounts[0][2]
    bare = re.fullmatch(rf"\s*(?P<num>{_NUMBER}){_SCALE_RE}\s*", text, re.IGNORECASE)
    if bare:
        return _value(bare)
    return None
