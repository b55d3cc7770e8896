"""Splitting an agenda pack into its items: front sheet, minutes, reports, plans, slides.

A pack is many documents bound together; each must be read as what it is. Item starts
are found from page signals (a page that opens with a committee or report header,
"Minutes of the meeting", "Report title:", "Appendix", a change to landscape slide pages)
and from the agenda's own page references ("(Page 24)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cspipe.extractors.blocks import Line
from cspipe.models import Section


@dataclass
class PageSignal:
    """What the splitter looks at on one page."""

    number: int
    text: str
    landscape: bool
    lines: list[Line] = field(default_factory=list)

    @property
    def head(self) -> str:
        """The first few lines, flattened: where a new item announces itself."""
        lines = [ln for ln in self.text.splitlines() if ln.strip()][:8]
        return " ".join(" ".join(lines).split())


_AGENDA_FRONT = re.compile(r"\bagenda\b", re.I)
_AGENDA_ITEMS = re.compile(r"(?m)^\s*\d{1,2}\.?\s+\S")
_PAGE_REF = re.compile(r"\(\s*Page\s+(\d{1,3})\s*\)", re.I)
_MINUTES = re.compile(r"\bminutes of (?:the |a )?(?:meeting|.{0,60}?held)\b", re.I)
_REPORT_HEAD = re.compile(
    r"\b(?:report title|title of report|report to|report by|report of|subject\s*:|item no|"
    r"agenda item|report number|purpose of (?:the )?report|executive summary)\b",
    re.I,
)
_APPENDIX = re.compile(r"^\s*(?:appendix|annex)\s+[A-Z0-9]{1,3}\b", re.I)
_PLAN = re.compile(r"\b(?:delivery plan|action plan)\b", re.I)
_STRATEGY = re.compile(r"\b(?:strategy|safer \w+ plan|community safety plan|partnership plan)\b", re.I)
_WORK_PROGRAMME = re.compile(r"\bforward (?:work )?programme\b|\bwork programme\b", re.I)
_CONSULT = re.compile(r"\bconsultation (?:report|findings|results|responses)\b", re.I)
#: an item titled as a consultation ("Consultation on the Strategic Plan", "Appendix 2:
#: Consultation questions", "... engaged to promote the consultation")
_CONSULT_TITLE = re.compile(r"^(?:appendix\s+\w+\s*[:.-]\s*)?consultation\b|\bthe consultation$", re.I)


def is_front_sheet(page: PageSignal) -> bool:
    """An agenda front sheet: the word Agenda and numbered items, often with page refs."""
    text = page.text
    return bool(_AGENDA_FRONT.search(text)) and (
        len(_PAGE_REF.findall(text)) >= 1 or len(_AGENDA_ITEMS.findall(text)) >= 3
    )


def page_refs(pages: Sequence[PageSignal]) -> list[int]:
    """Pages the agenda points to ("(Page 24)"), from its first pages."""
    refs: list[int] = []
    for p in pages[:4]:
        refs += [int(n) for n in _PAGE_REF.findall(p.text)]
    return sorted(set(r for r in refs if 1 < r <= len(pages) + 2))


def starts_item(prev: PageSignal | None, page: PageSignal) -> bool:
    """Whether ``page`` opens a new item of the pack."""
    head = page.head
    if prev is None:
        return True
    if _MINUTES.search(head[:300]):
        return True
    if _REPORT_HEAD.search(head[:400]) and not _REPORT_HEAD.search(prev.head[:400]):
        return True
    if _APPENDIX.match(head):
        return True
    return page.landscape != prev.landscape


def classify_item(pages: Sequence[PageSignal]) -> tuple[str, str]:
    """(kind, title) of one item from its first page(s)."""
    first = pages[0]
    head = first.head
    title = _title(first)
    text = " ".join(p.text for p in pages[:2])
    if first.number == 1 and any(is_front_sheet(p) for p in pages[:2]):
        return "front_sheet", title
    if _MINUTES.search(head[:300]):
        return "minutes", title
    if _PLAN.search(head[:200]) and not _REPORT_HEAD.search(head[:400]):
        return ("delivery_plan" if re.search(r"delivery plan", head, re.I) else "action_plan"), title
    if all(p.landscape for p in pages) and _slides(pages):
        return "slides", title
    if _WORK_PROGRAMME.search(head):
        return "other", title
    if _CONSULT.search(head) or _CONSULT_TITLE.search(title):
        # survey counts ("330 responses") are not outputs of the partnership's work
        return "consultation", title
    if _REPORT_HEAD.search(head[:400]) and not re.search(r"\bdelivery plan\b", head[:120], re.I):
        return "scrutiny_report", title
    if _PLAN.search(head):
        return ("delivery_plan" if re.search(r"delivery plan", head, re.I) else "action_plan"), title
    if _STRATEGY.search(head) or _STRATEGY.search(text[:2000]):
        return "strategy", title
    if _APPENDIX.match(head):
        return "appendix", title
    return "other", title


def _slides(pages: Sequence[PageSignal]) -> bool:
    """Presentation slides: landscape pages with little text each."""
    return all(len(p.text.split()) < 220 for p in pages)


def _title(page: PageSignal) -> str:
    if page.lines:
        sizes = sorted({round(ln.size) for ln in page.lines}, reverse=True)
        big = [ln.text for ln in page.lines if round(ln.size) == sizes[0]]
        if big:
            return " ".join(big[:2])[:200]
    return page.head[:120]


def split_sections(pages: Sequence[PageSignal]) -> list[Section]:
    """Items of the document; one section for the whole of anything that is not a pack."""
    if not pages:
        return []
    front = any(is_front_sheet(p) for p in pages[:2])
    if not front or len(pages) < 5:
        kind, title = classify_item(pages)
        return [Section(title=title, kind="document" if kind == "front_sheet" else "document",
                        first_page=pages[0].number, last_page=pages[-1].number)]
    refs = set(page_refs(pages))
    starts = [0]
    for i in range(1, len(pages)):
        if pages[i].number in refs or starts_item(pages[i - 1], pages[i]):
            starts.append(i)
    # the front sheet runs until the first item (its membership list may take a page)
    sections: list[Section] = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(pages)
        item = pages[s:e]
        kind, title = classify_item(item)
        sections.append(Section(title=title, kind=kind, first_page=item[0].number,
                                last_page=item[-1].number))
    return _merge_slides(sections)


def _merge_slides(sections: list[Section]) -> list[Section]:
    """Consecutive slide pages are one presentation."""
    out: list[Section] = []
    for s in sections:
        if out and s.kind == "slides" and out[-1].kind == "slides":
            out[-1] = out[-1].model_copy(update={"last_page": s.last_page})
        else:
            out.append(s)
    return out
