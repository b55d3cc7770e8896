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


def activity(a: Any, *, theme: str, priority: str | None, objective: str | None = None) -> dict[str, Any]:
    """The gold record of one authored action (``other_councils_data.common.Action``), page found later."""
    a.check()
    return {"description": a.description, "theme": theme, "priority": priority, "objective": objective,
            "status": a.status, "progress": a.progress, "timescale": a.when, "due_date": a.due,
            "leads": [{"organisation": org, "person": person, "raw": raw} for raw, org, person in a.leads],
            "kpis": [{"description": d, "target": t} for d, t in a.kpis]}


def money(s: Any) -> dict[str, Any]:
    """The gold record of one sum (``other_councils_data.common.Sum``); ``needle`` finds its page."""
    return {"amount_gbp": float(s.amount_gbp), "date": s.date, "period": s.period,
            "description": s.description, "funder": s.funder, "recipient": s.recipient, "_find": s.needle}


def output(o: Any) -> dict[str, Any]:
    return {"description": o.description, "target": o.target, "value": o.value, "_find": o.needle}


def document(title: str, doc_type: str, partnership_id: str | None, authority: str | None,
             committee: str | None = None, meeting_date: str | None = None) -> dict[str, Any]:
    return {"title": title, "doc_type": doc_type, "partnership_id": partnership_id, "authority": authority,
            "committee": committee, "meeting_date": meeting_date}
