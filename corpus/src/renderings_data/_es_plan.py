"""East Suffolk's Appendix C action plan as a document of its own: what its three layout variants share.

The content is the seed data of ``east_suffolk_data/action_plan.json`` (nine tables: a theme
table, then one table per priority); the gold is the variant's own (``corpus/variants/``),
whose records are the original's for the plan, pages found again in each rendering.
"""

from __future__ import annotations

from typing import Any

import doc as m

from src import east_suffolk as es
from src.renderings_data.common import link, original_gold
from src.variants import ES_DOCUMENT, es_header_word

TITLE = ES_DOCUMENT["title"]
AUTHOR = "East Suffolk Council"
LIGHT = "#E7EEF3"


def plan() -> dict[str, Any]:
    return es.load("action_plan.json")


def paras(texts: list[str]) -> list[m.Block]:
    return [m.Paragraph(link(x)) for x in texts]


def is_plan(table: dict[str, Any]) -> bool:
    """A priority's table (Priority / Objectives / ... / KPI x3), not the theme table."""
    return table["header"][0] == "Priority"


def repeats(table: dict[str, Any]) -> bool:
    """The seed repeats the header of one table only (the long VAWG one) on its second page."""
    return (es.joined(table["rows"][0]["cells"][0]) or "") in es.REPEAT_HEADER


def header(table: dict[str, Any], order: list[int], reworded: bool) -> list[m.Cell | None]:
    return [m.cell(es_header_word(table["header"][j]) if reworded else table["header"][j], bold=True)
            for j in order]


def gold(variant: str) -> dict[str, Any]:
    return original_gold(f"variants/{variant}.gold.json")


def document(flows: list[m.Flow], *, orientation: m.Orientation, font: str, size: float,
             paper: m.Paper = "a4") -> m.Document:
    return m.Document(TITLE, AUTHOR, [m.Section([m.Heading(TITLE, 1), *flows], orientation=orientation,
                                                footer="Page {page}")],
                      font=font, size=size, margin_mm=15, paper=paper)  # type: ignore[arg-type]
