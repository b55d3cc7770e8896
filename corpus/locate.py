"""Put page numbers into a gold file by finding each item's text in the rendered PDF.

The gold content is the same for every rendering of a document; only pages differ.
A table cell wraps differently in each rendering and a text line of a PDF runs
across the cells of a row, so a description is looked for as its words, in order
within each page's words (other cells' words may come between), on the first page
from where the previous item of its list was found. An item that cannot be found
stops the build: a gold page must never be guessed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pdfplumber

WORD = re.compile(r"[a-z0-9£%]+")


def words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("'", "").replace("-", " ").replace("\u2013", " ")
    return WORD.findall(text.replace("**", ""))


def page_words(pdf: Path) -> list[list[str]]:
    with pdfplumber.open(str(pdf)) as doc:
        return [words(" ".join(w["text"] for w in p.extract_words())) for p in doc.pages]


def in_order(needle: list[str], hay: list[str], window: int) -> bool:
    """``needle``'s words appear in order in ``hay``, each within ``window`` words of the one before."""
    last = len(needle) - 1

    def same(k: int, word: str) -> bool:  # a needle may end inside a word ("CCTV up" for "upgrade")
        return word.startswith(needle[k]) if k == last else word == needle[k]

    for start in (i for i, w in enumerate(hay) if same(0, w)):
        at, ok = start, True
        for k in range(1, len(needle)):
            nxt = next((j for j in range(at + 1, min(len(hay), at + 1 + window)) if same(k, hay[j])), None)
            if nxt is None:
                ok = False
                break
            at = nxt
        if ok:
            return True
    return False


class Locator:
    def __init__(self, pdf: Path) -> None:
        self.pdf = pdf
        self.pages = page_words(pdf)

    def page(self, text: str, start: int = 1) -> int:
        """First page from ``start`` holding ``text`` (its first 12 words, else 6, else 3), else ValueError."""
        found = words(text)
        if not found:
            raise ValueError(f"nothing to look for in {text!r}")
        # a row split over a page break holds only its opening words on the first page
        for n in (12, 6, 3):
            needle = found[:n]
            for window in (1, 40, 400):
                for number in range(start, len(self.pages) + 1):
                    if in_order(needle, self.pages[number - 1], window):
                        return number
        raise ValueError(f"{self.pdf.name}: {text[:70]!r} is on no page from page {start}")


def paged(gold: dict[str, Any], pdf: Path) -> dict[str, Any]:
    """A copy of ``gold`` with every item's page found in ``pdf`` (``_find`` overrides the text).

    Activities are in document order, so each is looked for from the previous one's page; an
    item whose words are printed earlier too (a measure named in the text above its table) is
    looked for from the page of its ``_after`` text.
    """
    loc = Locator(pdf)
    out = dict(gold)
    out["document"] = dict(gold["document"], pages=len(loc.pages))
    for key, field in (("priorities", "label"), ("activities", "description"), ("kpis", "description"),
                       ("funding", "description")):
        last, items = 1, []
        for item in gold.get(key, []):
            item = dict(item)
            find = item.pop("_find", None) or item[field]
            after = item.pop("_after", None)
            try:
                start = loc.page(after) if after else last if key == "activities" else 1
                item["page"] = loc.page(find, start)
            except ValueError as e:
                raise SystemExit(f"gold {key} item not located: {e}") from None
            last = item["page"] if key == "activities" else 1
            items.append(item)
        if key in gold:
            out[key] = items
    return out
