"""Dates as council papers write them: timescales, meeting dates, funding dates, financial years.

``due_date`` turns a timescale into the last day of the period it names (UK financial
year quarters: Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec, Q4 Jan-Mar). ``parse_date`` reads
one date, keeping only the precision written (``YYYY-MM`` when no day is given).
``financial_period`` normalises a financial year to ``2021/22``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from rapidfuzz.distance import Levenshtein

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]

#: a word that may name a month: a prefix of a month name (``Sept``, ``Feb``) or a near
#: spelling of it (``Febuary``, ``Feburary``, ``Janurary``).


def month_number(word: str) -> int | None:
    """1-12 for a month name, abbreviation or common misspelling; None otherwise."""
    w = word.lower().rstrip(".")
    if len(w) < 3:
        return None
    for i, name in enumerate(_MONTHS, start=1):
        if name.startswith(w):
            return i
    if len(w) < 5:
        return None
    best = min(range(12), key=lambda i: Levenshtein.distance(w, _MONTHS[i]))
    if Levenshtein.distance(w, _MONTHS[best]) <= 2 and w[:3] == _MONTHS[best][:3]:
        return best + 1
    return None


def _year(text: str) -> int | None:
    """A four- or two-digit year (``23`` -> 2023)."""
    y = int(text)
    if len(text) == 2:
        return 2000 + y
    if 1900 <= y <= 2100:
        return y
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_MONTH_TOKEN = r"([A-Za-z]{3,10})\.?"
_QUARTER = re.compile(
    r"\b(?:q|qr?t?r?|quarter)\.?\s*([1-4])(?:\s*of)?[\s,]*(?:(?:fy|financial year)\s*)?"
    r"(\d{4}|\d{2})(?:\s*[/\-–]\s*(\d{4}|\d{2}))?\b",
    re.I,
)
_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_TOKEN + r",?\s+(\d{4}|\d{2})\b")
_DAY_RANGE_MONTH_YEAR = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s*[-–]\s*(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_TOKEN
    + r",?\s+(\d{4}|\d{2})\b")
_MONTH_DAY_YEAR = re.compile(
    _MONTH_TOKEN + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_MONTH_YEAR = re.compile(r"\b" + _MONTH_TOKEN + r"\s*(?:[,']|-(?=\d))?\s*(\d{4}|\d{2})\b")
_FY = re.compile(r"\b(\d{4})\s*[/\-–]\s*(\d{4}|\d{2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")


def _fy_start(first: str, second: str | None) -> int | None:
    """Start year of a financial year written ``2023/24``, ``2022/2023`` or ``23/24``."""
    y1 = _year(first)
    if y1 is None:
        return None
    if second is None:
        return None
    y2 = _year(second) if len(second) == 4 else (y1 // 100) * 100 + int(second)
    if y2 is None or y2 != y1 + 1:
        return None
    return y1


def _quarter_end(q: int, first: str, second: str | None) -> date | None:
    if second is not None:
        start = _fy_start(first, second)
        if start is None:
            return None
        return _month_end(start + 1, 3) if q == 4 else _month_end(start, 3 + 3 * q)
    # a single year: the financial quarter that ends in that calendar year
    y = _year(first)
    if y is None:
        return None
    return _month_end(y, 3) if q == 4 else _month_end(y, 3 + 3 * q)


def due_date(timescale: str | None) -> str | None:
    """Last day of the period a timescale names, ISO; None for open-ended timescales."""
    if not timescale:
        return None
    text = " ".join(timescale.split())
    m = _QUARTER.search(text)
    if m:
        d = _quarter_end(int(m.group(1)), m.group(2), m.group(3))
        if d:
            return d.isoformat()
    m = _DAY_RANGE_MONTH_YEAR.search(text)
    if m and (mo := month_number(m.group(2))) and (y := _year(m.group(3))):
        d = _safe_date(y, mo, int(m.group(1)))
        if d:
            return d.isoformat()
    ends: list[tuple[int, date]] = []
    for m in _DAY_MONTH_YEAR.finditer(text):
        mo, y = month_number(m.group(2)), _year(m.group(3))
        if mo and y and (d := _safe_date(y, mo, int(m.group(1)))):
            ends.append((m.end(), d))
    covered = [(m.start(), m.end()) for m in _DAY_MONTH_YEAR.finditer(text)]
    for m in _MONTH_YEAR.finditer(text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        mo, y = month_number(m.group(1)), _year(m.group(2))
        if mo and y:
            ends.append((m.end(), _month_end(y, mo)))
    if ends:
        # a range ("April 2023 to March 2024") ends at its last named month
        return max(ends, key=lambda e: e[0])[1].isoformat()
    m = _FY.search(text)
    if m and (start := _fy_start(m.group(1), m.group(2))) is not None:
        return date(start + 1, 3, 31).isoformat()
    m = _YEAR.search(text)
    if m and not re.search(r"\d", text[: m.start()] + text[m.end():]):
        return date(int(m.group(1)), 12, 31).isoformat()
    return None


def parse_date(text: str | None, year: int | None = None) -> str | None:
    """The first date in ``text`` as ISO text (``YYYY-MM-DD`` or ``YYYY-MM``); UK day-first order.

    ``year`` supplies the year for dates written without one (``20th June``).
    """
    if not text:
        return None
    text = " ".join(text.split())
    found: list[tuple[int, str]] = []
    for m in _ISO.finditer(text):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m.start(), d.isoformat()))
    for m in _NUMERIC.finditer(text):
        y = _year(m.group(3))
        d = _safe_date(y, int(m.group(2)), int(m.group(1))) if y else None
        if d:
            found.append((m.start(), d.isoformat()))
    spans: list[tuple[int, int]] = []
    for m in _DAY_MONTH_YEAR.finditer(text):
        mo, y = month_number(m.group(2)), _year(m.group(3))
        if mo and y and (d := _safe_date(y, mo, int(m.group(1)))):
            found.append((m.start(), d.isoformat()))
            spans.append((m.start(), m.end()))
    for m in _MONTH_DAY_YEAR.finditer(text):
        mo, y = month_number(m.group(1)), _year(m.group(3))
        if mo and y and (d := _safe_date(y, mo, int(m.group(2)))):
            found.append((m.start(), d.isoformat()))
            spans.append((m.start(), m.end()))
    for m in _MONTH_YEAR.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        mo, y = month_number(m.group(1)), _year(m.group(2))
        if mo and y and len(m.group(2)) == 4:
            found.append((m.start(), f"{y:04d}-{mo:02d}"))
    if not found and year is not None:
        m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_TOKEN, text)
        if m and (mo := month_number(m.group(2))) and (d := _safe_date(year, mo, int(m.group(1)))):
            found.append((m.start(), d.isoformat()))
    if not found:
        return None
    return min(found, key=lambda f: f[0])[1]


_PERIOD = re.compile(r"\b((?:19|20)\d{2})\s*[/\-–]\s*((?:19|20)?\d{2})\b")


def financial_period(text: str | None) -> str | None:
    """The first financial year in ``text`` as ``YYYY/YY`` (``2016 -17`` -> ``2016/17``)."""
    if not text:
        return None
    for m in _PERIOD.finditer(text):
        start = _fy_start(m.group(1), m.group(2))
        if start is not None:
            return f"{start}/{(start + 1) % 100:02d}"
    return None
