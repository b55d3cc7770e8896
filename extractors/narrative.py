"""Priorities and reported outputs stated in running text (not in tables).

Priorities: a sentence that announces them ("the following priorities", "key priorities
... include:", "strategic priorities were") followed by a bulleted or lettered list, whose
items may open with a bold lead-in ("Criminal Exploitation: encompassing ..."); and
sentences that adopt a priority ("agreed to adopt Fraud as a priority").
Outputs: sentences reporting a count of people, sessions or properties reached
("In total 43 members of staff completed this course"), kept as KPIs with the number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cspipe.extractors.blocks import Line
from cspipe.extractors.themes import theme_of
from cspipe.models import PriorityRecord

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}


# ---------------------------------------------------------------- list structure

MARKER = re.compile(
    r"^\s*(?:[-•▪●◦○■□➢►✓*·o]\s+|\(?[a-z]\)\s*|[a-z]\.\s+|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)[.)]\s+"
    r"|\d{1,2}[.)]\s+(?=[A-Z]))"
)
SECTION_NO = re.compile(r"^\s*(?:[A-Z]?\d+(?:\.\d+)+\.?|\d+\.)\s+")

_ANNOUNCE = re.compile(
    r"\b(?:following|key|strategic|main|proposed|these|identified|agreed|our|its|partnership'?s?|"
    r"csp'?s?|the)\s+(?:[\w'-]+\s+){0,3}?priorities\b(?:(?![.!?]\s).){0,160}"
    r"(?::\s*$|:\s|\binclude\b|\bincluded\b|\bwere\b|\bare\b|\bremain(?:ed)?\b|\bas follows\b)",
    re.IGNORECASE,
)
#: priorities of other bodies ("the key groups and their priorities are set out below")
_OTHERS = re.compile(r"\b(?:their|other\s+(?:\w+\s+){0,2}?(?:partnerships?|boards?|groups?))\b"
                     r"(?:\s+[\w'-]+){0,3}?\s+priorities\b", re.I)
_ANNOUNCE_AFTER = re.compile(
    r"\bpriorit(?:y|ies)\b[^.]{0,80}(?:\bwere\b|\bare\b|\binclude\b|\bas follows\b)[^.]{0,40}:?\s*$",
    re.IGNORECASE,
)
#: a heading that is only the word priorities ("Priorities", "Our priorities for 2024/25")
_PRIORITY_TITLE = re.compile(
    r"^\s*(?:(?:our|the|key|strategic|main|csp|partnership|community safety|current|agreed)\s+){0,2}"
    r"priorities(?:\s+(?:for|in)\s+(?:the\s+)?(?:(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?|year|coming year))?\s*:?\s*$",
    re.I)
_NUMBERED_PRIORITY = re.compile(r"^\s*(?:CSP\s+|Strategic\s+)?Priority\s+(?:\d{1,2}|[A-Z])\s*[.:]?\s*$",
                                re.IGNORECASE)
_ADOPT = re.compile(
    r"\b(?:adopt|add|include|introduce)(?:ed|s)?\s+(?P<label>[A-Z][\w'-]*(?:\s+(?:[A-Za-z][\w'-]*)){0,5}?)"
    r"\s+as\s+(?:a|an)\s+(?:new\s+|additional\s+|further\s+)?priority",
)
_NEW_PRIORITY = re.compile(
    r"(?:^|[.;]\s+)(?P<label>[A-Z][\w'-]*(?:\s+[\w'-]+){0,5}?)\s+(?:is|was|has been added as)\s+"
    r"(?:a|an)\s+new\s+priority",
    re.IGNORECASE,
)


def strip_marker(text: str) -> tuple[str, bool]:
    m = MARKER.match(text)
    if m:
        return text[m.end():].strip(), True
    return text.strip(), False


def priority_label(item: str) -> str | None:
    """The priority named by one list item: its lead-in before a colon, or the short item."""
    item = SECTION_NO.sub("", item).strip()
    item, _ = strip_marker(item)
    head = re.split(r"\s*[:–—]\s+|\s+-\s+", item, maxsplit=1)[0].strip()
    if ":" in item[:80] and len(head.split()) <= 10:
        label = head.rstrip(":").strip()
    else:
        label = item
        # a long explanation in brackets is not part of the name; an abbreviation or a short
        # note is, as written ("Criminal Exploitation (formerly known as County Lines)")
        bracket = re.search(r"\(([^)]*)\)?", label)
        if bracket and len(bracket.group(1).split()) > 5:
            label = re.sub(r"\s*\((?=[^)]*\s\S+\s\S+\s)[^)]*\)?.*$", "", label)
        if len(label.split()) > 10:
            label = re.split(r"[,;]|\s+(?:which|that|where|including|encompassing)\s", label)[0]
    label = label.strip(" .;,*")
    label = re.sub(r"\s*\band\s*$", "", label).strip()
    words = label.split()
    if not label or len(words) > 12 or not label[0].isalnum():
        return None
    if label.lower() in {"and", "or", "the", "other", "others"}:
        return None
    return label


def bold_lead(line: Line) -> str | None:
    """The bold words an item opens with when plain text follows ("**Fraud** leads to ...").

    Authors embolden the name of each priority inside an explanatory bullet; the bold run is
    the label, the rest is its explanation.
    """
    words = [w for w in line.words if str(w["text"]).strip()]
    if words and MARKER.match(str(words[0]["text"]) + " "):
        words = words[1:]
    run: list[str] = []
    for w in words:
        if "bold" not in str(w.get("fontname", "")).lower():
            break
        run.append(str(w["text"]))
    if not run or len(run) == len(words) or len(run) > 8:
        return None
    return " ".join(run).strip(" :;,.–-") or None


def _continuation(prev: Line, line: Line, text_x: float) -> bool:
    """A wrapped line of the same item: indented to the item's text, no marker, close below."""
    if MARKER.match(line.text) or SECTION_NO.match(line.text):
        return False
    if line.page != prev.page:
        return line.x0 >= text_x - 4 and not prev.text.rstrip().endswith(".")
    close = line.top - prev.bottom < max(prev.size, 8) * 1.1
    return close and line.x0 >= text_x - 4


