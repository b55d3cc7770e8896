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
from dataclasses import dataclass, field

from cspipe.extractors.blocks import Line
from cspipe.extractors.dates import parse_date
from cspipe.models import DocumentMeta
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

_CAP = r"(?:St\.?|[A-Z][A-Za-z'’-]+|of|and|&|the|upon|on|in)"
#: an area name stays on one line (wrapped names are caught by their other mentions)
_AREA = rf"(?:St\.?|[A-Z][A-Za-z'’-]+)(?:[ \t]+{_CAP}){{0,5}}?"
_PARTNERSHIP = re.compile(
    rf"\b({_AREA})(?:[ \t]+(Community\s+Safety\s+Partnership)|[ \t]+(CSP))\b(?!s)")
_ABBREV_CSP = re.compile(r"\b([A-Z]{1,6}CSP)\b")
#: other names CSPs go by: "Safer <Area> Partnership", "<Area> Safer Communities Partnership"
_SAFER_PARTNERSHIP = re.compile(
    rf"\bSafer[ \t]+({_AREA})[ \t]+Partnership\b|"
    rf"\b({_AREA})[ \t]+Safer[ \t]+(?:Stronger[ \t]+)?Communit(?:y|ies)[ \t]+Partnership\b")
_COUNCIL = re.compile(
    rf"\b((?:(?:The[ \t]+)?(?:Borough|District|County|City)[ \t]+Council[ \t]+of[ \t]+{_AREA})"
    rf"|(?:{_AREA}[ \t]+(?:(?:District|Borough|County|City|Metropolitan[ \t]+Borough|Town|Parish)[ \t]+)?Council))\b"
)
_NOT_AREA = {
    "each", "the", "a", "an", "all", "our", "this", "that", "local", "every", "their", "new",
    "which", "any", "your", "its", "these", "those", "other", "review", "district", "county",
    "borough", "city", "town", "parish", "council", "councils", "community", "safety",
}
_LEADING_NOISE = re.compile(
    r"^(?:(?:The|A|An|Review|Of|Update|Report|And|To|For|By|With|On|In|Lead|Leads|Owner|Partner|"
    r"Partners|Subject|Title|Purpose)\s+)+")


def _clean_area(area: str) -> str | None:
    area = _LEADING_NOISE.sub("", area.strip())
    area = re.sub(r"\s+(?:of|and|&|the|upon|on|in)$", "", area)
    if not area or area.split()[0].lower() in _NOT_AREA:
        return None
    return area


def partnership_mentions(text: str) -> Counter[str]:
    """Partnership names as written, counted: full names, "<Area> CSP", expanded abbreviations."""
    found: Counter[str] = Counter()
    flat = re.sub(r"[ \t]+", " ", text)
    for m in _PARTNERSHIP.finditer(flat):
        area = _clean_area(m.group(1))
        if area:
            # the full name is the stronger signal: "<Adjective> CSP" is often not a name
            found[f"{area} Community Safety Partnership"] += 3 if m.group(2) else 1
    for m in _SAFER_PARTNERSHIP.finditer(flat):
        # "Members of the <Area> Safer Communities Partnership": the name starts after "of the"
        area = _clean_area(re.sub(r"^.*\b(?:of|for)\s+the\s+", "", m.group(1) or m.group(2)))
        if area and not re.search(r"\b(?:Partnership|Community|Safety|Board)\b", area):
            found[f"{area} Community Safety Partnership"] += 3
    # abbreviations ("ACCSP") count for the name they stand for when the text expands them
    abbrev_counts = Counter(m.group(1) for m in _ABBREV_CSP.finditer(flat))
    for abbrev, n in abbrev_counts.items():
        name = _expansion(flat, abbrev)
        if name:
            found[name] += n
    return found


def _expansion(flat: str, abbrev: str) -> str | None:
    """The full name an abbreviation stands for: "<Name> (ABBR)" or initials of a known name."""
    m = re.search(rf"([A-Z][\w'’ &-]{{5,120}}?)\s*\(\s*{re.escape(abbrev)}\s*\)", flat)
    if m:
        pm = list(_PARTNERSHIP.finditer(m.group(1)))
        if pm:
            area = _clean_area(pm[-1].group(1))
            if area:
                return f"{area} Community Safety Partnership"
    initials = abbrev[: -3]
    for m in _PARTNERSHIP.finditer(flat):
        area = _clean_area(m.group(1))
        if area and "".join(w[0] for w in area.split() if w[0].isupper()) == initials:
            return f"{area} Community Safety Partnership"
    return None


