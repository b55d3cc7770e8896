"""Measurable targets written inside an action: the clause that states each one, and its amount.

A SMART target is one sentence of doing with the measure inside it: "Work with business
partners to create opportunities to roll out Shop Watch to at least 2 parishes". Its KPI
is the measurable part, not the whole sentence: the clause from the verb that governs the
amount ("roll out Shop Watch to at least 2 parishes"), or the noun it measures ("the
delivery of at least 1 forum" gives "delivery of at least 1 forum"). Two amounts joined by
"and" are two KPIs, the sentence cut between them.
"""

from __future__ import annotations

import re
from pathlib import Path

_VERBS = frozenset(
    ln.strip() for ln in (Path(__file__).with_name("vocab") / "action_verbs.txt")
    .read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#"))

#: an amount a target sets: "at least 2 parishes", "a minimum of 3 events", "more than 50 staff"
MEASURABLE = re.compile(
    r"\b(?:to\s+)?(?P<target>(?:at least|a minimum of|minimum of|no fewer than|more than|over|up to|>|≥)\s*"
    r"\d[\d,]*\s+(?:[\w-]+\s+){0,3}?[\w-]+?)(?=[\s.,;)]|$)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][\w'-]*")
#: "the delivery of" right before the amount: the noun it measures opens the clause
_NOMINAL = re.compile(r"\bthe\s+(?P<noun>[a-z][\w-]*)\s+of\s*$", re.IGNORECASE)
_JOIN = re.compile(r"\s(?:and|or)\s|;\s")


def _opening(text: str, start: int, end: int) -> int:
    """Where the clause holding the amount at ``end`` opens, within ``text[start:end]``."""
    before = text[start:end]
    nominal = _NOMINAL.search(before)
    if nominal:
        return start + nominal.start("noun")
    best = None
    words = list(_WORD.finditer(before))
    for k, w in enumerate(words):
        if w.group(0).lower() not in _VERBS:
            continue
        opens = k == 0 or words[k - 1].group(0).lower() in ("to", "and")
        if opens:
            best = w.start()
    if best is not None:
        return start + best
    lead = re.match(r"\s*(?:(?:and|or|the)\s+)*", before)
    return start + (lead.end() if lead else 0)


def _amount_end(clause: str) -> str:
    """The amount runs to the clause's end, short of a purpose ("... plan to address ...")."""
    for m in re.finditer(r"\s(?:to|and)\s+([A-Za-z-]+)", clause):
        if m.group(1).lower() in _VERBS:
            return clause[:m.start()]
    return clause


def measurable_clauses(text: str) -> list[tuple[str, str]]:
    """(clause, target) for every amount a target states in ``text``, in order."""
    found = list(MEASURABLE.finditer(text))
    if not found:
        return []
    cuts: list[int | None] = []
    for a, b in zip(found, found[1:], strict=False):
        joins = list(_JOIN.finditer(text, a.start("target"), b.start("target")))
        cuts.append(joins[-1].start() if joins else None)
    out = []
    for i, m in enumerate(found):
        start = next((c for c in reversed(cuts[:i]) if c is not None), 0)
        end = next((c for c in cuts[i:] if c is not None), len(text))
        open_at = _opening(text, start, m.start("target"))
        clause = " ".join(text[open_at:end].split()).strip(" .,;")
        target = " ".join(_amount_end(text[m.start("target"):end]).split()).strip(" .,;")
        out.append((clause, target))
    return out
