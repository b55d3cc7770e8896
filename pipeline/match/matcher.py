"""Organisation text -> registry ids, decided with the document's own context.

Short forms are local: "SCC" names one county council in one county's papers and another
in the next county's, "Police" is whichever force serves the partnership. A
``MatchContext`` (publishing council, the partnership's districts and force area, and the
paper's own "Full Name (ABBR)" expansions) decides them. Precision first: when the context
cannot decide, or a fuzzy match leaves a distinctive word unexplained, the answer is None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from cspipe.models import ALL_PARTNERS_ID
from cspipe.models import Extraction
from cspipe.models import OrganisationRow
from cspipe.models import PartnershipRow
from cspipe.pipeline.match.registry import COUNCIL_KINDS, Organisation, Partnership, Registry
from cspipe.pipeline.match.registry.text import fold, looks_like_abbreviation, normalise, slugify

#: fuzzy acceptance threshold (token_sort_ratio, 0-100), tuned on tests/data/mentions.jsonl
FUZZY_THRESHOLD = 88.0

# Words that never tell two organisations apart; every other word must be explained.
_GENERIC_WORDS = frozenset(
    [
        "council",
        "county",
        "district",
        "borough",
        "city",
        "of",
        "and",
        "for",
        "police",
        "constabulary",
        "service",
        "services",
        "fire",
        "rescue",
        "authority",
        "partnership",
        "community",
        "communities",
        "safety",
        "board",
        "group",
        "trust",
        "office",
        "the",
        "team",
        "network",
        "nhs",
        "commissioner",
        "crime",
        "department",
        "ministry",
        "agency",
        "association",
        "centre",
        "forum",
        "panel",
        "unit",
        "hub",
        "integrated",
        "care",
        "metropolitan",
        "royal",
        "national",
    ]
)
_TIER_WORDS = frozenset({"county", "district", "borough", "city"})
_TEAM_WORDS = frozenset(
    [
        "team",
        "teams",
        "officer",
        "officers",
        "staff",
        "department",
        "departments",
        "unit",
        "housing",
        "communities",
        "research",
        "advice",
        "colleagues",
        "lead",
        "leads",
        "manager",
        "managers",
        "directorate",
        "division",
        "section",
        "project",
        "programme",
        "group",
        "groups",
        "subgroup",
        "service",
        "services",
        "licensing",
        "leisure",
        "enforcement",
        "education",
        "coordinator",
        "co-ordinator",
        "ordinator",
        "agency",
        "safeguarding",
        "highways",
        "comms",
        "communications",
        "schools",
        "youth",
        "planning",
        "health",
        "standards",
    ]
)

#: words that make the rest of a name a different body, not a part ("... and Crime Commissioner")
_NOT_A_PART = frozenset(["and", "of", "for", "commissioner", "trust", "board", "partnership",
                         "network", "panel", "charity", "association", "forum", "council",
                         "federation", "union", "foundation", "society", "university", "college",
                         "authority", "commission"])

# Generic role phrases (normalised) -> the role the context resolves.
_ROLES: dict[str, str] = {}
for _role, _phrases in {
    "authority": [
        "council",
        "this council",
        "our council",
        "local authority",
        "the local authority",
    ],
    "district": [
        "district council",
        "borough council",
        "city council",
        "district and borough council",
    ],
    "county": ["county council", "county"],
    "police": [
        "police",
        "constabulary",
        "police force",
        "local police",
        "police service",
        "neighbourhood policing team",
        "safer neighbourhood team",
        "snt",
    ],
    "fire": [
        "fire",
        "fire service",
        "fire and rescue",
        "fire and rescue service",
        "fire brigade",
        "frs",
        "fire and rescue authority",
        "fire authority",
        "fire and rescue",
    ],
    "probation": [
        "probation",
        "probation service",
        "probation services",
        "local probation",
        "probation team",
    ],
    "probation_trust": ["probation trust", "local probation trust"],
    "upper_tier": [
        "youth offending service",
        "youth offending team",
        "youth offending services",
        "youth justice service",
        "youth justice team",
        "youth justice services",
        "youth offending",
        "yos",
        "yot",
        "yjs",
    ],
    "category:crc": ["crc", "community rehabilitation company"],
    "category:health_and_wellbeing_board": ["health and wellbeing board", "hwb", "hwbb"],
    "category:safeguarding_children_board": [
        "lscb", "local safeguarding children board", "safeguarding children board",
    ],
    "category:safeguarding_children_partnership": ["safeguarding children partnership"],
    "category:safeguarding_adults_board": ["safeguarding adults board", "sab"],
    "category:drug_and_alcohol_action_team": ["daat", "drug and alcohol action team"],
    "category:local_criminal_justice_board": [
        "lcjb", "local criminal justice board", "criminal justice board",
    ],
    "category:police_and_crime_panel": ["police and crime panel"],
    "category:police_authority": ["police authority"],
    "pcc": [
        "pcc",
        "opcc",
        "pfcc",
        "opfcc",
        "police and crime commissioner",
        "office of police and crime commissioner",
        "office of the police and crime commissioner",
        "police fire and crime commissioner",
        "office of the police fire and crime commissioner",
        "pcc office",
        "opcc office",
    ],
    "trading_standards": ["trading standards", "ts", "trading standards service"],
    "public_health": ["public health"],
    "partnership": [
        "csp",
        "community safety partnership",
        "the partnership",
        "partnership",
        "csp board",
        "csps",
        "cdrp",
        "crime and disorder reduction partnership",
    ],
}.items():
    for _phrase in _phrases:
        _ROLES[normalise(_phrase)] = _role

#: roles also counted when scanning running text (others are too vague there)
_SCAN_ROLES = frozenset(
    {"police", "fire", "pcc", "trading_standards", "county", "district", "probation", "upper_tier"}
)
#: roles whose word alone names a body, so "<role> <team words>" is a team of it ("Police Rural
#: Crime Action Team"); "County Lines Strategic Group" is not the county council's
_BODY_ROLES = frozenset({"police", "fire", "pcc", "trading_standards"})
#: single-word names that are everyday words: never scanned for in running text
_COMMON_WORD_NAMES = frozenset(
    [
        "mind",
        "refuge",
        "respect",
        "shelter",
        "unseen",
        "action",
        "all",
    ]
)
#: a capitalised role word opening one of these titles names a law or a plan, not a body
#: ("Police Reform Act 2002", "Police and Crime Plan")
_TITLE_ENDS = frozenset(
    ["act", "acts", "bill", "plan", "plans", "strategy", "regulations", "order", "code", "report"]
)
#: a name followed by one of these names the body's campaign or event, not the body
#: ("White Ribbon Campaign", "Crimestoppers Week")
_EVENT_WORDS = frozenset(["campaign", "campaigns", "day", "week", "month", "awards", "award"])
#: words in front of "Parish Council" / "Town Council" that are not a place ("each Town Council")
_NOT_PLACES = frozenset(
    [
        "the",
        "a",
        "an",
        "each",
        "every",
        "any",
        "all",
        "our",
        "your",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "local",
        "relevant",
        "respective",
        "other",
        "neighbouring",
        "individual",
        "both",
        "and",
        "or",
        "with",
        "to",
        "from",
        "by",
        "of",
        "for",
        "in",
        "at",
        "on",
        "via",
        "through",
        "including",
        "include",
        "includes",
        "district",
        "county",
        "borough",
        "city",
        "parish",
        "town",
        "council",
        "councils",
        "member",
        "members",
        "ask",
        "engage",
        "work",
        "contact",
        "support",
        "liaise",
        "write",
        "invite",
        "meet",
        "update",
        "report",
        "letter",
        "email",
        "attend",
        "inform",
        "consult",
        "involve",
    ]
)
_LOCAL_COUNCIL = re.compile(
    r"((?:\b[A-Z][a-z'-]+|\bSt\.?|\bupon|\bon|\ble|\bnext|\bthe|\bcum|\bby)"
    r"(?:[ \t]+(?:[A-Z][a-z'-]+|St\.?|upon|on|le|next|the|cum|by)){0,4})"
    r"[ \t\n]+(Parish|Town)[ \t\n]+Council\b"
)


@dataclass
class MatchContext:
    """What the document tells us about where it is from."""

    authority_gss: str | None = None
    area_gss: set[str] = field(default_factory=set)
    force: str | None = None
    expansions: dict[str, str] = field(default_factory=dict)
    #: additions: the partnership and the publishing council as registry ids
    partnership_id: str | None = None
    authority_id: str | None = None
    #: the paper's date (ISO); bodies created after it cannot be what it names
    date: str | None = None

    def key(self) -> tuple:
        return (
            self.date,
            self.authority_gss,
            frozenset(self.area_gss),
            self.force,
            tuple(sorted(self.expansions.items())),
            self.partnership_id,
            self.authority_id,
        )


@dataclass(frozen=True)
class Match:
    organisation_id: str
    name: str
    score: float
    method: str


# --------------------------------------------------------------------------- the matcher


class Matcher:
    """Registry-derived lookup structures, built once per registry."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.choices: list[str] = []
        self.choice_ids: list[str] = []
        self.token_index: dict[str, list[int]] = {}
        for key, ids in registry.names.items():
            for org_id in ids:
                idx = len(self.choices)
                self.choices.append(key)
                self.choice_ids.append(org_id)
                for token in set(key.split()) - _GENERIC_WORDS:
                    self.token_index.setdefault(token, []).append(idx)
        self._cache: dict[tuple, Match | None] = {}
        self.vocabulary: list[str] = sorted(self.token_index)
        self._near_cache: dict[str, tuple[str, ...]] = {}
        self._role_keys: list[str] = [k for k in _ROLES if len(k) >= 6]
        self._scan_patterns: dict[str, list[str]] | None = None
        self._first_tokens: dict[str, set[int]] = {}
        #: parish and town councils recognised by pattern ("<Place> Parish Council")
        self.local_councils: dict[str, Organisation] = {}

    # ------------------------------------------------------------------ context helpers

    def compatible(self, org: Organisation, ctx: MatchContext) -> bool | None:
        """True/False when both sides have areas; None when either has none."""
        if not org.areas:
            return None if org.kind != "all" else True
        if not ctx.area_gss:
            return None
        return bool(org.areas & ctx.area_gss)

    def _pick(self, ids: Iterable[str], ctx: MatchContext, key: str) -> Organisation | None:
        orgs = [o for o in (self.registry.get(i) for i in dict.fromkeys(ids)) if o is not None]
        orgs = [
            o
            for o in orgs
            if self._alias_allowed(o, key, ctx) and _existed(o, ctx.date) and _rule_alive(o, ctx.date)
        ]
        if len(orgs) == 1:
            return self.body(orgs[0])
        if not orgs:
            return None
        fits = [o for o in orgs if self.compatible(o, ctx) is True]
        if len(fits) == 1:
            return self.body(fits[0])
        pool = fits or orgs
        for o in pool:
            if ctx.authority_id and o.id == ctx.authority_id:
                return o
        current = [o for o in pool if o.current]
        return self.body(current[0]) if len(current) == 1 else None

    def _alias_allowed(self, org: Organisation, key: str, ctx: MatchContext) -> bool:
        """A curated local body's alias without its place name needs the place in context."""
        if org.source != "curated" or not org.place or not org.areas:
            return True
        if normalise(org.place) in key or key == normalise(org.name):
            return True
        return self.compatible(org, ctx) is True

    def _by_kind(self, kinds: set[str], ctx: MatchContext) -> Organisation | None:
        """The single current organisation of these kinds whose area fits the context."""
        if not ctx.area_gss:
            return None
        found = [
            o
            for o in self.registry.organisations.values()
            if o.kind in kinds and o.current and o.areas & ctx.area_gss
        ]
        return found[0] if len(found) == 1 else None

    def resolve_role(self, role: str, ctx: MatchContext) -> Organisation | None:
        reg = self.registry
        authority = reg.get(ctx.authority_id) if ctx.authority_id else None
        if role == "authority":
            return authority
        if role == "district":
            if authority and authority.kind in {"district_council", "unitary_council"}:
                return authority
            part = reg.partnership(ctx.partnership_id) if ctx.partnership_id else None
            if part is not None:
                districts = [
                    o
                    for o in reg.organisations.values()
                    if o.kind == "district_council" and o.current and o.gss_code in part.areas
                ]
                return districts[0] if len(districts) == 1 else None
            return None
        if role in {"county", "trading_standards", "public_health"}:
            if authority and authority.kind == "county_council":
                return authority
            if authority and authority.kind == "unitary_council":
                return authority if role != "county" else None
            if authority and authority.parent:
                return reg.get(authority.parent)
            return self._by_kind({"county_council"}, ctx)
        if role == "police":
            return reg.get(ctx.force) if ctx.force else self._by_kind({"police"}, ctx)
        if role == "fire":
            return self._by_kind({"fire_rescue"}, ctx)
        if role == "pcc":
            force = reg.get(ctx.force) if ctx.force else None
            if force is not None:
                pfas = {a for a in force.areas if a.startswith(("E23", "W15"))}
                offices = [
                    o
                    for o in reg.organisations.values()
                    if o.kind == "pcc" and o.areas & pfas and o.areas
                ]
                if len(offices) == 1:
                    return offices[0]
            return self._by_kind({"pcc"}, ctx)
        if role == "partnership":
            return reg.get(ctx.partnership_id) if ctx.partnership_id else None
        if role == "upper_tier":
            # a council service written bare: the council that delivers it for the paper's area
            if authority and authority.kind in {"county_council", "unitary_council"}:
                return authority
            if authority and authority.parent:
                return reg.get(authority.parent)
            return self._by_kind({"county_council"}, ctx)
        if role == "probation":
            return self._probation(ctx)
        if role == "probation_trust":
            return self._of_category("probation_trust", ctx) if ctx.date else None
        if role.startswith("category:"):
            return self._of_category(role.removeprefix("category:"), ctx)
        return None

    def _probation(self, ctx: MatchContext) -> Organisation | None:
        """"Probation" at the paper's date: the area's trust, then the NPS, then the Probation Service."""
        reg = self.registry
        date = ctx.date
        if not date or date >= PROBATION_SERVICE_FROM:
            return reg.get("probation-service")
        if date >= NPS_FROM:
            return reg.get("national-probation-service")
        return self._of_category("probation_trust", ctx)

    def _of_category(self, category: str, ctx: MatchContext) -> Organisation | None:
        """The one body of this category serving the paper's council (or area) at its date."""
        found = [
            o
            for o in self.registry.organisations.values()
            if o.category == category and _alive(o, ctx.date)
        ]
        if ctx.authority_gss:
            own = [o for o in found if ctx.authority_gss in o.areas]
            if own:
                return own[0] if len(own) == 1 else None
        fits = [o for o in found if ctx.area_gss and o.areas & ctx.area_gss]
        return fits[0] if len(fits) == 1 else None

    # ------------------------------------------------------------------ matching

    def match(self, text: str | None, ctx: MatchContext | None = None) -> Match | None:
        if not text or not text.strip():
            return None
        ctx = ctx or MatchContext()
        cache_key = (text, ctx.key())
        if cache_key in self._cache:
            return self._cache[cache_key]
        result = self._match(text, ctx)
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[cache_key] = result
        return result

    def _result(self, org: Organisation | None, score: float, method: str) -> Match | None:
        org = self.body(org)
        return Match(org.id, org.name, score, method) if org is not None else None

    def body(self, org: Organisation | None) -> Organisation | None:
        """A council's own team or service (a curated council-kind row with a parent) is the council."""
        if (
            org is not None
            and (org.source == "curated" or org.generated)
            and org.kind in COUNCIL_KINDS
            and org.parent
            and not org.gss_code
        ):
            return self.registry.get(org.parent) or org
        return org

    def lookup(self, org_id: str) -> Organisation | None:
        """A registry organisation, or a parish/town council this matcher recognised by pattern."""
        return self.registry.get(org_id) or self.local_councils.get(org_id)

    def local_council(self, place_words: list[str], tier: str) -> Organisation | None:
        """'Anyvillage Parish Council': a first-tier council known by the pattern, not listed."""
        while place_words and place_words[0].lower().rstrip(".") in _NOT_PLACES:
            place_words = place_words[1:]
        if not place_words or not place_words[0][:1].isupper():
            return None
        name = f"{' '.join(place_words)} {tier.title()} Council"
        org_id = slugify(name)
        found = self.registry.get(org_id)
        if found is not None:
            return found
        if org_id not in self.local_councils:
            self.local_councils[org_id] = Organisation(
                id=org_id, name=name, kind="other", place=" ".join(place_words), source="pattern"
            )
        return self.local_councils[org_id]

    def _match(self, text: str, ctx: MatchContext) -> Match | None:
        raw = _clean(text)
        if not raw:
            return None
        # "Full Name (ABBR)": match the name, the letters only confirm it
        paren = re.match(r"^(.*\S)\s*\(([^()]+)\)$", raw)
        if paren:
            inner = self._match(paren.group(1), ctx) or self._match(paren.group(2), ctx)
            return inner
        # "County Lines Strategic Group – NYOT": a group named with the body that leads it
        dashed = re.split(r"\s+[-–]\s+", raw)
        if len(dashed) == 2 and all(dashed):
            return self._match(dashed[1], ctx)
        dotted = re.fullmatch(r"(?:[A-Za-z]\.\s?){2,}", raw + ("." if not raw.endswith(".") else ""))
        if dotted and len(raw) <= 16:
            raw = re.sub(r"[.\s]", "", raw).upper()  # "M.K.C." is MKC
        if looks_like_abbreviation(raw):
            return self.match_abbreviation(raw, ctx)
        # "Council Community Safety Team", "the Council's housing service": the paper's council
        if ctx.authority_id and _HOST_COUNCIL_UNIT.match(raw):
            host = self.registry.get(ctx.authority_id)
            if host is not None:
                return self._result(host, 90.0, "host council unit")
        key = normalise(raw)
        if not key:
            return None
        if key not in self.registry.names and _generic_plural(key):
            return None  # "Police and Crime Commissioners": every one of them, not one body
        if key.endswith(" responsible authorities"):
            # "ACSP Responsible Authorities": every statutory partner of a named partnership
            owner = self._match(" ".join(raw.split()[:-2]), ctx)
            if owner is not None and owner.organisation_id in self.registry.partnerships:
                return self._result(self.registry.get(ALL_PARTNERS_ID), 90.0, "context")
        role = _ROLES.get(key)
        if role is not None:
            return self._result(self.resolve_role(role, ctx), 90.0, "context")
        ids = self.registry.names.get(key)
        if ids:
            org = self._pick(ids, ctx, key)
            return self._result(org, 100.0, "exact") if org else None
        council = self.council_by_place(key, ctx)
        if council is not None:
            return self._result(council, 92.0, "place")
        found = self._match_parts(raw, key, ctx)
        if found is not None:
            return found
        local = re.fullmatch(r"(.+?)\s+(Parish|Town)\s+Council", raw)
        if local is not None and key not in self.registry.names:
            org = self.local_council(local.group(1).split(), local.group(2))
            if org is not None:
                return Match(org.id, org.name, 95.0, "pattern")
        suffix = key.rsplit(" ", 1)[-1]
        if " " in key and suffix in _COUNCIL_SUFFIXES:
            stem = key[: -len(suffix)]
            for full in _COUNCIL_SUFFIXES[suffix]:
                ids = self.registry.names.get(stem + full)
                org = self._pick(ids, ctx, stem + full) if ids else None
                if org is not None:
                    return self._result(org, 95.0, "expansion")
        near_role = process.extractOne(key, self._role_keys, scorer=fuzz.ratio, score_cutoff=90)
        if near_role is not None:
            org = self.resolve_role(_ROLES[near_role[0]], ctx)
            return self._result(org, float(near_role[1]) * 0.9, "context")
        return self.fuzzy(key, ctx)

    def _match_parts(self, raw: str, key: str, ctx: MatchContext) -> Match | None:
        """'XCC VAWG team', 'Anytown Council Housing team', 'Anyshire Police'."""
        if key.startswith("nhs "):
            return None  # "NHS Lothian" is a body of its own (here, outside England and Wales)
        words = raw.split()
        if (
            len(words) > 1
            and looks_like_abbreviation(words[0].rstrip(":,"))
            and (words[0].endswith(":") or _is_part(words[1:]))
        ):
            found = self.match_abbreviation(words[0].rstrip(":,"), ctx)
            if found is not None:
                return Match(found.organisation_id, found.name, 90.0, "part-of")
            # "DC Community Safety Team": a team of "the District Council", the paper's own
            # (team words only: "DC Smith" is a detective constable)
            suffix = _COUNCIL_SUFFIXES.get(words[0].rstrip(":,").lower(), ())
            role = next((_ROLES[normalise(f)] for f in suffix if normalise(f) in _ROLES), None)
            if role and any(normalise(w) in _TEAM_WORDS for w in words[1:]):
                return self._result(self.resolve_role(role, ctx), 88.0, "part-of")
        tokens = key.split()
        # "Police Rural Crime Action Team": a team of the body the role word names; so is
        # "County Council Highways" (a council phrase, not the bare "County" of "County Lines")
        for cut in (2, 1):
            head = " ".join(tokens[:cut])
            role = _ROLES.get(head)
            if (
                (role in _BODY_ROLES or (cut == 2 and role in ("county", "district")))
                and len(tokens) > cut
                and any(w in _TEAM_WORDS for w in tokens[cut:])
            ):
                return self._result(self.resolve_role(role, ctx), 88.0, "part-of")
        for cut in range(len(tokens) - 1, 1, -1):
            head = " ".join(tokens[:cut])
            ids = self.registry.names.get(head)
            if ids and _ROLES.get(head) is None and _is_part_key(tokens[cut:]):
                org = self._pick(ids, ctx, head)
                if org is not None:
                    return Match(org.id, org.name, 90.0, "part-of")
                return None
        # "<place> Police" where the place lies in the context's area
        for role, suffixes in (("police", ("police", "constabulary")), ("fire", ("fire service",))):
            for suffix in suffixes:
                if key.endswith(" " + suffix):
                    place = key[: -len(suffix) - 1]
                    councils = [self.registry.get(i) for i in self.registry.places.get(place, [])]
                    if any(c is not None and self.compatible(c, ctx) for c in councils):
                        return self._result(self.resolve_role(role, ctx), 88.0, "context")
        return None

    def council_by_place(self, key: str, ctx: MatchContext, bare: bool = False) -> Organisation | None:
        """"Maidstone Council", "Cheshire East LA", "Lichfield District" (or, with ``bare``, the
        place alone, as a funder cell writes it): the one council of that place at the paper's date."""
        place = key
        if not bare:
            for suffix in _COUNCIL_FORMS:
                if key.endswith(" " + suffix):
                    place = key[: -len(suffix) - 1]
                    break
            else:
                return None
        councils = [
            o
            for o in (self.registry.get(i) for i in self.registry.places.get(place, []))
            if o is not None and _existed(o, ctx.date) and _alive(o, ctx.date)
        ]
        if len(councils) > 1:
            councils = [o for o in councils if o.current] or councils
        return councils[0] if len(councils) == 1 else None

    def match_abbreviation(self, abbr: str, ctx: MatchContext) -> Match | None:
        abbr = abbr.strip().strip(".")
        upper = abbr.upper()
        for written, full in ctx.expansions.items():
            if written.upper() == upper:
                inner = MatchContext(
                    ctx.authority_gss,
                    ctx.area_gss,
                    ctx.force,
                    {},
                    ctx.partnership_id,
                    ctx.authority_id,
                    ctx.date,
                )
                found = self._match(full, inner)
                if found is not None:
                    return Match(found.organisation_id, found.name, 98.0, "expansion")
        role = _ROLES.get(normalise(abbr))
        if role is not None:
            authority = self.registry.get(ctx.authority_id) if ctx.authority_id else None
            if authority is not None and upper in {a.upper() for a in authority.abbreviations}:
                return None  # "PCC" in Peterborough City Council's own paper: undecidable
            return self._result(self.resolve_role(role, ctx), 90.0, "context")
        ids = self.registry.abbreviations.get(upper, [])
        if not ids:
            # a name that is itself letters ("HSBC", "NSPCC")
            named = self.registry.names.get(normalise(abbr))
            org = self._pick(named, ctx, normalise(abbr)) if named else None
            return self._result(org, 100.0, "exact")
        orgs = [self.registry.get(i) for i in ids]
        orgs = [o for o in orgs if o is not None]
        national = [o for o in orgs if not o.areas and o.kind not in COUNCIL_KINDS]
        local_fit = [o for o in orgs if o.areas and self.compatible(o, ctx) is True]
        if local_fit and len(local_fit) > 1 and ctx.authority_gss:
            # the bodies serving the publishing council's own area come first
            own = [o for o in local_fit if ctx.authority_gss in o.areas]
            local_fit = own or local_fit
        if local_fit:
            if len(local_fit) == 1:
                return self._result(local_fit[0], 95.0, "abbreviation")
            for o in local_fit:
                if o.id in {ctx.authority_id, ctx.partnership_id}:
                    return self._result(o, 95.0, "abbreviation")
            return None  # several local bodies share the letters: undecidable
        if len(national) == 1:
            return self._result(national[0], 95.0, "abbreviation")
        if not ctx.area_gss and len(orgs) == 1 and len(upper) >= 5 and _existed(orgs[0], ctx.date):
            # long letters only one body in the country uses ("OPCCX"): specific even without context
            return self._result(orgs[0], 85.0, "unique-abbreviation")
        return None

    def fuzzy(self, key: str, ctx: MatchContext) -> Match | None:
        tokens = set(key.split()) - _GENERIC_WORDS
        if not tokens:
            return None
        pool: set[int] = set()
        for token in tokens:
            for near in self._near_tokens(token):
                pool.update(self.token_index.get(near, ()))
        if not pool:
            return None
        indices = sorted(pool)
        choices = [self.choices[i] for i in indices]
        best = process.extract(
            key, choices, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_THRESHOLD, limit=5
        )
        for _choice, score, pos in best:
            candidate = self.choices[indices[pos]]
            if not _words_explained(key, candidate):
                continue
            org = self._pick([self.choice_ids[indices[pos]]], ctx, candidate)
            if org is None:
                continue
            # a different organisation scoring as well makes it a coin toss
            rivals = [
                self.choice_ids[indices[p]]
                for _c, s, p in best
                if s >= score - 1
                and self.choice_ids[indices[p]] != org.id
                and _words_explained(key, self.choices[indices[p]])
                and not self._outlived(self.choice_ids[indices[p]], org, ctx)
            ]
            if rivals:
                return None
            return Match(org.id, org.name, float(score), "fuzzy")
        return None

    def _outlived(self, rival_id: str, org: Organisation, ctx: MatchContext) -> bool:
        """A rival no longer (or not yet) in being at the paper's date, against one that is."""
        rival = self.registry.get(rival_id)
        return rival is not None and _alive(org, ctx.date) and not _alive(rival, ctx.date)

    def best_guess(self, text: str) -> tuple[str | None, float | None]:
        """Nearest registry name regardless of threshold (for the candidates table)."""
        key = normalise(_clean(text))
        if not key or not self.choices:
            return None, None
        found = process.extractOne(key, self.choices, scorer=fuzz.token_sort_ratio)
        if found is None:
            return None, None
        return self.choice_ids[found[2]], float(found[1])

    def _near_tokens(self, token: str) -> tuple[str, ...]:
        """Registry words within a typo of ``token`` (or one a prefix of the other)."""
        cached = self._near_cache.get(token)
        if cached is not None:
            return cached
        if token in self.token_index and len(token) < 5:
            found: tuple[str, ...] = (token,)
        else:
            hits = process.extract(
                token, self.vocabulary, scorer=fuzz.ratio, score_cutoff=75, limit=60
            )
            found = tuple({token, *(hit[0] for hit in hits)} & self.token_index.keys())
        self._near_cache[token] = found
        return found

    # ------------------------------------------------------------------ scanning text

    def scan_patterns(self) -> dict[str, list[str]]:
        """Normalised name/alias -> ids, for phrase scanning (role phrases and common words out)."""
        if self._scan_patterns is None:
            patterns: dict[str, list[str]] = {}
            for key, ids in self.registry.names.items():
                if ALL_PARTNERS_ID in ids or _ROLES.get(key) is not None:
                    continue
                if " " not in key and (
                    key in _COMMON_WORD_NAMES
                    or len(key) <= 4
                    or all(
                        (self.registry.get(i).source or "").startswith("gov-register") for i in ids
                    )
                ):
                    continue  # one everyday-looking word ("met", "Tate"): too loose for running text
                patterns[key] = ids
            for key, role in _ROLES.items():
                if role in _SCAN_ROLES and (
                    " " in key or key in {"police", "constabulary", "probation"}
                ):
                    patterns.setdefault(key, [f"role:{role}"])
            self._scan_patterns = patterns
            first: dict[str, set[int]] = {}
            for key in patterns:
                tokens = key.split()
                first.setdefault(tokens[0], set()).add(len(tokens))
            self._first_tokens = first
        return self._scan_patterns

    def find_mentions(self, page_texts: list[str], ctx: MatchContext) -> list[tuple[str, str, int]]:
        patterns = self.scan_patterns()
        first = self._first_tokens
        seen: dict[str, tuple[str, str, int]] = {}
        abbr_cache: dict[str, Match | None] = {}
        for page_no, page in enumerate(page_texts, start=1):
            folded = fold(page)
            tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(folded)]
            norm = [normalise(t[0]) for t in tokens]
            keep = [i for i, n in enumerate(norm) if n]
            words = [norm[i] for i in keep]
            i = 0
            while i < len(keep):
                hit = None
                for length in sorted(first.get(words[i], ()), reverse=True):
                    if i + length > len(keep):
                        continue
                    key = " ".join(words[i : i + length])
                    if key in patterns:
                        hit = (key, length)
                        break
                if hit is None:
                    original = tokens[keep[i]][0]
                    if looks_like_abbreviation(original):
                        if original not in abbr_cache:
                            abbr_cache[original] = (
                                self.match_abbreviation(original, ctx)
                                if original.upper() in self.registry.abbreviations
                                or _ROLES.get(normalise(original)) in _SCAN_ROLES
                                or original in ctx.expansions
                                else None
                            )
                        found = abbr_cache[original]
                        nxt = keep[i + 1 : i + 5]
                        if (
                            found is not None
                            and nxt
                            and not folded[tokens[keep[i]][2] : tokens[nxt[0]][1]].strip()
                            and _names_class([tokens[k][0] for k in nxt])
                        ):
                            found = None  # "NHS Clinical Commissioning Groups": a class of bodies
                        if found is not None and found.organisation_id not in seen:
                            seen[found.organisation_id] = (found.organisation_id, original, page_no)
                    i += 1
                    continue
                key, length = hit
                start = tokens[keep[i]][1]
                end = tokens[keep[i + length - 1]][2]
                written = page[start:end] if len(page) == len(fold(page)) else fold(page)[start:end]
                ids = patterns[key]
                if not any(ch.isupper() for ch in written):
                    i += length  # "victim support", "police": words, not a body's name
                    continue
                after = [tokens[k][0] for k in keep[i + length : i + length + 7]]
                if _opens_title(after, role=ids[0].startswith("role:")) or _names_event(after):
                    i += length  # "Police Reform Act", "White Ribbon Campaign"
                    continue
                if ids[0].startswith("role:"):
                    org = self.resolve_role(ids[0][5:], ctx)
                else:
                    org = self._pick(ids, ctx, key)
                if org is not None and not _written_as_name(written, org):
                    org = None  # "Neighbourhood watch": a common noun opening a phrase
                if org is not None and org.id not in seen:
                    seen[org.id] = (org.id, written, page_no)
                i += length
            for found in _LOCAL_COUNCIL.finditer(folded):
                org = self.local_council(found.group(1).split(), found.group(2))
                if org is not None and org.id not in seen:
                    seen[org.id] = (org.id, org.name, page_no)  # the name as written, no lead-in
        return sorted(seen.values(), key=lambda m: (m[2], m[0]))


