"""A page's text laid out from its words, as pdfplumber's ``extract_text`` lays it out.

``extract_text`` groups a page's characters into words a second time; the page's one word
pass (split also where the font or size changes) gives the same text at no extra cost: words
clustered into lines by their tops, left to right, joined by a space, except two words that
touch (one word in two fonts, "Lead" in bold and ":" not) which join as one.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from pdfplumber.utils import cluster_objects

#: pdfplumber's default y tolerance: words whose tops are this close share a line
LINE_TOLERANCE = 3
#: words closer than this (points) were one word split by a change of font
TOUCHING = 0.5


def text_of_words(words: list[dict[str, Any]]) -> str:
    """The text ``extract_text`` gives for the characters these words were made of."""
    lines = cluster_objects(words, itemgetter("top"), LINE_TOLERANCE)
    out = []
    for line in lines:
        line = sorted(line, key=itemgetter("x0"))
        parts = [line[0]["text"]]
        for prev, word in zip(line, line[1:], strict=False):
            if float(word["x0"]) - float(prev["x1"]) >= TOUCHING:
                parts.append(" ")
            parts.append(word["text"])
        out.append("".join(parts))
    return "\n".join(out)
