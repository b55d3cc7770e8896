"""A Word file's effective formatting: style chains, document defaults and list numbering.

A paragraph's size, weight, spacing and indent come from its own properties, then its style
and the styles that style is based on, then the document defaults, as Word resolves them;
list markers come from the numbering definitions ("•", "1.", "a)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PT_PER_TWIP = 1 / 20
#: body text size (points) when neither the style nor the document defaults name one
DEFAULT_SIZE = 11.0


def val(el: Any, path: str, attr: str = "val") -> str | None:
    if el is None:
        return None
    found = el.find(path)
    return None if found is None else found.get(f"{W}{attr}")


def toggle(el: Any, tag: str) -> bool | None:
    """A toggle property (``w:b``): True, False, or None when not set here."""
    if el is None:
        return None
    found = el.find(f"{W}{tag}")
    if found is None:
        return None
    return found.get(f"{W}val") not in ("0", "false", "off")


class Styles:
    """Effective paragraph and run properties: direct formatting, then the style chain, then
    the document defaults."""

    def __init__(self, document: Any) -> None:
        root = document.styles.element
        self.by_id = {s.get(f"{W}styleId"): s for s in root.findall(f"{W}style")}
        defaults = root.find(f"{W}docDefaults")
        self.default_rpr = defaults.find(f"{W}rPrDefault/{W}rPr") if defaults is not None else None
        self.default_ppr = defaults.find(f"{W}pPrDefault/{W}pPr") if defaults is not None else None
        self.numbering = _Numbering(document)

    def chain(self, style_id: str | None) -> Iterator[Any]:
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = val(style, f"{W}basedOn")

    def style_name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        return (val(style, f"{W}name") or "") if style is not None else ""

    def ppr_values(self, p: Any) -> Iterator[Any]:
        """pPr elements in order of precedence for paragraph ``p``."""
        ppr = p.find(f"{W}pPr")
        yield ppr
        for s in self.chain(val(ppr, f"{W}pStyle")):
            yield s.find(f"{W}pPr")
        yield self.default_ppr

    def rpr_values(self, p: Any, r: Any | None) -> Iterator[Any]:
        if r is not None:
            rpr = r.find(f"{W}rPr")
            yield rpr
            for s in self.chain(val(rpr, f"{W}rStyle")):
                yield s.find(f"{W}rPr")
        ppr = p.find(f"{W}pPr")
        for s in self.chain(val(ppr, f"{W}pStyle")):
            yield s.find(f"{W}rPr")
        yield self.default_rpr

    def size(self, p: Any, r: Any | None) -> float:
        for rpr in self.rpr_values(p, r):
            v = val(rpr, f"{W}sz")
            if v and v.isdigit():
                return int(v) / 2
        return DEFAULT_SIZE

    def bold(self, p: Any, r: Any | None) -> bool:
        for rpr in self.rpr_values(p, r):
            v = toggle(rpr, "b")
            if v is not None:
                return v
        return False

    def spacing(self, p: Any) -> tuple[float, float, float]:
        """(space before, space after, line spacing factor) in points / lines."""
        before = after = line = None
        for ppr in self.ppr_values(p):
            sp = ppr.find(f"{W}spacing") if ppr is not None else None
            if sp is None:
                continue
            if before is None and sp.get(f"{W}before", "").isdigit():
                before = int(sp.get(f"{W}before")) * PT_PER_TWIP
            if after is None and sp.get(f"{W}after", "").isdigit():
                after = int(sp.get(f"{W}after")) * PT_PER_TWIP
            if line is None and sp.get(f"{W}line", "").isdigit() \
                    and sp.get(f"{W}lineRule", "auto") == "auto":
                line = int(sp.get(f"{W}line")) / 240
        return before or 0.0, after or 0.0, line or 1.0

    def indent(self, p: Any) -> tuple[float, float]:
        """(left indent, first-line offset: negative when hanging) in points."""
        left = hanging = None
        for ppr in self.ppr_values(p):
            ind = ppr.find(f"{W}ind") if ppr is not None else None
            if ind is None:
                continue
            for name in ("left", "start"):
                if left is None and re.fullmatch(r"-?\d+", ind.get(f"{W}{name}", "")):
                    left = int(ind.get(f"{W}{name}")) * PT_PER_TWIP
            if hanging is None and ind.get(f"{W}hanging", "").isdigit():
                hanging = -int(ind.get(f"{W}hanging")) * PT_PER_TWIP
            if hanging is None and ind.get(f"{W}firstLine", "").isdigit():
                hanging = int(ind.get(f"{W}firstLine")) * PT_PER_TWIP
        return left or 0.0, hanging or 0.0

    def num(self, p: Any) -> tuple[str, int] | None:
        """The list a paragraph belongs to: (numId, level), directly or through its style."""
        for ppr in self.ppr_values(p):
            numpr = ppr.find(f"{W}numPr") if ppr is not None else None
            if numpr is None:
                continue
            num_id = val(numpr, f"{W}numId")
            if num_id and num_id != "0":
                return num_id, int(val(numpr, f"{W}ilvl") or 0)
            return None
        return None

    def heading_level(self, p: Any) -> int | None:
        style_id = val(p.find(f"{W}pPr"), f"{W}pStyle")
        for s in self.chain(style_id):
            name = (val(s, f"{W}name") or "").lower()
            if name == "title":
                return 0
            m = re.fullmatch(r"heading (\d)", name)
            if m:
                return int(m.group(1))
        return None


class _Numbering:
    """List markers: "•" for a bullet level, the level's text ("1.", "a)") for a numbered one."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, AttributeError, NotImplementedError):
            return
        abstract = {a.get(f"{W}abstractNumId"): a for a in root.findall(f"{W}abstractNum")}
        for num in root.findall(f"{W}num"):
            a = abstract.get(val(num, f"{W}abstractNumId"))
            if a is None:
                continue
            for lvl in a.findall(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl") or 0)
                start = val(lvl, f"{W}start")
                self.levels[(num.get(f"{W}numId"), ilvl)] = (
                    val(lvl, f"{W}numFmt") or "decimal", val(lvl, f"{W}lvlText") or "%1.",
                    int(start) if start and start.isdigit() else 1)
        self.counters: dict[tuple[str, int], int] = {}

    def marker(self, num_id: str, level: int) -> str:
        fmt, text, start = self.levels.get((num_id, level), ("bullet", "•", 1))
        if fmt == "bullet" or fmt == "none":
            return "•" if fmt == "bullet" else ""
        key = (num_id, level)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for k in [k for k in self.counters if k[0] == num_id and k[1] > level]:
            del self.counters[k]
        out = text
        for i in range(level + 1):
            n = self.counters.get((num_id, i), 1)
            levels = self.levels.get((num_id, i), ("decimal", "", 1))
            out = out.replace(f"%{i + 1}", _format_number(n, levels[0]))
        return out


def _format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, m = "", n
        for v, s in vals:
            while m >= v:
                out, m = out + s, m - v
        return out if fmt == "lowerRoman" else out.upper()
    return str(n)