_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?|&")

#: "Anyshire CC", "Mid Anyshire DC": the short forms of council names
_COUNCIL_SUFFIXES = {
    "cc": ("county council", "city council"),
    "dc": ("district council",),
    "bc": ("borough council",),
}


def _opens_title(after: list[str], role: bool) -> bool:
    """The name opens a capitalised title ending in Act/Plan/...: "Police Reform Act 2002".

    Role words always; other names only when the title goes on with "and" ("Anyshire Police and
    Crime Plan"), since "Home Office Serious Violence Strategy" still names the Home Office.
    """
    if not after or (not role and after[0].lower() not in {"and", "&"}):
        return False
    for word in after:
        low = word.lower()
        if low in _TITLE_ENDS and word[:1].isupper():
            return True
        if not (word[:1].isupper() or low in {"and", "&", "of", "the", "for"}):
            return False
    return False


#: plural nouns that make a capitalised phrase a class of bodies ("Clinical Commissioning Groups")
_CLASS_NOUNS = frozenset(
    ["groups", "trusts", "boards", "councils", "services", "partnerships", "teams", "authorities"]
)


def _names_class(after: list[str]) -> bool:
    """The capitalised words that follow end in a plural body noun: a class, not one body."""
    for word in after:
        if not word[:1].isupper():
            return False
        if word.lower() in _CLASS_NOUNS:
            return True
    return False


