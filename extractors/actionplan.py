"""Logical tables -> activities, priorities, KPIs and funding rows.

A table is an action / delivery plan when a column means "activity", a funding table
when one column holds money and another says what it paid for; anything else is
skipped with a reason (``explain_page`` shows them). Rows keep the page they start on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cspipe.extractors.blocks import measurable_kpis
from cspipe.extractors.columns import ColumnMap
from cspipe.extractors.dates import due_date, financial_period, parse_date
from cspipe.extractors.leads import split_lead
from cspipe.extractors.money import parse_amount
from cspipe.extractors.pdf import PageView
from cspipe.extractors.table_join import build_logical_tables
from cspipe.extractors.table_model import LogicalTable, Row, clean
from cspipe.extractors.tables import find_page_tables
from cspipe.extractors.themes import theme_of
from cspipe.models.extraction import ActivityRecord, FundingRecord, KpiRecord, PriorityRecord


@dataclass
class TableRecords:
    """What the tables of a document hold."""

    activities: list[ActivityRecord] = field(default_factory=list)
    priorities: list[PriorityRecord] = field(default_factory=list)
    kpis: list[KpiRecord] = field(default_factory=list)
    funding: list[FundingRecord] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    #: sums a table's total rows state (a sentence restating one is not another sum)
    totals: list[float] = field(default_factory=list)
    #: sub-heading rows inside a plan table ("Fraud" over its rows): they group the rows under
    #: a priority, but a document that states its priorities elsewhere names them there
    grouping_priorities: list[PriorityRecord] = field(default_factory=list)


_NO_KPI = re.compile(r"^(?:tbc|tba|tbd|n/?a|none|-+|–|\?|to be (?:confirmed|agreed|decided))\.?$", re.I)
_NUMBERED = re.compile(r"(?:^|\s)(\d{1,2})[.)]\s*(?=[A-Z])")
_BULLET = re.compile(r"(?:^|\s)[•▪●◦■➢►]\s*")
#: "Number trained - target TBC", "Reach (target: 500)"
_TARGET = re.compile(r"(?:\s[-–]\s*|[,;(:]\s*)targets?\b\s*(?::|-|of|is)?\s*(?P<t>[^)]+?)\)?\s*$", re.I)
#: a threshold stated inside the measure: ">20 venues", "at least 5 venues"
_THRESHOLD = re.compile(r"(?:[<>≥≤]=?\s*|\b(?:at least|at most|more than|fewer than|less than|over|"
                        r"under|a minimum of|minimum of|up to)\s+)\d[\d,.]*%?(?:\s+(?!of\b|and\b)[a-z]+)?",
                        re.I)
#: a footnote marker after an action ("... town centre *"): the note, not the action, explains it
_FOOTNOTE_MARK = re.compile(r"\s*(?:[*†‡]+|\(\s*[*†‡]+\s*\))$")
_TOTAL = re.compile(r"^(?:grand\s+|sub-?\s*)?totals?\b", re.I)


def table_kind(cmap: ColumnMap | None) -> str:
    """``plan``, ``funding`` or ``other`` from the column roles."""
    if cmap is None:
        return "other"
    if cmap.has("activity"):
        return "plan"
    if cmap.has("funding") and any(cmap.has(r) for r in ("description", "date", "recipient",
                                                             "period")):
        return "funding"
    if performance_columns(cmap) is not None:
        return "performance"
    return "other"


_PERIOD_HEADER = re.compile(
    r"^(?:(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s*(?:19|20)?\d\d)$", re.I)
#: a KPI column header that states the target rather than the measure
_TARGET_HEADER = re.compile(r"^(?:annual |year(?:ly)? |\d{4}/\d{2,4} )?targets?\b", re.I)


def performance_columns(cmap: ColumnMap) -> tuple[int, int | None, list[int]] | None:
    """(measure, target, value columns) of a performance table: a measure column and one or
    more reported figures (Q1, Q2, Actual), no activity column; None for any other table."""
    if cmap.has("activity") or cmap.has("funding"):
        return None
    kpi = cmap.indices("kpi")
    measure = next((i for i in kpi if not _TARGET_HEADER.match(cmap.headers[i])), None)
    target = next((i for i in kpi if _TARGET_HEADER.match(cmap.headers[i])), None)
    # in a table of measures a column headed by a period ("2023/24", "Sept 2024") is a figure
    values = [i for i, (r, h) in enumerate(zip(cmap.roles, cmap.headers, strict=False))
              if r == "value" or (r in ("unknown", "period") and _PERIOD_HEADER.match(h))]
    if measure is None or not (values or target is not None):
        return None
    return measure, target, values


def split_numbered(text: str) -> list[str]:
    """``1. Number trained 2. Number of venues`` -> two items; so are bulleted items
    (``• Data profile • Market profile``); other text is one item."""
    bullets = list(_BULLET.finditer(text))
    if bullets and (len(bullets) >= 2 or bullets[0].start() == 0):
        parts = [p.strip() for p in _BULLET.split(text)]
        return [p for p in parts if p]
    marks = list(_NUMBERED.finditer(text))
    nums = [int(m.group(1)) for m in marks]
    if len(marks) < 2 or nums != list(range(nums[0], nums[0] + len(nums))) or nums[0] > 1:
        return [text]
    items = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=False):
        items.append(text[m.end(): nxt.start() if nxt else len(text)].strip())
    head = text[: marks[0].start()].strip()
    if head:
        items.insert(0, head)
    return [i for i in items if i]


def kpis_from_cell(text: str, page: int) -> list[KpiRecord]:
    """The measures in one KPI cell; a target stated with them goes to ``target``."""
    text = clean(text)
    if not text:
        return []
    if _NO_KPI.match(text):
        # "TBC" in a KPI column: a measure the plan says is still to be set
        return [KpiRecord(description=text, page=page)]
    out = []
    for item in (part for numbered in split_numbered(text) for part in _split_measures(numbered)):
        target = None
        m = _TARGET.search(item)
        if m and m.start() > 0:
            target = m.group("t").strip() or None
            if item[m.start():].lstrip().startswith("("):
                item = item[:m.start()].rstrip()  # "(target: 80%)" says the target, not the measure
        elif (t := _THRESHOLD.search(item)) is not None:
            target = t.group(0).strip()
        out.append(KpiRecord(description=item, target=target, page=page))
    return out


def _split_measures(item: str) -> list[str]:
    """Measures listed in one cell with semicolons ("Referrals made; % reporting feeling safer"),
    each part a measure of several words; a bracket is never cut."""
    parts = [p.strip() for p in re.split(r";\s+(?![^(]*\))", item)]
    if len(parts) < 2 or any(len(p.split()) < 2 for p in parts):
        return [item]
    return parts


def _cell(row: Row, cmap: ColumnMap, role: str) -> str:
    return row.text(cmap.index(role))


def _cells(row: Row, cmap: ColumnMap, role: str) -> list[str]:
    return [t for t in (row.text(i) for i in cmap.indices(role)) if t]


#: a priority cell that only points at a numbered priority ("Priority 2", "Priority 1 and 2")
_PRIORITY_REF = re.compile(r"^(?:csp\s+)?priorit(?:y|ies)\s*\d+(?:\s*(?:,|and|&)\s*\d+)*\.?$", re.I)


def _field(row: Row, cmap: ColumnMap, role: str) -> str:
    """A cell of that role, or the value a stacked "label / value" pair gave it."""
    return " ".join(_cells(row, cmap, role)) or row.extra.get(role, "")


#: a heading that titles a plan ("Tackling Neighbourhood Crime Delivery Plan") rather than
#: naming a priority: it is the objective the rows below serve
_PLAN_TITLE = re.compile(r"\b(?:delivery|action|work|implementation)\s+plan\b", re.I)


def _merged_measures(table: LogicalTable) -> dict[str, set[int]]:
    """Measure columns merged over the rows of a priority (pdfplumber reads a covered cell as
    None), by priority text: such a cell states the priority's measures, not an action's."""
    cmap = table.cmap
    assert cmap is not None
    pri = cmap.index("priority")
    if pri is None:
        return {}
    out: dict[str, set[int]] = {}
    groups: dict[str, list[Row]] = {}
    for row in table.rows:
        if row.kind == "data":
            groups.setdefault(clean(row.cells[pri]), []).append(row)
    for key, rows in groups.items():
        if len(rows) < 2:
            continue
        for i in cmap.indices("kpi"):
            if any(r.cells[i] is None for r in rows[1:]):
                out.setdefault(key, set()).add(i)
    return out


def _activities(table: LogicalTable, out: TableRecords, seen_priorities: dict[str, int],
                heading: str | None = None) -> None:
    cmap = table.cmap
    assert cmap is not None
    plan_title = heading if heading and _PLAN_TITLE.search(heading) else None
    current_sub: str | None = None if plan_title else heading
    if table.labels.get("priority"):
        current_sub = table.labels["priority"]
    plan_title = table.labels.get("objective") or plan_title
    from_row = False
    pri = cmap.index("priority")
    group_measures = _merged_measures(table)
    for row in table.rows:
        if row.kind == "subheading":
            current_sub = clean(next(c for c in row.cells if clean(c)))
            from_row = True
            continue
        description = _FOOTNOTE_MARK.sub("", _cell(row, cmap, "activity"))
        if not description:
            texts = [clean(c) for c in row.cells if clean(c)]
            out.skipped.append((row.page, f"row without activity text: {' | '.join(texts)[:80]!r}"))
            continue
        priority = _cell(row, cmap, "priority")
        grouping = False
        if not priority or (_PRIORITY_REF.match(priority) and current_sub):
            grouping = from_row and bool(current_sub)
            priority = current_sub or priority or None
        objective = _cell(row, cmap, "objective") or plan_title
        timescale = _field(row, cmap, "timescale") or None
        progress = _field(row, cmap, "progress") or None
        lead_raw = _field(row, cmap, "lead") or None
        leads = split_lead(lead_raw) if lead_raw else []
        if not leads and cmap.default_lead:
            lead_raw = lead_raw or cmap.default_lead
            leads = split_lead(cmap.default_lead)
        kpis: list[KpiRecord] = []
        shared = group_measures.get(clean(row.cells[pri]) if pri is not None else "", set())
        for i in shared:
            # a measure merged over several actions measures their priority, not each action
            out.kpis.extend(kpis_from_cell(row.text(i), row.page))
        own = [t for t in (row.text(i) for i in cmap.indices("kpi") if i not in shared) if t]
        for text in own or ([row.extra["kpi"]] if "kpi" in row.extra else []):
            if _NO_KPI.match(clean(text)) and timescale and _NO_KPI.match(timescale.strip("? ") or "?"):
                continue  # measure and date both still to be set: a placeholder row, no KPI yet
            kpis.extend(kpis_from_cell(text, row.page))
        if not cmap.has("kpi") and "kpi" not in row.extra:
            # no measure column: a measurable amount inside the action ("to at least 2
            # parishes", as a SMART target states it) is its measure
            kpis.extend(measurable_kpis(description, row.page))
        theme = theme_of(priority, objective or description) if priority else None
        out.activities.append(ActivityRecord(
            description=description, page=row.page, theme=theme, priority=priority,
            objective=objective, status=_field(row, cmap, "status") or None, progress=progress,
            timescale=timescale, due_date=due_date(timescale), lead_raw=lead_raw, leads=leads,
            kpis=kpis))
        if priority and priority.lower() not in seen_priorities:
            seen_priorities[priority.lower()] = len(out.priorities)
            record = PriorityRecord(label=priority, theme=theme or "other", page=row.page)
            (out.grouping_priorities if grouping else out.priorities).append(record)


def _funding(table: LogicalTable, out: TableRecords) -> None:
    cmap = table.cmap
    assert cmap is not None
    for row in table.rows:
        if row.kind == "subheading":
            continue
        money = " ".join(_cells(row, cmap, "funding"))
        desc = _cell(row, cmap, "description") or " ".join(
            row.text(i) for i, r in enumerate(cmap.roles) if r in ("unknown", "priority", "activity")
        ).strip()
        if not money:
            out.skipped.append((row.page, f"funding row without an amount: {desc[:60]!r}"))
            continue
        amount = parse_amount(money)
        if amount is None:
            out.skipped.append((row.page, f"amount not read: {money[:40]!r}"))
            continue
        words = [row.text(i) for i, r in enumerate(cmap.roles) if r != "funding" and row.text(i)]
        if _TOTAL.match(desc) or (words and _TOTAL.match(words[0])):
            out.skipped.append((row.page, f"total row: {money}"))
            out.totals.append(amount)
            continue
        date_text = _cell(row, cmap, "date")
        period_text = _cell(row, cmap, "period")
        out.funding.append(FundingRecord(
            description=desc or money, amount_gbp=amount, page=row.page,
            date=parse_date(date_text) if date_text else None,
            period=(financial_period(period_text) or period_text or None) if period_text
            else financial_period(date_text) or financial_period(desc),
            funder_text=_cell(row, cmap, "funder") or None,
            recipient_text=_cell(row, cmap, "recipient") or None))


_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")


def reported_value(text: str) -> float | None:
    """The figure a performance cell reports: ``562`` -> 562, ``29%`` -> 29, ``1,060`` -> 1060;
    None for a cell that is no single figure (``N/A``, ``see note``, ``12 of 40``)."""
    t = clean(text).replace("£", "").strip()
    nums = _NUMBER.findall(t)
    if len(nums) != 1 or len(t) > len(nums[0]) + 4:
        return None
    try:
        return float(nums[0].replace(",", ""))
    except ValueError:
        return None


def _performance(table: LogicalTable, out: TableRecords) -> None:
    """One KPI per row of a performance table: the measure, its target, the latest figure."""
    cmap = table.cmap
    assert cmap is not None
    cols = performance_columns(cmap)
    assert cols is not None
    measure, target, values = cols
    for row in table.rows:
        if row.kind == "subheading":
            continue
        description = row.text(measure)
        if not description:
            continue
        figures = [v for v in (reported_value(row.text(i)) for i in values) if v is not None]
        out.kpis.append(KpiRecord(
            description=description, page=row.page,
            target=row.text(target) or None if target is not None else None,
            value=figures[-1] if figures else None))


def records_from_tables(tables: list[LogicalTable]) -> TableRecords:
    """Activities, priorities, KPIs and funding rows from a document's logical tables."""
    out = TableRecords()
    seen: dict[str, int] = {}
    heading: str | None = None
    for table in tables:
        heading = table.heading or heading
        kind = table_kind(table.cmap)
        if kind == "plan":
            _activities(table, out, seen, heading)
        elif kind == "funding":
            _funding(table, out)
        elif kind == "performance":
            _performance(table, out)
        else:
            out.skipped.append((table.page, _skip_reason(table)))
    return out


