"""Actions written as lists in running text, under the priority they serve.

Many plans have no action table: a heading "Priority one: domestic abuse", some prose, then
"Actions we will take" (or "We will:", "Key actions", "To do this we will") and a bulleted or
numbered list. Each item is an activity of the priority above it; a lead, a timescale or a
measure written inline ("Lead: Community Safety Team", "By March 2025", "SMART target: ...")
goes to its field. The cue phrases are data (``vocab/action_cues.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cspipe.extractors.blocks import Line, body_size, measurable_kpis
from cspipe.extractors.dates import due_date
from cspipe.extractors.leads import split_lead
from cspipe.extractors.narrative import list_after
from cspipe.extractors.themes import theme_of
from cspipe.models import ActivityRecord, KpiRecord, PriorityRecord


def _cues() -> re.Pattern[str]:
    lines = (Path(__file__).with_name("vocab") / "action_cues.txt").read_text(encoding="utf-8")
    pats = [ln.strip() for ln in lines.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return re.compile(rf"^(?:{'|'.join(pats)})\s*:?$", re.I)


_CUE = _cues()
_VERBS = frozenset(
    ln.strip() for ln in (Path(__file__).with_name("vocab") / "action_verbs.txt")
    .read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#"))


def _opens_with_verb(item: str) -> bool:
    first = re.match(r"[A-Za-z-]+", item.strip())
    return bool(first) and first.group(0).lower() in _VERBS


def _action_items(items: list[tuple[str, Line]]) -> bool:
    """Do most items read as actions (open with a verb of doing)?"""
    return len(items) >= 2 and sum(_opens_with_verb(t) for t, _ in items) >= 0.6 * len(items)
_NUMBER_WORD = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|[A-H])"
#: "Priority one: domestic abuse", "Priority 2 - Serious violence", "Theme 3: Fraud"
PRIORITY_HEADING = re.compile(
    rf"^\s*(?:(?:strategic|csp|partnership|our|key)\s+)?(?:priority|theme|strand|aim)\s+{_NUMBER_WORD}"
    r"\s*(?:[:.\-–—]\s*|\s+)(?P<label>[A-Za-z][^.;]{2,90}?)\s*$", re.I)
#: inline fields at the end of an item: "(Lead: CSP Manager; by March 2025)"
_INLINE = re.compile(
    r"(?:[\s(;,–-]+)(?P<key>lead(?:\s+(?:agency|officer|partner))?s?|owner|responsible|"
    r"timescales?|target date|by when|due|smart target|target|measure|kpi)\s*[:\-–]\s*"
    r"(?P<value>[^;()]+?)\s*(?=[;)]|$|\s+(?:lead|owner|timescales?|target|measure|kpi)\s*:)", re.I)
_BY_DATE = re.compile(r"\s*[(,–-]?\s*\b(?:by|before|from)\s+(?:the\s+end\s+of\s+)?(?P<when>"
                      r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d|"
                      r"(?:q[1-4]|quarter [1-4])\s+(?:19|20)\d\d(?:/\d\d)?|(?:19|20)\d\d(?:/\d\d)?)\)?\.?$",
                      re.I)


@dataclass
class ListResult:
    activities: list[ActivityRecord] = field(default_factory=list)
    priorities: list[PriorityRecord] = field(default_factory=list)


def is_cue(text: str) -> bool:
    return bool(_CUE.match(" ".join(text.split()).strip(" *")))


def _cue_at(lines: Sequence[Line], i: int) -> bool:
    """Line ``i`` announces a list of actions. A line opening in lower case ends a sentence the
    lines above began ("... To deliver on these themes" / "we will:"), so the whole sentence
    must be the cue, not the fragment the page width left on the line."""
    text = " ".join(lines[i].text.split())
    k = i
    while text[:1].islower() and k > 0 and lines[k - 1].page == lines[i].page and i - k < 4:
        k -= 1
        text = f"{' '.join(lines[k].text.split())} {text}"
    if k < i:
        text = re.split(r"(?<=[.!?])\s+", text)[-1]
    return is_cue(text)


def _fields(item: str) -> tuple[str, dict[str, str]]:
    """An item's text less its inline fields, and the fields by kind."""
    found: dict[str, str] = {}
    for m in _INLINE.finditer(item):
        key = m.group("key").lower()
        kind = ("lead" if key.startswith(("lead", "owner", "responsible")) else
                "timescale" if key.startswith(("timescale", "target date", "by when", "due")) else "kpi")
        found.setdefault(kind, m.group("value").strip(" .,"))
    first = _INLINE.search(item)
    text = item[:first.start()] if first else item
    if "timescale" not in found and (m := _BY_DATE.search(text)):
        found["timescale"] = m.group("when")
    return text.strip(" ;:–-"), found


def _stands_out(line: Line, body: float) -> bool:
    """A heading line: bold, or set larger than the body text."""
    return line.bold or line.size >= body + 1.5


def find_list_activities(lines: Sequence[Line]) -> ListResult:
    """Activities listed under action cues, with the priority heading each falls under.

    A list is read as actions when a cue line announces it, or when it sits right under a
    heading within a priority and most of its items open with a verb of doing.
    """
    out = ListResult()
    body = body_size(lines)
    priority: str | None = None
    seen: set[str] = set()
    i = 0
    while i < len(lines):
        text = " ".join(lines[i].text.split())
        heading = _stands_out(lines[i], body)
        m = PRIORITY_HEADING.match(text) if heading else None
        if m:
            priority = m.group("label").strip(" :")
            if priority.lower() not in seen:
                seen.add(priority.lower())
                out.priorities.append(PriorityRecord(label=priority, theme=theme_of(priority),
                                                     page=lines[i].page))
        items: list[tuple[str, Line]] = []
        if _cue_at(lines, i):
            items = list_after(lines, i)
        elif priority is not None and heading:
            items = list_after(lines, i)
            if not _action_items(items):
                items = []
        for item, line in items:
            record = _activity(item, line.page, priority)
            if record is not None:
                out.activities.append(record)
        i += 1 + len(items)
    return out


def _activity(item: str, page: int, priority: str | None) -> ActivityRecord | None:
    desc, extra = _fields(" ".join(item.split()))
    if len(desc.split()) < 3:
        return None
    lead_raw = extra.get("lead")
    kpis = ([KpiRecord(description=extra["kpi"], page=page)] if "kpi" in extra
            else measurable_kpis(desc, page))
    timescale = extra.get("timescale")
    return ActivityRecord(
        description=desc, page=page, priority=priority,
        theme=theme_of(priority, desc) if priority else None,
        timescale=timescale, due_date=due_date(timescale) if timescale else None,
        lead_raw=lead_raw, leads=split_lead(lead_raw) if lead_raw else [], kpis=kpis)