_JOINING_WORDS = frozenset(["and", "of", "the", "for", "in", "on", "to", "&"])


def _written_as_name(written: str, org: Organisation) -> bool:
    """Each main word capitalised, or the body's own place capitalised ("Anytown rotary")."""
    words = [
        w for w in re.findall(r"[A-Za-z][A-Za-z']*", written) if w.lower() not in _JOINING_WORDS
    ]
    if all(w[:1].isupper() for w in words):
        return True
    place = (org.place or "").split()
    return bool(place) and all(p in words for p in place)


def _names_event(after: list[str]) -> bool:
    """The name is followed by a capitalised event word: "White Ribbon Campaign"."""
    return bool(after) and after[0][:1].isupper() and after[0].lower() in _EVENT_WORDS


#: the dates the probation service changed shape (Offender Rehabilitation Act 2014; unification 2021)
NPS_FROM = "2014-06-01"
PROBATION_SERVICE_FROM = "2021-06-26"

#: how papers write a council after its place ("Maidstone Council", "Cheshire East LA")
_COUNCIL_FORMS = ("council", "la", "local authority", "borough", "district", "borough council",
                  "district council")


def _alive(org: Organisation, date: str | None) -> bool:
    """In being at ``date`` (with no date: current)."""
    if not date:
        return org.current
    return _existed(org, date) and not (org.end_date and org.end_date < date[: len(org.end_date)])


