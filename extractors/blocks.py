"""Page lines with position and font, and label/value blocks rejoined with their actions by position.

Narrative lists are read by indentation and label/value blocks by position, so the readers
need each line's x/y and whether it is bold, not just the text in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cspipe.extractors.dates import due_date
from cspipe.extractors.leads import split_lead
from cspipe.extractors.targets import measurable_clauses
from cspipe.extractors.themes import theme_of
from cspipe.models import ActivityRecord, KpiRecord


@dataclass
class Line:
    """One visual line: its words' text, left edge, vertical span, font facts and page."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    words: list[dict[str, Any]]


#: font name -> is it a bold face (a paper uses a handful of fonts; a line asks per word)
_BOLD_FONTS: dict[Any, bool] = {}


def _is_bold(word: dict[str, Any]) -> bool:
    name = word.get("fontname", "")
    bold = _BOLD_FONTS.get(name)
    if bold is None:
        bold = _BOLD_FONTS[name] = "bold" in str(name).lower()
    return bold


def _row_order(w: dict[str, Any]) -> tuple[int, float]:
    return round(float(w["top"])), float(w["x0"])


def page_lines(words: Sequence[dict[str, Any]], page: int, *, gap: float = 14.0) -> list[Line]:
    """Group ``words`` into lines by vertical position; words far apart stay separate lines.

    ``gap`` (points) splits one baseline into several lines when words sit in different
    columns (a form's label and value, the cells of an unruled table).
    """
    rows: list[list[dict[str, Any]]] = []
    row_top = 0.0  # the top of the row's first word
    for w in sorted(words, key=_row_order):
        top = float(w["top"])
        if rows and abs(row_top - top) <= 2.5:
            rows[-1].append(w)
        else:
            rows.append([w])
            row_top = top
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda w: float(w["x0"]))
        segment: list[dict[str, Any]] = []
        for w in row:
            if segment and float(w["x0"]) - float(segment[-1]["x1"]) > gap:
                lines.append(line_of(segment, page))
                segment = []
            segment.append(w)
        if segment:
            lines.append(line_of(segment, page))
    return lines


def _undouble(text: str) -> str:
    """Fake-bold text drawn twice can read "TTiimmeessccaallee": keep one of each pair."""
    if len(text) >= 6 and len(text) % 2 == 0 and text[::2] == text[1::2]:
        return text[::2]
    return text


def line_of(words: list[dict[str, Any]], page: int) -> Line:
    """One ``Line`` from words on one baseline."""
    texts = [str(w["text"]) for w in words]
    text = " ".join([_undouble(t) if len(t) >= 6 else t for t in texts])
    bold_chars = sum(len(t) for t, w in zip(texts, words, strict=True) if _is_bold(w))
    return Line(
        text=text,
        page=page,
        x0=float(words[0]["x0"]),
        x1=float(words[-1]["x1"]),
        top=min([float(w["top"]) for w in words]),
        bottom=max([float(w["bottom"]) for w in words]),
        size=max([float(w.get("size") or 0) for w in words]),
        bold=bold_chars >= max(1, (len(text) - text.count(" ")) // 2),
        words=list(words),
    )


def reading_lines(words: Sequence[dict[str, Any]], page: int) -> list[Line]:
    """Full-width lines (no column split): one per baseline, for narrative text."""
    return page_lines(words, page, gap=1e9)


# ---------------------------------------------------------------- label/value blocks

#: block labels (lower case) -> the field their value fills
BLOCK_LABELS: dict[str, str] = {
    "smart target": "activity",
    "smart targets": "activity",
    "csp priority": "priority",
    "timescale": "timescale",
    "timescales": "timescale",
    "target date": "timescale",
    "lead": "lead",
    "leads": "lead",
    "lead officer": "lead",
    "lead agency": "lead",
}
_LABEL_SPLIT = re.compile(
    r"^(" + "|".join(sorted((re.escape(k) for k in BLOCK_LABELS), key=len, reverse=True)) + r")\b\s*:?\s*",
    re.IGNORECASE,
)


def _label_of(line: Line) -> str | None:
    """The field a label line names, when the whole line is one label.

    A label is written as one ("Lead", "LEAD"); a lower-case "lead" alone is the wrapped end
    of a value ("... police to" / "lead"), not a new label.
    """
    written = line.text.strip().rstrip(":").strip()
    if not written[:1].isupper():
        return None
    return BLOCK_LABELS.get(written.lower())


_TIMESCALE_LIKE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\bq[1-4]\b|\b20\d\d\b|"
    r"ongoing|as required|quarterly|monthly|annual|yearly|weekly|tbc",
    re.IGNORECASE,
)


@dataclass
class _Label:
    field: str
    x0: float
    top: float
    page: int
    values: list[Line]


def body_size(lines: Sequence[Line]) -> float:
    """The size most of the text is set in."""
    sizes: dict[float, int] = {}
    for ln in lines:
        sizes[round(ln.size)] = sizes.get(round(ln.size), 0) + len(ln.text)
    return max(sizes, key=lambda k: sizes[k]) if sizes else 10.0


