"""Split a Lead / Owner cell into its parts: organisations, people, or "All partners".

Person vs organisation is decided by general signals only: organisation words
(Council, Police, Team, Group, ...), all-caps abbreviations (ADC, XCC, ABDC) and
lower-case common nouns mark an organisation; one to three capitalised name tokens
without those mark a person. ``ORG: Person`` pairs stay one part with both.
"""

from __future__ import annotations

import re

from cspipe.models.extraction import LeadPart

#: words that end an organisation's name (``Northshire Constabulary``, ``Sister Safe team``)
ORG_TERMINALS = {
    "council", "councils", "police", "constabulary", "service", "services", "team", "teams",
    "group", "groups", "board", "boards", "partnership", "partnerships", "network", "trust",
    "csp", "probation", "comms", "communications", "forum", "panel", "unit", "hub",
    "commissioner", "office", "authority", "authorities", "agency", "agencies", "department",
    "directorate", "housing", "health", "care", "nhs", "icb", "ccg", "schools", "school",
    "college", "university", "charity", "association", "associations", "standards", "officer",
    "officers", "partner", "partners", "neighbourhood", "watch", "centre", "project",
    "programme", "alliance", "committee", "cabinet", "executive", "safeguarding", "police's",
    "communities", "advice", "rescue", "fire", "ambulance", "prison", "prisons", "court",
    "courts", "commission", "government", "ministry", "employment", "education", "youth",
    "justice", "library", "libraries", "volunteers", "chair", "leads", "lead", "members",
    "groups'", "group's", "crimestoppers", "victim", "chambers", "commerce", "business",
    "businesses", "research", "delivery", "integrated", "community", "county", "district",
    "borough", "city", "parish", "town", "national", "local", "regional", "public", "sector",
}

#: subject words of community safety: never a person's name ("Domestic Abuse and ... Partnership")
TOPIC_WORDS = {
    "abuse", "violence", "crime", "crimes", "safety", "exploitation", "slavery", "drugs", "alcohol",
    "misuse", "offending", "reoffending", "homicide", "prevention", "protection", "safer",
    "sexual", "domestic", "hate", "fraud", "victims", "victim", "support", "road", "roads",
    "antisocial", "behaviour", "community", "communities", "women", "girls", "children",
    "adults", "young", "people", "families", "mental", "substance", "modern", "serious",
}

#: organisation words that can end a complete name on the left of "and" / "&"
_COMPLETE_END = {
    "council", "councils", "police", "constabulary", "service", "services", "team", "teams",
    "group", "groups", "board", "boards", "partnership", "partnerships", "network", "trust",
    "csp", "probation", "comms", "forum", "panel", "unit", "hub", "commissioner", "office",
    "authority", "authorities", "agency", "agencies", "department", "charity", "association",
    "standards", "officer", "officers", "partners", "committee", "crimestoppers", "schools",
    "college", "university", "nhs", "programme",
}

_EMPTY = re.compile(r"^(?:tbc|tba|tbd|n/?a|none|-+|–|—|\?|to be (?:confirmed|agreed|decided))\.?$",
                    re.I)
_ROLE_TAIL = re.compile(r"\s*\b(?:to lead|leading|contributing|to support|supporting|"
                        r"to co-?ordinate|co-?ordinating|(?:as |in the )?lead)\s*$", re.I)
#: role words inside a cell ("CSP leading with ...") that are not part of any name
_ROLE_WORD = re.compile(r"\s+(?:leading|contributing|supporting)\b|\s*\(?\b(?:TBC|TBA|tbc)\b\)?",
                        re.I)
_ON_BEHALF = re.compile(r"\s+on behalf of\b.*$", re.I)
_NAME_TOKEN = re.compile(r"^[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*\.?$")
_ABBREV = re.compile(r"^\(?[A-Z][A-Z0-9&]{1,}(?:'s)?\)?[.,]?$")


def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\s]+", text)


def _is_abbrev(token: str) -> bool:
    return bool(_ABBREV.match(token)) and sum(c.isupper() for c in token) >= 2


def _has_org_signal(text: str) -> bool:
    toks = _tokens(text)
    return any(t.lower().strip("(),.;:'") in ORG_TERMINALS | TOPIC_WORDS or _is_abbrev(t)
               for t in toks)


def is_person(text: str) -> bool:
    """One to three capitalised name tokens, no organisation words or abbreviations."""
    toks = _tokens(text.strip(" .,;"))
    if not 1 <= len(toks) <= 3:
        return False
    if _has_org_signal(text):
        return False
    return all(_NAME_TOKEN.match(t) for t in toks)


def _complete_org(text: str) -> bool:
    """Text that reads as a whole organisation name (ends in an org word or is an abbreviation)."""
    toks = _tokens(text.strip(" .,;"))
    if not toks:
        return False
    last = toks[-1].strip("(),.;:")
    return last.lower() in _COMPLETE_END or _is_abbrev(last)


def _split_conjunction(segment: str) -> list[str]:
    """Split on "and" / "&" / "with" only where both sides stand alone as leads."""
    parts = re.split(r"\s+(?:&|and|with|plus)\s+(?:the\s+)?", segment)
    if len(parts) == 1:
        return parts
    out: list[str] = [parts[0]]
    for right in parts[1:]:
        left = out[-1]
        if _separable(left, right):
            out.append(right)
        else:
            joiner = re.search(r"\s+(?:&|and|with|plus)\s+(?:the\s+)?",
                               segment[segment.find(left) + len(left):])
            out[-1] = f"{left}{joiner.group(0) if joiner else ' and '}{right}"
    return out