def _rule_alive(org: Organisation, date: str | None) -> bool:
    """A body named by rule for every area matches only while it existed: a 2022 "Cheshire Youth
    Justice Services" is not the youth offending service of the county council abolished in 2009."""
    return not org.generated or not org.end_date or not date or org.end_date >= date[:10]


_PLURAL_NOUNS = re.compile(r"(?:commissioners|councils|forces|services|trusts|boards|authorities|"
                           r"teams|companies|panels|ccgs|pcts|crcs)$")


def _generic_plural(key: str) -> bool:
    """A role written in the plural ("Police and Crime Commissioners", "Probation Trusts")."""
    if not _PLURAL_NOUNS.search(key):
        return False
    singular = re.sub(r"ies$", "y", key) if key.endswith("ies") else key[:-1]
    return _ROLES.get(singular) is not None and _ROLES.get(key) is None


def _existed(org: Organisation, date: str | None) -> bool:
    """False when the paper predates the organisation (a 2017 paper cannot name a 2019 council)."""
    return not (date and org.start_date and org.start_date[: len(date)] > date)


_MATCHERS: dict[int, Matcher] = {}


def matcher_for(registry: Registry | None = None) -> Matcher:
    """The (cached) matcher of a registry; the packaged registry by default."""
    registry = registry or Registry.load()
    found = _MATCHERS.get(id(registry))
    if found is None or found.registry is not registry:
        found = Matcher(registry)
        _MATCHERS[id(registry)] = found
    return found