def council_mentions(text: str) -> Counter[str]:
    """Council names as written ("Riverton District Council", "Borough Council of King's Lynn ...")."""
    found: Counter[str] = Counter()
    # a letterhead in capitals ("MILTON KEYNES COUNCIL") names the council as written
    text = re.sub(r"(?m)^[ \t]*((?:[A-Z][A-Z'’&-]*[ \t]+){1,6}COUNCIL)[ \t]*$",
                  lambda m: m.group(1).title().replace("’S", "’s").replace("'S", "'s"), text)
    text = re.sub(r"\b(St\.?)[ \t]*\n[ \t]*(?=[A-Z])", r"\1 ", text)
    # "... the City and County of <Area>" / "Council" wrapped onto the next line
    text = re.sub(r"\b([A-Z][\w'’-]+)[ \t]*\n[ \t]*(?=(?:(?:District|Borough|County|City)[ \t]+)?"
                  r"Council\b)", r"\1 ", text)
    flat = re.sub(r"[ \t]+", " ", text)
    for m in _COUNCIL.finditer(flat):
        name = _LEADING_NOISE.sub("", m.group(1)).strip()
        first = name.split()[0].lower()
        if first in _NOT_AREA - {"district", "county", "borough", "city"} or len(name.split()) < 2:
            continue
        if re.search(r"\b(?:Parish|Town)\s+Council$", name):
            continue
        if re.search(r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\b", name):
            continue  # a membership table's row run together: a person beside a council
        found[name] += 1
    # an abbreviation the text defines ("Riverton District Council (RDC)") counts
    for name in list(found):
        m = re.search(rf"{re.escape(name)}\s*\(([A-Z]{{2,8}})\)", flat)
        if m:
            found[name] += len(re.findall(rf"\b{m.group(1)}\b", flat)) - 1
    # "Edmundsbury Borough Council" cut from a wrapped "St Edmundsbury ..." is the longer name
    for short in list(found):
        # ("Northshire and Northshire County Council" is two bodies named together, not a longer name)
        # (a name that only table text run together makes is rarer than the name it holds)
        longer = [n for n in found if n != short and n.endswith(" " + short)
                  and len(n[: -len(short)].split()) <= 2 and found[n] >= found[short]
                  and not re.search(r"\b(?:and|&|of|for)$", n[: -len(short)].strip(), re.I)]
        # "City and County of <Area> Council" is the official form of "<Area> Council"
        styled = [n for n in found if n != short and n.endswith(" " + short) and re.fullmatch(
            r"(?:(?:The|City|County|Borough|District|Royal|Metropolitan|and|&)\s+)+of",
            n[: -len(short)].strip())]
        if styled or longer:
            found[max(styled or longer, key=lambda n: found[n])] += found.pop(short)
    return found


def _compact(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


_EMAIL_DOMAIN = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)")


def _domain_stem(domain: str) -> str:
    """"riverton.gov.uk" -> "riverton"; "rvdc.gov.uk" -> "rvdc"."""
    return _compact(domain.lower().split(".")[0])


def council_for_domain(domain: str, councils: Sequence[str]) -> str | None:
    """The council among ``councils`` whose name the e-mail domain spells (compactly)."""
    stem = _domain_stem(domain)
    if len(stem) < 3:
        return None
    best = None
    for name in councils:
        compact = _compact(name)
        core = _compact(re.sub(r"\b(?:District|Borough|County|City|Council|of|The)\b", "", name))
        if core and (stem == core or compact.startswith(stem) or stem.startswith(core)):
            # prefer the exact area ("northshire" -> Northshire County Council, not North Northshire)
            score = (stem == core, -len(compact))
            if best is None or score > best[0]:
                best = (score, name)
    return best[1] if best else None


# ---------------------------------------------------------------- people

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


#: a tracker or log of a plan's actions is the action plan with its progress filled in
_TRACKER = r"\bactions?\s+(?:tracker|log|tracking)\b"
#: a line dating the position a paper reports ("Position at: 30 November 2024", "Data as at ..."),
#: not the day of a meeting
_STATUS_DATE = re.compile(r"\b(?:position|status|progress|data|figures|update[ds]?|correct)\s+"
                          r"(?:at|as at|as of|to)\b|\b(?:as at|last updated|updated on)\b", re.I)


#: a line that only names the publisher ("MILTON KEYNES COUNCIL", "Lichfield District Council"):
#: a letterhead above the title, never the title
_PUBLISHER_LINE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){0,5}(?:council|borough|district|county|authority|"
    r"constabulary|police|commissioner)(?:\s+council)?$", re.I)
