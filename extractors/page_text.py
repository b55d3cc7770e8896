"""A page's words, and its text laid out from them as pdfplumber's ``extract_text`` does.

Words are pdfplumber's (``WordExtractor``: lines by top, characters by x, a new word at a
space or a gap); only its merge step, which built a bounding box through generic helpers
for every word, is done in one pass here (a third of the word time on a dense page).

``extract_text`` groups a page's characters into words a second time; the page's one word
pass (split also where the font or size changes) gives the same text at no extra cost: words
clustered into lines by their tops, left to right, joined by a space, except two words that
touch (one word in two fonts, "Lead" in bold and ":" not) which join as one.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import itemgetter
from typing import Any

from pdfplumber.utils import cluster_objects
from pdfplumber.utils.text import WordExtractor

#: pdfplumber's default y tolerance: words whose tops are this close share a line
LINE_TOLERANCE = 3
#: words closer than this (points) were one word split by a change of font
TOUCHING = 0.5


class WordGrouper(WordExtractor):
    """pdfplumber's word extractor with a one-pass merge step (same words, same keys) and its
    per-character loop inlined for the usual case."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: every ligature expanded is one character, so a word's text shows whether it holds one
        self.single_expansions = all(len(k) == 1 for k in self.expansions)

    def iter_chars_to_lines(self, chars: Any) -> Iterator[tuple[list[dict[str, Any]], Any]]:
        """pdfplumber's line grouping with C-level keys for upright lines read left to right
        (sorting by x0 alone keeps the order its (x0, x0) key gives); others go to pdfplumber."""
        chars = list(chars)
        upright = chars[0]["upright"]
        line_dir = self.line_dir if upright else self.line_dir_rotated
        char_dir = self.get_char_dir(upright)
        if line_dir != "ttb" or char_dir != "ltr":
            yield from super().iter_chars_to_lines(chars)
            return
        by_x0 = itemgetter("x0")
        for line in cluster_objects(chars, itemgetter("top"), self.y_tolerance):
            yield sorted(line, key=by_x0), char_dir

    def iter_chars_to_words(self, ordered_chars: Any, direction: Any) -> Iterator[list[dict[str, Any]]]:
        """pdfplumber's loop for left-to-right lines with fixed tolerances, its tests inlined
        (a new word at a space, a punctuation split, a step back, a gap past ``x_tolerance``
        or a top ``y_tolerance`` off the last character's); other settings go to pdfplumber."""
        if direction != "ltr" or self.keep_blank_chars or self.x_tolerance_ratio is not None \
                or self.y_tolerance_ratio is not None:
            yield from super().iter_chars_to_words(ordered_chars, direction)
            return
        xt, yt, split = self.x_tolerance, self.y_tolerance, self.split_at_punctuation
        word: list[dict[str, Any]] = []
        for char in ordered_chars:
            text = char["text"]
            if text.isspace():
                if word:
                    yield word
                word = []
            elif text in split:
                if word:
                    yield word
                yield [char]
                word = []
            elif word and ((cx := char["x0"]) < (p := word[-1])["x0"] or cx > p["x1"] + xt
                           or abs(char["top"] - p["top"]) > yt):
                yield word
                word = [char]
            else:
                word.append(char)
        if word:
            yield word

    def merge_chars(self, ordered_chars: list[dict[str, Any]]) -> dict[str, Any]:
        first = ordered_chars[0]
        x0, x1 = min(map(_X0, ordered_chars)), max(map(_X1, ordered_chars))
        top, bottom = min(map(_TOP, ordered_chars)), max(map(_BOTTOM, ordered_chars))
        expansions = self.expansions
        try:
            text = "".join(map(_TEXT, ordered_chars))
        except TypeError:  # a char without text
            text = None
        if text is None or not expansions.keys().isdisjoint(text) or not self.single_expansions:
            text = "".join(expansions.get(c["text"], c["text"] or "") for c in ordered_chars)
        word = {
            "text": text,
            "x0": x0, "x1": x1, "top": top, "doctop": top + first["doctop"] - first["top"],
            "bottom": bottom, "upright": first["upright"], "height": bottom - top,
            "width": x1 - x0, "direction": self.get_char_dir(first["upright"]),
        }
        for key in self.extra_attrs:
            word[key] = first[key]
        return word


_X0, _X1, _TOP, _BOTTOM, _TEXT = (itemgetter(k) for k in ("x0", "x1", "top", "bottom", "text"))


def words_of(chars: list[dict[str, Any]], **kwargs: Any) -> list[dict[str, Any]]:
    """``pdfplumber.utils.extract_words(chars, **kwargs)``, faster."""
    return WordGrouper(**kwargs).extract_words(chars)


def text_of_chars(chars: list[dict[str, Any]], *, x_tolerance: float = 3,
                  y_tolerance: float = LINE_TOLERANCE) -> str:
    """``pdfplumber.utils.extract_text(chars)`` (not laid out), from one word pass."""
    return text_of_words(words_of(chars, x_tolerance=x_tolerance, y_tolerance=y_tolerance),
                         y_tolerance)


def text_of_words(words: list[dict[str, Any]], y_tolerance: float = LINE_TOLERANCE) -> str:
    """The text ``extract_text`` gives for the characters these words were made of."""
    lines = cluster_objects(words, itemgetter("top"), y_tolerance)
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