def _is_part(words: list[str]) -> bool:
    """The words after an organisation name a part of it ("VAWG team", "Housing and Advice")."""
    lowered = [normalise(w) for w in words]
    return any(w in _TEAM_WORDS for w in lowered) or (
        len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() for w in words)
        and not any(normalise(w) in _GENERIC_WORDS for w in words)
    )


def _is_part_key(tokens: list[str]) -> bool:
    """Normalised words after a name that only name a unit of it ("licensing", "home improvement agency")."""
    if not tokens or any(t in _NOT_A_PART for t in tokens):
        return False
    return any(t in _TEAM_WORDS for t in tokens) or (
        len(tokens) <= 2 and not any(t in _GENERIC_WORDS for t in tokens))


def _clean(text: str) -> str:
    text = fold(text).strip()
    text = re.sub(r"\s+", " ", text)
    text = text.strip(" .,;:-*•")
    text = re.sub(r"^(the|and|by|with|from|via)\s+", "", text, flags=re.I)
    # lead-cell wording around the name: "police to lead", "Representatives on High Harms Board"
    text = re.sub(r"^representatives?\s+(on|of|from)\s+(the\s+)?", "", text, flags=re.I)
    text = re.sub(r"\s+(to\s+lead|leading|to\s+support|supporting|to)$", "", text, flags=re.I)
    return text


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) <= 5 or len(b) <= 5:
        return fuzz.ratio(a, b) >= 88
    if a.startswith(b) or b.startswith(a):
        return True
    return fuzz.ratio(a, b) >= 85


