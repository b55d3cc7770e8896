"""Document metadata: title, type, partnership, publishing council, committee, date, people.

Council cover sheets are two-column forms (label | value), drawn as ruled tables or as
label/value lines. They are read generically through a vocabulary of labels, never by the
wording of one council's template. Where there is no cover sheet the first page's
largest text, headers/footers and officers' e-mail domains fill the gaps.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from cspipe.extractors.blocks import Line
from cspipe.extractors.cover import CoverSheet, read_cover, read_people
from cspipe.extractors.dates import parse_date
from cspipe.extractors.doc_type import classify
from cspipe.extractors.publisher import (
    _EMAIL_DOMAIN,
    _LEADING_NOISE,
    council_for_domain,
    council_mentions,
    partnership_mentions,
)
from cspipe.models import DocumentMeta

_COMMITTEE = re.compile(
    r"\b((?:(?:[A-Z][A-Za-z'’&-]*|and|of|&)\s+){0,8}?"
    r"(?:(?:Sub[- ])?Committee|(?:Sub[- ])?Panel|Cabinet|Scrutiny\s+Board|Full\s+Council))\b"
)


def find_committee(text: str) -> str | None:
    """The committee a paper went to, in title case when it was written in capitals."""
    line = " ".join(text.split())
    if line.isupper():
        line = line.title()
    m = _COMMITTEE.search(line)
    if not m:
        return None
    name = _LEADING_NOISE.sub("", m.group(1).strip())
    return name or None


_HEADING_COMMITTEE = re.compile(r"(?:Committee|Panel|Sub[- ]Panel|Sub[- ]Committee|Cabinet)$", re.I)


@dataclass
class FirstPage:
    """What the first page shows: lines in reading order and the larger-font lines."""

    lines: list[str]
    big_lines: list[str]


def first_page_view(words: Sequence[dict], text: str) -> FirstPage:
    """Group page-1 words into lines and keep those set in the largest font sizes."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    rows: dict[int, list[dict]] = {}
    for w in words:
        rows.setdefault(round(float(w["top"]) / 3), []).append(w)
    sized: list[tuple[float, float, str]] = []  # (size, top, text)
    for key in sorted(rows):
        ws = sorted(rows[key], key=lambda w: w["x0"])
        size = max(float(w.get("size") or 0) for w in ws)
        sized.append((size, float(ws[0]["top"]), " ".join(w["text"] for w in ws)))
    if not sized:
        return FirstPage(lines, [])
    chars: Counter[int] = Counter()
    for s, _, t in sized:
        chars[round(s)] += len(t)
    body = chars.most_common(1)[0][0]
    if all(round(s) >= body for s, _, _ in sized if len(t) > 3):
        body = min(round(s) for s, _, _ in sized) if len(chars) > 1 else body - 1
    big: list[str] = []
    prev: tuple[float, float] | None = None
    for s, top, t in sized:
        if round(s) <= body:
            prev = None
            continue
        # a title wrapped over lines of one size, one under the other, is one line
        if big and prev and abs(prev[0] - s) < 0.5 and top - prev[1] < s * 1.6:
            big[-1] = f"{big[-1]} {t}"
        else:
            big.append(t)
        prev = (s, top)
    return FirstPage(lines, big)


#: a line dating the position a paper reports ("Position at: 30 November 2024", "Data as at ..."),
#: not the day of a meeting
_STATUS_DATE = re.compile(r"\b(?:position|status|progress|data|figures|update[ds]?|correct)\s+"
                          r"(?:at|as at|as of|to)\b|\b(?:as at|last updated|updated on)\b", re.I)


#: a line that only names the publisher ("MILTON KEYNES COUNCIL", "Lichfield District Council"):
#: a letterhead above the title, never the title
_PUBLISHER_LINE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){0,5}(?:council|borough|district|county|authority|"
    r"constabulary|police|commissioner)(?:\s+council)?$", re.I)


