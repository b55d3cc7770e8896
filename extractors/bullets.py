"""List bullets that a page draws as shapes rather than writes as characters.

Browsers print an HTML list's discs, and some Word exports their bullets, as small filled
paths: the text layer then shows the items but not that they are items. A filled shape a few
points across, level with a line's first word and just left of it, is read as a "•" word, so
list readers see the same marker they see in a document that writes its bullets as text.
"""

from __future__ import annotations

from typing import Any

#: bullets that Word's Symbol and Wingdings fonts write in the Private Use Area (a LibreOffice
#: or Word export keeps them as U+F0B7 and the like): read as the bullet they draw
_PUA_BULLETS = str.maketrans({c: "•" for c in "\uf0b7\uf0a7\uf0d8\uf0fc\uf076\uf06e\uf0a8\uf0e0\uf0d9\uf071\uf06c"})


def normalise_glyphs(text: str) -> str:
    """``text`` with private-use bullet glyphs written as "•"."""
    return text.translate(_PUA_BULLETS)


def words_with_glyphs(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``words`` with private-use bullet glyphs written as "•"."""
    return [{**w, "text": normalise_glyphs(str(w["text"]))}
            if any("\uf000" <= ch <= "\uf0ff" for ch in str(w["text"])) else w for w in words]

#: a drawn bullet is between these sizes (points) and about as wide as it is high
_MIN, _MAX = 1.5, 7.0
#: how far left of the item's first word the bullet may sit (points)
_REACH = 24.0


def _marks(page: Any) -> list[dict[str, Any]]:
    shapes = [*getattr(page, "curves", []), *getattr(page, "rects", [])]
    out = []
    for s in shapes:
        w, h = float(s["x1"]) - float(s["x0"]), float(s["bottom"]) - float(s["top"])
        if _MIN <= w <= _MAX and _MIN <= h <= _MAX and 0.6 <= w / h <= 1.6 and s.get("fill"):
            out.append(s)
    return out


def with_drawn_bullets(words: list[dict[str, Any]], page: Any) -> list[dict[str, Any]]:
    """``words`` with a "•" word before each line that a drawn bullet opens."""
    marks = _marks(page)
    if not marks or not words:
        return words
    added = []
    for m in marks:
        mid = (float(m["top"]) + float(m["bottom"])) / 2
        x1 = float(m["x1"])
        beside = [w for w in words if float(w["top"]) <= mid <= float(w["bottom"])
                  and 0 < float(w["x0"]) - x1 <= _REACH]
        if not beside:
            continue
        first = min(beside, key=lambda w: float(w["x0"]))
        # the bullet opens the line: nothing written between it and the item's first word
        if any(float(w["top"]) <= mid <= float(w["bottom"]) and x1 - 1 <= float(w["x1"]) <= float(first["x0"])
               and w is not first for w in words):
            continue
        added.append({**first, "text": "•", "x0": float(m["x0"]), "x1": x1})
    if not added:
        return words
    return sorted([*words, *added], key=lambda w: (float(w["top"]), float(w["x0"])))