def _skip_reason(table: LogicalTable) -> str:
    if table.cmap is None:
        first = " | ".join(clean(c) for c in (table.rows[0].cells if table.rows else []) if clean(c))
        return f"no header row with known column meanings (first row: {first[:60]!r})"
    roles = ", ".join(f"{h or '?'}={r}" for h, r in zip(table.cmap.headers, table.cmap.roles,
                                                          strict=False))
    return f"not an action plan or funding table ({roles})"


def explain_page(page: PageView) -> dict[str, Any]:
    """Tables found on one page, their column roles and rows, and what was skipped and why."""
    page_tables = find_page_tables(page)
    logical = build_logical_tables([page_tables])
    records = records_from_tables(logical)
    tables = []
    for pt, lt in zip(page_tables, logical, strict=False):
        tables.append({
            "source": pt.source,
            "bbox": [round(v, 1) for v in pt.bbox],
            "column_x": [round(x, 1) for x in pt.xs],
            "kind": table_kind(lt.cmap),
            "columns": lt.cmap.as_dict() if lt.cmap else None,
            "default_lead": lt.cmap.default_lead if lt.cmap else None,
            "notes": [*lt.notes, *(f"column {h!r}: {why}" for h, why in (lt.cmap.extra if lt.cmap else {}).items())],
            "rows": [{"kind": r.kind, "cells": [clean(c) if c is not None else None for c in r.cells]}
                     for r in lt.rows],
        })
    return {
        "page": page.number,
        "landscape": page.landscape,
        "tables": tables,
        "activities": len(records.activities),
        "funding": len(records.funding),
        "skipped": [{"page": p, "reason": r} for p, r in records.skipped],
    }
