"""Helpers for the model documents: gold files of the originals and seed markdown."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[2]


def original_gold(relative: str) -> dict[str, Any]:
    """The hand-checked gold of the reportlab original (``corpus/<relative>``); pages are found again."""
    gold = json.loads((CORPUS / relative).read_text(encoding="utf-8"))
    return copy.deepcopy(gold)


def with_finds(items: list[dict[str, Any]], finds: list[str | None]) -> list[dict[str, Any]]:
    """Items with the text to look for (``_find``) where it is not the description itself."""
    assert len(items) == len(finds), (len(items), len(finds))
    return [dict(item, _find=f) if f else item for item, f in zip(items, finds, strict=True)]


def link(text: str) -> str:
    """Seed markdown links ``[text](#)`` as their text (bold markers stay for the renderers)."""
    return re.sub(r"\[(.+?)\]\(#\)", r"\1", text)
