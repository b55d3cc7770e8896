"""Cover sheets: the label/value form on a report's first page (title, date, report to, authors),
read through a vocabulary of labels, and the people it names."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cspipe.extractors.blocks import Line
from cspipe.extractors.publisher import _EMAIL_DOMAIN, council_for_domain
from cspipe.models import PersonRecord

# ---------------------------------------------------------------- cover-sheet labels

#: label (lower case, no trailing colon) -> the field it fills
_LABELS: dict[str, str] = {
    "subject": "title",
    "title": "title",
    "title of report": "title",
    "report title": "title",
    "report subject": "title",
    "name of report": "title",
    "report number": "report_number",
    "report no": "report_number",
    "report no.": "report_number",
    "report reference": "report_number",
    "report ref": "report_number",
    "reference number": "report_number",
    "paper number": "report_number",
    "reference": "report_number",
    "ref": "report_number",
    "ref.": "report_number",
    "our ref": "report_number",
    "report to and date(s)": "report_to",
    "report to and date": "report_to",
    "report to": "report_to",
    "meeting": "report_to",
    "committee": "report_to",
    "decision maker": "report_to",
    "date of meeting": "date",
    "meeting date": "date",
    "date": "date",
    "report by": "person",
    "report author": "person",
    "author": "person",
    "lead officer": "person",
    "supporting officer": "person",
    "supporting officers": "person",
    "contact officer": "person",
    "responsible officer": "person",
    "report author and contact details": "person",
    "officer": "person",
    "cabinet member": "person",
    "portfolio holder": "person",
    "lead member": "person",
    "responsible cabinet member": "person",
    "executive director": "person",
    "director": "person",
    "head of service": "person",
}

_LABEL_ALT = "|".join(sorted((re.escape(k) for k in _LABELS), key=len, reverse=True))
_LABEL_LINE = re.compile(rf"^\s*({_LABEL_ALT})\s*:?\s*(?:\t|:|\s{{2,}}|\s(?=\S))(.*)$", re.IGNORECASE)


@dataclass
class CoverSheet:
    """What a cover form states, by field; people keep their raw value text."""

    fields: dict[str, str] = field(default_factory=dict)
    people: list[tuple[str, str]] = field(default_factory=list)  # (label, value)


def _norm_label(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().rstrip(":").strip()).lower()


def _cover_pairs(lines: Sequence[Line]) -> list[tuple[str, str]]:
    """Label/value pairs of a form laid out as lines: the value sits right of its label, and
    runs down until the next label of the same column."""
    labels = [ln for ln in lines if _norm_label(ln.text) in _LABELS]
    pairs: list[tuple[str, str]] = []
    for lab in labels:
        below = [o for o in labels if o.page == lab.page and abs(o.x0 - lab.x0) < 10
                 and o.top > lab.top + 1]
        end = min((o.top for o in below), default=lab.top + 120) - 1
        values = [ln for ln in lines if ln.page == lab.page and lab.top - 2 <= ln.top < end
                  and ln.x0 > lab.x1 - 1 and ln.x0 < lab.x1 + 320 and ln is not lab]
        if not values:
            continue
        values.sort(key=lambda v: (v.top, v.x0))
        # a value ends at a wide vertical gap
        kept = [values[0]]
        for v in values[1:]:
            if v.top - kept[-1].bottom > max(v.size, 8) * 1.6:
                break
            kept.append(v)
        pairs.append((lab.text, " ".join(v.text for v in kept)))
    return pairs


def read_cover(tables: Sequence[Sequence[Sequence[str | None]]], lines: Sequence[str],
               layout: Sequence[Line] = ()) -> CoverSheet:
    """Read label/value pairs from ruled tables, then positioned lines, then "Label: value" text."""
    cover = CoverSheet()

    def put(label: str, value: str) -> None:
        value = " ".join(value.split())
        kind = _LABELS.get(_norm_label(label))
        if not kind or not value:
            return
        if kind == "person":
            if (label, value) not in cover.people:
                cover.people.append((_norm_label(label), value))
        else:
            cover.fields.setdefault(kind, value)

    for table in tables:
        for row in table:
            cells = [(c or "").strip() for c in row]
            non_empty = [c for c in cells if c]
            if len(non_empty) >= 2 and _norm_label(non_empty[0]) in _LABELS:
                put(non_empty[0], " ".join(non_empty[1:]))
    for label, value in _cover_pairs(layout):
        put(label, value)
    for line in lines:
        m = _LABEL_LINE.match(line)
        if m and m.group(2).strip() and (":" in line[: m.end(1) + 2] or "\t" in line):
            put(m.group(1), m.group(2))
    return cover


# ---------------------------------------------------------------- names in the text


_PERSON_NAME = re.compile(
    r"^(?:(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+)?([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})"
)


def read_people(cover: CoverSheet, councils: Sequence[str]) -> list[PersonRecord]:
    """Officers and members named on the cover sheet, with the council their e-mail names."""
    people: list[PersonRecord] = []
    seen: set[str] = set()
    for label, value in cover.people:
        # a cell may hold several people, each "Name, Role e-mail phone"
        chunks = re.split(r"(?<=\.uk)\s+|(?<=\.com)\s+|(?<=\.org)\s+|\s+(?=\d{5}\s?\d{6})", value)
        chunks = _merge_person_chunks(chunks)
        for chunk in chunks:
            chunk = chunk.strip(" ,;")
            m = _PERSON_NAME.match(chunk)
            if not m:
                continue
            tokens = m.group(1).split()
            while len(tokens) > 2 and tokens[-1].lower() in _ROLE_WORDS:
                tokens.pop()
            if len(tokens) > 1 and tokens[-1].lower() in _ROLE_WORDS:
                tokens.pop()
            name = " ".join(tokens)
            if len(tokens) < 2 or name.lower() in seen or _is_role_word(name):
                continue
            rest = chunk[chunk.index(name) + len(name):]
            email = _EMAIL_DOMAIN.search(chunk)
            org = council_for_domain(email.group(1), councils) if email else None
            role = re.split(r"\bTel\b|\bEmail\b|\bE-mail\b|[\w.+'-]+@|\d{4,}", rest, flags=re.I)[0]
            role = role.strip(" ,;:-") or label.title()
            people.append(PersonRecord(name=name, org_text=org, role=role))
            seen.add(name.lower())
    return people


def _merge_person_chunks(chunks: list[str]) -> list[str]:
    """Phone numbers split off on their own go back to the person before them."""
    out: list[str] = []
    for c in chunks:
        if out and not re.match(r"^\s*[A-Z][a-z]", c):
            out[-1] += " " + c
        else:
            out.append(c)
    return out


_ROLE_WORDS = {"cabinet", "member", "director", "head", "manager", "officer", "strategic",
               "portfolio", "holder", "assistant", "chief", "service", "council"}


def _is_role_word(name: str) -> bool:
    return name.split()[0].lower() in _ROLE_WORDS


# ---------------------------------------------------------------- committee, title, type
