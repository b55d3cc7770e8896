"""Header cells -> column roles, by meaning (a vocabulary of header words), never by position.

An action plan may say "Activity", "Action", "SMART target" or "What we will do"; a lead
column may be "Lead", "Owner" or "Lead: Anita Humphrey and Matt Carney" (a header that
also names the table's default lead). ``map_header`` returns a ``ColumnMap`` only when
the row reads as a header (enough cells with a known meaning).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

ROLES = ("priority", "objective", "activity", "lead", "status", "progress", "kpi", "timescale",
         "number", "funding", "date", "description", "value", "recipient", "funder", "period",
         "start", "baseline", "trend", "unknown")


#: header vocabulary, as data beside this module: (role, pattern for the whole normalised
#: header), most specific first; and single words that point at a role, with a weight
VOCAB_DIR = Path(__file__).with_name("vocab")


def _read_csv(name: str) -> list[dict[str, str]]:
    with (VOCAB_DIR / name).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _compile_patterns() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for the whole vocabulary, a named branch per role in the file's order, so
    a header is matched once and the first role whose patterns match it whole wins."""
    by_role: dict[str, list[str]] = {}
    for row in _read_csv("header_patterns.csv"):
        by_role.setdefault(row["role"], []).append(row["pattern"])
    branches = "|".join(f"(?P<r{i}>{'|'.join(pats)})" for i, pats in enumerate(by_role.values()))
    return re.compile(rf"^(?:{branches})$", re.I), tuple(by_role)


def _vocabulary_role(t: str) -> str | None:
    """The role whose header patterns match ``t`` whole, first in file order."""
    m = _HEADERS.match(t)
    return _HEADER_ROLES[int(m.lastgroup[1:])] if m and m.lastgroup else None


_HEADERS, _HEADER_ROLES = _compile_patterns()
_WORDS: dict[str, tuple[str, int]] = {
    r["word"]: (r["role"], int(r["weight"])) for r in _read_csv("header_words.csv")}