def _words_explained(key: str, candidate: str) -> bool:
    """Every distinctive word on each side has a near-twin on the other; tiers agree."""
    a, b = key.split(), candidate.split()
    tiers_a, tiers_b = set(a) & _TIER_WORDS, set(b) & _TIER_WORDS
    if tiers_a and tiers_b and tiers_a != tiers_b:
        # "Anytown County Council" may still be Anytownshire County Council, not the City
        return False
    da = [w for w in a if w not in _GENERIC_WORDS]
    db = [w for w in b if w not in _GENERIC_WORDS]
    return all(any(_similar(x, y) for y in b) for x in da) and all(
        any(_similar(y, x) for x in a) for y in db
    )


# --------------------------------------------------------------------------- public API


def match_org(
    text: str | None, ctx: MatchContext | None = None, registry: Registry | None = None
) -> Match | None:
    """The registry organisation ``text`` names in this context, or None when unsure."""
    return matcher_for(registry).match(text, ctx)


#: a unit of "the Council" named without its place: the publishing council's own team
_HOST_COUNCIL_UNIT = re.compile(
    r"^(?:the\s+)?council(?:'s|’s)?\s+(?:[A-Z][\w-]*\s*){0,5}(?:team|service|services|unit|"
    r"department|officers?|directorate)$", re.I)
#: the paper's own partnership named by its kind ("The Community Safety Partnership will ...")
_OWN_PARTNERSHIP = re.compile(r"\b[Tt]he (?:Community Safety Partnership|CSP)\b(?! [A-Z])")


def find_mentions(
    page_texts: list[str], ctx: MatchContext, registry: Registry | None = None
) -> list[tuple[str, str, int]]:
    """(organisation_id, text as written, first page) for every organisation named in the pages."""
    return matcher_for(registry).find_mentions(page_texts, ctx)


_EXPANSION = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9}s?)\s*\)")
_JOINERS = {"of", "and", "the", "for", "&", "in", "on", "to", "de"}


def find_expansions(page_texts: Iterable[str]) -> dict[str, str]:
    """The paper's own "Full Name (ABBR)" pairs, letters matched to word initials."""
    found: dict[str, str] = {}
    for page in page_texts:
        text = fold(page)
        for m in _EXPANSION.finditer(text):
            abbr = m.group(1)
            letters = [c.lower() for c in abbr if c.isalpha() and (c.isupper() or c.isdigit())]
            if len(letters) < 2 or sum(c.isupper() for c in abbr) < 2:
                continue
            before = re.split(r"[\n.;:()]", text[max(0, m.start() - 160) : m.start()])[-1]
            words = re.findall(r"[A-Za-z][A-Za-z'-]*", before)
            name = _initials_span(words, letters)
            if name and abbr not in found:
                found[abbr] = name
    return found


def _initials_span(words: list[str], letters: list[str]) -> str | None:
    """Shortest run of trailing words whose initials spell the letters (joiners may be skipped)."""
    parts: list[str] = []
    for w in words:
        parts.extend(p for p in w.split("-") if p)
    j = len(letters) - 1
    i = len(parts) - 1
    start = None
    while i >= 0 and j >= 0:
        word = parts[i]
        if word[0].lower() == letters[j]:
            j -= 1
            start = i
        elif word.lower() not in _JOINERS:
            return None
        i -= 1
    if j >= 0 or start is None:
        return None
    return " ".join(parts[start:])


# --------------------------------------------------------------------------- whole documents