#: the first item of a numbered list (a section number "2." opens no list)
_FIRST_ITEM = re.compile(r"^\s*\(?(?:1|a|i)[.)]\s+(?=[A-Z'‘\"(])")


def list_after(lines: Sequence[Line], start: int) -> list[tuple[str, Line]]:
    """Items of the list that follows line ``start`` (the announcing sentence)."""
    items: list[tuple[str, Line]] = []
    item_x: float | None = None
    item_text_x = 0.0
    i = start + 1
    plain = False  # a list with no markers: short lines one under another
    while i < len(lines):
        line = lines[i]
        text = line.text.strip()
        if not items and _FIRST_ITEM.match(text):
            stripped, marked = strip_marker(text)  # "1. ..." opens a numbered list
        else:
            stripped, marked = strip_marker(SECTION_NO.sub("", text) if not items else text)
        if not text:
            i += 1
            continue
        if item_x is None:
            if marked:
                item_x = line.x0
            elif len(text.split()) <= 8 and not SECTION_NO.match(text) and not text.endswith(":"):
                item_x, plain = line.x0, True
            else:
                break
        if marked and abs(line.x0 - item_x) <= 6 or (plain and abs(line.x0 - item_x) <= 3
                                                       and len(text.split()) <= 10):
            items.append((stripped, line))
            word_x = [float(w["x0"]) for w in line.words]
            item_text_x = word_x[1] if marked and len(word_x) > 1 and len(line.words[0]["text"]) <= 3 \
                else line.x0
        elif items and _continuation(lines[i - 1], line, item_text_x) and not plain:
            items[-1] = (items[-1][0] + " " + text, items[-1][1])
        elif marked and line.x0 > item_x + 6:
            pass  # a nested bullet under an item
        else:
            break
        i += 1
    return items


#: a numbered section heading that is about the priorities ("4. PROGRESS AGAINST THE PRIORITIES")
_PRIORITY_SECTION = re.compile(r"^\s*(?P<major>\d{1,2})\.?\s+(?:[\w'-]+\s+){0,5}?priorities\s*$", re.I)
#: a sentence that counts the priorities ("The Strategy sets four priorities.")
_COUNTED_PRIORITIES = re.compile(
    r"\b(?:sets?|has|have|had|agreed|identifie[sd]|identify|adopted|contains?)\s+(?:out\s+)?"
    r"(?P<n>two|three|four|five|six|seven|eight|\d)\s+(?:[\w'-]+\s+)?priorities\b", re.I)
#: a numbered sub-section heading line: "4.2 Reducing anti-social behaviour"
_SUB_HEADING = re.compile(r"^\s*(?P<major>\d{1,2})\.(?P<minor>\d{1,2})\.?\s+(?P<text>[A-Z][^.;:]*)$")
_SECTION_START = re.compile(r"^\s*(?P<major>\d{1,2})\.(?:\d{1,2}\.?)?\s+\S")