def _separable(left: str, right: str) -> bool:
    left, right = _ROLE_WORD.sub("", left).strip(), _ROLE_WORD.sub("", right).strip()
    left_toks = _tokens(left)
    if _complete_org(left):
        return True
    if is_person(left):
        # "Northshire and Southshire Victim Care", "Fire and Rescue Service": a one-word left
        # side joined to an organisation name is one name, not two leads
        return not (len(left_toks) == 1 and _has_org_signal(right)
                    and not _complete_org(right.split()[0]))
    # "All ... and ..." stays whole; a lower-case phrase or an unfinished org name is one name
    return left.lower().startswith("all ") or left.lower() == "all"


def _split_slash(segment: str) -> list[str]:
    """``OPCC/Northshire Anti-Slavery Network`` -> two; keep ``and/or`` and dates whole."""
    if "/" not in segment or re.search(r"\d/\d|\band/or\b", segment):
        return [segment]
    return [p for p in (s.strip() for s in segment.split("/")) if p]


def _colon_parts(cell: str) -> list[tuple[str, str | None]]:
    """``XCC: Sam Brown. Police: Kim Lee`` -> [("XCC", "Sam Brown"), ("Police", ...)]."""
    pieces = re.split(r"\s*:\s*", cell)
    if len(pieces) < 2:
        return [(cell, None)]
    out: list[tuple[str, str | None]] = []
    label = pieces[0]
    for i, piece in enumerate(pieces[1:], start=1):
        last = i == len(pieces) - 1
        if last:
            out.append((label, piece))
            break
        value, next_label = _split_value_label(piece)
        out.append((label, value))
        label = next_label
    return out


def _split_value_label(piece: str) -> tuple[str, str]:
    """Split ``Sam Brown. Police`` / ``Pat Green XCC`` into the value and the next label."""
    m = re.match(r"^(.*?)[.;,]\s+([^.;,]+)$", piece)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    toks = _tokens(piece)
    # the next label is the trailing run of organisation-like tokens
    k = len(toks)
    while k > 1 and (_is_abbrev(toks[k - 1]) or toks[k - 1].lower() in ORG_TERMINALS):
        k -= 1
    if k == len(toks):
        k = len(toks) - 1
    return " ".join(toks[:k]), " ".join(toks[k:])


def _part(raw: str, org: str | None = None, person: str | None = None) -> LeadPart:
    return LeadPart(raw=raw.strip(), org_text=org or None, person=person or None)


def _classify(text: str) -> list[LeadPart]:
    """One segment (no separators left) -> a LeadPart, or all-partners plus a named lead."""
    text = text.strip(" .,;:-–—")
    if not text or _EMPTY.match(text):
        return []
    if re.match(r"^(?:all|responsible authorities)\b", text, re.I):
        return [LeadPart(raw=text, org_text=None, all_partners=True)]
    core = _ROLE_WORD.sub("", _ON_BEHALF.sub("", text))
    core = _ROLE_TAIL.sub("", core).strip(" .,;:")
    # "CSP Chair to decide whether ...": the lead is the subject of the clause
    core = re.sub(r"\s+to\s+[a-z].*$", "", core).strip(" .,;:")
    if not core:
        return []
    if is_person(core):
        return [_part(text, person=core)]
    return [_part(text, org=core)]


def split_lead(cell: str | None) -> list[LeadPart]:
    """The parts of a Lead / Owner cell; [] for empty or "TBC"."""
    if not cell:
        return []
    cell = " ".join(cell.split())
    cell = re.sub(r"^(?:lead(?:s)?|owner(?:s)?|responsible)\s*:\s*", "", cell, flags=re.I)
    if not cell or _EMPTY.match(cell):
        return []
    out: list[LeadPart] = []
    if ":" in cell:
        for label, value in _colon_parts(cell):
            label = label.strip(" .,;")
            raw = f"{label}: {value}" if value is not None else label
            if value is None:
                out.extend(split_lead(label))
                continue
            people = [p for p in _split_conjunction(value.strip(" .,;")) if p.strip()]
            if label and all(is_person(p) for p in people) and people:
                for k, p in enumerate(people):
                    # "ADC: Jo Smith & Ann Jones": the second part as written is the name
                    out.append(LeadPart(raw=raw if len(people) == 1 else (f"{label}: {p}" if k == 0 else p),
                                        org_text=label, person=p.strip(" .,;")))
            else:
                out.extend(split_lead(label))
                out.extend(split_lead(value))
        return _dedupe(out)
    # a comma inside brackets lists the lead's own details ("Police (PC Shaw, Rural Crime Team)")
    for seg in re.split(r"\s*[,;](?![^()]*\))\s*|\s+[–—-]\s+|\s*\n\s*", cell):
        for piece in _split_slash(seg):
            # "X, police to lead": the lower-case role phrase still names a lead
            for sub in _split_conjunction(piece):
                out.extend(_classify(sub))
    return _dedupe(out)


def _dedupe(parts: list[LeadPart]) -> list[LeadPart]:
    seen: set[tuple[str | None, str | None, bool]] = set()
    out: list[LeadPart] = []
    for p in parts:
        key = (p.org_text and p.org_text.lower(), p.person, p.all_partners)
        if key in seen:
            continue
        seen.add(key)
        out.append(p)
    return out