#: what a committee report has and a plan with a cover line does not
_REPORT_PARTS = [re.compile(p, re.I) for p in (
    r"\brecommendations?\b", r"\bpurpose of (?:the|this) (?:report|paper)\b", r"\bexecutive summary\b",
    r"\breport author\b|\blead officer\b|\bauthor:", r"\bwards? affected\b", r"\bdecision[- ]maker\b",
    r"\bbackground papers\b", r"\b(?:financial|legal|equalit\w+|risk) implications\b",
    r"\bintroduction and background\b|\bbackground\b\s*$", r"\bthe committee is (?:asked|recommended)\b")]


def report_parts(text: str) -> int:
    """How many of a committee report's standard parts the text has."""
    return sum(1 for rx in _REPORT_PARTS if rx.search(text))


def classify(title: str | None, first_text: str, all_text: str, pages: int,
             has_cover: bool, n_sections: int) -> str:
    """The document type from its own words and structure.

    A committee named on a cover makes a scrutiny report only when the paper reads as a
    report (recommendations, purpose, author, implications): a plan presented to a committee
    is still the plan.
    """
    t = (title or "").lower()
    head = " ".join(first_text.split()).lower()
    plan_title = re.search(r"\b(?:action|delivery)\s+plan\b|" + _TRACKER, t + " " + head[:300])
    if has_cover and plan_title and report_parts(all_text) < 2:
        has_cover = False
        t = t if re.search(r"\b(?:action|delivery)\s+plan\b", t) else head[:300]
    if n_sections >= 3 and re.search(r"\bagenda\b", head):
        return "agenda_pack"
    if re.search(r"^\s*minutes of (?:the )?meeting", head) or (
            re.search(r"\bminutes of (?:the )?meeting\b", head[:400]) and not has_cover):
        return "minutes"
    if re.search(r"\bmonitoring\b|\b(?:annual|performance|progress|quarterly)\s+report\b", t):
        return "monitoring_report"
    if has_cover and re.search(r"scrutiny|crime and disorder|crime & disorder", head + " " + t):
        return "scrutiny_report"
    if has_cover and not re.search(r"\b(?:action|delivery)\s+plan\b|" + _TRACKER, t):
        return "other"
    if "delivery plan" in t:
        return "delivery_plan"
    if "action plan" in t or re.search(_TRACKER, t):
        return "action_plan"
    if re.search(r"\bstrateg(?:y|ic plan)\b|\bplan\s+20\d\d", t) or re.search(r"safer \w+ plan", t):
        return "strategy"
    if re.search(r"\bagenda\b", head[:600]):
        return "agenda_pack" if pages > 4 else "other"
    return "other"


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

    # partnership
    counts = partnership_mentions(all_text)
    head_counts = partnership_mentions(first)
    partnership = None
    if counts:
        partnership = max(counts, key=lambda k: (head_counts.get(k, 0) > 0, counts[k], len(k)))

    # councils: headers/footers and e-mail domains decide the publisher
    councils = council_mentions(all_text)
    names = list(councils)
    domains = Counter(m.group(1).lower() for m in _EMAIL_DOMAIN.finditer(cover_text))
    authority = None
    basis = None
    for domain, _ in domains.most_common():
        authority = council_for_domain(domain, names)
        if authority:
            basis = "email"
            break
    if not authority:
        hf = council_mentions("\n".join(header_footer_lines))
        if hf:
            authority, basis = hf.most_common(1)[0][0], "header"
    if not authority:
        domains_all = Counter(m.group(1).lower() for m in _EMAIL_DOMAIN.finditer(all_text))
        for domain, _ in domains_all.most_common():
            authority = council_for_domain(domain, names)
            if authority:
                basis = "email"
                break
    if not authority and councils:
        first_counts = council_mentions(first)
        pool = first_counts or councils
        authority = max(pool, key=lambda k: (pool[k], councils[k]))
        basis = "mentions"

    # committee and date
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

    # title
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

    report_number = cover.fields.get("report_number")
    if report_number:
        report_number = report_number.split()[0]
    people = read_people(cover, names)
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