def extract_meta(
    page_texts: Sequence[str],
    first_words: Sequence[dict],
    cover_tables: Sequence[Sequence[Sequence[str | None]]],
    *,
    n_sections: int = 1,
    header_footer_lines: Sequence[str] = (),
    cover_lines: Sequence[Line] = (),
) -> DocumentMeta:
    """Everything the metadata extractor can say from the pages' text and page-1 layout."""
    first = page_texts[0] if page_texts else ""
    cover_text = "\n".join(page_texts[:2])
    view = first_page_view(first_words, first)
    cover = read_cover(cover_tables, cover_text.splitlines(), cover_lines)
    all_text = "\n".join(page_texts)

    counts = partnership_mentions(all_text)
    head_counts = partnership_mentions(first)
    partnership = None
    if counts:
        partnership = max(counts, key=lambda k: (head_counts.get(k, 0) > 0, counts[k], len(k)))
    councils = council_mentions(all_text)
    authority, basis = _publisher(councils, first, cover_text, all_text, header_footer_lines)
    committee, meeting_date = _committee_and_date(cover, view)
    title = _title(cover, view)
    report_number = cover.fields.get("report_number")
    if report_number:
        report_number = report_number.split()[0]
    people = read_people(cover, list(councils))
    doc_type = classify(title, first, all_text, len(page_texts), bool(cover.fields or cover.people),
                        n_sections)
    if doc_type == "agenda_pack":
        # a pack is titled by the meeting it is for: the large heading naming the committee
        meeting = next((b for b in view.big_lines[:3] if _HEADING_COMMITTEE.search(b.strip())
                        and len(b.split()) <= 14), None)
        if meeting:
            title = " ".join(meeting.split())
            committee = find_committee(meeting) or committee
        elif not committee:
            committee = find_committee(" ".join(view.big_lines[:2]))
    return DocumentMeta(
        title=title,
        doc_type=doc_type,  # type: ignore[arg-type]
        partnership_text=partnership,
        authority_text=authority,
        authority_basis=basis,
        committee=committee,
        meeting_date=meeting_date,
        report_number=report_number,
        people=people,
    )


def _publisher(councils: Counter[str], first: str, cover_text: str, all_text: str,
               header_footer_lines: Sequence[str]) -> tuple[str | None, str | None]:
    """The publishing council and how it was told: e-mail domains on the cover, the running
    headers and footers, e-mail domains anywhere, then the councils the first page names."""
    names = list(councils)
    domains = Counter(m.group(1).lower() for m in _EMAIL_DOMAIN.finditer(cover_text))
    for domain, _ in domains.most_common():
        authority = council_for_domain(domain, names)
        if authority:
            return authority, "email"
    hf = council_mentions("\n".join(header_footer_lines))
    if hf:
        return hf.most_common(1)[0][0], "header"
    domains_all = Counter(m.group(1).lower() for m in _EMAIL_DOMAIN.finditer(all_text))
    for domain, _ in domains_all.most_common():
        authority = council_for_domain(domain, names)
        if authority:
            return authority, "email"
    if councils:
        first_counts = council_mentions(first)
        pool = first_counts or councils
        return max(pool, key=lambda k: (pool[k], councils[k])), "mentions"
    return None, None


def _committee_and_date(cover: CoverSheet, view: FirstPage) -> tuple[str | None, str | None]:
    committee = None
    meeting_date = None
    report_to = cover.fields.get("report_to")
    if report_to:
        committee = find_committee(report_to)
        meeting_date = parse_date(report_to)
    if not committee:
        for line in view.lines[:12]:
            if _HEADING_COMMITTEE.search(line.strip()) and len(line.split()) <= 12:
                committee = find_committee(line)
                if committee:
                    break
    if not meeting_date and cover.fields.get("date"):
        meeting_date = parse_date(cover.fields["date"])
    if not meeting_date:
        for line in view.lines[:15]:
            if re.search(r"\b(?:minutes|published|agenda published)\b", line, re.I) \
                    or _STATUS_DATE.search(line):
                continue
            d = parse_date(line)
            if d and len(d) == 10:
                meeting_date = d
                break
    return committee, meeting_date


def _title(cover: CoverSheet, view: FirstPage) -> str | None:
    title = cover.fields.get("title")
    if not title:
        candidates = [b for b in view.big_lines
                      if not _HEADING_COMMITTEE.search(b.strip())
                      and not (parse_date(b) and len(b.split()) <= 5) and len(b.split()) >= 2
                      and not _PUBLISHER_LINE.match(b.strip())]
        if candidates:
            title = candidates[0]
    if not title:
        title = next((ln for ln in view.lines if len(ln.split()) >= 3), None)
    return title
