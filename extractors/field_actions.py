"""Actions followed by "Lead: ... Timescale: ..." lines, below them or beside them.

Plans typed in Word often give each action as a paragraph (numbered "1.1" or not) and its
fields as labelled lines: under the paragraph ("Lead: Northumbria Police  Timescale:
December 2024"), or in a right-hand column level with it, the way a two-column section or a
borderless two-column table prints. A group of labelled lines is one action's fields; its
text is the paragraph above the group in the same column, or the text to its left from the
group's top down to the next group. Headings ("Aim 1: Safer town centres", a numbered
"2. Serious violence") name the priority the actions below serve.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cspipe.extractors.action_lists import PRIORITY_HEADING
from cspipe.extractors.blocks import Line, body_size, line_of
from cspipe.extractors.dates import due_date
from cspipe.extractors.leads import split_lead
from cspipe.extractors.themes import theme_of
from cspipe.models import ActivityRecord, KpiRecord, PriorityRecord

_LABELS = (r"lead(?:\s+(?:officer|agency|partner|organisation))?s?|owners?|responsible|"
           r"timescales?|target date|by when|deadline|due date|status|kpis?|success measures?|"
           r"measures?(?: of success)?")
#: a line that opens with a field label ("Lead: ...", "Timescale: ...")
_FIELD_LINE = re.compile(rf"^\s*(?:{_LABELS})\s*:", re.I)
#: each label and its value along one line ("Lead: X Timescale: Y")
_FIELD = re.compile(rf"(?P<label>\b(?:{_LABELS}))\s*:\s*(?P<value>.*?)(?=\s+\b(?:{_LABELS})\s*:|$)", re.I)
#: "1. Serious violence": a numbered heading (no sentence after it)
_NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}\.?\s+[A-Z][^.;:]{2,80}$")
_ITEM_NUMBER = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.?\s+")


@dataclass
class _Group:
    """One action's labelled lines."""

    lines: list[Line]
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def x0(self) -> float:
        return self.lines[0].x0

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].bottom


def _kind(label: str) -> str:
    low = label.lower()
    if low.startswith(("lead", "owner", "responsible")):
        return "lead"
    if low.startswith("status"):
        return "status"
    if low.startswith(("kpi", "success", "measure")):
        return "kpi"
    return "timescale"


def _read_fields(text: str, fields: dict[str, str], last: str | None) -> str | None:
    """Add the fields of one line to ``fields``; a line with no label goes on the last one."""
    found = list(_FIELD.finditer(text))
    if not found:
        if last is not None:
            fields[last] = f"{fields[last]} {text.strip()}".strip()
        return last
    for m in found:
        last = _kind(m.group("label"))
        fields[last] = " ".join(filter(None, [fields.get(last), m.group("value").strip()]))
    return last


def split_at_labels(line: Line) -> list[Line]:
    """A line that runs an action's text and a field label together across a gutter
    ("... protection order and    Lead: BCBC") as the two lines the page shows."""
    words = line.words
    for i in range(1, len(words)):
        gap = float(words[i]["x0"]) - float(words[i - 1]["x1"])
        rest = " ".join(str(w["text"]) for w in words[i:i + 3])
        if gap > max(line.size, 6) * 0.6 and _FIELD_LINE.match(rest):
            return [line_of(words[:i], line.page), *split_at_labels(line_of(words[i:], line.page))]
    return [line]


def _groups(lines: list[Line]) -> list[_Group]:
    out: list[_Group] = []
    used: set[int] = set()
    for i, line in enumerate(lines):
        if i in used or not _FIELD_LINE.match(line.text):
            continue
        g = _Group([line])
        last = _read_fields(line.text, g.fields, None)
        used.add(i)
        for j in range(i + 1, len(lines)):
            nxt = lines[j]
            if nxt.page != line.page or nxt.top - g.bottom > max(nxt.size, 6) * 1.2:
                break
            if abs(nxt.x0 - g.x0) > 3:
                continue  # text of another column on the same band
            if not _FIELD_LINE.match(nxt.text) and (nxt.bold or _ITEM_NUMBER.match(nxt.text)):
                break
            first = _FIELD.match(nxt.text.strip())
            if first and _kind(first.group("label")) in g.fields:
                break  # the same label again: the next action's fields
            last = _read_fields(nxt.text, g.fields, last)
            g.lines.append(nxt)
            used.add(j)
        out.append(g)
    return out


def _side_text(lines: list[Line], g: _Group, until: float, field_ids: set[int]) -> list[Line]:
    """Lines left of a group, from its top down to ``until`` (the next group's top)."""
    return [ln for ln in lines if id(ln) not in field_ids and ln.page == g.lines[0].page
            and ln.x1 < g.x0 - 4 and g.top - 3 <= ln.top < until - 3]


