"""Header cells -> column roles, by meaning (a vocabulary of header words), never by position.

An action plan may say "Activity", "Action", "SMART target" or "What we will do"; a lead
column may be "Lead", "Owner" or "Lead: Anita Humphrey and Matt Carney" (a header that
also names the table's default lead). ``map_header`` returns a ``ColumnMap`` only when
the row reads as a header (enough cells with a known meaning).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ROLES = ("priority", "objective", "activity", "lead", "status", "progress", "kpi", "timescale",
         "number", "funding", "date", "description", "value", "recipient", "funder", "period",
         "start", "baseline", "trend", "unknown")


#: (role, pattern matched against the whole normalised header text), most specific first
_VOCAB: list[tuple[str, str]] = [
    ("lead", r"lead(?: officer| agency| partner| organisation| org)?s?|"
             r"owner(?:s|ship)?|action owner|responsible(?: (?:officer|person|agency|lead|partner))?|"
             r"who(?: will lead| is responsible)?|accountable(?: officer)?|by whom|delivered by|"
             r"partners? (?:involved|responsible)|agency|"
             r"(?:partner|agency|organisation|service|officer|team) leads?"),
    # when work starts is not when it is due: a "Start" column is never the timescale
    ("start", r"start(?: date| month| quarter)?|date start(?:ed|s)?|commence(?:s|d|ment)?(?: date)?"),
    ("status", r"status|rag(?: status| rating)?|r ?/ ?a ?/ ?g|progress rating|on track\??"),
    ("progress", r"(?:activity |progress |latest |quarterly |q\d )?updates?(?:\s*/\s*notes)?|"
                 r"activity update/notes|progress(?: to date| update| made| notes)?|comments?|"
                 r"notes|commentary|narrative|outcome achieved|what we have done|position"),
    ("kpi", r"kpis?|key performance indicators?|success measures?|measures? of success|"
            r"(?:performance )?measures?|indicators?|targets?|outputs?|how will we measure.*|"
            r"how we will measure.*|evidence|impact|expected outcomes?|measurable outcomes?"),
    ("timescale", r"timescales?|time ?frame|timeline|target date|deadline|by when|when|due(?: date)?|"
                  r"completion(?: date)?|date(?: due| for completion| by)?|by date|frequency|"
                  r"end(?: date| month| quarter)?|finish(?: date)?"),
    ("number", r"n|no\.?|nos?\.|#|ref(?:erence)?\.?(?: no\.?)?|item|id|action no\.?|number"),
    ("funding", r"price|cost|costs|amount(?: \(£\))?|£|value|budget|funding|spend|grant|"
                r"allocation|total|(?:amount|cost|value|price) ?\(?£\)?"),
    ("priority", r"(?:strategic |csp |partnership |key )?priorit(?:y|ies)(?: area| theme)?|"
                 r"themes?|outcomes?|area|focus|work ?stream|strand|issue"),
    ("objective", r"objectives?|aims?|goals?|sub[- ]priorit(?:y|ies)|why"),
    ("activity", r"activit(?:y|ies)|actions?|smart targets?|what (?:we will|will we) do.*|"
                 r"projects?|tasks?|intervention|deliverables?|commitments?|initiatives?|"
                 r"key actions?|planned activity|how"),
    ("description", r"description|details|purpose|what|project description|scheme|item details|"
                    r"used for|spent on|(?:what it|what the money) (?:was|is|will be) (?:used|spent) (?:for|on)"),
    ("recipient", r"recipients?(?: organisations?| bod(?:y|ies)| groups?)?|(?:grant|funding) recipients?|"
                  r"awarded to|paid to|grantees?|applicants?(?: organisations?)?"),
    ("funder", r"funders?|funded by|funding (?:body|bodies|source|stream)s?|source(?: of funding)?|"
               r"grant (?:giver|body)|awarding body|awarded by|(?:given|granted|provided) by"),
    ("baseline", r"baselines?(?: figure| year| position)?"),
    ("trend", r"direction(?: of travel)?|trend|trajectory"),
    ("period", r"(?:financial|funding|grant) years?|f/?y|years?|period"),
    # a reported figure for a period: "Q2", "Quarter 3", "2023/24", "Sept 2024", "Actual"
    ("value", r"q[1-4](?:\s*(?:19|20)?\d\d(?:\s*[/-]\s*\d{2,4})?)?|quarter\s*[1-4]\b.*|"
              r"(?:latest |current )?(?:actuals?|results?|outturn|performance figure)|"
              r"year[- ]to[- ]date|ytd|(?:19|20)\d\d\s*[/-]\s*\d{2,4}\s+(?:actual|result|outturn)"),
]
_COMPILED = [(role, re.compile(rf"^(?:{pat})$", re.I)) for role, pat in _VOCAB]


def _norm(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text.strip(" :*.-").strip()


def header_role(text: str | None) -> str:
    """The role a header cell names, or ``unknown``."""
    t = _norm(text)
    if not t:
        return "unknown"
    if _NAMED_LEAD.match(t):
        return "lead"
    t = re.sub(r"\s*\((?:[^)]*)\)$", "", t) or t  # "Amount (£)" -> "Amount", "Status (RAG)" kept below
    for role, rx in _COMPILED:
        if rx.match(t):
            return role
    # "Target 2023/24", "Baseline 2022/23": the period a column covers does not change its meaning
    bare = _PERIOD_SUFFIX.sub("", t).strip()
    if bare and bare != t:
        for role, rx in _COMPILED:
            if rx.match(bare):
                return role
    low = t.lower()
    if "£" in low:
        return "funding"
    if "rag" in low.split() or "status" in low:
        return "status"
    if low.startswith(("kpi", "success measure", "measure")):
        return "kpi"
    return "unknown"


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


def map_header(cells: list[str | None]) -> ColumnMap | None:
    """The column map of a header row, or None when the row does not read as a header."""
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
    # beside a money column, "Organisation" / "Provider" is who received the sum
    if cmap.has("funding") and not cmap.has("recipient"):
        cmap.roles = ["recipient" if r == "unknown" and re.fullmatch(
            r"(?:organisations?|providers?|bod(?:y|ies)|groups?|charit(?:y|ies))", h, re.I)
            else r for r, h in zip(cmap.roles, headers, strict=False)]
    # "Year" / "Period" in a plan (no money column) says when: the timescale
    if not cmap.has("funding") and not cmap.has("timescale"):
        cmap.roles = ["timescale" if r == "period" else r for r in cmap.roles]
    # "Description" alone in a plan is the activity
    if not cmap.has("activity") and not cmap.has("funding") and cmap.has("description"):
        cmap.roles = ["activity" if r == "description" else r for r in cmap.roles]
    return cmap


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