def _norm(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text.strip(" :*.-").strip()


#: a header's trailing note before its words are weighed: "Lead (if known)?", "Amount (£)"
_TRAILING_NOTE = re.compile(r"\s*\([^)]*\)\??$")
#: a trailing bracket before the vocabulary is tried ("Amount (£)"; a "?" after it stays)
_TRAILING_PARENS = re.compile(r"\s*\((?:[^)]*)\)$")
_LETTERS = re.compile(r"[a-z]+")
#: what a label never holds: a clause break, a full stop at its end, a figure
_NOT_A_LABEL = re.compile(r"[,.;:]\s|[.;]$|\d")


@lru_cache(maxsize=65_536)
def header_role(text: str | None) -> str:
    """The role a header cell names, or ``unknown``.

    First the vocabulary's patterns for the whole header; then, for a header they do not
    know, its meaning: each part of a compound header ("Lead agency/partner(s)"), then the
    words it is made of, weighed (``header_words.csv``; a misspelt word counts by its
    nearest known word).
    """
    t = _norm(text)
    if not t:
        return "unknown"
    role = _pattern_role(t)
    if role != "unknown":
        return role
    parts = [p for p in (_norm(x) for x in _COMPOUND.split(t)) if p]
    if len(parts) > 1:
        roles = [_pattern_role(p) for p in parts]
        if roles[0] != "unknown" and all(r == roles[0] for r in roles):
            return roles[0]
    return _word_role(_TRAILING_NOTE.sub("", t) or t)


def _pattern_role(t: str) -> str:
    if _NAMED_LEAD.match(t):
        return "lead"
    pounds = "£" in t
    t = _TRAILING_PARENS.sub("", t) or t  # "Amount (£)" -> "Amount", "Status (RAG)" kept below
    role = _vocabulary_role(t)
    if role is not None:
        return role
    # "Target 2023/24", "Baseline 2022/23": the period a column covers does not change its meaning
    bare = _PERIOD_SUFFIX.sub("", t).strip()
    if bare and bare != t and (role := _vocabulary_role(bare)) is not None:
        return role
    low = t.lower()
    if pounds:
        return "funding"
    if "rag" in low.split() or "status" in low:
        return "status"
    if low.startswith(("kpi", "success measure", "measure")):
        return "kpi"
    return "unknown"


#: the joints of a compound header: "Lead agency/partner(s)", "Owner & timescale"
_COMPOUND = re.compile(r"\s*(?:/|&|\+|,|\band\b|\bor\b|\(|\))\s*", re.I)
_STOP = frozenset(["of", "the", "to", "by", "and", "or", "a", "an", "for", "in", "is", "we", "our", "if", "on", "at"])
#: the weight a header's words must reach, and lead the next role by, to name a role
_WORD_FLOOR = 3


def _word_role(t: str) -> str:
    """The role a header's words point at ("Delivery led by" -> lead), or ``unknown``."""
    words = _LETTERS.findall(t.lower())
    # a header is a short label; a cut sentence ("concerns, then build ...") is not one
    if not words or len(words) > 5 or _NOT_A_LABEL.search(t) or t[:1].islower():
        return "unknown"
    content = [w for w in words if w not in _STOP]
    score: dict[str, int] = {}
    hits = 0
    for w in content:
        hit = _WORDS.get(w)
        if hit is None and len(w) >= 6:
            near = process.extractOne(w, _WORDS.keys(), scorer=fuzz.ratio, score_cutoff=88)
            hit = _WORDS[near[0]] if near else None
        if hit is not None:
            hits += 1
            score[hit[0]] = score.get(hit[0], 0) + hit[1]
    # a label is mostly words of meaning ("Delivery led by"); a data cell only has one in it
    if hits * 2 < len(content):
        return "unknown"
    ranked = sorted(score.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < _WORD_FLOOR:
        return "unknown"
    # words of two meanings ("Target date Progress") are two headers run together
    if len(ranked) > 1 and ranked[1][1] >= 2:
        return "unknown"
    return ranked[0][0]


#: a financial year or year before or after a header word ("Outturn 2023/24", "2024 Target")
_PERIOD_SUFFIX = re.compile(r"^(?:fy\s*)?(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?\s+|"
                            r"\s+(?:fy\s*)?(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?$", re.I)


#: a lead column header that also names the lead of every row ("Owner: Sam Smith")
_NAMED_LEAD = re.compile(
    r"^\s*(?:leads?(?: officers?| agency| agencies| partners?| organisations?)?|owners?|"
    r"action owners?|responsible(?: officers?| person| agency)?|accountable(?: officers?)?)"
    r"\s*:\s*(?P<who>.+)$", re.I)


def default_lead(text: str | None) -> str | None:
    """``Lead: Sam Smith and Alex Jones TBC`` -> ``Sam Smith and Alex Jones TBC`` (also after
    "Owner:", "Responsible officer:")."""
    m = _NAMED_LEAD.match(" ".join((text or "").split()))
    return m.group("who").strip() if m else None


@dataclass
class ColumnMap:
    """Roles of a table's columns, and the default lead a ``Lead: ...`` header names."""

    roles: list[str]
    headers: list[str]
    default_lead: str | None = None
    date_is_funding: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def index(self, role: str) -> int | None:
        for i, r in enumerate(self.roles):
            if r == role:
                return i
        return None

    def indices(self, role: str) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r == role]

    def has(self, role: str) -> bool:
        return role in self.roles

    def as_dict(self) -> list[dict[str, str | None]]:
        return [{"header": h, "role": r} for h, r in zip(self.headers, self.roles, strict=False)]


def map_header(cells: list[str | None], body: list[list[str | None]] | None = None) -> ColumnMap | None:
    """The column map of a header row, or None when the row does not read as a header.

    ``body``, the rows below it, lets a column's content settle what its header leaves open.
    """
    headers = [_norm(c) for c in cells]
    roles = [header_role(c) for c in headers]
    known = [r for r in roles if r != "unknown"]
    filled = [h for h in headers if h]
    if len(known) < 2 or len(known) < 0.5 * len(filled):
        return None
    # period columns ("Q1", "Q2") head a table only beside columns with other meanings
    if len([r for r in known if r != "value"]) < 2:
        return None
    # header cells are short labels, not sentences, and never state a sum ("£400")
    if any(len(h) > 60 and not default_lead(h) for h in filled):
        return None
    if any(re.search(r"[£$€]\s?\d", h) for h in filled):
        return None
    lead = next((d for d in (default_lead(h) for h in headers) if d), None)
    cmap = ColumnMap(roles=roles, headers=headers, default_lead=lead)
    # a "Date" column in a table of sums paid is the date paid, not a timescale
    plan_signals = {"lead", "status", "progress", "kpi", "objective"}
    if cmap.has("funding") and not plan_signals & set(roles):
        cmap.date_is_funding = True
        cmap.roles = ["date" if r == "timescale" else r for r in roles]
        # "Project" / "Description" in a funding table is what the money paid for
        cmap.roles = ["description" if r in ("activity", "priority") else r for r in cmap.roles]
    # "Grant" beside an "Amount" column names the grant, not the sum: it says what the money is
    money = [i for i in cmap.indices("funding") if _MONEY_HEADER.match(headers[i])]
    if money:
        for i in cmap.indices("funding"):
            if i not in money and _NAME_HEADER.match(headers[i]):
                cmap.roles[i] = "unknown" if cmap.has("description") else "description"
    # several "priority"-like columns: the first names the priority, a later "Outcome" is a KPI
    pri = cmap.indices("priority")
    for i in pri[1:]:
        cmap.roles[i] = "objective" if not cmap.has("objective") else "kpi"
    # beside a money column, "Organisation" / "Provider" / "Area" is who received the sum
    if cmap.has("funding") and not cmap.has("recipient"):
        cmap.roles = ["recipient" if r in ("unknown", "priority") and _names_recipient(h)
                      else r for r, h in zip(cmap.roles, headers, strict=False)]
    # "Year" / "Period" in a plan (no money column) says when: the timescale
    if not cmap.has("funding") and not cmap.has("timescale"):
        cmap.roles = ["timescale" if r == "period" else r for r in cmap.roles]
    # "Description" alone in a plan is the activity
    if not cmap.has("activity") and not cmap.has("funding") and cmap.has("description"):
        cmap.roles = ["activity" if r == "description" else r for r in cmap.roles]
    _roles_in_context(cmap, body or [])
    return cmap


def _names_recipient(header: str) -> bool:
    """"Organisation", "Provider", "Organisation/Geographical Area", "Local authority"."""
    parts = [p for p in (_norm(x) for x in _COMPOUND.split(header)) if p] or [header]
    return any(_RECIPIENT_WORD.fullmatch(p) for p in parts)


_RECIPIENT_WORD = re.compile(
    r"(?:organisations?|providers?|bod(?:y|ies)|groups?|charit(?:y|ies)|(?:geographical )?areas?|"
    r"local authorit(?:y|ies)|councils?|partnerships?|csps?|districts?|boroughs?)", re.I)
#: a cell that is a reference code, not a measure ("PI 12", "NI 30", "KPI3a, KPI4")
_CODE = re.compile(r"^(?:[A-Z]{1,5}\s?\d{1,3}[a-z]?(?:\.\d+)?)(?:\s*[,;/&]\s*[A-Z]{0,5}\s?\d{1,3}[a-z]?)*$")


#: a header naming the kind of fund a sum came from ("Type of funding", "Funding stream")
_FUND_KIND = re.compile(r"^(?:type|kind|source|category)s? of (?:funding|grant|award)s?$|"
                        r"^funding (?:streams?|sources?|types?)$", re.I)


def _grants_with_projects(cmap: ColumnMap) -> None:
    """A table of sums, one per project, with who delivers each: a grant table, not a plan.

    Money beside a project and its deliverer, with nothing a plan tracks (status, progress,
    measures, dates due), lists grants: the project is what the money is for, the deliverer
    received it, and a "Type of funding" column names the fund (its giver).
    """
    roles = cmap.roles
    if not (cmap.has("funding") and cmap.has("activity")) or {
            "status", "progress", "kpi", "objective", "timescale"} & set(roles):
        return
    kinds = [i for i, h in enumerate(cmap.headers) if _FUND_KIND.match(h)]
    for i, r in enumerate(roles):
        if r == "activity":
            roles[i] = "description"
        elif r == "lead":
            roles[i] = "recipient"
        elif i in kinds and not cmap.has("funder"):
            roles[i] = "funder"
    if roles.count("description") > 1:
        for i in cmap.indices("description")[1:]:
            roles[i] = "unknown"
    cmap.date_is_funding = True


def _column(body: list[list[str | None]], i: int) -> list[str]:
    return [_norm(r[i]) for r in body if i < len(r) and _norm(r[i])]


def _roles_in_context(cmap: ColumnMap, body: list[list[str | None]]) -> None:
    """Roles decided by the table's other headers and by what the column holds.

    - a measure column holding only reference codes ("PI 12") numbers the rows;
    - an "Outcome" column right of the actions is what they achieve: a measure;
    - two lead columns either side of the actions: the one beside the actions leads each
      action, the other (beside the priority) leads the priority;
    - a plan with leads, dates or measures but no action column: the column of the
      longest texts among those with no meaning is the action.
    """
    roles = cmap.roles
    _grants_with_projects(cmap)
    for i in cmap.indices("kpi"):
        cells = _column(body, i)
        if cells and all(_CODE.match(c) for c in cells):
            roles[i] = "number"
    act = cmap.index("activity")
    if act is not None:
        for i, h in enumerate(cmap.headers):
            if i > act and roles[i] in ("priority", "objective") and re.match(r"outcomes?\b", h, re.I):
                roles[i] = "kpi"
        leads = cmap.indices("lead")
        if len(leads) > 1 and any(i < act for i in leads) and any(i > act for i in leads):
            for i in leads:
                if i < act:
                    roles[i] = "unknown"
                    cmap.extra[cmap.headers[i]] = "leads the priority, not each action"
    if act is None and not cmap.has("funding") and body \
            and {"lead", "timescale", "kpi", "status"} & set(roles):
        free = [i for i, r in enumerate(roles) if r in ("unknown", "objective", "description")]
        lengths = {i: sum(len(c) for c in _column(body, i)) / max(1, len(body)) for i in free}
        best = max(lengths, key=lambda i: lengths[i], default=None)
        if best is not None and lengths[best] >= 25:
            roles[best] = "activity"


#: a money column header ("Amount", "Cost (£)", "£")
_MONEY_HEADER = re.compile(r"^(?:amount|cost|costs|price|value|budget|spend|allocation|sum|£)\b|£", re.I)
#: a header naming a grant or fund rather than stating a sum
_NAME_HEADER = re.compile(r"^(?:grants?|funds?|funding(?: streams?)?|grant (?:name|title)|scheme)$", re.I)


def subheading(row: list[str | None], ncols: int) -> str | None:
    """The text of a row that spans the table with one short text (a theme name inside a plan)."""
    texts = [_norm(c) for c in row if c is not None and _norm(c)]
    if len(texts) != 1 or ncols < 3:
        return None
    text = texts[0]
    spanning = sum(1 for c in row if c is None) >= max(1, ncols - 2)
    first_only = _norm(row[0]) == text
    if not (spanning or first_only):
        return None
    if len(text) > 80 or len(text.split()) > 10 or text.endswith((".", ";")):
        return None
    return text