def _numbered_priorities(lines: Sequence[Line], start: int, major: str,
                         limit: int | None) -> list[tuple[str, Line]]:
    """Short numbered sub-headings of section ``major`` after ``start``: each names a priority.

    A heading is a line of its own (it ends well short of the text's right edge), short, with
    no sentence punctuation; a numbered paragraph runs on to the margin or ends with a stop.
    """
    right = max((ln.x1 for ln in lines), default=0.0)
    out: list[tuple[str, Line]] = []
    for line in lines[start + 1: start + 200]:
        sec = _SECTION_START.match(line.text)
        if sec and sec.group("major") != major:
            break
        m = _SUB_HEADING.match(line.text)
        if not m or m.group("major") != major:
            continue
        text = m.group("text").strip()
        if 2 <= len(text.split()) <= 12 and line.x1 < 0.8 * right:
            out.append((text, line))
            if limit and len(out) == limit:
                break
    return out


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _paragraph_to(lines: Sequence[Line], i: int) -> str:
    """The paragraph that line ``i`` ends, as one text: an announcement wraps however the
    page set it ("Those key priorities are ... They include:")."""
    out = [lines[i]]
    for k in range(i - 1, max(-1, i - 8), -1):
        prev, cur = lines[k], out[0]
        if prev.page != cur.page or cur.top - prev.bottom > max(cur.size, 6) * 0.9 \
                or abs(prev.x0 - cur.x0) > 3 or prev.text.rstrip().endswith(":"):
            break
        out.insert(0, prev)
    return " ".join(ln.text for ln in out)


def find_priorities(lines: Sequence[Line]) -> list[PriorityRecord]:
    """Priorities announced in running text, each with its theme and page."""
    out: list[PriorityRecord] = []
    seen: set[str] = set()

    def add(label: str | None, page: int, context: str = "") -> None:
        if not label:
            return
        key = label.lower()
        if key in seen:
            return
        seen.add(key)
        out.append(PriorityRecord(label=label, theme=theme_of(label, context), page=page))

    others_until = -1
    major: str | None = None
    numbered_done = False
    for i, line in enumerate(lines):
        sec = _SECTION_START.match(line.text)
        if sec:
            major = sec.group("major")
        head = _PRIORITY_SECTION.match(line.text)
        counted = _COUNTED_PRIORITIES.search(line.text)
        if not numbered_done and (head or (counted and major)):
            # priorities set out as the numbered sub-sections of the section that introduces them
            subs = _numbered_priorities(lines, i, head.group("major") if head else str(major),
                                        _count(counted.group("n")) if counted else None)
            if len(subs) >= 2:
                numbered_done = True
                for text, sub_line in subs:
                    add(priority_label(text), sub_line.page, text)
        if _NUMBERED_PRIORITY.match(line.text) and i + 1 < len(lines):
            # "Priority 1." on its own line, its statement below
            statement = [lines[i + 1]]
            for nxt in lines[i + 2:]:
                prev = statement[-1]
                if (nxt.page != prev.page or nxt.top - prev.bottom > prev.size * 0.9
                        or nxt.bold != prev.bold):
                    break
                statement.append(nxt)
            text = " ".join(ln.text for ln in statement).strip()
            if not statement[0].bold and 2 <= len(text.split()) <= 40:
                add(text, line.page, text)
            continue
        joined = line.text
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        window = f"{joined} {nxt}" if not joined.rstrip().endswith((":", ".")) else joined
        if _OTHERS.search(window):
            # "other partnerships and their priorities (in the table below)": not the
            # document's own, nor is the list or table title that follows
            others_until = i + 6
        elif i <= others_until:
            pass
        elif _PRIORITY_TITLE.match(joined) or _ANNOUNCE.search(joined) or (_ANNOUNCE_AFTER.search(joined)) or (
                _ANNOUNCE.search(window) and nxt.rstrip().endswith(":")) or (
                joined.rstrip().endswith(":") and _ANNOUNCE.search(_paragraph_to(lines, i))):
            start = i + 1 if window != joined and nxt.rstrip().endswith(":") else i
            items = list_after(lines, start)
            leads = [bold_lead(item_line) for _item, item_line in items]
            for (item, item_line), lead in zip(items, leads, strict=True):
                if any(leads):
                    # the list names its priorities in bold: an item without one only explains
                    if lead:
                        add(lead, item_line.page, item)
                    continue
                add(priority_label(item), item_line.page, item)
        for m in _ADOPT.finditer(joined):
            add(priority_label(m.group("label")), line.page)
        for m in _NEW_PRIORITY.finditer(joined):
            label = m.group("label")
            if label.split()[0].lower() not in {"this", "it", "which", "there", "that"}:
                add(priority_label(label), line.page)
    return out