def _text_above(lines: list[Line], g: _Group, field_ids: set[int], body: float) -> list[Line]:
    """The paragraph right above a group in its column."""
    above = [ln for ln in lines if id(ln) not in field_ids and ln.page == g.lines[0].page
             and ln.bottom <= g.top + 1 and abs(ln.x0 - g.x0) < 40]
    out: list[Line] = []
    edge = g.top
    for ln in sorted(above, key=lambda ln: -ln.top):
        if edge - ln.bottom > max(ln.size, 6) * 2 or _is_heading(ln, body):
            break
        out.insert(0, ln)
        edge = ln.top
        if _ITEM_NUMBER.match(ln.text):
            break
    return out


def _pair_side_paragraphs(lines: list[Line], groups: list[_Group],
                          headings: list[tuple[float, str]], field_ids: set[int]
                          ) -> dict[int, list[Line]]:
    """Groups in a right-hand column, each paired with the paragraph left of it.

    Between two headings the paragraphs of the left column (split where the gap between
    lines opens wider than the line spacing) and the groups on the right come in the same
    order; where their counts agree the n-th paragraph is the n-th group's action, however
    the cells' text is aligned vertically.
    """
    out: dict[int, list[Line]] = {}
    bounds = sorted({0.0, *(t for t, _ in headings), 1e9})
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        band = [k for k, g in enumerate(groups) if lo <= g.top < hi]
        if not band:
            continue
        edge = min(groups[k].x0 for k in band) - 4
        left = [ln for ln in lines if id(ln) not in field_ids and ln.x1 < edge
                and lo + 1 < ln.top < hi - 1]
        if not left:
            continue
        gaps = [b.top - a.bottom for a, b in zip(left, left[1:], strict=False)]
        spacing = min(gaps) if gaps else 0.0
        paras: list[list[Line]] = [[left[0]]]
        for gap, ln in zip(gaps, left[1:], strict=False):
            if gap > spacing + max(ln.size, 6) * 0.3:
                paras.append([ln])
            else:
                paras[-1].append(ln)
        if len(paras) == len(band):
            out.update(dict(zip(band, paras, strict=True)))
    return out


def _is_heading(line: Line, body: float) -> bool:
    return (line.bold or line.size >= body + 1.5) and len(line.text.split()) <= 14


def _heading_label(line: Line, body: float) -> str | None:
    text = " ".join(line.text.split())
    if not _is_heading(line, body):
        return None
    m = PRIORITY_HEADING.match(text)
    if m:
        return m.group("label").strip(" :")
    return text if _NUMBERED_HEADING.match(text) else None


def find_field_activities(pages_lines: Sequence[Sequence[Line]]) -> tuple[
        list[ActivityRecord], list[PriorityRecord]]:
    """Actions with labelled field lines, and the headings they fall under (as priorities)."""
    all_lines = [ln for page in pages_lines for ln in page]
    if not any(_FIELD_LINE.match(ln.text) for ln in all_lines):
        return [], []
    body = body_size(all_lines)
    activities: list[ActivityRecord] = []
    priorities: dict[str, PriorityRecord] = {}
    priority: str | None = None
    for page in pages_lines:
        lines = sorted((part for ln in page for part in split_at_labels(ln)),
                       key=lambda ln: (ln.top, ln.x0))
        groups = _groups(lines)
        field_ids = {id(ln) for g in groups for ln in g.lines}
        headings = [(ln.top, label) for ln in lines
                    if id(ln) not in field_ids and (label := _heading_label(ln, body))]
        side = _pair_side_paragraphs(lines, groups, headings, field_ids)
        for k, g in enumerate(groups):
            for top, label in headings:
                if top <= g.top + 1:
                    priority = label
            nxt = next((h for h, _ in headings if h > g.top), 1e9)
            until = min(groups[k + 1].top if k + 1 < len(groups) else 1e9, nxt)
            text_lines = side.get(k) or _side_text(lines, g, until, field_ids) or \
                _text_above(lines, g, field_ids, body)
            text_lines = [ln for ln in text_lines if not _heading_label(ln, body)]
            desc = _ITEM_NUMBER.sub("", " ".join(ln.text for ln in text_lines)).strip()
            if len(desc.split()) < 3:
                continue
            lead_raw = g.fields.get("lead")
            timescale = g.fields.get("timescale")
            kpi = g.fields.get("kpi")
            theme = theme_of(priority, desc) if priority else None
            activities.append(ActivityRecord(
                description=desc, page=text_lines[0].page, priority=priority, theme=theme,
                status=g.fields.get("status"), timescale=timescale,
                due_date=due_date(timescale) if timescale else None, lead_raw=lead_raw,
                leads=split_lead(lead_raw) if lead_raw else [],
                kpis=[KpiRecord(description=kpi, page=text_lines[0].page)] if kpi else []))
            if priority and priority.lower() not in priorities:
                priorities[priority.lower()] = PriorityRecord(
                    label=priority, theme=theme or "other", page=text_lines[0].page)
    return activities, list(priorities.values())
