"""Helpers for the seed papers in the model: the builders' inline marks and blocks as model flows.

The seed builders (``src/west_suffolk.py``, ``src/norfolk.py``) keep their text with a few
inline marks for reportlab; the model prints ``**bold**`` only, so links print their text,
underlines and box marks their characters. (A module whose name starts with ``_`` is a
helper, not a document: ``renderings.documents`` skips it.)
"""

from __future__ import annotations

import re
from typing import Any

import doc as m


def plain(text: str) -> str:
    """Builder marks as model text: ``[text](url)`` -> text, ``__u__`` -> u, ``{box:X}`` -> X."""
    text = re.sub(r"\[([^\]]+)\]\(([^)\s]*)\)", r"\1", text)
    text = re.sub(r"__(.+?)__", r"\1", text)
    return re.sub(r"\{box:(.)\}", r"\1", text)


def without_pages(gold: dict[str, Any]) -> dict[str, Any]:
    """A reportlab original's gold with its pages dropped (each rendering's are found again)."""
    out = dict(gold)
    for key in ("priorities", "activities", "kpis", "funding"):
        if key in out:
            out[key] = [{k: v for k, v in item.items() if k != "page"} for item in out[key]]
    return out


def lines(text: str) -> list[m.Block]:
    """A cell's text: one paragraph per line, lines opening "• " as bullets, a lone "•" kept as printed."""
    out: list[m.Block] = []
    for line in text.split("\n"):
        if line.startswith("• "):
            if out and isinstance(out[-1], m.Bullets):
                out[-1].items.append(plain(line[2:]))
            else:
                out.append(m.Bullets([plain(line[2:])]))
        elif line:
            out.append(m.Paragraph(plain(line)))
    return out


def label(text: str) -> m.Cell:
    """A form label: its first line bold, any explanation below it regular."""
    first, _, rest = text.partition("\n")
    return m.cell([m.Paragraph(f"**{plain(first)}**"), *(m.Paragraph(plain(x)) for x in rest.split("\n") if x)])


def form(rows: list[tuple[str, str, str | None]], widths: list[float]) -> m.Table:
    """A ruled cover form (label | value), a row with a second value (committee | date) using a third column."""
    out: list[list[m.Cell | None]] = []
    for lab, value, second in rows:
        if second is None:
            out.append([label(lab), m.cell(lines(value), colspan=2), None])
        else:
            out.append([label(lab), m.cell(lines(value)), m.cell(lines(second))])
    return m.Table(out, widths, header_rows=0, repeat_header=False, header_fill=None)


def narrative(blocks: list[tuple]) -> list[m.Flow]:
    """The West Suffolk builders' narrative blocks: "h"/"p" numbered, "li" list items, "t", "label"."""
    out: list[m.Flow] = []
    for block in blocks:
        kind = block[0]
        if kind == "h":
            out.append(m.Paragraph(f"**{plain(block[2])}**", number=f"**{block[1]}**"))
        elif kind == "p":
            out.append(m.Paragraph(plain(block[2]), number=block[1]))
        elif kind == "li":
            out.append(m.Paragraph(plain(block[2]), number=block[1], level=block[3]))
        elif kind == "t":
            level = block[2] if len(block) > 2 else 0
            out.append(m.Paragraph(plain(block[1]), number="", level=level) if level else m.Paragraph(plain(block[1])))
        elif kind == "label":
            out.append(m.Paragraph(f"**{block[1]}** {plain(block[2])}"))
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    return out
