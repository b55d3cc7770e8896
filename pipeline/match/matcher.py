"""Organisation text -> registry ids, decided with the document's own context.

Short forms are local: "SCC" names one county council in one county's papers and another
in the next county's, "Police" is whichever force serves the partnership. A
``MatchContext`` (publishing council, the partnership's districts and force area, and the
paper's own "Full Name (ABBR)" expansions) decides them. Precision first: when the context
cannot decide, or a fuzzy match leaves a distinctive word unexplained, the answer is None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

from rapidfuzz import fuzz, process

from cspipe.models import ALL_PARTNERS_ID
from cspipe.pipeline.match.abbreviations import AbbreviationMatching
from cspipe.pipeline.match.context import (
    Match,
    MatchContext,
    alive,
    existed,
    rule_alive,
)
from cspipe.pipeline.match.names import (
    HOST_COUNCIL_UNIT,
    clean,
    generic_plural,
    is_part,
    is_part_key,
)
from cspipe.pipeline.match.registry import COUNCIL_KINDS, Organisation, Registry
from cspipe.pipeline.match.registry.text import looks_like_abbreviation, normalise, slugify
from cspipe.pipeline.match.roles import RoleResolution
from cspipe.pipeline.match.scan import MentionScan
from cspipe.pipeline.match.words import (
    BODY_ROLES,
    COUNCIL_FORMS,
    COUNCIL_SUFFIXES,
    GENERIC_WORDS,
    NOT_PLACES,
    ROLES,
    TEAM_WORDS,
)


class Matcher(RoleResolution, AbbreviationMatching, MentionScan):
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
                for token in set(key.split()) - GENERIC_WORDS:
                    self.token_index.setdefault(token, []).append(idx)
        self._cache: dict[tuple, Match | None] = {}
        self.vocabulary: list[str] = sorted(self.token_index)
        self._near_cache: dict[str, tuple[str, ...]] = {}
        #: sorted words -> index of the nearest registry name: papers of one council repeat
        #: the phrases nothing matched, and each guess scores every registry name
        self._guesses: dict[str, tuple[int, float] | None] = {}
        self._role_keys: list[str] = [k for k in ROLES if len(k) >= 6]
        self._scan_patterns: dict[str, list[str]] | None = None
        self._first_tokens: dict[str, tuple[int, ...]] = {}
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
            if self._alias_allowed(o, key, ctx) and existed(o, ctx.date) and rule_alive(o, ctx.date)
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

    def match(self, text: str | None, ctx: MatchContext | None = None) -> Match | None:
        if not text or not text.strip():
            return None
        ctx = ctx or MatchContext()
        cache_key = (text, ctx.key())
        if cache_key in self._cache:
            return self._cache[cache_key]
        result = self._renamed(self._match(text, ctx), ctx)
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[cache_key] = result
        return result

    def _renamed(self, found: Match | None, ctx: MatchContext) -> Match | None:
        """A national body that had ceased before the paper's date, named by its old name, is the
        body that carries its work on: "the National Probation Service" in a paper of September
        2021 is the Probation Service (unified that June). A local body merged or abolished keeps
        its own name and dates ("Thanet CCG" in a 2022 paper is the CCG, not the ICB after it), so
        a comparison across years sees each under its own name."""
        if found is None or not ctx.date:
            return found
        org = self.registry.get(found.organisation_id)
        if org is None or org.areas:
            return found
        seen: set[str] = set()
        while (org is not None and org.successor and org.end_date and org.id not in seen
               and org.end_date < ctx.date[: len(org.end_date)]):
            seen.add(org.id)
            org = self.registry.get(org.successor) or org
            if org.id in seen:
                break
        if org is None or org.id == found.organisation_id:
            return found
        return Match(org.id, org.name, found.score, f"{found.method}, successor")

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
        while place_words and place_words[0].lower().rstrip(".") in NOT_PLACES:
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
        raw = clean(text)
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
        if ctx.authority_id and HOST_COUNCIL_UNIT.match(raw):
            host = self.registry.get(ctx.authority_id)
            if host is not None:
                return self._result(host, 90.0, "host council unit")
        key = normalise(raw)
        if not key:
            return None
        if key not in self.registry.names and generic_plural(key):
            return None  # "Police and Crime Commissioners": every one of them, not one body
        if key.endswith(" responsible authorities"):
            # "ACSP Responsible Authorities": every statutory partner of a named partnership
            owner = self._match(" ".join(raw.split()[:-2]), ctx)
            if owner is not None and owner.organisation_id in self.registry.partnerships:
                return self._result(self.registry.get(ALL_PARTNERS_ID), 90.0, "context")
        role = ROLES.get(key)
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
        if " " in key and suffix in COUNCIL_SUFFIXES:
            stem = key[: -len(suffix)]
            for full in COUNCIL_SUFFIXES[suffix]:
                ids = self.registry.names.get(stem + full)
                org = self._pick(ids, ctx, stem + full) if ids else None
                if org is not None:
                    return self._result(org, 95.0, "expansion")
        near_role = process.extractOne(key, self._role_keys, scorer=fuzz.ratio, score_cutoff=90)
        if near_role is not None:
            org = self.resolve_role(ROLES[near_role[0]], ctx)
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
            and (words[0].endswith(":") or is_part(words[1:]))
        ):
            found = self.match_abbreviation(words[0].rstrip(":,"), ctx)
            if found is not None:
                return Match(found.organisation_id, found.name, 90.0, "part-of")
            # "DC Community Safety Team": a team of "the District Council", the paper's own
            # (team words only: "DC Smith" is a detective constable)
            suffix = COUNCIL_SUFFIXES.get(words[0].rstrip(":,").lower(), ())
            role = next((ROLES[normalise(f)] for f in suffix if normalise(f) in ROLES), None)
            if role and any(normalise(w) in TEAM_WORDS for w in words[1:]):
                return self._result(self.resolve_role(role, ctx), 88.0, "part-of")
        tokens = key.split()
        # "Police Rural Crime Action Team": a team of the body the role word names; so is
        # "County Council Highways" (a council phrase, not the bare "County" of "County Lines")
        for cut in (2, 1):
            head = " ".join(tokens[:cut])
            role = ROLES.get(head)
            if (
                (role in BODY_ROLES or (cut == 2 and role in ("county", "district")))
                and len(tokens) > cut
                and any(w in TEAM_WORDS for w in tokens[cut:])
            ):
                return self._result(self.resolve_role(role, ctx), 88.0, "part-of")
        for cut in range(len(tokens) - 1, 1, -1):
            head = " ".join(tokens[:cut])
            ids = self.registry.names.get(head)
            if ids and ROLES.get(head) is None and is_part_key(tokens[cut:]):
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
            for suffix in COUNCIL_FORMS:
                if key.endswith(" " + suffix):
                    place = key[: -len(suffix) - 1]
                    break
            else:
                return None
        councils = [
            o
            for o in (self.registry.get(i) for i in self.registry.places.get(place, []))
            if o is not None and existed(o, ctx.date) and alive(o, ctx.date)
        ]
        if len(councils) > 1:
            councils = [o for o in councils if o.current] or councils
        return councils[0] if len(councils) == 1 else None

    def _outlived(self, rival_id: str, org: Organisation, ctx: MatchContext) -> bool:
        """A rival no longer (or not yet) in being at the paper's date, against one that is."""
        rival = self.registry.get(rival_id)
        return rival is not None and alive(org, ctx.date) and not alive(rival, ctx.date)

    @cached_property
    def _sorted_choices(self) -> list[str]:
        return [_sorted_words(c) for c in self.choices]

    def best_guess(self, text: str) -> tuple[str | None, float | None]:
        """Nearest registry name regardless of threshold (for the candidates table)."""
        key = normalise(clean(text))
        if not key or not self.choices:
            return None, None
        # token_sort_ratio is ratio over sorted words: the registry's are sorted once
        words = _sorted_words(key)
        if words not in self._guesses:
            if len(self._guesses) >= _GUESSES_KEPT:
                self._guesses.clear()
            found = process.extractOne(words, self._sorted_choices, scorer=fuzz.ratio)
            self._guesses[words] = None if found is None else (found[2], float(found[1]))
        guess = self._guesses[words]
        if guess is None:
            return None, None
        return self.choice_ids[guess[0]], guess[1]

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


_MATCHERS: dict[int, Matcher] = {}
#: nearest-name guesses a matcher keeps before it starts afresh
_GUESSES_KEPT = 20_000


def _sorted_words(key: str) -> str:
    return " ".join(sorted(key.split()))


def matcher_for(registry: Registry | None = None) -> Matcher:
    """The (cached) matcher of a registry; the packaged registry by default."""
    registry = registry or Registry.load()
    found = _MATCHERS.get(id(registry))
    if found is None or found.registry is not registry:
        found = Matcher(registry)
        _MATCHERS[id(registry)] = found
    return found


def match_org(
    text: str | None, ctx: MatchContext | None = None, registry: Registry | None = None
) -> Match | None:
    """The registry organisation ``text`` names in this context, or None when unsure."""
    return matcher_for(registry).match(text, ctx)


def find_mentions(
    page_texts: list[str], ctx: MatchContext, registry: Registry | None = None
) -> list[tuple[str, str, int]]:
    """(organisation_id, text as written, first page) for every organisation named in the pages."""
    return matcher_for(registry).find_mentions(page_texts, ctx)