def build_context(
    extraction: Extraction, registry: Registry | None = None
) -> tuple[MatchContext, Organisation | None, Partnership | None]:
    """Context from the publishing council, the partnership and the paper's expansions."""
    registry = registry or Registry.load()
    m = matcher_for(registry)
    expansions = find_expansions(extraction.page_texts)
    date = extraction.meta.meeting_date
    bare = MatchContext(expansions=expansions, date=date)
    if _commissioners_paper(extraction):
        # a police and crime commissioner's paper: the councils and partnerships it names are its
        # grantees, not its publisher, so neither is guessed; its area is the commissioner's
        ctx = MatchContext(expansions=expansions, date=date)
        for org_id, _text, _page in m.find_mentions(extraction.page_texts[:2], bare):
            org = registry.get(org_id)
            if org is not None and org.kind == "pcc" and org.areas:
                ctx.area_gss = set(org.areas)
                force = m._by_kind({"police"}, ctx)
                ctx.force = force.id if force else None
                break
        return ctx, None, None
    authority = _match_authority(m, extraction.meta.authority_text, bare)
    ctx = MatchContext(expansions=expansions, date=date)
    if authority is not None:
        ctx.authority_id = authority.id
        ctx.authority_gss = authority.gss_code
        ctx.area_gss = set(authority.areas)
    partnership = match_partnership(extraction.meta.partnership_text, ctx, registry)
    if partnership is None and extraction.meta.partnership_text is None:
        partnership = _partnership_from_text(m, extraction.page_texts, ctx)
    if partnership is None and authority is not None:
        partnership = _partnership_for_authority(registry, authority)
    if partnership is not None:
        host = _host_council(registry, partnership, date)
        weak = authority is None or extraction.meta.authority_basis == "mentions"
        if host is not None and weak and (authority is None or authority.id != host.id):
            # a district CSP's papers are its council's: better than the council named most often
            authority = host
            ctx.authority_id = host.id
            ctx.authority_gss = host.gss_code
            ctx.area_gss = set(host.areas)
        ctx.partnership_id = partnership.id
        if authority is None or authority.kind != "county_council":
            ctx.area_gss |= set(partnership.areas)
        else:
            ctx.area_gss |= {a for a in partnership.areas if a.startswith(("E23", "W15"))}
        ctx.force = partnership.force
    if ctx.force is None and ctx.area_gss:
        force = m._by_kind({"police"}, ctx)
        ctx.force = force.id if force else None
    if ctx.force:
        force = registry.get(ctx.force)
        if force is not None:
            ctx.area_gss |= {a for a in force.areas if a.startswith(("E23", "W15"))}
    return ctx, authority, partnership


_COMMISSIONER = re.compile(r"\b(?:Police,? (?:Fire )?and Crime )?Commissioner\b")


def _commissioners_paper(extraction: Extraction) -> bool:
    """No council says it published the paper, and its opening names a commissioner as author."""
    meta = extraction.meta
    if meta.authority_basis not in (None, "mentions"):
        return False
    opening = " ".join([meta.title or "", *(extraction.page_texts[:1])])[:2000]
    return bool(_COMMISSIONER.search(opening)) and "Community Safety Partnership" not in (meta.title or "")


def _match_authority(m: Matcher, text: str | None, ctx: MatchContext) -> Organisation | None:
    found = m.match(text, ctx) if text else None
    org = m.registry.get(found.organisation_id) if found else None
    return org if org is not None and org.kind in COUNCIL_KINDS else None


def match_partnership(
    text: str | None, ctx: MatchContext, registry: Registry | None = None
) -> Partnership | None:
    """The CSP ``text`` names ("Anytown CSP", "ACSP", "the CSP" via the context)."""
    if not text:
        return None
    registry = registry or Registry.load()
    found = matcher_for(registry).match(text, ctx)
    if found is not None and found.organisation_id in registry.partnerships:
        return registry.partnerships[found.organisation_id]
    # "Safer <Place> Partnership", "<Place> Safer Communities Partnership": the place's CSP
    named = _BRANDED_CSP.match(_clean(text))
    if named:
        place = normalise(named.group("place"))
        places = [p for p in registry.partnerships.values()
                  if p.current and normalise(p.name.removesuffix(" Community Safety Partnership")) == place]
        if len(places) == 1:
            return places[0]
    return None


_BRANDED_CSP = re.compile(
    r"^(?:the\s+)?(?:safer|safe|stronger|safer\s+and\s+stronger)\s+(?P<place>[A-Z][\w' -]+?)"
    r"(?:\s+(?:community\s+safety|safer\s+communities|community))?\s+partnership$",
    re.IGNORECASE,
)


def _host_council(registry: Registry, partnership: Partnership, date: str | None) -> Organisation | None:
    """The one district or unitary council whose area is the partnership's, if there is exactly one."""
    councils = [
        o for o in registry.organisations.values()
        if o.kind in {"district_council", "unitary_council"} and o.gss_code in partnership.areas
        and _existed(o, date) and (o.current or date)
        and not (o.end_date and date and o.end_date < date)
    ]
    return councils[0] if len(councils) == 1 else None


def _partnership_for_authority(registry: Registry, authority: Organisation) -> Partnership | None:
    if not authority.gss_code:
        return None
    found = [
        p for p in registry.partnerships.values() if p.current and authority.gss_code in p.areas
    ]
    if authority.kind == "county_council":
        districts = {
            o.gss_code
            for o in registry.organisations.values()
            if o.parent == authority.id and o.current and o.gss_code
        }
        found = [p for p in found if districts and districts <= p.areas]
        return found[0] if len(found) == 1 else None
    return found[0] if len(found) == 1 else None


def _partnership_from_text(m: Matcher, pages: list[str], ctx: MatchContext) -> Partnership | None:
    counts: Counter[str] = Counter()
    for org_id, _text, _page in m.find_mentions(pages[:5], ctx):
        if org_id in m.registry.partnerships:
            counts[org_id] += 1
    if len(counts) == 1:
        return m.registry.partnerships[next(iter(counts))]
    return None


@dataclass
class Resolution:
    """Every organisation reference in one extraction, resolved to registry ids."""

    partnership: PartnershipRow | None = None
    authority: str | None = None
    lead_orgs: dict[tuple[int, int], tuple[str | None, float | None]] = field(default_factory=dict)
    funders: dict[int, str | None] = field(default_factory=dict)
    recipients: dict[int, str | None] = field(default_factory=dict)
    mentions: list[tuple[str, str, int]] = field(default_factory=list)
    candidates: list[tuple[str, int, int, str | None, float | None]] = field(default_factory=list)
    organisations: list[OrganisationRow] = field(default_factory=list)
    context: MatchContext | None = None


_ORGISH = re.compile(
    r"\b((?:[A-Z][A-Za-z'&-]+|of|and|&|for|the)(?:\s+(?:[A-Z][A-Za-z'&-]+|of|and|&|for|the)){0,6}\s+"
    r"(?:Council|Trust|Partnership|Board|Network|Charity|Foundation|Association|Alliance|CIC|"
    r"Ltd|Limited|Society|Agency|Service|Services|Centre|Project|Group|Forum|Hub|Constabulary|Police))\b"
)


