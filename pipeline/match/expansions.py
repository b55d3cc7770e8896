"""A paper's own "Full Name (ABBR)" pairs, so its initials mean what it says they mean."""

from __future__ import annotations

import re
from collections.abc import Iterable

from cspipe.pipeline.match.registry.text import fold
from cspipe.pipeline.match.words import (
    INITIALS_JOINERS,
)

_EXPANSION = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9}s?)\s*\)")


def find_expansions(page_texts: Iterable[str]) -> dict[str, str]:
    """The paper's own "Full Name (ABBR)" pairs, letters matched to word initials."""
    found: dict[str, str] = {}
    for page in page_texts:
        text = fold(page)
        for m in _EXPANSION.finditer(text):
            abbr = m.group(1)
            letters = [c.lower() for c in abbr if c.isalpha() and (c.isupper() or c.isdigit())]
            if len(letters) < 2 or sum(c.isupper() for c in abbr) < 2:
                continue
            before = re.split(r"[\n.;:()]", text[max(0, m.start() - 160) : m.start()])[-1]
            words = re.findall(r"[A-Za-z][A-Za-z'-]*", before)
            name = _initials_span(words, letters)
            if name and abbr not in found:
                found[abbr] = name
    return found


def _initials_span(words: list[str], letters: list[str]) -> str | None:
    """Shortest run of trailing words whose initials spell the letters (joiners may be skipped)."""
    parts: list[str] = []
    for w in words:
        parts.extend(p for p in w.split("-") if p)
    j = len(letters) - 1
    i = len(parts) - 1
    start = None
    while i >= 0 and j >= 0:
        word = parts[i]
        if word[0].lower() == letters[j]:
            j -= 1
            start = i
        elif word.lower() not in INITIALS_JOINERS:
            return None
        i -= 1
    if j >= 0 or start is None:
        return None
    return " ".join(parts[start:])