def is_heading(line: Line, body: float) -> bool:
    """A section heading: bold, set larger than the body text, short."""
    return line.bold and line.size >= body + 2 and len(line.text) < 120 and _label_of(line) is None


def _assign(lines: Sequence[Line], labels: list[_Label], reach: float = 120.0) -> list[Line]:
    """Give each value line to the nearest label above it in its column; return the rest."""
    loose = []
    for line in lines:
        best = None
        for lab in labels:
            if lab.page != line.page or lab.top > line.top + 1:
                continue
            if not (lab.x0 - 6 <= line.x0 <= lab.x0 + reach):
                continue
            if best is None or (lab.top, lab.x0) > (best.top, best.x0):
                best = lab
        if best is None:
            loose.append(line)
        else:
            best.values.append(line)
    return loose


def _value(lab: _Label | None) -> str | None:
    if lab is None:
        return None
    text = " ".join(v.text for v in sorted(lab.values, key=lambda v: (v.top, v.x0))).strip()
    return text or None


def _activity(desc: str, page: int, priority: str | None, timescale: str | None,
              lead: str | None) -> ActivityRecord:
    return ActivityRecord(
        description=desc,
        page=page,
        priority=priority,
        theme=theme_of(priority, desc) if priority else None,
        timescale=timescale,
        due_date=due_date(timescale),
        lead_raw=lead,
        leads=split_lead(lead) if lead else [],
        kpis=measurable_kpis(desc, page),
    )


def measurable_kpis(text: str, page: int) -> list[KpiRecord]:
    """Measurable targets inside an action ("to at least 2 parishes") as KPIs: each the clause
    that states it (``cspipe.extractors.targets``), with its amount as the target."""
    return [KpiRecord(description=clause, target=target, page=page)
            for clause, target in measurable_clauses(text)]


@dataclass
class BlockResult:
    """Activities read from label/value blocks, and the headings they sat under."""

    activities: list[ActivityRecord]
    headings: list[tuple[str, int]]  # (heading, page) of headings that have activities


def _split_at_columns(line: Line, columns: Sequence[float]) -> list[Line]:
    """Cut a line whose words run into another label column (a too-small gap)."""
    cuts = [c for c in columns if line.x0 + 20 < c < line.x1]
    if not cuts:
        return [line]
    parts: list[list[dict[str, Any]]] = [[]]
    for w in line.words:
        if parts[-1] and any(float(parts[-1][-1]["x1"]) < c - 1 <= float(w["x0"]) for c in cuts):
            parts.append([])
        parts[-1].append(w)
    return [line_of(p, line.page) for p in parts if p]


def find_block_activities(pages_lines: Sequence[Sequence[Line]]) -> BlockResult:
    """Activities from label/value blocks: SMART Target / CSP Priority / Timescale / Lead
    groups, and Lead / Timescale boxes set beside the actions they belong to."""
    all_lines = [ln for lines in pages_lines for ln in lines]
    body = body_size(all_lines)
    acts: list[ActivityRecord] = []
    used_headings: dict[str, int] = {}
    heading: tuple[str, int] | None = None
    side_open: dict | None = None  # the last side-box group, which a later paragraph may join
    carried: Line | None = None  # a SMART Target label left at the foot of the previous page
    for lines in pages_lines:
        lines = _carry_target(list(lines), carried)
        carried = _dangling_target(lines)
        label_lines = [ln for ln in lines if _label_of(ln)]
        if len(label_lines) < 2:
            for ln in lines:
                if is_heading(ln, body):
                    heading = (ln.text.strip(), ln.page)
            continue
        columns = sorted({round(ln.x0) for ln in label_lines})
        split: list[Line] = []
        for ln in lines:
            split += _split_at_columns(ln, columns) if not _label_of(ln) else [ln]
        events = sorted(split, key=lambda ln: (ln.top, ln.x0))
        has_targets = any(_label_of(ln) == "activity" for ln in label_lines)
        if has_targets:
            if side_open is not None:
                acts += _side_records([side_open], used_headings)
                side_open = None
            acts_page, heading = _smart_blocks(events, body, heading, used_headings)
            acts += acts_page
        else:
            acts_page, heading, side_open = _side_boxes(events, body, heading, used_headings,
                                                        side_open)
            acts += acts_page
    if side_open is not None:
        acts += _side_records([side_open], used_headings)
    headings = list(used_headings.items())
    return BlockResult(acts, headings)


def _dangling_target(lines: Sequence[Line]) -> Line | None:
    """A "SMART Target" label at the foot of a page with nothing under it but the page number:
    a page break fell between the label and its text, which opens the next page."""
    labels = [ln for ln in lines if _label_of(ln)]
    if not labels:
        return None
    last = max(labels, key=lambda ln: (ln.top, ln.x0))
    if _label_of(last) != "activity":
        return None
    below = [ln for ln in lines if ln.top > last.bottom and not re.fullmatch(r"\d{1,3}", ln.text.strip())]
    return None if below else last