def resolve(extraction: Extraction, registry: Registry | None = None) -> Resolution:
    """Resolve partnership, authority, leads, funders, recipients, mentions and candidates."""
    registry = registry or Registry.load()
    m = matcher_for(registry)
    ctx, authority, partnership = build_context(extraction, registry)
    res = Resolution(context=ctx)
    res.partnership = partnership.row() if partnership else None
    res.authority = authority.name if authority else None
    referenced: dict[str, None] = {}
    if authority is not None:
        referenced[authority.id] = None

    people = {normalise(p.name): p.org_text for p in extraction.meta.people if p.org_text}
    # "ADC: Sam Brown" in one lead ties Sam Brown to ADC where he stands alone in another
    for activity in extraction.activities:
        for lead in activity.leads:
            if lead.person and lead.org_text and " " in normalise(lead.person):
                people.setdefault(normalise(lead.person), lead.org_text)
    # a first name alone is tied to an organisation only when every namesake shares one
    first_names: dict[str, dict[str | None, str]] = {}
    for name, org_text in people.items():
        found = m.match(org_text, ctx)
        first_names.setdefault(name.split()[0], {})[found.organisation_id if found else None] = (
            org_text
        )

    for ai, activity in enumerate(extraction.activities):
        for li, lead in enumerate(activity.leads):
            result: tuple[str | None, float | None] = (None, None)
            if lead.all_partners:
                result = (ALL_PARTNERS_ID, 100.0)
                # "All NASP partners": the partners of another named partnership are that body
                owner = re.sub(r"^\s*all\s+|\s+partners?\b.*$", "", lead.raw, flags=re.I).strip()
                found = m.match(owner, ctx) if owner and owner.lower() != "all" else None
                org = m.lookup(found.organisation_id) if found else None
                if org is not None and org.kind == "partnership" and org.id != ctx.partnership_id:
                    result = (org.id, found.score)
            elif lead.org_text:
                found = m.match(lead.org_text, ctx)
                result = (found.organisation_id, found.score) if found else (None, None)
            elif lead.person:
                org_text = people.get(normalise(lead.person))
                if org_text is None:
                    options = first_names.get(
                        normalise(lead.person).split()[0] if normalise(lead.person) else "", {}
                    )
                    org_text = (
                        next(iter(options.values()))
                        if len(options) == 1 and " " not in normalise(lead.person)
                        else None
                    )
                if org_text:
                    found = m.match(org_text, ctx)
                    result = (found.organisation_id, found.score) if found else (None, None)
                else:
                    # a body's name read as a person's ("Stamp Out Spiking"): exact names only
                    found = m.match(lead.person, ctx) if " " in lead.person.strip() else None
                    if found is not None and found.method in {"exact", "pattern"}:
                        result = (found.organisation_id, found.score)
            res.lead_orgs[(ai, li)] = result
            if result[0]:
                referenced[result[0]] = None

    for fi, funding in enumerate(extraction.funding):
        for text, target in (
            (funding.funder_text, res.funders),
            (funding.recipient_text, res.recipients),
        ):
            found = m.match(text, ctx) if text else None
            target[fi] = found.organisation_id if found else None
            if found:
                referenced[found.organisation_id] = None

    res.mentions = m.find_mentions(extraction.page_texts, ctx)
    # a lead or funder cell names its organisation too ("Police" in a lead cell is the local force)
    named = {org_id for org_id, _t, _p in res.mentions}
    cited: list[tuple[str, str, int]] = []
    # the partnership as the paper names itself ("Safer Anytown Partnership") is named too
    # and so is it as "the Community Safety Partnership" / "the CSP" in its own paper
    own = extraction.meta.partnership_text
    if partnership is not None and partnership.id not in named:
        keys = [re.sub(r"\s+", " ", own).strip().lower()] if own else []
        for page_no, text in enumerate(extraction.page_texts, start=1):
            flat = re.sub(r"\s+", " ", text)
            hit = next((k for k in keys if k in flat.lower()), None) or (
                m_.group(0) if (m_ := _OWN_PARTNERSHIP.search(flat)) else None)
            if hit:
                named.add(partnership.id)
                cited.append((partnership.id, own or hit, page_no))
                break
    # the council that publishes the paper takes part in it, named or not (a letterhead,
    # "the Council", a logo)
    if authority is not None and authority.id not in named:
        named.add(authority.id)
        cited.append((authority.id, extraction.meta.authority_text or authority.name, 1))
    for ai, activity in enumerate(extraction.activities):
        for li, lead in enumerate(activity.leads):
            org_id = res.lead_orgs.get((ai, li), (None, None))[0]
            # a Lead cell names its lead body whatever its case ("police" in a Lead column)
            if org_id and org_id != ALL_PARTNERS_ID and org_id not in named:
                named.add(org_id)
                cited.append((org_id, lead.org_text or lead.raw, activity.page))
    for fi, funding in enumerate(extraction.funding):
        for org_id, text in (
            (res.funders.get(fi), funding.funder_text),
            (res.recipients.get(fi), funding.recipient_text),
        ):
            if org_id and org_id not in named and _capitalised(text or ""):
                named.add(org_id)
                cited.append((org_id, text or "", funding.page))
    res.mentions = sorted(res.mentions + cited, key=lambda x: (x[2], x[0]))
    for org_id, _text, _page in res.mentions:
        referenced[org_id] = None
    res.candidates = _candidates(m, extraction, ctx)

    for org_id in referenced:
        org = m.lookup(org_id)
        if org is not None:
            res.organisations.append(org.row())
    return res


def _capitalised(text: str) -> bool:
    """A cell names a body only when written as a name: "Police", not "police to lead"."""
    return any(ch.isupper() for ch in text)


def _candidates(
    m: Matcher, extraction: Extraction, ctx: MatchContext
) -> list[tuple[str, int, int, str | None, float | None]]:
    """Names that look like organisations but matched nothing: (text, page, count, guess, score)."""
    seen: dict[str, list] = {}
    texts: list[tuple[str, int]] = []
    for activity in extraction.activities:
        for lead in activity.leads:
            if lead.org_text and not lead.all_partners:
                texts.append((lead.org_text, activity.page))
    for funding in extraction.funding:
        for text in (funding.funder_text, funding.recipient_text):
            if text:
                texts.append((text, funding.page))
    for page_no, page in enumerate(extraction.page_texts, start=1):
        for match in _ORGISH.finditer(fold(page)):
            phrase = re.sub(r"^(?:(?:the|of|and|for|&)\s+)+", "", match.group(1), flags=re.I)
            if len(phrase.split()) >= 2:
                texts.append((phrase, page_no))
    for text, page in texts:
        key = normalise(text)
        if not key or _ROLES.get(key) or m.match(text, ctx) is not None:
            continue
        if key in seen:
            seen[key][2] += 1
            continue
        guess, score = m.best_guess(text)
        seen[key] = [text.strip(), page, 1, guess, score]
    return [tuple(v) for v in seen.values()]  # type: ignore[misc]


__all__ = [
    "FUZZY_THRESHOLD",
    "Match",
    "MatchContext",
    "Matcher",
    "Resolution",
    "build_context",
    "find_expansions",
    "find_mentions",
    "match_org",
    "match_partnership",
    "resolve",
]