def _carry_target(lines: list[Line], carried: Line | None) -> list[Line]:
    """The page's lines with a label carried from the previous page's foot set above them, when
    the page opens with a block's text and fields (Priority, Timescale, Lead) but no label of
    its own before them."""
    if carried is None or not lines:
        return lines
    fields = [ln for ln in lines if _label_of(ln)]
    if not fields or _label_of(min(fields, key=lambda ln: (ln.top, ln.x0))) == "activity":
        return lines
    first = min(ln.top for ln in lines)
    page = lines[0].page
    label = Line(carried.text, page, carried.x0, carried.x1, first - 2, first - 1, carried.size, carried.bold,
                 [dict(w, top=first - 2, bottom=first - 1) for w in carried.words])
    return [label, *lines]


def _smart_blocks(events: list[Line], body: float, heading: tuple[str, int] | None,
                  used: dict[str, int]) -> tuple[list[ActivityRecord], tuple[str, int] | None]:
    groups: list[tuple[tuple[str, int] | None, list[_Label], list[Line]]] = []
    for ln in events:
        if is_heading(ln, body):
            heading = (ln.text.strip(), ln.page)
            continue
        field = _label_of(ln)
        if field == "activity":
            groups.append((heading, [], []))
        if not groups:
            continue
        if field:
            groups[-1][1].append(_Label(field, ln.x0, ln.top, ln.page, []))
        else:
            groups[-1][2].append(ln)
    out: list[ActivityRecord] = []
    for head, labels, values in groups:
        loose = _assign(values, labels)
        by_field: dict[str, _Label] = {}
        for lab in labels:
            by_field.setdefault(lab.field, lab)
        desc = _value(by_field.get("activity"))
        if not desc or len(desc.split()) < 3:
            continue
        timescale = _value(by_field.get("timescale"))
        if not timescale:
            # a timescale set beside the priority value without its own label
            for ln in list(loose) + (by_field["priority"].values if "priority" in by_field else []):
                if _TIMESCALE_LIKE.search(ln.text) and not re.match(r"^priority\b", ln.text, re.I):
                    timescale = ln.text.strip()
                    break
        priority_value = _value(by_field.get("priority"))
        if priority_value and timescale and timescale in priority_value:
            priority_value = priority_value.replace(timescale, "").strip()
        label = head[0] if head else priority_value
        if head:
            used.setdefault(head[0], head[1])
        out.append(_activity(_clean_desc(desc), labels[0].page, label, timescale,
                             _value(by_field.get("lead"))))
    return out, heading


def _clean_desc(text: str) -> str:
    text = re.sub(r"(?:^|\s)[•·▪●◦]\s*", " ", text)
    return " ".join(text.split())


def _side_boxes(events: list[Line], body: float, heading: tuple[str, int] | None,
                used: dict[str, int], open_group: dict | None
                ) -> tuple[list[ActivityRecord], tuple[str, int] | None, dict | None]:
    """Lead/Timescale boxes in a right-hand column, one per action paragraph on the left."""
    label_x = min(ln.x0 for ln in events if _label_of(ln))
    groups: list[dict] = []
    out: list[ActivityRecord] = []
    labels: list[_Label] = []
    left: list[Line] = []
    for ln in events:
        field = _label_of(ln)
        if field:
            lab = _Label(field, ln.x0, ln.top, ln.page, [])
            labels.append(lab)
            if field == "lead" or not groups or field in groups[-1]["labels"]:
                groups.append({"top": ln.top, "labels": {}, "text": [], "heading": heading,
                               "page": ln.page})
            groups[-1]["labels"].setdefault(field, lab)
        elif ln.x0 >= label_x - 6:
            pass  # a value; assigned below
        elif is_heading(ln, body):
            heading = (ln.text.strip(), ln.page)
        else:
            left.append(ln)
    right = [ln for ln in events if not _label_of(ln) and ln.x0 >= label_x - 6]
    _assign(right, labels, reach=200)
    for ln in left:
        # the group whose box starts level with (or above) this line, on the same page
        owner = None
        for g in groups:
            if g["top"] <= ln.top + 8:
                owner = g
        if owner is None:
            if open_group is not None and heading == open_group["heading"]:
                open_group["text"].append(ln)
            continue
        owner["text"].append(ln)
    if open_group is not None and open_group not in groups:
        out += _side_records([open_group], used)
    if groups:
        out += _side_records(groups[:-1], used)
        return out, heading, groups[-1]
    return out, heading, open_group


def _side_records(groups: list[dict], used: dict[str, int]) -> list[ActivityRecord]:
    out = []
    for g in groups:
        desc = " ".join(ln.text for ln in g["text"]).strip()
        if len(desc.split()) < 3:
            continue
        head = g["heading"]
        if head:
            used.setdefault(head[0], head[1])
        page = g["text"][0].page if g["text"] else g["page"]
        out.append(_activity(_clean_desc(desc), page, head[0] if head else None,
                             _value(g["labels"].get("timescale")), _value(g["labels"].get("lead"))))
    return out
